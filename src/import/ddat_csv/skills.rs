//! `skills.csv` → the skill catalogue, and the entries of `skills.yaml`: each written skill takes
//! its texts from the catalogue, or from the cells of `roles.csv` where the catalogue lacks them,
//! and every skill not written is accounted for in a note.

use std::collections::{HashMap, HashSet};

use super::convert::Inputs;
use super::csv_file::{Columns, CsvFile, SCALE_COLUMNS, SKILL_DESCRIPTION, SKILL_NAME};
use super::output;
use super::roles::SkillAcc;
use super::{ImportedRole, Notes, SCALE};
use crate::import::clean::{clean_text, key, text_of};
use crate::raw::RawSkill;

/// The description of a skill neither file describes.
const NO_DESCRIPTION: &str = "The official framework export gives no description of this skill; what each level expects is under its proficiencies.";
/// The text of a proficiency neither file describes.
const NO_STEP_TEXT: &str = "The official framework export does not describe this level of the skill.";

/// A skill of skills.csv.
#[derive(Debug)]
pub(super) struct CatalogueSkill {
    pub(super) name: String,
    pub(super) description: Option<String>,
    /// Per scale step, its proficiency text.
    pub(super) levels: [Option<String>; 4],
}

/// Reads skills.csv: skill key → its first row. Fails only when the file is not the official
/// layout; a row without a name or repeating a skill is a note.
pub(super) fn read_skills(file: &CsvFile, notes: &mut Notes) -> anyhow::Result<HashMap<String, CatalogueSkill>> {
    let mut required = vec![SKILL_NAME];
    required.extend(SCALE_COLUMNS);
    let cols = Columns::locate(
        file,
        "skills",
        &required,
        &[SKILL_DESCRIPTION, "Roles that require Skill"],
        ("Role Level", "roles"),
    )?;
    let mut out: HashMap<String, CatalogueSkill> = HashMap::new();
    for (line, row) in &file.rows {
        let name = clean_text(cols.get(row, SKILL_NAME));
        if name.is_empty() {
            notes.add(None, format!("{} line {line}: a row names no skill; ignored", file.name));
            continue;
        }
        let k = key(&name);
        if out.contains_key(&k) {
            notes.add(None, format!("{} line {line}: skill `{name}` appears again; kept its first row", file.name));
            continue;
        }
        out.insert(
            k,
            CatalogueSkill {
                name,
                description: text_of(cols.get(row, SKILL_DESCRIPTION)),
                levels: SCALE_COLUMNS.map(|c| text_of(cols.get(row, c))),
            },
        );
    }
    Ok(out)
}

/// The entries of skills.yaml: the skills `used` (keys, in order of first use), with a note for
/// every text taken from roles.csv or found in neither file.
pub(super) fn written_skills(input: &Inputs, used: &[String], notes: &mut Notes) -> Vec<RawSkill> {
    let mut undescribed: Vec<String> = Vec::new();
    let skills: Vec<RawSkill> = used.iter().map(|k| skill_entry(input, k, notes, &mut undescribed)).collect();
    if !undescribed.is_empty() {
        notes.add(
            None,
            format!(
                "{} skill{} no description in either file ({} leaves it empty, {} says \"MISSING\" or nothing); written with a line saying so: {}",
                undescribed.len(),
                if undescribed.len() == 1 { " has" } else { "s have" },
                input.skills_csv.name,
                input.roles_csv.name,
                undescribed.join(", ")
            ),
        );
    }
    skills
}

/// The entry of skill `k`; its name goes into `undescribed` when neither file describes it.
fn skill_entry(input: &Inputs, k: &str, notes: &mut Notes, undescribed: &mut Vec<String>) -> RawSkill {
    let from_roles = &input.parsed.skills[input.parsed.skill_keys[k]];
    let from_catalogue = input.catalogue.get(k);
    let (texts, filled, missing) = proficiency_texts(from_catalogue, from_roles);
    let description = from_catalogue.and_then(|c| c.description.clone()).or_else(|| from_roles.description.clone());
    let (roles_csv, skills_csv) = (&input.roles_csv.name, &input.skills_csv.name);
    match from_catalogue {
        None => notes.add(
            None,
            format!(
                "skill `{}` is not in {skills_csv}; its texts come from {roles_csv}{}",
                from_roles.name,
                if missing.is_empty() {
                    String::new()
                } else {
                    format!(", which does not describe {} (written with a line saying so)", missing.join(", "))
                }
            ),
        ),
        Some(c) => {
            if !filled.is_empty() {
                notes.add(
                    None,
                    format!(
                        "skill `{}` has no {} text in {skills_csv}; took it from {roles_csv}",
                        c.name,
                        filled.join(", ")
                    ),
                );
            }
            if !missing.is_empty() {
                notes.add(
                    None,
                    format!(
                        "skill `{}` has no {} text in either file; written with a line saying so",
                        c.name,
                        missing.join(", ")
                    ),
                );
            }
        }
    }
    if description.is_none() {
        undescribed.push(from_roles.name.clone());
    }
    let name = from_catalogue.map_or_else(|| from_roles.name.clone(), |c| c.name.clone());
    // Said in so many words, so a reader knows the gap is the source's, not the import's.
    let description = description.unwrap_or_else(|| NO_DESCRIPTION.to_string());
    let texts = texts.map(|t| t.unwrap_or_else(|| NO_STEP_TEXT.to_string()));
    output::skill(input.skill_ids[k].clone(), name, Some(description), texts)
}

