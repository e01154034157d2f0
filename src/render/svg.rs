//! Charts as inline SVG: a radar of proficiencies, a heatmap of a team's gaps, and (in
//! [`super::line`]) a line chart of check-ins over time.
//!
//! A report only says what to draw ([`Chart`]: axes, series, values); this module decides how it
//! looks, once for every report. Every element a test or a screen reader cares about is marked:
//! `class="axis"` per axis, `class="series"` per outline, `class="cell"` per heatmap cell, and the
//! `<svg>` has `role="img"` with a `<title>` and a `<desc>`. Series differ by line style and
//! marker shape as well as colour, so the chart reads in greyscale and on paper.

use std::f64::consts::PI;
use std::fmt::Write as _;

use libm::{cos, sin};

use super::text::{sanitize, wrap_lines};

/// A picture of a report's data, drawn by the HTML renderer above the report's tables.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Radar(Radar),
    Heatmap(Heatmap),
    Line(super::line::Line),
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

/// Escapes text for HTML and SVG, after making control characters visible.
pub fn escape(text: &str) -> String {
    let clean = sanitize(text, false);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Draws `chart` as an `<svg>` element; `id` keeps its ids unique in the page. `None` when there
/// is too little to draw (a radar needs three axes, a heatmap one cell, a line chart two dates).
pub fn draw(chart: &Chart, id: &str) -> Option<String> {
    match chart {
        Chart::Radar(radar) => radar_svg(radar, id),
        Chart::Heatmap(heatmap) => heatmap_svg(heatmap, id),
        Chart::Line(line) => super::line::line_svg(line, id),
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

/// Opens the `<svg>` element with its `role`, `<title>` and `<desc>`, as every chart does.
pub(super) fn open_svg(out: &mut String, class: &str, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {class}\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc),
        w = n(width),
        h = n(height),
    );
}

/// Draws a series' marker centred on (`x`, `y`).
pub(super) fn marker(out: &mut String, kind: Marker, x: f64, y: f64, colour: &str) {
    let s = 4.5;
    let (fill, extra) = match kind {
        Marker::Ring | Marker::OpenSquare | Marker::OpenTriangle => ("#ffffff", " stroke-width=\"2\""),
        _ => (colour, ""),
    };
    let attrs = format!("class=\"marker\" fill=\"{fill}\" stroke=\"{colour}\"{extra}");
    let _ = match kind {
        Marker::Circle | Marker::Ring => {
            writeln!(out, "<circle {attrs} cx=\"{}\" cy=\"{}\" r=\"{}\"/>", n(x), n(y), n(s))
        }
        Marker::Square | Marker::OpenSquare => writeln!(
            out,
            "<rect {attrs} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            n(x - s + 0.5),
            n(y - s + 0.5),
            n(2.0 * s - 1.0),
            n(2.0 * s - 1.0)
        ),
        Marker::Triangle | Marker::OpenTriangle => writeln!(
            out,
            "<polygon {attrs} points=\"{},{} {},{} {},{}\"/>",
            n(x),
            n(y - s - 1.0),
            n(x + s),
            n(y + s - 1.0),
            n(x - s),
            n(y + s - 1.0)
        ),
        Marker::Diamond => writeln!(
            out,
            "<polygon {attrs} points=\"{},{} {},{} {},{} {},{}\"/>",
            n(x),
            n(y - s - 1.0),
            n(x + s),
            n(y),
            n(x),
            n(y + s + 1.0),
            n(x - s),
            n(y)
        ),
        Marker::Cross => writeln!(
            out,
            "<path class=\"marker\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" d=\"M{} {}L{} {}M{} {}L{} {}\"/>",
            n(x - s),
            n(y - s),
            n(x + s),
            n(y + s),
            n(x - s),
            n(y + s),
            n(x + s),
            n(y - s)
        ),
    };
}

fn radar_svg(radar: &Radar, id: &str) -> Option<String> {
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
    let angle = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / count as f64;
    // How far the web reaches above and below its centre: with few axes it is no circle (a
    // triangle's base sits at half the radius), so the canvas hugs it.
    let reach = |sign: f64| (0..count).map(|i| sign * sin(angle(i))).fold(0.0, f64::max) * radius;
    let (up, down) = if radial { (radius, radius) } else { (reach(-1.0), reach(1.0)) };
    let (cx, cy) = (width / 2.0, up + margin_y);
    let legend_top = cy + down + margin_y;
    let legend_rows = radar.series.len().div_ceil(2);
    let height = legend_top + 26.0 * legend_rows as f64 + 10.0;
    let point = |i: usize, r: f64| (cx + r * cos(angle(i)), cy + r * sin(angle(i)));

    let desc = radar_description(radar);
    let mut out = String::new();
    open_svg(&mut out, "radar", id, width, height, &radar.title, &desc);
    out.push_str("<g class=\"grid\" fill=\"none\" stroke=\"#8c8c8c\" stroke-width=\"1\">\n");
    for step in 1..=radar.scale.len() {
        let r = radius * step as f64 / top;
        let points: Vec<String> = (0..count)
            .map(|i| {
                let (x, y) = point(i, r);
                format!("{},{}", n(x), n(y))
            })
            .collect();
        let _ = writeln!(out, "<polygon class=\"ring\" points=\"{}\"/>", points.join(" "));
    }
    for (i, axis) in radar.axes.iter().enumerate() {
        let (x, y) = point(i, radius);
        let _ = writeln!(
            out,
            "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"><title>{}</title></line>",
            n(cx),
            n(cy),
            n(x),
            n(y),
            escape(axis)
        );
    }
    out.push_str("</g>\n<g class=\"series-group\">\n");
    for (k, series) in radar.series.iter().enumerate() {
        let (colour, dash, kind) = style(k);
        let points: Vec<(f64, f64)> = (0..count)
            .map(|i| {
                let value = series.values.get(i).copied().flatten().unwrap_or(0) as f64;
                point(i, radius * value.min(top) / top)
            })
            .collect();
        let dash = if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
        let _ = writeln!(
            out,
            "<polygon class=\"series series-{}\" fill=\"{colour}\" fill-opacity=\"0.06\" stroke=\"{colour}\" \
             stroke-width=\"2.5\" stroke-linejoin=\"round\"{dash} points=\"{}\"><title>{}</title></polygon>",
            k + 1,
            points.iter().map(|(x, y)| format!("{},{}", n(*x), n(*y))).collect::<Vec<_>>().join(" "),
            escape(&series.name)
        );
        for (i, (x, y)) in points.iter().enumerate() {
            let Some(value) = series.values.get(i).copied().flatten() else { continue };
            // Series that meet at the same point get their markers side by side across the axis,
            // so each stays visible where the outlines overlap.
            let same = |s: &Series| s.values.get(i).copied().flatten() == Some(value);
            let before = radar.series[..k].iter().filter(|s| same(s)).count() as f64;
            let together = radar.series.iter().filter(|s| same(s)).count() as f64;
            let shift = (before - (together - 1.0) / 2.0) * 10.0;
            let a = angle(i);
            marker(&mut out, kind, x - shift * sin(a), y + shift * cos(a), colour);
        }
    }
    out.push_str("</g>\n<g class=\"labels\">\n");
    // The scale's names up the first axis, just to its right.
    for (step, name) in radar.scale.iter().enumerate().filter(|(_, name)| !name.is_empty()) {
        let r = radius * (step + 1) as f64 / top;
        let _ = writeln!(
            out,
            "<text class=\"ring-label\" x=\"{}\" y=\"{}\">{}</text>",
            n(cx + 5.0),
            n(cy - r + 12.0),
            escape(&truncate(name, 24))
        );
    }
    for (i, axis) in radar.axes.iter().enumerate() {
        let a = angle(i);
        let (sin, cos) = libm::sincos(a);
        let title = format!("<title>{}</title>", escape(axis));
        if radial {
            let (x, y) = point(i, radius + 10.0);
            let (rotate, anchor) =
                if cos < -1e-9 { (a.to_degrees() + 180.0, "end") } else { (a.to_degrees(), "start") };
            let _ = writeln!(
                out,
                "<text class=\"axis-label\" x=\"{x}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"{anchor}\" \
                 transform=\"rotate({} {x} {y})\">{title}{}</text>",
                n(rotate),
                escape(&truncate(axis, 30)),
                x = n(x),
                y = n(y),
            );
        } else {
            let (x, y) = point(i, radius + 14.0);
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
            let _ = write!(out, "<text class=\"axis-label\" text-anchor=\"{anchor}\">{title}");
            for (l, line) in lines.iter().enumerate() {
                let _ = write!(
                    out,
                    "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                    n(x),
                    n(first_y + line_height * l as f64),
                    escape(line)
                );
            }
            out.push_str("</text>\n");
        }
    }
    radar_legend(&mut out, radar, width, legend_top);
    out.push_str("</g>\n</svg>\n");
    Some(out)
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
fn radar_legend(out: &mut String, radar: &Radar, width: f64, legend_top: f64) {
    out.push_str("</g>\n<g class=\"legend\">\n");
    for (k, series) in radar.series.iter().enumerate() {
        let (colour, dash, kind) = style(k);
        let column_width = width / 2.0 - 30.0;
        let x = 30.0 + column_width * (k % 2) as f64;
        let y = legend_top + 26.0 * (k / 2) as f64 + 10.0;
        let dash = if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
        let _ = writeln!(
            out,
            "<line class=\"legend-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>",
            n(x),
            n(y),
            n(x + 44.0),
            n(y)
        );
        marker(out, kind, x + 22.0, y, colour);
        let unassessed = series.values.iter().filter(|v| v.is_none()).count();
        let mut label = truncate(&series.name, 40);
        if unassessed > 0 {
            label.push_str(&format!(" ({unassessed} unassessed, at the centre)"));
        }
        let _ = writeln!(
            out,
            "<text class=\"legend-label\" x=\"{}\" y=\"{}\">{}</text>",
            n(x + 54.0),
            n(y + 4.5),
            escape(&label)
        );
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

fn heatmap_svg(map: &Heatmap, id: &str) -> Option<String> {
    if map.rows.is_empty() || map.columns.is_empty() {
        return None;
    }
    let cols = map.columns.len();
    let cell_w = (620.0 / cols as f64).clamp(26.0, 56.0);
    let cell_h = 30.0;
    let row_label_chars = map.rows.iter().map(|r| r.chars().count()).max().unwrap_or(0).min(28);
    let left = (row_label_chars as f64 * 7.5 + 20.0).max(80.0);
    let column_chars = map.columns.iter().map(|c| c.chars().count()).max().unwrap_or(0).min(40);
    // Column labels slant up at 45°, so they need height for their length.
    let top = column_chars as f64 * 6.6 * 0.72 + 24.0;
    let grid_w = cell_w * cols as f64;
    let grid_h = cell_h * map.rows.len() as f64;
    let legend_y = top + grid_h + 26.0;
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
    let width = (left + grid_w + top * 0.8 + 10.0).max(560.0).max(legend_w);
    let height = legend_y + 40.0;
    let desc = format!(
        "Heatmap: one row per person ({}), one column per skill ({}). Each cell shows the steps still to grow: \
         ✓ met, +1, +2, +3 or more (darker is further), ? not assessed (hatched), — not asked for by the \
         person's target (grey). The table below holds the same data.",
        map.rows.len(),
        cols
    );
    let mut out = String::new();
    open_svg(&mut out, "heatmap", id, width, height, &map.title, &desc);
    let _ = writeln!(
        out,
        "<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a8a8a\" stroke-width=\"2\"/></pattern></defs>"
    );
    out.push_str("<g class=\"column-labels\">\n");
    for (c, name) in map.columns.iter().enumerate() {
        let x = left + cell_w * (c as f64 + 0.5);
        let y = top - 8.0;
        let _ = writeln!(
            out,
            "<text class=\"axis-label\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-45 {x} {y})\"><title>{}</title>{}</text>",
            escape(name),
            escape(&truncate(name, 40)),
            x = n(x),
            y = n(y)
        );
    }
    out.push_str("</g>\n<g class=\"cells\">\n");
    for (r, person) in map.rows.iter().enumerate() {
        let y = top + cell_h * r as f64;
        let _ = writeln!(
            out,
            "<text class=\"row-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            n(left - 8.0),
            n(y + cell_h / 2.0 + 4.5),
            escape(person),
            escape(&truncate(person, 28))
        );
        for c in 0..cols {
            // A missing cell is drawn as not assessed rather than as met.
            let value = map.cells.get(r).and_then(|row| row.get(c)).copied().unwrap_or(HeatCell::Unassessed);
            let (fill, ink, text) = cell_style(value, id);
            let x = left + cell_w * c as f64;
            let what = match value {
                HeatCell::Unassessed => "not assessed".to_string(),
                HeatCell::NotExpected => "not asked for by their target".to_string(),
                HeatCell::Steps(g) if g <= 0 => "met".to_string(),
                HeatCell::Steps(g) => format!("{g} step{} to grow", if g == 1 { "" } else { "s" }),
            };
            let _ = writeln!(
                out,
                "<g class=\"cell-group\"><rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\">\
                 <title>{}, {}: {what}</title></rect><text class=\"cell-text\" x=\"{}\" y=\"{}\" fill=\"{ink}\" \
                 text-anchor=\"middle\">{text}</text></g>",
                n(x),
                n(y),
                n(cell_w),
                n(cell_h),
                escape(person),
                escape(&map.columns[c]),
                n(x + cell_w / 2.0),
                n(y + cell_h / 2.0 + 4.5)
            );
        }
    }
    out.push_str("</g>\n<g class=\"legend\">\n");
    let mut x = 10.0;
    for (value, label) in swatches {
        let (fill, ink, text) = cell_style(value, id);
        let _ = writeln!(
            out,
            "<rect class=\"swatch\" x=\"{}\" y=\"{}\" width=\"30\" height=\"22\" fill=\"{fill}\"/>\
             <text class=\"cell-text\" x=\"{}\" y=\"{}\" fill=\"{ink}\" text-anchor=\"middle\">{text}</text>\
             <text class=\"legend-label\" x=\"{}\" y=\"{}\">{label}</text>",
            n(x),
            n(legend_y),
            n(x + 15.0),
            n(legend_y + 15.5),
            n(x + 36.0),
            n(legend_y + 15.5)
        );
        x += 36.0 + label.len() as f64 * 7.0 + 22.0;
    }
    out.push_str("</g>\n</svg>\n");
    Some(out)
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
                let svg = draw(&Chart::Radar(radar(axes, series)), "c").unwrap();
                assert_eq!(svg.matches("class=\"axis\"").count(), axes);
                assert_eq!(svg.matches("class=\"series ").count(), series);
                assert_eq!(svg.matches("class=\"ring\"").count(), 4);
                assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            }
        }
        assert_eq!(draw(&Chart::Radar(radar(2, 1)), "c"), None);
    }

    #[test]
    fn text_is_escaped_everywhere() {
        let mut r = radar(3, 1);
        r.axes[0] = "<script>alert(1)</script>".into();
        r.series[0].name = "\"><img src=x onerror=alert(1)>".into();
        r.title = "a & b".into();
        let svg = draw(&Chart::Radar(r), "c").unwrap();
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
        let svg = draw(&Chart::Heatmap(map.clone()), "h").unwrap();
        assert_eq!(svg.matches("class=\"cell\"").count(), 6);
        assert!(svg.contains("+5") && svg.contains("&lt;b&gt;Bob"));
        assert!(!svg.contains("<b>"));
        // The legend names what the cells show, and "not asked for" only when a cell is.
        assert!(!svg.contains(">not asked for</text>"));
        let mut mixed = map;
        mixed.cells[1][2] = HeatCell::NotExpected;
        let svg = draw(&Chart::Heatmap(mixed), "h").unwrap();
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
