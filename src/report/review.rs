//! `pm-skills gap --review`: a reviewer's assessment of a person beside the person's own, against
//! one level, skill by skill, where they disagree first.
//!
//! Each side is compared with the target as `gap` compares one profile ([`compare`]), so "met",
//! "grow" and "unassessed" mean the same here. Two sides agree on a skill when both give the same
//! proficiency; a skill one or both left unassessed is never an agreement.

use serde::Serialize;

use super::evidence_item;
use super::gap::{self, GapRow, Readiness, Status, compare, status_word};
use super::{Proficiency, Ref, Report, Scope, proficiency_label};
use crate::model::{LevelAt, LevelRef, Profile};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Chart, Radar, Records, Series, Table, Tone, Value, Workbook};

/// Who gave one side of the comparison, as their profile says.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The profile's `name`: the person rated.
    pub person: String,
    /// Who rated (`self` or a name), when the profile says.
    pub assessor: Option<String>,
    /// When, when the profile says.
    pub date: Option<jiff::civil::Date>,
    pub file: String,
    /// The person's current level as this side gives it, if it does.
    pub level: Option<LevelRef>,
}

/// One side's view of one skill against the target.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// `null` when this side left the skill unassessed.
    pub have: Option<Proficiency>,
    /// Steps still to climb to the target, at least 0; `null` when unassessed.
    pub gap: Option<i64>,
    pub status: Status,
    /// This side's evidence notes.
    pub evidence: Vec<String>,
}

/// Whether the two sides give a skill the same proficiency, and if not, why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "snake_case")]
pub enum Agreement {
    /// Both assessed it, at the same proficiency.
    Agree,
    /// Both assessed it, at different proficiencies.
    Disagree,
    /// Only the reviewer assessed it.
    SelfUnassessed,
    /// Only the person assessed it.
    ReviewerUnassessed,
    /// Neither assessed it: an open question, not an agreement.
    BothUnassessed,
}

/// One skill the target expects, as each side sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRow {
    pub skill: Ref,
    pub need: Proficiency,
    #[serde(rename = "self")]
    pub own: View,
    pub reviewer: View,
    /// Both assessed the skill at the same proficiency.
    pub agree: bool,
    pub agreement: Agreement,
    /// The reviewer's proficiency minus the person's, in steps: positive when the reviewer rates
    /// higher; `null` unless both assessed the skill.
    pub difference: Option<i64>,
}

/// The counts over every skill the target expects, whatever `--only-gaps` hid.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewSummary {
    pub skills: usize,
    /// The person's own readiness, as `gap` counts it.
    #[serde(rename = "self")]
    pub own: Readiness,
    /// The readiness the reviewer sees.
    pub reviewer: Readiness,
    pub agree: usize,
    pub disagree: usize,
    /// Of the disagreements, those the reviewer rates above the person's own rating.
    pub reviewer_higher: usize,
    /// Of the disagreements, those the reviewer rates below it.
    pub reviewer_lower: usize,
    pub self_unassessed: usize,
    pub reviewer_unassessed: usize,
    pub both_unassessed: usize,
    /// The summary as one sentence.
    pub text: String,
}

/// A person's self-assessment and a reviewer's assessment of them, against one level.
#[derive(Debug, Serialize)]
pub struct ReviewReport {
    pub framework: Ref,
    pub role: Ref,
    pub target: Ref,
    #[serde(rename = "self")]
    pub own: Side,
    pub reviewer: Side,
    /// True when `--only-gaps` removed the rows both sides see as met; `summary` still counts
    /// every skill.
    pub only_gaps: bool,
    pub rows: Vec<ReviewRow>,
    pub summary: ReviewSummary,
    #[serde(skip)]
    pub scale_size: usize,
    /// The scale's step names, lowest first: the chart's key names every step, not only those
    /// the rows use.
    #[serde(skip)]
    pub scale: Vec<String>,
}

fn side(scope: Scope, profile: &Profile) -> Side {
    let level = profile.level.map(|level| scope.framework.level_ref(LevelAt { role: profile.role, level }));
    Side {
        person: profile.name.clone(),
        assessor: profile.assessor.clone(),
        date: profile.date,
        file: profile.file.clone(),
        level,
    }
}

