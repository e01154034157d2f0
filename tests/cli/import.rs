//! `import ddat-csv` end to end: the small fixture in the official layout, every refusal, and the
//! full official export when it is on disk.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::common::{cmd, json, stdout, validates_cleanly};

/// A file of the small fixture (invented text in the official CSV layout).
fn small(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/ddat-csv-small")
        .join(file)
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `import ddat-csv --roles R --skills S --out OUT EXTRA...` as owned arguments.
fn import_args(roles: &str, skills: &str, out: &Path, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> =
        ["import", "ddat-csv", "--roles", roles, "--skills", skills, "--out", path(out)].map(String::from).to_vec();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// Imports the small fixture into `out` and returns the JSON report.
fn import_small(out: &Path, extra: &[&str]) -> Value {
    let args = import_args(&small("roles.csv"), &small("skills.csv"), out, extra);
    json(&strs(&args))
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array().expect("array").iter().map(|x| x["id"].as_str().expect("id")).collect()
}

fn notes(report: &Value) -> Vec<String> {
    report["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| format!("{}: {}", n["role"].as_str().unwrap_or("-"), n["message"].as_str().unwrap()))
        .collect()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("readable").map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn read_yaml(file: PathBuf) -> serde_yaml::Value {
    serde_yaml::from_str(&fs::read_to_string(&file).expect("file written")).expect("valid YAML")
}

#[test]
fn small_fixture_imports_every_role_with_levels_and_reports_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    let v = import_small(&out, &[]);

    assert_eq!(v["framework"], "ddat-import");
    assert_eq!(v["rows"], 38);
    assert_eq!(v["roles_in_csv"], 4);
    assert_eq!(v["families_in_csv"], 2);
    assert_eq!(ids(&v["imported"]), ["delivery-manager", "product-manager", "data-analyst"]);
    assert_eq!(v["skills_written"], 7);

    // The Senior Civil Service role is skipped, and says why.
    assert_eq!(ids(&v["skipped"]), ["chief-data-officer"]);
    let reason = v["skipped"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("Senior Civil Service") && reason.contains("NOT IN USE"), "{reason}");

    // A skill not rated at every level is kept, unrated at the levels that do not rate it.
    let analyst = &v["imported"][2];
    assert_eq!(analyst["skills"], 3);
    assert!(analyst.get("skills_left_out").is_none(), "{analyst}");
    let role = read_yaml(out.join("roles/data/data-analyst.yaml"));
    assert_eq!(role["skills"][0], "data-storytelling");
    assert_eq!(role["levels"][0]["id"], "junior-data-analyst");
    assert!(role["levels"][0]["skills"]["data-storytelling"].is_null(), "{:?}", role["levels"][0]);
    assert_eq!(role["levels"][1]["skills"]["data-storytelling"], "working");
    let notes = notes(&v);
    let has = |needle: &str| notes.iter().any(|n| n.contains(needle));
    assert!(has("data-analyst: merged 1 duplicate row"), "{notes:#?}");
    assert!(!has("left out") && !has("not rated at"), "{notes:#?}");
    assert!(has("`Data wrangling` is not in skills.csv"), "{notes:#?}");
    assert!(has("\"Delivery manager \" had stray spaces"), "{notes:#?}");
    assert!(has("used only by roles not imported"), "{notes:#?}");

    // The folder passes the project's own checks, and nothing else was left beside it.
    let check = stdout(&["validate", path(&out)]);
    assert!(check.contains("valid, 0 errors"), "{check}");
    let (framework, _) = pm_skills::data::load_folder(&out).expect("loads");
    assert_eq!(framework.roles.len(), 3);
    assert_eq!(framework.roles[framework.default_role.unwrap()].id, "product-manager");
    assert_eq!(entries(tmp.path()), ["ddat"]);
    assert_eq!(entries(&out.join("roles")), ["data", "product-and-delivery"], "one folder per family");
    assert!(out.join("roles/product-and-delivery/delivery-manager.yaml").is_file());
    let fw = read_yaml(out.join("framework.yaml"));
    assert!(fw["licence"].as_str().unwrap().contains("Open Government Licence v3.0"));
    assert!(fw["source"].as_str().unwrap().contains("roles.csv"));

    // The same input gives the same bytes.
    let again = tmp.path().join("again");
    import_small(&again, &[]);
    for file in ["framework.yaml", "skills.yaml", "roles/data/data-analyst.yaml"] {
        assert_eq!(fs::read(out.join(file)).unwrap(), fs::read(again.join(file)).unwrap(), "{file}");
    }
}

#[test]
fn levels_come_in_seniority_order_not_the_csv_order() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    let v = import_small(&out, &[]);
    // The CSV lists them alphabetically: Associate, Head, Lead, Product manager, Senior.
    let pm = [
        "associate-product-manager",
        "product-manager",
        "senior-product-manager",
        "lead-product-manager",
        "head-of-product",
    ];
    assert_eq!(ids(&v["imported"][1]["levels"]), pm);
    assert_eq!(v["imported"][1]["order"], "rule");
    let levels = json(&["--data", path(&out), "--role", "product-manager", "levels"]);
    assert_eq!(ids(&levels["levels"]), pm);
    let levels = json(&["--data", path(&out), "--role", "delivery-manager", "levels"]);
    assert_eq!(
        ids(&levels["levels"]),
        ["associate-delivery-manager", "delivery-manager", "senior-delivery-manager", "head-of-delivery-management"]
    );
    // A drop the framework makes on purpose carries a note instead of a lint warning.
    let role = read_yaml(out.join("roles/product-and-delivery/product-manager.yaml"));
    let head = &role["levels"][4];
    assert_eq!(head["id"], "head-of-product");
    assert_eq!(head["skills"]["agile-working"]["proficiency"], "practitioner");
    assert!(head["skills"]["agile-working"]["note"].as_str().unwrap().contains("Lead product manager"));
    let check = json(&["validate", path(&out)]);
    let messages: Vec<&str> =
        check["problems"].as_array().unwrap().iter().map(|p| p["message"].as_str().unwrap()).collect();
    // No lint at all: the skill that neither file describes says so in its texts.
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!((check["errors"].as_u64(), check["warnings"].as_u64()), (Some(0), Some(0)), "{check}");
}

#[test]
fn multi_line_cells_keep_their_bullets() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    import_small(&out, &[]);
    let role = read_yaml(out.join("roles/product-and-delivery/delivery-manager.yaml"));
    assert_eq!(role["summary"], "A delivery manager keeps a team delivering at a steady pace.");
    assert_eq!(role["responsibilities"][0], "remove blockers");
    assert_eq!(role["responsibilities"][1], "keep plans honest");
    let first = &role["levels"][0];
    assert_eq!(first["name"], "Associate delivery manager");
    assert_eq!(first["summary"], "An associate delivery manager learns the craft on a small team.");
    assert_eq!(first["responsibilities"][0], "support a delivery manager");
    assert_eq!(first["responsibilities"][1], "run stand-ups when asked");
    // The trailing space of "Delivery manager " is gone from the name and the id.
    assert_eq!(role["levels"][1]["name"], "Delivery manager");
    assert_eq!(role["levels"][1]["id"], "delivery-manager");

    // Proficiency texts keep the whole multi-line cell, written as a YAML block.
    let text = fs::read_to_string(out.join("skills.yaml")).unwrap();
    assert!(
        text.contains("awareness: |-\n      You can:\n      - explain what agile working is for\n      - take part in it when others lead\n"),
        "{text}"
    );
    let skills = read_yaml(out.join("skills.yaml"));
    let agile = skills["skills"].as_sequence().unwrap().iter().find(|s| s["id"] == "agile-working").unwrap();
    assert_eq!(
        agile["proficiencies"]["expert"],
        "You can:\n- set the standard for agile working across teams\n- change how the organisation approaches it"
    );
    // A skill missing from skills.csv takes its texts from roles.csv.
    let wrangling = skills["skills"].as_sequence().unwrap().iter().find(|s| s["id"] == "data-wrangling").unwrap();
    assert!(wrangling["proficiencies"]["working"].as_str().unwrap().starts_with("You can:\n- practise data wrangling"));
    let said = wrangling["description"].as_str().unwrap();
    assert!(said.contains("gives no description"), "MISSING is not a description: {said}");
    assert!(wrangling["proficiencies"]["expert"].as_str().unwrap().contains("does not describe"), "{wrangling:?}");

    let show = stdout(&["--data", path(&out), "--role", "delivery-manager", "show", "associate"]);
    assert!(show.contains("• support a delivery manager"), "{show}");
}

#[test]
fn diff_and_the_other_commands_work_on_the_imported_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    import_small(&out, &[]);
    let data = path(&out);
    let diff =
        stdout(&["--data", data, "--role", "delivery-manager", "diff", "delivery-manager", "senior-delivery-manager"]);
    assert!(diff.contains("From Delivery manager to Senior delivery manager"), "{diff}");
    assert!(diff.contains("Agile working") && diff.contains("Team health"), "{diff}");
    let v =
        json(&["--data", data, "--role", "delivery-manager", "diff", "delivery-manager", "senior-delivery-manager"]);
    assert_eq!(v["rows"].as_array().unwrap().len(), 3);
    // No --role: the framework's default role is the product manager.
    let v = json(&["--data", data, "diff", "product-manager", "senior-product-manager"]);
    assert_eq!(v["rows"].as_array().unwrap().len(), 3);
    for args in [
        &["ladder"][..],
        &["skills"],
        &["skills", "data wrangling"],
        &["about"],
        &["levels"],
        &["show", "head-of-product"],
    ] {
        let mut all = vec!["--data", data];
        all.extend_from_slice(args);
        stdout(&all);
    }
    stdout(&["--data", data, "--role", "data-analyst", "ladder"]);
}

