//! Command-line types only: what a user can type, with help text and examples.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::builder::StyledStr;
use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::render::Format;

/// The exit codes, shown in `--help` and kept in one place.
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0  success
  1  error: bad data, unknown name, unreadable file
  2  usage error: unknown command or flag
  3  with --exit-code: gaps were found"
    };
}

const MAIN_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills show senior                       what a Senior Product Manager does and needs
  pm-skills diff product-manager senior       what must grow from PM to Senior
  pm-skills ladder --format csv > ladder.csv  the whole matrix for a spreadsheet
  pm-skills skills \"product ownership\"        one skill, every proficiency, every level
  pm-skills diff pm senior -f html > pm.html  a page with a radar chart, to print or attach

",
    exit_codes!()
);

const GAP_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills gap --profile me.yaml                 against the level above mine
  pm-skills gap --profile me.yaml --to lead --format json
  pm-skills gap --team ./team --to senior         people x skills, where the team is thin
  pm-skills gap -p a.yaml -p b.yaml --to senior --only-gaps
  pm-skills gap --team ./team --to senior --format html > team.html   a heatmap page

",
    exit_codes!()
);

const DIFF_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills diff product-manager senior
  pm-skills compare senior lead --only-gaps
  pm-skills diff pm senior --format json | jq '.rows[] | select(.change > 0) | .skill.id'
  pm-skills diff product-manager head --path
  pm-skills diff pm senior --format html > pm-to-senior.html   a radar chart page

",
    exit_codes!()
);

