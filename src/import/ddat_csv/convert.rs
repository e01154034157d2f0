//! The conversion, with no I/O: the two CSV files (and the `--level-order` file) → the files of
//! a framework folder and the report. Each role goes through the same steps: skip it if it has
//! no levels, order its levels, keep every skill any of its levels rates (unrated where a level
//! does not rate it), then write its file.

use std::collections::HashMap;

use anyhow::bail;

use super::csv_file::CsvFile;
use super::output::{self, Provenance};
use super::roles::{LevelAcc, RoleAcc, RolesCsv, read_roles, select_role};
use super::seniority::{SENIORITY_RULE, order_by_seniority, read_level_order};
use super::skills::{CatalogueSkill, note_skills_not_written, read_skills, written_skills};
use super::{DEFAULT_ROLE, FRAMEWORK_ID, ImportReport, ImportedRole, Notes, OrderSource, SCALE, SkippedRole, UNDATED};
use crate::import::clean::{IdPool, key};
use crate::model::Ref;
use crate::source::SourceFile;

/// Converts the two CSV files into the files of a framework folder (path relative to the
/// folder, text) and the report. `role` imports one role (id or name); `level_order` is the
/// `--level-order` file; `export_date` the `--export-date` (the version). No I/O: [`super::run`]
/// reads and writes.
pub fn convert(
    roles_csv: &CsvFile,
    skills_csv: &CsvFile,
    role: Option<&str>,
    level_order: Option<&SourceFile>,
    export_date: Option<&str>,
) -> anyhow::Result<(Vec<(String, String)>, ImportReport)> {
    let mut notes = Notes::default();
    let parsed = read_roles(roles_csv, &mut notes)?;
    let catalogue = read_skills(skills_csv, &mut notes)?;
    let overrides = match level_order {
        Some(file) => read_level_order(file, &parsed.roles)?,
        None => HashMap::new(),
    };
    let selected = match role {
        Some(query) => Some(select_role(&parsed.roles, query, &roles_csv.display)?),
        None => None,
    };
    let skill_ids = skill_ids(&parsed);
    let input = Inputs { roles_csv, skills_csv, parsed, catalogue, skill_ids };
    let provenance = Provenance::new(&roles_csv.name, &skills_csv.name, export_date);
    if export_date.is_none() {
        notes.add(
            None,
            format!(
                "the export does not say when it was made, so the framework's version is \"{UNDATED}\"; \
                 give the date of the download with --export-date (e.g. --export-date 2025-09)"
            ),
        );
    }

    let roles = convert_roles(&input, selected, &overrides, &provenance, &mut notes)?;
    if roles.imported.is_empty() {
        let why: Vec<String> = roles.skipped.iter().map(|s| format!("{} ({}): {}", s.name, s.id, s.reason)).collect();
        bail!(
            "nothing to import from {}: no role has levels that can be compared\n  {}",
            roles_csv.display,
            why.join("\n  ")
        );
    }
    let skills = written_skills(&input, &roles.used_skills, &mut notes);
    note_skills_not_written(&input, selected, &roles.imported, &roles.used_skills, &mut notes);
    let skills_written = skills.len();
    let mut files = framework_files(&provenance, &roles.imported, skills)?;
    files.extend(roles.files);

    let mut notes = notes.finish(&roles_csv.name);
    // With --role, notes about the rows of other roles are beside the point.
    if let Some(s) = selected {
        notes.retain(|n| n.role.as_ref().is_none_or(|id| *id == input.parsed.roles[s].id));
    }
    let report = ImportReport {
        out: String::new(),
        framework: FRAMEWORK_ID.to_string(),
        roles_csv: roles_csv.display.clone(),
        skills_csv: skills_csv.display.clone(),
        rows: roles_csv.rows.len(),
        roles_in_csv: input.parsed.roles.len(),
        families_in_csv: input.parsed.families(),
        selected_role: role.map(str::to_string),
        skills_written,
        imported: roles.imported,
        skipped: roles.skipped,
        notes,
        seniority_rule: SENIORITY_RULE.to_string(),
    };
    Ok((files, report))
}

/// What the conversion reads, indexed.
pub(super) struct Inputs<'a> {
    pub(super) roles_csv: &'a CsvFile,
    pub(super) skills_csv: &'a CsvFile,
    pub(super) parsed: RolesCsv,
    /// Skill key → its row of skills.csv.
    pub(super) catalogue: HashMap<String, CatalogueSkill>,
    /// Skill key → skill id.
    pub(super) skill_ids: HashMap<String, String>,
}

/// Skill key → id, for every skill of the roles CSV in CSV order, so that importing one role
/// gives the same ids as importing them all.
fn skill_ids(parsed: &RolesCsv) -> HashMap<String, String> {
    let mut pool = IdPool::default();
    parsed.skills.iter().map(|skill| (key(&skill.name), pool.take(&skill.name, "skill").0)).collect()
}