fn view(row: GapRow) -> View {
    View { have: row.have, gap: row.gap, status: row.status, evidence: row.evidence }
}

/// Pairs the two sides' rows (both in the role's skill order, over the same skills).
fn pair(own: Vec<GapRow>, reviewer: Vec<GapRow>) -> Vec<ReviewRow> {
    own.into_iter()
        .zip(reviewer)
        .map(|(mine, theirs)| {
            let rank = |r: &GapRow| r.have.as_ref().map(|h| h.rank.get() as i64);
            let (agreement, difference) = match (rank(&mine), rank(&theirs)) {
                (Some(a), Some(b)) if a == b => (Agreement::Agree, Some(0)),
                (Some(a), Some(b)) => (Agreement::Disagree, Some(b - a)),
                (None, Some(_)) => (Agreement::SelfUnassessed, None),
                (Some(_), None) => (Agreement::ReviewerUnassessed, None),
                (None, None) => (Agreement::BothUnassessed, None),
            };
            ReviewRow {
                skill: mine.skill.clone(),
                need: mine.need.clone(),
                own: view(mine),
                reviewer: view(theirs),
                agree: agreement == Agreement::Agree,
                agreement,
                difference,
            }
        })
        .collect()
}

/// The report's order: disagreements (the biggest difference first), then skills one side left
/// unassessed, then those both did, then agreements (a shared gap, biggest first, before a shared
/// met); ties keep the role's skill order.
fn sort_key(row: &ReviewRow) -> (u8, std::cmp::Reverse<i64>) {
    use std::cmp::Reverse;
    match row.agreement {
        Agreement::Disagree => (0, Reverse(row.difference.unwrap_or(0).abs())),
        Agreement::SelfUnassessed | Agreement::ReviewerUnassessed => (1, Reverse(0)),
        Agreement::BothUnassessed => (2, Reverse(0)),
        Agreement::Agree => (3, Reverse(row.own.gap.unwrap_or(0))),
    }
}

/// One side's readiness, with the skills named biggest gap first as `gap` names them.
fn readiness(mut rows: Vec<GapRow>, target: &str) -> Readiness {
    rows.sort_by_key(gap::sort_key);
    Readiness::of(&rows, target)
}

impl ReviewReport {
    /// Compares `own` (the self-assessment) and `reviewer` (a review of the same person) with
    /// level `target` of the scope's role.
    pub fn build(scope: Scope, own: &Profile, reviewer: &Profile, target: usize, only_gaps: bool) -> Self {
        let target_ref = scope.level_ref(target);
        let (mine, theirs) = (compare(scope, own, target), compare(scope, reviewer, target));
        let (own_ready, reviewer_ready) =
            (readiness(mine.clone(), &target_ref.name), readiness(theirs.clone(), &target_ref.name));
        let mut rows = pair(mine, theirs);
        rows.sort_by_key(sort_key);
        let (own_side, reviewer_side) = (side(scope, own), side(scope, reviewer));
        let summary = summarise(&rows, own_ready, reviewer_ready, &own_side, &reviewer_side);
        if only_gaps {
            rows.retain(|r| !(r.own.status == Status::Met && r.reviewer.status == Status::Met));
        }
        ReviewReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            target: target_ref,
            own: own_side,
            reviewer: reviewer_side,
            only_gaps,
            rows,
            summary,
            scale_size: scope.scale_size(),
            scale: scope.scale_names(),
        }
    }

    /// Whether either side sees anything between the person and the target (a gap, or a skill
    /// left unassessed): what `--exit-code` reports.
    pub fn has_gaps(&self) -> bool {
        !(self.summary.own.ready && self.summary.reviewer.ready)
    }

    /// The person's side as the report names it: their name.
    pub fn own_label(&self) -> &str {
        own_label(&self.own)
    }

    /// The reviewer as the report names them in a sentence: the assessor, or "the reviewer".
    pub fn reviewer_label(&self) -> String {
        reviewer_label(&self.reviewer)
    }
}

