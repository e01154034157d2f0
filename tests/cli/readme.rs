//! The README's command outputs are real: every ```console block starting with `$ pm-skills …` is
//! run here (100 columns, no colour) and must print exactly what the README shows. A block whose
//! last line is `…` shows only the start of the output. `PM_SKILLS_UPDATE_README=1` rewrites the
//! blocks from the current binary instead of comparing.

use std::path::Path;

use crate::common::cmd;

/// Splits a command line the way a shell would for these simple cases: spaces, double quotes.
fn split(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    args.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            c => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        args.push(current);
    }
    args
}

/// What the command prints: stdout, then stderr, as a reader of the terminal would see them.
fn run(args: &[String]) -> String {
    let out = cmd().current_dir(env!("CARGO_MANIFEST_DIR")).env("COLUMNS", "100").args(args).output().unwrap();
    let mut text = String::from_utf8(out.stdout).unwrap();
    text.push_str(&String::from_utf8(out.stderr).unwrap());
    text
}

#[test]
fn readme_console_blocks_show_real_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("PM_SKILLS_UPDATE_README").is_some();
    let mut out = String::with_capacity(readme.len());
    let mut lines = readme.split_inclusive('\n');
    let mut checked = 0;
    while let Some(line) = lines.next() {
        out.push_str(line);
        if line.trim_end() != "```console" {
            continue;
        }
        let mut block: Vec<&str> = Vec::new();
        for inner in lines.by_ref() {
            if inner.trim_end() == "```" {
                break;
            }
            block.push(inner.trim_end_matches('\n'));
        }
        let command = block.first().copied().unwrap_or_default();
        let args =
            split(command.strip_prefix("$ pm-skills").unwrap_or_else(|| panic!("block without command: {command}")));
        let actual = run(&args);
        let truncated = block.last() == Some(&"…");
        let shown: Vec<&str> = actual.lines().collect();
        let expected: Vec<&str> = block[1..block.len() - usize::from(truncated)].to_vec();
        let wanted_lines = match (truncated, expected.len()) {
            (true, 0) => 30,
            (true, n) => n,
            (false, _) => shown.len(),
        };
        let actual_part: Vec<&str> = shown.iter().take(wanted_lines).copied().collect();
        if update {
            out.push_str(command);
            out.push('\n');
            for l in &actual_part {
                out.push_str(l.trim_end());
                out.push('\n');
            }
            if truncated {
                out.push_str("…\n");
            }
        } else {
            let trimmed: Vec<&str> = actual_part.iter().map(|l| l.trim_end()).collect();
            assert_eq!(trimmed, expected, "README block `{command}` differs from the real output");
        }
        out.push_str("```\n");
        checked += 1;
    }
    assert!(checked >= 10, "expected the README's command blocks, found {checked}");
    if update {
        std::fs::write(&path, out).unwrap();
    }
}

#[test]
fn split_handles_quotes() {
    assert_eq!(split(" skills \"product ownership\" -f json"), ["skills", "product ownership", "-f", "json"]);
}
