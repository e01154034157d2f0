//! The one loader of the profiles a command is given (`gap`, `fit`, `plan`, `progress`,
//! `gap --review`, `assess --skill`, `profile new --from`): files, then a folder, each file once,
//! every bad profile named, each profile checked against the role it names, on the framework the
//! flags or the first profile pick.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::{Folder, RawProfileFile, SkillLookup, check, read_from};
use crate::data::{Selection, select_role};
use crate::diagnostics::{DataError, MAX_OF_A_KIND, Problem, Problems, find_line};
use crate::model::{Framework, Profile, Scope};
use crate::parallel;
use crate::resolve::normalise;
use crate::warnings::Warnings;

/// The profiles a command reads, checked, with the framework they were checked against.
#[derive(Debug)]
pub struct People {
    pub framework: Framework,
    /// Index into the framework's roles: the role the profiles were checked against.
    pub role: usize,
    /// In the order given, then the folder's in file-name order; each file once (and, from
    /// [`load_people`], each name once).
    pub people: Vec<Profile>,
}

/// Reads and checks the profiles `gap` and `fit` are given (`--profile` files, then a `--team`
/// folder), so both commands pick the framework and roles alike and refuse the same profiles: the
/// framework is `--data` or `--framework`, else the one the first profile names, else the
/// default. A profile that names its `role:` is checked against that role; the others against
/// `--role`, else the first profile's role, else the framework's default. Every bad profile is
/// named in one error. A person (a `name`) is counted once. What was counted once (a file or a
/// name given twice) goes to `warnings`, whether the run goes on or not.
pub fn load_people(
    selection: &Selection,
    profiles: &[PathBuf],
    team: Option<&Path>,
    warnings: &Warnings,
) -> anyhow::Result<People> {
    load(selection, profiles, team.map(Folder::team), Keep::OncePerName, warnings)
}

/// Reads and checks profiles as [`load_people`] does, the files first, then the folder's, each
/// file once, but keeping every profile of one person: `progress` reads one person's check-ins, and
/// `gap --review` a review that names the person it rates.
pub fn load_profiles(
    selection: &Selection,
    profiles: &[PathBuf],
    folder: Option<Folder>,
    warnings: &Warnings,
) -> anyhow::Result<People> {
    load(selection, profiles, folder, Keep::Every, warnings)
}

/// Reads and checks a team's check-ins (`progress --team`) as [`load_profiles`] reads a history
/// folder, every profile of each person kept, and refuses, naming each file, the check-ins of one
/// person that name different frameworks: one person's history is read on one framework. The
/// people are told apart by [`by_person`].
pub fn load_histories(selection: &Selection, folder: Folder, warnings: &Warnings) -> anyhow::Result<People> {
    load(selection, &[], Some(folder), Keep::Histories, warnings)
}

/// The profiles grouped by person, by the rule [`load_people`] counts a person once by
/// ([`crate::names::person_key`]): in the order each person first appears, each person's
/// profiles in the order given.
pub fn by_person(profiles: Vec<Profile>) -> Vec<Vec<Profile>> {
    grouped(profiles, |p| Some(p.name.as_str()))
}

/// `items` grouped by whose they are, by [`crate::names::person_key`] of the name `name` gives
/// (an item with none is left out): in the order each person first appears, each person's items
/// in the order given.
fn grouped<T>(items: impl IntoIterator<Item = T>, name: impl Fn(&T) -> Option<&str>) -> Vec<Vec<T>> {
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut people: Vec<Vec<T>> = Vec::new();
    for item in items {
        let Some(key) = name(&item).map(crate::names::person_key) else { continue };
        match at.get(&key) {
            Some(&i) => people[i].push(item),
            None => {
                at.insert(key, people.len());
                people.push(vec![item]);
            }
        }
    }
    people
}

/// What the loader keeps of the profiles it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Each person once ([`load_people`]).
    OncePerName,
    /// Every profile ([`load_profiles`]).
    Every,
    /// Every profile, and each person's on one framework ([`load_histories`]).
    Histories,
}

