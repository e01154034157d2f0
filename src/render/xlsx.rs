//! `--format xlsx`: any report as an Excel workbook, written with `rust_xlsxwriter`.
//!
//! The first sheet holds the report's CSV records, row for row, each cell as its type says (see
//! [`Value`]): a column of steps gets a rank column beside it, a column of levels shows their
//! names with their ids beside them; further tables follow on sheets of their own; the report's
//! chart becomes a native radar chart or a heat map coloured by conditional formatting. Every
//! sheet has a bold, frozen header row, a filter and fitted columns.
//!
//! Text is always written as a string, never as a number or a formula: a person named `2024` or
//! `007` keeps those characters, and a name such as `=HYPERLINK(…)` is stored as written and no
//! spreadsheet runs it. Only a count is a number; a yes/no is a boolean.

use std::collections::HashSet;

use rust_xlsxwriter::{
    Chart as XlsxChart, ChartEmptyCells, ChartType, Color, ConditionalFormatCell, ConditionalFormatCellRule,
    ConditionalFormatText, ConditionalFormatTextRule, DocProperties, ExcelDateTime, Format as CellFormat, FormatAlign,
    FormatPattern, Workbook as XlsxBook, Worksheet, XlsxError,
};

use super::doc::UNASSESSED;
use super::svg::{HeatCell, Heatmap, Radar};
use super::{Block, Chart, Records, Report, Value};

/// The widest a column is fitted to, in pixels (about 50 characters): longer text is still whole
/// in its cell, and shows in full when the cell is selected.
const MAX_WIDTH_PX: u32 = 360;

/// Excel's limits: rows and columns of a sheet, UTF-16 units in a cell, characters in a sheet name.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
const MAX_CELL: usize = 32_767;
const MAX_NAME: usize = 31;

/// What a heat-map cell holds when the person's target does not ask for the skill, as tables mark it.
const NOT_ASKED: &str = "—";

/// Renders `report` as a workbook. The same report gives the same bytes: the creation date is
/// fixed (1 January 1980, the date rust_xlsxwriter gives every file inside the zip), not the clock.
pub fn render<R: Report + ?Sized>(report: &R) -> anyhow::Result<Vec<u8>> {
    let extras = report.workbook();
    let title = report
        .document()
        .into_iter()
        .find_map(|block| match block {
            Block::Title(title) => Some(title),
            _ => None,
        })
        .unwrap_or_default();
    let mut book = XlsxBook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1).map_err(cannot)?;
    book.set_properties(&DocProperties::new().set_title(&title).set_creation_datetime(&created));
    let mut names = SheetNames::default();
    let main = if extras.name.is_empty() { title_name(&title) } else { extras.name.clone() };
    let header = CellFormat::new().set_bold();
    add_table(&mut book, &names.take(&main), &report.records(), &extras.header, &header)?;
    for sheet in &extras.sheets {
        add_table(&mut book, &names.take(&sheet.name), &sheet.records, &[], &header)?;
    }
    match report.chart() {
        Some(Chart::Radar(radar)) if radar.axes.len() >= 3 && !radar.series.is_empty() => {
            add_radar(&mut book, &names.take("Radar"), &radar, &header).map_err(cannot)?;
        }
        Some(Chart::Heatmap(map)) if !map.rows.is_empty() && !map.columns.is_empty() => {
            add_heatmap(&mut book, &names.take("Heat map"), &map, &header)?;
        }
        _ => {}
    }
    book.save_to_buffer().map_err(cannot)
}

fn cannot(e: XlsxError) -> anyhow::Error {
    anyhow::anyhow!("cannot write the workbook: {e}")
}

/// What a workbook column shows of a records column: the cell itself, a step's rank, a level's id.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Cell,
    Rank,
    Id,
}

