//! pm-skills: a career-path explorer for product managers.
//!
//! The flow is one way: arguments → load a framework → resolve names → compute a report (pure) →
//! render it (shared renderers) → write it once. `main.rs` only calls [`main`].

pub mod assess;
pub mod cli;
pub mod commands;
pub mod data;
pub mod import;
pub mod names;
pub mod parallel;
pub mod profile;
pub mod render;
pub mod report;
pub mod schema;
pub mod shell;
pub mod site;
pub mod terminal;
pub mod warnings;
pub mod write;

// The data model and its loader, from their own crate, at the paths the rest of the program uses.
pub use pm_skills_framework::{assemble, diagnostics, model, raw, resolve, source, text, yaml};

use std::io::{IsTerminal, Write};

use cli::{Cli, Command, ImportCommand, ProfileCommand};
use commands::explore;
use commands::selected::{Selected, load_selected};
use render::RenderOptions;
use warnings::Warnings;

pub use commands::Outcome;

/// Parses the command line and runs it; returns the process exit code. A shell asking for
/// completions (`COMPLETE=bash pm-skills -- …`) is answered first, and the process exits.
pub fn main() -> u8 {
    shell::complete_if_asked();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(when) = terminal::color_in_args(&args) {
        terminal::set_color_choice(when);
    }
    match cli::parse(args) {
        Ok(cli) => main_with(&cli),
        Err(e) => {
            let _ = e.print();
            // clap's own rule: 0 for --help and --version, 2 for usage errors.
            u8::try_from(e.exit_code()).unwrap_or(2)
        }
    }
}

/// Runs a parsed command line and returns the exit code. Output is written once, after the report
/// is rendered in full, so a failure never leaves half a report on stdout (or any file at `--out`);
/// warnings follow it on stderr.
pub fn main_with(cli: &Cli) -> u8 {
    let stdout = std::io::stdout();
    let output = cli.command.output().cloned().unwrap_or_default();
    let file = output.file();
    let to_terminal = file.is_none() && stdout.is_terminal();
    if let Err(e) = cli::check_destination(cli, to_terminal) {
        let _ = e.print();
        return 2;
    }
    let warnings = Warnings::default();
    // What the run would write over is refused before any work, as it would be at the end.
    if let Err(e) = check_writes(cli, &warnings) {
        report_warnings(&warnings.take());
        return report_error(&e);
    }
    let options = terminal::render_options(&cli.global, to_terminal);
    match run(cli, &options, &warnings) {
        Ok(outcome) => {
            let written = deliver(&outcome.output, file, output.force);
            report_warnings(&warnings.take());
            match written {
                Ok(true) => outcome.status,
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Ok(false) => 0,
                Err(e) => report_error(&e),
            }
        }
        Err(err) => {
            // What the run found on the way, before what stopped it.
            report_warnings(&warnings.take());
            report_error(&err)
        }
    }
}

/// Refuses, before any work, a write that would land on what the run reads (the one rule,
/// `write::refuse_overlap`; `site` and `import` apply it with their own checks) and a report's
/// `--out` that cannot take the report; puts back an output folder that a stopped run left aside
/// (`write::recover`), saying so.
fn check_writes(cli: &Cli, warnings: &Warnings) -> anyhow::Result<()> {
    if let Some(path) = cli.file_out() {
        write::refuse_overlap(path, false, &cli.inputs())?;
    }
    if let Some(output) = cli.command.output()
        && let Some(path) = output.file()
    {
        write::check_file(path, output.force)?;
    }
    if let Some(folder) = cli.folder_out() {
        warnings.extend(write::recover(folder)?);
    }
    Ok(())
}

/// Writes the output to the `--out` file (atomically) or to stdout; `Ok(false)` when stdout's
/// reader closed the pipe.
fn deliver(bytes: &[u8], file: Option<&std::path::Path>, force: bool) -> anyhow::Result<bool> {
    if let Some(path) = file {
        return write::write_atomic(path, bytes, force).map(|()| true);
    }
    let mut lock = std::io::stdout().lock();
    match lock.write_all(bytes).and_then(|()| lock.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write to standard output")),
    }
}

/// Each warning on one line of its own: a line break in a name cannot start a forged line.
fn report_warnings(warnings: &[String]) {
    let text: String = warnings.iter().map(|w| format!("warning: {}\n", text::sanitize(w, false))).collect();
    if !text.is_empty() {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}

fn report_error(err: &anyhow::Error) -> u8 {
    let text = format!("error: {err:#}\n");
    let _ = std::io::stderr().write_all(text::sanitize(&text, true).as_bytes());
    1
}

/// Computes and renders the answer to one command: picks the function in [`commands`] (or the
/// shell and schema modules) that does it.
pub fn run(cli: &Cli, options: &RenderOptions, warnings: &Warnings) -> anyhow::Result<Outcome> {
    let global = &cli.global;
    let selected = || Selected::load(global);
    match &cli.command {
        Command::Levels(_) => explore::levels(&selected()?, options),
        Command::Show(args) => explore::show(&selected()?, &args.level, options),
        Command::Ladder(_) => explore::ladder(&selected()?, options),
        Command::Skills(args) => explore::skills(&selected()?, args.skill.as_deref(), options),
        Command::SoftSkills(args) => explore::soft_skills(&load_selected(global)?, args.name.as_deref(), options),
        Command::About(_) => explore::about(&selected()?, options),
        Command::Diff(args) => explore::diff(&selected()?, args, options),
        Command::Frameworks(_) => explore::frameworks(options),
        Command::Gap(args) => commands::gap::gap(global, args, options, warnings),
        Command::Plan(args) => commands::plan::plan(global, args, options, warnings),
        Command::Progress(args) => commands::progress::progress(global, args, options, warnings),
        Command::Moves(args) => commands::moves::moves(&selected()?, global, args, options),
        Command::Fit(args) => commands::fit::fit(global, args, options, warnings),
        Command::Site(args) => commands::site::run(global, args, options),
        Command::Profile(ProfileCommand::New(args)) => commands::profiles::new(global, args, options, warnings),
        Command::Assess(args) => commands::profiles::assess(global, args, options, warnings),
        Command::Validate(args) => commands::validate::run(global, args, options),
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
    }
}
