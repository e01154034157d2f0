//! Any framework: `--data`, `--role`, custom scales, `validate`, `schema`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{cmd, copy_example, json, stdout};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder")
}

/// One change to a fixture file: (file, text to find, replacement).
type Edit<'a> = (&'a str, &'a str, &'a str);

/// A copy of the good fixture with `edits` applied: (file, text to find, replacement).
fn broken(edits: &[Edit]) -> tempfile::TempDir {
    let dir = copy_example("custom-ladder");
    for (file, from, to) in edits {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "fixture edit `{from}` not found in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir
}

fn data(dir: &Path) -> String {
    dir.to_str().unwrap().to_string()
}

#[test]
fn custom_framework_with_five_steps_and_two_families_works_everywhere() {
    let dir = data(&fixture());
    let levels = json(&["--data", &dir, "levels"]);
    assert_eq!(levels["role"]["id"], "engineer", "default_role picks the family");
    let designer = json(&["--data", &dir, "--role", "designer", "ladder"]);
    assert_eq!(designer["scale"].as_array().unwrap().len(), 5);
    assert_eq!(designer["levels"][2]["id"], "design-lead");
    let out = stdout(&["--data", &dir, "--role", "Designer", "show", "design-lead"]);
    assert!(out.contains("●●●●● Master"), "{out}");
    let d = json(&["--data", &dir, "diff", "je", "staff"]);
    assert_eq!(d["rows"][0]["skill"]["id"], "reviewing");
    assert_eq!(d["rows"][0]["change"], 4);
    // The environment variable works like the flag.
    let via_env = cmd().env("PM_SKILLS_DATA", &dir).args(["levels", "-f", "json"]).output().unwrap();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&via_env.stdout).unwrap(), levels);
    // An explicit --framework, before or after the command, wins over the variable; --data and
    // --framework given together are a usage error wherever they stand.
    for args in [&["--framework", "dvla", "levels", "-f", "json"][..], &["levels", "--framework", "dvla", "-f", "json"]]
    {
        let out = cmd().env("PM_SKILLS_DATA", &dir).args(args).output().unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(value["framework"]["id"], "dvla", "{args:?}");
    }
    cmd()
        .args(["--data", &dir, "levels", "--framework", "dvla"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("'--framework <NAME>' cannot be used with '--data <DIR>'"));
    cmd()
        .args(["--data", &dir, "--role", "desiner", "levels"])
        .assert()
        .code(1)
        .stderr(contains("unknown role `desiner`"))
        .stderr(contains("did you mean `designer`?"));
}

#[test]
fn several_families_without_a_default_need_role() {
    let dir = broken(&[("framework.yaml", "default_role: engineer\n", "")]);
    cmd()
        .args(["--data", &data(dir.path()), "levels"])
        .assert()
        .code(1)
        .stderr(contains("has 2 roles; pick one with --role NAME"))
        .stderr(contains("engineer"))
        .stderr(contains("designer"));
}

#[test]
fn valid_folders_validate_cleanly() {
    cmd().args(["validate", &data(&fixture())]).assert().success().stdout(contains("valid, 0 errors, 0 warnings"));
    for builtin in ["dvla", "ddat-2025"] {
        cmd()
            .args(["--framework", builtin, "validate", "--strict"])
            .assert()
            .success()
            .stdout(contains("0 errors, 0 warnings"));
    }
}

