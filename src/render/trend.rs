//! A chart of counts over time (a team's open gaps at each date): dates across, spaced by the real
//! time between them, a count up from zero, one line per series.
//!
//! Lines use the radar's series styles (a colour, and a dash and marker of their own), so they read
//! in greyscale and on paper. Where two series have one value at a date, their markers stand side
//! by side at that height rather than one over the other. Every point carries a `<title>` with its
//! date and count, and the `<desc>` says what the table after the chart holds.

use super::markup::{Markup, Text, html};
use super::svg::{Series, dasharray, frame, marker, n, style, truncate};
use super::time_axis::{INSET, TimeAxis, last_day};

/// Counts over time: one line per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// What the chart shows, e.g. "The team's open gaps over time".
    pub title: String,
    /// The dates, oldest first: the x axis's labels.
    pub dates: Vec<String>,
    /// Aligned with `dates`: days since the first, strictly increasing; where each date sits.
    pub days: Vec<i64>,
    /// One per line: a count per date, `None` where there is none.
    pub series: Vec<Series>,
    /// What is counted, for the axis: "skills".
    pub unit: String,
    /// The report's summary, read out with the chart.
    pub summary: String,
}

const WIDTH: f64 = 900.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 40.0;
const TOP: f64 = 24.0;
const PLOT_HEIGHT: f64 = 280.0;
/// How far apart the markers of series that share a value at one date stand.
const DODGE: f64 = 9.0;

/// The plot's geometry, worked out once: the count up, the dates across.
struct Frame<'a> {
    top: f64,
    time: TimeAxis<'a>,
}

impl Frame<'_> {
    fn y(&self, value: usize) -> f64 {
        TOP + PLOT_HEIGHT * (1.0 - value as f64 / self.top)
    }

    fn bottom(&self) -> f64 {
        TOP + PLOT_HEIGHT
    }
}

/// The gridlines' step for counts up to `most`: 1, 2 or 5 times a power of ten, for about five
/// gridlines, and the top of the axis, a whole number of steps (at least one).
fn axis(most: usize) -> (usize, usize) {
    let mut step = 1;
    while most.div_ceil(step) > 5 {
        step = match step.to_string().as_bytes()[0] {
            b'1' => step * 2,
            b'2' => step / 2 * 5,
            _ => step * 2,
        };
    }
    (step, most.div_ceil(step).max(1) * step)
}

/// Draws the chart; `None` when there is nothing to draw over time (fewer than two dates, or no
/// series).
pub fn trend_svg(chart: &Trend, id: &str) -> Option<Markup> {
    if chart.series.is_empty() {
        return None;
    }
    let last_day = last_day(&chart.dates, &chart.days)?;
    let most = chart.series.iter().flat_map(|s| s.values.iter().flatten()).copied().max().unwrap_or(0);
    let (step, top) = axis(most);
    let (x0, x1) = (LEFT + INSET, WIDTH - RIGHT - INSET);
    let time = TimeAxis { dates: &chart.dates, days: &chart.days, last_day, x0, x1, dodge: DODGE };
    let plot = Frame { top: top as f64, time };
    let legend_top = plot.bottom() + 44.0;
    let height = legend_top + 22.0 * chart.series.len() as f64 + 8.0;
    let body = html! {
        (grid(chart, &plot, step, top))
        (plot.time.lines(&chart.series, |value| plot.y(value), |value| value.to_string()))
        (legend(chart, legend_top))
    };
    Some(frame("trend", id, (WIDTH, height), &chart.title, &description(chart, top), body))
}

/// The count's gridlines and numbers, the unit, and a tick per date with the labels that fit.
fn grid(chart: &Trend, frame: &Frame, step: usize, top: usize) -> Markup {
    // A date label too close to the one before is left out: the table after the chart names it.
    let labelled = frame.time.labels_that_fit();
    let middle = TOP + PLOT_HEIGHT / 2.0;
    html! {
        g class="grid" stroke="#b0b0b0" stroke-width="1" {
            "\n"
            @for value in (0..=top).step_by(step) {
                @let y = frame.y(value);
                line class="step" x1=(n(LEFT)) y1=(n(y)) x2=(n(WIDTH - RIGHT)) y2=(n(y)) {}
                text class="axis-label" x=(n(LEFT - 10.0)) y=(n(y + 4.5)) text-anchor="end" stroke="none" {
                    (value)
                }
                "\n"
            }
            text class="axis-unit" x=(n(18.0)) y=(n(middle)) text-anchor="middle" stroke="none"
                transform={ "rotate(-90 18 " (n(middle)) ")" } { (Text(&truncate(&chart.unit, 30))) }
            "\n"
            (frame.time.ticks(TOP, frame.bottom(), &labelled))
        }
        "\n"
    }
}

/// The legend: each series' line and marker, with its name, one a row.
fn legend(chart: &Trend, top: f64) -> Markup {
    html! {
        g class="legend" {
            "\n"
            @for (k, series) in chart.series.iter().enumerate() {
                @let (colour, dash, kind) = style(k);
                @let (x, y) = (LEFT, top + 22.0 * k as f64 + 8.0);
                line class="legend-line" x1=(n(x)) y1=(n(y)) x2=(n(x + 44.0)) y2=(n(y)) stroke=(colour)
                    stroke-width="2.5" stroke-dasharray=[dasharray(dash)] {}
                "\n"
                (marker(kind, x + 22.0, y, colour))
                text class="legend-label" x=(n(x + 54.0)) y=(n(y + 4.5)) { (Text(&truncate(&series.name, 90))) }
                "\n"
            }
        }
        "\n"
    }
}

