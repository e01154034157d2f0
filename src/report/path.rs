//! `pm-skills diff FROM TO --path`: every step of the ladder between two levels, then the net.

use serde::Serialize;

use super::Ref;
use super::Report;
use super::diff::{DiffReport, diff_blocks, diff_chart, diff_header, diff_records};
use crate::model::{Framework, LevelAt, LevelRef};
use crate::render::{Block, Chart, Records, Series, Value, Workbook};

/// Each adjacent step from one level to another, with its own changes, and the net change.
#[derive(Debug, Serialize)]
pub struct PathReport {
    pub framework: Ref,
    pub role: Ref,
    pub from: LevelRef,
    pub to: LevelRef,
    /// One comparison per adjacent pair of levels, in walking order.
    pub steps: Vec<DiffReport>,
    /// The comparison of the two ends.
    pub net: DiffReport,
}

impl PathReport {
    /// Walks from level `from` to level `to` of role `role`, up or down the ladder.
    pub fn build(framework: &Framework, role: usize, from: usize, to: usize, only_gaps: bool) -> Self {
        let at = |level| LevelAt { role, level };
        let walk: Vec<usize> = if from <= to { (from..=to).collect() } else { (to..=from).rev().collect() };
        let steps = walk.windows(2).map(|w| DiffReport::build(framework, at(w[0]), at(w[1]), only_gaps)).collect();
        let net = DiffReport::build(framework, at(from), at(to), only_gaps);
        PathReport {
            framework: net.framework.clone(),
            role: net.role.clone(),
            from: net.from.clone(),
            to: net.to.clone(),
            steps,
            net,
        }
    }

    /// Whether the net change asks anything to grow.
    pub fn has_gaps(&self) -> bool {
        self.net.has_gaps()
    }
}

impl Report for PathReport {
    /// One outline per level walked through, on the net comparison's axes.
    fn chart(&self) -> Option<Chart> {
        let net = &self.net;
        let Chart::Radar(mut radar) = diff_chart(&net.rows, &net.from.name, &net.to.name, &net.scale) else {
            return None;
        };
        radar.title = format!("Path from {} to {}, skill by skill", self.from.name, self.to.name);
        radar.series.truncate(1);
        // A skill a step leaves out (unchanged, under --only-gaps) keeps the value it had.
        let mut values: Vec<Option<usize>> = net.rows.iter().map(|r| r.from.as_ref().map(|p| p.rank.get())).collect();
        for step in &self.steps {
            for (k, row) in net.rows.iter().enumerate() {
                if let Some(r) = step.rows.iter().find(|r| r.skill.id == row.skill.id) {
                    values[k] = r.to.as_ref().map(|p| p.rank.get());
                }
            }
            radar.series.push(Series { name: step.to.name.clone(), values: values.clone() });
        }
        Some(Chart::Radar(radar))
    }

    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(format!(
            "Path from {} to {} ({} step{})",
            self.from.name,
            self.to.name,
            self.steps.len(),
            if self.steps.len() == 1 { "" } else { "s" }
        ))];
        for (i, step) in self.steps.iter().enumerate() {
            blocks.push(Block::Heading(format!("Step {}: {} → {}", i + 1, step.from.name, step.to.name)));
            if let Some(Block::Table(table)) =
                diff_blocks(&step.rows, &step.from.name, &step.to.name, step.scale_size).into_iter().next()
            {
                blocks.push(Block::Table(table));
            }
            blocks.push(Block::Summary(step.summary.text.clone()));
        }
        let net = &self.net;
        blocks.push(Block::Heading(format!("Net change: {} → {}", net.from.name, net.to.name)));
        blocks.extend(diff_blocks(&net.rows, &net.from.name, &net.to.name, net.scale_size));
        blocks.push(Block::Summary(net.summary.text.clone()));
        blocks
    }

    fn records(&self) -> Records {
        let mut rows = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            // Text, as `net` is: one type to the column.
            let lead = [Value::from((i + 1).to_string()), Value::from(&step.from.id), Value::from(&step.to.id)];
            rows.extend(diff_records(&step.rows, &lead));
        }
        let net = [Value::from("net"), Value::from(&self.net.from.id), Value::from(&self.net.to.id)];
        rows.extend(diff_records(&self.net.rows, &net));
        Records { header: diff_header(&["step", "from_level", "to_level"]), rows }
    }

    fn workbook(&self) -> Workbook {
        Workbook { name: "Path".into(), ..Workbook::default() }
    }
}