/// Explore a product manager's career path: levels, skills, proficiencies and gaps.
///
/// Answers come from a levelled skills framework built into the binary (or your own folder with
/// --data), offline and in milliseconds, as tables for people or JSON, YAML, CSV and Markdown for
/// scripts.
#[derive(Debug, Parser)]
#[command(name = "pm-skills", version, long_version = long_version(), about, long_about, after_help = MAIN_EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, before or after the command's name (see [`parse`]).
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Output format: table for people; json, yaml, csv or markdown for scripts and documents; html
    /// for a page with a chart to open, print or attach.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,

    /// When to use colour. `auto` honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Use the framework in this folder instead of a built-in one.
    #[arg(long, env = "PM_SKILLS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Pick a built-in framework by id (see `pm-skills frameworks`).
    #[arg(long, value_name = "NAME")]
    pub framework: Option<String>,

    /// Pick a role family when the framework has several (with `import`: import only this role).
    #[arg(long, value_name = "NAME")]
    pub role: Option<String>,

    /// In CSV output, leave cells that start with =, +, - or @ as they are (by default they get a
    /// leading ' so spreadsheets do not run them as formulas).
    #[arg(long)]
    pub raw_csv: bool,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe too.
    Auto,
    /// Always colour, even into a pipe.
    Always,
    /// Never colour.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the levels in seniority order, with ids, aliases and summaries.
    #[command(after_help = "Examples:\n  pm-skills levels\n  pm-skills levels --format json | jq -r '.levels[].id'")]
    Levels(Lazy<NoArgs>),

    /// Describe one level: summary, responsibilities and the proficiency it needs in every skill.
    #[command(
        after_help = "Examples:\n  pm-skills show senior\n  pm-skills show \"Head of Product\" --format markdown\n  pm-skills show senior --format html > senior.html\n\nA level can be named by id, alias, display name or unique prefix, ignoring case."
    )]
    Show(Lazy<ShowArgs>),

    /// Print the whole skills × levels matrix.
    #[command(
        after_help = "Examples:\n  pm-skills ladder\n  pm-skills ladder --format csv > ladder.csv\n  pm-skills ladder --format html > ladder.html"
    )]
    Ladder(Lazy<NoArgs>),

    /// List the skills, or explain one: what it is, each proficiency, and what each level needs.
    #[command(
        after_help = "Examples:\n  pm-skills skills\n  pm-skills skills \"product ownership\"\n  pm-skills skills user-focus --format json"
    )]
    Skills(Lazy<SkillsArgs>),

    /// List the soft skills, or explain one with examples of it in practice.
    #[command(
        name = "soft-skills",
        after_help = "Examples:\n  pm-skills soft-skills\n  pm-skills soft-skills resilience"
    )]
    SoftSkills(Lazy<SoftSkillsArgs>),

    /// Describe the role: what it is, whether it is technical, what it brings, a day in the life.
    #[command(after_help = "Examples:\n  pm-skills about\n  pm-skills about --format markdown > role.md")]
    About(Lazy<NoArgs>),

    /// Compare two levels skill by skill: what must grow, biggest gaps first.
    #[command(
        visible_alias = "compare",
        after_help = DIFF_EXAMPLES
    )]
    Diff(Lazy<DiffArgs>),

    /// Compare a person's self-assessment with a level; several profiles give a team matrix.
    #[command(
        after_help = GAP_EXAMPLES
    )]
    Gap(Lazy<GapArgs>),

    /// Work with self-assessment profiles.
    #[command(subcommand)]
    Profile(Lazy<ProfileCommand>),

    /// Answer one question per skill on the terminal and write your profile.
    #[command(
        after_help = "Examples:\n  pm-skills assess --out me.yaml\n  pm-skills assess --out me.yaml --level product-manager\n  printf 'Ada\\n\\n3\\n2\\n...' | pm-skills assess --out me.yaml   # scripted answers\n\nQuestions go to stderr, answers are read from stdin. Progress is saved in <out>.draft after\nevery answer, so an interrupted run loses nothing and the next run resumes."
    )]
    Assess(Lazy<AssessArgs>),

    /// Check a framework folder and report every problem at once, with file and line.
    #[command(
        after_help = "Examples:\n  pm-skills validate ./my-ladder\n  pm-skills validate                 # the selected framework (--data or built-in)\n  pm-skills validate ./my-ladder --strict --format json\n\nExit codes:\n  0  no errors (warnings allowed unless --strict)\n  1  errors found, or warnings with --strict"
    )]
    Validate(Lazy<ValidateArgs>),

    /// Print a JSON Schema of the framework data files, for editors that check YAML as you type.
    #[command(
        after_help = "Examples:\n  pm-skills schema > pm-skills.schema.json\n\nThen start a data file with:\n  # yaml-language-server: $schema=./pm-skills.schema.json"
    )]
    Schema(Lazy<NoArgs>),

    /// Convert another format into a framework folder.
    #[command(subcommand)]
    Import(Lazy<ImportCommand>),

    /// List the frameworks built into the binary.
    #[command(after_help = "Examples:\n  pm-skills frameworks\n  pm-skills --framework ddat-2025 ladder")]
    Frameworks(Lazy<NoArgs>),

    /// Print a shell completion script; level, skill and soft-skill names complete too.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(Lazy<CompletionsArgs>),

    /// Print the manual page (roff), to read with `man -l -` or install under man1.
    #[command(
        after_help = "Examples:\n  pm-skills man | man -l -\n  pm-skills man > ~/.local/share/man/man1/pm-skills.1"
    )]
    Man(Lazy<NoArgs>),

    /// Names for shell completion, one a line; the completion scripts call this.
    #[command(name = "__complete-names", hide = true)]
    CompleteNames(Lazy<CompleteNamesArgs>),
}

/// A command with no options of its own.
#[derive(Debug, Args)]
pub struct NoArgs {}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The level: id, alias, display name or unique prefix.
    #[arg(value_name = "LEVEL")]
    pub level: String,
}

/// Options of `skills`.
#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// The skill to explain: id, alias, name or unique prefix.
    #[arg(value_name = "SKILL")]
    pub skill: Option<String>,
}

/// Options of `soft-skills`.
#[derive(Debug, Args)]
pub struct SoftSkillsArgs {
    /// The soft skill to explain: id, alias, name or unique prefix.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

/// Options of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The level you are at.
    #[arg(value_name = "FROM")]
    pub from: String,
    /// The level you aim for.
    #[arg(value_name = "TO")]
    pub to: String,
    /// Hide skills whose expectation does not change.
    #[arg(long)]
    pub only_gaps: bool,
    /// Exit with 3 when any skill must grow, 0 when none does (like `git diff --exit-code`).
    #[arg(long)]
    pub exit_code: bool,
    /// Show every step of the ladder between the two levels, then the net change.
    #[arg(long)]
    pub path: bool,
}

