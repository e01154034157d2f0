//! Raw file shapes → the indexed [`Framework`], with the checks serde cannot make.
//!
//! Every rule reports into one [`Problems`] list instead of stopping at the first, so `validate`
//! shows a user every mistake in one run, and every other command refuses bad data with exactly the
//! same messages.

use std::collections::HashMap;

use crate::diagnostics::{LineIndex, Problems, Severity, find_line};
use crate::model::{Criterion, Framework, Level, Rating, Resource, Role, ScaleStep, Skill, SoftSkill};
use crate::raw::{OrderedMap, RawFramework, RawLevel, RawRole, RawSkillsFile, RawSoftSkillsFile, RawStep};
use crate::resolve::{did_you_mean, is_kebab};
use crate::source::SourceFile;
use crate::yaml;

fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

/// Role files of at least this many bytes in all are parsed on a thread of their own: below it, a
/// thread costs more than it saves.
const PARALLEL_BYTES: usize = 1 << 20;

/// A framework folder's files by their part.
struct Parts<'a> {
    framework: Option<&'a SourceFile>,
    skills: Option<&'a SourceFile>,
    soft: Option<&'a SourceFile>,
    roles: Vec<&'a SourceFile>,
}

/// Sorts the files into their parts, reporting missing parts and files that are none.
fn sort_files<'a>(root: &str, files: &'a [SourceFile], problems: &mut Problems) -> Parts<'a> {
    let mut framework_file = None;
    let mut skills_file = None;
    let mut soft_file = None;
    let mut role_files = Vec::new();
    for file in files {
        match file.rel.as_str() {
            "framework.yaml" | "framework.yml" => framework_file = Some(file),
            "skills.yaml" | "skills.yml" => skills_file = Some(file),
            "soft-skills.yaml" | "soft-skills.yml" => soft_file = Some(file),
            rel if rel.starts_with("roles/") => role_files.push(file),
            _ => problems.warn(
                &file.display,
                None,
                "not part of a framework folder (expected framework.yaml, skills.yaml, soft-skills.yaml or roles/*.yaml); ignored".into(),
            ),
        }
    }
    let joined = |name: &str| format!("{}/{name}", root.trim_end_matches('/'));
    if framework_file.is_none() {
        problems.error(
            joined("framework.yaml"),
            None,
            "missing file; expected framework.yaml with the id, name, version and proficiency scale",
        );
    }
    if skills_file.is_none() {
        problems.error(joined("skills.yaml"), None, "missing file; expected skills.yaml listing the skills");
    }
    if role_files.is_empty() {
        problems.error(joined("roles/"), None, "no role files; expected at least one roles/<role>.yaml with levels");
    }

    Parts { framework: framework_file, skills: skills_file, soft: soft_file, roles: role_files }
}

