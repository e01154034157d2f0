//! `gap`: one profile against a level gives a person's report; several, or a team folder, give a
//! people × skills matrix.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Outcome;
use super::selected::{load_for_profiles, select_role};
use crate::cli::{GapArgs, GlobalArgs};
use crate::diagnostics::{MAX_OF_A_KIND, find_line};
use crate::model::{Framework, LevelAt, Profile, Scope};
use crate::profile::RawProfileFile;
use crate::render::RenderOptions;
use crate::resolve::normalise;
use crate::{parallel, profile, report, resolve};

/// `gap`: the framework is `--data` or `--framework`, else the one the profiles name, else the
/// default; the role is `--role`, else the first profile's, else the framework's default.
pub fn gap(global: &GlobalArgs, args: &GapArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let GapArgs { profiles, team, to, only_gaps, exit_code, .. } = args;
    let People { framework, role: home, people, warnings } = load_people(global, profiles, team.as_deref())?;
    let scope = Scope { framework: &framework, role: &framework.roles[home] };
    // `--to` may name a level of another role (`ROLE/LEVEL`): a move, measured on that role's
    // ladder, with the person still placed on their own.
    let target = match to {
        Some(name) => resolve::resolve_level(&framework, name, Some(home))?,
        None => LevelAt { role: home, level: default_target(scope, &people)? },
    };
    let (target_scope, target) = (framework.scope(target), target.level);
    let outcome = if let [person] = people.as_slice()
        && team.is_none()
    {
        let report = report::gap::GapReport::build(target_scope, person, target, *only_gaps);
        Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
    } else {
        let report = report::team::TeamReport::build(target_scope, &people, target, *only_gaps);
        Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
    };
    Ok(outcome?.with_warnings(warnings))
}

/// The profiles a command reads, checked, with the framework they were checked against.
#[derive(Debug)]
pub struct People {
    pub framework: Framework,
    /// Index into the framework's roles: the role the profiles were checked against.
    pub role: usize,
    /// In the order given, then the team folder's in file-name order; each file and name once.
    pub people: Vec<Profile>,
    /// What was counted once (a file or a name given twice), for stderr.
    pub warnings: Vec<String>,
}

/// Reads and checks the profiles `gap` and `fit` are given (`--profile` files, then a `--team`
/// folder), so both commands pick the framework and role alike and refuse the same profiles: the
/// framework is `--data` or `--framework`, else the one the first profile names, else the
/// default; the role is `--role`, else the first profile's, else the framework's default. Every
/// bad profile is named in one error.
pub fn load_people(global: &GlobalArgs, profiles: &[PathBuf], team: Option<&Path>) -> anyhow::Result<People> {
    let stdin_given = profiles.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_given > 1 {
        anyhow::bail!("standard input can be read once, but `-` is given {stdin_given} times");
    }
    // (path, the team folder it was found in): a file of a team folder may not link out of it.
    let mut paths: Vec<(PathBuf, Option<&Path>)> = profiles.iter().map(|p| (p.clone(), None)).collect();
    if let Some(dir) = team {
        paths.extend(profile::team_files(dir)?.into_iter().map(|p| (p, Some(dir))));
    }
    let mut warnings = Vec::new();
    let mut paths = once_per_file(paths, &mut warnings).into_iter();
    // The first profile is read on its own: the framework it names is the one used (unless a flag
    // names one), and it may name the role. The rest are read and checked in parallel, each
    // turned into its small checked form at once, so a team costs what its profiles hold. Every
    // bad profile is named: when the first cannot be read, the rest are checked against `--role`
    // or the default role.
    let first = paths.next().map(|(path, folder)| profile::read_in(folder, &path));
    let first_raw = first.as_ref().and_then(|f| f.as_ref().ok());
    let framework = load_for_profiles(global, first_raw.and_then(|f| f.raw.framework.as_deref()))?;
    let named_role = first_raw.and_then(|f| f.raw.role.clone());
    let scope = select_role(&framework, global.role.as_deref().or(named_role.as_deref()))?;
    let lookup = profile::SkillLookup::new(&framework);
    let check = |raw: anyhow::Result<RawProfileFile>| {
        let named = raw.as_ref().ok().and_then(|f| {
            let wanted = f.raw.framework.as_deref()?;
            Some(Named { key: normalise(wanted), wanted: wanted.to_string(), at: framework_line(f) })
        });
        (named, raw.and_then(|raw| profile::check(raw, scope, &lookup).map_err(anyhow::Error::from)))
    };
    // With no flag, a first profile that names no framework picks the default: a later profile
    // naming another framework disagrees with it as much as with a first that names one.
    let picked_default = first_raw.filter(|f| f.raw.framework.is_none() && !global.names_framework()).map(|f| Named {
        key: framework.id.clone(),
        wanted: framework.id.clone(),
        at: format!("{} (names none, so the default)", f.file.display),
    });
    let mut checked = Vec::with_capacity(paths.len() + 1);
    checked.extend(first.map(check));
    if let (Some(default), Some((named, _))) = (picked_default, checked.first_mut()) {
        *named = Some(default);
    }
    checked.extend(parallel::map(paths.collect(), |(path, folder)| check(profile::read_in(folder, &path))));
    one_framework(checked.iter().filter_map(|(named, _)| named.as_ref()))?;
    let results = checked.into_iter().map(|(_, result)| result).collect();
    let people = once_per_name(every_profile_or_errors(results)?, &mut warnings);
    let role = framework.roles.iter().position(|r| r.id == scope.role.id).unwrap_or(0);
    Ok(People { framework, role, people, warnings })
}

