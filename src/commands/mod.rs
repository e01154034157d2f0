//! What each command does, between the parsed command line and the bytes for stdout: pick the
//! framework and role, build the report, render it. `lib.rs` only picks the function.

pub mod explore;
pub mod fit;
pub mod gap;
pub mod moves;
pub mod plan;
pub mod profiles;
pub mod progress;
pub mod review;
pub mod selected;
pub mod site;
pub mod validate;

use crate::render::{self, RenderOptions, Report};

/// What a successful run produced: the bytes for stdout and the exit status. Its warnings were
/// said to the run's [`crate::warnings::Warnings`] on the way.
#[derive(Debug)]
pub struct Outcome {
    pub output: Vec<u8>,
    /// 0, or 3 when `--exit-code` found gaps.
    pub status: u8,
}

impl Outcome {
    /// Output that is already bytes (a script, a schema), with status 0.
    pub fn bytes(output: Vec<u8>) -> Self {
        Outcome { output, status: 0 }
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