/// [`load_people`], [`load_profiles`] and [`load_histories`].
fn load(
    selection: &Selection,
    profiles: &[PathBuf],
    folder: Option<Folder>,
    keep: Keep,
    warnings: &Warnings,
) -> anyhow::Result<People> {
    let stdin_given = profiles.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_given > 1 {
        anyhow::bail!("standard input can be read once, but `-` is given {stdin_given} times");
    }
    // A flag names the framework, so a team's can load while its folder is listed and read.
    let loading = (folder.is_some() && selection.names_framework()).then(|| {
        let selection = selection.clone();
        std::thread::spawn(move || selection.load())
    });
    // (path, the folder it was found in): a file of a folder may not link out of it.
    let mut paths: Vec<(PathBuf, Option<Folder>)> = profiles.iter().map(|p| (p.clone(), None)).collect();
    if let Some(folder) = folder {
        paths.extend(folder.files()?.into_iter().map(|p| (p, Some(folder))));
    }
    let mut noted = Vec::new();
    let paths = once_per_file(paths, &mut noted);
    let checked = check_people(selection, loading, paths, keep, &mut noted);
    warnings.extend(noted);
    let (framework, role, people) = checked?;
    Ok(People { framework, role, people })
}

/// The framework, the home role and the checked people of [`load`], kept as `keep` says.
fn check_people(
    selection: &Selection,
    loading: Option<Loading>,
    paths: Vec<(PathBuf, Option<Folder>)>,
    keep: Keep,
    warnings: &mut Vec<String>,
) -> anyhow::Result<(Framework, usize, Vec<Profile>)> {
    let by_name = keep == Keep::OncePerName;
    let mut paths = paths.into_iter();
    // The first profile is read on its own: the framework it names is the one used (unless a flag
    // names one), and it may name the home role. Every bad profile is named: when the first cannot
    // be read, the rest are checked against `--role` or the default role.
    let first = paths.next().map(|(path, folder)| read_from(folder, &path));
    let first_raw = first.as_ref().and_then(|f| f.as_ref().ok());
    // With no flag, a first profile that names no framework picks the default: a later profile
    // naming another framework disagrees with it as much as with a first that names one.
    let names_none = first_raw.filter(|f| f.raw.framework.is_none() && !selection.names_framework());
    let names_none =
        names_none.map(|f| (format!("{} (names none, so the default)", f.file.display), f.raw.name.clone()));
    let wanted = Wanted {
        framework: first_raw.and_then(|f| f.raw.framework.clone()),
        role: first_raw.and_then(|f| f.raw.role.clone()),
    };
    let loaded = OnceLock::new();
    let checked = read_while_loading(selection, loading, &wanted, first, paths.collect(), &loaded);
    let framework = loaded.into_inner().unwrap_or_else(|| unreachable!("the framework is loaded first"))?;
    let (mut checked, home) = checked?;
    if let (Some((at, person)), Some((named, _))) = (names_none, checked.first_mut()) {
        *named = Some(Named { key: framework.id.clone(), wanted: framework.id.clone(), at, person: Some(person) });
    }
    if keep == Keep::Histories {
        one_framework_per_person(checked.iter().filter_map(|(named, _)| named.as_ref()))?;
    }
    // A profile for another framework that was read against this one (see `profile::foreign`)
    // does not disagree with it.
    let disagrees = checked
        .iter()
        .filter(|(named, result)| named.as_ref().is_some_and(|n| n.key == framework.id || result.is_err()));
    one_framework(disagrees.filter_map(|(named, _)| named.as_ref()))?;
    // The profiles read across, one warning for each framework they name.
    let mut foreign: Vec<(&Named, Vec<&str>)> = Vec::new();
    for (named, result) in &checked {
        if let (Some(named), Ok(person)) = (named, result)
            && named.key != framework.id
        {
            match foreign.iter_mut().find(|(first, _)| first.key == named.key) {
                Some((_, files)) => files.push(&person.file),
                None => foreign.push((named, vec![&person.file])),
            }
        }
    }
    warnings.extend(foreign.iter().map(|(named, files)| super::foreign(files, &named.wanted, &framework)));
    let results: Vec<anyhow::Result<Profile>> = checked.into_iter().map(|(_, result)| result).collect();
    if by_name && results.iter().any(Result::is_err) {
        // The run stops at the refused profiles, but a person given twice among the others is
        // still worth the warning.
        once_per_name(results.iter().filter_map(|r| r.as_ref().ok().cloned()).collect(), warnings);
    }
    let people = every_profile_or_errors(results)?;
    let people = if by_name { once_per_name(people, warnings) } else { people };
    Ok((framework, home, people))
}

