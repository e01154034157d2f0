//! Command-line types only: what a user can type, with help text and examples.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::{ArgValueCompleter, PathCompleter};

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

mod args;
mod help;

pub use args::*;
use help::*;

/// Explore a product manager's career path: levels, skills, proficiencies and gaps.
///
/// Answers come from a levelled skills framework built into the binary (or your own folder with
/// --data), offline and in milliseconds, as tables for people, JSON, YAML, CSV and Markdown for
/// scripts, HTML pages and spreadsheet workbooks. It follows a person's growth over check-ins and
/// publishes a framework as a static website.
#[derive(Debug, Parser)]
#[command(name = "pm-skills", version, long_version = long_version(), about, long_about, after_help = MAIN_EXAMPLES)]
#[command(args_override_self = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, before or after the command's name: clap copies them into every
/// subcommand and merges them, the last one given winning (see [`parse`] for `--data`).
#[derive(Debug, Clone, Args)]
// Listed after each command's own options in its help, as clap lists an argument at the position
// it had where it was defined.
#[command(next_display_order = 100)]
pub struct GlobalArgs {
    /// Output format: table for people; json, yaml, csv or markdown for scripts and documents; html
    /// for a page with a chart to open, print or attach; xlsx for a spreadsheet workbook (to a file
    /// with --out, or a pipe).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table, value_name = "FORMAT", global = true)]
    pub format: Format,

    /// When to use colour. `auto` honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN", global = true)]
    pub color: ColorWhen,

    /// Use the framework in this folder instead of a built-in one.
    #[arg(long, env = "PM_SKILLS_DATA", value_name = "DIR", global = true, add = folders())]
    pub data: Option<PathBuf>,

    /// Pick a built-in framework by id (see `pm-skills frameworks`).
    #[arg(long, value_name = "NAME", global = true, add = names(NameKind::Frameworks))]
    pub framework: Option<String>,

    /// Pick a role family when the framework has several (with `import`: import only this role).
    #[arg(long, value_name = "NAME", global = true, add = names(NameKind::Roles))]
    pub role: Option<String>,

    /// In CSV output, leave cells that start with =, +, - or @ as they are (by default they get a
    /// leading ' so spreadsheets do not run them as formulas).
    #[arg(long, global = true)]
    pub raw_csv: bool,
}

impl GlobalArgs {
    /// The framework and role these options ask for, as the loaders take them.
    pub fn selection(&self) -> crate::data::Selection {
        crate::data::Selection { data: self.data.clone(), framework: self.framework.clone(), role: self.role.clone() }
    }

    /// `pm-skills` with the options that picked this run's framework and role, as a suggested
    /// command must start to run on the same data.
    pub fn invocation(&self) -> String {
        let mut line = String::from("pm-skills");
        if let Some(dir) = &self.data {
            line.push_str(&format!(" --data {}", crate::text::shell_word(&dir.to_string_lossy())));
        } else if let Some(name) = &self.framework {
            line.push_str(&format!(" --framework {}", crate::text::shell_word(name)));
        }
        if let Some(role) = &self.role {
            line.push_str(&format!(" --role {}", crate::text::shell_word(role)));
        }
        line
    }
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
    Levels(OutputArgs),

