//! `pm-skills assess`: asks the questions one skill at a time and writes a profile.
//!
//! Questions go to stderr and answers come from stdin, a terminal or a script alike, so stdout
//! stays clean. After every answer the progress is saved atomically in `<out>.draft`; an
//! interrupted run loses nothing and the next run resumes from the draft. The profile itself is
//! written once, at the end, through a temporary file and a rename.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::model::Profile;
use crate::model::Scope;
use crate::profile::{self, SkillLookup};
use crate::resolve::normalise;
use crate::write::write_atomic;

/// What the run did, for the closing message.
#[derive(Debug, PartialEq, Eq)]
pub enum Finish {
    /// Every question answered: the profile was written.
    Written { assessed: usize, unassessed: usize },
    /// The person chose to stop; the draft keeps the answers.
    Paused { answered: usize, of: usize },
}

/// The draft that keeps answers between runs.
pub fn draft_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".draft");
    out.with_file_name(name)
}

struct State {
    name: Option<String>,
    level: Option<usize>,
    /// Aligned with the framework's skills.
    answers: Vec<Option<usize>>,
    /// How many of the role's skills have been asked, in role order.
    asked: usize,
}

/// Runs the questionnaire. `input` gives answers; `ui` receives the questions.
pub fn run(
    scope: Scope,
    out: &Path,
    force: bool,
    level: Option<usize>,
    input: &mut dyn BufRead,
    ui: &mut dyn Write,
) -> anyhow::Result<Finish> {
    if out.is_dir() {
        anyhow::bail!("cannot write {}: it is a directory", out.display());
    }
    if out.exists() && !force {
        anyhow::bail!("{} already exists; use --force to replace it", out.display());
    }
    let draft = draft_path(out);
    let mut state = match load_draft(scope, &draft)? {
        Some(state) => {
            writeln!(
                ui,
                "Resuming from {} ({} of {} skills answered).",
                draft.display(),
                state.asked,
                scope.role.skills.len()
            )?;
            state
        }
        None => State { name: None, level, answers: vec![None; scope.framework.skills.len()], asked: 0 },
    };
    if level.is_some() {
        state.level = level;
    }
    let total = scope.role.skills.len();
    let save = |state: &State| save_draft(scope, &draft, total, state);

    if state.name.is_none() {
        let name = loop {
            write!(ui, "Your name: ")?;
            ui.flush()?;
            let Some(line) = read_line(input)? else { return interrupted(&draft, &state, total, false) };
            if !line.trim().is_empty() {
                break line.trim().to_string();
            }
        };
        state.name = Some(name);
        save(&state)?;
    }
    if state.level.is_none() && state.asked == 0 {
        writeln!(ui, "\nYour current level (optional, Enter to skip):")?;
        for (i, l) in scope.role.levels.iter().enumerate() {
            writeln!(ui, "  {}. {} ({})", i + 1, l.name, l.id)?;
        }
        loop {
            write!(ui, "Level: ")?;
            ui.flush()?;
            let Some(line) = read_line(input)? else { return interrupted(&draft, &state, total, false) };
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            let pick = line.parse::<usize>().ok().filter(|n| (1..=scope.role.levels.len()).contains(n)).map(|n| n - 1);
            match pick.map(Ok).unwrap_or_else(|| crate::resolve::resolve_index(&scope.role.levels, line, "level")) {
                Ok(i) => {
                    state.level = Some(i);
                    break;
                }
                Err(e) => writeln!(ui, "{}", e.to_string().lines().next().unwrap_or_default())?,
            }
        }
        save(&state)?;
    }

    let scale = &scope.framework.scale;
    while state.asked < total {
        let s = scope.role.skills[state.asked];
        let skill = &scope.framework.skills[s];
        writeln!(ui, "\n[{}/{total}] {}", state.asked + 1, skill.name)?;
        if !skill.description.is_empty() {
            writeln!(ui, "{}", skill.description)?;
        }
        for (i, (step, meaning)) in scale.iter().zip(&skill.proficiencies).enumerate() {
            writeln!(ui, "  {}. {}: {}", i + 1, step.name, meaning)?;
        }
        if let Some(l) = state.level {
            let k = state.asked;
            writeln!(ui, "  (your level expects {})", scale[scope.role.levels[l].ratings[k].proficiency].name)?;
        }
        let answer = loop {
            write!(ui, "Your proficiency [1-{}, s to skip, q to stop]: ", scale.len())?;
            ui.flush()?;
            let Some(line) = read_line(input)? else { return interrupted(&draft, &state, total, false) };
            match parse_answer(line.trim(), scale) {
                Some(answer) => break answer,
                None => writeln!(ui, "Please answer 1-{}, a proficiency name, s or q.", scale.len())?,
            }
        };
        match answer {
            Answer::Stop => return interrupted(&draft, &state, total, true),
            Answer::Skip => state.answers[s] = None,
            Answer::Level(p) => state.answers[s] = Some(p),
        }
        state.asked += 1;
        save(&state)?;
    }

    let text = profile::to_yaml(scope, state.name.as_deref().unwrap_or_default(), state.level, &state.answers);
    write_atomic(out, text.as_bytes(), force)?;
    let _ = std::fs::remove_file(&draft);
    let assessed = scope.role.skills.iter().filter(|&&s| state.answers[s].is_some()).count();
    writeln!(ui, "\nWrote {} ({assessed} assessed, {} unassessed).", out.display(), total - assessed)?;
    writeln!(ui, "Next: pm-skills gap --profile {}", out.display())?;
    Ok(Finish::Written { assessed, unassessed: total - assessed })
}

