//! The shell's side: completion, and the man page.
//!
//! Completion is clap_complete's dynamic completion, so the shell scripts are clap's own, unedited.
//! The script a shell loads (`pm-skills completions SHELL`, which prints what
//! `COMPLETE=SHELL pm-skills` does) runs `COMPLETE=SHELL pm-skills -- WORDS…` at each TAB, and
//! [`complete_if_asked`], first thing in `main`, answers from the command tree, where each argument
//! says what it takes: a kind of name ([`NameKind`]), a profile, a folder. Names come from the
//! framework the words select: `--data`, `--framework` and `--role` as typed, and `PM_SKILLS_DATA`,
//! read by the parser's own rules ([`crate::cli::parse`]).

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::path::PathBuf;

use clap::CommandFactory as _;
use clap_complete::engine::ValueCompleter;
use clap_complete::env::Shells;
use clap_complete::{CompleteEnv, CompletionCandidate, Shell};

use crate::cli::{Cli, GlobalArgs, NameKind};
use crate::data::{Selection, select_role};

/// The environment variable that asks for completion: clap_complete's default.
const COMPLETE_VAR: &str = "COMPLETE";

/// Answers a shell's completion request and exits, when `COMPLETE` makes one; otherwise returns
/// having read one environment variable, so an ordinary run pays nothing for completion. Must run
/// before anything is written to standard output.
pub fn complete_if_asked() {
    if std::env::var_os(COMPLETE_VAR).is_some() {
        CompleteEnv::with_factory(Cli::command).var(COMPLETE_VAR).complete();
    }
}

/// The script that registers completion in `shell`: the one `COMPLETE=SHELL pm-skills` prints
/// (clap_complete's), so both install routes give the same. zsh's gets one line more, so that it
/// also works installed as `_pm-skills` in `$fpath`: zsh runs such a file at the first TAB, when
/// clap's script only defines its function, and the line then completes through it.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    match Shells::builtins().completer(&shell.to_string()) {
        Some(registration) => {
            let name = cmd.get_name().to_string();
            // Writing into a Vec cannot fail.
            let _ = registration.write_registration(COMPLETE_VAR, &name, &name, &completer(), &mut out);
            if shell == Shell::Zsh {
                out.extend_from_slice(ZSH_AUTOLOADED.as_bytes());
            }
        }
        // A shell clap_complete has only a static script for: commands and flags, no names.
        None => clap_complete::generate(shell, &mut cmd, "pm-skills", &mut out),
    }
    out
}

/// zsh's function for pm-skills is whatever clap's script registered (`$_comps`), not a name of
/// clap's that could change.
const ZSH_AUTOLOADED: &str = "if [[ $funcstack[1] == _pm-skills ]]; then \"$_comps[pm-skills]\" \"$@\"; fi\n";

/// The program the script runs, named as clap_complete names it: this run's `argv[0]`, made
/// absolute when it is a relative path with a folder (`./target/release/pm-skills`).
fn completer() -> String {
    let program = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| "pm-skills".into()));
    let program = match std::env::current_dir() {
        Ok(dir) if program.components().count() > 1 => dir.join(program),
        _ => program,
    };
    program.to_string_lossy().into_owned()
}

/// The names an argument of this kind takes, from the framework the command line selects: clap's
/// engine asks with the word being completed, and gets the names that start with it.
impl ValueCompleter for NameKind {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        let Some(prefix) = current.to_str() else { return Vec::new() };
        let selection = typed_selection(&completion_words());
        names(selection.as_ref(), *self)
            .into_iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(name, about)| CompletionCandidate::new(name).help((!about.is_empty()).then(|| about.into())))
            .collect()
    }
}

/// The command line being completed: the words after `--` in `COMPLETE=SHELL pm-skills -- WORDS…`,
/// as clap's scripts pass them (bash and zsh the whole line, fish and PowerShell up to the cursor).
fn completion_words() -> Vec<String> {
    std::env::args_os().skip_while(|a| a != "--").skip(1).map(|a| a.to_string_lossy().into_owned()).collect()
}

