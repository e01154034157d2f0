//! `pm-skills diff FROM TO`: the gap analysis between two levels, of one role or of two.
//!
//! The comparison itself is pure arithmetic on scale ranks; a drop in expectation is reported as
//! a drop, never as a gap, because nobody has to "grow down". Across roles it covers the union of
//! both levels' skills: a skill only the target expects is `new`, one only the source expects is
//! `left`, and a missing side counts as rank 0.

use serde::Serialize;

use super::behaviours::{self, BehaviourChange};
use super::{Criterion, Growth, Proficiency, Rank, Ref, Report, criteria_blocks, expected_label, growth_blocks};
use crate::model::{Framework, LevelAt, LevelRef};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Chart, Radar, Records, Series, Table, Tone, Value, Workbook};
use crate::text::plural;

/// Which way one skill's expectation moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "lowercase")]
pub enum Direction {
    /// Both expect it, the target more: a gap to close.
    Grow,
    /// Both expect it, equally.
    Stay,
    /// Both expect it, the target less: not a gap.
    Drop,
    /// Only the target expects it: a gap of its whole rank.
    New,
    /// Only the source expects it: left behind, not a gap.
    Left,
}

impl Direction {
    /// Classifies a skill by the ranks (1 = lowest step) each side expects; `None` when neither
    /// expects it.
    pub fn of(from: Option<Rank>, to: Option<Rank>) -> Option<Self> {
        Some(match (from, to) {
            (None, None) => return None,
            (None, Some(_)) => Direction::New,
            (Some(_), None) => Direction::Left,
            (Some(a), Some(b)) if b > a => Direction::Grow,
            (Some(a), Some(b)) if b == a => Direction::Stay,
            _ => Direction::Drop,
        })
    }

    /// Whether the skill must be grown into: what `--only-gaps` keeps and `--exit-code` counts.
    pub fn is_gap(self) -> bool {
        matches!(self, Direction::Grow | Direction::New)
    }

    /// The lowercase word, as JSON and CSV write it.
    pub fn word(self) -> &'static str {
        self.into()
    }

    fn tone(self) -> Tone {
        match self {
            Direction::Grow | Direction::New => Tone::Grow,
            Direction::Stay => Tone::Same,
            Direction::Drop | Direction::Left => Tone::Drop,
        }
    }
}

/// Two levels compared skill by skill, biggest gaps first.
#[derive(Debug, Serialize)]
pub struct DiffReport {
    pub framework: Ref,
    /// The role of `from`; `to.role` differs in a move between roles.
    pub role: Ref,
    pub from: LevelRef,
    pub to: LevelRef,
    /// True when `--only-gaps` kept only the `grow` and `new` rows; `summary` still counts every
    /// skill.
    pub only_gaps: bool,
    pub rows: Vec<DiffRow>,
    pub summary: DiffSummary,
    /// The soft skills either level rates on the behaviour scale, compared; empty when neither
    /// rates any. Not counted in `summary`: the two scales do not compare.
    pub behaviours: Vec<BehaviourChange>,
    #[serde(skip)]
    pub scale_size: usize,
    /// The scale's step names, lowest first: the chart's key names every step, not only those
    /// the two levels use.
    #[serde(skip)]
    pub scale: Vec<String>,
    #[serde(skip)]
    pub behaviour_scale_size: usize,
}

/// One skill compared.
#[derive(Debug, Clone, Serialize)]
pub struct DiffRow {
    pub skill: Ref,
    /// `None` where the source level does not expect the skill.
    pub from: Option<Proficiency>,
    /// `None` where the target level does not expect the skill.
    pub to: Option<Proficiency>,
    /// Steps on the scale from `from` to `to`, a missing side counting as rank 0: positive means
    /// grow.
    pub change: i64,
    pub direction: Direction,
    /// What the target proficiency looks like for this skill; empty when the target does not
    /// expect it.
    pub meaning: String,
    /// The data's note on the target cell (or the source cell), e.g. why an expectation drops.
    pub note: Option<String>,
    /// What the target level expects in this skill, statement by statement.
    pub criteria: Vec<Criterion>,
    /// How to grow into the target proficiency, for `grow` and `new` rows.
    pub growth: Growth,
}

/// Counts over every skill, whatever `--only-gaps` hid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    pub skills: usize,
    pub grow: usize,
    pub stay: usize,
    pub drop: usize,
    pub new: usize,
    pub left: usize,
    /// Sum of the positive changes: how many scale steps must be climbed in all.
    pub steps_to_grow: i64,
    /// The summary as one sentence.
    pub text: String,
}