fn own_label(own: &Side) -> &str {
    if own.person.trim().is_empty() { "self" } else { &own.person }
}

/// The review's `assessor`, unless it says none or `self` (which would name the wrong person).
fn reviewer_label(reviewer: &Side) -> String {
    match reviewer.assessor.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() && !name.eq_ignore_ascii_case("self") => name.to_string(),
        _ => "the reviewer".to_string(),
    }
}

/// The reviewer as a column heading or a label: the assessor, or "Reviewer".
fn reviewer_heading(reviewer: &Side) -> String {
    match reviewer_label(reviewer).as_str() {
        "the reviewer" => "Reviewer".to_string(),
        name => name.to_string(),
    }
}

/// Counts agreements and words the summary: how many each side sees as met, where they disagree
/// and which way, and what either left unassessed. `rows` are in report order.
fn summarise(rows: &[ReviewRow], own: Readiness, reviewer: Readiness, me: &Side, them: &Side) -> ReviewSummary {
    let names = |keep: &dyn Fn(&ReviewRow) -> bool| -> Vec<&str> {
        rows.iter().filter(|r| keep(r)).map(|r| r.skill.name.as_str()).collect()
    };
    let of = |a: Agreement| names(&|r: &ReviewRow| r.agreement == a);
    let higher = names(&|r: &ReviewRow| r.difference.is_some_and(|d| d > 0));
    let lower = names(&|r: &ReviewRow| r.difference.is_some_and(|d| d < 0));
    let (agree, self_blank, reviewer_blank, both_blank) = (
        of(Agreement::Agree).len(),
        of(Agreement::SelfUnassessed),
        of(Agreement::ReviewerUnassessed),
        of(Agreement::BothUnassessed),
    );
    let (me_label, them_label) = (own_label(me), reviewer_label(them));
    let mut text =
        format!("{me_label} sees {} of {} skills as met; {them_label} sees {}", own.met, rows.len(), reviewer.met);
    let disagree = higher.len() + lower.len();
    if disagree > 0 {
        let mut ways = Vec::new();
        for (list, word) in [(&lower, "lower"), (&higher, "higher")] {
            if !list.is_empty() {
                ways.push(format!("{} {word} ({})", list.len(), list.join(", ")));
            }
        }
        text.push_str(&format!(". They disagree on {disagree}: {them_label} rates {}", ways.join(" and ")));
        text.push_str(&format!("; they agree on {agree}"));
    } else if agree > 0 {
        text.push_str(&format!(". They agree on all {agree} skills both assessed"));
    }
    for (list, who) in [
        (&reviewer_blank, format!("only by {me_label}")),
        (&self_blank, format!("only by {them_label}")),
        (&both_blank, "by neither".to_string()),
    ] {
        if !list.is_empty() {
            text.push_str(&format!("; {} assessed {who}: {}", list.len(), list.join(", ")));
        }
    }
    text.push('.');
    ReviewSummary {
        skills: rows.len(),
        own,
        reviewer,
        agree,
        disagree,
        reviewer_higher: higher.len(),
        reviewer_lower: lower.len(),
        self_unassessed: self_blank.len(),
        reviewer_unassessed: reviewer_blank.len(),
        both_unassessed: both_blank.len(),
        text,
    }
}

/// A side's cell in the table: the proficiency as a bar, or "unassessed".
fn view_cell(v: &View, scale_size: usize) -> Cell {
    match (&v.have, v.status) {
        (None, _) => Cell::toned("unassessed", Tone::Grow),
        (Some(h), Status::Met) => Cell::plain(proficiency_label(h, scale_size)),
        (Some(h), _) => Cell::toned(proficiency_label(h, scale_size), Tone::Grow),
    }
}

fn agree_cell(row: &ReviewRow) -> Cell {
    match (row.agreement, row.difference) {
        (Agreement::Agree, _) => Cell::toned("yes", Tone::Same),
        (Agreement::Disagree, Some(d)) => Cell::toned(format!("no, {}", signed(d)), Tone::Grow),
        _ => Cell::toned("?", Tone::Grow),
    }
}