    /// Describe one level: summary, responsibilities and the proficiency it needs in every skill.
    #[command(
        after_help = "Examples:\n  pm-skills show senior\n  pm-skills show \"Head of Product\" --format markdown\n  pm-skills show senior --format html > senior.html\n\nA level can be named by id, alias, display name or unique prefix, ignoring case."
    )]
    Show(ShowArgs),

    /// Print the whole skills × levels matrix.
    #[command(
        after_help = "Examples:\n  pm-skills ladder\n  pm-skills ladder --format csv > ladder.csv\n  pm-skills ladder --format html > ladder.html\n  pm-skills ladder --format xlsx --out ladder.xlsx"
    )]
    Ladder(OutputArgs),

    /// List the skills, or explain one: what it is, each proficiency, and what each level needs.
    #[command(
        after_help = "Examples:\n  pm-skills skills\n  pm-skills skills \"product ownership\"\n  pm-skills skills user-focus --format json"
    )]
    Skills(SkillsArgs),

    /// List the soft skills, or explain one with examples of it in practice.
    #[command(
        name = "soft-skills",
        after_help = "Examples:\n  pm-skills soft-skills\n  pm-skills soft-skills resilience"
    )]
    SoftSkills(SoftSkillsArgs),

    /// Describe the role: what it is, whether it is technical, what it brings, a day in the life.
    #[command(after_help = "Examples:\n  pm-skills about\n  pm-skills about --format markdown > role.md")]
    About(OutputArgs),

    /// Compare two levels skill by skill: what must grow, biggest gaps first.
    #[command(
        visible_alias = "compare",
        after_help = DIFF_EXAMPLES
    )]
    Diff(DiffArgs),

    /// Compare a person's self-assessment with a level (or with a reviewer's: --review); several
    /// profiles give a team matrix.
    #[command(
        after_help = GAP_EXAMPLES
    )]
    Gap(GapArgs),

    /// Write a development plan from a profile: each gap, its evidence, how to grow, actions.
    #[command(after_help = PLAN_EXAMPLES)]
    Plan(PlanArgs),
    /// Follow one person's check-ins over time: which gaps closed, opened or remain.
    #[command(after_help = PROGRESS_EXAMPLES)]
    Progress(ProgressArgs),

    /// Where one can go from a level: the next level up, then the closest level of every other role.
    #[command(after_help = MOVES_EXAMPLES)]
    Moves(MovesArgs),

    /// The cheapest route from a level (or a person) to another: moves up a ladder and across roles.
    #[command(
        override_usage = "pm-skills route [OPTIONS] <FROM> <TO>\n       pm-skills route [OPTIONS] --profile <FILE> <TO>",
        after_help = ROUTE_EXAMPLES
    )]
    Route(RouteArgs),

    /// Place a person (or a team) on every level of every role: best fit and closest next levels.
    #[command(after_help = FIT_EXAMPLES)]
    Fit(FitArgs),

    /// Write a static website of the framework: every role, level, skill and comparison, linked.
    #[command(after_help = SITE_EXAMPLES)]
    Site(SiteArgs),

    /// Work with self-assessment profiles.
    #[command(
        subcommand,
        after_help = "Examples:\n  pm-skills profile new > me.yaml                          # every skill, to fill in\n  pm-skills profile new --level product-manager > me.yaml\n  pm-skills gap --profile me.yaml                          # then: what must grow\n\nTo answer one question per skill instead: pm-skills assess --out me.yaml"
    )]
    Profile(ProfileCommand),

    /// Answer one question per skill on the terminal and write your profile.
    #[command(override_usage = "pm-skills assess --out <FILE> [OPTIONS]", after_help = ASSESS_HELP)]
    Assess(AssessArgs),

    /// Check a framework folder and report every problem at once, with file and line.
    #[command(
        after_help = "Examples:\n  pm-skills validate ./my-ladder\n  pm-skills validate                 # the selected framework (--data or built-in)\n  pm-skills validate ./my-ladder --strict --format json\n\nExit codes:\n  0  no errors (warnings allowed unless --strict)\n  1  errors found, or warnings with --strict"
    )]
    Validate(ValidateArgs),

    /// Print a JSON Schema of the framework data files, for editors that check YAML as you type.
    #[command(
        after_help = "Examples:\n  pm-skills schema > pm-skills.schema.json\n\nThen start a data file with:\n  # yaml-language-server: $schema=./pm-skills.schema.json"
    )]
    Schema,

    /// Convert another format into a framework folder.
    #[command(
        subcommand,
        after_help = "Examples:\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./ddat\n  pm-skills import ft-progression engineering.yml --out ./ft\n  pm-skills import matrix skills-matrix.csv --out ./ladder --scale basic,good,great\n  pm-skills validate ./ddat\n  pm-skills --data ./ddat --role delivery-manager ladder"
    )]
    Import(ImportCommand),

    /// List the frameworks built into the binary.
    #[command(after_help = "Examples:\n  pm-skills frameworks\n  pm-skills --framework ddat-2025 ladder")]
    Frameworks(OutputArgs),

    /// Answer an assistant's questions: a Model Context Protocol server on stdin and stdout.
    #[command(after_help = MCP_EXAMPLES)]
    Mcp(McpArgs),

    /// Print a shell completion script; names from the framework and profile files complete too.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),

    /// Print the manual page (roff), to read with `man -l -` or install under man1.
    #[command(
        after_help = "Examples:\n  pm-skills man | man -l -\n  pm-skills man > ~/.local/share/man/man1/pm-skills.1"
    )]
    Man,
}

