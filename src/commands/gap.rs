//! `gap`: one profile against a level gives a person's report; several, or a team folder, give a
//! people × skills matrix, each person against their own target unless `--to` names one.

use super::Outcome;
use crate::cli::{GapArgs, GlobalArgs};
use crate::profile::{self, People};
use crate::render::RenderOptions;
use crate::report::Target;
use crate::report::gap::GapReport;
use crate::report::team::TeamReport;
use crate::resolve;
use crate::warnings::Warnings;

/// `gap`: the framework is `--data` or `--framework`, else the one the profiles name, else the
/// default. One profile is compared with `--to`, else its own target; a team, each person with
/// `--to` or else their own target (see [`TeamReport`]).
pub fn gap(
    global: &GlobalArgs,
    args: &GapArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    if let Some(review) = &args.review {
        return super::review::review(global, args, review, options, warnings);
    }
    let GapArgs { profiles, team, to, only_gaps, exit_code, sort, .. } = args;
    let People { framework, role: home, people } =
        profile::load_people(&global.selection(), profiles, team.as_deref(), warnings)?;
    // `--to` may name a level of another role (`ROLE/LEVEL`): a move, measured on that role's
    // ladder, with the person still placed on their own.
    let to = to.as_deref().map(|name| resolve::resolve_level(&framework, name, Some(home))).transpose()?;
    if let [person] = people.as_slice()
        && team.is_none()
    {
        let target = Target::alone(&framework, person, to, &person.file)?.at;
        let report = GapReport::build(framework.scope(target), person, target.level, *only_gaps);
        return Outcome::report_gaps(&report, options, *exit_code && report.has_gaps());
    }
    let targets = Target::each(&framework, &people, to)?;
    let report = TeamReport::build(&framework, &people, &targets, *only_gaps, *sort);
    Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
}
