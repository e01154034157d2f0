//! The rules that more than one report applies, each written once: where a person stands on a
//! skill against a level (the gap rule, [`Standing`]), and how near a level is to where one
//! stands (the move rule, [`Coverage`] and [`MoveKey`]). `gap`, `gap --team`, `gap --review`,
//! `plan`, `progress`, `fit`, `moves` and the site all call these, so two reports never disagree
//! about the same person or the same move.

use serde::Serialize;

use crate::model::{Framework, LevelAt};

/// Where a person stands on one skill against a target: met, to grow, not assessed (unknown, so
/// never met and never a gap of known size), or not rated by the target (it asks nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    /// At or above the target.
    Met,
    /// Below the target: a gap.
    Grow,
    /// Not in the profile.
    Unassessed,
}

impl Status {
    /// The word JSON and CSV use.
    pub fn word(self) -> &'static str {
        self.into()
    }
}

/// One skill judged against one level: the gap rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The level does not rate the skill.
    NotRated,
    /// The level rates it and the person has not assessed it.
    Unassessed,
    /// At or above what the level expects.
    Met,
    /// Below it, by this many steps (at least 1).
    Grow(i64),
}

impl Standing {
    /// The rule itself, on scale indexes: `have` is what the person says (`None` when they did
    /// not assess the skill), `need` what the level expects (`None` when it does not rate it).
    pub fn of(have: Option<usize>, need: Option<usize>) -> Self {
        match (have, need) {
            (_, None) => Standing::NotRated,
            (None, Some(_)) => Standing::Unassessed,
            (Some(have), Some(need)) if have >= need => Standing::Met,
            (Some(have), Some(need)) => Standing::Grow((need - have) as i64),
        }
    }

    /// The status reports show; `None` for a skill the level does not rate.
    pub fn status(self) -> Option<Status> {
        match self {
            Standing::NotRated => None,
            Standing::Unassessed => Some(Status::Unassessed),
            Standing::Met => Some(Status::Met),
            Standing::Grow(_) => Some(Status::Grow),
        }
    }

    /// Steps still to climb: 0 when met, `None` when not assessed or not rated.
    pub fn gap(self) -> Option<i64> {
        match self {
            Standing::Met => Some(0),
            Standing::Grow(steps) => Some(steps),
            Standing::NotRated | Standing::Unassessed => None,
        }
    }
}

/// The skills a level rates, with the scale index it expects of each, in its role's skill order.
pub fn expected(framework: &Framework, at: LevelAt) -> impl Iterator<Item = (usize, usize)> + '_ {
    let role = &framework.roles[at.role];
    role.skills.iter().zip(&role.levels[at.level].ratings).filter_map(|(&s, r)| Some((s, r.as_ref()?.proficiency)))
}

/// The scale index the level `at` expects in skill `skill`; `None` when it does not rate it.
pub fn need(framework: &Framework, at: LevelAt, skill: usize) -> Option<usize> {
    expected(framework, at).find(|&(s, _)| s == skill).map(|(_, need)| need)
}

/// The counts of a person against a level over every skill the level rates: what every report
/// says as "meets M of N; G to grow; U unassessed".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub skills: usize,
    pub met: usize,
    pub grow: usize,
    pub unassessed: usize,
    /// Sum of the gaps of assessed skills.
    pub steps: i64,
}

impl Tally {
    /// The counts of `at` for a person whose scale index in each skill is `have(skill)`, as
    /// [`Coverage::of`] measures the same level.
    pub fn of(framework: &Framework, at: LevelAt, have: impl Fn(usize) -> Option<usize>) -> Self {
        let mut t = Tally::default();
        for (skill, need) in expected(framework, at) {
            t.add(Standing::of(have(skill), Some(need)));
        }
        t
    }

    /// Counts one skill; a skill the level does not rate is not counted.
    pub fn add(&mut self, standing: Standing) {
        match standing {
            Standing::NotRated => return,
            Standing::Unassessed => self.unassessed += 1,
            Standing::Met => self.met += 1,
            Standing::Grow(steps) => {
                self.grow += 1;
                self.steps += steps;
            }
        }
        self.skills += 1;
    }

    /// Every skill met and none unassessed: ready for the level.
    pub fn ready(&self) -> bool {
        self.grow == 0 && self.unassessed == 0
    }
}

/// How much of a level a source already brings: over the skills the level rates, the rank the
/// source has in each (capped at what the level expects; 0 where it has none) against the rank
/// the level expects, ranks counting from 1. A level or a person can be the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Coverage {
    /// The ranks brought, each capped at the need.
    pub brought: i64,
    /// The ranks the level expects in all.
    pub expected: i64,
}

impl Coverage {
    /// The coverage of `to` by a source whose scale index in each skill is `have(skill)`.
    pub fn of(framework: &Framework, to: LevelAt, have: impl Fn(usize) -> Option<usize>) -> Self {
        let mut c = Coverage::default();
        for (skill, need) in expected(framework, to) {
            c.add(have(skill), need);
        }
        c
    }

