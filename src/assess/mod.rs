//! `pm-skills assess`: asks the questions one skill at a time and writes a profile.
//!
//! Questions go to stderr and answers come from stdin, a terminal or a script alike, so stdout
//! stays clean. A run asks every skill of the role, then every soft skill its levels rate; with
//! `--skill`, it asks only those named again, of a profile that exists, and keeps the rest. After
//! every answer the progress is saved atomically in a draft; an interrupted run loses nothing and
//! the next run resumes from the draft. The profile itself is written once, at the end, through
//! a temporary file and a rename.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::model::{Assessment, Framework, LevelAt, Profile, Scope};
use crate::profile;
use crate::write::write_atomic;

mod ask;
mod draft;
pub mod interrupt;
mod lock;
mod seen;
#[cfg(test)]
mod tests;

use ask::{Asking, Reply, Ui};
pub use seen::Seen;

/// What the run did, for the closing message.
#[derive(Debug, PartialEq, Eq)]
pub enum Finish {
    /// Every question answered: the profile was written. Counts are over the role's skills and
    /// the soft skills it rates.
    Written { assessed: usize, unassessed: usize },
    /// The person chose to stop; the draft keeps the answers.
    Paused { answered: usize, of: usize },
    /// `--for` found nothing to ask: the profile already rates every skill the level rates. The
    /// profile is left as it is.
    Unchanged,
}

/// One question of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// The skill at this index of [`crate::model::Framework::skills`]: one of the role's, or for
    /// `--for`, one of another role's.
    Skill(usize),
    /// The soft skill at this index of [`crate::model::Framework::soft_skills`].
    Soft(usize),
}

/// `--skill` or `--for`: the profile `--out` holds, and the questions to ask of it.
#[derive(Debug)]
pub struct Revisit {
    pub profile: Profile,
    pub questions: Vec<Question>,
    /// `--for`: the level whose skills the questions add, those it rates that the profile does
    /// not; `None` for `--skill`, which asks again what the profile has.
    pub adding: Option<LevelAt>,
    /// The file as `profile` was read from it: it must still hold that when the answers are
    /// written, or another program changed it meanwhile and it is left alone.
    pub seen: Seen,
}

/// `--for`: the skills, then the soft skills, that the level `at` rates and `profile` does not
/// yet (`~` counts as not yet), in the order of the level's role and of the framework.
pub fn lacking(framework: &Framework, profile: &Profile, at: LevelAt) -> Vec<Question> {
    let (role, level) = (&framework.roles[at.role], framework.level(at));
    let skills = role.rated_by(level).into_iter().filter(|&s| profile.assessment(s).is_none()).map(Question::Skill);
    let soft = level.behaviours.iter().map(|&(s, _)| s).filter(|&s| profile.behaviour(s).is_none());
    skills.chain(soft.map(Question::Soft)).collect()
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
    /// `--date`; otherwise the draft's, or today.
    pub date: Option<jiff::civil::Date>,
    /// `--assessor`; otherwise the draft's, or the profile's, or `self`.
    pub assessor: Option<&'a str>,
    /// `--skill`: ask again only these, of the profile in `out`.
    pub revisit: Option<&'a Revisit>,
    /// Columns to wrap the questions at; `None` leaves lines whole (a pipe).
    pub width: Option<usize>,
    /// How the run was invoked (`pm-skills --data DIR`), to start the commands it suggests.
    pub invocation: &'a str,
}

/// The draft that keeps answers between runs: `<out>.draft`, or for a revisit
/// `<out>.revisit.draft`.
pub fn draft_path(out: &Path, revisit: bool) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(if revisit { ".revisit.draft" } else { ".draft" });
    out.with_file_name(name)
}

/// Every question of a whole run: the role's skills in its order, then the soft skills its
/// levels rate, in the framework's order.
pub fn questions(scope: Scope) -> Vec<Question> {
    let skills = scope.role.skills.iter().copied().map(Question::Skill);
    skills.chain(profile::rated_soft_skills(scope).into_iter().map(Question::Soft)).collect()
}

