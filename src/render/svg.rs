//! Charts as inline SVG: a radar of proficiencies, a heatmap of a team's gaps, (in
//! [`super::line`]) a line chart of check-ins over time, and (in [`super::trend`]) counts over time.
//!
//! A report only says what to draw ([`Chart`]: axes, series, values); this module decides how it
//! looks, once for every report. Every element a test or a screen reader cares about is marked:
//! `class="axis"` per axis, `class="series"` per outline, `class="cell"` per heatmap cell, and the
//! `<svg>` has `role="img"` with a `<title>` and a `<desc>`. Series differ by line style and
//! marker shape as well as colour, so the chart reads in greyscale and on paper.

use std::f64::consts::PI;
use std::fmt::Write as _;

use libm::{cos, sin};

use super::markup::{Markup, Text, html};
use super::wrap::wrap_lines;
use crate::text::sanitize;

/// A picture of a report's data, drawn by the HTML renderer above the report's tables.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Radar(Radar),
    Heatmap(Heatmap),
    Line(super::line::Line),
    Trend(super::trend::Trend),
}

/// One axis per skill, one outline per series (a level, a person, a target).
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// What the chart shows, e.g. "Product Manager and Senior Product Manager, skill by skill".
    pub title: String,
    /// The skills, clockwise from the top.
    pub axes: Vec<String>,
    /// The proficiency scale's step names, lowest first: one ring each. Its length is the top value.
    pub scale: Vec<String>,
    pub series: Vec<Series>,
}

/// One outline on a radar: a value per axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// Aligned with [`Radar::axes`]: a rank from 1 (lowest step) to the scale's size; `None` for a
    /// skill not assessed, drawn at the centre.
    pub values: Vec<Option<usize>>,
}

/// A grid of gaps: people down, skills across.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    pub title: String,
    /// The people, top to bottom.
    pub rows: Vec<String>,
    /// The skills, left to right.
    pub columns: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<HeatCell>>,
}

/// One cell of a heatmap: where a person stands on a skill against their target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeatCell {
    /// Steps still to grow; 0 is met.
    Steps(i64),
    /// The person has not assessed the skill.
    Unassessed,
    /// The person's target does not ask for the skill.
    NotExpected,
}

/// The series' colours: dark enough on white, and far enough apart to tell twelve lines apart.
const COLOURS: [&str; 12] = [
    "#1f4e9c", "#b3261e", "#17693a", "#6a3d9a", "#8a4b00", "#000000", "#00697a", "#5c5c5c", "#c2185b", "#d84315",
    "#5f7a00", "#0277bd",
];

/// Dash patterns and markers: each series has a pair of its own, so no two look alike without
/// colour.
const DASHES: [&str; 8] = ["", "10 5", "2 4", "12 4 3 4", "6 3 2 3 2 3", "16 6", "3 3", "1 3 8 3"];
const MARKERS: [Marker; 8] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::Cross,
    Marker::Ring,
    Marker::OpenSquare,
    Marker::OpenTriangle,
];

/// The style of series `k`: a colour of its own for the first twelve, and for every series up to
/// the 64th a (dash, marker) pair of its own: past the eighth, the dashes repeat with another
/// marker, so a ninth series never looks like the first, in colour or in grey.
pub(super) fn style(k: usize) -> (&'static str, &'static str, Marker) {
    (COLOURS[k % COLOURS.len()], DASHES[k % DASHES.len()], MARKERS[(k + k / MARKERS.len()) % MARKERS.len()])
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
    Ring,
    OpenSquare,
    OpenTriangle,
}

/// Draws `chart` as an `<svg>` element; `id` keeps its ids unique in the page. `None` when there
/// is too little to draw (a radar needs three axes, a heatmap one cell, a line chart two dates).
pub fn draw(chart: &Chart, id: &str) -> Option<Markup> {
    match chart {
        Chart::Radar(radar) => radar_svg(radar, id),
        Chart::Heatmap(heatmap) => heatmap_svg(heatmap, id),
        Chart::Line(line) => super::line::line_svg(line, id),
        Chart::Trend(trend) => super::trend::trend_svg(trend, id),
    }
}

/// Rounds a coordinate to one decimal, so the SVG stays short and stable.
pub(super) fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { "0".to_string() } else { format!("{r}") }
}

