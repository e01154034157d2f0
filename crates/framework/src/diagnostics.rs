//! Problems found in input files, and where they are: every "file:line" of the program comes from here.

use std::collections::HashMap;
use std::fmt;

use crate::text::sanitize;

/// How bad a problem is: errors refuse the data, warnings are lint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, pointing at a file and, where known, a line.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// An error at `file`, `line`.
    pub fn error(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Problem { severity: Severity::Error, file: file.into(), line, message: message.into(), hint: None }
    }

    /// Adds a "did you mean" or other hint line.
    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind: &'static str = self.severity.into();
        // Messages quote names from the file; a line break inside one must not start a line of
        // its own, or a hostile name could print what looks like another error.
        let message = sanitize(&self.message, false);
        match self.line {
            Some(line) => write!(f, "{}:{line}: {kind}: {message}", self.file)?,
            None => write!(f, "{}: {kind}: {message}", self.file)?,
        }
        if let Some(hint) = &self.hint {
            for line in hint.lines() {
                write!(f, "\n    {}", sanitize(line, false))?;
            }
        }
        Ok(())
    }
}

/// Every problem found in one load.
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records an error.
    pub fn error(&mut self, file: impl Into<String>, line: Option<usize>, message: impl Into<String>) {
        self.0.push(Problem::error(file, line, message));
    }

    /// Records an error with a hint line.
    pub fn error_hint(&mut self, file: &str, line: Option<usize>, message: String, hint: Option<String>) {
        self.0.push(Problem::error(file, line, message).with_hint(hint));
    }

    /// Records a lint warning.
    pub(crate) fn warn(&mut self, file: &str, line: Option<usize>, message: String) {
        self.0.push(Problem { severity: Severity::Warning, file: file.into(), line, message, hint: None });
    }

    /// Records a ready-made problem.
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|p| p.severity == Severity::Error)
    }

    /// How many problems have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|p| p.severity == severity).count()
    }
}

/// Bad data refused on load: carries every error so the message lists them all.
#[derive(Debug)]
pub struct DataError {
    /// What was refused, e.g. "the framework in ./ladder" or "the profile me.yaml".
    pub subject: String,
    /// Where to look next, if anywhere.
    pub advice: Option<String>,
    pub problems: Problems,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<&Problem> = self.problems.0.iter().filter(|p| p.severity == Severity::Error).collect();
        let n = errors.len();
        write!(f, "{} has {n} error{}", self.subject, if n == 1 { "" } else { "s" })?;
        if let Some(advice) = &self.advice {
            write!(f, "; {advice}")?;
        }
        for line in for_people(errors) {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

/// How many problems of one kind a person is shown; the rest are counted in one line.
pub const MAX_OF_A_KIND: usize = 100;

/// The lines a person reads for `problems`, in order: at most [`MAX_OF_A_KIND`] of each kind
/// (severity and the message with its quoted names left out), then one "… and N more" line for
/// each kind that had more. Scripts get every problem: JSON, YAML and CSV are not cut.
pub fn for_people<'a>(problems: impl IntoIterator<Item = &'a Problem>) -> Vec<String> {
    let mut counts: HashMap<(Severity, String), usize> = HashMap::new();
    let mut kinds = Vec::new();
    let mut lines = Vec::new();
    for p in problems {
        let k = (p.severity, kind(&p.message));
        let seen = counts.entry(k.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 {
            kinds.push(k);
        }
        if *seen <= MAX_OF_A_KIND {
            lines.push(p.to_string());
        }
    }
    for (severity, what) in kinds {
        let more = counts[&(severity, what.clone())].saturating_sub(MAX_OF_A_KIND);
        if more > 0 {
            let word = match severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            lines.push(format!("… and {more} more {word}{} like \"{what}\"", if more == 1 { "" } else { "s" }));
        }
    }
    lines
}

/// A message with each name in backticks or quotes replaced by `…`: "unknown skill `…`".
fn kind(message: &str) -> String {
    crate::text::clip_quoted(message, 0)
}

impl std::error::Error for DataError {}

/// The start of every line of a file, so that a search from line N reads only the lines after it.
/// Entries are checked in file order and each search starts at the previous entry, which keeps
/// locating them linear in the size of the file, not quadratic.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 24 + 1);
        starts.push(0);
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// Like [`find_line`]: the first line at or after `from` (1-based) whose content, after
    /// indentation and a list dash, starts with `needle`.
    pub fn find(&self, needle: &str, from: usize) -> Option<usize> {
        let first = from.saturating_sub(1);
        (first..self.starts.len()).find_map(|i| {
            let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
            let content = self.text[self.starts[i]..end].trim_start();
            let content = content.strip_prefix("- ").map(str::trim_start).unwrap_or(content);
            content.starts_with(needle).then_some(i + 1)
        })
    }
}

/// Finds the 1-based line of the first line at or after `from` (1-based) whose content, after
/// indentation and a list dash, starts with `needle`. Used to point semantic errors at a line.
pub fn find_line(text: &str, needle: &str, from: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, line)| {
            let content = line.trim_start();
            let content = content.strip_prefix("- ").map(str::trim_start).unwrap_or(content);
            content.starts_with(needle)
        })
        .map(|(i, _)| i + 1)
}