/// A sheet of `records`: the header in bold (`labels` where given, else the CSV's), then each row,
/// each cell as its type says; a column holding steps is followed by `<column>_rank`, the step's
/// rank as a number, and one holding levels (shown by name) by `<column>_id`.
fn add_table(
    book: &mut XlsxBook,
    name: &str,
    records: &Records,
    labels: &[String],
    header: &CellFormat,
) -> anyhow::Result<()> {
    let holds = |i: usize, part: Part| {
        records.rows.iter().any(|row| match row.get(i) {
            Some(Value::Step { .. }) => part == Part::Rank,
            Some(Value::Named { .. }) => part == Part::Id,
            _ => false,
        })
    };
    // (source column, what of it), left to right.
    let layout: Vec<(usize, Part)> = (0..records.header.len())
        .flat_map(|i| {
            let extra = [Part::Rank, Part::Id].into_iter().filter(move |&part| holds(i, part));
            std::iter::once(Part::Cell).chain(extra).map(move |part| (i, part))
        })
        .collect();
    fits(name, records.rows.len() + 1, layout.len())?;
    let sheet = book.add_worksheet();
    sheet.set_name(name).map_err(cannot)?;
    for (col, &(i, part)) in layout.iter().enumerate() {
        let column = &records.header[i];
        let text = match part {
            Part::Cell => labels.get(i).unwrap_or(column).clone(),
            Part::Rank => format!("{column}_rank"),
            Part::Id => format!("{column}_id"),
        };
        sheet.write_string_with_format(0, col as u16, text, header).map_err(cannot)?;
    }
    for (r, row) in records.rows.iter().enumerate() {
        let at = r as u32 + 1;
        for (col, &(i, part)) in layout.iter().enumerate() {
            let (col, cell) = (col as u16, row.get(i).unwrap_or(&Value::Empty));
            match (part, cell) {
                (Part::Cell, Value::Text(text) | Value::Step { id: text, .. } | Value::Named { name: text, .. })
                | (Part::Id, Value::Named { id: text, .. }) => write_text(sheet, name, at, col, text)?,
                (Part::Cell, Value::Int(n)) => {
                    sheet.write_number(at, col, *n as f64).map_err(cannot)?;
                }
                (Part::Cell, Value::Fraction(x)) => {
                    sheet.write_number(at, col, *x).map_err(cannot)?;
                }
                (Part::Cell, Value::Bool(b)) => {
                    sheet.write_boolean(at, col, *b).map_err(cannot)?;
                }
                (Part::Rank, Value::Step { rank, .. }) => {
                    sheet.write_number(at, col, *rank as f64).map_err(cannot)?;
                }
                _ => {}
            }
        }
    }
    finish(sheet, records.rows.len(), layout.len())
}

/// Writes text as a string cell, never a number or a formula, however it reads.
fn write_text(sheet: &mut Worksheet, name: &str, row: u32, col: u16, cell: &str) -> anyhow::Result<()> {
    if cell.is_empty() {
        return Ok(());
    }
    if cell.len() > MAX_CELL && cell.encode_utf16().count() > MAX_CELL {
        anyhow::bail!(
            "cannot write the workbook: a cell of sheet `{name}` (row {}, column {}) holds {} characters, and a \
             spreadsheet cell holds at most {MAX_CELL}; use --format csv for this report",
            row + 1,
            col + 1,
            cell.chars().count()
        );
    }
    sheet.write_string(row, col, cell).map_err(cannot)?;
    Ok(())
}

/// Refuses a table too big for one sheet, with what to do instead.
fn fits(name: &str, rows: usize, columns: usize) -> anyhow::Result<()> {
    if rows > MAX_ROWS || columns > MAX_COLUMNS {
        anyhow::bail!(
            "cannot write the workbook: sheet `{name}` would have {rows} rows and {columns} columns, and a sheet \
             holds at most {MAX_ROWS} rows and {MAX_COLUMNS} columns; use --format csv for this report"
        );
    }
    Ok(())
}

/// The treatment every table gets: a frozen header row, a filter on every column, fitted widths;
/// printed landscape, one page wide, the header row on every page.
fn finish(sheet: &mut Worksheet, rows: usize, columns: usize) -> anyhow::Result<()> {
    if columns == 0 {
        return Ok(());
    }
    sheet.set_freeze_panes(1, 0).map_err(cannot)?;
    sheet.autofilter(0, 0, rows as u32, columns as u16 - 1).map_err(cannot)?;
    // After the filter: autofit leaves room for its buttons.
    sheet.set_autofit_max_width(MAX_WIDTH_PX);
    sheet.autofit();
    print_setup(sheet)
}

fn print_setup(sheet: &mut Worksheet) -> anyhow::Result<()> {
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0).map_err(cannot)?;
    Ok(())
}

