//! Self-assessment profiles: reading them, checking them against a framework, and writing the
//! template a person fills in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{DataError, KeyLines, MAX_OF_A_KIND, Problem, Problems, find_line};
use crate::model::Scope;
use crate::model::{Assessment, Framework, Profile, ScaleStep};
use crate::raw::{RawAssessment, RawProfile};
use crate::resolve::{did_you_mean, normalise, step_index};
use crate::source::{self, SourceFile};
use crate::yaml;

pub mod load;
mod write;
pub use load::{FileId, People, by_person, file_id, load_histories, load_people, load_profiles};
pub use write::{rated_soft_skills, template, to_yaml, yaml_string};

/// Every accepted spelling of every skill (id, alias, name) to the skill's index. Built once per
/// run so that a thousand profiles cost a hash lookup per key, not a scan of the skill list each.
/// Ids are indexed as they are; the normalised spellings only when a key is not an id, which
/// profiles written from the template never need.
#[derive(Debug)]
pub struct SkillLookup<'a> {
    framework: &'a Framework,
    ids: HashMap<&'a str, usize, foldhash::fast::RandomState>,
    spellings: std::sync::OnceLock<HashMap<String, usize, foldhash::fast::RandomState>>,
}

impl<'a> SkillLookup<'a> {
    /// Indexes the framework's skill ids.
    pub fn new(framework: &'a Framework) -> Self {
        let ids = framework.skills.iter().enumerate().map(|(i, skill)| (skill.id.as_str(), i)).collect();
        SkillLookup { framework, ids, spellings: std::sync::OnceLock::new() }
    }

    /// The skill a profile key names, if any.
    pub fn get(&self, key: &str) -> Option<usize> {
        if let Some(&i) = self.ids.get(key) {
            return Some(i);
        }
        let spellings = self.spellings.get_or_init(|| {
            let mut map = HashMap::with_capacity_and_hasher(self.framework.skills.len() * 3, Default::default());
            for (i, skill) in self.framework.skills.iter().enumerate() {
                for name in std::iter::once(&skill.id).chain(&skill.aliases).chain(std::iter::once(&skill.name)) {
                    map.entry(normalise(name)).or_insert(i);
                }
            }
            map
        });
        spellings.get(&normalise(key)).copied()
    }
}

/// Whom the words about a profile speak to: the person rated, in a self-assessment, or someone
/// rating another person (an `assessor` other than `self`), to whom the person is "them".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// A self-assessment: "your level", "where you have not assessed yourself".
    Own,
    /// A review: "their level", "where you have not assessed them".
    Other,
}

impl Voice {
    /// The voice for a profile rated by `assessor`: its own unless the assessor is someone else.
    pub fn of(assessor: Option<&str>) -> Voice {
        match assessor.map(normalise) {
            Some(a) if !a.is_empty() && a != "self" => Voice::Other,
            _ => Voice::Own,
        }
    }

    /// `your` or `their`.
    pub fn their(self) -> &'static str {
        match self {
            Voice::Own => "your",
            Voice::Other => "their",
        }
    }

    /// `Your` or `Their`, to start a sentence.
    pub fn their_cap(self) -> &'static str {
        match self {
            Voice::Own => "Your",
            Voice::Other => "Their",
        }
    }

    /// `you` or `them`, the person as the object of a verb.
    pub fn them(self) -> &'static str {
        match self {
            Voice::Own => "you",
            Voice::Other => "them",
        }
    }

    /// `you` or `they`, the person as the subject of a verb.
    pub fn they(self) -> &'static str {
        match self {
            Voice::Own => "you",
            Voice::Other => "they",
        }
    }
}

/// A profile file read and parsed, not yet checked against a framework.
#[derive(Debug)]
pub struct RawProfileFile {
    pub file: SourceFile,
    pub raw: RawProfile,
    /// What was wrong in the file's YAML, when what was left of it could still be read: the
    /// check reports these with its own, so one run names every problem.
    pub problems: Problems,
}

