//! The pages of the site, each assembled from the reports the commands print: `show` for a level,
//! `ladder` for a role, `diff` for two adjacent levels, `moves` for where a level leads, `skills`,
//! `soft-skills` and `about`. The site adds only what a terminal cannot: links between them.

use std::collections::{BTreeMap, HashMap};

use super::layout::{Link, Page, Section, linkify};
use super::urls::{self, relative};
use crate::model::{Framework, LevelAt, Scope};
use crate::render::markup::{Text, html};
use crate::render::{Block, Cell, Report, Table, Tone};
use crate::report::about::AboutReport;
use crate::report::diff::DiffReport;
use crate::report::ladder::LadderReport;
use crate::report::moves::MovesReport;
use crate::report::rules;
use crate::report::show::ShowReport;
use crate::report::skills::SkillReport;
use crate::report::soft_skills::SoftSkillReport;
use crate::text::plural;

/// How many moves a level's page lists: its next level and the closest levels of other roles.
pub const MOVES: usize = 5;

/// The most other roles a level page ranks its moves among, so that a site grows with its levels
/// rather than with levels times roles. Twice the government framework's 48 roles.
pub const MOVE_ROLES: usize = 96;

/// For each role, the other roles its level pages rank moves among: all of them when there are
/// at most [`MOVE_ROLES`]; otherwise those of its family first (as the move rule ranks them),
/// then the roles that follow it in the framework, going round, up to [`MOVE_ROLES`].
pub fn move_roles(f: &Framework) -> Vec<Vec<usize>> {
    let n = f.roles.len();
    if n <= MOVE_ROLES + 1 {
        return (0..n).map(|r| (0..n).filter(|&o| o != r).collect()).collect();
    }
    let mut families: HashMap<&str, Vec<usize>> = HashMap::new();
    for r in 0..n {
        if let Some(family) = rules::family(f, r) {
            families.entry(family).or_default().push(r);
        }
    }
    (0..n)
        .map(|r| {
            let family = rules::family(f, r);
            let kin = family.and_then(|k| families.get(k)).map_or(&[][..], Vec::as_slice);
            let mut roles: Vec<usize> = kin.iter().copied().filter(|&o| o != r).take(MOVE_ROLES).collect();
            let others = (r + 1..n).chain(0..r).filter(|&o| family.is_none() || rules::family(f, o) != family);
            let room = MOVE_ROLES - roles.len();
            roles.extend(others.take(room));
            roles
        })
        .collect()
}

/// Names that lead to pages: a table cell whose whole text is one of them becomes a link. A name
/// that stands for two different pages links to neither.
#[derive(Debug, Default)]
pub struct Names(BTreeMap<String, Option<String>>);

impl Names {
    /// The framework's skills and soft skills.
    pub fn of_framework(f: &Framework) -> Self {
        let mut names = Names::default();
        for s in 0..f.skills.len() {
            names.add(&f.skills[s].name, urls::skill(f, s));
        }
        for s in 0..f.soft_skills.len() {
            names.add(&f.soft_skills[s].name, urls::soft_skill(f, s));
        }
        names
    }

    /// The levels of one role.
    fn of_role(f: &Framework, role: usize) -> Self {
        let mut names = Names::default();
        for (level, l) in f.roles[role].levels.iter().enumerate() {
            names.add(&l.name, urls::level(f, LevelAt { role, level }));
        }
        names
    }

    fn add(&mut self, name: &str, path: String) {
        let entry = self.0.entry(name.to_string()).or_insert_with(|| Some(path.clone()));
        if entry.as_deref() != Some(path.as_str()) {
            *entry = None;
        }
    }

    /// Links every table cell of `blocks` that names a page, from the page at `from`.
    pub fn link(&self, blocks: &mut [Block], from: &str) {
        for block in blocks {
            let Block::Table(table) = block else { continue };
            for cell in table.rows.iter_mut().flatten().filter(|c| c.link.is_none()) {
                if let Some(Some(to)) = self.0.get(&cell.text) {
                    cell.link = Some(relative(from, to));
                }
            }
        }
    }
}

