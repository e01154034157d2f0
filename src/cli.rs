//! Command-line types only: what a user can type, with help text and examples.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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

const ASSESS_HELP: &str = "Examples:
  pm-skills assess --out me.yaml
  pm-skills assess --out me.yaml --level product-manager
  pm-skills assess --out me.yaml --skill user-focus --skill agile   # revisit two skills
  pm-skills assess --out sam.yaml --assessor \"Dana Reyes\"           # a review of someone else
  printf 'Ada\\n\\n3\\nRan the beta\\n2\\n\\n...' | pm-skills assess --out me.yaml

Each answer: a number or a name (1-4, expert), s to skip, b to go back one question, q to stop.
After each answer, one optional line of evidence (Enter skips it). A question answered before
(going back, or with --skill) shows its answer and evidence: Enter keeps them, and a
single - at the evidence question removes the evidence.

--skill asks only the skills (or soft skills) it names, of the existing profile --out, and keeps
everything else; it replaces the file (no --force needed) and dates it today, or --date.

Questions go to stderr, answers are read from stdin. Progress is saved in a draft beside the
profile (<out>.draft, or <out>.revisit.draft for --skill) after every answer, so an interrupted
run (q, Ctrl-C, end of input) loses nothing and the next run resumes; --restart discards the
draft. One run at a time per profile: it holds <out>.lock.

Exit codes:
  0    the profile was written, or q kept the answers for later
  1    error: unknown name, unreadable profile or draft, input ended early
  2    usage error: unknown flag, or a --date that is not a date
  130  stopped with Ctrl-C; the answers so far are kept";

const MAIN_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills show senior                       what a Senior Product Manager does and needs
  pm-skills diff product-manager senior       what must grow from PM to Senior
  pm-skills ladder --format csv > ladder.csv  the whole matrix as CSV
  pm-skills skills \"product ownership\"        one skill, every proficiency, every level
  pm-skills diff pm senior -f html > pm.html  a page with a radar chart, to print or attach
  pm-skills moves senior                      the next level, and the nearest level of other roles
  pm-skills ladder -f xlsx --out ladder.xlsx  a workbook: filters, rank columns, a radar chart

",
    exit_codes!()
);

const GAP_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills gap --profile me.yaml                 against my target, or the level above mine
  pm-skills gap --profile me.yaml --to lead --format json
  pm-skills gap --team ./team                     each person against their own target
  pm-skills gap --team ./team --to senior         everyone against one level
  pm-skills gap --team ./team --sort readiness    ready first, then the fewest steps short
  pm-skills gap -p a.yaml -p b.yaml --to senior --only-gaps
  pm-skills gap --team ./team --format html > team.html   a heatmap page
  pm-skills gap --team ./team --format csv > team.csv     a row per person, any team size
  pm-skills gap --profile me.yaml --review manager.yaml   my view beside my manager's
  pm-skills gap --team ./team --to senior --format xlsx --out team.xlsx   a workbook

A profile's `framework:` picks that built-in framework, unless --framework or --data is given,
and its `role:` the role it is read on. Without --to, a person's target is their profile's
`target:`, else the level above their `level:`; in a team, someone at the top level is checked
against their own. A team with more people than skills shows people as rows; over 200 people the
terminal shows it in numbers.

",
    exit_codes!()
);

const PROGRESS_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills progress checkins/2026-03-02.yaml checkins/2026-06-01.yaml
  pm-skills progress --history ./checkins                  every check-in in a folder
  pm-skills progress --history ./checkins --to lead --format json
  pm-skills progress --history ./checkins --format html > progress.html   a line chart page
  pm-skills progress --history ./checkins --exit-code      exit 3 while a gap remains

Each file is one check-in of one person: a profile with a `date:`, in any order. The target is
--to, else the latest check-in's `target:`, else the level above its `level:`. A gap closed when
a skill was short at the first check-in and is met at the last; it opened when it was met and
now is short; it remains when it is short at both.

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
  pm-skills diff pm senior --format xlsx --out pm-to-senior.xlsx   a workbook with a radar chart

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
    #[arg(long, env = "PM_SKILLS_DATA", value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Pick a built-in framework by id (see `pm-skills frameworks`).
    #[arg(long, value_name = "NAME", global = true)]
    pub framework: Option<String>,

    /// Pick a role family when the framework has several (with `import`: import only this role).
    #[arg(long, value_name = "NAME", global = true)]
    pub role: Option<String>,

    /// In CSV output, leave cells that start with =, +, - or @ as they are (by default they get a
    /// leading ' so spreadsheets do not run them as formulas).
    #[arg(long, global = true)]
    pub raw_csv: bool,
}

