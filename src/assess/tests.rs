//! Scripted runs of `assess`: answers from a byte string, questions into a transcript.

use std::cell::RefCell;
use std::io::{BufRead, Read};
use std::rc::Rc;

use super::*;
use crate::model::Framework;
use crate::profile::SkillLookup;

fn dvla() -> Framework {
    crate::data::load_builtin("dvla").unwrap()
}

fn ladder() -> Framework {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder");
    crate::data::load_folder(&dir).unwrap().0
}

fn settings(out: &Path) -> Settings<'_> {
    Settings {
        out,
        force: false,
        restart: false,
        level: None,
        date: Some("2026-03-02".parse().unwrap()),
        assessor: None,
        revisit: None,
        width: Some(80),
        invocation: "pm-skills",
    }
}

/// Answers that a terminal would echo: the transcript gets each answer where it was typed, with
/// its line break, so it reads as the screen would, line by line.
struct Typed {
    input: std::io::Cursor<Vec<u8>>,
    screen: Rc<RefCell<Vec<u8>>>,
}

impl Read for Typed {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.input.read(buf)
    }
}

impl BufRead for Typed {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.input.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        let start = self.input.position() as usize;
        self.screen.borrow_mut().extend_from_slice(&self.input.get_ref()[start..start + n]);
        self.input.consume(n);
    }
}

struct Screen(Rc<RefCell<Vec<u8>>>);

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `assess` with `answers`; the result and what the screen showed.
fn answer(scope: Scope, settings: Settings, answers: &str) -> (anyhow::Result<Finish>, String) {
    let screen = Rc::new(RefCell::new(Vec::new()));
    let mut input = Typed { input: std::io::Cursor::new(answers.as_bytes().to_vec()), screen: screen.clone() };
    let result = run(scope, settings, &mut input, &mut Screen(screen.clone()));
    let text = String::from_utf8(screen.borrow().clone()).unwrap();
    (result, text)
}

fn read(scope: Scope, out: &Path) -> Profile {
    profile::check(profile::read(out).unwrap(), scope, &SkillLookup::new(scope.framework)).unwrap()
}

fn step(p: &Profile, skill: usize) -> Option<(usize, Vec<String>)> {
    p.assessment(skill).map(|a| (a.proficiency, a.evidence.clone()))
}

#[test]
fn scripted_answers_write_a_profile_that_reads_back() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let answers = "Ada\nsenior\n3\n\n2\n\nexpert\n\ns\n4\n\n4\n\nprac\n\n3\n\n2\n\n1\n\n";
    let (finish, _) = answer(scope, settings(&out), answers);
    assert_eq!(finish.unwrap(), Finish::Written { assessed: 9, unassessed: 1 });
    assert!(!draft_path(&out, false).exists());
    let p = read(scope, &out);
    assert_eq!((p.name.as_str(), p.level), ("Ada", Some(1)));
    assert_eq!((p.date.map(|d| d.to_string()).as_deref(), p.assessor.as_deref()), (Some("2026-03-02"), Some("self")));
    assert_eq!(step(&p, 0), Some((2, vec![])));
    assert_eq!(step(&p, 2), Some((3, vec![])));
    assert_eq!(step(&p, 3), None);
    assert_eq!(step(&p, 6), Some((2, vec![])));
}

#[test]
fn evidence_follows_each_answer_trimmed_and_is_written_with_it() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let awkward = "  Said \"no\": scope cut # twice, - then shipped ✓  ";
    let answers = format!("Ada\n\n3\n{awkward}\ns\n2\nRan the beta\n{}", "1\n\n".repeat(7));
    let (finish, screen) = answer(scope, Settings { assessor: Some("Dana Reyes"), ..settings(&out) }, &answers);
    assert_eq!(finish.unwrap(), Finish::Written { assessed: 9, unassessed: 1 });
    let p = read(scope, &out);
    assert_eq!(step(&p, 0), Some((2, vec![awkward.trim().to_string()])));
    assert_eq!(step(&p, 1), None);
    assert_eq!(step(&p, 2), Some((1, vec!["Ran the beta".to_string()])));
    assert_eq!(step(&p, 3), Some((0, vec![])));
    assert_eq!(p.assessor.as_deref(), Some("Dana Reyes"));
    // Asked after every answer but the skip; how it works is said once, before the first skill.
    assert_eq!(screen.matches("Evidence (optional, Enter to skip):").count(), 9, "{screen}");
    assert_eq!(screen.matches("add one line of evidence").count(), 1, "{screen}");
    assert!(screen.find("add one line of evidence") < screen.find("[1/10]"), "{screen}");
}