/// Cuts `text` to `max` characters with an ellipsis.
pub(super) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Wraps `text` into at most `lines` lines of about `width` columns, with the terminal's wrapper;
/// what does not fit ends the last line with an ellipsis, and a long word is cut.
fn wrap_words(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> =
        wrap_lines(&sanitize(text, false), Some(width), "", "").into_iter().map(String::from).collect();
    if out.len() > lines {
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(truncate(&rest, width));
    }
    out.iter().map(|l| truncate(l, width + 4)).collect()
}

/// A line's dash pattern as an attribute: none for a solid line.
pub(super) fn dasharray(dash: &'static str) -> Option<&'static str> {
    (!dash.is_empty()).then_some(dash)
}

/// The `<svg>` element around `body`, with its `role`, `<title>` and `<desc>`, as every chart has it.
pub(super) fn frame(class: &str, id: &str, size: (f64, f64), title: &str, desc: &str, body: Markup) -> Markup {
    let (w, h) = (n(size.0), n(size.1));
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class={ "chart " (class) } viewBox={ "0 0 " (w) " " (h) }
            width=(w) height=(h) role="img" aria-labelledby={ (id) "-title " (id) "-desc" } {
            "\n"
            title id={ (id) "-title" } { (Text(title)) } "\n"
            desc id={ (id) "-desc" } { (Text(desc)) } "\n"
            (body)
        }
        "\n"
    }
}

/// A series' marker centred on (`x`, `y`).
pub(super) fn marker(kind: Marker, x: f64, y: f64, colour: &str) -> Markup {
    let s = 4.5;
    let open = matches!(kind, Marker::Ring | Marker::OpenSquare | Marker::OpenTriangle);
    let fill = if open { "#ffffff" } else { colour };
    let stroke_width = open.then_some("2");
    let points = |corners: &[(f64, f64)]| {
        corners.iter().map(|(px, py)| format!("{},{}", n(*px), n(*py))).collect::<Vec<_>>().join(" ")
    };
    html! {
        @match kind {
            Marker::Circle | Marker::Ring => {
                circle class="marker" fill=(fill) stroke=(colour) stroke-width=[stroke_width]
                    cx=(n(x)) cy=(n(y)) r=(n(s)) {}
            }
            Marker::Square | Marker::OpenSquare => {
                rect class="marker" fill=(fill) stroke=(colour) stroke-width=[stroke_width] x=(n(x - s + 0.5))
                    y=(n(y - s + 0.5)) width=(n(2.0 * s - 1.0)) height=(n(2.0 * s - 1.0)) {}
            }
            Marker::Triangle | Marker::OpenTriangle => {
                polygon class="marker" fill=(fill) stroke=(colour) stroke-width=[stroke_width]
                    points=(points(&[(x, y - s - 1.0), (x + s, y + s - 1.0), (x - s, y + s - 1.0)])) {}
            }
            Marker::Diamond => {
                polygon class="marker" fill=(fill) stroke=(colour)
                    points=(points(&[(x, y - s - 1.0), (x + s, y), (x, y + s + 1.0), (x - s, y)])) {}
            }
            Marker::Cross => {
                path class="marker" fill="none" stroke=(colour) stroke-width="2.5"
                    d=(format!("M{} {}L{} {}M{} {}L{} {}", n(x - s), n(y - s), n(x + s), n(y + s), n(x - s),
                        n(y + s), n(x + s), n(y - s))) {}
            }
        }
        "\n"
    }
}

/// Where a radar's axes run: from the centre, clockwise from the top.
struct Web {
    count: usize,
    radius: f64,
    cx: f64,
    cy: f64,
}

impl Web {
    fn angle(&self, i: usize) -> f64 {
        -PI / 2.0 + 2.0 * PI * i as f64 / self.count as f64
    }

    /// The point `r` out along axis `i`.
    fn point(&self, i: usize, r: f64) -> (f64, f64) {
        (self.cx + r * cos(self.angle(i)), self.cy + r * sin(self.angle(i)))
    }
}