/// The questions `--skill` names (an id, alias, name or unique prefix of a skill of the role or a
/// soft skill it rates), in the order of a whole run, each once; an unknown name is an error
/// that lists the valid ones and suggests the nearest.
pub fn pick(scope: Scope, names: &[String]) -> anyhow::Result<Vec<Question>> {
    struct Choice<'a>(&'a str, &'a str, &'a [String]);
    impl crate::resolve::Named for Choice<'_> {
        fn id(&self) -> &str {
            self.0
        }
        fn name(&self) -> &str {
            self.1
        }
        fn aliases(&self) -> &[String] {
            self.2
        }
    }
    let all = questions(scope);
    let choices: Vec<Choice> = all
        .iter()
        .map(|q| match *q {
            Question::Skill(s) => {
                let skill = &scope.framework.skills[s];
                Choice(&skill.id, &skill.name, &skill.aliases)
            }
            Question::Soft(s) => {
                let soft = &scope.framework.soft_skills[s];
                Choice(&soft.id, &soft.name, &soft.aliases)
            }
        })
        .collect();
    let mut picked = Vec::with_capacity(names.len());
    for name in names {
        picked.push(crate::resolve::resolve_index(&choices, name, "skill")?);
    }
    picked.sort_unstable();
    picked.dedup();
    Ok(picked.into_iter().map(|i| all[i]).collect())
}

/// The run's record: what the profile will say, and how far the questions have gone.
struct State {
    name: Option<String>,
    level: Option<usize>,
    target: Option<usize>,
    date: jiff::civil::Date,
    assessor: String,
    /// Aligned with the framework's skills: a revisit keeps those outside the role as well.
    skills: Vec<Option<Assessment>>,
    /// Aligned with the framework's soft skills.
    behaviours: Vec<Option<Assessment>>,
    /// Aligned with the run's questions: answered in this run (or in the draft it resumes).
    answered: Vec<bool>,
    /// The question being asked, as a position in the run's questions.
    at: usize,
}

impl State {
    /// The run's starting point: the profile revisited, if any, then the draft over it, then
    /// the flags over both.
    fn start(scope: Scope, settings: &Settings, questions: &[Question], saved: Option<draft::Saved>) -> State {
        let framework = scope.framework;
        let base = settings.revisit.map(|r| &r.profile);
        let mut state = State {
            name: base.map(|p| p.name.clone()),
            level: base.and_then(|p| p.level),
            target: base.and_then(|p| p.target),
            date: jiff::civil::Date::MIN,
            assessor: String::new(),
            skills: (0..framework.skills.len()).map(|s| base.and_then(|p| p.assessment(s)).cloned()).collect(),
            behaviours: (0..framework.soft_skills.len()).map(|s| base.and_then(|p| p.behaviour(s)).cloned()).collect(),
            answered: vec![false; questions.len()],
            at: 0,
        };
        let (mut date, mut assessor) = (None, base.and_then(|p| p.assessor.clone()));
        if let Some(saved) = saved {
            if base.is_some() {
                for (q, _) in questions.iter().zip(&saved.listed).filter(|(_, listed)| **listed) {
                    let answer = match *q {
                        Question::Skill(s) => saved.skills[s].clone(),
                        Question::Soft(s) => saved.behaviours[s].clone(),
                    };
                    *state.answer_mut(*q) = answer;
                }
            } else {
                (state.name, state.skills, state.behaviours) = (saved.name, saved.skills, saved.behaviours);
            }
            // A revisit resumed over a profile changed since (see `seen`) keeps its level and
            // assessor: the draft's are the ones it had, since a revisit does not ask them.
            state.level = state.level.or(saved.level);
            date = saved.date;
            assessor = assessor.or(saved.assessor);
            state.at = saved.answered.iter().rposition(|a| *a).map_or(0, |i| i + 1);
            state.answered = saved.answered;
        }
        state.level = settings.level.or(state.level);
        state.date = settings.date.or(date).unwrap_or_else(profile::today);
        state.assessor = settings.assessor.map(String::from).or(assessor).unwrap_or_else(|| "self".into());
        state
    }

    fn answer(&self, q: Question) -> &Option<Assessment> {
        match q {
            Question::Skill(s) => &self.skills[s],
            Question::Soft(s) => &self.behaviours[s],
        }
    }

    fn answer_mut(&mut self, q: Question) -> &mut Option<Assessment> {
        match q {
            Question::Skill(s) => &mut self.skills[s],
            Question::Soft(s) => &mut self.behaviours[s],
        }
    }

