//! `pm-skills validate`: every problem of a framework folder, at once.

use crate::text::plural;
use serde::Serialize;

use super::Report;
use crate::diagnostics::{Problem, Problems, Severity};
use crate::render::{Block, Records, Value};

/// The findings of one check.
#[derive(Debug, Serialize)]
pub struct ValidateReport {
    /// The folder (or built-in framework) checked.
    pub target: String,
    pub strict: bool,
    pub errors: usize,
    pub warnings: usize,
    /// True when the check fails: any error, or any warning with `--strict`.
    pub failed: bool,
    pub problems: Vec<Problem>,
}

impl ValidateReport {
    /// Counts the problems and decides the verdict.
    pub fn build(target: String, problems: Problems, strict: bool) -> Self {
        let errors = problems.count(Severity::Error);
        let warnings = problems.count(Severity::Warning);
        let mut list = problems.0;
        // Errors first; within a kind, file order then line order, as an editor would list them.
        list.sort_by(|a, b| {
            (a.severity != Severity::Error, &a.file, a.line).cmp(&(b.severity != Severity::Error, &b.file, b.line))
        });
        ValidateReport {
            target,
            strict,
            errors,
            warnings,
            failed: errors > 0 || (strict && warnings > 0),
            problems: list,
        }
    }
}

impl Report for ValidateReport {
    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(format!("Checked {}", self.target))];
        if !self.problems.is_empty() {
            blocks.push(Block::Lines(crate::diagnostics::for_people(&self.problems)));
        }
        let verdict = if self.failed { "invalid" } else { "valid" };
        blocks.push(Block::Status(format!(
            "{}: {verdict}, {}, {}",
            self.target,
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings")
        )));
        blocks
    }

    fn records(&self) -> Records {
        Records {
            header: ["file", "line", "severity", "message", "hint"].map(String::from).to_vec(),
            rows: self
                .problems
                .iter()
                .map(|p| {
                    vec![
                        Value::from(&p.file),
                        Value::from(p.line),
                        Value::from(<&str>::from(p.severity)),
                        Value::from(&p.message),
                        Value::from(p.hint.as_ref()),
                    ]
                })
                .collect(),
        }
    }
}
