//! Converters from other formats into a framework folder, one module per format, and what they
//! share: reading CSV, refusing an output folder that holds an input, and writing the folder.

pub mod clean;
pub mod csv;
pub mod ddat_csv;
pub mod ft_progression;
pub mod matrix;

use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;

/// Checks `out` before anything is read, so a wrong `--out` fails fast: first that it neither
/// holds nor lies in an input (`write::refuse_overlap`, the rule every write follows), then that
/// it may be written or replaced.
pub fn check_out(out: &Path, force: bool, inputs: &[&Path]) -> anyhow::Result<()> {
    crate::write::refuse_overlap(out, true, inputs)?;
    crate::write::check_folder(out, force)
}

/// Writes the folder of an import atomically; returns a note for the report when the previous
/// contents could not be removed (they are kept aside rather than lost).
pub fn write_out(out: &Path, force: bool, files: &[(String, String)]) -> anyhow::Result<Option<String>> {
    write_marked(out, force, files, "import")
}

/// [`write_out`] for the command `by` (`import`, `site`), which the folder's marker names.
pub fn write_marked(out: &Path, force: bool, files: &[(String, String)], by: &str) -> anyhow::Result<Option<String>> {
    let kept = crate::write::write_folder(out, force, files, by)?;
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
