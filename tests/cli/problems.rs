//! Every problem at once: a wrong type or an unknown field does not hide the other mistakes of a
//! file, so one `validate` run lists them all.

use crate::common::{cmd, copy_example};

/// Edits `rel` in a copy of the custom-ladder fixture and returns the `validate` output.
fn validate_with(rel: &str, edit: impl Fn(String) -> String) -> String {
    let dir = copy_example("custom-ladder");
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
    assert!(
        out.contains("designer.yaml:17: error: levels[0].skills.reviewing: expected a proficiency name, or a mapping with `proficiency` and optional `note` and `criteria`; found the number `3`"),
        "{out}"
    );
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
    let dir = copy_example("custom-ladder");
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

/// What no message may show: the words of the libraries that read the files and arguments. The
/// scratch folder's name is left out first: it is random, and may hold one (`/tmp/.tmpFt3xQa`).
fn no_library_words(text: &str, scratch: Option<&std::path::Path>) {
    let mut text = text.to_string();
    if let Some(dir) = scratch {
        text = text.replace(&dir.display().to_string(), "DIR");
        text = text.replace(&*dir.file_name().unwrap_or_default().to_string_lossy(), "DIR");
    }
    let text = text.as_str();
    for word in ["jiff", "struct", "18446744073709551615", "invalid type", "invalid digit", "Raw", "Ft"] {
        assert!(!text.contains(word), "`{word}` in: {text}");
    }
}

/// Runs `pm-skills ARGS me.yaml` with `profile` in `me.yaml`, expects exit 1, and returns stderr.
fn refused_profile(profile: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    std::fs::write(&me, profile).unwrap();
    let out = cmd().args(args).arg(&me).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    no_library_words(&err, Some(dir.path()));
    err
}

#[test]
fn a_wrong_proficiency_hides_no_other_problem_and_names_the_steps() {
    let err = refused_profile(
        "name: X\nlevel: pm\nskills:\n  strategic-focus: 7\n  agile-workin: working\n  user-focus: [working]\n  problem-ownership: {proficiency: working, evidnce: x}\n  product-ownership: {proficiency: [x]}\nlevle: senior\n",
        &["gap", "-p"],
    );
    let steps = "expected one of: awareness, working, practitioner, expert (lowest first), or a number from 1 to 4";
    assert!(err.contains("has 6 errors"), "{err}");
    assert!(err.contains(&format!("me.yaml:4: error: `7` is not a proficiency; {steps}")), "{err}");
    assert!(err.contains("me.yaml:5: error: unknown skill `agile-workin`\n    did you mean `agile-working`?"), "{err}");
    assert!(
        err.contains(&format!("me.yaml:6: error: `user-focus` is given a list, which is not a proficiency; {steps}")),
        "{err}"
    );
    assert!(err.contains("me.yaml:7: error: skills.problem-ownership: unknown field `evidnce`"), "{err}");
    assert!(
        err.contains(&format!(
            "me.yaml:8: error: `product-ownership` is given a list, which is not a proficiency; {steps}"
        )),
        "{err}"
    );
    assert!(err.contains("me.yaml:9: error: unknown field `levle`"), "{err}");
    // In the order of the file.
    let at = |line: &str| err.find(&format!("me.yaml:{line}:")).unwrap();
    assert!(at("4") < at("5") && at("5") < at("6") && at("8") < at("9"), "{err}");
    // A word close to a step gets its did-you-mean, as before.
    let err = refused_profile(
        "name: X\nskills:\n  user-focus: expret\n  strategic-focus: true\n",
        &["gap", "--to", "lead", "-p"],
    );
    assert!(err.contains("me.yaml:3: error: `expret` is not a proficiency; expected one of:"), "{err}");
    assert!(err.contains("did you mean `expert`?"), "{err}");
    assert!(err.contains("me.yaml:4: error: `true` is not a proficiency"), "{err}");
}

#[test]
fn a_profile_takes_the_answers_assess_takes() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    std::fs::write(
        &me,
        "name: X\nlevel: 1\ntarget: 3\nskills:\n  strategic-focus: 3\n  user-focus: Expert\n  agile-working: {proficiency: 1}\n  problem-ownership: prac\n",
    )
    .unwrap();
    let out = cmd().args(["gap", "--format", "json", "-p"]).arg(&me).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let have = |skill: &str| {
        let rows = json["rows"].as_array().unwrap();
        let row = rows.iter().find(|r| r["skill"]["id"] == skill).unwrap_or_else(|| panic!("{skill}: {json}"));
        row["have"]["id"].as_str().unwrap().to_string()
    };
    assert_eq!(have("strategic-focus"), "practitioner");
    assert_eq!(have("user-focus"), "expert");
    assert_eq!(have("agile-working"), "awareness");
    assert_eq!(have("problem-ownership"), "practitioner");
    // Levels too, numbered as `assess` shows them: `target: 3` is the lead.
    assert_eq!(json["target"]["id"], "lead", "{json}");
}