/// Builds a framework from its files, reporting every problem. Returns `None` when any error was
/// found; warnings alone still produce a framework.
pub fn assemble(root: &str, files: &[SourceFile], problems: &mut Problems) -> Option<Framework> {
    let Parts { framework: framework_file, skills: skills_file, soft: soft_file, roles: role_files } =
        sort_files(root, files, problems);
    // Parsing is nearly all the time a large framework takes, and the role files do not depend
    // on the rest: a large folder parses them on a second thread. Problems keep the file order.
    let parse_roles = || {
        let mut problems = Problems::default();
        let roles: Vec<(&SourceFile, RawRole)> =
            role_files.iter().filter_map(|f| yaml::parse::<RawRole>(f, &mut problems).map(|r| (*f, r))).collect();
        (roles, problems)
    };
    let role_bytes: usize = role_files.iter().map(|f| f.text.len()).sum();
    let ((raw_framework, raw_skills, raw_soft), (raw_roles, mut role_problems)) = std::thread::scope(|scope| {
        let roles = (role_bytes >= PARALLEL_BYTES).then(|| scope.spawn(parse_roles));
        let raw_framework: Option<RawFramework> = framework_file.and_then(|f| yaml::parse(f, problems));
        let raw_skills: Option<RawSkillsFile> = skills_file.and_then(|f| yaml::parse(f, problems));
        let raw_soft: Option<RawSoftSkillsFile> = soft_file.and_then(|f| yaml::parse(f, problems));
        let roles = match roles {
            Some(handle) => handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            None => parse_roles(),
        };
        ((raw_framework, raw_skills, raw_soft), roles)
    });
    problems.0.append(&mut role_problems.0);

    for (file, source, licence) in [
        (framework_file, raw_framework.as_ref().map(|r| &r.source), raw_framework.as_ref().map(|r| &r.licence)),
        (skills_file, raw_skills.as_ref().map(|r| &r.source), raw_skills.as_ref().map(|r| &r.licence)),
        (soft_file, raw_soft.as_ref().map(|r| &r.source), raw_soft.as_ref().map(|r| &r.licence)),
    ] {
        if let (Some(file), Some(source), Some(licence)) = (file, source, licence) {
            lint_provenance(file, source, licence, problems);
        }
    }
    for (file, role) in &raw_roles {
        lint_provenance(file, &role.source, &role.licence, problems);
    }

    let (framework_file, raw_framework) = (framework_file?, raw_framework?);
    let (skills_file, raw_skills) = (skills_file?, raw_skills?);

    let scale = check_scale(framework_file, &raw_framework, problems);
    let behaviour_scale =
        check_steps(framework_file, "behaviour_scale:", "behaviour step", &raw_framework.behaviour_scale, problems);
    let scale_ids: Vec<&str> = scale.iter().map(|s| s.id.as_str()).collect();
    let skills = check_skills(skills_file, raw_skills, &scale_ids, problems);
    let soft_skills = match (soft_file, raw_soft) {
        (Some(file), Some(raw)) => check_soft_skills(file, raw, problems),
        _ => Vec::new(),
    };

    let skill_index: HashMap<&str, usize> = skills.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    // Usage comes from the raw lists, so a role refused for another error does not also make its
    // skills look unused.
    let mut used = vec![false; skills.len()];
    for (_, raw) in &raw_roles {
        for id in &raw.skills {
            if let Some(&i) = skill_index.get(id.as_str()) {
                used[i] = true;
            }
        }
    }
    // Checks that look across all roles are only fair when every role file could be read.
    let every_role_read = raw_roles.len() == role_files.len();
    let mut roles: Vec<Role> = Vec::new();
    let mut role_seen: HashMap<String, String> = HashMap::new();
    for (file, raw) in raw_roles {
        let line = find_line(&file.text, "id:", 1);
        if let Some(first) = role_seen.get(&raw.id) {
            problems.error(&file.display, line, format!("duplicate role id `{}`; {first} already defines it", raw.id));
            continue;
        }
        role_seen.insert(raw.id.clone(), file.display.clone());
        let context = FrameworkContext {
            skills: &skills,
            skill_index: &skill_index,
            scale: &scale,
            soft_skills: &soft_skills,
            behaviour_scale: &behaviour_scale,
        };
        if let Some(role) = check_role(file, raw, &context, problems) {
            roles.push(role);
        }
    }

    let skill_lines = LineIndex::new(&skills_file.text);
    for (skill, used) in skills.iter().zip(used) {
        if !used && every_role_read && !role_seen.is_empty() {
            let line = skill_lines.find(&format!("id: {}", skill.id), 1);
            problems.warn(&skills_file.display, line, format!("skill `{}` is not used by any role", skill.id));
        }
    }

    let default_role = raw_framework.default_role.as_ref().and_then(|wanted| {
        let found = roles.iter().position(|r| &r.id == wanted);
        if found.is_none() && every_role_read && !role_seen.contains_key(wanted) {
            let hint =
                did_you_mean(wanted, roles.iter().map(|r| r.id.as_str())).map(|b| format!("did you mean `{b}`?"));
            problems.error_hint(
                &framework_file.display,
                find_line(&framework_file.text, "default_role:", 1),
                format!("default_role `{wanted}` is not a role of this framework"),
                hint,
            );
        }
        found
    });
    if blank(&raw_framework.description) {
        problems.warn(&framework_file.display, None, "missing description of the framework".into());
    }

    if problems.has_errors() {
        return None;
    }
    Some(Framework {
        id: raw_framework.id,
        name: raw_framework.name,
        version: raw_framework.version,
        description: raw_framework.description.unwrap_or_default(),
        source: raw_framework.source.unwrap_or_default(),
        licence: raw_framework.licence.unwrap_or_default(),
        scale,
        behaviour_scale,
        skills,
        soft_skills,
        roles,
        default_role,
    })
}

