//! `gap --profile me.yaml --review manager.yaml`: a reviewer's assessment of a person beside the
//! person's own, against one level.

use std::path::Path;

use super::Outcome;
use crate::cli::{GapArgs, GlobalArgs};
use crate::model::Profile;
use crate::names;
use crate::profile::{self, People};
use crate::render::RenderOptions;
use crate::report::Target;
use crate::report::review::ReviewReport;
use crate::resolve::{self, normalise};
use crate::warnings::Warnings;

/// Reads the self-assessment (`--profile`) and the review through the same checks as `gap`, on the
/// framework and role the self-assessment picks, and compares both with the target: `--to`, else
/// the level `gap` would pick for the self-assessment alone.
pub fn review(
    global: &GlobalArgs,
    args: &GapArgs,
    review: &Path,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let GapArgs { profiles, to, only_gaps, exit_code, .. } = args;
    // The command line allows one --profile with --review; this is the same rule for any caller.
    let [own] = profiles.as_slice() else {
        anyhow::bail!("--review takes one --profile, not {}", profiles.len());
    };
    if same_file(own, review) {
        anyhow::bail!(
            "{} is given as both the self-assessment and the review; give the reviewer's profile with --review",
            own.display()
        );
    }
    let People { framework, role: home, people } =
        profile::load_profiles(&global.selection(), &[own.clone(), review.to_path_buf()], None, warnings)?;
    let Ok([own, reviewer]) = <[Profile; 2]>::try_from(people) else {
        anyhow::bail!("the self-assessment and the review are one file; give the reviewer's profile with --review");
    };
    warnings.extend(mismatches(&own, &reviewer));
    let to = to.as_deref().map(|name| resolve::resolve_level(&framework, name, Some(home))).transpose()?;
    let target = Target::alone(&framework, &own, to, &own.file)?.at;
    let report = ReviewReport::build(framework.scope(target), &own, &reviewer, target.level, *only_gaps);
    Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
}

/// Whether two paths name one file, through links hard or symbolic (standard input is never a
/// file given twice).
fn same_file(a: &Path, b: &Path) -> bool {
    matches!((profile::file_id(a), profile::file_id(b)), (Some(x), Some(y)) if x == y)
}

/// What the two profiles say that suggests they are not a person and a review of them: another
/// person's name in the review, or a self-assessment rated by someone else. The report still runs.
fn mismatches(own: &Profile, reviewer: &Profile) -> Vec<String> {
    let mut warnings = Vec::new();
    if names::person_key(&own.name) != names::person_key(&reviewer.name) {
        warnings.push(format!(
            "the review {} is of `{}`, but the self-assessment {} is of `{}`; compared as given",
            reviewer.file,
            names::shown_name(&reviewer.name),
            own.file,
            names::shown_name(&own.name)
        ));
    }
    if let Some(assessor) = &own.assessor
        && normalise(assessor) != "self"
        && names::person_key(assessor) != names::person_key(&own.name)
    {
        warnings.push(format!(
            "{} says `assessor: {assessor}`: --profile takes the person's own assessment, --review the reviewer's",
            own.file
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn person(file: &str, name: &str, assessor: Option<&str>) -> Profile {
        Profile { assessor: assessor.map(String::from), ..Profile::empty(file, name, 0) }
    }

    #[test]
    fn another_name_or_a_self_assessment_by_someone_else_is_a_warning() {
        let me = person("me.yaml", "Sam Okafor", Some("self"));
        assert!(mismatches(&me, &person("r.yaml", " sam  OKAFOR", Some("Dana Reyes"))).is_empty());
        assert!(mismatches(&person("me.yaml", "Sam Okafor", None), &person("r.yaml", "Sam Okafor", None)).is_empty());
        assert!(mismatches(&person("me.yaml", "Sam Okafor", Some("Sam Okafor")), &me).is_empty());
        assert_eq!(
            mismatches(&me, &person("r.yaml", "Alex Morgan", Some("Dana Reyes"))),
            [
                "the review r.yaml is of `Alex Morgan`, but the self-assessment me.yaml is of `Sam Okafor`; compared as given"
            ]
        );
        let swapped = mismatches(&person("m.yaml", "Sam Okafor", Some("Dana Reyes")), &me);
        assert_eq!(
            swapped,
            [
                "m.yaml says `assessor: Dana Reyes`: --profile takes the person's own assessment, --review the reviewer's"
            ]
        );
    }

    #[test]
    fn a_path_is_the_same_file_as_itself_and_standard_input_never_is() {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let file = here.join("Cargo.toml");
        assert!(same_file(&file, &here.join(".").join("Cargo.toml")));
        assert!(!same_file(&file, &here.join("README.md")));
        assert!(!same_file(Path::new("-"), Path::new("-")));
        assert!(!same_file(&file, &here.join("no-such-file.yaml")));
    }
}
