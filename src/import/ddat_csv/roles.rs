//! `roles.csv` → roles, their levels and ratings, and the skills they name, with a note for
//! every row merged, trimmed or ignored. One row is one (role, role level, skill).

use std::collections::{HashMap, HashSet};

use anyhow::bail;

use super::csv_file::{
    Columns, CsvFile, ROLE, ROLE_DESCRIPTION, ROLE_FAMILY, ROLE_LEVEL, ROLE_LEVEL_DESCRIPTION, ROLE_TYPE,
    SKILL_DESCRIPTION, SKILL_LEVEL, SKILL_LEVEL_DESCRIPTION, SKILL_NAME,
};
use super::{Notes, SCALE};
use crate::import::clean::{IdPool, clean_text, key, text_of};
use crate::resolve::{did_you_mean, normalise};

/// The level and skill level of the rows of roles without levels (Senior Civil Service).
const NOT_IN_USE: &str = "not in use";

/// A role as its rows describe it.
#[derive(Debug)]
pub(super) struct RoleAcc {
    pub(super) id: String,
    /// As in the CSV, trimmed.
    pub(super) name: String,
    /// As in the CSV, trimmed; `Other` when empty.
    pub(super) family: String,
    /// The raw cell of its first row.
    pub(super) description: String,
    /// The Role Type says Senior Civil Service.
    pub(super) scs: bool,
    pub(super) not_in_use_rows: usize,
    pub(super) duplicate_rows: usize,
    /// In CSV order.
    pub(super) levels: Vec<LevelAcc>,
    level_keys: HashMap<String, usize>,
    /// Skill keys in first-seen order.
    pub(super) skills: Vec<String>,
}

/// A level of a role and its ratings.
#[derive(Debug)]
pub(super) struct LevelAcc {
    /// Given once every row is read, unique within the role.
    pub(super) id: String,
    pub(super) name: String,
    /// The raw cell of its first row.
    pub(super) description: String,
    /// Skill key → (scale index, line).
    pub(super) ratings: HashMap<String, (usize, usize)>,
}

impl crate::model::Named for LevelAcc {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A skill as the rows of roles.csv describe it, for skills that skills.csv lacks or leaves
/// empty.
#[derive(Debug)]
pub(super) struct SkillAcc {
    pub(super) name: String,
    pub(super) description: Option<String>,
    /// Per scale step, the first `Skill Level Description` seen for it.
    pub(super) level_texts: [Option<String>; 4],
}

/// Everything read from roles.csv, in CSV order.
#[derive(Debug, Default)]
pub(super) struct RolesCsv {
    pub(super) roles: Vec<RoleAcc>,
    role_keys: HashMap<String, usize>,
    pub(super) skills: Vec<SkillAcc>,
    /// Skill key → index into `skills`.
    pub(super) skill_keys: HashMap<String, usize>,
    family_keys: HashSet<String>,
    role_ids: IdPool,
}

/// One record of roles.csv, with the line it starts on.
struct Row<'a> {
    line: usize,
    cols: &'a Columns,
    fields: &'a [String],
}

impl<'a> Row<'a> {
    /// The raw cell of `column`.
    fn cell(&self, column: &str) -> &'a str {
        self.cols.get(self.fields, column)
    }
}

/// The skill of a row: its index in [`RolesCsv::skills`], its key, and its name on this row.
struct RowSkill {
    index: usize,
    key: String,
    name: String,
}

/// Reads roles.csv. Fails only when the file is not the official layout or has no rows; every
/// row it cannot use is a note.
pub(super) fn read_roles(file: &CsvFile, notes: &mut Notes) -> anyhow::Result<RolesCsv> {
    let cols = Columns::locate(
        file,
        "roles",
        &[ROLE_FAMILY, ROLE, ROLE_DESCRIPTION, ROLE_LEVEL, ROLE_LEVEL_DESCRIPTION, SKILL_NAME, SKILL_LEVEL],
        &[SKILL_DESCRIPTION, SKILL_LEVEL_DESCRIPTION, ROLE_TYPE],
        ("Awareness", "skills"),
    )?;
    if file.rows.is_empty() {
        bail!("{}: the file has a header but no rows; expected one row per role, level and skill", file.display);
    }
    let mut out = RolesCsv::default();
    for (line, fields) in &file.rows {
        out.read_row(&Row { line: *line, cols: &cols, fields }, notes);
    }
    out.give_level_ids(notes);
    Ok(out)
}

