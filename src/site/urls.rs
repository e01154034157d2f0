//! Where each page of the site lives, and the relative link from one page to another.
//!
//! Every path is made of ids, which are kebab-case (lowercase words joined by one `-`), so paths
//! are readable, need no escaping and cannot collide: a folder holds only pages named by ids, and
//! the list of a folder's pages sits beside it (`skills.html` beside `skills/`). A comparison
//! joins two level ids with `--`, which no id contains.

use crate::model::{Framework, LevelAt};

/// The home page.
pub const HOME: &str = "index.html";
/// Every skill of the framework.
pub const SKILLS: &str = "skills.html";
/// Every soft skill of the framework.
pub const SOFT_SKILLS: &str = "soft-skills.html";
/// Everything, A to Z: what the search finds, for readers without JavaScript.
pub const A_TO_Z: &str = "a-z.html";
/// The stylesheet every page shares.
pub const STYLESHEET: &str = "site.css";
/// The script behind the search box.
pub const SEARCH_SCRIPT: &str = "search.js";
/// The search index: JSON, in a script so that it loads from `file://` too.
pub const SEARCH_INDEX: &str = "search-index.js";

/// A role's page: its levels and its ladder.
pub fn role(framework: &Framework, role: usize) -> String {
    format!("roles/{}.html", framework.roles[role].id)
}

/// What the role is, when the framework describes it beyond a summary.
pub fn about(framework: &Framework, role: usize) -> String {
    format!("about/{}.html", framework.roles[role].id)
}

/// One level's page.
pub fn level(framework: &Framework, at: LevelAt) -> String {
    let role = &framework.roles[at.role];
    format!("roles/{}/{}.html", role.id, role.levels[at.level].id)
}

/// The comparison of two levels of one role.
pub fn diff(framework: &Framework, role: usize, from: usize, to: usize) -> String {
    let role = &framework.roles[role];
    format!("diff/{}/{}--{}.html", role.id, role.levels[from].id, role.levels[to].id)
}

/// One skill's page.
pub fn skill(framework: &Framework, skill: usize) -> String {
    format!("skills/{}.html", framework.skills[skill].id)
}

/// One soft skill's page.
pub fn soft_skill(framework: &Framework, soft_skill: usize) -> String {
    format!("soft-skills/{}.html", framework.soft_skills[soft_skill].id)
}

/// The link from the page at `from` to the file at `to`, both relative to the site's root: the
/// shortest relative path, so the site works from any folder, any sub-path and `file://`.
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let (to_dirs, file) = to_parts.split_at(to_parts.len() - 1);
    let common = from_dirs.iter().zip(to_dirs).take_while(|(a, b)| a == b).count();
    let mut link = "../".repeat(from_dirs.len() - common);
    for dir in &to_dirs[common..] {
        link.push_str(dir);
        link.push('/');
    }
    link.push_str(file[0]);
    link
}

/// The way back to the root from the page at `from`: `""`, `../` or `../../`.
pub fn root(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_the_shortest_relative_paths() {
        assert_eq!(relative("index.html", "skills/a.html"), "skills/a.html");
        assert_eq!(relative("skills/a.html", "skills/b.html"), "b.html");
        assert_eq!(relative("skills/a.html", "index.html"), "../index.html");
        assert_eq!(relative("roles/pm/senior.html", "roles/pm.html"), "../pm.html");
        assert_eq!(relative("roles/pm/senior.html", "roles/pm/lead.html"), "lead.html");
        assert_eq!(relative("roles/pm/senior.html", "diff/pm/a--b.html"), "../../diff/pm/a--b.html");
        assert_eq!(relative("diff/pm/a--b.html", "roles/dm/x.html"), "../../roles/dm/x.html");
        assert_eq!(relative("roles/pm.html", "roles/pm/senior.html"), "pm/senior.html");
        assert_eq!(root("index.html"), "");
        assert_eq!(root("roles/pm/senior.html"), "../../");
    }

    #[test]
    fn paths_come_from_ids() {
        let f = crate::data::load_builtin("dvla").unwrap();
        let at = LevelAt { role: 0, level: 1 };
        assert_eq!(role(&f, 0), "roles/product-manager.html");
        assert_eq!(level(&f, at), "roles/product-manager/senior.html");
        assert_eq!(diff(&f, 0, 0, 1), "diff/product-manager/product-manager--senior.html");
        assert_eq!(about(&f, 0), "about/product-manager.html");
        assert_eq!(skill(&f, 0), "skills/agile-working.html");
        assert_eq!(soft_skill(&f, 0), format!("soft-skills/{}.html", f.soft_skills[0].id));
    }
}
