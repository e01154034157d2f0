//! Where frameworks come from: the ones built into the binary, or a folder given with `--data`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::assemble;
use crate::diagnostics::{DataError, Problems};
use crate::model::{Framework, Scope};
use crate::source::{self, SourceFile};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// The built-in frameworks as Rust code, generated and checked by `build.rs`.
mod generated {
    #[allow(unused_imports)] // Criterion and Resource appear only when the data has them.
    use crate::model::{Criterion, Framework, Level, Rating, Resource, Role, ScaleStep, Skill, SoftSkill};
    include!(concat!(env!("OUT_DIR"), "/builtin_frameworks.rs"));
}

/// The framework used when neither `--framework` nor `--data` is given: the DVLA page's.
pub const DEFAULT_FRAMEWORK: &str = "dvla";

/// The ids of the built-in frameworks, the default first.
pub fn builtin_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> =
        embedded::FILES.iter().filter_map(|(path, _)| path.strip_suffix("/framework.yaml")).collect();
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

/// The built-in frameworks and their versions, e.g. `dvla 2024, ddat-2025 2025-09`.
pub const BUILTIN_VERSIONS: &str = generated::VERSIONS;

/// A built-in framework. Its YAML was parsed and checked at build time (a broken file fails the
/// build, and there are no warnings to carry), so this only assembles the model: no parsing on
/// the hot path.
pub fn load_builtin(id: &str) -> anyhow::Result<Framework> {
    match generated::framework(id) {
        Some(framework) => Ok(framework),
        None => anyhow::bail!("no built-in framework `{id}`"),
    }
}

/// Parses and checks a built-in framework's embedded YAML at run time, as `validate` does.
pub fn parse_builtin(id: &str) -> anyhow::Result<(Framework, Problems)> {
    finish(&format!("data/{id}"), &builtin_files(id), Problems::default())
}

/// Loads and checks a framework folder.
pub fn load_folder(dir: &Path) -> anyhow::Result<(Framework, Problems)> {
    let (files, problems) = source::read_folder(dir)?;
    finish(&dir.display().to_string(), &files, problems)
}

fn finish(root: &str, files: &[SourceFile], mut problems: Problems) -> anyhow::Result<(Framework, Problems)> {
    match assemble::assemble(root, files, &mut problems) {
        Some(framework) if !problems.has_errors() => Ok((framework, problems)),
        _ => Err(DataError {
            subject: format!("the framework in {root}"),
            advice: Some(format!("run `pm-skills validate {}` for the full report", crate::text::shell_word(root))),
            problems,
        }
        .into()),
    }
}

/// The framework and role a run asks for: `--data DIR`, `--framework NAME` (or neither: the
/// default) and `--role`. What loading needs from the command line, as a plain value, so the
/// profile loader below `cli` can take it.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub data: Option<PathBuf>,
    pub framework: Option<String>,
    pub role: Option<String>,
}

impl Selection {
    /// Whether `--data` or `--framework` names the framework, which then wins over any profile's.
    pub fn names_framework(&self) -> bool {
        self.data.is_some() || self.framework.is_some()
    }

    /// The framework the flags ask for: `--data DIR`, `--framework NAME`, or the default.
    pub fn load(&self) -> anyhow::Result<Framework> {
        match (&self.data, &self.framework) {
            // Warnings are lint: `validate` shows them; other commands run on.
            (Some(dir), _) => {
                Ok(load_folder(dir).with_context(|| format!("cannot use data folder {}", dir.display()))?.0)
            }
            (None, Some(name)) => load_builtin(builtin_id(name)?),
            (None, None) => load_builtin(DEFAULT_FRAMEWORK),
        }
    }

    /// The framework for commands that read profiles: `--data` or `--framework` when given, else
    /// the built-in framework the profiles name (`named`), else the default. A name that is not a
    /// built-in framework falls back to the default, where the profile check refuses it by file
    /// and line.
    pub fn load_for_profiles(&self, named: Option<&str>) -> anyhow::Result<Framework> {
        if self.names_framework() {
            return self.load();
        }
        let wanted = named.map(crate::resolve::normalise);
        let id = builtin_ids().into_iter().find(|id| Some(*id) == wanted.as_deref());
        load_builtin(id.unwrap_or(DEFAULT_FRAMEWORK))
    }
}

/// Picks the role: the one named, the only one, or the framework's default.
pub fn select_role<'a>(framework: &'a Framework, role: Option<&str>) -> anyhow::Result<Scope<'a>> {
    let index = role_index(framework, role)?;
    Ok(Scope { framework, role: &framework.roles[index] })
}

