//! Reading a job family file: the serde shapes of its JSON Schema (`job-family.json`), parsed
//! through [`crate::yaml`] with its limits, then the checks the schema cannot make (every
//! competency names a known level and theme and one of the five proficiencies), each error with
//! its line where it can be found.

use std::collections::HashMap;

use serde::Deserialize;

use super::PROFICIENCIES;
use crate::diagnostics::{DataError, Problems};
use crate::import::MAX_CELLS;
use crate::import::clean::clean_text;
use crate::model::Ref;
use crate::raw::{RawCriterion, RawResource};
use crate::resolve::{did_you_mean, normalise};
use crate::source::SourceFile;

/// How far below the start of an entry its fields are looked for, for error lines.
const WINDOW: usize = 400;

/// The top level of a job family file.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "camelCase",
    expecting = "a job family: a mapping with `name`, `summary`, `googleSheetId`, `levels`, `themes` and `competencies`"
)]
struct FtFamily {
    name: String,
    summary: String,
    #[serde(rename = "googleSheetId")]
    _google_sheet_id: String,
    #[serde(default)]
    is_legacy: Option<bool>,
    levels: Vec<FtLevel>,
    themes: Vec<FtTheme>,
    competencies: Vec<FtCompetency>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a level: a mapping with `id` and `name`")]
struct FtLevel {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a theme: a mapping with `id`, `name` and an optional `summary`")]
struct FtTheme {
    id: String,
    name: String,
    #[serde(default)]
    summary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "camelCase",
    expecting = "a competency: a mapping with `id`, `level`, `theme`, `summary` and `proficiency`"
)]
struct FtCompetency {
    id: String,
    level: String,
    theme: String,
    summary: String,
    proficiency: String,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    supporting_urls: Vec<FtUrl>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a link: a mapping with `label` and `url`")]
struct FtUrl {
    label: String,
    url: String,
}

/// A job family, checked: levels and themes in file order, and one cell per (level, theme).
#[derive(Debug)]
pub(super) struct Family {
    pub(super) name: String,
    pub(super) summary: String,
    pub(super) legacy: bool,
    /// In file order.
    pub(super) levels: Vec<Ref>,
    pub(super) themes: Vec<Theme>,
    /// `cells[level][theme]`.
    pub(super) cells: Vec<Vec<Cell>>,
    pub(super) competencies: usize,
    pub(super) examples: usize,
}

/// A theme: a skill of the folder.
#[derive(Debug)]
pub(super) struct Theme {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) summary: Option<String>,
    /// The supporting links of its competencies, first of each url kept.
    pub(super) resources: Vec<RawResource>,
}

/// What one level expects of one theme: the highest proficiency of its competencies there (an
/// index into [`PROFICIENCIES`]; `None` when it has none), and their summaries as criteria.
#[derive(Debug, Clone, Default)]
pub(super) struct Cell {
    pub(super) step: Option<usize>,
    pub(super) criteria: Vec<RawCriterion>,
}

/// The lines of the file, for pointing errors at them; each search looks a bounded way ahead so
/// a file of many errors stays linear.
struct Lines<'a>(Vec<&'a str>);

impl Lines<'_> {
    /// The 1-based line at or after `from` whose content (after indentation and a list dash)
    /// starts with `needle`, within [`WINDOW`] lines.
    fn find(&self, needle: &str, from: usize) -> Option<usize> {
        let first = from.saturating_sub(1);
        self.0.iter().enumerate().skip(first).take(WINDOW).find_map(|(i, line)| {
            let content = line.trim_start();
            let content = content.strip_prefix("- ").map(str::trim_start).unwrap_or(content);
            content.starts_with(needle).then_some(i + 1)
        })
    }

    /// The line of `key: value` (or of `key:`) in the entry starting at `from`.
    fn field(&self, key: &str, value: &str, from: usize) -> Option<usize> {
        self.find(&format!("{key}: {value}"), from).or_else(|| self.find(&format!("{key}:"), from))
    }

    /// The line a top-level key starts on.
    fn top(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|l| l.starts_with(key)).map(|i| i + 1)
    }
}

