//! Reading a matrix CSV, with no I/O: the columns, the skill rows, the scale and every cell on
//! it, or every error at once with its line and column.

use std::collections::{HashMap, HashSet};

use super::column_letter;
use super::scale::{self, ScaleSource};
use crate::diagnostics::{DataError, Problem, Problems};
use crate::import::MAX_CELLS;
use crate::import::clean::{clean_text, key};
use crate::import::csv::CsvFile;
use crate::resolve::{did_you_mean, normalise};

/// Where the columns are: the skill name is the first; `description` and `category` anywhere
/// after it; every other column is a level, most junior first.
struct Layout {
    description: Option<usize>,
    category: Option<usize>,
    /// (column, level name).
    levels: Vec<(usize, String)>,
}

/// One skill row: its line, name, description and cells (one per level, `None` when unrated).
pub(super) struct Row {
    pub(super) line: usize,
    pub(super) name: String,
    pub(super) description: Option<String>,
    cells: Vec<Option<String>>,
}

/// A matrix read and checked.
pub(super) struct Matrix {
    /// (column letter, level name), most junior first.
    pub(super) levels: Vec<(String, String)>,
    pub(super) has_description: bool,
    pub(super) has_category: bool,
    pub(super) rows: Vec<Row>,
    /// `grid[row][level]`: the step, `None` when unrated.
    pub(super) grid: Vec<Vec<Option<usize>>>,
    /// Lowest first.
    pub(super) steps: Vec<String>,
    pub(super) source: ScaleSource,
}

/// A cell the spreadsheet would compute rather than show: exported formulas, not values.
fn formula(text: &str) -> bool {
    text.starts_with('=')
}

fn layout(csv: &CsvFile, problems: &mut Problems) -> Layout {
    let shown = csv.display.as_str();
    let mut out = Layout { description: None, category: None, levels: Vec::new() };
    // Each level's key, to its column: a repeated level is found in one look-up.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in csv.header.iter().enumerate().skip(1) {
        let name = clean_text(raw);
        let at = format!("column {} ", column_letter(i));
        match normalise(&name).as_str() {
            "description" if out.description.is_none() => out.description = Some(i),
            "category" if out.category.is_none() => out.category = Some(i),
            "" => problems.error(shown, Some(1), format!("{at}has no name; every level column needs one")),
            _ if formula(&name) => {
                problems.error(shown, Some(1), format!("{at}is named `{name}`, a formula; export the values"))
            }
            _ => {
                if let Some(&j) = seen.get(&key(&name)) {
                    let first = column_letter(j);
                    problems.error(shown, Some(1), format!("{at}names the level `{name}` again (as column {first})"));
                } else {
                    seen.insert(key(&name), i);
                    out.levels.push((i, name));
                }
            }
        }
    }
    if out.levels.is_empty() && !problems.has_errors() {
        problems.error(
            shown,
            Some(1),
            "no level columns: expected the skill name first, then one column per level, most junior first",
        );
    }
    out
}

/// The rows, with every unnamed, repeated or formula skill an error.
fn rows(csv: &CsvFile, layout: &Layout, problems: &mut Problems) -> Vec<Row> {
    let shown = csv.display.as_str();
    let mut out: Vec<Row> = Vec::new();
    // Each skill's key, to its line: a repeated skill is found in one look-up.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, fields) in &csv.rows {
        let name = clean_text(&fields[0]);
        if name.is_empty() {
            problems.error(shown, Some(*line), "the row has no skill name in column A");
            continue;
        }
        if formula(&name) {
            problems.error(shown, Some(*line), format!("the skill name `{name}` is a formula; export the values"));
            continue;
        }
        if let Some(first) = seen.get(&key(&name)) {
            problems.error(shown, Some(*line), format!("the skill `{name}` is named twice (first at line {first})"));
            continue;
        }
        seen.insert(key(&name), *line);
        let cells = layout
            .levels
            .iter()
            .map(|&(c, _)| {
                let text = clean_text(&fields[c]);
                (!text.is_empty() && !text.eq_ignore_ascii_case("nc")).then_some(text)
            })
            .collect();
        let description = layout.description.map(|c| clean_text(&fields[c])).filter(|d| !d.is_empty());
        out.push(Row { line: *line, name, description, cells });
    }
    if out.is_empty() && !problems.has_errors() {
        problems.error(shown, Some(1), "the file has a header but no skill rows");
    }
    out
}

/// The distinct rated cells, level columns left to right, as first written.
fn distinct_values(rows: &[Row], levels: usize) -> Vec<String> {
    let (mut keys, mut seen) = (HashSet::new(), Vec::new());
    for l in 0..levels {
        for cell in rows.iter().filter_map(|r| r.cells[l].as_ref()) {
            if keys.insert(normalise(cell)) {
                seen.push(cell.clone());
            }
        }
    }
    seen
}

/// Reads `csv` against `--scale` (`given`, empty when not given).
pub(super) fn read(csv: &CsvFile, given: &[String]) -> anyhow::Result<Matrix> {
    let fail = |problems: Problems| -> anyhow::Error {
        DataError {
            subject: format!("the matrix {}", csv.display),
            advice: Some("nothing was written".into()),
            problems,
        }
        .into()
    };
    // The size first, from the file's shape, before any work that grows with it.
    let cells = csv.rows.len().saturating_mul(csv.header.len().saturating_sub(1));
    if cells > MAX_CELLS {
        anyhow::bail!(
            "{}: {} rows × {} columns make {cells} cells, over the limit of {MAX_CELLS}; refused, nothing was written",
            csv.display,
            csv.rows.len(),
            csv.header.len().saturating_sub(1)
        );
    }
    let mut problems = Problems::default();
    let layout = layout(csv, &mut problems);
    let rows = rows(csv, &layout, &mut problems);
    if problems.has_errors() {
        return Err(fail(problems));
    }
    let values = distinct_values(&rows, layout.levels.len());
    let (steps, source) = scale::decide(given, &values).map_err(|e| anyhow::anyhow!("{}: {e}", csv.display))?;
    let index = scale::StepIndex::new(&steps);
    let grid: Vec<Vec<Option<usize>>> = rows
        .iter()
        .map(|row| {
            let on_scale = |(l, cell): (usize, &Option<String>)| {
                let text = cell.as_ref()?;
                let step = index.step_of(text);
                if step.is_none() {
                    let (c, level) = &layout.levels[l];
                    let hint = did_you_mean(text, steps.iter().map(String::as_str)).map(|b| format!("did you mean `{b}`?"));
                    let message = format!(
                        "column {} (`{level}`): `{text}` is not on the scale ({}); leave the cell empty or write NC for unrated",
                        column_letter(*c),
                        steps.join(", ")
                    );
                    problems.push(Problem::error(&csv.display, Some(row.line), message).with_hint(hint));
                }
                step
            };
            row.cells.iter().enumerate().map(on_scale).collect()
        })
        .collect();
    if problems.has_errors() {
        return Err(fail(problems));
    }
    Ok(Matrix {
        levels: layout.levels.iter().map(|(c, n)| (column_letter(*c), n.clone())).collect(),
        has_description: layout.description.is_some(),
        has_category: layout.category.is_some(),
        rows,
        grid,
        steps,
        source,
    })
}