    /// Counts one skill the level expects at scale index `need`, of which the source has `have`.
    pub fn add(&mut self, have: Option<usize>, need: usize) {
        self.brought += have.map_or(0, |h| h.min(need) as i64 + 1);
        self.expected += need as i64 + 1;
    }

    /// The coverage in thousandths, for ranking without floating point.
    pub fn milli(&self) -> i64 {
        if self.expected == 0 { 0 } else { 1000 * self.brought / self.expected }
    }

    /// The coverage from 0 to 1, to three places, as JSON gives it.
    pub fn fraction(&self) -> f64 {
        self.milli() as f64 / 1000.0
    }
}

/// "34%": a coverage from 0 to 1 as people read it.
pub fn percent(fraction: f64) -> String {
    format!("{}%", (fraction * 100.0).round())
}

/// The move rule in one sentence, as a literal so that `--help` can `concat!` it.
#[macro_export]
macro_rules! move_rule {
    () => {
        "Moves are ranked by how much of each level the source already brings (the skills they share, at the \
         source's proficiency, against all that the level expects), roles of the same family first; steps to grow \
         and new skills are shown, not ranked."
    };
}

/// The move rule in one sentence, as the help, the table's footer and the README say it.
pub const MOVE_RULE: &str = move_rule!();

/// How a list of moves is ordered: roles of the source's family first, then the most covered,
/// then the fewest steps to grow, the fewest new skills, and the framework's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MoveKey {
    other_family: bool,
    uncovered: std::cmp::Reverse<i64>,
    steps: i64,
    new_skills: usize,
    role: usize,
    level: std::cmp::Reverse<usize>,
}

/// The family of `role` as the move rule reads it (`family:`, trimmed), or `None` when it has none.
pub fn family(framework: &Framework, role: usize) -> Option<&str> {
    framework.roles[role].family.as_deref().map(str::trim).filter(|f| !f.is_empty())
}

/// Whether a move from role `from` to role `to` stays in the family: the same role, or two that
/// name the same [`family`]. What the move rule ranks first, and a route counts.
pub fn same_family(framework: &Framework, from: usize, to: usize) -> bool {
    to == from || family(framework, from).is_some_and(|f| family(framework, to) == Some(f))
}

impl MoveKey {
    /// The key of a move to `to` from a source of role `from_role`.
    pub fn new(
        framework: &Framework,
        from_role: usize,
        to: LevelAt,
        coverage: Coverage,
        steps: i64,
        new_skills: usize,
    ) -> Self {
        MoveKey {
            other_family: !same_family(framework, from_role, to.role),
            uncovered: std::cmp::Reverse(coverage.milli()),
            steps,
            new_skills,
            role: to.role,
            level: std::cmp::Reverse(to.level),
        }
    }
}

impl MoveKey {
    /// Whether the move stays in the source's role family.
    pub fn same_family(&self) -> bool {
        !self.other_family
    }
}

/// The mean rank (1 = the lowest step) a level expects over the skills it rates, in thousandths:
/// its seniority, comparable across roles. 0 when it rates none.
pub fn seniority(framework: &Framework, at: LevelAt) -> i64 {
    let (mut sum, mut n) = (0, 0);
    for (_, need) in expected(framework, at) {
        sum += need as i64 + 1;
        n += 1;
    }
    if n == 0 { 0 } else { 1000 * sum / n }
}

/// The seniority of each level of one role, and its levels ordered by it: a level nearest to a
/// seniority is found by a binary search rather than a look at every level.
#[derive(Debug)]
struct RoleSeniority {
    /// By level.
    of: Vec<i64>,
    /// Each seniority the role's levels have, lowest first, with the most senior level that has it.
    sorted: Vec<(i64, usize)>,
}

impl RoleSeniority {
    fn of(framework: &Framework, role: usize) -> Self {
        let of: Vec<i64> = (0..framework.roles[role].levels.len())
            .map(|level| seniority(framework, LevelAt { role, level }))
            .collect();
        let mut sorted: Vec<(i64, usize)> = of.iter().enumerate().map(|(level, &s)| (s, level)).collect();
        sorted.sort();
        // Of the levels with one seniority, the most senior: the last of its run.
        sorted.reverse();
        sorted.dedup_by_key(|&mut (s, _)| s);
        sorted.reverse();
        RoleSeniority { of, sorted }
    }

    /// The level nearest in seniority to `target`; of two equally near, the more senior, which is
    /// worth more.
    fn nearest(&self, role: usize, target: i64) -> Option<LevelAt> {
        let i = self.sorted.partition_point(|&(s, _)| s < target);
        // The nearest is the last below `target` or the first at or above it.
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|j| self.sorted.get(j))
            .min_by_key(|&&(s, level)| ((s - target).abs(), std::cmp::Reverse(level)))
            .map(|&(_, level)| LevelAt { role, level })
    }
}

/// The seniority of every level of every role, computed once: what the moves of all the levels
/// share. The site ranks the moves of each of its level pages with one table, so a page costs a
/// binary search per role rather than a look at every level of the framework.
#[derive(Debug)]
pub struct Seniorities(Vec<RoleSeniority>);