/// Parses and checks `file`; every problem at once, as one error naming the file and lines.
pub(super) fn read(file: &SourceFile) -> anyhow::Result<Family> {
    let mut problems = Problems::default();
    let parsed = crate::yaml::parse::<FtFamily>(file, &mut problems);
    let family = parsed.and_then(|raw| check(file, raw, &mut problems));
    match family {
        Some(family) if !problems.has_errors() => Ok(family),
        _ => Err(DataError {
            subject: format!("the job family {}", file.display),
            advice: Some("nothing was written".into()),
            problems,
        }
        .into()),
    }
}

/// The index of each id, reporting ids that are not kebab-case or come twice.
fn index_ids<'a>(
    file: &SourceFile,
    lines: &Lines,
    kind: &str,
    entries: impl Iterator<Item = (&'a str, &'a str)>,
    start: usize,
    problems: &mut Problems,
) -> HashMap<String, usize> {
    let mut index = HashMap::new();
    let mut from = start;
    for (i, (id, name)) in entries.enumerate() {
        let line = lines.find(&format!("id: {id}"), from);
        from = line.map_or(from, |l| l + 1);
        if let Some(problem) = crate::assemble::id_problem(kind, id) {
            problems.error(&file.display, line, problem);
        } else if name.trim().is_empty() {
            problems.error(&file.display, line, format!("{kind} `{id}` has an empty name"));
        } else if index.insert(id.to_string(), i).is_some() {
            problems.error(&file.display, line, format!("{kind} id `{id}` is used twice"));
        }
    }
    index
}

