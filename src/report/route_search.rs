//! The search behind `pm-skills route`: the cheapest way from a level, or from a person at their
//! level, to another level over the whole framework, by the moves `moves` lists: up one's own
//! ladder ([`moves::next_up`]), or across to another role's level nearest in seniority
//! ([`moves::across`]).
//!
//! What a route costs is one rule, [`Cost::of`]: the steps to grow over the whole route, then the
//! fewest moves, then the fewest moves out of the role family, then the framework's order. The
//! search is exact: it works back from the target, keeping for each level the cheapest way on in
//! at most so many moves (a route never comes back to its start and ends where it first reaches
//! the target), then tries every first move; the cheapest route of each first move is an
//! alternative, so two routes shown never begin alike.

use serde::Serialize;

use super::moves;
use super::rules::{self, Seniorities, Tally};
use crate::model::{Framework, LevelAt, Profile};

/// Which way a move goes: up one's own ladder, or across to another role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "lowercase")]
pub enum Kind {
    /// The next level of the same role.
    Up,
    /// Another role's level nearest in seniority.
    Across,
}

impl Kind {
    /// The word JSON, CSV and tables use.
    pub fn word(self) -> &'static str {
        self.into()
    }
}

/// One move of a route and what it asks to grow, as the route cost counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leg {
    pub from: LevelAt,
    pub to: LevelAt,
    /// Scale steps to climb: from a level, what `diff` counts (a new skill at its whole rank);
    /// from a person, what `gap` counts (the gaps of the skills they assessed).
    pub steps: i64,
    /// Skills only `to` expects, from a level; 0 from a person, whose skills are assessed or not.
    pub new_skills: usize,
    /// Skills `to` rates that the person has not assessed: unknown, so never a gap of known size
    /// and not in `steps` (the gap rule, [`rules::Standing`]). 0 from a level.
    pub unassessed: usize,
    /// The move stays in the family: up one's own ladder, or across to a role of the same family.
    pub same_family: bool,
    /// Measured from a person's own ratings rather than from the expectations of `from`.
    pub from_profile: bool,
}

impl Leg {
    /// The move from level `from` to level `to`, measured as `moves` measures it.
    pub fn between(framework: &Framework, from: LevelAt, to: LevelAt) -> Leg {
        let (steps, new_skills) = moves::growth(framework, from, to);
        let same_family = rules::same_family(framework, from.role, to.role);
        Leg { from, to, steps, new_skills, unassessed: 0, same_family, from_profile: false }
    }

    /// The first move of a person standing at `from`, to `to`, measured from their own ratings
    /// as `gap --to` counts them.
    pub fn from_person(framework: &Framework, person: &Profile, from: LevelAt, to: LevelAt) -> Leg {
        let tally = Tally::of(framework, to, |skill| person.assessment(skill).map(|a| a.proficiency));
        let same_family = rules::same_family(framework, from.role, to.role);
        Leg {
            from,
            to,
            steps: tally.steps,
            new_skills: 0,
            unassessed: tally.unassessed,
            same_family,
            from_profile: true,
        }
    }

    /// Up, to the next level of the same role, or across to another role.
    pub fn kind(&self) -> Kind {
        if self.to.role == self.from.role { Kind::Up } else { Kind::Across }
    }
}

/// The route cost rule, written once ([`Cost::of`]). Routes compare by the fields in order: the
/// steps to grow over the whole route (each move's [`Leg::steps`]); then the fewer moves; then the
/// fewer moves out of the role family; then the levels reached, move by move, in the framework's
/// order (its roles as listed, each ladder from the bottom), so that every tie is settled the
/// same way on every run.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cost {
    /// Scale steps to climb over the route.
    pub steps: i64,
    /// How many moves the route makes.
    pub moves: usize,
    /// How many of them leave the family ([`Leg::same_family`] false).
    pub other_family: usize,
    /// The level each move reaches, in order.
    pub path: Vec<LevelAt>,
}