impl DiffSummary {
    /// Counts the directions of `rows` and words the result.
    pub fn of(rows: &[DiffRow]) -> Self {
        let count = |d: Direction| rows.iter().filter(|r| r.direction == d).count();
        let (grow, stay, drop) = (count(Direction::Grow), count(Direction::Stay), count(Direction::Drop));
        let (new, left) = (count(Direction::New), count(Direction::Left));
        let skills = rows.len();
        let mut text = format!(
            "{grow} of {} must grow, {stay} stay{} the same",
            plural(skills, "skill", "skills"),
            if stay == 1 { "s" } else { "" }
        );
        if new > 0 {
            text.push_str(&format!(", {} new", plural(new, "is", "are")));
        }
        if drop > 0 {
            text.push_str(&format!(", {drop} drop{} (not a gap)", if drop == 1 { "s" } else { "" }));
        }
        if left > 0 {
            text.push_str(&format!(", {left} no longer expected"));
        }
        let steps_to_grow = rows.iter().map(|r| r.change.max(0)).sum();
        DiffSummary { skills, grow, stay, drop, new, left, steps_to_grow, text }
    }
}

/// One skill either level expects: the ratings each side gives it, which way it moves and by how
/// many ranks (a missing side counts as rank 0).
pub struct Pair<'a> {
    pub skill: usize,
    pub from: Option<&'a crate::model::Rating>,
    pub to: Option<&'a crate::model::Rating>,
    pub direction: Direction,
    pub change: i64,
}

/// Every skill either level expects, paired: the source role's skills in its order, then the
/// target role's others. What [`compare`] writes out as rows, and what `moves` counts without
/// building them.
pub fn pairs(framework: &Framework, from: LevelAt, to: LevelAt) -> impl Iterator<Item = Pair<'_>> {
    let (a_role, b_role) = (&framework.roles[from.role], &framework.roles[to.role]);
    let (a, b) = (framework.level(from), framework.level(to));
    let slot = |role: &crate::model::Role, s: usize| role.skills.iter().position(|&x| x == s);
    let union =
        a_role.skills.iter().copied().chain(b_role.skills.iter().copied().filter(|s| !a_role.skills.contains(s)));
    union.filter_map(move |s| {
        let ra = slot(a_role, s).and_then(|k| a.rating(k));
        let rb = if from.role == to.role { slot(a_role, s) } else { slot(b_role, s) }.and_then(|k| b.rating(k));
        let rank = |r: Option<&crate::model::Rating>| r.map(|r| Rank::of_index(r.proficiency));
        let direction = Direction::of(rank(ra), rank(rb))?;
        let change = rank(rb).map_or(0, Rank::get) as i64 - rank(ra).map_or(0, Rank::get) as i64;
        Some(Pair { skill: s, from: ra, to: rb, direction, change })
    })
}

/// Every skill either level expects, compared, as rows ([`pairs`] in their order). Unsorted;
/// pure, so `moves` and `fit` rank with it too.
pub fn compare(framework: &Framework, from: LevelAt, to: LevelAt) -> Vec<DiffRow> {
    pairs(framework, from, to)
        .map(|Pair { skill: s, from: ra, to: rb, direction, change }| {
            let skill = &framework.skills[s];
            DiffRow {
                skill: Ref::from(skill),
                from: ra.map(|r| framework.proficiency(r.proficiency)),
                to: rb.map(|r| framework.proficiency(r.proficiency)),
                change,
                direction,
                meaning: rb.map(|r| skill.proficiencies[r.proficiency].clone()).unwrap_or_default(),
                note: rb.and_then(|r| r.note.clone()).or_else(|| ra.and_then(|r| r.note.clone())),
                criteria: rb.map(|r| r.criteria.clone()).unwrap_or_default(),
                growth: match rb {
                    Some(r) if direction.is_gap() => Growth::of(skill, r.proficiency),
                    _ => Growth::default(),
                },
            }
        })
        .collect()
}

impl DiffReport {
    /// Compares level `from` with level `to`, of one role or of two.
    pub fn build(framework: &Framework, from: LevelAt, to: LevelAt, only_gaps: bool) -> Self {
        let mut rows = compare(framework, from, to);
        // Biggest gaps first; the sort is stable, so ties keep the skill order.
        rows.sort_by_key(|r| std::cmp::Reverse(r.change));
        let summary = DiffSummary::of(&rows);
        if only_gaps {
            rows.retain(|r| r.direction.is_gap());
        }
        let role = &framework.roles[from.role];
        DiffReport {
            framework: Ref::from(framework),
            role: Ref::from(role),
            from: framework.level_ref(from),
            to: framework.level_ref(to),
            only_gaps,
            rows,
            summary,
            behaviours: behaviours::compare(framework, framework.level(from), framework.level(to)),
            scale_size: framework.scale.len(),
            scale: framework.scale.iter().map(|s| s.name.clone()).collect(),
            behaviour_scale_size: framework.behaviour_scale.len(),
        }
    }