/// The status line stays one line however long the path and however narrow the terminal, so the
/// check above holds on a clone at any path.
#[test]
fn status_line_is_one_line_for_a_long_path_at_any_width() {
    let root = tempfile::tempdir().unwrap();
    let deep = root.path().join("a-rather-long-folder-name-for-a-clone".repeat(3)).join("custom-ladder");
    std::fs::create_dir_all(deep.parent().unwrap()).unwrap();
    std::fs::rename(copy_example("custom-ladder").keep(), &deep).unwrap();
    for columns in ["20", "40", "80", "200"] {
        let out = cmd().env("COLUMNS", columns).args(["validate", &data(&deep)]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        let line = stdout.lines().find(|l| l.ends_with("valid, 0 errors, 0 warnings"));
        let line = line.unwrap_or_else(|| panic!("COLUMNS={columns}: no status line in\n{stdout}"));
        assert!(line.contains("custom-ladder"), "COLUMNS={columns}: status line split:\n{stdout}");
    }
}

/// One broken folder per validation rule: what is broken, and what the report must say.
#[test]
fn each_rule_reports_file_line_and_what_was_expected() {
    let cases: &[(&str, Edit, &[&str])] = &[
        ("YAML syntax", ("skills.yaml", "  - id: reviewing", "  - id: [reviewing"), &["skills.yaml:", "error"]),
        (
            "unknown field",
            ("roles/engineering/engineer.yaml", "skills: [coding", "skils: [coding"),
            &["engineer.yaml:7", "unknown field `skils`", "did you mean `skills`?"],
        ),
        (
            "duplicate id",
            ("skills.yaml", "  - id: reviewing", "  - id: coding"),
            &["skills.yaml:", "duplicate skill id `coding`"],
        ),
        (
            "unknown skill reference",
            (
                "roles/engineering/engineer.yaml",
                "skills: [coding, reviewing, mentoring]",
                "skills: [coding, reviewing, mentorin]",
            ),
            &["engineer.yaml:7", "uses skill `mentorin`", "did you mean `mentoring`?"],
        ),
        (
            "unknown skill rated by a level",
            ("roles/design/designer.yaml", "      reviewing: beginner", "      reviewin: beginner"),
            &["designer.yaml:", "rates skill `reviewin`", "did you mean `reviewing`?"],
        ),
        (
            "unknown level or role reference",
            ("framework.yaml", "default_role: engineer", "default_role: enginer"),
            &["framework.yaml:8", "default_role `enginer`", "did you mean `engineer`?"],
        ),
        (
            "behaviour step not on the behaviour scale",
            (
                "roles/engineering/engineer.yaml",
                "      mentoring: novice\n",
                "      mentoring: novice\n    behaviours:\n      patience: stedy\n",
            ),
            &[
                "engineer.yaml:18",
                "level `junior-engineer` gives the behaviour `patience` the step `stedy`",
                "expected one of: emerging, steady, model",
                "did you mean `steady`?",
            ],
        ),
        (
            "behaviour that is not a soft skill",
            (
                "roles/engineering/engineer.yaml",
                "      mentoring: novice\n",
                "      mentoring: novice\n    behaviours:\n      patiense: steady\n",
            ),
            &[
                "engineer.yaml:18",
                "rates the behaviour `patiense`, which soft-skills.yaml does not define",
                "did you mean `patience`?",
            ],
        ),
        (
            "resource without a web address",
            ("skills.yaml", "url: https://example.org/sketching", "url: example.org/sketching"),
            &[
                "skills.yaml:",
                "resource `Sketching user experiences` of skill `sketching`",
                "expected one starting with https://",
            ],
        ),
        (
            "tip for a step not on the scale",
            ("skills.yaml", "      master: Write down", "      mastr: Write down"),
            &["skills.yaml:", "skill `sketching` has a tip for `mastr`", "did you mean `master`?"],
        ),
        (
            "proficiency not on the scale",
            ("roles/design/designer.yaml", "sketching: competent", "sketching: competant"),
            &[
                "designer.yaml:13",
                "`competant`",
                "expected one of: novice, beginner, competent, proficient, master",
                "did you mean `competent`?",
            ],
        ),
        (
            "empty name",
            ("skills.yaml", "name: Reviewing", "name: \"\""),
            &["skills.yaml:", "skill `reviewing` has an empty name"],
        ),
    ];
    for (rule, edit, expected) in cases {
        let dir = broken(&[*edit]);
        let out = cmd().args(["validate", &data(dir.path())]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{rule}: validate must fail");
        let text = String::from_utf8_lossy(&out.stdout);
        for want in *expected {
            assert!(text.contains(want), "{rule}: expected `{want}` in:\n{text}");
        }
        // Every other command refuses the same data with the same message, on stderr.
        let load = cmd().args(["--data", &data(dir.path()), "levels"]).output().unwrap();
        assert_eq!(load.status.code(), Some(1), "{rule}");
        assert!(load.stdout.is_empty(), "{rule}: nothing partial on stdout");
        let err = String::from_utf8_lossy(&load.stderr);
        assert!(err.starts_with("error: cannot use data folder"), "{rule}: {err}");
        assert!(err.contains(expected.last().unwrap()), "{rule}: {err}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = broken(&[
        ("roles/design/designer.yaml", "sketching: competent", "sketching: competant"),
        ("roles/engineering/engineer.yaml", "      mentoring: novice\n", "      mentoring: novce\n"),
        ("soft-skills.yaml", "  - id: patience", "  - id: curiosity"),
    ]);
    let v = {
        let out = cmd().args(["validate", &data(dir.path()), "--format", "json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert!(v["errors"].as_u64().unwrap() >= 3, "{v}");
    let messages: Vec<&str> =
        v["problems"].as_array().unwrap().iter().map(|p| p["message"].as_str().unwrap()).collect();
    assert!(messages.iter().any(|m| m.contains("competant")));
    assert!(messages.iter().any(|m| m.contains("the proficiency `novce`")));
    assert!(messages.iter().any(|m| m.contains("duplicate soft skill id")));
}

#[test]
fn lint_warnings_pass_unless_strict() {
    let dir = broken(&[
        // A drop without a note.
        ("roles/design/designer.yaml", "      reviewing: proficient", "      reviewing: novice"),
        // A missing description.
        ("skills.yaml", "    description: Helping others grow.\n", ""),
    ]);
    // A skill no role uses.
    let skills = dir.path().join("skills.yaml");
    let mut text = std::fs::read_to_string(&skills).unwrap();
    text.push_str("  - id: juggling\n    name: Juggling\n    description: Keeping balls in the air.\n    proficiencies: {novice: a, beginner: b, competent: c, proficient: d, master: e}\n");
    std::fs::write(&skills, text).unwrap();

    let out = cmd().args(["validate", &data(dir.path())]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("`reviewing` drops from competent at `senior-designer` to novice at `design-lead` with no note"),
        "{text}"
    );
    assert!(text.contains("skill `juggling` is not used by any role"), "{text}");
    assert!(text.contains("skill `mentoring` has no description"), "{text}");
    assert!(text.contains("0 errors, 3 warnings"), "{text}");
    cmd().args(["validate", &data(dir.path()), "--strict"]).assert().code(1).stdout(contains("invalid"));
    // Warnings never stop the other commands.
    cmd().args(["--data", &data(dir.path()), "--role", "designer", "ladder"]).assert().success();
}

#[test]
fn missing_folder_and_missing_files_are_clear_errors() {
    cmd()
        .args(["--data", "/nonexistent/pm-skills-data", "levels"])
        .assert()
        .code(1)
        .stderr(contains("/nonexistent/pm-skills-data"))
        .stderr(contains("no such file or directory"));
    let empty = tempfile::tempdir().unwrap();
    cmd()
        .args(["validate", &data(empty.path())])
        .assert()
        .code(1)
        .stdout(contains("framework.yaml"))
        .stdout(contains("missing file"));
}

#[test]
fn schema_is_json_schema_naming_every_file_kind() {
    let out = stdout(&["schema"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    for def in ["frameworkFile", "skillsFile", "softSkillsFile", "roleFile"] {
        assert!(v["$defs"][def].is_object(), "{def}");
    }
    cmd().args(["schema", "--help"]).assert().success().stdout(contains("yaml-language-server"));
    assert!(predicate::str::contains("kebab").eval(&out));
}

#[test]
fn a_role_file_that_cannot_be_read_does_not_cascade() {
    // The engineer role fails to parse; nothing else should be blamed for it: not the
    // default_role that names it, nor the skills only it uses.
    let dir = broken(&[("roles/engineering/engineer.yaml", "skills: [coding", "skils: [coding")]);
    let out = cmd().args(["validate", &data(dir.path())]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("unknown field `skils`"), "{text}");
    assert!(!text.contains("default_role"), "{text}");
    assert!(!text.contains("not used by any role"), "{text}");
    assert!(text.contains("1 error, 0 warnings"), "{text}");
}
