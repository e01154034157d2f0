//! The official columns of the two CSV files, found by name, so that a file in another layout
//! is refused with the columns it lacks.

use std::collections::HashMap;

use anyhow::bail;

pub(super) use crate::import::csv::CsvFile;
use crate::resolve::normalise;

/// The column positions of one CSV file, by the official column name.
pub(super) struct Columns(HashMap<String, usize>);

impl Columns {
    /// Locates `required` and `optional` columns of `file` (`kind` is "roles" or "skills").
    pub(super) fn locate(
        file: &CsvFile,
        kind: &str,
        required: &[&str],
        optional: &[&str],
        other_kind_marker: (&str, &str),
    ) -> anyhow::Result<Columns> {
        let key = |s: &str| normalise(s.trim_start_matches('\u{feff}'));
        let mut found: HashMap<String, usize> = HashMap::new();
        for (i, name) in file.header.iter().enumerate() {
            found.entry(key(name)).or_insert(i);
        }
        let missing: Vec<&str> = required.iter().copied().filter(|c| !found.contains_key(&key(c))).collect();
        if !missing.is_empty() {
            let mut msg = format!(
                "{}: line 1: not the official {kind} CSV: missing the column{} {}",
                file.display,
                if missing.len() == 1 { "" } else { "s" },
                missing.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
            );
            let (marker, flag) = other_kind_marker;
            if found.contains_key(&key(marker)) {
                msg.push_str(&format!("\n  it looks like the {flag} file; are --roles and --skills swapped?"));
            } else {
                let shown: Vec<String> = file.header.iter().take(12).map(|h| format!("`{}`", h.trim())).collect();
                msg.push_str(&format!("\n  its first line has: {}", shown.join(", ")));
                msg.push_str(&format!(
                    "\n  expected: {}",
                    required.iter().chain(optional).copied().collect::<Vec<_>>().join(", ")
                ));
            }
            bail!("{msg}");
        }
        let mut cols = HashMap::new();
        for c in required.iter().chain(optional) {
            if let Some(&i) = found.get(&key(c)) {
                cols.insert(c.to_string(), i);
            }
        }
        Ok(Columns(cols))
    }

    /// The raw (untrimmed) cell of `column` in `row`, or "" when the file lacks that column.
    pub(super) fn get<'r>(&self, row: &'r [String], column: &str) -> &'r str {
        self.0.get(column).and_then(|&i| row.get(i)).map_or("", String::as_str)
    }
}

// The official column names.
pub(super) const ROLE_FAMILY: &str = "Role Family";
pub(super) const ROLE: &str = "Role";
pub(super) const ROLE_DESCRIPTION: &str = "Role Description";
pub(super) const ROLE_LEVEL: &str = "Role Level";
pub(super) const ROLE_LEVEL_DESCRIPTION: &str = "Role Level Description";
pub(super) const SKILL_NAME: &str = "Skill Name";
pub(super) const SKILL_DESCRIPTION: &str = "Skill Description";
pub(super) const SKILL_LEVEL: &str = "Skill Level";
pub(super) const SKILL_LEVEL_DESCRIPTION: &str = "Skill Level Description";
pub(super) const ROLE_TYPE: &str = "Role Type";
pub(super) const SCALE_COLUMNS: [&str; 4] = ["Awareness", "Working", "Practitioner", "Expert"];
