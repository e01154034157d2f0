//! Hostile text in framework and profile files: shown, never executed, by the terminal or a
//! spreadsheet; exact in JSON and YAML; never forging error lines. Runs go through
//! [`crate::hostile::run`], with its hang guard and memory limit.

use std::process::Command;

use crate::common::copy_example;
use crate::hostile::{GOOD_PROFILE, hostile, path_str, run};

fn injection() -> String {
    path_str(&hostile("injection")).to_string()
}

/// Commands that print the injection framework's text, each way.
fn injection_commands() -> Vec<Vec<String>> {
    let profile = path_str(&hostile("injection-profile.yaml")).to_string();
    let twin = path_str(&hostile("injection-profile-twin.yaml")).to_string();
    [
        vec!["levels"],
        vec!["ladder"],
        vec!["show", "two"],
        vec!["skills"],
        vec!["skills", "escape"],
        vec!["soft-skills"],
        vec!["soft-skills", "bell"],
        vec!["about"],
        vec!["diff", "one", "three"],
        vec!["diff", "one", "three", "--path"],
        vec!["gap", "--profile", &profile, "--to", "three"],
        vec!["gap", "--profile", &profile, "--profile", &twin, "--to", "two"],
        vec!["plan", "--profile", &profile, "--to", "three"],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .collect()
}

fn with_data(format: &str, extra: &[&str], command: &[String]) -> Vec<String> {
    let mut args = vec!["--data".to_string(), injection(), "--format".into(), format.into()];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(command.iter().cloned());
    args
}

/// No control character reaches the terminal but line breaks and, with colour, the program's own
/// SGR sequences (`ESC [ digits ; … m`).
fn assert_terminal_safe(what: &str, text: &str, colour: bool) {
    for (at, c) in text.char_indices() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        if c == '\x1b' && colour {
            let rest = &text[at + 1..];
            let end = rest.find('m').unwrap_or_else(|| panic!("{what}: unterminated escape at {at}"));
            let params = &rest[..end];
            assert!(
                params.starts_with('[') && params[1..].chars().all(|p| p.is_ascii_digit() || p == ';'),
                "{what}: a non-SGR escape reached the terminal at byte {at}: {:?}",
                &text[at..(at + 20).min(text.len())]
            );
        } else {
            assert!(
                !(bidi || c.is_control() && c != '\n'),
                "{what}: raw {c:?} at byte {at}: {:?}",
                &text[at.saturating_sub(20)..(at + 20).min(text.len())]
            );
        }
    }
}

#[test]
fn control_characters_and_escapes_are_shown_not_executed() {
    let mut shown = 0;
    for command in injection_commands() {
        for (format, extra, colour) in
            [("table", &[][..], false), ("table", &["--color", "always"][..], true), ("markdown", &[][..], false)]
        {
            let args = with_data(format, extra, &command);
            let r = run(&args, None);
            let out = r.ok().stdout();
            assert_terminal_safe(&r.what, &out, colour);
            shown += usize::from(out.contains("\\x1b["));
        }
    }
    assert!(shown > 20, "the escapes should be visible as text, e.g. \\x1b[31m ({shown} outputs showed one)");
    // Narrow and wide terminals wrap the same safe text.
    for columns in ["20", "400"] {
        let mut args = vec!["--data".to_string(), injection(), "ladder".into()];
        args.push("--color=always".into());
        let mut child = Command::new(env!("CARGO_BIN_EXE_pm-skills"));
        let out = child.args(&args).env("COLUMNS", columns).output().unwrap();
        assert!(out.status.success());
        assert_terminal_safe("ladder", &String::from_utf8(out.stdout).unwrap(), true);
    }
}

#[test]
fn json_and_yaml_keep_the_exact_text() {
    let framework = "Hostile \x1b[2J\x1b[H ladder";
    let skill = "Esc \x1b[1;31mbold red\x1b[0m \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\";
    let bidi = "Bidi \u{202e}evil\u{202c} \u{2066}isolate\u{2069} \u{200f}mark";
    let person = "Mallory \x1b]0;pwned\x07\x1b[2J";
    for command in injection_commands() {
        let json = run(&with_data("json", &[], &command), None).ok().stdout();
        let yaml = run(&with_data("yaml", &[], &command), None).ok().stdout();
        let from_json: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let from_yaml: serde_json::Value = serde_yaml::from_str(&yaml).expect("valid YAML");
        assert_eq!(from_yaml, from_json, "{command:?}: YAML and JSON carry the same data");
        // JSON escapes every control character, so the raw document is terminal-safe too.
        assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{command:?}: {json}");
        assert_eq!(from_json["framework"]["name"], framework, "{command:?}");
    }
    let ladder: serde_json::Value =
        serde_json::from_str(&run(&with_data("json", &[], &["ladder".into()]), None).ok().stdout()).unwrap();
    let text = ladder.to_string();
    for exact in [skill, bidi, "=HYPERLINK(\"http://evil.example\",\"click\")", "Two | pipe"] {
        assert!(text.contains(&serde_json::to_string(exact).unwrap()), "{exact:?} not kept in {text}");
    }
    let profile = path_str(&hostile("injection-profile.yaml")).to_string();
    let gap = run(&with_data("json", &[], &["gap".into(), "-p".into(), profile, "--to".into(), "two".into()]), None);
    let gap: serde_json::Value = serde_json::from_str(&gap.ok().stdout()).unwrap();
    assert_eq!(gap["person"]["name"], person);
}

