//! `pm-skills gap` for a team: people × skills against one level, and where the team is thin.

use serde::Serialize;

use super::gap::{Person, Readiness, person};
use super::{Proficiency, Ref, Report, Scope};
use crate::model::Profile;
use crate::render::doc::signed;
use crate::render::{Block, Cell, Chart, Heatmap, Ranks, Records, Sheet, Table, Tone, Workbook};

/// A team against one level: people × skills, and where the team is thin.
#[derive(Debug, Serialize)]
pub struct TeamReport {
    pub framework: Ref,
    pub role: Ref,
    pub target: Ref,
    /// In the order given (or file-name order for `--team`).
    pub people: Vec<TeamMember>,
    /// One row per skill, the thinnest (largest total gap) first.
    pub skills: Vec<TeamSkill>,
    pub summary: TeamSummary,
}

/// One person in the team view.
#[derive(Debug, Serialize)]
pub struct TeamMember {
    pub person: Person,
    pub readiness: Readiness,
}

/// One skill across the team.
#[derive(Debug, Serialize)]
pub struct TeamSkill {
    pub skill: Ref,
    pub need: Proficiency,
    /// One entry per person, in `people` order: their gap, or `null` when unassessed.
    pub gaps: Vec<Option<i64>>,
    /// Sum of the assessed gaps across the team.
    pub total_gap: i64,
    /// How many people have a gap here.
    pub people_to_grow: usize,
    pub unassessed: usize,
}

/// The team in numbers.
#[derive(Debug, Serialize)]
pub struct TeamSummary {
    pub people: usize,
    /// People who meet every skill with none unassessed.
    pub ready: usize,
    pub total_gap: i64,
    pub text: String,
}

impl TeamReport {
    /// Compares every profile with level `target`.
    pub fn build(scope: Scope, profiles: &[Profile], target: usize, only_gaps: bool) -> Self {
        let target_ref = scope.level_ref(target);
        let level = &scope.role.levels[target];
        // (skill index, rating) of every skill the level expects, in the role's order.
        let expected: Vec<(usize, &crate::model::Rating)> = scope
            .role
            .skills
            .iter()
            .zip(&level.ratings)
            .filter_map(|(&s, rating)| Some((s, rating.as_ref()?)))
            .collect();
        let skill_count = expected.len();
        let mut skills: Vec<TeamSkill> = Vec::with_capacity(skill_count);
        let name = |k: usize| scope.framework.skills[expected[k].0].name.as_str();
        // Only gaps are needed here, so no per-skill rows are built: a team of thousands costs
        // a number per person and skill, not a copy of every skill's text. People are compared
        // on every core; a skill's column is then gathered across them.
        let compared = crate::parallel::map(profiles.iter().collect(), |profile| {
            let (mut met, mut steps) = (0, 0);
            let (mut growing, mut unassessed): (Vec<(i64, usize)>, Vec<usize>) = (Vec::new(), Vec::new());
            let mut gaps = Vec::with_capacity(skill_count);
            for (k, &(s, rating)) in expected.iter().enumerate() {
                let gap = profile.assessment(s).map(|a| (rating.proficiency as i64 - a.proficiency as i64).max(0));
                gaps.push(gap);
                match gap {
                    None => unassessed.push(k),
                    Some(0) => met += 1,
                    Some(g) => {
                        steps += g;
                        growing.push((g, k));
                    }
                }
            }
            growing.sort_by_key(|&(g, _)| std::cmp::Reverse(g));
            let readiness = Readiness::new(
                skill_count,
                met,
                growing.iter().map(|&(_, k)| name(k)).collect(),
                unassessed.iter().map(|&k| name(k)).collect(),
                steps,
                &target_ref.name,
            );
            (TeamMember { person: person(scope, profile), readiness }, gaps)
        });
        let mut columns: Vec<Vec<Option<i64>>> = vec![Vec::with_capacity(profiles.len()); skill_count];
        let mut people = Vec::with_capacity(profiles.len());
        for (member, gaps) in compared {
            for (column, gap) in columns.iter_mut().zip(gaps) {
                column.push(gap);
            }
            people.push(member);
        }
        for (&(s, rating), gaps) in expected.iter().zip(columns) {
            let skill = &scope.framework.skills[s];
            skills.push(TeamSkill {
                skill: Ref { id: skill.id.clone(), name: skill.name.clone() },
                need: scope.proficiency(rating.proficiency),
                total_gap: gaps.iter().flatten().sum(),
                people_to_grow: gaps.iter().filter(|g| matches!(g, Some(n) if *n > 0)).count(),
                unassessed: gaps.iter().filter(|g| g.is_none()).count(),
                gaps,
            });
        }
        skills.sort_by_key(|s| (std::cmp::Reverse(s.total_gap), std::cmp::Reverse(s.unassessed)));
        if only_gaps {
            skills.retain(|s| s.total_gap > 0 || s.unassessed > 0);
        }
        let ready = people.iter().filter(|p| p.readiness.ready).count();
        let total_gap: i64 = people.iter().map(|p| p.readiness.steps_to_grow).sum();
        let thinnest: Vec<&str> =
            skills.iter().filter(|s| s.total_gap > 0).take(3).map(|s| s.skill.name.as_str()).collect();
        let mut text = format!("{ready} of {} ready for {}", people.len(), target_ref.name);
        if !thinnest.is_empty() {
            text.push_str(&format!("; thinnest: {}", thinnest.join(", ")));
        }
        TeamReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            target: target_ref,
            summary: TeamSummary { people: people.len(), ready, total_gap, text },
            people,
            skills,
        }
    }

    /// Whether anyone has a gap or an unassessed skill.
    pub fn has_gaps(&self) -> bool {
        self.summary.ready < self.summary.people
    }
}