/// A profile checked: the framework it names, and the profile or why it is refused.
type Checked = (Option<Named>, anyhow::Result<Profile>);

/// The framework a flag names, loading on a thread of its own.
type Loading = std::thread::JoinHandle<anyhow::Result<Framework>>;

/// What the first profile names: the framework to load, and the home role in it.
struct Wanted {
    framework: Option<String>,
    role: Option<String>,
}

/// The home role and the skill index the profiles are checked with, once the framework is loaded.
struct Checker<'a> {
    home: Scope<'a>,
    lookup: SkillLookup<'a>,
}

impl<'a> Checker<'a> {
    fn new(selection: &Selection, framework: &'a Framework, wanted: &Wanted) -> anyhow::Result<Self> {
        // A first profile's unknown role is named with its file and line, with the others.
        let home = match (selection.role.as_deref(), wanted.role.as_deref()) {
            (None, Some(named)) => select_role(framework, Some(named)).or_else(|_| select_role(framework, None))?,
            (flag, _) => select_role(framework, flag)?,
        };
        Ok(Checker { home, lookup: SkillLookup::new(framework) })
    }

    /// A profile checked in its own role, with the framework it names.
    fn check(&self, raw: anyhow::Result<RawProfileFile>) -> Checked {
        let named = raw.as_ref().ok().and_then(|f| {
            let wanted = f.raw.framework.as_deref()?;
            let person = Some(f.raw.name.clone());
            Some(Named { key: normalise(wanted), wanted: wanted.to_string(), at: framework_line(f), person })
        });
        (named, raw.and_then(|raw| check_in_own_role(raw, self.home, &self.lookup)))
    }
}

/// A profile of the team, read before the framework was loaded or checked after.
enum Early {
    Read(anyhow::Result<RawProfileFile>),
    Checked(Checked),
    /// Not read: the framework cannot be used, which is the error reported.
    Skipped,
}

/// Every profile, checked, in the order given, with the home role's index. A large team is read while
/// the framework loads on a thread of its own, since reading a profile does not need it: each is
/// checked as soon as the framework is ready, and those read before are checked after, on every
/// core. `loaded` ends up holding the framework, or why it cannot be used.
fn read_while_loading<'a>(
    selection: &Selection,
    loading: Option<Loading>,
    wanted: &Wanted,
    first: Option<anyhow::Result<RawProfileFile>>,
    rest: Vec<(PathBuf, Option<Folder>)>,
    loaded: &'a OnceLock<anyhow::Result<Framework>>,
) -> anyhow::Result<(Vec<Checked>, usize)> {
    let ready: OnceLock<anyhow::Result<Checker<'a>>> = OnceLock::new();
    let load = || {
        let framework = loaded.get_or_init(|| match loading {
            Some(thread) => thread.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            None => selection.load_for_profiles(wanted.framework.as_deref()),
        });
        // An error in `loaded` is the one reported; `ready` only has to say there is nothing to check with.
        let checker = match framework {
            Ok(framework) => Checker::new(selection, framework, wanted),
            Err(_) => Err(anyhow::anyhow!("the framework cannot be used")),
        };
        let _ = ready.set(checker);
    };
    let read = |(path, folder): (PathBuf, Option<Folder>)| {
        let raw = read_from(folder, &path);
        match ready.get() {
            Some(Ok(checker)) => Early::Checked(checker.check(raw)),
            Some(Err(_)) => Early::Skipped,
            None => Early::Read(raw),
        }
    };
    let early = if rest.len() < parallel::MIN_PER_THREAD {
        load();
        rest.into_iter().map(read).collect()
    } else {
        std::thread::scope(|scope| {
            scope.spawn(load);
            parallel::map(rest, read)
        })
    };
    if loaded.get().is_some_and(|f| f.is_err()) {
        // The caller reports the framework's own error.
        return Ok((Vec::new(), 0));
    }
    let checker = ready.into_inner().unwrap_or_else(|| unreachable!("the framework is loaded before the check"))?;
    let mut checked = Vec::with_capacity(early.len() + 1);
    checked.extend(first.map(|raw| checker.check(raw)));
    checked.extend(parallel::map(early, |e| match e {
        Early::Read(raw) => checker.check(raw),
        Early::Checked(done) => done,
        Early::Skipped => unreachable!("nothing is skipped once the framework is ready"),
    }));
    let Scope { framework, role } = checker.home;
    Ok((checked, framework.roles.iter().position(|r| std::ptr::eq(r, role)).unwrap_or(0)))
}