fn radar_svg(radar: &Radar, id: &str) -> Option<Markup> {
    let count = radar.axes.len();
    if count < 3 || radar.scale.is_empty() {
        return None;
    }
    let top = radar.scale.len() as f64;
    // Up to 12 axes the labels stand level and wrap; beyond, they run along their axis, so 30
    // skills never collide.
    let radial = count > 12;
    let radius = 190.0;
    let (margin_x, margin_y) = if radial { (215.0, 215.0) } else { (175.0, 80.0) };
    let width = 2.0 * (radius + margin_x);
    let mut web = Web { count, radius, cx: width / 2.0, cy: 0.0 };
    // How far the web reaches above and below its centre: with few axes it is no circle (a
    // triangle's base sits at half the radius), so the canvas hugs it.
    let reach = |sign: f64| (0..count).map(|i| sign * sin(web.angle(i))).fold(0.0, f64::max) * radius;
    let (up, down) = if radial { (radius, radius) } else { (reach(-1.0), reach(1.0)) };
    web.cy = up + margin_y;
    let legend_top = web.cy + down + margin_y;
    let legend_rows = radar.series.len().div_ceil(2);
    let height = legend_top + 26.0 * legend_rows as f64 + 10.0;
    let rings: Vec<String> = (1..=radar.scale.len())
        .map(|step| {
            let r = radius * step as f64 / top;
            (0..count).map(|i| web.point(i, r)).map(|(x, y)| format!("{},{}", n(x), n(y))).collect::<Vec<_>>().join(" ")
        })
        .collect();
    let (cx, cy) = (web.cx, web.cy);
    let body = html! {
        g class="grid" fill="none" stroke="#8c8c8c" stroke-width="1" {
            "\n"
            @for points in &rings { polygon class="ring" points=(points) {} "\n" }
            @for (i, axis) in radar.axes.iter().enumerate() {
                @let (x, y) = web.point(i, radius);
                line class="axis" x1=(n(cx)) y1=(n(cy)) x2=(n(x)) y2=(n(y)) { title { (Text(axis)) } } "\n"
            }
        }
        "\n"
        g class="series-group" {
            "\n"
            @for k in 0..radar.series.len() { (radar_series(radar, &web, k)) }
        }
        "\n"
        g class="labels" {
            "\n"
            // The scale's names up the first axis, just to its right.
            @for (step, name) in radar.scale.iter().enumerate().filter(|(_, name)| !name.is_empty()) {
                @let r = radius * (step + 1) as f64 / top;
                text class="ring-label" x=(n(cx + 5.0)) y=(n(cy - r + 12.0)) { (Text(&truncate(name, 24))) } "\n"
            }
            @for (i, axis) in radar.axes.iter().enumerate() { (axis_label(&web, i, axis, radial)) "\n" }
        }
        "\n"
        g class="legend" { "\n" (radar_legend(radar, width, legend_top)) }
        "\n"
    };
    Some(frame("radar", id, (width, height), &radar.title, &radar_description(radar), body))
}

/// Series `k` of the radar: its outline, and a marker on each axis it has a value for.
fn radar_series(radar: &Radar, web: &Web, k: usize) -> Markup {
    let series = &radar.series[k];
    let (colour, dash, kind) = style(k);
    let top = radar.scale.len() as f64;
    let points: Vec<(f64, f64)> = (0..web.count)
        .map(|i| {
            let value = series.values.get(i).copied().flatten().unwrap_or(0) as f64;
            web.point(i, web.radius * value.min(top) / top)
        })
        .collect();
    let outline = points.iter().map(|(x, y)| format!("{},{}", n(*x), n(*y))).collect::<Vec<_>>().join(" ");
    html! {
        polygon class={ "series series-" (k + 1) } fill=(colour) fill-opacity="0.06" stroke=(colour)
            stroke-width="2.5" stroke-linejoin="round" stroke-dasharray=[dasharray(dash)] points=(outline) {
            title { (Text(&series.name)) }
        }
        "\n"
        @for (i, (x, y)) in points.iter().enumerate() {
            @if let Some(value) = series.values.get(i).copied().flatten() {
                // Series that meet at the same point get their markers side by side across the
                // axis, so each stays visible where the outlines overlap.
                @let same = |s: &Series| s.values.get(i).copied().flatten() == Some(value);
                @let before = radar.series[..k].iter().filter(|s| same(s)).count() as f64;
                @let together = radar.series.iter().filter(|s| same(s)).count() as f64;
                @let shift = (before - (together - 1.0) / 2.0) * 10.0;
                @let a = web.angle(i);
                (marker(kind, x - shift * sin(a), y + shift * cos(a), colour))
            }
        }
    }
}

