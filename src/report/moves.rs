//! `pm-skills moves LEVEL`: where one can go from a level, ranked by the move rule
//! ([`rules::MoveKey`]): how much of each level the source already brings, roles of the same
//! family first.
//!
//! The next level of one's own role comes first, as the natural promotion; then, for every other
//! role, the one level of it at the source's seniority (the mean rank a level expects over the
//! skills it rates), so a long list of far-off levels never hides a near role. What must grow is
//! measured as `diff` measures it ([`compare`]), over the union of both levels' skills; the steps
//! and new skills are shown as facts, not the rank, since by steps alone the roles that rate few
//! skills come first, whatever they are.

use serde::Serialize;

use super::diff::{DiffRow, Direction, compare, pairs};
use super::rules::{self, Coverage, MoveKey, Seniorities};
use super::{Proficiency, Ref, Report};
use crate::model::{Framework, LevelAt, LevelRef};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Records, Table, Tone, Value};
use crate::text::plural;

/// The moves from one level, the natural promotion first, then the nearest first.
#[derive(Debug, Serialize)]
pub struct MovesReport {
    pub framework: Ref,
    pub from: LevelRef,
    /// The one role `--role` looks at; `null` when every role is looked at.
    pub only_role: Option<Ref>,
    pub moves: Vec<Move>,
    /// How many moves there are in all, before `--limit`.
    pub total: usize,
    /// Whether the framework has one role only, where ids need no `ROLE/`.
    #[serde(skip)]
    pub one_role: bool,
}

/// One level one could move to.
#[derive(Debug, Clone, Serialize)]
pub struct Move {
    /// Where the level is in the framework, for a caller that links to it.
    #[serde(skip)]
    pub at: LevelAt,
    pub role: Ref,
    pub level: Ref,
    /// The level just above the source in its own role: a promotion rather than a change of role.
    pub next_in_role: bool,
    /// Scale steps to climb in all: the sum of the positive changes.
    pub steps: i64,
    /// Skills the target expects and the source does not.
    pub new_skills: usize,
    /// How much of the level the source already brings, from 0 to 1: the figure the list is
    /// ranked by ([`rules::MOVE_RULE`]).
    pub coverage: f64,
    /// The level's role shares the source's family (or is the source's role).
    pub same_family: bool,
    /// The skills to grow or take up, biggest first.
    pub gaps: Vec<MoveGap>,
}

/// One skill to grow on a move: a `diff` row without its text.
#[derive(Debug, Clone, Serialize)]
pub struct MoveGap {
    pub skill: Ref,
    /// `null` where the source level does not expect the skill.
    pub from: Option<Proficiency>,
    pub to: Option<Proficiency>,
    pub change: i64,
    pub direction: Direction,
}

/// A level measured from the source, before it becomes a [`Move`].
#[derive(Debug, Clone)]
pub struct Candidate {
    pub at: LevelAt,
    pub steps: i64,
    pub new_skills: usize,
    pub coverage: Coverage,
    /// Where the move stands in the list.
    pub key: MoveKey,
}

/// What the move from `from` to `to` asks to grow, as `diff` counts it ([`pairs`], without building
/// rows): the scale steps to climb (a new skill at its whole rank) and the skills that are new.
/// `moves` shows these; `route` adds them up along a route.
pub fn growth(framework: &Framework, from: LevelAt, to: LevelAt) -> (i64, usize) {
    let (mut steps, mut new_skills) = (0, 0);
    for pair in pairs(framework, from, to) {
        steps += pair.change.max(0);
        new_skills += usize::from(pair.direction == Direction::New);
    }
    (steps, new_skills)
}

/// The next level up in `from`'s own role, when there is one: the promotion a list of moves puts
/// first.
pub fn next_up(framework: &Framework, from: LevelAt) -> Option<LevelAt> {
    (from.level + 1 < framework.roles[from.role].levels.len())
        .then_some(LevelAt { role: from.role, level: from.level + 1 })
}