/// Options of `gap`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("who").required(true).multiple(true).args(["profiles", "team"]))]
pub struct GapArgs {
    /// A profile (YAML); repeat for a team view. `-` reads standard input.
    #[arg(long = "profile", short = 'p', value_name = "FILE")]
    pub profiles: Vec<PathBuf>,
    /// Every profile (*.yaml) in this folder, as a team.
    #[arg(long, value_name = "DIR")]
    pub team: Option<PathBuf>,
    /// The target level; defaults to the level above the profile's current level.
    #[arg(long, value_name = "LEVEL")]
    pub to: Option<String>,
    /// Hide skills already met.
    #[arg(long)]
    pub only_gaps: bool,
    /// Exit with 3 when any gap or unassessed skill remains, 0 when none does.
    #[arg(long)]
    pub exit_code: bool,
}

/// Options of `assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The profile file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Your current level (otherwise you are asked).
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

/// Options of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The framework folder; without it, the framework selected by --data or --framework.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Treat lint warnings as errors.
    #[arg(long)]
    pub strict: bool,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Options of `__complete-names`.
#[derive(Debug, Args)]
pub struct CompleteNamesArgs {
    #[arg(value_enum)]
    pub kind: NameKind,
}

/// Options of `profile new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Your current level, written into the template.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
}

/// A subcommand's options (or nested subcommands) and the options every command takes, added to
/// clap's definition only when that subcommand is the one being parsed (`clap::Command::defer`).
///
/// Building every subcommand on every start-up was most of the cost of parsing arguments, in time
/// and memory: above all clap's `global` options, which it copies into every subcommand. Each
/// subcommand therefore carries [`GlobalArgs`] itself, and [`parse`] merges the levels.
/// `--help`, completions and the man page show the same as before.
#[derive(Debug, Clone)]
pub struct Lazy<T>(pub T);

/// Parses a command line. The options every command takes may stand before the command's name or
/// after it (or after a nested command's); the last one given wins, as with clap's `global`
/// options. `--data` and `--framework` given anywhere conflict, as within one level; a
/// `PM_SKILLS_DATA` folder gives way to an explicit `--framework`.
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, clap::Error> {
    let mut command = <Cli as clap::CommandFactory>::command();
    let matches = command.try_get_matches_from_mut(args)?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    let explicit = |m: &ArgMatches, id: &str| m.value_source(id) == Some(clap::parser::ValueSource::CommandLine);
    let (mut data, mut framework) = (explicit(&matches, "data"), explicit(&matches, "framework"));
    let mut level = &matches;
    while let Some((_, sub)) = level.subcommand() {
        let given = GlobalArgs::from_arg_matches(sub)?;
        let global = &mut cli.global;
        if explicit(sub, "format") {
            global.format = given.format;
        }
        if explicit(sub, "color") {
            global.color = given.color;
        }
        if explicit(sub, "data") {
            (global.data, data) = (given.data, true);
        }
        if explicit(sub, "framework") {
            (global.framework, framework) = (given.framework, true);
        }
        if explicit(sub, "role") {
            global.role = given.role;
        }
        global.raw_csv |= given.raw_csv;
        level = sub;
    }
    if data && framework {
        let message = "the argument '--framework <NAME>' cannot be used with '--data <DIR>'";
        return Err(command.error(clap::error::ErrorKind::ArgumentConflict, message));
    }
    if framework {
        cli.global.data = None;
    }
    std::mem::forget(command);
    Ok(cli)
}

/// Set while [`full_command`] builds the tree, so that every [`Lazy`] adds its options at once.
static EAGER: AtomicBool = AtomicBool::new(false);

/// The whole command tree with every subcommand's options in place, for the generators that read
/// the tree instead of parsing with it (completions, the man page).
pub fn full_command() -> clap::Command {
    EAGER.store(true, Ordering::Relaxed);
    let command = <Cli as clap::CommandFactory>::command();
    EAGER.store(false, Ordering::Relaxed);
    exclusive_sources(command)
}

