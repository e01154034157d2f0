//! What each command does, between the parsed command line and the bytes for stdout: pick the
//! framework and role, build the report, render it. [`run`] picks the command; `lib.rs` calls it
//! and writes what it returns.

pub mod explore;
pub mod fit;
pub mod gap;
pub mod moves;
pub mod plan;
pub mod profiles;
pub mod progress;
pub mod progress_team;
pub mod review;
pub mod route;
pub mod selected;
pub mod site;
pub mod validate;

use crate::cli::{self, Cli, Command, ImportCommand, ProfileCommand};
use crate::render::{self, RenderOptions, Report};
use crate::warnings::Warnings;
use crate::{import, report, schema, shell};
use selected::{Selected, load_selected};

/// What a successful run produced: the bytes for stdout and the exit status. Its warnings were
/// said to the run's [`crate::warnings::Warnings`] on the way.
#[derive(Debug)]
pub struct Outcome {
    pub output: Vec<u8>,
    /// 0, or 3 when `--exit-code` found gaps.
    pub status: u8,
    /// The report's answer in a line, when [`RenderOptions::answer_line`] asks for it.
    pub answer_line: Option<String>,
}

impl Outcome {
    /// Output that is already bytes (a script, a schema), with status 0.
    pub fn bytes(output: Vec<u8>) -> Self {
        Outcome { output, status: 0, answer_line: None }
    }

    /// A report rendered in the chosen format, with status 0.
    pub fn report<R: Report>(report: &R, options: &RenderOptions) -> anyhow::Result<Self> {
        Self::report_gaps(report, options, false)
    }

    /// A report rendered in the chosen format, with status 3 when `gaps` (`--exit-code` found
    /// something to grow).
    pub fn report_gaps<R: Report>(report: &R, options: &RenderOptions, gaps: bool) -> anyhow::Result<Self> {
        let answer_line = if options.answer_line { render::answer_line(report) } else { None };
        Ok(Outcome {
            status: if gaps { 3 } else { 0 },
            answer_line,
            ..Outcome::bytes(render::render(report, options)?)
        })
    }
}

/// Computes and renders the answer to one command. A command whose work is one line (build a
/// report, render it) is that line, here; a longer one is a function in a module of its own.
pub fn run(cli: &Cli, options: &RenderOptions, warnings: &Warnings) -> anyhow::Result<Outcome> {
    let global = &cli.global;
    let selected = || Selected::load(global);
    match &cli.command {
        Command::Levels(_) => Outcome::report(&report::levels::LevelsReport::build(selected()?.scope()?), options),
        Command::Show(args) => explore::show(&selected()?, &args.level, options),
        Command::Ladder(_) => Outcome::report(&report::ladder::LadderReport::build(selected()?.scope()?), options),
        Command::Skills(args) => explore::skills(&selected()?, args.skill.as_deref(), options),
        Command::SoftSkills(args) => explore::soft_skills(&load_selected(global)?, args.name.as_deref(), options),
        Command::About(_) => Outcome::report(&report::about::AboutReport::build(selected()?.scope()?), options),
        Command::Diff(args) => explore::diff(&selected()?, args, options),
        Command::Frameworks(_) => explore::frameworks(options),
        Command::Gap(args) => gap::gap(global, args, options, warnings),
        Command::Plan(args) => plan::plan(global, args, options, warnings),
        Command::Progress(args) if args.team.is_some() => progress_team::progress_team(global, args, options, warnings),
        Command::Progress(args) => progress::progress(global, args, options, warnings),
        Command::Moves(args) => moves::moves(&selected()?, global, args, options),
        Command::Route(args) => route::route(global, args, options, warnings),
        Command::Fit(args) => fit::fit(global, args, options, warnings),
        Command::Site(args) => site::run(global, args, options),
        Command::Profile(ProfileCommand::New(args)) => profiles::new(global, args, options, warnings),
        Command::Assess(args) => profiles::assess(global, args, options, warnings),
        Command::Validate(args) => validate::run(global, args, options),
        Command::Import(ImportCommand::DdatCsv(args)) => {
            // `--role` is a common option; for `import` it picks the one role to import, and the
            // hints name the new folder themselves.
            let args = cli::ImportDdatCsv { role: global.role.clone(), ..args.clone() };
            let options = RenderOptions { invocation: String::new(), ..options.clone() };
            Outcome::report(&import::ddat_csv::run(&args)?, &options)
        }
        Command::Import(ImportCommand::FtProgression(args)) => {
            let options = RenderOptions { invocation: String::new(), ..options.clone() };
            Outcome::report(&import::ft_progression::run(args)?, &options)
        }
        Command::Import(ImportCommand::Matrix(args)) => {
            // `--role` names the one role the file describes.
            let args = cli::ImportMatrix { role: global.role.clone(), ..args.clone() };
            let options = RenderOptions { invocation: String::new(), ..options.clone() };
            Outcome::report(&import::matrix::run(&args)?, &options)
        }
        Command::Schema => Ok(Outcome::bytes(schema::JSON_SCHEMA.as_bytes().to_vec())),
        Command::Completions(args) => Ok(Outcome::bytes(shell::completions(args.shell))),
        Command::Man => Ok(Outcome::bytes(shell::man_page()?)),
        // `lib` starts the server; a tool never asks for another.
        Command::Mcp(_) => anyhow::bail!("the server is started by `pm-skills mcp` alone"),
    }
}
