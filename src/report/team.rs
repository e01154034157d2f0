//! `pm-skills gap` for a team: each person against their own target (or everyone against one
//! level), the skills where the team is thin, and who is ready. How it looks is in `team_view`.

use std::collections::HashMap;

use serde::Serialize;

use super::gap::{Person, Readiness, person};
use super::per_person::PerPerson;
use super::rules::{Standing, Tally};
use super::{Proficiency, Rank, Ref};
pub use super::{Target, TargetFrom};
use crate::model::{Assessment, Framework, LevelAt, LevelRef, Profile};

/// The order of the people in a team view (`--sort`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// As given: the `--profile` files, then the team folder's in file-name order.
    #[default]
    Given,
    /// Ready first, then the fewest steps short, each unassessed skill counting as one step
    /// (then fewer unassessed, then name).
    Readiness,
    /// By name, ignoring case.
    Name,
}

/// A team, each person against their target: people × skills, and where the team is thin.
#[derive(Debug, Serialize)]
pub struct TeamReport {
    pub framework: Ref,
    /// The role of every target, when they share one; `null` when the targets span roles.
    pub role: Option<Ref>,
    /// The one level everyone is compared with (`--to`, or targets that agree); `null` when
    /// people's targets differ (each person's is in `people[].target`).
    pub target: Option<Ref>,
    /// The order of `people` (and of every per-person list).
    pub sort: Sort,
    pub people: Vec<TeamMember>,
    /// One row per skill any target expects, the thinnest (largest total gap) first.
    pub skills: Vec<TeamSkill>,
    pub summary: TeamSummary,
    /// The framework has one role, so level ids need no role before them.
    #[serde(skip)]
    pub one_role: bool,
}

/// One person in the team view.
#[derive(Debug, Serialize)]
pub struct TeamMember {
    pub person: Person,
    /// The level this person is compared with.
    pub target: LevelRef,
    pub target_from: TargetFrom,
    pub readiness: Readiness,
}

/// One skill across the team.
#[derive(Debug, Serialize)]
pub struct TeamSkill {
    pub skill: Ref,
    /// What every target asks for, when they all ask for the same; `null` when they differ or
    /// some do not ask for the skill.
    pub need: Option<Proficiency>,
    /// One entry per person, in `people` order: the rank their target asks for (1 is the lowest
    /// step of the scale), or `null` when it does not ask for the skill.
    pub needs: PerPerson<Rank>,
    /// One entry per person, in `people` order: their gap, or `null` when unassessed or not asked for.
    pub gaps: PerPerson<i64>,
    /// Sum of the assessed gaps across the team: the steps the team has to grow here.
    pub total_gap: i64,
    /// How many people have a gap here.
    pub people_to_grow: usize,
    /// How many people whose target asks for the skill did not assess it.
    pub unassessed: usize,
    /// How many people's targets ask for the skill.
    pub expected: usize,
    /// The evidence people gave for the skill, in `people` order; only those who gave some.
    pub evidence: Vec<Evidence>,
}

/// One person's evidence for one skill.
#[derive(Debug, Serialize)]
pub struct Evidence {
    pub person: String,
    pub notes: Vec<String>,
}

/// The team in numbers.
#[derive(Debug, Serialize)]
pub struct TeamSummary {
    pub people: usize,
    /// People who meet every skill their target asks for, with none unassessed.
    pub ready: usize,
    pub total_gap: i64,
    pub text: String,
}

/// A level's expectations, laid out on the report's skill columns.
struct Expected {
    at: LevelAt,
    /// (column, scale index), in the role's skill order.
    cells: Vec<(usize, usize)>,
    /// (framework skill index, index into `cells`), by skill index: the order of a profile's
    /// assessments, so both are walked side by side.
    by_skill: Vec<(usize, usize)>,
}

impl Expected {
    /// What the person says of each skill in `cells`, in the same order.
    fn found<'p>(&self, profile: &'p Profile) -> Vec<Option<&'p Assessment>> {
        let mut found = vec![None; self.cells.len()];
        let mut mine = profile.skills.iter().peekable();
        for &(skill, cell) in &self.by_skill {
            while mine.next_if(|(s, _)| *s < skill).is_some() {}
            if let Some((s, a)) = mine.peek()
                && *s == skill
            {
                found[cell] = Some(a);
            }
        }
        found
    }
}

/// The distinct targets of a team, in the order people first name them, and the skill columns:
/// every skill any of them rates, in their roles' order.
struct Layout {
    expected: Vec<Expected>,
    /// Per person, an index into `expected`.
    of_person: Vec<usize>,
    /// Per column, an index into the framework's skills.
    columns: Vec<usize>,
}

