//! `route`: the cheapest way from a level, or from a person, to another level.

use super::Outcome;
use super::selected::Selected;
use crate::cli::{GlobalArgs, RouteArgs};
use crate::model::{Framework, LevelAt};
use crate::profile::{self, People};
use crate::render::RenderOptions;
use crate::report::route::{ROUTES_SHOWN, RouteReport};
use crate::report::route_search::{NoRoute, Query, Start, search};
use crate::resolve;
use crate::text::plural;
use crate::warnings::Warnings;

/// `route FROM TO`, or `route --profile FILE TO`: the levels are named as everywhere (a bare name
/// in the selected role first); a profile is read and checked as `gap` reads it, so the framework
/// is the one it names unless a flag names one, and the route starts at its `level:`.
pub fn route(
    global: &GlobalArgs,
    args: &RouteArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let max_moves = usize::try_from(args.max_steps).unwrap_or(usize::MAX);
    // Without --profile, `cli::parse` holds that both levels are given; with it, FROM alone, which
    // names the level to aim for.
    let Some(file) = &args.profile else {
        let selected = Selected::load(global)?;
        let from = selected.level_at(&args.from)?;
        let to = selected.level_at(args.to.as_deref().unwrap_or_default())?;
        let framework = &selected.framework;
        if from == to {
            anyhow::bail!(
                "FROM and TO are the same level, {}; give the level to aim for as TO",
                framework.level(from).name
            );
        }
        return run(framework, Start::Level(from), to, args, max_moves, options);
    };
    let People { framework, role: home, people } =
        profile::load_people(&global.selection(), std::slice::from_ref(file), None, warnings)?;
    let Some(person) = people.first() else {
        anyhow::bail!("{} holds no profile", file.display());
    };
    let to = resolve::resolve_level(&framework, &args.from, Some(home))?;
    let Some(level) = person.level else {
        anyhow::bail!(
            "{} names no current `level`, so a route has nowhere to start; add `level:` to it (fit --profile shows \
             where it fits)",
            person.file
        );
    };
    let from = LevelAt { role: person.role, level };
    if from == to {
        anyhow::bail!(
            "{} is already at {}; gap --profile {} --to {} shows what it still asks",
            person.file,
            framework.level(to).name,
            crate::text::shell_word(&person.file),
            framework.qualified(to)
        );
    }
    run(&framework, Start::Person(person, from), to, args, max_moves, options)
}

/// Searches and renders the routes, or says why there is none.
fn run(
    framework: &Framework,
    start: Start,
    to: LevelAt,
    args: &RouteArgs,
    max_moves: usize,
    options: &RenderOptions,
) -> anyhow::Result<Outcome> {
    let via = args.via.as_deref().map(|name| resolve::resolve_index(&framework.roles, name, "role")).transpose()?;
    let query = Query { start, to, via, max_moves };
    let found = search(framework, &query, ROUTES_SHOWN).map_err(|why| no_route(framework, &query, why))?;
    let person = match start {
        Start::Person(person, _) => Some(person),
        Start::Level(_) => None,
    };
    Outcome::report(&RouteReport::build(framework, person, &found, to, via, max_moves), options)
}

/// Why there is no route, in words: too few moves allowed (and how many it takes), or none leads
/// there at all.
fn no_route(framework: &Framework, query: &Query, why: NoRoute) -> anyhow::Error {
    let name = |at: LevelAt| format!("{} ({})", framework.level(at).name, framework.roles[at.role].name);
    let (from, to) = (name(query.start.at()), name(query.to));
    let through = query.via.map(|role| format!(" through {}", framework.roles[role].name)).unwrap_or_default();
    match why {
        NoRoute::TooFar(fewest) => anyhow::anyhow!(
            "no route from {from} to {to}{through} within {}: the fewest it takes is {fewest}; allow them with \
             --max-steps {fewest}",
            plural(query.max_moves, "move", "moves")
        ),
        NoRoute::Unreachable => anyhow::anyhow!(
            "no route leads from {from} to {to}{through}: a move goes up to the next level of its role, or across to \
             another role's level nearest in seniority, and no sequence of them reaches it; diff {} {} compares the \
             two levels",
            framework.qualified(query.start.at()),
            framework.qualified(query.to)
        ),
    }
}
