//! `validate`: every check on a folder, or on a built-in framework, and all findings at once.

use std::path::Path;

use super::Outcome;
use crate::cli::{GlobalArgs, ValidateArgs};
use crate::render::RenderOptions;
use crate::{data, report, source};

/// `validate [DIR]`: exit status 1 when the folder fails (errors, or warnings with `--strict`).
pub fn run(global: &GlobalArgs, args: &ValidateArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    let dir = args.dir.as_deref().or(global.data.as_deref());
    let report = validate_target(dir, global.framework.as_deref(), args.strict)?;
    Ok(Outcome { status: u8::from(report.failed), ..Outcome::report(&report, options)? })
}

/// Runs every check on a folder, or on a built-in framework, and reports all findings.
pub fn validate_target(
    dir: Option<&Path>,
    framework: Option<&str>,
    strict: bool,
) -> anyhow::Result<report::validate::ValidateReport> {
    let (origin, files, mut problems) = match dir {
        Some(dir) => {
            let (files, problems) = source::read_folder(dir)?;
            (dir.display().to_string(), files, problems)
        }
        None => {
            let id = match framework {
                Some(name) => data::builtin_id(name)?,
                None => data::DEFAULT_FRAMEWORK,
            };
            (format!("data/{id}"), data::builtin_files(id), crate::diagnostics::Problems::default())
        }
    };
    crate::assemble::assemble(&origin, &files, &mut problems);
    Ok(report::validate::ValidateReport::build(origin, problems, strict))
}
