//! `pm-skills skills [SKILL]`: the role's skills, or one skill in depth.

use serde::Serialize;

use super::{
    Footnotes, Proficiency, Rank, Ref, Report, Resource, Scope, expected_label, name_and_id, proficiency_label,
};
use crate::render::{Block, Cell, Records, STEP_COLUMNS, Table, Tone, Value};

/// The skills of the role, in the role's order.
#[derive(Debug, Serialize)]
pub struct SkillsReport {
    pub framework: Ref,
    pub role: Ref,
    pub skills: Vec<SkillSummary>,
}

/// One skill in the list.
#[derive(Debug, Serialize)]
pub struct SkillSummary {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub description: String,
}

impl SkillsReport {
    /// Lists the scope's role's skills.
    pub fn build(scope: Scope) -> Self {
        let skills = scope
            .role
            .skills
            .iter()
            .map(|&s| {
                let skill = &scope.framework.skills[s];
                SkillSummary {
                    id: skill.id.clone(),
                    name: skill.name.clone(),
                    aliases: skill.aliases.clone(),
                    description: skill.description.clone(),
                }
            })
            .collect();
        SkillsReport { framework: scope.framework_ref(), role: scope.role_ref(), skills }
    }
}

impl Report for SkillsReport {
    fn document(&self) -> Vec<Block> {
        let mut table = Table::new(["Skill (id)", "What it is"]);
        for s in &self.skills {
            table.row(vec![name_and_id(&s.name, &s.id), Cell::plain(&s.description)]);
        }
        let mut blocks =
            vec![Block::Title(format!("{} skills ({})", self.role.name, self.skills.len())), Block::Table(table)];
        if let Some(first) = self.skills.first() {
            blocks.push(Block::command("Explain one:", [format!("pm-skills skills {}", first.id)]));
        }
        blocks
    }

    fn records(&self) -> Records {
        Records {
            header: ["id", "name", "aliases", "description"].map(String::from).to_vec(),
            rows: self
                .skills
                .iter()
                .map(|s| {
                    vec![
                        Value::from(&s.id),
                        Value::from(&s.name),
                        Value::from(s.aliases.join(";")),
                        Value::from(&s.description),
                    ]
                })
                .collect(),
        }
    }
}

/// One skill: what it is, what each proficiency looks like, and what each level needs.
#[derive(Debug, Serialize)]
pub struct SkillReport {
    pub framework: Ref,
    pub role: Ref,
    pub skill: SkillSummary,
    /// The whole scale, lowest first, with what each step looks like for this skill.
    pub proficiencies: Vec<ProficiencyMeaning>,
    /// What each level of the role needs; empty when the role does not use the skill.
    pub levels: Vec<LevelNeed>,
    /// Things to read, watch or do to grow the skill.
    pub resources: Vec<Resource>,
    #[serde(skip)]
    pub scale_size: usize,
}

/// One step of the scale for one skill.
#[derive(Debug, Serialize)]
pub struct ProficiencyMeaning {
    pub id: String,
    pub name: String,
    pub rank: Rank,
    pub meaning: String,
    /// How to grow into this step, if the data says.
    pub tip: Option<String>,
}

/// The proficiency one level needs in the skill.
#[derive(Debug, Serialize)]
pub struct LevelNeed {
    pub level: Ref,
    /// `None` where the level does not expect the skill.
    pub proficiency: Option<Proficiency>,
    pub note: Option<String>,
}

