//! `progress`: one person's check-ins over time, in every format, from files or a history
//! folder, and every refusal (one check-in, no date, one date twice, two people, two frameworks).

use std::path::Path;

use crate::common::{cmd, copy_fixture, example_path, fixture_path, json, path, stdout};

fn example(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/growth").join(name);
    p.to_str().unwrap().to_string()
}

/// Sam's two check-ins (March, June).
fn sam() -> [String; 2] {
    [example("checkins/2026-03-02.yaml"), example("checkins/2026-06-01.yaml")]
}

/// `progress FILE…`, parsed as JSON.
fn progress_json(files: &[String]) -> serde_json::Value {
    let mut args = vec!["progress"];
    args.extend(files.iter().map(String::as_str));
    json(&args)
}

/// What a refused run printed: exit 1, nothing on stdout, and the stderr text.
fn refused(args: &[&str]) -> String {
    let err = crate::common::refused(args);
    assert!(err.starts_with("error: "), "{args:?}: {err}");
    err
}

fn status_of(v: &serde_json::Value, skill: &str) -> String {
    let row = v["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == skill);
    row.unwrap_or_else(|| panic!("no row for {skill}: {v}"))["status"].as_str().unwrap().to_string()
}

#[test]
fn json_follows_sam_from_march_to_june_against_senior() {
    let [march, june] = sam();
    let v = json(&["progress", &march, &june]);
    assert_eq!((v["framework"]["id"].as_str(), v["person"].as_str()), (Some("dvla"), Some("Sam Okafor")));
    assert_eq!((v["target"]["id"].as_str(), v["target_from"].as_str()), (Some("senior"), Some("next")));
    let dates: Vec<&str> = v["checkins"].as_array().unwrap().iter().map(|c| c["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2026-03-02", "2026-06-01"]);
    assert_eq!(v["checkins"][0]["assessor"], "self");
    assert_eq!(v["checkins"][1]["level"]["id"], "product-manager");
    assert!(v["checkins"][0]["file"].as_str().unwrap().ends_with("2026-03-02.yaml"));
    let s = &v["summary"];
    assert_eq!(
        s["text"],
        "4 gaps closed since 2026-03-02, 1 opened; 4 remain: 4 to grow (Financial Ownership, Lifecycle Perspective, \
         Operational Management, Product Ownership)"
    );
    let counts: Vec<u64> = ["closed", "opened", "remains", "met", "now_met", "now_gap", "not_reassessed", "unassessed"]
        .iter()
        .map(|k| s[*k].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [4, 1, 3, 1, 1, 0, 0, 0]);
    assert_eq!((s["skills"].as_u64(), s["met_now"].as_u64(), s["ready"].as_bool()), (Some(10), Some(6), Some(false)));
    assert_eq!(
        (s["since"].as_str(), s["latest"].as_str(), s["checkins"].as_u64()),
        (Some("2026-03-02"), Some("2026-06-01"), Some(2))
    );
    for (skill, status) in [
        ("agile-working", "closed"),
        ("government-digital-and-data-perspective", "closed"),
        ("experience-of-working-within-constraints", "closed"),
        ("problem-ownership", "closed"),
        ("financial-ownership", "opened"),
        ("lifecycle-perspective", "remains"),
        ("operational-management", "remains"),
        ("product-ownership", "remains"),
        ("strategic-focus", "met"),
        ("user-focus", "now-met"),
    ] {
        assert_eq!(status_of(&v, skill), status, "{skill}");
    }
    // Rows in the role's order; each with a proficiency per check-in.
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows[0]["skill"]["id"], "agile-working");
    assert_eq!(rows[0]["proficiencies"][0]["id"], "practitioner");
    assert_eq!(rows[0]["proficiencies"][1]["rank"], 4);
    assert_eq!((rows[0]["change"].as_i64(), rows[0]["need"]["id"].as_str()), (Some(1), Some("expert")));
    let financial = rows.iter().find(|r| r["skill"]["id"] == "financial-ownership").unwrap();
    assert_eq!(financial["change"], -1);
    let user = rows.iter().find(|r| r["skill"]["id"] == "user-focus").unwrap();
    assert!(user["proficiencies"][0].is_null() && user["change"].is_null(), "{user}");
    assert_eq!(user["new_evidence"][0]["date"], "2026-06-01");
    assert_eq!(user["new_evidence"][0]["notes"][0], "Set up monthly research with contact-centre staff and callers.");
    // The same note at both check-ins is not new.
    let product = rows.iter().find(|r| r["skill"]["id"] == "product-ownership").unwrap();
    assert_eq!(product["new_evidence"], serde_json::json!([]));
    // YAML is the same report.
    let yaml: serde_json::Value =
        serde_yaml::from_str(&stdout(&["progress", &march, &june, "--format", "yaml"])).unwrap();
    assert_eq!(yaml, v);
}

