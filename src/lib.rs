//! pm-skills: a career-path explorer for product managers.
//!
//! The flow is one way: arguments → load a framework → resolve names → compute a report (pure) →
//! render it (shared renderers) → write it once. `main.rs` only calls [`main`].

pub mod assess;
pub mod cli;
pub mod data;
pub mod import;
pub mod load;
pub mod model;
pub mod parallel;
pub mod profile;
pub mod render;
pub mod report;
pub mod resolve;
pub mod schema;
pub mod shell;
pub mod terminal;
pub mod validate;
pub mod write;

use std::io::{IsTerminal, Write};

use anyhow::Context as _;

use cli::{Cli, Command, Lazy};
use model::Framework;
use render::{RenderOptions, Report};
use report::Scope;

/// What a successful run produced: the bytes for stdout and the exit status.
#[derive(Debug)]
pub struct Outcome {
    pub output: Vec<u8>,
    /// 0, or 3 when `--exit-code` found gaps.
    pub status: u8,
}

/// Runs the CLI end to end and turns the result into an exit code. Output is written once, after
/// the report rendered in full, so a failure never leaves half a report on stdout.
/// Parses the command line and runs it; returns the process exit code.
///
/// The parser and the parsed framework are not freed: the process exits right after, and the
/// benchmark (`cargo bench --bench perf`) shows freeing them is a measurable share of start-up.
pub fn main() -> u8 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(when) = terminal::color_in_args(&args) {
        terminal::set_color_choice(when);
    }
    match cli::parse(args) {
        Ok(cli) => {
            let code = main_with(&cli);
            std::mem::forget(cli);
            code
        }
        Err(e) => {
            let _ = e.print();
            // clap's own rule: 0 for --help and --version, 2 for usage errors.
            u8::try_from(e.exit_code()).unwrap_or(2)
        }
    }
}

/// Runs a parsed command line and returns the exit code.
pub fn main_with(cli: &Cli) -> u8 {
    let stdout = std::io::stdout();
    let options = terminal::render_options(&cli.global, stdout.is_terminal());
    match run(cli, &options) {
        Ok(outcome) => {
            let mut lock = stdout.lock();
            match lock.write_all(&outcome.output).and_then(|()| lock.flush()) {
                Ok(()) => outcome.status,
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(e) => report_error(&anyhow::Error::new(e).context("cannot write to standard output")),
            }
        }
        Err(err) => report_error(&err),
    }
}

fn report_error(err: &anyhow::Error) -> u8 {
    let text = format!("error: {err:#}\n");
    let _ = std::io::stderr().write_all(render::text::sanitize(&text, true).as_bytes());
    1
}

