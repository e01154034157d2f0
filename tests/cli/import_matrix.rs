//! `import matrix` end to end: words with `--scale`, numbers without, unrated cells, the optional
//! columns, and the errors a spreadsheet export can cause.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::common::{cmd, example_path, fixture_path, import_json, path, read_yaml, stdout, validates_cleanly};

fn fixture(name: &str) -> String {
    fixture_path(&format!("matrix/{name}"))
}

fn import(file: &str, out: &Path, extra: &[&str]) -> Value {
    import_json("matrix", file, out, extra)
}

#[test]
fn words_need_the_scale_and_then_import_with_unrated_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("m");
    // Without --scale the order of the words cannot be known: refused, with a --scale to try.
    cmd()
        .args(["import", "matrix", &example_path("matrix.csv"), "--out", path(&out)])
        .assert()
        .code(1)
        .stderr(contains("`basic`, `good`, `great`").and(contains("--scale basic,good,great")));
    assert!(!out.exists());

    let v = import(&example_path("matrix.csv"), &out, &["--scale", "basic,good,great", "--role", "Platform engineer"]);
    assert_eq!((v["role"].as_str(), v["scale_from"].as_str()), (Some("platform-engineer"), Some("option")));
    assert_eq!(v["scale"], serde_json::json!(["basic", "good", "great"]));
    assert_eq!(
        (v["skills"].as_u64(), v["rated_cells"].as_u64(), v["unrated_cells"].as_u64()),
        (Some(4), Some(12), Some(4))
    );
    assert_eq!((v["description_column"].as_bool(), v["category_column_ignored"].as_bool()), (Some(true), Some(true)));
    let levels: Vec<&str> = v["levels"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(levels, ["junior-engineer", "engineer", "senior-engineer", "staff-engineer"], "category is no level");
    validates_cleanly(&out);

    let role = read_yaml(out.join("roles/platform-engineer.yaml"));
    let junior = &role["levels"][0]["skills"];
    assert_eq!(junior["testing"], "basic");
    assert!(junior["code-review"].is_null() && junior["incident-response"].is_null() && junior["mentoring"].is_null());
    let skills = read_yaml(out.join("skills.yaml"));
    assert_eq!(skills["skills"][0]["description"], "Checks that code does what it should.");
    assert!(skills["skills"][1]["description"].as_str().unwrap().contains("gives no description"));
    assert!(!fs::read_to_string(out.join("skills.yaml")).unwrap().contains("Craft"), "categories are not written");

    let table = stdout(&[
        "import",
        "matrix",
        &example_path("matrix.csv"),
        "--out",
        path(&tmp.path().join("t")),
        "--scale",
        "basic,good,great",
    ]);
    assert!(table.contains("Imported the role matrix") && table.contains("basic < good < great"), "{table}");
    assert!(table.contains("category column is not imported"), "{table}");
    stdout(&["--data", path(&out), "diff", "junior-engineer", "staff-engineer"]);
}

#[test]
fn numbers_are_a_scale_of_their_own_and_a_bom_is_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("n");
    let v = import(&fixture("numbers.csv"), &out, &[]);
    assert_eq!(v["scale_from"], "numbers");
    assert_eq!(v["scale"], serde_json::json!(["1", "1.5", "2", "3", "4"]));
    assert_eq!(v["role"], "numbers", "named from the file");
    assert_eq!(v["levels"][0]["id"], "l1", "the BOM is not part of the first header");
    validates_cleanly(&out);
    let role = read_yaml(out.join("roles/numbers.yaml"));
    assert!(role["levels"][0]["skills"]["presenting"].is_null() && role["levels"][1]["skills"]["presenting"].is_null());
    // Known words need no --scale.
    let known = tmp.path().join("known.csv");
    fs::write(&known, "Skill,A,B\nUser focus,Awareness,Working\nDelivery,working,EXPERT\n").unwrap();
    let v = import(path(&known), &tmp.path().join("k"), &[]);
    assert_eq!(v["scale"], serde_json::json!(["Awareness", "Working", "Practitioner", "Expert"]));
    validates_cleanly(&tmp.path().join("k"));
}

#[test]
fn bad_cells_and_broken_rows_are_errors_with_their_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("x");
    let file = fixture("bad-cell.csv");
    cmd()
        .args(["import", "matrix", &file, "--out", path(&out), "--scale", "basic,good,great"])
        .assert()
        .code(1)
        .stderr(
            contains(format!("{file}:3: error: column C (`Senior`): `gerat` is not on the scale"))
                .and(contains("did you mean `great`?")),
        );
    let file = fixture("ragged.csv");
    cmd()
        .args(["import", "matrix", &file, "--out", path(&out), "--scale", "basic,good,great"])
        .assert()
        .code(1)
        .stderr(contains(format!("{file}: line 3")).and(contains("2 fields but the header has 3")));
    for (name, text, needle) in [
        ("dup.csv", "Skill,A\nX,1\nx ,2\n", "the skill `x` is named twice (first at line 2)"),
        ("formula.csv", "Skill,A\n=HYPERLINK(\"http://x\"),1\n", "is a formula"),
        ("nolevels.csv", "Skill,Description\nX,d\n", "no level columns"),
        ("noname.csv", "Skill,A\n,1\n", "no skill name"),
        ("empty.csv", "", "empty"),
        ("quote.csv", "Skill,A\n\"X,1\n", "fields"),
        // Found by `fuzz_matrix`: one number alone once made a one-step scale that `validate` refused.
        ("one-number.csv", "Skill,L1,L2,V3\nPresenting,,NC,2\n", "one number makes no scale"),
    ] {
        let f = tmp.path().join(name);
        fs::write(&f, text).unwrap();
        cmd().args(["import", "matrix", path(&f), "--out", path(&out)]).assert().code(1).stderr(contains(needle));
    }
    let binary = tmp.path().join("binary.csv");
    fs::write(&binary, b"Skill,A\n\0,1\n").unwrap();
    cmd()
        .args(["import", "matrix", path(&binary), "--out", path(&out)])
        .assert()
        .code(1)
        .stderr(contains(path(&binary)));
    assert!(!out.exists(), "nothing written on error");

    // --out holding the input is refused even with --force.
    let input = tmp.path().join("numbers.csv");
    fs::copy(fixture("numbers.csv"), &input).unwrap();
    cmd()
        .args(["import", "matrix", path(&input), "--out", path(tmp.path()), "--force"])
        .assert()
        .code(1)
        .stderr(contains("holds the input"));
    assert!(input.is_file());
}