impl ReviewReport {
    /// The column heading of each side: "Sam Okafor (self)", "Dana Reyes".
    fn headings(&self) -> (String, String) {
        (format!("{} (self)", self.own_label()), reviewer_heading(&self.reviewer))
    }

    /// Who gave each side, when and in which file; where the review names another person or
    /// level, that too.
    fn sources(&self) -> Block {
        let dated = |s: &Side| match &s.date {
            Some(date) => format!("{date}, {}", s.file),
            None => s.file.clone(),
        };
        let mut review = match &self.reviewer.assessor {
            Some(_) => format!("{}, {}", reviewer_heading(&self.reviewer), dated(&self.reviewer)),
            None => dated(&self.reviewer),
        };
        let mut notes = Vec::new();
        if crate::names::person_key(&self.reviewer.person) != crate::names::person_key(&self.own.person) {
            notes.push(format!("names {}", crate::names::shown_name(&self.reviewer.person)));
        }
        if let Some(level) = &self.reviewer.level
            && self.own.level.as_ref().is_none_or(|own| own.id != level.id || own.role.id != level.role.id)
        {
            notes.push(format!("places them at {}", level.name));
        }
        if !notes.is_empty() {
            review.push_str(&format!("; the review {}", notes.join(" and ")));
        }
        Block::Fields(vec![
            ("Self-assessment".into(), format!("{}, {}", self.own_label(), dated(&self.own))),
            ("Review".into(), review),
        ])
    }

    /// Each skill with evidence on either side, in the rows' order, each note labelled by who gave it.
    fn evidence_items(&self) -> Vec<String> {
        let (mine, theirs) = (self.own_label(), reviewer_heading(&self.reviewer));
        self.rows
            .iter()
            .filter(|r| !r.own.evidence.is_empty() || !r.reviewer.evidence.is_empty())
            .map(|r| {
                let sides = [(mine, &r.own.evidence), (theirs.as_str(), &r.reviewer.evidence)];
                let notes =
                    sides.into_iter().flat_map(|(who, notes)| notes.iter().map(move |n| (Some(who), n.as_str())));
                evidence_item(&r.skill.name, notes)
            })
            .collect()
    }
}

impl Report for ReviewReport {
    fn chart(&self) -> Option<Chart> {
        let (mine, theirs) = self.headings();
        let values = |v: fn(&ReviewRow) -> Option<usize>| self.rows.iter().map(v).collect();
        Some(Chart::Radar(Radar {
            title: format!("{} against {}: self-assessment and review", self.own_label(), self.target.name),
            axes: self.rows.iter().map(|r| r.skill.name.clone()).collect(),
            scale: self.scale.clone(),
            series: vec![
                Series { name: format!("{} needs", self.target.name), values: values(|r| Some(r.need.rank.get())) },
                Series { name: mine, values: values(|r| r.own.have.as_ref().map(|h| h.rank.get())) },
                Series { name: theirs, values: values(|r| r.reviewer.have.as_ref().map(|h| h.rank.get())) },
            ],
        }))
    }