#[test]
fn a_non_empty_out_is_refused_without_force_and_replaced_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    // A folder pm-skills wrote (it carries the marker), with a file added since.
    import_small(&out, &[]);
    fs::write(out.join("keep.txt"), "mine").unwrap();
    let args = import_args(&small("roles.csv"), &small("skills.csv"), &out, &[]);
    cmd().args(strs(&args)).assert().code(1).stderr(contains(path(&out)).and(contains("--force")));
    assert_eq!(fs::read_to_string(out.join("keep.txt")).unwrap(), "mine");
    assert_eq!(entries(tmp.path()), ["ddat"], "no temporary folder left behind");

    let v = import_small(&out, &["--force"]);
    assert_eq!(v["imported"].as_array().unwrap().len(), 3);
    assert!(!out.join("keep.txt").exists(), "--force replaces the contents");
    assert!(out.join("framework.yaml").is_file());
    assert_eq!(entries(tmp.path()), ["ddat"]);
    stdout(&["validate", path(&out)]);

    // An empty folder is fine without --force; a file is never replaced.
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    import_small(&empty, &[]);
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    let args = import_args(&small("roles.csv"), &small("skills.csv"), &file, &["--force"]);
    cmd().args(strs(&args)).assert().code(1).stderr(contains("is a file"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
}

#[cfg(unix)]
#[test]
fn a_replaced_out_folder_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().unwrap();
    for (name, seeded) in [("empty", false), ("full", true)] {
        let out = tmp.path().join(name);
        if seeded {
            import_small(&out, &[]);
            fs::write(out.join("keep.txt"), "mine").unwrap();
        } else {
            fs::create_dir(&out).unwrap();
        }
        fs::set_permissions(&out, fs::Permissions::from_mode(0o750)).unwrap();
        import_small(&out, &["--force"]);
        assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o7777, 0o750, "{name}");
        assert!(out.join("framework.yaml").is_file(), "{name}");
    }
}