/// Computes and renders the answer to one command.
pub fn run(cli: &Cli, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let global = &cli.global;
    let role = global.role.as_deref();
    let level_of = |scope: Scope, name: &str| resolve::resolve_index(&scope.role.levels, name, "level");
    match &cli.command {
        Command::Frameworks(_) => {
            let frameworks =
                data::builtin_ids().into_iter().map(data::load_builtin).collect::<anyhow::Result<Vec<_>>>()?;
            done(&report::frameworks::FrameworksReport::build(&frameworks, data::DEFAULT_FRAMEWORK), options, false)
        }
        Command::Import(Lazy(cli::ImportCommand::DdatCsv(Lazy(args)))) => {
            let args = cli::ImportDdatCsv { role: global.role.clone(), ..args.clone() };
            done(&import::ddat_csv::run(&args)?, options, false)
        }
        Command::Completions(Lazy(cli::CompletionsArgs { shell })) => {
            Ok(Outcome { output: shell::completions(*shell), status: 0 })
        }
        Command::Man(_) => Ok(Outcome { output: shell::man_page()?, status: 0 }),
        Command::CompleteNames(Lazy(cli::CompleteNamesArgs { kind })) => {
            Ok(Outcome { output: shell::names(global, *kind).into_bytes(), status: 0 })
        }
        Command::Schema(_) => Ok(Outcome { output: schema::JSON_SCHEMA.as_bytes().to_vec(), status: 0 }),
        Command::Validate(Lazy(cli::ValidateArgs { dir, strict })) => {
            let report =
                validate_target(dir.as_deref().or(global.data.as_deref()), global.framework.as_deref(), *strict)?;
            Ok(Outcome { output: render::render(&report, options)?, status: u8::from(report.failed) })
        }
        Command::Gap(Lazy(cli::GapArgs { profiles, team, to, only_gaps, exit_code })) => {
            let framework = load_selected(global)?;
            gap(&framework, role, profiles, team.as_deref(), to.as_deref(), *only_gaps, *exit_code, options)
        }
        Command::Profile(Lazy(cli::ProfileCommand::New(Lazy(cli::NewArgs { level })))) => {
            let framework = load_selected(global)?;
            let scope = select_role(&framework, role)?;
            let level = level.as_deref().map(|l| level_of(scope, l)).transpose()?;
            Ok(Outcome { output: profile::template(scope, level).into_bytes(), status: 0 })
        }
        Command::Assess(Lazy(cli::AssessArgs { out, level, force })) => {
            let framework = load_selected(global)?;
            let scope = select_role(&framework, role)?;
            let level = level.as_deref().map(|l| level_of(scope, l)).transpose()?;
            let mut stderr = std::io::stderr();
            let finish = assess::run(scope, out, *force, level, &mut std::io::stdin().lock(), &mut stderr)?;
            if let assess::Finish::Paused { answered, of } = finish {
                let _ = writeln!(
                    stderr,
                    "\nStopped after {answered} of {of}; answers kept in {}. Run the same command to resume.",
                    assess::draft_path(out).display()
                );
            }
            Ok(Outcome { output: Vec::new(), status: 0 })
        }
        Command::SoftSkills(Lazy(cli::SoftSkillsArgs { name })) => {
            let framework = load_selected(global)?;
            match name {
                None => done(&report::soft_skills::SoftSkillsReport::build(&framework), options, false),
                Some(name) => {
                    let index = resolve::resolve_index(&framework.soft_skills, name, "soft skill")?;
                    done(&report::soft_skills::SoftSkillReport::build(&framework, index), options, false)
                }
            }
        }
        Command::Levels(_) => {
            let framework = load_selected(global)?;
            done(&report::levels::LevelsReport::build(select_role(&framework, role)?), options, false)
        }
        Command::Show(Lazy(cli::ShowArgs { level })) => {
            let framework = load_selected(global)?;
            let scope = select_role(&framework, role)?;
            done(&report::show::ShowReport::build(scope, level_of(scope, level)?), options, false)
        }
        Command::Ladder(_) => {
            let framework = load_selected(global)?;
            done(&report::ladder::LadderReport::build(select_role(&framework, role)?), options, false)
        }
        Command::Skills(Lazy(cli::SkillsArgs { skill })) => {
            let framework = load_selected(global)?;
            let scope = select_role(&framework, role)?;
            match skill {
                None => done(&report::skills::SkillsReport::build(scope), options, false),
                Some(name) => {
                    let index = resolve::resolve_index(&framework.skills, name, "skill")?;
                    done(&report::skills::SkillReport::build(scope, index), options, false)
                }
            }
        }
        Command::About(_) => {
            let framework = load_selected(global)?;
            done(&report::about::AboutReport::build(select_role(&framework, role)?), options, false)
        }
        Command::Diff(Lazy(cli::DiffArgs { from, to, only_gaps, exit_code, path })) => {
            let framework = load_selected(global)?;
            let scope = select_role(&framework, role)?;
            let (from, to) = (level_of(scope, from)?, level_of(scope, to)?);
            if *path {
                let report = report::path::PathReport::build(scope, from, to, *only_gaps);
                return done(&report, options, *exit_code && report.has_gaps());
            }
            let report = report::diff::DiffReport::build(scope, from, to, *only_gaps);
            done(&report, options, *exit_code && report.has_gaps())
        }
    }
}

fn done<R: Report>(report: &R, options: &RenderOptions, gaps: bool) -> anyhow::Result<Outcome> {
    Ok(Outcome { output: render::render(report, options)?, status: if gaps { 3 } else { 0 } })
}

/// `gap`: one profile gives a person's report, several a team matrix.
#[allow(clippy::too_many_arguments)]
fn gap(
    framework: &Framework,
    role: Option<&str>,
    profiles: &[std::path::PathBuf],
    team: Option<&std::path::Path>,
    to: Option<&str>,
    only_gaps: bool,
    exit_code: bool,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let mut paths = profiles.to_vec();
    if let Some(dir) = team {
        paths.extend(profile::team_files(dir)?);
    }
    // A profile may name its role; the flag wins, then the first profile's. The first profile is
    // read once (it may be standard input); the rest are read, parsed and checked in parallel,
    // each in one go, so only their compact form stays in memory.
    let mut paths = paths.into_iter();
    let first = paths.next().map(|p| profile::read(&p)).transpose()?;
    let scope = select_role(framework, role.or(first.as_ref().and_then(|f| f.raw.role.as_deref())))?;
    let lookup = profile::SkillLookup::new(framework);
    let mut people = Vec::with_capacity(paths.len() + 1);
    if let Some(first) = first {
        people.push(profile::check(first, scope, &lookup)?);
    }
    if paths.len() > 0 {
        read_team(paths.collect(), scope, &lookup, &mut people)?;
    }
    let target = match to {
        Some(name) => resolve::resolve_index(&scope.role.levels, name, "level")?,
        None => default_target(scope, &people)?,
    };
    if let [person] = people.as_slice()
        && team.is_none()
    {
        let report = report::gap::GapReport::build(scope, person, target, only_gaps);
        return done(&report, options, exit_code && report.has_gaps());
    }
    team_gap(scope, &people, target, only_gaps, exit_code, options)
}