/// `framework.yaml` and `skills.yaml`.
fn framework_files(
    provenance: &Provenance,
    imported: &[ImportedRole],
    skills: Vec<crate::raw::RawSkill>,
) -> anyhow::Result<Vec<(String, String)>> {
    let default_role = imported.iter().any(|r| r.id == DEFAULT_ROLE).then_some(DEFAULT_ROLE);
    let description = format!(
        "The UK government's Digital and Data Profession Capability Framework: {} role{} with \
         their levels and the skills each level needs, from {}.",
        imported.len(),
        if imported.len() == 1 { "" } else { "s" },
        provenance.export()
    );
    Ok(vec![
        ("framework.yaml".to_string(), provenance.file(&provenance.framework(description, default_role))?),
        ("skills.yaml".to_string(), provenance.file(&provenance.skills(skills))?),
    ])
}

/// The roles converted, in CSV order.
#[derive(Default)]
struct Converted {
    imported: Vec<ImportedRole>,
    skipped: Vec<SkippedRole>,
    /// The role files (path relative to the folder, text).
    files: Vec<(String, String)>,
    /// The keys of the skills the role files use, in order of first use.
    used_skills: Vec<String>,
}

/// Converts every role considered (all, or the one `selected`), writing a file for each role
/// that can be compared level by level and a reason for each other.
fn convert_roles(
    input: &Inputs,
    selected: Option<usize>,
    overrides: &HashMap<usize, Vec<usize>>,
    provenance: &Provenance,
    notes: &mut Notes,
) -> anyhow::Result<Converted> {
    let mut out = Converted::default();
    let mut families = Families::default();
    for (r, role) in input.parsed.roles.iter().enumerate() {
        if selected.is_some_and(|s| s != r) {
            continue;
        }
        let plan = match plan_role(role, overrides.get(&r), notes) {
            Ok(plan) => plan,
            Err(reason) => {
                let (id, name, family) = (role.id.clone(), role.name.clone(), role.family.clone());
                out.skipped.push(SkippedRole { id, name, family, reason });
                continue;
            }
        };
        let rel = format!("roles/{}/{}.yaml", families.id(&role.family), role.id);
        let (text, drops) = role_file(input, provenance, role, &plan)?;
        out.files.push((rel.clone(), text));
        for s in &plan.kept {
            if !out.used_skills.contains(s) {
                out.used_skills.push((*s).clone());
            }
        }
        out.imported.push(ImportedRole {
            id: role.id.clone(),
            name: role.name.clone(),
            family: role.family.clone(),
            file: rel,
            levels: plan.order.iter().map(|&l| Ref::from(&role.levels[l])).collect(),
            skills: plan.kept.len(),
            order: plan.source,
            ties: plan.ties,
            drops,
        });
    }
    Ok(out)
}

/// Family key → the id of its folder under `roles/`, given in order of first use.
#[derive(Default)]
struct Families {
    ids: HashMap<String, String>,
    pool: IdPool,
}

impl Families {
    fn id(&mut self, family: &str) -> String {
        self.ids.entry(key(family)).or_insert_with(|| self.pool.take(family, "other").0).clone()
    }
}

/// What a role keeps: its levels in order, and the skills any of them rates.
struct RolePlan<'a> {
    /// Level indices, most junior first.
    order: Vec<usize>,
    source: OrderSource,
    /// Level names the rule ranks equally.
    ties: Vec<Vec<String>>,
    /// Skill keys some level rates, in the order the role's rows first name them.
    kept: Vec<&'a String>,
}

/// Decides what `role` keeps, noting every row and level left out; `Err` is why the role
/// cannot be imported at all.
fn plan_role<'a>(
    role: &'a RoleAcc,
    level_order: Option<&Vec<usize>>,
    notes: &mut Notes,
) -> Result<RolePlan<'a>, String> {
    if role.levels.is_empty() {
        return Err(no_levels_reason(role).to_string());
    }
    note_rows_set_aside(role, notes);
    // Levels that rate nothing cannot be compared: leave them out, and say so.
    let rated: Vec<usize> = (0..role.levels.len()).filter(|&l| !role.levels[l].ratings.is_empty()).collect();
    for level in role.levels.iter().filter(|l| l.ratings.is_empty()) {
        notes.add(Some(&role.id), format!("left out level `{}`: it rates no skill on the scale", level.name));
    }
    if rated.is_empty() {
        return Err("no level rates any skill as awareness, working, practitioner or expert".into());
    }
    let (order, source, ties) = order_levels(role, &rated, level_order);
    for group in &ties {
        notes.add(
            Some(&role.id),
            format!(
                "the seniority rule ranks {} equally; kept the CSV order (use --level-order to set it)",
                group.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" and ")
            ),
        );
    }
    // A skill only on ignored rows is rated nowhere: listing it would promise a rating.
    let kept: Vec<&String> =
        role.skills.iter().filter(|s| order.iter().any(|&l| role.levels[l].ratings.contains_key(*s))).collect();
    Ok(RolePlan { order, source, ties, kept })
}

