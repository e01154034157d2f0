//! `gap` and the profiles it is given: evidence in every human format.

use std::path::{Path, PathBuf};

use crate::common::{json, stdout};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team").join(name)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
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