/// The label of axis `i`: along the axis when `radial`, else level and wrapped onto up to three
/// lines, anchored away from the web.
fn axis_label(web: &Web, i: usize, axis: &str, radial: bool) -> Markup {
    let a = web.angle(i);
    let (sin, cos) = libm::sincos(a);
    if radial {
        let (x, y) = web.point(i, web.radius + 10.0);
        let (rotate, anchor) = if cos < -1e-9 { (a.to_degrees() + 180.0, "end") } else { (a.to_degrees(), "start") };
        let (x, y) = (n(x), n(y));
        return html! {
            text class="axis-label" x=(x) y=(y) dy="0.35em" text-anchor=(anchor)
                transform={ "rotate(" (n(rotate)) " " (x) " " (y) ")" } {
                title { (Text(axis)) } (Text(&truncate(axis, 30)))
            }
        };
    }
    let (x, y) = web.point(i, web.radius + 14.0);
    let anchor = if cos.abs() < 0.2 {
        "middle"
    } else if cos > 0.0 {
        "start"
    } else {
        "end"
    };
    let lines = wrap_words(axis, 20, 3);
    let line_height = 15.0;
    let first_y = if sin < -0.2 {
        y - line_height * (lines.len() as f64 - 1.0)
    } else if sin > 0.2 {
        y + 10.0
    } else {
        y + 4.0 - line_height * (lines.len() as f64 - 1.0) / 2.0
    };
    html! {
        text class="axis-label" text-anchor=(anchor) {
            title { (Text(axis)) }
            @for (l, line) in lines.iter().enumerate() {
                tspan x=(n(x)) y=(n(first_y + line_height * l as f64)) { (Text(line)) }
            }
        }
    }
}