fn lint_provenance(file: &SourceFile, source: &Option<String>, licence: &Option<String>, problems: &mut Problems) {
    if blank(source) {
        problems.warn(&file.display, None, "no `source:` naming where the facts come from".into());
    }
    if blank(licence) {
        problems.warn(&file.display, None, "no `licence:` naming the licence of the text".into());
    }
}

/// Checks the id, name, uniqueness and aliases of one entry of a list.
struct IdCheck<'a> {
    file: &'a SourceFile,
    lines: LineIndex<'a>,
    kind: &'a str,
    seen: HashMap<String, String>,
}

impl<'a> IdCheck<'a> {
    fn new(file: &'a SourceFile, kind: &'a str) -> Self {
        IdCheck { file, lines: LineIndex::new(&file.text), kind, seen: HashMap::new() }
    }

    /// Returns the line of the entry and whether it may be kept (its id is new).
    fn check(
        &mut self,
        id: &str,
        name: &str,
        aliases: &[String],
        from: usize,
        problems: &mut Problems,
    ) -> (Option<usize>, bool) {
        let line = self.lines.find(&format!("id: {id}"), from).or_else(|| self.lines.find("id:", from));
        let kind = self.kind;
        if let Some(message) = id_problem(kind, id) {
            problems.error(&self.file.display, line, message);
        }
        if name.trim().is_empty() {
            problems.error(&self.file.display, line, format!("{kind} `{id}` has an empty name"));
        }
        if let Some(owner) = self.seen.get(id) {
            let what = if owner == id { "id".to_string() } else { format!("alias of `{owner}`") };
            problems.error(
                &self.file.display,
                line,
                format!("duplicate {kind} id `{id}`; it is already used as an {what}"),
            );
            return (line, false);
        }
        self.seen.insert(id.to_string(), id.to_string());
        for alias in aliases {
            let alias_key = alias.to_lowercase();
            if let Some(owner) = self.seen.get(&alias_key) {
                problems.error(
                    &self.file.display,
                    line,
                    format!("{kind} `{id}` has alias `{alias}`, already used by `{owner}`"),
                );
            } else {
                self.seen.insert(alias_key, id.to_string());
            }
        }
        (line, true)
    }
}

/// The most characters an id may have. Ids name the site's files and folders (a level page is
/// `roles/ROLE/LEVEL.html`), and a file name may have 255 bytes at most; the longest real id is
/// under 40.
pub const MAX_ID_CHARS: usize = 64;

/// What is wrong with the id `id` of a `kind` (`skill`, `role`…), if anything: not kebab-case, or
/// longer than [`MAX_ID_CHARS`] (shown clipped). The importers ask it too, so that what they
/// write is never refused by the loader.
pub fn id_problem(kind: &str, id: &str) -> Option<String> {
    if id.chars().count() > MAX_ID_CHARS {
        let start: String = id.chars().take(24).collect();
        return Some(format!(
            "{kind} id `{start}…` is {} characters long, over the limit of {MAX_ID_CHARS}; give it a shorter id",
            id.chars().count()
        ));
    }
    (!is_kebab(id)).then(|| match kind {
        "framework" | "role" => format!("{kind} id `{id}` is not kebab-case"),
        _ => format!(
            "{kind} id `{id}` is not kebab-case; expected lowercase words joined by `-`, e.g. `senior-product-manager`"
        ),
    })
}

fn check_scale(file: &SourceFile, raw: &RawFramework, problems: &mut Problems) -> Vec<ScaleStep> {
    if let Some(message) = id_problem("framework", &raw.id) {
        problems.error(&file.display, find_line(&file.text, "id:", 1), message);
    }
    if raw.name.trim().is_empty() {
        problems.error(&file.display, find_line(&file.text, "name:", 1), "the framework has an empty name");
    }
    if raw.scale.len() < 2 {
        problems.error(
            &file.display,
            find_line(&file.text, "scale:", 1),
            "the proficiency scale needs at least two steps, lowest first",
        );
    }
    check_steps(file, "scale:", "scale step", &raw.scale, problems)
}