#[test]
fn back_goes_one_question_back_showing_the_answer_and_the_draft_follows() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    // Level pm; skill 1: 3 with evidence; skill 2: 2; at skill 3, back (to skill 2, over skill
    // 2's evidence question), Enter keeps 2, new evidence; back at the evidence question returns
    // to skill 3's own question; then back twice more to skill 1, change it to 4, Enter keeps
    // its evidence; back from skill 1 goes to the level question, which shows pm; `b` there has
    // nothing before it; senior.
    let answers = "Ada\npm\n3\nCoached\n2\n\nb\n\nShipped\n1\nb\nb\nb\n4\n\nb\nb\nb\nsenior\n";
    let rest = "\n\n\n\n1\n\n".to_string() + &"1\n\n".repeat(7);
    let (finish, screen) = answer(scope, settings(&out), &(answers.to_string() + &rest));
    assert_eq!(finish.unwrap(), Finish::Written { assessed: 10, unassessed: 0 }, "{screen}");
    let p = read(scope, &out);
    assert_eq!(p.level, Some(1));
    assert_eq!(step(&p, 0), Some((3, vec!["Coached".into()])));
    assert_eq!(step(&p, 1), Some((1, vec!["Shipped".into()])));
    assert_eq!(step(&p, 2), Some((0, vec![])));
    // Each going back shows the question before, with the answer it has.
    let back = screen.split(": b\n").skip(1).map(|after| after.lines().find(|l| l.starts_with('[')));
    let headers: Vec<&str> = back.map(|h| h.unwrap_or("(level)")).collect();
    assert_eq!(
        headers,
        [
            "[2/10] Government Digital and Data Perspective",
            "[3/10] Experience of Working within Constraints",
            "[2/10] Government Digital and Data Perspective",
            "[1/10] Agile Working",
            "[1/10] Agile Working",
            "(level)",
            "[1/10] Agile Working",
        ],
        "{screen}"
    );
    assert!(screen.contains("  Current answer: Working\n"), "{screen}");
    assert!(screen.contains("  Current answer: Practitioner\n    evidence: Coached\n"), "{screen}");
    assert!(screen.contains("  Current answer: Product Manager\n"), "{screen}");
    assert!(screen.contains("Nothing to go back to: this is the first question."), "{screen}");
    assert!(screen.contains("Evidence (a new line adds to it, Enter keeps it, - removes it):"), "{screen}");
}

#[test]
fn back_at_the_first_question_without_a_level_question_goes_nowhere() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let answers = "Ada\nb\n2\n\nq\n";
    let (finish, screen) = answer(scope, Settings { level: Some(0), ..settings(&out) }, answers);
    assert_eq!(finish.unwrap(), Finish::Paused { answered: 1, of: 10 });
    assert!(screen.contains("Nothing to go back to: this is the first question."), "{screen}");
    assert!(!screen.contains("Your current level"), "{screen}");
    assert!(screen.contains("Stopped after 1 of 10; answers kept in"), "{screen}");
}

