//! What each command does, between the parsed command line and the bytes for stdout: pick the
//! framework and role, build the report, render it. `lib.rs` only picks the function.

pub mod career;
pub mod explore;
pub mod gap;
pub mod growth;
pub mod plan;
pub mod profiles;
pub mod review;
pub mod selected;
pub mod site;
pub mod validate;

use crate::render::{self, RenderOptions, Report};

/// An error that stopped a run after it had found things to warn about (a person given twice):
/// `lib` prints the warnings before the error, so a failing run loses none of them.
#[derive(Debug)]
pub struct Warned {
    pub warnings: Vec<String>,
    pub error: anyhow::Error,
}

impl std::fmt::Display for Warned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for Warned {}

/// `error`, carrying `warnings` when there are any.
pub fn warned(error: anyhow::Error, warnings: Vec<String>) -> anyhow::Error {
    if warnings.is_empty() { error } else { Warned { warnings, error }.into() }
}

/// What a successful run produced: the bytes for stdout, the exit status, and warnings: things
/// the run went on past that the user should still hear about, printed on stderr.
#[derive(Debug)]
pub struct Outcome {
    pub output: Vec<u8>,
    /// 0, or 3 when `--exit-code` found gaps.
    pub status: u8,
    /// One sentence each, without the `warning: ` that `lib::main_with` puts before it.
    pub warnings: Vec<String>,
}

impl Outcome {
    /// Output that is already bytes (a script, a schema), with status 0.
    pub fn bytes(output: Vec<u8>) -> Self {
        Outcome { output, status: 0, warnings: Vec::new() }
    }

    /// The same outcome with these warnings added.
    pub fn with_warnings(mut self, warnings: impl IntoIterator<Item = String>) -> Self {
        self.warnings.extend(warnings);
        self
    }

    /// A report rendered in the chosen format, with status 0.
    pub fn report<R: Report>(report: &R, options: &RenderOptions) -> anyhow::Result<Self> {
        Self::report_gaps(report, options, false)
    }

    /// A report rendered in the chosen format, with status 3 when `gaps` (`--exit-code` found
    /// something to grow).
    pub fn report_gaps<R: Report>(report: &R, options: &RenderOptions, gaps: bool) -> anyhow::Result<Self> {
        Ok(Outcome { status: if gaps { 3 } else { 0 }, ..Outcome::bytes(render::render(report, options)?) })
    }
}
