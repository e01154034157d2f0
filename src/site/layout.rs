//! The frame around every page of the site: the head with its security policy, a skip link, the
//! header with the site's navigation and search box, breadcrumbs, the main content and a footer.
//! The content itself is the reports' blocks, written by the shared HTML renderer.

use std::fmt::Write as _;

use super::urls::{self, relative};
use crate::model::Framework;
use crate::render::html::{self, Body};
use crate::render::svg::escape;
use crate::render::{Block, Chart};

/// Scripts and styles come from the site's own files, and nothing else loads: no inline script,
/// no network. `'self'` covers `file://` pages too.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                      base-uri 'none'; form-action 'self'";

/// One page, before it is written.
#[derive(Debug)]
pub struct Page {
    /// Where it lives, relative to the site's root, e.g. `roles/pm/senior.html`.
    pub path: String,
    /// The `<title>`: unique in the site, the page's own name first.
    pub title: String,
    /// The pages above it, home excluded: (label, path from the root).
    pub trail: Vec<(String, String)>,
    /// Its own name in the breadcrumbs.
    pub crumb: String,
    pub sections: Vec<Section>,
}

/// A part of a page's main content.
#[derive(Debug)]
pub enum Section {
    /// Blocks (a report's, or the site's own), with the chart that goes above their tables.
    Doc(Vec<Block>, Option<Chart>),
    /// A heading and a list of links.
    Links(String, Vec<Link>),
    /// HTML the site wrote itself, every piece of text in it escaped.
    Html(String),
}

/// One link in a list: its text, where it goes (a path from the root, or a source's own
/// `https://` address) and a few words after it.
#[derive(Debug)]
pub struct Link {
    pub text: String,
    pub to: String,
    pub note: String,
}

impl Link {
    /// A link with nothing after it.
    pub fn to(text: impl Into<String>, to: impl Into<String>) -> Self {
        Link { text: text.into(), to: to.into(), note: String::new() }
    }

    /// A link with a few words after it.
    pub fn with_note(text: impl Into<String>, to: impl Into<String>, note: impl Into<String>) -> Self {
        Link { text: text.into(), to: to.into(), note: note.into() }
    }
}

/// Whether `to` is an address on the web rather than a page of the site.
pub fn is_web(to: &str) -> bool {
    to.starts_with("https://") || to.starts_with("http://")
}

/// What every page shares: the framework it describes and the build's date, if stamped.
#[derive(Debug, Clone, Copy)]
pub struct Shell<'a> {
    pub framework: &'a Framework,
    /// `Some(date)` with `--stamp`: the footer says when the site was built.
    pub stamp: Option<&'a str>,
}