/// Checks a profile against the role it names (`role:`), or `home` when it names none. A role the
/// framework lacks is one more problem of the profile, with its line and the roles there are; its
/// `level` and `target` then go unchecked, as they would be looked up in the wrong ladder.
fn check_in_own_role(mut raw: RawProfileFile, home: Scope, lookup: &SkillLookup) -> anyhow::Result<Profile> {
    let framework = home.framework;
    let Some(named) = raw.raw.role.clone() else {
        return Ok(check(raw, home, lookup)?);
    };
    let unknown = match select_role(framework, Some(&named)) {
        Ok(scope) => return Ok(check(raw, scope, lookup)?),
        Err(e) => e,
    };
    let line = find_line(&raw.file.text, "role:", 1);
    let message = unknown.to_string();
    let mut lines = message.lines();
    let problem = Problem::error(&raw.file.display, line, lines.next().unwrap_or_default())
        .with_hint(Some(lines.map(str::trim).collect::<Vec<_>>().join("\n    ")).filter(|h| !h.is_empty()));
    let for_another_framework = raw.raw.framework.as_deref().is_some_and(|f| normalise(f) != framework.id);
    let subject = format!("the profile {}", raw.file.display);
    (raw.raw.level, raw.raw.target) = (None, None);
    match check(raw, home, lookup) {
        // A profile for another framework is refused for that alone.
        Err(e) if for_another_framework => Err(e.into()),
        Err(mut e) => {
            let at = e.problems.0.iter().position(|p| p.line > line).unwrap_or(e.problems.0.len());
            e.problems.0.insert(at, problem);
            Err(e.into())
        }
        Ok(_) => Err(DataError { subject, advice: None, problems: Problems(vec![problem]) }.into()),
    }
}

/// What makes two paths one file: on Unix its device and inode, so that a hard link is the file
/// it links to, as a symbolic link is; elsewhere the path with every link resolved.
#[derive(Debug, PartialEq, Eq, Hash)]
pub enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

/// The file `path` names, through links; `None` for standard input (`-`), never a file given
/// twice, and for a file that cannot be found (reading it says why).
pub fn file_id(path: &Path) -> Option<FileId> {
    if path.as_os_str() == "-" {
        return None;
    }
    #[cfg(unix)]
    {
        std::fs::metadata(path).ok().map(|m| crate::write::identity(&m)).map(|(dev, ino)| FileId::Inode(dev, ino))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok().map(FileId::Path)
    }
}

