//! `pm-skills route FROM TO`: the cheapest way from a level, or from a person at their level, to
//! another level, by moves up a ladder or across to another role, as `moves` lists them
//! ([`route_search`]); then the cheapest routes that begin with another move. Each move shows what
//! must grow at it, as `diff` counts it (from a person, their own ratings, as `gap` counts them),
//! and each route its total, the figure routes are ranked by ([`Cost`]).

use serde::Serialize;

use super::diff::{Direction, compare};
use super::gap::{self, Person};
use super::route_search::{Cost, Found, Kind, Leg};
use super::rules::{self, Standing};
use super::{Proficiency, Ref, Report};
use crate::model::{Framework, LevelAt, LevelRef, Profile, Scope};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Records, Table, Tone, Value, Workbook};
use crate::text::plural;

/// How many moves a route may make unless `--max-steps` says: enough to cross a framework of
/// four-level ladders and climb one, few enough that a route stays a plan.
pub const MAX_MOVES: usize = 6;

/// How many routes are shown: the best, and the best of two other first moves.
pub const ROUTES_SHOWN: usize = 3;

/// The route rule in one sentence, as a literal so that `--help` can `concat!` it.
#[macro_export]
macro_rules! route_rule {
    () => {
        "A route is a sequence of moves, each up to the next level of the same role or across to another role's \
         level nearest in seniority, as moves lists them. Routes are ranked by the steps to grow over the whole route \
         (at each move as diff counts them: a skill to grow by its steps, a new skill at its whole rank), then by \
         fewer moves, then by fewer moves out of the role family."
    };
}

/// The route rule in one sentence, as the help, the table's footer and the guide say it.
pub const ROUTE_RULE: &str = route_rule!();

/// The routes from one level (or person) to another, the best first.
#[derive(Debug, Serialize)]
pub struct RouteReport {
    pub framework: Ref,
    /// Where the routes start: the level given, or the person's own level.
    pub from: LevelRef,
    /// With `--profile`, the person, whose first move is counted from their own ratings; else `null`.
    pub person: Option<Person>,
    pub to: LevelRef,
    /// The role every route passes through (`--via`), or `null`.
    pub via: Option<Ref>,
    /// The most moves a route may make (`--max-steps`).
    pub max_steps: usize,
    /// The best route, then the best of each other first move, cheapest first.
    pub routes: Vec<Route>,
    /// Whether the framework has one role only, where ids need no `ROLE/`.
    #[serde(skip)]
    pub one_role: bool,
}

/// One route: its moves in order, and what it asks to grow in all.
#[derive(Debug, Serialize)]
pub struct Route {
    pub steps: Vec<RouteStep>,
    /// How many moves it makes.
    pub moves: usize,
    /// Scale steps to grow over the whole route: the sum of its moves' totals.
    pub total: i64,
    /// Skills of the first move the person has not assessed: unknown, so not in `total`.
    pub unassessed: usize,
    /// Moves out of the role family.
    pub other_family_moves: usize,
}

/// One move of a route and what must grow at it.
#[derive(Debug, Serialize)]
pub struct RouteStep {
    pub from: LevelRef,
    pub to: LevelRef,
    /// `up` the same role's ladder, or `across` to another role.
    pub kind: Kind,
    /// The move stays in the role family (up, or across to a role of the same family).
    pub same_family: bool,
    /// Counted from the person's own ratings (the first move with `--profile`), not from what
    /// `from` expects.
    pub from_profile: bool,
    /// Skills to grow, biggest first.
    pub grow: Vec<Growing>,
    /// Skills `to` expects and `from` does not, each counted at its whole rank.
    pub new: Vec<NewSkill>,
    /// Skills `to` rates that the person has not assessed (only on a move counted from a profile).
    pub unassessed: Vec<NotAssessed>,
    /// Scale steps to grow at this move: the steps of `grow` and `new`.
    pub total: i64,
}

/// A skill to grow at a move.
#[derive(Debug, Serialize)]
pub struct Growing {
    pub skill: Ref,
    pub from: Proficiency,
    pub to: Proficiency,
    pub steps: i64,
}

/// A skill new at a move, counted at its whole rank.
#[derive(Debug, Serialize)]
pub struct NewSkill {
    pub skill: Ref,
    pub to: Proficiency,
    pub steps: i64,
}

/// A skill the move's level rates and the person has not assessed: its gap is unknown.
#[derive(Debug, Serialize)]
pub struct NotAssessed {
    pub skill: Ref,
    pub to: Proficiency,
}

