//! The frame around every page of the site: the head with its security policy, a skip link, the
//! header with the site's navigation and search box, breadcrumbs, the main content and a footer.
//! The content itself is the reports' blocks, written by the shared HTML renderer. Like it, the
//! frame is written with maud (`render::markup`), so every name in it is escaped.

use super::urls::{self, relative};
use crate::model::Framework;
use crate::render::html::{self, Body};
use crate::render::markup::{DOCTYPE, Markup, Text, finish, html};
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
    /// Markup the site wrote itself with `html!`, which escaped every piece of text in it.
    Markup(Markup),
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
        let link = |to: &str| relative(&page.path, to);
        let mut charts = 0;
        let page = html! {
            (DOCTYPE) "\n"
            html lang="en" {
                "\n"
                head {
                    "\n"
                    (html::head_start(POLICY))
                    title { (Text(&page.title)) } "\n"
                    link rel="stylesheet" href=(link(urls::STYLESHEET)); "\n"
                    script src=(link(urls::SEARCH_SCRIPT)) defer {} "\n"
                }
                "\n"
                body {
                    "\n"
                    a class="skip" href="#main" { "Skip to main content" } "\n"
                    (self.header(page))
                    (breadcrumbs(page))
                    main id="main" {
                        "\n"
                        @for section in &page.sections {
                            @match section {
                                Section::Doc(blocks, chart) => {
                                    @let id = {
                                        charts += usize::from(chart.is_some());
                                        format!("chart-{charts}")
                                    };
                                    (html::section(blocks, chart.as_ref(), &Body { captions: true, chart_id: &id }))
                                }
                                Section::Links(heading, links) => { (links_list(heading, links, &page.path)) }
                                Section::Markup(markup) => { (markup) }
                            }
                        }
                    }
                    "\n"
                    (self.footer(page))
                }
                "\n"
            }
            "\n"
        };
        finish(page)
    }

    fn header(&self, page: &Page) -> Markup {
        let f = self.framework;
        let link = |to: &str| relative(&page.path, to);
        let mut items = vec![("Home", urls::HOME), ("Skills", urls::SKILLS)];
        if !f.soft_skills.is_empty() {
            items.push(("Soft skills", urls::SOFT_SKILLS));
        }
        items.push(("A to Z", urls::A_TO_Z));
        html! {
            header class="site" {
                "\n"
                p class="site-name" { a href=(link(urls::HOME)) { (Text(&f.name)) } } "\n"
                nav class="site-nav" aria-label="Site" {
                    "\n"
                    ul {
                        "\n"
                        @for (label, to) in items {
                            li { a href=(link(to)) aria-current=[(page.path == to).then_some("page")] { (label) } } "\n"
                        }
                    }
                    "\n"
                }
                "\n"
                // Hidden until the script shows it: without JavaScript, the A to Z page lists everything.
                form class="search" role="search" action=(link(urls::A_TO_Z)) data-root=(urls::root(&page.path))
                    hidden {
                    "\n"
                    label for="search-box" { "Search skills, levels and roles" } "\n"
                    input id="search-box" name="q" type="search" autocomplete="off" spellcheck="false"; "\n"
                    p id="search-status" class="search-status" role="status" {} "\n"
                    ul id="search-results" class="search-results" {} "\n"
                }
                "\n"
            }
            "\n"
        }
    }

    fn footer(&self, page: &Page) -> Markup {
        let f = self.framework;
        html! {
            footer {
                "\n"
                p {
                    (Text(&f.name)) ", version " (Text(&f.version)) ". "
                    a href={ (relative(&page.path, urls::HOME)) "#source" } { "Source and licence" }
                    ". Made with pm-skills " (env!("CARGO_PKG_VERSION")) "."
                    @if let Some(date) = self.stamp { " Built on " (Text(date)) "." }
                }
                "\n"
            }
            "\n"
        }
    }
}

/// The trail of pages down to this one; none on the home page.
fn breadcrumbs(page: &Page) -> Markup {
    let home = ("Home".to_string(), urls::HOME.to_string());
    html! {
        @if page.path != urls::HOME {
            nav class="crumbs" aria-label="Breadcrumbs" {
                "\n"
                ol {
                    "\n"
                    @for (label, to) in std::iter::once(&home).chain(&page.trail) {
                        li { a href=(relative(&page.path, to)) { (Text(label)) } } "\n"
                    }
                    li aria-current="page" { (Text(&page.crumb)) } "\n"
                }
                "\n"
            }
            "\n"
        }
    }
}

/// A heading and a list of links; a link to the web says so to screen readers and opens in the
/// same tab, as every other link does.
fn links_list(heading: &str, links: &[Link], from: &str) -> Markup {
    html! {
        h2 { (Text(heading)) } "\n"
        ul class="links" {
            "\n"
            @for l in links {
                li {
                    @let href = if is_web(&l.to) { l.to.clone() } else { relative(from, &l.to) };
                    a href=(Text(&href)) { (Text(&l.text)) }
                    @if !l.note.is_empty() { " " span class="note-after" { (Text(&l.note)) } }
                }
                "\n"
            }
        }
        "\n"
    }
}

/// `text`, with each `http://` or `https://` address in it made a link. A framework's source
/// names its address in prose, e.g. "… careers page (https://…/);": the address ends at a space,
/// and stops before closing punctuation and an unmatched `)`.
pub fn linkify(text: &str) -> Markup {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("https://").into_iter().chain(rest.find("http://")).min() {
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
        parts.push((&rest[..start], &tail[..end]));
        rest = &tail[end..];
    }
    html! {
        @for (before, url) in parts { (Text(before)) a href=(Text(url)) { (Text(url)) } }
        (Text(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_prose_become_links_without_their_punctuation() {
        assert_eq!(
            linkify("A page (https://example.org/a/); then http://x.test.").into_string(),
            "A page (<a href=\"https://example.org/a/\">https://example.org/a/</a>); then \
             <a href=\"http://x.test\">http://x.test</a>."
        );
        assert_eq!(linkify("no <address>").into_string(), "no &lt;address&gt;");
        assert_eq!(
            linkify("https://en.test/Foo_(bar) x").into_string(),
            "<a href=\"https://en.test/Foo_(bar)\">https://en.test/Foo_(bar)</a> x"
        );
        assert_eq!(
            linkify("https://a.test/\"><script>").into_string(),
            "<a href=\"https://a.test/&quot;&gt;&lt;script&gt;\">https://a.test/&quot;&gt;&lt;script&gt;</a>"
        );
    }
}
