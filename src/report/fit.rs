//! `pm-skills fit`: a person placed on the whole map, every level of every role read against
//! their profile.
//!
//! A level is *ready* when every skill it expects is met. Otherwise it is some steps short: the
//! sum, over the skills it expects, of how far the person is below, an unassessed skill counting
//! as its whole rank, since `gap` never treats a blank as met either. The best fit is the most
//! demanding ready level; the next levels are the nearest of the rest.

use serde::Serialize;

use super::gap::{Person, person};
use super::{Proficiency, Ref, Report};
use crate::model::{Framework, LevelAt, Profile, Scope};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Records, Table, Tone};
use crate::text::plural;

/// What every level expects, worked out once and read against each person.
#[derive(Debug)]
pub struct Map {
    /// In framework order: roles in order, each role's levels most junior first.
    levels: Vec<Expected>,
}

#[derive(Debug)]
struct Expected {
    at: LevelAt,
    /// (skill index into the framework, needed rank counting from 1), in the role's skill order.
    skills: Vec<(usize, i64)>,
    total: i64,
}

/// One level scored against a person: a few numbers, cheap enough for thousands of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Index into the map's levels (framework order).
    pub index: usize,
    pub at: LevelAt,
    pub steps_short: i64,
    pub expected_total: i64,
    /// The mean rank the level expects, in thousandths: its seniority, comparable across roles.
    pub mean_milli: i64,
}

impl Score {
    pub fn ready(&self) -> bool {
        self.steps_short == 0
    }
}

impl Map {
    /// Every level of every role, with the ranks it expects.
    pub fn new(framework: &Framework) -> Self {
        let mut levels = Vec::new();
        for (r, role) in framework.roles.iter().enumerate() {
            for (l, level) in role.levels.iter().enumerate() {
                let skills: Vec<(usize, i64)> = role
                    .skills
                    .iter()
                    .zip(&level.ratings)
                    .filter_map(|(&s, rating)| Some((s, rating.as_ref()?.proficiency as i64 + 1)))
                    .collect();
                let total = skills.iter().map(|(_, need)| need).sum();
                levels.push(Expected { at: LevelAt { role: r, level: l }, skills, total });
            }
        }
        Map { levels }
    }

    /// Every level scored against `profile`, in framework order.
    pub fn scores(&self, profile: &Profile) -> Vec<Score> {
        self.levels
            .iter()
            .enumerate()
            .map(|(index, e)| {
                let steps_short = e.skills.iter().map(|&(s, need)| (need - have_rank(profile, s)).max(0)).sum();
                let mean_milli = if e.skills.is_empty() { 0 } else { 1000 * e.total / e.skills.len() as i64 };
                Score { index, at: e.at, steps_short, expected_total: e.total, mean_milli }
            })
            .collect()
    }
}

fn have_rank(profile: &Profile, skill: usize) -> i64 {
    profile.assessment(skill).map_or(0, |a| a.proficiency as i64 + 1)
}

/// The best fit and the `limit` nearest levels not yet ready. The best fit is the ready level
/// that expects the most (ties: the first in framework order); the next levels are those ahead
/// of it (any, when there is none), fewest steps short first, then the more demanding, then in
/// framework order. Ahead means above it in its own role, or, in another role, at least as senior
/// by mean expected rank (as `moves` reads seniority): a junior level of another role is behind
/// the person, however few its steps.
pub fn place(scores: &[Score], limit: usize) -> (Option<Score>, Vec<Score>) {
    let mut best: Option<Score> = None;
    for s in scores.iter().filter(|s| s.ready()) {
        if best.is_none_or(|b| s.expected_total > b.expected_total) {
            best = Some(*s);
        }
    }
    let ahead = |s: &&Score| match best {
        None => true,
        Some(b) if b.at.role == s.at.role => s.at.level > b.at.level,
        Some(b) => s.mean_milli >= b.mean_milli,
    };
    let mut next: Vec<Score> = scores.iter().filter(|s| !s.ready()).filter(ahead).copied().collect();
    next.sort_unstable_by_key(|s| (s.steps_short, std::cmp::Reverse(s.expected_total), s.index));
    next.truncate(limit);
    (best, next)
}