/// For each role of `roles` but `from`'s own, its level nearest `from` in seniority: the moves
/// across that `moves` lists, in the order of `roles`. With [`next_up`], every move there is from
/// a level; `route` walks the same moves.
pub fn across<'a>(
    seniorities: &'a Seniorities,
    from: LevelAt,
    roles: &'a [usize],
) -> impl Iterator<Item = LevelAt> + 'a {
    let seniority = seniorities.at(from);
    roles.iter().filter(move |&&role| role != from.role).filter_map(move |&role| seniorities.nearest(role, seniority))
}

/// Measures the move from `from` to `to`, counting what [`compare`] would write out: every
/// level a list considers is measured, only the few it keeps become rows.
fn measure(framework: &Framework, from: LevelAt, to: LevelAt) -> Candidate {
    let (steps, new_skills) = growth(framework, from, to);
    let coverage = Coverage::of(framework, to, |skill| rules::need(framework, from, skill));
    let key = MoveKey::new(framework, from.role, to, coverage, steps, new_skills);
    Candidate { at: to, steps, new_skills, coverage, key }
}

impl MovesReport {
    /// The moves from `from`: with `only_role`, every level of that role but the source, nearest
    /// first; without, the next level up in the source's role, then the closest level of every
    /// other role, nearest first. At most `limit` are kept.
    pub fn build(framework: &Framework, from: LevelAt, only_role: Option<usize>, limit: usize) -> Self {
        let Some(role) = only_role else {
            let roles: Vec<usize> = (0..framework.roles.len()).collect();
            return Self::build_among(framework, &Seniorities::of(framework), from, &roles, limit);
        };
        let mut ranked: Vec<Candidate> = (0..framework.roles[role].levels.len())
            .map(|level| LevelAt { role, level })
            .filter(|&at| at != from)
            .map(|at| measure(framework, from, at))
            .collect();
        ranked.sort_by_key(|c| c.key);
        Self::keep(framework, from, only_role, ranked, limit)
    }

    /// The moves from `from` to the next level of its role and to the nearest level of each role
    /// of `roles` (its own left out), with the seniorities of `framework` computed once: for a
    /// caller that builds the moves of many levels, as the site does a page per level.
    pub fn build_among(
        framework: &Framework,
        seniorities: &Seniorities,
        from: LevelAt,
        roles: &[usize],
        limit: usize,
    ) -> Self {
        let mut ranked: Vec<Candidate> =
            across(seniorities, from, roles).map(|to| measure(framework, from, to)).collect();
        ranked.sort_by_key(|c| c.key);
        if let Some(up) = next_up(framework, from) {
            ranked.insert(0, measure(framework, from, up));
        }
        Self::keep(framework, from, None, ranked, limit)
    }

    /// The report of the first `limit` of `ranked`, in order.
    fn keep(
        framework: &Framework,
        from: LevelAt,
        only_role: Option<usize>,
        ranked: Vec<Candidate>,
        limit: usize,
    ) -> Self {
        let total = ranked.len();
        let moves = ranked
            .into_iter()
            .take(limit)
            .map(|c| {
                let rows = compare(framework, from, c.at);
                to_move(framework, from, c, rows)
            })
            .collect();
        MovesReport {
            framework: Ref::from(framework),
            from: framework.level_ref(from),
            only_role: only_role.map(|r| Ref::from(&framework.roles[r])),
            moves,
            total,
            one_role: framework.roles.len() == 1,
        }
    }

    /// A level as a command takes it: `ROLE/LEVEL`, or the bare id when there is one role.
    fn id(&self, role: &Ref, level: &str) -> String {
        if self.one_role { level.to_string() } else { format!("{}/{level}", role.id) }
    }

    /// The level as people read it: with its role when there are several.
    fn label(&self, role: &Ref, level: &str) -> String {
        if self.one_role { level.to_string() } else { format!("{level} ({})", role.name) }
    }

