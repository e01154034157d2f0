//! `pm-skills plan`: the document a person takes to a promotion or development conversation.
//!
//! It is the gap comparison ([`super::gap::GapReport`]) written out skill by skill: for each gap,
//! biggest first, what the target expects, the evidence so far, how to grow and blank lines for
//! actions; then the skills to assess first (a blank is never met), what is already met, and,
//! when the framework has several roles, the nearest levels of the others as `fit` ranks them.

use serde::Serialize;

use super::fit::{FitEntry, distance, nearest_in_other_roles, top_gaps};
use super::gap::{GapReport, GapRow, Person, Readiness, Status, status_word};
use super::rules;
use super::{Ref, Report, TargetFrom, criterion_text};
use crate::model::{Framework, LevelAt, LevelRef, Profile};
use crate::render::{Block, Cell, Records, Table, Tone, Value, Workbook};
use crate::text::plural;

/// How many levels of other roles a plan names.
pub const OTHER_ROLES: usize = 3;

/// How many blank action lines each skill gets.
pub const ACTION_LINES: usize = 3;

/// One skill still to grow or to assess: the gap comparison's row and room for actions.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSkill {
    /// `skill`, `have`, `need`, `gap`, `status`, `meaning`, `criteria`, `growth` and `evidence`,
    /// as `gap` gives them.
    #[serde(flatten)]
    pub row: GapRow,
    /// Always empty: what the person will do is theirs to write; the documents leave blank lines.
    pub actions: Vec<String>,
}

/// A development plan for one person towards one level.
#[derive(Debug, Serialize)]
pub struct PlanReport {
    pub framework: Ref,
    /// Where the framework's facts come from, as its data says.
    pub source: String,
    /// The target's role.
    pub role: Ref,
    pub person: Person,
    /// When the profile was assessed, if it says.
    pub date: Option<jiff::civil::Date>,
    /// Who rated: `self` or a reviewer, if the profile says.
    pub assessor: Option<String>,
    pub target: LevelRef,
    pub target_from: TargetFrom,
    /// Skills below the target, biggest gap first.
    pub to_grow: Vec<PlanSkill>,
    /// Skills the target expects that the profile leaves blank, in the role's order.
    pub assess_first: Vec<PlanSkill>,
    /// Skills at or above the target, with their evidence.
    pub met: Vec<GapRow>,
    /// The nearest levels of other roles, as `fit` ranks them; `null` when the framework has one
    /// role.
    pub other_roles: Option<Vec<FitEntry>>,
    pub summary: Readiness,
    /// The profile's role, named in the header when the framework has several.
    #[serde(skip)]
    home_role: Ref,
}

impl PlanReport {
    /// The plan for `profile` towards the level at `target`, which may be of another role.
    pub fn build(framework: &Framework, profile: &Profile, target: LevelAt, target_from: TargetFrom) -> Self {
        let scope = framework.scope(target);
        let gap = GapReport::build(scope, profile, target.level, false);
        let (mut to_grow, mut assess_first, mut met) = (Vec::new(), Vec::new(), Vec::new());
        // The gap report's order: biggest gaps first, then unassessed, then met.
        for row in gap.rows {
            let open = |row| PlanSkill { row, actions: Vec::new() };
            match row.status {
                Status::Grow => to_grow.push(open(row)),
                Status::Unassessed => assess_first.push(open(row)),
                Status::Met => met.push(row),
            }
        }
        let other_roles =
            (framework.roles.len() > 1).then(|| nearest_in_other_roles(framework, profile, target, OTHER_ROLES));
        PlanReport {
            framework: gap.framework,
            source: framework.source.clone(),
            role: gap.role,
            person: gap.person,
            date: profile.date,
            assessor: profile.assessor.clone(),
            target: framework.level_ref(target),
            target_from,
            to_grow,
            assess_first,
            met,
            other_roles,
            summary: gap.summary,
            home_role: Ref {
                id: framework.roles[profile.role].id.clone(),
                name: framework.roles[profile.role].name.clone(),
            },
        }
    }