/// The chart's description for screen readers: what the axes, outlines and rings stand for.
fn radar_description(radar: &Radar) -> String {
    let count = radar.axes.len();
    let names: Vec<String> = radar.series.iter().map(|s| s.name.clone()).collect();
    format!(
        "Radar chart: one axis per skill ({count}), one outline per series ({}): {}. Rings mark the scale from \
         the centre out: {}. The table below holds the same data.",
        radar.series.len(),
        names.join("; "),
        radar
            .scale
            .iter()
            .enumerate()
            .map(|(i, s)| if s.is_empty() { (i + 1).to_string() } else { s.clone() })
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The radar's legend: one line, marker and name per series, in two columns below the chart.
fn radar_legend(radar: &Radar, width: f64, legend_top: f64) -> Markup {
    let column_width = width / 2.0 - 30.0;
    html! {
        @for (k, series) in radar.series.iter().enumerate() {
            @let (colour, dash, kind) = style(k);
            @let x = 30.0 + column_width * (k % 2) as f64;
            @let y = legend_top + 26.0 * (k / 2) as f64 + 10.0;
            @let unassessed = series.values.iter().filter(|v| v.is_none()).count();
            @let mut label = truncate(&series.name, 40);
            @if unassessed > 0 {
                @let _ = write!(label, " ({unassessed} unassessed, at the centre)");
            }
            line class="legend-line" x1=(n(x)) y1=(n(y)) x2=(n(x + 44.0)) y2=(n(y)) stroke=(colour) stroke-width="2.5"
                stroke-dasharray=[dasharray(dash)] {}
            "\n"
            (marker(kind, x + 22.0, y, colour))
            text class="legend-label" x=(n(x + 54.0)) y=(n(y + 4.5)) { (Text(&label)) } "\n"
        }
    }
}

/// The fill and text colour of a heatmap cell: white when met, darker as the gap grows, hatched
/// when not assessed, grey when not asked for. Each step is also written in the cell, so colour
/// is never the only cue.
fn cell_style(value: HeatCell, id: &str) -> (String, &'static str, String) {
    match value {
        HeatCell::Unassessed => (format!("url(#{id}-hatch)"), "#000000", "?".to_string()),
        HeatCell::NotExpected => ("#e6e6e6".to_string(), "#4d4d4d", "—".to_string()),
        HeatCell::Steps(g) if g <= 0 => ("#ffffff".to_string(), "#000000", "✓".to_string()),
        HeatCell::Steps(1) => ("#fdd8a8".to_string(), "#000000", "+1".to_string()),
        HeatCell::Steps(2) => ("#ee8636".to_string(), "#000000", "+2".to_string()),
        HeatCell::Steps(g) => ("#7a2a04".to_string(), "#ffffff", format!("+{g}")),
    }
}

/// A heatmap's geometry, worked out once.
struct Grid {
    cell_w: f64,
    cell_h: f64,
    /// Where the grid starts: right of the row labels, below the slanted column labels.
    left: f64,
    top: f64,
}

fn heatmap_svg(map: &Heatmap, id: &str) -> Option<Markup> {
    if map.rows.is_empty() || map.columns.is_empty() {
        return None;
    }
    let cols = map.columns.len();
    let row_label_chars = map.rows.iter().map(|r| r.chars().count()).max().unwrap_or(0).min(28);
    let column_chars = map.columns.iter().map(|c| c.chars().count()).max().unwrap_or(0).min(40);
    let grid = Grid {
        cell_w: (620.0 / cols as f64).clamp(26.0, 56.0),
        cell_h: 30.0,
        left: (row_label_chars as f64 * 7.5 + 20.0).max(80.0),
        // Column labels slant up at 45°, so they need height for their length.
        top: column_chars as f64 * 6.6 * 0.72 + 24.0,
    };
    let grid_w = grid.cell_w * cols as f64;
    let grid_h = grid.cell_h * map.rows.len() as f64;
    let legend_y = grid.top + grid_h + 26.0;
    let mut swatches = vec![
        (HeatCell::Steps(0), "met"),
        (HeatCell::Steps(1), "1 step"),
        (HeatCell::Steps(2), "2 steps"),
        (HeatCell::Steps(3), "3 or more"),
        (HeatCell::Unassessed, "not assessed"),
    ];
    // Only a team with different targets has cells its people are not asked for.
    if map.cells.iter().flatten().any(|c| *c == HeatCell::NotExpected) {
        swatches.push((HeatCell::NotExpected, "not asked for"));
    }
    let legend_w: f64 = swatches.iter().map(|(_, label)| 36.0 + label.len() as f64 * 7.0 + 22.0).sum::<f64>() + 10.0;
    let width = (grid.left + grid_w + grid.top * 0.8 + 10.0).max(560.0).max(legend_w);
    let height = legend_y + 40.0;
    let desc = format!(
        "Heatmap: one row per person ({}), one column per skill ({}). Each cell shows the steps still to grow: \
         ✓ met, +1, +2, +3 or more (darker is further), ? not assessed (hatched), — not asked for by the \
         person's target (grey). The table below holds the same data.",
        map.rows.len(),
        cols
    );
    let body = html! {
        defs {
            pattern id={ (id) "-hatch" } width="6" height="6" patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)" {
                rect width="6" height="6" fill="#ffffff" {}
                line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2" {}
            }
        }
        "\n"
        g class="column-labels" {
            "\n"
            @for (c, name) in map.columns.iter().enumerate() {
                @let (x, y) = (n(grid.left + grid.cell_w * (c as f64 + 0.5)), n(grid.top - 8.0));
                text class="axis-label" x=(x) y=(y) transform={ "rotate(-45 " (x) " " (y) ")" } {
                    title { (Text(name)) } (Text(&truncate(name, 40)))
                }
                "\n"
            }
        }
        "\n"
        g class="cells" { "\n" @for r in 0..map.rows.len() { (heatmap_row(map, &grid, r, id)) } }
        "\n"
        g class="legend" {
            "\n"
            @for (x, (value, label)) in swatches.iter().scan(10.0, |x, s| {
                let at = *x;
                *x += 36.0 + s.1.len() as f64 * 7.0 + 22.0;
                Some((at, s))
            }) {
                @let (fill, ink, text) = cell_style(*value, id);
                rect class="swatch" x=(n(x)) y=(n(legend_y)) width="30" height="22" fill=(fill) {}
                text class="cell-text" x=(n(x + 15.0)) y=(n(legend_y + 15.5)) fill=(ink) text-anchor="middle" { (text) }
                text class="legend-label" x=(n(x + 36.0)) y=(n(legend_y + 15.5)) { (label) }
                "\n"
            }
        }
        "\n"
    };
    Some(frame("heatmap", id, (width, height), &map.title, &desc, body))
}