/// The radar's data (a skill per row, a series per column, ranks as numbers) with a native radar
/// chart beside it, and the scale's steps under the chart's value axis as a small table.
fn add_radar(book: &mut XlsxBook, name: &str, radar: &Radar, header: &CellFormat) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, "skill", header)?;
    for (k, series) in radar.series.iter().enumerate() {
        sheet.write_string_with_format(0, k as u16 + 1, &series.name, header)?;
    }
    for (row, axis) in radar.axes.iter().enumerate() {
        let at = row as u32 + 1;
        sheet.write_string(at, 0, axis)?;
        for (k, series) in radar.series.iter().enumerate() {
            if let Some(Some(value)) = series.values.get(row) {
                sheet.write_number(at, k as u16 + 1, *value as f64)?;
            }
        }
    }
    let last_row = radar.axes.len() as u32;
    let last_col = radar.series.len() as u16;
    // The scale, lowest first, two columns to the right: what each ring of the chart means.
    let legend = last_col + 2;
    sheet.write_string_with_format(0, legend, "rank", header)?;
    sheet.write_string_with_format(0, legend + 1, "step", header)?;
    for (i, step) in radar.scale.iter().enumerate() {
        sheet.write_number(i as u32 + 1, legend, (i + 1) as f64)?;
        sheet.write_string(i as u32 + 1, legend + 1, step)?;
    }
    let mut chart = XlsxChart::new(ChartType::RadarWithMarkers);
    for k in 1..=last_col {
        chart
            .add_series()
            .set_name((name, 0, k))
            .set_categories((name, 1, 0, last_row, 0))
            .set_values((name, 1, k, last_row, k));
    }
    // The title is a cell under the data that the chart refers to: given as text, a title
    // starting `=(` would be read as a formula.
    let title_row = last_row + 2;
    sheet.write_string_with_format(title_row, 0, &radar.title, header)?;
    chart.title().set_name((name, title_row, 0));
    chart.y_axis().set_min(0).set_max(radar.scale.len() as f64).set_major_unit(1);
    // As the HTML chart draws them: a skill without a value sits at the centre.
    chart.show_empty_cells_as(ChartEmptyCells::Zero);
    chart.set_width(720).set_height(520);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_autofit_max_width(MAX_WIDTH_PX);
    sheet.autofit();
    sheet.insert_chart(1, legend + 3, &chart)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 1);
    Ok(())
}

