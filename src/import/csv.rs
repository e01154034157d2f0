//! Reading a CSV file the importers share: the input limits of [`crate::source::read_text`],
//! a leading BOM dropped, blank rows skipped, and every record with the line it starts on, so
//! that each importer's errors can name the line. Ragged rows are refused here, once for all.

use std::path::Path;

use anyhow::{anyhow, bail};

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
                             is a quote missing?",
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