impl GlobalArgs {
    /// Whether `--data` or `--framework` names the framework, which then wins over any profile's.
    pub fn names_framework(&self) -> bool {
        self.data.is_some() || self.framework.is_some()
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

const MOVES_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills moves senior                          the next level, then the nearest of other roles
  pm-skills --data ./ddat moves senior-delivery-manager --role product-manager
  pm-skills moves senior --limit 3 --format json | jq '.moves[] | [.role.id, .level.id, .steps]'

The next level of the level's own role comes first, as the natural promotion; then, for every
other role, its level nearest in seniority (the mean rank it expects), fewest steps first.
With --role, every level of that one role is listed, fewest steps first.

",
    exit_codes!()
);

const FIT_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills fit --profile me.yaml                 my best fit and the nearest levels above it
  pm-skills --framework ddat-2025 fit -p me.yaml --limit 5 --format json
  pm-skills fit --team ./team --format csv        one best fit and closest next per person

A level fits when every skill it expects is met; an unassessed skill counts as its whole rank.
The best fit is the most demanding level that fits; the next levels are those ahead of it (above
it in its role, or as senior in another), fewest steps short first.

",
    exit_codes!()
);

const PLAN_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills plan --profile me.yaml                       towards my target, or the level above mine
  pm-skills plan -p me.yaml --format markdown > plan.md  to paste into a document
  pm-skills plan -p me.yaml --to lead --format html > plan.html   a page that prints on A4
  pm-skills plan -p me.yaml --format json | jq '.to_grow[].skill.id'

The target is --to (a level, or ROLE/LEVEL for another role), else the profile's `target:`, else
the level above its `level:`. Each gap, biggest first, gets what the target expects, the evidence
so far, the framework's tips and resources, and blank lines for actions; then the skills to assess
first, what is already met, and the nearest levels of other roles when there are several.

",
    exit_codes!()
);

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

    /// Compare a person's self-assessment with a level; several profiles give a team matrix.
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
    #[command(after_help = ASSESS_HELP)]
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

    /// Print a shell completion script; level, skill and soft-skill names complete too.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),

    /// Print the manual page (roff), to read with `man -l -` or install under man1.
    #[command(
        after_help = "Examples:\n  pm-skills man | man -l -\n  pm-skills man > ~/.local/share/man/man1/pm-skills.1"
    )]
    Man,

    /// Names for shell completion, one a line; the completion scripts call this.
    #[command(name = "__complete-names", hide = true)]
    CompleteNames(CompleteNamesArgs),
}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The level: id, alias, display name or unique prefix.
    #[arg(value_name = "LEVEL")]
    pub level: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `skills`.
#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// The skill to explain: id, alias, name or unique prefix.
    #[arg(value_name = "SKILL")]
    pub skill: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `soft-skills`.
#[derive(Debug, Args)]
pub struct SoftSkillsArgs {
    /// The soft skill to explain: id, alias, name or unique prefix.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
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
    #[command(flatten)]
    pub output: OutputArgs,
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
    /// The target level for everyone; without it, each profile's `target:`, else the level above
    /// its `level:`.
    #[arg(long, value_name = "LEVEL")]
    pub to: Option<String>,
    /// Hide skills already met.
    #[arg(long)]
    pub only_gaps: bool,
    /// Exit with 3 when any gap or unassessed skill remains, 0 when none does. With --review:
    /// when either side sees one.
    #[arg(long)]
    pub exit_code: bool,
    /// A reviewer's profile of the same person (a manager's, a peer's), shown beside the one
    /// --profile gives, skill by skill, disagreements first. Takes exactly one --profile.
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
    /// Order of the people in a team view: as given, readiness (ready first, then fewest steps
    /// short), or name.
    #[arg(long, value_enum, value_name = "ORDER", default_value_t)]
    pub sort: crate::report::team::Sort,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The profile (YAML); `-` reads standard input.
    #[arg(long, short = 'p', value_name = "FILE")]
    pub profile: PathBuf,
    /// The target level: id, alias, name, unique prefix, or ROLE/LEVEL; defaults to the profile's
    /// `target`, else the level above its `level`.
    #[arg(long, value_name = "LEVEL")]
    pub to: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `progress`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("checkins").required(true).multiple(true).args(["files", "history"]))]