/// Row `r` of the heatmap: the person's name, then a cell per skill.
fn heatmap_row(map: &Heatmap, grid: &Grid, r: usize, id: &str) -> Markup {
    let person = &map.rows[r];
    let y = grid.top + grid.cell_h * r as f64;
    html! {
        text class="row-label" x=(n(grid.left - 8.0)) y=(n(y + grid.cell_h / 2.0 + 4.5)) text-anchor="end" {
            title { (Text(person)) } (Text(&truncate(person, 28)))
        }
        "\n"
        @for (c, column) in map.columns.iter().enumerate() {
            // A missing cell is drawn as not assessed rather than as met.
            @let value = map.cells.get(r).and_then(|row| row.get(c)).copied().unwrap_or(HeatCell::Unassessed);
            @let (fill, ink, text) = cell_style(value, id);
            @let x = grid.left + grid.cell_w * c as f64;
            @let what = match value {
                HeatCell::Unassessed => "not assessed".to_string(),
                HeatCell::NotExpected => "not asked for by their target".to_string(),
                HeatCell::Steps(g) if g <= 0 => "met".to_string(),
                HeatCell::Steps(g) => format!("{g} step{} to grow", if g == 1 { "" } else { "s" }),
            };
            g class="cell-group" {
                rect class="cell" x=(n(x)) y=(n(y)) width=(n(grid.cell_w)) height=(n(grid.cell_h)) fill=(fill) {
                    title { (Text(person)) ", " (Text(column)) ": " (what) }
                }
                text class="cell-text" x=(n(x + grid.cell_w / 2.0)) y=(n(y + grid.cell_h / 2.0 + 4.5)) fill=(ink)
                    text-anchor="middle" { (text) }
            }
            "\n"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radar(axes: usize, series: usize) -> Radar {
        Radar {
            title: "t".into(),
            axes: (0..axes).map(|i| format!("Skill number {i} with a long name")).collect(),
            scale: vec!["Awareness".into(), "Working".into(), "Practitioner".into(), "Expert".into()],
            series: (0..series)
                .map(|s| Series {
                    name: format!("Level {s}"),
                    values: (0..axes).map(|i| Some((i + s) % 4 + 1)).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn radar_has_one_axis_per_skill_and_one_outline_per_series_from_3_to_30_skills() {
        for axes in 3..=30 {
            for series in [1, 2, 5, 9] {
                let svg = draw(&Chart::Radar(radar(axes, series)), "c").unwrap().into_string();
                assert_eq!(svg.matches("class=\"axis\"").count(), axes);
                assert_eq!(svg.matches("class=\"series ").count(), series);
                assert_eq!(svg.matches("class=\"ring\"").count(), 4);
                assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            }
        }
        assert!(draw(&Chart::Radar(radar(2, 1)), "c").is_none());
    }

    #[test]
    fn text_is_escaped_everywhere() {
        let mut r = radar(3, 1);
        r.axes[0] = "<script>alert(1)</script>".into();
        r.series[0].name = "\"><img src=x onerror=alert(1)>".into();
        r.title = "a & b".into();
        let svg = draw(&Chart::Radar(r), "c").unwrap().into_string();
        assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("a &amp; b"));
    }

    #[test]
    fn heatmap_has_a_cell_per_person_and_skill() {
        let map = Heatmap {
            title: "gaps".into(),
            rows: vec!["Ann".into(), "<b>Bob</b>".into()],
            columns: vec!["A".into(), "B".into(), "C".into()],
            cells: vec![
                vec![HeatCell::Steps(0), HeatCell::Steps(1), HeatCell::Unassessed],
                vec![HeatCell::Steps(2), HeatCell::Steps(5), HeatCell::Steps(0)],
            ],
        };
        let svg = draw(&Chart::Heatmap(map.clone()), "h").unwrap().into_string();
        assert_eq!(svg.matches("class=\"cell\"").count(), 6);
        assert!(svg.contains("+5") && svg.contains("&lt;b&gt;Bob"));
        assert!(!svg.contains("<b>"));
        // The legend names what the cells show, and "not asked for" only when a cell is.
        assert!(!svg.contains(">not asked for</text>"));
        let mut mixed = map;
        mixed.cells[1][2] = HeatCell::NotExpected;
        let svg = draw(&Chart::Heatmap(mixed), "h").unwrap().into_string();
        assert!(svg.contains("&lt;b&gt;Bob&lt;/b&gt;, C: not asked for by their target"), "{svg}");
        assert!(svg.contains(">not asked for</text>"), "{svg}");
    }

    #[test]
    fn long_names_wrap_at_words() {
        assert_eq!(
            wrap_words("Government Digital and Data Perspective", 20, 3),
            ["Government Digital", "and Data Perspective"]
        );
    }
}
