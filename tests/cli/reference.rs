//! The reference's "Commands and their options", the man page and every command's `--help` list
//! the same commands with the same options, so a flag added, renamed or removed in one and not the
//! others fails here, with every difference named at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::stdout;

/// Each command (its words after `pm-skills`, joined by a space; "" for the options every command
/// takes) with its long options.
type Options = BTreeMap<String, BTreeSet<String>>;

/// The `--name` words of `text`.
fn longs(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.len() > 2 && w.starts_with("--") && !w.starts_with("---"))
        .map(str::to_string)
        .collect()
}

/// The option names at the head of a help or man item, before its value (`-p, --profile <FILE>`).
fn head_longs(line: &str) -> BTreeSet<String> {
    longs(line.split(['<', '[']).next().unwrap_or_default())
}

/// The words of a command line that name the command: `pm-skills import matrix FILE` → `import matrix`.
fn command_words(cell: &str) -> String {
    let words = cell.trim().trim_matches('`').split_whitespace().skip(1);
    words
        .take_while(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase()) && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The reference's section: its first table is the options every command takes, its second a
/// row per command.
fn from_reference() -> Options {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reference.md")).unwrap();
    let start = page.find("\n## Commands and their options\n").expect("the reference lists the commands' options");
    let section = &page[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |end| end + 3)];
    let (mut options, mut table, mut in_table) = (Options::new(), 0, false);
    for line in section.lines() {
        let row = line.starts_with('|');
        if row && !in_table {
            table += 1;
        }
        in_table = row;
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if !row || cells.len() < 4 || cells[1].starts_with("---") || !cells[1].starts_with('`') {
            continue;
        }
        match table {
            1 => options.entry(String::new()).or_default().extend(longs(cells[1])),
            2 => {
                options.insert(command_words(cells[1]), longs(cells[3]));
            }
            _ => panic!("the section has a third table: {line}"),
        }
    }
    options
}

/// The man page: the global OPTIONS, then each command's items under COMMANDS. A command that
/// only groups others (`import`, `profile`) is left out, as the reference leaves it.
fn from_man() -> Options {
    let roff = stdout(&["man"]);
    let text = roff.replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fI", "");
    let (mut options, mut section, mut command, mut item) = (Options::new(), "", String::new(), false);
    for line in text.lines() {
        if let Some(name) = line.strip_prefix(".SH ") {
            section = if name.contains("OPTIONS") {
                "options"
            } else if name.contains("COMMANDS") {
                "commands"
            } else {
                ""
            };
            continue;
        }
        let head = std::mem::replace(&mut item, line == ".TP");
        if !head || section.is_empty() {
            continue;
        }
        if section == "commands" && line.starts_with("pm-skills ") {
            command = command_words(line);
            options.entry(command.clone()).or_default();
        } else if line.starts_with('-') {
            let key = if section == "options" { String::new() } else { command.clone() };
            options.entry(key).or_default().extend(head_longs(line));
        }
    }
    let groups: Vec<String> = options
        .keys()
        .filter(|group| options.keys().any(|c| c.starts_with(&format!("{group} ")) && !group.is_empty()))
        .cloned()
        .collect();
    for group in groups {
        options.remove(&group);
    }
    options
}

/// The options of one command's `--help` (its "Options:" items), without those every command
/// takes and `--help` itself.
fn from_help(command: &str, every: &BTreeSet<String>) -> BTreeSet<String> {
    let mut args: Vec<&str> = command.split_whitespace().collect();
    args.push("--help");
    let help = stdout(&args);
    let items = help
        .lines()
        .skip_while(|l| l.trim_end() != "Options:")
        .skip(1)
        .take_while(|l| !l.starts_with(|c: char| c.is_alphabetic()));
    let named = items.filter(|l| {
        let indent = l.len() - l.trim_start().len();
        indent <= 6 && l.trim_start().starts_with('-')
    });
    let mut found: BTreeSet<String> = named.flat_map(head_longs).collect();
    if !command.is_empty() {
        found.retain(|o| !every.contains(o) && o != "--help");
    }
    found
}

#[test]
fn the_reference_the_man_page_and_every_help_list_the_same_options() {
    let (reference, man) = (from_reference(), from_man());
    let every = reference.get("").cloned().unwrap_or_default();
    assert!(
        every.contains("--format") && reference.contains_key("gap"),
        "the reference's tables were not read: {reference:?}"
    );
    let mut differences = Vec::new();
    let commands: BTreeSet<&String> = reference.keys().chain(man.keys()).collect();
    for command in commands {
        let shown = if command.is_empty() { "every command" } else { command };
        let (listed, manual) = (reference.get(command), man.get(command));
        match (listed, manual) {
            (None, _) => differences.push(format!("`{shown}`: in the man page, not in the reference")),
            (_, None) => differences.push(format!("`{shown}`: in the reference, not in the man page")),
            (Some(listed), Some(manual)) if listed != manual => {
                differences.push(format!("`{shown}`: the reference lists {listed:?}, the man page {manual:?}"))
            }
            _ => {}
        }
        let (Some(listed), help) = (listed, from_help(command, &every)) else { continue };
        if *listed != help {
            differences.push(format!("`{shown}`: the reference lists {listed:?}, `--help` {help:?}"));
        }
    }
    assert!(differences.is_empty(), "the options listed differ:\n  {}", differences.join("\n  "));
}

#[test]
fn a_command_line_is_read_as_its_command_words_and_options() {
    assert_eq!(command_words("`pm-skills import matrix FILE`"), "import matrix");
    assert_eq!(command_words("pm-skills validate [OPTIONS] [DIR]"), "validate");
    assert_eq!(command_words("pm-skills assess --out <FILE> [OPTIONS]"), "assess");
    assert_eq!(head_longs("  -p, --profile <FILE>"), BTreeSet::from(["--profile".to_string()]));
    assert_eq!(longs("`--out`, `--force` and - or ---"), BTreeSet::from(["--force".to_string(), "--out".to_string()]));
}