#[test]
fn input_ending_early_keeps_a_draft_and_the_next_run_resumes_with_evidence() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    // The input ends at skill 3's evidence question: its answer is kept, without evidence.
    let (err, _) = answer(scope, settings(&out), "Ada\n\n1\nFirst\n2\n\n3\n");
    let err = err.unwrap_err().to_string();
    assert!(err.contains("input ended after 3 of 10 questions"), "{err}");
    assert!(draft_path(&out, false).exists() && !out.exists());
    let rest = "4\nFourth: \"quoted\"\n".to_string() + &"3\n\n".repeat(6);
    let (finish, screen) = answer(scope, Settings { date: None, ..settings(&out) }, &rest);
    finish.unwrap();
    assert!(screen.contains("Resuming from") && screen.contains("(3 of 10 questions answered)"), "{screen}");
    assert!(screen.contains("[4/10]") && !screen.contains("[3/10]"), "{screen}");
    let p = read(scope, &out);
    assert_eq!(step(&p, 0), Some((0, vec!["First".into()])));
    assert_eq!(step(&p, 2), Some((2, vec![])));
    assert_eq!(step(&p, 3), Some((3, vec!["Fourth: \"quoted\"".into()])));
    assert_eq!(step(&p, 9), Some((2, vec![])));
    // The draft's date is kept when the resumed run gives none.
    assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2026-03-02"));
}

#[test]
fn a_draft_of_the_earlier_form_resumes() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    // As the earlier version wrote it: every skill listed, `~` for those not reached, no date,
    // no evidence.
    let old = "# Draft: 3 of 10 skills asked. `pm-skills assess` resumes after the last answer.\n\
        # A pm-skills self-assessment profile.\nname: \"Ada\"\nframework: dvla\nlevel: product-manager   # Product Manager\nskills:\n\n  # Agile Working: text\n  agile-working: expert\n  government-digital-and-data-perspective: ~\n  experience-of-working-within-constraints: working\n  financial-ownership: ~\n  lifecycle-perspective: ~\n  operational-management: ~\n  problem-ownership: ~\n  product-ownership: ~\n  strategic-focus: ~\n  user-focus: ~\n";
    std::fs::write(draft_path(&out, false), old).unwrap();
    let (finish, screen) = answer(scope, Settings { date: None, ..settings(&out) }, &"1\n\n".repeat(7));
    assert_eq!(finish.unwrap(), Finish::Written { assessed: 9, unassessed: 1 }, "{screen}");
    assert!(screen.contains("(3 of 10 questions answered)") && screen.contains("[4/10]"), "{screen}");
    let p = read(scope, &out);
    assert_eq!((p.level, step(&p, 0), step(&p, 1), step(&p, 2)), (Some(0), Some((3, vec![])), None, Some((1, vec![]))));
    assert_eq!((p.date, p.assessor.as_deref()), (Some(profile::today()), Some("self")));
}

/// Sam's first check-in, copied to `dir/me.yaml`.
fn checkin(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/growth/checkins/2026-03-02.yaml");
    let out = dir.join("me.yaml");
    let mut text = std::fs::read_to_string(from).unwrap();
    text = text.replace("assessor: self", "assessor: Dana Reyes\ntarget: lead");
    std::fs::write(&out, text).unwrap();
    out
}