/// Checks a list of steps (the proficiency scale or the behaviour scale) found under `key`.
fn check_steps(file: &SourceFile, key: &str, kind: &str, raw: &[RawStep], problems: &mut Problems) -> Vec<ScaleStep> {
    let start = find_line(&file.text, key, 1).unwrap_or(1);
    let mut ids = IdCheck::new(file, kind);
    let mut steps = Vec::new();
    for step in raw {
        let (line, keep) = ids.check(&step.id, &step.name, &[], start, problems);
        if blank(&step.meaning) {
            problems.warn(&file.display, line, format!("{kind} `{}` has no meaning", step.id));
        }
        if keep {
            steps.push(ScaleStep {
                id: step.id.clone(),
                name: step.name.clone(),
                meaning: step.meaning.clone().unwrap_or_default(),
            });
        }
    }
    steps
}

fn check_skills(file: &SourceFile, raw: RawSkillsFile, scale: &[&str], problems: &mut Problems) -> Vec<Skill> {
    let mut ids = IdCheck::new(file, "skill");
    let mut skills = Vec::new();
    let mut from = 1;
    for skill in raw.skills {
        let (line, keep) = ids.check(&skill.id, &skill.name, &skill.aliases, from, problems);
        from = line.map_or(from, |l| l + 1);
        if blank(&skill.description) {
            problems.warn(&file.display, line, format!("skill `{}` has no description", skill.id));
        }
        let per_step = PerStep { file, lines: &ids.lines, from, skill: &skill.id, scale };
        let (meanings, given) = per_step.read(skill.proficiencies, "describes", problems);
        let missing: Vec<&str> = scale.iter().zip(&given).filter(|(_, g)| !**g).map(|(s, _)| *s).collect();
        if !missing.is_empty() {
            problems.warn(
                &file.display,
                line,
                format!("skill `{}` does not say what {} looks like", skill.id, missing.join(", ")),
            );
        }
        let (tips, _) = per_step.read(skill.tips, "has a tip for", problems);
        for resource in &skill.resources {
            let at = ids.lines.find(&resource.url, from).or(line);
            if resource.title.trim().is_empty() {
                problems.error(&file.display, at, format!("a resource of skill `{}` has an empty title", skill.id));
            }
            if !(resource.url.starts_with("https://") || resource.url.starts_with("http://")) {
                problems.error(
                    &file.display,
                    at,
                    format!(
                        "resource `{}` of skill `{}` has the url `{}`; expected one starting with https:// or http://",
                        resource.title, skill.id, resource.url
                    ),
                );
            }
        }
        if keep {
            skills.push(Skill {
                id: skill.id,
                name: skill.name,
                aliases: skill.aliases,
                description: skill.description.unwrap_or_default(),
                proficiencies: meanings,
                tips,
                resources: skill
                    .resources
                    .into_iter()
                    .map(|r| Resource { title: r.title, url: r.url, kind: r.kind.filter(|k| !k.trim().is_empty()) })
                    .collect(),
            });
        }
    }
    skills
}

/// A skill's texts keyed by scale step (`proficiencies`, `tips`), read into a list aligned with
/// the scale.
struct PerStep<'a> {
    file: &'a SourceFile,
    lines: &'a LineIndex<'a>,
    from: usize,
    skill: &'a str,
    scale: &'a [&'a str],
}

impl PerStep<'_> {
    /// The texts aligned with the scale, and which steps were given.
    fn read(&self, map: OrderedMap<String>, verb: &str, problems: &mut Problems) -> (Vec<String>, Vec<bool>) {
        let PerStep { file, lines, from, skill, scale } = *self;
        let mut texts = vec![String::new(); scale.len()];
        let mut given = vec![false; scale.len()];
        for (key, text) in map.0 {
            // Only a problem needs the line, so it is looked up only then.
            let at = || lines.find(&format!("{key}:"), from);
            match scale.iter().position(|s| *s == key) {
                Some(i) if given[i] => {
                    problems.error(&file.display, at(), format!("skill `{skill}` {verb} proficiency `{key}` twice"))
                }
                Some(i) => {
                    given[i] = true;
                    texts[i] = text;
                }
                None => problems.error_hint(
                    &file.display,
                    at(),
                    format!(
                        "skill `{skill}` {verb} `{key}`, which is not on the proficiency scale ({})",
                        scale.join(", ")
                    ),
                    did_you_mean(&key, scale.iter().copied()).map(|b| format!("did you mean `{b}`?")),
                ),
            }
        }
        (texts, given)
    }
}

