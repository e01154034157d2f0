//! `gap` and the profiles it is given: the framework a profile names, evidence in every human
//! format, and a person given twice.

use std::path::{Path, PathBuf};

use crate::common::{cmd, copy_example, json, refused, stdout};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team").join(name)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// A profile for the second built-in framework, which the default one does not know.
const DDAT: &str = "name: Ann\nframework: ddat-2025\nlevel: associate\nskills:\n  product-management: working\n  strategic-ownership:\n    proficiency: awareness\n";

#[test]
fn gap_uses_the_builtin_framework_a_profile_names() {
    let dir = tempfile::tempdir().unwrap();
    let ann = write(dir.path(), "ann.yaml", DDAT);
    let v = json(&["gap", "--profile", &ann]);
    assert_eq!(v["framework"]["id"], "ddat-2025");
    assert_eq!(v["target"]["id"], "product-manager");
    assert_eq!(v["summary"]["skills"], 9);
    // The flag that agrees changes nothing.
    assert_eq!(json(&["--framework", "ddat", "gap", "--profile", &ann]), v);
    // Two people on that framework, as a team.
    write(dir.path(), "bo.yaml", &DDAT.replace("Ann", "Bo"));
    let team = json(&["gap", "--team", dir.path().to_str().unwrap()]);
    assert_eq!(team["framework"]["id"], "ddat-2025");
    assert_eq!(team["summary"]["people"], 2);
}

#[test]
fn a_flag_that_disagrees_with_the_profile_is_one_error_without_per_skill_noise() {
    let dir = tempfile::tempdir().unwrap();
    let ann = write(dir.path(), "ann.yaml", DDAT);
    let data = copy_example("custom-ladder");
    for flags in [vec!["--framework", "dvla"], vec!["--data", data.path().to_str().unwrap()]] {
        let mut args = flags.clone();
        args.extend(["gap", "--profile", &ann, "--to", "senior"]);
        let err = refused(&args);
        assert!(err.contains("ann.yaml:2:"), "{flags:?}: {err}");
        assert!(err.contains("the profile is for framework `ddat-2025`"), "{flags:?}: {err}");
        for noise in ["unknown skill", "unknown level", "did you mean"] {
            assert!(!err.contains(noise), "{flags:?}: `{noise}` in {err}");
        }
        assert_eq!(err.lines().filter(|l| l.contains(": error: ")).count(), 1, "{flags:?}: one problem: {err}");
    }
    // A framework that is not built in, with no --data: one error that says to give its folder.
    let own = write(dir.path(), "own.yaml", &DDAT.replace("ddat-2025", "acme-ladder"));
    let err = refused(&["gap", "--profile", &own, "--to", "senior"]);
    assert!(err.contains("for framework `acme-ladder`") && err.contains("--data"), "{err}");
    assert!(!err.contains("unknown skill"), "{err}");
}

#[test]
fn profiles_that_name_different_frameworks_are_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let ann = write(dir.path(), "ann.yaml", DDAT);
    let priya = example("priya.yaml");
    let priya = priya.to_str().unwrap();
    for args in [
        vec!["gap", "--profile", priya, "--profile", &ann, "--to", "senior"],
        vec!["gap", "--profile", &ann, "--profile", priya, "--to", "senior"],
        vec!["--framework", "dvla", "gap", "--profile", priya, "--profile", &ann, "--to", "senior"],
    ] {
        let err = refused(&args);
        assert!(err.starts_with("error: the profiles are for different frameworks"), "{args:?}: {err}");
        assert!(err.contains("`dvla`") && err.contains("`ddat-2025`"), "{args:?}: {err}");
        assert!(err.contains("priya.yaml") && err.contains("ann.yaml"), "{args:?}: {err}");
        assert!(!err.contains("unknown skill") && !err.contains("unknown level"), "{args:?}: {err}");
    }
}

#[test]
fn a_first_profile_naming_no_framework_disagrees_with_a_later_one_that_names_another() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("priya.yaml")).unwrap().replace("framework: dvla\n", "");
    assert!(!text.contains("framework:"));
    let first = write(dir.path(), "a.yaml", &text);
    write(dir.path(), "b.yaml", DDAT);
    let err = refused(&["gap", "--team", dir.path().to_str().unwrap(), "--to", "senior"]);
    assert!(err.starts_with("error: the profiles are for different frameworks"), "{err}");
    assert!(err.contains(&format!("{first} (names none, so the default): `dvla`")), "{err}");
    assert!(err.contains("b.yaml:2: `ddat-2025`"), "{err}");
    // No flag was given, so no advice to leave one out.
    assert!(!err.contains("leave out"), "{err}");
    // A later profile naming the default itself agrees.
    write(dir.path(), "b.yaml", &text.replace("name: Priya Shah", "name: Bo\nframework: dvla"));
    assert_eq!(json(&["gap", "--team", dir.path().to_str().unwrap(), "--to", "senior"])["summary"]["people"], 2);
}

