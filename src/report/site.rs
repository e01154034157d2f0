//! `pm-skills site`: what was written, and where.

use serde::Serialize;

use super::{Ref, Report};
use crate::render::{Block, Cell, Records, Table, Tone, Value};
use crate::text::plural;

/// How many pages of each kind a site has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageCounts {
    /// Every page: the ones below, the home page and the lists of skills, soft skills and A to Z.
    pub total: usize,
    pub roles: usize,
    pub levels: usize,
    /// Two adjacent levels of a role compared.
    pub comparisons: usize,
    pub skills: usize,
    pub soft_skills: usize,
    /// Roles the framework describes beyond a summary.
    pub about: usize,
}

/// A site written to a folder.
#[derive(Debug, Serialize)]
pub struct SiteReport {
    pub framework: Ref,
    /// The folder, as given.
    pub out: String,
    pub pages: PageCounts,
    /// Every file written: the pages, the stylesheet, the search script and its index.
    pub files: usize,
    pub bytes: usize,
    /// The date in the footer, with `--stamp`.
    pub stamp: Option<String>,
    /// Said when the folder's previous contents could not be removed, and where they are.
    pub note: Option<String>,
}

impl Report for SiteReport {
    fn document(&self) -> Vec<Block> {
        let p = &self.pages;
        let mut table = Table::new(["Pages", "Count", "Where"]);
        let lists = if p.soft_skills > 0 {
            "index.html, skills.html, soft-skills.html, a-z.html"
        } else {
            "index.html, skills.html, a-z.html"
        };
        let listed = p.roles + p.levels + p.comparisons + p.skills + p.soft_skills + p.about;
        let rows = [
            ("Home and lists", p.total - listed, lists),
            ("Roles", p.roles, "roles/ROLE.html"),
            ("Levels", p.levels, "roles/ROLE/LEVEL.html"),
            ("Adjacent levels compared", p.comparisons, "diff/ROLE/FROM--TO.html"),
            ("Skills", p.skills, "skills/SKILL.html"),
            ("Soft skills", p.soft_skills, "soft-skills/SOFT-SKILL.html"),
            ("About a role", p.about, "about/ROLE.html"),
        ];
        for (what, count, path) in rows.into_iter().filter(|(_, count, _)| *count > 0) {
            table.row(vec![Cell::toned(what, Tone::Strong), Cell::plain(count.to_string()), Cell::plain(path)]);
        }
        let mut blocks = vec![
            Block::Title(format!("Wrote a site of {} into {}", plural(p.total, "page", "pages"), self.out)),
            Block::Para(format!(
                "{}: {} in all, with site.css, search.js and search-index.js beside the pages. Links are relative, \
                 so the folder works from disk and from any static host, at any path.",
                self.framework.name,
                plural(self.files, "file", "files")
            )),
            Block::Table(table),
        ];
        if let Some(note) = &self.note {
            blocks.push(Block::Heading("Notes".into()));
            blocks.push(Block::List(vec![note.clone()]));
        }
        let stamp = self.stamp.as_ref().map(|d| format!(", stamped {d}")).unwrap_or_default();
        blocks.push(Block::Summary(format!(
            "{} in {}, {} KiB{stamp}",
            plural(p.total, "page", "pages"),
            self.out,
            self.bytes.div_ceil(1024)
        )));
        blocks.push(Block::Hint(format!("Open it: {}/index.html", self.out.trim_end_matches('/'))));
        blocks
    }

    fn records(&self) -> Records {
        let p = &self.pages;
        let header =
            ["out", "pages", "roles", "levels", "comparisons", "skills", "soft_skills", "about", "files", "bytes"];
        let row = [p.total, p.roles, p.levels, p.comparisons, p.skills, p.soft_skills, p.about, self.files, self.bytes];
        Records {
            header: header.map(String::from).to_vec(),
            rows: vec![std::iter::once(Value::from(&self.out)).chain(row.map(Value::from)).collect()],
        }
    }
}