/// People down, skills across, each cell the steps still to grow (or `unassessed`), coloured as
/// the HTML heatmap is: met white, +1 light, +2 mid, +3 and more dark, unassessed hatched.
fn add_heatmap(book: &mut XlsxBook, name: &str, map: &Heatmap, header: &CellFormat) -> anyhow::Result<()> {
    fits(name, map.rows.len() + 1, map.columns.len() + 1)?;
    let sheet = book.add_worksheet();
    sheet.set_name(name).map_err(cannot)?;
    // Numbers stay numbers to sort and sum; they show as the table shows them: ✓, +1, +2.
    let steps = CellFormat::new().set_num_format("\"+\"0;-0;\"✓\"").set_align(FormatAlign::Center);
    // Skill names slant up, as in the HTML heatmap, so the columns stay narrow.
    let slanted = header.clone().set_rotation(45);
    let centred = CellFormat::new().set_align(FormatAlign::Center);
    sheet.write_string_with_format(0, 0, "person", header).map_err(cannot)?;
    for (c, column) in map.columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16 + 1, column, &slanted).map_err(cannot)?;
    }
    for (r, person) in map.rows.iter().enumerate() {
        let at = r as u32 + 1;
        sheet.write_string(at, 0, person).map_err(cannot)?;
        for c in 0..map.columns.len() {
            let col = c as u16 + 1;
            // A missing cell is drawn as not assessed rather than as met.
            match map.cells.get(r).and_then(|row| row.get(c)).copied().unwrap_or(HeatCell::Unassessed) {
                HeatCell::Steps(gap) => sheet.write_number_with_format(at, col, gap as f64, &steps),
                HeatCell::Unassessed => sheet.write_string_with_format(at, col, UNASSESSED, &centred),
                HeatCell::NotExpected => sheet.write_string_with_format(at, col, NOT_ASKED, &centred),
            }
            .map_err(cannot)?;
        }
    }
    let (last_row, last_col) = (map.rows.len() as u32, map.columns.len() as u16);
    // Unassessed first, and final: text compares above every number, so `>= 3` would match it.
    let hatched = CellFormat::new()
        .set_pattern(FormatPattern::LightUp)
        .set_foreground_color(Color::RGB(0x8a8a8a))
        .set_background_color(Color::White)
        .set_font_color(Color::Black);
    let unassessed = ConditionalFormatText::new()
        .set_rule(ConditionalFormatTextRule::Contains(UNASSESSED.to_string()))
        .set_format(hatched)
        .set_stop_if_true(true);
    sheet.add_conditional_format(1, 1, last_row, last_col, &unassessed).map_err(cannot)?;
    // A skill the person's target does not ask for: grey, and final too.
    let not_asked = ConditionalFormatText::new()
        .set_rule(ConditionalFormatTextRule::Contains(NOT_ASKED.to_string()))
        .set_format(CellFormat::new().set_background_color(Color::RGB(0xe6e6e6)).set_font_color(Color::Black))
        .set_stop_if_true(true);
    sheet.add_conditional_format(1, 1, last_row, last_col, &not_asked).map_err(cannot)?;
    let fill = |rgb: u32, ink: Color| CellFormat::new().set_background_color(Color::RGB(rgb)).set_font_color(ink);
    let rules = [
        (ConditionalFormatCellRule::EqualTo(0), fill(0xffffff, Color::Black)),
        (ConditionalFormatCellRule::EqualTo(1), fill(0xfdd8a8, Color::Black)),
        (ConditionalFormatCellRule::EqualTo(2), fill(0xee8636, Color::Black)),
        (ConditionalFormatCellRule::GreaterThanOrEqualTo(3), fill(0x7a2a04, Color::White)),
    ];
    for (rule, format) in rules {
        let rule = ConditionalFormatCell::new().set_rule(rule).set_format(format);
        sheet.add_conditional_format(1, 1, last_row, last_col, &rule).map_err(cannot)?;
    }
    let key = "✓ met · +1, +2, +3 or more: steps still to grow (darker is further) · unassessed: hatched";
    sheet.write_string(last_row + 2, 0, key).map_err(cannot)?;
    sheet.set_freeze_panes(1, 1).map_err(cannot)?;
    sheet.autofilter(0, 0, last_row, last_col).map_err(cannot)?;
    // Widths by hand: the key under the table must not widen the first column, and the slanted
    // names need height, not width.
    let widest = |names: &mut dyn Iterator<Item = &String>| names.map(|n| n.chars().count()).max().unwrap_or(0);
    let first = widest(&mut map.rows.iter()).max("person".len());
    sheet.set_column_width(0, (first.min(50) + 3) as f64).map_err(cannot)?;
    sheet.set_column_range_width(1, last_col, 10).map_err(cannot)?;
    let longest = widest(&mut map.columns.iter()).min(60);
    sheet.set_row_height(0, (longest as f64 * 5.0).max(15.0)).map_err(cannot)?;
    print_setup(sheet)
}

/// A sheet name from a report's title: up to the first `:`, `(` or `,`, as in "Where Ada fits"
/// or "Product manager levels, most junior first".
fn title_name(title: &str) -> String {
    let cut = title.find([':', '(', ',']).filter(|&at| !title[..at].trim().is_empty()).unwrap_or(title.len());
    title[..cut].to_string()
}

/// Sheet names as Excel accepts them, each once: at most 31 characters, none of `[]:*?/\`, no
/// control characters, not starting or ending with `'`, not the reserved `History`, and unique
/// ignoring case.
#[derive(Default)]
struct SheetNames {
    taken: HashSet<String>,
}

impl SheetNames {
    /// A safe, unused name for `wanted`.
    fn take(&mut self, wanted: &str) -> String {
        let base = safe_name(wanted);
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name.to_lowercase()) {
            let suffix = format!(" {n}");
            name = cut(&base, MAX_NAME - suffix.chars().count()) + &suffix;
            n += 1;
        }
        self.taken.insert(name.to_lowercase());
        name
    }
}

fn safe_name(wanted: &str) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| if c.is_control() || "[]:*?/\\".contains(c) { '-' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name = cut(cleaned.trim_matches('\''), MAX_NAME);
    let name = name.trim_matches(['\'', ' ']).to_string();
    match name.as_str() {
        "" => "Report".to_string(),
        n if n.eq_ignore_ascii_case("history") => "History sheet".to_string(),
        _ => name,
    }
}

