//! A line chart of check-ins over time: dates across, spaced by the real time between them, the
//! proficiency scale up, one line per skill and a dashed line where the target asks each to be.
//!
//! Lines use the radar's series styles (a colour, and a dash and marker of their own), so they read
//! in greyscale. Every point sits at its true height, on its step's gridline: where skills share a
//! value at a date, their markers stand side by side along the gridline, in the same order at every
//! date, rather than above or below it. An unassessed check-in leaves a gap in the line:
//! a blank is never drawn as a value. Every line is a `<g class="line …">` with its skill as
//! `<title>`, and the `<desc>` carries the same summary as the table below the chart.

use super::markup::{Markup, Text, html};
use super::svg::{Series, dasharray, frame, marker, n, style, truncate};
use super::time_axis::{INSET, TimeAxis, last_day};
use super::wrap::wrap_lines;

/// Proficiency over time: one line per skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What the chart shows, e.g. "Sam Okafor's skills over time, against Senior Product Manager".
    pub title: String,
    /// The check-ins' dates, oldest first: the x axis's labels.
    pub dates: Vec<String>,
    /// Aligned with `dates`: days since the first, strictly increasing; where each date sits.
    pub days: Vec<i64>,
    /// The proficiency scale's step names, lowest first: one gridline each.
    pub scale: Vec<String>,
    /// One per skill: a rank per date (from 1, the lowest step), `None` where unassessed.
    pub series: Vec<Series>,
    /// Aligned with `series`: the rank each skill should reach, `None` when nothing is asked.
    pub targets: Vec<Option<usize>>,
    /// What sets the targets, e.g. "Senior Product Manager".
    pub target_name: String,
    /// The report's summary, read out with the chart.
    pub summary: String,
}

const WIDTH: f64 = 900.0;
const LEFT: f64 = 130.0;
const RIGHT: f64 = 70.0;
const TOP: f64 = 24.0;
/// The most room between the markers of skills that share a value at one date.
const DODGE: f64 = 11.0;
/// A legend entry's text wraps at this many characters (a column is about 370 pixels of 13px text).
const LEGEND_CHARS: usize = 46;
/// The height of one line of legend text.
const LEGEND_LINE: f64 = 16.0;

/// The chart's geometry, worked out once: the scale's bands up, the dates across.
struct Frame<'a> {
    steps: usize,
    band: f64,
    time: TimeAxis<'a>,
}

impl Frame<'_> {
    fn plot_bottom(&self) -> f64 {
        TOP + self.band * self.steps as f64
    }

    /// The height of rank `rank` (1 = lowest step), at the middle of its band.
    fn y(&self, rank: usize) -> f64 {
        let rank = rank.clamp(1, self.steps);
        TOP + self.band * ((self.steps - rank) as f64 + 0.5)
    }
}

