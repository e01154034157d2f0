//! `pm-skills site --out DIR`: the folder it writes, checked page by page without a browser
//! (links, structure, determinism, writing), on the built-in frameworks, a fixture with every
//! optional part, and (ignored without ../shared) the full official import. The same pages in
//! Chromium with axe-core: tests/browser/site.rs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::{cmd, example_path, fixture_path, json, path, stdout};

/// Every file of a folder, by path relative to it (with `/`), with its bytes.
pub(crate) fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap().path();
            if entry.is_dir() {
                walk(root, &entry, out);
            } else {
                let rel = entry.strip_prefix(root).unwrap().to_str().unwrap().replace('\\', "/");
                out.insert(rel, std::fs::read(&entry).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The values of every `NAME="…"` attribute in `html`, entities decoded. The site writes every
/// attribute in double quotes and escapes `"` in text, so a scan finds them all and nothing else.
pub(crate) fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let value = &html[at + needle.len()..];
            let value = &value[..value.find('"').expect("attribute closed")];
            value
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// `rel` resolved against the folder of the page at `page` (both relative to the root); `None`
/// when it climbs out of the root.
fn resolve(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in rel.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// What a site's pages may link to outside the site: addresses that the framework's own source
/// or licence statement names (as the home page quotes them), and the skills' resources (the
/// data's own reading list). Nothing else: no font, script, style or image from another host.
pub(crate) fn allowed_web_links(framework: &pm_skills::model::Framework) -> impl Fn(&str) -> bool + '_ {
    move |url: &str| {
        framework.source.contains(url)
            || framework.licence.contains(url)
            || framework.skills.iter().any(|s| s.resources.iter().any(|r| r.url == url))
    }
}

/// Walks every page of the site in `root`: each relative link (and `src`) leads to a file of the
/// site, and to an `id` of it when it has a `#fragment`; each link to the web is one `allowed`
/// names; every page is reachable from `index.html`. Checks each page's frame too: one `<h1>`,
/// a `<title>` no other page has, `lang`, the security policy, a skip link to `#main`, and tables
/// with a caption and header cells that say their scope. Returns the number of links checked.
pub(crate) fn check_site(root: &Path, allowed: &dyn Fn(&str) -> bool) -> usize {
    let files = tree(root);
    let pages: BTreeMap<&str, String> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, bytes)| (p.as_str(), String::from_utf8(bytes.clone()).expect("UTF-8 page")))
        .collect();
    let ids: BTreeMap<&str, BTreeSet<String>> =
        pages.iter().map(|(p, html)| (*p, attributes(html, "id").into_iter().collect())).collect();
    let mut titles: BTreeMap<String, &str> = BTreeMap::new();
    let mut links = 0;
    let mut reached: BTreeSet<String> = BTreeSet::from(["index.html".to_string()]);
    let mut edges: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (page, html) in &pages {
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{page}: no lang");
        assert!(
            html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'"),
            "{page}: policy"
        );
        assert_eq!(html.matches("<h1>").count(), 1, "{page}: one h1");
        assert!(
            html.contains("<a class=\"skip\" href=\"#main\">") && html.contains("<main id=\"main\">"),
            "{page}: skip link"
        );
        for tag in ["<header", "<nav", "<main", "<footer"] {
            assert!(html.contains(tag), "{page}: no {tag}");
        }
        assert!(
            !html.contains("<script>") && !html.contains(" style=\"") && !html.contains("<style"),
            "{page}: inline script or style"
        );
        let title = &html[html.find("<title>").unwrap() + 7..html.find("</title>").unwrap()];
        if let Some(other) = titles.insert(title.to_string(), page) {
            panic!("{page} and {other} have the same title {title:?}");
        }
        assert_eq!(
            html.matches("<table>").count(),
            html.matches("<caption>").count(),
            "{page}: a table without a caption"
        );
        assert!(!html.contains("<th>"), "{page}: a header cell without a scope");
        for href in attributes(html, "href").into_iter().chain(attributes(html, "src")) {
            links += 1;
            if href.starts_with("https://") || href.starts_with("http://") {
                assert!(allowed(&href), "{page}: link to another host: {href}");
                continue;
            }
            if href == "data:," {
                continue; // the empty icon, so a browser asks for no favicon
            }
            assert!(!href.starts_with('/') && !href.contains(':'), "{page}: not a relative link: {href}");
            let (file, fragment) = href.split_once('#').map_or((href.as_str(), None), |(f, frag)| (f, Some(frag)));
            let target = if file.is_empty() {
                page.to_string()
            } else {
                resolve(page, file).unwrap_or_else(|| panic!("{page}: {href} leaves the site"))
            };
            assert!(files.contains_key(&target), "{page}: broken link {href} ({target} does not exist)");
            if let Some(fragment) = fragment {
                assert!(
                    ids.get(target.as_str()).is_some_and(|ids| ids.contains(fragment)),
                    "{page}: {href}: no id {fragment} in {target}"
                );
            }
            if target.ends_with(".html") {
                edges.entry(page).or_default().push(target);
            }
        }
    }
    let mut queue = vec!["index.html".to_string()];
    while let Some(page) = queue.pop() {
        for next in edges.get(page.as_str()).into_iter().flatten() {
            if reached.insert(next.clone()) {
                queue.push(next.clone());
            }
        }
    }
    let orphans: Vec<&&str> = pages.keys().filter(|p| !reached.contains(**p)).collect();
    assert!(orphans.is_empty(), "pages no link leads to: {orphans:?}");
    links
}