impl RolesCsv {
    /// Distinct role families in the CSV.
    pub(super) fn families(&self) -> usize {
        self.family_keys.len()
    }

    /// Reads one row: its role, skill, level and rating, each created when first seen.
    fn read_row(&mut self, row: &Row, notes: &mut Notes) {
        let role_name = clean_text(row.cell(ROLE));
        if role_name.is_empty() {
            notes.at(None, row.line, "a row names no role; ignored".into());
            return;
        }
        let r = self.role_of(row, role_name, notes);
        self.roles[r].check_row(row, notes);
        let Some(skill) = self.skill_of(r, row, notes) else { return };
        let role = &mut self.roles[r];
        let level_name = clean_text(row.cell(ROLE_LEVEL));
        let skill_level = clean_text(row.cell(SKILL_LEVEL));
        if normalise(&level_name) == normalise(NOT_IN_USE) || normalise(&skill_level) == normalise(NOT_IN_USE) {
            role.not_in_use_rows += 1;
            return;
        }
        if level_name.is_empty() {
            notes.at(Some(&role.id), row.line, "a row names no level; ignored".into());
            return;
        }
        let l = role.level_of(row, level_name, notes);
        self.rate(r, l, &skill, &skill_level, row, notes);
    }

    /// The index of the row's role, created (with its id) when first seen.
    fn role_of(&mut self, row: &Row, role_name: String, notes: &mut Notes) -> usize {
        let role_key = key(&role_name);
        if let Some(&r) = self.role_keys.get(&role_key) {
            return r;
        }
        let family = clean_text(row.cell(ROLE_FAMILY));
        let (id, changed) = self.role_ids.take(&role_name, "role");
        if changed {
            notes.add(
                Some(&id),
                format!("role `{role_name}` was given the id `{id}` (its plain id was taken or empty)"),
            );
        }
        if family.is_empty() {
            notes.at(Some(&id), row.line, "the role has no family; filed under `Other`".into());
        }
        self.family_keys.insert(key(&family));
        self.role_keys.insert(role_key, self.roles.len());
        self.roles.push(RoleAcc {
            id,
            name: role_name,
            family: if family.is_empty() { "Other".into() } else { family },
            description: row.cell(ROLE_DESCRIPTION).to_string(),
            scs: false,
            not_in_use_rows: 0,
            duplicate_rows: 0,
            levels: Vec::new(),
            level_keys: HashMap::new(),
            skills: Vec::new(),
        });
        self.roles.len() - 1
    }

    /// The row's skill, created when first seen and added to the skills of role `r`; `None`
    /// (with a note) when the row names no skill.
    fn skill_of(&mut self, r: usize, row: &Row, notes: &mut Notes) -> Option<RowSkill> {
        let role = &mut self.roles[r];
        let name = clean_text(row.cell(SKILL_NAME));
        if name.is_empty() {
            notes.at(Some(&role.id), row.line, "a row names no skill; ignored".into());
            return None;
        }
        let skill_key = key(&name);
        let index = match self.skill_keys.get(&skill_key) {
            Some(&s) => s,
            None => {
                self.skill_keys.insert(skill_key.clone(), self.skills.len());
                self.skills.push(SkillAcc { name: name.clone(), description: None, level_texts: Default::default() });
                self.skills.len() - 1
            }
        };
        let skill = &mut self.skills[index];
        if skill.description.is_none() {
            skill.description = text_of(row.cell(SKILL_DESCRIPTION));
        }
        if !role.skills.contains(&skill_key) {
            role.skills.push(skill_key.clone());
        }
        Some(RowSkill { index, key: skill_key, name })
    }

    /// Records the rating the row gives `skill` at level `l` of role `r`: a duplicate is
    /// counted, a different second rating keeps the first, and a skill level off the scale is
    /// left unrated; each with a note.
    fn rate(&mut self, r: usize, l: usize, skill: &RowSkill, skill_level: &str, row: &Row, notes: &mut Notes) {
        let role = &mut self.roles[r];
        let level = &mut role.levels[l];
        let skill_name = &skill.name;
        let Some(step) = SCALE.iter().position(|(id, _, _)| id.eq_ignore_ascii_case(skill_level)) else {
            notes.at(
                Some(&role.id),
                row.line,
                format!(
                    "level `{}` gives `{skill_name}` the skill level `{skill_level}`, which is not \
                     awareness, working, practitioner or expert; left unrated",
                    level.name
                ),
            );
            return;
        };
        let texts = &mut self.skills[skill.index].level_texts;
        if texts[step].is_none() {
            texts[step] = text_of(row.cell(SKILL_LEVEL_DESCRIPTION));
        }
        match level.ratings.get(&skill.key) {
            None => {
                level.ratings.insert(skill.key.clone(), (step, row.line));
            }
            Some(&(first, _)) if first == step => role.duplicate_rows += 1,
            Some(&(first, first_line)) => notes.at(
                Some(&role.id),
                row.line,
                format!(
                    "level `{}` rates `{skill_name}` {} here but {} at line {first_line}; kept {}",
                    level.name, SCALE[step].0, SCALE[first].0, SCALE[first].0
                ),
            ),
        }
    }

