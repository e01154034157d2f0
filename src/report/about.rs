//! `pm-skills about`: the whole role in prose: what it is, whether it is technical, what it brings,
//! and a day in the life.

use serde::Serialize;

use super::{Ref, Report, Scope};
use crate::render::{Block, Records, Value};

/// The role as a whole.
#[derive(Debug, Serialize)]
pub struct AboutReport {
    pub framework: FrameworkInfo,
    pub role: RoleInfo,
    pub summary: String,
    pub technical: String,
    pub benefits: Vec<String>,
    pub responsibilities: Vec<String>,
    pub day_in_the_life: Vec<String>,
    pub levels: Vec<Ref>,
    pub soft_skills: Vec<Ref>,
}

/// Where the data comes from.
#[derive(Debug, Serialize)]
pub struct FrameworkInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    pub source: String,
    pub licence: String,
}

/// The role's identity.
#[derive(Debug, Serialize)]
pub struct RoleInfo {
    pub id: String,
    pub name: String,
    pub family: Option<String>,
}

impl AboutReport {
    /// Describes the scope's role.
    pub fn build(scope: Scope) -> Self {
        let (f, r) = (scope.framework, scope.role);
        AboutReport {
            framework: FrameworkInfo {
                id: f.id.clone(),
                name: f.name.clone(),
                version: f.version.clone(),
                source: f.source.clone(),
                licence: f.licence.clone(),
            },
            role: RoleInfo { id: r.id.clone(), name: r.name.clone(), family: r.family.clone() },
            summary: r.summary.clone(),
            technical: r.technical.clone(),
            benefits: r.benefits.clone(),
            responsibilities: r.responsibilities.clone(),
            day_in_the_life: r.day_in_the_life.clone(),
            levels: (0..r.levels.len()).map(|i| scope.level_ref(i)).collect(),
            soft_skills: f.soft_skills.iter().map(Ref::from).collect(),
        }
    }
}

impl Report for AboutReport {
    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(format!("What is a {}?", self.role.name.to_lowercase()))];
        let mut section = |heading: &str, body: Vec<Block>| {
            if body.is_empty() {
                return;
            }
            if !heading.is_empty() {
                blocks.push(Block::Heading(heading.to_string()));
            }
            blocks.extend(body);
        };
        let para = |text: &str| {
            if text.trim().is_empty() { vec![] } else { vec![Block::Para(text.to_string())] }
        };
        let list = |items: &[String]| {
            if items.is_empty() { vec![] } else { vec![Block::List(items.to_vec())] }
        };
        section("", para(&self.summary));
        section("Is it a technical role?", para(&self.technical));
        section("What the role brings", list(&self.benefits));
        section("Responsibilities", list(&self.responsibilities));
        section("A day in the life", self.day_in_the_life.iter().map(|p| Block::Para(p.clone())).collect());
        let ladder: Vec<&str> = self.levels.iter().map(|l| l.name.as_str()).collect();
        section("Levels", para(&ladder.join(" → ")));
        let soft: Vec<&str> = self.soft_skills.iter().map(|s| s.name.as_str()).collect();
        section("Soft skills", para(&soft.join(", ")));
        section(
            "Source",
            vec![Block::Fields(vec![
                ("Framework".into(), format!("{} (version {})", self.framework.name, self.framework.version)),
                ("Source".into(), self.framework.source.clone()),
                ("Licence".into(), self.framework.licence.clone()),
            ])],
        );
        blocks.push(Block::command("See the levels and the skills:", ["pm-skills levels", "pm-skills skills"]));
        blocks
    }

    fn records(&self) -> Records {
        let mut rows = vec![
            vec![Value::from("summary"), Value::from(&self.summary)],
            vec![Value::from("technical"), Value::from(&self.technical)],
        ];
        let mut add = |section: &str, items: &[String]| {
            rows.extend(items.iter().map(|i| vec![Value::from(section), Value::from(i)]))
        };
        add("benefit", &self.benefits);
        add("responsibility", &self.responsibilities);
        add("day_in_the_life", &self.day_in_the_life);
        add("level", &self.levels.iter().map(|l| l.id.clone()).collect::<Vec<_>>());
        add("soft_skill", &self.soft_skills.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
        Records { header: vec!["section".into(), "text".into()], rows }
    }
}
