//! `gap`: one profile against a level gives a person's report; several, or a team folder, give a
//! people × skills matrix.

use std::path::PathBuf;

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
    let mut paths = profiles.clone();
    if let Some(dir) = team {
        paths.extend(profile::team_files(dir)?);
    }
    // The first profile is read on its own (it may be standard input, and it may name the role);
    // the rest are read, parsed and checked in parallel.
    let mut paths = paths.into_iter();
    let first = paths.next().map(|p| profile::read(&p)).transpose()?;
    let scope = select_role(framework, role.or(first.as_ref().and_then(|f| f.raw.role.as_deref())))?;
    let lookup = profile::SkillLookup::new(framework);
    let mut people = Vec::with_capacity(paths.len() + 1);
    if let Some(first) = first {
        people.push(profile::check(first, scope, &lookup)?);
    }
    people.extend(read_team(paths.collect(), scope, &lookup)?);
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
fn read_team(paths: Vec<PathBuf>, scope: Scope, lookup: &profile::SkillLookup) -> anyhow::Result<Vec<Profile>> {
    let read = |path: PathBuf| {
        profile::read(&path).and_then(|raw| profile::check(raw, scope, lookup).map_err(anyhow::Error::from))
    };
    parallel::map(paths, read).into_iter().collect()
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