/// Reads and parses one profile; `-` reads standard input.
pub fn read(path: &Path) -> anyhow::Result<RawProfileFile> {
    read_in(None, path)
}

/// A folder of profiles, with what it is to the user (`team folder`, `history folder`): every
/// message about it, and the refusal of a link out of it, says which.
#[derive(Debug, Clone, Copy)]
pub struct Folder<'a> {
    pub path: &'a Path,
    pub kind: &'static str,
    /// Each sub-folder's profiles too, one level down: a team of histories keeps a folder of
    /// check-ins per person (`progress --team`).
    pub sub_folders: bool,
}

impl<'a> Folder<'a> {
    /// A team folder: one profile per person.
    pub fn team(path: &'a Path) -> Self {
        Folder { path, kind: "team folder", sub_folders: false }
    }

    /// A history folder: one person's check-ins.
    pub fn history(path: &'a Path) -> Self {
        Folder { path, kind: "history folder", sub_folders: false }
    }

    /// A team's check-ins: a sub-folder of them per person, or profiles side by side, or both.
    pub fn histories(path: &'a Path) -> Self {
        Folder { path, kind: "team folder", sub_folders: true }
    }

    /// Every `.yaml` or `.yml` file in the folder (and, with `sub_folders`, in each folder in it
    /// but those whose name starts with a dot), in name order; an error when there is none. One
    /// budget of files and bytes holds for them all, and a sub-folder that is a symbolic link out
    /// of the folder is refused by name, unread.
    pub fn files(&self) -> anyhow::Result<Vec<PathBuf>> {
        let (dir, kind) = (self.path, self.kind);
        let budget = source::PROFILES_BUDGET;
        // One more than the budget is enough to refuse the folder: the listing stops.
        let (mut files, folders) = self.listing(dir, budget.files + 1)?;
        if self.sub_folders {
            for folder in folders {
                if files.len() > budget.files {
                    break;
                }
                if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink())
                    && source::leaves(dir, &folder)
                {
                    anyhow::bail!(
                        "cannot read {}: it is a symbolic link to a folder outside the {kind}; refused without \
                         reading it",
                        folder.display()
                    );
                }
                files.extend(self.listing(&folder, budget.files + 1 - files.len())?.0);
            }
        }
        // The names differ only after the folder's own path, which they share.
        files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        if files.is_empty() {
            let inside = if self.sub_folders { " or in its sub-folders" } else { "" };
            anyhow::bail!("the {kind} {} holds no profiles (*.yaml, *.yml){inside}", dir.display());
        }
        // Every file's size, looked up on every core.
        let sizes = crate::parallel::map(files.iter().collect(), |f| source::file_size(f));
        source::check_folder_sizes(&format!("{kind} {}", dir.display()), files.len(), &sizes, budget)?;
        Ok(files)
    }

    /// The profiles in `dir` (at most `most`), and the folders in it whose name does not start
    /// with a dot, in name order.
    fn listing(&self, dir: &Path, most: usize) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
        let kind = self.kind;
        let entries = std::fs::read_dir(dir)
            .map_err(|e| anyhow::anyhow!("cannot read {kind} {}: {}", dir.display(), source::io_reason(&e)))?;
        // A folder's entry says whether it is a folder, so only a link needs a look at what it
        // leads to.
        let folder =
            |e: &std::fs::DirEntry| e.file_type().is_ok_and(|t| t.is_dir() || t.is_symlink() && e.path().is_dir());
        let yaml = |e: &std::fs::DirEntry| {
            matches!(Path::new(&e.file_name()).extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))
        };
        let (mut files, mut folders) = (Vec::new(), Vec::new());
        for entry in entries.filter_map(Result::ok) {
            if folder(&entry) {
                if self.sub_folders && !entry.file_name().to_string_lossy().starts_with('.') {
                    folders.push(entry.path());
                    if folders.len() > source::PROFILES_BUDGET.files {
                        anyhow::bail!(
                            "the {kind} {} holds more than {} folders, the most read from one folder; refused",
                            dir.display(),
                            source::PROFILES_BUDGET.files
                        );
                    }
                }
            } else if yaml(&entry) {
                files.push(entry.path());
                if files.len() >= most {
                    break;
                }
            }
        }
        folders.sort_unstable();
        Ok((files, folders))
    }
}

