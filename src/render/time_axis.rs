//! The time axis that the charts over time share (`line`, one person's skills; `trend`, a team's
//! counts): dates across, spaced by the real time between them, a dotted tick per date with the
//! labels that fit, and one line per series whose markers stand side by side where series share a
//! value at a date. Each chart keeps its own y axis and legend, and picks how a date label that
//! does not fit is shown: on a row below (`label_rows`) or not at all (`labels_that_fit`).

use std::fmt::Write as _;

use super::markup::{Markup, Text, html};
use super::svg::{Series, dasharray, marker, n, style, truncate};

/// Space between the plot's edge and the first and last dates, so markers are not cut.
pub(super) const INSET: f64 = 24.0;
/// The least room a date label needs from the one before it on its row.
pub(super) const LABEL_ROOM: f64 = 86.0;

/// Where each date sits across a chart, worked out once so every part of the chart agrees.
pub(super) struct TimeAxis<'a> {
    /// The dates, oldest first: the labels.
    pub dates: &'a [String],
    /// Aligned with `dates`: days since the first, strictly increasing.
    pub days: &'a [i64],
    /// The last date's day (more than zero), which sits at `x1`.
    pub last_day: f64,
    /// Where the first date sits.
    pub x0: f64,
    /// Where the last date sits.
    pub x1: f64,
    /// How far apart the markers of series that share a value at one date stand.
    pub dodge: f64,
}

/// The last date's day, when `dates` can be drawn over time: two or more, a day for each, and
/// time between the first and the last; `None` otherwise, so a chart draws nothing.
pub(super) fn last_day(dates: &[String], days: &[i64]) -> Option<f64> {
    if dates.len() < 2 || days.len() != dates.len() {
        return None;
    }
    let last_day = *days.last()? as f64;
    (last_day > 0.0).then_some(last_day)
}

impl TimeAxis<'_> {
    /// Where `day` sits: its share of the time from the first date to the last.
    pub fn x(&self, day: i64) -> f64 {
        self.x0 + (self.x1 - self.x0) * (day as f64 / self.last_day)
    }

    /// Where series `k`'s marker stands beside the date's, among the series with its value there:
    /// side by side along the value's height, never off it, in the same order at every date.
    pub fn dodge(&self, series: &[Series], date: usize, k: usize) -> f64 {
        let value = |s: &Series| s.values.get(date).copied().flatten();
        let mine = value(&series[k]);
        let sharing: Vec<usize> = (0..series.len()).filter(|&j| value(&series[j]) == mine).collect();
        let at = sharing.iter().position(|&j| j == k).unwrap_or(0);
        (at as f64 - (sharing.len() as f64 - 1.0) / 2.0) * self.dodge
    }

    /// Every date labelled, each on the first row (of four at most) where it clears the label
    /// before it: no date goes unnamed under the chart.
    pub fn label_rows(&self) -> Vec<Option<usize>> {
        let mut row_ends: Vec<f64> = Vec::new();
        self.days
            .iter()
            .map(|&day| {
                let x = self.x(day);
                let row = row_ends.iter().position(|end| x - end >= LABEL_ROOM).unwrap_or(row_ends.len()).min(3);
                if row == row_ends.len() {
                    row_ends.push(x);
                } else {
                    row_ends[row] = x;
                }
                Some(row)
            })
            .collect()
    }

    /// One row of labels: the first date, the last, and each far enough from the label before it
    /// (a date too close to the last is left for the last). An unlabelled date keeps its tick and
    /// its points, and the table after the chart names it.
    pub fn labels_that_fit(&self) -> Vec<Option<usize>> {
        let xs: Vec<f64> = self.days.iter().map(|&d| self.x(d)).collect();
        let last = xs.len() - 1;
        let mut previous = f64::MIN;
        xs.iter()
            .enumerate()
            .map(|(i, &x)| {
                let clear = x - previous >= LABEL_ROOM && (i == last || xs[last] - x >= LABEL_ROOM);
                (i == 0 || i == last || clear).then(|| {
                    previous = x;
                    0
                })
            })
            .collect()
    }

    /// A dotted tick per date from `top` to `bottom`, and its label on row `rows[i]` below the
    /// plot (none where `rows[i]` is `None`). Meant to close the chart's grid group.
    pub fn ticks(&self, top: f64, bottom: f64, rows: &[Option<usize>]) -> Markup {
        let labels_top = bottom + 20.0;
        html! {
            @for ((date, &day), row) in self.dates.iter().zip(self.days).zip(rows) {
                @let x = n(self.x(day));
                line class="date" x1=(x) y1=(n(top)) x2=(x) y2=(n(bottom)) stroke-dasharray="2 3" {}
                @if let Some(row) = row {
                    text class="axis-label" x=(x) y=(n(labels_top + 18.0 * *row as f64)) text-anchor="middle"
                        stroke="none" { (Text(&truncate(date, 12))) }
                }
                "\n"
            }
        }
    }

    /// The series' group: a line per series, each marker at height `y(value)` and titled with
    /// the series, the date and `name(value)` (a step's name, or a count).
    pub fn lines(&self, series: &[Series], y: impl Fn(usize) -> f64, name: impl Fn(usize) -> String) -> Markup {
        html! {
            g class="series-group" {
                "\n"
                @for k in 0..series.len() { (self.line(series, k, &y, &name)) }
            }
            "\n"
        }
    }

    /// Series `k`'s line, broken where it has no value, with a marker per value.
    fn line(&self, series: &[Series], k: usize, y: &impl Fn(usize) -> f64, name: &impl Fn(usize) -> String) -> Markup {
        let line = &series[k];
        let (colour, dash, kind) = style(k);
        let points: Vec<Option<(f64, f64, usize)>> = self
            .days
            .iter()
            .enumerate()
            .map(|(i, &day)| {
                let value = line.values.get(i).copied().flatten()?;
                Some((self.x(day) + self.dodge(series, i, k), y(value), value))
            })
            .collect();
        let mut path = String::new();
        for (i, point) in points.iter().enumerate() {
            let Some((x, y, _)) = point else { continue };
            let joined = i > 0 && points[i - 1].is_some();
            let _ = write!(path, "{}{} {}", if joined { "L" } else { "M" }, n(*x), n(*y));
        }
        html! {
            g class={ "line line-" (k + 1) } {
                title { (Text(&line.name)) }
                "\n"
                @if !path.is_empty() {
                    path class="line-path" fill="none" stroke=(colour) stroke-width="2.5" stroke-linejoin="round"
                        stroke-dasharray=[dasharray(dash)] d=(path) {}
                    "\n"
                }
                @for (i, point) in points.iter().enumerate() {
                    @if let Some((x, y, value)) = point {
                        g class="point" {
                            title { (Text(&line.name)) ", " (Text(&self.dates[i])) ": " (Text(&name(*value))) }
                            (marker(kind, *x, *y, colour))
                        }
                        "\n"
                    }
                }
            }
            "\n"
        }
    }
}
