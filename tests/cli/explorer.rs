//! The explorer on the built-in framework: every command, every format, and the error cases.

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{cmd, json, stdout};

/// Every command that takes no name, and one example of each that does.
const COMMANDS: &[&[&str]] = &[
    &["levels"],
    &["show", "senior"],
    &["ladder"],
    &["skills"],
    &["skills", "product ownership"],
    &["soft-skills"],
    &["soft-skills", "resilience"],
    &["about"],
    &["diff", "product-manager", "senior"],
    &["compare", "senior", "lead", "--only-gaps"],
    &["frameworks"],
];

#[test]
fn show_senior_prints_description_skill_table_and_pointer_to_diff() {
    let out = stdout(&["show", "senior"]);
    assert!(out.starts_with("Senior Product Manager (level 2 of 4"), "{out}");
    assert!(out.contains("Responsibilities"));
    for skill in ["Agile Working", "Financial Ownership", "User Focus", "Strategic Focus"] {
        assert!(out.contains(skill), "missing {skill}");
    }
    assert!(out.contains("●●●● Expert"));
    assert!(out.contains("●●●○ Practitioner"));
    assert!(out.trim_end().ends_with("pm-skills diff senior lead"), "{out}");
}

#[test]
fn levels_are_in_seniority_order_with_ids_and_aliases() {
    let v = json(&["levels"]);
    let ids: Vec<&str> = v["levels"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["product-manager", "senior", "lead", "head"]);
    assert_eq!(v["levels"][1]["aliases"][0], "spm");
    let table = stdout(&["levels"]);
    let pos = |s: &str| table.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("│ 1 ┆ product-manager") < pos("│ 2 ┆ senior"));
    assert!(pos("│ 2 ┆ senior") < pos("│ 3 ┆ lead"));
    assert!(pos("│ 3 ┆ lead") < pos("│ 4 ┆ head"));
}