/// Reads and parses one profile found in `folder` (a team folder), which refuses a symbolic link
/// out of the folder; with no folder, as [`read`].
pub fn read_in(folder: Option<&Path>, path: &Path) -> anyhow::Result<RawProfileFile> {
    read_from(folder.map(Folder::team), path)
}

/// Reads and parses one profile found in `folder`, which refuses a symbolic link out of it; with
/// no folder, as [`read`].
pub fn read_from(folder: Option<Folder>, path: &Path) -> anyhow::Result<RawProfileFile> {
    let display = if path == Path::new("-") { "<stdin>".to_string() } else { path.display().to_string() };
    let text = match folder {
        Some(folder) => source::read_text_in(folder.path, path, folder.kind)?,
        None => source::read_text(path)?,
    };
    let file = SourceFile { display: display.clone(), rel: display.clone(), text };
    let mut problems = Problems::default();
    match yaml::parse_salvaged::<RawProfile>(&file, &mut problems) {
        Some(raw) => Ok(RawProfileFile { file, raw, problems }),
        None => Err(refused(&display, problems).into()),
    }
}

/// The profile refused, with its problems in the order of their lines.
fn refused(display: &str, mut problems: Problems) -> DataError {
    problems.0.sort_by_key(|p| p.line);
    DataError { subject: format!("the profile {display}"), advice: None, problems }
}