impl Command {
    /// Where the command's report goes: `None` for the commands that write something else (a
    /// profile, a folder, a script) or only to standard output.
    pub fn output(&self) -> Option<&OutputArgs> {
        match self {
            Command::Levels(o) | Command::Ladder(o) | Command::About(o) | Command::Frameworks(o) => Some(o),
            Command::Show(ShowArgs { output, .. })
            | Command::Skills(SkillsArgs { output, .. })
            | Command::SoftSkills(SoftSkillsArgs { output, .. })
            | Command::Diff(DiffArgs { output, .. })
            | Command::Gap(GapArgs { output, .. })
            | Command::Plan(PlanArgs { output, .. })
            | Command::Progress(ProgressArgs { output, .. })
            | Command::Moves(MovesArgs { output, .. })
            | Command::Route(RouteArgs { output, .. })
            | Command::Fit(FitArgs { output, .. })
            | Command::Validate(ValidateArgs { output, .. })
            | Command::Profile(ProfileCommand::New(NewArgs { output, .. })) => Some(output),
            Command::Assess(_)
            | Command::Import(_)
            | Command::Site(_)
            | Command::Schema
            | Command::Mcp(_)
            | Command::Completions(_)
            | Command::Man => None,
        }
    }
}

impl Cli {
    /// Every file and folder the run reads (`-`, standard input, included as written): a write
    /// refuses to land on one or inside one (`write::refuse_overlap`).
    pub fn inputs(&self) -> Vec<&std::path::Path> {
        let mut all: Vec<&std::path::Path> = Vec::new();
        // An import reads its own files, never a framework folder.
        if !matches!(self.command, Command::Import(_)) {
            all.extend(self.global.data.as_deref());
        }
        match &self.command {
            Command::Gap(a) => {
                all.extend(a.profiles.iter().map(PathBuf::as_path));
                all.extend(a.team.as_deref().into_iter().chain(a.review.as_deref()));
            }
            Command::Plan(a) => all.push(&a.profile),
            Command::Progress(a) => {
                all.extend(a.files.iter().map(PathBuf::as_path));
                all.extend(a.history.as_deref().into_iter().chain(a.team.as_deref()));
            }
            Command::Fit(a) => all.extend(a.profile.as_deref().into_iter().chain(a.team.as_deref())),
            Command::Route(a) => all.extend(a.profile.as_deref()),
            Command::Validate(a) => all.extend(a.dir.as_deref()),
            Command::Profile(ProfileCommand::New(a)) => all.extend(a.from.as_deref()),
            Command::Mcp(a) => all.extend(a.profiles.iter().map(PathBuf::as_path)),
            Command::Import(ImportCommand::DdatCsv(a)) => {
                all.extend([a.roles.as_path(), a.skills.as_path()]);
                all.extend(a.level_order.as_deref());
            }
            Command::Import(ImportCommand::FtProgression(a)) => all.push(&a.file),
            Command::Import(ImportCommand::Matrix(a)) => all.push(&a.file),
            _ => {}
        }
        all
    }

    /// The file the run writes, if any: a report's `--out` (not standard output), or the
    /// profile `assess` writes.
    pub fn file_out(&self) -> Option<&std::path::Path> {
        match &self.command {
            Command::Assess(a) => Some(&a.out),
            command => command.output().and_then(OutputArgs::file),
        }
    }

    /// The folder the run writes, if any: `site` and `import`.
    pub fn folder_out(&self) -> Option<&std::path::Path> {
        match &self.command {
            Command::Site(a) => Some(&a.out),
            Command::Import(ImportCommand::DdatCsv(a)) => Some(&a.out),
            Command::Import(ImportCommand::FtProgression(a)) => Some(&a.out),
            Command::Import(ImportCommand::Matrix(a)) => Some(&a.out),
            _ => None,
        }
    }
}

