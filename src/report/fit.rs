//! `pm-skills fit`: a person placed on the whole map, every level of every role read against
//! their profile by the gap rule ([`rules::Standing`]), as `gap` reads one level.
//!
//! A skill not assessed is unknown, not zero: it is never met and never a gap of known size. The
//! best fit is the most demanding level where nothing assessed falls short and more than half
//! of what it rates was assessed; what was not assessed is named beside it. Then come the next
//! levels: the person's own role first, then the other roles by the move rule
//! ([`rules::MoveKey`], as `moves` ranks them), from the person's own ratings.

use serde::Serialize;

use super::gap::{Person, Readiness, Status, person};
use super::rules::{self, Coverage, MoveKey, Standing, Tally};
use super::{Proficiency, Ref, Report};
use crate::model::{Framework, LevelAt, Profile, Scope};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Records, Table, Tone, Value};
use crate::text::plural;

/// What every level expects, worked out once and read against each person.
#[derive(Debug)]
pub struct Map {
    /// In framework order: roles in order, each role's levels most junior first.
    levels: Vec<Expected>,
    /// Each role's levels by seniority, to find the one nearest a person's.
    seniorities: rules::Seniorities,
    /// How many skills the framework has.
    skills: usize,
}

#[derive(Debug)]
struct Expected {
    at: LevelAt,
    /// (skill index into the framework, scale index expected), in the role's skill order.
    skills: Vec<(usize, usize)>,
    /// The sum of the ranks it expects (counting from 1): how demanding it is.
    total: i64,
    /// [`rules::seniority`].
    seniority: i64,
}

/// One level scored against a person: a few numbers, cheap enough for thousands of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Index into the map's levels (framework order).
    pub index: usize,
    pub at: LevelAt,
    /// The person against the level, by the gap rule.
    pub tally: Tally,
    /// How much of the level the person's ratings bring (the move rule's figure).
    pub coverage: Coverage,
    pub expected_total: i64,
    pub seniority: i64,
}

impl Score {
    /// Every skill the level rates is met.
    pub fn ready(&self) -> bool {
        self.tally.ready()
    }

    /// Nothing assessed falls short, and more than half of what the level rates was assessed:
    /// a fit on what is known.
    pub fn fits(&self) -> bool {
        self.tally.grow == 0 && self.tally.met > self.tally.unassessed
    }
}

impl Map {
    /// Every level of every role, with the ranks it expects.
    pub fn new(framework: &Framework) -> Self {
        let mut levels = Vec::new();
        for (role, r) in framework.roles.iter().enumerate() {
            for level in 0..r.levels.len() {
                let at = LevelAt { role, level };
                let skills: Vec<(usize, usize)> = rules::expected(framework, at).collect();
                let total = skills.iter().map(|(_, need)| *need as i64 + 1).sum();
                levels.push(Expected { at, skills, total, seniority: rules::seniority(framework, at) });
            }
        }
        Map { levels, seniorities: rules::Seniorities::of(framework), skills: framework.skills.len() }
    }

    /// Every level scored against `profile`, in framework order.
    pub fn scores(&self, profile: &Profile) -> Vec<Score> {
        // Every level looks its skills up: the person's ratings laid out by skill once.
        let mut by_skill = vec![None; self.skills];
        for (s, a) in &profile.skills {
            by_skill[*s] = Some(a.proficiency);
        }
        let have = |s: usize| by_skill[s];
        self.levels
            .iter()
            .enumerate()
            .map(|(index, e)| {
                let (mut tally, mut coverage) = (Tally::default(), Coverage::default());
                for &(s, need) in &e.skills {
                    let have = have(s);
                    tally.add(Standing::of(have, Some(need)));
                    coverage.add(have, need);
                }
                Score { index, at: e.at, tally, coverage, expected_total: e.total, seniority: e.seniority }
            })
            .collect()
    }
}

