//! The shell's side: completion scripts, the man page, and the names completion asks for.
//!
//! clap's completion scripts know the commands and flags but not the data, so for bash, zsh and
//! fish the script gets a small hook that asks `pm-skills __complete-names KIND` for level, skill
//! and soft-skill names, passing on `--data`, `--framework` and `--role` from the command line.
//! Which arguments take which names is listed once ([`NAMED_ARGS`]); the hooks are generated from
//! that list and the command tree, so they follow the CLI as it changes.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use clap::CommandFactory as _;
use clap_complete::Shell;

use crate::cli::{Cli, GlobalArgs, NameKind};
use crate::commands::selected::{load_selected, select_role};

/// The arguments that take names: (top-level subcommand, or "" for a flag anywhere; argument id;
/// the names it takes).
const NAMED_ARGS: &[(&str, &str, NameKind)] = &[
    ("show", "level", NameKind::Levels),
    ("moves", "level", NameKind::Levels),
    ("diff", "from", NameKind::Levels),
    ("diff", "to", NameKind::Levels),
    ("skills", "skill", NameKind::Skills),
    ("soft-skills", "name", NameKind::SoftSkills),
    ("", "to", NameKind::Levels),
    ("", "level", NameKind::Levels),
    ("", "for_level", NameKind::Levels),
    ("", "skill", NameKind::Skills),
    ("", "role", NameKind::Roles),
    ("", "framework", NameKind::Frameworks),
];

/// A positional argument that completes names.
struct Positional {
    /// The subcommand and its visible aliases.
    commands: Vec<String>,
    /// The argument's id, as zsh's script names it.
    id: String,
    /// 0 for the subcommand's first positional.
    index: usize,
    kind: NameKind,
}

/// A flag whose value completes names.
struct Flag {
    long: String,
    short: Option<char>,
    kind: NameKind,
}

/// What the hooks need from the command tree.
struct Plan {
    positionals: Vec<Positional>,
    flags: Vec<Flag>,
    /// Every flag, long and short, that takes a value, so a hook can skip the value when it counts
    /// positional arguments.
    value_flags: BTreeSet<String>,
}

fn kind_word(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Levels => "levels",
        NameKind::Skills => "skills",
        NameKind::SoftSkills => "soft-skills",
        NameKind::Roles => "roles",
        NameKind::Frameworks => "frameworks",
    }
}

fn plan() -> Plan {
    let cmd = Cli::command();
    let mut plan = Plan { positionals: Vec::new(), flags: Vec::new(), value_flags: BTreeSet::new() };
    collect_value_flags(&cmd, &mut plan.value_flags);
    for sub in cmd.get_subcommands() {
        for (index, arg) in sub.get_positionals().enumerate() {
            let id = arg.get_id().as_str();
            if let Some((_, _, kind)) = NAMED_ARGS.iter().find(|(c, a, _)| *c == sub.get_name() && *a == id) {
                let mut commands = vec![sub.get_name().to_string()];
                commands.extend(sub.get_visible_aliases().map(String::from));
                plan.positionals.push(Positional { commands, id: id.to_string(), index, kind: *kind });
            }
        }
    }
    let mut seen = BTreeSet::new();
    visit(&cmd, &mut |arg| {
        if arg.is_positional() || !seen.insert(arg.get_id().to_string()) {
            return;
        }
        if let Some((_, _, kind)) = NAMED_ARGS.iter().find(|(c, a, _)| c.is_empty() && *a == arg.get_id().as_str())
            && let Some(long) = arg.get_long()
        {
            plan.flags.push(Flag { long: long.to_string(), short: arg.get_short(), kind: *kind });
        }
    });
    plan
}

fn visit(cmd: &clap::Command, f: &mut dyn FnMut(&clap::Arg)) {
    cmd.get_arguments().for_each(&mut *f);
    for sub in cmd.get_subcommands() {
        visit(sub, f);
    }
}

fn collect_value_flags(cmd: &clap::Command, out: &mut BTreeSet<String>) {
    visit(cmd, &mut |arg| {
        if !arg.is_positional() && arg.get_action().takes_values() {
            out.extend(arg.get_long().map(|l| format!("--{l}")));
            out.extend(arg.get_short().map(|s| format!("-{s}")));
        }
    });
}