impl Layout {
    fn new(framework: &Framework, targets: &[Target]) -> Self {
        let mut index: HashMap<LevelAt, usize> = HashMap::new();
        let mut distinct: Vec<LevelAt> = Vec::new();
        let of_person = targets
            .iter()
            .map(|t| {
                *index.entry(t.at).or_insert_with(|| {
                    distinct.push(t.at);
                    distinct.len() - 1
                })
            })
            .collect();
        let mut columns: Vec<usize> = Vec::new();
        let mut column_of: HashMap<usize, usize> = HashMap::new();
        let expected = distinct
            .into_iter()
            .map(|at| {
                let role = &framework.roles[at.role];
                let cells: Vec<(usize, usize)> = role
                    .skills
                    .iter()
                    .zip(&framework.level(at).ratings)
                    .filter_map(|(&s, rating)| {
                        let proficiency = rating.as_ref()?.proficiency;
                        let column = *column_of.entry(s).or_insert_with(|| {
                            columns.push(s);
                            columns.len() - 1
                        });
                        Some((column, proficiency))
                    })
                    .collect();
                let mut by_skill: Vec<(usize, usize)> =
                    cells.iter().enumerate().map(|(cell, &(column, _))| (columns[column], cell)).collect();
                by_skill.sort_unstable();
                Expected { at, cells, by_skill }
            })
            .collect();
        Layout { expected, of_person, columns }
    }

    /// One person against their target `t`: their readiness and a gap per column.
    fn compare(&self, framework: &Framework, profile: &Profile, t: usize, from: TargetFrom) -> Compared {
        let e = &self.expected[t];
        let name = |column: usize| framework.skills[self.columns[column]].name.as_str();
        let mut tally = Tally::default();
        let (mut growing, mut unassessed): (Vec<(i64, usize)>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut gaps = Vec::with_capacity(e.cells.len());
        let mut evidence = Vec::new();
        for (&(column, need), have) in e.cells.iter().zip(e.found(profile)) {
            if let Some(a) = have.filter(|a| !a.evidence.is_empty()) {
                evidence.push((column, a.evidence.clone()));
            }
            let standing = Standing::of(have.map(|a| a.proficiency), Some(need));
            tally.add(standing);
            if let Some(gap) = standing.gap() {
                gaps.push((column, gap));
            }
            match standing {
                Standing::Unassessed => unassessed.push(column),
                Standing::Grow(g) => growing.push((g, column)),
                Standing::Met | Standing::NotRated => {}
            }
        }
        growing.sort_by_key(|&(g, _)| std::cmp::Reverse(g));
        let readiness = Readiness::new(
            tally,
            growing.iter().map(|&(_, c)| name(c)).collect(),
            unassessed.iter().map(|&c| name(c)).collect(),
            &framework.level(e.at).name,
        );
        let member = TeamMember {
            person: person(framework.scope(e.at), profile),
            target: framework.level_ref(e.at),
            target_from: from,
            readiness,
        };
        Compared { member, target: t, gaps, evidence }
    }

    /// Each skill column gathered across the people, in their order, in one pass over them; the
    /// evidence is moved out of them.
    fn skills(&self, framework: &Framework, people: &mut [Compared]) -> Vec<TeamSkill> {
        let n = self.columns.len();
        let mut needs: Vec<Vec<(u32, Rank)>> = vec![Vec::new(); n];
        let mut gaps: Vec<Vec<(u32, i64)>> = vec![Vec::new(); n];
        let mut evidence: Vec<Vec<Evidence>> = (0..n).map(|_| Vec::new()).collect();
        for (i, c) in people.iter_mut().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for &(column, need) in &self.expected[c.target].cells {
                needs[column].push((i, Rank::of_index(need)));
            }
            for &(column, gap) in &c.gaps {
                gaps[column].push((i, gap));
            }
            for (column, notes) in std::mem::take(&mut c.evidence) {
                evidence[column].push(Evidence { person: c.member.person.name.clone(), notes });
            }
        }
        let count = people.len();
        self.columns
            .iter()
            .zip(needs.into_iter().zip(gaps).zip(evidence))
            .map(|(&s, ((needs, gaps), evidence))| {
                let first = needs.first().map(|&(_, rank)| rank);
                let common = first.filter(|&f| needs.len() == count && needs.iter().all(|&(_, r)| r == f));
                let skill = &framework.skills[s];
                let (needs, gaps) = (PerPerson::new(count, needs), PerPerson::new(count, gaps));
                TeamSkill {
                    skill: Ref::from(skill),
                    need: common.map(|rank| framework.proficiency(rank.index())),
                    total_gap: gaps.values().sum(),
                    people_to_grow: gaps.values().filter(|&g| g > 0).count(),
                    // A gap is counted where the target asks and the person assessed.
                    unassessed: needs.count() - gaps.count(),
                    expected: needs.count(),
                    needs,
                    gaps,
                    evidence,
                }
            })
            .collect()
    }
}

