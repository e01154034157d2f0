//! `pm-skills soft-skills [NAME]`: behaviours the role needs that are not rated on the scale.

use serde::Serialize;

use super::{Ref, Report, name_and_id};
use crate::model::{Framework, SoftSkill};
use crate::render::{Block, Cell, Records, Table, Value};

/// Every soft skill of the framework.
#[derive(Debug, Serialize)]
pub struct SoftSkillsReport {
    pub framework: Ref,
    pub soft_skills: Vec<SoftSkillDetail>,
}

/// One soft skill with its explanation and examples in practice.
#[derive(Debug, Serialize)]
pub struct SoftSkillDetail {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub explanation: String,
    pub examples: Vec<String>,
}

impl SoftSkillDetail {
    fn from(s: &SoftSkill) -> Self {
        SoftSkillDetail {
            id: s.id.clone(),
            name: s.name.clone(),
            aliases: s.aliases.clone(),
            explanation: s.explanation.clone(),
            examples: s.examples.clone(),
        }
    }

    fn record(&self) -> Vec<Value> {
        vec![
            Value::from(&self.id),
            Value::from(&self.name),
            Value::from(&self.explanation),
            Value::from(self.examples.join(" | ")),
        ]
    }
}

fn header() -> Vec<String> {
    ["id", "name", "explanation", "examples"].map(String::from).to_vec()
}

impl SoftSkillsReport {
    /// Lists the framework's soft skills.
    pub fn build(framework: &Framework) -> Self {
        SoftSkillsReport {
            framework: Ref::from(framework),
            soft_skills: framework.soft_skills.iter().map(SoftSkillDetail::from).collect(),
        }
    }
}

impl Report for SoftSkillsReport {
    fn document(&self) -> Vec<Block> {
        if self.soft_skills.is_empty() {
            return vec![Block::Hint(format!("The framework {} lists no soft skills.", self.framework.name))];
        }
        let mut table = Table::new(["Soft skill (id)", "What it is"]);
        for s in &self.soft_skills {
            table.row(vec![name_and_id(&s.name, &s.id), Cell::plain(&s.explanation)]);
        }
        vec![
            Block::Title(format!("Soft skills ({})", self.soft_skills.len())),
            Block::Table(table),
            Block::command(
                "Explain one, with examples:",
                [format!("pm-skills soft-skills {}", self.soft_skills[0].id)],
            ),
        ]
    }

    fn records(&self) -> Records {
        Records { header: header(), rows: self.soft_skills.iter().map(SoftSkillDetail::record).collect() }
    }
}

/// One soft skill in depth.
#[derive(Debug, Serialize)]
pub struct SoftSkillReport {
    pub framework: Ref,
    pub soft_skill: SoftSkillDetail,
}

impl SoftSkillReport {
    /// Explains the framework's soft skill at `index`.
    pub fn build(framework: &Framework, index: usize) -> Self {
        SoftSkillReport {
            framework: Ref::from(framework),
            soft_skill: SoftSkillDetail::from(&framework.soft_skills[index]),
        }
    }
}

impl Report for SoftSkillReport {
    fn document(&self) -> Vec<Block> {
        let s = &self.soft_skill;
        let mut blocks = vec![Block::Title(s.name.clone()), Block::Para(s.explanation.clone())];
        if !s.examples.is_empty() {
            blocks.push(Block::Heading("In practice".into()));
            blocks.push(Block::List(s.examples.clone()));
        }
        blocks
    }

    fn records(&self) -> Records {
        Records { header: header(), rows: vec![self.soft_skill.record()] }
    }
}