/// Parses a command line. clap merges the options every command takes, wherever they stand; this
/// adds the rules clap cannot express: `--data` and `--framework` given anywhere on the command line
/// conflict, while a `PM_SKILLS_DATA` folder gives way to an explicit `--framework`; and
/// `progress --since` needs `--team` (clap let `--since` through with FILEs alone under a
/// `requires`, since `--team` is one of the group FILEs satisfy).
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, clap::Error> {
    let mut command = Cli::command();
    let matches = command.try_get_matches_from_mut(args)?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
    let given = |id: &str| matches.value_source(id) == Some(ValueSource::CommandLine);
    if given("data") && given("framework") {
        let message = "the argument '--framework <NAME>' cannot be used with '--data <DIR>'";
        return Err(command.error(clap::error::ErrorKind::ArgumentConflict, message));
    }
    if given("framework") {
        cli.global.data = None;
    }
    if let Command::Gap(gap) = &cli.command
        && let Some(message) = review_conflict(gap)
    {
        let gap = command.find_subcommand_mut("gap").expect("gap is a command");
        return Err(gap.error(clap::error::ErrorKind::ArgumentConflict, message));
    }
    if let Command::Route(route) = &cli.command
        && let Some(message) = route_levels(route)
    {
        let route = command.find_subcommand_mut("route").expect("route is a command");
        return Err(route.error(clap::error::ErrorKind::WrongNumberOfValues, message));
    }
    if let Command::Progress(progress) = &cli.command
        && progress.since.is_some()
        && progress.team.is_none()
    {
        let message = "--since compares each person of a team from a date, so it needs --team DIR";
        let progress = command.find_subcommand_mut("progress").expect("progress is a command");
        return Err(progress.error(clap::error::ErrorKind::MissingRequiredArgument, message));
    }
    if given("format")
        && let Some((name, writes)) = fixed_output(&cli.command)
        && !writes.contains(&cli.global.format)
    {
        let message = match writes {
            [] => format!("`{name}` has one output of its own; --format does not apply to it"),
            _ => format!(
                "`{name}` writes {} only",
                writes.iter().map(|f| format_name(*f)).collect::<Vec<_>>().join(", ")
            ),
        };
        return Err(command.error(clap::error::ErrorKind::ArgumentConflict, message));
    }
    Ok(cli)
}

/// Why `gap --review` cannot run with these options, if it cannot: a review is of one person,
/// so it takes one `--profile` and no `--team`. (clap's own conflict message would not say why.)
fn review_conflict(gap: &GapArgs) -> Option<String> {
    gap.review.as_ref()?;
    let why = "--review puts a review of one person beside their own profile";
    if gap.team.is_some() {
        Some(format!("{why}, so it cannot be used with --team; give one --profile"))
    } else if gap.profiles.len() > 1 {
        Some(format!("{why}, so it takes one --profile, not {}", gap.profiles.len()))
    } else {
        None
    }
}

/// Why `route` cannot run with the levels given, if it cannot: two levels (FROM TO), or one with
/// --profile, which starts from the person's own level.
fn route_levels(route: &RouteArgs) -> Option<String> {
    match (route.profile.is_some(), route.to.is_some()) {
        (false, false) => {
            Some("give the level to start from and the level to aim for (FROM TO), or --profile FILE TO".into())
        }
        (true, true) => Some(
            "with --profile the route starts at the person's own level, so it takes the level to aim for alone (TO)"
                .into(),
        ),
        _ => None,
    }
}

/// Refuses a binary format (`--format xlsx`) bound for a terminal, as a usage error: a workbook
/// is for a file (`--out`) or a pipe, and its bytes would only garble the screen.
pub fn check_destination(cli: &Cli, to_terminal: bool) -> Result<(), clap::Error> {
    if !(to_terminal && cli.global.format.is_binary()) {
        return Ok(());
    }
    let format = format_name(cli.global.format).to_lowercase();
    let mut message = format!("--format {format} writes a binary file, which a terminal cannot show\n\n  tip: ");
    if cli.command.output().is_some() {
        message.push_str(&format!("write it to a file with --out FILE.{format}, or redirect it: > FILE.{format}"));
    } else {
        message.push_str(&format!("redirect it to a file: > FILE.{format}"));
    }
    Err(Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message))
}

/// The commands whose output has one form, with the `--format` values that name it (none for a
/// shell script, a manual page or the questions of `assess`).
fn fixed_output(command: &Command) -> Option<(&'static str, &'static [Format])> {
    match command {
        Command::Schema => Some(("schema", &[Format::Json])),
        Command::Profile(ProfileCommand::New(_)) => Some(("profile new", &[Format::Yaml])),
        Command::Completions(_) => Some(("completions", &[])),
        Command::Mcp(_) => Some(("mcp", &[])),
        Command::Man => Some(("man", &[])),
        Command::Assess(_) => Some(("assess", &[Format::Yaml])),
        _ => None,
    }
}

fn format_name(format: Format) -> String {
    format.to_possible_value().map(|v| v.get_name().to_uppercase()).unwrap_or_default()
}

/// The names an argument takes, which shell completion offers from the framework the command
/// line selects (`shell` looks them up): an argument says what it names, not how to find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The selected role's level ids and aliases, then (with several roles) every ROLE/LEVEL.
    Levels,
    /// The framework's skill ids and aliases.
    Skills,
    /// The framework's soft-skill ids and aliases.
    SoftSkills,
    /// Skills, then soft skills: `assess --skill` revisits either.
    SkillsAndSoftSkills,
    /// The framework's role ids.
    Roles,
    /// The built-in frameworks' ids.
    Frameworks,
}

