//! `plan`: one person's development plan towards a level.

use super::Outcome;
use crate::cli::{GlobalArgs, PlanArgs};
use crate::profile::{self, People};
use crate::render::RenderOptions;
use crate::report::Target;
use crate::report::plan::PlanReport;
use crate::resolve;
use crate::warnings::Warnings;

/// `plan --profile FILE [--to LEVEL]`: the profile is read and checked as `gap` reads it, so the
/// framework is the one it names unless a flag names one. The target is `--to` (looked up as
/// `gap --to` looks it up, `ROLE/LEVEL` included), else the profile's `target:`, else the level
/// above its `level:`.
pub fn plan(
    global: &GlobalArgs,
    args: &PlanArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let PlanArgs { profile, to, .. } = args;
    let People { framework, role: home, people } =
        profile::load_people(&global.selection(), std::slice::from_ref(profile), None, warnings)?;
    let Some(person) = people.first() else {
        anyhow::bail!("{} holds no profile", profile.display());
    };
    let to = to.as_deref().map(|name| resolve::resolve_level(&framework, name, Some(home))).transpose()?;
    let target = Target::alone(&framework, person, to, &person.file)?;
    let report = PlanReport::build(&framework, person, target.at, target.from);
    Outcome::report(&report, options)
}
