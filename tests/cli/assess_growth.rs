//! Growth over time through `assess` and `profile new`: evidence, going back, revisiting some
//! skills of a profile with `--skill`, soft skills, and the date and assessor a profile carries.

use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::prelude::*;
use predicates::str::contains;

use crate::assess::{all_answers, listing};
use crate::common::{cmd, example_path, json, path, stdout};

/// Sam's first check-in, copied to `dir/me.yaml`.
fn checkin(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/growth/checkins/2026-03-02.yaml");
    let out = dir.join("me.yaml");
    std::fs::copy(from, &out).unwrap();
    out
}

/// `gap --format json` rows of a profile against Senior, by skill id: what it has and its
/// evidence.
fn rows(profile: &Path) -> Vec<(String, serde_json::Value, serde_json::Value)> {
    let v = json(&["gap", "-p", path(profile), "--to", "senior"]);
    let mut rows: Vec<_> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["skill"]["id"].as_str().unwrap().to_string(), r["have"]["id"].clone(), r["evidence"].clone()))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

fn yaml(file: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[test]
fn assess_takes_evidence_and_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    // Skill 1: practitioner, with evidence; skill 2: working; back at skill 3 shows skill 2's
    // answer, Enter keeps it, and evidence is added.
    let answers = "Ada\n3\nCoached: \"the\" squad #1\n2\n\nb\n\nShipped the beta\n".to_string() + &"1\n\n".repeat(8);
    let run = cmd().args(["assess", "--out", path(&out), "--level", "pm"]).write_stdin(answers).output().unwrap();
    let ui = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{ui}");
    assert!(ui.contains("Evidence (optional, Enter to skip):") && ui.contains("  Current answer: Working\n"), "{ui}");
    let rows = rows(&out);
    let row = |id: &str| rows.iter().find(|r| r.0 == id).unwrap().clone();
    assert_eq!(row("agile-working").2, serde_json::json!(["Coached: \"the\" squad #1"]));
    let ddat = row("government-digital-and-data-perspective");
    assert_eq!((ddat.1, ddat.2), (serde_json::json!("working"), serde_json::json!(["Shipped the beta"])));
    let file = yaml(&out);
    assert_eq!(file["assessor"], "self");
    assert_eq!(file["date"].as_str(), Some(pm_skills::profile::today().to_string().as_str()));
    assert_eq!(listing(dir.path()), ["me.yaml"]);
}

#[test]
fn skill_revisits_some_skills_of_a_profile_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let before = rows(&out);
    let (old, old_file) = (std::fs::read_to_string(&out).unwrap(), yaml(&out));
    // Financial Ownership (asked first, in the role's order): Enter keeps it and its evidence;
    // User Focus: expert, with evidence. No --force: replacing the profile is the point.
    let run = cmd()
        .args(["assess", "--out", path(&out), "--skill", "user-focus", "--skill", "fin", "--date", "2026-06-01"])
        .write_stdin("\n\n4\nSet up monthly research with contact-centre staff\n")
        .output()
        .unwrap();
    let ui = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{ui}");
    assert!(run.stdout.is_empty());
    assert!(ui.contains("[1/2] Financial Ownership") && ui.contains("[2/2] User Focus"), "{ui}");
    assert!(!ui.contains("[1/10]") && !ui.contains("Your name"), "{ui}");
    assert_ne!(std::fs::read_to_string(&out).unwrap(), old);
    let after = rows(&out);
    for (b, a) in before.iter().zip(&after) {
        if b.0 == "user-focus" {
            assert_eq!(
                (&a.1, &a.2),
                (
                    &serde_json::json!("expert"),
                    &serde_json::json!(["Set up monthly research with contact-centre staff"])
                )
            );
        } else {
            assert_eq!(a, b, "kept as it was");
        }
    }
    let file = yaml(&out);
    assert_eq!(file["date"], "2026-06-01");
    for field in ["name", "level", "assessor", "framework"] {
        assert_eq!(file[field], old_file[field], "{field}");
    }
    assert!(ui.contains(&format!("Updated {}: 2 revisited", out.display())), "{ui}");
    assert_eq!(listing(dir.path()), ["me.yaml"]);
}

#[test]
fn skill_reads_the_framework_the_profile_names() {
    let dir = tempfile::tempdir().unwrap();
    let first = json(&["--framework", "ddat-2025", "skills"])["skills"][0]["id"].as_str().unwrap().to_string();
    let out = dir.path().join("me.yaml");
    std::fs::write(&out, format!("name: Kim\nframework: ddat-2025\nlevel: associate\nskills:\n  {first}: working\n"))
        .unwrap();
    cmd()
        .args(["assess", "--out", path(&out), "--skill", &first])
        .write_stdin("3\n\n")
        .assert()
        .success()
        .stderr(contains("Current answer: Working"));
    let file = yaml(&out);
    assert_eq!((file["framework"].as_str(), file["level"].as_str()), (Some("ddat-2025"), Some("associate")));
    assert_eq!(file["skills"][first.as_str()], "practitioner");
}

