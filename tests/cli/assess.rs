//! Self-assessment: profiles, `gap` for a person and a team, `diff --path`, `assess`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{cmd, json, stdout};

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team").join(name).to_str().unwrap().to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn gap_defaults_to_the_level_above_and_sorts_biggest_first() {
    let v = json(&["gap", "--profile", &example("priya.yaml")]);
    assert_eq!(v["person"]["name"], "Priya Shah");
    assert_eq!(v["person"]["level"]["id"], "product-manager");
    assert_eq!(v["target"]["id"], "senior");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[0]["skill"]["id"], "operational-management");
    assert_eq!(rows[0]["gap"], 2);
    assert_eq!(rows[0]["status"], "grow");
    for key in ["skill", "have", "need", "gap", "status", "meaning", "evidence"] {
        assert!(rows[0].get(key).is_some(), "rows[].{key}");
    }
    assert_eq!(v["summary"]["met"], 6);
    assert_eq!(v["summary"]["grow"], 4);
    assert!(v["summary"]["text"].as_str().unwrap().starts_with("meets 6 of 10; 4 to grow: Operational Management"));
    let table = stdout(&["gap", "--profile", &example("priya.yaml")]);
    assert!(table.contains("Priya Shah: meets 6 of 10; 4 to grow"), "{table}");
}

#[test]
fn unassessed_skills_are_shown_and_never_met() {
    let v = json(&["gap", "--profile", &example("tom.yaml"), "--to", "lead"]);
    let unassessed: Vec<&serde_json::Value> =
        v["rows"].as_array().unwrap().iter().filter(|r| r["status"] == "unassessed").collect();
    assert_eq!(unassessed.len(), 2);
    assert!(unassessed.iter().all(|r| r["have"].is_null() && r["gap"].is_null()));
    assert_eq!(v["summary"]["unassessed"], 2);
    assert_eq!(v["summary"]["ready"], false);
    let out = stdout(&["gap", "-p", &example("tom.yaml"), "--to", "lead"]);
    assert!(out.contains("unassessed"));
    assert!(out.contains("2 unassessed: Strategic Focus, User Focus"), "{out}");
}

#[test]
fn only_gaps_and_exit_code_on_gap() {
    let v = json(&["gap", "-p", &example("priya.yaml"), "--only-gaps"]);
    assert!(v["rows"].as_array().unwrap().iter().all(|r| r["status"] != "met"));
    assert_eq!(v["rows"].as_array().unwrap().len(), 4);
    cmd().args(["gap", "-p", &example("priya.yaml"), "--exit-code"]).assert().code(3);
    // Meeting everything (an all-expert profile against the first level) exits 0.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("name: Max\nskills:\n");
    for id in json(&["skills"])["skills"].as_array().unwrap() {
        text.push_str(&format!("  {}: expert\n", id["id"].as_str().unwrap()));
    }
    let max = write(dir.path(), "max.yaml", &text);
    cmd().args(["gap", "-p", max.to_str().unwrap(), "--to", "head", "--exit-code"]).assert().code(0);
    // An unassessed skill is still a gap for --exit-code.
    cmd().args(["gap", "-p", &example("tom.yaml"), "--to", "senior", "--exit-code"]).assert().code(3);
}