    fn header(&self) -> Vec<(String, String)> {
        let several = self.other_roles.is_some();
        let mut fields = vec![("Person".to_string(), self.person.name.clone())];
        if several {
            fields.push(("Role".into(), self.home_role.name.clone()));
        }
        let current = self.person.level.as_ref().map_or_else(|| "not given".into(), |l| l.name.clone());
        fields.push(("Current level".into(), current));
        let why = match self.target_from {
            TargetFrom::To => "chosen with --to",
            TargetFrom::Profile => "the profile's target",
            TargetFrom::Next => "the level above the current one",
            TargetFrom::Top => "the current level, the top of the ladder",
        };
        let elsewhere = if self.target.role.id == self.home_role.id {
            String::new()
        } else {
            format!(", in the {} role", self.target.role.name)
        };
        fields.push(("Target".into(), format!("{}{elsewhere} ({why})", self.target.name)));
        let assessor =
            self.assessor.as_deref().map(|a| if a == "self" { "a self-assessment".into() } else { format!("by {a}") });
        let assessed = match (&self.date, assessor) {
            (Some(date), Some(who)) => Some(format!("{date}, {who}")),
            (Some(date), None) => Some(date.to_string()),
            (None, who) => who,
        };
        if let Some(assessed) = assessed {
            fields.push(("Assessed".into(), assessed));
        }
        fields.push(("Framework".into(), self.framework.name.clone()));
        if !self.source.trim().is_empty() {
            fields.push(("Source".into(), self.source.clone()));
        }
        fields.push(("Profile".into(), self.person.file.clone()));
        fields
    }

    /// One skill to grow or assess: what the target expects, the evidence, how to grow, actions.
    fn skill_section(&self, s: &PlanSkill) -> Block {
        let r = &s.row;
        let heading = match (&r.have, r.gap) {
            (Some(have), Some(gap)) => format!(
                "{}: {} → {}, {}",
                r.skill.name,
                have.name,
                r.need.name,
                plural(usize::try_from(gap).unwrap_or(0), "step", "steps")
            ),
            _ => format!("{}: unassessed → {}", r.skill.name, r.need.name),
        };
        let mut blocks = vec![Block::Heading(format!("What {} expects", self.target.name))];
        blocks.push(Block::Para(if r.meaning.trim().is_empty() {
            format!("{}.", r.need.name)
        } else {
            format!("{}: {}", r.need.name, r.meaning)
        }));
        if !r.criteria.is_empty() {
            blocks.push(Block::List(r.criteria.iter().map(criterion_text).collect()));
        }
        blocks.push(Block::Heading("Evidence so far".into()));
        blocks.push(if r.evidence.is_empty() {
            Block::Para("No evidence recorded yet.".into())
        } else {
            Block::List(r.evidence.clone())
        });
        blocks.push(Block::Heading("How to grow".into()));
        blocks.push(Block::Para(match &r.growth.tip {
            Some(tip) => tip.clone(),
            None => format!("{} gives no tips for {}.", self.framework.name, r.skill.name),
        }));
        if !r.growth.resources.is_empty() {
            blocks.push(Block::List(r.growth.resources.iter().map(ToString::to_string).collect()));
        }
        blocks.push(Block::Heading("Actions".into()));
        blocks.push(Block::Actions(ACTION_LINES));
        Block::Section { heading, blocks }
    }

    /// What is met, with its evidence; what the target needs is named only where the person is
    /// above it, so the evidence gets the width.
    fn met_table(&self) -> Table {
        let mut table = Table::new(["Skill", "Has", "Evidence"]);
        for r in &self.met {
            let have = match &r.have {
                Some(h) if h.rank > r.need.rank => format!("{} (needs {})", h.name, r.need.name),
                Some(h) => h.name.clone(),
                None => String::new(),
            };
            let evidence = if r.evidence.is_empty() { "—".to_string() } else { r.evidence.join("\n") };
            table.row(vec![
                Cell::toned(&r.skill.name, Tone::Strong),
                Cell::toned(have, Tone::Same),
                Cell::plain(evidence),
            ]);
        }
        table
    }

    fn other_roles_blocks(&self, entries: &[FitEntry]) -> Vec<Block> {
        let mut blocks = vec![Block::Heading("Other roles within reach".into())];
        if entries.is_empty() {
            blocks.push(Block::Para("No level of another role is ahead of this profile.".into()));
            return blocks;
        }
        let mut table = Table::new(["Role", "Level", "Coverage", "How far", "Top gaps"]);
        for e in entries {
            table.row(vec![
                Cell::toned(&e.role.name, Tone::Strong),
                Cell::plain(&e.level.name),
                Cell::plain(rules::percent(e.coverage)),
                Cell::toned(distance(e), if e.ready { Tone::Same } else { Tone::Grow }),
                Cell::plain(top_gaps(e)),
            ]);
        }
        blocks.push(Block::Table(table));
        blocks.push(Block::Hint(format!("+N: steps to grow · ?: not assessed · {}", rules::MOVE_RULE)));
        blocks
    }
}