/// The options that select the framework and role among `words` (the program first), read as the
/// command itself reads them: `cli::parse`, with `PM_SKILLS_DATA` and an explicit `--framework`
/// winning over it; `None` when they do not parse (`--data` with `--framework`).
fn typed_selection(words: &[String]) -> Option<Selection> {
    const SELECTING: [&str; 3] = ["--data", "--framework", "--role"];
    let mut args = vec!["pm-skills".to_string()];
    let mut rest = words.iter().skip(1);
    while let Some(word) = rest.next() {
        if let Some((flag, value)) = word.split_once('=')
            && SELECTING.contains(&flag)
        {
            args.extend([flag.to_string(), shell_value(value)]);
        } else if SELECTING.contains(&word.as_str()) {
            let mut value = rest.next();
            // bash splits `--data=DIR` into three words at the `=`.
            if value.is_some_and(|v| v == "=") {
                value = rest.next();
            }
            args.extend(value.map(|v| [word.clone(), shell_value(v)]).into_iter().flatten());
        }
    }
    args.push("frameworks".to_string());
    crate::cli::parse(args.into_iter().map(OsString::from)).ok().map(|cli| cli.global.selection())
}

/// A word as the shell would hand it to pm-skills: bash and zsh pass the words as typed, so quotes
/// are removed and a leading `~` is the home folder.
fn shell_value(word: &str) -> String {
    let word = unquote(word);
    match (word.strip_prefix('~'), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if rest.is_empty() || rest.starts_with('/') => format!("{home}{rest}"),
        _ => word,
    }
}

/// `'…'`, `"…"` and backslashes, removed as a POSIX shell removes them.
fn unquote(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut quote = None;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '\\') => out.extend(chars.next()),
            (Some('"'), '\\') => match chars.next() {
                Some(next @ ('"' | '\\' | '$' | '`')) => out.push(next),
                Some(next) => out.extend(['\\', next]),
                None => out.push('\\'),
            },
            (_, c) => out.push(c),
        }
    }
    out
}

/// The names of `kind`, each with the display name it stands for: ids and aliases, each once, in
/// the framework's order. Completion must never print an error into the prompt, so a framework
/// that does not load gives no names.
fn names(selection: Option<&Selection>, kind: NameKind) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = Vec::new();
    let mut add = |id: &str, aliases: &[String], about: &str| {
        names.push((id.to_string(), about.to_string()));
        names.extend(aliases.iter().map(|alias| (alias.clone(), about.to_string())));
    };
    if kind == NameKind::Frameworks {
        crate::data::builtin_ids().into_iter().for_each(|id| add(id, &[], ""));
    } else if let Some(selection) = selection
        && let Ok(framework) = selection.load()
    {
        let skills = || framework.skills.iter().map(|s| (&s.id, &s.aliases, &s.name));
        let soft_skills = || framework.soft_skills.iter().map(|s| (&s.id, &s.aliases, &s.name));
        match kind {
            NameKind::Levels => {
                // The selected role's levels; when no role can be chosen, every role's. Then, with
                // several roles, every level as ROLE/LEVEL, which names it from any scope.
                let roles = match select_role(&framework, selection.role.as_deref()) {
                    Ok(scope) => vec![scope.role],
                    Err(_) => framework.roles.iter().collect(),
                };
                roles.iter().flat_map(|r| &r.levels).for_each(|l| add(&l.id, &l.aliases, &l.name));
                if framework.roles.len() > 1 {
                    for role in &framework.roles {
                        role.levels.iter().for_each(|l| add(&format!("{}/{}", role.id, l.id), &[], &l.name));
                    }
                }
            }
            NameKind::Skills => skills().for_each(|(id, aliases, name)| add(id, aliases, name)),
            NameKind::SoftSkills => soft_skills().for_each(|(id, aliases, name)| add(id, aliases, name)),
            NameKind::SkillsAndSoftSkills => {
                skills().chain(soft_skills()).for_each(|(id, aliases, name)| add(id, aliases, name));
            }
            NameKind::Roles => framework.roles.iter().for_each(|r| add(&r.id, &[], &r.name)),
            NameKind::Frameworks => {}
        }
    }
    let mut seen = BTreeSet::new();
    // A name is one word on the command line, and a control character has no place in a prompt.
    names.retain(|(name, _)| {
        !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c.is_control()) && seen.insert(name.clone())
    });
    for (_, about) in &mut names {
        about.retain(|c| !c.is_control());
    }
    names
}

