//! A profile that rates skills of other roles (`assess --for`, `profile new --for` and `--from`),
//! and the words `assess` and `profile new` use when the assessor is someone else.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{cmd, example_path, path};

/// An analyst's profile on the career map (three roles): research, data and delivery rated.
fn analyst(dir: &Path) -> PathBuf {
    let file = dir.join("me.yaml");
    let text = "name: Ada\ndate: 2026-01-05\nassessor: self\nframework: career-map\nrole: analyst\nlevel: analyst\n\
        target: lead-analyst\nskills:\n  research:\n    proficiency: practitioner\n    evidence:\n      - Ran the \
        discovery\n  data: working\n  delivery: working\n";
    std::fs::write(&file, text).unwrap();
    file
}

/// `pm-skills --data examples/career-map ARGS`.
fn map() -> assert_cmd::Command {
    let mut c = cmd();
    c.args(["--data", &example_path("career-map")]);
    c
}

/// `fit --profile FILE` as JSON: the entry of `role` among the closest next levels (one a role).
fn fit_entry(profile: &Path, role: &str) -> serde_json::Value {
    let out = map().args(["fit", "--profile", path(profile), "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let next = v["next"].as_array().unwrap();
    next.iter().find(|e| e["role"]["id"] == role).cloned().unwrap()
}

/// What `assess` said, its lines (wrapped at the terminal's width) joined.
fn flat(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unassessed(entry: &serde_json::Value) -> Vec<String> {
    let gaps = entry["gaps"].as_array().unwrap();
    gaps.iter().filter(|g| g["have"].is_null()).map(|g| g["skill"]["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn assess_for_asks_another_roles_skills_and_fit_then_shows_real_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let me = analyst(dir.path());
    // Before: fit's Engineer is the level nearest Ada's, with coding unknown.
    let before = fit_entry(&me, "engineer");
    assert_eq!(before["level"]["id"], "engineer", "{before}");
    assert_eq!(unassessed(&before), ["coding"], "{before}");
    // Coding: working, with evidence; coaching: aware.
    let out = map()
        .args(["assess", "--out", path(&me), "--for", "engineer/senior", "--date", "2026-02-01"])
        .write_stdin("2\nFixed the export bug\n1\n\n")
        .output()
        .unwrap();
    let ui = flat(&out.stderr);
    assert!(out.status.success() && out.stdout.is_empty(), "{ui}");
    assert!(ui.contains("what engineer/senior rates and it does not yet: Coding and Coaching"), "{ui}");
    assert!(ui.contains("[1/2] Coding") && ui.contains("[2/2] Coaching") && !ui.contains("[1/2] Data"), "{ui}");
    assert!(ui.contains("(Senior Engineer expects Practitioner)"), "{ui}");
    assert!(ui.contains("2 added for engineer/senior, the rest kept"), "{ui}");
    assert!(ui.contains("gap --profile") && ui.contains("--to engineer/senior"), "{ui}");
    // Everything else is kept: name, level, target, answers and evidence.
    let text = std::fs::read_to_string(&me).unwrap();
    for kept in [
        "name: \"Ada\"",
        "level: analyst",
        "target: lead-analyst",
        "      - \"Ran the discovery\"",
        "  data: working\n",
    ] {
        assert!(text.contains(kept), "{kept}: {text}");
    }
    assert!(
        text.contains("  coding:\n    proficiency: working\n    evidence:\n      - \"Fixed the export bug\""),
        "{text}"
    );
    assert!(text.contains("  coaching: aware\n") && text.contains("date: 2026-02-01"), "{text}");
    // fit now counts real gaps: Ada is ready for Engineer, so Senior Engineer is her closest level
    // of that role, 1 step away with nothing unknown; `?` is left only where nothing was asked.
    let after = fit_entry(&me, "engineer");
    assert_eq!(after["level"]["id"], "senior", "{after}");
    assert!(unassessed(&after).is_empty(), "{after}");
    assert_eq!(after["readiness"]["steps_to_grow"], 1, "{after}");
    assert_eq!(unassessed(&fit_entry(&me, "designer")), ["design"]);
    let table = map().args(["fit", "--profile", path(&me)]).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("Coding +1 ") && !table.contains("Coding +3?"), "{table}");
    // gap and plan use them too.
    map()
        .args(["gap", "--profile", path(&me), "--to", "engineer/senior"])
        .assert()
        .success()
        .stdout(contains("Coding").and(contains("+1")).and(contains("unassessed").not()));
    map()
        .args(["plan", "--profile", path(&me), "--to", "engineer/senior"])
        .assert()
        .success()
        .stdout(contains("Coding: Working → Practitioner").and(contains("Fixed the export bug")));
    // A second run has nothing to ask, says so and leaves the file as it is.
    let again =
        map().args(["assess", "--out", path(&me), "--for", "engineer/senior"]).write_stdin("").output().unwrap();
    let said = flat(&again.stderr);
    assert!(again.status.success() && said.contains("already rates every skill that engineer/senior rates: nothing"));
    assert_eq!(std::fs::read_to_string(&me).unwrap(), text);
}

#[test]
fn assess_for_names_the_level_as_resolve_does_and_needs_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let me = analyst(dir.path());
    let before = std::fs::read_to_string(&me).unwrap();
    map()
        .args(["assess", "--out", path(&me), "--for", "engineer/senoir"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(contains("unknown level `senoir`").and(contains("did you mean `senior`?")));
    // A bare name of one level anywhere is enough; data, rated already, is not asked.
    let run = map().args(["assess", "--out", path(&me), "--for", "staff-engineer"]).write_stdin("4\n\n3\n\n").output();
    let run = run.unwrap();
    assert!(run.status.success() && flat(&run.stderr).contains("2 added for engineer/staff-engineer"));
    assert_ne!(std::fs::read_to_string(&me).unwrap(), before);
    let missing = dir.path().join("nobody.yaml");
    map()
        .args(["assess", "--out", path(&missing), "--for", "engineer/senior"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(contains("--for adds the skills of a level to a profile written before").and(contains("assess --out")));
    assert!(!missing.exists());
    map()
        .args(["assess", "--out", path(&me), "--for", "engineer/senior", "--skill", "data"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with"));
}

#[test]
fn profile_new_for_lists_the_levels_skills_after_the_roles_own() {
    let text = String::from_utf8(
        map()
            .args(["--role", "analyst", "profile", "new", "--for", "designer/senior", "--date", "2026-03-02"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let keys: Vec<&str> = text.lines().filter(|l| l.ends_with(": ~")).collect();
    assert_eq!(keys, ["  research: ~", "  data: ~", "  delivery: ~", "  design: ~", "  coaching: ~"], "{text}");
    assert!(text.contains("# Then run: pm-skills --data ") && text.contains("--to designer/senior\n"), "{text}");
    assert!(text.contains(
        "  #   (not a skill of the Analyst role)\n  #   (designer/senior expects practitioner)\n  design: ~"
    ));
    assert!(text.contains("  #   (designer/senior expects practitioner)\n  research: ~"), "{text}");
    // It reads back, and once filled in, gap compares with that level.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("me.yaml");
    std::fs::write(&file, text.replace("design: ~", "design: working").replace("research: ~", "research: expert"))
        .unwrap();
    let out = map().args(["gap", "--profile", path(&file), "--to", "designer/senior", "-f", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status =
        |id: &str| v["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == id).unwrap()["status"].clone();
    assert_eq!(
        (status("design"), status("research"), status("coaching")),
        ("grow".into(), "met".into(), "unassessed".into())
    );
}

#[test]
fn profile_new_from_keeps_the_profile_and_adds_what_for_lists() {
    let dir = tempfile::tempdir().unwrap();
    let me = analyst(dir.path());
    let out = dir.path().join("next.yaml");
    map()
        .args(["profile", "new", "--from", path(&me), "--for", "engineer/senior", "--out", path(&out)])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let text = std::fs::read_to_string(&out).unwrap();
    for kept in ["name: \"Ada\"", "date: 2026-01-05", "level: analyst", "target: lead-analyst", "\"Ran the discovery\""]
    {
        assert!(text.contains(kept), "{kept}: {text}");
    }
    let keys: Vec<&str> = text.lines().filter(|l| l.ends_with(": ~")).collect();
    assert_eq!(keys, ["  coding: ~", "  coaching: ~"], "{text}");
    // --out never replaces a file without --force; with it, it does.
    map()
        .args(["profile", "new", "--from", path(&me), "--for", "engineer/senior", "--out", path(&out)])
        .assert()
        .code(1)
        .stderr(contains("already exists; use --force"));
    map()
        .args(["profile", "new", "--from", path(&me), "--date", "2026-04-01", "--out", path(&out), "--force"])
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("date: 2026-04-01") && !text.contains("coding"), "{text}");
}

#[test]
fn profile_new_out_writes_the_template_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("me.yaml");
    cmd().args(["profile", "new", "--date", "2026-03-02", "--out", path(&file)]).assert().success().stdout("");
    let printed = cmd().args(["profile", "new", "--date", "2026-03-02"]).output().unwrap().stdout;
    assert_eq!(std::fs::read(&file).unwrap(), printed);
    cmd().args(["profile", "new", "--out", path(&file)]).assert().code(1).stderr(contains("already exists"));
    assert_eq!(std::fs::read(&file).unwrap(), printed);
    cmd().args(["profile", "new", "--out", "-"]).assert().success().stdout(contains("name: \"Your Name\""));
}

#[test]
fn profile_new_help_and_usage_say_what_it_takes() {
    let help = String::from_utf8(cmd().args(["profile", "new", "--help"]).output().unwrap().stdout).unwrap();
    assert!(!help.contains("xlsx") && !help.contains("--format"), "{help}");
    assert!(help.contains("--for <ROLE/LEVEL>") && help.contains("--from <FILE>") && help.contains("--out <FILE>"));
    assert!(help.contains("profile new --for engineer/senior"), "{help}");
    // A misspelt flag shows the usage, in which no option looks required.
    cmd()
        .args(["profile", "new", "--levl", "senior"])
        .assert()
        .code(2)
        .stderr(contains("Usage: pm-skills profile new [OPTIONS]\n").and(contains("--level <LEVEL>\n").not()));
    let assess = String::from_utf8(cmd().args(["assess", "--help"]).output().unwrap().stdout).unwrap();
    assert!(!assess.contains("xlsx") && assess.contains("--for <ROLE/LEVEL>"), "{assess}");
    // `--format yaml` is still accepted, and any other format refused.
    cmd().args(["profile", "new", "--format", "yaml"]).assert().success();
    cmd().args(["profile", "new", "-f", "json"]).assert().code(2).stderr(contains("writes YAML only"));
    cmd().args(["--format", "csv", "profile", "new"]).assert().code(2).stderr(contains("writes YAML only"));
}

#[test]
fn a_review_speaks_about_the_person_rated() {
    let text = String::from_utf8(
        cmd().args(["profile", "new", "--assessor", "Sarah Lee", "--level", "pm"]).output().unwrap().stdout,
    )
    .unwrap();
    assert!(text.starts_with("# A pm-skills profile: an assessment by Sarah Lee of the person named below.\n"));
    assert!(text.contains("# Leave ~ where you have not assessed them:"), "{text}");
    assert!(text.contains("#       - what they did\n") && text.contains("(their level expects "), "{text}");
    assert!(text.contains("name: \"Their Name\""), "{text}");
    assert!(!text.to_lowercase().contains("your") && !text.contains("yourself"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sam.yaml");
    let answers = "Sam Okafor\npm\n".to_string() + &"2\n\n".repeat(10);
    let run =
        cmd().args(["assess", "--out", path(&out), "--assessor", "Sarah Lee"]).write_stdin(answers).output().unwrap();
    let ui = flat(&run.stderr);
    assert!(run.status.success(), "{ui}");
    for words in ["Name of the person you are assessing:", "Their current level", "fits them best", "what they did"] {
        assert!(ui.contains(words), "{words}: {ui}");
    }
    assert!(ui.contains("(their level expects ") && ui.contains("Their proficiency [1-4"), "{ui}");
    assert!(!ui.contains("Your ") && !ui.contains("your level"), "{ui}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("where you have not assessed them") && written.contains("name: \"Sam Okafor\""));
    // `self`, in any case, is a self-assessment.
    let own = cmd().args(["profile", "new", "--assessor", "Self"]).output().unwrap().stdout;
    assert!(String::from_utf8(own).unwrap().contains("where you have not assessed yourself"));
}

#[test]
fn a_team_folder_reads_yml_files_too() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::write(team.join("ada.yaml"), "name: Ada\nlevel: pm\nskills:\n  user-focus: working\n").unwrap();
    std::fs::write(team.join("bo.yml"), "name: Bo\nlevel: pm\nskills:\n  user-focus: expert\n").unwrap();
    std::fs::write(team.join("notes.txt"), "not a profile").unwrap();
    let out = cmd().args(["gap", "--team", path(&team), "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> =
        v["people"].as_array().unwrap().iter().map(|p| p["person"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ada", "Bo"]);
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    cmd().args(["gap", "--team", path(&empty)]).assert().code(1).stderr(contains("holds no profiles (*.yaml, *.yml)"));
}
