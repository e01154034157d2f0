//! `pm-skills levels`: the role's ladder, most junior first.

use serde::Serialize;

use super::{Ref, Report, Scope};
use crate::render::{Block, Cell, Records, Table, Tone, Value};

/// Every level of the role in seniority order.
#[derive(Debug, Serialize)]
pub struct LevelsReport {
    pub framework: Ref,
    pub role: Ref,
    pub levels: Vec<LevelSummary>,
}

/// One level in the list.
#[derive(Debug, Serialize)]
pub struct LevelSummary {
    /// 1 for the most junior level.
    pub position: usize,
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
}

impl LevelsReport {
    /// Lists the levels of the scope's role.
    pub fn build(scope: Scope) -> Self {
        let levels = scope
            .role
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| LevelSummary {
                position: i + 1,
                id: l.id.clone(),
                name: l.name.clone(),
                aliases: l.aliases.clone(),
                summary: l.summary.clone(),
            })
            .collect();
        LevelsReport { framework: scope.framework_ref(), role: scope.role_ref(), levels }
    }
}

impl Report for LevelsReport {
    fn document(&self) -> Vec<Block> {
        let mut table = Table::new(["#", "Id", "Level", "Summary"]);
        for l in &self.levels {
            let mut name = l.name.clone();
            if !l.aliases.is_empty() {
                name.push_str(&format!("\nalso: {}", l.aliases.join(", ")));
            }
            table.row(vec![
                Cell::plain(l.position.to_string()),
                Cell::toned(&l.id, Tone::Strong),
                Cell::plain(name),
                Cell::plain(&l.summary),
            ]);
        }
        let mut blocks =
            vec![Block::Title(format!("{} levels, most junior first", self.role.name)), Block::Table(table)];
        if let Some(first) = self.levels.get(1) {
            blocks.push(Block::command("Show one level:", [format!("pm-skills show {}", first.id)]));
        }
        blocks
    }

    fn records(&self) -> Records {
        Records {
            header: ["position", "id", "name", "aliases", "summary"].map(String::from).to_vec(),
            rows: self
                .levels
                .iter()
                .map(|l| {
                    vec![
                        Value::from(l.position),
                        Value::from(&l.id),
                        Value::from(&l.name),
                        Value::from(l.aliases.join(";")),
                        Value::from(&l.summary),
                    ]
                })
                .collect(),
        }
    }
}