impl Shell<'_> {
    /// The page as HTML.
    pub fn write(&self, page: &Page) -> String {
        let mut out = String::with_capacity(24 * 1024);
        let root = urls::root(&page.path);
        let link = |to: &str| escape(&relative(&page.path, to));
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">");
        // An empty icon, so a browser asks neither the network nor the disk for /favicon.ico.
        out.push_str("<link rel=\"icon\" href=\"data:,\">\n");
        let _ = writeln!(out, "<meta name=\"generator\" content=\"pm-skills {}\">", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(out, "<title>{}</title>", escape(&page.title));
        let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"{}\">", link(urls::STYLESHEET));
        let _ = writeln!(out, "<script src=\"{}\" defer></script>", link(urls::SEARCH_SCRIPT));
        out.push_str("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to main content</a>\n");
        self.header(page, &root, &mut out);
        self.breadcrumbs(page, &mut out);
        out.push_str("<main id=\"main\">\n");
        let mut charts = 0;
        for section in &page.sections {
            match section {
                Section::Doc(blocks, chart) => {
                    charts += usize::from(chart.is_some());
                    let id = format!("chart-{charts}");
                    html::write_section(blocks, chart.as_ref(), &Body { captions: true, chart_id: &id }, &mut out);
                }
                Section::Links(heading, links) => write_links(heading, links, &page.path, &mut out),
                Section::Html(html) => out.push_str(html),
            }
        }
        out.push_str("</main>\n");
        self.footer(page, &mut out);
        out.push_str("</body>\n</html>\n");
        out
    }

    fn header(&self, page: &Page, root: &str, out: &mut String) {
        let f = self.framework;
        let link = |to: &str| escape(&relative(&page.path, to));
        out.push_str("<header class=\"site\">\n");
        let _ = writeln!(out, "<p class=\"site-name\"><a href=\"{}\">{}</a></p>", link(urls::HOME), escape(&f.name));
        out.push_str("<nav class=\"site-nav\" aria-label=\"Site\">\n<ul>\n");
        let mut items = vec![("Home", urls::HOME), ("Skills", urls::SKILLS)];
        if !f.soft_skills.is_empty() {
            items.push(("Soft skills", urls::SOFT_SKILLS));
        }
        items.push(("A to Z", urls::A_TO_Z));
        for (label, to) in items {
            let current = if page.path == to { " aria-current=\"page\"" } else { "" };
            let _ = writeln!(out, "<li><a href=\"{}\"{current}>{label}</a></li>", link(to));
        }
        out.push_str("</ul>\n</nav>\n");
        // Hidden until the script shows it: without JavaScript, the A to Z page lists everything.
        let _ = writeln!(
            out,
            "<form class=\"search\" role=\"search\" action=\"{}\" data-root=\"{}\" hidden>\n\
             <label for=\"search-box\">Search skills, levels and roles</label>\n\
             <input id=\"search-box\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\">\n\
             <p id=\"search-status\" class=\"search-status\" role=\"status\"></p>\n\
             <ul id=\"search-results\" class=\"search-results\"></ul>\n</form>",
            link(urls::A_TO_Z),
            escape(root)
        );
        out.push_str("</header>\n");
    }

    fn breadcrumbs(&self, page: &Page, out: &mut String) {
        if page.path == urls::HOME {
            return;
        }
        out.push_str("<nav class=\"crumbs\" aria-label=\"Breadcrumbs\">\n<ol>\n");
        let home = ("Home".to_string(), urls::HOME.to_string());
        for (label, to) in std::iter::once(&home).chain(&page.trail) {
            let _ = writeln!(out, "<li><a href=\"{}\">{}</a></li>", escape(&relative(&page.path, to)), escape(label));
        }
        let _ = writeln!(out, "<li aria-current=\"page\">{}</li>\n</ol>\n</nav>", escape(&page.crumb));
    }

    fn footer(&self, page: &Page, out: &mut String) {
        let f = self.framework;
        let _ = write!(
            out,
            "<footer>\n<p>{}, version {}. <a href=\"{}#source\">Source and licence</a>. Made with pm-skills {}.",
            escape(&f.name),
            escape(&f.version),
            escape(&relative(&page.path, urls::HOME)),
            env!("CARGO_PKG_VERSION")
        );
        if let Some(date) = self.stamp {
            let _ = write!(out, " Built on {}.", escape(date));
        }
        out.push_str("</p>\n</footer>\n");
    }
}

/// A heading and a list of links; a link to the web says so to screen readers and opens in the
/// same tab, as every other link does.
fn write_links(heading: &str, links: &[Link], from: &str, out: &mut String) {
    let _ = writeln!(out, "<h2>{}</h2>\n<ul class=\"links\">", escape(heading));
    for l in links {
        let href = if is_web(&l.to) { l.to.clone() } else { relative(from, &l.to) };
        let _ = write!(out, "<li><a href=\"{}\">{}</a>", escape(&href), escape(&l.text));
        if !l.note.is_empty() {
            let _ = write!(out, " <span class=\"note-after\">{}</span>", escape(&l.note));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// `text`, escaped, with each `http://` or `https://` address in it made a link. A framework's
/// source names its address in prose, e.g. "… careers page (https://…/);": the address ends at a
/// space, and stops before closing punctuation and an unmatched `)`.
pub fn linkify(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(start) = rest.find("https://").into_iter().chain(rest.find("http://")).min() {
        out.push_str(&escape(&rest[..start]));
        let tail = &rest[start..];
        let mut end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        loop {
            let url = &tail[..end];
            let unmatched = url.ends_with(')') && url.matches('(').count() < url.matches(')').count();
            if url.ends_with(['.', ',', ';', ':', '!', '?', '\'', '"']) || unmatched {
                end -= 1;
            } else {
                break;
            }
        }
        let url = &tail[..end];
        let _ = write!(out, "<a href=\"{}\">{}</a>", escape(url), escape(url));
        rest = &tail[end..];
    }
    out.push_str(&escape(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_prose_become_links_without_their_punctuation() {
        assert_eq!(
            linkify("A page (https://example.org/a/); then http://x.test."),
            "A page (<a href=\"https://example.org/a/\">https://example.org/a/</a>); then \
             <a href=\"http://x.test\">http://x.test</a>."
        );
        assert_eq!(linkify("no <address>"), "no &lt;address&gt;");
        assert_eq!(
            linkify("https://en.test/Foo_(bar) x"),
            "<a href=\"https://en.test/Foo_(bar)\">https://en.test/Foo_(bar)</a> x"
        );
        assert_eq!(
            linkify("https://a.test/\"><script>"),
            "<a href=\"https://a.test/&quot;&gt;&lt;script&gt;\">https://a.test/&quot;&gt;&lt;script&gt;</a>"
        );
    }
}
