//! Pictures and the shell: HTML reports with charts, the man page, --version. (Completion:
//! completion.rs.)
//! (The same pages in a real browser: tests/browser/.)

use std::process::Command;

use predicates::str::contains;

use crate::common::{cmd, needs, stdout};

#[path = "../browser/fixture.rs"]
pub mod fixture;

fn html(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "html"]);
    stdout(&all)
}

/// Checks what every page must be: one self-contained document, with no script and nothing
/// fetched, a marked-up chart, and the data as tables.
fn assert_page(page: &str, axes: usize, series: usize, cells: usize) {
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{page}");
    assert!(page.trim_end().ends_with("</html>"));
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<link rel=\"stylesheet\""));
    // The SVG namespace is the only URL: nothing is loaded from anywhere.
    assert_eq!(page.matches("http://").count() + page.matches("https://").count(), 1, "{page}");
    assert_eq!(page.matches("<svg").count(), 1);
    assert!(page.contains("role=\"img\"") && page.contains("<desc id="));
    assert!(page.contains("@media print") && page.contains("size: A4"));
    assert_eq!(page.matches("class=\"axis\"").count(), axes, "axes");
    assert_eq!(page.matches("class=\"series ").count(), series, "outlines");
    assert_eq!(page.matches("class=\"cell\"").count(), cells, "heatmap cells");
    // The same data below the chart, as a table with headers.
    let (svg, table) = (page.find("<svg").unwrap(), page.find("<table>").expect("a data table"));
    assert!(svg < table, "the table comes after the chart");
    assert!(page.contains("<th scope=\"col\">") && page.contains("<th scope=\"row\">"));
}

#[test]
fn show_ladder_diff_and_path_pages_draw_one_axis_per_skill_and_one_outline_per_level() {
    let show = html(&["show", "senior"]);
    assert_page(&show, 10, 1, 0);
    assert!(show.contains("<title>Senior Product Manager (level 2 of 4, Product manager)</title>"));
    assert!(show.contains("<td>●●●● Expert</td>"));
    assert_page(&html(&["ladder"]), 10, 4, 0);
    let diff = html(&["diff", "pm", "senior"]);
    assert_page(&diff, 10, 2, 0);
    assert!(diff.contains("<td class=\"grow\">+2</td>"), "growth is marked in the table");
    assert!(diff.contains("<p class=\"summary\"><strong>8 of 10 skills must grow, 2 stay the same</strong></p>"));
    assert_page(&html(&["diff", "pm", "head", "--path"]), 10, 4, 0);
    assert_page(&html(&["--framework", "ddat-2025", "ladder"]), 9, 5, 0);
    // The line styles differ, not only the colours.
    let ladder = html(&["ladder"]);
    let dashes: std::collections::BTreeSet<&str> = ladder
        .split("class=\"series ")
        .skip(1)
        .map(|s| s.split_once("stroke-dasharray=\"").map_or("solid", |(_, d)| d.split('"').next().unwrap()))
        .collect();
    assert_eq!(dashes.len(), 4, "{dashes:?}");
}

#[test]
fn gap_pages_show_person_against_target_and_a_team_heatmap() {
    let root = env!("CARGO_MANIFEST_DIR");
    let tom = format!("{root}/examples/team/tom.yaml");
    let gap = html(&["gap", "--profile", &tom, "--to", "lead"]);
    assert_page(&gap, 10, 2, 0);
    assert!(gap.contains("Lead Product Manager needs") && gap.contains("Tom Evans has (2 unassessed"));
    let team = html(&["gap", "--team", &format!("{root}/examples/team"), "--to", "senior"]);
    assert_page(&team, 0, 0, 20);
    assert!(team.contains("Priya Shah, Operational Management: 2 steps to grow"));
    assert!(team.contains("url(#chart-1-hatch)"), "unassessed cells are hatched, not only coloured");
}

#[test]
fn any_number_of_skills_from_3_to_30_and_markup_in_data_stays_text() {
    for skills in [3, 4, 12, 13, 30] {
        let dir = tempfile::tempdir().unwrap();
        fixture::write_framework(dir.path(), skills);
        let data = dir.path().join("data").display().to_string();
        let team = dir.path().join("team").display().to_string();
        for (args, axes, series, cells) in [
            (vec!["ladder"], skills, 3, 0),
            (vec!["show", "middle"], skills, 1, 0),
            (vec!["diff", "junior", "top"], skills, 2, 0),
            (vec!["gap", "--team", &team, "--to", "middle"], 0, 0, 2 * skills),
            (vec!["gap", "-p", &format!("{team}/p1.yaml"), "--to", "top"], skills, 2, 0),
        ] {
            let mut all = vec!["--data", &data];
            all.extend(args);
            let page = html(&all);
            assert_page(&page, axes, series, cells);
            assert!(page.contains("&lt;script&gt;console.error(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x"));
            assert!(!page.contains("<b>PM") && !page.contains("<i>Ann"), "names with markup are escaped");
        }
    }
}

#[test]
fn too_few_skills_for_a_radar_leave_a_note_and_the_table() {
    let page = html(&["diff", "senior", "lead", "--only-gaps"]);
    // Senior to Lead grows three skills: still a radar.
    assert_page(&page, 3, 2, 0);
    let dir = tempfile::tempdir().unwrap();
    fixture::write_framework(dir.path(), 3);
    let data = dir.path().join("data").display().to_string();
    let page = html(&["--data", &data, "diff", "junior", "top", "--only-gaps"]);
    assert!(page.contains("<p class=\"note\">No chart: a radar chart needs at least three skills.</p>"), "{page}");
    assert!(page.contains("<table>") && !page.contains("<svg"));
}

#[test]
fn other_reports_render_as_plain_pages_and_other_formats_have_no_html() {
    let page = html(&["levels"]);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<table>") && !page.contains("<svg"));
    for format in ["table", "markdown", "json", "yaml", "csv"] {
        let out = stdout(&["diff", "pm", "senior", "--format", format]);
        assert!(!out.contains("<svg") && !out.contains("<!DOCTYPE"), "{format}");
    }
}

#[test]
fn version_names_the_built_in_frameworks() {
    let out = stdout(&["--version"]);
    assert!(out.starts_with(&format!("pm-skills {}\n", env!("CARGO_PKG_VERSION"))), "{out}");
    assert!(out.contains("built-in frameworks: ") && out.contains("dvla 2024") && out.contains("ddat-2025"), "{out}");
    assert_eq!(stdout(&["-V"]), format!("pm-skills {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn man_page_has_its_sections() {
    let page = stdout(&["man"]);
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH pm-skills 1"), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH \"EXAMPLES\"",
        ".SH \"EXIT STATUS\"",
        ".SH VERSION",
    ] {
        assert!(page.contains(section), "missing {section}");
    }
    assert!(page.is_ascii(), "non-ASCII text is escaped for roff");
    cmd().args(["man", "--help"]).assert().success().stdout(contains("pm-skills man | man -l -"));
}

#[test]
#[ignore = "needs man (man-db)"]
fn man_page_renders_without_warnings() {
    needs("man", &["--version"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pm-skills.1");
    std::fs::write(&file, stdout(&["man"])).unwrap();
    let out = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.trim().is_empty(), "warnings:\n{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    for words in ["pm-skills show", "completions", "EXIT STATUS", "Built-in frameworks:"] {
        assert!(text.contains(words), "the rendered page lacks {words:?}");
    }
}
