//! pm-skills: a career-path explorer for product managers.
//!
//! The flow is one way: arguments → load a framework → resolve names → compute a report (pure) →
//! render it (shared renderers) → write it once. `main.rs` only calls [`main`].

pub mod assess;
pub mod cli;
pub mod commands;
pub mod data;
pub mod import;
pub mod mcp;
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

use cli::Cli;
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
    if let cli::Command::Mcp(args) = &cli.command {
        return mcp::serve(&cli.global, args, run_in_memory);
    }
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
    match commands::run(cli, &options, &warnings) {
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

/// Runs a parsed command in memory, as the MCP server's tools do: its output or its error, and its
/// warnings. Nothing is written: the tools never ask for a file.
fn run_in_memory(cli: &Cli) -> mcp::Answer {
    let warnings = Warnings::default();
    let options = render::RenderOptions { answer_line: true, ..terminal::render_options(&cli.global, false) };
    let result = commands::run(cli, &options, &warnings).map_err(|e| format!("{e:#}"));
    let (result, answer_line) = match result {
        Ok(outcome) => (Ok(outcome.output), outcome.answer_line),
        Err(why) => (Err(why), None),
    };
    mcp::Answer { result, answer_line, warnings: warnings.take() }
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
