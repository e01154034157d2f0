//! The commands that write self-assessment profiles: `profile new` and `assess`.

use std::path::{Path, PathBuf};

use super::Outcome;
use super::selected::Selected;
use crate::cli::{AssessArgs, GlobalArgs, NewArgs};
use crate::model::Scope;
use crate::render::RenderOptions;
use crate::warnings::Warnings;
use crate::{assess, profile, resolve, terminal};

/// `profile new`: a template with every skill, at `--level` if given, dated `--date` (today)
/// and rated by `--assessor` (`self`); with `--for`, the skills of that level too; with `--from`,
/// that profile, kept, with what `--for` adds.
pub fn new(
    global: &GlobalArgs,
    args: &NewArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    if let Some(from) = &args.from {
        return extend(global, args, from, options, warnings);
    }
    let selected = Selected::load(global)?;
    let level = args.level.as_deref().map(|l| selected.level(l)).transpose()?;
    let also = args.for_level.as_deref().map(|l| selected.level_at(l)).transpose()?;
    let date = args.date.unwrap_or_else(profile::today);
    let assessor = args.assessor.as_deref().unwrap_or("self");
    let text = profile::template(selected.scope()?, level, date, assessor, &options.invocation, also);
    Ok(Outcome::bytes(text.into_bytes()))
}

/// `profile new --from FILE`: the profile read and checked as `gap` reads it (its framework and
/// role), written again with every field, answer and evidence it has, `--level`, `--date` and
/// `--assessor` over its own, and the skills `--for` rates that it lacks listed to fill in.
fn extend(
    global: &GlobalArgs,
    args: &NewArgs,
    from: &Path,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let people = profile::load_people(&global.selection(), &[from.to_path_buf()], None, warnings)?;
    let framework = &people.framework;
    let Some(mut person) = people.people.into_iter().next() else { anyhow::bail!("cannot read {}", from.display()) };
    let scope = Scope { framework, role: &framework.roles[person.role] };
    let also =
        args.for_level.as_deref().map(|l| resolve::resolve_level(framework, l, Some(person.role))).transpose()?;
    if let Some(level) = &args.level {
        person.level = Some(resolve::resolve_index(&scope.role.levels, level, "level")?);
    }
    person.date = args.date.or(person.date);
    person.assessor = args.assessor.clone().or(person.assessor);
    let text = profile::to_yaml(scope, &person, &options.invocation, also);
    Ok(Outcome::bytes(text.into_bytes()))
}

/// `assess`: questions on stderr, answers from stdin, the profile written to `--out`. Nothing goes
/// to stdout. With `--skill` or `--for`, the framework and role are the profile's, as for `gap`.
pub fn assess(
    global: &GlobalArgs,
    args: &AssessArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    if !args.skills.is_empty() || args.for_level.is_some() {
        return revisit(global, args, options, warnings);
    }
    let selected = Selected::load(global)?;
    let level = args.level.as_deref().map(|l| selected.level(l)).transpose()?;
    run(selected.scope()?, args, level, None, options)
}

/// `assess --skill` and `assess --for`: the profile in `--out` is read and checked first, and
/// picks the framework and role unless the flags do.
fn revisit(
    global: &GlobalArgs,
    args: &AssessArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let out = &args.out;
    assess::require_profile(out, &options.invocation, args.for_level.is_some())?;
    // `-` is a file here, never standard input, which gives the answers.
    let file: PathBuf = if out == Path::new("-") { Path::new(".").join(out) } else { out.clone() };
    let seen = assess::Seen::now(&file);
    let profile::People { framework, people, .. } =
        profile::load_people(&global.selection(), std::slice::from_ref(&file), None, warnings)?;
    // The bytes the answers will be written over, as they were read; see `assess::Seen`.
    let seen = match seen {
        Ok(seen) if !seen.changed(&file) => seen,
        _ => anyhow::bail!("{} was changed while it was read; run the same command again", out.display()),
    };
    let Some(profile) = people.into_iter().next() else { anyhow::bail!("cannot read {}", out.display()) };
    let scope = Scope { framework: &framework, role: &framework.roles[profile.role] };
    let adding = args.for_level.as_deref().map(|l| resolve::resolve_level(scope.framework, l, Some(profile.role)));
    let adding = adding.transpose()?;
    let questions = match adding {
        Some(at) => assess::lacking(scope.framework, &profile, at),
        None => assess::pick(scope, &args.skills)?,
    };
    let level = args.level.as_deref().map(|l| resolve::resolve_index(&scope.role.levels, l, "level")).transpose()?;
    let revisit = assess::Revisit { profile, questions, adding, seen };
    run(scope, args, level, Some(&revisit), options)
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
        date: args.date,
        assessor: args.assessor.as_deref(),
        revisit,
        width,
        invocation: &options.invocation,
    };
    let _armed = assess::interrupt::arm(&assess::draft_path(&args.out, revisit.is_some()), width);
    assess::run(scope, settings, &mut std::io::stdin().lock(), &mut std::io::stderr())?;
    Ok(Outcome::bytes(Vec::new()))
}