#[test]
fn team_view_matrix_and_totals() {
    let team_dir = Path::new(&example("priya.yaml")).parent().unwrap().to_str().unwrap().to_string();
    let v = json(&["gap", "--team", &team_dir, "--to", "lead"]);
    let people: Vec<&str> =
        v["people"].as_array().unwrap().iter().map(|p| p["person"]["name"].as_str().unwrap()).collect();
    assert_eq!(people, ["Priya Shah", "Tom Evans"]);
    let skills = v["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 10);
    let totals: Vec<i64> = skills.iter().map(|s| s["total_gap"].as_i64().unwrap()).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    let ddat = skills.iter().find(|s| s["skill"]["id"] == "government-digital-and-data-perspective").unwrap();
    assert_eq!(ddat["gaps"], serde_json::json!([1, 1]));
    assert_eq!(ddat["total_gap"], 2);
    let strategic = skills.iter().find(|s| s["skill"]["id"] == "strategic-focus").unwrap();
    assert_eq!(strategic["gaps"], serde_json::json!([1, null]));
    // Two --profile flags give the same team as the folder.
    let v2 = json(&["gap", "-p", &example("priya.yaml"), "-p", &example("tom.yaml"), "--to", "lead"]);
    assert_eq!(v2["skills"], v["skills"]);
    let table = stdout(&["gap", "--team", &team_dir, "--to", "lead"]);
    // The header may wrap at its space: "Team" over "gap".
    assert!(table.contains("Team") && table.contains(" gap ") && table.contains('✓') && table.contains('?'), "{table}");
    let csv = stdout(&["gap", "--team", &team_dir, "--to", "lead", "-f", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("person,file,level,"));
    assert_eq!(lines.len(), 4, "header, two people, team total");
    assert!(lines[3].starts_with("(team total)"));
    cmd().args(["gap", "--team", &team_dir, "--to", "lead", "--exit-code"]).assert().code(3);
}

#[test]
fn gap_needs_a_level_or_to() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "p.yaml", "name: Sam\nskills:\n  user-focus: working\n");
    cmd().args(["gap", "-p", p.to_str().unwrap()]).assert().code(1).stderr(contains("--to LEVEL"));
    let top = write(dir.path(), "top.yaml", "name: Sam\nlevel: head\n");
    cmd().args(["gap", "-p", top.to_str().unwrap()]).assert().code(1).stderr(contains("already at the top level"));
    cmd().arg("gap").assert().code(2);
}

#[test]
fn bad_profiles_name_file_line_and_suggest() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "unknown skill",
            "name: A\nlevel: pm\nskills:\n  user-focs: working\n",
            &[":4:", "unknown skill `user-focs`", "did you mean `user-focus`?"],
        ),
        (
            "unknown proficiency",
            "name: A\nlevel: pm\nskills:\n  user-focus: advanced\n",
            &[":4:", "`advanced` is not a proficiency; expected one of: awareness, working, practitioner, expert"],
        ),
        ("unknown level", "name: A\nlevel: senoir\n", &[":2:", "unknown level `senoir`", "did you mean `senior`?"]),
        (
            "duplicate skill",
            "name: A\nlevel: pm\nskills:\n  user-focus: working\n  User Focus: expert\n",
            &[":5:", "assessed twice"],
        ),
        ("not YAML", "name: [unclosed\n", &["error"]),
        ("unknown field", "name: A\nlevle: pm\n", &[":2:", "unknown field `levle`", "did you mean `level`?"]),
        (
            "not a mapping",
            "- just\n- a list\n",
            &["expected a profile: a mapping with `name` and `skills`; found a list"],
        ),
    ];
    for (what, text, expected) in cases {
        let path = write(dir.path(), "bad.yaml", text);
        let out = cmd()
            .args(["gap", "-p", &example("priya.yaml"), "-p", path.to_str().unwrap(), "--to", "lead"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{what}");
        assert!(out.stdout.is_empty(), "{what}: nothing half-written on stdout");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bad.yaml"), "{what}: names the file: {err}");
        assert!(!err.contains("priya.yaml"), "{what}: blames only the bad file: {err}");
        for want in *expected {
            assert!(err.contains(want), "{what}: expected `{want}` in {err}");
        }
    }
    cmd()
        .args(["gap", "-p", "/nonexistent/me.yaml", "--to", "lead"])
        .assert()
        .code(1)
        .stderr(contains("/nonexistent/me.yaml"))
        .stderr(contains("no such file"));
}

/// The same person written in the form pm-skills writes and in other YAML forms gets the same
/// report: one YAML reader reads every profile.
#[test]
fn a_profile_reads_the_same_in_plain_form_and_in_any_other_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read_to_string(example("priya.yaml")).unwrap();
    // The same data in forms only a YAML parser reads: single and double quotes, flow
    // collections, an anchor, and a document marker.
    let other = "---\nname: 'Priya Shah'\nframework: dvla\nlevel: &lvl product-manager\nskills: {\n  agile-working: {proficiency: expert, evidence: [Introduced fortnightly show-and-tells and coached a new squad through its first quarter.]},\n  government-digital-and-data-perspective: practitioner,\n  experience-of-working-within-constraints: {proficiency: working, evidence: Re-planned the beta around a GDPR data-retention finding.},\n  financial-ownership: 'practitioner',\n  lifecycle-perspective: {proficiency: practitioner, evidence: ['Took the licence-renewal service from alpha to public beta.', Wrote the retirement plan for the legacy phone line.]},\n  operational-management: \"working\",\n  problem-ownership: {proficiency: expert, evidence: Framed the renewal drop-off problem and led the hypothesis tests.},\n  product-ownership: practitioner, strategic-focus: practitioner,\n  user-focus: {proficiency: expert, evidence: Ran assisted-digital research in three contact centres.}\n}\n";
    let (a, b) = (write(dir.path(), "plain.yaml", &plain), write(dir.path(), "other.yaml", other));
    let report = |path: &Path| {
        let mut v = json(&["gap", "--profile", path.to_str().unwrap()]);
        v["person"]["file"] = serde_json::Value::Null;
        v
    };
    assert_eq!(report(&a), report(&b));
    assert_eq!(report(&a)["summary"]["met"], 6);
}