#[test]
fn skill_on_a_missing_profile_says_how_to_write_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    cmd()
        .args(["assess", "--out", path(&out), "--skill", "user-focus"])
        .write_stdin(all_answers("Ada", "3"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!(
            "{} does not exist; --skill revisits skills of a profile written before",
            out.display()
        )))
        .stderr(contains(format!("pm-skills assess --out {}", out.display())))
        .stderr(contains("Your name").not());
    assert!(listing(dir.path()).is_empty(), "nothing written");
}

#[test]
fn skill_that_names_nothing_suggests_the_nearest_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let old = std::fs::read(&out).unwrap();
    cmd()
        .args(["assess", "--out", path(&out), "--skill", "user-fokus"])
        .write_stdin("4\n\n")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("unknown skill `user-fokus`"))
        .stderr(contains("did you mean `user-focus`?"))
        .stderr(contains("[1/").not());
    assert_eq!(std::fs::read(&out).unwrap(), old);
    assert_eq!(listing(dir.path()), ["me.yaml"]);
    // A bad profile is named by file and line before anything is asked.
    std::fs::write(&out, "name: Sam\nskills:\n  user-focs: working\n").unwrap();
    cmd()
        .args(["assess", "--out", path(&out), "--skill", "user-focus"])
        .write_stdin("4\n\n")
        .assert()
        .code(1)
        .stderr(contains(format!("{}:3: error: unknown skill `user-focs`", out.display())))
        .stderr(contains("[1/").not());
}

#[test]
fn an_interrupted_revisit_resumes_from_its_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let out = checkin(dir.path());
    let old = std::fs::read(&out).unwrap();
    let revisit = || {
        let mut c = cmd();
        c.args(["assess", "--out", path(&out), "--skill", "agile", "--skill", "product-ownership"]);
        c
    };
    revisit()
        .write_stdin("4\nCoached a squad\n")
        .assert()
        .code(1)
        .stderr(contains("input ended after 1 of 2 questions"))
        .stderr(contains("me.yaml.revisit.draft"));
    assert_eq!(std::fs::read(&out).unwrap(), old, "the profile is replaced only at the end");
    revisit().write_stdin("\n\n").assert().success().stderr(contains("(1 of 2 questions answered)"));
    let rows = rows(&out);
    let agile = rows.iter().find(|r| r.0 == "agile-working").unwrap();
    assert_eq!((&agile.1, &agile.2), (&serde_json::json!("expert"), &serde_json::json!(["Coached a squad"])));
    assert_eq!(listing(dir.path()), ["me.yaml"]);
}

#[test]
fn soft_skills_are_asked_where_the_levels_rate_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let ladder = example_path("custom-ladder");
    let assess = |extra: &[&str]| {
        let mut c = cmd();
        c.args(["--data", &ladder, "--role", "designer", "assess", "--out", path(&out)]).args(extra);
        c
    };
    let answers = "Sam\nsenior\n3\n\n3\n\n3\n\nmodel\nAsks why in every review\n1\n\n";
    let run = assess(&[]).write_stdin(answers).output().unwrap();
    let ui = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{ui}");
    assert!(ui.contains("[4/5] Curiosity (soft skill)") && ui.contains("(your level expects Steady)"), "{ui}");
    let file = yaml(&out);
    assert_eq!(file["behaviours"]["curiosity"]["proficiency"], "model");
    assert_eq!(file["behaviours"]["curiosity"]["evidence"][0], "Asks why in every review");
    assert_eq!(file["behaviours"]["patience"], "emerging");
    // --skill names a soft skill too, and keeps the rest.
    assess(&["--skill", "patience"]).write_stdin("steady\n\n").assert().success();
    let again = yaml(&out);
    assert_eq!(again["behaviours"]["patience"], "steady");
    assert_eq!(
        (&again["behaviours"]["curiosity"], &again["skills"]),
        (&file["behaviours"]["curiosity"], &file["skills"])
    );
}

#[test]
fn profile_new_writes_the_date_and_the_assessor() {
    let today = pm_skills::profile::today();
    let text = stdout(&["profile", "new"]);
    let file: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    // The run may cross midnight: either day is right.
    let date = file["date"].as_str().unwrap().to_string();
    assert!(date == today.to_string() || date == pm_skills::profile::today().to_string(), "{date}");
    assert!(text.contains(&format!("\ndate: {date}\nassessor: \"self\"\n")), "{text}");
    let text = stdout(&["profile", "new", "--assessor", " Dana Reyes ", "--date", "2026-03-02T09:30:00"]);
    assert!(text.contains("\nname: \"Their Name\"\ndate: 2026-03-02\nassessor: \"Dana Reyes\"\n"), "{text}");
    for (args, message) in [
        (&["profile", "new", "--date", "2026-02-30"][..], "invalid value '2026-02-30' for '--date <DATE>'"),
        (&["profile", "new", "--date", "last tuesday"], "not a date written YYYY-MM-DD (year-month-day)"),
        (&["profile", "new", "--assessor", " "], "expected a name, or self"),
        (&["assess", "--out", "me.yaml", "--date", "03/02/2026"], "not a date written YYYY-MM-DD (year-month-day)"),
    ] {
        cmd().args(args).assert().code(2).stdout("").stderr(contains(message));
    }
}

