//! `pm-skills import ddat-csv`: the official Government Digital and Data Profession Capability
//! Framework CSV export (`roles.csv` + `skills.csv`) → a framework folder.
//!
//! The flow is the program's usual one: read the two files ([`crate::source::read_text`]: size cap,
//! UTF-8, BOM), convert them with no I/O ([`convert()`]), write the folder atomically, and return an
//! [`ImportReport`] that the shared renderers print. Nothing is dropped silently: every role left
//! out is in [`ImportReport::skipped`] with its reason, and everything merged, trimmed or left out
//! below the role (duplicate rows, ignored rows, ties in the level order...) is in
//! [`ImportReport::notes`].
//!
//! # What the export looks like, and what the importer does about it
//!
//! - `roles.csv` has one row per (role, role level, skill). Levels come **alphabetically**, not by
//!   seniority, so the importer orders them itself (see [`seniority()`]), or as `--level-order FILE`
//!   says.
//! - Senior Civil Service roles have no levels: their level and skill level are `NOT IN USE`. They
//!   cannot be compared level by level, so they are skipped and reported.
//! - Some levels do not rate every skill of their role (e.g. an associate level rating 4 of 13).
//!   A role keeps **every skill any of its levels rates**, in the order the role's rows first
//!   name them (CSV order), and a level that does not rate one writes it unrated (`skill: ~`,
//!   "not expected at this level"): inventing a rating would put false gaps into `diff`, and
//!   dropping the skill would hide what the framework says of the other levels. Every official
//!   level is kept.
//! - Duplicate rows are merged (a note counts them); two different ratings for the same level and
//!   skill keep the first and say so.
//! - Names are trimmed (`"End user computing engineer "`); text loses zero-width spaces, turns
//!   no-break spaces into spaces and Unicode line separators into newlines.
//! - A skill missing from `skills.csv` (or with empty columns there) takes its description and
//!   proficiency texts from the `Skill Description` / `Skill Level Description` cells of
//!   `roles.csv`; the placeholder `MISSING` counts as no text. A description or proficiency text
//!   neither file gives is written as a line saying the export gives none (and noted), so the
//!   folder validates cleanly and a reader sees that the gap is the source's.
//! - Multi-line cells (`"At this role level, you will:\n- ..."`) keep their structure: the
//!   paragraphs become the `summary`, the `- ` bullets become `responsibilities`, and a lead-in
//!   line ending in `:` just before the bullets is dropped, since the list replaces it; a cell
//!   that is nothing but a lead-in and its bullets gets them as one sentence for its `summary`,
//!   never a dangling "you will:". Skill proficiency texts are kept whole, bullets included.
//! - When a level expects less of a skill than the level below it (the framework does this where
//!   leaders stop using a skill day to day), the rating gets a note saying the drop comes from the
//!   official framework, so `validate` does not flag it as a typo.

mod convert;
mod csv_file;
mod output;
mod roles;
mod seniority;
mod skills;

use std::collections::HashMap;

use serde::Serialize;

pub use crate::import::csv::CsvFile;
pub use convert::convert;
pub use seniority::{SENIORITY_RULE, order_by_seniority, seniority};

use crate::cli::ImportDdatCsv;
use crate::model::Ref;
use crate::render::{Block, Cell, Records, Report, Table, Tone, Value};
use crate::source::{self, SourceFile};
use crate::text::plural;

/// The id of the framework written to `framework.yaml`.
pub const FRAMEWORK_ID: &str = "ddat-import";
/// Its display name: the source's own.
pub const FRAMEWORK_NAME: &str = "Government Digital and Data Profession Capability Framework";
/// Its version when `--export-date` gives none: the CSV files carry no date.
pub const UNDATED: &str = "undated CSV export";
/// The licence line of every file written.
pub const LICENCE: &str =
    "Contains public sector information licensed under the Open Government Licence v3.0 (Crown copyright)";
/// The role made `default_role` when it is imported.
pub const DEFAULT_ROLE: &str = "product-manager";

/// The proficiency scale of the framework, lowest first: id, name, generic meaning (own words).
const SCALE: [(&str, &str, &str); 4] = [
    ("awareness", "Awareness", "Knows what the skill is for and can describe its basic ideas, tools and techniques."),
    ("working", "Working", "Applies the skill with some support, choosing suitable tools and techniques."),
    (
        "practitioner",
        "Practitioner",
        "Applies the skill without support, picks the right tools and techniques, and shares what they know.",
    ),
    ("expert", "Expert", "Leads and guides others in best practice and teaches advanced tools and techniques."),
];

