//! The options every command takes (`--format`, `--color`, `--data`, `--framework`, `--role`,
//! `--raw-csv`): where they may stand, which one wins, and how `--data`, `--framework` and
//! `PM_SKILLS_DATA` combine.

use std::path::Path;

use predicates::str::contains;
use serde_json::Value;

use crate::common::{cmd, stdout};

fn custom() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder").to_str().unwrap().to_string()
}

fn small(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ddat-csv-small").join(file).to_str().unwrap().into()
}

fn parsed(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: not JSON:\n{out}"))
}

#[test]
fn common_options_work_before_or_after_the_command() {
    let dir = custom();
    let before = stdout(&["--data", &dir, "--role", "designer", "--format", "json", "levels"]);
    assert_eq!(parsed(&before)["role"]["id"], "designer");
    for args in [
        &["levels", "--data", &dir, "--role", "designer", "--format", "json"][..],
        &["--data", &dir, "levels", "--role", "designer", "-f", "json"],
        &["--format", "json", "--role", "designer", "levels", "--data", &dir],
    ] {
        assert_eq!(stdout(args), before, "{args:?}");
    }
    // --raw-csv and --color too.
    let csv = stdout(&["ladder", "--format", "csv", "--raw-csv"]);
    assert_eq!(stdout(&["--raw-csv", "ladder", "--format", "csv"]), csv);
    let coloured = stdout(&["show", "senior", "--color", "always"]);
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    assert_eq!(stdout(&["--color", "always", "show", "senior"]), coloured);
}

#[test]
fn common_options_work_after_a_nested_command() {
    // `profile new` writes a template for the framework given after `new`.
    let ddat = stdout(&["profile", "new", "--framework", "ddat-2025"]);
    assert_eq!(stdout(&["--framework", "ddat-2025", "profile", "new"]), ddat);
    assert_eq!(stdout(&["profile", "--framework", "ddat-2025", "new"]), ddat);
    assert_ne!(stdout(&["profile", "new"]), ddat);
    // `import ddat-csv … --role NAME` imports that one role, as `--role` before `import` does.
    let tmp = tempfile::tempdir().unwrap();
    let import = |out: &str, before: &[&str], after: &[&str]| {
        let out = tmp.path().join(out);
        let mut args: Vec<&str> = before.to_vec();
        let (roles, skills) = (small("roles.csv"), small("skills.csv"));
        args.extend(["import", "ddat-csv", "--roles", &roles, "--skills", &skills, "--out", out.to_str().unwrap()]);
        args.extend(after);
        let v = parsed(&stdout(&args));
        v["imported"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    let after = import("after", &[], &["--role", "delivery-manager", "--format", "json"]);
    assert_eq!(after, ["delivery-manager"]);
    assert_eq!(import("before", &["--role", "delivery-manager", "-f", "json"], &[]), after);
}

#[test]
fn the_last_option_given_wins() {
    let json = stdout(&["levels", "-f", "json"]);
    parsed(&json);
    assert_eq!(stdout(&["levels", "-f", "yaml", "-f", "json"]), json);
    assert_eq!(stdout(&["-f", "yaml", "levels", "-f", "json"]), json);
    assert_eq!(stdout(&["-f", "yaml", "-f", "json", "levels"]), json);
    assert_eq!(stdout(&["--framework", "ddat-2025", "levels", "--framework", "dvla", "-f", "json"]), json);
    let dir = custom();
    let designer = stdout(&["--data", &dir, "--role", "designer", "levels"]);
    assert_eq!(stdout(&["--data", &dir, "--role", "engineer", "levels", "--role", "designer"]), designer);
    assert_eq!(stdout(&["--data", "/nonexistent", "levels", "--data", &dir, "--role", "designer"]), designer);
}

#[test]
fn data_and_framework_together_are_a_usage_error_wherever_they_stand() {
    let dir = custom();
    for args in [
        &["--data", &dir, "--framework", "dvla", "levels"][..],
        &["--data", &dir, "levels", "--framework", "dvla"],
        &["levels", "--framework", "dvla", "--data", &dir],
        &["profile", "new", "--framework", "dvla", "--data", &dir],
    ] {
        cmd()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("error: the argument '--framework <NAME>' cannot be used with '--data <DIR>'"))
            .stderr(contains("Usage: pm-skills"));
    }
}

#[test]
fn an_explicit_framework_overrides_the_data_folder_in_the_environment() {
    for args in [
        &["--framework", "ddat-2025", "levels", "-f", "json"][..],
        &["levels", "--framework", "ddat-2025", "-f", "json"],
    ] {
        // The folder need not even exist: it is not used.
        for folder in [custom(), "/nonexistent/pm-skills-data".to_string()] {
            let out = cmd().env("PM_SKILLS_DATA", &folder).args(args).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["framework"]["id"], "ddat-2025", "{args:?}");
        }
    }
}

