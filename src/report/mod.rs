//! One module per report. A report is computed from the framework with no I/O and no
//! formatting; it says how it looks to people ([`Report::document`]) and to spreadsheets
//! ([`Report::records`]), and the shared renderers do the rest.

pub mod about;
pub mod behaviours;
pub mod diff;
pub mod fit;
pub mod frameworks;
pub mod gap;
pub mod ladder;
pub mod levels;
pub mod moves;
pub mod path;
pub mod per_person;
pub mod plan;
pub mod progress;
pub mod progress_team;
pub mod progress_team_view;
pub mod review;
pub mod route;
pub mod route_search;
pub mod rules;
pub mod show;
pub mod site;
pub mod skills;
pub mod soft_skills;
pub mod target;
pub mod team;
pub mod team_view;
pub mod validate;

use crate::model::Skill;
pub use crate::model::{Criterion, Proficiency, Rank, Ref, Resource, Scope};
use crate::render::Block;
use crate::render::doc::bar;
pub use target::{Target, TargetFrom};

pub use crate::render::Report;

/// A name with its id on the line below, so lists need no separate, wide id column.
pub fn name_and_id(name: &str, id: &str) -> crate::render::Cell {
    crate::render::Cell::toned(format!("{name}\n{id}"), crate::render::Tone::Strong)
}

/// `●●●○ Practitioner`: the bar and the word, as tables show a proficiency.
pub fn proficiency_label(p: &Proficiency, scale_size: usize) -> String {
    format!("{} {}", bar(p.rank.get(), scale_size), p.name)
}

/// What a table shows for a cell a level may leave unrated: the label, or `—` (not expected).
pub fn expected_label(p: Option<&Proficiency>, scale_size: usize) -> String {
    p.map_or_else(|| NOT_EXPECTED.to_string(), |p| proficiency_label(p, scale_size))
}

/// The mark of a skill a level does not expect.
pub const NOT_EXPECTED: &str = "—";

/// One criterion as a list item: the statement, then its examples.
fn criterion_line(context: &str, c: &Criterion) -> String {
    format!("{context}: {}", criterion_text(c))
}

/// A criterion as one sentence or two: the statement, then "For example: …" when it has any.
pub fn criterion_text(c: &Criterion) -> String {
    let mut line = c.statement.clone();
    if !c.examples.is_empty() {
        let examples = c.examples.iter().map(|e| e.trim().trim_end_matches('.')).collect::<Vec<_>>().join("; ");
        line.push_str(&format!(" For example: {examples}."));
    }
    line
}

/// The criteria of a level's cells, under one heading, skill by skill; nothing when none has any.
pub fn criteria_blocks<'a>(heading: String, cells: impl IntoIterator<Item = (&'a str, &'a [Criterion])>) -> Vec<Block> {
    let items: Vec<String> = cells
        .into_iter()
        .flat_map(|(skill, criteria)| criteria.iter().map(move |c| criterion_line(skill, c)))
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![Block::Heading(heading), Block::List(items)]
}

/// One item of an "Evidence" list: the skill's name, then each note on a line of its own under
/// it, as a sub-list (`- `) that Markdown nests, after who gave it or when, where that is said.
pub fn evidence_item<'a>(skill: &str, notes: impl IntoIterator<Item = (Option<&'a str>, &'a str)>) -> String {
    let mut item = format!("{skill}:");
    for (label, note) in notes {
        item.push_str("\n- ");
        if let Some(label) = label {
            item.push_str(label);
            item.push_str(": ");
        }
        item.push_str(note);
    }
    item
}

/// How to grow into a skill's target step: its tip and resources, as reports carry them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Growth {
    /// How to grow into the target step, if the data says.
    pub tip: Option<String>,
    pub resources: Vec<Resource>,
}

impl Growth {
    /// The tip for step `step` of `skill` and the skill's resources.
    pub fn of(skill: &Skill, step: usize) -> Self {
        let tip = skill.tips.get(step).filter(|t| !t.trim().is_empty()).cloned();
        Growth { tip, resources: skill.resources.clone() }
    }

    fn is_empty(&self) -> bool {
        self.tip.is_none() && self.resources.is_empty()
    }
}

/// "How to grow": each skill's tip and resources; nothing when no skill has any.
pub fn growth_blocks<'a>(skills: impl IntoIterator<Item = (&'a str, &'a Growth)>) -> Vec<Block> {
    let mut items = Vec::new();
    for (skill, growth) in skills.into_iter().filter(|(_, g)| !g.is_empty()) {
        if let Some(tip) = &growth.tip {
            items.push(format!("{skill}: {tip}"));
        }
        items.extend(growth.resources.iter().map(|r| format!("{skill}: {r}")));
    }
    if items.is_empty() {
        return Vec::new();
    }
    vec![Block::Heading("How to grow".into()), Block::List(items)]
}

/// Numbered notes under a table: a cell gets a `[n]` marker, the note goes in a list below, so
/// long notes never widen a column.
#[derive(Debug, Default)]
pub struct Footnotes(Vec<String>);

impl Footnotes {
    /// Appends a marker for `note` to `cell` and keeps the note, prefixed with `context`.
    pub fn mark(&mut self, cell: &mut String, context: &str, note: &str) {
        self.0.push(format!("{context}: {note}"));
        cell.push_str(&format!(" [{}]", self.0.len()));
    }

    /// The "Notes" heading and list, or nothing when no note was marked.
    pub fn blocks(self) -> Vec<crate::render::Block> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let items = self.0.into_iter().enumerate().map(|(i, n)| format!("[{}] {n}", i + 1)).collect();
        vec![crate::render::Block::Heading("Notes".into()), crate::render::Block::List(items)]
    }
}

/// What the report tests share: the default framework and profiles made to order.
#[cfg(test)]
pub(crate) mod testing {
    use crate::model::{Assessment, Framework, Profile};

    /// The default built-in framework.
    pub fn dvla() -> Framework {
        crate::data::load_builtin("dvla").unwrap()
    }

    /// The example map of three roles (`examples/career-map`).
    pub fn career_map() -> Framework {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/career-map");
        crate::data::load_folder(&dir).unwrap().0
    }

    /// A profile at the first level with the given proficiency per skill (in framework order);
    /// `None` is unassessed.
    pub fn profile(f: &Framework, levels: &[Option<usize>]) -> Profile {
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
}