/// What `import ddat-csv` did: the folder written, every role imported or skipped, and every
/// other change a person should know about. Field names are stable (JSON, YAML, CSV).
#[derive(Debug, Serialize)]
pub struct ImportReport {
    /// The folder written, as given with `--out`.
    pub out: String,
    /// The id of the framework written (`ddat-import`).
    pub framework: String,
    /// The roles CSV read, as given with `--roles`.
    pub roles_csv: String,
    /// The skills CSV read, as given with `--skills`.
    pub skills_csv: String,
    /// Data rows of the roles CSV (header not counted).
    pub rows: usize,
    /// Distinct roles in the roles CSV.
    pub roles_in_csv: usize,
    /// Distinct role families in the roles CSV.
    pub families_in_csv: usize,
    /// The role asked for with `--role`, as typed; `null` when every role was considered.
    pub selected_role: Option<String>,
    /// Skills written to `skills.yaml`.
    pub skills_written: usize,
    /// Roles written, in CSV order.
    pub imported: Vec<ImportedRole>,
    /// Roles found but not written, with the reason, in CSV order.
    pub skipped: Vec<SkippedRole>,
    /// Everything else the import merged, trimmed, filled in or left out.
    pub notes: Vec<ImportNote>,
    /// How levels were put in seniority order.
    pub seniority_rule: String,
}

/// One role written to the folder.
#[derive(Debug, Serialize)]
pub struct ImportedRole {
    /// The role id, e.g. `delivery-manager`.
    pub id: String,
    /// The role name as in the CSV, trimmed.
    pub name: String,
    /// The role family as in the CSV, trimmed.
    pub family: String,
    /// The role file, relative to the output folder, e.g. `roles/product-and-delivery/delivery-manager.yaml`.
    pub file: String,
    /// The levels, most junior first.
    pub levels: Vec<Ref>,
    /// How many skills the role keeps (its `skills` list): every skill one of its levels rates.
    pub skills: usize,
    /// Where the level order came from: `rule`, `rule-with-ties` or `level-order-file`.
    pub order: OrderSource,
    /// Groups of level names the rule ranks equally, kept in CSV order (empty unless
    /// `order` is `rule-with-ties`).
    pub ties: Vec<Vec<String>>,
    /// Ratings lower than at the level below, kept as the framework gives them, with a note.
    pub drops: usize,
}

/// Where a role's level order came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrderSource {
    /// The keyword rule separated every level.
    Rule,
    /// The keyword rule, with at least one tie kept in CSV order.
    RuleWithTies,
    /// The `--level-order` file.
    LevelOrderFile,
}

impl OrderSource {
    fn label(self) -> &'static str {
        match self {
            OrderSource::Rule => "rule",
            OrderSource::RuleWithTies => "rule-with-ties",
            OrderSource::LevelOrderFile => "level-order-file",
        }
    }
}

/// One role found in the CSV but not written.
#[derive(Debug, Serialize)]
pub struct SkippedRole {
    /// The id the role would have had.
    pub id: String,
    /// The role name as in the CSV, trimmed.
    pub name: String,
    /// The role family as in the CSV, trimmed.
    pub family: String,
    /// Why it was not imported.
    pub reason: String,
}

/// Something the import changed or left out below the level of whole roles.
#[derive(Debug, Clone, Serialize)]
pub struct ImportNote {
    /// The role id the note is about; `null` for notes about the files or the skills.
    pub role: Option<String>,
    /// What happened, naming the CSV lines where known.
    pub message: String,
}

impl ImportReport {
    /// The table of the roles imported.
    fn imported_table(&self) -> Table {
        // Ids are never broken: too wide for the terminal, it is drawn in parts, each naming the role.
        let mut table = Table::new(["Role", "Family", "Levels", "Skills", "Level order"]).with_row_labels(1);
        for r in &self.imported {
            let order = match r.order {
                OrderSource::Rule => Cell::plain("rule"),
                OrderSource::RuleWithTies => Cell::toned("rule, with ties", Tone::Grow),
                OrderSource::LevelOrderFile => Cell::plain("--level-order"),
            };
            table.row(vec![
                Cell::toned(&r.id, Tone::Strong),
                Cell::plain(&r.family),
                Cell::plain(r.levels.len().to_string()),
                Cell::plain(r.skills.to_string()),
                order,
            ]);
        }
        table
    }

    /// What to run next, on the default role or else the first role imported.
    fn next_hint(&self) -> Option<Block> {
        let first = self.imported.iter().find(|r| r.id == DEFAULT_ROLE).or(self.imported.first())?;
        let out = crate::text::shell_word(&self.out);
        Some(Block::command(
            "Next:",
            [format!("pm-skills validate {out}"), format!("pm-skills --data {out} --role {} ladder", first.id)],
        ))
    }
}

