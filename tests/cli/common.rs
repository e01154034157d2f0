//! Shared helpers for the end-to-end tests.

use assert_cmd::Command;

/// `pm-skills` with a scrubbed, predictable environment: no colour, 80 columns, no user data.
pub fn cmd() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("pm-skills");
    cmd.env_remove("PM_SKILLS_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "80")
        .env("TERM", "xterm");
    cmd
}

/// Runs `pm-skills ARGS`, asserts success, and returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = cmd().args(args).output().expect("runs");
    assert!(out.status.success(), "pm-skills {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "unexpected stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `pm-skills ARGS --format json` and parses the document.
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).expect("valid JSON")
}

/// A writable copy of `tests/fixtures/NAME` in a fresh temporary folder.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), dir.path());
    dir
}