#[test]
fn evidence_is_shown_under_its_skill_in_every_human_format() {
    let priya = example("priya.yaml");
    let priya = priya.to_str().unwrap();
    let evidence = "Re-planned the beta around a GDPR data-retention finding.";
    let table = stdout(&["gap", "--profile", priya]);
    let at = table.find("\nEvidence\n").unwrap_or_else(|| panic!("no evidence section: {table}"));
    let section = &table[at..];
    let skill = section.find("  • Experience of Working within Constraints:\n").expect("the skill, then its evidence");
    assert!(section[skill..].contains(&format!(":\n    - {evidence}\n")), "{section}");
    assert!(section.contains("    - Took the licence-renewal service from alpha to public beta.\n"), "{section}");
    assert!(section.contains("    - Wrote the retirement plan for the legacy phone line.\n"), "{section}");
    let md = stdout(&["gap", "--profile", priya, "--format", "markdown"]);
    assert!(md.contains("## Evidence\n"), "{md}");
    assert!(md.contains(&format!("- Experience of Working within Constraints:\n  - {evidence}\n")), "{md}");
    let html = stdout(&["gap", "--profile", priya, "--format", "html"]);
    assert!(html.contains("<h2>Evidence</h2>"), "{html}");
    assert!(html.contains(&format!("<li>Experience of Working within Constraints:<br>- {evidence}</li>")), "{html}");
    // --only-gaps hides the met skills and their evidence with them.
    let gaps = stdout(&["gap", "--profile", priya, "--only-gaps"]);
    assert!(gaps.contains(evidence) && !gaps.contains("Ran assisted-digital research"), "{gaps}");
}