/// The index of the role [`select_role`] picks; an error naming the roles when there is none to pick.
pub fn role_index(framework: &Framework, role: Option<&str>) -> anyhow::Result<usize> {
    match role {
        Some(name) => crate::resolve::resolve_index(&framework.roles, name, "role"),
        None if framework.roles.len() == 1 => Ok(0),
        None => match framework.default_role {
            Some(index) => Ok(index),
            None => {
                let ids: Vec<&str> = framework.roles.iter().map(|r| r.id.as_str()).collect();
                anyhow::bail!(
                    "the framework {} has {} roles; pick one with --role NAME\n  roles: {}",
                    framework.id,
                    ids.len(),
                    ids.join(", ")
                )
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    fn matrix(id: &str) -> (Framework, Vec<(String, Vec<String>)>) {
        let framework = load_builtin(id).expect("built-in framework loads");
        let role = &framework.roles[0];
        let rows = role
            .skills
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let cells =
                    role.levels.iter().map(|l| framework.scale[l.rating(k).unwrap().proficiency].id.clone()).collect();
                (framework.skills[s].name.clone(), cells)
            })
            .collect();
        (framework, rows)
    }

    fn expand(code: &str) -> Vec<String> {
        code.split_whitespace()
            .map(|c| match c {
                "A" => "awareness",
                "W" => "working",
                "P" => "practitioner",
                "E" => "expert",
                other => panic!("bad code {other}"),
            })
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_builtin_framework_loads_without_errors_or_warnings() {
        for id in builtin_ids() {
            let (parsed, problems) = parse_builtin(id).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(problems.count(Severity::Warning), 0, "{id}: {:?}", problems.0);
            // The code build.rs generated is exactly what the YAML says.
            assert_eq!(load_builtin(id).unwrap(), parsed, "{id}");
        }
        assert_eq!(builtin_ids()[0], DEFAULT_FRAMEWORK);
    }

    /// All 40 cells of the DVLA page's skills snapshot, in its order, with its spelling.
    #[test]
    fn dvla_ladder_matches_the_seed_table_cell_by_cell() {
        let expected = [
            ("Agile Working", "P E E E"),
            ("Government Digital and Data Perspective", "W P E E"),
            ("Experience of Working within Constraints", "W P E E"),
            ("Financial Ownership", "P P P P"),
            ("Lifecycle Perspective", "W E P E"),
            ("Operational Management", "P E E E"),
            ("Problem Ownership", "P E E E"),
            ("Product Ownership", "P E E E"),
            ("Strategic Focus", "P P E E"),
            ("User Focus", "P E E E"),
        ];
        let (framework, rows) = matrix("dvla");
        let levels: Vec<&str> = framework.roles[0].levels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(levels, ["Product Manager", "Senior Product Manager", "Lead Product Manager", "Head of Product"]);
        assert_eq!(rows.len(), expected.len());
        let mut cells = 0;
        for ((name, got), (want_name, code)) in rows.iter().zip(expected) {
            assert_eq!(name, want_name);
            assert_eq!(got, &expand(code), "{name}");
            cells += got.len();
        }
        assert_eq!(cells, 40);
        let soft: Vec<&str> = framework.soft_skills.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            soft,
            [
                "Communication Skills",
                "Story Telling",
                "Prioritisation Skills",
                "Teamwork",
                "Emotional Intelligence",
                "Decision-Making",
                "Resilience"
            ]
        );
    }

    /// All 45 cells of the current framework's product manager table (official CSV, Sept 2025).
    #[test]
    fn ddat_2025_ladder_matches_the_official_table_cell_by_cell() {
        let expected = [
            ("Agile and Lean practices", "W P P E E"),
            ("Applying user-centred insights", "W P P E E"),
            ("Creating value for money", "A W P P E"),
            ("Life cycle management", "A W P E E"),
            ("Managing product outcomes", "A W P P E"),
            ("Product leadership", "A W P P E"),
            ("Product management", "W P E E E"),
            ("Stakeholder relationship management", "W P P E E"),
            ("Strategic ownership", "A W P E E"),
        ];
        let (framework, rows) = matrix("ddat-2025");
        let levels: Vec<&str> = framework.roles[0].levels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            levels,
            [
                "Associate product manager",
                "Product manager",
                "Senior product manager",
                "Lead product manager",
                "Head of product"
            ]
        );
        let mut cells = 0;
        assert_eq!(rows.len(), expected.len());
        for ((name, got), (want_name, code)) in rows.iter().zip(expected) {
            assert_eq!(name, want_name);
            assert_eq!(got, &expand(code), "{name}");
            cells += got.len();
        }
        assert_eq!(cells, 45);
    }
}