impl RouteReport {
    /// The report of the routes `found` (as [`super::route_search::search`] gives them) to `to`;
    /// `person` is the profile the first moves are counted from, if any.
    pub fn build(
        framework: &Framework,
        person: Option<&Profile>,
        found: &[Found],
        to: LevelAt,
        via: Option<usize>,
        max_steps: usize,
    ) -> Self {
        let from = found.first().map_or(to, |r| r.legs[0].from);
        let routes = found
            .iter()
            .map(|r| {
                let Cost { steps: total, moves, other_family, .. } = r.cost;
                let steps: Vec<RouteStep> = r.legs.iter().map(|leg| step(framework, person, leg)).collect();
                let unassessed = steps.iter().map(|s| s.unassessed.len()).sum();
                Route { steps, moves, total, unassessed, other_family_moves: other_family }
            })
            .collect();
        RouteReport {
            framework: Ref::from(framework),
            from: framework.level_ref(from),
            person: person.map(|p| gap::person(Scope { framework, role: &framework.roles[p.role] }, p)),
            to: framework.level_ref(to),
            via: via.map(|role| Ref::from(&framework.roles[role])),
            max_steps,
            routes,
            one_role: framework.roles.len() == 1,
        }
    }

    /// A level as people read it: with its role when there are several.
    fn label(&self, level: &LevelRef) -> String {
        if self.one_role { level.name.clone() } else { format!("{} ({})", level.name, level.role.name) }
    }

    /// A level as a command takes it: `ROLE/LEVEL`, or the bare id when there is one role.
    fn id(&self, level: &LevelRef) -> String {
        if self.one_role { level.id.clone() } else { format!("{}/{}", level.role.id, level.id) }
    }

    /// "2 moves, 5 steps to grow", with what was not assessed.
    fn size(route: &Route) -> String {
        let mut text = format!(
            "{}, {} to grow",
            plural(route.moves, "move", "moves"),
            plural(route.total as usize, "step", "steps")
        );
        if route.unassessed > 0 {
            text.push_str(&format!(" and {} not assessed", plural(route.unassessed, "skill", "skills")));
        }
        text
    }

    /// "across to Designer (Designer), then up to Senior Designer (Designer)".
    fn moves_in_words(&self, route: &Route) -> String {
        let words: Vec<String> =
            route.steps.iter().map(|s| format!("{} to {}", s.kind.word(), self.label(&s.to))).collect();
        words.join(", then ")
    }

    fn summary(&self) -> String {
        let Some(best) = self.routes.first() else { return String::new() };
        let mut text = format!("Best route: {}; {}", self.moves_in_words(best), Self::size(best));
        match self.routes.len() {
            1 => text.push_str("; no other first move leads there"),
            n => text.push_str(&format!(
                "; {} shown",
                plural(n - 1, "route with another first move", "routes with other first moves")
            )),
        }
        text
    }
}

/// What must grow at one move: from a level, what `diff` counts; from a person, what `gap` counts.
fn step(framework: &Framework, person: Option<&Profile>, leg: &Leg) -> RouteStep {
    let (mut grow, mut new, mut unassessed) = (Vec::new(), Vec::new(), Vec::new());
    match person.filter(|_| leg.from_profile) {
        Some(person) => {
            for (s, need) in rules::expected(framework, leg.to) {
                let have = person.assessment(s).map(|a| a.proficiency);
                let (skill, to) = (Ref::from(&framework.skills[s]), framework.proficiency(need));
                match (Standing::of(have, Some(need)), have) {
                    (Standing::Grow(steps), Some(have)) => {
                        grow.push(Growing { skill, from: framework.proficiency(have), to, steps })
                    }
                    (Standing::Unassessed, _) => unassessed.push(NotAssessed { skill, to }),
                    _ => {}
                }
            }
        }
        None => {
            for row in compare(framework, leg.from, leg.to) {
                match (row.direction, row.from, row.to) {
                    (Direction::Grow, Some(from), Some(to)) => {
                        grow.push(Growing { skill: row.skill, from, to, steps: row.change })
                    }
                    (Direction::New, _, Some(to)) => new.push(NewSkill { skill: row.skill, to, steps: row.change }),
                    _ => {}
                }
            }
        }
    }
    // Biggest first; the sorts are stable, so ties keep the skill order.
    grow.sort_by_key(|g| std::cmp::Reverse(g.steps));
    new.sort_by_key(|n| std::cmp::Reverse(n.steps));
    RouteStep {
        from: framework.level_ref(leg.from),
        to: framework.level_ref(leg.to),
        kind: leg.kind(),
        same_family: leg.same_family,
        from_profile: leg.from_profile,
        grow,
        new,
        unassessed,
        total: leg.steps,
    }
}

/// What grows at a move, a skill a line: `Skill +2`, `Skill +2 new`, `Skill ?` (not assessed).
fn grows(step: &RouteStep, sep: &str, name: impl Fn(&Ref) -> String) -> String {
    let grow = step.grow.iter().map(|g| format!("{} {}", name(&g.skill), signed(g.steps)));
    let new = step.new.iter().map(|n| format!("{} {} new", name(&n.skill), signed(n.steps)));
    let unknown = step.unassessed.iter().map(|u| format!("{} ?", name(&u.skill)));
    grow.chain(new).chain(unknown).collect::<Vec<_>>().join(sep)
}