impl Cost {
    /// The cost of a route, its moves in order: every part adds up move by move, so the cost of a
    /// move and then a route is the sum of the two ([`Cost::before`]).
    pub fn of(legs: &[Leg]) -> Cost {
        let mut cost = Cost::default();
        for leg in legs {
            cost.steps += leg.steps;
            cost.moves += 1;
            cost.other_family += usize::from(!leg.same_family);
            cost.path.push(leg.to);
        }
        cost
    }

    /// The cost of `leg` and then a route that costs `rest`: [`Cost::of`] of the whole.
    fn before(leg: &Leg, rest: &Cost) -> Cost {
        let mut cost = Cost::of(std::slice::from_ref(leg));
        cost.steps += rest.steps;
        cost.moves += rest.moves;
        cost.other_family += rest.other_family;
        cost.path.extend_from_slice(&rest.path);
        cost
    }
}

/// Where a route starts: a level, or a person at their level, whose first move is measured from
/// their own ratings.
#[derive(Debug, Clone, Copy)]
pub enum Start<'a> {
    Level(LevelAt),
    Person(&'a Profile, LevelAt),
}

impl Start<'_> {
    /// The level the route starts at: the person's own, for a person.
    pub fn at(&self) -> LevelAt {
        match *self {
            Start::Level(at) | Start::Person(_, at) => at,
        }
    }

    /// The first move, to `to`.
    fn leg(&self, framework: &Framework, to: LevelAt) -> Leg {
        match *self {
            Start::Level(from) => Leg::between(framework, from, to),
            Start::Person(person, from) => Leg::from_person(framework, person, from, to),
        }
    }
}

/// What a route must do: where it starts and ends, a role it must pass through, and how many
/// moves it may make.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub start: Start<'a>,
    pub to: LevelAt,
    /// The route must move to a level of this role on its way (the target counts).
    pub via: Option<usize>,
    /// At most this many moves, at least 1.
    pub max_moves: usize,
}

/// Why there is no route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoRoute {
    /// No sequence of moves, however long, reaches the target (through `via`).
    Unreachable,
    /// The fewest moves that reach it, more than the query allows.
    TooFar(usize),
}

/// A route found: its moves in order, and what it costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub legs: Vec<Leg>,
    pub cost: Cost,
}

/// Every level of a framework as a number, and the moves from each, as `moves` lists them.
pub struct Graph<'a> {
    framework: &'a Framework,
    seniorities: Seniorities,
    roles: Vec<usize>,
    /// The number of each role's first level.
    offsets: Vec<usize>,
    levels: Vec<LevelAt>,
}

impl<'a> Graph<'a> {
    /// The levels of `framework`, in its order, and what the moves from them need.
    pub fn new(framework: &'a Framework) -> Self {
        let mut offsets = Vec::with_capacity(framework.roles.len());
        let mut levels = Vec::new();
        for (role, r) in framework.roles.iter().enumerate() {
            offsets.push(levels.len());
            levels.extend((0..r.levels.len()).map(|level| LevelAt { role, level }));
        }
        let roles = (0..framework.roles.len()).collect();
        Graph { framework, seniorities: Seniorities::of(framework), roles, offsets, levels }
    }

    fn node(&self, at: LevelAt) -> usize {
        self.offsets[at.role] + at.level
    }

    /// The levels one move from `from` reaches, as `moves` lists them: up, then across in the
    /// framework's order of roles.
    pub fn moves_from(&self, from: LevelAt) -> Vec<LevelAt> {
        let mut to: Vec<LevelAt> = moves::next_up(self.framework, from).into_iter().collect();
        to.extend(moves::across(&self.seniorities, from, &self.roles));
        to
    }

