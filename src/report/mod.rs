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

pub use crate::model::{Proficiency, Ref, Scope};
use crate::render::doc::bar;

pub use crate::render::Report;

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
