//! The shared renderers. A command computes a report; these turn any report into bytes.
//!
//! Rendering goes to a buffer, never straight to stdout, so a command that fails writes nothing.

pub mod doc;
pub mod html;
pub mod line;
pub mod markdown;
pub mod markup;
pub mod records;
pub mod svg;
pub mod terminal;
mod time_axis;
pub mod trend;
pub mod wrap;
pub mod xlsx;

use serde::Serialize;

pub use doc::{Block, Cell, Table, Tone};
pub use line::Line;
pub use records::{Records, STEP_COLUMNS, Value, neutralise_formula};
pub use svg::{Chart, HeatCell, Heatmap, Radar, Series};
pub use trend::Trend;

/// Output formats. Table, Markdown and HTML are for people; JSON, YAML and CSV for scripts; XLSX
/// for spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// Aligned tables for the terminal.
    #[default]
    Table,
    /// One JSON document, stable field names.
    Json,
    /// The same fields as JSON, in YAML.
    Yaml,
    /// One header row and one row per item.
    Csv,
    /// GitHub-flavoured Markdown, for promotion documents and pull requests.
    Markdown,
    /// One self-contained HTML page with a chart (inline SVG, no scripts), to open, print or attach.
    Html,
    /// An Excel workbook: the CSV rows on a sheet with filters and rank columns, further tables,
    /// a native chart. Binary: to a file (--out) or a pipe, never a terminal.
    Xlsx,
}

impl Format {
    /// Whether the format is binary: never written to a terminal, never sanitised as text.
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

/// How a report becomes bytes: chosen once from the flags and the terminal, then passed down.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub format: Format,
    /// Emit ANSI colour; decided by `--color`, NO_COLOR, CLICOLOR(_FORCE) and whether stdout is a
    /// terminal (see [`crate::terminal::render_options`]).
    pub color: bool,
    /// Wrap to this many columns; `None` means do not wrap (not a terminal).
    pub width: Option<usize>,
    /// Leave CSV cells that look like spreadsheet formulas as they are.
    pub raw_csv: bool,
    /// Stdout is a terminal: whatever the format, no raw control character may reach it.
    pub terminal: bool,
    /// How this run was invoked (`pm-skills --framework ddat-2025`): the commands that hints
    /// suggest start with it, so they run on the same framework and role. Empty means `pm-skills`.
    pub invocation: String,
    /// Also give the report's answer in a line of plain text ([`answer_line`]), beside the chosen
    /// format: the MCP server's tools return it for an assistant to quote.
    pub answer_line: bool,
}

/// What a workbook adds to a report's records, all optional: every report gets a workbook of its
/// records (and of its chart) without one; a report fills in what helps a spreadsheet reader.
/// Rank columns need no word from it: each column holding steps gets one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workbook {
    /// The main sheet's name; empty takes it from the report's title. Made safe when written.
    pub name: String,
    /// The main sheet's header as people read it (names where the CSV has ids), one per column of
    /// the records; empty keeps the CSV's.
    pub header: Vec<String>,
    /// Further tables, each on a sheet of its own after the main one.
    pub sheets: Vec<Sheet>,
}

/// A further table of a workbook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's name, made safe when written.
    pub name: String,
    pub records: Records,
}

/// What every report offers the renderers: its serialisable self, a human document, and records.
pub trait Report: Serialize {
    /// The human view, drawn as a terminal table or as Markdown.
    fn document(&self) -> Vec<Block>;
    /// The view at a terminal: the document, unless the report has more than a screen can show
    /// (a team of hundreds), where it gives a shorter view that points to the formats holding it all.
    fn screen(&self) -> Vec<Block> {
        self.document()
    }
    /// The CSV view, and the main sheet of a workbook.
    fn records(&self) -> Records;
    /// The CSV view written into `out` (`raw`: cells left as they are, formulas too). A report of
    /// very many rows writes its records a batch at a time.
    fn write_csv(&self, raw: bool, out: &mut Vec<u8>) -> anyhow::Result<()> {
        records::write_csv(&self.records(), raw, out)
    }
    /// The picture the HTML view draws above the tables; the tables hold the same data. A
    /// workbook draws it too: a radar as a native chart, a heatmap as a coloured sheet.
    fn chart(&self) -> Option<Chart> {
        None
    }
    /// What a workbook adds to the records: its name, a header in names, further sheets.
    fn workbook(&self) -> Workbook {
        Workbook::default()
    }
}