/// `pm-skills ARGS site --out OUT`, as JSON.
pub(crate) fn build(args: &[&str], out: &Path) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["site", "--out", path(out)]);
    json(&all)
}

#[test]
fn the_default_site_has_no_broken_link_and_every_page_its_frame() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let report = build(&[], &out);
    assert_eq!(report["pages"]["total"], 30);
    assert_eq!(report["pages"]["levels"], 4);
    assert_eq!(report["pages"]["comparisons"], 3);
    assert_eq!(report["files"], 33);
    let framework = pm_skills::data::load_builtin("dvla").unwrap();
    let links = check_site(&out, &allowed_web_links(&framework));
    assert!(links > 500, "{links} links");
    // The source's own address is the one link to another host.
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<a href=\"https://careers.dft.gov.uk/our-dft-family/driver-and-vehicle-licensing-agency/digital/technical-product-manager/\">"), "{home}");
}

/// The check fails on a broken link, a missing fragment, a link to another host and an orphan.
#[test]
fn the_link_check_finds_what_is_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&[], &out);
    let framework = pm_skills::data::load_builtin("dvla").unwrap();
    let page = out.join("skills/user-focus.html");
    let original = std::fs::read_to_string(&page).unwrap();
    for (from, to, why) in [
        ("href=\"../skills.html\"", "href=\"../skils.html\"", "broken link"),
        ("href=\"../index.html#source\"", "href=\"../index.html#sauce\"", "no id sauce"),
        ("href=\"../skills.html\"", "href=\"https://fonts.example/x.css\"", "link to another host"),
    ] {
        assert!(original.contains(from), "{from}");
        std::fs::write(&page, original.replacen(from, to, 1)).unwrap();
        let failed = std::panic::catch_unwind(|| check_site(&out, &allowed_web_links(&framework)));
        let message = failed.expect_err(why);
        let text = message.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(text.contains(why), "{why}: {text}");
    }
    std::fs::write(&page, original).unwrap();
    std::fs::write(
        out.join("orphan.html"),
        std::fs::read_to_string(out.join("skills.html")).unwrap().replace("<title>", "<title>x"),
    )
    .unwrap();
    assert!(std::panic::catch_unwind(|| check_site(&out, &allowed_web_links(&framework))).is_err());
}

#[test]
fn pages_hold_the_reports_with_links_between_them() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&[], &out);
    let page = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let level = page("roles/product-manager/senior.html");
    // What `show senior` prints, with its radar, every skill linked, and the steps either side.
    assert!(level.contains("<h1>Senior Product Manager (level 2 of 4, Product manager)</h1>"));
    assert!(level.contains("<svg") && level.contains("role=\"img\""));
    assert!(level.contains("<th scope=\"row\"><a href=\"../../skills/agile-working.html\">Agile Working</a></th>"));
    assert!(level.contains("<a href=\"../../diff/product-manager/senior--lead.html\">From Senior Product Manager to Lead Product Manager</a>"));
    assert!(level.contains("<a href=\"../../diff/product-manager/product-manager--senior.html\">"));
    assert!(!level.contains("pm-skills diff"), "no command hints on a page");
    let diff = page("diff/product-manager/senior--lead.html");
    assert!(diff.contains("<h1>From Senior Product Manager to Lead Product Manager</h1>"));
    assert!(diff.contains("3 of 10 skills must grow, 6 stay the same, 1 drops (not a gap)"));
    assert!(diff.contains("<caption>From Senior Product Manager to Lead Product Manager</caption>"));
    let role = page("roles/product-manager.html");
    assert!(role.contains("<h2>Product manager: skills by level (DVLA product manager skills snapshot)</h2>"));
    assert!(role.contains("(8 of 10 skills must grow, 2 stay the same)"));
    assert!(role.contains("<a href=\"../about/product-manager.html\">"));
    let skill = page("skills/product-ownership.html");
    assert!(skill.contains("<h2>What each Product manager level needs</h2>"));
    assert!(skill.contains("<td><a href=\"../roles/product-manager/senior.html\">Senior Product Manager</a></td>"));
    let index = page("search-index.js");
    assert!(
        index.contains("{\"name\":\"Resilience\",\"kind\":\"soft skill\",\"url\":\"soft-skills/resilience.html\""),
        "{index}"
    );
    // Without JavaScript the search form stays hidden; the A to Z page lists everything.
    assert!(
        level.contains("<form class=\"search\" role=\"search\" action=\"../../a-z.html\" data-root=\"../../\" hidden>")
    );
    let a_to_z = page("a-z.html");
    assert!(a_to_z.contains("<a href=\"roles/product-manager/head.html\">Head of Product</a>"));
    assert!(a_to_z.contains("<h2 id=\"letter-u\">U</h2>"));
}