/// Checks a parsed profile against the framework and role in use: every skill known, every
/// proficiency on the scale, no skill twice, the level a level of the role. Every problem is
/// reported at once, each with the file and line.
pub fn check(parsed: RawProfileFile, scope: Scope, lookup: &SkillLookup) -> Result<Profile, DataError> {
    let RawProfileFile { file, raw, mut problems } = parsed;
    let framework = scope.framework;
    let shown = file.display.as_str();
    // A profile written for another framework is read against this one when everything it names
    // is here (a built-in framework and its import share ids); see [`foreign`].
    let foreign = raw.framework.clone().filter(|wanted| normalise(wanted) != framework.id);
    if raw.name.trim().is_empty() {
        problems.error(shown, find_line(&file.text, "name:", 1), "the profile has an empty `name`");
    }
    let level = raw.level.as_deref().and_then(|name| level_index(scope, name, &file, "level:", &mut problems));
    let target = raw.target.as_deref().and_then(|name| level_index(scope, name, &file, "target:", &mut problems));
    let date = raw.date.as_deref().and_then(|text| match parse_date(text) {
        Ok(date) => Some(date),
        Err(why) => {
            // Errors quote at most 20 characters of a file.
            let mut quoted: String = text.trim().chars().take(20).collect();
            if text.trim().chars().count() > 20 {
                quoted.push('…');
            }
            problems.error(shown, find_line(&file.text, "date:", 1), format!("`date: {quoted}` is {why}"));
            None
        }
    });
    let assessor = raw.assessor.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(String::from);
    let behaviours = check_behaviours(&raw, framework, &file, &mut problems);

    let mut skills: Vec<(usize, Assessment)> = Vec::with_capacity(raw.skills.0.len());
    // One bit per skill of the framework: which ones a key has already named.
    let mut seen = vec![0u64; framework.skills.len().div_ceil(64)];
    let firsts: std::cell::OnceCell<HashMap<usize, &str>> = std::cell::OnceCell::new();
    // The line of every key, worked out once and only if a problem needs one.
    let key_lines = std::cell::OnceCell::new();
    let line_of = |i: usize| -> Option<usize> {
        let lines: &Vec<Option<usize>> = key_lines.get_or_init(|| {
            let skills_line = find_line(&file.text, "skills:", 1).unwrap_or(1);
            let mut index = KeyLines::new(&file.text, skills_line);
            raw.skills.0.iter().map(|(key, _)| index.find(key)).collect()
        });
        lines[i]
    };
    let (mut unknown, mut known) = (0, 0);
    for (i, (key, value)) in raw.skills.0.iter().enumerate() {
        let line = || line_of(i);
        let Some(index) = lookup.get(key) else {
            unknown += 1;
            // Only the first of a kind are shown (`diagnostics::for_people`): the rest need no hint.
            let hint = (unknown <= MAX_OF_A_KIND)
                .then(|| did_you_mean(key, framework.skills.iter().map(|s| s.id.as_str())))
                .flatten()
                .map(|b| format!("did you mean `{b}`?"));
            problems.error_hint(shown, line(), format!("unknown skill `{key}`"), hint);
            continue;
        };
        known += 1;
        let (word, bit) = (index / 64, 1u64 << (index % 64));
        if seen[word] & bit != 0 {
            // Repeats are rare: where each skill was first named is worked out at the first one,
            // in one pass, so even a file of thousands of repeats stays linear.
            let first = firsts.get_or_init(|| {
                let mut firsts = HashMap::new();
                for (k, _) in &raw.skills.0 {
                    if let Some(index) = lookup.get(k) {
                        firsts.entry(index).or_insert(k.as_str());
                    }
                }
                firsts
            })[&index];
            problems.error(
                shown,
                line(),
                format!("skill `{}` is assessed twice (`{first}` and `{key}`)", framework.skills[index].id),
            );
            continue;
        }
        seen[word] |= bit;
        let Some(assessment) = value else { continue };
        match step_of(&framework.scale, key, assessment, "is not a proficiency") {
            Ok(Some(p)) => {
                skills.push((index, Assessment { proficiency: p, evidence: assessment.evidence.clone() }));
            }
            Ok(None) => {}
            Err((message, hint)) => problems.error_hint(shown, line(), message, hint),
        }
    }
    if let Some(wanted) = foreign {
        // Half or more of what it names unknown: written for another framework altogether.
        let found = known + behaviours.len() + usize::from(level.is_some()) + usize::from(target.is_some());
        let missing = |named: &Option<String>, got: Option<usize>| usize::from(named.is_some() && got.is_none());
        let lost = unknown + missing(&raw.level, level) + missing(&raw.target, target);
        let found = if lost >= found { 0 } else { found };
        foreign_framework(&wanted, framework, &file, found, &mut problems);
    }
    if problems.has_errors() {
        return Err(refused(shown, problems));
    }
    skills.sort_unstable_by_key(|(index, _)| *index);
    let role = framework.roles.iter().position(|r| std::ptr::eq(r, scope.role)).unwrap_or(0);
    Ok(Profile { file: file.display, name: raw.name, role, level, target, date, assessor, behaviours, skills })
}

/// The step of `scale` that the answer to `key` gives, read as `assess` reads one
/// ([`step_index`]): `Ok(None)` when it gives none (`~`, or evidence alone). Otherwise the problem
/// (`is_not` says against what), naming every step, lowest first, and the nearest where one is close.
fn step_of(
    scale: &[ScaleStep],
    key: &str,
    value: &RawAssessment,
    is_not: &str,
) -> Result<Option<usize>, (String, Option<String>)> {
    let given = match (&value.proficiency, value.misfit) {
        (_, Some(misfit)) => format!("`{key}` is given {misfit}, which {is_not}"),
        (Some(word), None) => match step_index(scale, word) {
            Some(step) => return Ok(Some(step)),
            None => format!("`{word}` {is_not}"),
        },
        (None, None) => return Ok(None),
    };
    let ids: Vec<&str> = scale.iter().map(|s| s.id.as_str()).collect();
    let message =
        format!("{given}; expected one of: {} (lowest first), or a number from 1 to {}", ids.join(", "), scale.len());
    let near = value.proficiency.as_deref().and_then(|word| did_you_mean(word, ids.iter().copied()));
    Err((message, near.map(|b| format!("did you mean `{b}`?"))))
}

