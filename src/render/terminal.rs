//! The terminal view: wrapped prose and tables, with colour only when it was asked for.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Color, ColumnConstraint, ContentArrangement, Width};

use super::wrap::{wrap, wrap_into, wrap_lines};
use super::{Block, RenderOptions, Tone};
use crate::text::{sanitize, width as text_width};

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Writes `blocks` for a person at a terminal (or a pipe, without colour or wrapping).
pub fn render(blocks: &[Block], options: &RenderOptions, out: &mut Vec<u8>) {
    render_blocks(blocks, options, false, out);
}

/// The blocks of a document, or of a section (`nested`), where every block sits right under its
/// heading: a section's parts are short, and its indent already sets it apart.
fn render_blocks(blocks: &[Block], options: &RenderOptions, nested: bool, out: &mut Vec<u8>) {
    let width = options.width;
    let style = |code: &str, text: &str| {
        if options.color { format!("{code}{text}{RESET}") } else { text.to_string() }
    };
    for (i, block) in blocks.iter().enumerate() {
        let mut text = String::new();
        // A blank line between blocks, except that a list or table sits right under its heading.
        let under_heading = i > 0
            && matches!(blocks[i - 1], Block::Heading(_))
            && (nested || matches!(block, Block::List(_) | Block::Fields(_) | Block::Table(_) | Block::Actions(_)));
        let gap = i > 0 && !under_heading;
        if gap {
            text.push('\n');
        }
        match block {
            Block::Title(t) | Block::Heading(t) => {
                text.push_str(&style(BOLD, wrap(&sanitize(t, false), width, "", "").trim_end()));
                text.push('\n');
            }
            Block::Para(t) => wrap_into(&mut text, &sanitize(t, true), width, "", ""),
            Block::List(items) => {
                for item in items {
                    // Newlines inside an item survive (imported texts carry their own bullets).
                    wrap_into(&mut text, &sanitize(item, true), width, "  • ", "    ");
                }
            }
            Block::Fields(fields) => {
                let label_width = fields.iter().map(|(l, _)| text_width(l)).max().unwrap_or(0) + 1;
                let indent = " ".repeat(label_width + 3);
                for (label, value) in fields {
                    let label = sanitize(label, false);
                    let pad = " ".repeat(label_width.saturating_sub(text_width(&label) + 1));
                    let lead = format!("  {label}:{pad} ");
                    let wrapped = wrap(&sanitize(value, false), width, &lead, &indent);
                    let styled = if options.color {
                        wrapped.replacen(&format!("{label}:"), &style(BOLD, &format!("{label}:")), 1)
                    } else {
                        wrapped
                    };
                    text.push_str(&styled);
                }
            }
            Block::Lines(lines) => {
                for line in lines {
                    text.push_str(&sanitize(line, true));
                    text.push('\n');
                }
            }
            Block::Table(table) => {
                text.push_str(&draw_table(table, options));
                text.push('\n');
            }
            Block::Summary(t) => text.push_str(&style(BOLD, wrap(&sanitize(t, false), width, "", "").trim_end())),
            Block::Status(t) => text.push_str(&style(BOLD, sanitize(t, false).trim_end())),
            Block::Hint(t) => text.push_str(&style(DIM, wrap(&sanitize(t, false), width, "", "").trim_end())),
            Block::Command { lead, commands } => {
                let lines = command_lines(lead, commands, width);
                let styled: Vec<String> = lines.iter().map(|l| style(DIM, l)).collect();
                text.push_str(&styled.join("\n"));
            }
            Block::Section { heading, blocks } => {
                text.push_str(&style(BOLD, wrap(&sanitize(heading, false), width, "", "").trim_end()));
                text.push('\n');
                section_into(&mut text, blocks, options);
            }
            Block::Actions(count) => {
                // A line to write on after each box, as wide as the text around it.
                let line = "_".repeat(width.map_or(ACTION_LINE, |w| w.saturating_sub(6).clamp(10, ACTION_LINE)));
                for _ in 0..*count {
                    text.push_str(&format!("  [ ] {line}\n"));
                }
            }
        }
        if matches!(block, Block::Summary(_) | Block::Status(_) | Block::Hint(_) | Block::Command { .. }) {
            text.push('\n');
        }
        out.extend_from_slice(text.as_bytes());
    }
}

