//! The commands that look across roles: `moves` (where a level leads) and `fit` (where a person
//! stands on the whole map).

use super::Outcome;
use super::selected::Selected;
use crate::cli::{FitArgs, GlobalArgs, MovesArgs};
use crate::profile::{self, People};
use crate::render::RenderOptions;
use crate::report;
use crate::warnings::Warnings;

/// `moves LEVEL`: `--role`, when given, is the one role to look at, as well as where a bare level
/// name is looked up first; a level of another role is still found when its name is unique.
pub fn moves(
    selected: &Selected,
    global: &GlobalArgs,
    args: &MovesArgs,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let from = selected.level_at(&args.level)?;
    let only_role = global.role.as_ref().and(selected.role());
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    Outcome::report(&report::moves::MovesReport::build(&selected.framework, from, only_role, limit), options)
}

/// `fit --profile FILE` or `fit --team DIR`: the profiles are read and checked as `gap` reads
/// them, so the framework is the one they name unless a flag names one.
pub fn fit(
    global: &GlobalArgs,
    args: &FitArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let FitArgs { profile, team, limit, .. } = args;
    let profiles: Vec<_> = profile.iter().cloned().collect();
    let People { framework, people, .. } =
        profile::load_people(&global.selection(), &profiles, team.as_deref(), warnings)?;
    let limit = limit.map_or(if team.is_some() { 1 } else { 10 }, |n| usize::try_from(n).unwrap_or(usize::MAX));
    match (team, people.as_slice()) {
        (None, [person]) => Outcome::report(&report::fit::FitReport::build(&framework, person, limit), options),
        _ => Outcome::report(&report::fit::TeamFitReport::build(&framework, &people, limit), options),
    }
}