#[test]
fn hostile_evidence_is_sanitised_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\x1b]0;pwned\x07<script>alert(1)</script> | *bold* [link](http://evil.example)";
    let text = format!(
        "name: Sam\nlevel: pm\nskills:\n  user-focus:\n    proficiency: working\n    evidence:\n      - {}\n",
        serde_json::to_string(evil).unwrap()
    );
    let sam = write(dir.path(), "sam.yaml", &text);
    for colour in ["never", "always"] {
        let table = stdout(&["gap", "--profile", &sam, "--color", colour]);
        assert!(table.contains("\\x1b]0;pwned\\x07<script>"), "{table}");
        assert!(!table.contains("\x07") && !table.contains("\x1b]"), "{table}");
    }
    let md = stdout(&["gap", "--profile", &sam, "--format", "markdown"]);
    assert!(md.contains("\\\\x1b\\]0;pwned\\\\x07\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\[link\\]"), "{md}");
    let html = stdout(&["gap", "--profile", &sam, "--format", "html"]);
    assert!(html.contains("\\x1b]0;pwned\\x07&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(!html.contains("<script") && !html.contains('\x1b'), "{html}");
    // The exact text is kept where scripts read it.
    let v = json(&["gap", "--profile", &sam]);
    let row = v["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == "user-focus").unwrap();
    assert_eq!(row["evidence"][0], evil);
}

/// Runs a `gap` that succeeds with warnings: returns the JSON and stderr.
fn warned(args: &[&str]) -> (serde_json::Value, String) {
    let out = cmd().args(args).args(["--format", "json"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    (serde_json::from_slice(&out.stdout).unwrap(), err)
}

fn people(v: &serde_json::Value) -> Vec<&str> {
    v["people"].as_array().unwrap().iter().map(|p| p["person"]["name"].as_str().unwrap()).collect()
}

#[test]
fn a_person_given_twice_is_counted_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    for name in ["priya.yaml", "tom.yaml"] {
        std::fs::copy(example(name), team.join(name)).unwrap();
    }
    let t = team.to_str().unwrap();
    // The same file, spelt another way, from --profile and from the team folder.
    let me = format!("{t}/./priya.yaml");
    let (v, err) = warned(&["gap", "--team", t, "--profile", &me, "--to", "lead"]);
    assert_eq!(people(&v), ["Priya Shah", "Tom Evans"]);
    assert_eq!(v["summary"]["people"], 2);
    let file = team.join("priya.yaml");
    let want = format!("warning: {me} and {} are the same file; counted once\n", file.display());
    assert_eq!(err, want);
    // Two files that name the same person.
    let copy = write(dir.path(), "priya-again.yaml", &std::fs::read_to_string(example("priya.yaml")).unwrap());
    let (v, err) = warned(&["gap", "--team", t, "--profile", &copy, "--to", "lead"]);
    assert_eq!(people(&v), ["Priya Shah", "Tom Evans"]);
    assert_eq!(
        err,
        format!(
            "warning: two profiles are named `Priya Shah`: {copy} and {}; counted once, from {copy} (the first read), \
             leaving out {}\n",
            file.display(),
            file.display()
        )
    );
    // The report still goes to stdout whole, and the table view counts the same people.
    let out = cmd().args(["gap", "--team", t, "--profile", &copy, "--to", "lead"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("Team against Lead Product Manager (2 people)"));
}

#[test]
fn warnings_are_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let text = "name: \"Mal\\e[2J\\e]0;pwned\\alory\"\nlevel: pm\nskills:\n  user-focus: working\n";
    let a = write(dir.path(), "a.yaml", text);
    let b = write(dir.path(), "b.yaml", text);
    let (v, err) = warned(&["gap", "--profile", &a, "--profile", &b, "--to", "senior"]);
    assert_eq!(v["person"]["name"], "Mal\x1b[2J\x1b]0;pwned\x07lory");
    assert!(err.starts_with("warning: two profiles are named `Mal\\x1b[2J\\x1b]0;pwned\\x07lory`"), "{err}");
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
}

/// The closing summaries of `gap`, `gap --review` and `progress` wrap at the width between words,
/// as the prose around them does, and say the same words as one line in a pipe.
#[test]
fn summaries_wrap_at_the_width_between_words() {
    let file = |name: &str| example("../growth").join(name).to_str().unwrap().to_string();
    let (june, march, review) =
        (file("checkins/2026-06-01.yaml"), file("checkins/2026-03-02.yaml"), file("review-2026-06-03.yaml"));
    let runs: [(&str, Vec<&str>); 3] = [
        ("Sam Okafor: ", vec!["gap", "--profile", &june]),
        ("Sam Okafor sees ", vec!["gap", "--profile", &june, "--review", &review]),
        ("Sam Okafor: ", vec!["progress", &march, &june]),
    ];
    for (start, args) in runs {
        let narrow = cmd().env("COLUMNS", "40").args(&args).output().unwrap();
        let narrow = String::from_utf8(narrow.stdout).unwrap();
        let last = narrow.split("\n\n").filter(|part| part.starts_with(start)).last();
        let summary: Vec<&str> = last.unwrap_or_else(|| panic!("{args:?}:\n{narrow}")).lines().collect();
        assert!(summary.len() > 1, "{args:?} summary not wrapped:\n{narrow}");
        assert!(summary.iter().all(|l| l.chars().count() <= 40), "{args:?}:\n{narrow}");
        // The same words as the unwrapped line, none of them broken.
        let whole = cmd().env_remove("COLUMNS").args(&args).output().unwrap();
        let whole = String::from_utf8(whole.stdout).unwrap();
        let line = whole.lines().rev().find(|l| l.starts_with(start)).unwrap();
        assert_eq!(summary.join(" "), line, "{args:?}");
    }
}

/// A team folder holding Sam's self-assessment and their manager's review counts one of them by
/// a rule people can predict, not by which file name sorts first: the newer date, then on the
/// same date the self-assessment. The warning names the file used and the one left out.
#[test]
fn a_self_assessment_and_a_review_of_one_person_count_the_newer_then_the_self_assessment() {
    let growth = example("../growth");
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("a-dana-review.yaml");
    std::fs::copy(growth.join("review-2026-06-03.yaml"), &review).unwrap();
    let own = std::fs::read_to_string(growth.join("checkins/2026-06-01.yaml")).unwrap();
    let t = dir.path().to_str().unwrap();
    for (date, why) in [("2026-06-10", "the newer date"), ("2026-06-03", "the self-assessment, on the same date")] {
        let mine = write(dir.path(), "z-sam.yaml", &own.replace("date: 2026-06-01", &format!("date: {date}")));
        let (v, err) = warned(&["gap", "--team", t]);
        assert_eq!(people(&v), ["Sam Okafor"]);
        assert_eq!(v["people"][0]["person"]["file"].as_str(), Some(mine.as_str()), "{v}");
        assert_eq!(
            err,
            format!(
                "warning: two profiles are named `Sam Okafor`: {} and {mine}; counted once, from {mine} ({why}), \
                 leaving out {}\n",
                review.display(),
                review.display()
            )
        );
    }
    // An older self-assessment gives way to the newer review.
    write(dir.path(), "z-sam.yaml", &own);
    let (v, err) = warned(&["gap", "--team", t]);
    assert_eq!(v["people"][0]["person"]["file"].as_str(), review.to_str(), "{v}");
    assert!(err.contains(&format!("counted once, from {} (the newer date)", review.display())), "{err}");
}
