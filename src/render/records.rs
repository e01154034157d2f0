//! A report's rows for CSV and for a workbook's sheets, each cell typed, so that every format
//! writes it as what it is: text stays text even when it reads as a number (a person named
//! "2024"), a count is a number, a yes/no a yes/no, a step its id with its rank beside it.

use std::borrow::Cow;

use crate::model::{LevelRef, Proficiency};

/// Rows for CSV: one header row and one row per item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Records {
    /// Records of `header` (written as given) and `rows`.
    pub fn new(header: &[&str], rows: Vec<Vec<Value>>) -> Self {
        Records { header: header.iter().map(|h| h.to_string()).collect(), rows }
    }
}

/// One cell of [`Records`]. CSV writes each as text, a workbook each as a cell of its own type;
/// nothing is guessed back from text.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    /// Nothing: an empty cell in every format.
    #[default]
    Empty,
    /// Words, names and ids: a string cell, however it reads.
    Text(String),
    /// A count or a signed change: a number cell.
    Int(i64),
    /// A yes/no: `true` or `false` in CSV, a boolean cell in a workbook.
    Bool(bool),
    /// A share from 0 to 1 (a move's coverage): as a decimal in CSV (`0.625`), a number cell in
    /// a workbook.
    Fraction(f64),
    /// A step of a scale: its id in CSV and in the workbook, which adds its rank (1 = lowest) in a
    /// `<column>_rank` column beside it, to sort and filter on.
    Step { id: String, rank: usize },
    /// A level of the framework: its id in CSV; a workbook shows its name, with the id in a
    /// `<column>_id` column beside it.
    Named { id: String, name: String },
}

impl Value {
    /// A level as `id` (`ROLE/LEVEL` when `with_role`) and its name.
    pub fn level(level: &LevelRef, with_role: bool) -> Self {
        let id = if with_role { format!("{}/{}", level.role.id, level.id) } else { level.id.clone() };
        Value::Named { id, name: level.name.clone() }
    }

    /// The text CSV writes for the cell.
    pub fn csv(&self) -> Cow<'_, str> {
        match self {
            Value::Empty => Cow::Borrowed(""),
            Value::Text(text) => Cow::Borrowed(text),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::Fraction(x) => Cow::Owned(x.to_string()),
            Value::Step { id, .. } | Value::Named { id, .. } => Cow::Borrowed(id),
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Self {
        Value::Text(text.clone())
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::Int(n.into())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<&Proficiency> for Value {
    fn from(p: &Proficiency) -> Self {
        Value::Step { id: p.id.clone(), rank: p.rank.get() }
    }
}

/// The columns that spell a step out, in this order: its id, its name and its rank.
pub const STEP_COLUMNS: [&str; 3] = ["proficiency", "proficiency_name", "rank"];

impl Value {
    /// A step spelled out in the [`STEP_COLUMNS`] (all empty when there is none), as text and a
    /// number, so the sheet needs no `_rank` column of its own.
    pub fn step_columns(p: Option<&Proficiency>) -> [Value; 3] {
        [Value::from(p.map(|p| &p.id)), Value::from(p.map(|p| &p.name)), Value::from(p.map(|p| p.rank.get()))]
    }
}

/// Whatever may be missing is empty when it is.
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Empty, Into::into)
    }
}

/// Writes `records` as CSV into `out`; unless `raw`, text (an id too) that a spreadsheet would
/// run as a formula gets a leading `'` ([`neutralise_formula`]); numbers and yes/no never need one.
pub fn write_csv(records: &Records, raw: bool, out: &mut Vec<u8>) -> anyhow::Result<()> {
    let mut csv = CsvWriter::new(out, raw, &records.header)?;
    csv.rows(&records.rows)?;
    csv.finish()
}

/// CSV written a batch of rows at a time, for a report too big to hold as [`Records`]. A report
/// may write its rows in parts, each on its own core, and join them: see [`CsvWriter::part`].
pub struct CsvWriter<'a> {
    writer: csv::Writer<&'a mut Vec<u8>>,
    raw: bool,
}