/// Reads and checks the profiles after the first, in parallel. Kept out of line, with
/// [`team_gap`], so the code a one-person `gap` runs stays compact (see docs/performance.md).
#[inline(never)]
fn read_team(
    paths: Vec<std::path::PathBuf>,
    scope: Scope,
    lookup: &profile::SkillLookup,
    people: &mut Vec<model::Profile>,
) -> anyhow::Result<()> {
    let read = |path: std::path::PathBuf| {
        profile::read(&path).and_then(|raw| profile::check(raw, scope, lookup).map_err(anyhow::Error::from))
    };
    for person in parallel::map(paths, read) {
        people.push(person?);
    }
    Ok(())
}

#[inline(never)]
fn team_gap(
    scope: Scope,
    people: &[model::Profile],
    target: usize,
    only_gaps: bool,
    exit_code: bool,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let report = report::gap::TeamReport::build(scope, people, target, only_gaps);
    done(&report, options, exit_code && report.has_gaps())
}

/// Without `--to`, the level above the profiles' current level, which must be one and the same.
fn default_target(scope: Scope, people: &[model::Profile]) -> anyhow::Result<usize> {
    let mut levels = people.iter().map(|p| (p, p.level));
    let Some((first, Some(level))) = levels.next() else {
        let who = people.first().map_or("the profile".into(), |p| p.file.clone());
        anyhow::bail!("{who} names no current `level`, so there is no level above it; give the target with --to LEVEL");
    };
    if let Some((other, _)) = levels.find(|(_, l)| *l != Some(level)) {
        anyhow::bail!("{} and {} are at different levels; give the target with --to LEVEL", first.file, other.file);
    }
    match scope.role.levels.get(level + 1) {
        Some(_) => Ok(level + 1),
        None => anyhow::bail!(
            "{} is already at the top level ({}); give the target with --to LEVEL",
            first.file,
            scope.role.levels[level].name
        ),
    }
}

/// Runs every check on a folder, or on a built-in framework, and reports all findings.
fn validate_target(
    dir: Option<&std::path::Path>,
    framework: Option<&str>,
    strict: bool,
) -> anyhow::Result<report::validate::ValidateReport> {
    let (origin, files, mut problems) = match dir {
        Some(dir) => {
            let (files, problems) = data::read_folder(dir)?;
            (dir.display().to_string(), files, problems)
        }
        None => {
            let id = match framework {
                Some(name) => data::builtin_id(name)?,
                None => data::DEFAULT_FRAMEWORK,
            };
            (format!("data/{id}"), data::builtin_files(id), validate::Problems::default())
        }
    };
    validate::assemble(&origin, &files, &mut problems);
    Ok(report::validate::ValidateReport::build(origin, problems, strict))
}

/// Loads the framework the flags ask for: `--data DIR`, `--framework NAME`, or the default.
///
/// It is never freed: the process ends once the answer is written (see [`main`]).
pub fn load_selected(global: &cli::GlobalArgs) -> anyhow::Result<std::mem::ManuallyDrop<Framework>> {
    let framework = match (&global.data, &global.framework) {
        (Some(dir), _) => {
            // Warnings are lint: `validate` shows them; other commands run on.
            data::load_folder(dir).with_context(|| format!("cannot use data folder {}", dir.display()))?.0
        }
        (None, Some(name)) => data::load_builtin(data::builtin_id(name)?)?,
        (None, None) => data::load_builtin(data::DEFAULT_FRAMEWORK)?,
    };
    Ok(std::mem::ManuallyDrop::new(framework))
}

/// Picks the role: the one named, the only one, or the framework's default.
pub fn select_role<'a>(framework: &'a Framework, role: Option<&str>) -> anyhow::Result<Scope<'a>> {
    let index = match role {
        Some(name) => resolve::resolve_index(&framework.roles, name, "role")?,
        None if framework.roles.len() == 1 => 0,
        None => match framework.default_role {
            Some(index) => index,
            None => {
                let ids: Vec<&str> = framework.roles.iter().map(|r| r.id.as_str()).collect();
                anyhow::bail!(
                    "the framework {} has {} roles; pick one with --role NAME\n  roles: {}",
                    framework.id,
                    ids.len(),
                    ids.join(", ")
                )
            }
        },
    };
    Ok(Scope { framework, role: &framework.roles[index] })
}