    /// Whom the questions speak to: the person, or the assessor rating them.
    fn voice(&self) -> profile::Voice {
        profile::Voice::of(Some(&self.assessor))
    }

    fn answered(&self) -> usize {
        self.answered.iter().filter(|a| **a).count()
    }

    /// The profile the answers make, with all a revisit keeps (skills outside the role too).
    fn profile(&self, scope: Scope, out: &Path) -> Profile {
        let role = scope.framework.roles.iter().position(|r| std::ptr::eq(r, scope.role)).unwrap_or(0);
        let mut p = Profile::empty(out.display().to_string(), self.name.clone().unwrap_or_default(), role);
        (p.level, p.target) = (self.level, self.target);
        (p.date, p.assessor) = (Some(self.date), Some(self.assessor.clone()));
        let pairs = |v: &[Option<Assessment>]| -> Vec<(usize, Assessment)> {
            v.iter().enumerate().filter_map(|(i, a)| a.clone().map(|a| (i, a))).collect()
        };
        p.skills = pairs(&self.skills);
        p.behaviours = pairs(&self.behaviours);
        p
    }
}

/// Refuses a revisit (`--skill`, or `--for` when `adding`) of a profile that does not exist,
/// saying how to write one.
pub fn require_profile(out: &Path, invocation: &str, adding: bool) -> anyhow::Result<()> {
    if !out.exists() {
        let word = crate::text::shell_word(&out.to_string_lossy()).into_owned();
        let what = if adding {
            "--for adds the skills of a level to a profile written before"
        } else {
            "--skill revisits skills of a profile written before"
        };
        anyhow::bail!(
            "{} does not exist; {what}\n  to answer every question and write it: {invocation} assess --out {word}",
            out.display()
        );
    }
    Ok(())
}

/// Refuses an `--out` that cannot take the profile, before the first question: a folder, a
/// symbolic link (the final rename would replace the link, or create its missing target, only at
/// the end), an existing file without `--force` (or, for a revisit, a file that does not exist), or a
/// path in a folder that does not exist.
fn check_out(out: &Path, force: bool, revisit: Option<&Revisit>, invocation: &str) -> anyhow::Result<()> {
    let shown = out.display();
    if out.is_dir() {
        anyhow::bail!("cannot write {shown}: it is a directory");
    }
    if std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::read_link(out).map(|t| t.display().to_string()).unwrap_or_default();
        match std::fs::canonicalize(out) {
            Ok(real) => {
                let word = crate::text::shell_word(&real.to_string_lossy()).into_owned();
                anyhow::bail!(
                    "{shown} is a symbolic link to {target}; the answers would replace the link, not the profile\n  give the profile's own path: {invocation} assess --out {word}"
                )
            }
            Err(_) => anyhow::bail!(
                "{shown} is a symbolic link to {target}, which does not exist; give the profile's own path with --out"
            ),
        }
    }
    if let Some(revisit) = revisit {
        require_profile(out, invocation, revisit.adding.is_some())?;
    }
    if out.exists() && !force && revisit.is_none() {
        anyhow::bail!("{shown} already exists; use --force to replace it");
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        anyhow::bail!("cannot write {shown}: the folder {} does not exist", parent.display());
    }
    Ok(())
}

/// One run: what it asks, and where it keeps the answers.
struct Run<'a> {
    scope: Scope<'a>,
    settings: Settings<'a>,
    draft: PathBuf,
    questions: Vec<Question>,
    /// What `--out` held when the run began: the profile revisited as it was read, else what
    /// was there once the lock was taken.
    seen: Seen,
}