    /// Whether any skill must grow or is new: what `--exit-code` reports.
    pub fn has_gaps(&self) -> bool {
        self.summary.grow + self.summary.new > 0
    }

    /// The level ids as CSV writes them: qualified as `ROLE/LEVEL` when the roles differ.
    pub fn ids(&self) -> [String; 2] {
        if self.from.role == self.to.role {
            [self.from.id.clone(), self.to.id.clone()]
        } else {
            [format!("{}/{}", self.from.role.id, self.from.id), format!("{}/{}", self.to.role.id, self.to.id)]
        }
    }

    /// The level names as the title shows them: with their roles when the roles differ.
    fn labels(&self) -> (String, String) {
        if self.from.role == self.to.role {
            (self.from.name.clone(), self.to.name.clone())
        } else {
            (
                format!("{} ({})", self.from.name, self.from.role.name),
                format!("{} ({})", self.to.name, self.to.role.name),
            )
        }
    }

    /// The level names as columns and headings show them: the title names the roles, so the level
    /// names alone, unless they are the same (one rung of two tracks).
    fn short_labels(&self) -> (String, String) {
        if self.from.name == self.to.name { self.labels() } else { (self.from.name.clone(), self.to.name.clone()) }
    }
}

/// The human view of a comparison, shared by every report that compares proficiencies: a
/// compact table, then what each target proficiency looks like, with any notes.
pub fn diff_blocks(rows: &[DiffRow], from_label: &str, to_label: &str, scale_size: usize) -> Vec<Block> {
    let mut table = Table::new(["Skill", from_label, to_label, "Change"]);
    let mut meanings = Vec::with_capacity(rows.len());
    for r in rows {
        let tone = r.direction.tone();
        let mut change = signed(r.change);
        match r.direction {
            Direction::Drop => change.push_str(" drop"),
            Direction::New => change.push_str(" new"),
            Direction::Left => change = "left".into(),
            Direction::Grow | Direction::Stay => {}
        }
        table.row(vec![
            Cell::toned(&r.skill.name, Tone::Strong),
            Cell::plain(expected_label(r.from.as_ref(), scale_size)),
            Cell::toned(expected_label(r.to.as_ref(), scale_size), tone),
            Cell::toned(change, tone),
        ]);
        let Some(to) = &r.to else { continue };
        let mut meaning = format!("{} ({}): {}", r.skill.name, to.name, r.meaning);
        if let Some(note) = &r.note {
            meaning.push_str(&format!(" Note: {note}"));
        }
        meanings.push(meaning);
    }
    let mut blocks = vec![Block::Table(table)];
    if !meanings.is_empty() {
        blocks.push(Block::Heading(format!("What {to_label} looks like")));
        blocks.push(Block::List(meanings));
    }
    let gaps = || rows.iter().filter(|r| r.direction.is_gap());
    blocks.extend(criteria_blocks(
        format!("What {to_label} expects"),
        gaps().map(|r| (r.skill.name.as_str(), r.criteria.as_slice())),
    ));
    blocks.extend(growth_blocks(gaps().map(|r| (r.skill.name.as_str(), &r.growth))));
    blocks
}

/// CSV rows of a comparison, shared by every report that compares proficiencies.
pub fn diff_records(rows: &[DiffRow], lead: &[Value]) -> Vec<Vec<Value>> {
    rows.iter()
        .map(|r| {
            let mut row = lead.to_vec();
            row.extend([
                Value::from(&r.skill.id),
                Value::from(&r.skill.name),
                Value::from(r.from.as_ref()),
                Value::from(r.to.as_ref()),
                Value::from(r.change),
                Value::from(r.direction.word()),
                Value::from(&r.meaning),
                Value::from(r.note.as_ref()),
            ]);
            row
        })
        .collect()
}

/// The CSV header matching [`diff_records`], after the `lead` columns.
pub fn diff_header(lead: &[&str]) -> Vec<String> {
    lead.iter()
        .chain(&["skill_id", "skill_name", "from", "to", "change", "direction", "meaning", "note"])
        .map(|s| s.to_string())
        .collect()
}

/// A radar of a comparison: one axis per row, one outline per end.
pub fn diff_chart(rows: &[DiffRow], from: &str, to: &str, scale: &[String]) -> Chart {
    let series = |name: &str, side: fn(&DiffRow) -> Option<&Proficiency>| Series {
        name: name.to_string(),
        values: rows.iter().map(|r| side(r).map(|p| p.rank.get())).collect(),
    };
    Chart::Radar(Radar {
        title: format!("From {from} to {to}, skill by skill"),
        axes: rows.iter().map(|r| r.skill.name.clone()).collect(),
        scale: scale.to_vec(),
        series: vec![series(from, |r| r.from.as_ref()), series(to, |r| r.to.as_ref())],
    })
}

