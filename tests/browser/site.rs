//! The site in a real browser: axe-core 4 runs in headless Chromium, driven by puppeteer-core
//! (`tests/browser/axe/check.js`, versions pinned in its package-lock.json), on one page of every
//! type, and must find no violation of WCAG 2.0, 2.1 or 2.2 at levels A and AA. The same run
//! checks that no page logs to the console or asks for anything but the site's own files, that
//! the first Tab shows the skip link with a focus outline, and that the search box finds, lists
//! and opens a result. A page with known faults proves that axe reports them.
//!
//! The script needs Node.js and its packages: `npm ci --prefix tests/browser/axe` (as `.ci/run`
//! does). A missing `node_modules` or browser fails these tests loudly; they never pass by
//! skipping. With `PM_SKILLS_UPDATE_SCREENSHOTS=1` the home, a level and a comparison of the
//! default framework's site are copied to `docs/img/site-*.png`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{TIMEOUT, bin, chromium_or_fail};

/// The folder of the axe-core script and its packages.
fn axe_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/axe")
}

/// Writes the site of `args` (a framework option, or none) into `out`.
fn build_site(args: &[&str], out: &Path) {
    let status = Command::new(bin())
        .args(args)
        .args(["site", "--out"])
        .arg(out)
        .env_remove("PM_SKILLS_DATA")
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "pm-skills {args:?} site failed");
}

/// What the script found on one page.
struct Found {
    page: String,
    value: serde_json::Value,
}

/// Runs check.js on `pages` of the site in `root`; types `query` into the search box of `search`.
fn check(root: &Path, pages: &[String], search: &str, query: &str, screenshots: &[(&str, PathBuf)]) -> Vec<Found> {
    let browser = chromium_or_fail("the accessibility test");
    let dir = axe_dir();
    assert!(
        dir.join("node_modules/axe-core").is_dir() && dir.join("node_modules/puppeteer-core").is_dir(),
        "the accessibility test needs axe-core and puppeteer-core: run `npm ci --prefix {}` (as .ci/run does)",
        dir.display()
    );
    let shots: serde_json::Map<String, serde_json::Value> =
        screenshots.iter().map(|(p, to)| (p.to_string(), to.display().to_string().into())).collect();
    let request = serde_json::json!({
        "root": root.display().to_string(), "pages": pages, "search": search, "query": query, "screenshots": shots
    });
    let file = root.join("axe-request.json");
    std::fs::write(&file, request.to_string()).unwrap();
    let mut child = Command::new("node")
        .arg(dir.join("check.js"))
        .arg(&file)
        .env("PM_SKILLS_CHROMIUM", &browser)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("the accessibility test needs Node.js (`node`), which did not start: {e}"));
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > TIMEOUT * 4 {
            let _ = child.kill();
            panic!("the axe-core run took over {:?}", TIMEOUT * 4);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "check.js failed: {}", String::from_utf8_lossy(&out.stderr));
    let results: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("check.js prints JSON");
    println!("axe-core: {} pages in {:.1?}", results.len(), start.elapsed());
    results
        .into_iter()
        .map(|value| Found { page: value["page"].as_str().unwrap_or_default().to_string(), value })
        .collect()
}

/// Every page clean: no violation, no console message, no request elsewhere, a skip link.
fn assert_clean(found: &[Found]) {
    let mut faults = Vec::new();
    for f in found {
        for v in f.value["violations"].as_array().into_iter().flatten() {
            faults.push(format!("{}: {} ({}): {}\n    {}", f.page, v["id"], v["impact"], v["help"], v["nodes"]));
        }
        for message in f.value["console"].as_array().into_iter().flatten() {
            faults.push(format!("{}: console: {message}", f.page));
        }
        for url in f.value["external"].as_array().into_iter().flatten() {
            faults.push(format!("{}: request to {url}", f.page));
        }
        let skip = &f.value["skip"];
        if skip["href"] != "#main" || skip["visible"] != true || skip["outline"] != true {
            faults.push(format!("{}: the first Tab does not show the skip link with an outline: {skip}", f.page));
        }
        println!("axe-core: {:<52} 0 violations", f.page);
    }
    assert!(faults.is_empty(), "{} problems:\n{}", faults.len(), faults.join("\n"));
}

/// A page with faults axe must report: an image without a text, a field without a label, grey on
/// grey. Without it, "0 violations" could mean that axe never ran.
fn write_canary(root: &Path) -> String {
    let page = "axe-canary.html";
    std::fs::write(
        root.join(page),
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>canary</title></head><body><main>\
         <h1>Canary</h1><img src=\"data:,\"><input type=\"text\"><p style=\"color:#aaa;background:#bbb\">faint</p>\
         <a class=\"skip\" href=\"#main\" style=\"outline:3px solid\">Skip</a></main></body></html>",
    )
    .unwrap();
    page.to_string()
}