/// Runs the questionnaire. `input` gives answers; `ui` receives the questions.
pub fn run(scope: Scope, settings: Settings, input: &mut dyn BufRead, ui: &mut dyn Write) -> anyhow::Result<Finish> {
    let Settings { out, force, restart, width, invocation, revisit, .. } = settings;
    check_out(out, force, revisit, invocation)?;
    let ui = &mut Ui { out: ui, width };
    if let Some(Revisit { questions, adding: Some(at), .. }) = revisit
        && questions.is_empty()
    {
        let (shown, word) = (out.display(), crate::text::shell_word(&out.to_string_lossy()).into_owned());
        let at = scope.framework.qualified(*at);
        ui.say(
            &format!("{shown} already rates every skill that {at} rates: nothing to ask, nothing changed."),
            "",
            "",
        )?;
        ui.say(&format!("To change an answer: {invocation} assess --out {word} --skill NAME"), "", "")?;
        return Ok(Finish::Unchanged);
    }
    let _lock = lock::Lock::take(out)?;
    let draft = draft_path(out, revisit.is_some());
    if restart {
        draft::discard(&draft)?;
    }
    interrupt::saved(false);
    let questions = revisit.map_or_else(|| questions(scope), |r| r.questions.clone());
    let saved = draft::load(scope, &draft, &questions, revisit.is_some())?;
    let resumed = saved.is_some();
    let seen = match revisit {
        Some(revisit) => revisit.seen.clone(),
        None => Seen::now(out).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", out.display()))?,
    };
    let run = Run { scope, settings, draft, questions, seen };
    let mut state = State::start(scope, &settings, &run.questions, saved);
    if resumed {
        let (draft, total) = (run.draft.display(), run.questions.len());
        ui.say(&format!("Resuming from {draft} ({} of {total} questions answered).", state.answered()), "", "")?;
        interrupt::saved(true);
    }
    if state.name.is_none() {
        match ask::name(state.voice(), input, ui)? {
            Reply::Pick(name) => state.name = Some(name),
            Reply::Stop => return run.stopped(&state, true, ui),
            _ => return run.stopped(&state, false, ui),
        }
        run.save(&state)?;
    }
    let ask_level = revisit.is_none() && state.level.is_none() && state.at == 0;
    run.ask_all(&mut state, ask_level, input, ui)
}