impl<'a> CsvWriter<'a> {
    /// Starts the CSV in `out` with its header.
    pub fn new(out: &'a mut Vec<u8>, raw: bool, header: &[String]) -> anyhow::Result<Self> {
        let mut csv = Self::part(out, raw);
        csv.writer.write_record(header)?;
        Ok(csv)
    }

    /// Rows to follow a header written elsewhere, quoted and guarded as [`CsvWriter::new`]'s are.
    pub fn part(out: &'a mut Vec<u8>, raw: bool) -> Self {
        CsvWriter { writer: csv::Writer::from_writer(out), raw }
    }

    /// Writes `rows`.
    pub fn rows(&mut self, rows: &[Vec<Value>]) -> anyhow::Result<()> {
        rows.iter().try_for_each(|row| self.row(row))
    }

    /// Writes one row. A team report has millions of cells, so a cell is borrowed unless it needs
    /// its quote, and a number is written from the stack.
    pub fn row(&mut self, row: &[Value]) -> anyhow::Result<()> {
        for cell in row {
            match cell {
                Value::Text(text) | Value::Step { id: text, .. } | Value::Named { id: text, .. } if !self.raw => {
                    self.writer.write_field(neutralise_formula(text).as_bytes())?
                }
                Value::Int(n) => self.writer.write_field(itoa::Buffer::new().format(*n))?,
                other => self.writer.write_field(other.csv().as_bytes())?,
            }
        }
        self.writer.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flushes what is written into `out`.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.writer.flush()?;
        Ok(())
    }
}

/// OWASP's rule against CSV injection: a cell a spreadsheet would run as a formula gets a leading
/// apostrophe. Plain numbers such as `-1` are left alone, since scripts read them as numbers.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    let risky = matches!(cell.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    // Only a finite number is safe: `+NaN`, `-inf` and `+1e9999` parse, but no sheet reads them
    // as numbers.
    if risky && !cell.parse::<f64>().is_ok_and(f64::is_finite) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_kept() {
        assert_eq!(neutralise_formula("=1+1"), "'=1+1");
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("+cmd"), "'+cmd");
        assert_eq!(neutralise_formula("-1"), "-1");
        assert_eq!(neutralise_formula("+2"), "+2");
        assert_eq!(neutralise_formula("plain"), "plain");
        for odd in ["+NaN", "-inf", "+1e9999", "-Infinity"] {
            assert_eq!(neutralise_formula(odd), format!("'{odd}"));
        }
        assert_eq!(neutralise_formula("-2.5e3"), "-2.5e3");
    }

    #[test]
    fn csv_writes_each_cell_as_itself_and_guards_only_text() {
        let step = Value::Step { id: "=2".into(), rank: 2 };
        let row = vec![
            Value::from("2024"),
            Value::from(-1i64),
            Value::from(true),
            step,
            Value::Named { id: "senior".into(), name: "Senior".into() },
            Value::Empty,
            Value::from("=SUM(A1)"),
        ];
        let records = Records::new(&["a", "b", "c", "d", "e", "f", "g"], vec![row]);
        let mut out = Vec::new();
        write_csv(&records, false, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a,b,c,d,e,f,g\n2024,-1,true,'=2,senior,,'=SUM(A1)\n");
        let mut raw = Vec::new();
        write_csv(&records, true, &mut raw).unwrap();
        assert!(String::from_utf8(raw).unwrap().ends_with("true,=2,senior,,=SUM(A1)\n"));
    }

    #[test]
    fn csv_rows_written_in_parts_join_into_one_file() {
        let mut out = Vec::new();
        CsvWriter::new(&mut out, false, &["n".to_string(), "text".to_string()]).unwrap().finish().unwrap();
        let mut part = Vec::new();
        let mut csv = CsvWriter::part(&mut part, false);
        csv.row(&[Value::from(i64::MIN), Value::from("a, b")]).unwrap();
        csv.row(&[Value::from(i64::MAX), Value::from("-1")]).unwrap();
        csv.finish().unwrap();
        out.extend_from_slice(&part);
        let mut csv = CsvWriter::part(&mut out, false);
        // A row of one empty cell is quoted, so it reads as a row and not a blank line.
        csv.row(&[Value::Empty]).unwrap();
        csv.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "n,text\n-9223372036854775808,\"a, b\"\n9223372036854775807,-1\n\"\"\n"
        );
    }
}
