//! `pm-skills show LEVEL`: what one level is and which proficiencies it needs.

use serde::Serialize;

use super::behaviours::{self, BehaviourNeed};
use super::{Criterion, Footnotes, Proficiency, Ref, Report, Scope, criteria_blocks, expected_label};
use crate::render::{Block, Cell, Chart, Radar, Records, STEP_COLUMNS, Series, Table, Tone, Value};

/// One level: its description, responsibilities and the proficiency it needs in every skill.
#[derive(Debug, Serialize)]
pub struct ShowReport {
    pub framework: Ref,
    pub role: Ref,
    pub level: LevelDetail,
    pub skills: Vec<Requirement>,
    /// The soft skills this level rates on the behaviour scale; empty when it rates none.
    pub behaviours: Vec<BehaviourNeed>,
    /// The level below, if any.
    pub previous: Option<Ref>,
    /// The level above, if any.
    pub next: Option<Ref>,
    #[serde(skip)]
    pub scale_size: usize,
    /// The scale's step names, lowest first: the chart's key names every step, not only those
    /// the level uses.
    #[serde(skip)]
    pub scale: Vec<String>,
    #[serde(skip)]
    pub behaviour_scale_size: usize,
}

/// The level's own description.
#[derive(Debug, Serialize)]
pub struct LevelDetail {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// 1 for the most junior level.
    pub position: usize,
    /// How many levels the role has.
    pub of: usize,
    pub summary: String,
    pub responsibilities: Vec<String>,
}

/// The proficiency a level needs in one skill, and what that looks like.
#[derive(Debug, Serialize)]
pub struct Requirement {
    pub skill: Ref,
    /// `None` where the level does not expect the skill.
    pub proficiency: Option<Proficiency>,
    /// What this proficiency looks like for this skill; empty where the level does not expect it.
    pub meaning: String,
    pub note: Option<String>,
    /// What the level expects in this skill, statement by statement.
    pub criteria: Vec<Criterion>,
}

impl ShowReport {
    /// Describes the level at `index` of the scope's role.
    pub fn build(scope: Scope, index: usize) -> Self {
        let role = scope.role;
        let level = &role.levels[index];
        let skills = role
            .skills
            .iter()
            .zip(&level.ratings)
            .map(|(&s, rating)| {
                let skill = &scope.framework.skills[s];
                Requirement {
                    skill: Ref::from(skill),
                    proficiency: rating.as_ref().map(|r| scope.proficiency(r.proficiency)),
                    meaning: rating.as_ref().map(|r| skill.proficiencies[r.proficiency].clone()).unwrap_or_default(),
                    note: rating.as_ref().and_then(|r| r.note.clone()),
                    criteria: rating.as_ref().map(|r| r.criteria.clone()).unwrap_or_default(),
                }
            })
            .collect();
        ShowReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            level: LevelDetail {
                id: level.id.clone(),
                name: level.name.clone(),
                aliases: level.aliases.clone(),
                position: index + 1,
                of: role.levels.len(),
                summary: level.summary.clone(),
                responsibilities: level.responsibilities.clone(),
            },
            skills,
            behaviours: behaviours::of_level(scope.framework, level),
            previous: index.checked_sub(1).map(|i| scope.level_ref(i)),
            next: (index + 1 < role.levels.len()).then(|| scope.level_ref(index + 1)),
            scale_size: scope.scale_size(),
            scale: scope.scale_names(),
            behaviour_scale_size: scope.framework.behaviour_scale.len(),
        }
    }
}

impl Report for ShowReport {
    fn chart(&self) -> Option<Chart> {
        Some(Chart::Radar(Radar {
            title: format!("{}: the proficiency each skill needs", self.level.name),
            axes: self.skills.iter().map(|r| r.skill.name.clone()).collect(),
            scale: self.scale.clone(),
            series: vec![Series {
                name: self.level.name.clone(),
                values: self.skills.iter().map(|r| r.proficiency.as_ref().map(|p| p.rank.get())).collect(),
            }],
        }))
    }

    fn document(&self) -> Vec<Block> {
        let level = &self.level;
        let mut blocks = vec![
            Block::Title(format!("{} (level {} of {}, {})", level.name, level.position, level.of, self.role.name)),
            Block::Para(level.summary.clone()),
        ];
        if !level.responsibilities.is_empty() {
            blocks.push(Block::Heading("Responsibilities".into()));
            blocks.push(Block::List(level.responsibilities.clone()));
        }
        blocks.push(Block::Heading(format!("Skills at this level ({})", self.skills.len())));
        let mut table = Table::new(["Skill", "Proficiency"]);
        let mut notes = Footnotes::default();
        for r in &self.skills {
            let mut label = expected_label(r.proficiency.as_ref(), self.scale_size);
            if let Some(note) = &r.note {
                notes.mark(&mut label, &r.skill.name, note);
            }
            table.row(vec![Cell::toned(&r.skill.name, Tone::Strong), Cell::plain(label)]);
        }
        blocks.push(Block::Table(table));
        blocks.extend(notes.blocks());
        blocks.extend(criteria_blocks(
            format!("What {} expects", level.name),
            self.skills.iter().map(|r| (r.skill.name.as_str(), r.criteria.as_slice())),
        ));
        blocks.extend(behaviours::level_blocks(&self.behaviours, self.behaviour_scale_size));
        let (lead, command) = match (&self.next, &self.previous) {
            (Some(next), _) => ("What grows next:", format!("pm-skills diff {} {}", level.id, next.id)),
            (None, Some(previous)) => {
                ("What grew to reach this level:", format!("pm-skills diff {} {}", previous.id, level.id))
            }
            (None, None) => ("Explain a skill:", "pm-skills skills <SKILL>".to_string()),
        };
        blocks.push(Block::command(lead, [command]));
        blocks
    }

    fn records(&self) -> Records {
        Records {
            header: ["level_id", "skill_id", "skill_name"]
                .into_iter()
                .chain(STEP_COLUMNS)
                .chain(["meaning", "note"])
                .map(String::from)
                .collect(),
            rows: self
                .skills
                .iter()
                .map(|r| {
                    let mut row =
                        vec![Value::from(&self.level.id), Value::from(&r.skill.id), Value::from(&r.skill.name)];
                    row.extend(Value::step_columns(r.proficiency.as_ref()));
                    row.extend([Value::from(&r.meaning), Value::from(r.note.as_ref())]);
                    row
                })
                .collect(),
        }
    }
}