#[test]
fn a_revisit_asks_only_the_skills_named_and_keeps_everything_else() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let before = read(scope, &out);
    let names = ["user".to_string(), "Financial Ownership".into(), "user-focus".into()];
    let questions = pick(scope, &names).unwrap();
    assert_eq!(questions, [Question::Skill(3), Question::Skill(9)]);
    let revisit = Revisit { profile: before.clone(), questions, adding: None, seen: Seen::now(&out).unwrap() };
    let answers = "\n-\n4\nSet up monthly research with contact-centre staff.\n";
    let (finish, screen) = answer(
        scope,
        Settings { revisit: Some(&revisit), date: Some("2026-06-01".parse().unwrap()), ..settings(&out) },
        answers,
    );
    assert_eq!(finish.unwrap(), Finish::Written { assessed: 10, unassessed: 0 }, "{screen}");
    let after = read(scope, &out);
    // Financial Ownership kept its step and lost its evidence; User Focus is answered.
    assert_eq!(step(&after, 3), Some((2, vec![])));
    assert_eq!(step(&after, 9), Some((3, vec!["Set up monthly research with contact-centre staff.".into()])));
    for s in (0..10).filter(|s| ![3, 9].contains(s)) {
        assert_eq!(after.assessment(s), before.assessment(s), "skill {s} is kept as it was");
    }
    assert_eq!((&after.name, after.level, after.target), (&before.name, before.level, before.target));
    assert_eq!(
        (after.date.map(|d| d.to_string()).as_deref(), after.assessor.as_deref()),
        (Some("2026-06-01"), Some("Dana Reyes"))
    );
    assert!(screen.contains("Revisiting Financial Ownership and User Focus in"), "{screen}");
    assert!(screen.contains("[1/2] Financial Ownership") && screen.contains("[2/2] User Focus"), "{screen}");
    assert!(screen.contains("  Current answer: Practitioner\n    evidence: Wrote the cost model"), "{screen}");
    assert!(screen.contains("  Current answer: none (unassessed)\n"), "{screen}");
    assert!(screen.contains("Updated ") && !draft_path(&out, true).exists(), "{screen}");
    let err = pick(scope, &["user-fokus".into()]).unwrap_err().to_string();
    assert!(err.starts_with("unknown skill `user-fokus`") && err.contains("did you mean `user-focus`?"), "{err}");
}

/// Evidence gathers over time: a new line at a revisit is added to what the skill has, a line it
/// already has is kept once, and `-` clears it.
#[test]
fn a_new_line_of_evidence_adds_to_the_notes_a_skill_has() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let revisit_with = |answers: &str| {
        let revisit = Revisit {
            profile: read(scope, &out),
            questions: vec![Question::Skill(3)],
            adding: None,
            seen: Seen::now(&out).unwrap(),
        };
        let (finish, screen) = answer(scope, Settings { revisit: Some(&revisit), ..settings(&out) }, answers);
        finish.unwrap_or_else(|e| panic!("{e}: {screen}"));
        step(&read(scope, &out), 3).unwrap().1
    };
    let first = "Wrote the cost model for moving the appointments service to the shared platform.";
    assert_eq!(revisit_with("\nThe board approved it.\n"), [first, "The board approved it."]);
    assert_eq!(revisit_with("\nThe board approved it.\n"), [first, "The board approved it."]);
    assert_eq!(revisit_with("\n\n"), [first, "The board approved it."]);
    assert!(revisit_with("\n-\n").is_empty());
}

#[test]
fn an_interrupted_revisit_resumes_after_its_last_answer_even_a_skip() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let before = read(scope, &out);
    let names: Vec<String> = ["agile-working", "financial-ownership", "product-ownership"].map(String::from).into();
    let revisit = Revisit {
        profile: before.clone(),
        questions: pick(scope, &names).unwrap(),
        adding: None,
        seen: Seen::now(&out).unwrap(),
    };
    let with = |date| Settings { revisit: Some(&revisit), date, ..settings(&out) };
    // Agile Working: 4, with evidence; Financial Ownership: left unassessed; then the input ends.
    let (err, _) = answer(scope, with(Some("2026-06-01".parse().unwrap())), "4\nCoached a squad\ns\n");
    let err = err.unwrap_err().to_string();
    assert!(err.contains("input ended after 2 of 3 questions") && err.contains("me.yaml.revisit.draft"), "{err}");
    assert_eq!(read(scope, &out), before, "the profile is untouched until the end");
    let (finish, screen) = answer(scope, with(None), "\n\n");
    finish.unwrap();
    assert!(screen.contains("(2 of 3 questions answered)") && screen.contains("[3/3] Product Ownership"), "{screen}");
    let after = read(scope, &out);
    assert_eq!(step(&after, 0), Some((3, vec!["Coached a squad".into()])));
    assert_eq!(step(&after, 3), None, "the skip survives the interruption");
    assert_eq!(after.assessment(7), before.assessment(7));
    assert_eq!(after.date.map(|d| d.to_string()).as_deref(), Some("2026-06-01"), "the draft's date");
    // A draft of another revisit is refused rather than merged.
    std::fs::write(draft_path(&out, true), "name: Sam\nskills:\n  user-focus: ~\n").unwrap();
    let (err, _) = answer(scope, with(None), "\n\n\n");
    let err = err.unwrap_err().to_string();
    assert!(err.contains("answers `user-focus`, which this run does not revisit"), "{err}");
}

