//! Input that costs far more than its size, or that a check refused though it is valid: each
//! limit is an error that names it, and each check reads what the parser reads. How fast and how
//! big these runs are is measured by `cargo bench --bench perf -- --only hostile`, never here.

use std::path::Path;

use crate::common::{cmd, json, path, refused, validates_cleanly};

/// A framework of `n` skills and two levels, imported from a matrix of numbers into `out`.
fn imported(dir: &Path, n: usize) -> std::path::PathBuf {
    let rows: String = (0..n).map(|i| format!("Skill {i},1,2\n")).collect();
    let csv = dir.join("m.csv");
    std::fs::write(&csv, format!("Skill,Junior,Senior\n{rows}")).unwrap();
    let out = dir.join("fw");
    cmd().args(["import", "matrix", path(&csv), "--out", path(&out)]).assert().success();
    out
}

#[test]
fn brackets_after_quoted_text_close_as_the_parser_closes_them() {
    let dir = tempfile::tempdir().unwrap();
    let fw = imported(dir.path(), 300);
    let skills: serde_yaml::Value = crate::common::read_yaml(fw.join("skills.yaml"));
    let q = |v: &serde_yaml::Value| serde_json::to_string(v).unwrap();
    // 300 lines of `- {id: sN, name: "S N", proficiencies: {a: x, b: y}}`: depth 2 on each.
    let lines: String = skills["skills"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| {
            let p = &s["proficiencies"];
            format!(
                "- {{id: {}, name: {}, description: {}, proficiencies: {{\"1\": {}, \"2\": {}}}}}\n",
                s["id"].as_str().unwrap(),
                q(&s["name"]),
                q(&s["description"]),
                q(&p["1"]),
                q(&p["2"])
            )
        })
        .collect();
    let head = format!("source: {}\nlicence: {}\nskills:\n", q(&skills["source"]), q(&skills["licence"]));
    std::fs::write(fw.join("skills.yaml"), format!("{head}{lines}")).unwrap();
    validates_cleanly(&fw);
    // The same framework written as JSON, a subset of YAML: every file one line, or pretty.
    for pretty in [false, true] {
        for file in ["skills.yaml", "framework.yaml", "roles/m.yaml"] {
            let value: serde_json::Value =
                serde_yaml::from_str(&std::fs::read_to_string(fw.join(file)).unwrap()).unwrap();
            let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
            std::fs::write(fw.join(file), text.unwrap()).unwrap();
        }
        validates_cleanly(&fw);
        assert_eq!(json(&["--data", path(&fw), "skills"])["skills"].as_array().unwrap().len(), 300);
    }
    // Real nesting is still refused, with its line, however much quoted text comes before it.
    let deep = format!("{lines}- {}x{}\n", "[".repeat(129), "]".repeat(129));
    std::fs::write(fw.join("skills.yaml"), format!("{head}{deep}")).unwrap();
    let out = cmd().args(["validate", path(&fw)]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("skills.yaml:304: error: brackets `[`/`{` nest more than 128 deep"), "{err}");
}

/// The YAML test suite's inputs that hold a bracket and parse: none is refused for its nesting,
/// and a document nested 129 deep after any of them still is.
#[test]
#[ignore = "needs ../shared"]
fn the_nesting_check_reads_the_yaml_test_suites_flow_cases_as_the_parser_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/yaml-test-suite");
    assert!(root.is_dir(), "this test needs the YAML test suite at {}", root.display());
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    let mut folders = vec![root];
    while let Some(case) = folders.pop() {
        folders.extend(std::fs::read_dir(&case).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()));
        let Ok(text) = std::fs::read_to_string(case.join("in.yaml")) else { continue };
        let valid = !case.join("error").exists() && serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok();
        if !valid || !text.contains(['[', '{']) {
            continue;
        }
        checked += 1;
        let profile = dir.path().join("p.yaml");
        std::fs::write(&profile, &text).unwrap();
        let out = cmd().args(["gap", "--profile", path(&profile), "--to", "senior"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("nest more than"), "{}: {err}", case.display());
        let deep = format!("{text}\n---\n{}x{}\n", "[".repeat(129), "]".repeat(129));
        std::fs::write(&profile, deep).unwrap();
        let err = refused(&["gap", "--profile", path(&profile), "--to", "senior"]);
        assert!(err.contains("nest more than 128 deep"), "{}: {err}", case.display());
    }
    assert!(checked >= 40, "expected the suite's flow cases, found {checked}");
}

#[test]
fn a_matrix_too_big_is_refused_by_its_size_before_its_rows_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // 400 rows × 300 level columns: 120,000 cells, and every row repeats one skill.
    let header: String = (0..300).map(|i| format!(",Level {i}")).collect();
    let row = format!("Same{}\n", ",1".repeat(300));
    let csv = dir.path().join("big.csv");
    std::fs::write(&csv, format!("Skill{header}\n{}", row.repeat(400))).unwrap();
    let out = dir.path().join("fw");
    let err = refused(&["import", "matrix", path(&csv), "--out", path(&out)]);
    assert!(err.contains("400 rows × 300 columns make 120000 cells, over the limit of 100000"), "{err}");
    assert!(!err.contains("named twice"), "{err}");
    assert!(!out.exists());
}