fn check_soft_skills(file: &SourceFile, raw: RawSoftSkillsFile, problems: &mut Problems) -> Vec<SoftSkill> {
    let mut ids = IdCheck::new(file, "soft skill");
    let mut out = Vec::new();
    let mut from = 1;
    for soft in raw.soft_skills {
        let (line, keep) = ids.check(&soft.id, &soft.name, &soft.aliases, from, problems);
        from = line.map_or(from, |l| l + 1);
        if blank(&soft.explanation) {
            problems.warn(&file.display, line, format!("soft skill `{}` has no explanation", soft.id));
        }
        if keep {
            out.push(SoftSkill {
                id: soft.id,
                name: soft.name,
                aliases: soft.aliases,
                explanation: soft.explanation.unwrap_or_default(),
                examples: soft.examples,
            });
        }
    }
    out
}

/// What every role's checks read: the framework's skills, scales and soft skills.
struct FrameworkContext<'a> {
    skills: &'a [Skill],
    skill_index: &'a HashMap<&'a str, usize>,
    scale: &'a [ScaleStep],
    soft_skills: &'a [SoftSkill],
    behaviour_scale: &'a [ScaleStep],
}

fn check_role(file: &SourceFile, raw: RawRole, framework: &FrameworkContext, problems: &mut Problems) -> Option<Role> {
    let FrameworkContext { skills, skill_index, scale, .. } = *framework;
    let shown = file.display.as_str();
    let role_line = find_line(&file.text, "id:", 1);
    // Only this role's problems are looked at, so a folder of many roles stays linear.
    let before = problems.0.len();
    if let Some(message) = id_problem("role", &raw.id) {
        problems.error(shown, role_line, message);
    }
    if raw.name.trim().is_empty() {
        problems.error(shown, role_line, format!("role `{}` has an empty name", raw.id));
    }
    if blank(&raw.summary) {
        problems.warn(shown, role_line, format!("role `{}` has no summary", raw.id));
    }
    let skills_line = find_line(&file.text, "skills:", 1);
    let mut role_skills: Vec<usize> = Vec::new();
    // Skill index → position in the role's list, for the levels' ratings.
    let mut slots: HashMap<usize, usize> = HashMap::with_capacity(raw.skills.len());
    for id in &raw.skills {
        match skill_index.get(id.as_str()) {
            Some(&i) if slots.contains_key(&i) => {
                problems.error(shown, skills_line, format!("role `{}` lists skill `{id}` twice", raw.id))
            }
            Some(&i) => {
                slots.insert(i, role_skills.len());
                role_skills.push(i);
            }
            None => problems.error_hint(
                shown,
                skills_line,
                format!("role `{}` uses skill `{id}`, which skills.yaml does not define", raw.id),
                did_you_mean(id, skills.iter().map(|s| s.id.as_str())).map(|b| format!("did you mean `{b}`?")),
            ),
        }
    }
    if raw.levels.is_empty() {
        problems.error(shown, find_line(&file.text, "levels:", 1), format!("role `{}` has no levels", raw.id));
    }
    let levels_start = find_line(&file.text, "levels:", 1).unwrap_or(1);
    let mut ids = IdCheck::new(file, "level");
    let context = RoleContext { file, role_id: &raw.id, role_skills: &role_skills, slots: &slots, framework };
    let mut levels: Vec<Level> = Vec::new();
    let mut from = levels_start;
    for level in raw.levels {
        let (line, keep) = ids.check(&level.id, &level.name, &level.aliases, from, problems);
        let level_line = line.unwrap_or(from);
        from = level_line + 1;
        if let Some(level) = check_level(&context, &ids.lines, level, level_line, problems)
            && keep
        {
            levels.push(level);
        }
    }

    // Lint: a drop in expectation between adjacent levels should say why.
    for pair in levels.windows(2) {
        for (k, &skill) in role_skills.iter().enumerate() {
            let (Some(lower), Some(upper)) = (pair[0].rating(k), pair[1].rating(k)) else { continue };
            if upper.proficiency < lower.proficiency && upper.note.is_none() && lower.note.is_none() {
                let line = ids.lines.find(&format!("id: {}", pair[1].id), levels_start);
                problems.warn(
                    shown,
                    line,
                    format!(
                        "`{}` drops from {} at `{}` to {} at `{}` with no note explaining why",
                        skills[skill].id,
                        scale[lower.proficiency].id,
                        pair[0].id,
                        scale[upper.proficiency].id,
                        pair[1].id
                    ),
                );
            }
        }
    }
    // Lint: a listed skill that no level expects is probably a slip.
    if !levels.is_empty() {
        for (k, &skill) in role_skills.iter().enumerate() {
            if levels.iter().all(|l| l.rating(k).is_none()) {
                problems.warn(
                    shown,
                    skills_line,
                    format!("role `{}` lists skill `{}`, but no level rates it", raw.id, skills[skill].id),
                );
            }
        }
    }

    if problems.0[before..].iter().any(|p| p.severity == Severity::Error) {
        return None;
    }
    Some(Role {
        id: raw.id,
        name: raw.name,
        family: raw.family,
        summary: raw.summary.unwrap_or_default(),
        technical: raw.technical.unwrap_or_default(),
        benefits: raw.benefits,
        day_in_the_life: raw.day_in_the_life,
        responsibilities: raw.responsibilities,
        skills: role_skills,
        levels,
    })
}

