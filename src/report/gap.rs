//! `pm-skills gap`: a person against a level, or a team against a level.
//!
//! A skill the person did not assess is *unassessed*: it is shown, counted, and never treated as
//! met, because a promotion case cannot rest on a blank.

use serde::Serialize;

use super::evidence_item;
use super::{Criterion, Growth, Proficiency, Ref, Report, Scope, criteria_blocks, growth_blocks, proficiency_label};
use crate::model::Profile;
use crate::render::doc::signed;
use crate::render::{Block, Cell, Chart, Radar, Records, Series, Table, Tone, Value, Workbook};

pub use super::rules::Status;
use super::rules::{Standing, Tally};

/// The person a report is about.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    /// The profile file.
    pub file: String,
    /// Their current level, if the profile names one.
    pub level: Option<crate::model::LevelRef>,
}

/// One person against one level, biggest gaps first.
#[derive(Debug, Serialize)]
pub struct GapReport {
    pub framework: Ref,
    pub role: Ref,
    pub person: Person,
    pub target: Ref,
    /// True when `--only-gaps` removed the met rows; `summary` still counts every skill.
    pub only_gaps: bool,
    pub rows: Vec<GapRow>,
    pub summary: Readiness,
    #[serde(skip)]
    pub scale_size: usize,
    /// The scale's step names, lowest first: the chart's key names every step, not only those
    /// the rows use.
    #[serde(skip)]
    pub scale: Vec<String>,
}

/// One skill: what the person has, what the target needs.
#[derive(Debug, Clone, Serialize)]
pub struct GapRow {
    pub skill: Ref,
    /// `null` when unassessed.
    pub have: Option<Proficiency>,
    pub need: Proficiency,
    /// Steps still to climb: `need - have`, at least 0; `null` when unassessed.
    pub gap: Option<i64>,
    pub status: Status,
    /// What the target proficiency looks like for this skill.
    pub meaning: String,
    /// What the target level expects in this skill, statement by statement.
    pub criteria: Vec<Criterion>,
    /// How to grow into the target proficiency.
    pub growth: Growth,
    /// The person's evidence notes.
    pub evidence: Vec<String>,
}

/// Readiness counts over every skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub skills: usize,
    pub met: usize,
    pub grow: usize,
    pub unassessed: usize,
    /// Sum of the gaps of assessed skills.
    pub steps_to_grow: i64,
    /// Every skill met and none unassessed.
    pub ready: bool,
    /// The summary as one sentence, e.g. "meets 7 of 10; 3 to grow: …".
    pub text: String,
}

impl Readiness {
    /// Counts statuses; `rows` must already be in report order so names are listed biggest first.
    pub fn of(rows: &[GapRow], target: &str) -> Self {
        let names = |s: Status| rows.iter().filter(|r| r.status == s).map(|r| r.skill.name.as_str()).collect();
        let mut tally = Tally::default();
        for r in rows {
            tally.add(r.standing());
        }
        Readiness::new(tally, names(Status::Grow), names(Status::Unassessed), target)
    }

    /// Words the counts; `growing` is biggest gap first, `unassessed` in the role's order.
    pub fn new(tally: Tally, growing: Vec<&str>, unassessed: Vec<&str>, target: &str) -> Self {
        let Tally { skills, met, grow, unassessed: blank, steps } = tally;
        let mut text = format!("meets {met} of {skills}");
        if grow > 0 {
            text.push_str(&format!("; {grow} to grow: {}", growing.join(", ")));
        }
        if blank > 0 {
            text.push_str(&format!("; {blank} unassessed: {}", unassessed.join(", ")));
        }
        let ready = tally.ready();
        if ready {
            text.push_str(&format!(": ready for {target}"));
        }
        Readiness { skills, met, grow, unassessed: blank, steps_to_grow: steps, ready, text }
    }
}

impl Readiness {
    /// `met, grow, unassessed, steps_to_grow` as CSV cells, in the order every report writes them.
    pub fn count_cells(&self) -> [crate::render::Value; 4] {
        use crate::render::Value;
        [Value::from(self.met), Value::from(self.grow), Value::from(self.unassessed), Value::from(self.steps_to_grow)]
    }
}

/// The order of a gap report: the biggest gaps first, then unassessed, then met; ties keep the
/// role's skill order.
pub fn sort_key(row: &GapRow) -> (u8, std::cmp::Reverse<i64>) {
    match row.status {
        Status::Grow => (0, std::cmp::Reverse(row.gap.unwrap_or(0))),
        Status::Unassessed => (1, std::cmp::Reverse(0)),
        Status::Met => (2, std::cmp::Reverse(0)),
    }
}

