//! People are counted once however their name is written (NFC or NFD, with or without a
//! zero-width space) and however their file is reached (a hard link as a symbolic one); messages
//! show what the eye cannot see.

use std::path::{Path, PathBuf};

use crate::common::{cmd, path};

const NFC: &str = "Jos\u{e9} Garc\u{ed}a";
const NFD: &str = "Jose\u{301} Garci\u{301}a";

/// A profile of `name` at Product Manager, dated `date`, with one skill rated.
fn profile(dir: &Path, file: &str, name: &str, date: &str, step: &str) -> PathBuf {
    let text = format!("name: \"{name}\"\ndate: {date}\nlevel: pm\nskills:\n  user-focus: {step}\n");
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}

/// `args` run to success: the JSON on stdout and what stderr said.
fn run(args: &[&str]) -> (serde_json::Value, String) {
    let out = cmd().args(args).args(["--format", "json"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{args:?}: {err}");
    (serde_json::from_slice(&out.stdout).unwrap(), err)
}

fn people(v: &serde_json::Value) -> usize {
    v["people"].as_array().map_or(1, Vec::len)
}

#[test]
fn a_name_in_nfc_and_nfd_or_with_a_zero_width_space_is_one_person() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let a = profile(&team, "a.yaml", NFC, "2026-03-01", "working");
    let b = profile(&team, "b.yaml", NFD, "2026-06-01", "practitioner");
    profile(&team, "c.yaml", "Tom Evans", "2026-06-01", "working");
    let (v, err) = run(&["gap", "--team", path(&team), "--to", "senior"]);
    assert_eq!(people(&v), 2, "{v}");
    assert_eq!(
        err,
        format!(
            "warning: two profiles are named `{NFC}` and `Jose\\u{{301}} Garci\\u{{301}}a`, one name written two ways: \
             {} and {}; counted once, from {} (the newer date), leaving out {}\n",
            a.display(),
            b.display(),
            b.display(),
            a.display()
        )
    );
    // A zero-width space, copied in from a web page, shows as what it is.
    let sam = profile(dir.path(), "sam.yaml", "Sam Okafor", "2026-03-01", "working");
    let zwsp = profile(dir.path(), "sam-zw.yaml", "Sam\u{200b} Okafor", "2026-03-01", "working");
    let (v, err) = run(&["gap", "-p", path(&sam), "-p", path(&zwsp), "--to", "senior"]);
    assert_eq!(people(&v), 1, "{v}");
    assert!(
        err.starts_with("warning: two profiles are named `Sam Okafor` and `Sam\\u{200b} Okafor`, one name"),
        "{err}"
    );
}

#[test]
fn a_hard_link_to_a_profile_is_counted_once_as_a_symbolic_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let me = profile(dir.path(), "me.yaml", "Sam Okafor", "2026-03-01", "working");
    let hard = dir.path().join("hard.yaml");
    std::fs::hard_link(&me, &hard).unwrap();
    let soft = dir.path().join("soft.yaml");
    std::os::unix::fs::symlink(&me, &soft).unwrap();
    for other in [&hard, &soft] {
        let (v, err) = run(&["gap", "-p", path(&me), "-p", path(other), "--to", "senior"]);
        assert_eq!(people(&v), 1, "{v}");
        assert_eq!(err, format!("warning: {} and {} are the same file; counted once\n", me.display(), other.display()));
    }
    // A review that is the self-assessment through a hard link is refused as the same file.
    let out = cmd().args(["gap", "-p", path(&me), "--review", path(&hard), "--to", "senior"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is given as both the self-assessment and the review"), "{err}");
}

#[test]
fn a_review_and_check_ins_of_one_name_in_two_forms_are_of_one_person() {
    let dir = tempfile::tempdir().unwrap();
    let own = profile(dir.path(), "own.yaml", NFC, "2026-03-01", "working");
    let review = dir.path().join("review.yaml");
    std::fs::write(
        &review,
        format!("name: \"{NFD}\"\ndate: 2026-03-02\nassessor: Dana Reyes\nlevel: pm\nskills:\n  user-focus: expert\n"),
    )
    .unwrap();
    let out = cmd().args(["gap", "-p", path(&own), "--review", path(&review), "--to", "senior"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "no warning that the review is of someone else");
    assert!(!String::from_utf8(out.stdout).unwrap().contains("the review names"));
    // Another name still gets the warning, its invisible characters shown.
    std::fs::write(&review, std::fs::read_to_string(&review).unwrap().replace(NFD, "Ana\u{200b}")).unwrap();
    let out = cmd().args(["gap", "-p", path(&own), "--review", path(&review), "--to", "senior"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("is of `Ana\\u{{200b}}`, but the self-assessment {} is of `{NFC}`", own.display())),
        "{err}"
    );

    let history = dir.path().join("history");
    std::fs::create_dir(&history).unwrap();
    profile(&history, "1.yaml", NFC, "2026-03-01", "working");
    profile(&history, "2.yaml", NFD, "2026-06-01", "practitioner");
    profile(&history, "3.yaml", "Jose\u{301} Garci\u{301}a\u{feff}", "2026-09-01", "expert");
    let (v, err) = run(&["progress", "--history", path(&history), "--to", "senior"]);
    assert_eq!(err, "");
    assert_eq!(v["checkins"].as_array().map(Vec::len), Some(3), "{v}");
}
