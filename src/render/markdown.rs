//! Markdown: headings, lists and pipe tables that render on a code-hosting site.

use std::io::Write;

use super::Block;
use crate::text::sanitize;

/// Writes `blocks` as GitHub-flavoured Markdown.
pub fn render(blocks: &[Block], out: &mut Vec<u8>) {
    render_at(blocks, 0, out);
}

/// The blocks `depth` sections down: a section's heading ranks one below the headings around it,
/// and the headings inside it one below that.
fn render_at(blocks: &[Block], depth: usize, out: &mut Vec<u8>) {
    let mut first = true;
    for block in blocks {
        if !first {
            out.push(b'\n');
        }
        first = false;
        // Writing to a Vec cannot fail.
        let _ = write_block(block, depth, out);
    }
}

/// `#` marks for a heading of `rank` (1 for the title), no deeper than Markdown's six.
fn hashes(rank: usize) -> String {
    "#".repeat(rank.min(6))
}

fn write_block(block: &Block, depth: usize, out: &mut Vec<u8>) -> std::io::Result<()> {
    match block {
        Block::Title(t) => writeln!(out, "# {}", inline(t)),
        Block::Heading(t) => writeln!(out, "{} {}", hashes(2 + 2 * depth), inline(t)),
        Block::Para(t) => writeln!(out, "{}", inline(t)),
        Block::List(items) => {
            for item in items {
                // A line break inside an item continues the item, indented under its bullet.
                let lines: Vec<String> = item.split('\n').map(inline).collect();
                writeln!(out, "- {}", lines.join("\n  "))?;
            }
            Ok(())
        }
        Block::Fields(fields) => {
            for (label, value) in fields {
                writeln!(out, "- **{}:** {}", inline(label), inline(value))?;
            }
            Ok(())
        }
        Block::Table(table) => {
            writeln!(out, "| {} |", table.header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(table.header.len()))?;
            for row in &table.rows {
                writeln!(out, "| {} |", row.iter().map(|c| cell(&c.text)).collect::<Vec<_>>().join(" | "))?;
            }
            Ok(())
        }
        Block::Lines(lines) => {
            let body = lines.iter().map(|l| sanitize(l, true)).collect::<Vec<_>>().join("\n");
            // A fence longer than any run of backticks inside, so the text cannot close it.
            let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            writeln!(out, "{fence}text\n{body}\n{fence}")
        }
        Block::Summary(t) | Block::Status(t) => writeln!(out, "**{}**", inline(t)),
        Block::Hint(t) => writeln!(out, "_{}_", inline(t)),
        Block::Command { lead, commands } => {
            let code: Vec<String> = commands.iter().map(|c| code_span(c)).collect();
            let code = code.join(" · ");
            if lead.is_empty() { writeln!(out, "{code}") } else { writeln!(out, "_{}_ {code}", inline(lead)) }
        }
        Block::Section { heading, blocks } => {
            writeln!(out, "{} {}\n", hashes(3 + 2 * depth), inline(heading))?;
            render_at(blocks, depth + 1, out);
            Ok(())
        }
        // GitHub draws a box only for an item with text after it: a line of underscores to
        // write on, which a pasted document shows as one too.
        Block::Actions(count) => {
            for _ in 0..*count {
                writeln!(out, "- [ ] {}", "_".repeat(30))?;
            }
            Ok(())
        }
    }
}

/// Escapes what would change Markdown's structure in running text and makes controls visible.
fn inline(text: &str) -> String {
    let clean = sanitize(text, false);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Inline code whose fence is longer than any run of backticks inside, so the text cannot close it.
fn code_span(text: &str) -> String {
    let clean = sanitize(text, false);
    let longest = clean.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

/// A table cell: inline escapes, `|` escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.split('\n').map(inline).collect::<Vec<_>>().join("<br>")
}

#[cfg(test)]
mod tests {
    use super::super::{Cell, Table};
    use super::*;

    #[test]
    fn pipes_and_controls_are_escaped_in_cells() {
        let mut table = Table::new(["Skill", "Level"]);
        table.row(vec![Cell::plain("a|b"), Cell::plain("x\x1b[2Jy\nz")]);
        let mut out = Vec::new();
        render(&[Block::Table(table)], &mut out);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "| Skill | Level |\n|---|---|\n| a\\|b | x\\\\x1b\\[2Jy<br>z |\n");
    }

    #[test]
    fn commands_are_code() {
        let mut out = Vec::new();
        render(&[Block::command("Next:", ["pm-skills validate a`b", "pm-skills ladder"])], &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "_Next:_ ``pm-skills validate a`b`` · `pm-skills ladder`\n");
    }

    #[test]
    fn a_section_ranks_below_its_heading_and_actions_are_checkboxes_with_a_line() {
        let section = Block::Section {
            heading: "Coding: a → b".into(),
            blocks: vec![Block::Heading("Actions".into()), Block::Actions(2)],
        };
        let mut out = Vec::new();
        render(&[Block::Heading("To grow".into()), section], &mut out);
        let line = "_".repeat(30);
        let want = format!("## To grow\n\n### Coding: a → b\n\n#### Actions\n\n- [ ] {line}\n- [ ] {line}\n");
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