/// The paths with each file once: a file given twice (with `--profile` and in the team folder, or
/// spelt two ways) is read from where it is first given, with a warning.
fn once_per_file<'a>(
    paths: Vec<(PathBuf, Option<&'a Path>)>,
    warnings: &mut Vec<String>,
) -> Vec<(PathBuf, Option<&'a Path>)> {
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::with_capacity(paths.len());
    let mut kept = Vec::with_capacity(paths.len());
    for (path, folder) in paths {
        // Standard input, and a file that cannot be found (reading it says why), are kept.
        if path.as_os_str() != "-"
            && let Ok(real) = std::fs::canonicalize(&path)
        {
            if let Some(first) = seen.get(&real) {
                warnings.push(if first.as_os_str() == path.as_os_str() {
                    format!("{} is given twice; counted once", path.display())
                } else {
                    format!("{} and {} are the same file; counted once", first.display(), path.display())
                });
                continue;
            }
            seen.insert(real, path.clone());
        }
        kept.push((path, folder));
    }
    kept
}

/// The people with each name once: two profiles with the same `name` are one person, counted
/// from the first, with a warning.
fn once_per_name(people: Vec<Profile>, warnings: &mut Vec<String>) -> Vec<Profile> {
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(people.len());
    let mut kept: Vec<Profile> = Vec::with_capacity(people.len());
    for person in people {
        if let Some(&i) = seen.get(&normalise(&person.name)) {
            let first = &kept[i];
            warnings.push(format!(
                "two profiles are named `{}`: {} and {}; counted once, from {}",
                first.name, first.file, person.file, first.file
            ));
            continue;
        }
        seen.insert(normalise(&person.name), kept.len());
        kept.push(person);
    }
    kept
}

/// The framework a profile names, as it wrote it, with where.
struct Named {
    key: String,
    wanted: String,
    /// `file:line` of its `framework:` line.
    at: String,
}

fn framework_line(file: &RawProfileFile) -> String {
    let line = find_line(&file.file.text, "framework:", 1).map_or(String::new(), |l| format!(":{l}"));
    format!("{}{line}", file.file.display)
}

/// One error when the profiles name different frameworks, since one report compares people on
/// one framework: it names the first profile for each, not every skill each would miss.
fn one_framework<'a>(named: impl Iterator<Item = &'a Named>) -> anyhow::Result<()> {
    // (the first profile naming a framework, how many name it)
    let mut frameworks: Vec<(&Named, usize)> = Vec::new();
    for n in named {
        match frameworks.iter_mut().find(|(first, _)| first.key == n.key) {
            Some((_, count)) => *count += 1,
            None => frameworks.push((n, 1)),
        }
    }
    if frameworks.len() < 2 {
        return Ok(());
    }
    let mut text =
        format!("the profiles are for different frameworks ({}); one report is on one framework:", frameworks.len());
    for (first, count) in frameworks.iter().take(MAX_OF_A_KIND) {
        text.push_str(&format!("\n  {}: `{}`", first.at, first.wanted));
        if *count > 1 {
            text.push_str(&format!(" (and {} more profiles)", count - 1));
        }
    }
    if frameworks.len() > MAX_OF_A_KIND {
        text.push_str(&format!("\n  … and {} more frameworks", frameworks.len() - MAX_OF_A_KIND));
    }
    Err(anyhow::anyhow!(text))
}

/// The profiles, or one error that names every profile refused (the first [`MAX_OF_A_KIND`] in full).
fn every_profile_or_errors(results: Vec<anyhow::Result<Profile>>) -> anyhow::Result<Vec<Profile>> {
    let total = results.len();
    let mut people = Vec::with_capacity(total);
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(person) => people.push(person),
            Err(e) => errors.push(e),
        }
    }
    match errors.len() {
        0 => Ok(people),
        1 => Err(errors.remove(0)),
        refused => {
            let mut text = format!("{refused} of {total} profiles were refused:");
            for e in errors.iter().take(MAX_OF_A_KIND) {
                text.push_str(&format!("\n{e:#}"));
            }
            if refused > MAX_OF_A_KIND {
                text.push_str(&format!("\n… and {} more profiles refused", refused - MAX_OF_A_KIND));
            }
            Err(anyhow::anyhow!(text))
        }
    }
}

/// Without `--to`, the level above the profiles' current level, which must be one and the same.
fn default_target(scope: Scope, people: &[Profile]) -> anyhow::Result<usize> {
    let mut levels = people.iter().map(|p| (p, p.level));
    let Some((first, Some(level))) = levels.next() else {
        let who = people.first().map_or("the profile".into(), |p| p.file.clone());
        anyhow::bail!("{who} names no current `level`, so there is no level above it; give the target with --to LEVEL");
    };
    if let Some((other, _)) = levels.find(|(_, l)| *l != Some(level)) {
        anyhow::bail!("{} and {} are at different levels; give the target with --to LEVEL", first.file, other.file);
    }
    match scope.role.levels.get(level + 1) {
        Some(_) => Ok(level + 1),
        None => anyhow::bail!(
            "{} is already at the top level ({}); give the target with --to LEVEL",
            first.file,
            scope.role.levels[level].name
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(file: &str, name: &str) -> Profile {
        Profile::empty(file, name, 0)
    }

    #[test]
    fn a_name_given_twice_is_counted_once_from_the_first() {
        let mut warnings = Vec::new();
        let people = vec![person("a.yaml", "Priya Shah"), person("b.yaml", "Tom"), person("c.yaml", " priya  shah")];
        let kept = once_per_name(people, &mut warnings);
        let files: Vec<&str> = kept.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files, ["a.yaml", "b.yaml"]);
        assert_eq!(warnings, ["two profiles are named `Priya Shah`: a.yaml and c.yaml; counted once, from a.yaml"]);
    }
}
