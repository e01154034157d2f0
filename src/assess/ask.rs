//! The questions of `assess` and the answers to them: what is shown for a skill, a soft skill or
//! the level, and how a typed line is read. Nothing here touches a file.
//!
//! Every line goes through [`Ui`], which sanitises framework and profile text (anyone can write
//! those files) and wraps it between words at the terminal's width, prompts included.

use std::io::{BufRead, Write};

use super::Question;
use crate::model::{Assessment, Level, Role, ScaleStep, Scope};
use crate::profile::Voice;
use crate::render::wrap::{wrap, wrap_lines};
use crate::resolve::{normalise, step_index};
use crate::text::sanitize;

/// Columns a prompt leaves free on its last line, so a short answer is typed beside it without
/// the terminal breaking the line.
const ANSWER_ROOM: usize = 6;

/// Where the questions go.
pub(super) struct Ui<'a> {
    pub out: &'a mut dyn Write,
    /// Columns to wrap at; `None` leaves lines whole (a pipe).
    pub width: Option<usize>,
}

impl Ui<'_> {
    /// One paragraph, `first` before its first line and `rest` before the others.
    pub fn say(&mut self, text: &str, first: &str, rest: &str) -> std::io::Result<()> {
        self.out.write_all(wrap(&sanitize(text, true), self.width, first, rest).as_bytes())
    }

    /// Commands to run after `lead` (`Next:`), never broken across lines, as a report shows them.
    pub fn commands(&mut self, lead: &str, commands: &[String]) -> std::io::Result<()> {
        let mut text = crate::render::terminal::command_lines(lead, commands, self.width).join("\n");
        text.push('\n');
        self.out.write_all(text.as_bytes())
    }

    /// A prompt: wrapped like any line, with room left for the answer on its last line, which
    /// does not end, and flushed, so the answer is typed beside it.
    pub fn ask(&mut self, prompt: &str) -> std::io::Result<()> {
        let width = self.width.map(|w| w.saturating_sub(ANSWER_ROOM).max(ANSWER_ROOM));
        let prompt = sanitize(prompt.trim_end(), false);
        let lines = wrap_lines(&prompt, width, "", "");
        let mut text = String::with_capacity(prompt.len() + 8);
        for (i, line) in lines.iter().enumerate() {
            text.push_str(line.trim_end());
            text.push(if i + 1 == lines.len() { ' ' } else { '\n' });
        }
        self.out.write_all(text.as_bytes())?;
        self.out.flush()
    }

    pub fn blank(&mut self) -> std::io::Result<()> {
        writeln!(self.out)
    }
}

/// A name from the framework, on one line and safe to print.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    sanitize(text, false)
}

/// Reads one line of input; `None` at its end.
pub(super) fn read_line(input: &mut dyn BufRead) -> anyhow::Result<Option<String>> {
    let mut line = String::new();
    // Answers are short; a bound keeps a hostile stream from growing one line without end.
    let n = std::io::Read::take(input, 64 * 1024).read_line(&mut line)?;
    Ok((n > 0).then_some(line))
}

/// What a person typed at a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reply<T> {
    /// A step of the scale (or a level, or a line of evidence).
    Pick(T),
    /// Enter, where there is an answer to keep.
    Keep,
    /// `s`: leave it unassessed (no level; for evidence, `-`: none).
    Skip,
    /// `b`: the question before.
    Back,
    /// `q`: stop here; the draft keeps the answers.
    Stop,
    /// The input ended.
    Ended,
}

/// The words every question understands, or `None` for anything else.
fn command<T>(word: &str, keep: bool) -> Option<Reply<T>> {
    match word {
        "" if keep => Some(Reply::Keep),
        "s" | "skip" => Some(Reply::Skip),
        "b" | "back" => Some(Reply::Back),
        "q" | "quit" | "stop" => Some(Reply::Stop),
        _ => None,
    }
}

/// Reads an answer to a question about a skill or soft skill: one of the words every question
/// understands, or a step as [`step_index`] reads it (the same answers a profile file takes).
/// `keep` allows Enter.
pub(super) fn parse(text: &str, scale: &[ScaleStep], keep: bool) -> Option<Reply<usize>> {
    let word = normalise(text);
    if let Some(reply) = command(&word, keep) {
        return Some(reply);
    }
    step_index(scale, text).map(Reply::Pick)
}

/// Asks for the name of the person rated. An empty answer is asked again, saying why; `q`
/// stops, as at every question.
pub(super) fn name(voice: Voice, input: &mut dyn BufRead, ui: &mut Ui) -> anyhow::Result<Reply<String>> {
    let prompt = match voice {
        Voice::Own => "Your name:",
        Voice::Other => "Name of the person you are assessing:",
    };
    loop {
        ui.ask(prompt)?;
        let Some(line) = read_line(input)? else { return Ok(Reply::Ended) };
        let line = line.trim();
        let why = match command::<String>(&normalise(line), false) {
            Some(Reply::Stop) => return Ok(Reply::Stop),
            Some(Reply::Back) => "Nothing to go back to: this is the first question.",
            Some(_) => "A name is needed: the profile is named after the person it rates (q stops).",
            None if line.is_empty() => "A name is needed: the profile is named after the person it rates (q stops).",
            None => return Ok(Reply::Pick(line.to_string())),
        };
        ui.say(why, "", "")?;
    }
}

