//! `pm-skills ladder`: the whole skills × levels matrix.

use serde::Serialize;

use super::behaviours::{self, BehaviourRow};
use super::{Footnotes, Proficiency, Ref, Report, Scope, expected_label};
use crate::render::{Block, Cell, Chart, Radar, Records, Series, Table, Tone, Value, Workbook};

/// Every skill of the role against every level.
#[derive(Debug, Serialize)]
pub struct LadderReport {
    pub framework: Ref,
    pub role: Ref,
    /// Column order, most junior first.
    pub levels: Vec<Ref>,
    /// The proficiency scale, lowest first.
    pub scale: Vec<Ref>,
    pub skills: Vec<LadderRow>,
    /// The soft skills the levels rate on the behaviour scale; empty when none does.
    pub behaviours: Vec<BehaviourRow>,
    #[serde(skip)]
    pub scale_size: usize,
    #[serde(skip)]
    pub behaviour_scale_size: usize,
}

/// One skill across the levels.
#[derive(Debug, Serialize)]
pub struct LadderRow {
    pub skill: Ref,
    /// One cell per level, in the order of `levels`.
    pub cells: Vec<LadderCell>,
}

/// The proficiency one level needs in one skill.
#[derive(Debug, Serialize)]
pub struct LadderCell {
    pub level: String,
    /// `None` where the level does not expect the skill.
    pub proficiency: Option<Proficiency>,
    pub note: Option<String>,
}

impl LadderReport {
    /// Builds the matrix of the scope's role.
    pub fn build(scope: Scope) -> Self {
        let role = scope.role;
        let skills = role
            .skills
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let skill = &scope.framework.skills[s];
                LadderRow {
                    skill: Ref::from(skill),
                    cells: role
                        .levels
                        .iter()
                        .map(|level| LadderCell {
                            level: level.id.clone(),
                            proficiency: level.rating(k).map(|r| scope.proficiency(r.proficiency)),
                            note: level.rating(k).and_then(|r| r.note.clone()),
                        })
                        .collect(),
                }
            })
            .collect();
        LadderReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            levels: (0..role.levels.len()).map(|i| scope.level_ref(i)).collect(),
            scale: scope.framework.scale.iter().map(Ref::from).collect(),
            skills,
            behaviours: behaviours::across(scope.framework, &role.levels),
            scale_size: scope.scale_size(),
            behaviour_scale_size: scope.framework.behaviour_scale.len(),
        }
    }
}

impl Report for LadderReport {
    fn chart(&self) -> Option<Chart> {
        Some(Chart::Radar(Radar {
            title: format!("{}: every level, skill by skill", self.role.name),
            axes: self.skills.iter().map(|row| row.skill.name.clone()).collect(),
            scale: self.scale.iter().map(|s| s.name.clone()).collect(),
            series: (0..self.levels.len())
                .map(|i| Series {
                    name: self.levels[i].name.clone(),
                    values: self
                        .skills
                        .iter()
                        .map(|row| row.cells.get(i).and_then(|c| c.proficiency.as_ref()).map(|p| p.rank.get()))
                        .collect(),
                })
                .collect(),
        }))
    }

    /// A column per level, each ranked on the scale; the behaviours on a sheet of their own.
    fn workbook(&self) -> Workbook {
        let levels: Vec<&str> = self.levels.iter().map(|l| l.id.as_str()).collect();
        Workbook {
            name: "Ladder".into(),
            header: Vec::new(),
            sheets: behaviours::ladder_sheet(&self.behaviours, &levels).into_iter().collect(),
        }
    }

    fn document(&self) -> Vec<Block> {
        let header = std::iter::once("Skill".to_string()).chain(self.levels.iter().map(|l| l.name.clone()));
        let mut table = Table::new(header);
        let mut notes = Footnotes::default();
        for row in &self.skills {
            let mut cells = vec![Cell::toned(&row.skill.name, Tone::Strong)];
            for (cell, level) in row.cells.iter().zip(&self.levels) {
                let mut text = expected_label(cell.proficiency.as_ref(), self.scale_size);
                if let Some(note) = &cell.note {
                    notes.mark(&mut text, &format!("{} at {}", row.skill.name, level.name), note);
                }
                cells.push(Cell::plain(text));
            }
            table.row(cells);
        }
        let mut blocks = vec![
            Block::Title(format!("{}: skills by level ({})", self.role.name, self.framework.name)),
            Block::Table(table),
        ];
        blocks.extend(notes.blocks());
        let names: Vec<String> = self.levels.iter().map(|l| l.name.clone()).collect();
        blocks.extend(behaviours::ladder_blocks(&self.behaviours, &names, self.behaviour_scale_size));
        if let (Some(first), Some(second)) = (self.levels.first(), self.levels.get(1)) {
            blocks.push(Block::command("Compare two levels:", [format!("pm-skills diff {} {}", first.id, second.id)]));
        }
        blocks
    }

    fn records(&self) -> Records {
        let header = ["skill_id", "skill_name"]
            .into_iter()
            .map(String::from)
            .chain(self.levels.iter().map(|l| l.id.clone()))
            .collect();
        let rows = self
            .skills
            .iter()
            .map(|row| {
                [Value::from(&row.skill.id), Value::from(&row.skill.name)]
                    .into_iter()
                    .chain(row.cells.iter().map(|c| Value::from(c.proficiency.as_ref())))
                    .collect()
            })
            .collect();
        Records { header, rows }
    }
}