/// The best fit and the `limit` next levels. The best fit is the most demanding level that
/// [`Score::fits`] (ties: the first in framework order). The person's home role is the best fit's,
/// else the profile's. The next levels are those of the home role above the best fit that are not
/// ready, nearest first (the first one only when the framework has other roles); then, for each
/// other role, its level nearest in seniority to the best fit (else to the profile's own level),
/// ranked by the move rule from the person's ratings.
pub fn place(
    framework: &Framework,
    map: &Map,
    scores: &[Score],
    profile: &Profile,
    limit: usize,
) -> (Option<Score>, Vec<Score>) {
    let mut best: Option<Score> = None;
    for s in scores.iter().filter(|s| s.fits()) {
        if best.is_none_or(|b| s.expected_total > b.expected_total) {
            best = Some(*s);
        }
    }
    let home = best.map_or(profile.role, |b| b.at.role);
    let from = best.map_or(0, |b| b.at.level + 1);
    let mut next: Vec<Score> =
        scores.iter().filter(|s| s.at.role == home && s.at.level >= from && !s.ready()).copied().collect();
    if framework.roles.len() > 1 {
        next.truncate(1);
    }
    let own_level = || {
        let at = LevelAt { role: profile.role, level: profile.level? };
        scores.iter().find(|s| s.at == at).copied()
    };
    // A team keeps one next level: other roles are ranked only when the own role leaves room.
    if next.len() < limit {
        let anchor = best.or_else(own_level).map(|s| s.seniority);
        next.extend(other_roles(framework, map, scores, home, anchor, best));
    }
    next.truncate(limit);
    (best, next)
}

/// Each role other than `own`: its level nearest to `anchor` in seniority (the most junior when
/// there is no anchor), or the first above it that the person is not ready for and that is not
/// the best fit; ranked by the move rule.
fn other_roles(
    framework: &Framework,
    map: &Map,
    scores: &[Score],
    own: usize,
    anchor: Option<i64>,
    best: Option<Score>,
) -> Vec<Score> {
    let mut others: Vec<(MoveKey, Score)> = (0..framework.roles.len())
        .filter(|&role| role != own)
        .filter_map(|role| {
            let near = map.seniorities.nearest(role, anchor.unwrap_or(0))?;
            scores
                .iter()
                .filter(|s| s.at.role == role && s.at.level >= near.level)
                .find(|s| !s.ready() && best.is_none_or(|b| b.at != s.at))
                .copied()
        })
        .map(|s| (MoveKey::new(framework, own, s.at, s.coverage, s.tally.steps, s.tally.unassessed), s))
        .collect();
    others.sort_by_key(|(key, _)| *key);
    others.into_iter().map(|(_, s)| s).collect()
}

/// A level placed against a person.
#[derive(Debug, Clone, Serialize)]
pub struct FitEntry {
    pub role: Ref,
    pub level: Ref,
    /// Every skill the level expects is met.
    pub ready: bool,
    /// The person against the level, counted as `gap` counts it.
    pub readiness: Readiness,
    /// How much of the level the person's ratings bring, from 0 to 1: the figure the move rule
    /// ranks other roles by.
    pub coverage: f64,
    /// The sum of the ranks the level expects: how demanding it is.
    pub expected_total: i64,
    /// The skills to grow, biggest first, then those not assessed.
    pub gaps: Vec<FitGap>,
}

/// One skill a person is short of, or has not assessed, on a level.
#[derive(Debug, Clone, Serialize)]
pub struct FitGap {
    pub skill: Ref,
    /// `null` when unassessed.
    pub have: Option<Proficiency>,
    pub need: Proficiency,
    /// Steps to climb; `null` when unassessed.
    pub gap: Option<i64>,
    pub status: Status,
}

fn entry(framework: &Framework, map: &Map, profile: &Profile, score: Score) -> FitEntry {
    let e = &map.levels[score.index];
    let (role, level) = (&framework.roles[e.at.role], framework.level(e.at));
    let mut gaps: Vec<FitGap> = e
        .skills
        .iter()
        .filter_map(|&(s, need)| {
            let have = profile.assessment(s).map(|a| a.proficiency);
            let standing = Standing::of(have, Some(need));
            let status = standing.status().filter(|s| *s != Status::Met)?;
            let skill = &framework.skills[s];
            Some(FitGap {
                skill: Ref::from(skill),
                have: have.map(|h| framework.proficiency(h)),
                need: framework.proficiency(need),
                gap: standing.gap(),
                status,
            })
        })
        .collect();
    // The biggest gaps first, then the unassessed; the sort is stable, so ties keep skill order.
    gaps.sort_by_key(|g| (g.status == Status::Unassessed, std::cmp::Reverse(g.gap.unwrap_or(0))));
    let names = |status: Status| gaps.iter().filter(|g| g.status == status).map(|g| g.skill.name.as_str()).collect();
    let readiness = Readiness::new(score.tally, names(Status::Grow), names(Status::Unassessed), &level.name);
    FitEntry {
        role: Ref::from(role),
        level: Ref::from(level),
        ready: score.ready(),
        readiness,
        coverage: score.coverage.fraction(),
        expected_total: score.expected_total,
        gaps,
    }
}

