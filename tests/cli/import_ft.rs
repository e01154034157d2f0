//! `import ft-progression` end to end: a small invented job family with two tracks, its errors,
//! and FT's own engineering.yml when it is on disk.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::common::{cmd, fixture_path, import_json, json, path, read_yaml, stdout, validates_cleanly};

fn fixture(name: &str) -> String {
    fixture_path(&format!("ft-progression/{name}"))
}

fn import(file: &str, out: &Path, extra: &[&str]) -> Value {
    import_json("ft-progression", file, out, extra)
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().expect("array").iter().map(|x| x["id"].as_str().expect("id")).collect()
}

#[test]
fn tracks_become_roles_sharing_the_common_levels() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ft");
    let v = import(&fixture("widgets.yml"), &out, &[]);
    assert_eq!(v["framework"], "widget-making");
    assert_eq!((v["levels_in_file"].as_u64(), v["competencies"].as_u64()), (Some(5), Some(11)));
    assert_eq!((v["criteria"].as_u64(), v["examples"].as_u64(), v["resources"].as_u64()), (Some(11), Some(2), Some(3)));
    assert_eq!(ids(&v["roles"]), ["widget-making-ic", "widget-making-pm"]);
    assert_eq!(ids(&v["roles"][0]["levels"]), ["apprentice", "maker", "senior-ic", "head"]);
    assert_eq!(ids(&v["roles"][1]["levels"]), ["apprentice", "maker", "senior-pm", "head"]);
    assert_eq!(v["roles"][0]["track"], "individual-contributor");
    validates_cleanly(&out);

    let fw = read_yaml(out.join("framework.yaml"));
    assert_eq!(fw["default_role"], "widget-making-ic");
    let steps: Vec<&str> = fw["scale"].as_sequence().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(steps, ["awareness", "foundational", "working-knowledge", "practitioner", "expert"]);
    assert!(fw["licence"].as_str().unwrap().contains("MIT"));
    assert!(
        fw["source"].as_str().unwrap().contains("engineering-progression")
            && fw["source"].as_str().unwrap().contains("widgets.yml")
    );

    let pm = read_yaml(out.join("roles/widget-making-pm.yaml"));
    let apprentice = &pm["levels"][0]["skills"];
    // The highest proficiency of the cell's competencies wins; every one is a criterion.
    assert_eq!(apprentice["craft"]["proficiency"], "foundational");
    assert_eq!(apprentice["craft"]["criteria"][0], "Cuts parts to a drawing.");
    assert_eq!(apprentice["craft"]["criteria"][1]["statement"], "Checks their own parts before passing them on.");
    assert_eq!(apprentice["craft"]["criteria"][1]["examples"][0], "Measures every part twice");
    // No competency: unrated.
    assert!(apprentice["care"].is_null(), "{apprentice:?}");
    // A drop the source makes carries a note, so validate does not flag it.
    assert!(pm["levels"][2]["skills"]["craft"]["note"].as_str().unwrap().contains("Maker"));
    // The IC track never rates coaching below the head, which still lists it.
    let ic = read_yaml(out.join("roles/widget-making-ic.yaml"));
    assert!(ic["levels"][2]["skills"]["coaching"].is_null());

    // Links become resources, one per url.
    let skills = read_yaml(out.join("skills.yaml"));
    let craft = &skills["skills"][0];
    assert_eq!(craft["id"], "craft");
    assert_eq!(craft["description"], "Shapes widgets that last.");
    let care = &skills["skills"][1];
    let urls: Vec<&str> = care["resources"].as_sequence().unwrap().iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(urls, ["https://example.org/handbook", "https://example.org/bench"]);
    assert_eq!(care["resources"][0]["kind"], "link");

    let diff = json(&["--data", path(&out), "diff", "widget-making-ic/senior-ic", "widget-making-pm/senior-pm"]);
    assert!(!diff["rows"].as_array().unwrap().is_empty(), "{diff}");
    let table = stdout(&["import", "ft-progression", &fixture("widgets.yml"), "--out", path(&tmp.path().join("t"))]);
    assert!(table.contains("Imported 2 roles") && table.contains("11 competencies → 11 criteria"), "{table}");
    assert!(table.contains("diff widget-making-ic/senior-ic widget-making-pm/senior-pm"), "{table}");
}

