//! `pm-skills import matrix FILE.csv`: the skills matrix most organisations keep in a spreadsheet
//! → a framework folder with one role.
//!
//! # The layout
//!
//! One header row, then one row per skill. The first column is the skill's name; columns headed
//! `description` or `category` (any case, anywhere after the first) are the skill's description
//! and a category; every other column is a level, most junior first, headed by its name. A cell
//! names a step of the scale; an empty cell or `NC` (any case) is unrated, "not expected at this
//! level".
//!
//! # The scale
//!
//! `--scale a,b,c` gives the steps, lowest first. Without it the steps come from the cells, but
//! only where their order is certain: when every cell is a number (`1`, `2.5`), the numbers
//! found, ordered by value; when every cell is a word of one well-known scale (the government
//! Digital and Data framework's awareness, working, practitioner, expert; FT's five; beginner to
//! expert; novice to expert), that whole scale. Other words are refused, listing the words found
//! and a `--scale` in the order they first appear (junior columns first) to start from. A cell not
//! on the scale is an error naming its line and column, with a did-you-mean.
//!
//! # What is written
//!
//! The role is named by `--role`, or else the file name without its extension; ids are its
//! kebab-case. The `category` column has no place in a framework folder and is left out (the
//! report says so). The file gives names and ratings only, so the step meanings, per-step skill
//! texts, level summaries and any missing description say that the file does not describe them:
//! the folder validates with no warnings without inventing what the file does not say. A skill
//! that no level rates is left out and named in the report. The CSV is read by the shared reader
//! ([`crate::import::csv`]): input limits, a BOM dropped, ragged rows refused with their line.

mod convert;
mod output;
mod scale;

use serde::Serialize;

pub use scale::ScaleSource;

use crate::cli::ImportMatrix;
use crate::import::csv::CsvFile;
use crate::model::Ref;
use crate::render::{Block, Records, Report, Value};
use crate::text::plural;

/// What `import matrix` read and wrote. Field names are stable (JSON, YAML, CSV).
#[derive(Debug, Serialize)]
pub struct MatrixImportReport {
    /// The folder written, as given with `--out`.
    pub out: String,
    /// The CSV file read, as given.
    pub file: String,
    /// The id of the framework written (the role's).
    pub framework: String,
    /// The id of the one role written.
    pub role: String,
    /// Its name: `--role`, or the file name without its extension.
    pub role_name: String,
    /// The role file, relative to the output folder.
    pub role_file: String,
    /// The steps, lowest first.
    pub scale: Vec<String>,
    /// How the scale was decided: `option` (`--scale`), `numbers`, or `known` with its name.
    pub scale_from: ScaleSource,
    /// Skill rows in the file.
    pub skills: usize,
    /// Skills written: those some level rates.
    pub skills_written: usize,
    /// The levels, most junior first.
    pub levels: Vec<Ref>,
    /// Skill rows × levels.
    pub cells: usize,
    pub rated_cells: usize,
    /// Empty and `NC` cells, written unrated (or left out with their skill).
    pub unrated_cells: usize,
    /// Whether a `description` column was read.
    pub description_column: bool,
    /// Whether a `category` column was found and left out.
    pub category_column_ignored: bool,
    /// Anything else the import left out or changed.
    pub notes: Vec<String>,
}

/// The spreadsheet letter of column `i` (0-based): A … Z, AA …, as people find it on screen.
pub(crate) fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl MatrixImportReport {
    fn scale_sentence(&self) -> String {
        let how = match &self.scale_from {
            ScaleSource::Option => "as --scale gives it".to_string(),
            ScaleSource::Numbers => "the numbers in the cells, by value".to_string(),
            ScaleSource::Known(name) => format!("read as {name}"),
        };
        format!("Scale, lowest first: {} ({how}).", self.scale.join(" < "))
    }
}

impl Report for MatrixImportReport {
    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![
            Block::Title(format!("Imported the role {} into {}", self.role, self.out)),
            Block::Para(format!(
                "Read {}: {} and {}{}. Wrote framework.yaml, skills.yaml ({}) and {}.",
                self.file,
                plural(self.skills, "skill", "skills"),
                plural(self.levels.len(), "level", "levels"),
                if self.description_column { ", with descriptions" } else { "" },
                plural(self.skills_written, "skill", "skills"),
                self.role_file,
            )),
            Block::Para(self.scale_sentence()),
            Block::Fields(vec![
                ("Levels".into(), self.levels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(" < ")),
                ("Cells".into(), format!("{} rated, {} unrated", self.rated_cells, self.unrated_cells)),
            ]),
        ];
        if !self.notes.is_empty() {
            blocks.push(Block::Heading("Notes".into()));
            blocks.push(Block::List(self.notes.clone()));
        }
        blocks.push(Block::Summary(format!(
            "{} × {} → {} rated, {} unrated",
            plural(self.skills_written, "skill", "skills"),
            plural(self.levels.len(), "level", "levels"),
            plural(self.rated_cells, "cell", "cells"),
            self.unrated_cells
        )));
        let out = crate::text::shell_word(&self.out);
        blocks.push(Block::command(
            "Next:",
            [format!("pm-skills validate {out}"), format!("pm-skills --data {out} ladder")],
        ));
        blocks
    }

    fn records(&self) -> Records {
        let header = ["level", "name", "position"];
        let rows = self
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| vec![Value::from(&l.id), Value::from(&l.name), Value::from(i + 1)])
            .collect();
        Records::new(&header, rows)
    }
}

/// The framework folder a read matrix becomes, as `(path, text)` pairs, with the report: what
/// [`run`] writes.
fn convert_csv(
    csv: &CsvFile,
    scale: &[String],
    role: &str,
) -> anyhow::Result<(Vec<(String, String)>, MatrixImportReport)> {
    let matrix = convert::read(csv, scale)?;
    output::convert(&matrix, &csv.name, role)
}

/// The folder the matrix CSV `text` becomes, in memory: the same conversion as [`run`], for the
/// fuzzer, which holds it to the loader.
pub fn convert_text(name: &str, text: &str, scale: &[String], role: &str) -> anyhow::Result<Vec<(String, String)>> {
    Ok(convert_csv(&CsvFile::parse(name, name, text)?, scale, role)?.0)
}

/// Imports the matrix `args.file` into the folder `args.out`, atomically.
pub fn run(args: &ImportMatrix) -> anyhow::Result<MatrixImportReport> {
    crate::import::check_out(&args.out, args.force, &[&args.file])?;
    let csv = CsvFile::read(&args.file)?;
    let stem = args.file.file_stem().map_or_else(|| "role".to_string(), |s| s.to_string_lossy().into_owned());
    let role_name = args.role.clone().map(|r| r.trim().to_string()).filter(|r| !r.is_empty()).unwrap_or(stem);
    let (files, mut report) = convert_csv(&csv, &args.scale, &role_name)?;
    report.out = args.out.display().to_string();
    report.file = csv.display.clone();
    if let Some(message) = crate::import::write_out(&args.out, args.force, &files)? {
        report.notes.push(message);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 701, 702].into_iter().map(super::column_letter).collect();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    }
}
