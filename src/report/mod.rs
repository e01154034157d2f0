//! One module per report. A report is computed from the framework with no I/O and no
//! formatting; it says how it looks to people ([`Report::document`]) and to spreadsheets
//! ([`Report::records`]), and the shared renderers do the rest.

pub mod about;
pub mod diff;
pub mod frameworks;
pub mod gap;
pub mod ladder;
pub mod levels;
pub mod path;
pub mod show;
pub mod skills;
pub mod soft_skills;
pub mod validate;

use serde::Serialize;

use crate::model::{Framework, Role};
use crate::render::doc::bar;

pub use crate::render::Report;

/// An id beside its display name: scripts key on the id, people read the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ref {
    pub id: String,
    pub name: String,
}

/// A step of the proficiency scale as reports show it. `rank` counts from 1 (lowest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proficiency {
    pub id: String,
    pub name: String,
    pub rank: usize,
}

/// The framework and role a report is about.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub framework: &'a Framework,
    pub role: &'a Role,
}

impl<'a> Scope<'a> {
    /// The framework as an id and name.
    pub fn framework_ref(&self) -> Ref {
        Ref { id: self.framework.id.clone(), name: self.framework.name.clone() }
    }

    /// The role as an id and name.
    pub fn role_ref(&self) -> Ref {
        Ref { id: self.role.id.clone(), name: self.role.name.clone() }
    }

    /// The scale step at `index` as a report value.
    pub fn proficiency(&self, index: usize) -> Proficiency {
        let step = self.framework.step(index);
        Proficiency { id: step.id.clone(), name: step.name.clone(), rank: index + 1 }
    }

    /// The level at `index` of the role as an id and name.
    pub fn level_ref(&self, index: usize) -> Ref {
        let level = &self.role.levels[index];
        Ref { id: level.id.clone(), name: level.name.clone() }
    }

    /// How many steps the scale has, for drawing bars.
    pub fn scale_size(&self) -> usize {
        self.framework.scale.len()
    }
}

/// A name with its id on the line below, so lists need no separate, wide id column.
pub fn name_and_id(name: &str, id: &str) -> crate::render::Cell {
    crate::render::Cell::toned(format!("{name}\n{id}"), crate::render::Tone::Strong)
}

/// `●●●○ Practitioner`: the bar and the word, as tables show a proficiency.
pub fn proficiency_label(p: &Proficiency, scale_size: usize) -> String {
    format!("{} {}", bar(p.rank, scale_size), p.name)
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