/// The command tree the scripts describe: the real one less its hidden subcommands, which clap's
/// generators would otherwise offer, and with `--framework` excluding `--data`, so that zsh stops
/// offering one once the other is typed. The parser checks that pair itself ([`crate::cli::parse`]),
/// because clap's own check would also refuse a `PM_SKILLS_DATA` folder with `--framework`.
fn visible_command() -> clap::Command {
    let full = Cli::command();
    let exclusive = |arg: &clap::Arg| match arg.get_id().as_str() {
        "framework" => arg.clone().conflicts_with("data"),
        _ => arg.clone(),
    };
    clap::Command::new("pm-skills")
        .version(env!("CARGO_PKG_VERSION"))
        .about(full.get_about().cloned().unwrap_or_default())
        .subcommand_required(full.is_subcommand_required_set())
        .args(full.get_arguments().map(exclusive))
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
}

/// The completion script for `shell`: clap's script for commands and flags, plus (bash, zsh,
/// fish) the hook that completes names from the framework in use.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut visible_command(), "pm-skills", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    let plan = plan();
    let script = match shell {
        Shell::Bash => bash(script, &plan),
        Shell::Zsh => zsh(script, &plan),
        Shell::Fish => fish(script, &plan),
        _ => script,
    };
    script.into_bytes()
}

/// Bash: a function that handles the named arguments and hands everything else to clap's.
fn bash(script: String, plan: &Plan) -> String {
    let clap_fn = "_pm__skills";
    let script = fix_bash_hyphen_states(&script);
    // clap's script ends by registering its function; ours registers in its place.
    let (body, _) = script.rsplit_once("\nif [[ \"${BASH_VERSINFO[0]}\"").unwrap_or((&script, ""));
    let mut flag_cases = String::new();
    for flag in &plan.flags {
        let mut words = format!("--{}", flag.long);
        if let Some(s) = flag.short {
            words.push_str(&format!("|-{s}"));
        }
        let _ =
            writeln!(flag_cases, "        {words}) _pm_skills_names \"$cur\" {}; return 0 ;;", kind_word(flag.kind));
    }
    let mut positional_cases = String::new();
    for p in &plan.positionals {
        let words: Vec<String> = p.commands.iter().map(|c| format!("{c}:{}", p.index)).collect();
        let _ = writeln!(
            positional_cases,
            "            {}) _pm_skills_names \"$cur\" {}; return 0 ;;",
            words.join("|"),
            kind_word(p.kind)
        );
    }
    let value_flags = plan.value_flags.iter().cloned().collect::<Vec<_>>().join("|");
    format!(
        r#"{body}

# Names (levels, skills, soft skills, roles, frameworks) come from pm-skills itself, so they follow
# the framework in use: --data, --framework and --role on the command line are passed on.
_pm_skills_names() {{
    local cur="$1" kind="$2" i word value
    local -a args=()
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${{COMP_WORDS[i]}}"
        case "$word" in
            --data|--framework|--role)
                value="${{COMP_WORDS[i+1]}}"
                if [[ "$value" == "=" ]]; then value="${{COMP_WORDS[i+2]}}"; i=$((i+1)); fi
                # Only a value already typed, not the word being completed.
                if (( i + 1 < COMP_CWORD )); then args+=("$word" "${{value/#\~/$HOME}}"); fi
                i=$((i+1))
                ;;
        esac
    done
    local IFS=$'\n'
    local cmd="${{COMP_WORDS[0]/#\~/$HOME}}"
    COMPREPLY=( $(compgen -W "$("$cmd" "${{args[@]}}" __complete-names "$kind" 2>/dev/null)" -- "$cur") )
}}

_pm_skills_complete() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    if [[ "$prev" == "=" && $COMP_CWORD -ge 2 ]]; then prev="${{COMP_WORDS[COMP_CWORD-2]}}"; fi
    case "$prev" in
{flag_cases}    esac
    # The subcommand, and how many positional arguments come before the word being completed.
    local i word sub="" pos=0
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${{COMP_WORDS[i]}}"
        case "$word" in
            {value_flags})
                i=$((i+1))
                if [[ "${{COMP_WORDS[i]}}" == "=" ]]; then i=$((i+1)); fi
                ;;
            -*) ;;
            *) if [[ -z "$sub" ]]; then sub="$word"; else pos=$((pos+1)); fi ;;
        esac
    done
    if [[ "$cur" != -* ]]; then
        case "$sub:$pos" in
{positional_cases}        esac
    fi
    {clap_fn} "$@"
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _pm_skills_complete -o nosort -o bashdefault -o default pm-skills
else
    complete -F _pm_skills_complete -o bashdefault -o default pm-skills