#[test]
fn error_messages_are_sanitised_too() {
    // A name typed on the command line, echoed in "unknown level".
    run(&["--data", &injection(), "show", "\x1b]0;pwned\x07\x1b[2Jnope"], None)
        .refused()
        .says("\\x1b]0;pwned\\x07\\x1b[2Jnope");
    // A profile whose unknown skill and proficiency carry escapes, echoed with file and line.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.yaml");
    std::fs::write(&path, "name: x\nskills:\n  \"\\e[2Jevil\": working\n  user-focus: \"\\e]0;t\\a\"\n").unwrap();
    run(&["gap", "--profile", path_str(&path), "--to", "senior"], None)
        .refused()
        .says("unknown skill `\\x1b[2Jevil`")
        .says("`\\x1b]0;t\\x07` is not a proficiency");
    // A YAML error quoting the offending text.
    std::fs::write(&path, "name: x\n\x1b[2J: [\n").unwrap();
    run(&["gap", "--profile", path_str(&path), "--to", "senior"], None).refused();
}

fn csv_cells(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().flat_map(|r| r.expect("valid CSV").iter().map(String::from).collect::<Vec<_>>()).collect()
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let mut checked = 0;
    for command in injection_commands() {
        let cells = csv_cells(&run(&with_data("csv", &[], &command), None).ok().stdout());
        for cell in &cells {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(cell.parse::<f64>().is_ok(), "{command:?}: formula cell {cell:?} left live");
            }
            checked += usize::from(cell.starts_with('\''));
        }
        // --raw-csv leaves every cell as it is.
        let raw = csv_cells(&run(&with_data("csv", &["--raw-csv"], &command), None).ok().stdout());
        assert_eq!(raw.len(), cells.len());
        for (raw, safe) in raw.iter().zip(&cells) {
            assert!(raw == safe || *safe == format!("'{raw}"), "{command:?}: {raw:?} vs {safe:?}");
        }
    }
    assert!(checked > 10, "the injection fixture should trip the rule often ({checked})");
    let ladder = csv_cells(&run(&with_data("csv", &[], &["ladder".into()]), None).ok().stdout());
    assert!(ladder.contains(&"'=HYPERLINK(\"http://evil.example\",\"click\")".to_string()), "{ladder:?}");
    let raw = csv_cells(&run(&with_data("csv", &["--raw-csv"], &["ladder".into()]), None).ok().stdout());
    assert!(raw.contains(&"=HYPERLINK(\"http://evil.example\",\"click\")".to_string()), "{raw:?}");
}

#[test]
fn markdown_tables_escape_pipes_in_cells() {
    for command in injection_commands() {
        let out = run(&with_data("markdown", &[], &command), None).ok().stdout();
        let mut columns = None;
        for line in out.lines() {
            if !line.starts_with('|') {
                columns = None;
                continue;
            }
            // Count the pipes that are not escaped: one more than the cells of the header row.
            let mut pipes = 0;
            let mut escaped = false;
            for c in line.chars() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '|' if !escaped => pipes += 1,
                    _ => escaped = false,
                }
                if c != '\\' {
                    escaped = false;
                }
            }
            match columns {
                None => columns = Some(pipes),
                Some(n) => assert_eq!(pipes, n, "{command:?}: a row's cells split on a pipe: {line}"),
            }
        }
        assert!(!out.contains("Two | pipe"), "{command:?}: unescaped pipe in {out}");
    }
}

// ---------------------------------------------------------------------------------------------
// Nothing partial.

#[test]
fn a_failing_command_writes_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&good, GOOD_PROFILE).unwrap();
    std::fs::write(&bad, "name: Bad\nskills:\n  agile-working: wizard\n").unwrap();
    // The good profile would render; the bad one after it must stop everything.
    run(&["gap", "-p", path_str(&good), "-p", path_str(&bad), "--to", "senior"], None).refused();
    run(&["gap", "-p", path_str(&good), "--to", "nowhere"], None).refused();
    run(&["show", "nowhere"], None).refused();
    let broken = copy_example("custom-ladder");
    std::fs::write(broken.path().join("roles/design/designer.yaml"), "id: [\n").unwrap();
    for format in ["table", "json", "yaml", "csv", "markdown"] {
        run(&["--data", path_str(broken.path()), "--format", format, "ladder"], None).refused();
    }
}

