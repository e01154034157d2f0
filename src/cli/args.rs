//! The options of each command.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{NameKind, folders, names, profiles, profiles_or_stdin};
use crate::render::Format;

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The level: id, alias, display name or unique prefix.
    #[arg(value_name = "LEVEL", add = names(NameKind::Levels))]
    pub level: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `skills`.
#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// The skill to explain: id, alias, name or unique prefix.
    #[arg(value_name = "SKILL", add = names(NameKind::Skills))]
    pub skill: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `soft-skills`.
#[derive(Debug, Args)]
pub struct SoftSkillsArgs {
    /// The soft skill to explain: id, alias, name or unique prefix.
    #[arg(value_name = "NAME", add = names(NameKind::SoftSkills))]
    pub name: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The level you are at.
    #[arg(value_name = "FROM", add = names(NameKind::Levels))]
    pub from: String,
    /// The level you aim for.
    #[arg(value_name = "TO", add = names(NameKind::Levels))]
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
    #[arg(long = "profile", short = 'p', value_name = "FILE", add = profiles_or_stdin())]
    pub profiles: Vec<PathBuf>,
    /// Every profile (*.yaml, *.yml) in this folder, as a team. Two profiles of one person (the
    /// same `name`) count once: the newer `date`, then the self-assessment, then the first by file
    /// name.
    #[arg(long, value_name = "DIR", add = folders())]
    pub team: Option<PathBuf>,
    /// The target level for everyone; without it, each profile's `target:`, else the level above
    /// its `level:`.
    #[arg(long, value_name = "LEVEL", add = names(NameKind::Levels))]
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
    #[arg(long, value_name = "FILE", add = profiles())]
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
    #[arg(long, short = 'p', value_name = "FILE", add = profiles_or_stdin())]
    pub profile: PathBuf,
    /// The target level: id, alias, name, unique prefix, or ROLE/LEVEL; defaults to the profile's
    /// `target`, else the level above its `level`.
    #[arg(long, value_name = "LEVEL", add = names(NameKind::Levels))]
    pub to: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `progress`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("checkins").required(true).multiple(true).args(["files", "history", "team"]))]