#[test]
fn cross_role_moves_criteria_tips_resources_and_behaviours_have_their_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let data = example_path("custom-ladder");
    let framework = pm_skills::data::load_folder(Path::new(&data)).unwrap().0;
    let out = tmp.path().join("site");
    let report = build(&["--data", &data], &out);
    assert_eq!(report["pages"]["roles"], framework.roles.len());
    check_site(&out, &allowed_web_links(&framework));
    let files = tree(&out);
    let text = |p: &str| String::from_utf8(files[p].clone()).unwrap();
    // A level of one role lists its closest moves, each leading to the level and its role.
    let role = &framework.roles[0];
    let level = text(&format!("roles/{}/{}.html", role.id, role.levels[0].id));
    assert!(level.contains("<h2>Moves from"), "{level}");
    let other = &framework.roles[1];
    assert!(level.contains(&format!("<a href=\"../{}.html\">{}</a>", other.id, other.name)), "{level}");
    // Resources are links to the data's own addresses; criteria and behaviours show.
    let all: String = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(all.contains("<a href=\"https://example.org/sketching\">"));
    assert!(all.contains("Behaviours at this level"));
    assert!(all.contains("How to grow into it"));
}

/// Escape sequences, bidirectional marks and formulas in names stay text: no control character
/// reaches a page, and an address inside a name is never a link.
#[test]
fn the_site_of_a_hostile_framework_keeps_its_text_inert() {
    let tmp = tempfile::tempdir().unwrap();
    let data = fixture_path("hostile/injection");
    let framework = pm_skills::data::load_folder(Path::new(&data)).unwrap().0;
    let out = tmp.path().join("site");
    build(&["--data", &data], &out);
    check_site(&out, &allowed_web_links(&framework));
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{path}: a control character");
        assert!(!text.contains("href=\"http://evil.example"), "{path}: a link from a name");
    }
}

#[test]
fn the_same_framework_gives_the_same_bytes_and_stamp_adds_the_date() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (tmp.path().join("a"), tmp.path().join("b"), tmp.path().join("c"));
    build(&["--framework", "ddat-2025"], &a);
    build(&["--framework", "ddat-2025"], &b);
    assert!(tree(&a) == tree(&b), "two builds differ");
    let stamped = json(&["--framework", "ddat-2025", "site", "--out", path(&c), "--stamp"]);
    let date = stamped["stamp"].as_str().unwrap().to_string();
    assert_eq!(date.len(), 10);
    let index = String::from_utf8(tree(&c)["index.html"].clone()).unwrap();
    assert!(index.contains(&format!(" Built on {date}.</p>")));
    assert!(!String::from_utf8(tree(&a)["index.html"].clone()).unwrap().contains("Built on"));
}

#[test]
fn a_non_empty_folder_is_replaced_only_with_force_and_a_failure_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    // A site written before, with a file added since.
    stdout(&["site", "--out", path(&out)]);
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let written = tree(&out);
    let refused = cmd().args(["site", "--out", path(&out)]).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is not empty"), "{refused:?}");
    assert!(refused.stdout.is_empty());
    assert!(tree(&out) == written);
    let table = stdout(&["site", "--out", path(&out), "--force"]);
    assert!(table.starts_with(&format!("Wrote a site of 30 pages into {}", out.display())), "{table}");
    assert!(!out.join("keep.txt").exists() && out.join("index.html").is_file());
    // Bad data: an error naming the problem, and the folder untouched.
    let before = tree(&out);
    let bad = tmp.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("framework.yaml"), "id: [").unwrap();
    let failed = cmd().args(["--data", path(&bad), "site", "--out", path(&out), "--force"]).output().unwrap();
    assert_eq!(failed.status.code(), Some(1));
    assert!(failed.stdout.is_empty());
    assert!(tree(&out) == before);
    // A file in the way, a role, and an output folder that holds the data are refused.
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    for (args, message) in [
        (vec!["site", "--out", path(&file)], "is a file, not a folder"),
        (vec!["--role", "product-manager", "site", "--out", path(&tmp.path().join("r"))], "leave out --role"),
        (vec!["--data", path(&bad), "site", "--out", path(&bad), "--force"], "is the input folder"),
    ] {
        let out = cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(message), "{args:?}: {out:?}");
    }
    assert!(!tmp.path().join("r").exists());
    let names: Vec<String> =
        std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains(".pm-skills")), "temporary folders left: {names:?}");
}