#[test]
fn profile_from_standard_input() {
    let text = std::fs::read_to_string(example("priya.yaml")).unwrap();
    let out = cmd().args(["gap", "-p", "-", "-f", "json"]).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["person"]["file"], "<stdin>");
    assert_eq!(v["target"]["id"], "senior");
}

#[test]
fn profile_new_is_a_template_that_gap_accepts() {
    let text = stdout(&["profile", "new", "--level", "product-manager"]);
    assert!(text.contains("level: product-manager"));
    assert_eq!(text.matches(": ~").count(), 10);
    assert!(text.contains("#   practitioner:"));
    let dir = tempfile::tempdir().unwrap();
    let me = write(dir.path(), "me.yaml", &text);
    let v = json(&["gap", "-p", me.to_str().unwrap()]);
    assert_eq!(v["summary"]["unassessed"], 10);
    assert_eq!(v["summary"]["met"], 0);
    cmd().args(["profile", "new", "--level", "senoir"]).assert().code(1).stderr(contains("did you mean `senior`?"));
}

#[test]
fn assess_with_scripted_answers_writes_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    // Each answer is followed by its evidence question: a line of evidence, or Enter.
    let answers = "Ada Lovelace\nproduct-manager\n3\nCoached a new squad\n2\n\n2\n\n3\n\n2\n\n3\n\n3\n\n3\n\n3\n\ns\n";
    let run = cmd().args(["assess", "--out", out.to_str().unwrap()]).write_stdin(answers).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.is_empty(), "questions go to stderr");
    let ui = String::from_utf8_lossy(&run.stderr);
    assert!(ui.contains("[1/10] Agile Working") && ui.contains("Practitioner:"), "{ui}");
    assert!(ui.contains("Wrote"), "{ui}");
    let v = json(&["gap", "-p", out.to_str().unwrap()]);
    assert_eq!(v["person"]["name"], "Ada Lovelace");
    assert_eq!(v["target"]["id"], "senior");
    assert_eq!(v["summary"]["unassessed"], 1);
    let agile = v["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == "agile-working").unwrap().clone();
    assert_eq!(agile["evidence"], serde_json::json!(["Coached a new squad"]));
    // No temporary or draft files remain.
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert_eq!(names, ["me.yaml"]);
}

#[test]
fn assess_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = write(dir.path(), "me.yaml", "precious: true\n");
    cmd()
        .args(["assess", "--out", out.to_str().unwrap()])
        .write_stdin(all_answers("Ada", "3"))
        .assert()
        .code(1)
        .stderr(contains("already exists; use --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious: true\n");
    cmd()
        .args(["assess", "--out", out.to_str().unwrap(), "--force"])
        .write_stdin(all_answers("Ada", "3"))
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("name: \"Ada\""));
}

#[test]
fn assess_interrupted_keeps_a_draft_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    cmd()
        .args(["assess", "--out", out.to_str().unwrap(), "--level", "pm"])
        .write_stdin("Ada\n4\n\n4\n\n")
        .assert()
        .code(1)
        .stderr(contains("input ended after 2 of 10 questions"))
        .stderr(contains("me.yaml.draft"));
    assert!(!out.exists());
    cmd()
        .args(["assess", "--out", out.to_str().unwrap(), "--level", "pm"])
        .write_stdin("1\n\n".repeat(7) + "q\n")
        .assert()
        .success()
        .stderr(contains("Resuming from"))
        .stderr(contains("Stopped after 9 of 10"));
    cmd().args(["assess", "--out", out.to_str().unwrap(), "--level", "pm"]).write_stdin("2\n\n").assert().success();
    let v = json(&["gap", "-p", out.to_str().unwrap(), "--to", "pm"]);
    let rows = v["rows"].as_array().unwrap();
    let have = |id: &str| rows.iter().find(|r| r["skill"]["id"] == id).unwrap()["have"]["id"].clone();
    assert_eq!(have("agile-working"), "expert");
    assert_eq!(have("financial-ownership"), "awareness");
    assert_eq!(have("user-focus"), "working");
}

