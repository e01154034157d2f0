//! `pm-skills site`: a static website of a framework, to commit beside it or serve from any static
//! host. Every page is a report the commands print (`show`, `ladder`, `diff`, `moves`, `skills`,
//! `soft-skills`, `about`), written by the shared HTML renderer inside the site's frame
//! ([`layout`]), with links between them ([`urls`]) and a search that needs no server
//! ([`search`]).
//!
//! Building is pure: [`build`] returns the files, and the command writes them as one folder. The
//! same framework gives the same bytes: pages follow the framework's order, and nothing in them
//! depends on the time unless a date is stamped.

pub mod layout;
pub mod pages;
pub mod search;
pub mod urls;

use crate::model::{Framework, LevelAt};
pub use crate::report::site::PageCounts;
use layout::Shell;
use pages::{Context, Names};

/// The site's own styles, after the ones every HTML page of pm-skills shares.
const SITE_STYLE: &str = include_str!("site.css");
/// The search box's script: filters the index as one types.
const SEARCH_SCRIPT: &str = include_str!("search.js");

/// A built site: its files, by path from the root, and how many pages of each kind it has.
#[derive(Debug)]
pub struct Site {
    pub files: Vec<(String, String)>,
    pub pages: PageCounts,
}

/// One page to build.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Home,
    Skills,
    SoftSkills,
    Role(usize),
    About(usize),
    Level(LevelAt),
    Diff(usize, usize),
    Skill(usize),
    SoftSkill(usize),
}

/// Every page of the framework's site, in the framework's order.
fn plan(f: &Framework) -> (Vec<Kind>, PageCounts) {
    let mut kinds = vec![Kind::Home, Kind::Skills];
    if !f.soft_skills.is_empty() {
        kinds.push(Kind::SoftSkills);
    }
    let mut counts = PageCounts::default();
    for (r, role) in f.roles.iter().enumerate() {
        kinds.push(Kind::Role(r));
        counts.roles += 1;
        if pages::has_about(f, r) {
            kinds.push(Kind::About(r));
            counts.about += 1;
        }
        for level in 0..role.levels.len() {
            kinds.push(Kind::Level(LevelAt { role: r, level }));
            counts.levels += 1;
            if level + 1 < role.levels.len() {
                kinds.push(Kind::Diff(r, level));
                counts.comparisons += 1;
            }
        }
    }
    kinds.extend((0..f.skills.len()).map(Kind::Skill));
    kinds.extend((0..f.soft_skills.len()).map(Kind::SoftSkill));
    counts.skills = f.skills.len();
    counts.soft_skills = f.soft_skills.len();
    // The A to Z page is built apart, from the search index.
    counts.total = kinds.len() + 1;
    (kinds, counts)
}

/// Builds the site of `framework`; `stamp` is the date the footer gives, if any.
pub fn build(framework: &Framework, stamp: Option<&str>) -> Site {
    let (kinds, pages) = plan(framework);
    let ctx = Context {
        framework,
        names: Names::of_framework(framework),
        seniorities: crate::report::rules::Seniorities::of(framework),
        move_roles: pages::move_roles(framework),
    };
    let shell = Shell { framework, stamp };
    // Pages are independent: built on every core, kept in order.
    let mut files: Vec<(String, String)> = crate::parallel::map(kinds, |kind| {
        let page = match kind {
            Kind::Home => pages::home(&ctx),
            Kind::Skills => pages::skills(&ctx),
            Kind::SoftSkills => pages::soft_skills(&ctx),
            Kind::Role(r) => pages::role(&ctx, r),
            Kind::About(r) => pages::about(&ctx, r),
            Kind::Level(at) => pages::level(&ctx, at),
            Kind::Diff(r, from) => pages::diff(&ctx, r, from),
            Kind::Skill(s) => pages::skill(&ctx, s),
            Kind::SoftSkill(s) => pages::soft_skill(&ctx, s),
        };
        (page.path.clone(), shell.write(&page))
    });
    let entries = search::entries(framework);
    let a_to_z = search::a_to_z(framework, &entries);
    files.push((a_to_z.path.clone(), shell.write(&a_to_z)));
    files.push((urls::SEARCH_INDEX.into(), search::index_script(&entries)));
    files.push((urls::STYLESHEET.into(), format!("{}{SITE_STYLE}", crate::render::html::STYLE.trim_start())));
    files.push((urls::SEARCH_SCRIPT.into(), SEARCH_SCRIPT.to_string()));
    files.sort();
    Site { files, pages }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_framework_has_a_page_of_every_kind() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let site = build(&f, None);
        let want = PageCounts {
            total: 1 + 3 + 1 + 1 + 4 + 3 + 10 + f.soft_skills.len(),
            roles: 1,
            levels: 4,
            comparisons: 3,
            skills: 10,
            soft_skills: f.soft_skills.len(),
            about: 1,
        };
        assert_eq!(site.pages, want);
        let html = site.files.iter().filter(|(p, _)| p.ends_with(".html")).count();
        assert_eq!(html, want.total);
        let paths: Vec<&str> = site.files.iter().map(|(p, _)| p.as_str()).collect();
        for path in [
            "index.html",
            "a-z.html",
            "skills.html",
            "soft-skills.html",
            "roles/product-manager.html",
            "roles/product-manager/senior.html",
            "about/product-manager.html",
            "diff/product-manager/senior--lead.html",
            "skills/user-focus.html",
            "soft-skills/resilience.html",
            "site.css",
            "search.js",
            "search-index.js",
        ] {
            assert!(paths.contains(&path), "{path} missing from {paths:?}");
        }
    }

    #[test]
    fn the_same_framework_gives_the_same_bytes_and_a_stamp_only_adds_the_date() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let (a, b) = (build(&f, None), build(&f, None));
        assert_eq!(a.files, b.files);
        let stamped = build(&f, Some("2030-01-02"));
        for ((path, plain), (_, with)) in a.files.iter().zip(&stamped.files) {
            if path.ends_with(".html") {
                assert_eq!(with.replace(" Built on 2030-01-02.", ""), *plain, "{path}");
                assert!(with.contains("Built on 2030-01-02."), "{path}");
            } else {
                assert_eq!(with, plain, "{path}");
            }
        }
    }
}