/// The paths with each file once: a file given twice (with `--profile` and in the team folder,
/// spelt two ways, or through a link, hard or symbolic) is read from where it is first given, with
/// a warning.
fn once_per_file<'a>(
    paths: Vec<(PathBuf, Option<Folder<'a>>)>,
    warnings: &mut Vec<String>,
) -> Vec<(PathBuf, Option<Folder<'a>>)> {
    let mut seen: HashMap<FileId, PathBuf> = HashMap::with_capacity(paths.len());
    let mut kept = Vec::with_capacity(paths.len());
    // Each file's identity, looked up on every core.
    let ids = parallel::map(paths.iter().map(|(path, _)| path).collect(), |path| file_id(path));
    for ((path, folder), id) in paths.into_iter().zip(ids) {
        if let Some(real) = id {
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

/// The people with each name once: two profiles with the same `name` (in any case and spacing,
/// in either Unicode form, with or without invisible characters: [`crate::names::person_key`]) are one
/// person, counted from the one [`preferred`] picks, in the place of the first, with a warning
/// naming the file used and the file left out, and both spellings when they only look alike.
fn once_per_name(people: Vec<Profile>, warnings: &mut Vec<String>) -> Vec<Profile> {
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(people.len());
    let mut kept: Vec<Profile> = Vec::with_capacity(people.len());
    for person in people {
        let key = crate::names::person_key(&person.name);
        let Some(&i) = seen.get(&key) else {
            seen.insert(key, kept.len());
            kept.push(person);
            continue;
        };
        let (why, later_wins) = preferred(&kept[i], &person);
        let (used, left) = if later_wins { (&person, &kept[i]) } else { (&kept[i], &person) };
        let (first, later) = (crate::names::shown_name(&kept[i].name), crate::names::shown_name(&person.name));
        let named = if (first != kept[i].name || later != person.name) && first.trim() != later.trim() {
            format!("`{first}` and `{later}`, one name written two ways")
        } else {
            format!("`{first}`")
        };
        warnings.push(format!(
            "two profiles are named {named}: {} and {}; counted once, from {} ({why}), leaving out {}",
            kept[i].file, person.file, used.file, left.file
        ));
        if later_wins {
            kept[i] = person;
        }
    }
    kept
}

/// Which of two profiles of one person counts, by a rule a person can predict: the newer `date`
/// (a profile with no date is older than any dated one); on the same date, the self-assessment
/// (`assessor: self`, or none) over a reviewer's; else the one read first (`--profile` files as
/// given, then the folder's in file-name order). Returns why, and whether `later` wins.
fn preferred(first: &Profile, later: &Profile) -> (&'static str, bool) {
    let own = |p: &Profile| p.assessor.as_deref().is_none_or(|a| a.eq_ignore_ascii_case("self"));
    match later.date.cmp(&first.date) {
        std::cmp::Ordering::Greater => ("the newer date", true),
        std::cmp::Ordering::Less => ("the newer date", false),
        std::cmp::Ordering::Equal if own(first) != own(later) => ("the self-assessment, on the same date", own(later)),
        std::cmp::Ordering::Equal => ("the first read", false),
    }
}

/// The framework a profile names, as it wrote it, with where.
struct Named {
    key: String,
    wanted: String,
    /// `file:line` of its `framework:` line.
    at: String,
    /// Whose profile it is: its `name`, as written.
    person: Option<String>,
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

/// One error when the check-ins of one person name different frameworks, naming each of those
/// check-ins with the framework it names, person by person (the first [`MAX_OF_A_KIND`] people).
fn one_framework_per_person<'a>(named: impl Iterator<Item = &'a Named>) -> anyhow::Result<()> {
    // Each person's check-ins that name a framework, in the order people first appear.
    let people = grouped(named, |n| n.person.as_deref());
    let mixed: Vec<&Vec<&Named>> = people.iter().filter(|named| named.iter().any(|n| n.key != named[0].key)).collect();
    let each = |named: &Vec<&Named>| named.iter().map(|n| format!("{} `{}`", n.at, n.wanted)).collect::<Vec<_>>();
    let who =
        |named: &Vec<&Named>| crate::names::shown_name(named[0].person.as_deref().unwrap_or("").trim()).into_owned();
    let rule = "one person's check-ins are compared on one framework; give each the same `framework:`";
    match mixed.as_slice() {
        [] => Ok(()),
        [one] => {
            anyhow::bail!("`{}`'s check-ins name different frameworks ({}), and {rule}", who(one), each(one).join(", "))
        }
        many => {
            let mut text = format!("{} people's check-ins name different frameworks, and {rule}:", many.len());
            for named in many.iter().take(MAX_OF_A_KIND) {
                text.push_str(&format!("\n  `{}`: {}", who(named), each(named).join(", ")));
            }
            if many.len() > MAX_OF_A_KIND {
                text.push_str(&format!("\n  … and {} more people", many.len() - MAX_OF_A_KIND));
            }
            Err(anyhow::anyhow!(text))
        }
    }
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
        assert_eq!(
            warnings,
            ["two profiles are named `Priya Shah`: a.yaml and c.yaml; counted once, from a.yaml (the first read), \
              leaving out c.yaml"]
        );
    }

    #[test]
    fn profiles_are_grouped_by_person_by_the_rule_that_counts_a_person_once() {
        let people = vec![
            person("a.yaml", "Priya Shah"),
            person("b.yaml", "Tom"),
            person("c.yaml", " priya  shah"),
            person("d.yaml", "Jos\u{e9}"),
            person("e.yaml", "Jose\u{301}\u{200b}"),
        ];
        let groups = by_person(people);
        let files: Vec<Vec<&str>> = groups.iter().map(|g| g.iter().map(|p| p.file.as_str()).collect()).collect();
        assert_eq!(files, [vec!["a.yaml", "c.yaml"], vec!["b.yaml"], vec!["d.yaml", "e.yaml"]]);
    }

    #[test]
    fn one_person_s_check_ins_on_two_frameworks_are_named_each_with_its_framework() {
        let named = |file: &str, who: &str, framework: &str| Named {
            key: normalise(framework),
            wanted: framework.to_string(),
            at: format!("{file}:3"),
            person: Some(who.to_string()),
        };
        let same = [named("a.yaml", "Ana", "dvla"), named("b.yaml", "ana", "DVLA"), named("c.yaml", "Ben", "x")];
        assert!(one_framework_per_person(same.iter()).is_ok(), "people on different frameworks are the loader's");
        let one = [named("a.yaml", "Ana", "dvla"), named("b.yaml", " ana", "ddat-2025"), named("c.yaml", "Ben", "x")];
        let err = one_framework_per_person(one.iter()).unwrap_err().to_string();
        assert_eq!(
            err,
            "`Ana`'s check-ins name different frameworks (a.yaml:3 `dvla`, b.yaml:3 `ddat-2025`), and one person's \
             check-ins are compared on one framework; give each the same `framework:`"
        );
        let two = [
            named("a.yaml", "Ana", "dvla"),
            named("b.yaml", "Ana", "y"),
            named("c.yaml", "Ben", "x"),
            named("d.yaml", "Ben", "z"),
        ];
        let err = one_framework_per_person(two.iter()).unwrap_err().to_string();
        assert!(err.starts_with("2 people's check-ins name different frameworks"), "{err}");
        assert!(
            err.ends_with(":\n  `Ana`: a.yaml:3 `dvla`, b.yaml:3 `y`\n  `Ben`: c.yaml:3 `x`, d.yaml:3 `z`"),
            "{err}"
        );
    }

    /// A self-assessment and a manager's review of one person: the newer date counts, whatever the
    /// file names; on the same date, the self-assessment; an undated profile is the oldest.
    #[test]
    fn of_two_profiles_of_one_person_the_newer_then_the_self_assessment_counts() {
        let rated = |file: &str, date: Option<&str>, assessor: Option<&str>| {
            let mut p = person(file, "Sam Okafor");
            p.date = date.map(|d| d.parse().unwrap());
            p.assessor = assessor.map(String::from);
            p
        };
        let kept = |people: Vec<Profile>| {
            let mut warnings = Vec::new();
            let kept = once_per_name(people, &mut warnings);
            assert_eq!((kept.len(), warnings.len()), (1, 1));
            (kept[0].file.clone(), warnings.remove(0))
        };
        let review = || rated("a-review.yaml", Some("2026-06-03"), Some("Dana Reyes"));
        let (file, warning) = kept(vec![review(), rated("b-self.yaml", Some("2026-06-01"), Some("self"))]);
        assert_eq!(file, "a-review.yaml");
        assert!(
            warning.ends_with("counted once, from a-review.yaml (the newer date), leaving out b-self.yaml"),
            "{warning}"
        );
        let (file, warning) = kept(vec![review(), rated("b-self.yaml", Some("2026-06-03"), None)]);
        assert_eq!(file, "b-self.yaml");
        assert!(warning.contains("(the self-assessment, on the same date), leaving out a-review.yaml"), "{warning}");
        assert_eq!(kept(vec![review(), rated("b-self.yaml", None, Some("SELF"))]).0, "a-review.yaml");
        assert_eq!(kept(vec![rated("a.yaml", None, Some("Dana")), rated("b.yaml", None, None)]).0, "b.yaml");
    }
}