#[test]
fn ladder_json_has_forty_cells_matching_the_seed() {
    let v = json(&["ladder"]);
    let skills = v["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 10);
    let cells: usize = skills.iter().map(|s| s["cells"].as_array().unwrap().len()).sum();
    assert_eq!(cells, 40);
    let lifecycle = skills.iter().find(|s| s["skill"]["id"] == "lifecycle-perspective").unwrap();
    let row: Vec<&str> =
        lifecycle["cells"].as_array().unwrap().iter().map(|c| c["proficiency"]["id"].as_str().unwrap()).collect();
    assert_eq!(row, ["working", "expert", "practitioner", "expert"]);
    assert!(lifecycle["cells"][2]["note"].is_string());
}

#[test]
fn ladder_csv_is_one_header_and_one_row_per_skill() {
    let out = stdout(&["ladder", "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "skill_id,skill_name,product-manager,senior,lead,head");
    assert_eq!(lines.len(), 11);
    assert!(
        lines.contains(&"financial-ownership,Financial Ownership,practitioner,practitioner,practitioner,practitioner")
    );
}

#[test]
fn skill_detail_explains_each_proficiency_and_each_level() {
    let out = stdout(&["skills", "product ownership"]);
    assert!(out.starts_with("Product Ownership"));
    for word in ["Awareness", "Working", "Practitioner", "Expert", "Head of Product"] {
        assert!(out.contains(word), "missing {word}");
    }
    let v = json(&["skills", "product-ownership"]);
    assert_eq!(v["proficiencies"].as_array().unwrap().len(), 4);
    let needs: Vec<&str> =
        v["levels"].as_array().unwrap().iter().map(|l| l["proficiency"]["id"].as_str().unwrap()).collect();
    assert_eq!(needs, ["practitioner", "expert", "expert", "expert"]);
}

#[test]
fn soft_skills_list_seven_and_explain_one_with_examples() {
    let v = json(&["soft-skills"]);
    assert_eq!(v["soft_skills"].as_array().unwrap().len(), 7);
    let out = stdout(&["soft-skills", "resilience"]);
    assert!(out.starts_with("Resilience"));
    assert!(out.contains("In practice"));
    let one = json(&["soft-skills", "Decision-Making"]);
    assert_eq!(one["soft_skill"]["id"], "decision-making");
    assert!(one["soft_skill"]["examples"].as_array().unwrap().len() >= 3);
}

#[test]
fn about_covers_role_technical_benefits_and_day_in_the_life() {
    let out = stdout(&["about"]);
    for section in [
        "What is a product manager?",
        "Is it a technical role?",
        "What the role brings",
        "A day in the life",
        "Licence",
    ] {
        assert!(out.contains(section), "missing {section}");
    }
    let v = json(&["about"]);
    assert_eq!(v["benefits"].as_array().unwrap().len(), 7);
    assert!(v["day_in_the_life"].as_array().unwrap().len() >= 3);
    assert!(v["framework"]["licence"].as_str().unwrap().contains("Open Government Licence"));
}

#[test]
fn diff_sorts_biggest_gaps_first_and_summarises() {
    let out = stdout(&["diff", "product-manager", "senior"]);
    assert!(out.contains("From Product Manager to Senior Product Manager"));
    assert!(out.trim_end().ends_with("8 of 10 skills must grow, 2 stay the same"), "{out}");
    let first_row = out.lines().find(|l| l.contains("+2")).unwrap();
    assert!(first_row.contains("Lifecycle Perspective"));
    assert!(out.find("+2").unwrap() < out.find("+1").unwrap());
    assert!(out.find("+1").unwrap() < out.find("┆ 0").unwrap());
    assert!(out.contains("What Senior Product Manager looks like"));
}

#[test]
fn diff_json_fields_are_stable() {
    let v = json(&["diff", "pm", "senior"]);
    for key in ["framework", "role", "from", "to", "only_gaps", "rows", "summary"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let row = &v["rows"][0];
    for key in ["skill", "from", "to", "change", "direction", "meaning", "note", "criteria", "growth"] {
        assert!(row.get(key).is_some(), "missing rows[].{key}");
    }
    assert_eq!(v["from"]["role"]["id"], "product-manager");
    assert_eq!(row["skill"]["id"], "lifecycle-perspective");
    assert_eq!(row["change"], 2);
    assert_eq!(row["direction"], "grow");
    assert_eq!(v["summary"]["grow"], 8);
    assert_eq!(v["summary"]["stay"], 2);
    assert_eq!((v["summary"]["new"].as_u64(), v["summary"]["left"].as_u64()), (Some(0), Some(0)));
    assert_eq!(v["summary"]["skills"], 10);
}

#[test]
fn only_gaps_keeps_what_must_grow_and_a_drop_is_shown_as_a_drop() {
    let out = stdout(&["diff", "senior", "lead", "--only-gaps"]);
    assert!(!out.contains("Financial Ownership"), "unchanged row shown: {out}");
    assert!(!out.lines().any(|l| l.contains("Lifecycle Perspective") && l.contains('│')), "a drop is no gap: {out}");
    assert!(out.contains("3 of 10 skills must grow, 6 stay the same, 1 drops (not a gap)"));
    let v = json(&["diff", "senior", "lead", "--only-gaps"]);
    assert_eq!(v["rows"].as_array().unwrap().len(), 3);
    assert!(v["rows"].as_array().unwrap().iter().all(|r| r["direction"] == "grow"), "{v}");
    let out = stdout(&["diff", "senior", "lead"]);
    let drop_row = out.lines().find(|l| l.contains("Lifecycle Perspective") && l.contains('│')).unwrap();
    assert!(drop_row.contains("−1 drop"), "{drop_row}");
    assert!(out.contains("Note:"));
    let v = json(&["diff", "senior", "lead"]);
    let drop = v["rows"].as_array().unwrap().iter().find(|r| r["direction"] == "drop").unwrap();
    assert_eq!(drop["skill"]["id"], "lifecycle-perspective");
    assert_eq!(drop["change"], -1);
}

#[test]
fn compare_is_an_alias_of_diff() {
    assert_eq!(stdout(&["compare", "pm", "senior"]), stdout(&["diff", "pm", "senior"]));
}

#[test]
fn diff_exit_code_is_three_when_something_must_grow() {
    cmd().args(["diff", "pm", "senior", "--exit-code"]).assert().code(3);
    cmd().args(["diff", "senior", "senior", "--exit-code"]).assert().code(0);
    // A drop alone is not a gap.
    cmd().args(["diff", "lead", "senior", "--exit-code", "--format", "json"]).assert().code(3);
    cmd().args(["diff", "head", "lead", "--exit-code"]).assert().code(0);
}

#[test]
fn names_resolve_by_id_alias_display_name_and_prefix() {
    let by_id = stdout(&["show", "senior"]);
    for name in ["spm", "Senior Product Manager", "SENIOR", "sen", "senior-product-manager"] {
        assert_eq!(stdout(&["show", name]), by_id, "name {name}");
    }
}

#[test]
fn unknown_level_fails_with_valid_names_and_a_suggestion() {
    cmd()
        .args(["show", "senoir"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(contains("error: unknown level `senoir`"))
        .stderr(contains("valid levels: product-manager (Product Manager), senior (Senior Product Manager)"))
        .stderr(contains("did you mean `senior`?"));
}

#[test]
fn unknown_skill_and_soft_skill_suggest() {
    cmd()
        .args(["skills", "product ownersip"])
        .assert()
        .code(1)
        .stderr(contains("unknown skill `product ownersip`"))
        .stderr(contains("did you mean `product-ownership`?"));
    cmd().args(["soft-skills", "resilence"]).assert().code(1).stderr(contains("did you mean `resilience`?"));
    cmd().args(["diff", "pm", "hed"]).assert().code(1).stderr(contains("did you mean `head`?"));
}

#[test]
fn ambiguous_prefix_is_an_error_naming_the_candidates() {
    cmd()
        .args(["skills", "pro"])
        .assert()
        .code(1)
        .stderr(contains("ambiguous"))
        .stderr(contains("`problem-ownership`"))
        .stderr(contains("`product-ownership`"));
}

#[test]
fn usage_errors_exit_two() {
    cmd().args(["shw", "senior"]).assert().code(2);
    cmd().args(["show"]).assert().code(2);
    cmd().args(["ladder", "--format", "xml"]).assert().code(2).stderr(contains("possible values"));
    cmd().args(["ladder", "--color", "sometimes"]).assert().code(2);
}

#[test]
fn every_command_supports_every_format() {
    for args in COMMANDS {
        let json_out = stdout(&[args, &["--format", "json"][..]].concat());
        let parsed: serde_json::Value = serde_json::from_str(&json_out).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert!(parsed.is_object(), "{args:?}");

        let yaml_out = stdout(&[args, &["--format", "yaml"][..]].concat());
        let from_yaml: serde_json::Value = serde_yaml_value(&yaml_out);
        assert_eq!(from_yaml, parsed, "{args:?}: YAML and JSON carry the same fields");

        let csv_out = stdout(&[args, &["--format", "csv"][..]].concat());
        let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
        let width = reader.headers().unwrap().len();
        assert!(width >= 2, "{args:?}");
        let mut rows = 0;
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), width, "{args:?}: ragged CSV");
            rows += 1;
        }
        assert!(rows >= 1, "{args:?}: no CSV rows");

        let md = stdout(&[args, &["--format", "markdown"][..]].concat());
        assert!(md.starts_with("# ") || md.starts_with('_'), "{args:?}: {md}");
        assert!(!md.contains('┆') && !md.contains('\x1b'), "{args:?}");

        let table = stdout(&[args, &["--format", "table"][..]].concat());
        assert!(!table.is_empty() && !table.contains('\x1b'), "{args:?}");
    }
}

fn serde_yaml_value(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).expect("valid YAML")
}

#[test]
fn markdown_tables_render_as_pipe_tables() {
    let md = stdout(&["diff", "pm", "senior", "--format", "markdown"]);
    assert!(md.contains("| Skill | Product Manager | Senior Product Manager | Change |"));
    assert!(md.contains("|---|---|---|---|"));
    assert!(md.contains("**8 of 10 skills must grow, 2 stay the same**"));
}

#[test]
fn tables_fit_columns_and_fall_back_to_80() {
    for cols in ["60", "100", "200"] {
        let out = cmd().args(["ladder"]).env("COLUMNS", cols).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= cols.parse().unwrap(), "COLUMNS={cols}: {widest}");
    }
    let narrow = cmd().args(["ladder"]).env("COLUMNS", "10").output().unwrap();
    let widest = String::from_utf8(narrow.stdout).unwrap().lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 80 && widest > 40, "under 20 falls back to 80: {widest}");
}

