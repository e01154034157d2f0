//! `pm-skills assess`: asks the questions one skill at a time and writes a profile.
//!
//! Questions go to stderr and answers come from stdin, a terminal or a script alike, so stdout
//! stays clean. After every answer the progress is saved atomically in `<out>.draft`; an
//! interrupted run loses nothing and the next run resumes from the draft. The profile itself is
//! written once, at the end, through a temporary file and a rename.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::model::Scope;
use crate::profile;
use crate::render::text::wrap;
use crate::resolve::normalise;
use crate::text::sanitize;
use crate::write::write_atomic;

mod draft;
pub mod interrupt;
mod lock;

/// What the run did, for the closing message.
#[derive(Debug, PartialEq, Eq)]
pub enum Finish {
    /// Every question answered: the profile was written.
    Written { assessed: usize, unassessed: usize },
    /// The person chose to stop; the draft keeps the answers.
    Paused { answered: usize, of: usize },
}

/// What a run is asked to do: the options of `assess`, and the width of the terminal that shows
/// the questions.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    /// The profile to write.
    pub out: &'a Path,
    /// Replace an existing profile.
    pub force: bool,
    /// Discard the draft of an earlier run and start from the first question.
    pub restart: bool,
    /// The person's level, given up front; otherwise they are asked.
    pub level: Option<usize>,
    /// Columns to wrap the questions at; `None` leaves lines whole (a pipe).
    pub width: Option<usize>,
    /// How the run was invoked (`pm-skills --data DIR`), to start the commands it suggests.
    pub invocation: &'a str,
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

/// Where the questions go: framework text is sanitised (it comes from files anyone can write)
/// and every paragraph is wrapped at the terminal's width, between words.
struct Ui<'a> {
    out: &'a mut dyn Write,
    width: Option<usize>,
}

impl Ui<'_> {
    /// One paragraph, `first` before its first line and `rest` before the others.
    fn say(&mut self, text: &str, first: &str, rest: &str) -> std::io::Result<()> {
        self.out.write_all(wrap(&sanitize(text, true), self.width, first, rest).as_bytes())
    }

    /// A prompt: no line break, flushed, so the answer is typed beside it.
    fn ask(&mut self, prompt: &str) -> std::io::Result<()> {
        write!(self.out, "{prompt}")?;
        self.out.flush()
    }

    fn blank(&mut self) -> std::io::Result<()> {
        writeln!(self.out)
    }
}

/// A name from the framework, on one line and safe to print.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    sanitize(text, false)
}

/// Refuses an `--out` that cannot take the profile, before the first question: a folder, a
/// symbolic link to nothing (whose target would be created, or the link replaced, only at the
/// end), an existing file without `--force`, or a path in a folder that does not exist.
fn check_out(out: &Path, force: bool) -> anyhow::Result<()> {
    let shown = out.display();
    if out.is_dir() {
        anyhow::bail!("cannot write {shown}: it is a directory");
    }
    let link = std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink());
    if link && !out.exists() {
        let target = std::fs::read_link(out).map(|t| t.display().to_string()).unwrap_or_default();
        anyhow::bail!(
            "{shown} is a symbolic link to {target}, which does not exist; give the profile's own path with --out"
        );
    }
    if out.exists() && !force {
        anyhow::bail!("{shown} already exists; use --force to replace it");
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        anyhow::bail!("cannot write {shown}: the folder {} does not exist", parent.display());
    }
    Ok(())
}