pub struct ProgressArgs {
    /// Check-ins of one person: profiles with a `date:`, in any order. `-` reads standard input.
    #[arg(value_name = "FILE", add = profiles_or_stdin())]
    pub files: Vec<PathBuf>,
    /// Every check-in (*.yaml, *.yml) in this folder, with any FILEs given.
    #[arg(long, value_name = "DIR", add = folders())]
    pub history: Option<PathBuf>,
    /// A team's check-ins: a sub-folder of dated check-ins per person, or profiles side by side,
    /// told apart by their `name`. A row per person, then the team.
    #[arg(long, value_name = "DIR", add = folders(), conflicts_with_all = ["files", "history", "only_gaps"])]
    pub team: Option<PathBuf>,
    /// With --team: compare each person's latest check-in with their last one on or before this
    /// date (without it, with their first).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub since: Option<jiff::civil::Date>,
    /// The target level; defaults to the latest check-in's `target:`, else the level above its
    /// `level:`.
    #[arg(long, value_name = "LEVEL", add = names(NameKind::Levels))]
    pub to: Option<String>,
    /// Hide skills met at the last check-in that were never a gap.
    #[arg(long)]
    pub only_gaps: bool,
    /// Exit with 3 when, at the last check-in, a gap remains or a skill is unassessed (with
    /// --team: anyone's).
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `moves`.
#[derive(Debug, Args)]
pub struct MovesArgs {
    /// The level to move from: id, alias, name, unique prefix, or ROLE/LEVEL.
    #[arg(value_name = "LEVEL", add = names(NameKind::Levels))]
    pub level: String,
    /// Show at most this many moves.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = limit_arg)]
    pub limit: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `route`.
#[derive(Debug, Args)]
pub struct RouteArgs {
    /// The level to start from: id, alias, name, unique prefix, or ROLE/LEVEL. With --profile,
    /// which starts from the person, the level to aim for.
    #[arg(value_name = "FROM", add = names(NameKind::Levels))]
    pub from: String,
    /// The level to aim for.
    #[arg(value_name = "TO", add = names(NameKind::Levels))]
    pub to: Option<String>,
    /// Start from this person rather than a level: at the profile's `level:`, the first move
    /// counted from their own ratings, as gap counts them. `-` reads standard input.
    #[arg(long, short = 'p', value_name = "FILE", add = profiles_or_stdin())]
    pub profile: Option<PathBuf>,
    /// Keep to routes that move to a level of this role on the way (the start's own role: up its
    /// ladder at least once).
    #[arg(long, value_name = "ROLE", add = names(NameKind::Roles))]
    pub via: Option<String>,
    /// Make at most this many moves.
    #[arg(long, value_name = "N", default_value_t = crate::report::route::MAX_MOVES as u64, value_parser = limit_arg)]
    pub max_steps: u64,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `fit`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("who").required(true).args(["profile", "team"]))]
pub struct FitArgs {
    /// A profile (YAML); `-` reads standard input.
    #[arg(long, short = 'p', value_name = "FILE", add = profiles_or_stdin())]
    pub profile: Option<PathBuf>,
    /// Every profile (*.yaml, *.yml) in this folder: one row per person.
    #[arg(long, value_name = "DIR", add = folders())]
    pub team: Option<PathBuf>,
    /// Show at most this many next levels (default 10 for a profile, 1 per person for a team).
    #[arg(long, value_name = "N", value_parser = limit_arg)]
    pub limit: Option<u64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write; it must be empty or absent unless --force.
    #[arg(long, value_name = "DIR", add = folders())]
    pub out: PathBuf,
    /// Replace a non-empty output folder that pm-skills wrote (it holds a .pm-skills file).
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
    #[arg(long, value_name = "FILE", add = profiles())]
    pub out: PathBuf,
    /// The current level of the person rated (otherwise asked).
    #[arg(long, value_name = "LEVEL", add = names(NameKind::Levels))]
    pub level: Option<String>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// Discard the answers saved by an earlier run (the draft) and start from the first question.
    #[arg(long)]
    pub restart: bool,
    /// Revisit only this skill or soft skill of the existing profile --out, keeping the rest
    /// (repeatable; id, alias, name or unique prefix).
    #[arg(long = "skill", id = "skill", value_name = "NAME", add = names(NameKind::SkillsAndSoftSkills))]
    pub skills: Vec<String>,
    /// When the assessment was made, ISO 8601 (default: today).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub date: Option<jiff::civil::Date>,
    /// Who rates: self, or the reviewer's name (default: self; with --skill or --for, the
    /// profile's).
    #[arg(long, value_name = "NAME", value_parser = assessor_arg)]
    pub assessor: Option<String>,
    /// Ask the skills (and soft skills) this level rates that the existing profile --out does not
    /// yet, keeping the rest: a level of another role, to compare with it (ROLE/LEVEL, or a name).
    #[arg(long = "for", value_name = "ROLE/LEVEL", conflicts_with = "skill", add = names(NameKind::Levels))]
    pub for_level: Option<String>,
    #[command(flatten)]
    pub format: YamlOnly,
}

/// The common `--format` for the commands that write a profile, which is YAML and nothing else:
/// accepted (`--format yaml`), and left out of their help, which would list formats they cannot
/// write. It stands in for the global option of the same name, whose value it gives.
#[derive(Debug, Clone, Args)]
pub struct YamlOnly {
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Yaml, value_name = "FORMAT", hide = true)]
    pub format: Format,
}

/// `--date`: an ISO 8601 date (a date and time keeps its date).
fn date_arg(text: &str) -> Result<jiff::civil::Date, String> {
    crate::profile::parse_date(text)
}

/// `--limit`: a whole number from 1 up, said so whatever was typed instead.
fn limit_arg(text: &str) -> Result<u64, String> {
    text.trim().parse::<u64>().ok().filter(|&n| n >= 1).ok_or_else(|| "expected a whole number from 1 up".to_string())
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
    #[arg(value_name = "DIR", add = folders())]
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
    /// over an existing file without --force. `-` and /dev/stdout are standard output; a device or
    /// a named pipe is written into.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace FILE if it is a regular file that exists.
    #[arg(long, requires = "out")]
    pub force: bool,
}

impl OutputArgs {
    /// The file to write, or `None` for standard output (`-`, `/dev/stdout`).
    pub fn file(&self) -> Option<&std::path::Path> {
        self.out.as_deref().filter(|p| p.as_os_str() != "-" && p.as_os_str() != "/dev/stdout")
    }
}

