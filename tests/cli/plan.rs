//! `plan`: a development plan from one profile, in every format, with the target from `--to`, the
//! profile's `target:` or the level above, and the refusals with nothing on stdout.

use std::path::{Path, PathBuf};

use crate::common::{cmd, example_path, json, stdout};

/// Sam's second check-in: four gaps of one step to Senior, evidence on several skills.
fn sam() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/growth/checkins/2026-06-01.yaml");
    p.to_str().unwrap().to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// A designer on the custom ladder, whose Senior Designer cell has criteria and whose sketching
/// skill has tips and a resource; mentoring is left blank.
const DESIGNER: &str = "name: Dee\nrole: designer\nlevel: designer\ndate: 2026-05-01\nassessor: Jo Bloggs\nskills:\n  \
                        sketching:\n    proficiency: competent\n    evidence: [Sketched the checkout journey.]\n  \
                        reviewing: competent\n";

/// What a failed run printed: exit 1, nothing on stdout, and the stderr text.
fn refused(args: &[&str], stdin: &str) -> String {
    let out = cmd().args(args).write_stdin(stdin).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: a failed run wrote to stdout");
    err
}

/// Where each of `parts` is in `text`, which must hold them all, in that order.
fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..].find(part).unwrap_or_else(|| panic!("`{part}` missing or out of order in:\n{text}"));
        from += at + part.len();
    }
}

#[test]
fn the_table_view_walks_each_gap_then_what_is_met() {
    let out = stdout(&["plan", "--profile", &sam()]);
    in_order(
        &out,
        &[
            "Development plan: Sam Okafor\n",
            "  Current level: Product Manager\n",
            "  Target:        Senior Product Manager (the level above the current one)\n",
            "  Assessed:      2026-06-01, a self-assessment\n",
            "  Framework:     DVLA product manager skills snapshot\n",
            "\nTo grow\n",
            "\nFinancial Ownership: Working → Practitioner, 1 step\n  What Senior Product Manager expects\n  Practitioner: ",
            "  Evidence so far\n    • Found I had not yet owned a business case from start to finish.\n",
            "  How to grow\n  DVLA product manager skills snapshot gives no tips for Financial Ownership.\n",
            "  Actions\n    [ ] ___",
            "\nLifecycle Perspective: Practitioner → Expert, 1 step\n",
            "  Evidence so far\n  No evidence recorded yet.\n",
            "\nOperational Management: Practitioner → Expert, 1 step\n",
            "\nProduct Ownership: Practitioner → Expert, 1 step\n",
            "\nAlready met\n",
            "Agile Working",
            // The summary wraps at the width (80) between words.
            "\nSam Okafor: meets 6 of 10; 4 to grow: Financial Ownership, Lifecycle\nPerspective, Operational \
             Management, Product Ownership\n",
        ],
    );
    assert_eq!(out.matches("    [ ] ").count(), 12, "three blank actions per gap:\n{out}");
    assert_eq!(out.matches("gives no tips for").count(), 4, "{out}");
    // One role: no other roles, and no blank to assess.
    assert!(!out.contains("Other roles within reach") && !out.contains("Assess first"), "{out}");
}

#[test]
fn markdown_has_a_heading_per_skill_and_checkboxes_to_fill_in() {
    let md = stdout(&["plan", "--profile", &sam(), "--format", "markdown"]);
    in_order(
        &md,
        &[
            "# Development plan: Sam Okafor\n\n- **Person:** Sam Okafor\n",
            "- **Target:** Senior Product Manager (the level above the current one)\n",
            "\n## To grow\n\n### Financial Ownership: Working → Practitioner, 1 step\n\n#### What Senior Product Manager \
             expects\n\nPractitioner: Builds business cases",
            "\n#### Evidence so far\n\n- Found I had not yet owned a business case from start to finish.\n",
            "\n#### How to grow\n\nDVLA product manager skills snapshot gives no tips for Financial Ownership.\n",
            "\n#### Actions\n\n- [ ] ______________________________\n- [ ] ",
            "\n### Lifecycle Perspective: Practitioner → Expert, 1 step\n",
            "\n## Already met\n\n| Skill | Has | Evidence |\n",
            "| Agile Working | Expert | Coached the new payments squad through its first four sprints. |\n",
            "| Strategic Focus | Practitioner | — |\n",
            "\n**Sam Okafor: meets 6 of 10; 4 to grow: ",
        ],
    );
    assert_eq!(md.matches("\n- [ ] ").count(), 12, "{md}");
    assert_eq!(md.matches("\n### ").count(), 4, "{md}");
    // Above what the target needs, the table says what it needs.
    let md = stdout(&["plan", "--profile", &sam(), "--to", "pm", "--format", "markdown"]);
    assert!(md.contains("\n| Agile Working | Expert (needs Practitioner) | Coached the new payments squad"), "{md}");
    assert!(md.contains("\n| Operational Management | Practitioner | — |\n"), "{md}");
}