#[test]
fn csv_has_a_row_per_skill_and_a_column_per_check_in() {
    let [march, june] = sam();
    let text = stdout(&["progress", &march, &june, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        ["person", "target", "skill_id", "skill_name", "need", "2026-03-02", "2026-06-01", "change", "status"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 10);
    let row = |id: &str| rows.iter().find(|r| &r[2] == id).unwrap().iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        row("agile-working"),
        ["Sam Okafor", "senior", "agile-working", "Agile Working", "expert", "practitioner", "expert", "1", "closed"]
    );
    assert_eq!(&row("financial-ownership")[7..], ["-1", "opened"]);
    assert_eq!(&row("user-focus")[5..], ["", "expert", "", "now-met"]);
}

#[test]
fn table_markdown_and_html_show_every_check_in_and_the_summary() {
    let [march, june] = sam();
    let table = stdout(&["progress", &march, &june]);
    assert!(table.starts_with("Sam Okafor: progress against Senior Product Manager\n"), "{table}");
    assert!(table.contains("Closed (4): Agile Working"), "{table}");
    assert!(table.contains("Opened (1): Financial Ownership"), "{table}");
    assert!(table.contains("Met, not assessed on 2026-03-02 (1): User Focus"), "{table}");
    assert!(table.contains("New evidence since 2026-03-02"), "{table}");
    assert!(table.contains("- 2026-06-01: Coached the new payments squad"), "{table}");
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.ends_with("Sam Okafor: 4 gaps closed since 2026-03-02, 1 opened; 4 remain: 4 to grow (Financial Ownership, Lifecycle Perspective, Operational Management, Product Ownership)"), "{table}");

    let md = stdout(&["progress", &march, &june, "--format", "markdown"]);
    assert!(md.contains("| Skill | 2026-03-02 | 2026-06-01 | Needs | Change | Status |"), "{md}");
    assert!(md.contains("## Gaps to Senior Product Manager"), "{md}");
    assert!(md.contains("4 gaps closed since 2026-03-02, 1 opened; 4 remain: 4 to grow ("), "{md}");

    let html = stdout(&["progress", &march, &june, "--format", "html"]);
    assert_eq!(html.matches("<svg").count(), 1, "{html}");
    assert!(html.contains("class=\"chart line\"") && html.contains("role=\"img\""), "{html}");
    assert_eq!(html.matches("class=\"line ").count(), 10, "one line per skill");
    // Practitioner and Expert are asked for: two dashed target lines.
    assert_eq!(html.matches("class=\"target\"").count(), 2);
    // Every assessed value is a point: 9 in March (User Focus unassessed), 10 in June.
    assert_eq!(html.matches("class=\"point\"").count(), 19);
    assert!(html.contains("Operational Management, Product Ownership). The table below"), "{html}");
    assert!(html.find("<svg").unwrap() < html.find("<table>").unwrap());
    assert!(!html.contains("NaN"));
}

