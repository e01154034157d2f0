//! The draft `assess` keeps beside the profile: the answers so far, written as a profile (the
//! raw shape every profile is read into) so that the one profile reader reads it back.
//!
//! A whole run keeps `<out>.draft`; a revisit (`--skill`) keeps `<out>.revisit.draft`, so the
//! two are never taken for each other. A draft lists the questions answered so far, in the order
//! asked, with their evidence (`~` for one skipped), and the name, level, date and assessor.
//!
//! A draft is trusted only for what its answers say. It may have been cut short (a full disk, an
//! editor) or its header changed by hand, so the header's count is never read. A whole run goes
//! on after the last question the draft gives a step for; a draft written before evidence was
//! asked for, which lists every skill with `~` for those not reached, resumes by the same rule.
//! A revisit goes on after the last question the draft lists at all, since leaving a skill
//! unassessed is an answer there; the skills it does not list keep the profile's answers. A draft
//! that does not parse, or is not a draft of the framework, role and questions in use, is refused
//! rather than guessed at, with its name and the way to start again.

use std::path::Path;

use anyhow::anyhow;

use super::{Question, State};
use crate::diagnostics::DataError;
use crate::model::{Assessment, Scope};
use crate::profile::{self, SkillLookup};
use crate::raw::{OrderedMap, RawAssessment, RawProfile};
use crate::resolve::normalise;
use crate::write::write_atomic;

/// What every refusal of a draft ends with.
const START_AGAIN: &str = "to discard it and start again from the first question, run the same command with --restart";

/// What a draft gives back.
pub(super) struct Saved {
    pub name: Option<String>,
    pub level: Option<usize>,
    pub date: Option<jiff::civil::Date>,
    pub assessor: Option<String>,
    /// Aligned with the framework's skills.
    pub skills: Vec<Option<Assessment>>,
    /// Aligned with the framework's soft skills.
    pub behaviours: Vec<Option<Assessment>>,
    /// Aligned with the run's questions: which ones the draft lists (`~` included).
    pub listed: Vec<bool>,
    /// Aligned with the run's questions: which ones count as answered.
    pub answered: Vec<bool>,
}