/// A command block's lines: one line when it fits the width (or there is none); else the lead,
/// wrapped as prose, and under it each command whole on a line of its own, however long, so that
/// it can be copied as it is.
pub(crate) fn command_lines(lead: &str, commands: &[String], width: Option<usize>) -> Vec<String> {
    let commands: Vec<String> = commands.iter().map(|c| sanitize(c, false).into_owned()).collect();
    let lead = sanitize(lead, false);
    let line = Block::command_line(&lead, &commands);
    if width.is_none_or(|w| text_width(&line) <= w) {
        return vec![line];
    }
    let mut lines: Vec<String> = if lead.is_empty() {
        Vec::new()
    } else {
        wrap_lines(&lead, width, "", "").into_iter().map(|l| l.trim_end().to_string()).collect()
    };
    let indent = if lead.is_empty() { "" } else { "  " };
    lines.extend(commands.iter().map(|c| format!("{indent}{c}")));
    lines
}

/// The widest line an action is given to be written on.
const ACTION_LINE: usize = 60;

/// A section's blocks, drawn two columns narrower and indented by two, under its heading.
fn section_into(text: &mut String, blocks: &[Block], options: &RenderOptions) {
    let inner = RenderOptions { width: options.width.map(|w| w.saturating_sub(2).max(20)), ..options.clone() };
    let mut drawn = Vec::new();
    render_blocks(blocks, &inner, true, &mut drawn);
    for line in String::from_utf8_lossy(&drawn).lines() {
        if !line.is_empty() {
            text.push_str("  ");
            text.push_str(line);
        }
        text.push('\n');
    }
}

fn draw_table(table: &super::Table, options: &RenderOptions) -> String {
    let all: Vec<usize> = (0..table.header.len()).collect();
    let Some(width) = options.width else {
        return draw_part(table, &all, None, options);
    };
    // Every table keeps its words whole when its widest words fit: its columns are sized here.
    // One that names rows is drawn in parts that each repeat the row labels when the whole is too
    // wide; another, too wide for its words, is left to comfy-table, which breaks what it must.
    let [min, cells, full] = column_widths(table);
    let labels = table.row_labels.min(all.len());
    let fit = |part: &[usize]| {
        // Each column has a border on its left and one space of padding either side; one more
        // border closes the row.
        let room = width.checked_sub(3 * part.len() + 1)?;
        let pick = |w: &[usize]| part.iter().map(|&c| w[c]).collect::<Vec<usize>>();
        // Cells first; what room is left lets headers stand on one line.
        let widths = whole_word_widths(&pick(&min), &pick(&cells), room)?;
        whole_word_widths(&widths, &pick(&full), room)
    };
    if table.row_labels == 0 {
        let room = width.checked_sub(3 * all.len() + 1);
        let widths = room.and_then(|room| shortest_widths(table, &min, &full, room));
        return draw_part(table, &all, widths.as_deref(), options);
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut part: Vec<usize> = all[..labels].to_vec();
    for &c in &all[labels..] {
        part.push(c);
        if part.len() > labels + 1 && fit(&part).is_none() {
            part.pop();
            let next = all[..labels].iter().copied().chain([c]).collect();
            parts.push(std::mem::replace(&mut part, next));
        }
    }
    parts.push(part);
    // As many parts as it takes, but even ones: ten columns in two parts are five and five, not
    // eight and two.
    let rest = all.len() - labels;
    let even: Vec<Vec<usize>> = (0..parts.len())
        .map(|k| {
            let (from, to) = (labels + rest * k / parts.len(), labels + rest * (k + 1) / parts.len());
            all[..labels].iter().chain(&all[from..to]).copied().collect()
        })
        .collect();
    if even.iter().all(|p| fit(p).is_some()) {
        parts = even;
    }
    let sized: Option<Vec<(Vec<usize>, Vec<usize>)>> = parts.into_iter().map(|p| fit(&p).map(|w| (p, w))).collect();
    match sized {
        Some(parts) => parts
            .iter()
            .map(|(part, widths)| draw_part(table, part, Some(widths), options))
            .collect::<Vec<_>>()
            .join("\n\n"),
        // Even one column beside the labels does not fit: comfy-table breaks what it must.
        None => draw_part(table, &all, None, options),
    }
}

/// The widest word (header included) of each column, its widest cell line, and its widest line
/// with the header's. A header wraps at its spaces before a cell does: `Steps short` over cells of
/// one digit takes two lines rather than the room a name needs, unless there is room for both.
fn column_widths(table: &super::Table) -> [Vec<usize>; 3] {
    let columns = table.header.len();
    let (mut min, mut cells) = (vec![1; columns], vec![1; columns]);
    let words = |text: &str, widest: &mut usize| {
        for line in cell_text(text).lines() {
            for word in line.split(' ') {
                *widest = (*widest).max(text_width(word));
            }
        }
    };
    for (c, header) in table.header.iter().enumerate() {
        words(header, &mut min[c]);
    }
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            words(&cell.text, &mut min[c]);
            for line in cell_text(&cell.text).lines() {
                cells[c] = cells[c].max(text_width(line));
            }
        }
    }
    let mut full = cells.clone();
    for (c, header) in table.header.iter().enumerate() {
        cells[c] = cells[c].max(min[c]);
        full[c] = cells[c].max(sanitize(header, true).lines().map(text_width).max().unwrap_or(0));
    }
    [min, cells, full]
}