/// What the chart shows, for screen readers: the axes, the lines and the summary.
fn description(chart: &Trend, top: usize) -> String {
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    format!(
        "Line chart: {} over {} dates ({} to {}), spaced by the time between them; the count of {} runs up from \
         0 to {top}. {}. The table after the chart holds the same numbers.",
        names.join(" and "),
        chart.dates.len(),
        chart.dates.first().map_or("", String::as_str),
        chart.dates.last().map_or("", String::as_str),
        chart.unit,
        chart.summary.trim_end_matches('.')
    )
}

#[cfg(test)]
mod tests {
    use super::super::svg::{Chart, draw};
    use super::*;

    fn chart(days: &[i64], values: &[&[usize]]) -> Trend {
        Trend {
            title: "Open gaps over time".into(),
            dates: days.iter().map(|d| format!("day {d}")).collect(),
            days: days.to_vec(),
            series: values
                .iter()
                .enumerate()
                .map(|(k, v)| Series { name: format!("Series {k}"), values: v.iter().map(|&v| Some(v)).collect() })
                .collect(),
            unit: "skills".into(),
            summary: "3 gaps closed.".into(),
        }
    }

    fn ys(svg: &str, k: usize) -> Vec<f64> {
        let group = svg.split(&format!("class=\"line line-{k}\"")).nth(1).unwrap();
        let d = group.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let numbers: Vec<f64> =
            d.split(['M', 'L', ' ']).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        numbers.chunks(2).map(|c| c[1]).collect()
    }

    #[test]
    fn the_axis_has_about_five_round_steps_and_covers_the_most() {
        assert_eq!(axis(0), (1, 1));
        assert_eq!(axis(3), (1, 3));
        assert_eq!(axis(5), (1, 5));
        assert_eq!(axis(6), (2, 6));
        assert_eq!(axis(11), (5, 15));
        assert_eq!(axis(24), (5, 25));
        assert_eq!(axis(26), (10, 30));
        assert_eq!(axis(9_999), (2_000, 10_000));
        for most in 0..3_000 {
            let (step, top) = axis(most);
            assert!(top >= most && top / step <= 5 && top % step == 0, "{most}: {step} {top}");
        }
    }

    #[test]
    fn a_line_and_a_marker_per_series_each_point_at_its_height_and_the_labels_that_fit() {
        let c = chart(&[0, 30, 31, 90], &[&[8, 6, 6, 2], &[2, 2, 1, 0]]);
        let svg = draw(&Chart::Trend(c), "t").unwrap().into_string();
        assert_eq!(svg.matches("class=\"line ").count(), 2);
        assert_eq!(svg.matches("class=\"point\"").count(), 8);
        assert_eq!(svg.matches("class=\"date\"").count(), 4);
        // Day 31 is too close to day 30 for a label of its own; its tick and points stay.
        assert_eq!(svg.matches("class=\"axis-label\" x=").count() - svg.matches("class=\"step\"").count(), 3);
        assert!(svg.contains(">day 30<") && !svg.contains(">day 31<"), "{svg}");
        let (a, b) = (ys(&svg, 1), ys(&svg, 2));
        assert!(a[0] < a[1] && a[1] == a[2] && a[2] < a[3], "more is higher: {a:?}");
        assert!(b[3] > a[0] && (b[3] - (TOP + PLOT_HEIGHT)).abs() < 0.01, "0 sits on the axis: {b:?}");
        // The two series differ by dash and marker, not only colour.
        let (one, two) = (style(0), style(1));
        assert!(one.1 != two.1 && format!("{:?}", one.2) != format!("{:?}", two.2));
        assert!(svg.contains("role=\"img\"") && svg.contains("<desc id=\"t-desc\">Line chart: Series 0 and Series 1"));
        assert!(svg.contains("the count of skills runs up from 0 to 8. 3 gaps closed. The table after"), "{svg}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn series_that_share_a_value_stand_side_by_side() {
        let c = chart(&[0, 50], &[&[3, 1], &[3, 0]]);
        let svg = draw(&Chart::Trend(c), "t").unwrap().into_string();
        let x = |k: usize| -> f64 {
            let group = svg.split(&format!("class=\"line line-{k}\"")).nth(1).unwrap();
            let d = group.split(" d=\"M").nth(1).unwrap();
            d.split(' ').next().unwrap().parse().unwrap()
        };
        assert!((x(2) - x(1) - DODGE).abs() < 0.01, "{svg}");
    }

    #[test]
    fn too_little_to_draw_gives_no_chart_and_every_label_is_escaped() {
        assert!(draw(&Chart::Trend(chart(&[0], &[&[1]])), "t").is_none());
        assert!(draw(&Chart::Trend(chart(&[0, 0], &[&[1, 2]])), "t").is_none());
        assert!(draw(&Chart::Trend(chart(&[0, 5], &[])), "t").is_none());
        let mut c = chart(&[0, 5], &[&[1, 2]]);
        c.series[0].name = "<script>x</script>".into();
        c.dates[1] = "\"><img>".into();
        c.unit = "<b>".into();
        let svg = draw(&Chart::Trend(c), "t").unwrap().into_string();
        assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"), "{svg}");
    }
}