/// A level placed against a person.
#[derive(Debug, Clone, Serialize)]
pub struct FitEntry {
    pub role: Ref,
    pub level: Ref,
    /// Every skill the level expects is met.
    pub ready: bool,
    /// Steps to climb to meet every skill the level expects; an unassessed skill counts whole.
    pub steps_short: i64,
    /// The sum of the ranks the level expects: how demanding it is.
    pub expected_total: i64,
    /// The skills short, biggest first.
    pub gaps: Vec<FitGap>,
}

/// One skill a person is short of on a level.
#[derive(Debug, Clone, Serialize)]
pub struct FitGap {
    pub skill: Ref,
    /// `null` when unassessed.
    pub have: Option<Proficiency>,
    pub need: Proficiency,
    pub short: i64,
}

fn entry(framework: &Framework, map: &Map, profile: &Profile, score: Score) -> FitEntry {
    let e = &map.levels[score.index];
    let (role, level) = (&framework.roles[e.at.role], framework.level(e.at));
    let mut gaps: Vec<FitGap> = e
        .skills
        .iter()
        .filter_map(|&(s, need)| {
            let short = need - have_rank(profile, s);
            (short > 0).then(|| {
                let skill = &framework.skills[s];
                FitGap {
                    skill: Ref { id: skill.id.clone(), name: skill.name.clone() },
                    have: profile.assessment(s).map(|a| framework.proficiency(a.proficiency)),
                    need: framework.proficiency(need as usize - 1),
                    short,
                }
            })
        })
        .collect();
    gaps.sort_by_key(|g| std::cmp::Reverse(g.short));
    FitEntry {
        role: Ref { id: role.id.clone(), name: role.name.clone() },
        level: Ref { id: level.id.clone(), name: level.name.clone() },
        ready: score.ready(),
        steps_short: score.steps_short,
        expected_total: score.expected_total,
        gaps,
    }
}

/// The `limit` levels of roles other than `role` nearest to `profile`, ranked as `fit` ranks
/// them: the best fit first when it is another role's, then the closest next levels. What a
/// development plan shows beside its own target.
pub fn nearest_in_other_roles(framework: &Framework, profile: &Profile, role: usize, limit: usize) -> Vec<FitEntry> {
    let map = Map::new(framework);
    let (best, next) = place(&map.scores(profile), usize::MAX);
    best.into_iter()
        .chain(next)
        .filter(|s| s.at.role != role)
        .take(limit)
        .map(|s| entry(framework, &map, profile, s))
        .collect()
}

/// One person on the map.
#[derive(Debug, Serialize)]
pub struct PersonFit {
    pub person: Person,
    /// `null` when no level is met in full.
    pub best_fit: Option<FitEntry>,
    pub next: Vec<FitEntry>,
}

impl PersonFit {
    /// Places `profile` on the map, keeping `limit` next levels.
    pub fn build(framework: &Framework, map: &Map, profile: &Profile, limit: usize) -> Self {
        let (best, next) = place(&map.scores(profile), limit);
        let scope = Scope { framework, role: &framework.roles[profile.role] };
        PersonFit {
            person: person(scope, profile),
            best_fit: best.map(|s| entry(framework, map, profile, s)),
            next: next.into_iter().map(|s| entry(framework, map, profile, s)).collect(),
        }
    }
}

/// One person placed on the whole map.
#[derive(Debug, Serialize)]
pub struct FitReport {
    pub framework: Ref,
    /// `person`, `best_fit` and `next`, at the top level of the document.
    #[serde(flatten)]
    pub placed: PersonFit,
    #[serde(skip)]
    pub one_role: bool,
}

impl FitReport {
    /// Places `profile` on every level of every role.
    pub fn build(framework: &Framework, profile: &Profile, limit: usize) -> Self {
        let placed = PersonFit::build(framework, &Map::new(framework), profile, limit);
        FitReport { framework: framework_ref(framework), placed, one_role: framework.roles.len() == 1 }
    }
}

fn framework_ref(framework: &Framework) -> Ref {
    Ref { id: framework.id.clone(), name: framework.name.clone() }
}

/// A level as people read it: with its role when there are several.
fn label(e: &FitEntry, one_role: bool) -> String {
    if one_role { e.level.name.clone() } else { format!("{} ({})", e.level.name, e.role.name) }
}