/// Why a role without levels is skipped.
fn no_levels_reason(role: &RoleAcc) -> &'static str {
    if role.scs {
        "Senior Civil Service role: the framework gives it no levels (its level and skill levels are \"NOT IN USE\"), so there is nothing to compare"
    } else if role.not_in_use_rows > 0 {
        "no levels: every row of the role says \"NOT IN USE\""
    } else {
        "no levels: no row of the role names a level"
    }
}

/// Notes the rows of an imported role that were ignored or merged, and a Senior Civil Service
/// role type on a role with levels.
fn note_rows_set_aside(role: &RoleAcc, notes: &mut Notes) {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    if role.not_in_use_rows > 0 {
        notes.add(
            Some(&role.id),
            format!(
                "ignored {} row{} whose level or skill level is \"NOT IN USE\"",
                role.not_in_use_rows,
                s(role.not_in_use_rows)
            ),
        );
    }
    if role.scs {
        notes.add(Some(&role.id), "the Role Type is Senior Civil Service, but the role has levels; imported".into());
    }
    if role.duplicate_rows > 0 {
        notes.add(
            Some(&role.id),
            format!(
                "merged {} duplicate row{} (same level, skill and skill level)",
                role.duplicate_rows,
                s(role.duplicate_rows)
            ),
        );
    }
}

/// The `rated` levels in seniority order: as the `--level-order` file says, or by the rule
/// (with the groups of names it ranks equally).
fn order_levels(
    role: &RoleAcc,
    rated: &[usize],
    level_order: Option<&Vec<usize>>,
) -> (Vec<usize>, OrderSource, Vec<Vec<String>>) {
    if let Some(order) = level_order {
        let order: Vec<usize> = order.iter().copied().filter(|l| rated.contains(l)).collect();
        return (order, OrderSource::LevelOrderFile, Vec::new());
    }
    let names: Vec<&str> = rated.iter().map(|&l| role.levels[l].name.as_str()).collect();
    let (order, ties) = order_by_seniority(&names);
    let order: Vec<usize> = order.into_iter().map(|i| rated[i]).collect();
    let ties: Vec<Vec<String>> =
        ties.into_iter().map(|group| group.into_iter().map(|i| names[i].to_string()).collect()).collect();
    let source = if ties.is_empty() { OrderSource::Rule } else { OrderSource::RuleWithTies };
    (order, source, ties)
}

/// The text of a role's file, and how many of its ratings are lower than at the level below.
fn role_file(
    input: &Inputs,
    provenance: &Provenance,
    role: &RoleAcc,
    plan: &RolePlan,
) -> anyhow::Result<(String, usize)> {
    let ids: Vec<String> = plan.kept.iter().map(|s| input.skill_ids[s.as_str()].clone()).collect();
    let mut drops = 0;
    let mut levels = Vec::new();
    for (pos, &l) in plan.order.iter().enumerate() {
        let level = &role.levels[l];
        let below = pos.checked_sub(1).map(|p| &role.levels[plan.order[p]]);
        let mut ratings = Vec::new();
        for (s, id) in plan.kept.iter().zip(&ids) {
            // A level that does not rate the skill writes it unrated (`~`).
            let rating = level.ratings.get(s.as_str()).map(|&(step, _)| {
                let note = below.and_then(|below| drop_note(step, below, s));
                drops += usize::from(note.is_some());
                output::rating(step, note)
            });
            ratings.push((id.clone(), rating));
        }
        levels.push(output::level(level, ratings));
    }
    let text = provenance.file(&provenance.role(role, ids, levels))?;
    Ok((text, drops))
}