/// A skill's proficiency texts, lowest step first: the catalogue's, else those of roles.csv.
/// Also the steps filled in from roles.csv and the steps neither file describes.
fn proficiency_texts(
    from_catalogue: Option<&CatalogueSkill>,
    from_roles: &SkillAcc,
) -> ([Option<String>; 4], Vec<&'static str>, Vec<&'static str>) {
    let mut filled: Vec<&str> = Vec::new();
    let mut missing: Vec<&str> = Vec::new();
    let mut levels: [Option<String>; 4] = Default::default();
    for (i, slot) in levels.iter_mut().enumerate() {
        *slot = from_catalogue.and_then(|c| c.levels[i].clone());
        if slot.is_none() {
            *slot = from_roles.level_texts[i].clone();
            if slot.is_some() {
                filled.push(SCALE[i].0);
            } else {
                missing.push(SCALE[i].0);
            }
        }
    }
    (levels, filled, missing)
}

/// Notes the skills that the written folder does not need, so that none disappears unexplained:
/// skills an imported role names only on rows that rate nothing (ignored or off the scale),
/// skills only roles not imported use, and skills of skills.csv that no role uses.
pub(super) fn note_skills_not_written(
    input: &Inputs,
    selected: Option<usize>,
    imported: &[ImportedRole],
    used: &[String],
    notes: &mut Notes,
) {
    let parsed = &input.parsed;
    let considered = |r: usize| selected.is_none_or(|s| s == r);
    let in_imported: HashSet<&String> = parsed
        .roles
        .iter()
        .enumerate()
        .filter(|(r, role)| considered(*r) && imported.iter().any(|i| i.id == role.id))
        .flat_map(|(_, role)| role.skills.iter())
        .collect();
    let mut never_rated: Vec<&str> = Vec::new();
    let mut other_roles_only = 0;
    for (k, s) in &parsed.skill_keys {
        if used.contains(k) {
            continue;
        }
        if in_imported.contains(k) {
            never_rated.push(parsed.skills[*s].name.as_str());
        } else {
            other_roles_only += 1;
        }
    }
    never_rated.sort_unstable();
    if !never_rated.is_empty() {
        let one = never_rated.len() == 1;
        notes.add(
            None,
            format!(
                "{} skill{} rated by no level of the imported roles that name {} (only on rows ignored or left unrated, see the notes above), so skills.yaml leaves {} out: {}",
                never_rated.len(),
                if one { " is" } else { "s are" },
                if one { "it" } else { "them" },
                if one { "it" } else { "them" },
                never_rated.join(", ")
            ),
        );
    }
    if other_roles_only > 0 {
        let one = other_roles_only == 1;
        notes.add(
            None,
            format!(
                "{other_roles_only} skill{} of {} {} used only by roles not imported, so skills.yaml leaves {} out",
                if one { "" } else { "s" },
                input.roles_csv.name,
                if one { "is" } else { "are" },
                if one { "it" } else { "them" },
            ),
        );
    }
    note_catalogue_unused(input, notes);
}

/// Notes the skills of skills.csv that no role of roles.csv uses.
fn note_catalogue_unused(input: &Inputs, notes: &mut Notes) {
    let mut unused: Vec<&str> = input
        .catalogue
        .iter()
        .filter(|(k, _)| !input.parsed.skill_keys.contains_key(*k))
        .map(|(_, c)| c.name.as_str())
        .collect();
    unused.sort_unstable();
    if !unused.is_empty() {
        let one = unused.len() == 1;
        notes.add(
            None,
            format!(
                "{} skill{} of {} no role of {} uses, so skills.yaml leaves {} out: {}",
                unused.len(),
                if one { "" } else { "s" },
                input.skills_csv.name,
                input.roles_csv.name,
                if one { "it" } else { "them" },
                unused.join(", ")
            ),
        );
    }
}
