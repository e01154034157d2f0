//! The commands that write self-assessment profiles: `profile new` and `assess`.

use std::path::{Path, PathBuf};

use super::Outcome;
use super::selected::Selected;
use crate::cli::{AssessArgs, GlobalArgs, NewArgs};
use crate::model::Scope;
use crate::render::RenderOptions;
use crate::{assess, profile, terminal};

/// `profile new`: a template with every skill, at `--level` if given, dated `--date` (today)
/// and rated by `--assessor` (`self`).
pub fn new(selected: &Selected, args: &NewArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let level = args.level.as_deref().map(|l| selected.level(l)).transpose()?;
    let date = args.date.clone().unwrap_or_else(profile::today);
    let assessor = args.assessor.as_deref().unwrap_or("self");
    let text = profile::template(selected.scope()?, level, &date, assessor, &options.invocation);
    Ok(Outcome::bytes(text.into_bytes()))
}

/// `assess`: questions on stderr, answers from stdin, the profile written to `--out`. Nothing goes
/// to stdout. With `--skill`, the framework and role are the profile's, as for `gap`.
pub fn assess(global: &GlobalArgs, args: &AssessArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    if !args.skills.is_empty() {
        return revisit(global, args, options);
    }
    let selected = Selected::load(global)?;
    let level = args.level.as_deref().map(|l| selected.level(l)).transpose()?;
    run(selected.scope()?, args, level, None, options)
}

/// `assess --skill`: the profile in `--out` is read and checked first, and picks the framework
/// and role unless the flags do.
fn revisit(global: &GlobalArgs, args: &AssessArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let out = &args.out;
    assess::require_profile(out, &options.invocation)?;
    // `-` is a file here, never standard input, which gives the answers.
    let file: PathBuf = if out == Path::new("-") { Path::new(".").join(out) } else { out.clone() };
    let super::gap::People { framework, role, people, warnings } = super::gap::load_people(global, &[file], None)?;
    let scope = Scope { framework: &framework, role: &framework.roles[role] };
    let Some(profile) = people.into_iter().next() else { anyhow::bail!("cannot read {}", out.display()) };
    let questions = assess::pick(scope, &args.skills)?;
    let level =
        args.level.as_deref().map(|l| crate::resolve::resolve_index(&scope.role.levels, l, "level")).transpose()?;
    let revisit = assess::Revisit { profile, questions };
    match run(scope, args, level, Some(&revisit), options) {
        Ok(outcome) => Ok(outcome.with_warnings(warnings)),
        Err(e) => Err(super::warned(e, warnings)),
    }
}

fn run(
    scope: Scope,
    args: &AssessArgs,
    level: Option<usize>,
    revisit: Option<&assess::Revisit>,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let width = terminal::stderr_width();
    let settings = assess::Settings {
        out: &args.out,
        force: args.force,
        restart: args.restart,
        level,
        date: args.date.as_deref(),
        assessor: args.assessor.as_deref(),
        revisit,
        width,
        invocation: &options.invocation,
    };
    let _armed = assess::interrupt::arm(&assess::draft_path(&args.out, revisit.is_some()), width);
    assess::run(scope, settings, &mut std::io::stdin().lock(), &mut std::io::stderr())?;
    Ok(Outcome::bytes(Vec::new()))
}