/// Draws the chart; `None` when there is nothing to draw over time (fewer than two dates, no
/// skill, or no scale).
pub fn line_svg(chart: &Line, id: &str) -> Option<Markup> {
    if chart.series.is_empty() || chart.scale.is_empty() {
        return None;
    }
    let last_day = last_day(&chart.dates, &chart.days)?;
    let dates = chart.dates.len();
    let steps = chart.scale.len();
    let band = (320.0 / steps as f64).clamp(30.0, 72.0);
    // The most skills that share one value at one date, and the least room between two dates: the
    // markers of a shared value stand side by side within most of that room, and the plot is
    // inset far enough that the first and last dates' markers stay inside it.
    let most = (0..dates).map(|i| most_sharing(chart, i)).max().unwrap_or(1);
    let plot = WIDTH - RIGHT - LEFT - 2.0 * INSET;
    let closest = chart.days.windows(2).map(|w| (w[1] - w[0]) as f64 / last_day * plot).fold(f64::MAX, f64::min);
    let dodge = if most > 1 { DODGE.min(0.8 * closest / (most - 1) as f64) } else { 0.0 };
    let inset = INSET.max(dodge * (most - 1) as f64 / 2.0 + 8.0);
    let (x0, x1) = (LEFT + inset, WIDTH - RIGHT - inset);
    let time = TimeAxis { dates: &chart.dates, days: &chart.days, last_day, x0, x1, dodge };
    let plot = Frame { steps, band, time };
    // A date label too close to the one before moves to a row below, so every date is named.
    let label_rows = plot.time.label_rows();
    let dates_top = plot.plot_bottom() + 20.0;
    let legend_top = dates_top + 18.0 * (label_rows.iter().flatten().max().copied().unwrap_or(0) + 1) as f64 + 14.0;
    let labels = legend_labels(chart);
    let legend_height: f64 = labels.chunks(2).map(legend_row_height).sum();
    let height = legend_top + legend_height + 8.0;

    let body = html! {
        (grid(chart, &plot, &label_rows))
        (targets(chart, &plot))
        (plot.time.lines(&chart.series, |rank| plot.y(rank), |rank| step_name(chart, rank)))
        (legend(&labels, legend_top))
    };
    Some(frame("line", id, (WIDTH, height), &chart.title, &description(chart), body))
}

/// How many skills share the commonest value at date `date`.
fn most_sharing(chart: &Line, date: usize) -> usize {
    let values: Vec<Option<usize>> = chart.series.iter().map(|s| s.values.get(date).copied().flatten()).collect();
    values.iter().flatten().map(|v| values.iter().filter(|w| **w == Some(*v)).count()).max().unwrap_or(1)
}

/// The scale's gridlines and names, and a tick and label per date.
fn grid(chart: &Line, frame: &Frame, rows: &[Option<usize>]) -> Markup {
    html! {
        g class="grid" stroke="#b0b0b0" stroke-width="1" {
            "\n"
            @for (i, name) in chart.scale.iter().enumerate() {
                @let y = frame.y(i + 1);
                line class="step" x1=(n(LEFT)) y1=(n(y)) x2=(n(WIDTH - RIGHT)) y2=(n(y)) {}
                text class="axis-label" x=(n(LEFT - 10.0)) y=(n(y + 4.5)) text-anchor="end" stroke="none" {
                    (Text(&truncate(name, 16)))
                }
                "\n"
            }
            (frame.time.ticks(TOP, frame.plot_bottom(), rows))
        }
        "\n"
    }
}

/// One dashed line per step the target asks for, titled with the skills that need it.
fn targets(chart: &Line, frame: &Frame) -> Markup {
    let mut ranks: Vec<usize> = chart.targets.iter().flatten().copied().collect();
    ranks.sort_unstable();
    ranks.dedup();
    html! {
        g class="targets" {
            "\n"
            @for rank in ranks {
                @let skills: Vec<&str> = chart
                    .series
                    .iter()
                    .zip(&chart.targets)
                    .filter(|(_, t)| **t == Some(rank))
                    .map(|(s, _)| s.name.as_str())
                    .collect();
                @let y = n(frame.y(rank));
                line class="target" x1=(n(LEFT)) y1=(y) x2=(n(WIDTH - RIGHT)) y2=(y) stroke="#222222" stroke-width="2"
                    stroke-dasharray="9 5" {
                    title {
                        (Text(&chart.target_name)) " needs " (Text(&step_name(chart, rank))) ": "
                        (Text(&skills.join(", ")))
                    }
                }
                text class="target-label" x=(n(WIDTH - RIGHT + 6.0)) y=(n(frame.y(rank) + 4.5)) { "target" }
                "\n"
            }
        }
        "\n"
    }
}