fn gap_cell(gap: Option<i64>) -> Cell {
    match gap {
        None => Cell::toned("?", Tone::Grow),
        Some(0) => Cell::toned("✓", Tone::Same),
        Some(n) => Cell::toned(signed(n), Tone::Grow),
    }
}

impl Report for TeamReport {
    fn chart(&self) -> Option<Chart> {
        Some(Chart::Heatmap(Heatmap {
            title: format!("Steps to grow to {}, person by skill", self.target.name),
            rows: self.people.iter().map(|p| p.person.name.clone()).collect(),
            columns: self.skills.iter().map(|s| s.skill.name.clone()).collect(),
            cells: (0..self.people.len()).map(|i| self.skills.iter().map(|s| s.gaps[i]).collect()).collect(),
        }))
    }

    fn document(&self) -> Vec<Block> {
        let header = ["Skill".to_string(), "Needs".to_string()]
            .into_iter()
            .chain(self.people.iter().map(|p| p.person.name.clone()))
            .chain(std::iter::once("Team gap".to_string()));
        let mut table = Table::new(header);
        for s in &self.skills {
            let mut row = vec![Cell::toned(&s.skill.name, Tone::Strong), Cell::plain(&s.need.name)];
            row.extend(s.gaps.iter().map(|&g| gap_cell(g)));
            let mut total = signed(s.total_gap);
            if s.unassessed > 0 {
                total.push_str(&format!(" ({}?)", s.unassessed));
            }
            row.push(Cell::toned(total, if s.total_gap > 0 { Tone::Grow } else { Tone::Same }));
            table.row(row);
        }
        let people = self.people.iter().map(|p| format!("{}: {}", p.person.name, p.readiness.text)).collect();
        vec![
            Block::Title(format!("Team against {} ({} people)", self.target.name, self.people.len())),
            Block::Table(table),
            Block::Hint("+N: steps to grow · ✓: met · ?: unassessed".into()),
            Block::Heading("People".into()),
            Block::List(people),
            Block::Summary(self.summary.text.clone()),
        ]
    }

    /// The matrix is the main sheet (and the heat map, from the chart); each person's readiness
    /// and each skill's totals get a sheet of their own.
    fn workbook(&self) -> Workbook {
        let header = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        let people = Records {
            header: header(&[
                "person",
                "file",
                "level",
                "skills",
                "met",
                "grow",
                "unassessed",
                "steps_to_grow",
                "ready",
                "summary",
            ]),
            rows: self
                .people
                .iter()
                .map(|p| {
                    let r = &p.readiness;
                    vec![
                        p.person.name.clone(),
                        p.person.file.clone(),
                        p.person.level.as_ref().map(|l| l.id.clone()).unwrap_or_default(),
                        r.skills.to_string(),
                        r.met.to_string(),
                        r.grow.to_string(),
                        r.unassessed.to_string(),
                        r.steps_to_grow.to_string(),
                        r.ready.to_string(),
                        r.text.clone(),
                    ]
                })
                .collect(),
        };
        let skills = Records {
            header: header(&["skill_id", "skill_name", "need", "total_gap", "people_to_grow", "unassessed"]),
            rows: self
                .skills
                .iter()
                .map(|s| {
                    vec![
                        s.skill.id.clone(),
                        s.skill.name.clone(),
                        s.need.id.clone(),
                        s.total_gap.to_string(),
                        s.people_to_grow.to_string(),
                        s.unassessed.to_string(),
                    ]
                })
                .collect(),
        };
        let need = Ranks::new(&["need"], self.skills.iter().map(|s| (s.need.id.as_str(), s.need.rank)));
        Workbook {
            name: "Team".into(),
            ranks: Ranks::default(),
            sheets: vec![
                Sheet { name: "People".into(), records: people, ranks: Ranks::default() },
                Sheet { name: "Skills".into(), records: skills, ranks: need },
            ],
        }
    }