/// Marks `--framework` as excluding `--data` at every level, for the completion scripts (zsh
/// stops offering one once the other is typed). [`parse`] checks the pair itself, across levels
/// and letting an explicit `--framework` override `PM_SKILLS_DATA`, which clap's own check
/// would refuse.
fn exclusive_sources(command: clap::Command) -> clap::Command {
    let command = command.mut_args(|arg| if arg.get_id() == "framework" { arg.conflicts_with("data") } else { arg });
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    names.iter().fold(command, |command, name| command.mut_subcommand(name, exclusive_sources))
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        now_or_deferred(cmd, keep_about::<T, false>)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        now_or_deferred(cmd, keep_about::<T, true>)
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

/// Runs `build` on the subcommand now while [`full_command`] builds the whole tree, and otherwise
/// when clap parses that subcommand.
fn now_or_deferred(cmd: clap::Command, build: fn(clap::Command) -> clap::Command) -> clap::Command {
    if EAGER.load(Ordering::Relaxed) { build(cmd) } else { cmd.defer(build) }
}

/// Adds `T`'s options, then the options every command takes, keeping the subcommand's own help
/// text: the derive would otherwise replace it with the doc comment of the options struct.
fn keep_about<T: Args, const UPDATE: bool>(cmd: clap::Command) -> clap::Command {
    let about = (cmd.get_about().cloned(), cmd.get_long_about().cloned());
    let cmd = if UPDATE { T::augment_args_for_update(cmd) } else { T::augment_args(cmd) };
    restore_about(common_options(cmd), about)
}

/// [`GlobalArgs`]'s options, in one copy rather than inlined into each subcommand's builder.
#[inline(never)]
fn common_options(cmd: clap::Command) -> clap::Command {
    GlobalArgs::augment_args(cmd)
}

/// [`keep_about`] for nested subcommands.
fn keep_about_sub<T: Subcommand, const UPDATE: bool>(cmd: clap::Command) -> clap::Command {
    let about = (cmd.get_about().cloned(), cmd.get_long_about().cloned());
    let cmd = if UPDATE { T::augment_subcommands_for_update(cmd) } else { T::augment_subcommands(cmd) };
    restore_about(common_options(cmd), about)
}

fn restore_about(cmd: clap::Command, (about, long_about): (Option<StyledStr>, Option<StyledStr>)) -> clap::Command {
    let none = None::<&'static str>;
    let cmd = match about {
        Some(text) => cmd.about(text),
        None => cmd.about(none),
    };
    match long_about {
        Some(text) => cmd.long_about(text),
        None => cmd.long_about(none),
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        now_or_deferred(cmd, keep_about_sub::<T, false>)
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        now_or_deferred(cmd, keep_about_sub::<T, true>)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

/// What `__complete-names` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NameKind {
    /// The selected role's level ids and aliases.
    Levels,
    /// The framework's skill ids and aliases.
    Skills,
    /// The framework's soft-skill ids and aliases.
    SoftSkills,
    /// The framework's role ids.
    Roles,
    /// The built-in frameworks' ids.
    Frameworks,
}

const COMPLETIONS_EXAMPLES: &str = "Examples:
  pm-skills completions bash > ~/.local/share/bash-completion/completions/pm-skills
  pm-skills completions zsh > ~/.zfunc/_pm-skills     # with fpath+=(~/.zfunc) before compinit
  pm-skills completions fish > ~/.config/fish/completions/pm-skills.fish
  pm-skills completions powershell >> $PROFILE
  pm-skills completions elvish > ~/.config/elvish/lib/pm-skills.elv   # then: use pm-skills
  source <(pm-skills completions bash)                 # this shell only

In bash, zsh and fish, level, skill and soft-skill names complete from the framework in
use, following --data, --framework and --role on the command line (and PM_SKILLS_DATA).";

/// `--version`: the program's version, then the built-in frameworks' versions.
fn long_version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        format!("{}\nbuilt-in frameworks: {}", env!("CARGO_PKG_VERSION"), crate::data::BUILTIN_VERSIONS)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
        full_command().debug_assert();
    }

    fn parsed(args: &[&str]) -> Result<Cli, clap::Error> {
        parse(std::iter::once("pm-skills").chain(args.iter().copied()).map(Into::into))
    }

    #[test]
    fn common_options_are_taken_before_or_after_the_command_and_the_last_wins() {
        let cli = parsed(&["levels", "-f", "json", "--role", "design", "--raw-csv"]).unwrap();
        assert_eq!(
            (cli.global.format, cli.global.role.as_deref(), cli.global.raw_csv),
            (Format::Json, Some("design"), true)
        );
        let cli = parsed(&["--format", "json", "--color", "never", "levels", "--format", "csv"]).unwrap();
        assert_eq!((cli.global.format, cli.global.color), (Format::Csv, ColorWhen::Never));
        // A later level's default never undoes an earlier level's explicit value.
        let cli = parsed(&["--format", "yaml", "--raw-csv", "show", "senior"]).unwrap();
        assert_eq!((cli.global.format, cli.global.raw_csv), (Format::Yaml, true));
        let cli = parsed(&["profile", "--framework", "ddat-2025", "new", "--format", "markdown"]).unwrap();
        assert_eq!((cli.global.framework.as_deref(), cli.global.format), (Some("ddat-2025"), Format::Markdown));
        let cli =
            parsed(&["import", "ddat-csv", "--roles", "r", "--skills", "s", "--out", "o", "--role", "x"]).unwrap();
        assert_eq!(cli.global.role.as_deref(), Some("x"));
        assert!(matches!(cli.command, Command::Import(Lazy(ImportCommand::DdatCsv(_)))));
    }

    #[test]
    fn data_and_framework_conflict_at_any_level() {
        for args in [
            &["--data", "d", "--framework", "f", "levels"][..],
            &["--data", "d", "levels", "--framework", "f"],
            &["--framework", "f", "profile", "new", "--data", "d"],
        ] {
            let err = parsed(args).map(|_| ()).unwrap_err();
            assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict, "{args:?}");
            assert_eq!(err.exit_code(), 2);
        }
        let cli = parsed(&["--data", "d", "levels", "--data", "e"]).unwrap();
        assert_eq!(cli.global.data, Some(PathBuf::from("e")));
    }

    /// Building a subcommand only when it is used must not change what anyone sees: every
    /// command's help is the same from the lazy tree as from the whole one.
    #[test]
    fn lazy_subcommands_show_the_same_help_as_the_full_tree() {
        let full = full_command();
        let mut paths: Vec<Vec<String>> = vec![vec![]];
        for sub in full.get_subcommands() {
            paths.push(vec![sub.get_name().to_string()]);
            for inner in sub.get_subcommands() {
                paths.push(vec![sub.get_name().to_string(), inner.get_name().to_string()]);
            }
        }
        assert!(paths.len() > 18, "{paths:?}");
        let help = |mut command: clap::Command, path: &[String]| {
            let args = std::iter::once("pm-skills").chain(path.iter().map(String::as_str)).chain(["--help"]);
            command.try_get_matches_from_mut(args).unwrap_err().render().to_string()
        };
        // The subcommand's own help text, not its options struct's doc comment.
        assert!(help(Cli::command(), &["show".into()]).starts_with("Describe one level"));
        assert!(help(Cli::command(), &["profile".into()]).starts_with("Work with self-assessment profiles"));
        for path in &paths {
            let lazy = help(Cli::command(), path);
            assert!(lazy.contains("Usage:"), "{path:?}: {lazy}");
            assert_eq!(lazy, help(full_command(), path), "{path:?}");
        }
    }
}