#[test]
fn an_out_folder_that_holds_an_input_is_refused_even_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let (roles, skills) = (tmp.path().join("roles.csv"), tmp.path().join("skills.csv"));
    fs::copy(small("roles.csv"), &roles).unwrap();
    fs::copy(small("skills.csv"), &skills).unwrap();
    for out in [tmp.path().to_path_buf(), tmp.path().join(".")] {
        let args = import_args(path(&roles), path(&skills), &out, &["--force"]);
        cmd().args(strs(&args)).assert().code(1).stderr(contains("holds the input").and(contains("roles.csv")));
        assert!(roles.is_file() && skills.is_file(), "the inputs are still there");
    }
}

#[test]
fn role_imports_one_role_by_name_or_id_and_suggests_on_a_typo() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("pm");
    let v = import_small(&out, &["--role", "PRODUCT manager"]);
    assert_eq!(ids(&v["imported"]), ["product-manager"]);
    assert_eq!(v["skipped"].as_array().unwrap().len(), 0, "other roles are not considered");
    assert_eq!(v["selected_role"], "PRODUCT manager");
    stdout(&["validate", path(&out)]);
    stdout(&["--data", path(&out), "diff", "product-manager", "lead-product-manager"]);
    let skills = read_yaml(out.join("skills.yaml"));
    assert_eq!(skills["skills"].as_sequence().unwrap().len(), 3, "only the role's skills");

    let v = import_small(&tmp.path().join("dm"), &["--role", "delivery-manager"]);
    assert_eq!(ids(&v["imported"]), ["delivery-manager"]);

    let typo = tmp.path().join("typo");
    let args = import_args(&small("roles.csv"), &small("skills.csv"), &typo, &["--role", "Delivry manager"]);
    cmd()
        .args(strs(&args))
        .assert()
        .code(1)
        .stderr(contains("unknown role `Delivry manager`").and(contains("did you mean `delivery-manager`")));
    assert!(!typo.exists(), "nothing written on error");

    // The Senior Civil Service role cannot be imported on its own: an error, with the reason.
    let scs = tmp.path().join("scs");
    let args = import_args(&small("roles.csv"), &small("skills.csv"), &scs, &["--role", "chief data officer"]);
    cmd().args(strs(&args)).assert().code(1).stderr(contains("NOT IN USE"));
    assert!(!scs.exists());
}