/// A level as commands take it: `ROLE/LEVEL`, or the bare id when there is one role.
fn level_id(e: &FitEntry, one_role: bool) -> String {
    if one_role { e.level.id.clone() } else { format!("{}/{}", e.role.id, e.level.id) }
}

/// The three biggest gaps, `?` marking an unassessed skill.
pub fn top_gaps(e: &FitEntry) -> String {
    let gap = |g: &FitGap| format!("{} {}{}", g.skill.name, signed(g.short), if g.have.is_none() { "?" } else { "" });
    e.gaps.iter().take(3).map(gap).collect::<Vec<_>>().join("\n")
}

/// One person's placing in a sentence.
fn sentence(p: &PersonFit, one_role: bool) -> String {
    let mut text = match &p.best_fit {
        Some(best) => format!("{}: fits {}", p.person.name, label(best, one_role)),
        None => format!("{}: no level is met in full yet", p.person.name),
    };
    if let Some(next) = p.next.first() {
        text.push_str(&format!(
            "; closest next: {}, {} short",
            label(next, one_role),
            plural(next.steps_short as usize, "step", "steps")
        ));
    }
    text
}

impl Report for FitReport {
    fn document(&self) -> Vec<Block> {
        let (one, p) = (self.one_role, &self.placed);
        let mut blocks = vec![Block::Title(format!("Where {} fits", p.person.name))];
        blocks.push(Block::Para(match &p.best_fit {
            Some(best) => format!("Best fit: {}, the most demanding level whose every skill is met.", label(best, one)),
            None => "Best fit: none yet; no level is met in full.".into(),
        }));
        if !p.next.is_empty() {
            blocks.push(Block::Heading("Closest next".into()));
            // With one role, the table is that role's ladder read against the person.
            let columns = ["Role", "Level", "Steps short", "Top gaps"];
            let mut table = Table::new(columns.into_iter().skip(usize::from(one)));
            for e in &p.next {
                let mut row = vec![
                    Cell::toned(&e.role.name, Tone::Strong),
                    Cell::toned(&e.level.name, if one { Tone::Strong } else { Tone::Plain }),
                    Cell::toned(e.steps_short.to_string(), Tone::Grow),
                    Cell::plain(top_gaps(e)),
                ];
                if one {
                    row.remove(0);
                }
                table.row(row);
            }
            blocks.push(Block::Table(table));
            blocks.push(Block::Hint("+N: steps short · ?: unassessed, counted as the whole rank".into()));
        }
        blocks.push(Block::Summary(sentence(p, one)));
        if let Some(next) = p.next.first() {
            blocks.push(Block::command(
                "What to grow for one level:",
                [format!(
                    "pm-skills gap --profile {} --to {}",
                    // Standard input is shown as `<stdin>` and given as `-`.
                    if p.person.file == "<stdin>" { "-".into() } else { crate::text::shell_word(&p.person.file) },
                    level_id(next, one)
                )],
            ));
        }
        blocks
    }

    fn records(&self) -> Records {
        Records { header: header(), rows: person_rows(&self.placed) }
    }
}

fn header() -> Vec<String> {
    ["person", "file", "kind", "role_id", "level_id", "ready", "steps_short", "expected_total", "top_gaps"]
        .map(String::from)
        .to_vec()
}

/// The CSV rows of one person: the best fit (if any), then each next level.
fn person_rows(p: &PersonFit) -> Vec<Vec<String>> {
    let best = p.best_fit.iter().map(|e| ("best_fit", e));
    best.chain(p.next.iter().map(|e| ("next", e)))
        .map(|(kind, e)| {
            let gaps: Vec<String> = e.gaps.iter().take(3).map(|g| format!("{}+{}", g.skill.id, g.short)).collect();
            vec![
                p.person.name.clone(),
                p.person.file.clone(),
                kind.to_string(),
                e.role.id.clone(),
                e.level.id.clone(),
                e.ready.to_string(),
                e.steps_short.to_string(),
                e.expected_total.to_string(),
                gaps.join(";"),
            ]
        })
        .collect()
}

/// A team on the map: each person's best fit and closest next levels.
#[derive(Debug, Serialize)]
pub struct TeamFitReport {
    pub framework: Ref,
    /// In the order given (file-name order for `--team`).
    pub people: Vec<PersonFit>,
    #[serde(skip)]
    pub one_role: bool,
}