/// What every page builder reads.
pub struct Context<'a> {
    pub framework: &'a Framework,
    pub names: Names,
    /// What the moves of every level page share, computed once: each role's levels by
    /// seniority, and the roles its pages rank moves among ([`move_roles`]).
    pub seniorities: rules::Seniorities,
    pub move_roles: Vec<Vec<usize>>,
}

impl Context<'_> {
    fn scope(&self, role: usize) -> Scope<'_> {
        Scope { framework: self.framework, role: &self.framework.roles[role] }
    }

    /// A report's blocks as a page shows them: linked, without the hints that name commands.
    fn blocks(&self, report: &impl Report, from: &str) -> Vec<Block> {
        let mut blocks: Vec<Block> =
            report.document().into_iter().filter(|b| !matches!(b, Block::Hint(_) | Block::Command { .. })).collect();
        self.names.link(&mut blocks, from);
        blocks
    }

    /// `title · framework`, for `<title>`.
    fn title(&self, name: &str) -> String {
        format!("{name} · {}", self.framework.name)
    }

    fn role_crumb(&self, role: usize) -> (String, String) {
        (self.framework.roles[role].name.clone(), urls::role(self.framework, role))
    }
}

/// A report's title as a section heading, for a page that holds more than that report.
fn demote(mut blocks: Vec<Block>) -> Vec<Block> {
    for block in &mut blocks {
        if let Block::Title(t) = block {
            *block = Block::Heading(std::mem::take(t));
        }
    }
    blocks
}

