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