/// `assess` in a real terminal 40 columns wide: tmux runs it, answers are typed one at a time,
/// and the pane is captured twice, as shown and with the lines the terminal itself wrapped joined
/// (`-J`): the two agree only if pm-skills broke every line before the terminal had to.
#[test]
#[ignore = "needs tmux"]
fn assess_in_a_narrow_real_terminal_wraps_every_line_itself() {
    let tmux_ok = Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success());
    assert!(tmux_ok, "this test needs tmux, which is not installed (`bash .ci/run` installs it)");
    let dir = tempfile::tempdir().unwrap();
    let socket = format!("pm-skills-assess-{}", std::process::id());
    let tmux = |args: &[&str]| Command::new("tmux").arg("-L").arg(&socket).args(args).output().unwrap();
    // Run in the folder, so the draft's name in the closing lines is short.
    let command = format!(
        "env -u COLUMNS -u PM_SKILLS_DATA TERM=xterm '{}' assess --out me.yaml --level pm; sleep 600",
        env!("CARGO_BIN_EXE_pm-skills")
    );
    let folder = path(dir.path());
    let started = tmux(&["new-session", "-d", "-s", "a", "-x", "40", "-y", "50", "-c", folder, &command]);
    assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
    let capture = |joined: bool| {
        let mut args = vec!["capture-pane", "-p", "-S", "-", "-t", "a"];
        if joined {
            args.push("-J");
        }
        String::from_utf8_lossy(&tmux(&args).stdout).into_owned()
    };
    // A hang guard, not a timing check.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    let wait_for = |marker: &str, count: usize| {
        while capture(false).matches(marker).count() < count {
            assert!(std::time::Instant::now() < deadline, "never saw `{marker}` ×{count}:\n{}", capture(false));
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    let typed = |text: &str| {
        if !text.is_empty() {
            tmux(&["send-keys", "-t", "a", "-l", text]);
        }
        tmux(&["send-keys", "-t", "a", "Enter"]);
    };
    for (marker, count, text) in [
        ("Your name:", 1, "Ada"),
        ("Your proficiency", 1, "3"),
        ("Evidence (", 1, "Led it"),
        ("Your proficiency", 2, "b"),
        ("Your proficiency", 3, ""),
        ("Evidence (", 2, ""),
        ("Your proficiency", 4, "q"),
    ] {
        wait_for(marker, count);
        typed(text);
    }
    wait_for("Stopped after", 1);
    let (shown, joined) = (capture(false), capture(true));
    tmux(&["kill-server"]);
    let lines = |text: &str| text.lines().map(|l| l.trim_end().to_string()).collect::<Vec<_>>();
    assert_eq!(lines(&joined), lines(&shown), "the terminal had to wrap a line:\n{shown}");
    for line in lines(&shown) {
        assert!(pm_skills::text::width(&line) <= 40, "over 40 columns: {line:?}");
    }
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    let agile = json(&["skills", "agile-working"]);
    let description = agile["skill"]["description"].as_str().unwrap();
    assert!(flat.contains(&description.split_whitespace().collect::<Vec<_>>().join(" ")), "{shown}");
    assert!(flat.contains("Current answer: Practitioner evidence: Led it"), "{shown}");
    assert!(dir.path().join("me.yaml.draft").is_file());
}

/// The product manager's guide shows a revisit's first question as a text block (a console block
/// cannot give answers): it is what the command it names prints, at the guide's 100 columns.
#[test]
fn the_readmes_revisit_question_is_real() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/product-manager.md")).unwrap();
    let command = "pm-skills assess --out me.yaml --skill user-focus --skill financial\n```\n\n```text\n";
    let start = readme.find(command).expect("the guide's revisit example") + command.len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    assert!(block.starts_with("[1/2] Financial Ownership\n"), "{block}");
    let dir = tempfile::tempdir().unwrap();
    checkin(dir.path());
    let run = cmd()
        .current_dir(dir.path())
        .env("COLUMNS", "100")
        .args(["assess", "--out", "me.yaml", "--skill", "user-focus", "--skill", "financial"])
        .write_stdin("q\n")
        .output()
        .unwrap();
    let ui = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{ui}");
    assert!(ui.contains(block.trim_end()), "the guide's block is not what assess prints:\n{ui}");
}