#[test]
fn diff_path_shows_each_step_and_the_net() {
    let v = json(&["diff", "product-manager", "head", "--path"]);
    let steps = v["steps"].as_array().unwrap();
    let hops: Vec<(String, String)> = steps
        .iter()
        .map(|s| (s["from"]["id"].as_str().unwrap().into(), s["to"]["id"].as_str().unwrap().into()))
        .collect();
    assert_eq!(
        hops,
        [("product-manager".into(), "senior".into()), ("senior".into(), "lead".into()), ("lead".into(), "head".into())]
    );
    assert_eq!(v["net"]["from"]["id"], "product-manager");
    assert_eq!(v["net"]["to"]["id"], "head");
    // The per-step changes add up to the net change for every skill.
    for row in v["net"]["rows"].as_array().unwrap() {
        let id = &row["skill"]["id"];
        let sum: i64 = steps
            .iter()
            .map(|s| {
                s["rows"].as_array().unwrap().iter().find(|r| &r["skill"]["id"] == id).unwrap()["change"]
                    .as_i64()
                    .unwrap()
            })
            .sum();
        assert_eq!(sum, row["change"].as_i64().unwrap(), "{id}");
    }
    let out = stdout(&["diff", "product-manager", "head", "--path"]);
    assert!(out.contains("Step 1: Product Manager → Senior Product Manager"));
    assert!(out.contains("Step 3: Lead Product Manager → Head of Product"));
    assert!(out.contains("Net change: Product Manager → Head of Product"));
    let csv = stdout(&["diff", "pm", "head", "--path", "-f", "csv"]);
    assert!(csv.starts_with("step,from_level,to_level,skill_id"));
    assert_eq!(csv.lines().filter(|l| l.starts_with("net,")).count(), 10);
    cmd().args(["diff", "pm", "head", "--path", "--exit-code"]).assert().code(3);
}

#[test]
fn every_new_report_supports_every_format() {
    let team_dir = Path::new(&example("priya.yaml")).parent().unwrap().to_str().unwrap().to_string();
    let priya = example("priya.yaml");
    let commands: [&[&str]; 3] =
        [&["gap", "-p", &priya], &["gap", "--team", &team_dir, "--to", "lead"], &["diff", "pm", "head", "--path"]];
    for args in commands {
        for format in ["table", "json", "yaml", "csv", "markdown"] {
            let out = stdout(&[args, &["--format", format][..]].concat());
            assert!(!out.is_empty(), "{args:?} {format}");
            match format {
                "json" => assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok()),
                "yaml" => assert!(serde_yaml::from_str::<serde_json::Value>(&out).is_ok()),
                "markdown" => assert!(out.starts_with("# ") && out.contains("|---|")),
                "csv" => {
                    let mut r = csv::Reader::from_reader(out.as_bytes());
                    let width = r.headers().unwrap().len();
                    assert!(r.records().all(|rec| rec.unwrap().len() == width), "{args:?}");
                }
                _ => assert!(predicate::str::contains("│").eval(&out)),
            }
        }
    }
}

#[test]
fn assess_refuses_a_folder_before_asking_anything() {
    let dir = tempfile::tempdir().unwrap();
    cmd()
        .args(["assess", "--out", dir.path().to_str().unwrap(), "--force"])
        .write_stdin("Ada\n")
        .assert()
        .code(1)
        .stderr(contains("it is a directory"))
        .stderr(contains("Your name").not());
}

/// Answers for every question of the built-in framework's 10 skills, each `answer` with no
/// evidence.
pub fn all_answers(name: &str, answer: &str) -> String {
    format!("{name}\n\n{}", format!("{answer}\n\n").repeat(10))
}

/// The files in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    names.sort();
    names
}