impl Report for ImportReport {
    fn document(&self) -> Vec<Block> {
        let levels: usize = self.imported.iter().map(|r| r.levels.len()).sum();
        let mut blocks = vec![
            Block::Title(format!("Imported {} into {}", plural(self.imported.len(), "role", "roles"), self.out)),
            Block::Para(format!(
                "Read {} of {} ({} in {}) and {}. Wrote framework.yaml, skills.yaml ({}) and \
                 one file per role under roles/ ({} in all).",
                plural(self.rows, "row", "rows"),
                self.roles_csv,
                plural(self.roles_in_csv, "role", "roles"),
                plural(self.families_in_csv, "family", "families"),
                self.skills_csv,
                plural(self.skills_written, "skill", "skills"),
                plural(levels, "level", "levels"),
            )),
        ];
        if !self.imported.is_empty() {
            blocks.push(Block::Heading("Imported roles".into()));
            blocks.push(Block::Table(self.imported_table()));
        }
        if !self.skipped.is_empty() {
            blocks.push(Block::Heading("Skipped roles".into()));
            blocks.push(Block::List(
                self.skipped.iter().map(|s| format!("{} ({}): {}", s.name, s.id, s.reason)).collect(),
            ));
        }
        if !self.notes.is_empty() {
            blocks.push(Block::Heading("Notes".into()));
            blocks.push(Block::List(
                self.notes
                    .iter()
                    .map(|n| match &n.role {
                        Some(role) => format!("{role}: {}", n.message),
                        None => n.message.clone(),
                    })
                    .collect(),
            ));
        }
        blocks.push(Block::Hint(self.seniority_rule.clone()));
        blocks.push(Block::Summary(format!(
            "{} imported, {} skipped, {}",
            plural(self.imported.len(), "role", "roles"),
            plural(self.skipped.len(), "role", "roles"),
            plural(self.notes.len(), "note", "notes"),
        )));
        if let Some(hint) = self.next_hint() {
            blocks.push(hint);
        }
        blocks
    }

    fn records(&self) -> Records {
        let header = ["status", "id", "name", "family", "levels", "skills", "level_order", "file", "reason"];
        let mut rows: Vec<Vec<Value>> = self
            .imported
            .iter()
            .map(|r| {
                vec![
                    Value::from("imported"),
                    Value::from(&r.id),
                    Value::from(&r.name),
                    Value::from(&r.family),
                    Value::from(r.levels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(" < ")),
                    Value::from(r.skills),
                    Value::from(r.order.label()),
                    Value::from(&r.file),
                    Value::Empty,
                ]
            })
            .collect();
        rows.extend(self.skipped.iter().map(|s| {
            let mut row =
                vec![Value::from("skipped"), Value::from(&s.id), Value::from(&s.name), Value::from(&s.family)];
            row.extend([Value::Empty, Value::Empty, Value::Empty, Value::Empty, Value::from(&s.reason)]);
            row
        }));
        Records::new(&header, rows)
    }
}

/// Imports the official CSV export into the folder `args.out`, atomically.
pub fn run(args: &ImportDdatCsv) -> anyhow::Result<ImportReport> {
    let mut inputs = vec![args.roles.as_path(), args.skills.as_path()];
    inputs.extend(args.level_order.as_deref());
    // Fail fast on the output folder, before reading anything.
    crate::import::check_out(&args.out, args.force, &inputs)?;
    let roles = CsvFile::read(&args.roles)?;
    let skills = CsvFile::read(&args.skills)?;
    let level_order = match &args.level_order {
        Some(path) => {
            Some(SourceFile { display: path.display().to_string(), rel: String::new(), text: source::read_text(path)? })
        }
        None => None,
    };
    let (files, mut report) =
        convert(&roles, &skills, args.role.as_deref(), level_order.as_ref(), args.export_date.as_deref())?;
    report.out = args.out.display().to_string();
    if let Some(message) = crate::import::write_out(&args.out, args.force, &files)? {
        report.notes.push(ImportNote { role: None, message });
    }
    Ok(report)
}

/// Notes in order, with the same message on several lines folded into one note.
#[derive(Debug, Default)]
struct Notes {
    list: Vec<(Option<String>, String, Vec<usize>)>,
    index: HashMap<(Option<String>, String), usize>,
}

impl Notes {
    fn add(&mut self, role: Option<&str>, message: String) {
        self.list.push((role.map(str::to_string), message, Vec::new()));
    }

    /// A note about CSV line `line`; the same message again only adds the line.
    fn at(&mut self, role: Option<&str>, line: usize, message: String) {
        let key = (role.map(str::to_string), message);
        match self.index.get(&key) {
            Some(&i) => self.list[i].2.push(line),
            None => {
                self.index.insert(key.clone(), self.list.len());
                self.list.push((key.0, key.1, vec![line]));
            }
        }
    }

    fn finish(self, roles_csv: &str) -> Vec<ImportNote> {
        self.list
            .into_iter()
            .map(|(role, message, lines)| {
                let message = match lines.as_slice() {
                    [] => message,
                    [one] => format!("{message} ({roles_csv} line {one})"),
                    many => {
                        let shown: Vec<String> = many.iter().take(5).map(ToString::to_string).collect();
                        let more = if many.len() > 5 { format!(" and {} more", many.len() - 5) } else { String::new() };
                        format!("{message} ({roles_csv} lines {}{more})", shown.join(", "))
                    }
                };
                ImportNote { role, message }
            })
            .collect()
    }
}