#[test]
fn level_order_file_overrides_the_rule_and_is_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let order = tmp.path().join("order.yaml");
    // Names or ids, any case; most junior first.
    fs::write(
        &order,
        "# my department's ladder\ndelivery-manager:\n  - Delivery manager\n  - associate-delivery-manager\n  - Senior delivery manager\n  - head of delivery management\n",
    )
    .unwrap();
    let out = tmp.path().join("ddat");
    let v = import_small(&out, &["--level-order", path(&order)]);
    let dm = &v["imported"][0];
    assert_eq!(dm["order"], "level-order-file");
    assert_eq!(
        ids(&dm["levels"]),
        ["delivery-manager", "associate-delivery-manager", "senior-delivery-manager", "head-of-delivery-management"]
    );
    assert_eq!(v["imported"][1]["order"], "rule", "roles the file does not name keep the rule");
    let levels = json(&["--data", path(&out), "--role", "delivery-manager", "levels"]);
    assert_eq!(ids(&levels["levels"])[0], "delivery-manager");
    stdout(&["validate", path(&out)]);

    let bad_role = tmp.path().join("bad-role.yaml");
    fs::write(&bad_role, "delivery-manger:\n  - Delivery manager\n").unwrap();
    let args = import_args(
        &small("roles.csv"),
        &small("skills.csv"),
        &tmp.path().join("x"),
        &["--level-order", path(&bad_role)],
    );
    cmd().args(strs(&args)).assert().code(1).stderr(
        contains(format!("{}:1", path(&bad_role)))
            .and(contains("unknown role `delivery-manger`"))
            .and(contains("did you mean `delivery-manager`")),
    );

    let bad_level = tmp.path().join("bad-level.yaml");
    fs::write(
        &bad_level,
        "product-manager:\n  - Associate product manager\n  - Product manager\n  - Senior product manager\n  - Lead product manager\n  - Head of prodct\n",
    )
    .unwrap();
    let args = import_args(
        &small("roles.csv"),
        &small("skills.csv"),
        &tmp.path().join("x"),
        &["--level-order", path(&bad_level)],
    );
    cmd().args(strs(&args)).assert().code(1).stderr(
        contains(path(&bad_level)).and(contains("unknown level `Head of prodct`")).and(contains("did you mean")),
    );

    let partial = tmp.path().join("partial.yaml");
    fs::write(&partial, "delivery-manager: [Delivery manager]\n").unwrap();
    let args = import_args(
        &small("roles.csv"),
        &small("skills.csv"),
        &tmp.path().join("x"),
        &["--level-order", path(&partial)],
    );
    cmd()
        .args(strs(&args))
        .assert()
        .code(1)
        .stderr(contains(path(&partial)).and(contains("missing: associate-delivery-manager")));
    assert!(!tmp.path().join("x").exists());
}