/// Completes `kind` names (clap_complete calls `shell`'s [`clap_complete::engine::ValueCompleter`] for
/// [`NameKind`] when the shell asks).
fn names(kind: NameKind) -> ArgValueCompleter {
    ArgValueCompleter::new(kind)
}

/// Completes a profile to read: YAML files, and folders on the way to them.
fn profiles() -> ArgValueCompleter {
    ArgValueCompleter::new(PathCompleter::any().filter(is_yaml_file))
}

/// Completes a profile to read, or `-` where the argument reads standard input.
fn profiles_or_stdin() -> ArgValueCompleter {
    ArgValueCompleter::new(PathCompleter::any().filter(is_yaml_file).stdio())
}

/// Completes a folder: a framework, a team, a history, or where to write a site or an import.
fn folders() -> ArgValueCompleter {
    ArgValueCompleter::new(PathCompleter::dir())
}

/// A file named as a team folder's profiles are (`*.yaml`, `*.yml`).
fn is_yaml_file(path: &std::path::Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) && path.is_file()
}

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

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
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
        // Within one level too, and for flags without a value.
        let cli = parsed(&["levels", "-f", "yaml", "-f", "json", "--raw-csv", "--raw-csv"]).unwrap();
        assert_eq!((cli.global.format, cli.global.raw_csv), (Format::Json, true));
        let cli = parsed(&["--role", "a", "--role", "b", "levels"]).unwrap();
        assert_eq!(cli.global.role.as_deref(), Some("b"));
        // A later level's default never undoes an earlier level's explicit value.
        let cli = parsed(&["--format", "yaml", "--raw-csv", "show", "senior"]).unwrap();
        assert_eq!((cli.global.format, cli.global.raw_csv), (Format::Yaml, true));
        let cli = parsed(&["profile", "--framework", "ddat-2025", "new", "--format", "yaml"]).unwrap();
        assert_eq!((cli.global.framework.as_deref(), cli.global.format), (Some("ddat-2025"), Format::Yaml));
        let cli =
            parsed(&["import", "ddat-csv", "--roles", "r", "--skills", "s", "--out", "o", "--role", "x"]).unwrap();
        assert_eq!(cli.global.role.as_deref(), Some("x"));
        assert!(matches!(cli.command, Command::Import(ImportCommand::DdatCsv(_))));
        // Options of one's own that take several values still gather them all.
        let cli = parsed(&["gap", "-p", "a.yaml", "-p", "b.yaml", "--to", "x", "--to", "y"]).unwrap();
        let Command::Gap(gap) = cli.command else { panic!("gap") };
        assert_eq!((gap.profiles.len(), gap.to.as_deref()), (2, Some("y")));
    }

    #[test]
    fn data_and_framework_conflict_at_any_level() {
        for args in [
            &["--data", "d", "--framework", "f", "levels"][..],
            &["--data", "d", "levels", "--framework", "f"],
            &["levels", "--framework", "f", "--data", "d"],
            &["--framework", "f", "profile", "new", "--data", "d"],
        ] {
            let err = parsed(args).map(|_| ()).unwrap_err();
            assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict, "{args:?}");
            assert_eq!(err.exit_code(), 2);
        }
        let cli = parsed(&["--data", "d", "levels", "--data", "e"]).unwrap();
        assert_eq!(cli.global.data, Some(PathBuf::from("e")));
        let cli = parsed(&["levels", "--framework", "f"]).unwrap();
        assert_eq!((cli.global.data, cli.global.framework.as_deref()), (None, Some("f")));
    }

    #[test]
    fn each_command_shows_its_own_help_text() {
        let help = |path: &[&str]| {
            let args = std::iter::once("pm-skills").chain(path.iter().copied()).chain(["--help"]);
            Cli::command().try_get_matches_from(args).unwrap_err().render().to_string()
        };
        assert!(help(&["show"]).starts_with("Describe one level"));
        assert!(help(&["profile"]).starts_with("Work with self-assessment profiles"));
        assert!(help(&["profile", "new"]).starts_with("Print a ready-to-edit profile"));
        // The common options are listed under every command.
        assert!(help(&["import", "ddat-csv"]).contains("--role <NAME>"));
        let import = help(&["import"]);
        for example in ["import ddat-csv", "import ft-progression", "import matrix"] {
            assert!(import.contains(example), "{example}: {import}");
        }
        assert!(help(&["import", "matrix"]).contains("--scale <STEPS>"));
        assert!(help(&["levels"]).contains("--format <FORMAT>"));
    }
}