#[test]
fn bad_files_name_the_line_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ft");
    let file = fixture("unknown-theme.yml");
    cmd().args(["import", "ft-progression", &file, "--out", path(&out)]).assert().code(1).stderr(
        contains(format!("{file}:71:"))
            .and(contains("the theme `cares`, which the file does not define"))
            .and(contains("did you mean `care`?")),
    );
    let file = fixture("bad-proficiency.yml");
    cmd().args(["import", "ft-progression", &file, "--out", path(&out)]).assert().code(1).stderr(
        contains(format!("{file}:68:"))
            .and(contains("Awareness, Foundational, Working knowledge, Practitioner, Expert"))
            .and(contains("did you mean `Expert`?")),
    );
    // Unknown fields, other YAML and anchors that expand are refused by the shared reader.
    for (name, text, needle) in [
        (
            "extra.yml",
            "name: X\nsummary: s\ngoogleSheetId: g\nlevels: []\nthemes: []\ncompetencies: []\ncolour: red\n",
            "colour",
        ),
        ("list.yml", "- a\n- b\n", "extra.yml"),
        ("empty.yml", "", "empty"),
    ] {
        let f = tmp.path().join(name);
        fs::write(&f, text).unwrap();
        let needle = if name == "list.yml" { path(&f).to_string() } else { needle.to_string() };
        cmd()
            .args(["import", "ft-progression", path(&f), "--out", path(&out)])
            .assert()
            .code(1)
            .stderr(contains(needle));
    }
    let bomb = tmp.path().join("bomb.yml");
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..8 {
        text.push_str(&format!(
            "{}: &{} [*{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}, *{}]\n",
            (b'b' + i) as char,
            (b'b' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char,
            (b'a' + i) as char
        ));
    }
    fs::write(&bomb, text).unwrap();
    cmd()
        .args(["import", "ft-progression", path(&bomb), "--out", path(&out)])
        .assert()
        .code(1)
        .stderr(contains(path(&bomb)));
    assert!(!out.exists(), "nothing written on error");
}

#[test]
fn out_is_refused_when_full_or_holding_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ft");
    import(&fixture("widgets.yml"), &out, &[]);
    fs::write(out.join("keep.txt"), "mine").unwrap();
    cmd()
        .args(["import", "ft-progression", &fixture("widgets.yml"), "--out", path(&out)])
        .assert()
        .code(1)
        .stderr(contains("--force"));
    assert_eq!(fs::read_to_string(out.join("keep.txt")).unwrap(), "mine");
    import(&fixture("widgets.yml"), &out, &["--force"]);
    assert!(!out.join("keep.txt").exists());

    let input = out.join("widgets.yml");
    fs::copy(fixture("widgets.yml"), &input).unwrap();
    cmd()
        .args(["import", "ft-progression", path(&input), "--out", path(&out), "--force"])
        .assert()
        .code(1)
        .stderr(contains("holds the input"));
    assert!(input.is_file());
    #[cfg(unix)]
    {
        let fifo = tmp.path().join("fifo.yml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        cmd()
            .args(["import", "ft-progression", path(&fifo), "--out", path(&tmp.path().join("f"))])
            .assert()
            .code(1)
            .stderr(contains("expected a regular file"));
    }
}

/// FT's own engineering job family, from the reference copy in ../shared beside the clone.
#[test]
#[ignore = "needs ../shared"]
fn ft_engineering_imports_into_two_tracks_that_validate_cleanly() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ft-engineering-progression/engineering.yml");
    assert!(file.is_file(), "this test needs {}", file.display());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ft");
    let v = import(path(&file), &out, &[]);
    assert_eq!(ids(&v["roles"]), ["engineering-ic", "engineering-pm"]);
    assert_eq!(
        ids(&v["roles"][0]["levels"]),
        ["junior", "engineer", "senior-1", "senior-2-ic", "principal-ic", "tech-director"]
    );
    assert_eq!(
        ids(&v["roles"][1]["levels"]),
        ["junior", "engineer", "senior-1", "senior-2-pm", "principal-pm", "tech-director"]
    );
    assert_eq!(v["competencies"], v["criteria"]);
    validates_cleanly(&out);
    let data = path(&out);
    let diff = json(&["--data", data, "diff", "engineering-ic/principal-ic", "engineering-pm/principal-pm"]);
    assert_eq!(diff["rows"].as_array().unwrap().len(), 9, "{diff}");
    stdout(&["--data", data, "diff", "engineering-ic/senior-2-ic", "engineering-pm/senior-2-pm"]);
    stdout(&["--data", data, "--role", "engineering-pm", "ladder"]);
}
