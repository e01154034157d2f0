//! Converters from other formats into a framework folder, one module per format, and what they
//! share: reading CSV, refusing an output folder that holds an input, and writing the folder.

pub mod csv;
pub mod ddat_csv;
pub mod ft_progression;
pub mod matrix;
pub mod text;

use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;

/// `--out` is replaced whole: if an input file lies inside it, `--force` would delete the input.
pub fn refuse_out_holding_inputs(out: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    let Ok(canon) = std::fs::canonicalize(out) else { return Ok(()) };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|path| path.starts_with(&canon)) {
            anyhow::bail!(
                "--out {} holds the input {}: replacing the folder would delete it; write to another folder",
                out.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// Checks `out` before anything is read, so a wrong `--out` fails fast.
pub fn check_out(out: &Path, force: bool, inputs: &[&Path]) -> anyhow::Result<()> {
    crate::write::check_folder(out, force)?;
    refuse_out_holding_inputs(out, inputs)
}

/// Writes the folder atomically; returns a note for the report when the previous contents
/// could not be removed (they are kept aside rather than lost).
pub fn write_out(out: &Path, force: bool, files: &[(String, String)]) -> anyhow::Result<Option<String>> {
    let kept = crate::write::write_folder(out, force, files)?;
    Ok(kept.map(|kept| {
        format!("the previous contents of {} could not be removed; they are in {}", out.display(), kept.display())
    }))
}

/// The text of one written file: a comment naming where it came from, then `value` as YAML.
/// A file over the input limit is refused: `validate` and every command would refuse to read it.
pub fn yaml_file<T: Serialize>(header: &str, value: &T) -> anyhow::Result<String> {
    let body = serde_yaml::to_string(value).context("cannot write YAML")?;
    let limit = crate::source::MAX_FILE_BYTES;
    if (header.len() + body.len()) as u64 > limit {
        anyhow::bail!(
            "the import would write a file of {} MiB, over the {} MiB limit for framework files; refused, nothing was written",
            (header.len() + body.len()) as u64 / (1024 * 1024),
            limit / (1024 * 1024)
        );
    }
    Ok(format!("{header}{body}"))
}

/// The most (level, skill) cells an import may make: every role file holds one entry per cell,
/// so a hostile file of many levels and many skills would otherwise multiply into a huge folder.
pub const MAX_CELLS: usize = 100_000;

/// The note on a rating lower than at the level below, which the source gives on purpose (where
/// people stop using a skill day to day): it keeps `validate` from flagging the drop as a slip.
pub fn drop_note(step_below: &str, level_below: &str, source: &str) -> String {
    format!("Lower than the {step_below} expected at {level_below}, as in {source}.")
}