/// The official export from ../shared, imported into a temporary folder.
pub fn official_import(tmp: &Path) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/ddat-csv");
    let (roles, skills) = (dir.join("roles.csv"), dir.join("skills.csv"));
    assert!(roles.is_file() && skills.is_file(), "this test needs the official CSV export in {}", dir.display());
    let data = tmp.join("ddat");
    stdout(&["import", "ddat-csv", "--roles", path(&roles), "--skills", path(&skills), "--out", path(&data)]);
    data
}

#[test]
#[ignore = "needs ../shared"]
fn the_site_of_the_full_official_import_has_no_broken_link() {
    let tmp = tempfile::tempdir().unwrap();
    let data = official_import(tmp.path());
    let out = tmp.path().join("site");
    let report = build(&["--data", path(&data)], &out);
    assert_eq!((report["pages"]["roles"].as_u64(), report["pages"]["levels"].as_u64()), (Some(48), Some(201)));
    assert_eq!(report["pages"]["comparisons"], 201 - 48);
    let framework = pm_skills::data::load_folder(&data).unwrap().0;
    let links = check_site(&out, &allowed_web_links(&framework));
    eprintln!("official import: {} pages, {links} links checked", report["pages"]["total"]);
    // Named after its source, with no soft skills promised: it has none.
    assert!(framework.soft_skills.is_empty());
    for (page, text) in pages_text(&out) {
        assert!(!text.contains("imported") && !text.contains("soft skill"), "{page}");
    }
}

/// Every page's text, lower case, by path.
fn pages_text(root: &Path) -> Vec<(String, String)> {
    tree(root).into_iter().map(|(page, bytes)| (page, String::from_utf8_lossy(&bytes).to_lowercase())).collect()
}

/// No page of a framework without soft skills mentions them; one with them links them.
#[test]
fn a_site_promises_soft_skills_only_where_the_framework_has_them() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ddat");
    build(&["--framework", "ddat-2025"], &out);
    assert!(pm_skills::data::load_builtin("ddat-2025").unwrap().soft_skills.is_empty());
    for (page, text) in pages_text(&out) {
        assert!(!text.contains("soft skill"), "{page} promises soft skills");
    }
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("A to Z</a> <span class=\"note-after\">every role, level and skill</span>"), "{home}");
    let a_to_z = std::fs::read_to_string(out.join("a-z.html")).unwrap();
    assert!(a_to_z.contains("<p>Every role, level and skill of "), "{a_to_z}");

    let dvla = tmp.path().join("dvla");
    build(&[], &dvla);
    let home = std::fs::read_to_string(dvla.join("index.html")).unwrap();
    assert!(home.contains("every role, level, skill and soft skill") && home.contains(">Soft skills</a>"), "{home}");
}

/// An imported export is named after its source, with the export's date, on every page.
#[test]
fn the_site_of_an_import_names_the_export_not_the_import() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("ddat");
    let csv = |name: &str| example_path(&format!("ddat-csv-small/{name}"));
    let (roles, skills) = (csv("roles.csv"), csv("skills.csv"));
    let import = ["import", "ddat-csv", "--roles", &roles, "--skills", &skills, "--out", path(&data)];
    stdout(&[&import[..], &["--export-date", "2025-09"]].concat());
    let out = tmp.path().join("site");
    build(&["--data", path(&data)], &out);
    let name = "Government Digital and Data Profession Capability Framework";
    let footer = format!("<footer>\n<p>{name}, version 2025-09. ");
    for (page, text) in pages_text(&out) {
        assert!(!text.contains("imported"), "{page} says imported");
        assert!(!text.contains("soft skill"), "{page} promises soft skills");
        if page.ends_with(".html") {
            assert!(text.contains(&footer.to_lowercase()), "{page}");
            let header = text.split("<p class=\"site-name\">").nth(1).and_then(|t| t.lines().next()).unwrap_or("");
            assert!(header.ends_with(&format!(">{}</a></p>", name.to_lowercase())), "{page}: {header}");
        }
    }
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(&format!("<title>{name}</title>")), "{home}");
    assert!(home.contains("<dt>Version:</dt><dd>2025-09</dd>"), "{home}");
    let about = std::fs::read_to_string(out.join("about/product-manager.html")).unwrap();
    assert!(about.contains(&format!("{name} (version 2025-09)")), "{about}");
}