/// A cell's text as the terminal wraps it: safe, and with a step change (`+1`, `−2?`) bound to
/// the word before it by a no-break space, so that `Data +1` never leaves `+1` on a line alone.
/// The space is a plain one again once the table is drawn.
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    let clean = sanitize(text, true);
    let step = |word: &str| {
        let digits = word.strip_prefix(['+', '\u{2212}']).map(|w| w.strip_suffix('?').unwrap_or(w));
        digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    if !clean.split([' ', '\n']).any(step) {
        return clean;
    }
    let lines: Vec<String> = clean
        .split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for (i, word) in line.split(' ').enumerate() {
                if i > 0 {
                    out.push(if step(word) { NO_BREAK } else { ' ' });
                }
                out.push_str(word);
            }
            out
        })
        .collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// What binds a step change to its word while a table is laid out.
const NO_BREAK: char = '\u{a0}';

/// Content widths within `room` that keep every word whole and make the table as short as they
/// can: from each column's widest word, the room goes step by step to the column that saves the
/// most lines (header included) for each column it takes, so that `●●●○ Practitioner` breaks only
/// when no column has room to spare, rather than because a column of prose is wide. What no line
/// needs is shared out as [`whole_word_widths`] does. `None` when the widest words do not fit.
fn shortest_widths(table: &super::Table, min: &[usize], max: &[usize], room: usize) -> Option<Vec<usize>> {
    let columns = min.len();
    // The widths of each cell's words, line by line; the header is a row like the others.
    let words = |text: &str| -> Vec<Vec<usize>> {
        cell_text(text).lines().map(|l| l.split(' ').map(text_width).collect()).collect()
    };
    let header: Vec<Vec<Vec<usize>>> = table.header.iter().map(|h| words(&sanitize(h, false))).collect();
    let rows: Vec<Vec<Vec<Vec<usize>>>> = std::iter::once(header)
        .chain(
            table
                .rows
                .iter()
                .map(|r| (0..columns).map(|c| r.get(c).map_or(Vec::new(), |cell| words(&cell.text))).collect()),
        )
        .collect();
    let mut spare = room.checked_sub(min.iter().sum())?;
    let mut widths = min.to_vec();
    // Thousands of cells: the share-out alone, which does not wrap every cell at every width.
    if rows.len() * columns > 4000 {
        return whole_word_widths(min, max, room);
    }
    let mut lines: Vec<Vec<usize>> =
        rows.iter().map(|r| (0..columns).map(|c| lines_at(&r[c], widths[c])).collect()).collect();
    // A line of the table saved outweighs any number of lines saved inside cells, which decide
    // between widths that make the table equally tall: no phrase breaks that need not.
    let weight = rows.len() * columns + 1;
    loop {
        let height: usize = lines.iter().map(|r| r.iter().copied().max().unwrap_or(1)).sum();
        // (what is saved, columns taken, column): the most saved per column taken.
        let mut best: Option<(usize, usize, usize)> = None;
        for c in 0..columns {
            let others: Vec<usize> = lines
                .iter()
                .map(|r| r.iter().enumerate().filter(|&(i, _)| i != c).map(|(_, &n)| n).max().unwrap_or(1))
                .collect();
            let cell_lines: usize = lines.iter().map(|r| r[c]).sum();
            for k in 1..=spare.min(max[c].saturating_sub(widths[c])) {
                let at: Vec<usize> = rows.iter().map(|r| lines_at(&r[c], widths[c] + k)).collect();
                let taller: usize = others.iter().zip(&at).map(|(&o, &n)| o.max(n)).sum();
                let saved = height.saturating_sub(taller) * weight + cell_lines.saturating_sub(at.iter().sum());
                if saved > 0 && best.is_none_or(|(s, t, _)| saved * t > s * k) {
                    best = Some((saved, k, c));
                }
            }
        }
        let Some((_, k, c)) = best else { break };
        widths[c] += k;
        spare -= k;
        for (r, row) in rows.iter().enumerate() {
            lines[r][c] = lines_at(&row[c], widths[c]);
        }
    }
    whole_word_widths(&widths, max, room)
}