#[test]
fn the_order_of_the_arguments_does_not_matter_and_a_history_folder_reads_every_check_in() {
    let [march, june] = sam();
    let forward = json(&["progress", &march, &june]);
    assert_eq!(json(&["progress", &june, &march]), forward);
    assert_eq!(json(&["progress", "--history", &example("checkins")]), forward);

    // Ana's folder: file names out of date order, one `.yml`, and a text file that is skipped.
    let history = fixture_path("progress/history");
    let v = json(&["progress", "--history", &history]);
    let files: Vec<&str> = v["checkins"].as_array().unwrap().iter().map(|c| c["file"].as_str().unwrap()).collect();
    assert!(
        files[0].ends_with("c-winter.yaml")
            && files[1].ends_with("b-spring.yml")
            && files[2].ends_with("a-autumn.yaml"),
        "{files:?}"
    );
    let mut files: Vec<String> = ["a-autumn.yaml", "b-spring.yml", "c-winter.yaml"]
        .iter()
        .map(|f| fixture_path(&format!("progress/history/{f}")))
        .collect();
    assert_eq!(progress_json(&files), v);
    files.swap(0, 1);
    assert_eq!(progress_json(&files), v);
    files.reverse();
    assert_eq!(progress_json(&files), v);
}

#[test]
fn each_unassessed_case_has_its_own_status_and_the_target_comes_from_the_latest_check_in() {
    let v = json(&["progress", "--history", &fixture_path("progress/history")]);
    assert_eq!((v["target"]["id"].as_str(), v["target_from"].as_str()), (Some("lead"), Some("profile")));
    for (skill, status) in [
        ("agile-working", "closed"),
        ("user-focus", "closed"),
        ("financial-ownership", "opened"),
        ("strategic-focus", "opened"),
        ("experience-of-working-within-constraints", "remains"),
        ("government-digital-and-data-perspective", "met"),
        ("operational-management", "now-gap"),
        ("problem-ownership", "now-met"),
        ("lifecycle-perspective", "not-reassessed"),
        ("product-ownership", "unassessed"),
    ] {
        assert_eq!(status_of(&v, skill), status, "{skill}");
    }
    // What remains is the latest check-in as `gap` reads it: every gap there (the two opened,
    // the one that remains, the one not assessed before) and every skill it leaves blank.
    assert_eq!(
        v["summary"]["text"],
        "2 gaps closed since 2026-01-15, 2 opened; 6 remain: 4 to grow (Experience of Working within Constraints, \
         Financial Ownership, Operational Management, Strategic Focus), 2 not assessed (Lifecycle Perspective, \
         Product Ownership)"
    );
    let now = &v["summary"]["readiness"];
    assert_eq!((now["grow"].as_u64(), now["unassessed"].as_u64()), (Some(4), Some(2)));
    let rows = v["rows"].as_array().unwrap();
    let row = |id: &str| rows.iter().find(|r| r["skill"]["id"] == id).unwrap();
    // Change skips the blank in the middle, and is unknown for a skill assessed once.
    assert_eq!(row("experience-of-working-within-constraints")["change"], 0);
    assert_eq!(row("user-focus")["change"], 2);
    assert!(row("lifecycle-perspective")["change"].is_null() && row("product-ownership")["change"].is_null());
    // Evidence new at each check-in, not repeated.
    assert_eq!(
        row("user-focus")["new_evidence"],
        serde_json::json!([
            {"date": "2026-04-20", "notes": ["Set up a research panel of 40 drivers."]},
            {"date": "2026-10-05", "notes": ["Shared findings with three other services."]}
        ])
    );
    // --to wins over the profile's target.
    let senior = json(&["progress", "--history", &fixture_path("progress/history"), "--to", "senior"]);
    assert_eq!((senior["target"]["id"].as_str(), senior["target_from"].as_str()), (Some("senior"), Some("to")));
}

#[test]
fn a_skill_the_target_does_not_expect_is_shown_but_not_counted_and_exit_code_follows_the_last_check_in() {
    let data = example_path("career-map");
    let (one, two) = (fixture_path("progress/career/designer-1.yaml"), fixture_path("progress/career/designer-2.yaml"));
    let v = json(&["--data", &data, "progress", &one, &two, "--to", "designer"]);
    assert_eq!(status_of(&v, "coaching"), "not-expected");
    let coaching = v["rows"].as_array().unwrap().iter().find(|r| r["skill"]["id"] == "coaching").unwrap();
    assert!(coaching["need"].is_null() && coaching["change"] == 1, "{coaching}");
    assert_eq!((v["summary"]["skills"].as_u64(), v["summary"]["ready"].as_bool()), (Some(2), Some(true)));
    assert_eq!(v["summary"]["text"], "1 gap closed since 2026-02-01; none remain");
    let code = |extra: &[&str]| {
        let mut args = vec!["--data", &data, "progress", &one, &two, "--exit-code"];
        args.extend_from_slice(extra);
        cmd().args(&args).output().unwrap().status.code()
    };
    assert_eq!(code(&["--to", "designer"]), Some(0));
    // Against Senior Designer (the level above), two gaps remain.
    assert_eq!(code(&[]), Some(3));
    let [march, june] = sam();
    assert_eq!(cmd().args(["progress", &march, &june, "--exit-code"]).output().unwrap().status.code(), Some(3));
    assert_eq!(cmd().args(["progress", &march, &june]).output().unwrap().status.code(), Some(0));
}