impl Run<'_> {
    /// Saves the draft; Ctrl-C waits until it is whole.
    fn save(&self, state: &State) -> anyhow::Result<()> {
        let _busy = interrupt::busy();
        draft::save(self.scope, &self.draft, state, &self.questions)?;
        interrupt::saved(true);
        Ok(())
    }

    /// The level question (when `ask_level`), then every question in turn, going back with `b`:
    /// from the first question to the level, when it was asked in this run.
    fn ask_all(
        &self,
        state: &mut State,
        ask_level: bool,
        input: &mut dyn BufRead,
        ui: &mut Ui,
    ) -> anyhow::Result<Finish> {
        let (scope, total) = (self.scope, self.questions.len());
        let (mut on_level, mut level_answered, mut introduced) = (ask_level, false, false);
        loop {
            if on_level {
                match ask::level(scope, level_answered.then_some(state.level), state.voice(), input, ui)? {
                    Reply::Pick(level) => state.level = level,
                    Reply::Keep => {}
                    Reply::Stop => return self.stopped(state, true, ui),
                    _ => return self.stopped(state, false, ui),
                }
                self.save(state)?;
                (on_level, level_answered) = (false, true);
                continue;
            }
            if !introduced {
                self.introduce(state.voice(), ui)?;
                introduced = true;
            }
            let at = state.at;
            let Some(&q) = self.questions.get(at) else { break };
            if matches!(q, Question::Soft(_)) && (at == 0 || matches!(self.questions[at - 1], Question::Skill(_))) {
                let steps: Vec<&str> = scope.framework.behaviour_scale.iter().map(|s| s.id.as_str()).collect();
                ui.blank()?;
                ui.say(
                    &format!(
                        "Soft skills: how {} work, rated on a scale of their own ({}).",
                        state.voice().they(),
                        steps.join(", ")
                    ),
                    "",
                    "",
                )?;
            }
            // A revisit shows the answer each question has; `--for` asks what has none.
            let shown = self.settings.revisit.is_some_and(|r| r.adding.is_none()) || state.answered[at];
            let current = shown.then(|| state.answer(q));
            let had = current.cloned().flatten();
            let asking =
                Asking { number: at + 1, total, expecting: self.expecting(state), voice: state.voice(), current };
            match ask::question(scope, q, &asking, input, ui)? {
                Reply::Ended => return self.stopped(state, false, ui),
                Reply::Stop => return self.stopped(state, true, ui),
                Reply::Back if at > 0 => {
                    state.at -= 1;
                    continue;
                }
                Reply::Back if ask_level => {
                    on_level = true;
                    continue;
                }
                Reply::Back => {
                    ui.say("Nothing to go back to: this is the first question.", "", "")?;
                    continue;
                }
                Reply::Keep => {}
                Reply::Skip => *state.answer_mut(q) = None,
                Reply::Pick(step) => {
                    let evidence = had.map(|a| a.evidence).unwrap_or_default();
                    *state.answer_mut(q) = Some(Assessment { proficiency: step, evidence });
                }
            }
            // Saved before the evidence question: an answer is on disk as soon as it is given.
            state.answered[at] = true;
            self.save(state)?;
            let has_evidence = match state.answer(q) {
                Some(answer) => !answer.evidence.is_empty(),
                None => {
                    state.at += 1;
                    continue;
                }
            };
            let evidence = match ask::evidence(has_evidence, input, ui)? {
                Reply::Ended => return self.stopped(state, false, ui),
                Reply::Stop => return self.stopped(state, true, ui),
                // Back to the question the evidence is for.
                Reply::Back => continue,
                Reply::Keep => None,
                Reply::Skip => Some(None),
                Reply::Pick(line) => Some(Some(line)),
            };
            // A new line adds to the evidence (evidence gathers over time); `-` clears it. A line
            // typed again, say after going back, is kept once.
            if let (Some(change), Some(answer)) = (evidence, state.answer_mut(q)) {
                match change {
                    None => answer.evidence.clear(),
                    Some(line) if !answer.evidence.contains(&line) => answer.evidence.push(line),
                    Some(_) => {}
                }
            }
            state.at += 1;
            self.save(state)?;
        }
        self.finish(state, ui)
    }

    /// The level whose expectation each question shows: for `--for`, that level; otherwise the
    /// person's, if known.
    fn expecting(&self, state: &State) -> Option<ask::Expecting<'_>> {
        let framework = self.scope.framework;
        if let Some(at) = self.also() {
            let (role, level) = (&framework.roles[at.role], framework.level(at));
            return Some(ask::Expecting { label: level.name.clone(), role, level });
        }
        let (role, voice) = (self.scope.role, state.voice());
        state.level.map(|l| ask::Expecting { label: format!("{} level", voice.their()), role, level: &role.levels[l] })
    }

    /// `--for`: the level whose skills the run adds.
    fn also(&self) -> Option<LevelAt> {
        self.settings.revisit.and_then(|r| r.adding)
    }

    /// How the questions work, said once before the first.
    fn introduce(&self, voice: profile::Voice, ui: &mut Ui) -> std::io::Result<()> {
        let keys = "b goes back one question; q stops, and the next run resumes where you left off.";
        let text = match self.settings.revisit {
            None => format!(
                "For each skill, pick the proficiency that fits {} best, by number or name. After each answer you may add one line of evidence: what {} did that shows it (Enter skips it). {keys}",
                voice.them(),
                voice.they()
            ),
            Some(revisit) => {
                let names: Vec<String> = self.questions.iter().map(|&q| self.name_of(q)).collect();
                let names = match names.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                    None => String::new(),
                };
                let out = self.settings.out.display();
                match revisit.adding {
                    None => format!(
                        "Revisiting {names} in {out}; the rest stays as it is. Each question shows its current answer and evidence, which Enter keeps; at the evidence question, a new line adds to the evidence and - removes it. {keys}"
                    ),
                    Some(at) => format!(
                        "Adding to {out} what {} rates and it does not yet: {names}; the rest stays as it is. For each, pick the proficiency that fits {} best, by number or name, then add one line of evidence if you like (Enter skips it). {keys}",
                        self.scope.framework.qualified(at),
                        voice.them()
                    ),
                }
            }
        };
        ui.blank()?;
        ui.say(&text, "", "")
    }

    fn name_of(&self, q: Question) -> String {
        let framework = self.scope.framework;
        let name = match q {
            Question::Skill(s) => &framework.skills[s].name,
            Question::Soft(s) => &framework.soft_skills[s].name,
        };
        crate::text::sanitize(name, false).into_owned()
    }

    /// Writes the profile, removes the draft and says what was written.
    fn finish(&self, state: &State, ui: &mut Ui) -> anyhow::Result<Finish> {
        let Settings { out, force, invocation, revisit, .. } = self.settings;
        let text = profile::to_yaml(self.scope, &state.profile(self.scope, out), invocation, self.also());
        {
            let _busy = interrupt::busy();
            if self.seen.changed(out) {
                return Err(self.changed_meanwhile());
            }
            // A revisit replaces the profile it read: that is what it is for.
            write_atomic(out, text.as_bytes(), force || revisit.is_some())?;
            let _ = std::fs::remove_file(&self.draft);
            interrupt::finished();
        }
        // Counted over the role's questions and those `--for` added.
        let mut all = questions(self.scope);
        let added: Vec<Question> = self.questions.iter().copied().filter(|q| !all.contains(q)).collect();
        all.extend(added);
        let assessed = all.iter().filter(|&&q| state.answer(q).is_some()).count();
        let unassessed = all.len() - assessed;
        let counts = format!("{assessed} assessed, {unassessed} unassessed");
        let (shown, asked) = (out.display(), self.questions.len());
        let text = match (revisit, self.also()) {
            (None, _) => format!("Wrote {shown} ({counts})."),
            (Some(_), None) => format!("Updated {shown}: {asked} revisited, the rest kept ({counts})."),
            (Some(_), Some(at)) => {
                let at = self.scope.framework.qualified(at);
                format!("Updated {shown}: {asked} added for {at}, the rest kept ({counts}).")
            }
        };
        ui.blank()?;
        ui.say(&text, "", "")?;
        let mut next = format!("{invocation} gap --profile {}", crate::text::shell_word(&out.to_string_lossy()));
        if let Some(at) = self.also() {
            next.push_str(&format!(" --to {}", self.scope.framework.qualified(at)));
        }
        ui.commands("Next:", &[next])?;
        Ok(Finish::Written { assessed, unassessed })
    }

    /// The refusal to write over what another program put in `--out` while the questions were
    /// asked (see [`Seen`]); the draft keeps the answers, and the same command resumes from it.
    fn changed_meanwhile(&self) -> anyhow::Error {
        let (out, draft) = (self.settings.out, self.draft.display());
        let shown = out.display();
        let (what, rest) = match (self.settings.revisit.is_some(), self.seen.existed(), out.exists()) {
            (true, _, true) => (
                "was changed by another program",
                "to apply them to the file as it is now, run the same command again: it resumes from the draft",
            ),
            (true, _, false) => {
                ("was removed", "put the profile back and run the same command again: it resumes from the draft")
            }
            (false, true, true) => (
                "was changed by another program",
                "to replace it with them all the same, run the same command again: it resumes from the draft",
            ),
            (false, true, false) => {
                ("was removed", "to write them, run the same command again without --force: it resumes from the draft")
            }
            (false, false, _) => (
                "was written by another program",
                "to replace it with them all the same, run the same command again with --force: it resumes from the draft",
            ),
        };
        anyhow::anyhow!(
            "{shown} {what} while the questions were asked, so it is left as it is; your answers are kept in {draft}\n  {rest}"
        )
    }

    /// The end of a run that did not get to the end: `q` (`chosen`) keeps the answers and says
    /// where; the input ending is an error that says the same.
    fn stopped(&self, state: &State, chosen: bool, ui: &mut Ui) -> anyhow::Result<Finish> {
        let Settings { out, invocation, revisit, .. } = self.settings;
        let (answered, total, draft) = (state.answered(), self.questions.len(), self.draft.display());
        if chosen && !self.draft.exists() {
            ui.blank()?;
            ui.say("Stopped before the first answer; nothing was written.", "", "")?;
            return Ok(Finish::Paused { answered, of: total });
        }
        if chosen {
            ui.blank()?;
            let text = format!(
                "Stopped after {answered} of {total}; answers kept in {draft}. Run the same command to resume."
            );
            ui.say(&text, "", "")?;
            return Ok(Finish::Paused { answered, of: total });
        }
        let kept = if self.draft.exists() {
            format!("; the answers so far are kept in {draft} and the next run resumes from them")
        } else {
            String::new()
        };
        // With no answer at all, a template may be what was wanted; never over a profile revisited.
        let hint = if answered == 0 && revisit.is_none() {
            let out = crate::text::shell_word(&out.to_string_lossy()).into_owned();
            format!("\n  to write a profile without answering questions: {invocation} profile new > {out}")
        } else {
            String::new()
        };
        anyhow::bail!("input ended after {answered} of {total} questions{kept}{hint}")
    }
}