    fn summary(&self) -> String {
        let from = self.label(&self.from.role, &self.from.name);
        let distance = |m: &Move| {
            let mut text =
                format!("{} covered, {}", rules::percent(m.coverage), plural(m.steps as usize, "step", "steps"));
            if m.new_skills > 0 {
                text.push_str(&format!(" with {}", plural(m.new_skills, "new skill", "new skills")));
            }
            text
        };
        if let Some(role) = &self.only_role {
            let levels = plural(self.total, "level", "levels");
            return match self.moves.first() {
                Some(m) => format!("{levels} of {} from {from}; closest: {}, {}", role.name, m.level.name, distance(m)),
                None => format!("no other level of {} from {from}", role.name),
            };
        }
        let mut parts = Vec::new();
        if let Some(next) = self.moves.iter().find(|m| m.next_in_role) {
            parts.push(format!("next level {}, {}", next.level.name, distance(next)));
        }
        if let Some(other) = self.moves.iter().find(|m| !m.next_in_role) {
            parts.push(format!(
                "closest other role {}, {}",
                self.label(&other.role, &other.level.name),
                distance(other)
            ));
        }
        let moves = plural(self.total, "move", "moves");
        if parts.is_empty() {
            format!("{moves} from {from}")
        } else {
            format!("{moves} from {from}: {}", parts.join("; "))
        }
    }
}

fn to_move(framework: &Framework, from: LevelAt, c: Candidate, rows: Vec<DiffRow>) -> Move {
    let role = &framework.roles[c.at.role];
    let level = framework.level(c.at);
    let mut gaps: Vec<MoveGap> = rows
        .into_iter()
        .filter(|r| r.direction.is_gap())
        .map(|r| MoveGap { skill: r.skill, from: r.from, to: r.to, change: r.change, direction: r.direction })
        .collect();
    // Biggest first; the sort is stable, so ties keep the skill order.
    gaps.sort_by_key(|g| std::cmp::Reverse(g.change));
    Move {
        at: c.at,
        role: Ref::from(role),
        level: Ref::from(level),
        next_in_role: c.at.role == from.role && c.at.level == from.level + 1,
        steps: c.steps,
        new_skills: c.new_skills,
        coverage: c.coverage.fraction(),
        same_family: c.key.same_family(),
        gaps,
    }
}

/// The three biggest gaps, each as `label` writes it, joined by `sep`.
fn top_gaps(gaps: &[MoveGap], label: impl Fn(&MoveGap) -> String, sep: &str) -> String {
    gaps.iter().take(3).map(label).collect::<Vec<_>>().join(sep)
}

impl Report for MovesReport {
    fn document(&self) -> Vec<Block> {
        let from = self.label(&self.from.role, &self.from.name);
        let mut blocks = vec![Block::Title(format!("Moves from {from}"))];
        if self.moves.is_empty() {
            blocks.push(Block::Para(match &self.only_role {
                Some(role) => format!("{} has no other level to move to.", role.name),
                None => format!("{} is the top of its role, and the framework has no other roles.", self.from.name),
            }));
        } else {
            let mut table = Table::new(["Role", "Level", "Coverage", "Steps", "New skills", "Top gaps"]);
            for m in &self.moves {
                let level =
                    if m.next_in_role { format!("{}\n(next level)", m.level.name) } else { m.level.name.clone() };
                table.row(vec![
                    Cell::toned(&m.role.name, Tone::Strong),
                    Cell::plain(level),
                    Cell::plain(rules::percent(m.coverage)),
                    Cell::toned(m.steps.to_string(), if m.steps > 0 { Tone::Grow } else { Tone::Same }),
                    Cell::plain(m.new_skills.to_string()),
                    Cell::plain(top_gaps(&m.gaps, |g| format!("{} {}", g.skill.name, signed(g.change)), "\n")),
                ]);
            }
            blocks.push(Block::Table(table));
            if !self.one_role {
                blocks.push(Block::Hint(rules::MOVE_RULE.into()));
            }
            if self.one_role {
                blocks.push(Block::Para("The framework has no other roles.".into()));
            }
        }
        blocks.push(Block::Summary(self.summary()));
        if let Some(m) = self.moves.first() {
            blocks.push(Block::command(
                "See one move in full:",
                [format!(
                    "pm-skills diff {} {}",
                    self.id(&self.from.role, &self.from.id),
                    self.id(&m.role, &m.level.id)
                )],
            ));
        }
        blocks
    }

