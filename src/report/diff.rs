//! `pm-skills diff FROM TO`: the gap analysis between two levels.
//!
//! The comparison itself is pure arithmetic on scale ranks; a drop in expectation is reported as
//! a drop, never as a gap, because nobody has to "grow down".

use serde::Serialize;

use super::{Proficiency, Ref, Report, Scope, proficiency_label};
use crate::render::doc::signed;
use crate::render::svg::scale_names;
use crate::render::{Block, Cell, Chart, Radar, Records, Series, Table, Tone};

/// Which way one skill's expectation moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The target needs more: a gap to close.
    Grow,
    /// No change.
    Same,
    /// The target needs less: not a gap.
    Drop,
}

impl Direction {
    /// Classifies a change in steps.
    pub fn of(change: i64) -> Self {
        match change {
            c if c > 0 => Direction::Grow,
            0 => Direction::Same,
            _ => Direction::Drop,
        }
    }

    fn tone(self) -> Tone {
        match self {
            Direction::Grow => Tone::Grow,
            Direction::Same => Tone::Same,
            Direction::Drop => Tone::Drop,
        }
    }
}

/// Two levels compared skill by skill, biggest gaps first.
#[derive(Debug, Serialize)]
pub struct DiffReport {
    pub framework: Ref,
    pub role: Ref,
    pub from: Ref,
    pub to: Ref,
    /// True when `--only-gaps` removed the unchanged rows; `summary` still counts every skill.
    pub only_gaps: bool,
    pub rows: Vec<DiffRow>,
    pub summary: DiffSummary,
    #[serde(skip)]
    pub scale_size: usize,
}

/// One skill compared.
#[derive(Debug, Clone, Serialize)]
pub struct DiffRow {
    pub skill: Ref,
    pub from: Proficiency,
    pub to: Proficiency,
    /// Steps on the scale from `from` to `to`: positive means grow.
    pub change: i64,
    pub direction: Direction,
    /// What the target proficiency looks like for this skill.
    pub meaning: String,
    /// The data's note on the target cell (or the source cell), e.g. why an expectation drops.
    pub note: Option<String>,
}

/// Counts over every skill, whatever `--only-gaps` hid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    pub skills: usize,
    pub grow: usize,
    pub same: usize,
    pub drop: usize,
    /// Sum of the positive changes: how many scale steps must be climbed in all.
    pub steps_to_grow: i64,
    /// The summary as one sentence.
    pub text: String,
}

impl DiffSummary {
    /// Counts the directions of `rows` and words the result.
    pub fn of(rows: &[DiffRow]) -> Self {
        let count = |d: Direction| rows.iter().filter(|r| r.direction == d).count();
        let (grow, same, drop) = (count(Direction::Grow), count(Direction::Same), count(Direction::Drop));
        let skills = rows.len();
        let mut text = format!(
            "{grow} of {skills} skill{} must grow, {same} stay{} the same",
            if skills == 1 { "" } else { "s" },
            if same == 1 { "s" } else { "" }
        );
        if drop > 0 {
            text.push_str(&format!(", {drop} drop{} (not a gap)", if drop == 1 { "s" } else { "" }));
        }
        let steps_to_grow = rows.iter().map(|r| r.change.max(0)).sum();
        DiffSummary { skills, grow, same, drop, steps_to_grow, text }
    }
}