/// `text` in at most `max` characters, at a space when one leaves at least half of them.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let hard: String = text.chars().take(max).collect();
    match hard.rfind(' ') {
        Some(at) if hard[..at].chars().count() >= max / 2 => hard[..at].to_string(),
        _ => hard.trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_safe_short_and_unique() {
        let mut names = SheetNames::default();
        assert_eq!(names.take("Ladder"), "Ladder");
        assert_eq!(names.take("ladder"), "ladder 2");
        assert_eq!(names.take("a/b:c[d]*e?f\\g"), "a-b-c-d--e-f-g");
        assert_eq!(names.take("'quoted'"), "quoted");
        assert_eq!(names.take("History"), "History sheet");
        assert_eq!(names.take("\u{1b}[2J"), "--2J");
        assert_eq!(names.take(""), "Report");
        let long = names.take("Priya Shah against Senior Product Manager in full");
        assert!(long.chars().count() <= 31, "{long}");
        assert_eq!(long, "Priya Shah against Senior");
        let again = names.take("Priya Shah against Senior Product Manager in full");
        assert_eq!(again, "Priya Shah against Senior 2");
        let one_word = names.take(&"x".repeat(40));
        assert_eq!(one_word.chars().count(), 31);
    }

    /// A report with one table, to render alone.
    #[derive(serde::Serialize)]
    struct Table {
        #[serde(skip)]
        records: Records,
    }

    impl Report for Table {
        fn document(&self) -> Vec<Block> {
            vec![Block::Title("A table: of cells".into())]
        }
        fn records(&self) -> Records {
            self.records.clone()
        }
    }

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        let cells = |cells: &[&str]| cells.iter().map(|&c| Value::from(c)).collect();
        Table { records: Records::new(header, rows.iter().map(|r| cells(r)).collect()) }
    }

    #[test]
    fn what_a_sheet_cannot_hold_is_refused_with_what_to_do() {
        let long = "x".repeat(MAX_CELL + 1);
        let err = render(&table(&["a", "b"], &[&["1", &long]])).unwrap_err().to_string();
        assert!(err.contains("sheet `A table` (row 2, column 2) holds 32768 characters"), "{err}");
        assert!(err.contains("use --format csv"), "{err}");
        // At the limit it fits.
        render(&table(&["a"], &[&[&"y".repeat(MAX_CELL)]])).unwrap();
        let wide: Vec<String> = (0..=MAX_COLUMNS).map(|i| i.to_string()).collect();
        let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
        let err = render(&table(&wide, &[])).unwrap_err().to_string();
        assert!(err.contains("16385 columns"), "{err}");
    }

    #[test]
    fn the_same_report_gives_the_same_bytes() {
        let report = table(&["name", "n"], &[&["=HYPERLINK(\"x\")", "2"], &["007", "-1"]]);
        let bytes = render(&report).unwrap();
        assert_eq!(bytes, render(&report).unwrap());
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }

    #[test]
    fn each_cell_is_written_as_its_type_with_rank_and_id_columns_from_the_values() {
        use calamine::{Data, Reader};
        let step = |id: &str, rank| Value::Step { id: id.into(), rank };
        let level = Value::Named { id: "analyst/2024".into(), name: "2024".into() };
        let rows = vec![
            vec![Value::from("2024"), Value::from(3usize), Value::from(true), step("working", 2), level],
            vec![Value::from("007"), Value::from(-1i64), Value::from(false), Value::Empty, Value::Empty],
        ];
        let report = Table { records: Records::new(&["name", "n", "ready", "have", "level"], rows) };
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(render(&report).unwrap())).unwrap();
        let range = book.worksheet_range("A table").unwrap();
        let cells: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        let text = |s: &str| Data::String(s.into());
        let header = ["name", "n", "ready", "have", "have_rank", "level", "level_id"].map(text);
        assert_eq!(cells[0], header);
        let first = [text("2024"), Data::Float(3.0), Data::Bool(true), text("working"), Data::Float(2.0)];
        assert_eq!(cells[1][..5], first);
        assert_eq!(cells[1][5..], [text("2024"), text("analyst/2024")]);
        assert_eq!(cells[2][..3], [text("007"), Data::Float(-1.0), Data::Bool(false)]);
        assert!(cells[2][3..].iter().all(|c| *c == Data::Empty), "{:?}", cells[2]);
    }

    #[test]
    fn a_title_names_its_sheet_up_to_its_first_break() {
        assert_eq!(title_name("Product manager levels, most junior first"), "Product manager levels");
        assert_eq!(title_name("Senior Product Manager (level 2 of 4, Product manager)"), "Senior Product Manager ");
        assert_eq!(title_name("Where Ada fits"), "Where Ada fits");
        assert_eq!(title_name(": odd"), ": odd");
    }
}