/// The problem of a profile written for framework `wanted` but checked against `framework`, when
/// there is one: none when it names something here (`found` skills, soft skills and levels) and
/// nothing that is not, since then it reads the same against either. When it names nothing here
/// (`found` is 0), what it names is another framework's, so the framework is its one problem. Otherwise
/// its `framework:` line comes first, with the edit that reads it against this framework.
fn foreign_framework(wanted: &str, framework: &Framework, file: &SourceFile, found: usize, problems: &mut Problems) {
    if found > 0 && !problems.has_errors() {
        return;
    }
    let (shown, line) = (file.display.as_str(), find_line(&file.text, "framework:", 1));
    let builtin = crate::data::builtin_ids().contains(&normalise(wanted).as_str());
    let id = &framework.id;
    if found == 0 {
        let advice = if builtin {
            "; leave out --framework and --data to use the profile's".to_string()
        } else {
            format!(", and `{wanted}` is not built in: give its folder with --data")
        };
        *problems = Problems::default();
        problems.error(
            shown,
            line,
            format!("the profile is for framework `{wanted}`, but the framework in use is `{id}`{advice}"),
        );
        return;
    }
    let other = if builtin {
        format!("; or leave out --framework and --data to read it against `{wanted}`")
    } else {
        String::new()
    };
    let problem = Problem::error(
        shown,
        line,
        format!("the profile is for framework `{wanted}`, but the framework in use is `{id}`, which lacks what it names below"),
    )
    .with_hint(Some(format!(
        "to read it against `{id}`, change `framework: {wanted}` to `framework: {id}` and fix the lines below{other}"
    )));
    let at = problems.0.iter().position(|p| p.line.is_none_or(|l| line.is_some_and(|f| l > f)));
    problems.0.insert(at.unwrap_or(problems.0.len()), problem);
}

/// The one warning for the profiles (`files`) written for framework `wanted` and read against
/// `framework`, which [`check`] accepts when everything a profile names is there. A team of them
/// is one line, naming the first few.
pub fn foreign(files: &[&str], wanted: &str, framework: &Framework) -> String {
    let id = &framework.id;
    match files {
        [one] => format!(
            "{one} is for framework `{wanted}`; read against `{id}`, the framework in use, as every skill and level it names is there"
        ),
        many => {
            let mut shown = many.iter().take(3).copied().collect::<Vec<_>>().join(", ");
            if many.len() > 3 {
                shown.push_str(&format!(" and {} more", many.len() - 3));
            }
            format!(
                "{} profiles are for framework `{wanted}` ({shown}); read against `{id}`, the framework in use, as every skill and level they name is there",
                many.len()
            )
        }
    }
}

/// A level of the scope's role named on the profile's line starting `key` (`level:`, `target:`),
/// or a problem with that line and the valid names.
fn level_index(scope: Scope, name: &str, file: &SourceFile, key: &str, problems: &mut Problems) -> Option<usize> {
    match crate::resolve::resolve_answer(&scope.role.levels, name, "level") {
        Ok(i) => Some(i),
        Err(e) => {
            let message = e.to_string();
            let mut lines = message.lines();
            let mut first = lines.next().unwrap_or_default().to_string();
            if key != "level:" {
                first = format!("`{}` names {first}", key.trim_end_matches(':'));
            }
            let rest: Vec<&str> = lines.map(str::trim).collect();
            problems.push(
                Problem::error(&file.display, find_line(&file.text, key, 1), first)
                    .with_hint((!rest.is_empty()).then(|| rest.join("\n    "))),
            );
            None
        }
    }
}