/// The line of each skill key of a profile, found in file order. Every line from `skills:` on is
/// indexed once by what precedes its first colons, so a profile with n keys costs n log n rather
/// than a scan of the file per key (n², minutes for a hostile profile of 40,000 keys).
pub struct KeyLines<'t> {
    index: HashMap<&'t str, Vec<usize>>,
    /// Keys come in file order: the next one is searched for after the last one found.
    next: usize,
}

impl<'t> KeyLines<'t> {
    /// Colons looked at per line: a key holds few, and a line of many would cost n² to index.
    const COLONS: usize = 4;

    /// Indexes the lines of `text` from line `from` (1-based) on.
    pub fn new(text: &'t str, from: usize) -> Self {
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, line) in text.lines().enumerate().skip(from.saturating_sub(1)) {
            let content = line.trim_start();
            let content = content.strip_prefix("- ").map(str::trim_start).unwrap_or(content);
            for (pos, _) in content.match_indices(':').take(Self::COLONS) {
                index.entry(&content[..pos]).or_default().push(i + 1);
            }
        }
        KeyLines { index, next: from }
    }

    /// The first line at or after the previous key's that starts with `key:` or `"key":`.
    pub fn find(&mut self, key: &str) -> Option<usize> {
        let from = self.next;
        let first_after = |lines: &Vec<usize>| lines.get(lines.partition_point(|&l| l < from)).copied();
        let line = self
            .index
            .get(key)
            .and_then(first_after)
            .or_else(|| self.index.get(format!("\"{key}\"").as_str()).and_then(first_after))?;
        self.next = line + 1;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_line_skips_dashes_and_indentation() {
        let text = "a: 1\nlevels:\n  - id: x\n    skills:\n      foo: working\n";
        assert_eq!(find_line(text, "id: x", 1), Some(3));
        assert_eq!(find_line(text, "foo:", 3), Some(5));
        assert_eq!(find_line(text, "id: x", 4), None);
    }

    #[test]
    fn people_see_a_hundred_of_a_kind_and_a_count_of_the_rest() {
        let mut problems = Problems::default();
        for i in 0..250 {
            problems.error("p.yaml", Some(i + 3), format!("unknown skill `s{i}`"));
            if i < 3 {
                problems.warn("p.yaml", None, format!("skill `s{i}` is never used"));
            }
        }
        problems.error("p.yaml", Some(1), "the profile has an empty `name`");
        let lines = for_people(&problems.0);
        // 100 unknown skills, 3 warnings and the empty name, then one count line.
        assert_eq!(lines.len(), 100 + 3 + 1 + 1, "{lines:#?}");
        assert!(lines[0].contains("unknown skill `s0`") && lines[104].starts_with("… and 150 more errors"));
        assert!(lines[104].ends_with(r#"like "unknown skill `…`""#), "{}", lines[104]);
        assert!(lines.iter().any(|l| l.contains("empty `name`")));
        assert_eq!(kind(r#"a "x" and `y` end"#), r#"a "…" and `…` end"#);
    }
}
