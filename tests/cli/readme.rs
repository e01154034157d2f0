//! The README's command outputs are real: every ```console block starting with `$ pm-skills …` is
//! run here (100 columns, no colour) in a scratch folder that sees the clone's `tests/` and
//! `examples/` (so nothing is written into the source tree), and must print exactly what the README
//! shows. A plain ```console block shows stdout, and the command must succeed with nothing on
//! stderr; a ```console exit=N block shows stderr, and the command must exit N with nothing on
//! stdout. A block whose last line is `…` shows only the start of the output. Comparison is
//! snapbox's, with its diff. `PM_SKILLS_UPDATE_README=1` rewrites the blocks from the current
//! binary instead of comparing.

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

/// What one README block expects: the exit code and, for that code, which stream it shows.
fn expected_code(fence: &str) -> Option<i32> {
    let info = fence.trim_end().strip_prefix("```console")?;
    match info.trim() {
        "" => Some(0),
        attr => {
            Some(attr.strip_prefix("exit=").and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("bad fence {fence}")))
        }
    }
}

/// A scratch folder for the README's commands: `tests` and `examples` link to the clone's, and
/// whatever a command writes (e.g. `target/readme-import`) stays in the scratch folder.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["tests", "examples"] {
        std::os::unix::fs::symlink(root.join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// Runs the command; checks its exit code and that the stream the README does not show is empty;
/// returns the lines of the stream it does show, without trailing spaces.
fn run(dir: &Path, args: &[String], code: i32) -> Vec<String> {
    let out = cmd().current_dir(dir).env("COLUMNS", "100").args(args).output().unwrap();
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert_eq!(out.status.code(), Some(code), "pm-skills {args:?}: stdout:\n{stdout}\nstderr:\n{stderr}");
    let (shown, hidden) = if code == 0 { (stdout, stderr) } else { (stderr, stdout) };
    assert!(hidden.is_empty(), "pm-skills {args:?} (exit {code}) also printed, on the stream not shown:\n{hidden}");
    shown.lines().map(|l| l.trim_end().to_string()).collect()
}

#[test]
fn readme_console_blocks_show_real_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("PM_SKILLS_UPDATE_README").is_some();
    let dir = scratch();
    let mut out = String::with_capacity(readme.len());
    let mut lines = readme.split_inclusive('\n');
    let mut checked = 0;
    while let Some(line) = lines.next() {
        out.push_str(line);
        let Some(code) = expected_code(line) else { continue };
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
        let actual = run(dir.path(), &args, code);
        let truncated = block.last() == Some(&"…");
        let expected = &block[1..block.len() - usize::from(truncated)];
        if update {
            let keep = if truncated { expected.len().max(1) } else { actual.len() };
            out.push_str(command);
            out.push('\n');
            for l in actual.iter().take(keep) {
                out.push_str(l);
                out.push('\n');
            }
            if truncated {
                out.push_str("…\n");
            }
        } else {
            // snapbox's `...` line matches the rest of a truncated output.
            let mut wanted = expected.join("\n") + "\n";
            if truncated {
                wanted.push_str("...\n");
            }
            let got = actual.join("\n") + "\n";
            snapbox::Assert::new().eq(snapbox::Data::text(got), snapbox::Data::text(wanted));
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