/// The report's answer in plain text: its title and its closing summary, as the table ends with
/// them ("Senior Product Manager: 8 of 10 skills must grow, 2 stay the same"), or `None` when the
/// report has neither.
pub fn answer_line<R: Report + ?Sized>(report: &R) -> Option<String> {
    let document = report.document();
    let title = document.iter().find_map(|b| if let Block::Title(t) = b { Some(t.as_str()) } else { None });
    let summary = document.iter().rev().find_map(|b| match b {
        Block::Summary(s) | Block::Status(s) => Some(s.as_str()),
        _ => None,
    });
    match (title, summary) {
        (Some(title), Some(summary)) => Some(format!("{title}: {summary}")),
        (title, summary) => summary.or(title).map(str::to_string),
    }
}

/// Renders `report` in the chosen format into a buffer.
pub fn render<R: Report + ?Sized>(report: &R, options: &RenderOptions) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let document = || with_invocation(report.document(), &options.invocation);
    match options.format {
        Format::Table => terminal::render(&with_invocation(report.screen(), &options.invocation), options, &mut out),
        Format::Markdown => markdown::render(&document(), &mut out),
        Format::Html => html::render(&document(), report.chart().as_ref(), &mut out),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(report)?;
            json.push('\n');
            out = escape_json_controls(json).into_bytes();
        }
        Format::Yaml => out.extend_from_slice(serde_yaml::to_string(report)?.as_bytes()),
        Format::Csv => report.write_csv(options.raw_csv, &mut out)?,
        // Binary: `lib` refuses it before a terminal, so it is never sanitised as text.
        Format::Xlsx => out = xlsx::render(report)?,
    }
    // The table renderer sanitises each cell itself, around its own colour codes. Any other
    // format read on a terminal is made safe whole; to a pipe or a file it keeps the exact text.
    if options.terminal && options.format != Format::Table && !options.format.is_binary() {
        let text = String::from_utf8(out).map_err(|e| anyhow::anyhow!("output is not UTF-8: {e}"))?;
        out = crate::text::sanitize(&text, true).into_owned().into_bytes();
    }
    Ok(out)
}

/// Starts each command a hint suggests (`pm-skills …`) with the run's own invocation.
fn with_invocation(mut blocks: Vec<doc::Block>, invocation: &str) -> Vec<doc::Block> {
    if invocation.is_empty() || invocation == "pm-skills" {
        return blocks;
    }
    for block in &mut blocks {
        match block {
            doc::Block::Hint(text) => *text = text.replace("pm-skills ", &format!("{invocation} ")),
            doc::Block::Command { commands, .. } => {
                for command in commands {
                    *command = command.replace("pm-skills ", &format!("{invocation} "));
                }
            }
            doc::Block::Section { blocks: inner, .. } => *inner = with_invocation(std::mem::take(inner), invocation),
            _ => {}
        }
    }
    blocks
}

/// serde_json escapes the C0 controls; this escapes DEL and the C1 controls too, which it leaves
/// raw, so a JSON document is safe to print anywhere. They can only stand inside strings, where
/// `\uXXXX` means the same character.
fn escape_json_controls(json: String) -> String {
    let is_raw = |c: char| c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c);
    if !json.chars().any(is_raw) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_inside_sections_get_the_invocation_too() {
        let hint = || doc::Block::Hint("Next: pm-skills fit --profile me.yaml".into());
        let blocks = vec![hint(), doc::Block::Section { heading: "Coding".into(), blocks: vec![hint()] }];
        let done = with_invocation(blocks, "pm-skills --data ./acme");
        let want = doc::Block::Hint("Next: pm-skills --data ./acme fit --profile me.yaml".into());
        assert_eq!(done[0], want);
        assert_eq!(done[1], doc::Block::Section { heading: "Coding".into(), blocks: vec![want.clone()] });
    }

    #[test]
    fn json_escapes_del_and_c1_and_means_the_same() {
        let text = "a\u{7f}b\u{85}c\u{9b}d é";
        let json = escape_json_controls(serde_json::to_string(text).unwrap());
        assert_eq!(json, "\"a\\u007fb\\u0085c\\u009bd é\"");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }
}