#[test]
#[ignore = "needs chromium and node (npm ci --prefix tests/browser/axe)"]
fn the_site_passes_axe_core_on_every_page_type() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let (site, custom) = (root.join("site"), root.join("custom"));
    build_site(&[], &site);
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/custom-ladder");
    build_site(&["--data", fixture], &custom);
    let framework = pm_skills::data::load_folder(Path::new(fixture)).unwrap().0;
    // One page of every type of the default site; from the fixture, a level with moves to other
    // roles and behaviours, a skill with tips and resources, a soft skill that levels rate.
    let mut pages: Vec<String> = [
        "index.html",
        "skills.html",
        "soft-skills.html",
        "a-z.html",
        "roles/product-manager.html",
        "roles/product-manager/senior.html",
        "about/product-manager.html",
        "diff/product-manager/senior--lead.html",
        "skills/lifecycle-perspective.html",
        "soft-skills/resilience.html",
    ]
    .map(|p| format!("site/{p}"))
    .to_vec();
    let role = &framework.roles[0];
    pages.push(format!("custom/roles/{}/{}.html", role.id, role.levels[1].id));
    pages.push(format!("custom/roles/{}.html", role.id));
    pages.push(format!("custom/diff/{}/{}--{}.html", role.id, role.levels[0].id, role.levels[1].id));
    for s in framework.skills.iter().filter(|s| !s.resources.is_empty()) {
        pages.push(format!("custom/skills/{}.html", s.id));
    }
    for s in &framework.soft_skills {
        pages.push(format!("custom/soft-skills/{}.html", s.id));
    }
    let canary = write_canary(&root);
    pages.push(canary.clone());
    let shots = [
        ("site/index.html", root.join("site-home.png")),
        ("site/roles/product-manager/senior.html", root.join("site-level.png")),
        ("site/diff/product-manager/product-manager--senior.html", root.join("site-diff.png")),
    ];
    pages.push(shots[2].0.to_string());
    // Searched from a level's page, two folders down, so the index and the results load relative
    // to the site's root.
    let level = "site/roles/product-manager/senior.html";
    let mut found = check(&root, &pages, level, "prod own", &shots);

    let canary = found.iter().position(|f| f.page == canary).expect("the canary was checked");
    let canary = found.remove(canary);
    let ids: Vec<&str> =
        canary.value["violations"].as_array().unwrap().iter().filter_map(|v| v["id"].as_str()).collect();
    for rule in ["image-alt", "label", "color-contrast"] {
        assert!(ids.contains(&rule), "axe did not report {rule} on the canary page: {ids:?}");
    }
    let search = &found.iter().find(|f| f.page == level).unwrap().value["search"];
    assert_eq!(search["results"], 3, "{search}");
    assert_eq!(search["status"], "3 results");
    assert_eq!(search["first"], "../../skills/product-ownership.html");
    assert_eq!(search["opened"], "site/skills/product-ownership.html");
    assert_clean(&found);

    for (_, shot) in &shots {
        let png = std::fs::read(shot).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "no screenshot {}", shot.display());
    }
    if std::env::var_os("PM_SKILLS_UPDATE_SCREENSHOTS").is_some() {
        let img = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/img");
        for (_, shot) in &shots {
            std::fs::copy(shot, img.join(shot.file_name().unwrap())).unwrap();
        }
    }
}

/// The official export's site, on a sample of every page type: the home page and the lists, and
/// for every tenth role (0, 10, 20, 30, 40 and the last) its page, its about page if any, its first
/// and last levels and its first comparison, and every thirtieth skill. Each type of page is
/// written by the same code for every role, so the sample covers the code; the roles sampled
/// include the one with the most levels.
#[test]
#[ignore = "needs chromium, node (npm ci --prefix tests/browser/axe) and ../shared"]
fn the_site_of_the_full_official_import_passes_axe_core() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ddat-csv");
    assert!(csv.join("roles.csv").is_file(), "this test needs the official CSV export in {}", csv.display());
    let data = root.join("ddat");
    let status = Command::new(bin())
        .args(["import", "ddat-csv", "--roles"])
        .arg(csv.join("roles.csv"))
        .arg("--skills")
        .arg(csv.join("skills.csv"))
        .arg("--out")
        .arg(&data)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let site = root.join("site");
    build_site(&["--data", data.to_str().unwrap()], &site);
    let f = pm_skills::data::load_folder(&data).unwrap().0;
    let mut pages: Vec<String> = ["index.html", "skills.html", "a-z.html"].map(String::from).to_vec();
    let longest = (0..f.roles.len()).max_by_key(|&r| f.roles[r].levels.len()).unwrap();
    let mut roles: Vec<usize> = (0..f.roles.len()).step_by(10).chain([f.roles.len() - 1, longest]).collect();
    roles.sort_unstable();
    roles.dedup();
    for r in roles {
        let role = &f.roles[r];
        pages.push(format!("roles/{}.html", role.id));
        if site.join(format!("about/{}.html", role.id)).is_file() {
            pages.push(format!("about/{}.html", role.id));
        }
        let (first, last) = (&role.levels[0].id, &role.levels[role.levels.len() - 1].id);
        pages.push(format!("roles/{}/{first}.html", role.id));
        pages.push(format!("roles/{}/{last}.html", role.id));
        if role.levels.len() > 1 {
            pages.push(format!("diff/{}/{first}--{}.html", role.id, role.levels[1].id));
        }
    }
    pages.extend(f.skills.iter().step_by(30).map(|s| format!("skills/{}.html", s.id)));
    let found = check(&site, &pages, "index.html", "delivery", &[]);
    assert_eq!(found.len(), pages.len());
    let search = &found[0].value["search"];
    assert!(search["results"].as_u64().unwrap_or(0) >= 5, "{search}");
    assert_clean(&found);
}