fi
"#
    )
}

/// clap_complete 4.6 spells a subcommand's state `pm__subcmd__skills__subcmd__show` in the case
/// arms but `pm__skills__subcmd__show` in the loop that sets it, so with a hyphen in the program's
/// name no subcommand's flags ever complete (clap-rs/clap#6421). The arms are respelt the way the
/// loop spells them; a script without the mismatch is left alone.
fn fix_bash_hyphen_states(script: &str) -> String {
    const ARM: &str = "        pm__subcmd__skills";
    if !script.contains("cmd=\"pm__skills__subcmd__") || !script.contains(&format!("\n{ARM}")) {
        return script.to_string();
    }
    script
        .split_inclusive('\n')
        .map(|line| match line.strip_prefix(ARM) {
            Some(rest) => format!("        pm__skills{rest}"),
            None => line.to_string(),
        })
        .collect()
}

/// Zsh: clap's argument specs complete anything (`_default`) for the named arguments; they are
/// pointed at a function that asks pm-skills.
fn zsh(script: String, plan: &Plan) -> String {
    let mut out = String::with_capacity(script.len() + 1024);
    for line in script.split_inclusive('\n') {
        let kind = plan
            .positionals
            .iter()
            .find(|p| line.starts_with(&format!("':{} -- ", p.id)) || line.starts_with(&format!("'::{} -- ", p.id)))
            .map(|p| p.kind)
            .or_else(|| {
                plan.flags
                    .iter()
                    .find(|f| line.contains(&format!("--{}=[", f.long)) && line.starts_with('\''))
                    .map(|f| f.kind)
            });
        match kind {
            Some(kind) if line.contains(":_default'") => {
                let at = line.rfind(":_default'").unwrap_or(0);
                out.push_str(&line[..at]);
                let _ = write!(out, ":_pm_skills_names {}'", kind_word(kind));
                out.push_str(&line[at + ":_default'".len()..]);
            }
            _ => out.push_str(line),
        }
    }
    let hook = r#"
# Names (levels, skills, soft skills, roles, frameworks) come from pm-skills itself, so they follow
# the framework in use: --data, --framework and --role on the command line are passed on.
(( $+functions[_pm_skills_names] )) ||
_pm_skills_names() {
    # _arguments passes compadd options (-J, -X, ...) along with the kind of names.
    local kind arg i
    local -a opts line args names
    for arg in "$@"; do
        case $arg in
            levels|skills|soft-skills|roles|frameworks) kind=$arg ;;
            *) opts+=("$arg") ;;
        esac
    done
    # The words before the one being completed.
    line=(${(z)LBUFFER})
    [[ $LBUFFER == *[[:space:]] ]] || line[-1]=()
    for (( i = 2; i <= $#line; i++ )); do
        case $line[i] in
            --data|--framework|--role)
                (( i < $#line )) && args+=($line[i] ${(Q)line[i+1]/#\~/$HOME})
                (( i++ )) ;;
            --data=*|--framework=*|--role=*) args+=(${(Q)line[i]}) ;;
        esac
    done
    names=(${(f)"$(${(Q)line[1]/#\~/$HOME} $args __complete-names $kind 2>/dev/null)"})
    compadd "${opts[@]}" -a names
}
"#;
    // The hook must exist before zsh runs the main function at the script's end.
    match out.rfind("\nif [ \"$funcstack[1]\" = \"_pm-skills\" ]") {
        Some(at) => {
            out.insert_str(at + 1, hook.trim_start());
            out
        }
        None => out + hook,
    }
}

