//! The command outputs of the README and of every page of `docs/` are real: every ```console block
//! starting with `$ pm-skills …` is run here (100 columns, no colour), the blocks of one page in
//! order, in a fresh folder of its own that holds a copy of `examples/` (so a guide runs as its
//! reader would run it, and nothing is written into the source tree), and must print exactly what
//! the page shows. A plain ```console block shows stdout, and the command must succeed with nothing on
//! stderr; a ```console exit=N block shows stderr, and the command must exit N with nothing on
//! stdout. A block whose last line is `…` shows only the start of the output. Comparison is
//! snapbox's, with its diff; every block that differs is named by its file and line, all at once.
//! `PM_SKILLS_UPDATE_README=1` rewrites the blocks from the current binary instead of comparing.

use std::path::Path;

use crate::common::{cmd, copy_dir, markdown_files};

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

/// A fresh folder for one page's commands, holding a copy of the clone's `examples/`, as each
/// guide asks its reader to start; whatever a command writes stays there, and no page sees what
/// another wrote.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"), &dir.path().join("examples"));
    dir
}

/// Runs the command; checks its exit code and that the stream the page does not show is empty;
/// returns the lines of the stream it does show, without trailing spaces, or what went wrong.
fn run(dir: &Path, args: &[String], code: i32) -> Result<Vec<String>, String> {
    let out = cmd().current_dir(dir).env("COLUMNS", "100").args(args).output().unwrap();
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    if out.status.code() != Some(code) {
        return Err(format!("exit {:?}, not {code}: stdout:\n{stdout}\nstderr:\n{stderr}", out.status.code()));
    }
    let (shown, hidden) = if code == 0 { (stdout, stderr) } else { (stderr, stdout) };
    if !hidden.is_empty() {
        return Err(format!("(exit {code}) also printed, on the stream not shown:\n{hidden}"));
    }
    Ok(shown.lines().map(|l| l.trim_end().to_string()).collect())
}

/// Checks (or with `update`, rewrites) the console blocks of one page; returns how many there
/// are, and each difference with the line its block starts on.
fn check_page(path: &Path, dir: &Path, update: bool) -> (usize, Vec<String>) {
    let page = std::fs::read_to_string(path).unwrap();
    let shown = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(path).display().to_string();
    let (mut out, mut failures, mut checked) = (String::with_capacity(page.len()), Vec::new(), 0);
    let mut lines = page.split_inclusive('\n').enumerate();
    while let Some((at, line)) = lines.next() {
        out.push_str(line);
        let Some(code) = expected_code(line) else { continue };
        let mut block: Vec<&str> = Vec::new();
        for (_, inner) in lines.by_ref() {
            if inner.trim_end() == "```" {
                break;
            }
            block.push(inner.trim_end_matches('\n'));
        }
        checked += 1;
        let command = block.first().copied().unwrap_or_default();
        let Some(rest) = command.strip_prefix("$ pm-skills") else {
            failures.push(format!("{shown}:{}: a console block that runs no `$ pm-skills` command", at + 1));
            out.extend(block.iter().map(|l| format!("{l}\n")));
            out.push_str("```\n");
            continue;
        };
        let args = split(rest);
        let truncated = block.last() == Some(&"…");
        let expected = &block[1..block.len() - usize::from(truncated)];
        let actual = match run(dir, &args, code) {
            Ok(actual) => actual,
            Err(why) => {
                failures.push(format!("{shown}:{}: `{command}`: {why}", at + 1));
                expected.iter().map(|l| l.to_string()).collect()
            }
        };
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
            let assert = snapbox::Assert::new();
            if let Err(diff) = assert.try_eq(Some(&"pm-skills"), snapbox::Data::text(got), snapbox::Data::text(wanted))
            {
                failures.push(format!("{shown}:{}: `{command}` prints otherwise:\n{diff}", at + 1));
            }
        }
        out.push_str("```\n");
    }
    if update && out != page {
        std::fs::write(path, out).unwrap();
    }
    (checked, failures)
}

#[test]
fn every_console_block_of_every_page_shows_real_output() {
    let update = std::env::var_os("PM_SKILLS_UPDATE_README").is_some();
    let (mut checked, mut failures) = (0, Vec::new());
    for page in markdown_files() {
        let (n, found) = check_page(&page, scratch().path(), update);
        checked += n;
        failures.extend(found);
    }
    assert!(checked >= 10, "expected the README's command blocks, found {checked}");
    assert!(failures.is_empty(), "{} of {checked} console blocks differ:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn a_page_names_each_block_that_differs_by_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    let text = "Intro.\n\n```console\n$ pm-skills --version\nnot what it prints\n```\n\n```console exit=1\n$ pm-skills show nope\n```\n\n```console\n$ pm-skills --version\npm-skills …\n…\n```\n";
    std::fs::write(&page, text).unwrap();
    let (checked, failures) = check_page(&page, scratch().path(), false);
    assert_eq!(checked, 3);
    assert_eq!(failures.len(), 3, "{failures:#?}");
    assert!(failures[0].contains("page.md:3: `$ pm-skills --version` prints otherwise"), "{}", failures[0]);
    // The refusal prints on stderr, which the block (empty) does not show.
    assert!(failures[1].contains("page.md:8: `$ pm-skills show nope`"), "{}", failures[1]);
    // `…` ends a block that shows the start only; the start must still match.
    assert!(failures[2].contains("page.md:12:"), "{}", failures[2]);
}

#[test]
fn split_handles_quotes() {
    assert_eq!(split(" skills \"product ownership\" -f json"), ["skills", "product ownership", "-f", "json"]);
}