pub struct ProgressArgs {
    /// Check-ins of one person: profiles with a `date:`, in any order. `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Every check-in (*.yaml, *.yml) in this folder, with any FILEs given.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
    /// The target level; defaults to the latest check-in's `target:`, else the level above its
    /// `level:`.
    #[arg(long, value_name = "LEVEL")]
    pub to: Option<String>,
    /// Hide skills met at the last check-in that were never a gap.
    #[arg(long)]
    pub only_gaps: bool,
    /// Exit with 3 when, at the last check-in, a gap remains or a skill is unassessed.
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `moves`.
#[derive(Debug, Args)]
pub struct MovesArgs {
    /// The level to move from: id, alias, name, unique prefix, or ROLE/LEVEL.
    #[arg(value_name = "LEVEL")]
    pub level: String,
    /// Show at most this many moves.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `fit`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("who").required(true).args(["profile", "team"]))]
pub struct FitArgs {
    /// A profile (YAML); `-` reads standard input.
    #[arg(long, short = 'p', value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Every profile (*.yaml) in this folder: one row per person.
    #[arg(long, value_name = "DIR")]
    pub team: Option<PathBuf>,
    /// Show at most this many next levels (default 10 for a profile, 1 per person for a team).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

const SITE_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills site --out site                                the default framework
  pm-skills --framework ddat-2025 site --out ddat-site     the government framework, to browse
  pm-skills --data ./ddat site --out ./ddat-site --force   an imported framework, replacing the site
  pm-skills site --out site --stamp                        with the build date in every footer

The folder holds one page per role, level, skill and soft skill, one per pair of adjacent levels,
a home page, an A to Z index and a search box; open site/index.html, or serve the folder from any
static host. Links are relative and nothing is fetched from elsewhere. The same framework gives
the same bytes, so the folder diffs well in git; --stamp adds the date.

",
    exit_codes!()
);

/// Options of `site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write; it must be empty or absent unless --force.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace the contents of a non-empty output folder.
    #[arg(long)]
    pub force: bool,
    /// Put the build date in every page's footer (by default nothing depends on the time).
    #[arg(long)]
    pub stamp: bool,
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
    /// Discard the answers saved by an earlier run (the draft) and start from the first question.
    #[arg(long)]
    pub restart: bool,
    /// Revisit only this skill or soft skill of the existing profile --out, keeping the rest
    /// (repeatable; id, alias, name or unique prefix).
    #[arg(long = "skill", id = "skill", value_name = "NAME")]
    pub skills: Vec<String>,
    /// When the assessment was made, ISO 8601 (default: today).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub date: Option<String>,
    /// Who rates: self, or the reviewer's name (default: self; with --skill, the profile's).
    #[arg(long, value_name = "NAME", value_parser = assessor_arg)]
    pub assessor: Option<String>,
}

/// `--date`: an ISO 8601 date (a date and time keeps its date), as `YYYY-MM-DD`.
fn date_arg(text: &str) -> Result<String, String> {
    crate::profile::parse_date(text)
        .map_err(|_| "expected an ISO 8601 date such as 2026-03-02 (year-month-day)".to_string())
}

/// `--assessor`: a name, trimmed; an empty one is refused.
fn assessor_arg(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("expected a name, or self".to_string());
    }
    Ok(name.to_string())
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
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where a report goes: standard output, or a file. Every command that writes a report takes
/// these, in every format; a new report command flattens them in and lists itself in
/// [`Command::output`].
#[derive(Debug, Clone, Default, Args)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output, in any format: whole or not at all, and never
    /// over an existing file without --force. `-` is standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "out")]
    pub force: bool,
}