/// An ISO 8601 date (`2026-03-01`, or a date and time, whose date is kept), or why it is not
/// one, in words that follow "is" (`--date` and a profile's `date:` say the same).
pub fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    let text = text.trim();
    match text.parse::<jiff::civil::Date>() {
        Ok(date) => Ok(date),
        Err(_) => {
            let b = text.as_bytes();
            let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
            let in_form =
                digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
            let form = "YYYY-MM-DD (year-month-day), e.g. 2026-03-01";
            Err(if in_form && b.len() == 10 {
                format!("no day of the calendar; expected {form}")
            } else {
                format!("not a date written {form}")
            })
        }
    }
}

/// Today's date in the local time zone: what a new profile is dated.
pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// The soft skill a profile key names (its id, name or an alias), if any.
pub fn soft_skill_index(framework: &Framework, key: &str) -> Option<usize> {
    let wanted = normalise(key);
    framework
        .soft_skills
        .iter()
        .position(|s| s.id == key || normalise(&s.name) == wanted || s.aliases.iter().any(|a| normalise(a) == wanted))
}

/// The soft skills a profile rates, each on the framework's behaviour scale.
fn check_behaviours(
    raw: &RawProfile,
    framework: &Framework,
    file: &SourceFile,
    problems: &mut Problems,
) -> Vec<(usize, Assessment)> {
    let shown = file.display.as_str();
    if raw.behaviours.0.is_empty() {
        return Vec::new();
    }
    let start = find_line(&file.text, "behaviours:", 1);
    if framework.behaviour_scale.is_empty() {
        problems.error(
            shown,
            start,
            format!("the profile rates `behaviours`, but the framework `{}` has no behaviour scale", framework.id),
        );
        return Vec::new();
    }
    let mut lines = KeyLines::new(&file.text, start.unwrap_or(1));
    let mut kept: Vec<(usize, Assessment)> = Vec::new();
    let mut seen = vec![false; framework.soft_skills.len()];
    for (key, value) in &raw.behaviours.0 {
        let line = lines.find(key);
        let Some(index) = soft_skill_index(framework, key) else {
            let hint = did_you_mean(key, framework.soft_skills.iter().map(|s| s.id.as_str()));
            problems.error_hint(
                shown,
                line,
                format!("unknown soft skill `{key}`"),
                hint.map(|b| format!("did you mean `{b}`?")),
            );
            continue;
        };
        if std::mem::replace(&mut seen[index], true) {
            problems.error(shown, line, format!("soft skill `{}` is rated twice", framework.soft_skills[index].id));
            continue;
        }
        let Some(value) = value else { continue };
        match step_of(&framework.behaviour_scale, key, value, "is not on the behaviour scale") {
            Ok(Some(step)) => kept.push((index, Assessment { proficiency: step, evidence: value.evidence.clone() })),
            Ok(None) => {}
            Err((message, hint)) => problems.error_hint(shown, line, message, hint),
        }
    }
    kept.sort_unstable_by_key(|(index, _)| *index);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn dvla() -> Framework {
        data::load_builtin("dvla").unwrap()
    }

    fn parse(text: &str) -> RawProfileFile {
        let file = SourceFile { display: "me.yaml".into(), rel: "me.yaml".into(), text: text.into() };
        let mut problems = Problems::default();
        let raw = yaml::parse::<RawProfile>(&file, &mut problems).unwrap_or_else(|| panic!("{:?}", problems.0));
        RawProfileFile { file, raw, problems }
    }

    fn check_text(text: &str) -> Result<Profile, DataError> {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        check(parse(text), scope, &SkillLookup::new(&f))
    }

    #[test]
    fn accepts_ids_names_aliases_long_form_and_unassessed() {
        let p = check_text(
            "name: Sam\nlevel: pm\nskills:\n  agile-working: working\n  User Focus: expert\n  ddat-perspective:\n    proficiency: practitioner\n    evidence: ran the GOV.UK assessment\n  product-ownership: ~\n",
        )
        .unwrap();
        assert_eq!(p.level, Some(0));
        assert_eq!(p.skills.len(), 3);
        let ddat = p.assessment(1).unwrap();
        assert_eq!((ddat.proficiency, ddat.evidence.len()), (2, 1));
    }

    #[test]
    fn every_problem_named_with_line_and_suggestion() {
        let err = check_text(
            "name: Sam\nlevel: senoir\nskills:\n  agile-workin: working\n  user-focus: expret\n  user-focus: expert\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("the profile me.yaml has 4 errors"), "{err}");
        assert!(err.contains("me.yaml:2: error: unknown level `senoir`"), "{err}");
        assert!(err.contains("did you mean `senior`?"), "{err}");
        assert!(err.contains("me.yaml:4: error: unknown skill `agile-workin`"), "{err}");
        assert!(err.contains("did you mean `agile-working`?"), "{err}");
        assert!(err.contains("me.yaml:5: error: `expret` is not a proficiency; expected one of: awareness, working, practitioner, expert"), "{err}");
        assert!(err.contains("did you mean `expert`?"), "{err}");
        assert!(err.contains("skill `user-focus` is assessed twice"), "{err}");
    }

    #[test]
    fn keys_in_any_order_are_found_and_a_repeat_names_both_spellings() {
        let p = check_text("name: Sam\nskills:\n  user-focus: expert\n  agile-working: working\n").unwrap();
        let (agile, user) = (0, 9);
        assert_eq!(p.assessment(user).map(|a| a.proficiency), Some(3));
        assert_eq!(p.assessment(agile).map(|a| a.proficiency), Some(1));
        assert!(p.assessment(4).is_none());
        let err = check_text("name: Sam\nskills:\n  User Focus: working\n  agile-working: ~\n  user-focus: expert\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("me.yaml:5: error: skill `user-focus` is assessed twice (`User Focus` and `user-focus`)"),
            "{err}"
        );
    }

    #[test]
    fn wrong_framework_is_refused_alone() {
        let err =
            check_text("name: Sam\nframework: ddat-2025\nlevel: associate\nskills:\n  product-management: working\n")
                .unwrap_err();
        assert_eq!(err.problems.0.len(), 1, "{err}");
        let err = err.to_string();
        assert!(err.contains("me.yaml:2: error: the profile is for framework `ddat-2025`"), "{err}");
        assert!(err.contains("leave out --framework and --data"), "{err}");
        let err = check_text("name: Sam\nframework: acme\n").unwrap_err().to_string();
        assert!(err.contains("`acme` is not built in: give its folder with --data"), "{err}");
    }

    #[test]
    fn another_framework_is_read_when_all_it_names_is_here_and_else_refused_with_the_edit() {
        let text = "name: Sam\nframework: acme\nlevel: pm\nskills:\n  agile-working: working\n  user-focus: ~\n";
        let p = check_text(text).unwrap();
        assert_eq!((p.level, p.skills.len()), (Some(0), 1));
        let f = dvla();
        assert_eq!(
            foreign(&["me.yaml"], "acme", &f),
            "me.yaml is for framework `acme`; read against `dvla`, the framework in use, as every skill and level it names is there"
        );
        assert_eq!(
            foreign(&["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml"], "acme", &f),
            "5 profiles are for framework `acme` (a.yaml, b.yaml, c.yaml and 2 more); read against `dvla`, the \
             framework in use, as every skill and level they name is there"
        );
        let err = check_text(&text.replace("level: pm", "level: pmm")).unwrap_err();
        assert_eq!(err.problems.0.len(), 2, "{err}");
        let err = err.to_string();
        assert!(
            err.contains("me.yaml:2: error: the profile is for framework `acme`, but the framework in use is `dvla`"),
            "{err}"
        );
        assert!(err.contains("change `framework: acme` to `framework: dvla` and fix the lines below\n"), "{err}");
        assert!(err.contains("me.yaml:3: error: unknown level `pmm`"), "{err}");
        // A profile that names nothing here, or as much that is not as that is, is refused for its
        // framework alone.
        assert_eq!(check_text("name: Sam\nframework: acme\n").unwrap_err().problems.0.len(), 1);
        let half = text.replace("level: pm", "level: pmm").replace("user-focus", "user-fox");
        assert_eq!(check_text(&half).unwrap_err().problems.0.len(), 1);
    }

    #[test]
    fn date_assessor_and_target_are_read_and_checked() {
        let p = check_text("name: Sam\ndate: 2026-03-01\nassessor: ' self '\nlevel: pm\ntarget: lead\nskills: {}\n")
            .unwrap();
        assert_eq!(
            (p.date.map(|d| d.to_string()).as_deref(), p.assessor.as_deref()),
            (Some("2026-03-01"), Some("self"))
        );
        assert_eq!((p.level, p.target), (Some(0), Some(2)));
        // A date and time keeps its date.
        let p = check_text("name: Sam\ndate: 2026-06-01T09:30:00\n").unwrap();
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2026-06-01"));
        let err = check_text("name: Sam\nlevel: pm\ndate: 2026-02-30\ntarget: leed\n").unwrap_err().to_string();
        assert!(
            err.contains("me.yaml:3: error: `date: 2026-02-30` is no day of the calendar; expected YYYY-MM-DD"),
            "{err}"
        );
        assert!(err.contains("me.yaml:4: error: `target` names unknown level `leed`"), "{err}");
        assert!(err.contains("did you mean `lead`?"), "{err}");
        let err = check_text("name: Sam\ndate: last March, roughly speaking\n").unwrap_err().to_string();
        assert!(err.contains("`date: last March, roughly …` is not a date"), "{err}");
        let err = check_text("name: Sam\ndate: 01/06/2026\n").unwrap_err().to_string();
        assert!(err.contains("me.yaml:2: error: `date: 01/06/2026` is not a date written YYYY-MM-DD (year-month-day), e.g. 2026-03-01"), "{err}");
    }

    #[test]
    fn behaviours_are_rated_on_the_behaviour_scale() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder");
        let (f, _) = data::load_folder(&dir).unwrap();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let lookup = SkillLookup::new(&f);
        let text = "name: Sam\nbehaviours:\n  patience: steady\n  Curiosity:\n    proficiency: model\n    evidence: Asked why.\n";
        let p = check(parse(text), scope, &lookup).unwrap();
        let (curiosity, patience) = (0, 1);
        assert_eq!(p.behaviour(curiosity).map(|a| (a.proficiency, a.evidence.len())), Some((2, 1)));
        assert_eq!(p.behaviour(patience).map(|a| a.proficiency), Some(1));
        let text =
            "name: Sam\nbehaviours:\n  patiense: steady\n  curiosity: always\n  patience: ~\n  patience: model\n";
        let err = check(parse(text), scope, &lookup).unwrap_err().to_string();
        assert!(err.contains("me.yaml:3: error: unknown soft skill `patiense`"), "{err}");
        assert!(err.contains("did you mean `patience`?"), "{err}");
        assert!(
            err.contains(
                "me.yaml:4: error: `always` is not on the behaviour scale; expected one of: emerging, steady, model"
            ),
            "{err}"
        );
        assert!(err.contains("me.yaml:6: error: soft skill `patience` is rated twice"), "{err}");
        // The built-in DVLA framework names soft skills but rates none.
        let err = check_text("name: Sam\nbehaviours:\n  resilience: steady\n").unwrap_err().to_string();
        assert!(
            err.contains(
                "me.yaml:2: error: the profile rates `behaviours`, but the framework `dvla` has no behaviour scale"
            ),
            "{err}"
        );
    }
}
