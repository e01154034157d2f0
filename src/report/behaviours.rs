//! Soft skills rated per level on the framework's `behaviour_scale`: the section `show`, `ladder`
//! and `diff` add when a level rates them. Kept apart from the skills, since the two scales do not
//! compare.

use serde::Serialize;

use super::{Proficiency, Rank, Ref, expected_label};
use crate::model::{Framework, Level};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Records, Sheet, Table, Tone, Value};

/// The step one level expects of one behaviour.
#[derive(Debug, Clone, Serialize)]
pub struct BehaviourNeed {
    pub soft_skill: Ref,
    /// A step of the behaviour scale; `rank` counts from 1.
    pub step: Proficiency,
}

/// One behaviour across the levels of a role; `None` where a level does not rate it.
#[derive(Debug, Clone, Serialize)]
pub struct BehaviourRow {
    pub soft_skill: Ref,
    pub cells: Vec<Option<Proficiency>>,
}

/// One behaviour compared between two levels.
#[derive(Debug, Clone, Serialize)]
pub struct BehaviourChange {
    pub soft_skill: Ref,
    pub from: Option<Proficiency>,
    pub to: Option<Proficiency>,
    /// Steps on the behaviour scale, a missing side counting as 0.
    pub change: i64,
}

fn step(framework: &Framework, index: usize) -> Proficiency {
    let s = &framework.behaviour_scale[index];
    Proficiency { id: s.id.clone(), name: s.name.clone(), rank: Rank::of_index(index) }
}

fn soft(framework: &Framework, index: usize) -> Ref {
    let s = &framework.soft_skills[index];
    Ref::from(s)
}

fn rated(level: &Level, soft_skill: usize) -> Option<usize> {
    level.behaviours.iter().find(|(s, _)| *s == soft_skill).map(|(_, step)| *step)
}

/// What one level rates, in soft-skill order.
pub fn of_level(framework: &Framework, level: &Level) -> Vec<BehaviourNeed> {
    level
        .behaviours
        .iter()
        .map(|&(s, p)| BehaviourNeed { soft_skill: soft(framework, s), step: step(framework, p) })
        .collect()
}

/// Every behaviour any of `levels` rates, across them; empty when none rates any.
pub fn across(framework: &Framework, levels: &[Level]) -> Vec<BehaviourRow> {
    (0..framework.soft_skills.len())
        .filter(|&s| levels.iter().any(|l| rated(l, s).is_some()))
        .map(|s| BehaviourRow {
            soft_skill: soft(framework, s),
            cells: levels.iter().map(|l| rated(l, s).map(|p| step(framework, p))).collect(),
        })
        .collect()
}

/// Every behaviour either level rates, compared.
pub fn compare(framework: &Framework, from: &Level, to: &Level) -> Vec<BehaviourChange> {
    (0..framework.soft_skills.len())
        .filter_map(|s| {
            let (a, b) = (rated(from, s), rated(to, s));
            if a.is_none() && b.is_none() {
                return None;
            }
            let rank = |p: Option<usize>| p.map_or(0, |p| Rank::of_index(p).get() as i64);
            Some(BehaviourChange {
                soft_skill: soft(framework, s),
                from: a.map(|p| step(framework, p)),
                to: b.map(|p| step(framework, p)),
                change: rank(b) - rank(a),
            })
        })
        .collect()
}

/// The workbook sheet of `ladder`'s behaviours: a row per soft skill, a column per level id, each
/// ranked on the behaviour scale; nothing when no level rates any.
pub fn ladder_sheet(rows: &[BehaviourRow], level_ids: &[&str]) -> Option<Sheet> {
    if rows.is_empty() {
        return None;
    }
    let header = ["soft_skill_id", "soft_skill_name"].iter().chain(level_ids).map(|s| s.to_string()).collect();
    let records = rows
        .iter()
        .map(|row| {
            [Value::from(&row.soft_skill.id), Value::from(&row.soft_skill.name)]
                .into_iter()
                .chain(row.cells.iter().map(|c| Value::from(c.as_ref())))
                .collect()
        })
        .collect();
    Some(Sheet { name: "Behaviours".into(), records: Records { header, rows: records } })
}

/// The workbook sheet of `diff`'s behaviours, ranked on the behaviour scale; nothing when neither
/// level rates any.
pub fn diff_sheet(changes: &[BehaviourChange]) -> Option<Sheet> {
    if changes.is_empty() {
        return None;
    }
    let header = ["soft_skill_id", "soft_skill_name", "from", "to", "change"].map(String::from).to_vec();
    let rows = changes
        .iter()
        .map(|c| {
            vec![
                Value::from(&c.soft_skill.id),
                Value::from(&c.soft_skill.name),
                Value::from(c.from.as_ref()),
                Value::from(c.to.as_ref()),
                Value::from(c.change),
            ]
        })
        .collect();
    Some(Sheet { name: "Behaviours".into(), records: Records { header, rows } })
}

/// The "Behaviours" section of `show`; nothing when the level rates none.
pub fn level_blocks(needs: &[BehaviourNeed], scale_size: usize) -> Vec<Block> {
    if needs.is_empty() {
        return Vec::new();
    }
    let mut table = Table::new(["Behaviour", "Expected"]);
    for n in needs {
        table.row(vec![
            Cell::toned(&n.soft_skill.name, Tone::Strong),
            Cell::plain(expected_label(Some(&n.step), scale_size)),
        ]);
    }
    vec![Block::Heading("Behaviours at this level".into()), Block::Table(table)]
}

/// The "Behaviours by level" section of `ladder`.
pub fn ladder_blocks(rows: &[BehaviourRow], levels: &[String], scale_size: usize) -> Vec<Block> {
    if rows.is_empty() {
        return Vec::new();
    }
    let mut table = Table::new(std::iter::once("Behaviour".to_string()).chain(levels.iter().cloned()));
    for row in rows {
        let mut cells = vec![Cell::toned(&row.soft_skill.name, Tone::Strong)];
        cells.extend(row.cells.iter().map(|c| Cell::plain(expected_label(c.as_ref(), scale_size))));
        table.row(cells);
    }
    vec![Block::Heading("Behaviours by level".into()), Block::Table(table)]
}

/// The "Behaviours" section of `diff`.
pub fn diff_blocks(changes: &[BehaviourChange], from: &str, to: &str, scale_size: usize) -> Vec<Block> {
    if changes.is_empty() {
        return Vec::new();
    }
    let mut table = Table::new(["Behaviour", from, to, "Change"]);
    for c in changes {
        let tone = match c.change {
            0 => Tone::Same,
            n if n > 0 => Tone::Grow,
            _ => Tone::Drop,
        };
        table.row(vec![
            Cell::toned(&c.soft_skill.name, Tone::Strong),
            Cell::plain(expected_label(c.from.as_ref(), scale_size)),
            Cell::toned(expected_label(c.to.as_ref(), scale_size), tone),
            Cell::toned(signed(c.change), tone),
        ]);
    }
    vec![Block::Heading("Behaviours".into()), Block::Table(table)]
}
