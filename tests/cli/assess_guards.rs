//! `assess` and what else may touch its files: another program that edits the profile while the
//! questions wait, and a lock file planted as a link.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;

use crate::assess::{answer, listing, read_until, spawn_assess, watchdog};
use crate::common::{cmd, json, path};

/// Sam's first check-in, copied to `dir/me.yaml`.
fn checkin(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/growth/checkins/2026-03-02.yaml");
    let out = dir.join("me.yaml");
    std::fs::copy(from, &out).unwrap();
    out
}

/// A skill's step and evidence in a profile, as `gap` reads it.
fn have(profile: &Path, skill: &str) -> (serde_json::Value, serde_json::Value) {
    let v = json(&["gap", "-p", path(profile), "--to", "senior"]);
    let row = v["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == skill).unwrap().clone();
    (row["have"]["id"].clone(), row["evidence"].clone())
}

/// While `assess --skill` waits at its second question, another program edits the profile: the
/// answers are not written over that edit. The file keeps the other program's bytes, the draft
/// keeps the answers, and the same command run again puts them on the profile as it is now.
#[test]
fn assess_skill_never_writes_over_a_profile_changed_while_it_asks() {
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let args = ["assess", "--out", path(&out), "--skill", "fin", "--skill", "user-focus", "--date", "2026-06-01"];
    let mut run = spawn_assess(&args);
    let _watchdog = watchdog(&run);
    let mut seen = String::new();
    answer(&mut run, "4\n\n");
    read_until(&mut run, &mut seen, "[2/2] User Focus", 1);
    // The other program: Agile Working is now expert.
    let edited = std::fs::read_to_string(&out).unwrap().replace("agile-working: practitioner", "agile-working: expert");
    std::fs::write(&out, &edited).unwrap();
    answer(&mut run, "3\nRan research with the contact centre\n");
    drop(run.stdin.take());
    let done = run.wait_with_output().unwrap();
    let err = seen + &String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(1), "{err}");
    assert!(done.stdout.is_empty());
    let said = format!(
        "error: {} was changed by another program while the questions were asked, so it is left as it is; your \
         answers are kept in {}.revisit.draft\n  to apply them to the file as it is now, run the same command \
         again: it resumes from the draft\n",
        out.display(),
        out.display()
    );
    assert!(err.ends_with(&said), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), edited, "the other program's edit stands");
    assert_eq!(listing(dir.path()), ["me.yaml", "me.yaml.revisit.draft"]);
    // Run again, with nothing to answer: both edits are in the profile.
    cmd().args(args).write_stdin("").assert().success().stderr(contains("Resuming from")).stderr(contains("Updated"));
    assert_eq!(have(&out, "agile-working").0, "expert");
    assert_eq!(have(&out, "financial-ownership").0, "expert");
    assert_eq!(
        have(&out, "user-focus"),
        ("practitioner".into(), serde_json::json!(["Ran research with the contact centre"]))
    );
    assert_eq!(listing(dir.path()), ["me.yaml"]);
}

/// A whole run with `--force` replaces the file it was started over, not one another program
/// wrote while it asked; one without `--force` never replaces a file that appeared meanwhile.
#[test]
fn assess_force_never_replaces_a_file_changed_while_it_asks() {
    for force in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("me.yaml");
        if force {
            std::fs::write(&out, "name: Old\n").unwrap();
        }
        let mut args = vec!["assess", "--out", path(&out), "--level", "pm"];
        if force {
            args.push("--force");
        }
        let mut run = spawn_assess(&args);
        let _watchdog = watchdog(&run);
        let mut seen = String::new();
        answer(&mut run, &format!("Ada\n{}", "2\n\n".repeat(9)));
        read_until(&mut run, &mut seen, "[10/10]", 1);
        std::fs::write(&out, "name: Someone else\n").unwrap();
        answer(&mut run, "2\n\n");
        drop(run.stdin.take());
        let done = run.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&done.stderr);
        assert_eq!(done.status.code(), Some(1), "{err}");
        let what = if force { "was changed by another program" } else { "was written by another program" };
        assert!(err.contains(&format!("{} {what} while the questions were asked", out.display())), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "name: Someone else\n");
        assert!(dir.path().join("me.yaml.draft").is_file());
        // The same command with --force replaces it from the draft.
        let mut again = args.clone();
        if !force {
            again.push("--force");
        }
        cmd().args(again).write_stdin("").assert().success().stderr(contains("Resuming from"));
        assert!(std::fs::read_to_string(&out).unwrap().contains("name: \"Ada\""));
    }
}

/// A lock file planted as a link (`me.yaml.lock` → a file that does not exist) is not followed:
/// the run is refused before its first question, and the link's target is never created.
#[test]
fn a_lock_that_is_a_link_is_refused_and_its_target_never_created() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("nologin");
    let lock = dir.path().join("me.yaml.lock");
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let out = dir.path().join("me.yaml");
    cmd()
        .args(["assess", "--out", path(&out)])
        .write_stdin("Ada\n")
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "error: the lock file {} is a symbolic link to {}, not a lock pm-skills made, so it is left as it is\n  \
             remove it and run again\n",
            lock.display(),
            target.display()
        ))
        .stderr(contains("Your name").not());
    assert!(!target.exists(), "the link's target is not created");
    assert!(std::fs::symlink_metadata(&lock).unwrap().file_type().is_symlink(), "the link is left as it is");
    assert_eq!(listing(dir.path()), ["me.yaml.lock"]);
    // A link to a file that exists is refused alike, and the file is not touched.
    std::fs::write(&target, "keep\n").unwrap();
    cmd().args(["assess", "--out", path(&out)]).write_stdin("Ada\n").assert().code(1).stderr(contains("symbolic link"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
}

/// The command `assess` suggests next works when pasted, for a profile whose name starts with a
/// dash too: `./-rf.yaml`, never `-rf.yaml`, which the shell would hand over as options.
#[test]
fn the_next_command_pastes_for_a_profile_whose_name_starts_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let answers = format!("Ada\n{}", "3\n\n".repeat(10));
    let run = cmd()
        .current_dir(dir.path())
        .args(["assess", "--out=-rf.yaml", "--level", "pm"])
        .write_stdin(answers)
        .output()
        .unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{err}");
    let next = err.lines().find_map(|l| l.strip_prefix("Next: ")).unwrap_or_else(|| panic!("{err}"));
    assert_eq!(next, "pm-skills gap --profile ./-rf.yaml");
    // Pasted into a shell, with pm-skills on the PATH.
    let bin = Path::new(env!("CARGO_BIN_EXE_pm-skills")).parent().unwrap();
    let paths = std::env::var_os("PATH").unwrap_or_default();
    let path_var =
        std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&paths))).unwrap();
    let pasted = std::process::Command::new("sh")
        .args(["-c", next])
        .current_dir(dir.path())
        .env("PATH", path_var)
        .env_remove("PM_SKILLS_DATA")
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{}", String::from_utf8_lossy(&pasted.stderr));
    assert!(String::from_utf8(pasted.stdout).unwrap().contains("Ada"));
}