/// Options of `mcp`.
#[derive(Debug, Clone, Args)]
pub struct McpArgs {
    /// A folder of profiles the tools may read (repeatable). Nothing outside these folders and the
    /// framework is read; without one, profiles are given as YAML text.
    #[arg(long = "profiles", value_name = "DIR", add = folders())]
    pub profiles: Vec<PathBuf>,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Options of `profile new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The current level of the person rated, written into the template.
    #[arg(long, value_name = "LEVEL", add = names(NameKind::Levels))]
    pub level: Option<String>,
    /// The date written into the profile, ISO 8601 (default: today; with --from, the profile's).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub date: Option<jiff::civil::Date>,
    /// Who rates, written into the profile: self (the default), or the reviewer's name.
    #[arg(long, value_name = "NAME", value_parser = assessor_arg)]
    pub assessor: Option<String>,
    /// Also list, to fill in, the skills (and soft skills) this level rates: a level of another
    /// role, to compare with it (ROLE/LEVEL, or a name).
    #[arg(long = "for", value_name = "ROLE/LEVEL", add = names(NameKind::Levels))]
    pub for_level: Option<String>,
    /// Start from this profile: keep its name, level, answers and evidence, and list what --for
    /// adds after them (its framework and role are used, as for gap).
    #[arg(long, value_name = "FILE", add = profiles())]
    pub from: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub format: YamlOnly,
}

/// Profile helpers.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Print a ready-to-edit profile: every skill, commented with what each proficiency means.
    #[command(override_usage = "pm-skills profile new [OPTIONS]", after_help = super::help::PROFILE_NEW_HELP)]
    New(NewArgs),
}

/// The formats `import` understands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// The official Government Digital and Data framework CSV export (roles.csv + skills.csv).
    #[command(
        name = "ddat-csv",
        after_help = "Examples:\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./ddat --export-date 2025-09\n  pm-skills import ddat-csv --roles roles.csv --skills skills.csv --out ./dm --role \"Delivery manager\"\n  pm-skills --data ./ddat --role delivery-manager diff delivery-manager senior-delivery-manager"
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
    #[arg(long, value_name = "DIR", add = folders())]
    pub out: PathBuf,
    /// Replace a non-empty output folder that pm-skills wrote (it holds a .pm-skills file).
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
    #[arg(long, value_name = "DIR", add = folders())]
    pub out: PathBuf,
    /// The scale steps the cells use, lowest first, e.g. `basic,good,great`. Needed when the
    /// cells are words; numbers are ordered by value without it.
    #[arg(long, value_name = "STEPS", value_delimiter = ',')]
    pub scale: Vec<String>,
    /// The name of the role the file describes; without it, the file name. Filled from the
    /// global `--role`.
    #[arg(skip)]
    pub role: Option<String>,
    /// Replace a non-empty output folder that pm-skills wrote (it holds a .pm-skills file).
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
    #[arg(long, value_name = "DIR", add = folders())]
    pub out: PathBuf,
    /// Import only this role (name or id); without it, every role with levels. Filled from the
    /// global `--role`, so `import ddat-csv … --role NAME` reads as users expect.
    #[arg(skip)]
    pub role: Option<String>,
    /// A YAML file mapping role ids to their level names, most junior first, overriding the
    /// built-in seniority rule.
    #[arg(long, value_name = "FILE")]
    pub level_order: Option<PathBuf>,
    /// When the export was made, as the download page dates it (2025-09, or 2025-09-30): the
    /// framework's version. The CSV files themselves carry no date.
    #[arg(long, value_name = "DATE", value_parser = export_date_arg)]
    pub export_date: Option<String>,
    /// Replace a non-empty output folder that pm-skills wrote (it holds a .pm-skills file).
    #[arg(long)]
    pub force: bool,
}

/// `--export-date`: a month (`2025-09`) or a day (`2025-09-30`), as written.
fn export_date_arg(text: &str) -> Result<String, String> {
    let text = text.trim();
    let day = crate::profile::parse_date(text).ok().filter(|d| d.to_string() == text);
    let month = crate::profile::parse_date(&format!("{text}-01")).ok().filter(|d| d.to_string()[..7] == *text);
    match day.or(month) {
        Some(_) => Ok(text.to_string()),
        None => Err("expected a month such as 2025-09, or a day such as 2025-09-30".to_string()),
    }
}