#[test]
fn distinct_numbers_never_become_a_scale_of_thousands_of_steps() {
    let dir = tempfile::tempdir().unwrap();
    // 2,000 skills × 5 levels, each cell a number of its own: 10,000 steps if read as a scale.
    let rows: String = (0..2_000)
        .map(|i| format!("Skill {i}{}\n", (0..5).map(|l| format!(",{}", i * 5 + l)).collect::<String>()))
        .collect();
    let csv = dir.path().join("numbers.csv");
    std::fs::write(&csv, format!("Skill,L1,L2,L3,L4,L5\n{rows}")).unwrap();
    let out = dir.path().join("fw");
    let err = refused(&["import", "matrix", path(&csv), "--out", path(&out)]);
    assert!(err.contains("10000 steps, over the limit of 20 steps a scale may have"), "{err}");
    assert!(!out.exists());
    let many: Vec<String> = (0..21).map(|i| format!("s{i}")).collect();
    let err = refused(&["import", "matrix", path(&csv), "--out", path(&out), "--scale", &many.join(",")]);
    assert!(err.contains("--scale gives 21 steps, over the limit of 20"), "{err}");
    // 20 distinct numbers make a scale of 20 steps.
    let rows: String = (0..20).map(|i| format!("Skill {i},{i}\n")).collect();
    std::fs::write(&csv, format!("Skill,L1\n{rows}")).unwrap();
    cmd().args(["import", "matrix", path(&csv), "--out", path(&out)]).assert().success();
    validates_cleanly(&out);
}

#[test]
fn an_id_too_long_to_name_a_file_is_refused_with_its_line() {
    let data = crate::common::copy_example("custom-ladder");
    let long = "coding".repeat(50);
    for file in ["skills.yaml", "roles/engineering/engineer.yaml"] {
        let text = std::fs::read_to_string(data.path().join(file)).unwrap();
        std::fs::write(data.path().join(file), text.replace("coding", &long)).unwrap();
    }
    let out = cmd().args(["validate", path(data.path())]).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.contains(
            "skills.yaml:4: error: skill id `codingcodingcodingcoding…` is 300 characters long, over the limit of 64"
        ),
        "{report}"
    );
    let site = tempfile::tempdir().unwrap();
    let err = refused(&["--data", path(data.path()), "site", "--out", path(&site.path().join("s"))]);
    assert!(err.contains("over the limit of 64") && !err.contains("File name too long"), "{err}");
    // An importer cuts an id from a long name to fit.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("m.csv");
    std::fs::write(&csv, format!("Skill,{}\n{},1\nOther,2\n", "Level ".repeat(40), "Skill ".repeat(60))).unwrap();
    let fw = dir.path().join("fw");
    cmd().args(["import", "matrix", path(&csv), "--out", path(&fw), "--role", &"Role ".repeat(30)]).assert().success();
    validates_cleanly(&fw);
}

/// A sparse file of `mib` MiB: no disk used, but its size is what the file system reports.
fn sparse(path: &Path, mib: u64) {
    std::fs::File::create(path).unwrap().set_len(mib * 1024 * 1024).unwrap();
}

#[test]
fn a_folder_reads_only_what_a_framework_has_and_within_its_budget() {
    let data = crate::common::copy_example("custom-ladder");
    // Files no framework has are not read: a big stray file at the top, anything in other folders.
    sparse(&data.path().join("notes.yaml"), 15);
    std::fs::create_dir(data.path().join("other")).unwrap();
    sparse(&data.path().join("other/x.yaml"), 15);
    let out = cmd().args(["validate", path(data.path())]).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(
        report.contains("notes.yaml: warning: not part of a framework folder") && !report.contains("x.yaml"),
        "{report}"
    );
    // Five role files of 15 MiB: each within the limit for a file, 75 MiB together.
    for i in 0..5 {
        sparse(&data.path().join(format!("roles/big{i}.yaml")), 15);
    }
    let err = refused(&["--data", path(data.path()), "levels"]);
    assert!(err.contains("holds 75 MiB of YAML files, over the limit of 64 MiB read from one folder"), "{err}");
    // A team or history folder is read a profile at a time, so it may hold more: 40 files of
    // 15 MiB are over its 512 MiB.
    let team = tempfile::tempdir().unwrap();
    for i in 0..40 {
        sparse(&team.path().join(format!("p{i}.yaml")), 15);
    }
    let err = refused(&["gap", "--team", path(team.path()), "--to", "senior"]);
    assert!(
        err.contains("the team folder") && err.contains("holds 600 MiB of YAML files, over the limit of 512 MiB"),
        "{err}"
    );
    let err = refused(&["progress", "--history", path(team.path())]);
    assert!(err.contains("the history folder") && err.contains("over the limit of 512 MiB"), "{err}");
}

#[test]
fn data_at_the_root_of_the_file_system_is_not_walked() {
    let err = refused(&["--data", "/", "levels"]);
    assert!(err.contains("missing file; expected framework.yaml"), "{err}");
    assert!(!err.contains("/proc") && !err.contains("/etc") && err.lines().count() < 12, "{err}");
}