/// `assess` started with its input and error output in pipes, for the tests that act while it
/// waits for an answer. The child starts with Ctrl-C's default action, whatever the test runner
/// was started with.
pub fn spawn_assess(args: &[&str]) -> std::process::Child {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pm-skills"));
    command
        .args(args)
        .env_remove("PM_SKILLS_DATA")
        .env("COLUMNS", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        // SAFETY: `signal` is async-signal-safe, as code between fork and exec must be.
        unsafe {
            command.pre_exec(|| {
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                Ok(())
            });
        }
    }
    command.spawn().unwrap()
}

/// Kills the child if the test is still at it after 180 s, so that a run that hangs fails its
/// test rather than stalling the suite. Dropping it, when the test is done, stops it.
pub struct Watchdog {
    _done: std::sync::mpsc::Sender<()>,
}

pub fn watchdog(child: &std::process::Child) -> Watchdog {
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let pid = child.id();
    std::thread::spawn(move || {
        if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(std::time::Duration::from_secs(180))
        {
            // SAFETY: a plain kill(2) of the test's own child, not yet waited for.
            #[cfg(unix)]
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
            #[cfg(not(unix))]
            let _ = pid;
        }
    });
    Watchdog { _done: done }
}

/// Reads the child's stderr into `seen` until `marker` has appeared `count` times in all of it.
pub fn read_until(child: &mut std::process::Child, seen: &mut String, marker: &str, count: usize) {
    use std::io::Read as _;
    let stderr = child.stderr.as_mut().unwrap();
    let mut byte = [0u8; 1];
    while seen.matches(marker).count() < count {
        let n = stderr.read(&mut byte).unwrap();
        assert!(n == 1, "the run ended before `{marker}` ×{count}: {seen}");
        seen.push(char::from(byte[0]));
    }
}

pub fn answer(child: &mut std::process::Child, text: &str) {
    use std::io::Write as _;
    child.stdin.as_mut().unwrap().write_all(text.as_bytes()).unwrap();
}

#[test]
fn a_second_assess_on_the_same_profile_is_refused_while_the_first_runs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let out_str = out.to_str().unwrap();
    let mut alice = spawn_assess(&["assess", "--out", out_str]);
    let _watchdog = watchdog(&alice);
    let mut seen = String::new();
    answer(&mut alice, "Alice\n\n3\n\n");
    read_until(&mut alice, &mut seen, "Your proficiency", 2);
    let draft = dir.path().join("me.yaml.draft");
    let before = (std::fs::read(&draft).unwrap(), listing(dir.path()));
    for extra in [&[][..], &["--restart"], &["--force"]] {
        cmd()
            .args(["assess", "--out", out_str])
            .args(extra)
            .write_stdin(all_answers("Bob", "1"))
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(format!("another assess is writing {out_str}")))
            .stderr(contains("Your name").not());
        assert_eq!((std::fs::read(&draft).unwrap(), listing(dir.path())), before, "{extra:?} touched nothing");
    }
    answer(&mut alice, &"3\n\n".repeat(9));
    drop(alice.stdin.take());
    assert!(alice.wait().unwrap().success());
    let v = json(&["gap", "-p", out_str, "--to", "senior"]);
    assert_eq!(v["person"]["name"], "Alice");
    assert!(v["rows"].as_array().unwrap().iter().all(|r| r["have"]["id"] == "practitioner"), "{v}");
    assert_eq!(listing(dir.path()), ["me.yaml"]);
}

/// A draft left by a run that stopped after `answers` (name, no level, then proficiencies).
fn real_draft(dir: &Path, answers: &str) -> (PathBuf, String) {
    let out = dir.join("me.yaml");
    cmd().args(["assess", "--out", out.to_str().unwrap()]).write_stdin(answers).assert().code(1);
    let draft = dir.join("me.yaml.draft");
    let text = std::fs::read_to_string(&draft).unwrap();
    (draft, text)
}

#[test]
fn a_draft_that_is_a_link_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("shadow");
    std::fs::write(&secret, "root:x:0:0:secret-password-hash:/root:/bin/bash\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("me.yaml.draft")).unwrap();
    let out = dir.path().join("me.yaml");
    let run = cmd().args(["assess", "--out", out.to_str().unwrap()]).write_stdin("Ada\n").output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("me.yaml.draft is a symbolic link") && err.contains("--restart"), "{err}");
    assert!(!err.contains("root:x") && !err.contains("secret"), "{err}");
    // --restart removes the link, never the file it points to.
    cmd()
        .args(["assess", "--out", out.to_str().unwrap(), "--restart"])
        .write_stdin(all_answers("Bea", "1"))
        .assert()
        .success();
    assert!(secret.is_file() && out.is_file());
}