/// Asks for the person's level, showing the one given before (Enter keeps it). `Pick(None)`
/// is no level.
pub(super) fn level(
    scope: Scope,
    current: Option<Option<usize>>,
    voice: Voice,
    input: &mut dyn BufRead,
    ui: &mut Ui,
) -> anyhow::Result<Reply<Option<usize>>> {
    ui.blank()?;
    ui.say(&format!("{} current level (optional, Enter to skip):", voice.their_cap()), "", "")?;
    let levels = &scope.role.levels;
    for (i, l) in levels.iter().enumerate() {
        let number = format!("  {}. ", i + 1);
        ui.say(&format!("{} ({})", one_line(&l.name), one_line(&l.id)), &number, &" ".repeat(number.len()))?;
    }
    let keep = current.is_some();
    if let Some(now) = current {
        let shown = now.map_or("none".into(), |l| one_line(&levels[l].name));
        ui.say(&format!("Current answer: {shown}"), "  ", "    ")?;
    }
    let prompt = if keep {
        format!("Level [1-{}, or a name; Enter to keep, s for none, q to stop]:", levels.len())
    } else {
        format!("Level [1-{}, or a name; Enter to skip, q to stop]:", levels.len())
    };
    loop {
        ui.ask(&prompt)?;
        let Some(line) = read_line(input)? else { return Ok(Reply::Ended) };
        let line = line.trim();
        match command::<Option<usize>>(&normalise(line), keep) {
            Some(Reply::Skip) => return Ok(Reply::Pick(None)),
            Some(Reply::Back) => {
                ui.say("Nothing to go back to: this is the first question.", "", "")?;
                continue;
            }
            Some(reply) => return Ok(reply),
            None if line.is_empty() => return Ok(Reply::Pick(None)),
            None => {}
        }
        match crate::resolve::resolve_answer(levels, line, "level") {
            Ok(i) => return Ok(Reply::Pick(Some(i))),
            Err(e) => ui.say(&unknown_level(&e.to_string(), levels.len()), "", "  ")?,
        }
    }
}

/// Why a level answer was refused, on one line: the resolver's first line and its "did you
/// mean", without the list of valid names, which the question shows above the prompt.
fn unknown_level(error: &str, count: usize) -> String {
    let mut lines = error.lines().map(str::trim);
    let first = lines.next().unwrap_or_default();
    match lines.find(|l| l.starts_with("did you mean")) {
        Some(suggestion) => format!("{first}: {suggestion}"),
        None => format!("{first}: answer 1-{count} or a name from the list."),
    }
}

/// A level whose expectation a question shows: the person's own (`your level`), or the one
/// `--for` adds the skills of (named by its name).
pub(super) struct Expecting<'a> {
    /// How the level is named in `(… expects X)`.
    pub label: String,
    pub role: &'a Role,
    pub level: &'a Level,
}

impl Expecting<'_> {
    /// The step this level expects for a question, or `None` when it rates nothing of it.
    fn step<'f>(&self, framework: &'f crate::model::Framework, q: Question) -> Option<&'f ScaleStep> {
        match q {
            Question::Skill(s) => self.role.rating_of(self.level, s).map(|r| &framework.scale[r.proficiency]),
            Question::Soft(s) => self.level.behaviour(s).map(|step| &framework.behaviour_scale[step]),
        }
    }
}

/// Where a question stands: its number, the total, the level whose expectation it shows, whom it
/// speaks to, and the answer it has (`Some(None)` for unassessed) when it was answered before or
/// comes from the profile.
pub(super) struct Asking<'a> {
    pub number: usize,
    pub total: usize,
    pub expecting: Option<Expecting<'a>>,
    pub voice: Voice,
    pub current: Option<&'a Option<Assessment>>,
}

