//! `pm-skills import ft-progression FILE`: a job family of the Financial Times
//! engineering-progression framework (e.g. `engineering.yml`, MIT licence) → a framework folder.
//!
//! The file is read with the shared input limits ([`crate::source::read_text`]) and parsed by
//! [`crate::yaml`] into shapes of its own that follow its JSON Schema (`job-family.json`), with
//! unknown fields refused. Every error (a competency naming an unknown level or theme, a
//! proficiency not on FT's scale...) is reported at once with its line, and nothing is written.
//!
//! # How the file maps onto a framework
//!
//! - The scale is FT's five proficiencies, lowest first: awareness, foundational,
//!   working-knowledge, practitioner, expert, with short meanings in our own words.
//! - Each theme is a skill (id, name, summary as description). FT describes levels, not what each
//!   step of a theme looks like, so each step's text is written generically from the scale. The
//!   competencies' supporting links become the skill's resources, one per url.
//! - A (level, theme) cell is rated with the **highest** proficiency of its competencies, and their
//!   summaries become the rating's criteria, with their examples. A cell with no competency is
//!   unrated (`~`, not expected at that level).
//! - **Tracks.** A level whose id ends in `-ic` or whose name says "(Individual Contributor)" is on
//!   the individual contributor track; `-pm` or "(People Manager)", the people manager track; any
//!   other level is common to both. A file with tracks becomes one role per track, `<family>-ic`
//!   and `<family>-pm`, each with the common levels and its own, in file order, level ids as in
//!   the file (so `engineering-ic/senior-1` and `engineering-pm/senior-1` are the same level's
//!   content). A file without tracks becomes one role, `<family>`.
//! - Ids come from the family name in kebab-case (`Engineering` → `engineering`); the default role
//!   is the individual contributor track, or the only role.
//! - A rating lower than the level below it gets a note saying the source gives it, so
//!   `validate` does not flag it as a slip.

mod convert;
mod read;

use serde::Serialize;

use crate::cli::ImportFtProgression;
use crate::model::Ref;
use crate::render::{Block, Cell, Records, Report, Table, Tone, Value};
use crate::source::{self, SourceFile};
use crate::text::plural;

/// FT's proficiencies, lowest first: id, FT's name, meaning (our own words).
pub(crate) const PROFICIENCIES: [(&str, &str, &str); 5] = [
    ("awareness", "Awareness", "Knows what it involves and follows how the team does it, with guidance."),
    ("foundational", "Foundational", "Handles the basics in their own work, with some support."),
    ("working-knowledge", "Working knowledge", "Applies it confidently in their own work, without support."),
    ("practitioner", "Practitioner", "Applies it across the team and helps others do it well."),
    ("expert", "Expert", "Sets the direction for it beyond the team and is sought out for it."),
];

/// The licence line of every file written.
pub const LICENCE: &str = "MIT License, Copyright (c) Financial Times (engineering-progression)";

/// The branch of a ladder a level belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Track {
    /// On both branches.
    Common,
    IndividualContributor,
    PeopleManager,
}

impl Track {
    fn suffix(self) -> &'static str {
        match self {
            Track::IndividualContributor => "ic",
            Track::PeopleManager => "pm",
            Track::Common => "common",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Track::IndividualContributor => "individual contributor",
            Track::PeopleManager => "people manager",
            Track::Common => "common",
        }
    }
}

/// What `import ft-progression` read and wrote. Field names are stable (JSON, YAML, CSV).
#[derive(Debug, Serialize)]
pub struct FtImportReport {
    /// The folder written, as given with `--out`.
    pub out: String,
    /// The job family file read, as given.
    pub file: String,
    /// The id of the framework written.
    pub framework: String,
    /// The job family's name.
    pub family: String,
    /// Whether the file marks the job family as legacy.
    pub legacy: bool,
    /// Levels in the file.
    pub levels_in_file: usize,
    /// Skills written to `skills.yaml`, one per theme some competency uses.
    pub skills_written: usize,
    /// Competencies in the file; each is one criterion of its cell.
    pub competencies: usize,
    /// Criteria written (the competencies' summaries).
    pub criteria: usize,
    /// Examples written with the criteria.
    pub examples: usize,
    /// Links written as skill resources, one per url.
    pub resources: usize,
    /// The roles written: one per track, or one.
    pub roles: Vec<FtRole>,
    /// Anything else the import left out or changed.
    pub notes: Vec<String>,
}

/// One role written.
#[derive(Debug, Serialize)]
pub struct FtRole {
    pub id: String,
    pub name: String,
    /// `individual-contributor` or `people-manager`; `null` for a file without tracks.
    pub track: Option<Track>,
    /// The role file, relative to the output folder.
    pub file: String,
    /// Its levels, most junior first.
    pub levels: Vec<Ref>,
    /// (level, skill) cells rated.
    pub rated_cells: usize,
    /// (level, skill) cells with no competency, written unrated.
    pub unrated_cells: usize,
    /// Ratings lower than at the level below, kept as the source gives them, with a note.
    pub drops: usize,
}