#[test]
fn a_draft_that_does_not_parse_or_match_is_refused_and_restart_starts_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let out_str = out.to_str().unwrap();
    let (draft, text) = real_draft(dir.path(), "Ada\n\n3\n\n2\n\n");
    let skills_at = text.find("\nskills:\n").unwrap();
    let cases = [
        ("cut short", text[..skills_at + 12].to_string()),
        ("unknown skill", text.replace("\n  agile-working:", "\n  agile-workin:")),
        ("wrong proficiency", text.replace("  agile-working: practitioner", "  agile-working: guru")),
        ("other framework", text.replace("framework: dvla", "framework: ddat-2025")),
        ("not a profile", "- a\n- list\n".to_string()),
    ];
    for (what, bad) in cases {
        assert_ne!(bad, text, "{what}");
        std::fs::write(&draft, &bad).unwrap();
        let run = cmd().args(["assess", "--out", out_str]).write_stdin(all_answers("Bea", "1")).output().unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{what}: {err}");
        assert!(err.contains(draft.to_str().unwrap()), "{what}: names the draft: {err}");
        assert!(
            err.contains("start again from the first question, run the same command with --restart"),
            "{what}: {err}"
        );
        assert!(!err.contains("Your name") && !err.contains("[1/10]"), "{what}: asked nothing: {err}");
        assert_eq!(std::fs::read_to_string(&draft).unwrap(), bad, "{what}: the draft is kept");
        assert!(!out.exists(), "{what}");
    }
    cmd()
        .args(["assess", "--out", out_str, "--restart"])
        .write_stdin(all_answers("Bea", "1"))
        .assert()
        .success()
        .stderr(contains("Resuming").not())
        .stderr(contains("[1/10]"));
    let v = json(&["gap", "-p", out_str, "--to", "senior"]);
    assert_eq!(v["person"]["name"], "Bea");
    assert!(v["rows"].as_array().unwrap().iter().all(|r| r["have"]["id"] == "awareness"), "{v}");
    assert_eq!(listing(dir.path()), ["me.yaml"]);
    // A draft for another role of the framework is refused, saying which role it is for.
    let ladder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder");
    let with_role = |role: &str| {
        let mut c = cmd();
        c.args(["--data", ladder.to_str().unwrap(), "--role", role, "assess", "--out", out_str]);
        c
    };
    std::fs::remove_file(&out).unwrap();
    with_role("designer").write_stdin("Ada\n\n1\n").assert().code(1);
    let before = std::fs::read(&draft).unwrap();
    with_role("engineer")
        .write_stdin("1\n1\n1\n")
        .assert()
        .code(1)
        .stderr(contains("is for the role `designer`, but the role in use is `engineer`"))
        .stderr(contains("--role designer"))
        .stderr(contains("[1/").not());
    assert_eq!(std::fs::read(&draft).unwrap(), before);
    // The designer's levels rate two soft skills, asked after its three skills.
    with_role("designer")
        .write_stdin("1\n\n".repeat(4))
        .assert()
        .success()
        .stderr(contains("(1 of 5 questions answered)"));
}