/// Asks about a skill or soft skill, with what each step means for it.
pub(super) fn question(
    scope: Scope,
    q: Question,
    asking: &Asking,
    input: &mut dyn BufRead,
    ui: &mut Ui,
) -> anyhow::Result<Reply<usize>> {
    let framework = scope.framework;
    let Asking { number, total, ref expecting, voice, current } = *asking;
    ui.blank()?;
    let (scale, noun, kind) = match q {
        Question::Skill(s) => {
            let skill = &framework.skills[s];
            ui.say(&format!("[{number}/{total}] {}", one_line(&skill.name)), "", "")?;
            if !skill.description.is_empty() {
                ui.say(&skill.description, "", "")?;
            }
            for (i, (step, meaning)) in framework.scale.iter().zip(&skill.proficiencies).enumerate() {
                let n = format!("  {}. ", i + 1);
                ui.say(&format!("{}: {meaning}", one_line(&step.name)), &n, &" ".repeat(n.len()))?;
            }
            (&framework.scale, "proficiency", "skill")
        }
        Question::Soft(s) => {
            let soft = &framework.soft_skills[s];
            ui.say(&format!("[{number}/{total}] {} (soft skill)", one_line(&soft.name)), "", "")?;
            if !soft.explanation.is_empty() {
                ui.say(&soft.explanation, "", "")?;
            }
            for (i, step) in framework.behaviour_scale.iter().enumerate() {
                let n = format!("  {}. ", i + 1);
                ui.say(&format!("{}: {}", one_line(&step.name), step.meaning), &n, &" ".repeat(n.len()))?;
            }
            (&framework.behaviour_scale, "rating", "soft skill")
        }
    };
    if let Some(expecting) = expecting {
        let expected = expecting.step(framework, q);
        let expected = expected.map_or(format!("nothing of this {kind}"), |step| one_line(&step.name).into_owned());
        ui.say(&format!("({} expects {expected})", one_line(&expecting.label)), "  ", "   ")?;
    }
    if let Some(now) = current {
        show_current(scale, now, ui)?;
    }
    let keep = current.is_some();
    let enter = if keep { "Enter to keep, " } else { "" };
    let prompt =
        format!("{} {noun} [1-{}, {enter}s to skip, b to go back, q to stop]:", voice.their_cap(), scale.len());
    loop {
        ui.ask(&prompt)?;
        let Some(line) = read_line(input)? else { return Ok(Reply::Ended) };
        match parse(line.trim(), scale, keep) {
            Some(reply) => return Ok(reply),
            None => {
                let text = format!("Please answer 1-{}, a name from the list, {enter}s, b or q.", scale.len());
                ui.say(&text, "", "")?;
            }
        }
    }
}

/// The answer a question already has, with its evidence.
fn show_current(scale: &[ScaleStep], now: &Option<Assessment>, ui: &mut Ui) -> std::io::Result<()> {
    match now {
        None => ui.say("Current answer: none (unassessed)", "  ", "    "),
        Some(a) => {
            ui.say(&format!("Current answer: {}", one_line(&scale[a.proficiency].name)), "  ", "    ")?;
            for line in &a.evidence {
                ui.say(line, "    evidence: ", "              ")?;
            }
            Ok(())
        }
    }
}

/// Asks for one line of evidence for the answer just given. `Pick` is a new line, added to what
/// there is; `Skip` removes the evidence (`-`); `Keep` leaves it as it is (Enter).
pub(super) fn evidence(has: bool, input: &mut dyn BufRead, ui: &mut Ui) -> anyhow::Result<Reply<String>> {
    let prompt = if has {
        "Evidence (a new line adds to it, Enter keeps it, - removes it):"
    } else {
        "Evidence (optional, Enter to skip):"
    };
    ui.ask(prompt)?;
    let Some(line) = read_line(input)? else { return Ok(Reply::Ended) };
    let line = line.trim();
    if line == "-" {
        return Ok(Reply::Skip);
    }
    Ok(match normalise(line).as_str() {
        "" => Reply::Keep,
        "b" | "back" => Reply::Back,
        "q" | "quit" | "stop" => Reply::Stop,
        _ => Reply::Pick(line.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> Vec<ScaleStep> {
        ["Beginner", "Steady", "Expert"]
            .iter()
            .map(|n| ScaleStep { id: n.to_lowercase(), name: n.to_string(), meaning: String::new() })
            .collect()
    }

    #[test]
    fn answers_are_numbers_names_or_the_words_every_question_knows() {
        let scale = scale();
        assert_eq!(parse("2", &scale, false), Some(Reply::Pick(1)));
        assert_eq!(parse("exp", &scale, false), Some(Reply::Pick(2)));
        // The words win over a prefix: `b` is back, `be` is Beginner.
        assert_eq!(parse("b", &scale, false), Some(Reply::Back));
        assert_eq!(parse("Be", &scale, false), Some(Reply::Pick(0)));
        assert_eq!(parse("S", &scale, false), Some(Reply::Skip));
        assert_eq!(parse("st", &scale, false), Some(Reply::Pick(1)));
        assert_eq!(parse("q", &scale, false), Some(Reply::Stop));
        assert_eq!(parse("", &scale, false), None);
        assert_eq!(parse("", &scale, true), Some(Reply::Keep));
        assert_eq!(parse("4", &scale, true), None);
        assert_eq!(parse("x", &scale, true), None);
    }

    #[test]
    fn a_prompt_wraps_between_words_and_leaves_room_for_the_answer() {
        let mut out = Vec::new();
        let mut ui = Ui { out: &mut out, width: Some(30) };
        ui.ask("Your proficiency [1-4, Enter to keep, s to skip, b to go back, q to stop]: ").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "Your proficiency [1-4,\nEnter to keep, s to\nskip, b to go back, q to\nstop]: ");
        assert!(text.lines().all(|l| l.len() <= 30 - ANSWER_ROOM + 1), "{text}");
        let mut out = Vec::new();
        Ui { out: &mut out, width: None }.ask("Evidence (optional, Enter to skip): ").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "Evidence (optional, Enter to skip): ");
    }
}