    /// The moves from every level, measured, by node; a route never moves back to `start`.
    fn legs(&self, start: LevelAt) -> Vec<Vec<Leg>> {
        let legs_from = |&from: &LevelAt| -> Vec<Leg> {
            let to = self.moves_from(from).into_iter().filter(|&to| to != start);
            to.map(|to| Leg::between(self.framework, from, to)).collect()
        };
        self.levels.iter().map(legs_from).collect()
    }
}

/// The cheapest route of each first move, cheapest first, at most `keep` of them; or why there is
/// none. The best route of all is the first.
pub fn search(framework: &Framework, query: &Query, keep: usize) -> Result<Vec<Found>, NoRoute> {
    let graph = Graph::new(framework);
    let from = query.start.at();
    let legs = graph.legs(from);
    let (start, target) = (graph.node(from), graph.node(query.to));
    // Without `via`, every route has passed it: one state per level, not two.
    let states: &[bool] = if query.via.is_some() { &[false, true] } else { &[true] };
    // `ahead[v][s]`: the cheapest way on from level `v` to the target in at most so many moves,
    // where `s` says whether the route has passed through `via` already (`v` included).
    let mut ahead: Vec<[Option<Cost>; 2]> = vec![[None, None]; graph.levels.len()];
    ahead[target] = [None, Some(Cost::default())];
    for _ in 1..query.max_moves {
        let mut next = ahead.clone();
        for (v, out) in legs.iter().enumerate().filter(|&(v, _)| v != target && v != start) {
            for leg in out {
                let w = graph.node(leg.to);
                for &passed in states {
                    let Some(rest) = &ahead[w][usize::from(passed || passes(query, leg.to))] else { continue };
                    let cost = Cost::before(leg, rest);
                    let best = &mut next[v][usize::from(passed)];
                    if best.as_ref().is_none_or(|b| cost < *b) {
                        *best = Some(cost);
                    }
                }
            }
        }
        ahead = next;
    }
    let mut found: Vec<Found> = graph
        .moves_from(from)
        .into_iter()
        .filter_map(|to| {
            let first = query.start.leg(framework, to);
            let rest = ahead[graph.node(to)][usize::from(passes(query, to))].as_ref()?;
            let cost = Cost::before(&first, rest);
            let mut route = vec![first];
            route.extend(cost.path.windows(2).map(|w| Leg::between(framework, w[0], w[1])));
            Some(Found { legs: route, cost })
        })
        .collect();
    if found.is_empty() {
        return Err(fewest_moves(&graph, &legs, query).map_or(NoRoute::Unreachable, NoRoute::TooFar));
    }
    found.sort_by(|a, b| a.cost.cmp(&b.cost));
    found.truncate(keep);
    Ok(found)
}

/// Whether reaching `at` passes through the role the route must pass through; always, when it
/// need not pass through any.
fn passes(query: &Query, at: LevelAt) -> bool {
    query.via.is_none_or(|role| role == at.role)
}

/// The fewest moves from the start to the target (through `via`) with no limit on their number,
/// by a breadth-first walk; `None` when no route reaches it.
fn fewest_moves(graph: &Graph, legs: &[Vec<Leg>], query: &Query) -> Option<usize> {
    let (start, target) = (graph.node(query.start.at()), graph.node(query.to));
    let mut seen = vec![[false; 2]; graph.levels.len()];
    let mut frontier: Vec<(usize, bool)> = Vec::new();
    for to in graph.moves_from(query.start.at()) {
        frontier.push((graph.node(to), passes(query, to)));
    }
    for moves in 1.. {
        frontier.retain(|&(v, s)| !std::mem::replace(&mut seen[v][usize::from(s)], true));
        if frontier.is_empty() {
            return None;
        }
        if frontier.iter().any(|&(v, passed)| v == target && passed) {
            return Some(moves);
        }
        frontier = frontier
            .iter()
            .filter(|&&(v, _)| v != target && v != start)
            .flat_map(|&(v, s)| legs[v].iter().map(move |leg| (graph.node(leg.to), s || passes(query, leg.to))))
            .collect();
    }
    None
}

#[cfg(test)]
mod tests;