/// One person compared: their place in the view and a gap per skill column.
struct Compared {
    member: TeamMember,
    /// Index into the distinct targets.
    target: usize,
    /// (column, gap) of the skills their target asks for that they assessed.
    gaps: Vec<(usize, i64)>,
    /// (column, notes) of the skills their target asks for that they gave evidence for.
    evidence: Vec<(usize, Vec<String>)>,
}

impl TeamReport {
    /// Compares each profile with its target (`targets[i]` for `profiles[i]`); `only_gaps` keeps
    /// the skills someone has still to grow or assess.
    pub fn build(framework: &Framework, profiles: &[Profile], targets: &[Target], only_gaps: bool, sort: Sort) -> Self {
        assert_eq!(profiles.len(), targets.len(), "one target per person");
        let layout = Layout::new(framework, targets);
        // Only gaps are needed here, so no per-skill rows are built: a team of thousands costs a
        // number per person and skill, not a copy of every skill's text. People are compared on
        // every core; a skill's column is then gathered across them.
        let work: Vec<(usize, TargetFrom, &Profile)> =
            layout.of_person.iter().zip(targets).zip(profiles).map(|((&t, target), p)| (t, target.from, p)).collect();
        let mut compared = crate::parallel::map(work, |(t, from, p)| layout.compare(framework, p, t, from));
        sort_people(&mut compared, sort);
        let mut skills = layout.skills(framework, &mut compared);
        skills.sort_by_key(|s| (std::cmp::Reverse(s.total_gap), std::cmp::Reverse(s.unassessed)));
        if only_gaps {
            skills.retain(|s| s.total_gap > 0 || s.unassessed > 0);
        }
        let people: Vec<TeamMember> = compared.into_iter().map(|c| c.member).collect();

        let distinct: Vec<LevelAt> = layout.expected.iter().map(|e| e.at).collect();
        let target = (distinct.len() == 1).then(|| {
            let level = framework.level(distinct[0]);
            Ref::from(level)
        });
        let role = distinct.first().filter(|first| distinct.iter().all(|at| at.role == first.role)).map(|at| {
            let role = &framework.roles[at.role];
            Ref::from(role)
        });
        let ready = people.iter().filter(|p| p.readiness.ready).count();
        let total_gap: i64 = people.iter().map(|p| p.readiness.steps_to_grow).sum();
        let thinnest: Vec<&str> =
            skills.iter().filter(|s| s.total_gap > 0).take(3).map(|s| s.skill.name.as_str()).collect();
        let mut text = match &target {
            Some(t) => format!("{ready} of {} ready for {}", people.len(), t.name),
            None => format!("{ready} of {} ready for their targets", people.len()),
        };
        if !thinnest.is_empty() {
            text.push_str(&format!("; thinnest: {}", thinnest.join(", ")));
        }
        TeamReport {
            framework: Ref::from(framework),
            role,
            target,
            sort,
            summary: TeamSummary { people: people.len(), ready, total_gap, text },
            people,
            skills,
            one_role: framework.roles.len() == 1,
        }
    }

    /// Whether anyone has a gap or an unassessed skill.
    pub fn has_gaps(&self) -> bool {
        self.summary.ready < self.summary.people
    }
}

/// Orders the people as `--sort` asks; every order ends with the order given, so it is stable.
fn sort_people(people: &mut [Compared], sort: Sort) {
    match sort {
        Sort::Given => {}
        Sort::Name => people.sort_by_cached_key(|c| c.member.person.name.to_lowercase()),
        Sort::Readiness => people.sort_by_cached_key(|c| readiness_key(&c.member.readiness, &c.member.person.name)),
    }
}