impl Report for DiffReport {
    fn chart(&self) -> Option<Chart> {
        let (from, to) = self.labels();
        Some(diff_chart(&self.rows, &from, &to, &self.scale))
    }

    fn document(&self) -> Vec<Block> {
        let (from, to) = self.labels();
        let mut blocks = vec![Block::Title(format!("From {from} to {to}"))];
        let (from, to) = self.short_labels();
        if self.rows.is_empty() {
            blocks.push(Block::Para("No skill changes between these levels.".into()));
        } else {
            blocks.extend(diff_blocks(&self.rows, &from, &to, self.scale_size));
        }
        blocks.extend(behaviours::diff_blocks(&self.behaviours, &from, &to, self.behaviour_scale_size));
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    fn records(&self) -> Records {
        let ids = self.ids().map(Value::from);
        Records { header: diff_header(&["from_level", "to_level"]), rows: diff_records(&self.rows, &ids) }
    }

    fn workbook(&self) -> Workbook {
        Workbook {
            name: "Diff".into(),
            header: Vec::new(),
            sheets: behaviours::diff_sheet(&self.behaviours).into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn dvla() -> crate::model::Framework {
        data::load_builtin("dvla").unwrap()
    }

    fn diff(f: &crate::model::Framework, from: usize, to: usize, only_gaps: bool) -> DiffReport {
        DiffReport::build(f, LevelAt { role: 0, level: from }, LevelAt { role: 0, level: to }, only_gaps)
    }

    #[test]
    fn product_manager_to_senior() {
        let f = dvla();
        let d = diff(&f, 0, 1, false);
        assert_eq!((d.summary.grow, d.summary.stay, d.summary.drop), (8, 2, 0));
        assert_eq!(d.summary.text, "8 of 10 skills must grow, 2 stay the same");
        assert_eq!(d.summary.steps_to_grow, 9);
        // Biggest gap first, then the +1s in the role's order, then unchanged.
        assert_eq!(d.rows[0].skill.id, "lifecycle-perspective");
        assert_eq!(d.rows[0].change, 2);
        assert_eq!(d.rows[1].skill.id, "agile-working");
        let changes: Vec<i64> = d.rows.iter().map(|r| r.change).collect();
        assert!(changes.windows(2).all(|w| w[0] >= w[1]), "{changes:?}");
        assert!(d.has_gaps());
    }

    #[test]
    fn lifecycle_drop_is_a_drop_with_its_note_not_a_gap() {
        let f = dvla();
        let d = diff(&f, 1, 2, true);
        assert_eq!((d.summary.grow, d.summary.stay, d.summary.drop), (3, 6, 1));
        assert_eq!(d.rows.len(), 3, "only-gaps keeps grows");
        assert!(d.rows.iter().all(|r| r.direction == Direction::Grow));
        let all = diff(&f, 1, 2, false);
        let drop = all.rows.last().unwrap();
        assert_eq!(drop.skill.id, "lifecycle-perspective");
        assert_eq!((drop.change, drop.direction), (-1, Direction::Drop));
        assert!(drop.note.as_deref().unwrap_or("").contains("Practitioner"));
        assert!(d.summary.text.ends_with("1 drops (not a gap)"), "{}", d.summary.text);
    }

    #[test]
    fn same_level_has_no_changes_and_reverse_is_the_negation() {
        let f = dvla();
        for a in 0..4 {
            let same = diff(&f, a, a, false);
            assert!(same.rows.iter().all(|r| r.change == 0) && !same.has_gaps());
            for b in 0..4 {
                let forward = diff(&f, a, b, false);
                let backward = diff(&f, b, a, false);
                for row in &forward.rows {
                    let back = backward.rows.iter().find(|r| r.skill.id == row.skill.id).unwrap();
                    assert_eq!(row.change, -back.change);
                }
            }
        }
    }

    #[test]
    fn direction_classifies_both_sides() {
        let r = Rank::of_index;
        assert_eq!(Direction::of(Some(r(0)), Some(r(2))), Some(Direction::Grow));
        assert_eq!(Direction::of(Some(r(1)), Some(r(1))), Some(Direction::Stay));
        assert_eq!(Direction::of(Some(r(3)), Some(r(0))), Some(Direction::Drop));
        assert_eq!(Direction::of(None, Some(r(1))), Some(Direction::New));
        assert_eq!(Direction::of(Some(r(1)), None), Some(Direction::Left));
        assert_eq!(Direction::of(None, None), None);
        assert!(Direction::New.is_gap() && Direction::Grow.is_gap());
        assert!(!Direction::Left.is_gap() && !Direction::Drop.is_gap() && !Direction::Stay.is_gap());
    }
}