/// Saves the answers so far in the draft, after every answer, through [`write_atomic`] and so
/// with its fsyncs (the file, then its folder): an answer a person typed must survive a crash or
/// a power cut, so it is on disk before the next question is asked.
fn save_draft(scope: Scope, draft: &Path, total: usize, state: &State) -> anyhow::Result<()> {
    let text = profile::to_yaml(scope, state.name.as_deref().unwrap_or(""), state.level, &state.answers);
    let text =
        format!("# Draft: {} of {total} skills answered. `pm-skills assess` resumes from here.\n{text}", state.asked);
    write_atomic(draft, text.as_bytes(), true)
}

enum Answer {
    Level(usize),
    Skip,
    Stop,
}

fn parse_answer(text: &str, scale: &[crate::model::ScaleStep]) -> Option<Answer> {
    match normalise(text).as_str() {
        "" => None,
        "s" | "skip" => Some(Answer::Skip),
        "q" | "quit" | "stop" => Some(Answer::Stop),
        word => {
            if let Ok(n) = word.parse::<usize>() {
                return (1..=scale.len()).contains(&n).then(|| Answer::Level(n - 1));
            }
            let hits: Vec<usize> = (0..scale.len())
                .filter(|&i| scale[i].id.starts_with(word) || normalise(&scale[i].name).starts_with(word))
                .collect();
            match hits.as_slice() {
                [one] => Some(Answer::Level(*one)),
                _ => None,
            }
        }
    }
}

fn read_line(input: &mut dyn BufRead) -> anyhow::Result<Option<String>> {
    let mut line = String::new();
    // Answers are short; a bound keeps a hostile stream from growing one line without end.
    let n = std::io::Read::take(input, 64 * 1024).read_line(&mut line)?;
    Ok((n > 0).then_some(line))
}

fn interrupted(draft: &Path, state: &State, total: usize, chosen: bool) -> anyhow::Result<Finish> {
    if chosen {
        return Ok(Finish::Paused { answered: state.asked, of: total });
    }
    let kept = if draft.exists() {
        format!("; the answers so far are kept in {} and the next run resumes from them", draft.display())
    } else {
        String::new()
    };
    let hint = if state.asked == 0 {
        "\n  to write a profile without answering questions: pm-skills profile new > me.yaml"
    } else {
        ""
    };
    anyhow::bail!("input ended after {} of {total} skills{kept}{hint}", state.asked)
}

fn load_draft(scope: Scope, draft: &Path) -> anyhow::Result<Option<State>> {
    if !draft.exists() {
        return Ok(None);
    }
    let parsed = profile::read(draft)?;
    let name = parsed.raw.name.clone();
    let answered = parsed.file.text.lines().next().and_then(|l| {
        l.strip_prefix("# Draft: ")
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse::<usize>().ok())
    });
    let p: Profile = profile::check(parsed, scope, &SkillLookup::new(scope.framework))
        .map_err(|e| anyhow::anyhow!("{e}\n  delete {} to start again", draft.display()))?;
    Ok(Some(State {
        name: (!name.trim().is_empty()).then_some(name),
        level: p.level,
        answers: (0..scope.framework.skills.len()).map(|s| p.assessment(s).map(|a| a.proficiency)).collect(),
        asked: answered.unwrap_or(0).min(scope.role.skills.len()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_write_a_profile_that_reads_back() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("me.yaml");
        let mut input: &[u8] = b"Ada\nsenior\n3\n2\nexpert\ns\n4\n4\nprac\n3\n2\n1\n";
        let mut ui = Vec::new();
        let finish = run(scope, &out, false, None, &mut input, &mut ui).unwrap();
        assert_eq!(finish, Finish::Written { assessed: 9, unassessed: 1 });
        assert!(!draft_path(&out).exists());
        let p = profile::check(profile::read(&out).unwrap(), scope, &SkillLookup::new(&f)).unwrap();
        assert_eq!(p.name, "Ada");
        assert_eq!(p.level, Some(1));
        assert_eq!(p.assessment(0).unwrap().proficiency, 2);
        assert_eq!(p.assessment(2).unwrap().proficiency, 3);
        assert!(p.assessment(3).is_none());
        assert_eq!(p.assessment(6).unwrap().proficiency, 2);
    }

    #[test]
    fn input_ending_early_keeps_a_draft_and_the_next_run_resumes() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("me.yaml");
        let mut first: &[u8] = b"Ada\n\n1\n2\n";
        let err = run(scope, &out, false, None, &mut first, &mut Vec::new()).unwrap_err().to_string();
        assert!(err.contains("input ended after 2 of 10 skills"), "{err}");
        assert!(draft_path(&out).exists() && !out.exists());
        let mut rest: &[u8] = b"3\n3\n3\n3\n3\n3\n3\n3\n";
        let mut ui = Vec::new();
        run(scope, &out, false, None, &mut rest, &mut ui).unwrap();
        assert!(String::from_utf8_lossy(&ui).contains("Resuming from"));
        let p = profile::check(profile::read(&out).unwrap(), scope, &SkillLookup::new(&f)).unwrap();
        assert_eq!(p.assessment(0).unwrap().proficiency, 0);
        assert_eq!(p.assessment(1).unwrap().proficiency, 1);
        assert_eq!(p.assessment(9).unwrap().proficiency, 2);
    }
}