impl Report for RouteReport {
    fn document(&self) -> Vec<Block> {
        let (from, to) = (self.label(&self.from), self.label(&self.to));
        let title = match &self.person {
            Some(p) => format!("Routes for {} from {from} to {to}", p.name),
            None => format!("Routes from {from} to {to}"),
        };
        let mut blocks = vec![Block::Title(title)];
        if let Some(via) = &self.via {
            blocks
                .push(Block::Para(format!("Through {}: every route moves to one of its levels on the way.", via.name)));
        }
        for (i, route) in self.routes.iter().enumerate() {
            let mut table = Table::new(["Move", "To", "Steps", "What grows"]);
            for (k, s) in route.steps.iter().enumerate() {
                let what = grows(s, "\n", |r| r.name.clone());
                table.row(vec![
                    Cell::plain(format!("{} {}", k + 1, s.kind.word())),
                    Cell::toned(self.label(&s.to), Tone::Strong),
                    Cell::toned(s.total.to_string(), if s.total > 0 { Tone::Grow } else { Tone::Same }),
                    Cell::plain(if what.is_empty() { "nothing".to_string() } else { what }),
                ]);
            }
            let heading = if i == 0 { "Best route".to_string() } else { format!("Route {}", i + 1) };
            blocks.push(Block::Section {
                heading: format!("{heading}: {}", Self::size(route)),
                blocks: vec![Block::Table(table)],
            });
        }
        if self.person.is_some() {
            blocks.push(Block::Hint(
                "The first move is counted from the profile's own ratings, as gap counts them. ?: not assessed, so \
                 not known and not counted (assess --for ROLE/LEVEL asks a level's skills that a profile lacks)"
                    .into(),
            ));
        }
        blocks.push(Block::Hint(ROUTE_RULE.into()));
        blocks.push(Block::Summary(self.summary()));
        if let Some(first) = self.routes.first().and_then(|r| r.steps.first()) {
            let command = match &self.person {
                Some(p) => format!(
                    "pm-skills gap --profile {} --to {}",
                    // Standard input is shown as `<stdin>` and given as `-`.
                    if p.file == "<stdin>" { "-".into() } else { crate::text::shell_word(&p.file) },
                    self.id(&first.to)
                ),
                None => format!("pm-skills diff {} {}", self.id(&first.from), self.id(&first.to)),
            };
            blocks.push(Block::command("See the first move in full:", [command]));
        }
        blocks
    }

    fn records(&self) -> Records {
        let header = [
            "route",
            "step",
            "kind",
            "from_level",
            "to_level",
            "same_family",
            "steps",
            "grow",
            "new",
            "unassessed",
            "route_total",
        ];
        let mut rows = Vec::new();
        for (i, route) in self.routes.iter().enumerate() {
            for (k, s) in route.steps.iter().enumerate() {
                let ids = |list: Vec<String>| Value::from(list.join(";"));
                rows.push(vec![
                    Value::from(i as i64 + 1),
                    Value::from(k as i64 + 1),
                    Value::from(s.kind.word()),
                    Value::level(&s.from, !self.one_role),
                    Value::level(&s.to, !self.one_role),
                    Value::from(s.same_family),
                    Value::from(s.total),
                    ids(s.grow.iter().map(|g| format!("{}{}", g.skill.id, signed(g.steps))).collect()),
                    ids(s.new.iter().map(|n| format!("{}{}", n.skill.id, signed(n.steps))).collect()),
                    ids(s.unassessed.iter().map(|u| u.skill.id.clone()).collect()),
                    Value::from(route.total),
                ]);
            }
        }
        Records { header: header.map(String::from).to_vec(), rows }
    }

    fn workbook(&self) -> Workbook {
        Workbook { name: "Route".into(), ..Workbook::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::route_search::{Query, Start, search};
    use crate::report::testing::career_map;

    fn at(role: usize, level: usize) -> LevelAt {
        LevelAt { role, level }
    }

    #[test]
    fn each_move_shows_what_grows_and_the_totals_add_up() {
        let f = career_map();
        let query = Query { start: Start::Level(at(0, 1)), to: at(1, 1), via: None, max_moves: MAX_MOVES };
        let found = search(&f, &query, ROUTES_SHOWN).unwrap();
        let r = RouteReport::build(&f, None, &found, at(1, 1), None, MAX_MOVES);
        assert_eq!(r.from.id, "analyst");
        let best = &r.routes[0];
        for s in &best.steps {
            let counted: i64 = s.grow.iter().map(|g| g.steps).chain(s.new.iter().map(|n| n.steps)).sum();
            assert_eq!(counted, s.total);
        }
        assert_eq!(best.total, best.steps.iter().map(|s| s.total).sum::<i64>());
        // Analyst to Designer: design is new, at its whole rank (Working, 2).
        let first = &best.steps[0];
        assert_eq!((first.kind, first.new[0].skill.id.as_str(), first.new[0].steps), (Kind::Across, "design", 2));
        assert_eq!(grows(first, "; ", |r| r.name.clone()), "Design +2 new");
        let summary = r.summary();
        assert!(
            summary.starts_with("Best route: across to Designer (Designer), then up to Senior Designer"),
            "{summary}"
        );
        assert!(summary.contains("2 moves, 5 steps to grow"), "{summary}");
    }
}