impl Seniorities {
    /// Every role's levels of `framework`.
    pub fn of(framework: &Framework) -> Self {
        Seniorities((0..framework.roles.len()).map(|role| RoleSeniority::of(framework, role)).collect())
    }

    /// The seniority of `at`, as [`seniority`] gives it.
    pub fn at(&self, at: LevelAt) -> i64 {
        self.0[at.role].of[at.level]
    }

    /// The level of `role` nearest in seniority to `seniority_milli` (ties: the more senior level).
    /// `None` for a role with no levels.
    pub fn nearest(&self, role: usize, seniority_milli: i64) -> Option<LevelAt> {
        self.0[role].nearest(role, seniority_milli)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{career_map, dvla, profile};

    #[test]
    fn the_gap_rule_on_every_case() {
        assert_eq!(Standing::of(Some(2), None), Standing::NotRated);
        assert_eq!(Standing::of(None, None), Standing::NotRated);
        assert_eq!(Standing::of(None, Some(0)), Standing::Unassessed);
        assert_eq!(Standing::of(Some(2), Some(2)), Standing::Met);
        assert_eq!(Standing::of(Some(3), Some(1)), Standing::Met);
        assert_eq!(Standing::of(Some(0), Some(3)), Standing::Grow(3));
        assert_eq!(Standing::Grow(2).gap(), Some(2));
        assert_eq!(Standing::Met.gap(), Some(0));
        assert_eq!(Standing::Unassessed.gap(), None);
        assert_eq!(Standing::NotRated.status(), None);
    }

    #[test]
    fn a_tally_counts_only_what_the_level_rates_and_a_blank_is_never_met() {
        let f = dvla();
        let at = LevelAt { role: 0, level: 1 };
        let mut levels = vec![Some(3); 10];
        levels[0] = None;
        levels[4] = Some(1);
        let p = profile(&f, &levels);
        let have = |skill: usize| p.assessment(skill).map(|a| a.proficiency);
        let t = Tally::of(&f, at, have);
        assert_eq!((t.skills, t.met, t.grow, t.unassessed, t.steps), (10, 8, 1, 1, 2));
        assert!(!t.ready());
        let skill = f.roles[0].skills[4];
        assert_eq!(Standing::of(have(skill), need(&f, at, skill)), Standing::Grow(2));
    }

    #[test]
    fn coverage_caps_each_skill_at_the_need_and_counts_a_missing_one_as_nothing() {
        let f = career_map();
        let to = LevelAt { role: 1, level: 0 };
        let none = Coverage::of(&f, to, |_| None);
        assert_eq!(none.brought, 0);
        assert!(none.expected > 0);
        let all = Coverage::of(&f, to, |_| Some(99));
        assert_eq!((all.brought, all.milli()), (all.expected, 1000));
        assert_eq!((percent(all.fraction()), percent(0.3434)), ("100%".to_string(), "34%".to_string()));
    }

    #[test]
    fn the_family_comes_first_then_coverage_then_steps() {
        let mut f = career_map();
        f.roles[0].family = Some("Analysis".into());
        f.roles[2].family = Some("Analysis".into());
        let c = |brought| Coverage { brought, expected: 10 };
        let key = |role, brought, steps| MoveKey::new(&f, 0, LevelAt { role, level: 0 }, c(brought), steps, 0);
        // Role 2 shares the family: first, though role 1 brings more.
        assert!(key(2, 1, 9) < key(1, 9, 1));
        // Within a family, more coverage first; at equal coverage, fewer steps.
        assert!(key(1, 5, 9) < key(1, 4, 1));
        assert!(key(1, 5, 1) < key(1, 5, 2));
    }

    #[test]
    fn the_nearest_level_in_seniority_and_on_a_tie_the_more_senior() {
        let f = career_map();
        let nearest_level = |f: &Framework, role: usize, at: i64| Seniorities::of(f).nearest(role, at);
        for role in 0..f.roles.len() {
            for level in 0..f.roles[role].levels.len() {
                let at = LevelAt { role, level };
                let found = nearest_level(&f, role, seniority(&f, at)).unwrap();
                assert_eq!(seniority(&f, found), seniority(&f, at));
                assert!(found.level >= level, "a tie goes to the more senior level");
            }
        }
        assert_eq!(nearest_level(&f, 0, 0), Some(LevelAt { role: 0, level: 0 }));
        // The table's binary search finds what a look at every level finds.
        let table = Seniorities::of(&f);
        for role in 0..f.roles.len() {
            for target in (0..6000).step_by(37) {
                let every = (0..f.roles[role].levels.len())
                    .map(|level| LevelAt { role, level })
                    .min_by_key(|&at| ((seniority(&f, at) - target).abs(), std::cmp::Reverse(at.level)));
                assert_eq!(table.nearest(role, target), every, "role {role}, seniority {target}");
            }
        }
        assert_eq!(nearest_level(&f, 0, i64::MAX / 2).map(|at| at.level), Some(f.roles[0].levels.len() - 1));
    }
}
