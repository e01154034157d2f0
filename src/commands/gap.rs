//! `gap`: one profile against a level gives a person's report; several, or a team folder, give a
//! people × skills matrix.

use std::path::{Path, PathBuf};

use super::Outcome;
use super::selected::select_role;
use crate::cli::GapArgs;
use crate::model::Scope;
use crate::model::{Framework, Profile};
use crate::render::RenderOptions;
use crate::{parallel, profile, report, resolve};

/// `gap`: the role is `--role`, else the first profile's, else the framework's default.
pub fn gap(
    framework: &Framework,
    role: Option<&str>,
    args: &GapArgs,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let GapArgs { profiles, team, to, only_gaps, exit_code } = args;
    let stdin_given = profiles.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_given > 1 {
        anyhow::bail!("standard input can be read once, but `-` is given {stdin_given} times");
    }
    // (path, the team folder it was found in): a file of a team folder may not link out of it.
    let mut paths: Vec<(PathBuf, Option<&Path>)> = profiles.iter().map(|p| (p.clone(), None)).collect();
    if let Some(dir) = team {
        paths.extend(profile::team_files(dir)?.into_iter().map(|p| (p, Some(dir.as_path()))));
    }
    let total = paths.len();
    // The first profile is read on its own (it may be standard input, and it may name the role);
    // the rest are read, parsed and checked in parallel. Every bad profile is named: when the
    // first cannot be read, the rest are checked against `--role` or the default role.
    let mut paths = paths.into_iter();
    let first = paths.next().map(|(p, folder)| profile::read_in(folder, &p));
    let named_role = first.as_ref().and_then(|f| f.as_ref().ok()).and_then(|f| f.raw.role.as_deref());
    let scope = select_role(framework, role.or(named_role))?;
    let lookup = profile::SkillLookup::new(framework);
    let mut results = Vec::with_capacity(total);
    if let Some(first) = first {
        results.push(first.and_then(|raw| profile::check(raw, scope, &lookup).map_err(anyhow::Error::from)));
    }
    results.extend(read_team(paths.collect(), scope, &lookup));
    let people = every_profile_or_errors(results)?;
    let target = match to {
        Some(name) => resolve::resolve_index(&scope.role.levels, name, "level")?,
        None => default_target(scope, &people)?,
    };
    if let [person] = people.as_slice()
        && team.is_none()
    {
        let report = report::gap::GapReport::build(scope, person, target, *only_gaps);
        return Outcome::report_gaps(&report, options, *exit_code && report.has_gaps());
    }
    let report = report::gap::TeamReport::build(scope, &people, target, *only_gaps);
    Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
}

/// Reads and checks profiles in parallel, in the order given.
fn read_team(
    paths: Vec<(PathBuf, Option<&Path>)>,
    scope: Scope,
    lookup: &profile::SkillLookup,
) -> Vec<anyhow::Result<Profile>> {
    let read = |(path, folder): (PathBuf, Option<&Path>)| {
        profile::read_in(folder, &path).and_then(|raw| profile::check(raw, scope, lookup).map_err(anyhow::Error::from))
    };
    parallel::map(paths, read)
}

/// How many refused profiles one error names before it says how many more there are.
const MAX_NAMED: usize = 100;

/// The profiles, or one error that names every profile refused (the first [`MAX_NAMED`] in full).
fn every_profile_or_errors(results: Vec<anyhow::Result<Profile>>) -> anyhow::Result<Vec<Profile>> {
    let total = results.len();
    let mut people = Vec::with_capacity(total);
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(person) => people.push(person),
            Err(e) => errors.push(e),
        }
    }
    match errors.len() {
        0 => Ok(people),
        1 => Err(errors.remove(0)),
        refused => {
            let mut text = format!("{refused} of {total} profiles were refused:");
            for e in errors.iter().take(MAX_NAMED) {
                text.push_str(&format!("\n{e:#}"));
            }
            if refused > MAX_NAMED {
                text.push_str(&format!("\n… and {} more profiles refused", refused - MAX_NAMED));
            }
            Err(anyhow::anyhow!(text))
        }
    }
}

/// Without `--to`, the level above the profiles' current level, which must be one and the same.
fn default_target(scope: Scope, people: &[Profile]) -> anyhow::Result<usize> {
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