    fn records(&self) -> Records {
        let header =
            ["role_id", "level_id", "next_in_role", "coverage", "same_family", "steps", "new_skills", "top_gaps"];
        Records {
            header: header.map(String::from).to_vec(),
            rows: self
                .moves
                .iter()
                .map(|m| {
                    vec![
                        Value::from(&m.role.id),
                        Value::from(&m.level.id),
                        Value::from(m.next_in_role),
                        Value::Fraction(m.coverage),
                        Value::from(m.same_family),
                        Value::from(m.steps),
                        Value::from(m.new_skills),
                        Value::from(top_gaps(&m.gaps, |g| format!("{}{}", g.skill.id, signed(g.change)), ";")),
                    ]
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::career_map;

    fn at(role: usize, level: usize) -> LevelAt {
        LevelAt { role, level }
    }

    #[test]
    fn the_next_level_comes_first_then_each_other_roles_closest_level() {
        let f = career_map();
        let ids = |r: &MovesReport| -> Vec<(String, String, i64, usize)> {
            r.moves.iter().map(|m| (m.role.id.clone(), m.level.id.clone(), m.steps, m.new_skills)).collect()
        };
        let s = |a: &str, b: &str, steps: i64, new: usize| (a.to_string(), b.to_string(), steps, new);
        // From Analyst: Lead Analyst (3 steps) first although Designer asks fewer (2); Designer
        // (research working: 2 of 4 ranks) before Engineer (data and delivery: 2 of 5).
        let r = MovesReport::build(&f, at(0, 1), None, 10);
        assert_eq!(
            ids(&r),
            [s("analyst", "lead-analyst", 3, 0), s("designer", "designer", 2, 1), s("engineer", "engineer", 3, 1)]
        );
        assert!(r.moves[0].next_in_role && !r.moves[1].next_in_role);
        assert_eq!(
            r.moves[2].gaps.iter().map(|g| (g.skill.id.as_str(), g.change)).collect::<Vec<_>>(),
            [("coding", 2), ("delivery", 1)]
        );
        assert_eq!(r.moves[2].gaps[0].direction, Direction::New);
        // From Junior Analyst, Designer and Engineer ask 3 steps and one new skill each, but the
        // junior analyst brings 2 of Engineer's 5 ranks (data and delivery) and 1 of Designer's 4.
        let r = MovesReport::build(&f, at(0, 0), None, 10);
        assert_eq!(ids(&r)[1..], [s("engineer", "engineer", 3, 1), s("designer", "designer", 3, 1)]);
        assert_eq!((r.moves[1].coverage, r.moves[2].coverage), (0.4, 0.25));
        // At the top of a role there is no next level; the limit cuts the list, not the total.
        let r = MovesReport::build(&f, at(0, 2), None, 1);
        assert_eq!((r.moves.len(), r.total, r.moves[0].next_in_role), (1, 2, false));
    }

    #[test]
    fn one_role_lists_every_other_level_of_it_nearest_and_then_the_more_senior_first() {
        let f = career_map();
        let r = MovesReport::build(&f, at(0, 2), Some(0), 10);
        let levels: Vec<&str> = r.moves.iter().map(|m| m.level.id.as_str()).collect();
        assert_eq!(levels, ["analyst", "junior-analyst"]);
        assert!(r.moves.iter().all(|m| m.steps == 0));
        assert_eq!(r.only_role.as_ref().map(|r| r.id.as_str()), Some("analyst"));
    }
}