/// The note on rating `step` of skill `s` when it is lower than at the level `below`: the
/// framework does this where leaders stop using a skill day to day, and the note keeps
/// `validate` from flagging it as a typo. An unrated level below is no drop (as for `validate`,
/// which compares neighbours that both rate the skill).
fn drop_note(step: usize, below: &LevelAcc, s: &str) -> Option<String> {
    let lower = below.ratings.get(s)?.0;
    (lower > step).then(|| crate::import::drop_note(SCALE[lower].0, &below.name, "the official framework"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(name: &str, text: &str) -> CsvFile {
        CsvFile::parse(name, name, text).unwrap()
    }

    const ROLES_HEADER: &str = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n";
    const SKILLS_HEADER: &str =
        "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n";

    #[test]
    fn partial_levels_keep_every_skill_unrated_where_not_rated_and_duplicates_merge() {
        let roles = csv(
            "roles.csv",
            &format!(
                "{ROLES_HEADER}\
F,Widget maker,Makes widgets.,Senior widget maker,Senior.,Cutting,d,Expert,t,\n\
F,Widget maker,Makes widgets.,Senior widget maker,Senior.,Gluing,d,Practitioner,t,\n\
F,Widget maker,Makes widgets.,Widget maker,Plain.,Cutting,d,Working,t,\n\
F,Widget maker,Makes widgets.,Widget maker,Plain.,Cutting,d,Working,t,\n\
F,Boss,Leads.,NOT IN USE,None.,Cutting,d,NOT IN USE,t,Senior Civil Service\n"
            ),
        );
        let skills = csv("skills.csv", &format!("{SKILLS_HEADER}Cutting,Cuts.,a,w,p,e,Widget maker\n"));
        let (files, report) = convert(&roles, &skills, None, None, None).unwrap();
        assert_eq!(report.imported.len(), 1);
        let role = &report.imported[0];
        assert_eq!(role.skills, 2, "Gluing, rated at one level only, is kept");
        let levels: Vec<&str> = role.levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(levels, ["widget-maker", "senior-widget-maker"]);
        assert_eq!(report.skipped.len(), 1);
        assert!(report.skipped[0].reason.contains("Senior Civil Service"));
        let notes: Vec<&str> = report.notes.iter().map(|n| n.message.as_str()).collect();
        assert!(notes.iter().any(|n| n.contains("merged 1 duplicate row")), "{notes:?}");
        assert!(!notes.iter().any(|n| n.contains("left out") && n.contains("skill")), "{notes:?}");
        // Gluing is not in skills.csv: written with its texts from roles.csv.
        let skills_yaml = &files.iter().find(|(p, _)| p == "skills.yaml").unwrap().1;
        assert!(skills_yaml.contains("id: cutting") && skills_yaml.contains("id: gluing"), "{skills_yaml}");
        // The level that does not rate it writes it unrated, and the senior level's rating of
        // a skill the level below leaves unrated is no drop.
        let role_yaml = &files.iter().find(|(p, _)| p.ends_with("widget-maker.yaml")).unwrap().1;
        let role: crate::raw::RawRole = serde_yaml::from_str(role_yaml).unwrap();
        let plain = &role.levels[0].skills.0;
        assert_eq!(plain[0].0, "cutting");
        assert_eq!((plain[1].0.as_str(), plain[1].1.is_none()), ("gluing", true));
        assert!(role_yaml.contains("gluing: null") || role_yaml.contains("gluing: ~"), "{role_yaml}");
        assert_eq!(role.levels[1].skills.0[1].1.as_ref().unwrap().note, None);
        assert_eq!(role.skills, ["cutting", "gluing"]);
    }

    #[test]
    fn a_level_described_by_a_lead_in_and_bullets_alone_gets_them_as_its_summary() {
        let roles = csv(
            "roles.csv",
            &format!(
                "{ROLES_HEADER}\
F,Widget maker,Makes widgets.,Associate widget maker,\"At this role level, you will:\n- cut widgets\n- learn on the job\",Cutting,d,Working,t,\n\
F,Widget maker,Makes widgets.,Widget maker,\"A widget maker makes widgets.\n\nAt this role level, you will:\n- glue widgets\",Cutting,d,Practitioner,t,\n"
            ),
        );
        let skills = csv("skills.csv", &format!("{SKILLS_HEADER}Cutting,Cuts.,a,w,p,e,Widget maker\n"));
        let (files, _) = convert(&roles, &skills, None, None, None).unwrap();
        let role_yaml = &files.iter().find(|(p, _)| p.ends_with("widget-maker.yaml")).unwrap().1;
        let role: crate::raw::RawRole = serde_yaml::from_str(role_yaml).unwrap();
        let summaries: Vec<Option<&str>> = role.levels.iter().map(|l| l.summary.as_deref()).collect();
        assert_eq!(
            summaries,
            [
                Some("At this role level, you will cut widgets; learn on the job."),
                Some("A widget maker makes widgets.")
            ]
        );
        assert_eq!(role.levels[0].responsibilities, ["cut widgets", "learn on the job"]);
    }

    #[test]
    fn missing_columns_and_swapped_files_are_clear_errors() {
        let roles = csv("roles.csv", "Role,Skill Name\nA,B\n");
        let skills = csv("skills.csv", &format!("{SKILLS_HEADER}Cutting,Cuts.,a,w,p,e,X\n"));
        let err = convert(&roles, &skills, None, None, None).unwrap_err().to_string();
        assert!(err.contains("roles.csv: line 1") && err.contains("`Role Level`"), "{err}");
        let err = convert(&skills, &skills, None, None, None).unwrap_err().to_string();
        assert!(err.contains("swapped"), "{err}");
    }
}