/// What the checks of one role's levels share.
struct RoleContext<'a> {
    file: &'a SourceFile,
    role_id: &'a str,
    role_skills: &'a [usize],
    /// Skill index → position in `role_skills`.
    slots: &'a HashMap<usize, usize>,
    framework: &'a FrameworkContext<'a>,
}

fn check_level(
    context: &RoleContext,
    lines: &LineIndex,
    level: RawLevel,
    level_line: usize,
    problems: &mut Problems,
) -> Option<Level> {
    let RoleContext { file, role_id, role_skills, slots, framework } = *context;
    let FrameworkContext { skills, skill_index, scale, .. } = *framework;
    let shown = file.display.as_str();
    if blank(&level.summary) {
        problems.warn(shown, Some(level_line), format!("level `{}` has no summary", level.id));
    }
    let scale_ids = || scale.iter().map(|s| s.id.as_str());
    let mut ratings: Vec<Option<Rating>> = vec![None; role_skills.len()];
    let mut seen = vec![false; role_skills.len()];
    let mut ok = true;
    for (key, rating) in level.skills.0 {
        // Only a problem needs the line, so it is looked up only then.
        let at = || lines.find(&format!("{key}:"), level_line).or(Some(level_line));
        let Some(&skill) = skill_index.get(key.as_str()) else {
            problems.error_hint(
                shown,
                at(),
                format!("level `{}` rates skill `{key}`, which skills.yaml does not define", level.id),
                did_you_mean(&key, skills.iter().map(|s| s.id.as_str())).map(|b| format!("did you mean `{b}`?")),
            );
            ok = false;
            continue;
        };
        let Some(&slot) = slots.get(&skill) else {
            problems.error(
                shown,
                at(),
                format!(
                    "level `{}` rates skill `{key}`, which is not in the `skills` list of role `{role_id}`",
                    level.id
                ),
            );
            ok = false;
            continue;
        };
        if seen[slot] {
            problems.error(shown, at(), format!("level `{}` rates skill `{key}` twice", level.id));
            ok = false;
            continue;
        }
        seen[slot] = true;
        // `~`: listed by the role, not expected at this level.
        let Some(rating) = rating else { continue };
        match scale_ids().position(|s| s == rating.proficiency) {
            Some(p) => {
                let criteria: Vec<Criterion> = rating
                    .criteria
                    .into_iter()
                    .filter(|c| !c.statement.trim().is_empty())
                    .map(|c| Criterion { statement: c.statement, examples: c.examples })
                    .collect();
                let note = rating.note.filter(|n| !n.trim().is_empty());
                ratings[slot] = Some(Rating { proficiency: p, note, criteria });
            }
            None => {
                problems.error_hint(
                    shown,
                    at(),
                    format!(
                        "level `{}` gives `{key}` the proficiency `{}`, which is not on the scale; expected one of: {}",
                        level.id,
                        rating.proficiency,
                        scale_ids().collect::<Vec<_>>().join(", ")
                    ),
                    did_you_mean(&rating.proficiency, scale_ids()).map(|b| format!("did you mean `{b}`?")),
                );
                ok = false;
            }
        }
    }
    let behaviours = check_behaviours(context, lines, &level.id, level.behaviours, level_line, problems);
    if !ok {
        return None;
    }
    Some(Level {
        id: level.id,
        name: level.name,
        aliases: level.aliases,
        summary: level.summary.unwrap_or_default(),
        responsibilities: level.responsibilities,
        ratings,
        behaviours: behaviours?,
    })
}

