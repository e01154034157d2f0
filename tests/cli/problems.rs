//! Every problem at once: a wrong type or an unknown field does not hide the other mistakes of a
//! file, so one `validate` run lists them all.

use crate::common::{cmd, copy_fixture};

/// Edits `rel` in a copy of the custom-ladder fixture and returns the `validate` output.
fn validate_with(rel: &str, edit: impl Fn(String) -> String) -> String {
    let dir = copy_fixture("custom-ladder");
    let path = dir.path().join(rel);
    std::fs::write(&path, edit(std::fs::read_to_string(&path).unwrap())).unwrap();
    let out = cmd().args(["validate", "--data"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_wrong_type_does_not_hide_unknown_fields_after_it() {
    let out = validate_with("roles/design/designer.yaml", |text| {
        text.replace("      reviewing: beginner", "      reviewing: 3")
            .replace("    summary: Designs journeys.", "    sumary: Designs journeys.\n    colour: red")
            .replace("family: Design", "family: Design\nbogus:\n  - x\n  - y")
    });
    assert!(out.contains("designer.yaml:6: error: unknown field `bogus`"), "{out}");
    assert!(out.contains("designer.yaml:17: error: levels[0].skills.reviewing: invalid type: integer `3`"), "{out}");
    assert!(out.contains("designer.yaml:23: error: levels[1]: unknown field `sumary`"), "{out}");
    assert!(out.contains("did you mean `summary`?"), "{out}");
    assert!(out.contains("designer.yaml:24: error: levels[1]: unknown field `colour`"), "{out}");
    assert!(out.contains("invalid, 4 errors"), "{out}");
}

#[test]
fn every_unknown_field_of_one_mapping_is_reported() {
    let out = validate_with("framework.yaml", |text| format!("{text}\nnmae: x\ncolour: red\nsize: 3\n"));
    for field in ["nmae", "colour", "size"] {
        assert!(out.contains(&format!("error: unknown field `{field}`")), "{field}: {out}");
    }
    assert!(out.contains("invalid, 3 errors"), "{out}");
}

#[test]
fn problems_of_several_files_come_together() {
    let dir = copy_fixture("custom-ladder");
    let add = |rel: &str, extra: &str| {
        let path = dir.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\n{extra}\n")).unwrap();
    };
    add("skills.yaml", "extra_top: 1");
    add("roles/engineering/engineer.yaml", "other_top: 2");
    let out = cmd().args(["validate", "--data"]).arg(dir.path()).output().unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("skills.yaml") && out.contains("unknown field `extra_top`"), "{out}");
    assert!(out.contains("engineer.yaml") && out.contains("unknown field `other_top`"), "{out}");
}

#[test]
fn a_profile_reports_every_wrong_skill_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    std::fs::write(
        &me,
        "name: X\nskills:\n  strategic-focus: 3\n  user-focus: {proficiency: working, evidnce: x}\n  agile-working: working\nlevle: senior\n",
    )
    .unwrap();
    let out = cmd().args(["gap", "-p"]).arg(&me).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("has 3 errors"), "{err}");
    assert!(err.contains("me.yaml:3: error: skills.strategic-focus: invalid type: integer `3`"), "{err}");
    assert!(err.contains("me.yaml:4: error: skills.user-focus: unknown field `evidnce`"), "{err}");
    assert!(err.contains("me.yaml:6: error: unknown field `levle`"), "{err}");
}

#[test]
fn a_person_reads_a_hundred_problems_of_a_kind_and_a_script_gets_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    let keys: String = (0..150).map(|i| format!("  skill-{i}: working\n")).collect();
    std::fs::write(&me, format!("name: X\nskills:\n{keys}")).unwrap();
    let out = cmd().args(["gap", "-p"]).arg(&me).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("has 150 errors"), "{err}");
    assert_eq!(err.matches("error: unknown skill").count(), 100, "{err}");
    assert!(err.contains("me.yaml:102: error: unknown skill `skill-99`"), "{err}");
    assert!(err.contains("… and 50 more errors like \"unknown skill `…`\""), "{err}");

    let data = copy_fixture("custom-ladder");
    let role = std::fs::read_to_string(data.path().join("roles/design/designer.yaml")).unwrap();
    for i in 0..120 {
        let bad = role.replace("id: designer\nname: Designer", &format!("id: Bad_{i}\nname: Role {i}"));
        std::fs::write(data.path().join(format!("roles/r{i}.yaml")), bad).unwrap();
    }
    let out = cmd().args(["validate", "--data"]).arg(data.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("error: role id").count(), 100, "{text}");
    assert!(text.contains("… and 20 more errors like \"role id `…` is not kebab-case\""), "{text}");
    let out = cmd().args(["validate", "--format", "json", "--data"]).arg(data.path()).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kebab =
        json["problems"].as_array().unwrap().iter().filter(|p| p["message"].as_str().unwrap().contains("kebab"));
    assert_eq!(kebab.count(), 120);
}