    /// Gives every level an id unique within its role, once all rows are read.
    fn give_level_ids(&mut self, notes: &mut Notes) {
        for role in &mut self.roles {
            let mut ids = IdPool::default();
            for level in &mut role.levels {
                let (id, changed) = ids.take(&level.name, "level");
                if changed {
                    notes.add(
                        Some(&role.id),
                        format!("level `{}` was given the id `{id}` (its plain id was taken or empty)", level.name),
                    );
                }
                level.id = id;
            }
        }
    }
}

impl RoleAcc {
    /// Notes what a further row of the role says differently from its first row.
    fn check_row(&mut self, row: &Row, notes: &mut Notes) {
        let family = clean_text(row.cell(ROLE_FAMILY));
        if !family.is_empty() && key(&family) != key(&self.family) {
            notes.at(
                Some(&self.id),
                row.line,
                format!("the role also appears under family `{family}`; kept `{}`", self.family),
            );
        }
        if clean_text(row.cell(ROLE_DESCRIPTION)) != clean_text(&self.description) {
            notes.at(
                Some(&self.id),
                row.line,
                "the role description differs from its first row; kept the first".into(),
            );
        }
        if normalise(row.cell(ROLE_TYPE)).contains("senior-civil-service") {
            self.scs = true;
        }
        let raw = row.cell(ROLE);
        if raw.trim() != raw && self.levels.is_empty() && self.skills.is_empty() {
            // Reported once per role, on its first row.
            notes.at(Some(&self.id), row.line, format!("role name `{raw}` had spaces around it; trimmed"));
        }
    }

    /// The index of the row's level, created when first seen; a different description on a
    /// later row is a note.
    fn level_of(&mut self, row: &Row, level_name: String, notes: &mut Notes) -> usize {
        let level_key = key(&level_name);
        let l = match self.level_keys.get(&level_key) {
            Some(&l) => l,
            None => {
                if row.cell(ROLE_LEVEL) != level_name {
                    notes.at(
                        Some(&self.id),
                        row.line,
                        format!("level name {:?} had stray spaces; trimmed to `{level_name}`", row.cell(ROLE_LEVEL)),
                    );
                }
                self.level_keys.insert(level_key, self.levels.len());
                self.levels.push(LevelAcc {
                    id: String::new(),
                    name: level_name,
                    description: row.cell(ROLE_LEVEL_DESCRIPTION).to_string(),
                    ratings: HashMap::new(),
                });
                self.levels.len() - 1
            }
        };
        let level = &self.levels[l];
        if clean_text(row.cell(ROLE_LEVEL_DESCRIPTION)) != clean_text(&level.description) {
            notes.at(
                Some(&self.id),
                row.line,
                format!("level `{}` has a different description on this row; kept the first", level.name),
            );
        }
        l
    }
}

/// Finds the `--role` by id or name, ignoring case and spacing, with a did-you-mean.
pub(super) fn select_role(roles: &[RoleAcc], query: &str, roles_csv: &str) -> anyhow::Result<usize> {
    let wanted = normalise(query);
    if let Some(i) = roles.iter().position(|r| r.id == wanted || normalise(&r.name) == wanted) {
        return Ok(i);
    }
    let mut msg = format!("unknown role `{query}`: no role of {roles_csv} has this name or id");
    let best = did_you_mean(query, roles.iter().flat_map(|r| [r.id.as_str(), r.name.as_str()]));
    if let Some(best) = best
        && let Some(role) = roles.iter().find(|r| r.id == best || r.name == best)
    {
        msg.push_str(&format!("\n  did you mean `{}` ({})?", role.id, role.name));
    }
    msg.push_str("\n  leave out --role to import every role");
    bail!("{msg}")
}