#[test]
fn html_keeps_each_skill_together_with_lines_to_write_on() {
    let html = stdout(&["plan", "--profile", &sam(), "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<title>Development plan: Sam Okafor</title>"));
    assert_eq!(html.matches("<section class=\"part\">").count(), 4, "{html}");
    assert_eq!(html.matches("<ul class=\"actions\"").count(), 4, "{html}");
    assert_eq!(html.matches("<li></li>").count(), 12, "{html}");
    assert!(html.contains("<h3>Financial Ownership: Working → Practitioner, 1 step</h3>\n<h4>What Senior"), "{html}");
    assert!(html.contains("@page { size: A4;") && html.contains("section.part { break-inside: avoid; }"));
    // A plan is a document to print: no chart.
    assert!(!html.contains("<svg"), "{html}");
}

#[test]
fn json_and_yaml_carry_every_section_with_the_growth_material() {
    let v = json(&["plan", "--profile", &sam()]);
    assert_eq!(v["framework"]["id"], "dvla");
    assert!(v["source"].as_str().unwrap().contains("DVLA"), "{v}");
    assert_eq!(
        (v["person"]["name"].as_str(), v["person"]["level"]["id"].as_str()),
        (Some("Sam Okafor"), Some("product-manager"))
    );
    assert_eq!((v["date"].as_str(), v["assessor"].as_str()), (Some("2026-06-01"), Some("self")));
    assert_eq!(
        (v["target"]["id"].as_str(), v["target"]["role"]["id"].as_str()),
        (Some("senior"), Some("product-manager"))
    );
    assert_eq!(v["target_from"], "next");
    let ids = |key: &str| -> Vec<String> {
        v[key].as_array().unwrap().iter().map(|r| r["skill"]["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(
        ids("to_grow"),
        ["financial-ownership", "lifecycle-perspective", "operational-management", "product-ownership"]
    );
    assert!(ids("assess_first").is_empty());
    assert_eq!(ids("met").len(), 6);
    let first = &v["to_grow"][0];
    assert_eq!(
        (first["have"]["id"].as_str(), first["need"]["id"].as_str(), first["gap"].as_i64()),
        (Some("working"), Some("practitioner"), Some(1))
    );
    assert_eq!(first["status"], "grow");
    assert_eq!(first["evidence"][0], "Found I had not yet owned a business case from start to finish.");
    assert!(first["meaning"].as_str().unwrap().starts_with("Builds business cases"), "{first}");
    assert!(first["growth"]["tip"].is_null() && first["growth"]["resources"] == serde_json::json!([]), "{first}");
    assert_eq!(first["actions"], serde_json::json!([]));
    assert_eq!(v["met"][0]["evidence"][0], "Coached the new payments squad through its first four sprints.");
    assert!(v["other_roles"].is_null(), "one role: {v}");
    assert_eq!(v["summary"]["grow"], 4);
    // YAML is the same document.
    let yaml = stdout(&["plan", "--profile", &sam(), "--format", "yaml"]);
    let from_yaml: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(from_yaml, v);
}

#[test]
fn csv_has_one_row_per_skill_with_status_evidence_and_tip() {
    let csv = stdout(&["plan", "--profile", &sam(), "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("person,target,skill_id,skill_name,status,have,need,gap,evidence,tip,resources"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 10, "{csv}");
    assert_eq!(
        rows[0],
        "Sam Okafor,senior,financial-ownership,Financial Ownership,grow,working,practitioner,1,Found I had not yet \
         owned a business case from start to finish.,,"
    );
    assert!(rows[4].starts_with("Sam Okafor,senior,agile-working,Agile Working,met,expert,expert,0,"), "{csv}");
}

#[test]
fn the_custom_ladder_shows_criteria_tips_resources_and_other_roles() {
    let dir = tempfile::tempdir().unwrap();
    let dee = write(dir.path(), "dee.yaml", DESIGNER);
    let data = example_path("custom-ladder");
    let run = |format: &str| stdout(&["--data", &data, "plan", "--profile", &dee, "--format", format]);
    let table = run("table");
    let words = table.split_whitespace().collect::<Vec<_>>().join(" ");
    in_order(
        &words,
        &[
            "Role: Designer Current level: Designer Target: Senior Designer (the level above the current one)",
            "Assessed: 2026-05-01, by Jo Bloggs Framework: Acme career ladder Source: Invented as an example for pm-skills.",
            "Sketching: Competent → Proficient, 1 step What Senior Designer expects Proficient: Runs sketching sessions.",
            "• Sketches a whole journey before anyone opens a design tool.",
            "• Runs sketching sessions with people outside design. For example: A session with engineers on the checkout flow.",
            "Evidence so far • Sketched the checkout journey.",
            "How to grow Run a sketching session for another team and ask what they would change.",
            "• Sketching user experiences (book): https://example.org/sketching",
            "Assess first",
            "Mentoring: unassessed → Competent",
            "Acme career ladder gives no tips for Mentoring.",
            "Already met",
            "Other roles within reach",
            "Engineer",
            "Moves are ranked by how much of each level the source already brings",
            "Dee: meets 1 of 3; 1 to grow: Sketching; 1 unassessed: Mentoring",
        ],
    );
    let md = run("markdown");
    assert!(md.contains("\n- Runs sketching sessions with people outside design. For example: A session with engineers on the checkout flow.\n"), "{md}");
    assert!(md.contains("\n- Sketching user experiences (book): https://example.org/sketching\n"), "{md}");
    assert!(md.contains("\n## Other roles within reach\n\n| Role | Level | Coverage | How far | Top gaps |\n"), "{md}");
    let html = run("html");
    assert!(html.contains("<p>Run a sketching session for another team and ask what they would change.</p>"), "{html}");
    assert!(html.contains("<li>Sketching user experiences (book): https://example.org/sketching</li>"), "{html}");
    let v = json(&["--data", &data, "plan", "--profile", &dee]);
    let sketching = &v["to_grow"][0];
    assert_eq!(sketching["criteria"][1]["examples"][0], "A session with engineers on the checkout flow.");
    assert!(sketching["growth"]["tip"].as_str().unwrap().starts_with("Run a sketching session"));
    assert_eq!(sketching["growth"]["resources"][0]["url"], "https://example.org/sketching");
    assert_eq!(v["assess_first"][0]["skill"]["id"], "mentoring");
    let others = v["other_roles"].as_array().expect("two roles: the other one's levels");
    assert!(!others.is_empty() && others.len() <= 3, "{v}");
    assert!(others.iter().all(|e| e["role"]["id"] == "engineer"), "{v}");
    let yaml = run("yaml");
    assert!(yaml.contains("tip: Run a sketching session for another team"), "{yaml}");
    assert!(yaml.contains("url: https://example.org/sketching") && yaml.contains("other_roles:"), "{yaml}");
    let csv = run("csv");
    assert!(
        csv.contains(
            ",sketching,Sketching,grow,competent,proficient,1,Sketched the checkout journey.,Run a sketching session"
        ),
        "{csv}"
    );
    assert!(csv.contains("Sketching user experiences <https://example.org/sketching>"), "{csv}");
}

#[test]
fn the_career_map_names_a_few_levels_of_the_other_roles_nearest_first() {
    let data = example_path("career-map");
    let ada = example_path("career-team/ada.yaml");
    let v = json(&["--data", &data, "plan", "--profile", &ada]);
    assert_eq!(v["target"]["role"]["id"], "analyst");
    let others = v["other_roles"].as_array().unwrap();
    // One level of each other role, the one nearest the target's seniority, ranked by the move
    // rule: the better covered first.
    assert_eq!(others.len(), 2, "{v}");
    assert!(others.iter().all(|e| e["role"]["id"] != "analyst"), "{v}");
    let coverage: Vec<f64> = others.iter().map(|e| e["coverage"].as_f64().unwrap()).collect();
    assert!(coverage.windows(2).all(|w| w[0] >= w[1]), "{coverage:?}");
    // The same counts as `gap --to` for each of those levels.
    for e in others {
        let to = format!("{}/{}", e["role"]["id"].as_str().unwrap(), e["level"]["id"].as_str().unwrap());
        let gap = json(&["--data", &data, "gap", "--profile", &ada, "--to", &to]);
        assert_eq!(gap["summary"], e["readiness"], "{to}");
    }
}

#[test]
fn the_target_is_to_else_the_profiles_target_else_the_level_above() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sam()).unwrap();
    let aiming = write(
        dir.path(),
        "aiming.yaml",
        &text.replace("level: product-manager\n", "level: product-manager\ntarget: lead\n"),
    );
    let v = json(&["plan", "--profile", &aiming]);
    assert_eq!((v["target"]["id"].as_str(), v["target_from"].as_str()), (Some("lead"), Some("profile")));
    assert!(
        stdout(&["plan", "--profile", &aiming]).contains("Target:        Lead Product Manager (the profile's target)")
    );
    // --to wins over the profile's target, and takes any name `gap --to` takes.
    for name in ["head", "Head of Product", "product-manager/head"] {
        let v = json(&["plan", "--profile", &aiming, "--to", name]);
        assert_eq!((v["target"]["id"].as_str(), v["target_from"].as_str()), (Some("head"), Some("to")), "{name}");
    }
    let gap = json(&["gap", "--profile", &sam(), "--to", "lead"]);
    let plan = json(&["plan", "--profile", &sam(), "--to", "lead"]);
    assert_eq!(plan["summary"], gap["summary"], "the plan is the gap comparison written out");
    // ROLE/LEVEL aims at another role's level, named in the header.
    let dee = write(dir.path(), "dee.yaml", DESIGNER);
    let data = example_path("custom-ladder");
    let out = stdout(&["--data", &data, "plan", "--profile", &dee, "--to", "engineer/engineer"]);
    assert!(out.contains("Target:        Engineer, in the Engineer role (chosen with --to)"), "{out}");
    let v = json(&["--data", &data, "plan", "--profile", &dee, "--to", "engineer/engineer"]);
    assert_eq!(v["role"]["id"], "engineer");
    assert!(v["other_roles"].as_array().unwrap().iter().all(|e| e["role"]["id"] != "engineer"), "{v}");
}

#[test]
fn a_profile_on_standard_input_is_read_once() {
    let text = std::fs::read_to_string(sam()).unwrap();
    let out = cmd().args(["plan", "--profile", "-", "--format", "markdown"]).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("- **Profile:** \\<stdin\\>\n") && md.contains("### Financial Ownership"), "{md}");
}

#[test]
fn refusals_say_why_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let blank = write(dir.path(), "blank.yaml", "name: Kim\nskills:\n  user-focus: working\n");
    let err = refused(&["plan", "--profile", &blank], "");
    assert_eq!(
        err,
        format!(
            "error: {blank} names no `target` and no current `level`, so there is no level to aim for; give the \
             target with --to LEVEL\n"
        )
    );
    let err = refused(&["plan", "--profile", &sam(), "--to", "seinor"], "");
    assert!(err.starts_with("error: unknown level `seinor`"), "{err}");
    assert!(err.contains("did you mean `senior`?"), "{err}");
    let missing = dir.path().join("missing.yaml");
    let err = refused(&["plan", "--profile", missing.to_str().unwrap()], "");
    assert!(err.contains("missing.yaml") && err.contains("no such file"), "{err}");
    let err = refused(&["plan", "--profile", "-"], "name: Top\nlevel: head\nskills: {}\n");
    assert!(
        err.contains("<stdin> is already at the top level (Head of Product); give the target with --to LEVEL"),
        "{err}"
    );
    let err = refused(&["plan", "--profile", "-"], "name: Kim\nlevel: pm\ntarget: leed\nskills: {}\n");
    assert!(
        err.contains("<stdin>:3: error: `target` names unknown level `leed`") && err.contains("did you mean `lead`?"),
        "{err}"
    );
    // No profile at all is a usage error.
    let out = cmd().arg("plan").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let help = stdout(&["plan", "--help"]);
    assert!(help.contains("pm-skills plan --profile me.yaml"), "{help}");
    assert!(help.contains("--format html > plan.html") && help.contains("Exit codes:"), "{help}");
    assert!(stdout(&["--help"]).contains("plan"), "the command is listed");
}