#[test]
fn only_gaps_hides_what_was_never_a_gap_but_the_summary_counts_everything() {
    let [march, june] = sam();
    let all = json(&["progress", &march, &june]);
    let v = json(&["progress", &march, &june, "--only-gaps"]);
    assert_eq!(v["only_gaps"], true);
    let statuses: Vec<&str> = v["rows"].as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses.len(), 8, "{statuses:?}");
    assert!(!statuses.contains(&"met") && !statuses.contains(&"now-met"), "{statuses:?}");
    assert_eq!(v["summary"], all["summary"]);
}

#[test]
fn files_and_a_history_folder_combine_and_a_file_given_twice_counts_once() {
    let [march, _] = sam();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example("checkins/2026-06-01.yaml"), dir.path().join("june.yaml")).unwrap();
    let v = json(&["progress", &march, "--history", path(dir.path())]);
    assert_eq!(v["summary"]["checkins"], 2);
    // The same file in the folder and on the command line: read once, with a warning.
    let out = cmd()
        .args(["progress", &march, "--history", path(dir.path()), &dir.path().join("june.yaml").display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("warning: ") && err.contains("counted once"), "{err}");
    // Standard input is one check-in like any other.
    let june = std::fs::read(example("checkins/2026-06-01.yaml")).unwrap();
    let out = cmd().args(["progress", &march, "-", "--format", "json"]).write_stdin(june).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let piped: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(piped["summary"], json(&["progress", &march, &example("checkins/2026-06-01.yaml")])["summary"]);
    assert_eq!(piped["checkins"][1]["file"], "<stdin>");
}