/// Ready first; then the fewest steps short, where an unassessed skill counts as one step (the
/// least it can cost, since it is not known to be met); then fewer unassessed; then name.
fn readiness_key(r: &Readiness, name: &str) -> (bool, i64, usize, String) {
    (!r.ready, r.steps_to_grow + r.unassessed as i64, r.unassessed, name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Assessment;
    use crate::report::gap::GapReport;
    use crate::report::testing::{dvla, profile};

    fn to(level: usize, count: usize) -> Vec<Target> {
        vec![Target { at: LevelAt { role: 0, level }, from: TargetFrom::To }; count]
    }

    /// A team large enough to be compared on every core agrees, person by person and skill by
    /// skill, with each person's own report.
    #[test]
    fn a_large_team_agrees_with_each_persons_report() {
        let f = dvla();
        let scope = f.scope(LevelAt { role: 0, level: 0 });
        let team: Vec<Profile> = (0..300)
            .map(|i| {
                let levels: Vec<Option<usize>> =
                    (0..10).map(|k| (i * 7 + k * 3) % 5).map(|v| (v < 4).then_some(v)).collect();
                Profile { file: format!("p{i}.yaml"), name: format!("P{i}"), ..profile(&f, &levels) }
            })
            .collect();
        let report = TeamReport::build(&f, &team, &to(2, 300), false, Sort::Given);
        for (i, person) in team.iter().enumerate() {
            let own = GapReport::build(scope, person, 2, false);
            assert_eq!(report.people[i].readiness, own.summary, "{i}");
            assert_eq!(report.people[i].person.name, person.name);
            for skill in &report.skills {
                let row = own.rows.iter().find(|r| r.skill.id == skill.skill.id).unwrap();
                assert_eq!(skill.gaps.get(i), row.gap, "{i} {}", skill.skill.id);
                assert_eq!(skill.needs.get(i), Some(row.need.rank), "{i} {}", skill.skill.id);
            }
        }
    }

    #[test]
    fn team_totals_and_thinnest_first() {
        let f = dvla();
        let a = profile(&f, &[Some(1); 10]);
        let mut b = profile(&f, &[Some(3); 10]);
        b.skills.retain(|(index, _)| *index != 4);
        let team = TeamReport::build(&f, &[a, b], &to(1, 2), false, Sort::Given);
        assert_eq!(team.summary.people, 2);
        assert_eq!(team.summary.ready, 0);
        assert_eq!(team.target.as_ref().unwrap().id, "senior");
        // Skills needing expert at Senior cost person A two steps each; lifecycle also unassessed by B.
        let first = &team.skills[0];
        assert_eq!(first.total_gap, 2);
        assert!(team.skills.windows(2).all(|w| w[0].total_gap >= w[1].total_gap));
        let lifecycle = team.skills.iter().find(|s| s.skill.id == "lifecycle-perspective").unwrap();
        assert_eq!(lifecycle.gaps.to_vec(), vec![Some(2), None]);
        assert_eq!((lifecycle.unassessed, lifecycle.expected, lifecycle.people_to_grow), (1, 2, 1));
        assert_eq!(lifecycle.need.as_ref().unwrap().id, "expert");
        assert_eq!(team.summary.total_gap, team.skills.iter().map(|s| s.total_gap).sum::<i64>());
        let thinnest: Vec<&str> = team.skills.iter().take(3).map(|s| s.skill.name.as_str()).collect();
        assert_eq!(
            team.summary.text,
            format!("0 of 2 ready for Senior Product Manager; thinnest: {}", thinnest.join(", "))
        );
    }

    #[test]
    fn a_team_at_mixed_levels_is_each_against_their_target() {
        let f = dvla();
        // The same skills at Working, one person aiming at Senior and one at Lead.
        let a = profile(&f, &[Some(1); 10]);
        let b = Profile { name: "B".into(), ..profile(&f, &[Some(1); 10]) };
        let targets = [
            Target { at: LevelAt { role: 0, level: 1 }, from: TargetFrom::Next },
            Target { at: LevelAt { role: 0, level: 2 }, from: TargetFrom::Profile },
        ];
        let team = TeamReport::build(&f, &[a.clone(), b.clone()], &targets, false, Sort::Given);
        assert_eq!(team.target, None, "no one target");
        assert_eq!(team.role.as_ref().unwrap().id, "product-manager");
        assert_eq!(team.people[0].target.id, "senior");
        assert_eq!(team.people[1].target.id, "lead");
        assert_eq!(team.people[1].target_from, TargetFrom::Profile);
        for (i, (p, level)) in [(&a, 1), (&b, 2)].into_iter().enumerate() {
            let own = GapReport::build(f.scope(LevelAt { role: 0, level }), p, level, false);
            assert_eq!(team.people[i].readiness, own.summary, "{i}");
        }
        // Lifecycle: Expert at Senior, Practitioner at Lead (the DVLA page's drop).
        let lifecycle = team.skills.iter().find(|s| s.skill.id == "lifecycle-perspective").unwrap();
        assert_eq!(
            lifecycle.needs.to_vec().into_iter().map(|r| r.map(Rank::get)).collect::<Vec<_>>(),
            vec![Some(4), Some(3)]
        );
        assert_eq!(lifecycle.need, None);
        assert_eq!(lifecycle.gaps.to_vec(), vec![Some(2), Some(1)]);
        assert_eq!(lifecycle.total_gap, 3);
        assert_eq!(team.summary.text.split(';').next(), Some("0 of 2 ready for their targets"));
    }

    #[test]
    fn a_skill_one_target_does_not_ask_for_is_left_out_of_that_persons_counts() {
        let f = crate::report::testing::career_map();
        let role = |id: &str| f.roles.iter().position(|r| r.id == id).unwrap();
        let (designer, engineer) = (role("designer"), role("engineer"));
        let all = |role: usize| Profile {
            role,
            skills: f.roles[role]
                .skills
                .iter()
                .map(|&s| (s, Assessment { proficiency: 1, evidence: vec![] }))
                .collect(),
            ..Profile::empty("p", "P", role)
        };
        let mut d = all(designer);
        d.skills.sort_by_key(|(s, _)| *s);
        let mut e = all(engineer);
        e.skills.sort_by_key(|(s, _)| *s);
        let targets = [
            Target { at: LevelAt { role: designer, level: 0 }, from: TargetFrom::To },
            Target { at: LevelAt { role: engineer, level: 2 }, from: TargetFrom::To },
        ];
        let team = TeamReport::build(&f, &[d, e], &targets, false, Sort::Given);
        assert_eq!((team.role.as_ref(), team.target.as_ref()), (None, None));
        // Designer (level 0) leaves coaching unrated; the designer does not rate coding at all.
        let coding = team.skills.iter().find(|s| s.skill.id == "coding").unwrap();
        assert_eq!(
            coding.needs.to_vec().into_iter().map(|r| r.map(Rank::get)).collect::<Vec<_>>(),
            vec![None, Some(4)]
        );
        assert_eq!(coding.gaps.to_vec(), vec![None, Some(2)]);
        assert_eq!((coding.expected, coding.unassessed), (1, 0));
        // Designer: research and design expected (coaching unrated at this level).
        assert_eq!(team.people[0].readiness.skills, 2);
        assert_eq!(team.people[1].readiness.skills, 4);
        assert!(team.people[0].readiness.ready);
    }

    #[test]
    fn sorting_by_readiness_puts_ready_first_then_the_fewest_steps_counting_each_unassessed_as_one() {
        let f = dvla();
        let named = |name: &str, levels: &[Option<usize>]| Profile { name: name.into(), ..profile(&f, levels) };
        // Against Product Manager (level 0): what each is short of.
        let mut blank2 = vec![Some(3); 10];
        blank2[0] = None;
        blank2[1] = None;
        let mut short1 = vec![Some(3); 10];
        short1[0] = Some(1); // one step short of Practitioner
        let mut short3 = vec![Some(3); 10];
        short3[0] = Some(0);
        short3[1] = Some(0);
        let team = vec![
            named("zed", &short3),       // 3 steps (2 + 1)
            named("Amy", &blank2),       // 0 steps, 2 unassessed: counts 2
            named("bo", &[Some(3); 10]), // ready
            named("Cy", &short1),        // 1 step
            named("al", &[Some(3); 10]), // ready
        ];
        let order = |sort| {
            let r = TeamReport::build(&f, &team, &to(0, team.len()), false, sort);
            r.people.iter().map(|p| p.person.name.clone()).collect::<Vec<_>>()
        };
        assert_eq!(order(Sort::Given), ["zed", "Amy", "bo", "Cy", "al"]);
        assert_eq!(order(Sort::Name), ["al", "Amy", "bo", "Cy", "zed"]);
        let steps: Vec<i64> = team
            .iter()
            .map(|p| GapReport::build(f.scope(LevelAt { role: 0, level: 0 }), p, 0, false).summary.steps_to_grow)
            .collect();
        assert_eq!(steps, [3, 0, 0, 1, 0]);
        assert_eq!(order(Sort::Readiness), ["al", "bo", "Cy", "Amy", "zed"]);
        // Every per-person list follows the order.
        let r = TeamReport::build(&f, &team, &to(0, team.len()), false, Sort::Readiness);
        let first = r.skills.iter().find(|s| s.skill.id == f.skills[0].id).unwrap();
        assert_eq!(first.gaps.to_vec(), vec![Some(0), Some(0), Some(1), None, Some(2)]);
    }
}