/// Runs the questionnaire. `input` gives answers; `ui` receives the questions.
pub fn run(scope: Scope, settings: Settings, input: &mut dyn BufRead, ui: &mut dyn Write) -> anyhow::Result<Finish> {
    let Settings { out, force, restart, level, width, invocation } = settings;
    check_out(out, force)?;
    let _lock = lock::Lock::take(out)?;
    let ui = &mut Ui { out: ui, width };
    let draft = draft_path(out);
    let hint = template_hint(invocation, out);
    if restart {
        draft::discard(&draft)?;
    }
    interrupt::saved(false);
    let total = scope.role.skills.len();
    let mut state = match draft::load(scope, &draft)? {
        Some(state) => {
            let text = format!("Resuming from {} ({} of {total} skills answered).", draft.display(), state.asked);
            ui.say(&text, "", "")?;
            interrupt::saved(true);
            state
        }
        None => State { name: None, level, answers: vec![None; scope.framework.skills.len()], asked: 0 },
    };
    if level.is_some() {
        state.level = level;
    }
    let save = |state: &State| {
        let _busy = interrupt::busy();
        draft::save(scope, &draft, state, invocation)?;
        interrupt::saved(true);
        anyhow::Ok(())
    };

    if state.name.is_none() {
        let name = loop {
            ui.ask("Your name: ")?;
            let Some(line) = read_line(input)? else { return interrupted(&draft, &state, total, false, &hint) };
            if !line.trim().is_empty() {
                break line.trim().to_string();
            }
        };
        state.name = Some(name);
        save(&state)?;
    }
    if state.level.is_none() && state.asked == 0 {
        match ask_level(scope, input, ui)? {
            Some(level) => state.level = level,
            None => return interrupted(&draft, &state, total, false, &hint),
        }
        save(&state)?;
    }

    while state.asked < total {
        let s = scope.role.skills[state.asked];
        match ask_skill(scope, &state, input, ui)? {
            None => return interrupted(&draft, &state, total, false, &hint),
            Some(Answer::Stop) => return interrupted(&draft, &state, total, true, &hint),
            Some(Answer::Skip) => state.answers[s] = None,
            Some(Answer::Level(p)) => state.answers[s] = Some(p),
        }
        state.asked += 1;
        save(&state)?;
    }

    let text =
        profile::to_yaml(scope, state.name.as_deref().unwrap_or_default(), state.level, &state.answers, invocation);
    {
        let _busy = interrupt::busy();
        write_atomic(out, text.as_bytes(), force)?;
        let _ = std::fs::remove_file(&draft);
        interrupt::finished();
    }
    let assessed = scope.role.skills.iter().filter(|&&s| state.answers[s].is_some()).count();
    ui.blank()?;
    ui.say(&format!("Wrote {} ({assessed} assessed, {} unassessed).", out.display(), total - assessed), "", "")?;
    let next = format!("Next: {invocation} gap --profile {}", crate::text::shell_word(&out.to_string_lossy()));
    ui.say(&next, "", "")?;
    Ok(Finish::Written { assessed, unassessed: total - assessed })
}

/// Asks for the person's level: `Some(None)` when they skip it, `None` when the input ends.
fn ask_level(scope: Scope, input: &mut dyn BufRead, ui: &mut Ui) -> anyhow::Result<Option<Option<usize>>> {
    ui.blank()?;
    ui.say("Your current level (optional, Enter to skip):", "", "")?;
    let levels = &scope.role.levels;
    for (i, l) in levels.iter().enumerate() {
        let number = format!("  {}. ", i + 1);
        ui.say(&format!("{} ({})", one_line(&l.name), one_line(&l.id)), &number, &" ".repeat(number.len()))?;
    }
    loop {
        ui.ask("Level: ")?;
        let Some(line) = read_line(input)? else { return Ok(None) };
        let line = line.trim();
        if line.is_empty() {
            return Ok(Some(None));
        }
        let pick = line.parse::<usize>().ok().filter(|n| (1..=levels.len()).contains(n)).map(|n| n - 1);
        match pick.map(Ok).unwrap_or_else(|| crate::resolve::resolve_index(levels, line, "level")) {
            Ok(i) => return Ok(Some(Some(i))),
            Err(e) => ui.say(e.to_string().lines().next().unwrap_or_default(), "", "  ")?,
        }
    }
}