#[test]
fn a_manager_review_among_self_assessments_is_a_warning_on_stderr() {
    let [march, june] = sam();
    let review = example("review-2026-06-03.yaml");
    let out = cmd().args(["progress", &march, &june, &review, "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("warning: the check-ins were rated by different assessors (`self`: "), "{err}");
    assert!(err.contains("`Dana Reyes`: ") && err.contains("review-2026-06-03.yaml"), "{err}");
    assert!(err.contains("a difference of opinion rather than growth"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["checkins"][2]["assessor"], "Dana Reyes");
    assert_eq!(v["summary"]["latest"], "2026-06-03");
}

#[test]
fn one_check_in_is_refused_with_a_pointer_to_gap() {
    let [march, _] = sam();
    let err = refused(&["progress", &march]);
    assert!(err.contains("needs at least two check-ins, but got one ("), "{err}");
    assert!(err.contains("use `pm-skills gap --profile "), "{err}");
    // The file given twice is said first, so that "got one" does not puzzle.
    let err = crate::common::refused(&["progress", &march, &march]);
    let (warning, error) = err.split_once("\nerror: ").unwrap_or_else(|| panic!("{err}"));
    assert!(warning.starts_with("warning: ") && warning.ends_with("is given twice; counted once"), "{err}");
    assert!(error.contains("but got one"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let err = refused(&["progress", "--history", path(dir.path())]);
    assert!(err.contains("the history folder") && err.contains("holds no profiles"), "{err}");
    // Neither files nor a folder is a usage error.
    assert_eq!(cmd().args(["progress"]).output().unwrap().status.code(), Some(2));
}

#[test]
fn a_check_in_without_a_date_or_two_on_one_date_are_refused_by_name() {
    let history = fixture_path("progress/history");
    let no_date = fixture_path("progress/no-date.yaml");
    let err = refused(&["progress", "--history", &history, &no_date]);
    assert_eq!(
        err,
        format!(
            "error: {no_date} has no `date:`, and progress puts check-ins in date order; add one, e.g. `date: 2026-03-01`\n"
        )
    );
    let same = fixture_path("progress/same-date.yaml");
    let err = refused(&["progress", "--history", &history, &same]);
    assert!(err.contains(&format!("{same} and ")) || err.contains(&format!(" and {same}")), "{err}");
    assert!(err.contains("b-spring.yml") && err.contains("are both dated 2026-04-20"), "{err}");
    assert!(err.contains("the order decides the net change"), "{err}");
}

#[test]
fn check_ins_of_different_people_or_frameworks_are_refused_in_one_sentence() {
    let history = fixture_path("progress/history");
    let other = fixture_path("progress/other-person.yaml");
    let err = refused(&["progress", "--history", &history, &other]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the check-ins are of different people, and progress follows one person: "), "{err}");
    assert!(err.contains(&format!("{other} is `Priya Shah`")), "{err}");
    assert!(err.contains("c-winter.yaml") && err.contains("are `Ana Silva`"), "{err}");

    let framework = fixture_path("progress/other-framework.yaml");
    let err = refused(&["progress", "--history", &history, &framework]);
    assert!(err.starts_with("error: the profiles are for different frameworks (2)"), "{err}");
    assert!(err.contains("`dvla`") && err.contains("`ddat-2025`") && err.contains("other-framework.yaml"), "{err}");

    // Every bad check-in at once.
    let err = refused(&[
        "progress",
        "--history",
        &history,
        &fixture_path("progress/no-date.yaml"),
        &fixture_path("progress/same-date.yaml"),
        &other,
    ]);
    assert!(err.starts_with("error: the check-ins cannot be followed over time (3 problems):\n"), "{err}");
    for part in ["no-date.yaml has no `date:`", "are both dated 2026-04-20", "other-person.yaml is `Priya Shah`"] {
        assert!(err.contains(part), "{part}: {err}");
    }
}

#[test]
fn with_no_target_to_find_the_error_says_to_give_one() {
    let history = fixture_path("progress/history");
    let top = fixture_path("progress/top-level.yaml");
    let err = refused(&["progress", "--history", &history, &top]);
    assert!(
        err.contains(&format!("{top} (the latest check-in) is already at the top level (Head of Product)")),
        "{err}"
    );
    assert!(err.contains("give the target with --to LEVEL"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    for (name, date) in [("a.yaml", "2026-01-01"), ("b.yaml", "2026-02-01")] {
        std::fs::write(dir.path().join(name), format!("name: Bo\ndate: {date}\nskills:\n  agile-working: working\n"))
            .unwrap();
    }
    let err = refused(&["progress", "--history", path(dir.path())]);
    assert!(err.contains("b.yaml (the latest check-in) names no `target` and no current `level`"), "{err}");
    assert_eq!(json(&["progress", "--history", path(dir.path()), "--to", "pm"])["target"]["id"], "product-manager");
    let err = refused(&["progress", "--history", path(dir.path()), "--to", "leed"]);
    assert!(err.contains("unknown level `leed`") && err.contains("did you mean `lead`?"), "{err}");
}

#[test]
fn a_link_out_of_the_history_folder_is_refused_without_reading_it() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "root-password-line: hunter2\n").unwrap();
    let dir = copy_fixture("progress/history");
    std::os::unix::fs::symlink(&secret, dir.path().join("zz.yaml")).unwrap();
    let err = refused(&["progress", "--history", path(dir.path())]);
    assert!(err.contains("zz.yaml") && err.contains("outside the history folder"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn help_lists_progress_with_examples() {
    let help = stdout(&["progress", "--help"]);
    assert!(help.starts_with("Follow one person's check-ins over time"), "{help}");
    for part in
        ["--history <DIR>", "--to <LEVEL>", "--exit-code", "pm-skills progress --history ./checkins", "Exit codes:"]
    {
        assert!(help.contains(part), "{part}: {help}");
    }
    let main = stdout(&["--help"]);
    assert!(main.contains("progress"), "{main}");
}

/// Kim's two check-ins on the built-in government framework: Product leadership unassessed,
/// then rated below what Senior asks; Strategic ownership rated, then left out.
fn kim() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let rest = "  agile-and-lean-practices: expert\n  applying-user-centred-insights: expert\n  \
                creating-value-for-money: expert\n  life-cycle-management: expert\n  \
                managing-product-outcomes: expert\n  product-management: expert\n  \
                stakeholder-relationship-management: expert\n";
    let head = "name: Kim\nframework: ddat-2025\nrole: product-manager\nlevel: product-manager\n";
    let first = format!(
        "{head}date: 2026-01-01\nskills:\n  product-leadership: ~\n  strategic-ownership: expert\n{}",
        rest.replace("agile-and-lean-practices: expert", "agile-and-lean-practices: awareness")
    );
    let second = format!("{head}date: 2026-04-01\nskills:\n  product-leadership: awareness\n{rest}");
    let (one, two) = (dir.path().join("kim-1.yaml"), dir.path().join("kim-2.yaml"));
    std::fs::write(&one, first).unwrap();
    std::fs::write(&two, second).unwrap();
    let s = |p: std::path::PathBuf| p.to_str().unwrap().to_string();
    (dir, s(one), s(two))
}

#[test]
fn what_remains_is_what_gap_says_of_the_latest_check_in() {
    let (_dir, one, two) = kim();
    let v = json(&["progress", &one, &two, "--format", "json"]);
    let gap = json(&["gap", "--profile", &two, "--format", "json"]);
    // The same counts, in fields of the same names, as `gap` on the latest check-in.
    assert_eq!(v["summary"]["readiness"], gap["summary"], "{v}");
    assert_eq!(gap["summary"]["grow"], 1);
    assert_eq!(gap["summary"]["unassessed"], 1);
    assert_eq!(
        v["summary"]["text"],
        "1 gap closed since 2026-01-01; 2 remain: 1 to grow (Product leadership), 1 not assessed (Strategic ownership)"
    );
    assert_eq!(v["summary"]["ready"], false);
    // Both say so with --exit-code.
    cmd().args(["progress", &one, &two, "--exit-code"]).assert().code(3);
    cmd().args(["gap", "--profile", &two, "--exit-code"]).assert().code(3);
}

/// A check-in's `●●●○ Practitioner` breaks only when the room is tight: at 120 columns no column
/// is wider than its widest line while one breaks, and at 200 none breaks.
#[test]
fn the_check_in_columns_break_a_proficiency_only_when_no_column_has_room_to_spare() {
    let history = fixture_path("progress/history");
    for columns in [120, 200] {
        let out = cmd().env("COLUMNS", columns.to_string()).args(["progress", "--history", &history]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let table: Vec<&str> =
            text.lines().skip_while(|l| !l.starts_with('┌')).take_while(|l| !l.starts_with('└')).collect();
        let widths: Vec<usize> = table[0].trim_matches(['┌', '┐']).split('┬').map(|s| s.chars().count() - 2).collect();
        let rows: Vec<Vec<&str>> = table
            .iter()
            .filter(|l| l.starts_with('│'))
            .map(|l| l.trim_matches('│').split('┆').map(str::trim).collect())
            .collect();
        let broken =
            rows.iter().any(|r| r[1..4].iter().any(|c| c.ends_with('○') || c.ends_with('●') || *c == "Practitioner"));
        let widest = |c: usize| rows.iter().map(|r| r[c].chars().count()).max().unwrap();
        match columns {
            200 => assert!(!broken, "{text}"),
            // Whatever room the table leaves unused is less than a broken column needs.
            _ => {
                let slack: usize = (0..widths.len()).map(|c| widths[c] - widest(c)).sum();
                for c in 1..4 {
                    let whole = "●●●○ Practitioner".chars().count();
                    if rows.iter().any(|r| r[c].ends_with('○') || r[c] == "Practitioner") {
                        assert!(whole - widths[c] > slack, "column {c} breaks with {slack} to spare:\n{text}");
                    }
                }
            }
        }
        assert!(table.iter().all(|l| l.chars().count() <= columns), "{text}");
    }
}