#[test]
fn soft_skills_the_role_rates_are_asked_after_the_skills() {
    let f = ladder();
    let designer = f.roles.iter().position(|r| r.id == "designer").unwrap();
    let scope = Scope { framework: &f, role: &f.roles[designer] };
    assert_eq!(
        questions(scope),
        // Framework skills, in the role's order: sketching, reviewing, mentoring.
        [Question::Skill(2), Question::Skill(1), Question::Skill(3), Question::Soft(0), Question::Soft(1)]
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    // Level designer; three skills; curiosity: back to mentoring, keep it, then Role model with
    // evidence; patience: steady.
    let answers = "Sam\ndesigner\n3\n\n2\n\n1\n\nb\n\n\nrole\nAsked why, five times\nst\n\n";
    let (finish, screen) = answer(scope, settings(&out), answers);
    assert_eq!(finish.unwrap(), Finish::Written { assessed: 5, unassessed: 0 }, "{screen}");
    let p = read(scope, &out);
    assert_eq!(
        p.behaviour(0).map(|a| (a.proficiency, a.evidence.clone())),
        Some((2, vec!["Asked why, five times".into()]))
    );
    assert_eq!(p.behaviour(1).map(|a| a.proficiency), Some(1));
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Soft skills: how you work, rated on a scale of their own (emerging, steady, model)."));
    assert!(
        screen.contains("[4/5] Curiosity (soft skill)\nWanting to know why.\n  1. Emerging: Shows it now and then"),
        "{screen}"
    );
    assert!(
        screen.contains("  3. Role model: Others learn it by watching.\n  (your level expects Emerging)"),
        "{screen}"
    );
    assert!(screen.contains("  (your level expects nothing of this soft skill)"), "{screen}");
    assert!(screen.contains("Your rating [1-3, s to skip, b to go back, q to stop]:"), "{screen}");
    // --skill names a soft skill too; a skill of another role the profile rates is kept.
    let mut before = read(scope, &out);
    before.skills.insert(0, (0, Assessment { proficiency: 3, evidence: vec!["Wrote the parser".into()] }));
    let revisit = Revisit {
        profile: before.clone(),
        questions: pick(scope, &["patience".into()]).unwrap(),
        adding: None,
        seen: Seen::now(&out).unwrap(),
    };
    let (finish, _) = answer(scope, Settings { revisit: Some(&revisit), ..settings(&out) }, "model\nWaited\n");
    finish.unwrap();
    let after = read(scope, &out);
    assert_eq!(after.behaviour(1).map(|a| a.proficiency), Some(2));
    assert_eq!((after.behaviour(0), &after.skills), (before.behaviour(0), &before.skills));
}

#[test]
fn every_line_wraps_between_words_at_a_narrow_width() {
    let f = ladder();
    let designer = f.roles.iter().position(|r| r.id == "designer").unwrap();
    let scope = Scope { framework: &f, role: &f.roles[designer] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let answers = "Sam\nsenior\nx\n3\n\n2\nTalks\nb\n\n\n1\n\n1\n\n1\n\n";
    let (finish, screen) = answer(scope, Settings { width: Some(28), ..settings(&out) }, answers);
    finish.unwrap();
    // A word, or a command to run, wider than the width stands whole on its own line.
    let long_word = |l: &str| !l.trim().contains(' ') || l.starts_with("  pm-skills ");
    for line in screen.lines() {
        assert!(crate::text::width(line) <= 28 || long_word(line), "over 28 columns: {line:?}\n{screen}");
    }
    // Nothing was cut inside a word: the screen, its line breaks read as spaces, holds each text.
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let role = &f.roles[designer];
    let mut texts: Vec<String> = vec![
        "Your proficiency [1-5, Enter to keep, s to skip, b to go back, q to stop]:".into(),
        "Evidence (a new line adds to it, Enter keeps it, - removes it):".into(),
        "Please answer 1-5, a name from the list, s, b or q.".into(),
        "(your level expects Steady)".into(),
    ];
    for &s in &role.skills {
        texts.push(f.skills[s].description.clone());
        texts.extend(f.scale.iter().zip(&f.skills[s].proficiencies).map(|(step, m)| format!("{}: {m}", step.name)));
    }
    texts.extend(f.behaviour_scale.iter().map(|step| format!("{}: {}", step.name, step.meaning)));
    for text in texts {
        assert!(flat.contains(&text), "not whole on the screen: {text}\n{screen}");
    }
    // Without a width (a pipe), nothing is wrapped.
    let out = dir.path().join("pipe.yaml");
    let (_, screen) = answer(scope, Settings { width: None, ..settings(&out) }, answers);
    assert!(screen.contains("\nYour proficiency [1-5, s to skip, b to go back, q to stop]: x\n"), "{screen}");
}

#[test]
fn an_empty_name_is_asked_again_with_the_reason_and_q_stops_there() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let (finish, screen) = answer(scope, settings(&out), "\n   \nq\n");
    assert_eq!(finish.unwrap(), Finish::Paused { answered: 0, of: 10 });
    let why = "A name is needed: the profile is named after the person it rates (q stops).";
    assert_eq!(screen.matches(why).count(), 2, "{screen}");
    assert!(screen.contains("Stopped before the first answer; nothing was written."), "{screen}");
    assert!(!out.exists() && !draft_path(&out, false).exists(), "q is not a name");
    // A name that merely starts with q is a name.
    let (finish, _) = answer(scope, Settings { level: Some(0), ..settings(&out) }, "Quinn\nq\n");
    assert_eq!(finish.unwrap(), Finish::Paused { answered: 0, of: 10 });
    assert!(std::fs::read_to_string(draft_path(&out, false)).unwrap().contains("name: Quinn"));
}

#[test]
fn an_unknown_level_at_the_level_question_suggests_the_nearest() {
    let f = dvla();
    let scope = Scope { framework: &f, role: &f.roles[0] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let (finish, screen) = answer(scope, settings(&out), "Ada\nsenoir\nzzz\nsenior\nq\n");
    assert_eq!(finish.unwrap(), Finish::Paused { answered: 0, of: 10 });
    assert!(screen.contains("senoir\nunknown level `senoir`: did you mean `senior`?\n"), "{screen}");
    assert!(screen.contains("zzz\nunknown level `zzz`: answer 1-4 or a name from the list.\n"), "{screen}");
    assert!(!screen.contains("valid levels:"), "the list is shown above the prompt: {screen}");
    assert!(std::fs::read_to_string(draft_path(&out, false)).unwrap().contains("level: senior"), "{screen}");
}

#[test]
fn a_review_asks_about_the_person_not_the_assessor() {
    let f = ladder();
    let designer = f.roles.iter().position(|r| r.id == "designer").unwrap();
    let scope = Scope { framework: &f, role: &f.roles[designer] };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sam.yaml");
    let answers = "Sam\ndesigner\n2\n\nq\n";
    let (finish, screen) = answer(scope, Settings { assessor: Some("Sarah Lee"), ..settings(&out) }, answers);
    assert_eq!(finish.unwrap(), Finish::Paused { answered: 1, of: 5 });
    for words in ["Name of the person you are assessing:", "Their current level (optional", "fits them best"] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert!(screen.contains("(their level expects ") && screen.contains("Their proficiency [1-5"), "{screen}");
    assert!(!screen.contains("Your") && !screen.contains("your level"), "{screen}");
    // `self` is the person themself.
    let own = dir.path().join("me.yaml");
    let (_, screen) = answer(scope, Settings { assessor: Some("self"), ..settings(&own) }, "Sam\ndesigner\nq\n");
    assert!(screen.contains("Your name:") && screen.contains("Your current level"), "{screen}");
}