/// Each legend entry's text, what the target asks of it included, wrapped onto as many lines as
/// it takes: a long skill name is never cut.
fn legend_labels(chart: &Line) -> Vec<Vec<String>> {
    chart
        .series
        .iter()
        .enumerate()
        .map(|(k, series)| {
            let asks = match chart.targets.get(k).copied().flatten() {
                Some(rank) => format!(" (needs {})", step_name(chart, rank)),
                None => " (not expected)".to_string(),
            };
            let label = format!("{}{asks}", series.name);
            wrap_lines(&label, Some(LEGEND_CHARS), "", "").into_iter().map(|l| l.trim_end().to_string()).collect()
        })
        .collect()
}

/// The height of a row of the legend: its entry of the most lines.
fn legend_row_height(row: &[Vec<String>]) -> f64 {
    let lines = row.iter().map(Vec::len).max().unwrap_or(1).max(1);
    8.0 + LEGEND_LINE * lines as f64
}

/// The legend: each skill's line and marker, with what the target asks of it, in two columns.
fn legend(labels: &[Vec<String>], top: f64) -> Markup {
    let column = (WIDTH - 60.0) / 2.0;
    let row_tops = labels.chunks(2).scan(top, |row_top, row| {
        let at = *row_top;
        *row_top += legend_row_height(row);
        Some(at)
    });
    html! {
        g class="legend" {
            "\n"
            @for ((r, row), row_top) in labels.chunks(2).enumerate().zip(row_tops) {
                @for (c, lines) in row.iter().enumerate() {
                    @let (colour, dash, kind) = style(2 * r + c);
                    @let x = 30.0 + column * c as f64;
                    @let y = row_top + 8.0;
                    line class="legend-line" x1=(n(x)) y1=(n(y)) x2=(n(x + 44.0)) y2=(n(y)) stroke=(colour)
                        stroke-width="2.5" stroke-dasharray=[dasharray(dash)] {}
                    "\n"
                    (marker(kind, x + 22.0, y, colour))
                    text class="legend-label" x=(n(x + 54.0)) y=(n(y + 4.5)) {
                        @for (i, line) in lines.iter().enumerate() {
                            tspan x=(n(x + 54.0)) dy=[(i > 0).then(|| n(LEGEND_LINE))] { (Text(line)) }
                        }
                    }
                    "\n"
                }
            }
        }
        "\n"
    }
}

/// The scale's name for `rank` (from 1), or the number when the scale has no such step.
fn step_name(chart: &Line, rank: usize) -> String {
    rank.checked_sub(1).and_then(|i| chart.scale.get(i)).cloned().unwrap_or_else(|| rank.to_string())
}

/// What the chart shows, for screen readers: the axes, the lines, the targets and the summary.
fn description(chart: &Line) -> String {
    let mut asks: Vec<(usize, usize)> = Vec::new();
    for rank in chart.targets.iter().flatten() {
        match asks.iter_mut().find(|(r, _)| r == rank) {
            Some((_, count)) => *count += 1,
            None => asks.push((*rank, 1)),
        }
    }
    asks.sort_unstable();
    let asks: Vec<String> = asks
        .iter()
        .map(|(rank, count)| {
            let step = step_name(chart, *rank);
            format!("{step} for {}", crate::text::plural(*count, "skill", "skills"))
        })
        .collect();
    format!(
        "Line chart: one line per skill ({}) over {} check-ins ({}), spaced by the time between them. The scale \
         runs up from the bottom: {}. Dashed lines mark what {} needs: {}. A check-in that left a skill \
         unassessed leaves a gap in its line. {}. The table below holds the same data.",
        chart.series.len(),
        chart.dates.len(),
        chart.dates.join(", "),
        chart.scale.join(", "),
        chart.target_name,
        if asks.is_empty() { "nothing".to_string() } else { asks.join("; ") },
        chart.summary
    )
}

#[cfg(test)]
mod tests {
    use super::super::svg::{Chart, draw};
    use super::*;

