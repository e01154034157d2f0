//! Where frameworks come from: the ones built into the binary, or a folder given with `--data`.

use std::path::Path;

use crate::load::{self, SourceFile};
use crate::model::Framework;
use crate::validate::{self, DataError, Problems};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// The framework used when neither `--framework` nor `--data` is given: the seed's.
pub const DEFAULT_FRAMEWORK: &str = "dvla";

/// The ids of the built-in frameworks, the default first.
pub fn builtin_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = embedded::FILES
        .iter()
        .filter_map(|(path, _)| path.strip_suffix("/framework.yaml"))
        .collect();
    ids.sort_by_key(|id| (*id != DEFAULT_FRAMEWORK, *id));
    ids
}

/// The files of one built-in framework, as the loader reads a folder.
pub fn builtin_files(id: &str) -> Vec<SourceFile> {
    let prefix = format!("{id}/");
    embedded::FILES
        .iter()
        .filter_map(|(path, text)| {
            let rel = path.strip_prefix(&prefix)?;
            Some(SourceFile { display: format!("data/{path}"), rel: rel.to_string(), text: text.to_string() })
        })
        .filter(|f| f.rel.ends_with(".yaml") || f.rel.ends_with(".yml"))
        .collect()
}

/// Picks a built-in framework by id or unique prefix, with a did-you-mean when nothing matches.
pub fn builtin_id(query: &str) -> anyhow::Result<&'static str> {
    struct Id(&'static str);
    impl crate::resolve::Named for Id {
        fn id(&self) -> &str {
            self.0
        }
        fn name(&self) -> &str {
            self.0
        }
    }
    let ids: Vec<Id> = builtin_ids().into_iter().map(Id).collect();
    crate::resolve::resolve(&ids, query, "framework").map(|id| id.0)
}

/// Loads and checks a built-in framework. Built-in data is checked by the test suite, so this
/// fails only if a broken file was committed.
pub fn load_builtin(id: &str) -> anyhow::Result<(Framework, Problems)> {
    check_files(&format!("data/{id}"), &builtin_files(id))
}

/// Loads and checks a framework folder.
pub fn load_folder(dir: &Path) -> anyhow::Result<(Framework, Problems)> {
    let (files, problems) = read_folder(dir)?;
    finish(&dir.display().to_string(), &files, problems)
}

/// Reads a folder's files; unreadable files are already problems.
pub fn read_folder(dir: &Path) -> anyhow::Result<(Vec<SourceFile>, Problems)> {
    let mut problems = Problems::default();
    let files = load::read_folder(dir, &mut problems)?;
    Ok((files, problems))
}

/// Runs every check over a set of files, keeping warnings beside the framework.
pub fn check_files(root: &str, files: &[SourceFile]) -> anyhow::Result<(Framework, Problems)> {
    finish(root, files, Problems::default())
}

fn finish(root: &str, files: &[SourceFile], mut problems: Problems) -> anyhow::Result<(Framework, Problems)> {
    match validate::assemble(root, files, &mut problems) {
        Some(framework) if !problems.has_errors() => Ok((framework, problems)),
        _ => Err(DataError { origin: root.to_string(), problems }.into()),
    }
}