/// The `limit` levels of roles other than `role` nearest to `profile`, by the move rule from the
/// profile's ratings, each the level of its role nearest in seniority to `target`: what a
/// development plan shows beside its own target.
pub fn nearest_in_other_roles(
    framework: &Framework,
    profile: &Profile,
    target: LevelAt,
    limit: usize,
) -> Vec<FitEntry> {
    let map = Map::new(framework);
    let scores = map.scores(profile);
    let anchor = scores.iter().find(|s| s.at == target).map(|s| s.seniority);
    let mut others = other_roles(framework, &map, &scores, target.role, anchor, None);
    others.truncate(limit);
    others.into_iter().map(|s| entry(framework, &map, profile, s)).collect()
}

/// One person on the map.
#[derive(Debug, Serialize)]
pub struct PersonFit {
    pub person: Person,
    /// The most demanding level that fits on what was assessed; `null` when none does.
    pub best_fit: Option<FitEntry>,
    /// Why the best fit asks less than the level the profile names, when it does: what that
    /// level asks that the person does not show.
    pub below_own_level: Option<String>,
    pub next: Vec<FitEntry>,
}

impl PersonFit {
    /// Places `profile` on the map, keeping `limit` next levels.
    pub fn build(framework: &Framework, map: &Map, profile: &Profile, limit: usize) -> Self {
        let scores = map.scores(profile);
        let (best, next) = place(framework, map, &scores, profile, limit);
        let scope = Scope { framework, role: &framework.roles[profile.role] };
        let own = profile.level.and_then(|level| scores.iter().find(|s| s.at == LevelAt { role: profile.role, level }));
        let below_own_level = match (best, own) {
            (Some(b), Some(own)) if b.expected_total < own.expected_total => {
                let own = entry(framework, map, profile, *own);
                Some(format!("{}, the profile's own level, {}", own.level.name, own.readiness.text))
            }
            _ => None,
        };
        PersonFit {
            person: person(scope, profile),
            best_fit: best.map(|s| entry(framework, map, profile, s)),
            below_own_level,
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
    Ref::from(framework)
}

/// A level as people read it: with its role when there are several.
fn label(e: &FitEntry, one_role: bool) -> String {
    if one_role { e.level.name.clone() } else { format!("{} ({})", e.level.name, e.role.name) }
}

/// A level as commands take it: `ROLE/LEVEL`, or the bare id when there is one role.
fn level_id(e: &FitEntry, one_role: bool) -> String {
    if one_role { e.level.id.clone() } else { format!("{}/{}", e.role.id, e.level.id) }
}

/// The three biggest gaps (`Skill +2`), then what was not assessed (`Skill ?`).
pub fn top_gaps(e: &FitEntry) -> String {
    let gap = |g: &FitGap| match g.gap {
        Some(steps) => format!("{} {}", g.skill.name, signed(steps)),
        None => format!("{} ?", g.skill.name),
    };
    e.gaps.iter().take(3).map(gap).collect::<Vec<_>>().join("\n")
}

/// "3 steps to grow, 1 unassessed", or "ready": how far a level is, in the gap rule's counts.
pub fn distance(e: &FitEntry) -> String {
    let r = &e.readiness;
    if r.ready {
        return "ready".into();
    }
    let mut parts = Vec::new();
    if r.grow > 0 {
        parts.push(format!("{} to grow", plural(r.steps_to_grow as usize, "step", "steps")));
    }
    if r.unassessed > 0 {
        parts.push(format!("{} unassessed", r.unassessed));
    }
    parts.join(", ")
}

/// What the best fit rests on: "every skill met", or "on what was assessed; 1 unassessed: X".
fn best_words(best: &FitEntry) -> String {
    if best.ready {
        return "every skill met".into();
    }
    let r = &best.readiness;
    let unassessed: Vec<&str> =
        best.gaps.iter().filter(|g| g.status == Status::Unassessed).map(|g| g.skill.name.as_str()).collect();
    format!("on what was assessed; {} unassessed: {}", r.unassessed, unassessed.join(", "))
}

/// One person's placing in a sentence.
fn sentence(p: &PersonFit, one_role: bool) -> String {
    let mut text = match &p.best_fit {
        Some(best) => format!("{}: fits {}, {}", p.person.name, label(best, one_role), best_words(best)),
        None => format!("{}: no level fits yet on what was assessed", p.person.name),
    };
    if let Some(next) = p.next.first() {
        text.push_str(&format!("; closest next: {}, {}", label(next, one_role), distance(next)));
    }
    text
}

impl Report for FitReport {
    fn document(&self) -> Vec<Block> {
        let (one, p) = (self.one_role, &self.placed);
        let mut blocks = vec![Block::Title(format!("Where {} fits", p.person.name))];
        blocks.push(Block::Para(match &p.best_fit {
            Some(best) if best.ready => {
                format!("Best fit: {}, the most demanding level whose every skill is met.", label(best, one))
            }
            Some(best) => {
                let unassessed = best.gaps.iter().filter(|g| g.status == Status::Unassessed);
                let names: Vec<&str> = unassessed.map(|g| g.skill.name.as_str()).collect();
                format!(
                    "Best fit: {}, on what was assessed: the most demanding level where nothing assessed falls \
                     short. Not assessed ({}): {}.",
                    label(best, one),
                    names.len(),
                    names.join(", ")
                )
            }
            None => "Best fit: none yet; every level has a skill assessed below what it asks, or half its skills \
                     or more unassessed."
                .into(),
        }));
        if let Some(why) = &p.below_own_level {
            blocks.push(Block::Para(format!("It is below {why}.")));
        }
        if !p.next.is_empty() {
            blocks.push(Block::Heading("Closest next".into()));
            // With one role, the table is that role's ladder read against the person, in order:
            // no role to name, and no coverage to rank roles by.
            let mut table = if one {
                Table::new(["Level", "Steps", "Unassessed", "Top gaps"])
            } else {
                Table::new(["Role", "Level", "Coverage", "Steps", "Unassessed", "Top gaps"])
            };
            for e in &p.next {
                let mut row = vec![Cell::toned(&e.role.name, Tone::Strong), Cell::toned(&e.level.name, Tone::Plain)];
                row.push(Cell::plain(rules::percent(e.coverage)));
                row.push(Cell::toned(e.readiness.steps_to_grow.to_string(), Tone::Grow));
                row.push(Cell::plain(e.readiness.unassessed.to_string()));
                row.push(Cell::plain(top_gaps(e)));
                if one {
                    row.remove(2);
                    row.remove(0);
                    row[0].tone = Tone::Strong;
                }
                table.row(row);
            }
            blocks.push(Block::Table(table));
            blocks.push(Block::Hint(
                "+N: steps to grow · ?: not assessed, so not known (assess --for ROLE/LEVEL asks a level's \
                 skills that a profile lacks)"
                    .into(),
            ));
            if !one {
                blocks.push(Block::Hint(rules::MOVE_RULE.into()));
            }
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
    [
        "person",
        "file",
        "kind",
        "role_id",
        "level_id",
        "ready",
        "met",
        "grow",
        "unassessed",
        "steps_to_grow",
        "coverage",
        "expected_total",
        "top_gaps",
    ]
    .map(String::from)
    .to_vec()
}

/// The CSV rows of one person: the best fit (if any), then each next level.
fn person_rows(p: &PersonFit) -> Vec<Vec<Value>> {
    let best = p.best_fit.iter().map(|e| ("best_fit", e));
    best.chain(p.next.iter().map(|e| ("next", e)))
        .map(|(kind, e)| {
            let gap = |g: &FitGap| match g.gap {
                Some(steps) => format!("{}+{steps}", g.skill.id),
                None => format!("{}?", g.skill.id),
            };
            let mut row = vec![
                Value::from(&p.person.name),
                Value::from(&p.person.file),
                Value::from(kind),
                Value::from(&e.role.id),
                Value::from(&e.level.id),
                Value::from(e.ready),
            ];
            row.extend(e.readiness.count_cells());
            row.extend([
                Value::Fraction(e.coverage),
                Value::from(e.expected_total),
                Value::from(e.gaps.iter().take(3).map(gap).collect::<Vec<_>>().join(";")),
            ]);
            row
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
    /// few numbers per level, and only the levels kept are written out in full.
    pub fn build(framework: &Framework, profiles: &[Profile], limit: usize) -> Self {
        let map = Map::new(framework);
        let people = crate::parallel::map(profiles.iter().collect(), |p| PersonFit::build(framework, &map, p, limit));
        TeamFitReport { framework: framework_ref(framework), people, one_role: framework.roles.len() == 1 }
    }
}

impl Report for TeamFitReport {
    fn document(&self) -> Vec<Block> {
        let one = self.one_role;
        let mut table = Table::new(["Person", "Best fit", "Closest next", "How far"]);
        for p in &self.people {
            let next = p.next.first();
            table.row(vec![
                Cell::toned(&p.person.name, Tone::Strong),
                Cell::plain(p.best_fit.as_ref().map_or_else(|| "none yet".to_string(), |e| label(e, one))),
                Cell::plain(next.map_or_else(|| "—".to_string(), |e| label(e, one))),
                Cell::toned(next.map_or_else(String::new, distance), Tone::Grow),
            ]);
        }
        let placed = self.people.iter().filter(|p| p.best_fit.is_some()).count();
        vec![
            Block::Title(format!("Where {} people fit", self.people.len())),
            Block::Table(table),
            Block::Summary(format!("{placed} of {} people fit some level on what they assessed", self.people.len())),
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
    use crate::report::testing::{career_map, dvla, profile};

    #[test]
    fn a_skill_not_assessed_is_unknown_and_the_best_fit_is_said_on_what_was_assessed() {
        // The case: Practitioner in every skill but one, which is unassessed.
        let f = dvla();
        let mut levels = vec![Some(2); 10];
        levels[3] = None;
        let fit = PersonFit::build(&f, &Map::new(&f), &profile(&f, &levels), 3);
        let best = fit.best_fit.as_ref().expect("a best fit on what was assessed");
        assert_eq!(best.level.id, "product-manager");
        assert!(!best.ready);
        let r = &best.readiness;
        assert_eq!((r.met, r.grow, r.unassessed), (9, 0, 1));
        let unassessed: Vec<&str> = best.gaps.iter().map(|g| g.skill.name.as_str()).collect();
        assert_eq!(unassessed, [f.skills[3].name.as_str()]);
        assert_eq!(best.gaps[0].gap, None);
        assert!(
            sentence(&fit, true)
                .contains(&format!("fits Product Manager, on what was assessed; 1 unassessed: {}", f.skills[3].name))
        );
        // The next level is Senior, with the steps its expert skills ask.
        assert_eq!(fit.next[0].level.id, "senior");
        assert!(fit.next[0].readiness.grow > 0);
    }

    #[test]
    fn nobody_fits_on_nothing_and_every_gap_is_unknown() {
        let f = dvla();
        let nobody = Profile::empty("p.yaml", "P", 0);
        let fit = PersonFit::build(&f, &Map::new(&f), &nobody, 9);
        assert!(fit.best_fit.is_none());
        assert_eq!(fit.next.len(), 4, "one role: every level of the ladder, nearest first");
        assert_eq!(fit.next[0].level.id, "product-manager");
        assert!(
            fit.next.iter().all(|e| e.readiness.unassessed == e.readiness.skills && e.readiness.steps_to_grow == 0)
        );
        assert!(fit.next[0].gaps.iter().all(|g| g.have.is_none() && g.gap.is_none()));
    }

    #[test]
    fn a_best_fit_below_the_profiles_own_level_says_why() {
        let f = dvla();
        let mut p = profile(&f, &[Some(2); 10]);
        p.level = Some(1);
        let fit = PersonFit::build(&f, &Map::new(&f), &p, 3);
        assert_eq!(fit.best_fit.as_ref().map(|b| b.level.id.as_str()), Some("product-manager"));
        let why = fit.below_own_level.as_deref().expect("a reason");
        assert!(why.starts_with("Senior Product Manager, the profile's own level, meets "), "{why}");
        assert!(why.contains("to grow: "), "{why}");
        let at_own = PersonFit::build(&f, &Map::new(&f), &profile(&f, &[Some(2); 10]), 3);
        assert!(at_own.below_own_level.is_none());
    }

    #[test]
    fn other_roles_follow_the_own_roles_next_level_ranked_by_the_move_rule() {
        let f = career_map();
        // An analyst (role 0) at Analyst, with working research and data and aware delivery.
        let p = Profile {
            skills: f
                .skills
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let step = match s.id.as_str() {
                        "research" | "data" => 1,
                        "delivery" => 0,
                        _ => return None,
                    };
                    Some((i, crate::model::Assessment { proficiency: step, evidence: vec![] }))
                })
                .collect(),
            level: Some(1),
            ..Profile::empty("p.yaml", "P", 0)
        };
        let map = Map::new(&f);
        let fit = PersonFit::build(&f, &map, &p, 9);
        assert_eq!(fit.best_fit.as_ref().map(|b| b.level.id.as_str()), Some("analyst"));
        assert_eq!((fit.next[0].role.id.as_str(), fit.next[0].level.id.as_str()), ("analyst", "lead-analyst"));
        let others: Vec<&FitEntry> = fit.next[1..].iter().collect();
        assert!(!others.is_empty() && others.iter().all(|e| e.role.id != "analyst"));
        assert!(others.windows(2).all(|w| w[0].coverage >= w[1].coverage), "most covered first");
        // A plan's other roles are the same levels, in the same order.
        let target = LevelAt { role: 0, level: 2 };
        let plan: Vec<String> =
            nearest_in_other_roles(&f, &p, target, 9).iter().map(|e| format!("{}/{}", e.role.id, e.level.id)).collect();
        assert_eq!(plan.len(), f.roles.len() - 1);
    }
}