    fn chart(dates: usize, skills: usize) -> Line {
        Line {
            title: "Sam's skills over time".into(),
            dates: (0..dates).map(|i| format!("2026-0{}-01", i + 1)).collect(),
            days: (0..dates as i64).map(|i| i * 30 + i * i).collect(),
            scale: vec!["Awareness".into(), "Working".into(), "Practitioner".into(), "Expert".into()],
            series: (0..skills)
                .map(|s| Series {
                    name: format!("Skill {s}"),
                    values: (0..dates).map(|i| Some((i + s) % 4 + 1)).collect(),
                })
                .collect(),
            targets: (0..skills).map(|s| Some(3 + s % 2)).collect(),
            target_name: "Senior".into(),
            summary: "2 gaps closed since 2026-01-01, none remain".into(),
        }
    }

    /// The numbers of a path's `d`, as (x, y) pairs.
    fn path_points(svg: &str, k: usize) -> Vec<(f64, f64)> {
        let group = svg.split(&format!("class=\"line line-{k}\"")).nth(1).unwrap();
        let d = group.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let numbers: Vec<f64> =
            d.split(['M', 'L', ' ']).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        numbers.chunks(2).map(|c| (c[0], c[1])).collect()
    }

    #[test]
    fn one_line_per_skill_and_a_marker_per_value_for_two_to_five_dates() {
        for dates in [2, 3, 5] {
            for skills in [1, 2, 10, 12] {
                let svg = draw(&Chart::Line(chart(dates, skills)), "c").unwrap().into_string();
                assert_eq!(svg.matches("class=\"line ").count(), skills, "{dates} dates, {skills} skills");
                assert_eq!(svg.matches("class=\"point\"").count(), skills * dates);
                assert_eq!(svg.matches("class=\"marker\"").count(), skills * dates + skills, "and one per legend");
                assert_eq!(svg.matches("class=\"legend-label\"").count(), skills);
                assert_eq!(svg.matches("class=\"date\"").count(), dates);
                assert_eq!(svg.matches("class=\"step\"").count(), 4);
                let targets = if skills == 1 { 1 } else { 2 };
                assert_eq!(svg.matches("class=\"target\"").count(), targets);
                assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
                assert!(svg.contains("role=\"img\"") && svg.contains("<desc id=\"c-desc\">Line chart"));
                for k in 1..=skills {
                    assert_eq!(path_points(&svg, k).len(), dates);
                }
            }
        }
    }

    #[test]
    fn dates_are_spaced_by_time_and_higher_steps_are_higher() {
        let mut c = chart(3, 1);
        c.days = vec![0, 10, 100];
        c.series[0].values = vec![Some(1), Some(2), Some(4)];
        let svg = draw(&Chart::Line(c), "c").unwrap().into_string();
        let points = path_points(&svg, 1);
        let (a, b, z) = (points[0], points[1], points[2]);
        // 10 days of 100 is a tenth of the way across.
        assert!(((b.0 - a.0) / (z.0 - a.0) - 0.1).abs() < 0.01, "{points:?}");
        assert!(a.1 > b.1 && b.1 > z.1, "a higher rank is drawn higher: {points:?}");
    }