/// One skill of one person against the target level, in the role's skill order. Only the skills
/// the level expects are compared: one it leaves unrated asks nothing of anybody.
pub fn compare(scope: Scope, profile: &Profile, target: usize) -> Vec<GapRow> {
    let level = &scope.role.levels[target];
    scope
        .role
        .skills
        .iter()
        .zip(&level.ratings)
        .filter_map(|(&s, rating)| Some((s, rating.as_ref()?)))
        .map(|(s, rating)| {
            let skill = &scope.framework.skills[s];
            let have = profile.assessment(s);
            let standing = Standing::of(have.map(|a| a.proficiency), Some(rating.proficiency));
            let (status, gap) = (standing.status().unwrap_or(Status::Unassessed), standing.gap());
            GapRow {
                skill: Ref::from(skill),
                have: have.map(|a| scope.proficiency(a.proficiency)),
                need: scope.proficiency(rating.proficiency),
                gap,
                status,
                meaning: skill.proficiencies[rating.proficiency].clone(),
                criteria: rating.criteria.clone(),
                growth: if status == Status::Met { Growth::default() } else { Growth::of(skill, rating.proficiency) },
                evidence: have.map(|a| a.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The person as reports show them.
pub fn person(scope: Scope, profile: &Profile) -> Person {
    let level =
        profile.level.map(|level| scope.framework.level_ref(crate::model::LevelAt { role: profile.role, level }));
    Person { name: profile.name.clone(), file: profile.file.clone(), level }
}

impl GapRow {
    /// The row's standing under the gap rule, back from its status and gap.
    pub fn standing(&self) -> Standing {
        match (self.status, self.gap) {
            (Status::Met, _) => Standing::Met,
            (Status::Grow, gap) => Standing::Grow(gap.unwrap_or(0)),
            (Status::Unassessed, _) => Standing::Unassessed,
        }
    }
}

impl GapReport {
    /// Compares `profile` with level `target` of the scope's role.
    pub fn build(scope: Scope, profile: &Profile, target: usize, only_gaps: bool) -> Self {
        let mut rows = compare(scope, profile, target);
        rows.sort_by_key(sort_key);
        let target_ref = scope.level_ref(target);
        let summary = Readiness::of(&rows, &target_ref.name);
        if only_gaps {
            rows.retain(|r| r.status != Status::Met);
        }
        GapReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            person: person(scope, profile),
            target: target_ref,
            only_gaps,
            rows,
            summary,
            scale_size: scope.scale_size(),
            scale: scope.scale_names(),
        }
    }

    /// Whether anything stands between the person and the target: what `--exit-code` reports.
    pub fn has_gaps(&self) -> bool {
        !self.summary.ready
    }
}

/// One list item per skill with evidence, in the rows' order: the skill's name, then each note
/// on a line of its own under it, as a sub-list (`- `) that Markdown nests.
fn evidence_items(rows: &[GapRow]) -> Vec<String> {
    rows.iter()
        .filter(|r| !r.evidence.is_empty())
        .map(|r| evidence_item(&r.skill.name, r.evidence.iter().map(|note| (None, note.as_str()))))
        .collect()
}

/// A status as CSV writes it, the word JSON uses.
pub fn status_word(status: Status) -> &'static str {
    status.word()
}

impl Report for GapReport {
    fn chart(&self) -> Option<Chart> {
        Some(Chart::Radar(Radar {
            title: format!("{} against {}, skill by skill", self.person.name, self.target.name),
            axes: self.rows.iter().map(|r| r.skill.name.clone()).collect(),
            scale: self.scale.clone(),
            series: vec![
                Series {
                    name: format!("{} needs", self.target.name),
                    values: self.rows.iter().map(|r| Some(r.need.rank.get())).collect(),
                },
                Series {
                    name: format!("{} has", self.person.name),
                    values: self.rows.iter().map(|r| r.have.as_ref().map(|h| h.rank.get())).collect(),
                },
            ],
        }))
    }

    fn document(&self) -> Vec<Block> {
        let mut table = Table::new(["Skill", "Has", "Needs", "Gap"]);
        let mut meanings = Vec::new();
        for r in &self.rows {
            let (has, gap, tone) = match (&r.have, r.status) {
                (None, _) => ("unassessed".to_string(), "?".to_string(), Tone::Grow),
                (Some(h), Status::Met) => (proficiency_label(h, self.scale_size), "met".to_string(), Tone::Same),
                (Some(h), _) => (proficiency_label(h, self.scale_size), signed(r.gap.unwrap_or(0)), Tone::Grow),
            };
            table.row(vec![
                Cell::toned(&r.skill.name, Tone::Strong),
                Cell::plain(has),
                Cell::plain(proficiency_label(&r.need, self.scale_size)),
                Cell::toned(gap, tone),
            ]);
            if r.status != Status::Met {
                meanings.push(format!("{} ({}): {}", r.skill.name, r.need.name, r.meaning));
            }
        }
        let from = match &self.person.level {
            Some(level) => format!(" ({})", level.name),
            None => String::new(),
        };
        let mut blocks = vec![Block::Title(format!("{}{from} against {}", self.person.name, self.target.name))];
        if self.rows.is_empty() {
            blocks.push(Block::Para("Nothing to grow.".into()));
        } else {
            blocks.push(Block::Table(table));
        }
        let evidence = evidence_items(&self.rows);
        if !evidence.is_empty() {
            blocks.push(Block::Heading("Evidence".into()));
            blocks.push(Block::List(evidence));
        }
        if !meanings.is_empty() {
            blocks.push(Block::Heading(format!("Where {} asks for more", self.target.name)));
            blocks.push(Block::List(meanings));
        }
        let open = || self.rows.iter().filter(|r| r.status != Status::Met);
        blocks.extend(criteria_blocks(
            format!("What {} expects", self.target.name),
            open().map(|r| (r.skill.name.as_str(), r.criteria.as_slice())),
        ));
        blocks.extend(growth_blocks(open().map(|r| (r.skill.name.as_str(), &r.growth))));
        blocks.push(Block::Summary(format!("{}: {}", self.person.name, self.summary.text)));
        blocks
    }

    fn workbook(&self) -> Workbook {
        Workbook { name: "Gap".into(), ..Workbook::default() }
    }

    fn records(&self) -> Records {
        Records {
            header: ["person", "target", "skill_id", "skill_name", "have", "need", "gap", "status", "evidence"]
                .map(String::from)
                .to_vec(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Value::from(&self.person.name),
                        Value::from(&self.target.id),
                        Value::from(&r.skill.id),
                        Value::from(&r.skill.name),
                        Value::from(r.have.as_ref()),
                        Value::from(&r.need),
                        Value::from(r.gap),
                        Value::from(status_word(r.status)),
                        Value::from(r.evidence.join(" | ")),
                    ]
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{dvla, profile};

    #[test]
    fn readiness_counts_met_grow_and_unassessed_and_never_counts_blank_as_met() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        // Everything at expert except two skills unassessed and one at working.
        let mut levels = vec![Some(3); 10];
        levels[0] = None;
        levels[9] = None;
        levels[4] = Some(1);
        let r = GapReport::build(scope, &profile(&f, &levels), 1, false);
        assert_eq!((r.summary.met, r.summary.grow, r.summary.unassessed), (7, 1, 2));
        assert_eq!(r.summary.steps_to_grow, 2);
        assert!(!r.summary.ready && r.has_gaps());
        assert_eq!(
            r.summary.text,
            "meets 7 of 10; 1 to grow: Lifecycle Perspective; 2 unassessed: Agile Working, User Focus"
        );
        // Order: gaps, then unassessed, then met.
        let statuses: Vec<Status> = r.rows.iter().map(|r| r.status).collect();
        assert_eq!(statuses[0], Status::Grow);
        assert_eq!(&statuses[1..3], &[Status::Unassessed, Status::Unassessed]);
        assert!(statuses[3..].iter().all(|s| *s == Status::Met));
    }

    #[test]
    fn evidence_is_listed_under_each_skill_in_row_order() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let mut p = profile(&f, &[Some(3), Some(0), Some(3)]);
        p.skills[0].1.evidence = vec!["Coached a squad.".into()];
        p.skills[1].1.evidence = vec!["One.".into(), "Two.".into()];
        let blocks = GapReport::build(scope, &p, 0, false).document();
        let at = blocks.iter().position(|b| *b == Block::Heading("Evidence".into())).expect("an evidence heading");
        let name = |i: usize| f.skills[i].name.clone();
        // The gap (skill 1) comes first, as in the table.
        let want = vec![format!("{}:\n- One.\n- Two.", name(1)), format!("{}:\n- Coached a squad.", name(0))];
        assert_eq!(blocks[at + 1], Block::List(want));
        let none = GapReport::build(scope, &profile(&f, &[Some(3)]), 0, false).document();
        assert!(!none.contains(&Block::Heading("Evidence".into())));
    }

    #[test]
    fn gaps_sort_biggest_first_and_exceeding_is_met() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        // Awareness everywhere against Senior: gaps of 3 (expert) before gaps of 2 (practitioner).
        let r = GapReport::build(scope, &profile(&f, &[Some(0); 10]), 1, false);
        let gaps: Vec<i64> = r.rows.iter().map(|r| r.gap.unwrap()).collect();
        assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{gaps:?}");
        assert_eq!(gaps[0], 3);
        let expert = GapReport::build(scope, &profile(&f, &[Some(3); 10]), 0, true);
        assert!(expert.summary.ready && expert.rows.is_empty());
        assert_eq!(expert.summary.text, "meets 10 of 10: ready for Product Manager");
    }
}