impl TeamFitReport {
    /// Places every profile, on every core: the map is worked out once, each person costs a
    /// number pair per level, and only the levels kept are written out in full.
    pub fn build(framework: &Framework, profiles: &[Profile], limit: usize) -> Self {
        let map = Map::new(framework);
        let people = crate::parallel::map(profiles.iter().collect(), |p| PersonFit::build(framework, &map, p, limit));
        TeamFitReport { framework: framework_ref(framework), people, one_role: framework.roles.len() == 1 }
    }
}

impl Report for TeamFitReport {
    fn document(&self) -> Vec<Block> {
        let one = self.one_role;
        let mut table = Table::new(["Person", "Best fit", "Closest next", "Steps short"]);
        for p in &self.people {
            let next = p.next.first();
            table.row(vec![
                Cell::toned(&p.person.name, Tone::Strong),
                Cell::plain(p.best_fit.as_ref().map_or_else(|| "none yet".to_string(), |e| label(e, one))),
                Cell::plain(next.map_or_else(|| "—".to_string(), |e| label(e, one))),
                Cell::toned(next.map_or_else(String::new, |e| e.steps_short.to_string()), Tone::Grow),
            ]);
        }
        let placed = self.people.iter().filter(|p| p.best_fit.is_some()).count();
        vec![
            Block::Title(format!("Where {} people fit", self.people.len())),
            Block::Table(table),
            Block::Summary(format!("{placed} of {} people meet some level in full", self.people.len())),
            Block::command("One person's closest levels:", ["pm-skills fit --profile FILE"]),
        ]
    }

    fn records(&self) -> Records {
        Records { header: header(), rows: self.people.iter().flat_map(person_rows).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A level of a role of its own, with `expected_total` over one skill.
    fn score(index: usize, steps_short: i64, expected_total: i64) -> Score {
        let at = LevelAt { role: index, level: 0 };
        Score { index, at, steps_short, expected_total, mean_milli: 1000 * expected_total }
    }

    #[test]
    fn best_fit_is_the_most_demanding_ready_level_the_first_on_a_tie() {
        let scores = [score(0, 0, 3), score(1, 0, 5), score(2, 1, 8), score(3, 0, 5), score(4, 2, 4)];
        let (best, next) = place(&scores, 10);
        assert_eq!(best, Some(scores[1]));
        // Level 4, of another role, is less senior than the best fit: behind the person.
        assert_eq!(next.iter().map(|s| s.index).collect::<Vec<_>>(), [2]);
        // In the best fit's own role, only the levels above it are ahead.
        let own =
            |level, steps_short, total| Score { at: LevelAt { role: 9, level }, ..score(level, steps_short, total) };
        let (best, next) = place(&[own(0, 1, 9), own(1, 0, 2), own(2, 1, 1)], 10);
        assert_eq!(best.map(|s| s.index), Some(1));
        assert_eq!(next.iter().map(|s| s.index).collect::<Vec<_>>(), [2]);
        assert_eq!(place(&[score(0, 1, 3)], 10).0, None);
    }

    #[test]
    fn next_is_fewest_short_then_more_demanding_then_framework_order() {
        let scores = [score(0, 3, 3), score(1, 1, 5), score(2, 1, 8), score(3, 1, 5), score(4, 0, 2)];
        let (best, next) = place(&scores, 10);
        assert_eq!(best.map(|s| s.index), Some(4));
        assert_eq!(next.iter().map(|s| s.index).collect::<Vec<_>>(), [2, 1, 3, 0]);
        assert_eq!(place(&scores, 2).1.len(), 2);
    }

    #[test]
    fn an_unassessed_skill_counts_its_whole_rank() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let map = Map::new(&f);
        let nobody = Profile::empty("p.yaml", "P", 0);
        let scores = map.scores(&nobody);
        assert_eq!(scores.len(), 4);
        assert!(scores.iter().all(|s| s.steps_short == s.expected_total && !s.ready()));
        let fit = PersonFit::build(&f, &map, &nobody, 1);
        assert!(fit.best_fit.is_none());
        let first = &fit.next[0];
        assert_eq!((first.level.id.as_str(), first.steps_short), ("product-manager", first.expected_total));
        assert!(first.gaps.iter().all(|g| g.have.is_none()));
    }
}