    fn records(&self) -> Records {
        let header = ["person", "file", "level"]
            .into_iter()
            .map(String::from)
            .chain(self.skills.iter().map(|s| s.skill.id.clone()))
            .chain(["total_gap".to_string(), "unassessed".to_string()])
            .collect();
        // One row per person, built on every core: a team of thousands has millions of cells.
        let mut rows: Vec<Vec<String>> = crate::parallel::map(self.people.iter().enumerate().collect(), |(i, p)| {
            let mut row = Vec::with_capacity(self.skills.len() + 5);
            row.extend([
                p.person.name.clone(),
                p.person.file.clone(),
                p.person.level.as_ref().map(|l| l.id.clone()).unwrap_or_default(),
            ]);
            row.extend(
                self.skills.iter().map(|s| s.gaps[i].map_or_else(|| "unassessed".to_string(), |g| g.to_string())),
            );
            row.push(p.readiness.steps_to_grow.to_string());
            row.push(p.readiness.unassessed.to_string());
            row
        });
        let mut total = vec!["(team total)".to_string(), String::new(), String::new()];
        total.extend(self.skills.iter().map(|s| s.total_gap.to_string()));
        total.push(self.summary.total_gap.to_string());
        total.push(self.skills.iter().map(|s| s.unassessed).sum::<usize>().to_string());
        rows.push(total);
        Records { header, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Framework};
    use crate::report::gap::GapReport;

    fn dvla() -> Framework {
        crate::data::load_builtin("dvla").unwrap()
    }

    /// A profile with the given proficiency per skill (in framework order); `None` is unassessed.
    fn profile(f: &Framework, levels: &[Option<usize>]) -> Profile {
        Profile {
            level: Some(0),
            skills: (0..f.skills.len())
                .filter_map(|i| {
                    levels.get(i).copied().flatten().map(|p| (i, Assessment { proficiency: p, evidence: vec![] }))
                })
                .collect(),
            ..Profile::empty("p.yaml", "P", 0)
        }
    }

    /// A team large enough to be compared on every core agrees, person by person and skill by
    /// skill, with each person's own report, and its CSV rows stay in the people's order.
    #[test]
    fn a_large_team_agrees_with_each_persons_report() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let team: Vec<Profile> = (0..300)
            .map(|i| {
                let levels: Vec<Option<usize>> =
                    (0..10).map(|k| (i * 7 + k * 3) % 5).map(|v| (v < 4).then_some(v)).collect();
                Profile { file: format!("p{i}.yaml"), name: format!("P{i}"), ..profile(&f, &levels) }
            })
            .collect();
        let report = TeamReport::build(scope, &team, 2, false);
        let rows = report.records().rows;
        assert_eq!(rows.len(), 301, "one row per person and the team total");
        for (i, person) in team.iter().enumerate() {
            let own = GapReport::build(scope, person, 2, false);
            assert_eq!(report.people[i].readiness, own.summary, "{i}");
            assert_eq!(rows[i][0], person.name);
            for skill in &report.skills {
                let row = own.rows.iter().find(|r| r.skill.id == skill.skill.id).unwrap();
                assert_eq!(skill.gaps[i], row.gap, "{i} {}", skill.skill.id);
            }
        }
    }

    #[test]
    fn team_totals_and_thinnest_first() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let a = profile(&f, &[Some(1); 10]);
        let mut b = profile(&f, &[Some(3); 10]);
        b.skills.retain(|(index, _)| *index != 4);
        let team = TeamReport::build(scope, &[a, b], 1, false);
        assert_eq!(team.summary.people, 2);
        assert_eq!(team.summary.ready, 0);
        // Skills needing expert at Senior cost person A two steps each; lifecycle also unassessed by B.
        let first = &team.skills[0];
        assert_eq!(first.total_gap, 2);
        assert!(team.skills.windows(2).all(|w| w[0].total_gap >= w[1].total_gap));
        let lifecycle = team.skills.iter().find(|s| s.skill.id == "lifecycle-perspective").unwrap();
        assert_eq!(lifecycle.gaps, vec![Some(2), None]);
        assert_eq!(lifecycle.unassessed, 1);
        assert_eq!(team.summary.total_gap, team.skills.iter().map(|s| s.total_gap).sum::<i64>());
    }
}