    /// The gridlines' heights, lowest step first.
    fn gridlines(svg: &str) -> Vec<f64> {
        svg.split("class=\"step\"")
            .skip(1)
            .map(|s| s.split("y1=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    /// Ten skills, most of them on one step at every date: each point stays on its step's
    /// gridline (the markers of a shared value stand side by side along it), each line has a colour
    /// of its own and a (dash, marker) pair of its own, and a long name is wrapped in the legend,
    /// never cut.
    #[test]
    fn lines_that_share_a_value_keep_it_and_each_line_looks_like_no_other() {
        let mut c = chart(3, 10);
        for (k, s) in c.series.iter_mut().enumerate() {
            s.values = vec![Some(2), Some(if k < 7 { 2 } else { 3 }), Some(4)];
        }
        c.series[9].name = "Experience of Working within Constraints and Government Digital Perspective".into();
        let svg = draw(&Chart::Line(c), "c").unwrap().into_string();
        let grid = gridlines(&svg);
        for k in 1..=10 {
            let points = path_points(&svg, k);
            let want = [grid[1], if k <= 7 { grid[1] } else { grid[2] }, grid[3]];
            for (point, y) in points.iter().zip(want) {
                assert!((point.1 - y).abs() < 0.01, "line {k} off its step: {points:?} vs {grid:?}");
            }
        }
        // At the first date all ten share a value: ten markers side by side, none on another.
        let xs: Vec<f64> = (1..=10).map(|k| path_points(&svg, k)[0].0).collect();
        for pair in xs.windows(2) {
            assert!(pair[1] - pair[0] >= 6.0, "{xs:?}");
        }
        let styles: Vec<(&str, &str, String)> = (0..10)
            .map(|k| {
                let (c, d, m) = style(k);
                (c, d, format!("{m:?}"))
            })
            .collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.0, b.0, "two lines share a colour");
                assert!((a.1, &a.2) != (b.1, &b.2), "two lines share a dash and a marker");
            }
        }
        let legend = svg.split("class=\"legend\"").nth(1).unwrap();
        assert!(legend.contains("Government Digital") && legend.contains("Perspective"), "{legend}");
        assert!(!legend.contains('…'), "a legend name is cut: {legend}");
        assert!(legend.matches("<tspan").count() > 10, "the long name is not wrapped: {legend}");
    }

    #[test]
    fn an_unassessed_date_breaks_the_line_and_lines_that_share_values_stay_apart() {
        let mut c = chart(3, 2);
        c.series[0].values = vec![Some(2), None, Some(3)];
        c.series[1].values = vec![Some(2), Some(2), Some(3)];
        let svg = draw(&Chart::Line(c), "c").unwrap().into_string();
        let first = svg.split("class=\"line line-1\"").nth(1).unwrap().split("</g>\n</g>").next().unwrap();
        let d = first.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!((d.matches('M').count(), d.matches('L').count()), (2, 0), "two separate points: {d}");
        assert_eq!(first.matches("class=\"point\"").count(), 2);
        let (one, two) = (path_points(&svg, 1), path_points(&svg, 2));
        assert_eq!(one[0].1, two[0].1, "both at their true height: {one:?} {two:?}");
        assert!((one[0].0 - two[0].0).abs() >= 6.0, "coincident markers side by side: {one:?} {two:?}");
        // A skill never assessed keeps its legend entry and group, with no path.
        let mut c = chart(2, 2);
        c.series[1].values = vec![None, None];
        let svg = draw(&Chart::Line(c), "c").unwrap().into_string();
        assert_eq!(svg.matches("class=\"line ").count(), 2);
        assert_eq!(svg.matches("class=\"line-path\"").count(), 1);
    }

    #[test]
    fn too_little_to_draw_gives_no_chart() {
        assert!(draw(&Chart::Line(chart(1, 3)), "c").is_none());
        assert!(draw(&Chart::Line(chart(2, 0)), "c").is_none());
        let mut c = chart(2, 1);
        c.days = vec![0, 0];
        assert!(draw(&Chart::Line(c), "c").is_none());
    }

    #[test]
    fn every_label_is_escaped() {
        let mut c = chart(2, 2);
        c.title = "a & b".into();
        c.series[0].name = "<script>alert(1)</script>".into();
        c.dates[1] = "\"><img src=x>".into();
        c.target_name = "<b>Senior</b>".into();
        c.scale[3] = "<i>Expert</i>".into();
        c.summary = "<u>done</u>".into();
        let svg = draw(&Chart::Line(c), "c").unwrap().into_string();
        for raw in ["<script", "<img", "<b>", "<i>", "<u>"] {
            assert!(!svg.contains(raw), "{raw} in {svg}");
        }
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && svg.contains("a &amp; b"));
        assert!(svg.contains("&lt;b&gt;Senior&lt;/b&gt; needs &lt;i&gt;Expert&lt;/i&gt;"));
        assert!(svg.contains("&lt;u&gt;done&lt;/u&gt;"));
    }
}