/// How many lines a cell of these word widths takes at `width`, wrapped word by word.
fn lines_at(words: &[Vec<usize>], width: usize) -> usize {
    let wrapped = |line: &Vec<usize>| {
        let (mut count, mut used) = (1, None::<usize>);
        for &w in line {
            used = match used {
                Some(u) if u + 1 + w <= width => Some(u + 1 + w),
                Some(_) => {
                    count += 1;
                    Some(w)
                }
                None => Some(w),
            };
        }
        count
    };
    words.iter().map(wrapped).sum::<usize>().max(1)
}

/// Content widths within `room` that keep every word whole: each column gets at least its widest
/// word; then, as far as the room goes, the columns that want least more get their widest line
/// (so short cells such as `6 of 10` stay on one line), and what is left is shared among the
/// others in proportion to what each still wants. `None` when the widest words alone do not fit.
fn whole_word_widths(min: &[usize], max: &[usize], room: usize) -> Option<Vec<usize>> {
    let mut spare = room.checked_sub(min.iter().sum())?;
    let mut widths = min.to_vec();
    loop {
        let open: Vec<usize> = (0..widths.len()).filter(|&c| widths[c] < max[c]).collect();
        if open.is_empty() {
            return Some(widths);
        }
        let share = spare / open.len();
        let cheap: Vec<usize> = open.iter().copied().filter(|&c| max[c] - widths[c] <= share).collect();
        if cheap.is_empty() {
            let want: usize = open.iter().map(|&c| max[c] - widths[c]).sum();
            let given: Vec<usize> = open.iter().map(|&c| (max[c] - widths[c]) * spare / want).collect();
            for (&c, g) in open.iter().zip(given) {
                widths[c] += g;
                spare -= g;
            }
            // Rounding down leaves a few columns over: they go, left to right, to columns wanting more.
            for &c in &open {
                if spare > 0 && widths[c] < max[c] {
                    widths[c] += 1;
                    spare -= 1;
                }
            }
            return Some(widths);
        }
        for c in cheap {
            spare -= max[c] - widths[c];
            widths[c] = max[c];
        }
    }
}