impl DiffReport {
    /// Compares level `from` with level `to` of the scope's role.
    pub fn build(scope: Scope, from: usize, to: usize, only_gaps: bool) -> Self {
        let role = scope.role;
        let (a, b) = (&role.levels[from], &role.levels[to]);
        let mut rows: Vec<DiffRow> = role
            .skills
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let skill = &scope.framework.skills[s];
                let (ra, rb) = (&a.ratings[k], &b.ratings[k]);
                let change = rb.proficiency as i64 - ra.proficiency as i64;
                DiffRow {
                    skill: Ref { id: skill.id.clone(), name: skill.name.clone() },
                    from: scope.proficiency(ra.proficiency),
                    to: scope.proficiency(rb.proficiency),
                    change,
                    direction: Direction::of(change),
                    meaning: skill.proficiencies[rb.proficiency].clone(),
                    note: rb.note.clone().or_else(|| ra.note.clone()),
                }
            })
            .collect();
        // Biggest gaps first; the sort is stable, so ties keep the role's skill order.
        rows.sort_by_key(|r| std::cmp::Reverse(r.change));
        let summary = DiffSummary::of(&rows);
        if only_gaps {
            rows.retain(|r| r.direction != Direction::Same);
        }
        DiffReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            from: scope.level_ref(from),
            to: scope.level_ref(to),
            only_gaps,
            rows,
            summary,
            scale_size: scope.scale_size(),
        }
    }

    /// Whether any skill must grow: what `--exit-code` reports.
    pub fn has_gaps(&self) -> bool {
        self.summary.grow > 0
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
        if r.direction == Direction::Drop {
            change.push_str(" drop");
        }
        table.row(vec![
            Cell::toned(&r.skill.name, Tone::Strong),
            Cell::plain(proficiency_label(&r.from, scale_size)),
            Cell::toned(proficiency_label(&r.to, scale_size), tone),
            Cell::toned(change, tone),
        ]);
        let mut meaning = format!("{} ({}): {}", r.skill.name, r.to.name, r.meaning);
        if let Some(note) = &r.note {
            meaning.push_str(&format!(" Note: {note}"));
        }
        meanings.push(meaning);
    }
    vec![Block::Table(table), Block::Heading(format!("What {to_label} looks like")), Block::List(meanings)]
}

/// CSV rows of a comparison, shared by every report that compares proficiencies.
pub fn diff_records(rows: &[DiffRow], lead: &[String]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| {
            let mut row = lead.to_vec();
            row.extend([
                r.skill.id.clone(),
                r.skill.name.clone(),
                r.from.id.clone(),
                r.to.id.clone(),
                r.change.to_string(),
                serde_json::to_value(r.direction).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                r.meaning.clone(),
                r.note.clone().unwrap_or_default(),
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
pub fn diff_chart(rows: &[DiffRow], from: &str, to: &str, scale_size: usize) -> Chart {
    let known = rows.iter().flat_map(|r| [(r.from.rank, r.from.name.clone()), (r.to.rank, r.to.name.clone())]);
    let series = |name: &str, rank: fn(&DiffRow) -> usize| Series {
        name: name.to_string(),
        values: rows.iter().map(|r| Some(rank(r))).collect(),
    };
    Chart::Radar(Radar {
        title: format!("From {from} to {to}, skill by skill"),
        axes: rows.iter().map(|r| r.skill.name.clone()).collect(),
        scale: scale_names(scale_size, known),
        series: vec![series(from, |r| r.from.rank), series(to, |r| r.to.rank)],
    })
}

impl Report for DiffReport {
    fn chart(&self) -> Option<Chart> {
        Some(diff_chart(&self.rows, &self.from.name, &self.to.name, self.scale_size))
    }

    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(format!("From {} to {}", self.from.name, self.to.name))];
        if self.rows.is_empty() {
            blocks.push(Block::Para("No skill changes between these levels.".into()));
        } else {
            blocks.extend(diff_blocks(&self.rows, &self.from.name, &self.to.name, self.scale_size));
        }
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    fn records(&self) -> Records {
        Records {
            header: diff_header(&["from_level", "to_level"]),
            rows: diff_records(&self.rows, &[self.from.id.clone(), self.to.id.clone()]),
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
        DiffReport::build(Scope { framework: f, role: &f.roles[0] }, from, to, only_gaps)
    }

    #[test]
    fn product_manager_to_senior() {
        let f = dvla();
        let d = diff(&f, 0, 1, false);
        assert_eq!((d.summary.grow, d.summary.same, d.summary.drop), (8, 2, 0));
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
        assert_eq!((d.summary.grow, d.summary.same, d.summary.drop), (3, 6, 1));
        assert_eq!(d.rows.len(), 4, "only-gaps keeps grows and drops");
        let drop = d.rows.last().unwrap();
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
    fn direction_classifies_sign() {
        assert_eq!(Direction::of(2), Direction::Grow);
        assert_eq!(Direction::of(0), Direction::Same);
        assert_eq!(Direction::of(-3), Direction::Drop);
    }
}