#[test]
fn a_wrong_shape_says_what_was_expected_in_plain_words() {
    let err = refused_profile("name: X\nlevel: pm\nskills:\n  - strategic-focus\n  - agile-working\n", &["gap", "-p"]);
    assert!(err.contains("me.yaml:4: error: skills: expected a mapping; found a list"), "{err}");
    assert!(err.contains("a mapping is lines of `key: value`, a list lines of `- item`"), "{err}");
    let err = refused_profile("name: X\nlevel: pm\nskills: lots\n", &["gap", "-p"]);
    assert!(err.contains("me.yaml:3: error: skills: expected a mapping; found the text \"lots\""), "{err}");
    let err = refused_profile("- name: X\n", &["gap", "--to", "lead", "-p"]);
    assert!(
        err.contains("me.yaml:1: error: expected a profile: a mapping with `name` and `skills`; found a list"),
        "{err}"
    );
}

#[test]
fn a_date_not_written_yyyy_mm_dd_says_the_form() {
    let err =
        refused_profile("name: X\nlevel: pm\ndate: 01/06/2026\nskills:\n  agile-workin: working\n", &["gap", "-p"]);
    assert!(
        err.contains(
            "me.yaml:3: error: `date: 01/06/2026` is not a date written YYYY-MM-DD (year-month-day), e.g. 2026-03-01"
        ),
        "{err}"
    );
    assert!(err.contains("me.yaml:5: error: unknown skill `agile-workin`"), "{err}");
    let err = refused_profile("name: X\nlevel: pm\ndate: 2026-02-30\n", &["progress"]);
    assert!(
        err.contains("me.yaml:3: error: `date: 2026-02-30` is no day of the calendar; expected YYYY-MM-DD"),
        "{err}"
    );
    let err = refused_profile("name: X\nlevel: pm\ndate: {day: 1}\n", &["gap", "-p"]);
    assert!(
        err.contains("me.yaml:3: error: date: expected a date written YYYY-MM-DD (year-month-day); found a mapping"),
        "{err}"
    );
    for date in ["01/06/2026", "2026-1-6", "2026-06-01T25:00"] {
        let out = cmd().args(["profile", "new", "--date", date]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("not a date written YYYY-MM-DD (year-month-day), e.g. 2026-03-01"), "{err}");
        no_library_words(&err, None);
    }
}

#[test]
fn a_limit_says_it_takes_a_whole_number_from_1_up() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    std::fs::write(&me, "name: X\nskills:\n  user-focus: working\n").unwrap();
    let me = me.to_str().unwrap();
    for args in [
        &["moves", "pm", "--limit", "0"][..],
        &["moves", "pm", "--limit", "abc"],
        &["moves", "pm", "--limit", "99999999999999999999999"],
        &["fit", "-p", me, "--limit", "0"],
    ] {
        let out = cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("for '--limit <N>': expected a whole number from 1 up"), "{err}");
        no_library_words(&err, Some(dir.path()));
        assert!(!err.contains("fit in target type"), "{err}");
    }
}

#[test]
fn a_job_family_of_the_wrong_shape_says_which_shape() {
    let dir = tempfile::tempdir().unwrap();
    let import = |name: &str, text: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let out = cmd()
            .args(["import", "ft-progression"])
            .arg(&file)
            .arg("--out")
            .arg(dir.path().join("out"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(!dir.path().join("out").exists());
        let err = String::from_utf8(out.stderr).unwrap();
        no_library_words(&err, Some(dir.path()));
        err
    };
    let err = import("list.yml", "- name: Engineering\n- levels: []\n");
    assert!(
        err.contains("list.yml:1: error: expected a job family: a mapping with `name`, `summary`, `googleSheetId`, `levels`, `themes` and `competencies`; found a list"),
        "{err}"
    );
    let head =
        "name: W\nsummary: s\ngoogleSheetId: g\nlevels:\n  - id: a\n    name: A\nthemes:\n  - id: t\n    name: T\n";
    let err = import("words.yml", &format!("{head}competencies:\n  - just words\n"));
    assert!(
        err.contains("words.yml:11: error: competencies[0]: expected a competency: a mapping with `id`, `level`, `theme`, `summary` and `proficiency`; found the text \"just words\""),
        "{err}"
    );
    let err = import("kinds.yml", &format!("{head}isLegacy: maybe\ncompetencies: {{a: b}}\n"));
    assert!(err.contains("kinds.yml:10: error: isLegacy: expected true or false; found the text \"maybe\""), "{err}");
    assert!(err.contains("kinds.yml:11: error: competencies: expected a list; found a mapping"), "{err}");
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

    let data = copy_example("custom-ladder");
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