/// Draws the columns `part` of `table`; `widths`, when given, are their content widths.
fn draw_part(table: &super::Table, part: &[usize], widths: Option<&[usize]>, options: &RenderOptions) -> String {
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.force_no_tty();
    if options.color {
        t.enforce_styling();
    }
    match options.width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    let header: Vec<comfy_table::Cell> = part
        .iter()
        .map(|&c| {
            let cell = comfy_table::Cell::new(sanitize(&table.header[c], false));
            if options.color { cell.add_attribute(Attribute::Bold) } else { cell }
        })
        .collect();
    t.set_header(header);
    for row in &table.rows {
        let cells: Vec<comfy_table::Cell> = part
            .iter()
            .filter_map(|&c| row.get(c))
            .map(|c| {
                let cell = comfy_table::Cell::new(cell_text(&c.text));
                if !options.color {
                    return cell;
                }
                match c.tone {
                    Tone::Plain => cell,
                    Tone::Grow => cell.fg(Color::Yellow),
                    Tone::Drop => cell.fg(Color::Cyan),
                    Tone::Same => cell.add_attribute(Attribute::Dim),
                    Tone::Strong => cell.add_attribute(Attribute::Bold),
                }
            })
            .collect();
        t.add_row(cells);
    }
    if let Some(widths) = widths {
        for (column, &w) in t.column_iter_mut().zip(widths) {
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
        }
    }
    t.to_string().replace(NO_BREAK, " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(blocks: &[Block], width: Option<usize>) -> String {
        let mut out = Vec::new();
        render(blocks, &RenderOptions { width, ..RenderOptions::default() }, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn summary_lines_wrap_between_words_like_prose_and_stay_whole_in_a_pipe() {
        let long = "Sam: 8 of 10 skills must grow to reach Senior Product Manager, 12 steps in all";
        let text = drawn(&[Block::Summary(long.into())], Some(40));
        assert!(text.lines().all(|l| l.chars().count() <= 40), "summary not wrapped:\n{text}");
        assert_eq!(text.split_whitespace().collect::<Vec<_>>(), long.split_whitespace().collect::<Vec<_>>());
        // A pipe keeps the whole line, and a status line that names a file is one line anyway.
        let status = "/a/rather/long/clone/path/examples/custom-ladder: valid, 0 errors, 0 warnings";
        assert_eq!(drawn(&[Block::Status(status.into())], Some(40)), format!("{status}\n"));
        assert_eq!(drawn(&[Block::Summary(long.into())], None), format!("{long}\n"));
    }

    #[test]
    fn commands_are_never_broken_across_lines() {
        let block = Block::command(
            "Next:",
            ["pm-skills validate /tmp/an-import", "pm-skills --data /tmp/an-import --role product-manager ladder"],
        );
        // Wide enough: one line, as a pipe shows it.
        let one = "Next: pm-skills validate /tmp/an-import  ·  pm-skills --data /tmp/an-import --role product-manager ladder\n";
        assert_eq!(drawn(std::slice::from_ref(&block), Some(200)), one);
        assert_eq!(drawn(std::slice::from_ref(&block), None), one);
        // Too narrow: the lead, then each command whole on a line of its own, even a longer one.
        assert_eq!(
            drawn(&[block], Some(40)),
            "Next:\n  pm-skills validate /tmp/an-import\n  pm-skills --data /tmp/an-import --role product-manager ladder\n"
        );
    }

    #[test]
    fn a_section_is_indented_under_its_heading_and_actions_are_boxes_with_lines() {
        let section = Block::Section {
            heading: "Coding".into(),
            blocks: vec![
                Block::Heading("Evidence so far".into()),
                Block::Para("No evidence recorded yet.".into()),
                Block::Heading("Actions".into()),
                Block::Actions(2),
            ],
        };
        let mut out = Vec::new();
        render(&[section], &RenderOptions { width: Some(30), ..RenderOptions::default() }, &mut out);
        let line = "_".repeat(22);
        let want = format!(
            "Coding\n  Evidence so far\n  No evidence recorded yet.\n\n  Actions\n    [ ] {line}\n    [ ] {line}\n"
        );
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn whole_word_widths_give_every_word_its_room_and_short_columns_their_line() {
        // Everything fits: each column as wide as its widest line.
        assert_eq!(whole_word_widths(&[3, 2], &[10, 7], 20), Some(vec![10, 7]));
        // Too narrow for the widest words.
        assert_eq!(whole_word_widths(&[9, 9], &[20, 20], 17), None);
        // The short column gets its whole line; the long one the rest, never below its widest word.
        assert_eq!(whole_word_widths(&[11, 3], &[40, 7], 30), Some(vec![23, 7]));
        // Two long columns share what is left in proportion to what each wants.
        assert_eq!(whole_word_widths(&[5, 5, 2], &[45, 25, 2], 32), Some(vec![19, 11, 2]));
    }

    fn drawn_table(table: &super::super::Table, width: usize) -> String {
        drawn(&[Block::Table(table.clone())], Some(width))
    }

    /// Any table keeps its words whole when they fit, and gives a column of short phrases its line
    /// before a column of prose wants the room: a check-in's `●●●○ Practitioner` breaks only when
    /// the room is tight.
    #[test]
    fn short_phrases_keep_their_line_before_prose_columns_take_the_room() {
        let mut table = super::super::Table::new(["Skill", "2026-01-15", "2026-04-20", "Status"]);
        for skill in ["Government Digital and Data Perspective", "Experience of Working within Constraints"] {
            table.row(
                [skill, "●●●○ Practitioner", "●●●● Expert", "not reassessed"].map(super::super::Cell::plain).to_vec(),
            );
        }
        let text = drawn_table(&table, 80);
        assert!(text.matches("●●●○ Practitioner").count() == 2, "{text}");
        assert!(text.contains("not reassessed") && text.contains("Perspective"), "{text}");
        assert!(text.lines().all(|l| crate::text::width(l) <= 80), "{text}");
        // Tight: the phrase breaks between its words, never inside one.
        let tight = drawn_table(&table, 60);
        assert!(tight.contains("Practitioner") && tight.contains("Constraints"), "{tight}");
    }

    /// A step change stays on the line of the skill it counts, and an id is never broken.
    #[test]
    fn a_step_change_stays_with_its_word_and_ids_stay_whole() {
        let mut table = super::super::Table::new(["Level", "Steps short", "Top gaps"]);
        table.row(
            ["Lead Product Manager", "6", "Government Digital and Data Perspective +1\nFinancial Ownership −2?"]
                .map(super::super::Cell::plain)
                .to_vec(),
        );
        for width in [40, 50, 60, 80] {
            let text = drawn_table(&table, width);
            assert!(text.contains("Perspective +1") && text.contains("Ownership −2?"), "{width}:\n{text}");
            assert!(!text.contains('\u{a0}'), "{width}: a no-break space is left:\n{text}");
        }
        let mut ids = super::super::Table::new(["Role", "Family", "Levels"]);
        ids.row(
            ["development-operations-devops-engineer", "Software development", "5"]
                .map(super::super::Cell::plain)
                .to_vec(),
        );
        for width in [66, 80] {
            let text = drawn_table(&ids, width);
            assert!(text.contains("development-operations-devops-engineer"), "{width}:\n{text}");
        }
    }

    /// A table that names its rows never breaks a word: it is drawn in even parts, each repeating
    /// the names, when it is too wide; other tables keep comfy-table's layout.
    #[test]
    fn a_table_of_people_keeps_names_whole_and_splits_into_parts_when_too_wide() {
        let mut table =
            super::super::Table::new(std::iter::once("Person".to_string()).chain((1..=10).map(|n| n.to_string())))
                .with_row_labels(1);
        for name in ["Ifeoma Christopherson", "Eli Okonkwo-Bassey", "Ana Silva"] {
            let mut row = vec![super::super::Cell::plain(name)];
            row.extend((0..10).map(|_| super::super::Cell::plain("+2")));
            table.row(row);
        }
        for width in [40, 60, 80, 120] {
            let mut out = Vec::new();
            render(
                &[Block::Table(table.clone())],
                &RenderOptions { width: Some(width), ..RenderOptions::default() },
                &mut out,
            );
            let text = String::from_utf8(out).unwrap();
            assert!(text.lines().all(|l| crate::text::width(l) <= width), "{width}:\n{text}");
            for word in ["Christopherson", "Okonkwo-Bassey", "Silva"] {
                assert!(text.contains(word), "{width}: {word} broken:\n{text}");
            }
            let parts = text.matches("┌").count();
            assert_eq!(
                parts,
                match width {
                    40 => 3,
                    60 => 2,
                    _ => 1,
                },
                "{width}:\n{text}"
            );
            // Every part repeats the names; the numbered columns are shared out evenly.
            assert_eq!(text.matches("Ana Silva").count(), parts, "{width}:\n{text}");
            if parts == 2 {
                let headers: Vec<&str> = text.lines().filter(|l| l.contains("Person")).collect();
                assert!(headers[0].contains(" 5 ") && !headers[0].contains(" 6 "), "{text}");
                assert!(headers[1].contains(" 6 ") && headers[1].contains(" 10 "), "{text}");
            }
        }
    }
}