#[test]
fn without_a_terminal_or_columns_nothing_wraps() {
    let out = cmd().args(["show", "senior"]).env_remove("COLUMNS").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.chars().count() > 80), "expected long unwrapped lines");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let always = cmd().args(["diff", "pm", "senior", "--color", "always"]).output().unwrap();
    assert!(String::from_utf8_lossy(&always.stdout).contains("\x1b["));
    // Not a terminal: auto means no colour.
    let auto = cmd().args(["diff", "pm", "senior"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&auto.stdout).contains('\x1b'));
    let never = cmd().args(["diff", "pm", "senior", "--color", "never"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
    let no_color = cmd().args(["diff", "pm", "senior"]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\x1b'));
    // Machine formats never carry colour.
    let json = cmd().args(["diff", "pm", "senior", "--color", "always", "-f", "json"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&json.stdout).contains('\x1b'));
}

#[test]
fn closed_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin!("pm-skills");
    for args in [&["ladder"][..], &["about"], &["ladder", "-f", "json"]] {
        let mut child = Command::new(bin)
            .args(args)
            .env("COLUMNS", "80")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, then close the pipe as `head -1` does.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        let _ = stdout.read(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{args:?}");
    }
}

#[test]
fn shell_head_sees_exit_zero() {
    let bin = assert_cmd::cargo::cargo_bin!("pm-skills");
    let script = format!("'{}' ladder | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"", bin.display());
    let out = std::process::Command::new("bash").args(["-c", &script]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn the_long_help_of_format_names_every_format() {
    let help = String::from_utf8(cmd().args(["levels", "--help"]).output().unwrap().stdout).unwrap();
    let format = &help[help.find("--format <FORMAT>").expect("--format in the help")..];
    let format = &format[..format.find("--color").expect("--color after --format")];
    for name in ["table", "json", "yaml", "csv", "markdown", "html"] {
        assert!(format.contains(&format!("- {name}:")) && format.contains(name), "{name} missing: {format}");
    }
}

#[test]
fn help_documents_exit_codes_and_every_command_has_an_example() {
    cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Exit codes:"))
        .stdout(contains("2  usage error"))
        .stdout(contains("3  with --exit-code"));
    // Every visible command, nested ones included, as the CLI defines them.
    let root = <pm_skills::cli::Cli as clap::CommandFactory>::command();
    let mut paths: Vec<Vec<String>> = Vec::new();
    for sub in root.get_subcommands().filter(|c| !c.is_hide_set()) {
        let nested: Vec<_> = sub.get_subcommands().filter(|c| !c.is_hide_set()).collect();
        // A command with commands of its own (`profile`, `import`) has examples too.
        paths.push(vec![sub.get_name().to_string()]);
        for inner in nested {
            paths.push(vec![sub.get_name().to_string(), inner.get_name().to_string()]);
        }
    }
    assert!(paths.len() >= 16, "{paths:?}");
    for path in paths {
        let shown = format!("pm-skills {}", path.join(" "));
        cmd()
            .args(&path)
            .arg("--help")
            .assert()
            .success()
            .stdout(contains("Examples:"))
            .stdout(contains(shown.as_str()).or(contains("pm-skills compare")));
    }
}

#[test]
fn version_flag_prints_the_version() {
    cmd().arg("--version").assert().success().stdout(contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_second_builtin_framework_works_with_every_command() {
    let v = json(&["--framework", "ddat-2025", "levels"]);
    let ids: Vec<&str> = v["levels"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["associate", "product-manager", "senior", "lead", "head"]);
    let d = json(&["--framework", "ddat", "diff", "associate", "head"]);
    assert_eq!(d["summary"]["skills"], 9);
    cmd().args(["--framework", "dvl", "levels"]).assert().success();
    cmd()
        .args(["--framework", "nope", "levels"])
        .assert()
        .code(1)
        .stderr(contains("unknown framework `nope`"))
        .stderr(contains("dvla"));
    let list = json(&["frameworks"]);
    assert_eq!(list["frameworks"][0]["id"], "dvla");
    assert_eq!(list["frameworks"][0]["default"], true);
}