#[test]
fn written_files_never_replace_without_force_and_leave_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    std::fs::write(&out, "precious: true\n").unwrap();
    // Each answer, then Enter at its evidence question.
    let answers = format!("Ada\n\n{}", "3\n\n".repeat(10)).into_bytes();
    run(&["assess", "--out", path_str(&out)], Some(answers.clone())).refused().says("use --force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious: true\n");
    // A folder in the way is never replaced, even with --force.
    let folder = dir.path().join("folder.yaml");
    std::fs::create_dir(&folder).unwrap();
    let r = run(&["assess", "--out", path_str(&folder), "--force"], Some(answers.clone()));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let message = format!("error: cannot write {}: it is a directory\n", path_str(&folder));
    assert!(r.stdout.is_empty() && r.stderr.ends_with(&message), "{}", r.stderr);
    assert!(folder.is_dir());
    // Hostile answers (escapes in the name and in evidence) are written as exact, parseable text.
    let mut evil = b"\x1b]0;pwned\x07Eve\n\n3\n\x1b[2Jwiped \"it\": #1\n".to_vec();
    evil.extend_from_slice(&answers[8..]);
    run(&["assess", "--out", path_str(&out), "--force"], Some(evil)).code.filter(|&c| c == 0).expect("assess --force");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(!written.contains('\x1b'), "raw escape written to the profile: {written}");
    let back = run(&["gap", "-p", path_str(&out), "--to", "senior", "-f", "json"], None);
    let back: serde_json::Value = serde_json::from_str(&back.ok().stdout()).unwrap();
    assert_eq!(back["person"]["name"], "\x1b]0;pwned\x07Eve");
    let agile = back["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == "agile-working").unwrap();
    assert_eq!(agile["evidence"], serde_json::json!(["\x1b[2Jwiped \"it\": #1"]));
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    names.sort();
    // The folder is refused before any question, so not even a draft is left; nothing else.
    assert_eq!(names, ["folder.yaml", "me.yaml"], "temporary files left behind");
}

#[test]
fn line_breaks_in_names_cannot_forge_error_lines() {
    use crate::common::cmd;
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.yaml");
    std::fs::write(&profile, "name: A\nlevel: pm\nskills:\n  \"a\\n\\nerror: fake\": working\n").unwrap();
    let cases: [Vec<String>; 2] = [
        vec!["gap".into(), "--profile".into(), profile.to_str().unwrap().into()],
        vec!["show".into(), "a\n\nerror: fake".into()],
    ];
    for args in cases {
        let out = cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("\n\n"), "{args:?}: a blank line splits the block:\n{err}");
        assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 1, "{args:?}: forged line:\n{err}");
        assert!(err.contains("error: fake"), "{args:?}: the name is still shown, inline:\n{err}");
    }
}

#[test]
fn json_escapes_del_and_c1_controls_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    std::fs::write(&me, format!("name: \"Mal\\x7florie\\x85\\x9b2J\"\n{}", GOOD_PROFILE.split_once('\n').unwrap().1))
        .unwrap();
    let r = run(&["gap", "-p", path_str(&me), "--to", "senior", "--format", "json"], None);
    let json = r.ok().stdout();
    assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
    assert!(json.contains(r"Mal\u007florie\u0085\u009b2J"), "{json}");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["person"]["name"], "Mal\u{7f}lorie\u{85}\u{9b}2J");
}

/// On a terminal every format is shown safe, CSV and JSON included; to a pipe they stay exact
/// (`json_and_yaml_keep_the_exact_text`). `script` (util-linux) gives a pseudo-terminal.
#[test]
#[ignore = "needs script(1) from util-linux for a pseudo-terminal"]
fn every_format_is_safe_on_a_terminal() {
    let bin = assert_cmd::cargo::cargo_bin!("pm-skills");
    for format in ["csv", "json", "yaml", "markdown", "html", "table"] {
        for command in [["ladder", ""], ["skills", "escape"]] {
            let line =
                format!("'{}' --data '{}' --format {format} {} {}", bin.display(), injection(), command[0], command[1]);
            let out = Command::new("script")
                .args(["-qec", &line, "/dev/null"])
                .env_remove("NO_COLOR")
                .env_remove("CLICOLOR_FORCE")
                .env_remove("CI")
                .env("TERM", "xterm")
                .env("COLUMNS", "80")
                .output()
                .expect("script(1) runs");
            assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
            // The pseudo-terminal turns each newline into CR LF.
            let text = String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n");
            assert_terminal_safe(&line, &text, format == "table");
            // Shown, not dropped: as `\x1b` in CSV and the table, in their own escapes in JSON
            // and YAML (`\u001b`, `\e`); Markdown escapes the backslash again.
            let visible = ["\\x1b[", "\\u001b[", "\\e[", "\\\\x1b"].iter().any(|e| text.contains(e));
            assert!(visible, "{line}: the escapes should show as text");
        }
    }
}