/// A level's `behaviours`: soft skill → a step of the behaviour scale. `None` when any is wrong.
fn check_behaviours(
    context: &RoleContext,
    lines: &LineIndex,
    level: &str,
    raw: OrderedMap<String>,
    level_line: usize,
    problems: &mut Problems,
) -> Option<Vec<(usize, usize)>> {
    let FrameworkContext { soft_skills, behaviour_scale, .. } = *context.framework;
    let shown = context.file.display.as_str();
    let steps = || behaviour_scale.iter().map(|s| s.id.as_str());
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut ok = true;
    for (key, step) in raw.0 {
        let at = || lines.find(&format!("{key}:"), level_line).or(Some(level_line));
        if behaviour_scale.is_empty() {
            problems.error(
                shown,
                at(),
                format!("level `{level}` rates the behaviour `{key}`, but framework.yaml has no `behaviour_scale`"),
            );
            return None;
        }
        let Some(soft) = soft_skills.iter().position(|s| s.id == key) else {
            problems.error_hint(
                shown,
                at(),
                format!("level `{level}` rates the behaviour `{key}`, which soft-skills.yaml does not define"),
                did_you_mean(&key, soft_skills.iter().map(|s| s.id.as_str())).map(|b| format!("did you mean `{b}`?")),
            );
            ok = false;
            continue;
        };
        let Some(p) = steps().position(|s| s == step) else {
            problems.error_hint(
                shown,
                at(),
                format!(
                    "level `{level}` gives the behaviour `{key}` the step `{step}`, which is not on the behaviour scale; expected one of: {}",
                    steps().collect::<Vec<_>>().join(", ")
                ),
                did_you_mean(&step, steps()).map(|b| format!("did you mean `{b}`?")),
            );
            ok = false;
            continue;
        };
        if out.iter().any(|(s, _)| *s == soft) {
            problems.error(shown, at(), format!("level `{level}` rates the behaviour `{key}` twice"));
            ok = false;
            continue;
        }
        out.push((soft, p));
    }
    out.sort_unstable();
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Role files past [`PARALLEL_BYTES`] are parsed on a second thread; the problems still come
    /// in file order, the same as when everything is parsed on one.
    #[test]
    fn problems_keep_their_order_when_roles_are_parsed_in_parallel() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/custom-ladder");
        let (mut files, _) = crate::source::read_folder(std::path::Path::new(dir)).unwrap();
        for file in &mut files {
            match file.rel.as_str() {
                "skills.yaml" => file.text.push_str("\n  - id: Bad Id\n"),
                rel if rel.starts_with("roles/") => file.text.push_str("\nunknown_field: 1\n"),
                _ => {}
            }
        }
        let report = |files: &[SourceFile]| {
            let mut problems = Problems::default();
            assert!(assemble(dir, files, &mut problems).is_none());
            problems.0.iter().map(ToString::to_string).collect::<Vec<_>>()
        };
        let sequential = report(&files);
        let padding = format!("\n{}\n", "# padding\n".repeat(PARALLEL_BYTES / 10));
        for file in files.iter_mut().filter(|f| f.rel.starts_with("roles/")) {
            file.text.insert_str(0, &padding);
        }
        let parallel = report(&files);
        assert!(sequential.len() >= 3, "{sequential:?}");
        assert!(sequential[0].contains("skills.yaml"), "{sequential:?}");
        // The padding moves the role files' lines; everything else must be the same.
        let without_lines = |problems: &[String]| -> Vec<String> {
            let strip = |t: &String| {
                let (place, message) = t.split_once(": error: ").unwrap();
                format!("{}: {message}", place.rsplit_once(':').unwrap().0)
            };
            problems.iter().map(strip).collect()
        };
        assert_eq!(without_lines(&parallel), without_lines(&sequential));
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("senior-product-manager"));
        assert!(is_kebab("pm2"));
        assert!(!is_kebab("Senior"));
        assert!(!is_kebab("a--b"));
        assert!(!is_kebab("-a"));
        assert!(!is_kebab(""));
    }
}
