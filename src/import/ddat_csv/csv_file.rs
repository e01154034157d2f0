//! Reading the two CSV files: the records with their line numbers, and the official columns
//! found by name, so that a file in another layout is refused with the columns it lacks.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, bail};

use crate::resolve::normalise;

/// A CSV file read into memory: where it came from, its header and its rows with line numbers.
#[derive(Debug)]
pub struct CsvFile {
    /// The path as shown in messages.
    pub display: String,
    /// The file name alone, for `source:` lines.
    pub name: String,
    /// The first record, as read.
    pub header: Vec<String>,
    /// (1-based line where the record starts, fields).
    pub rows: Vec<(usize, Vec<String>)>,
}

impl CsvFile {
    /// Reads and parses `path` with the shared input limits.
    pub fn read(path: &Path) -> anyhow::Result<CsvFile> {
        let text = crate::source::read_text(path)?;
        let name =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        CsvFile::parse(&path.display().to_string(), &name, &text)
    }

    /// Parses CSV text; `display` names the file in errors.
    pub fn parse(display: &str, name: &str, text: &str) -> anyhow::Result<CsvFile> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            bail!("{display}: the file is empty; expected a CSV file with a header row");
        }
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line());
                let at = line.map(|l| format!("line {l}: ")).unwrap_or_default();
                anyhow!("{display}: {at}not a readable CSV file: {e}")
            })?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            let fields: Vec<String> = record.iter().map(str::to_string).collect();
            match &header {
                None => header = Some(fields),
                Some(h) => {
                    if fields.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    if fields.len() != h.len() {
                        bail!(
                            "{display}: line {line}: the row has {} fields but the header has {}; \
                             is a quote missing or is this not the official export?",
                            fields.len(),
                            h.len()
                        );
                    }
                    rows.push((line, fields));
                }
            }
        }
        Ok(CsvFile { display: display.to_string(), name: name.to_string(), header: header.unwrap_or_default(), rows })
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_rows_and_empty_files_are_clear_errors() {
        let err = CsvFile::parse("x.csv", "x.csv", "a,b\n1,2,3\n").unwrap_err().to_string();
        assert!(err.contains("x.csv: line 2"), "{err}");
        assert!(CsvFile::parse("e.csv", "e.csv", "\u{feff}\n").is_err());
        let file = CsvFile::parse("y.csv", "y.csv", "\u{feff}a,b\n1,2\n,\n\"3\n4\",5\n").unwrap();
        assert_eq!(file.header, ["a", "b"]);
        assert_eq!(
            file.rows,
            [(2, vec!["1".to_string(), "2".to_string()]), (4, vec!["3\n4".to_string(), "5".to_string()])]
        );
    }
}