/// The roff man page: clap's name, synopsis, description and options, then every command with
/// its own arguments and examples on the same page, the examples and exit codes, and the version.
pub fn man_page() -> anyhow::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = String::from_utf8(out)?;
    page.push_str(".SH COMMANDS\n");
    let common: Vec<clap::Id> = {
        use clap::Args as _;
        GlobalArgs::augment_args(clap::Command::new("common")).get_arguments().map(|a| a.get_id().clone()).collect()
    };
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        command_entry(sub, &common, &mut page);
    }
    if let Some(extra) = cmd.get_after_help() {
        for (heading, body) in paragraphs(&extra.to_string()) {
            let heading = match heading.as_str() {
                "Exit codes" => "EXIT STATUS".to_string(),
                other => other.to_uppercase(),
            };
            let _ = writeln!(page, ".SH \"{}\"", roff_text(&heading));
            no_fill(&body, &mut page);
        }
    }
    let _ = writeln!(
        page,
        ".SH VERSION\n{}\n.br\nBuilt-in frameworks: {}",
        env!("CARGO_PKG_VERSION"),
        roff_text(crate::data::BUILTIN_VERSIONS)
    );
    Ok(ascii_roff(&page).into_bytes())
}

/// One command: its usage, what it does, its own arguments, and its examples. The options every
/// command takes (`common`) are listed once, up front, not under each command.
fn command_entry(sub: &clap::Command, common: &[clap::Id], page: &mut String) {
    let usage = sub.clone().render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let _ = writeln!(page, ".TP\n\\fB{}\\fR", roff_text(usage));
    let about = sub.get_long_about().or(sub.get_about()).map(|a| a.to_string()).unwrap_or_default();
    let _ = writeln!(page, "{}", roff_line(&about));
    let own = sub
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !common.contains(a.get_id()))
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"));
    for arg in own {
        let name = match (arg.get_long(), arg.get_short()) {
            (Some(l), Some(s)) => format!("-{s}, --{l}"),
            (Some(l), None) => format!("--{l}"),
            (None, Some(s)) => format!("-{s}"),
            (None, None) => arg.get_value_names().and_then(|v| v.first()).map(|v| v.to_string()).unwrap_or_default(),
        };
        let value = match arg.get_value_names().and_then(|v| v.first()) {
            Some(v) if !arg.is_positional() && arg.get_action().takes_values() => format!(" <{v}>"),
            _ => String::new(),
        };
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let _ =
            writeln!(page, ".RS\n.TP\n\\fB{}\\fR{}\n{}\n.RE", roff_text(&name), roff_text(&value), roff_line(&help));
    }
    let subs: Vec<&clap::Command> =
        sub.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help").collect();
    if !subs.is_empty() {
        page.push_str(".RS\n");
        for inner in subs {
            command_entry(inner, common, page);
        }
        page.push_str(".RE\n");
    }
    if let Some(extra) = sub.get_after_help() {
        page.push_str(".RS\n");
        for (heading, body) in paragraphs(&extra.to_string()) {
            let _ = writeln!(page, ".PP\n\\fI{}:\\fR", roff_text(&heading));
            no_fill(&body, page);
        }
        page.push_str(".RE\n");
    }
}

/// Splits help text into (heading, lines) at lines such as `Examples:`; text before any heading
/// gets an empty heading, and a paragraph of prose after a blank line stays with its heading.
fn paragraphs(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let heading = line.strip_suffix(':').filter(|h| !h.starts_with(' ') && !h.is_empty() && !h.contains(": "));
        match (heading, out.last_mut()) {
            (Some(h), _) => out.push((h.to_string(), Vec::new())),
            (None, Some((_, body))) => body.push(line.to_string()),
            (None, None) => out.push((String::new(), vec![line.to_string()])),
        }
    }
    for (_, body) in &mut out {
        while body.last().is_some_and(|l| l.trim().is_empty()) {
            body.pop();
        }
    }
    out
}

/// Lines shown as written (examples line up in columns).
fn no_fill(lines: &[String], page: &mut String) {
    page.push_str(".nf\n");
    for line in lines {
        let _ = writeln!(page, "{}", roff_line(line));
    }
    page.push_str(".fi\n");
}