/// Fish: extra `complete` rules whose candidates come from pm-skills.
fn fish(mut script: String, plan: &Plan) -> String {
    script.push_str(
        r#"
# Names (levels, skills, soft skills, roles, frameworks) come from pm-skills itself, so they follow
# the framework in use: --data, --framework and --role on the command line are passed on.
function __pm_skills_names
    set -l tokens (commandline -opc)
    set -l args
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --data --framework --role
                set -l next (math $i + 1)
                if test $next -le (count $tokens)
                    set -a args $tokens[$i] $tokens[$next]
                end
                set i $next
            case '--data=*' '--framework=*' '--role=*'
                set -a args $tokens[$i]
        end
        set i (math $i + 1)
    end
    $tokens[1] $args __complete-names $argv[1] 2>/dev/null
end
"#,
    );
    for p in &plan.positionals {
        let _ = writeln!(
            script,
            "complete -c pm-skills -n \"__fish_pm_skills_using_subcommand {}\" -f -a \"(__pm_skills_names {})\"",
            p.commands.join(" "),
            kind_word(p.kind)
        );
    }
    for f in &plan.flags {
        let _ =
            writeln!(script, "complete -c pm-skills -l {} -x -a \"(__pm_skills_names {})\"", f.long, kind_word(f.kind));
    }
    script
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

/// The names a shell may complete, one a line: ids and one-word aliases. Completion must never
/// print an error into the prompt, so a framework that does not load gives no names.
pub fn names(global: &GlobalArgs, kind: NameKind) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut add = |id: &str, aliases: &[String]| {
        names.push(id.to_string());
        names.extend(aliases.iter().cloned());
    };
    if kind == NameKind::Frameworks {
        crate::data::builtin_ids().into_iter().for_each(|id| add(id, &[]));
    } else if let Ok(framework) = load_selected(global) {
        match kind {
            NameKind::Levels => {
                // The selected role's levels; when no role can be chosen, every role's. Then, with
                // several roles, every level as ROLE/LEVEL, which names it from any scope.
                let roles = match select_role(&framework, global.role.as_deref()) {
                    Ok(scope) => vec![scope.role],
                    Err(_) => framework.roles.iter().collect(),
                };
                roles.iter().flat_map(|r| &r.levels).for_each(|l| add(&l.id, &l.aliases));
                if framework.roles.len() > 1 {
                    for role in &framework.roles {
                        role.levels.iter().for_each(|l| add(&format!("{}/{}", role.id, l.id), &[]));
                    }
                }
            }
            NameKind::Skills => framework.skills.iter().for_each(|s| add(&s.id, &s.aliases)),
            NameKind::SoftSkills => framework.soft_skills.iter().for_each(|s| add(&s.id, &s.aliases)),
            NameKind::Roles => framework.roles.iter().for_each(|r| add(&r.id, &[])),
            NameKind::Frameworks => {}
        }
    }
    let mut seen = BTreeSet::new();
    let mut out = String::new();
    for name in names {
        // A shell splits words on blanks, and a control character has no place in a prompt.
        if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) || !seen.insert(name.clone()) {
            continue;
        }
        out.push_str(&name);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_argument_exists_in_the_cli() {
        let plan = plan();
        let positionals = NAMED_ARGS.iter().filter(|(c, _, _)| !c.is_empty()).count();
        let flags = NAMED_ARGS.iter().filter(|(c, _, _)| c.is_empty()).count();
        assert_eq!(plan.positionals.len(), positionals, "a NAMED_ARGS positional is missing from the CLI");
        assert_eq!(plan.flags.len(), flags, "a NAMED_ARGS flag is missing from the CLI");
        assert!(plan.value_flags.contains("--data") && plan.value_flags.contains("-f"));
        assert!(!plan.value_flags.contains("--only-gaps"));
    }

    #[test]
    fn zsh_points_every_named_argument_at_the_hook() {
        let script = String::from_utf8(completions(Shell::Zsh)).unwrap();
        assert!(script.contains(":level -- The level") && script.contains(":_pm_skills_names levels'"));
        assert!(script.contains("::skill -- ") && script.contains(":_pm_skills_names skills'"));
        assert!(script.contains(":_pm_skills_names soft-skills'"));
        assert!(script.contains("_pm_skills_names() {"));
        let hook = script.find("_pm_skills_names() {").unwrap();
        let main = script.rfind("if [ \"$funcstack[1]\"").unwrap();
        assert!(hook < main);
    }
}
