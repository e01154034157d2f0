//! `plan`: one person's development plan towards a level.

use super::Outcome;
use super::gap::{People, load_people, own_target};
use crate::cli::{GlobalArgs, PlanArgs};
use crate::render::RenderOptions;
use crate::report::TargetFrom;
use crate::report::plan::PlanReport;
use crate::resolve;

/// `plan --profile FILE [--to LEVEL]`: the profile is read and checked as `gap` reads it, so the
/// framework is the one it names unless a flag names one. The target is `--to` (looked up as
/// `gap --to` looks it up, `ROLE/LEVEL` included), else the profile's `target:`, else the level
/// above its `level:`.
pub fn plan(global: &GlobalArgs, args: &PlanArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let PlanArgs { profile, to, .. } = args;
    let People { framework, role: home, people, warnings } = load_people(global, std::slice::from_ref(profile), None)?;
    let Some(person) = people.first() else {
        anyhow::bail!("{} holds no profile", profile.display());
    };
    let (target, from) = match to {
        Some(name) => (resolve::resolve_level(&framework, name, Some(home))?, TargetFrom::To),
        None if person.target.is_none() && person.level.is_none() => anyhow::bail!(
            "{} names no `target` and no current `level`, so there is no level to aim for; give the target with \
             --to LEVEL",
            person.file
        ),
        None => {
            let own = own_target(&framework, person)?;
            (own.at, own.from)
        }
    };
    let report = PlanReport::build(&framework, person, target, from);
    Ok(Outcome::report(&report, options)?.with_warnings(warnings))
}
