//! `fit`: where a person, or each person of a team, stands on the whole map of levels.

use super::Outcome;
use crate::cli::{FitArgs, GlobalArgs};
use crate::profile::{self, People};
use crate::render::RenderOptions;
use crate::report;
use crate::warnings::Warnings;

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