/// The first sentence of `text`, or its first 200 characters: enough to say what a thing is.
pub fn short(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = text.find(". ").map_or(text.as_str(), |end| &text[..=end]);
    if sentence.chars().count() <= 200 {
        return sentence.to_string();
    }
    let mut cut: String = sentence.chars().take(199).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

/// Whether the framework describes the role beyond its summary: then it has an about page.
pub fn has_about(f: &Framework, role: usize) -> bool {
    let r = &f.roles[role];
    !(r.technical.trim().is_empty()
        && r.benefits.is_empty()
        && r.day_in_the_life.is_empty()
        && r.responsibilities.is_empty())
}

/// The home page: what the framework is, its roles by family, and where to browse.
pub fn home(ctx: &Context) -> Page {
    let f = ctx.framework;
    let path = urls::HOME.to_string();
    let mut intro = vec![Block::Title(f.name.clone())];
    if !f.description.trim().is_empty() {
        intro.push(Block::Para(f.description.clone()));
    }
    let levels: usize = f.roles.iter().map(|r| r.levels.len()).sum();
    intro.push(Block::Para(format!(
        "{}, {} and {}: each level says what it expects, skill by skill. Compare two levels, see what each \
         proficiency looks like, and where a level leads.",
        plural(f.roles.len(), "role", "roles"),
        plural(levels, "level", "levels"),
        plural(f.skills.len(), "skill", "skills")
    )));
    let mut browse = vec![Link::with_note("Skills", urls::SKILLS, format!("all {}", f.skills.len()))];
    if !f.soft_skills.is_empty() {
        browse.push(Link::with_note("Soft skills", urls::SOFT_SKILLS, format!("all {}", f.soft_skills.len())));
    }
    browse.push(Link::with_note("A to Z", urls::A_TO_Z, format!("every {}", super::search::kinds_listed(f))));
    let mut families: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (r, role) in f.roles.iter().enumerate() {
        let family = role.family.as_deref();
        match families.iter_mut().find(|(name, _)| *name == family) {
            Some((_, roles)) => roles.push(r),
            None => families.push((family, vec![r])),
        }
    }
    let mut roles = Vec::new();
    let named = families.iter().any(|(name, _)| name.is_some());
    for (family, members) in &families {
        let heading = match family {
            Some(name) => name.to_string(),
            None if named => "Other roles".to_string(),
            None => "Roles".to_string(),
        };
        let mut table = Table::new(["Role", "Levels", "What it is"]);
        for &r in members {
            let role = &f.roles[r];
            table.row(vec![
                Cell::toned(&role.name, Tone::Strong).linked(relative(&path, &urls::role(f, r))),
                Cell::plain(role.levels.len().to_string()),
                Cell::plain(short(&role.summary)),
            ]);
        }
        roles.push(Block::Heading(heading));
        roles.push(Block::Table(table));
    }
    let source = html! {
        h2 id="source" { "Source and licence" } "\n"
        dl {
            "\n"
            dt { "Version:" } dd { (Text(&f.version)) } "\n"
            dt { "Source:" } dd { (linkify(&f.source)) } "\n"
            dt { "Licence:" } dd { (linkify(&f.licence)) } "\n"
        }
        "\n"
    };
    Page {
        path,
        title: f.name.clone(),
        trail: Vec::new(),
        crumb: "Home".into(),
        sections: vec![
            Section::Doc(intro, None),
            Section::Links("Browse".into(), browse),
            Section::Doc(roles, None),
            Section::Markup(source),
        ],
    }
}

/// A role: its levels, the comparisons of adjacent levels, and its ladder.
pub fn role(ctx: &Context, r: usize) -> Page {
    let f = ctx.framework;
    let role = &f.roles[r];
    let path = urls::role(f, r);
    let mut intro = vec![Block::Title(role.name.clone())];
    if !role.summary.trim().is_empty() {
        intro.push(Block::Para(role.summary.clone()));
    }
    intro.push(Block::Heading(format!("Levels, most junior first ({})", role.levels.len())));
    let mut table = Table::new(["Level", "Summary"]);
    for (level, l) in role.levels.iter().enumerate() {
        let to = urls::level(f, LevelAt { role: r, level });
        table.row(vec![Cell::toned(&l.name, Tone::Strong).linked(relative(&path, &to)), Cell::plain(&l.summary)]);
    }
    intro.push(Block::Table(table));
    let mut sections = vec![Section::Doc(intro, None)];
    if has_about(f, r) {
        let about =
            Link::with_note(format!("About the {} role", role.name), urls::about(f, r), "what it is and brings");
        sections.push(Section::Links("About the role".into(), vec![about]));
    }
    let steps: Vec<Link> = (1..role.levels.len())
        .map(|l| {
            let at = |level| LevelAt { role: r, level };
            let summary = DiffReport::build(f, at(l - 1), at(l), true).summary.text;
            let text = format!("From {} to {}", role.levels[l - 1].name, role.levels[l].name);
            Link::with_note(text, urls::diff(f, r, l - 1, l), format!("({summary})"))
        })
        .collect();
    if !steps.is_empty() {
        sections.push(Section::Links("What grows at each step".into(), steps));
    }
    let ladder = LadderReport::build(ctx.scope(r));
    sections.push(Section::Doc(demote(ctx.blocks(&ladder, &path)), ladder.chart()));
    Page {
        path,
        title: ctx.title(&format!("{} (role)", role.name)),
        trail: Vec::new(),
        crumb: role.name.clone(),
        sections,
    }
}

/// A level: what it expects, skill by skill, the steps either side, and its closest moves.
pub fn level(ctx: &Context, at: LevelAt) -> Page {
    let f = ctx.framework;
    let role = &f.roles[at.role];
    let level = &role.levels[at.level];
    let path = urls::level(f, at);
    let show = ShowReport::build(ctx.scope(at.role), at.level);
    let mut sections = vec![Section::Doc(ctx.blocks(&show, &path), show.chart())];
    let mut steps = Vec::new();
    if at.level > 0 {
        let below = &role.levels[at.level - 1];
        let text = format!("From {} to {}", below.name, level.name);
        steps.push(Link::with_note(text, urls::diff(f, at.role, at.level - 1, at.level), "what grew to reach it"));
    }
    if let Some(above) = role.levels.get(at.level + 1) {
        let text = format!("From {} to {}", level.name, above.name);
        steps.push(Link::with_note(text, urls::diff(f, at.role, at.level, at.level + 1), "what grows next"));
    }
    if !steps.is_empty() {
        sections.push(Section::Links("Compare".into(), steps));
    }
    if f.roles.len() > 1 {
        sections.push(Section::Doc(moves(ctx, at, &path), None));
    }
    Page {
        path,
        title: ctx.title(&format!("{} ({})", level.name, role.name)),
        trail: vec![ctx.role_crumb(at.role)],
        crumb: level.name.clone(),
        sections,
    }
}

/// The `moves` report of a level, each row leading to its role and level.
fn moves(ctx: &Context, at: LevelAt, from: &str) -> Vec<Block> {
    let f = ctx.framework;
    let among = &ctx.move_roles[at.role];
    let report = MovesReport::build_among(f, &ctx.seniorities, at, among, MOVES);
    let mut blocks = demote(ctx.blocks(&report, from));
    for block in &mut blocks {
        let Block::Table(table) = block else { continue };
        // The table has a row per move, in the report's order.
        for (row, m) in table.rows.iter_mut().zip(&report.moves) {
            row[0].link = Some(relative(from, &urls::role(f, m.at.role)));
            row[1].link = Some(relative(from, &urls::level(f, m.at)));
        }
    }
    let others = f.roles.len() - 1;
    if among.len() < others {
        let id = format!("{}/{}", f.roles[at.role].id, f.level(at).id);
        blocks.push(Block::Para(format!(
            "These moves are ranked among {} of the framework's {others} other roles: those of its family first, then the roles after it. pm-skills moves {id} ranks them all.",
            among.len()
        )));
    }
    blocks
}

/// Two adjacent levels of a role compared.
pub fn diff(ctx: &Context, r: usize, from: usize) -> Page {
    let f = ctx.framework;
    let role = &f.roles[r];
    let path = urls::diff(f, r, from, from + 1);
    let (a, b) = (LevelAt { role: r, level: from }, LevelAt { role: r, level: from + 1 });
    let report = DiffReport::build(f, a, b, false);
    let levels = vec![
        Link::with_note(&role.levels[from].name, urls::level(f, a), "from"),
        Link::with_note(&role.levels[from + 1].name, urls::level(f, b), "to"),
    ];
    let name = format!("From {} to {}", role.levels[from].name, role.levels[from + 1].name);
    Page {
        title: ctx.title(&format!("{name} ({})", role.name)),
        sections: vec![
            Section::Doc(ctx.blocks(&report, &path), report.chart()),
            Section::Links("The levels".into(), levels),
        ],
        path,
        trail: vec![ctx.role_crumb(r)],
        crumb: name,
    }
}

/// A skill: what each step means, its resources, and which levels of which roles expect it.
pub fn skill(ctx: &Context, s: usize) -> Page {
    let f = ctx.framework;
    let path = urls::skill(f, s);
    let users: Vec<usize> = (0..f.roles.len()).filter(|&r| f.roles[r].skills.contains(&s)).collect();
    let about = SkillReport::build(ctx.scope(users.first().copied().unwrap_or(0)), s);
    let mut sections = vec![Section::Doc(about.meaning_blocks(), None)];
    if !about.resources.is_empty() {
        let links = about
            .resources
            .iter()
            .map(|r| Link::with_note(&r.title, &r.url, r.kind.as_deref().map(|k| format!("({k})")).unwrap_or_default()))
            .collect();
        sections.push(Section::Links("Resources".into(), links));
    }
    let mut needs = vec![Block::Heading(format!("Which levels expect it ({})", plural(users.len(), "role", "roles")))];
    if users.is_empty() {
        needs.push(Block::Para("No role of this framework expects this skill.".into()));
    }
    sections.push(Section::Doc(needs, None));
    for r in users {
        let mut blocks = SkillReport::build(ctx.scope(r), s).needs_blocks();
        Names::of_role(f, r).link(&mut blocks, &path);
        sections.push(Section::Doc(blocks, None));
    }
    let name = &f.skills[s].name;
    Page {
        title: ctx.title(&format!("{name} (skill)")),
        path,
        trail: vec![("Skills".into(), urls::SKILLS.into())],
        crumb: name.clone(),
        sections,
    }
}

/// A soft skill, and the levels that rate it where the framework rates soft skills.
pub fn soft_skill(ctx: &Context, i: usize) -> Page {
    let f = ctx.framework;
    let path = urls::soft_skill(f, i);
    let mut sections = vec![Section::Doc(ctx.blocks(&SoftSkillReport::build(f, i), &path), None)];
    let mut table = Table::new(["Role", "Level", "Expected"]);
    for (r, role) in f.roles.iter().enumerate() {
        for (level, l) in role.levels.iter().enumerate() {
            let Some(&(_, step)) = l.behaviours.iter().find(|(s, _)| *s == i) else { continue };
            table.row(vec![
                Cell::toned(&role.name, Tone::Strong).linked(relative(&path, &urls::role(f, r))),
                Cell::plain(&l.name).linked(relative(&path, &urls::level(f, LevelAt { role: r, level }))),
                Cell::plain(&f.behaviour_scale[step].name),
            ]);
        }
    }
    if !table.rows.is_empty() {
        sections.push(Section::Doc(vec![Block::Heading("Levels that rate it".into()), Block::Table(table)], None));
    }
    let name = &f.soft_skills[i].name;
    Page {
        title: ctx.title(&format!("{name} (soft skill)")),
        path,
        trail: vec![("Soft skills".into(), urls::SOFT_SKILLS.into())],
        crumb: name.clone(),
        sections,
    }
}

/// What the role is, whether it is technical, what it brings and a day in the life.
pub fn about(ctx: &Context, r: usize) -> Page {
    let f = ctx.framework;
    let path = urls::about(f, r);
    let blocks = ctx.blocks(&AboutReport::build(ctx.scope(r)), &path);
    let name = &f.roles[r].name;
    Page {
        title: ctx.title(&format!("About the {name} role")),
        path,
        trail: vec![ctx.role_crumb(r)],
        crumb: "About the role".into(),
        sections: vec![Section::Doc(blocks, None)],
    }
}

/// Every skill of the framework, with what it is and how many roles use it.
pub fn skills(ctx: &Context) -> Page {
    let f = ctx.framework;
    let path = urls::SKILLS.to_string();
    let mut table = Table::new(["Skill", "What it is", "Roles"]);
    for (s, skill) in f.skills.iter().enumerate() {
        let roles = f.roles.iter().filter(|r| r.skills.contains(&s)).count();
        table.row(vec![
            Cell::toned(&skill.name, Tone::Strong).linked(relative(&path, &urls::skill(f, s))),
            Cell::plain(short(&skill.description)),
            Cell::plain(roles.to_string()),
        ]);
    }
    let blocks = vec![
        Block::Title(format!("Skills ({})", f.skills.len())),
        Block::Para("Every skill of the framework: what it is, and how many roles expect it at some level.".into()),
        Block::Table(table),
    ];
    Page {
        path,
        title: ctx.title("Skills"),
        trail: Vec::new(),
        crumb: "Skills".into(),
        sections: vec![Section::Doc(blocks, None)],
    }
}

/// Every soft skill of the framework.
pub fn soft_skills(ctx: &Context) -> Page {
    let f = ctx.framework;
    let path = urls::SOFT_SKILLS.to_string();
    let mut table = Table::new(["Soft skill", "What it is"]);
    for (i, s) in f.soft_skills.iter().enumerate() {
        table.row(vec![
            Cell::toned(&s.name, Tone::Strong).linked(relative(&path, &urls::soft_skill(f, i))),
            Cell::plain(short(&s.explanation)),
        ]);
    }
    let blocks = vec![Block::Title(format!("Soft skills ({})", f.soft_skills.len())), Block::Table(table)];
    Page {
        path,
        title: ctx.title("Soft skills"),
        trail: Vec::new(),
        crumb: "Soft skills".into(),
        sections: vec![Section::Doc(blocks, None)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_the_first_sentence_or_200_characters() {
        assert_eq!(short("One thing.  Two things."), "One thing.");
        assert_eq!(short("No full stop"), "No full stop");
        let long = "word ".repeat(100);
        let cut = short(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 200, "{cut}");
    }

    #[test]
    fn a_name_of_two_pages_links_to_neither() {
        let mut names = Names::default();
        names.add("Data", "skills/data.html".into());
        names.add("Data", "soft-skills/data.html".into());
        names.add("Coding", "skills/coding.html".into());
        names.add("Coding", "skills/coding.html".into());
        let mut table = Table::new(["Skill"]);
        table.row(vec![Cell::plain("Data")]);
        table.row(vec![Cell::plain("Coding")]);
        table.row(vec![Cell::plain("Coding x")]);
        let mut blocks = vec![Block::Table(table)];
        names.link(&mut blocks, "roles/a/b.html");
        let Block::Table(table) = &blocks[0] else { unreachable!() };
        let links: Vec<Option<&str>> = table.rows.iter().map(|r| r[0].link.as_deref()).collect();
        assert_eq!(links, [None, Some("../../skills/coding.html"), None]);
    }

    /// The career map's first role 150 times over; roles 10, 60, 110 and 140 of one family.
    fn many_roles() -> Framework {
        let mut f = crate::report::testing::career_map();
        let role = f.roles[0].clone();
        f.roles = (0..150)
            .map(|i| {
                let mut r = role.clone();
                r.id = format!("r{i}");
                r.name = format!("Role {i}");
                r.family = [10, 60, 110, 140].contains(&i).then(|| "Data".to_string());
                r
            })
            .collect();
        f
    }

    #[test]
    fn a_level_page_ranks_moves_among_its_family_then_the_roles_after_it() {
        let f = many_roles();
        let roles = move_roles(&f);
        let kin = &roles[10];
        assert_eq!(kin.len(), MOVE_ROLES);
        assert_eq!(kin[..4], [60, 110, 140, 11]);
        assert!(!kin.contains(&10) && kin.iter().collect::<std::collections::HashSet<_>>().len() == MOVE_ROLES);
        // No family: the roles after it, going round.
        assert_eq!(roles[149][..3], [0, 1, 2]);
        assert_eq!(roles[149].len(), MOVE_ROLES);
        // A framework of few roles: every other role.
        let small = crate::report::testing::career_map();
        assert_eq!(move_roles(&small), [vec![1, 2], vec![0, 2], vec![0, 1]]);
    }

    #[test]
    fn a_level_page_says_when_its_moves_are_ranked_among_some_roles_only() {
        let text = |f: &Framework, role: usize| {
            let ctx = Context {
                framework: f,
                names: Names::of_framework(f),
                seniorities: rules::Seniorities::of(f),
                move_roles: move_roles(f),
            };
            let page = level(&ctx, LevelAt { role, level: 0 });
            let mut paras = Vec::new();
            for section in &page.sections {
                if let Section::Doc(blocks, _) = section {
                    paras.extend(
                        blocks.iter().filter_map(|b| if let Block::Para(p) = b { Some(p.clone()) } else { None }),
                    );
                }
            }
            paras.join("\n")
        };
        let f = many_roles();
        let said = text(&f, 10);
        assert!(said.contains("ranked among 96 of the framework's 149 other roles"), "{said}");
        assert!(said.contains(&format!("pm-skills moves r10/{} ranks them all", f.roles[10].levels[0].id)), "{said}");
        let small = crate::report::testing::career_map();
        assert!(!text(&small, 0).contains("ranked among"));
    }
}
