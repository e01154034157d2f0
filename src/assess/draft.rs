//! The draft `assess` keeps beside the profile (`<out>.draft`): the answers so far, written as a
//! profile so that the one profile reader reads it back.
//!
//! A draft is trusted only for what its answers say. It may have been cut short (a full disk, an
//! editor) or its header changed by hand, so the header's count is never read: a run goes on
//! after the last skill the draft has an answer for. A draft that does not parse, or is not a
//! draft of the framework and role in use, is refused rather than guessed at, with its name and
//! the way to start again.

use std::path::Path;

use anyhow::anyhow;

use super::State;
use crate::diagnostics::DataError;
use crate::model::Scope;
use crate::profile::{self, SkillLookup};
use crate::resolve::normalise;
use crate::write::write_atomic;

/// What every refusal of a draft ends with.
const START_AGAIN: &str = "to discard it and start again from the first question, run the same command with --restart";

/// Saves the answers so far, after every answer, through [`write_atomic`] and so with its fsyncs
/// (the file, then its folder): an answer a person typed must survive a crash or a power cut, so
/// it is on disk before the next question is asked.
pub(super) fn save(scope: Scope, draft: &Path, state: &State, invocation: &str) -> anyhow::Result<()> {
    let text = profile::to_yaml(scope, state.name.as_deref().unwrap_or(""), state.level, &state.answers, invocation);
    let total = scope.role.skills.len();
    let text = format!(
        "# Draft: {} of {total} skills asked. `pm-skills assess` resumes after the last answer.\n{text}",
        state.asked
    );
    write_atomic(draft, text.as_bytes(), true)
}

/// Removes the draft, for `--restart`; there may be none.
pub(super) fn discard(draft: &Path) -> anyhow::Result<()> {
    match std::fs::remove_file(draft) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(anyhow!("cannot discard the draft {}: {e}", draft.display()))
        }
        _ => Ok(()),
    }
}

/// Reads the draft, if there is one, checked against the framework and role in use.
pub(super) fn load(scope: Scope, draft: &Path) -> anyhow::Result<Option<State>> {
    match std::fs::symlink_metadata(draft) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        // pm-skills writes its drafts itself, never as a link: one is not followed, so a link
        // planted beside a profile cannot show another file's text.
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(anyhow!(
                "the draft {} is a symbolic link, not a draft pm-skills wrote; {START_AGAIN}",
                draft.display()
            ));
        }
        _ => {}
    }
    let parsed = profile::read(draft).map_err(|e| refused(draft, e))?;
    let (name, role) = (parsed.raw.name.clone(), parsed.raw.role.clone());
    let p = profile::check(parsed, scope, &SkillLookup::new(scope.framework)).map_err(|e| refused(draft, e.into()))?;
    let shown = draft.display();
    let ours = |r: &String| [&scope.role.id, &scope.role.name].iter().any(|n| *n == r || normalise(n) == normalise(r));
    if let Some(role) = role.filter(|r| !ours(r)) {
        let wanted = &scope.role.id;
        return Err(anyhow!(
            "the draft {shown} is for the role `{role}`, but the role in use is `{wanted}`\n  to resume it, pick its role with --role {role}; {START_AGAIN}"
        ));
    }
    let answers: Vec<Option<usize>> =
        (0..scope.framework.skills.len()).map(|s| p.assessment(s).map(|a| a.proficiency)).collect();
    if let Some(s) = (0..answers.len()).find(|&s| answers[s].is_some() && !scope.role.skills.contains(&s)) {
        let (skill, role) = (&scope.framework.skills[s].id, &scope.role.id);
        return Err(anyhow!(
            "the draft {shown} answers `{skill}`, which is not a skill of the role `{role}`\n  {START_AGAIN}"
        ));
    }
    Ok(Some(State {
        name: (!name.trim().is_empty()).then_some(name),
        level: p.level,
        asked: resume_at(&scope.role.skills, &answers),
        answers,
    }))
}

/// How many of the role's skills, in order, count as asked: all up to the last one answered. A
/// skill skipped after it is asked again, which costs one key; a skill answered is never lost.
fn resume_at(role_skills: &[usize], answers: &[Option<usize>]) -> usize {
    role_skills.iter().rposition(|&s| answers[s].is_some()).map_or(0, |k| k + 1)
}

/// The refusal of a draft that cannot be read or checked: named as the draft, not a profile.
fn refused(draft: &Path, e: anyhow::Error) -> anyhow::Error {
    let text = match e.downcast::<DataError>() {
        Ok(mut data) => {
            data.subject = format!("the draft {}", draft.display());
            data.to_string()
        }
        Err(e) => format!("{e:#}"),
    };
    anyhow!("{text}\n  {START_AGAIN}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_resumes_after_the_last_answer() {
        let role = [3, 0, 2, 1];
        assert_eq!(resume_at(&role, &[None, None, None, None]), 0);
        assert_eq!(resume_at(&role, &[None, None, None, Some(1)]), 1);
        // Skill 2 (third in the role) answered, skill 0 (second) skipped before it.
        assert_eq!(resume_at(&role, &[None, None, Some(0), Some(1)]), 3);
        // Skipped at the end: asked again.
        assert_eq!(resume_at(&role, &[None, None, None, Some(1)]), 1);
        assert_eq!(resume_at(&role, &[Some(2), Some(2), Some(2), Some(2)]), 4);
    }
}