fn check(file: &SourceFile, raw: FtFamily, problems: &mut Problems) -> Option<Family> {
    let lines = Lines(file.text.lines().collect());
    let shown = file.display.as_str();
    let levels_line = lines.top("levels:");
    let themes_line = lines.top("themes:");
    if clean_text(&raw.name).is_empty() {
        problems.error(shown, lines.top("name:"), "the job family has an empty name");
    }
    if raw.levels.is_empty() {
        problems.error(shown, levels_line, "the job family has no levels");
    }
    if raw.themes.is_empty() {
        problems.error(shown, themes_line, "the job family has no themes");
    }
    let cells = raw.levels.len().saturating_mul(raw.themes.len());
    if cells > MAX_CELLS {
        problems.error(
            shown,
            levels_line,
            format!(
                "{} levels × {} themes make {cells} cells, over the limit of {MAX_CELLS}; refused",
                raw.levels.len(),
                raw.themes.len()
            ),
        );
        return None;
    }
    let level_entries = raw.levels.iter().map(|l| (l.id.as_str(), l.name.as_str()));
    let level_index = index_ids(file, &lines, "level", level_entries, levels_line.unwrap_or(1), problems);
    let theme_entries = raw.themes.iter().map(|t| (t.id.as_str(), t.name.as_str()));
    let theme_index = index_ids(file, &lines, "theme", theme_entries, themes_line.unwrap_or(1), problems);
    let mut themes: Vec<Theme> = raw
        .themes
        .into_iter()
        .map(|t| Theme {
            id: t.id,
            name: clean_text(&t.name),
            summary: t.summary.map(|s| clean_text(&s)).filter(|s| !s.is_empty()),
            resources: Vec::new(),
        })
        .collect();
    let mut grid = vec![vec![Cell::default(); themes.len()]; raw.levels.len()];
    let mut examples = 0;
    let mut from = lines.top("competencies:").unwrap_or(1);
    let competencies = raw.competencies.len();
    for c in raw.competencies {
        let start = from;
        let id_line = lines.find(&format!("id: {}", c.id), start);
        from = id_line.map_or(from, |l| l + 1);
        let at = |key: &str, value: &str| lines.field(key, value, start).or(id_line);
        // A level or theme the competency names, or an error with a did-you-mean.
        let mut find = |kind: &str, name: &str, index: &HashMap<String, usize>| {
            let found = index.get(name).copied();
            if found.is_none() {
                let hint = did_you_mean(name, index.keys().map(String::as_str));
                problems.error_hint(
                    shown,
                    at(kind, name),
                    format!("competency `{}` names the {kind} `{name}`, which the file does not define", c.id),
                    hint.map(|b| format!("did you mean `{b}`?")),
                );
            }
            found
        };
        let level = find("level", &c.level, &level_index);
        let theme = find("theme", &c.theme, &theme_index);
        let step = PROFICIENCIES.iter().position(|p| normalise(p.1) == normalise(&c.proficiency));
        if step.is_none() {
            let names = || PROFICIENCIES.iter().map(|p| p.1);
            problems.error_hint(
                shown,
                at("proficiency", &c.proficiency),
                format!(
                    "competency `{}` has the proficiency `{}`; expected one of: {}",
                    c.id,
                    c.proficiency,
                    names().collect::<Vec<_>>().join(", ")
                ),
                did_you_mean(&c.proficiency, names()).map(|b| format!("did you mean `{b}`?")),
            );
        }
        let statement = clean_text(&c.summary);
        if statement.is_empty() {
            problems.error(shown, at("summary", ""), format!("competency `{}` has an empty summary", c.id));
        }
        for link in &c.supporting_urls {
            if !(link.url.starts_with("https://") || link.url.starts_with("http://")) {
                problems.error(
                    shown,
                    lines.find(&format!("url: {}", link.url), start).or(id_line),
                    format!(
                        "competency `{}` links to `{}`; expected a url starting with https:// or http://",
                        c.id, link.url
                    ),
                );
            }
        }
        let (Some(level), Some(theme), Some(step)) = (level, theme, step) else { continue };
        let example_list: Vec<String> = c.examples.iter().map(|e| clean_text(e)).filter(|e| !e.is_empty()).collect();
        examples += example_list.len();
        let cell = &mut grid[level][theme];
        cell.step = Some(cell.step.map_or(step, |s| s.max(step)));
        cell.criteria.push(RawCriterion { statement, examples: example_list });
        let resources = &mut themes[theme].resources;
        for link in c.supporting_urls {
            if !resources.iter().any(|r| r.url == link.url) {
                let title = clean_text(&link.label);
                let title = if title.is_empty() { link.url.clone() } else { title };
                resources.push(RawResource { title, url: link.url, kind: Some("link".into()) });
            }
        }
    }
    Some(Family {
        name: clean_text(&raw.name),
        summary: clean_text(&raw.summary),
        legacy: raw.is_legacy.unwrap_or(false),
        levels: raw.levels.into_iter().map(|l| Ref { name: clean_text(&l.name), id: l.id }).collect(),
        themes,
        cells: grid,
        competencies,
        examples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(competencies: &str) -> anyhow::Result<Family> {
        let text = format!(
            "name: W\nsummary: s\ngoogleSheetId: g\nlevels:\n  - id: a\n    name: A\n  - id: b\n    name: B\nthemes:\n  - id: t\n    name: T\n  - id: u\n    name: U\ncompetencies:\n{competencies}"
        );
        read(&SourceFile { display: "w.yml".into(), rel: String::new(), text })
    }

    #[test]
    fn the_highest_proficiency_of_a_cell_wins_and_empty_cells_stay_unrated() {
        let f = family(
            "  - {id: c1, level: a, theme: t, summary: ' one ', proficiency: Practitioner}\n  - {id: c2, level: a, theme: t, summary: two, proficiency: awareness, examples: [e]}\n",
        )
        .unwrap();
        assert_eq!(f.cells[0][0].step, Some(3));
        let statements: Vec<&str> = f.cells[0][0].criteria.iter().map(|c| c.statement.as_str()).collect();
        assert_eq!(statements, ["one", "two"]);
        assert_eq!(f.cells[0][0].criteria[1].examples, ["e"]);
        assert_eq!((f.cells[0][1].step, f.cells[1][0].step), (None, None));
    }

    #[test]
    fn unknown_names_are_errors_with_lines() {
        let err =
            family("  - id: c1\n    level: b\n    theme: tt\n    summary: x\n    proficiency: Guru\n").unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("w.yml:17: error: competency `c1` names the theme `tt`"), "{text}");
        assert!(text.contains("w.yml:19: error: competency `c1` has the proficiency `Guru`"), "{text}");
    }

    #[test]
    fn an_id_the_loader_would_refuse_is_refused_with_its_line() {
        let long = "a".repeat(65);
        let text = format!(
            "name: W\nsummary: s\ngoogleSheetId: g\nlevels:\n  - id: {long}\n    name: A\nthemes:\n  - id: t\n    name: T\ncompetencies:\n  - {{id: c1, level: {long}, theme: t, summary: x, proficiency: Practitioner}}\n"
        );
        let err = read(&SourceFile { display: "w.yml".into(), rel: String::new(), text }).unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("w.yml:5: error: level id `aaaaaaaaaaaaaaaaaaaaaaaa…` is 65 characters long"), "{text}");
    }
}