#[test]
fn a_draft_resumes_after_its_last_answer_whatever_its_header_says() {
    // Cut short after the third answer; the header still says five.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let (draft, text) = real_draft(dir.path(), "Ada\n\n1\n\n2\n\n3\n\n4\n\n1\n\n");
    assert!(text.starts_with("# Draft: 5 of 10"), "{text}");
    let is_answer = |l: &&str| l.starts_with("  ") && !l.trim_start().starts_with('#') && l.contains(": ");
    let third = text.lines().filter(is_answer).nth(2).unwrap();
    let cut = &text[..text.find(third).unwrap() + third.len() + 1];
    assert!(cut.ends_with(": practitioner\n"), "{cut}");
    // A lying header: ten of ten, with three answered.
    let (_, three) = real_draft(tempfile::tempdir().unwrap().path(), "Ada\n\n1\n\n2\n\n3\n\n");
    let lying = three.replacen("# Draft: 3 of 10", "# Draft: 10 of 10", 1);
    for (what, bad) in [("cut short", cut.to_string()), ("lying header", lying)] {
        std::fs::write(&draft, bad).unwrap();
        cmd()
            .args(["assess", "--out", out.to_str().unwrap()])
            .write_stdin("4\n\n".repeat(7))
            .assert()
            .success()
            .stderr(contains("(3 of 10 questions answered)"))
            .stderr(contains("[4/10]"));
        let v = json(&["gap", "-p", out.to_str().unwrap(), "--to", "senior"]);
        assert_eq!(v["summary"]["unassessed"], 0, "{what}: {v}");
        let rows = v["rows"].as_array().unwrap();
        let have = |id: &str| rows.iter().find(|r| r["skill"]["id"] == id).unwrap()["have"]["id"].clone();
        assert_eq!(have("agile-working"), "awareness", "{what}");
        assert_eq!(have("user-focus"), "expert", "{what}");
        std::fs::remove_file(&out).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_keeps_the_answers_in_the_draft_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let draft = dir.path().join("me.yaml.draft");
    let mut child = spawn_assess(&["assess", "--out", out.to_str().unwrap()]);
    let _watchdog = watchdog(&child);
    let mut seen = String::new();
    answer(&mut child, "Ada\n\n4\n\n");
    read_until(&mut child, &mut seen, "Your proficiency", 2);
    // SAFETY: a plain kill(2) of our own child.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) }, 0);
    let status = child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut rest).unwrap();
    assert_eq!(status.code(), Some(130), "{status:?}: {seen}{rest}");
    // The note is wrapped like the questions: read it with its line breaks as spaces.
    let note = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(note.contains(&format!("your answers so far are kept in {}", draft.display())), "{rest}");
    assert_eq!(listing(dir.path()), ["me.yaml.draft"], "the draft and nothing else");
    cmd()
        .args(["assess", "--out", out.to_str().unwrap()])
        .write_stdin("1\n\n".repeat(9))
        .assert()
        .success()
        .stderr(contains("(1 of 10 questions answered)"));
    let v = json(&["gap", "-p", out.to_str().unwrap(), "--to", "senior"]);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.iter().find(|r| r["skill"]["id"] == "agile-working").unwrap()["have"]["id"], "expert");
}

#[test]
fn assess_wraps_its_questions_at_the_terminal_width() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let run = cmd()
        .env("COLUMNS", "100")
        .args(["assess", "--out", out.to_str().unwrap(), "--level", "senior"])
        .write_stdin(format!("Ada\n{}", "2\n\n".repeat(10)))
        .output()
        .unwrap();
    assert!(run.status.success());
    let ui = String::from_utf8(run.stderr).unwrap();
    // On a terminal the Enter that ends each answer ends the prompt's line; in a pipe the next
    // text follows the prompt on the same line.
    let screen = ui.replace("]: ", "]:\n").replace("): ", "):\n").replace("name: ", "name:\n");
    for line in screen.lines() {
        // Only a single word wider than the terminal (a long temporary path) may stand out.
        let one_word = !line.trim().contains(' ');
        assert!(pm_skills::text::width(line) <= 100 || one_word, "over 100 columns: {line:?}");
    }
    // Every word arrives whole: the text, with its line breaks as spaces, holds each sentence.
    let flat = ui.split_whitespace().collect::<Vec<_>>().join(" ");
    for skill in json(&["skills"])["skills"].as_array().unwrap() {
        let one = json(&["skills", skill["id"].as_str().unwrap()]);
        let mut texts = vec![one["skill"]["description"].as_str().unwrap().to_string()];
        texts.extend(one["proficiencies"].as_array().unwrap().iter().map(|p| p["meaning"].as_str().unwrap().into()));
        for text in texts {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&text), "not whole in the questions: {text}");
        }
    }
}

#[test]
fn assess_prints_framework_text_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/injection");
    let run = cmd()
        .args(["--data", data.to_str().unwrap(), "assess", "--out", out.to_str().unwrap()])
        .write_stdin("Eve\nnope\ntwo\n1\n\n2\n\n3\n\n")
        .output()
        .unwrap();
    let ui = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{ui}");
    assert!(ui.contains("(your level expects") && ui.contains("\\x1b[31mred"), "{ui}");
    for (at, c) in ui.char_indices().chain(String::from_utf8(run.stdout).unwrap().char_indices()) {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        assert!(!(bidi || c.is_control() && c != '\n'), "raw {c:?} at byte {at}: {ui}");
    }
}

