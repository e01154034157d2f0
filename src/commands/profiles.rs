//! The commands that write self-assessment profiles: `profile new` and `assess`.

use std::io::Write as _;

use super::Outcome;
use super::selected::Selected;
use crate::cli::AssessArgs;
use crate::render::RenderOptions;
use crate::{assess, profile, terminal};

/// `profile new`: a template with every skill, at `--level` if given.
pub fn new(selected: &Selected, level: Option<&str>, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let level = level.map(|l| selected.level(l)).transpose()?;
    Ok(Outcome::bytes(profile::template(selected.scope()?, level, &options.invocation).into_bytes()))
}

/// `assess`: questions on stderr, answers from stdin, the profile written to `--out`. Nothing goes
/// to stdout.
pub fn assess(selected: &Selected, args: &AssessArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let AssessArgs { out, level, force, restart } = args;
    let level = level.as_deref().map(|l| selected.level(l)).transpose()?;
    let settings = assess::Settings {
        out,
        force: *force,
        restart: *restart,
        level,
        width: terminal::stderr_width(),
        invocation: &options.invocation,
    };
    let _armed = assess::interrupt::arm(&assess::draft_path(out));
    let mut stderr = std::io::stderr();
    let finish = assess::run(selected.scope()?, settings, &mut std::io::stdin().lock(), &mut stderr)?;
    if let assess::Finish::Paused { answered, of } = finish {
        let _ = writeln!(
            stderr,
            "\nStopped after {answered} of {of}; answers kept in {}. Run the same command to resume.",
            assess::draft_path(out).display()
        );
    }
    Ok(Outcome::bytes(Vec::new()))
}
