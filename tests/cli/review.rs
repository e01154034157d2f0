//! `gap --profile me.yaml --review manager.yaml`: a reviewer's assessment beside the person's own,
//! on the growth examples (Sam Okafor's June check-in and Dana Reyes's review of it) and the
//! edge-case fixtures in `tests/fixtures/review/`.

use std::path::Path;

use crate::common::{cmd, fixture_path, json, stdout};

fn example(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/growth").join(rel).to_str().unwrap().to_string()
}

/// Sam's self-assessment and Dana's review of it.
fn sam() -> (String, String) {
    (example("checkins/2026-06-01.yaml"), example("review-2026-06-03.yaml"))
}

fn review_args<'a>(own: &'a str, review: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["gap", "--profile", own, "--review", review];
    args.extend_from_slice(extra);
    args
}

/// The table view, wide enough that no line wraps, so a test can look for whole lines.
fn wide(args: &[&str]) -> String {
    let out = cmd().env("COLUMNS", "400").args(args).output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A failed run: the exit code, nothing on stdout, and the stderr text.
fn refused(args: &[&str], code: i32) -> String {
    let out = cmd().args(args).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: a failed run wrote to stdout");
    err
}

fn names(rows: &serde_json::Value, key: &str, value: &str) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r[key] == value)
        .map(|r| r["skill"]["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_has_both_sides_in_full_and_puts_disagreements_first() {
    let (own, review) = sam();
    let v = json(&review_args(&own, &review, &[]));
    assert_eq!(v["target"]["id"], "senior", "the level above the self-assessment's");
    assert_eq!(v["self"]["person"], "Sam Okafor");
    assert_eq!((&v["self"]["assessor"], &v["self"]["date"]), (&"self".into(), &"2026-06-01".into()));
    assert!(v["self"]["file"].as_str().unwrap().ends_with("2026-06-01.yaml"));
    assert_eq!((&v["reviewer"]["assessor"], &v["reviewer"]["date"]), (&"Dana Reyes".into(), &"2026-06-03".into()));
    assert!(v["reviewer"]["file"].as_str().unwrap().ends_with("review-2026-06-03.yaml"));
    let rows = &v["rows"];
    assert_eq!(rows.as_array().unwrap().len(), 10);
    let kinds: Vec<&str> = rows.as_array().unwrap().iter().map(|r| r["agreement"].as_str().unwrap()).collect();
    assert_eq!(kinds, [["disagree"; 5], ["agree"; 5]].concat());
    assert_eq!(
        names(rows, "agreement", "disagree"),
        [
            "Government Digital and Data Perspective",
            "Financial Ownership",
            "Operational Management",
            "Product Ownership",
            "User Focus"
        ]
    );
    // Financial Ownership: Sam says working (a gap), Dana practitioner (met), with Dana's evidence.
    let financial = &rows[1];
    assert_eq!(financial["need"]["id"], "practitioner");
    assert_eq!(
        (&financial["self"]["have"]["id"], &financial["self"]["gap"], &financial["self"]["status"]),
        (&"working".into(), &1.into(), &"grow".into())
    );
    assert_eq!(
        (&financial["reviewer"]["have"]["id"], &financial["reviewer"]["gap"], &financial["reviewer"]["status"]),
        (&"practitioner".into(), &0.into(), &"met".into())
    );
    assert_eq!((&financial["agree"], &financial["difference"]), (&false.into(), &1.into()));
    assert_eq!(
        financial["reviewer"]["evidence"][0],
        "The shared-platform cost model was approved by the finance board unchanged."
    );
    assert_eq!(financial["self"]["evidence"][0], "Found I had not yet owned a business case from start to finish.");
    let s = &v["summary"];
    assert_eq!((&s["self"]["met"], &s["reviewer"]["met"], &s["skills"]), (&6.into(), &6.into(), &10.into()));
    assert_eq!(
        (&s["agree"], &s["disagree"], &s["reviewer_higher"], &s["reviewer_lower"]),
        (&5.into(), &5.into(), &2.into(), &3.into())
    );
    assert_eq!(
        s["text"],
        "Sam Okafor sees 6 of 10 skills as met; Dana Reyes sees 6. They disagree on 5: Dana Reyes rates 3 lower \
         (Government Digital and Data Perspective, Operational Management, User Focus) and 2 higher (Financial \
         Ownership, Product Ownership); they agree on 5."
    );
    // YAML is the same document.
    let yaml: serde_json::Value =
        serde_yaml::from_str(&stdout(&review_args(&own, &review, &["--format", "yaml"]))).unwrap();
    assert_eq!(yaml, v);
}

#[test]
fn csv_has_one_row_per_skill_with_both_sides_columns() {
    let (own, review) = sam();
    let text = stdout(&review_args(&own, &review, &["--format", "csv"]));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in
        ["skill_id", "need", "self_have", "self_status", "reviewer_have", "reviewer_status", "agree", "difference"]
    {
        assert!(header.contains(&column.to_string()), "{column}: {header:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 10);
    let at = |row: &csv::StringRecord, name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    let gov = &rows[0];
    assert_eq!(at(gov, "skill_id"), "government-digital-and-data-perspective");
    assert_eq!(
        (at(gov, "self_have"), at(gov, "reviewer_have"), at(gov, "difference")),
        ("practitioner".into(), "working".into(), "-1".into())
    );
    assert_eq!(
        (at(gov, "self_status"), at(gov, "reviewer_status"), at(gov, "agree")),
        ("met".into(), "grow".into(), "false".into())
    );
    assert_eq!((at(gov, "person"), at(gov, "reviewer")), ("Sam Okafor".into(), "Dana Reyes".into()));
    assert!(at(gov, "self_evidence").starts_with("Took the appointments service"));
    assert_eq!(rows.iter().filter(|r| at(r, "agree") == "true").count(), 5);
}

#[test]
fn table_and_markdown_show_both_sides_dates_and_labelled_evidence() {
    let (own, review) = sam();
    let table = wide(&review_args(&own, &review, &[]));
    for want in [
        "Sam Okafor (Product Manager) against Senior Product Manager: self-assessment and review",
        "Self-assessment: Sam Okafor, 2026-06-01,",
        "Review:          Dana Reyes, 2026-06-03,",
        "Sam Okafor (self)",
        "Agree",
        "no, −1",
        "no, +1",
        "- Sam Okafor: Found I had not yet owned a business case from start to finish.",
        "- Dana Reyes: The shared-platform cost model was approved by the finance board unchanged.",
        "Sam Okafor sees 6 of 10 skills as met; Dana Reyes sees 6.",
    ] {
        assert!(table.contains(want), "table: {want:?} in\n{table}");
    }
    // Each skill's notes come under it: Sam's, then Dana's.
    let financial = table.find("  • Financial Ownership:").expect("a Financial Ownership item");
    let rest = &table[financial..];
    assert!(rest.find("- Sam Okafor: Found").unwrap() < rest.find("- Dana Reyes: The shared-platform").unwrap());
    assert!(rest.find("- Dana Reyes: The shared-platform").unwrap() < rest.find("  • Product Ownership:").unwrap());

    let md = stdout(&review_args(&own, &review, &["--format", "markdown"]));
    for want in [
        "| Skill | Sam Okafor (self) | Dana Reyes | Needs | Agree |",
        "| Financial Ownership | ●●○○ Working | ●●●○ Practitioner | ●●●○ Practitioner | no, +1 |",
        "- **Review:** Dana Reyes, 2026-06-03,",
        "## Evidence",
        "- Financial Ownership:\n  - Sam Okafor: Found I had not yet owned",
        "  - Dana Reyes: Other teams now copy the appointments team's review format.",
    ] {
        assert!(md.contains(want), "markdown: {want:?} in\n{md}");
    }
}

#[test]
fn html_draws_three_outlines_named_in_the_legend_and_keeps_the_evidence() {
    let (own, review) = sam();
    let html = stdout(&review_args(&own, &review, &["--format", "html"]));
    assert_eq!(html.matches("class=\"series ").count(), 3);
    assert_eq!(html.matches("class=\"axis\"").count(), 10);
    for legend in ["Senior Product Manager needs", "Sam Okafor (self)", "Dana Reyes"] {
        assert!(html.contains(&format!(">{legend}</text>")), "legend {legend}");
    }
    assert!(html.contains("Dana Reyes: The shared-platform cost model"));
}

#[test]
fn a_review_of_someone_else_is_a_warning_and_the_report_still_runs() {
    let (own, _) = sam();
    let other = fixture_path("review/other-name.yaml");
    let out = cmd().args(review_args(&own, &other, &["--format", "json"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("warning: the review "), "{err}");
    for part in ["other-name.yaml", "`Alex Morgan`", "2026-06-01.yaml", "`Sam Okafor`"] {
        assert!(err.contains(part), "{part} in {err}");
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((&v["self"]["person"], &v["reviewer"]["person"]), (&"Sam Okafor".into(), &"Alex Morgan".into()));
    // The human view says whose review it is.
    let md = cmd().args(review_args(&own, &other, &["--format", "markdown"])).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("- **Review:** Dana Reyes, 2026-06-03, "), "{md}");
    assert!(md.contains("other-name.yaml; the review names Alex Morgan\n"), "{md}");
}

#[test]
fn a_review_without_an_assessor_is_the_reviewers() {
    let (own, _) = sam();
    let anonymous = fixture_path("review/no-assessor.yaml");
    let v = json(&review_args(&own, &anonymous, &[]));
    assert_eq!(
        (&v["reviewer"]["assessor"], &v["reviewer"]["date"]),
        (&serde_json::Value::Null, &serde_json::Value::Null)
    );
    assert_eq!(
        v["summary"]["text"],
        "Sam Okafor sees 6 of 10 skills as met; the reviewer sees 5. They disagree on 1: the reviewer rates 1 lower \
         (Agile Working); they agree on 9."
    );
    let md = stdout(&review_args(&own, &anonymous, &["--format", "markdown"]));
    assert!(md.contains("| Skill | Sam Okafor (self) | Reviewer | Needs | Agree |"), "{md}");
}

#[test]
fn skills_left_unassessed_are_shown_counted_and_never_agreed_on() {
    let (own, _) = sam();
    let partial = fixture_path("review/partial.yaml");
    let v = json(&review_args(&own, &partial, &[]));
    let rows = &v["rows"];
    let blank = names(rows, "agreement", "reviewer_unassessed");
    assert_eq!(blank, ["Government Digital and Data Perspective", "Financial Ownership", "User Focus"]);
    for row in rows.as_array().unwrap().iter().filter(|r| r["agreement"] == "reviewer_unassessed") {
        assert_eq!((&row["agree"], &row["difference"]), (&false.into(), &serde_json::Value::Null));
        assert_eq!(
            (&row["reviewer"]["have"], &row["reviewer"]["status"]),
            (&serde_json::Value::Null, &"unassessed".into())
        );
    }
    // After the one disagreement, before the agreements.
    assert_eq!(rows[0]["agreement"], "disagree");
    assert_eq!(rows[4]["agreement"], "agree");
    assert_eq!((&v["summary"]["reviewer_unassessed"], &v["summary"]["reviewer"]["unassessed"]), (&3.into(), &3.into()));
    assert!(v["summary"]["text"].as_str().unwrap().ends_with(
        "; 3 assessed only by Sam Okafor: Government Digital and Data Perspective, Financial Ownership, User Focus."
    ));
    // A review dated before the self-assessment is fine: both dates are shown.
    let table = wide(&review_args(&own, &partial, &[]));
    assert!(table.contains("Sam Okafor, 2026-06-01,") && table.contains("Jo Patel, 2026-05-20,"), "{table}");
    assert!(table.contains("?: not assessed by both"), "{table}");

    // Blank on both sides: the self-assessment leaves Financial Ownership and User Focus out too.
    let own_partial = fixture_path("review/self-partial.yaml");
    let v = json(&review_args(&own_partial, &partial, &[]));
    assert_eq!(names(&v["rows"], "agreement", "both_unassessed"), ["Financial Ownership", "User Focus"]);
    assert_eq!(names(&v["rows"], "agreement", "reviewer_unassessed"), ["Government Digital and Data Perspective"]);
    assert!(
        v["summary"]["text"].as_str().unwrap().contains("; 2 assessed by neither: Financial Ownership, User Focus.")
    );
}

#[test]
fn only_gaps_and_exit_code_look_at_both_sides() {
    let (own, review) = sam();
    // Against Product Manager, Sam sees a gap in Financial Ownership and Dana in Operational
    // Management: both rows stay, the rest are met on both sides and go.
    let v = json(&review_args(&own, &review, &["--to", "product-manager", "--only-gaps"]));
    assert_eq!(v["only_gaps"], true);
    let kept: Vec<&str> = v["rows"].as_array().unwrap().iter().map(|r| r["skill"]["id"].as_str().unwrap()).collect();
    assert_eq!(kept, ["financial-ownership", "operational-management"]);
    assert_eq!(v["summary"]["skills"], 10, "the summary counts every skill");
    let status = |args: &[&str]| cmd().args(args).output().unwrap().status.code();
    assert_eq!(status(&review_args(&own, &review, &["--to", "product-manager", "--exit-code"])), Some(3));
    // Both at expert everywhere: nothing to grow on either side, so 0, and no rows are left.
    let dir = tempfile::tempdir().unwrap();
    let expert = |name: &str, assessor: &str| {
        let mut text =
            format!("name: Sam Okafor\nassessor: {assessor}\nframework: dvla\nlevel: product-manager\nskills:\n");
        for skill in crate::pictures::fixture::DVLA_SKILLS {
            text.push_str(&format!("  {skill}: expert\n"));
        }
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let (me, them) = (expert("me.yaml", "self"), expert("them.yaml", "Dana Reyes"));
    assert_eq!(status(&review_args(&me, &them, &["--exit-code"])), Some(0));
    let none = json(&review_args(&me, &them, &["--only-gaps"]));
    assert_eq!((none["rows"].as_array().unwrap().len(), &none["summary"]["agree"]), (0, &10.into()));
    // One side short of the target is enough for --exit-code.
    assert_eq!(status(&review_args(&me, &review, &["--exit-code"])), Some(3));
}

#[test]
fn a_review_can_come_from_standard_input() {
    let (own, review) = sam();
    let out = cmd()
        .args(["gap", "--profile", &own, "--review", "-", "--format", "json"])
        .write_stdin(std::fs::read(&review).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((&v["reviewer"]["file"], &v["summary"]["disagree"]), (&"<stdin>".into(), &5.into()));
}

#[test]
fn a_review_with_a_team_or_several_profiles_is_a_usage_error_that_says_why() {
    let (own, review) = sam();
    let team = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team");
    let team = team.to_str().unwrap();
    let err = refused(&["gap", "--team", team, "--review", &review], 2);
    assert!(
        err.contains("--review puts a review of one person beside their own profile, so it cannot be used with --team"),
        "{err}"
    );
    let err = refused(&["gap", "--profile", &own, "--team", team, "--review", &review], 2);
    assert!(err.contains("cannot be used with --team"), "{err}");
    let err = refused(&["gap", "-p", &own, "-p", &review, "--review", &review], 2);
    assert!(err.contains("so it takes one --profile, not 2"), "{err}");
    assert!(err.contains("Usage: pm-skills gap"), "{err}");
    let err = refused(&["gap", "--review", &review], 2);
    assert!(err.contains("--profile <FILE>"), "{err}");
}

#[test]
fn a_review_for_another_framework_an_unknown_file_or_the_same_file_is_refused() {
    let (own, _) = sam();
    let other = fixture_path("review/other-framework.yaml");
    let err = refused(&review_args(&own, &other, &[]), 1);
    assert!(err.contains("the profiles are for different frameworks (2)"), "{err}");
    assert!(err.contains("2026-06-01.yaml:5: `dvla`") && err.contains("other-framework.yaml:5: `ddat-2025`"), "{err}");
    let err = refused(&review_args(&own, "no-such-review.yaml", &[]), 1);
    assert!(err.contains("cannot read no-such-review.yaml: no such file or directory"), "{err}");
    let err = refused(&review_args(&own, &own, &[]), 1);
    assert!(err.contains("is given as both the self-assessment and the review"), "{err}");
    let err = refused(&["gap", "--profile", "-", "--review", "-"], 1);
    assert!(err.contains("standard input can be read once"), "{err}");
}