#[cfg(unix)]
#[test]
fn assess_refuses_a_symlink_to_a_profile_and_names_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.yaml");
    cmd().args(["assess", "--out", real.to_str().unwrap()]).write_stdin(all_answers("Ada", "3")).assert().success();
    let before = std::fs::read(&real).unwrap();
    let out = dir.path().join("me.yaml");
    std::os::unix::fs::symlink("real.yaml", &out).unwrap();
    let runs: [&[&str]; 3] = [&[], &["--force"], &["--skill", "user-focus"]];
    for extra in runs {
        cmd()
            .args(["assess", "--out", out.to_str().unwrap()])
            .args(extra)
            .write_stdin(all_answers("Ada", "1"))
            .assert()
            .code(1)
            .stderr(contains(format!("{} is a symbolic link to real.yaml", out.display())))
            .stderr(contains(format!("assess --out {}", std::fs::canonicalize(&real).unwrap().display())))
            .stderr(contains("Your name").not());
        assert!(std::fs::symlink_metadata(&out).unwrap().file_type().is_symlink(), "{extra:?}");
        assert_eq!(std::fs::read(&real).unwrap(), before, "{extra:?}");
        assert_eq!(listing(dir.path()), ["me.yaml", "real.yaml"], "{extra:?}");
    }
}

#[cfg(unix)]
#[test]
fn assess_refuses_a_dangling_symlink_before_asking_anything() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    std::os::unix::fs::symlink(dir.path().join("missing/me.yaml"), &out).unwrap();
    for force in [&[][..], &["--force"]] {
        cmd()
            .args(["assess", "--out", out.to_str().unwrap()])
            .args(force)
            .write_stdin(all_answers("Ada", "3"))
            .assert()
            .code(1)
            .stderr(contains(format!("{} is a symbolic link to", out.display())))
            .stderr(contains("Your name").not());
        assert!(std::fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
        assert_eq!(listing(dir.path()), ["me.yaml"], "{force:?}");
    }
    // A file in a folder that does not exist is refused as early.
    let nowhere = dir.path().join("missing/me.yaml");
    cmd()
        .args(["assess", "--out", nowhere.to_str().unwrap()])
        .write_stdin(all_answers("Ada", "3"))
        .assert()
        .code(1)
        .stderr(contains(format!("the folder {} does not exist", dir.path().join("missing").display())))
        .stderr(contains("Your name").not());
}

#[cfg(unix)]
#[test]
fn assess_force_keeps_the_old_files_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let out = write(dir.path(), "me.yaml", "old: true\n");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    cmd()
        .args(["assess", "--out", out.to_str().unwrap(), "--force"])
        .write_stdin(all_answers("Ada", "3"))
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("name: \"Ada\""));
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o7777, 0o640);
}

#[test]
fn input_ending_before_any_answer_suggests_the_template_for_the_same_file_and_framework() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ada's profile.yaml");
    let err = cmd()
        .args(["--framework", "ddat-2025", "assess", "--out", out.to_str().unwrap()])
        .write_stdin("")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("input ended after 0 of"), "{err}");
    let quoted = pm_skills::text::shell_word(out.to_str().unwrap());
    assert!(
        err.contains(&format!("pm-skills --framework ddat-2025 profile new > {quoted}")),
        "the hint names the file and framework of this run: {err}"
    );
    assert!(!err.contains("me.yaml"), "{err}");
}

/// The command `assess` suggests at the end is never broken across lines, however narrow the
/// terminal: it stands whole on a line of its own under "Next:".
#[test]
fn the_next_command_after_assess_stands_whole_on_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a-profile-with-a-rather-long-name.yaml");
    let run = cmd()
        .env("COLUMNS", "40")
        .args(["assess", "--out", out.to_str().unwrap()])
        .write_stdin(all_answers("Ada", "3"))
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let err = String::from_utf8(run.stderr).unwrap();
    let want = format!("  pm-skills gap --profile {}", out.display());
    let lines: Vec<&str> = err.lines().collect();
    let at = lines.iter().position(|l| *l == "Next:").unwrap_or_else(|| panic!("{err}"));
    assert_eq!(lines[at + 1], want, "{err}");
}