/// Profile helpers.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Print a ready-to-edit profile: every skill, commented with what each proficiency means.
    #[command(
        after_help = "Examples:\n  pm-skills profile new --level product-manager > me.yaml\n  pm-skills --framework ddat-2025 profile new > me.yaml"
    )]
    New(Lazy<NewArgs>),
}

/// The formats `import` understands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// The official Government Digital and Data framework CSV export (roles.csv + skills.csv).
    #[command(
        name = "ddat-csv",
        after_help = "Examples:\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./ddat\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./dm --role \"Delivery manager\"\n  pm-skills --data ./ddat --role delivery-manager diff delivery-manager senior-delivery-manager"
    )]
    DdatCsv(Lazy<ImportDdatCsv>),
}

/// Options of `import ddat-csv`.
#[derive(Debug, Clone, Args)]
pub struct ImportDdatCsv {
    /// The roles CSV: one row per role, level and skill.
    #[arg(long, value_name = "FILE")]
    pub roles: PathBuf,
    /// The skills CSV: one row per skill with its four level descriptions.
    #[arg(long, value_name = "FILE")]
    pub skills: PathBuf,
    /// The framework folder to write; it must be empty or absent unless --force.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Import only this role (name or id); without it, every role with levels. Filled from the
    /// global `--role`, so `import ddat-csv … --role NAME` reads as users expect.
    #[arg(skip)]
    pub role: Option<String>,
    /// A YAML file mapping role ids to their level names, most junior first, overriding the
    /// built-in seniority rule.
    #[arg(long, value_name = "FILE")]
    pub level_order: Option<PathBuf>,
    /// Replace the contents of a non-empty output folder.
    #[arg(long)]
    pub force: bool,
}