impl FtImportReport {
    /// What to run next: a diff across the two tracks, or the ladder of the only role.
    fn next_hint(&self) -> Block {
        let out = crate::text::shell_word(&self.out);
        let own = |r: &FtRole| {
            let level = r.levels.iter().find(|l| convert::track(&l.id, &l.name) != Track::Common).or(r.levels.last());
            format!("{}/{}", r.id, level.map_or("", |l| l.id.as_str()))
        };
        let then = match self.roles.as_slice() {
            [a, b, ..] => format!("pm-skills --data {out} diff {} {}", own(a), own(b)),
            _ => format!("pm-skills --data {out} ladder"),
        };
        Block::command("Next:", [format!("pm-skills validate {out}"), then])
    }
}

impl Report for FtImportReport {
    fn document(&self) -> Vec<Block> {
        let levels: usize = self.roles.iter().map(|r| r.levels.len()).sum();
        let mut blocks = vec![
            Block::Title(format!("Imported {} into {}", plural(self.roles.len(), "role", "roles"), self.out)),
            Block::Para(format!(
                "Read {}: the job family \"{}\"{} with {}, {} and {} ({} and {}). Wrote framework.yaml, \
                 skills.yaml ({}, one per theme) and one file per role under roles/ ({} in all).",
                self.file,
                self.family,
                if self.legacy { " (marked legacy)" } else { "" },
                plural(self.levels_in_file, "level", "levels"),
                plural(self.skills_written, "theme", "themes"),
                plural(self.competencies, "competency", "competencies"),
                plural(self.examples, "example", "examples"),
                plural(self.resources, "link", "links"),
                plural(self.skills_written, "skill", "skills"),
                plural(levels, "level", "levels"),
            )),
        ];
        let mut table = Table::new(["Role", "Track", "Levels", "Rated", "Unrated"]);
        for r in &self.roles {
            table.row(vec![
                Cell::toned(&r.id, Tone::Strong),
                Cell::plain(r.track.map_or("", Track::label)),
                Cell::plain(r.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(" < ")),
                Cell::plain(r.rated_cells.to_string()),
                Cell::plain(r.unrated_cells.to_string()),
            ]);
        }
        blocks.push(Block::Heading("Roles".into()));
        blocks.push(Block::Table(table));
        let mut notes = vec![
            format!(
                "each competency is a criterion of its level and theme ({} in all); a cell takes the highest proficiency of its competencies",
                self.criteria
            ),
            "what each proficiency looks like in a theme is written generically from the scale: the source describes levels, not steps".to_string(),
        ];
        if self.roles.len() > 1 {
            notes.push("levels ending -ic or -pm (or named Individual Contributor / People Manager) form two tracks; the other levels are in both roles".into());
        }
        notes.extend(self.notes.iter().cloned());
        blocks.push(Block::Heading("Notes".into()));
        blocks.push(Block::List(notes));
        let unrated: usize = self.roles.iter().map(|r| r.unrated_cells).sum();
        blocks.push(Block::Summary(format!(
            "{} imported, {} → {}, {} unrated",
            plural(self.roles.len(), "role", "roles"),
            plural(self.competencies, "competency", "competencies"),
            plural(self.criteria, "criterion", "criteria"),
            plural(unrated, "cell", "cells"),
        )));
        blocks.push(self.next_hint());
        blocks
    }

    fn records(&self) -> Records {
        let header = ["id", "name", "track", "levels", "rated_cells", "unrated_cells", "file"];
        let rows = self
            .roles
            .iter()
            .map(|r| {
                vec![
                    Value::from(&r.id),
                    Value::from(&r.name),
                    Value::from(r.track.map(Track::label)),
                    Value::from(r.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(" < ")),
                    Value::from(r.rated_cells),
                    Value::from(r.unrated_cells),
                    Value::from(&r.file),
                ]
            })
            .collect();
        Records::new(&header, rows)
    }
}

/// The folder the job family `text` becomes, in memory: the same reading and conversion as
/// [`run`], for the fuzzer, which holds it to the loader.
pub fn convert_text(name: &str, text: &str) -> anyhow::Result<Vec<(String, String)>> {
    let file = SourceFile { display: name.to_string(), rel: String::new(), text: text.to_string() };
    Ok(convert::convert(&read::read(&file)?, name)?.0)
}

/// Imports the job family `args.file` into the folder `args.out`, atomically.
pub fn run(args: &ImportFtProgression) -> anyhow::Result<FtImportReport> {
    crate::import::check_out(&args.out, args.force, &[&args.file])?;
    let display = args.file.display().to_string();
    let file = SourceFile { display: display.clone(), rel: String::new(), text: source::read_text(&args.file)? };
    let name = args.file.file_name().map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
    let (files, mut report) = convert::convert(&read::read(&file)?, &name)?;
    report.out = args.out.display().to_string();
    report.file = display;
    if let Some(message) = crate::import::write_out(&args.out, args.force, &files)? {
        report.notes.push(message);
    }
    Ok(report)
}