/// Saves the answers so far, after every answer, through [`write_atomic`] and so with its fsyncs
/// (the file, then its folder): an answer a person typed must survive a crash or a power cut, so
/// it is on disk before the next question is asked.
pub(super) fn save(scope: Scope, draft: &Path, state: &State, questions: &[Question]) -> anyhow::Result<()> {
    let (framework, role) = (scope.framework, scope.role);
    let raw_of = |a: &Option<Assessment>, scale: &[crate::model::ScaleStep]| {
        a.as_ref().map(|a| RawAssessment {
            proficiency: Some(scale[a.proficiency].id.clone()),
            evidence: a.evidence.clone(),
            misfit: None,
        })
    };
    let mut raw = RawProfile {
        name: state.name.clone().unwrap_or_default(),
        level: state.level.map(|l| role.levels[l].id.clone()),
        framework: Some(framework.id.clone()),
        role: (framework.roles.len() > 1).then(|| role.id.clone()),
        target: None,
        date: Some(state.date.to_string()),
        assessor: Some(state.assessor.clone()),
        skills: OrderedMap::default(),
        behaviours: OrderedMap::default(),
    };
    for (q, _) in questions.iter().zip(&state.answered).filter(|(_, answered)| **answered) {
        match *q {
            Question::Skill(s) => {
                raw.skills.0.push((framework.skills[s].id.clone(), raw_of(&state.skills[s], &framework.scale)));
            }
            Question::Soft(s) => {
                let answer = raw_of(&state.behaviours[s], &framework.behaviour_scale);
                raw.behaviours.0.push((framework.soft_skills[s].id.clone(), answer));
            }
        }
    }
    let answered = state.answered.iter().filter(|a| **a).count();
    let text = format!(
        "# Draft: {answered} of {} questions answered. `pm-skills assess` resumes after the last answer.\n{}",
        questions.len(),
        serde_yaml::to_string(&raw)?
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

/// Reads the draft, if there is one, checked against the framework, role and questions in use;
/// `revisit` says which rule finds where the run goes on (see the module's comment).
pub(super) fn load(scope: Scope, draft: &Path, questions: &[Question], revisit: bool) -> anyhow::Result<Option<Saved>> {
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
    let framework = scope.framework;
    let parsed = profile::read(draft).map_err(|e| refused(draft, e))?;
    // A draft is resumed on the framework it was written on, never read across to another.
    if let Some(named) = parsed.raw.framework.as_deref().filter(|f| normalise(f) != framework.id) {
        let line = crate::diagnostics::find_line(&parsed.file.text, "framework:", 1)
            .map_or(String::new(), |l| format!(" (line {l})"));
        return Err(anyhow!(
            "the draft {}{line} is for the framework `{named}`, but the framework in use is `{}`; {START_AGAIN}",
            draft.display(),
            framework.id
        ));
    }
    let (name, role) = (parsed.raw.name.clone(), parsed.raw.role.clone());
    let lookup = SkillLookup::new(framework);
    // What the draft lists, `~` included: each key, the question it is, and whether it gives a
    // step. Worked out before the check, which keeps only the steps.
    let listed: Vec<(String, Option<Question>, bool)> = {
        let skill = |key: &String| lookup.get(key);
        let soft = |key: &String| profile::soft_skill_index(framework, key);
        let gives = |v: &Option<RawAssessment>| v.as_ref().is_some_and(|v| v.proficiency.is_some());
        let raw = &parsed.raw;
        let skills = raw.skills.0.iter().map(|(key, v)| (key.clone(), skill(key).map(Question::Skill), gives(v)));
        let softs = raw.behaviours.0.iter().map(|(key, v)| (key.clone(), soft(key).map(Question::Soft), gives(v)));
        skills.chain(softs).collect()
    };
    let p = profile::check(parsed, scope, &lookup).map_err(|e| refused(draft, e.into()))?;
    let shown = draft.display();
    let ours = |r: &String| [&scope.role.id, &scope.role.name].iter().any(|n| *n == r || normalise(n) == normalise(r));
    if let Some(role) = role.filter(|r| !ours(r)) {
        let wanted = &scope.role.id;
        return Err(anyhow!(
            "the draft {shown} is for the role `{role}`, but the role in use is `{wanted}`\n  to resume it, pick its role with --role {role}; {START_AGAIN}"
        ));
    }
    // Whatever the draft gives a step for must be a question of this run; a revisit's draft may
    // list nothing else, not even as `~`.
    let asked = |q: &Option<Question>| q.is_some_and(|q| questions.contains(&q));
    if let Some((key, _, _)) = listed.iter().find(|(_, q, gives)| !asked(q) && (revisit || *gives)) {
        let why = if revisit {
            format!(
                "which this run does not revisit\n  to resume it, name the same skills with --skill, or the same level with --for; {START_AGAIN}"
            )
        } else {
            format!("which is not a question for the role `{}`\n  {START_AGAIN}", scope.role.id)
        };
        return Err(anyhow!("the draft {shown} answers `{key}`, {why}"));
    }
    let is_listed = |q: &Question, step: bool| listed.iter().any(|(_, l, gives)| *l == Some(*q) && (*gives || !step));
    // A revisit goes on after the last question listed; a whole run after the last one with a step.
    let listed: Vec<bool> = questions.iter().map(|q| is_listed(q, false)).collect();
    let answered = if revisit { listed.clone() } else { questions.iter().map(|q| is_listed(q, true)).collect() };
    let skills: Vec<Option<Assessment>> = (0..framework.skills.len()).map(|s| p.assessment(s).cloned()).collect();
    let behaviours: Vec<Option<Assessment>> =
        (0..framework.soft_skills.len()).map(|s| p.behaviour(s).cloned()).collect();
    Ok(Some(Saved {
        name: (!name.trim().is_empty()).then_some(name),
        level: p.level,
        date: p.date,
        assessor: p.assessor,
        skills,
        behaviours,
        listed,
        answered: through_last(answered),
    }))
}

/// Every question up to the last one answered counts as answered: the run goes on after it.
fn through_last(mut answered: Vec<bool>) -> Vec<bool> {
    if let Some(last) = answered.iter().rposition(|a| *a) {
        answered[..last].iter_mut().for_each(|a| *a = true);
    }
    answered
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
    fn every_question_before_the_last_answer_counts_as_answered() {
        assert_eq!(through_last(vec![false, false, false]), [false, false, false]);
        assert_eq!(through_last(vec![false, true, false]), [true, true, false]);
        assert_eq!(through_last(vec![true, false, false, true]), [true, true, true, true]);
    }
}
