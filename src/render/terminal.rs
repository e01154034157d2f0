//! The terminal view: wrapped prose and tables, with colour only when it was asked for.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Color, ContentArrangement};

use super::text::{sanitize, wrap, wrap_into};
use super::{Block, RenderOptions, Tone};

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
                let label_width = fields.iter().map(|(l, _)| super::text::width(l)).max().unwrap_or(0) + 1;
                let indent = " ".repeat(label_width + 3);
                for (label, value) in fields {
                    let label = sanitize(label, false);
                    let pad = " ".repeat(label_width.saturating_sub(super::text::width(&label) + 1));
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
            // A status line is one line whatever the width: scripts and people grep it whole.
            Block::Summary(t) => text.push_str(&style(BOLD, sanitize(t, false).trim_end())),
            Block::Hint(t) => text.push_str(&style(DIM, wrap(&sanitize(t, false), width, "", "").trim_end())),
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
        if matches!(block, Block::Summary(_) | Block::Hint(_)) {
            text.push('\n');
        }
        out.extend_from_slice(text.as_bytes());
    }
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
    let header: Vec<comfy_table::Cell> = table
        .header
        .iter()
        .map(|h| {
            let cell = comfy_table::Cell::new(sanitize(h, false));
            if options.color { cell.add_attribute(Attribute::Bold) } else { cell }
        })
        .collect();
    t.set_header(header);
    for row in &table.rows {
        let cells: Vec<comfy_table::Cell> = row
            .iter()
            .map(|c| {
                let cell = comfy_table::Cell::new(sanitize(&c.text, true));
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
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_are_never_wrapped_but_prose_is() {
        let long = "/a/rather/long/clone/path/tests/fixtures/custom-ladder: valid, 0 errors, 0 warnings";
        let blocks = vec![Block::Para(long.replace('/', " ")), Block::Summary(long.into())];
        let mut out = Vec::new();
        render(&blocks, &RenderOptions { width: Some(40), ..RenderOptions::default() }, &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().any(|l| l == long), "summary split:\n{text}");
        assert!(text.lines().filter(|l| !l.is_empty()).count() > 2, "prose not wrapped:\n{text}");
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
}