impl SkillReport {
    /// Explains the framework's skill at `index`.
    pub fn build(scope: Scope, index: usize) -> Self {
        let skill = &scope.framework.skills[index];
        let slot = scope.role.skills.iter().position(|&s| s == index);
        let levels = match slot {
            Some(k) => scope
                .role
                .levels
                .iter()
                .enumerate()
                .map(|(i, level)| LevelNeed {
                    level: scope.level_ref(i),
                    proficiency: level.rating(k).map(|r| scope.proficiency(r.proficiency)),
                    note: level.rating(k).and_then(|r| r.note.clone()),
                })
                .collect(),
            None => Vec::new(),
        };
        SkillReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            skill: SkillSummary {
                id: skill.id.clone(),
                name: skill.name.clone(),
                aliases: skill.aliases.clone(),
                description: skill.description.clone(),
            },
            proficiencies: scope
                .framework
                .scale
                .iter()
                .enumerate()
                .map(|(i, step)| ProficiencyMeaning {
                    id: step.id.clone(),
                    name: step.name.clone(),
                    rank: Rank::of_index(i),
                    meaning: skill.proficiencies[i].clone(),
                    tip: skill.tips.get(i).filter(|t| !t.trim().is_empty()).cloned(),
                })
                .collect(),
            levels,
            resources: skill.resources.clone(),
            scale_size: scope.scale_size(),
        }
    }
}

impl SkillReport {
    /// What the skill is: its description and what each proficiency looks like (with the tips
    /// when the data has any). The site's skill page opens with these.
    pub fn meaning_blocks(&self) -> Vec<Block> {
        let tips = self.proficiencies.iter().any(|p| p.tip.is_some());
        let mut meanings = if tips {
            Table::new(["Proficiency", "What it looks like", "How to grow into it"])
        } else {
            Table::new(["Proficiency", "What it looks like"])
        };
        for p in &self.proficiencies {
            let label = Proficiency { id: p.id.clone(), name: p.name.clone(), rank: p.rank };
            let mut row =
                vec![Cell::toned(proficiency_label(&label, self.scale_size), Tone::Strong), Cell::plain(&p.meaning)];
            if tips {
                row.push(Cell::plain(p.tip.clone().unwrap_or_default()));
            }
            meanings.row(row);
        }
        vec![
            Block::Title(self.skill.name.clone()),
            Block::Para(self.skill.description.clone()),
            Block::Heading("What each proficiency looks like".into()),
            Block::Table(meanings),
        ]
    }

    /// The resources as text, each with its URL; nothing when there are none.
    pub fn resource_blocks(&self) -> Vec<Block> {
        if self.resources.is_empty() {
            return Vec::new();
        }
        vec![Block::Heading("Resources".into()), Block::List(self.resources.iter().map(ToString::to_string).collect())]
    }

    /// What each level of the role needs, with the notes; a hint when the role does not use the
    /// skill. The site's skill page repeats this for every role that uses it.
    pub fn needs_blocks(&self) -> Vec<Block> {
        if self.levels.is_empty() {
            return vec![Block::Hint(format!("The {} role does not use this skill.", self.role.name))];
        }
        let mut needs = Table::new(["Level", "Needs"]);
        let mut notes = Footnotes::default();
        for l in &self.levels {
            let mut label = expected_label(l.proficiency.as_ref(), self.scale_size);
            if let Some(note) = &l.note {
                notes.mark(&mut label, &l.level.name, note);
            }
            needs.row(vec![Cell::plain(&l.level.name), Cell::plain(label)]);
        }
        let mut blocks = vec![Block::Heading(format!("What each {} level needs", self.role.name)), Block::Table(needs)];
        blocks.extend(notes.blocks());
        blocks
    }
}

impl Report for SkillReport {
    fn document(&self) -> Vec<Block> {
        let mut blocks = self.meaning_blocks();
        blocks.extend(self.resource_blocks());
        blocks.extend(self.needs_blocks());
        blocks
    }

    fn records(&self) -> Records {
        Records {
            header: ["skill_id", "level_id", "level_name"]
                .into_iter()
                .chain(STEP_COLUMNS)
                .chain(["meaning", "note"])
                .map(String::from)
                .collect(),
            rows: self
                .levels
                .iter()
                .map(|l| {
                    let p = l.proficiency.as_ref();
                    let mut row =
                        vec![Value::from(&self.skill.id), Value::from(&l.level.id), Value::from(&l.level.name)];
                    row.extend(Value::step_columns(p));
                    let meaning = p.map(|p| &self.proficiencies[p.rank.index()].meaning);
                    row.extend([Value::from(meaning), Value::from(l.note.as_ref())]);
                    row
                })
                .collect(),
        }
    }
}
