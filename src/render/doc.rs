//! A presentation-neutral document that reports build for people.
//!
//! The table (terminal) and Markdown renderers both draw from this, so a report describes its
//! human view once and every human format follows.

/// What a cell of a team's matrix holds when the person has not assessed the skill: the same word
/// in the CSV and in the workbook's heat map.
pub const UNASSESSED: &str = "unassessed";

/// One piece of a human-readable report, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The report's title, e.g. the level's display name.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A paragraph of prose, wrapped to the width.
    Para(String),
    /// A bulleted list.
    List(Vec<String>),
    /// Label: value pairs, e.g. a framework's version and source.
    Fields(Vec<(String, String)>),
    /// A table with a header row.
    Table(Table),
    /// Preformatted lines shown as they are (never wrapped), e.g. `file:line: error: …` findings
    /// that editors and terminals can jump to.
    Lines(Vec<String>),
    /// The closing answer, e.g. "8 of 10 skills must grow", shown strong and wrapped at the width
    /// between words, as prose is (a pipe has no width, so a script greps it as one line).
    Summary(String),
    /// A status line that names a file, e.g. `PATH: valid, 0 errors, 0 warnings`: shown as a
    /// summary, but one line whatever the width, so that scripts and people grep it whole.
    Status(String),
    /// A pointer to a next command or a caveat, shown dimmed. A command in it starts with
    /// `pm-skills `, which the renderers extend with the options of the run.
    Hint(String),
    /// Commands to run next, after the few words that say what they do (`Next:`). A command is
    /// never broken across lines: where the whole does not fit the width, each command stands
    /// whole on a line of its own. Markdown and HTML show them as code. Each starts with
    /// `pm-skills `, which the renderers extend with the options of the run.
    Command { lead: String, commands: Vec<String> },
    /// A titled part read as one, such as one skill of a development plan: a smaller heading
    /// over its own blocks (whose headings rank below it), indented in the terminal and kept on
    /// one printed page where it fits.
    Section { heading: String, blocks: Vec<Block> },
    /// This many blank lines to write on, each to tick off later: empty checkboxes in Markdown,
    /// ruled lines on a printed page. A plan leaves its actions for the person to write.
    Actions(usize),
}

/// A table: header plus rows of cells, each row as long as the header.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// How many leading columns name a row (a person). When such a table is too wide for the
    /// terminal to show each word whole, it is drawn in parts, each repeating these columns,
    /// rather than breaking names mid-word. 0 (the default) keeps a table in one part.
    pub row_labels: usize,
}

/// One cell with an optional tone; renderers that can colour use the tone, others ignore it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    /// Where the cell leads, as a relative URL. Reports leave it empty: only the site's pages link,
    /// and only the HTML renderer draws it.
    pub link: Option<String>,
}

/// The meaning of a cell's colour, decided by the report and drawn by the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// A skill that must grow: a gap.
    Grow,
    /// An expectation that falls: never a gap.
    Drop,
    /// Nothing changes.
    Same,
    /// Emphasis, e.g. the first column's names.
    Strong,
}

impl Block {
    /// Commands to run, after `lead` (`See one move in full:`).
    pub fn command<S: Into<String>>(lead: impl Into<String>, commands: impl IntoIterator<Item = S>) -> Self {
        Block::Command { lead: lead.into(), commands: commands.into_iter().map(Into::into).collect() }
    }

    /// A command block's text on one line, as a pipe shows it: the lead, then the commands apart.
    pub fn command_line(lead: &str, commands: &[String]) -> String {
        let commands = commands.join(COMMAND_SEPARATOR);
        if lead.is_empty() { commands } else { format!("{lead} {commands}") }
    }
}

/// What stands between two commands on one line.
pub const COMMAND_SEPARATOR: &str = "  ·  ";

impl Cell {
    /// A plain cell.
    pub fn plain(text: impl Into<String>) -> Self {
        Cell { text: text.into(), tone: Tone::Plain, link: None }
    }

    /// A cell with a tone.
    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Cell { text: text.into(), tone, link: None }
    }

    /// The same cell, leading to `href`.
    pub fn linked(mut self, href: impl Into<String>) -> Self {
        self.link = Some(href.into());
        self
    }
}

impl Table {
    /// A table with this header and no rows yet.
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        Table { header: header.into_iter().map(Into::into).collect(), rows: Vec::new(), row_labels: 0 }
    }

    /// The same table, drawn in parts that each repeat the first `columns` when it is too wide.
    pub fn with_row_labels(mut self, columns: usize) -> Self {
        self.row_labels = columns;
        self
    }

    /// Appends a row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// A proficiency as a bar of `max` dots with `rank` filled, e.g. `●●●○` for 3 of 4.
pub fn bar(rank: usize, max: usize) -> String {
    let mut out = String::with_capacity(max * 3);
    for i in 0..max {
        out.push(if i < rank { '●' } else { '○' });
    }
    out
}

/// A change in steps as people read it: `+1`, `0`, `−1` (with a real minus sign).
pub fn signed(change: i64) -> String {
    match change {
        0 => "0".to_string(),
        c if c > 0 => format!("+{c}"),
        c => format!("\u{2212}{}", -c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_signs() {
        assert_eq!(bar(3, 4), "●●●○");
        assert_eq!(bar(0, 3), "○○○");
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(-1), "−1");
    }
}