#[test]
fn unreadable_or_wrong_inputs_fail_with_the_file_named() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    let missing = tmp.path().join("nope.csv");
    let args = import_args(path(&missing), &small("skills.csv"), &out, &[]);
    cmd().args(strs(&args)).assert().code(1).stderr(contains(path(&missing)).and(contains("no such file")));

    // Not the official layout: the missing columns are named, with the file and line.
    let other = tmp.path().join("other.csv");
    fs::write(&other, "name,grade\nAda,7\n").unwrap();
    let args = import_args(path(&other), &small("skills.csv"), &out, &[]);
    cmd()
        .args(strs(&args))
        .assert()
        .code(1)
        .stderr(contains(format!("{}: line 1", path(&other))).and(contains("`Role Level`")));

    // The two files swapped.
    let args = import_args(&small("skills.csv"), &small("roles.csv"), &out, &[]);
    cmd().args(strs(&args)).assert().code(1).stderr(contains("swapped"));

    // Not text at all.
    let binary = tmp.path().join("binary.csv");
    fs::write(&binary, b"Role\0Family").unwrap();
    let args = import_args(&small("roles.csv"), path(&binary), &out, &[]);
    cmd().args(strs(&args)).assert().code(1).stderr(contains(path(&binary)));

    // A broken row: the line is named.
    let broken = tmp.path().join("broken.csv");
    let mut text = fs::read_to_string(small("skills.csv")).unwrap();
    text.push_str("Extra skill,only two fields\n");
    fs::write(&broken, text).unwrap();
    let args = import_args(&small("roles.csv"), path(&broken), &out, &[]);
    cmd()
        .args(strs(&args))
        .assert()
        .code(1)
        .stderr(contains(format!("{}: line ", path(&broken))).and(contains("fields")));
    assert!(!out.exists(), "nothing written on error");
    assert_eq!(entries(tmp.path()), ["binary.csv", "broken.csv", "other.csv"]);
}

#[test]
fn the_report_has_a_row_per_role_in_csv_and_a_human_view() {
    let tmp = tempfile::tempdir().unwrap();
    let args = import_args(&small("roles.csv"), &small("skills.csv"), &tmp.path().join("a"), &["--format", "csv"]);
    let csv = stdout(&strs(&args));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("status,id,name,family,levels,skills,level_order,file,reason"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].starts_with("imported,delivery-manager,Delivery manager,Product and delivery,Associate delivery manager < Delivery manager < "), "{csv}");
    assert!(rows[3].starts_with("skipped,chief-data-officer,"), "{csv}");

    let args = import_args(&small("roles.csv"), &small("skills.csv"), &tmp.path().join("b"), &[]);
    let table = stdout(&strs(&args));
    assert!(table.starts_with("Imported 3 roles into "), "{table}");
    for needle in [
        "Imported roles",
        "Skipped roles",
        "Chief data officer (chief-data-officer)",
        "Notes",
        "3 roles imported, 1 role skipped",
    ] {
        assert!(table.contains(needle), "missing {needle}: {table}");
    }
    let args = import_args(&small("roles.csv"), &small("skills.csv"), &tmp.path().join("c"), &["--format", "markdown"]);
    assert!(stdout(&strs(&args)).contains("| delivery-manager"));
}

/// The commands to run next are never broken across lines: beside "Next:" when they fit, else
/// each whole on a line of its own.
#[test]
fn the_next_commands_stand_whole_at_any_width() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("an-import-folder-with-a-long-name");
    let validate = format!("pm-skills validate {}", path(&out));
    let ladder = format!("pm-skills --data {} --role product-manager ladder", path(&out));
    for columns in ["40", "200"] {
        let args = import_args(&small("roles.csv"), &small("skills.csv"), &out, &["--force"]);
        let run = cmd().env("COLUMNS", columns).args(&args).output().unwrap();
        let text = String::from_utf8(run.stdout).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        match columns {
            "40" => {
                let at = lines.iter().position(|l| *l == "Next:").unwrap_or_else(|| panic!("{text}"));
                assert_eq!(lines[at + 1..at + 3], [validate.as_str(), ladder.as_str()], "{text}");
            }
            _ if lines.iter().any(|l| l.starts_with("Next: pm-skills")) => {
                assert!(lines.contains(&format!("Next: {validate}  ·  {ladder}").as_str()), "{text}");
            }
            // A long temporary path makes even 200 columns too narrow for one line.
            _ => assert!(lines.contains(&validate.as_str()) && lines.contains(&ladder.as_str()), "{text}"),
        }
    }
}