impl Report for PlanReport {
    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(format!("Development plan: {}", self.person.name))];
        blocks.push(Block::Fields(self.header()));
        blocks.push(Block::Heading("To grow".into()));
        if self.to_grow.is_empty() {
            blocks.push(Block::Para(format!("No gaps: every skill assessed meets {}.", self.target.name)));
        }
        blocks.extend(self.to_grow.iter().map(|s| self.skill_section(s)));
        if !self.assess_first.is_empty() {
            blocks.push(Block::Heading("Assess first".into()));
            blocks.push(Block::Para(
                "The profile leaves these blank: rate them, with evidence, before planning more. A blank is never \
                 met."
                    .into(),
            ));
            blocks.extend(self.assess_first.iter().map(|s| self.skill_section(s)));
        }
        blocks.push(Block::Heading("Already met".into()));
        if self.met.is_empty() {
            blocks.push(Block::Para(format!("None of the skills {} expects yet.", self.target.name)));
        } else {
            blocks.push(Block::Table(self.met_table()));
        }
        if let Some(entries) = &self.other_roles {
            blocks.extend(self.other_roles_blocks(entries));
        }
        blocks.push(Block::Summary(format!("{}: {}", self.person.name, self.summary.text)));
        blocks
    }

    fn workbook(&self) -> Workbook {
        Workbook { name: "Plan".into(), ..Workbook::default() }
    }

    fn records(&self) -> Records {
        let header = [
            "person",
            "target",
            "skill_id",
            "skill_name",
            "status",
            "have",
            "need",
            "gap",
            "evidence",
            "tip",
            "resources",
        ];
        let rows = self.to_grow.iter().chain(&self.assess_first).map(|s| &s.row).chain(&self.met);
        Records {
            header: header.map(String::from).to_vec(),
            rows: rows
                .map(|r| {
                    let resources: Vec<String> =
                        r.growth.resources.iter().map(|x| format!("{} <{}>", x.title, x.url)).collect();
                    vec![
                        Value::from(&self.person.name),
                        Value::from(&self.target.id),
                        Value::from(&r.skill.id),
                        Value::from(&r.skill.name),
                        Value::from(status_word(r.status)),
                        Value::from(r.have.as_ref()),
                        Value::from(&r.need),
                        Value::from(r.gap),
                        Value::from(r.evidence.join(" | ")),
                        Value::from(r.growth.tip.as_ref()),
                        Value::from(resources.join(" | ")),
                    ]
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Resource};
    use crate::report::testing::dvla;

    /// A Product Manager with the given proficiency per skill (framework order); `None` is blank.
    fn profile(levels: &[Option<usize>]) -> Profile {
        Profile {
            level: Some(0),
            skills: levels
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| (i, Assessment { proficiency: p, evidence: vec![] })))
                .collect(),
            ..Profile::empty("me.yaml", "Sam", 0)
        }
    }

    fn senior() -> LevelAt {
        LevelAt { role: 0, level: 1 }
    }

    /// The blocks of the section headed `skill: …`.
    fn section<'a>(blocks: &'a [Block], skill: &str) -> &'a [Block] {
        blocks
            .iter()
            .find_map(|b| match b {
                Block::Section { heading, blocks } if heading.starts_with(&format!("{skill}:")) => {
                    Some(blocks.as_slice())
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("no section for {skill}"))
    }

    fn headings(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.clone()),
                Block::Section { heading, .. } => Some(format!("  {heading}")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn gaps_come_biggest_first_then_blanks_to_assess_then_what_is_met() {
        let f = dvla();
        // Awareness in Agile Working (a gap of 3 to Senior's Expert), working in Financial
        // Ownership (1 to Practitioner), two blanks, the rest at Expert.
        let mut levels = vec![Some(3); 10];
        levels[0] = Some(0);
        levels[3] = Some(1);
        levels[5] = None;
        levels[8] = None;
        let plan = PlanReport::build(&f, &profile(&levels), senior(), TargetFrom::Next);
        let ids = |skills: &[PlanSkill]| skills.iter().map(|s| s.row.skill.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&plan.to_grow), ["agile-working", "financial-ownership"]);
        assert_eq!(plan.to_grow[0].row.gap, Some(3));
        assert_eq!(ids(&plan.assess_first), [f.skills[5].id.clone(), f.skills[8].id.clone()]);
        assert_eq!(plan.met.len(), 6);
        assert!(plan.met.iter().all(|r| r.status == Status::Met));
        assert!(plan.to_grow.iter().chain(&plan.assess_first).all(|s| s.actions.is_empty()));
        assert_eq!(plan.summary.text, GapReport::build(f.scope(senior()), &profile(&levels), 1, false).summary.text);
        assert!(plan.other_roles.is_none(), "one role: no other roles to show");

        let blocks = plan.document();
        assert_eq!(blocks[0], Block::Title("Development plan: Sam".into()));
        assert!(matches!(&blocks[1], Block::Fields(f) if f[0] == ("Person".into(), "Sam".into())));
        let want = [
            "To grow".to_string(),
            "  Agile Working: Awareness → Expert, 3 steps".into(),
            "  Financial Ownership: Working → Practitioner, 1 step".into(),
            "Assess first".into(),
            format!("  {}: unassessed → {}", f.skills[5].name, plan.assess_first[0].row.need.name),
            format!("  {}: unassessed → {}", f.skills[8].name, plan.assess_first[1].row.need.name),
            "Already met".into(),
        ];
        assert_eq!(headings(&blocks), want);
        assert!(matches!(blocks.last(), Some(Block::Summary(s)) if s == &format!("Sam: {}", plan.summary.text)));
    }

    #[test]
    fn each_skill_says_what_is_expected_the_evidence_how_to_grow_and_leaves_actions() {
        let f = dvla();
        let mut p = profile(&[Some(0); 10]);
        p.skills[0].1.evidence = vec!["Ran the retros.".into()];
        let plan = PlanReport::build(&f, &p, senior(), TargetFrom::Next);
        let blocks = plan.document();
        let agile = section(&blocks, "Agile Working");
        assert_eq!(
            headings(agile),
            ["What Senior Product Manager expects", "Evidence so far", "How to grow", "Actions"]
        );
        assert_eq!(agile[1], Block::Para(format!("Expert: {}", f.skills[0].proficiencies[3])));
        assert!(agile.contains(&Block::List(vec!["Ran the retros.".into()])));
        assert_eq!(agile.last(), Some(&Block::Actions(ACTION_LINES)));
        // The built-in frameworks give no tips: each skill says so plainly.
        for s in &plan.to_grow {
            let name = &s.row.skill.name;
            let part = section(&blocks, name);
            let sentence = format!("DVLA product manager skills snapshot gives no tips for {name}.");
            assert!(part.contains(&Block::Para(sentence)), "{name}: {part:?}");
        }
        let finance = section(&blocks, "Financial Ownership");
        assert!(finance.contains(&Block::Para("No evidence recorded yet.".into())), "{finance:?}");
    }

    #[test]
    fn tips_criteria_and_resources_of_the_target_step_replace_the_sentence() {
        let mut f = dvla();
        // Senior asks Expert (step 3) of Agile Working.
        f.skills[0].tips[3] = "Coach another team through a quarter.".into();
        f.skills[0].resources =
            vec![Resource { title: "A guide".into(), url: "https://example.org/g".into(), kind: Some("book".into()) }];
        let at = f.roles[0].skills.iter().position(|&s| s == 0).unwrap();
        f.roles[0].levels[1].ratings[at].as_mut().unwrap().criteria = vec![crate::model::Criterion {
            statement: "Coaches a team.".into(),
            examples: vec!["The payments squad.".into()],
        }];
        let plan = PlanReport::build(&f, &profile(&[Some(0); 10]), senior(), TargetFrom::To);
        let blocks = plan.document();
        let agile = section(&blocks, "Agile Working");
        assert!(agile.contains(&Block::Para("Coach another team through a quarter.".into())), "{agile:?}");
        assert!(agile.contains(&Block::List(vec!["A guide (book): https://example.org/g".into()])), "{agile:?}");
        assert!(agile.contains(&Block::List(vec!["Coaches a team. For example: The payments squad.".into()])));
        assert!(!agile.iter().any(|b| matches!(b, Block::Para(t) if t.contains("gives no tips"))), "{agile:?}");
        let records = plan.records();
        let tip = records.header.iter().position(|h| h == "tip").unwrap();
        assert_eq!(records.rows[0][tip].csv(), "Coach another team through a quarter.");
        assert_eq!(records.rows.len(), 10, "one row per skill");
    }

    #[test]
    fn other_roles_appear_only_when_the_framework_has_several() {
        let mut f = dvla();
        let mut other = f.roles[0].clone();
        other.id = "service-owner".into();
        other.name = "Service owner".into();
        f.roles.push(other);
        let plan = PlanReport::build(&f, &profile(&[Some(1); 10]), senior(), TargetFrom::Profile);
        let entries = plan.other_roles.as_ref().expect("several roles");
        assert!(!entries.is_empty() && entries.len() <= OTHER_ROLES, "{entries:?}");
        assert!(entries.iter().all(|e| e.role.id == "service-owner"), "the target's own role is left out");
        let blocks = plan.document();
        let at = blocks.iter().position(|b| *b == Block::Heading("Other roles within reach".into())).unwrap();
        assert!(matches!(&blocks[at + 1], Block::Table(t) if t.rows.len() == entries.len()));
        assert!(matches!(&blocks[at + 2], Block::Hint(h) if h.contains(rules::MOVE_RULE)));
        assert!(matches!(&blocks[1], Block::Fields(f) if f.iter().any(|(k, v)| k == "Role" && v == "Product manager")));
    }
}
