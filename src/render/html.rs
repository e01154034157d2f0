//! HTML: one self-contained page per report, to open, print or attach.
//!
//! The page is the report's human document (the same blocks the terminal and Markdown views draw)
//! with the report's chart as inline SVG under the title. Styles are inline, there is no script,
//! and a Content-Security-Policy forbids scripts and network loads, so the page works offline and
//! text from data files can never run: the page is written with maud ([`super::markup`]), which
//! escapes every piece of it.

use super::markup::{DOCTYPE, Lines, Markup, Pre, Text, asset, finish, html};
use super::svg::{self, Chart};
use super::{Block, Cell, Table, Tone};

/// Screen and print styles: high contrast, system fonts, and an A4 page when printed. The site
/// (`crate::site`) starts its stylesheet with these, so its pages and the standalone ones look alike.
pub const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; color: #111; background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
p, ul, dl { margin: 0 0 .9rem; }
figure { margin: 0 0 1.5rem; }
figcaption { font-size: .9rem; color: #333; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 0 auto .5rem; }
svg.chart text { font-family: inherit; }
svg .axis { stroke: #555; stroke-width: 1; }
svg .ring { stroke: #999; }
svg .axis-label { font-size: 13px; }
svg.heatmap .axis-label, svg .row-label { font-size: 13px; }
svg .ring-label { font-size: 11px; fill: #333; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .legend-label { font-size: 13px; }
svg .cell { stroke: #444; stroke-width: 1; }
svg .swatch { stroke: #444; stroke-width: 1; }
svg .cell-text { font-size: 12px; font-weight: 600; }
svg .target-label { font-size: 12px; font-style: italic; fill: #222; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #555; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tbody tr:nth-child(even) { background: #f5f5f5; }
th[scope=row] { font-weight: 600; }
td.grow { background: #fde3c0; font-weight: 700; }
td.drop { background: #dcebf8; font-style: italic; }
td.same { color: #444; }
dt { font-weight: 700; float: left; clear: left; margin-right: .5rem; }
dd { margin: 0 0 .25rem; }
pre { white-space: pre-wrap; background: #f3f3f3; padding: .5rem; border: 1px solid #ccc; }
.summary { font-size: 1.05rem; border-left: 4px solid #111; padding-left: .6rem; }
.hint { color: #444; font-style: italic; }
.note { color: #333; border: 1px dashed #777; padding: .4rem .6rem; }
section.part { border-top: 2px solid #111; margin: 1.5rem 0 1rem; padding-top: .3rem; }
h3 { font-size: 1.08rem; margin: .2rem 0 .5rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
ul.actions { list-style: none; padding: 0; }
ul.actions li { position: relative; min-height: 2.1rem; padding-left: 1.7rem; border-bottom: 1px solid #555; }
ul.actions li::before { content: ""; position: absolute; left: .1rem; bottom: .35rem; width: .95rem;
  height: .95rem; border: 1.5px solid #111; background: #fff; }
footer { margin-top: 2rem; font-size: .8rem; color: #444; border-top: 1px solid #999; padding-top: .4rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12pt; break-after: avoid; }
  h3 { font-size: 11pt; break-after: avoid; }
  h4 { font-size: 10pt; break-after: avoid; }
  section.part { break-inside: avoid; }
  ul.actions li { min-height: 9mm; }
  figure { break-inside: avoid; }
  svg.chart { width: 100%; max-height: 200mm; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, li, dd { break-inside: avoid; }
  footer { display: none; }
}
"#;

/// What the head of every page starts with, a report's and the site's alike: the character set,
/// the viewport, the page's Content-Security-Policy, an empty icon (so a browser asks neither the
/// network nor the disk for /favicon.ico) and the generator.
pub fn head_start(policy: &str) -> Markup {
    html! {
        meta charset="utf-8"; "\n"
        meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
        meta http-equiv="Content-Security-Policy" content=(policy); "\n"
        link rel="icon" href="data:,"; "\n"
        meta name="generator" content={ "pm-skills " (env!("CARGO_PKG_VERSION")) }; "\n"
    }
}

/// Writes `blocks` as an HTML page, with `chart` drawn under the title.
pub fn render(blocks: &[Block], chart: Option<&Chart>, out: &mut Vec<u8>) {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("pm-skills");
    let version = env!("CARGO_PKG_VERSION");
    let page = html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                (head_start("default-src 'none'; style-src 'unsafe-inline'; img-src data:"))
                title { (Text(title)) } "\n"
                style { (asset(STYLE)) } "\n"
            }
            "\n"
            body {
                "\n"
                main { "\n" (section(blocks, chart, &Body::default())) } "\n"
                footer { "Made with pm-skills " (version) "." } "\n"
            }
            "\n"
        }
        "\n"
    };
    out.extend_from_slice(finish(page).as_bytes());
}

/// How a page's body is written. A standalone page takes the default; the site's pages give their
/// tables captions and their charts ids of their own.
#[derive(Debug, Clone)]
pub struct Body<'a> {
    /// Give each table a `<caption>`: the heading above it, or the title.
    pub captions: bool,
    /// The id the chart's title and description take theirs from; unique in the page.
    pub chart_id: &'a str,
}

impl Default for Body<'_> {
    fn default() -> Self {
        Body { captions: false, chart_id: "chart-1" }
    }
}

/// `blocks` as HTML, with `chart` right under the first block when that is a title or a heading
/// (so the picture sits above the tables that hold the same data), else first.
pub fn section(blocks: &[Block], chart: Option<&Chart>, body: &Body) -> Markup {
    let (first, rest) = match blocks.split_first() {
        Some((first @ (Block::Title(_) | Block::Heading(_)), rest)) => (Some(first), rest),
        _ => (None, blocks),
    };
    // Each table's caption: the last title or heading before it.
    let mut caption = match first {
        Some(Block::Title(t) | Block::Heading(t)) => Some(t.as_str()),
        _ => None,
    };
    let rest: Vec<(&Block, Option<&str>)> = rest
        .iter()
        .map(|b| {
            if let Block::Title(t) | Block::Heading(t) = b {
                caption = Some(t);
            }
            (b, caption.filter(|_| body.captions))
        })
        .collect();
    html! {
        @if let Some(first) = first { (block(first, 0, None)) }
        @if let Some(chart) = chart { (figure(chart, body.chart_id)) }
        @for (b, caption) in rest { (block(b, 0, caption)) }
    }
}

/// The chart as a figure with its caption, or a note that says why there is none.
fn figure(chart: &Chart, id: &str) -> Markup {
    let (title, kind) = match chart {
        Chart::Radar(r) => (&r.title, "radar"),
        Chart::Heatmap(h) => (&h.title, "heatmap"),
        Chart::Line(l) => (&l.title, "line"),
        Chart::Trend(t) => (&t.title, "trend"),
    };
    let why = match chart {
        Chart::Radar(_) => "a radar chart needs at least three skills",
        Chart::Heatmap(_) => "no person and skill left to show",
        Chart::Line(_) => "a line chart needs two check-ins on different dates and a skill",
        Chart::Trend(_) => "a chart over time needs check-ins on two dates or more",
    };
    html! {
        @match svg::draw(chart, id) {
            Some(svg) => {
                figure class=(kind) { "\n" (svg) figcaption { (Text(title)) } "\n" } "\n"
            }
            None => { p class="note" { "No chart: " (why) "." } "\n" }
        }
    }
}

/// A heading of `rank` (1 for `<h1>`, at most 6).
fn heading(rank: usize, text: &str) -> Markup {
    let text = Text(text);
    html! {
        @match rank {
            0 | 1 => { h1 { (text) } }
            2 => { h2 { (text) } }
            3 => { h3 { (text) } }
            4 => { h4 { (text) } }
            5 => { h5 { (text) } }
            _ => { h6 { (text) } }
        }
    }
}

/// One block `depth` sections down: a section's heading ranks one below the headings around it,
/// and the headings inside it one below that. A table gets `caption` when one is given.
fn block(block: &Block, depth: usize, caption: Option<&str>) -> Markup {
    html! {
        @match block {
            Block::Title(t) => { h1 { (Text(t)) } "\n" }
            Block::Heading(t) => { (heading(2 + 2 * depth, t)) "\n" }
            Block::Para(t) => { p { (Lines(t)) } "\n" }
            Block::List(items) => {
                ul { "\n" @for item in items { li { (Lines(item)) } "\n" } } "\n"
            }
            Block::Fields(fields) => {
                dl {
                    "\n"
                    @for (label, value) in fields { dt { (Text(label)) ":" } dd { (Lines(value)) } "\n" }
                }
                "\n"
            }
            Block::Table(t) => { (table(t, caption)) }
            Block::Lines(lines) => {
                pre { @for (i, line) in lines.iter().enumerate() { @if i > 0 { "\n" } (Pre(line)) } } "\n"
            }
            Block::Summary(t) | Block::Status(t) => { p class="summary" { strong { (Text(t)) } } "\n" }
            Block::Hint(t) => { p class="hint" { (Text(t)) } "\n" }
            Block::Command { lead, commands } => {
                p class="hint" {
                    (Text(lead)) " "
                    @for (i, command) in commands.iter().enumerate() { @if i > 0 { " · " } code { (Text(command)) } }
                }
                "\n"
            }
            Block::Section { heading: title, blocks } => {
                section class="part" {
                    "\n" (heading(3 + 2 * depth, title)) "\n"
                    @for inner in blocks { (self::block(inner, depth + 1, None)) }
                }
                "\n"
            }
            // Empty items: the stylesheet draws a box and a ruled line to write on.
            Block::Actions(count) => {
                ul class="actions" aria-label="Actions, to fill in" { "\n" @for _ in 0..*count { li {} "\n" } } "\n"
            }
        }
    }
}

/// A table with a header row, and `caption` when given.
fn table(table: &Table, caption: Option<&str>) -> Markup {
    html! {
        table {
            "\n"
            @if let Some(caption) = caption { caption { (Text(caption)) } "\n" }
            thead { tr { @for h in &table.header { th scope="col" { (Text(h)) } } } } "\n"
            tbody {
                "\n"
                @for row in &table.rows {
                    tr { @for (i, c) in row.iter().enumerate() { (cell(c, i == 0)) } } "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

/// One cell, a link when it has one; `first` when it is the row's first.
fn cell(cell: &Cell, first: bool) -> Markup {
    let text = html! {
        @if let Some(href) = &cell.link { a href=(Text(href)) { (Lines(&cell.text)) } } @else { (Lines(&cell.text)) }
    };
    let class = match cell.tone {
        Tone::Plain => None,
        Tone::Grow => Some("grow"),
        Tone::Drop => Some("drop"),
        Tone::Same => Some("same"),
        Tone::Strong => Some("strong"),
    };
    html! {
        // A row's first cell names the row (a skill), so screen readers announce it with each value.
        @if first && cell.tone == Tone::Strong { th scope="row" { (text) } } @else { td class=[class] { (text) } }
    }
}

#[cfg(test)]
mod tests {
    use super::super::svg::{Radar, Series};
    use super::*;

    #[test]
    fn page_is_self_contained_and_escaped() {
        let mut table = Table::new(["Skill", "<b>"]);
        table.row(vec![Cell::toned("<script>alert(1)</script>", Tone::Strong), Cell::toned("+1", Tone::Grow)]);
        let blocks = vec![Block::Title("A & <B>".into()), Block::Table(table), Block::Summary("done".into())];
        let chart = Chart::Radar(Radar {
            title: "t".into(),
            axes: vec!["<script>alert(1)</script>".into(), "b".into(), "c".into()],
            scale: vec!["1".into(), "2".into()],
            series: vec![Series { name: "s".into(), values: vec![Some(1), Some(2), None] }],
        });
        let mut out = Vec::new();
        render(&blocks, Some(&chart), &mut out);
        let page = String::from_utf8(out).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("http://") || page.matches("http://").count() == 1, "only the SVG namespace");
        assert!(page.contains("<title>A &amp; &lt;B&gt;</title>"));
        assert!(page.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"));
        assert!(page.contains("<td class=\"grow\">+1</td>"));
        // The chart sits between the title and the table.
        let (h1, svg, table) = (page.find("<h1>").unwrap(), page.find("<svg").unwrap(), page.find("<table>").unwrap());
        assert!(h1 < svg && svg < table);
    }

    #[test]
    fn a_section_is_kept_together_and_actions_are_lines_to_write_on() {
        let section = Block::Section {
            heading: "<i>Coding</i>".into(),
            blocks: vec![Block::Heading("Actions".into()), Block::Actions(3)],
        };
        let mut out = Vec::new();
        render(&[Block::Title("Plan".into()), section], None, &mut out);
        let page = String::from_utf8(out).unwrap();
        let want = "<section class=\"part\">\n<h3>&lt;i&gt;Coding&lt;/i&gt;</h3>\n<h4>Actions</h4>\n\
                    <ul class=\"actions\" aria-label=\"Actions, to fill in\">\n<li></li>\n<li></li>\n<li></li>\n</ul>\n\
                    </section>\n";
        assert!(page.contains(want), "{page}");
        // The print stylesheet keeps a section on one page and rules the lines.
        assert!(STYLE.contains("section.part { break-inside: avoid; }"));
        assert!(STYLE.contains("ul.actions li { position: relative;") && STYLE.contains("border-bottom: 1px solid"));
    }

    #[test]
    fn a_section_links_cells_and_captions_tables_only_when_asked() {
        let mut table = Table::new(["Skill", "Needs"]);
        table.row(vec![Cell::toned("A & B", Tone::Strong).linked("skills/a.html"), Cell::plain("x")]);
        let blocks = vec![Block::Heading("Skills <here>".into()), Block::Table(table)];
        let plain = section(&blocks, None, &Body::default()).into_string();
        assert!(!plain.contains("<caption>"));
        assert!(plain.contains("<th scope=\"row\"><a href=\"skills/a.html\">A &amp; B</a></th>"), "{plain}");
        let captioned = section(&blocks, None, &Body { captions: true, chart_id: "c" }).into_string();
        assert!(captioned.contains("<table>\n<caption>Skills &lt;here&gt;</caption>\n<thead>"), "{captioned}");
    }
}