/// The official export's role ids (up to 38 characters) are never broken, however wide the
/// terminal: too narrow, the table is drawn in parts that each name the role.
#[test]
#[ignore = "needs ../shared"]
fn role_ids_of_the_official_export_are_never_broken() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ddat-csv");
    let (roles, skills) = (dir.join("roles.csv"), dir.join("skills.csv"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    let args = import_args(path(&roles), path(&skills), &out, &["--format", "json"]);
    let report = json(&strs(&args));
    let ids = ids(&report["imported"]);
    assert!(ids.contains(&"development-operations-devops-engineer"), "{ids:?}");
    for columns in ["80", "100", "120"] {
        let args = import_args(path(&roles), path(&skills), &out, &["--force"]);
        let run = cmd().env("COLUMNS", columns).args(&args).output().unwrap();
        let text = String::from_utf8(run.stdout).unwrap();
        let cells: Vec<&str> =
            text.lines().filter_map(|l| l.strip_prefix("│ ")).map(|l| l.split(' ').next().unwrap()).collect();
        for id in &ids {
            assert!(cells.contains(id), "COLUMNS={columns}: {id} broken:\n{text}");
        }
        let table = text.lines().filter(|l| l.starts_with(['┌', '│', '╞', '└']));
        assert!(table.clone().all(|l| l.chars().count() <= columns.parse().unwrap()), "{text}");
    }
}

/// The full official export, from the reference copy in ../shared beside the clone.
#[test]
#[ignore = "needs ../shared"]
fn full_official_export_imports_and_every_role_works() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ddat-csv");
    let (roles, skills) = (dir.join("roles.csv"), dir.join("skills.csv"));
    assert!(
        roles.is_file() && skills.is_file(),
        "this test needs the official CSV export in {} (../shared beside the clone)",
        dir.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    let args = import_args(path(&roles), path(&skills), &out, &[]);
    let v = json(&strs(&args));
    let imported = v["imported"].as_array().unwrap();
    let skipped = v["skipped"].as_array().unwrap();
    eprintln!(
        "official export: {} roles, {} imported, {} skipped, {} skills written, {} notes",
        v["roles_in_csv"],
        imported.len(),
        skipped.len(),
        v["skills_written"],
        v["notes"].as_array().unwrap().len()
    );
    assert_eq!(v["roles_in_csv"], 52);
    assert_eq!(v["families_in_csv"], 8);
    assert_eq!(imported.len() + skipped.len(), 52, "every role is imported or reported");
    assert_eq!(
        ids(&v["skipped"]),
        [
            "chief-data-officer",
            "chief-digital-and-information-officer",
            "chief-information-security-officer",
            "chief-technology-officer"
        ]
    );
    for s in skipped {
        assert!(s["reason"].as_str().unwrap().contains("Senior Civil Service"), "{s}");
    }

    // The folder loads and validates; every imported role is there with its levels.
    let (framework, _) = pm_skills::data::load_folder(&out).expect("the imported folder loads");
    assert_eq!(framework.roles.len(), imported.len());
    for report in imported {
        let id = report["id"].as_str().unwrap();
        let role = framework.roles.iter().find(|r| r.id == id).expect("role loads");
        assert_eq!(role.levels.len(), report["levels"].as_array().unwrap().len(), "{id}");
        assert_eq!(role.skills.len(), report["skills"].as_u64().unwrap() as usize, "{id}");
        assert!(!role.skills.is_empty(), "{id}");
    }
    stdout(&["validate", path(&out)]);

    let data = path(&out);
    let dm = json(&["--data", data, "--role", "delivery-manager", "levels"]);
    assert_eq!(
        ids(&dm["levels"]),
        [
            "associate-delivery-manager",
            "delivery-manager",
            "senior-delivery-manager",
            "head-of-agile-delivery-management"
        ]
    );
    let diff =
        json(&["--data", data, "--role", "delivery-manager", "diff", "delivery-manager", "senior-delivery-manager"]);
    assert_eq!(diff["rows"].as_array().unwrap().len(), 9);
    stdout(&[
        "--data",
        data,
        "--role",
        "delivery-manager",
        "diff",
        "associate-delivery-manager",
        "head-of-agile-delivery-management",
    ]);
    let ur = json(&["--data", data, "--role", "user-researcher", "levels"]);
    assert_eq!(
        ids(&ur["levels"]),
        [
            "associate-user-researcher",
            "junior-user-researcher",
            "user-researcher",
            "senior-user-researcher",
            "lead-user-researcher",
            "head-of-user-research"
        ]
    );

    // The product manager matches the built-in ddat-2025 table, which was checked cell by cell
    // against the same export.
    let builtin = pm_skills::data::load_builtin("ddat-2025").expect("built-in loads");
    let want = &builtin.roles[0];
    let got = framework.roles.iter().find(|r| r.id == "product-manager").expect("product manager");
    let names = |f: &pm_skills::model::Framework, r: &pm_skills::model::Role| -> Vec<String> {
        r.skills.iter().map(|&s| f.skills[s].name.to_lowercase()).collect()
    };
    assert_eq!(names(&framework, got), names(&builtin, want));
    let level_names =
        |r: &pm_skills::model::Role| -> Vec<String> { r.levels.iter().map(|l| l.name.to_lowercase()).collect() };
    assert_eq!(level_names(got), level_names(want));
    for (g, w) in got.levels.iter().zip(&want.levels) {
        let g: Vec<&str> =
            g.ratings.iter().map(|r| r.as_ref().map_or("~", |r| framework.scale[r.proficiency].id.as_str())).collect();
        let w: Vec<&str> =
            w.ratings.iter().map(|r| r.as_ref().map_or("~", |r| builtin.scale[r.proficiency].id.as_str())).collect();
        assert_eq!(g, w);
    }
}

/// Every role of the official export keeps every skill it rates at any level, and the folder
/// validates without a single warning.
#[test]
#[ignore = "needs ../shared"]
fn full_official_export_keeps_every_rated_skill_and_validates_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ddat-csv");
    let (roles, skills) = (dir.join("roles.csv"), dir.join("skills.csv"));
    assert!(roles.is_file() && skills.is_file(), "this test needs the official CSV export in {}", dir.display());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    let args = import_args(path(&roles), path(&skills), &out, &[]);
    let v = json(&strs(&args));

    // Distinct (role, skill) pairs the CSV rates on the scale, per role name.
    let csv = pm_skills::import::csv::CsvFile::read(&roles).unwrap();
    let col = |name: &str| csv.header.iter().position(|h| h.trim_start_matches('\u{feff}') == name).unwrap();
    let (role_col, skill_col, level_col) = (col("Role"), col("Skill Name"), col("Skill Level"));
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let mut rated: std::collections::HashMap<String, std::collections::HashSet<String>> = Default::default();
    for (_, row) in &csv.rows {
        let step = key(&row[level_col]);
        if ["awareness", "working", "practitioner", "expert"].contains(&step.as_str()) {
            rated.entry(key(&row[role_col])).or_default().insert(key(&row[skill_col]));
        }
    }
    let (framework, _) = pm_skills::data::load_folder(&out).expect("loads");
    let mut pairs = (0, 0);
    for report in v["imported"].as_array().unwrap() {
        let id = report["id"].as_str().unwrap();
        let want = &rated[&key(report["name"].as_str().unwrap())];
        let role = framework.roles.iter().find(|r| r.id == id).unwrap();
        let got: std::collections::HashSet<String> =
            role.skills.iter().map(|&s| key(&framework.skills[s].name)).collect();
        assert_eq!(&got, want, "{id}");
        pairs = (pairs.0 + want.len(), pairs.1 + got.len());
    }
    eprintln!("official export: {} rated (role, skill) pairs, {} written", pairs.0, pairs.1);
    let infra = framework.roles.iter().find(|r| r.id == "infrastructure-operations-engineer").unwrap();
    assert_eq!(infra.skills.len(), 14);
    assert!(infra.levels.iter().any(|l| l.ratings.iter().any(Option::is_none)), "some level leaves a skill unrated");

    let check = json(&["validate", path(&out)]);
    assert_eq!((check["errors"].as_u64(), check["warnings"].as_u64()), (Some(0), Some(0)), "{check}");
    let notes = notes(&v);
    assert!(!notes.iter().any(|n| n.contains("left out") && n.contains("skill")), "{notes:#?}");
}