impl OutputArgs {
    /// The file to write, or `None` for standard output.
    pub fn file(&self) -> Option<&std::path::Path> {
        self.out.as_deref().filter(|p| p.as_os_str() != "-")
    }
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
            | Command::Fit(FitArgs { output, .. })
            | Command::Validate(ValidateArgs { output, .. }) => Some(output),
            Command::Profile(_)
            | Command::Assess(_)
            | Command::Import(_)
            | Command::Site(_)
            | Command::Schema
            | Command::Completions(_)
            | Command::Man
            | Command::CompleteNames(_) => None,
        }
    }
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
    /// The date written into the profile, ISO 8601 (default: today).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub date: Option<String>,
    /// Who rates, written into the profile: self (the default), or the reviewer's name.
    #[arg(long, value_name = "NAME", value_parser = assessor_arg)]
    pub assessor: Option<String>,
}

/// Parses a command line. clap merges the options every command takes, wherever they stand; this
/// adds the rule clap cannot express: `--data` and `--framework` given anywhere on the command line
/// conflict, while a `PM_SKILLS_DATA` folder gives way to an explicit `--framework`.
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
        Command::Man => Some(("man", &[])),
        Command::Assess(_) => Some(("assess", &[Format::Yaml])),
        _ => None,
    }
}

fn format_name(format: Format) -> String {
    format.to_possible_value().map(|v| v.get_name().to_uppercase()).unwrap_or_default()
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
/// Profile helpers.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Print a ready-to-edit profile: every skill, commented with what each proficiency means.
    #[command(
        after_help = "Examples:\n  pm-skills profile new --level product-manager > me.yaml\n  pm-skills --framework ddat-2025 profile new > me.yaml\n  pm-skills profile new --assessor \"Dana Reyes\" > review.yaml   # a review of someone else\n  pm-skills profile new --date 2026-03-02 > checkin.yaml\n\nThe profile is dated today and rated by `self` unless --date or --assessor says otherwise.\n\nExit codes:\n  0  the template was printed\n  1  unknown level\n  2  usage error: unknown flag, or a --date that is not a date"
    )]
    New(NewArgs),
}

/// The formats `import` understands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// The official Government Digital and Data framework CSV export (roles.csv + skills.csv).
    #[command(
        name = "ddat-csv",
        after_help = "Examples:\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./ddat\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./dm --role \"Delivery manager\"\n  pm-skills --data ./ddat --role delivery-manager diff delivery-manager senior-delivery-manager"
    )]
    DdatCsv(ImportDdatCsv),
    /// A Financial Times engineering-progression job family (YAML): one role per track.
    #[command(
        name = "ft-progression",
        after_help = "Examples:\n  pm-skills import ft-progression engineering.yml --out ./ft\n  pm-skills validate ./ft\n  pm-skills --data ./ft diff engineering-ic/senior-2-ic engineering-pm/senior-2-pm"
    )]
    FtProgression(ImportFtProgression),
    /// A skills matrix saved as CSV: a row per skill, a column per level, a scale step per cell.
    #[command(
        name = "matrix",
        after_help = "Examples:\n  pm-skills import matrix ladder.csv --out ./ladder\n  pm-skills import matrix ladder.csv --out ./ladder --scale basic,good,great --role \"Data engineer\"\n  pm-skills --data ./ladder diff junior senior"
    )]
    Matrix(ImportMatrix),
}

/// Options of `import ft-progression`.
#[derive(Debug, Clone, Args)]
pub struct ImportFtProgression {
    /// The job family file, e.g. engineering.yml from the engineering-progression repository.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The framework folder to write; it must be empty or absent unless --force.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace the contents of a non-empty output folder.
    #[arg(long)]
    pub force: bool,
}

/// Options of `import matrix`.
#[derive(Debug, Clone, Args)]
pub struct ImportMatrix {
    /// The CSV file: a header row (skill, optional description and category, then one column per
    /// level, most junior first), then one row per skill.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The framework folder to write; it must be empty or absent unless --force.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The scale steps the cells use, lowest first, e.g. `basic,good,great`. Needed when the
    /// cells are words; numbers are ordered by value without it.
    #[arg(long, value_name = "STEPS", value_delimiter = ',')]
    pub scale: Vec<String>,
    /// The name of the role the file describes; without it, the file name. Filled from the
    /// global `--role`.
    #[arg(skip)]
    pub role: Option<String>,
    /// Replace the contents of a non-empty output folder.
    #[arg(long)]
    pub force: bool,
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