    fn document(&self) -> Vec<Block> {
        let (mine, theirs) = self.headings();
        let from = self.own.level.as_ref().map(|l| format!(" ({})", l.name)).unwrap_or_default();
        let mut blocks = vec![
            Block::Title(format!(
                "{}{from} against {}: self-assessment and review",
                self.own_label(),
                self.target.name
            )),
            self.sources(),
        ];
        let mut table = Table::new(["Skill".to_string(), mine.clone(), theirs.clone(), "Needs".into(), "Agree".into()]);
        for r in &self.rows {
            table.row(vec![
                Cell::toned(&r.skill.name, Tone::Strong),
                view_cell(&r.own, self.scale_size),
                view_cell(&r.reviewer, self.scale_size),
                Cell::plain(proficiency_label(&r.need, self.scale_size)),
                agree_cell(r),
            ]);
        }
        if self.rows.is_empty() {
            blocks.push(Block::Para("Both see every skill as met.".into()));
        } else {
            blocks.push(Block::Table(table));
            let mut legend = Vec::new();
            if self.rows.iter().any(|r| r.agreement == Agreement::Disagree) {
                legend.push(format!(
                    "no, +N / −N: {} rates N steps above / below {}'s own rating",
                    self.reviewer_label(),
                    self.own_label()
                ));
            }
            if self.rows.iter().any(|r| r.difference.is_none()) {
                legend.push("?: not assessed by both".to_string());
            }
            if !legend.is_empty() {
                blocks.push(Block::Para(legend.join(" · ")));
            }
        }
        let evidence = self.evidence_items();
        if !evidence.is_empty() {
            blocks.push(Block::Heading("Evidence".into()));
            blocks.push(Block::List(evidence));
        }
        blocks.push(Block::Heading(format!("Against {}", self.target.name)));
        blocks.push(Block::List(vec![
            format!("{mine}: {}", self.summary.own.text),
            format!("{theirs}: {}", self.summary.reviewer.text),
        ]));
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    fn workbook(&self) -> Workbook {
        Workbook { name: "Review".into(), ..Workbook::default() }
    }

    fn records(&self) -> Records {
        let header = [
            "person",
            "reviewer",
            "target",
            "skill_id",
            "skill_name",
            "need",
            "self_have",
            "self_gap",
            "self_status",
            "self_evidence",
            "reviewer_have",
            "reviewer_gap",
            "reviewer_status",
            "reviewer_evidence",
            "agree",
            "agreement",
            "difference",
        ];
        let side = |v: &View| {
            [
                Value::from(v.have.as_ref()),
                Value::from(v.gap),
                Value::from(status_word(v.status)),
                Value::from(v.evidence.join(" | ")),
            ]
        };
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    Value::from(&self.own.person),
                    Value::from(self.reviewer.assessor.as_ref()),
                    Value::from(&self.target.id),
                    Value::from(&r.skill.id),
                    Value::from(&r.skill.name),
                    Value::from(&r.need),
                ];
                row.extend(side(&r.own));
                row.extend(side(&r.reviewer));
                row.extend([Value::from(r.agree), Value::from(<&str>::from(r.agreement)), Value::from(r.difference)]);
                row
            })
            .collect();
        Records { header: header.map(String::from).to_vec(), rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Framework};
    use crate::report::testing::dvla;

    /// A profile with the given proficiency index per skill (in framework order: Agile Working,
    /// Government Digital and Data Perspective, Experience of Working within Constraints, Financial
    /// Ownership, Lifecycle Perspective, Operational Management, Problem Ownership, Product
    /// Ownership, Strategic Focus, User Focus); `None` is unassessed.
    fn profile(f: &Framework, name: &str, assessor: Option<&str>, levels: [Option<usize>; 10]) -> Profile {
        Profile {
            level: Some(0),
            assessor: assessor.map(String::from),
            skills: (0..f.skills.len())
                .filter_map(|i| levels[i].map(|p| (i, Assessment { proficiency: p, evidence: vec![] })))
                .collect(),
            ..Profile::empty(format!("{name}.yaml"), name, 0)
        }
    }

    /// Against Senior (which needs expert, practitioner, practitioner, practitioner, expert,
    /// expert, expert, expert, practitioner, expert): every kind of row.
    fn mixed(only_gaps: bool) -> ReviewReport {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let own = profile(
            &f,
            "Sam",
            Some("self"),
            [Some(3), Some(2), Some(2), Some(1), Some(2), Some(2), Some(3), Some(2), None, None],
        );
        let reviewer = profile(
            &f,
            "Sam",
            Some("Dana"),
            [Some(3), Some(1), Some(2), Some(3), Some(2), Some(0), Some(3), None, Some(2), None],
        );
        ReviewReport::build(scope, &own, &reviewer, 1, only_gaps)
    }

    fn ids(r: &ReviewReport) -> Vec<&str> {
        r.rows.iter().map(|r| r.skill.id.as_str()).collect()
    }

    #[test]
    fn disagreements_come_first_biggest_then_one_sided_then_neither_then_agreements_gap_first() {
        let r = mixed(false);
        assert_eq!(
            ids(&r),
            [
                "financial-ownership",
                "operational-management",
                "government-digital-and-data-perspective",
                "product-ownership",
                "strategic-focus",
                "user-focus",
                "lifecycle-perspective",
                "agile-working",
                "experience-of-working-within-constraints",
                "problem-ownership",
            ]
        );
        let differences: Vec<Option<i64>> = r.rows.iter().map(|r| r.difference).collect();
        assert_eq!(differences, [Some(2), Some(-2), Some(-1), None, None, None, Some(0), Some(0), Some(0), Some(0)]);
    }

    #[test]
    fn agreement_needs_both_sides_at_one_proficiency_and_both_blank_is_its_own_kind() {
        let r = mixed(false);
        let kinds: Vec<(Agreement, bool)> = r.rows.iter().map(|r| (r.agreement, r.agree)).collect();
        use Agreement::*;
        assert_eq!(
            kinds,
            [
                (Disagree, false),
                (Disagree, false),
                (Disagree, false),
                (ReviewerUnassessed, false),
                (SelfUnassessed, false),
                (BothUnassessed, false),
                (Agree, true),
                (Agree, true),
                (Agree, true),
                (Agree, true),
            ]
        );
        // One side unassessed: that side has no proficiency and no gap; the other keeps its own.
        let product = &r.rows[3];
        assert_eq!((product.own.status, product.own.gap), (Status::Grow, Some(1)));
        assert_eq!(
            (product.reviewer.status, product.reviewer.gap, product.reviewer.have.is_none()),
            (Status::Unassessed, None, true)
        );
        // Agreeing on a proficiency below the target is agreeing on a gap.
        let lifecycle = &r.rows[6];
        assert!(lifecycle.agree && lifecycle.own.status == Status::Grow && lifecycle.reviewer.gap == Some(1));
    }

    #[test]
    fn the_summary_counts_each_sides_met_skills_and_words_who_sees_what() {
        let s = mixed(false).summary;
        assert_eq!((s.skills, s.own.met, s.reviewer.met), (10, 4, 5));
        assert_eq!((s.agree, s.disagree, s.reviewer_higher, s.reviewer_lower), (4, 3, 1, 2));
        assert_eq!((s.self_unassessed, s.reviewer_unassessed, s.both_unassessed), (1, 1, 1));
        assert_eq!((s.own.unassessed, s.reviewer.unassessed), (2, 2));
        assert_eq!(
            s.text,
            "Sam sees 4 of 10 skills as met; Dana sees 5. They disagree on 3: Dana rates 2 lower (Operational \
             Management, Government Digital and Data Perspective) and 1 higher (Financial Ownership); they agree on \
             4; 1 assessed only by Sam: Product Ownership; 1 assessed only by Dana: Strategic Focus; 1 assessed by \
             neither: User Focus."
        );
    }

    #[test]
    fn a_reviewer_who_names_no_assessor_or_self_is_the_reviewer() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let own = profile(&f, "Sam", None, [Some(3); 10]);
        for assessor in [None, Some("self"), Some("  ")] {
            let reviewer = profile(&f, "Sam", assessor, [Some(3); 10]);
            let r = ReviewReport::build(scope, &own, &reviewer, 0, false);
            assert_eq!(r.reviewer_label(), "the reviewer", "{assessor:?}");
            assert_eq!(
                r.summary.text,
                "Sam sees 10 of 10 skills as met; the reviewer sees 10. They agree on all 10 skills both assessed."
            );
            let Some(Block::Table(table)) = r.document().into_iter().find(|b| matches!(b, Block::Table(_))) else {
                panic!("a table")
            };
            assert_eq!(table.header, ["Skill", "Sam (self)", "Reviewer", "Needs", "Agree"]);
        }
    }

    #[test]
    fn only_gaps_keeps_a_row_either_side_does_not_see_as_met_and_the_summary_counts_all() {
        let all = mixed(false);
        let open = mixed(true);
        assert!(open.only_gaps);
        // Agile Working, Constraints and Problem Ownership are met on both sides; Strategic Focus
        // is met by the reviewer only, and stays.
        assert_eq!(open.rows.len(), 7);
        assert!(open.rows.iter().all(|r| r.own.status != Status::Met || r.reviewer.status != Status::Met));
        assert!(ids(&open).contains(&"strategic-focus"));
        assert_eq!(open.summary.text, all.summary.text);
        assert!(all.has_gaps());
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let expert = profile(&f, "Sam", None, [Some(3); 10]);
        let both_ready = ReviewReport::build(scope, &expert, &expert, 1, true);
        assert!(!both_ready.has_gaps() && both_ready.rows.is_empty());
        assert!(both_ready.document().contains(&Block::Para("Both see every skill as met.".into())));
        // One side short of the target is enough for --exit-code.
        let mut short = [Some(3); 10];
        short[4] = Some(2);
        assert!(ReviewReport::build(scope, &expert, &profile(&f, "Sam", None, short), 1, true).has_gaps());
    }

    #[test]
    fn the_sources_give_each_sides_date_and_file_and_say_where_the_review_differs() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let own =
            Profile { date: Some("2026-06-01".parse().unwrap()), ..profile(&f, "Sam", Some("self"), [Some(3); 10]) };
        let same = profile(&f, "sam", Some("Dana"), [Some(3); 10]);
        let fields = |reviewer: &Profile| match ReviewReport::build(scope, &own, reviewer, 1, false).sources() {
            Block::Fields(fields) => fields.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(fields(&same), ["Sam, 2026-06-01, Sam.yaml", "Dana, sam.yaml"]);
        let other = Profile {
            level: Some(1),
            date: Some("2026-05-20".parse().unwrap()),
            ..profile(&f, "Alex", None, [None; 10])
        };
        assert_eq!(
            fields(&other)[1],
            "2026-05-20, Alex.yaml; the review names Alex and places them at Senior Product Manager"
        );
    }

    #[test]
    fn evidence_is_listed_under_each_skill_labelled_by_who_gave_it() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let mut own = profile(&f, "Sam", Some("self"), [Some(3); 10]);
        let mut reviewer = profile(&f, "Sam", Some("Dana"), [Some(3); 10]);
        own.skills[0].1.evidence = vec!["Coached a squad.".into()];
        reviewer.skills[0].1.evidence = vec!["Saw it.".into(), "Heard it.".into()];
        reviewer.skills[9].1.evidence = vec!["Ran research.".into()];
        let blocks = ReviewReport::build(scope, &own, &reviewer, 0, false).document();
        let at = blocks.iter().position(|b| *b == Block::Heading("Evidence".into())).expect("an evidence heading");
        assert_eq!(
            blocks[at + 1],
            Block::List(vec![
                "Agile Working:\n- Sam: Coached a squad.\n- Dana: Saw it.\n- Dana: Heard it.".into(),
                "User Focus:\n- Dana: Ran research.".into(),
            ])
        );
    }

    #[test]
    fn the_radar_draws_the_target_and_both_sides_and_the_csv_has_both_sides_columns() {
        let r = mixed(false);
        let Some(Chart::Radar(radar)) = r.chart() else { panic!("a radar") };
        let names: Vec<&str> = radar.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Senior Product Manager needs", "Sam (self)", "Dana"]);
        assert_eq!(radar.axes.len(), 10);
        // Unassessed is drawn at the centre, on its own side only.
        assert_eq!((radar.series[1].values[3], radar.series[2].values[3]), (Some(3), None));
        let records = r.records();
        assert!(records.rows.iter().all(|row| row.len() == records.header.len()));
        let column = |name: &str| records.header.iter().position(|h| h == name).unwrap();
        let first = &records.rows[0];
        assert_eq!(
            [&first[column("self_have")], &first[column("reviewer_have")], &first[column("difference")]],
            [
                &Value::Step { id: "working".into(), rank: 2 },
                &Value::Step { id: "expert".into(), rank: 4 },
                &Value::Int(2)
            ]
        );
        assert_eq!(first[column("reviewer")].csv(), "Dana");
    }
}