/// The framework is named after its source, the official export, and dated as `--export-date`
/// says; the CSV files carry no date, so without it the version says so, and a note says how.
#[test]
fn the_framework_is_named_after_the_export_and_dated_by_export_date() {
    let tmp = tempfile::tempdir().unwrap();
    let dated = tmp.path().join("dated");
    import_small(&dated, &["--export-date", "2025-09"]);
    let fw = read_yaml(dated.join("framework.yaml"));
    assert_eq!(fw["name"], "Government Digital and Data Profession Capability Framework");
    assert_eq!(fw["version"], "2025-09");
    assert!(fw["source"].as_str().unwrap().contains("the official CSV export of 2025-09"), "{fw:?}");
    assert!(fw["description"].as_str().unwrap().ends_with("from the official CSV export of 2025-09."), "{fw:?}");
    validates_cleanly(&dated);
    for (key, text) in [("name", &fw["name"]), ("version", &fw["version"]), ("description", &fw["description"])] {
        assert!(!text.as_str().unwrap().contains("imported"), "{key}: {text:?}");
    }

    let undated = tmp.path().join("undated");
    let v = import_small(&undated, &[]);
    let fw = read_yaml(undated.join("framework.yaml"));
    assert_eq!(fw["name"], "Government Digital and Data Profession Capability Framework");
    assert_eq!(fw["version"], "undated CSV export");
    assert!(notes(&v).iter().any(|n| n.contains("give the date of the download with --export-date")), "{v}");
    assert!(
        !notes(&import_small(&dated, &["--export-date", "2025-09-30", "--force"]))
            .iter()
            .any(|n| n.contains("--export-date"))
    );
    assert_eq!(read_yaml(dated.join("framework.yaml"))["version"], "2025-09-30");

    for bad in ["2025-9", "2025-13", "September 2025", "2025-02-30"] {
        let args =
            import_args(&small("roles.csv"), &small("skills.csv"), &tmp.path().join("bad"), &["--export-date", bad]);
        let out = cmd().args(strs(&args)).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains("expected a month such as 2025-09, or a day such as 2025-09-30"), "{bad}: {err}");
    }
}