#[test]
fn the_data_flag_overrides_the_data_folder_in_the_environment() {
    let dir = custom();
    let flag = stdout(&["--data", &dir, "levels", "-f", "json"]);
    assert_eq!(parsed(&flag)["framework"]["id"], "acme-ladder");
    for args in [&["--data", &dir, "levels", "-f", "json"][..], &["levels", "-f", "json", "--data", &dir]] {
        let out = cmd().env("PM_SKILLS_DATA", "/nonexistent/pm-skills-data").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), flag, "{args:?}");
    }
    // Without a flag, the variable is used.
    let out = cmd().env("PM_SKILLS_DATA", &dir).args(["levels", "-f", "json"]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), flag);
}

#[test]
fn a_format_a_command_cannot_write_is_a_usage_error() {
    for (args, message) in [
        (&["schema", "--format", "csv"][..], "`schema` writes JSON only"),
        (&["profile", "new", "--format", "json"], "`profile new` writes YAML only"),
        (&["completions", "bash", "-f", "json"], "`completions` has one output of its own"),
        (&["man", "--format", "table"], "`man` has one output of its own"),
    ] {
        cmd().args(args).assert().code(2).stdout("").stderr(contains(message));
    }
    // The format a command does write is accepted, and so is no format at all.
    assert!(stdout(&["schema", "--format", "json"]).contains("$schema"));
    assert!(stdout(&["schema"]).contains("$schema"));
    assert!(stdout(&["profile", "new", "-f", "yaml"]).contains("skills:"));
}

/// The commands the hints of `args`' output suggest, as argument lists (without `pm-skills`).
/// Read from Markdown, where a hint is one unwrapped line in `_…_`.
fn suggested(args: &[&str]) -> Vec<Vec<String>> {
    let out = stdout(&[args, &["-f", "markdown"][..]].concat());
    let mut commands = Vec::new();
    for line in out.lines().filter(|l| l.starts_with('_') && l.contains("pm-skills ")) {
        // A command to run is code: `pm-skills …`, after the words that say what it does.
        let line = line.replace("` · `", " · ").replace('`', "");
        for part in line.trim_end_matches('_').split("pm-skills ").skip(1) {
            let command = part.split(" · ").next().unwrap().trim();
            if !command.contains('<') {
                commands.push(shlex::split(command).unwrap_or_else(|| panic!("not a shell command: {command}")));
            }
        }
    }
    commands
}

#[test]
fn every_hint_is_a_command_that_works_as_printed() {
    let dir = custom();
    let runs: [&[&str]; 6] = [
        &["--framework", "ddat-2025", "show", "senior"],
        &["--framework", "ddat-2025", "ladder"],
        &["--framework", "ddat-2025", "levels"],
        &["--data", &dir, "--role", "designer", "show", "senior-designer"],
        &["--data", &dir, "--role", "designer", "skills"],
        &["--data", &dir, "--role", "designer", "about"],
    ];
    let mut checked = 0;
    for args in runs {
        let framework = parsed(&stdout(&[args, &["-f", "json"][..]].concat()))["framework"]["id"].clone();
        for command in suggested(args) {
            let words: Vec<&str> = command.iter().map(String::as_str).collect();
            // The suggestion runs, on the same framework as the run that printed it.
            let json = stdout(&[&words[..], &["-f", "json"][..]].concat());
            assert_eq!(parsed(&json)["framework"]["id"], framework, "{args:?} suggested {command:?}");
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected hints to check, found {checked}");
    // The profile template names the framework in its "Then run:" line too.
    let template = stdout(&["--framework", "ddat-2025", "profile", "new"]);
    assert!(template.contains("# Then run: pm-skills --framework ddat-2025 gap --profile THIS-FILE"), "{template}");
}
