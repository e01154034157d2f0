//! Colour: `--color`, NO_COLOR, CLICOLOR and CLICOLOR_FORCE decide it the same way for reports and
//! for clap's own messages.

use crate::common::cmd;

const ESC: char = '\x1b';

/// Runs `pm-skills diff pm senior ARGS` (a report with bold and coloured cells) into a pipe, with
/// `env` set, and says whether stdout carries ANSI codes.
fn coloured(args: &[&str], env: &[(&str, &str)]) -> bool {
    let mut c = cmd();
    c.args(["diff", "pm", "senior"]).args(args);
    for (name, value) in env {
        c.env(name, value);
    }
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).contains(ESC)
}

#[test]
fn clicolor_force_colours_a_pipe() {
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[], &[]));
    // An empty value is as if unset.
    assert!(!coloured(&[], &[("CLICOLOR_FORCE", "")]));
}

#[test]
fn no_color_turns_colour_off_and_beats_clicolor_force() {
    assert!(!coloured(&[], &[("NO_COLOR", "1")]));
    assert!(!coloured(&[], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]));
}

#[test]
fn the_flag_beats_the_environment() {
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(coloured(&["--color", "always"], &[("CLICOLOR", "0")]));
    // Before the command's name as well as after it.
    let out = cmd().args(["--color", "never", "diff", "pm", "senior"]).env("CLICOLOR_FORCE", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(ESC));
}

#[test]
fn machine_formats_never_carry_colour() {
    assert!(!coloured(&["-f", "json"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&["-f", "csv", "--color", "always"], &[]));
}

/// clap's usage errors, on stderr, follow the same rules and the same flag.
#[test]
fn clap_errors_follow_the_same_rules() {
    let stderr = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = cmd();
        c.args(args);
        for (name, value) in env {
            c.env(name, value);
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(!stderr(&["levels", "--bogus"], &[]).contains(ESC));
    assert!(stderr(&["levels", "--bogus"], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!stderr(&["levels", "--bogus"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(ESC));
    assert!(!stderr(&["levels", "--bogus", "--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(stderr(&["--color=always", "levels", "--bogus"], &[]).contains(ESC));
}

/// On a terminal, `auto` colours unless NO_COLOR, CLICOLOR=0 or TERM=dumb say no. `script`
/// (util-linux) gives the program a pseudo-terminal.
#[test]
#[ignore = "needs script(1) from util-linux for a pseudo-terminal"]
fn auto_colours_a_terminal_unless_told_not_to() {
    let bin = assert_cmd::cargo::cargo_bin!("pm-skills");
    let on_terminal = |env: &[(&str, &str)]| {
        let mut c = std::process::Command::new("script");
        c.args(["-qec", &format!("'{}' diff pm senior", bin.display()), "/dev/null"])
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CI")
            .env("TERM", "xterm")
            .env("COLUMNS", "80");
        for (name, value) in env {
            c.env(name, value);
        }
        let out = c.output().expect("script(1) runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).contains(ESC)
    };
    assert!(on_terminal(&[]));
    assert!(!on_terminal(&[("NO_COLOR", "1")]));
    assert!(!on_terminal(&[("CLICOLOR", "0")]));
    assert!(!on_terminal(&[("TERM", "dumb")]));
}