/// Text escaped for roff: backslashes and hyphens (so options copy as ASCII minus signs).
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// A whole line escaped for roff: also keeps a leading `.` or `'` from reading as a request.
fn roff_line(text: &str) -> String {
    let escaped = roff_text(text);
    if escaped.starts_with('.') || escaped.starts_with('\'') { format!("\\&{escaped}") } else { escaped }
}

/// Non-ASCII characters as groff's `\[uXXXX]` escapes, so `man` renders them whatever the
/// locale and never warns about the input encoding.
fn ascii_roff(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "\\[u{:04X}]", c as u32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The selection the words typed make; a word is as the shell passes it, quotes and all.
    fn selected(words: &[&str]) -> Option<Selection> {
        typed_selection(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_typed_options_select_the_framework_as_the_parser_reads_them() {
        let selection = selected(&["pm-skills", "--framework", "ddat-2025", "show", "--role", "x", "sen"]).unwrap();
        assert_eq!(
            (selection.data, selection.framework.as_deref(), selection.role.as_deref()),
            (None, Some("ddat-2025"), Some("x"))
        );
        // bash splits at `=`; zsh and bash pass quotes as typed.
        assert_eq!(selected(&["pm-skills", "--data", "=", "./a", "show"]).unwrap().data, Some(PathBuf::from("./a")));
        assert_eq!(
            selected(&["pm-skills", "show", "--data='./my ladder'"]).unwrap().data,
            Some(PathBuf::from("./my ladder"))
        );
        assert_eq!(
            selected(&["pm-skills", "--data", "./my\\ ladder"]).unwrap().data,
            Some(PathBuf::from("./my ladder"))
        );
        if let Ok(home) = std::env::var("HOME") {
            assert_eq!(
                selected(&["pm-skills", "--data", "~/l"]).unwrap().data,
                Some(PathBuf::from(format!("{home}/l")))
            );
        }
        // A flag without its value yet, and --data with --framework, which the command refuses.
        assert!(selected(&["pm-skills", "show", "--role"]).unwrap().role.is_none());
        assert!(selected(&["pm-skills", "--data", "d", "--framework", "f", "show"]).is_none());
    }

    #[test]
    fn names_are_ids_then_aliases_with_what_they_name() {
        // The default framework, whatever PM_SKILLS_DATA says.
        let default = Selection { data: None, framework: None, role: None };
        let levels = names(Some(&default), NameKind::Levels);
        assert_eq!(levels[0].0, "product-manager");
        assert!(levels.iter().any(|(n, about)| n == "senior" && !about.is_empty()));
        assert!(levels.iter().any(|(n, _)| n == "spm"));
        let both = names(Some(&default), NameKind::SkillsAndSoftSkills);
        assert!(both.iter().any(|(n, _)| n == "agile-working") && both.iter().any(|(n, _)| n == "resilience"));
        assert_eq!(names(None, NameKind::Frameworks)[0].0, crate::data::DEFAULT_FRAMEWORK);
        assert!(names(None, NameKind::Skills).is_empty());
    }

    #[test]
    fn every_argument_that_takes_a_name_or_a_folder_completes() {
        fn visit(cmd: &clap::Command, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let value = arg.get_value_names().and_then(|v| v.first()).map(|v| v.as_str()).unwrap_or_default();
                let named = matches!(value, "LEVEL" | "ROLE/LEVEL" | "FROM" | "TO" | "SKILL" | "DIR")
                    || matches!(arg.get_id().as_str(), "framework" | "role" | "skill" | "profiles" | "profile");
                if named && arg.get::<clap_complete::ArgValueCompleter>().is_none() {
                    missing.push(format!("{} {}", cmd.get_name(), arg.get_id()));
                }
            }
            cmd.get_subcommands().for_each(|sub| visit(sub, missing));
        }
        let mut missing = Vec::new();
        visit(&Cli::command(), &mut missing);
        assert!(missing.is_empty(), "no completer: {missing:?}");
    }

    #[test]
    fn every_shell_gets_clap_s_registration() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
            let script = String::from_utf8(completions(shell)).unwrap();
            assert!(script.contains("COMPLETE") && script.contains("pm-skills"), "{shell}: {script}");
        }
        let zsh = String::from_utf8(completions(Shell::Zsh)).unwrap();
        assert!(zsh.starts_with("#compdef pm-skills\n") && zsh.ends_with(ZSH_AUTOLOADED), "{zsh}");
    }
}