/// Asks about the next skill, with what each proficiency means for it: `None` when the input
/// ends.
fn ask_skill(scope: Scope, state: &State, input: &mut dyn BufRead, ui: &mut Ui) -> anyhow::Result<Option<Answer>> {
    let (scale, total) = (&scope.framework.scale, scope.role.skills.len());
    let skill = &scope.framework.skills[scope.role.skills[state.asked]];
    ui.blank()?;
    ui.say(&format!("[{}/{total}] {}", state.asked + 1, one_line(&skill.name)), "", "")?;
    if !skill.description.is_empty() {
        ui.say(&skill.description, "", "")?;
    }
    for (i, (step, meaning)) in scale.iter().zip(&skill.proficiencies).enumerate() {
        let number = format!("  {}. ", i + 1);
        ui.say(&format!("{}: {meaning}", one_line(&step.name)), &number, &" ".repeat(number.len()))?;
    }
    if let Some(l) = state.level {
        let expected = match scope.role.levels[l].rating(state.asked) {
            Some(rating) => one_line(&scale[rating.proficiency].name),
            None => "nothing of this skill".into(),
        };
        ui.say(&format!("(your level expects {expected})"), "  ", "   ")?;
    }
    loop {
        ui.ask(&format!("Your proficiency [1-{}, s to skip, q to stop]: ", scale.len()))?;
        let Some(line) = read_line(input)? else { return Ok(None) };
        match parse_answer(line.trim(), scale) {
            Some(answer) => return Ok(Some(answer)),
            None => ui.say(&format!("Please answer 1-{}, a proficiency name, s or q.", scale.len()), "", "")?,
        }
    }
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

/// The command that writes the same profile without questions, for a run that got no answer.
fn template_hint(invocation: &str, out: &Path) -> String {
    let out = out.to_string_lossy();
    let out = crate::text::shell_word(&out);
    format!("\n  to write a profile without answering questions: {invocation} profile new > {out}")
}

fn interrupted(draft: &Path, state: &State, total: usize, chosen: bool, template: &str) -> anyhow::Result<Finish> {
    if chosen {
        return Ok(Finish::Paused { answered: state.asked, of: total });
    }
    let kept = if draft.exists() {
        format!("; the answers so far are kept in {} and the next run resumes from them", draft.display())
    } else {
        String::new()
    };
    let hint = if state.asked == 0 { template } else { "" };
    anyhow::bail!("input ended after {} of {total} skills{kept}{hint}", state.asked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SkillLookup;

    fn settings(out: &Path) -> Settings<'_> {
        Settings { out, force: false, restart: false, level: None, width: Some(80), invocation: "pm-skills" }
    }

    #[test]
    fn scripted_answers_write_a_profile_that_reads_back() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("me.yaml");
        let mut input: &[u8] = b"Ada\nsenior\n3\n2\nexpert\ns\n4\n4\nprac\n3\n2\n1\n";
        let mut ui = Vec::new();
        let finish = run(scope, settings(&out), &mut input, &mut ui).unwrap();
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
        let err = run(scope, settings(&out), &mut first, &mut Vec::new()).unwrap_err().to_string();
        assert!(err.contains("input ended after 2 of 10 skills"), "{err}");
        assert!(draft_path(&out).exists() && !out.exists());
        let mut rest: &[u8] = b"3\n3\n3\n3\n3\n3\n3\n3\n";
        let mut ui = Vec::new();
        run(scope, settings(&out), &mut rest, &mut ui).unwrap();
        assert!(String::from_utf8_lossy(&ui).contains("Resuming from"));
        let p = profile::check(profile::read(&out).unwrap(), scope, &SkillLookup::new(&f)).unwrap();
        assert_eq!(p.assessment(0).unwrap().proficiency, 0);
        assert_eq!(p.assessment(1).unwrap().proficiency, 1);
        assert_eq!(p.assessment(9).unwrap().proficiency, 2);
    }
}
