//! `pm-skills frameworks`: the frameworks built into the binary.

use serde::Serialize;

use super::Report;
use crate::model::Framework;
use crate::render::{Block, Cell, Records, Table, Tone, Value};

/// The built-in frameworks, the default first.
#[derive(Debug, Serialize)]
pub struct FrameworksReport {
    pub frameworks: Vec<FrameworkSummary>,
}

/// One framework in the list.
#[derive(Debug, Serialize)]
pub struct FrameworkSummary {
    pub id: String,
    pub name: String,
    pub version: String,
    pub default: bool,
    pub roles: usize,
    pub levels: usize,
    pub skills: usize,
    pub source: String,
    pub licence: String,
}

impl FrameworksReport {
    /// Summarises `frameworks`; `default` is the id used when `--framework` is not given.
    pub fn build(frameworks: &[Framework], default: &str) -> Self {
        FrameworksReport {
            frameworks: frameworks
                .iter()
                .map(|f| FrameworkSummary {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    version: f.version.clone(),
                    default: f.id == default,
                    roles: f.roles.len(),
                    levels: f.roles.iter().map(|r| r.levels.len()).sum(),
                    skills: f.skills.len(),
                    source: f.source.clone(),
                    licence: f.licence.clone(),
                })
                .collect(),
        }
    }
}

impl Report for FrameworksReport {
    fn document(&self) -> Vec<Block> {
        let mut table = Table::new(["Id", "Framework", "Version", "Levels", "Skills"]);
        for f in &self.frameworks {
            let id = if f.default { format!("{} (default)", f.id) } else { f.id.clone() };
            table.row(vec![
                Cell::toned(id, Tone::Strong),
                Cell::plain(&f.name),
                Cell::plain(&f.version),
                Cell::plain(f.levels.to_string()),
                Cell::plain(f.skills.to_string()),
            ]);
        }
        vec![
            Block::Title("Built-in frameworks".into()),
            Block::Table(table),
            Block::Hint("Pick one with --framework ID, or use your own folder with --data DIR".into()),
        ]
    }

    fn records(&self) -> Records {
        Records {
            header: ["id", "name", "version", "default", "roles", "levels", "skills", "source", "licence"]
                .map(String::from)
                .to_vec(),
            rows: self
                .frameworks
                .iter()
                .map(|f| {
                    vec![
                        Value::from(&f.id),
                        Value::from(&f.name),
                        Value::from(&f.version),
                        Value::from(f.default),
                        Value::from(f.roles),
                        Value::from(f.levels),
                        Value::from(f.skills),
                        Value::from(&f.source),
                        Value::from(&f.licence),
                    ]
                })
                .collect(),
        }
    }
}