/// No summary of the official export, a role's or a level's, is a dangling lead-in ("At this role
/// level, you will:"): each is prose a reader can take on its own.
#[test]
#[ignore = "needs ../shared"]
fn no_summary_of_the_official_export_is_a_dangling_lead_in() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ddat-csv");
    let (roles, skills) = (dir.join("roles.csv"), dir.join("skills.csv"));
    assert!(roles.is_file() && skills.is_file(), "this test needs the official CSV export in {}", dir.display());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    json(&strs(&import_args(path(&roles), path(&skills), &out, &[])));
    let (framework, _) = pm_skills::data::load_folder(&out).expect("loads");
    let mut summaries = 0;
    for role in &framework.roles {
        let all = std::iter::once((role.id.as_str(), &role.summary))
            .chain(role.levels.iter().map(|l| (l.id.as_str(), &l.summary)));
        for (id, summary) in all {
            summaries += 1;
            assert!(!summary.trim().is_empty(), "{}/{id}: no summary", role.id);
            assert!(summary.lines().all(|l| !l.trim_end().ends_with(':')), "{}/{id}: {summary:?}", role.id);
        }
    }
    assert_eq!(summaries, 48 + 201);
    let dm = framework.roles.iter().find(|r| r.id == "delivery-manager").unwrap();
    assert_eq!(
        dm.levels[0].summary,
        "At this role level, you will work on a small or mature Agile team; learn on the job; potentially work \
         alongside a delivery manager on a larger team, shadowing and providing support, or working to deliver an \
         element under guidance and mentorship."
    );
}
