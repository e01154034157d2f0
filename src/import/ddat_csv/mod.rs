//! `pm-skills import ddat-csv`: the official Government Digital and Data Profession Capability
//! Framework CSV export (`roles.csv` + `skills.csv`) → a framework folder.
//!
//! The flow is the program's usual one: read the two files ([`crate::load::read_text`]: size cap,
//! UTF-8, BOM), convert them with no I/O ([`convert`]), write the folder atomically, and return an
//! [`ImportReport`] that the shared renderers print. Nothing is dropped silently: every role left
//! out is in [`ImportReport::skipped`] with its reason, and everything merged, trimmed or left out
//! below the role (duplicate rows, skills not rated at every level, ties in the level order...)
//! is in [`ImportReport::notes`].
//!
//! # What the export looks like, and what the importer does about it
//!
//! - `roles.csv` has one row per (role, role level, skill). Levels come **alphabetically**, not by
//!   seniority, so the importer orders them itself (see [`seniority`]), or as `--level-order FILE`
//!   says.
//! - Senior Civil Service roles have no levels: their level and skill level are `NOT IN USE`. They
//!   cannot be compared level by level, so they are skipped and reported.
//! - Some levels do not rate every skill of their role (e.g. an associate level rating 4 of 13).
//!   The schema needs every level to rate every skill of its role, and inventing a rating would
//!   put false gaps into `diff`, so a role keeps the skills **every one of its levels rates**; the
//!   others are listed in [`ImportedRole::skills_left_out`] and in a note naming the levels that
//!   lack them. Every official level is kept.
//! - Duplicate rows are merged (a note counts them); two different ratings for the same level and
//!   skill keep the first and say so.
//! - Names are trimmed (`"End user computing engineer "`); text loses zero-width spaces, turns
//!   no-break spaces into spaces and Unicode line separators into newlines.
//! - A skill missing from `skills.csv` (or with empty columns there) takes its description and
//!   proficiency texts from the `Skill Description` / `Skill Level Description` cells of
//!   `roles.csv`; the placeholder `MISSING` counts as no text.
//! - Multi-line cells (`"At this role level, you will:\n- ..."`) keep their structure: the
//!   paragraphs become the `summary`, the `- ` bullets become `responsibilities`, and a lead-in
//!   line ending in `:` just before the bullets is dropped, since the list replaces it. Skill
//!   proficiency texts are kept whole, bullets included.
//! - When a level expects less of a skill than the level below it (the framework does this where
//!   leaders stop using a skill day to day), the rating gets a note saying the drop comes from the
//!   official framework, so `validate` does not flag it as a typo.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context as _, anyhow, bail};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::cli::ImportDdatCsv;
use crate::load::{self, OrderedMap, SourceFile};
use crate::render::{Block, Cell, Records, Report, Table, Tone};
use crate::report::Ref;
use crate::resolve::{did_you_mean, normalise};
use crate::write;

/// The id of the framework written to `framework.yaml`.
pub const FRAMEWORK_ID: &str = "ddat-import";
/// Its display name.
pub const FRAMEWORK_NAME: &str = "Government Digital and Data Profession Capability Framework (imported)";
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

/// The seniority rule in one sentence, as the report states it.
pub const SENIORITY_RULE: &str = "Levels are ordered by keywords in their names, most junior first: \
apprentice/intern < trainee/graduate < associate/assistant < junior < (no keyword) < senior/major \
< lead < principal < head/chief/director; within one role, levels named \"analyst\" come before \
all other levels except head/chief/director ones (IT operations: service desk analyst < senior \
service desk analyst < service desk manager). Equal ranks keep the CSV order and are reported as \
ties. --level-order FILE overrides the rule for the roles it names.";

// ---------------------------------------------------------------------------------------------
// The report

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
    /// How many skills every level rates (the role's `skills` list).
    pub skills: usize,
    /// Skills some but not all levels rate, left out of the role (names).
    pub skills_left_out: Vec<String>,
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

impl Report for ImportReport {
    fn document(&self) -> Vec<Block> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let levels: usize = self.imported.iter().map(|r| r.levels.len()).sum();
        let mut blocks = vec![
            Block::Title(format!("Imported {} into {}", plural(self.imported.len(), "role"), self.out)),
            Block::Para(format!(
                "Read {} of {} ({} in {}) and {}. Wrote framework.yaml, skills.yaml ({}) and \
                 one file per role under roles/ ({} in all).",
                plural(self.rows, "row"),
                self.roles_csv,
                plural(self.roles_in_csv, "role"),
                plural(self.families_in_csv, "family").replace("familys", "families"),
                self.skills_csv,
                plural(self.skills_written, "skill"),
                plural(levels, "level"),
            )),
        ];
        if !self.imported.is_empty() {
            let mut table = Table::new(["Role", "Family", "Levels", "Skills", "Level order"]);
            for r in &self.imported {
                let skills = if r.skills_left_out.is_empty() {
                    r.skills.to_string()
                } else {
                    format!("{} ({} left out)", r.skills, r.skills_left_out.len())
                };
                let order = match r.order {
                    OrderSource::Rule => Cell::plain("rule"),
                    OrderSource::RuleWithTies => Cell::toned("rule, with ties", Tone::Grow),
                    OrderSource::LevelOrderFile => Cell::plain("--level-order"),
                };
                table.row(vec![
                    Cell::toned(&r.id, Tone::Strong),
                    Cell::plain(&r.family),
                    Cell::plain(r.levels.len().to_string()),
                    Cell::plain(skills),
                    order,
                ]);
            }
            blocks.push(Block::Heading("Imported roles".into()));
            blocks.push(Block::Table(table));
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
            plural(self.imported.len(), "role"),
            plural(self.skipped.len(), "role"),
            plural(self.notes.len(), "note"),
        )));
        if let Some(first) = self.imported.iter().find(|r| r.id == DEFAULT_ROLE).or(self.imported.first()) {
            let out = if self.out.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
                format!("'{}'", self.out.replace('\'', "'\\''"))
            } else {
                self.out.clone()
            };
            blocks.push(Block::Hint(format!(
                "Next: pm-skills validate {out}  ·  pm-skills --data {out} --role {} ladder",
                first.id
            )));
        }
        blocks
    }

    fn records(&self) -> Records {
        let header = ["status", "id", "name", "family", "levels", "skills", "level_order", "file", "reason"];
        let mut rows: Vec<Vec<String>> = self
            .imported
            .iter()
            .map(|r| {
                vec![
                    "imported".to_string(),
                    r.id.clone(),
                    r.name.clone(),
                    r.family.clone(),
                    r.levels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(" < "),
                    r.skills.to_string(),
                    r.order.label().to_string(),
                    r.file.clone(),
                    String::new(),
                ]
            })
            .collect();
        rows.extend(self.skipped.iter().map(|s| {
            vec![
                "skipped".to_string(),
                s.id.clone(),
                s.name.clone(),
                s.family.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                s.reason.clone(),
            ]
        }));
        Records { header: header.map(String::from).to_vec(), rows }
    }
}

// ---------------------------------------------------------------------------------------------
// Entry point: the only function with I/O

/// Imports the official CSV export into the folder `args.out`, atomically.
pub fn run(args: &ImportDdatCsv) -> anyhow::Result<ImportReport> {
    // Fail fast on the output folder, before reading anything.
    write::check_folder(&args.out, args.force)?;
    let roles = CsvFile::read(&args.roles)?;
    let skills = CsvFile::read(&args.skills)?;
    let level_order = match &args.level_order {
        Some(path) => {
            Some(SourceFile { display: path.display().to_string(), rel: String::new(), text: load::read_text(path)? })
        }
        None => None,
    };
    let (files, mut report) = convert(&roles, &skills, args.role.as_deref(), level_order.as_ref())?;
    report.out = args.out.display().to_string();
    if let Some(kept) = write::write_folder(&args.out, args.force, &files)? {
        report.notes.push(ImportNote {
            role: None,
            message: format!(
                "the previous contents of {} could not be removed; they are in {}",
                args.out.display(),
                kept.display()
            ),
        });
    }
    Ok(report)
}

// ---------------------------------------------------------------------------------------------
// Seniority

/// The seniority of a level name, as a sort key: smaller is more junior.
///
/// The export lists levels alphabetically, so the order comes from the words of the level name
/// (case-insensitive, whole words). The **grade** is the highest keyword found:
///
/// | grade | keywords |
/// |---|---|
/// | 0 | apprentice, intern |
/// | 1 | trainee, graduate |
/// | 2 | associate, assistant |
/// | 3 | junior |
/// | 4 | none of these (e.g. "Delivery manager") |
/// | 5 | senior, major ("Major incident manager") |
/// | 6 | lead |
/// | 7 | principal |
/// | 8 | head, chief, director |
///
/// The **track** puts a level whose name contains the word "analyst" before the role's other
/// levels, unless it is a grade-8 level: in IT operations, analysts work under the managers of
/// the same role ("Service desk analyst" < "Senior service desk analyst" < "Service desk
/// manager" < "Head of service desk"). Roles whose levels are all analysts are unaffected.
///
/// Checked against all 48 roles with levels in the September 2025 export, and against the
/// average proficiency of each level. Two facts of that export shape the table: in user-centred
/// design the associate level sits *below* junior (associate designers rate mostly awareness,
/// junior designers awareness and working), and trainee sits below associate (data scientist,
/// business architect). Equal keys keep the CSV order and are reported as ties: "Senior
/// developer" / "Senior developer - management" (parallel technical and management roles at one
/// level), "Change and release analyst" / "Configuration analyst", "Service acceptance analyst"
/// / "Service readiness analyst".
pub fn seniority(level_name: &str) -> (u8, u8) {
    let mut grade = None;
    let mut analyst = false;
    for word in level_name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        let g = match word.as_str() {
            "apprentice" | "apprentices" | "intern" => 0,
            "trainee" | "graduate" => 1,
            "associate" | "assistant" => 2,
            "junior" => 3,
            "senior" | "major" => 5,
            "lead" => 6,
            "principal" => 7,
            "head" | "chief" | "director" => 8,
            "analyst" | "analysts" => {
                analyst = true;
                continue;
            }
            _ => continue,
        };
        grade = Some(grade.map_or(g, |old: u8| old.max(g)));
    }
    let grade = grade.unwrap_or(4);
    let track = u8::from(!analyst || grade == 8);
    (track, grade)
}

/// Orders `names` by [`seniority`], stably. Returns the new order (indices into `names`) and the
/// groups of indices the rule could not separate (each group in its original order).
pub fn order_by_seniority(names: &[&str]) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| seniority(names[i]));
    let mut ties: Vec<Vec<usize>> = Vec::new();
    for chunk in order.chunk_by(|&a, &b| seniority(names[a]) == seniority(names[b])) {
        if chunk.len() > 1 {
            ties.push(chunk.to_vec());
        }
    }
    (order, ties)
}

// ---------------------------------------------------------------------------------------------
// Ids and text

/// A kebab-case ASCII id from a name: letters and digits kept (lowercased, common Latin accents
/// folded), apostrophes dropped, everything else a separator. May be empty.
pub fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    let push = |s: &str, out: &mut String, dash: &mut bool| {
        if *dash && !out.is_empty() {
            out.push('-');
        }
        *dash = false;
        out.push_str(s);
    };
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            let lower = c.to_ascii_lowercase();
            push(lower.encode_utf8(&mut [0; 4]), &mut out, &mut dash);
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            // "user's" → "users"
        } else if let Some(folded) = fold_accent(c) {
            push(folded, &mut out, &mut dash);
        } else {
            dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'ł' => "l",
        'š' => "s",
        'ž' => "z",
        _ => return None,
    })
}

/// Hands out unique kebab ids: `name` → `kebab(name)`, then `-2`, `-3`... on a clash, or
/// `fallback` when the name has no letters or digits.
#[derive(Debug, Default)]
struct IdPool(HashSet<String>);

impl IdPool {
    /// The id and whether it differs from the plain kebab form of the name.
    fn take(&mut self, name: &str, fallback: &str) -> (String, bool) {
        let base = kebab(name);
        let (base, mut changed) = if base.is_empty() { (fallback.to_string(), true) } else { (base, false) };
        let mut id = base.clone();
        let mut n = 2;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
            changed = true;
        }
        self.0.insert(id.clone());
        (id, changed)
    }
}

/// Cleans a cell's text: `\r\n`, lone `\r` and Unicode line/paragraph separators become `\n`;
/// zero-width spaces and BOMs go; no-break spaces and tabs become spaces; every line is trimmed
/// and its runs of spaces become one; runs of blank lines become one; leading and trailing blank
/// lines go.
pub fn clean_text(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    flat.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => flat.push('\n'),
            '\u{200b}' | '\u{feff}' | '\u{2060}' => {}
            '\u{a0}' | '\t' => flat.push(' '),
            c => flat.push(c),
        }
    }
    let mut out = String::with_capacity(flat.len());
    let mut blank_run = false;
    for line in flat.split('\n') {
        let line = line.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let line = line.trim();
        if line.is_empty() {
            blank_run = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run {
                out.push('\n');
            }
        }
        blank_run = false;
        out.push_str(line);
    }
    out
}

/// The text of a cell, cleaned; `None` when it is empty or the export's `MISSING` placeholder.
fn text_of(cell: &str) -> Option<String> {
    let text = clean_text(cell);
    if text.is_empty() || text.eq_ignore_ascii_case("missing") { None } else { Some(text) }
}

fn bullet(line: &str) -> Option<&str> {
    ["- ", "• ", "* ", "\u{2013} "].iter().find_map(|m| line.strip_prefix(m)).map(str::trim)
}

/// Splits a description into its prose and its `- ` bullets.
///
/// The prose is every paragraph that is not a bullet, joined by blank lines, except a lead-in
/// line ending in `:` directly before the bullets ("At this role level, you will:"), which the
/// list replaces. A description that is nothing but a lead-in and bullets keeps the lead-in as
/// its prose.
pub fn split_bullets(text: &str) -> (Option<String>, Vec<String>) {
    let text = clean_text(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut lead_ins: Vec<String> = Vec::new();
    let mut bullets: Vec<String> = Vec::new();
    let mut open = false; // the last paragraph can take more lines
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            open = false;
        } else if let Some(item) = bullet(line) {
            if !item.is_empty() {
                bullets.push(item.to_string());
            }
            open = false;
        } else {
            let next_is_bullet = lines[i + 1..].iter().find(|l| !l.is_empty()).is_some_and(|l| bullet(l).is_some());
            if line.ends_with(':') && next_is_bullet {
                lead_ins.push(line.to_string());
                open = false;
            } else if open {
                let last = paragraphs.last_mut().expect("open paragraph");
                last.push('\n');
                last.push_str(line);
            } else {
                paragraphs.push(line.to_string());
                open = true;
            }
        }
    }
    if paragraphs.is_empty() {
        paragraphs = lead_ins;
    }
    let prose = paragraphs.join("\n\n");
    ((!prose.is_empty()).then_some(prose), bullets)
}

// ---------------------------------------------------------------------------------------------
// CSV input

/// A CSV file read into memory: where it came from, its header and its rows with line numbers.
#[derive(Debug)]
pub struct CsvFile {
    /// The path as shown in messages.
    pub display: String,
    /// The file name alone, for `source:` lines.
    pub name: String,
    pub header: Vec<String>,
    /// (1-based line where the record starts, fields).
    pub rows: Vec<(usize, Vec<String>)>,
}

impl CsvFile {
    /// Reads and parses `path` with the shared input limits.
    pub fn read(path: &Path) -> anyhow::Result<CsvFile> {
        let text = load::read_text(path)?;
        let name =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        CsvFile::parse(&path.display().to_string(), &name, &text)
    }

    /// Parses CSV text; `display` names the file in errors.
    pub fn parse(display: &str, name: &str, text: &str) -> anyhow::Result<CsvFile> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            bail!("{display}: the file is empty; expected a CSV file with a header row");
        }
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line());
                let at = line.map(|l| format!("line {l}: ")).unwrap_or_default();
                anyhow!("{display}: {at}not a readable CSV file: {e}")
            })?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            let fields: Vec<String> = record.iter().map(str::to_string).collect();
            match &header {
                None => header = Some(fields),
                Some(h) => {
                    if fields.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    if fields.len() != h.len() {
                        bail!(
                            "{display}: line {line}: the row has {} fields but the header has {}; \
                             is a quote missing or is this not the official export?",
                            fields.len(),
                            h.len()
                        );
                    }
                    rows.push((line, fields));
                }
            }
        }
        Ok(CsvFile { display: display.to_string(), name: name.to_string(), header: header.unwrap_or_default(), rows })
    }
}

/// The column positions of one CSV file, by the official column name.
struct Columns(HashMap<String, usize>);

impl Columns {
    /// Locates `required` and `optional` columns of `file` (`kind` is "roles" or "skills").
    fn locate(
        file: &CsvFile,
        kind: &str,
        required: &[&str],
        optional: &[&str],
        other_kind_marker: (&str, &str),
    ) -> anyhow::Result<Columns> {
        let key = |s: &str| normalise(s.trim_start_matches('\u{feff}'));
        let mut found: HashMap<String, usize> = HashMap::new();
        for (i, name) in file.header.iter().enumerate() {
            found.entry(key(name)).or_insert(i);
        }
        let missing: Vec<&str> = required.iter().copied().filter(|c| !found.contains_key(&key(c))).collect();
        if !missing.is_empty() {
            let mut msg = format!(
                "{}: line 1: not the official {kind} CSV: missing the column{} {}",
                file.display,
                if missing.len() == 1 { "" } else { "s" },
                missing.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
            );
            let (marker, flag) = other_kind_marker;
            if found.contains_key(&key(marker)) {
                msg.push_str(&format!("\n  it looks like the {flag} file; are --roles and --skills swapped?"));
            } else {
                let shown: Vec<String> = file.header.iter().take(12).map(|h| format!("`{}`", h.trim())).collect();
                msg.push_str(&format!("\n  its first line has: {}", shown.join(", ")));
                msg.push_str(&format!(
                    "\n  expected: {}",
                    required.iter().chain(optional).copied().collect::<Vec<_>>().join(", ")
                ));
            }
            bail!("{msg}");
        }
        let mut cols = HashMap::new();
        for c in required.iter().chain(optional) {
            if let Some(&i) = found.get(&key(c)) {
                cols.insert(c.to_string(), i);
            }
        }
        Ok(Columns(cols))
    }

    /// The raw (untrimmed) cell of `column` in `row`, or "" when the file lacks that column.
    fn get<'r>(&self, row: &'r [String], column: &str) -> &'r str {
        self.0.get(column).and_then(|&i| row.get(i)).map_or("", String::as_str)
    }
}

const ROLE_FAMILY: &str = "Role Family";
const ROLE: &str = "Role";
const ROLE_DESCRIPTION: &str = "Role Description";
const ROLE_LEVEL: &str = "Role Level";
const ROLE_LEVEL_DESCRIPTION: &str = "Role Level Description";
const SKILL_NAME: &str = "Skill Name";
const SKILL_DESCRIPTION: &str = "Skill Description";
const SKILL_LEVEL: &str = "Skill Level";
const SKILL_LEVEL_DESCRIPTION: &str = "Skill Level Description";
const ROLE_TYPE: &str = "Role Type";
const SCALE_COLUMNS: [&str; 4] = ["Awareness", "Working", "Practitioner", "Expert"];
const NOT_IN_USE: &str = "not in use";

// ---------------------------------------------------------------------------------------------
// Notes

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

// ---------------------------------------------------------------------------------------------
// roles.csv → roles, levels and ratings

#[derive(Debug)]
struct RoleAcc {
    id: String,
    name: String,
    family: String,
    description: String,
    scs: bool,
    not_in_use_rows: usize,
    duplicate_rows: usize,
    levels: Vec<LevelAcc>,
    level_keys: HashMap<String, usize>,
    /// Skill keys in first-seen order.
    skills: Vec<String>,
}

#[derive(Debug)]
struct LevelAcc {
    id: String,
    name: String,
    description: String,
    /// Skill key → (scale index, line).
    ratings: HashMap<String, (usize, usize)>,
}

#[derive(Debug)]
struct SkillAcc {
    name: String,
    description: Option<String>,
    /// Per scale step, the first `Skill Level Description` seen for it.
    level_texts: [Option<String>; 4],
}

#[derive(Debug, Default)]
struct RolesCsv {
    roles: Vec<RoleAcc>,
    role_keys: HashMap<String, usize>,
    skills: Vec<SkillAcc>,
    skill_keys: HashMap<String, usize>,
    families: usize,
}

fn key(name: &str) -> String {
    normalise(&clean_text(name))
}

fn read_roles(file: &CsvFile, notes: &mut Notes) -> anyhow::Result<RolesCsv> {
    let cols = Columns::locate(
        file,
        "roles",
        &[ROLE_FAMILY, ROLE, ROLE_DESCRIPTION, ROLE_LEVEL, ROLE_LEVEL_DESCRIPTION, SKILL_NAME, SKILL_LEVEL],
        &[SKILL_DESCRIPTION, SKILL_LEVEL_DESCRIPTION, ROLE_TYPE],
        ("Awareness", "skills"),
    )?;
    if file.rows.is_empty() {
        bail!("{}: the file has a header but no rows; expected one row per role, level and skill", file.display);
    }
    let mut out = RolesCsv::default();
    let mut families: HashSet<String> = HashSet::new();
    let mut role_ids = IdPool::default();
    for (line, row) in &file.rows {
        let line = *line;
        let cell = |c: &str| cols.get(row, c);
        let role_name = clean_text(cell(ROLE));
        if role_name.is_empty() {
            notes.at(None, line, "a row names no role; ignored".into());
            continue;
        }
        let role_key = key(&role_name);
        let family = clean_text(cell(ROLE_FAMILY));
        let r = match out.role_keys.get(&role_key) {
            Some(&r) => r,
            None => {
                let (id, changed) = role_ids.take(&role_name, "role");
                if changed {
                    notes.add(
                        Some(&id),
                        format!("role `{role_name}` was given the id `{id}` (its plain id was taken or empty)"),
                    );
                }
                if family.is_empty() {
                    notes.at(Some(&id), line, "the role has no family; filed under `Other`".into());
                }
                families.insert(key(&family));
                out.role_keys.insert(role_key, out.roles.len());
                out.roles.push(RoleAcc {
                    id,
                    name: role_name.clone(),
                    family: if family.is_empty() { "Other".into() } else { family.clone() },
                    description: cell(ROLE_DESCRIPTION).to_string(),
                    scs: false,
                    not_in_use_rows: 0,
                    duplicate_rows: 0,
                    levels: Vec::new(),
                    level_keys: HashMap::new(),
                    skills: Vec::new(),
                });
                out.roles.len() - 1
            }
        };
        let role = &mut out.roles[r];
        let rid = role.id.clone();
        if !family.is_empty() && key(&family) != key(&role.family) {
            notes.at(
                Some(&rid),
                line,
                format!("the role also appears under family `{family}`; kept `{}`", role.family),
            );
        }
        if clean_text(cell(ROLE_DESCRIPTION)) != clean_text(&role.description) {
            notes.at(Some(&rid), line, "the role description differs from its first row; kept the first".into());
        }
        if normalise(cell(ROLE_TYPE)).contains("senior-civil-service") {
            role.scs = true;
        }
        if cell(ROLE).trim() != cell(ROLE) && role.levels.is_empty() && role.skills.is_empty() {
            // Reported once per role, on its first row.
            notes.at(Some(&rid), line, format!("role name `{}` had spaces around it; trimmed", cell(ROLE)));
        }

        let skill_name = clean_text(cell(SKILL_NAME));
        if skill_name.is_empty() {
            notes.at(Some(&rid), line, "a row names no skill; ignored".into());
            continue;
        }
        let skill_key = key(&skill_name);
        let s = match out.skill_keys.get(&skill_key) {
            Some(&s) => s,
            None => {
                out.skill_keys.insert(skill_key.clone(), out.skills.len());
                out.skills.push(SkillAcc {
                    name: skill_name.clone(),
                    description: None,
                    level_texts: Default::default(),
                });
                out.skills.len() - 1
            }
        };
        let skill = &mut out.skills[s];
        if skill.description.is_none() {
            skill.description = text_of(cell(SKILL_DESCRIPTION));
        }
        if !role.skills.contains(&skill_key) {
            role.skills.push(skill_key.clone());
        }
        let level_name = clean_text(cell(ROLE_LEVEL));
        let skill_level = clean_text(cell(SKILL_LEVEL));
        if normalise(&level_name) == normalise(NOT_IN_USE) || normalise(&skill_level) == normalise(NOT_IN_USE) {
            role.not_in_use_rows += 1;
            continue;
        }
        if level_name.is_empty() {
            notes.at(Some(&rid), line, "a row names no level; ignored".into());
            continue;
        }
        let level_key = key(&level_name);
        let l = match role.level_keys.get(&level_key) {
            Some(&l) => l,
            None => {
                if cell(ROLE_LEVEL) != level_name {
                    notes.at(
                        Some(&rid),
                        line,
                        format!("level name {:?} had stray spaces; trimmed to `{level_name}`", cell(ROLE_LEVEL)),
                    );
                }
                role.level_keys.insert(level_key, role.levels.len());
                role.levels.push(LevelAcc {
                    id: String::new(),
                    name: level_name.clone(),
                    description: cell(ROLE_LEVEL_DESCRIPTION).to_string(),
                    ratings: HashMap::new(),
                });
                role.levels.len() - 1
            }
        };
        let level = &mut role.levels[l];
        if clean_text(cell(ROLE_LEVEL_DESCRIPTION)) != clean_text(&level.description) {
            notes.at(
                Some(&rid),
                line,
                format!("level `{}` has a different description on this row; kept the first", level.name),
            );
        }

        let Some(step) = SCALE.iter().position(|(id, _, _)| id.eq_ignore_ascii_case(&skill_level)) else {
            notes.at(
                Some(&rid),
                line,
                format!(
                    "level `{}` gives `{skill_name}` the skill level `{skill_level}`, which is not \
                     awareness, working, practitioner or expert; left unrated",
                    level.name
                ),
            );
            continue;
        };
        if skill.level_texts[step].is_none() {
            skill.level_texts[step] = text_of(cell(SKILL_LEVEL_DESCRIPTION));
        }
        match level.ratings.get(&skill_key) {
            None => {
                level.ratings.insert(skill_key, (step, line));
            }
            Some(&(first, _)) if first == step => role.duplicate_rows += 1,
            Some(&(first, first_line)) => notes.at(
                Some(&rid),
                line,
                format!(
                    "level `{}` rates `{skill_name}` {} here but {} at line {first_line}; kept {}",
                    level.name, SCALE[step].0, SCALE[first].0, SCALE[first].0
                ),
            ),
        }
    }
    out.families = families.len();
    for role in &mut out.roles {
        let mut ids = IdPool::default();
        for level in &mut role.levels {
            let (id, changed) = ids.take(&level.name, "level");
            if changed {
                notes.add(
                    Some(&role.id),
                    format!("level `{}` was given the id `{id}` (its plain id was taken or empty)", level.name),
                );
            }
            level.id = id;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// skills.csv → the skill catalogue

#[derive(Debug)]
struct CatalogueSkill {
    name: String,
    description: Option<String>,
    levels: [Option<String>; 4],
}

fn read_skills(file: &CsvFile, notes: &mut Notes) -> anyhow::Result<HashMap<String, CatalogueSkill>> {
    let mut required = vec![SKILL_NAME];
    required.extend(SCALE_COLUMNS);
    let cols = Columns::locate(
        file,
        "skills",
        &required,
        &[SKILL_DESCRIPTION, "Roles that require Skill"],
        ("Role Level", "roles"),
    )?;
    let mut out: HashMap<String, CatalogueSkill> = HashMap::new();
    for (line, row) in &file.rows {
        let name = clean_text(cols.get(row, SKILL_NAME));
        if name.is_empty() {
            notes.add(None, format!("{} line {line}: a row names no skill; ignored", file.name));
            continue;
        }
        let k = key(&name);
        if out.contains_key(&k) {
            notes.add(None, format!("{} line {line}: skill `{name}` appears again; kept its first row", file.name));
            continue;
        }
        out.insert(
            k,
            CatalogueSkill {
                name,
                description: text_of(cols.get(row, SKILL_DESCRIPTION)),
                levels: SCALE_COLUMNS.map(|c| text_of(cols.get(row, c))),
            },
        );
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// --level-order FILE

/// Reads the `--level-order` file: role id (or name) → its level names or ids, most junior first.
/// Returns role index → level indices in the new order. Any unknown role or level, duplicate or
/// missing level is an error naming the file and the line.
fn read_level_order(file: &SourceFile, roles: &[RoleAcc]) -> anyhow::Result<HashMap<usize, Vec<usize>>> {
    let mut problems = crate::validate::Problems::default();
    let Some(map) = load::parse::<OrderedMap<Vec<String>>>(file, &mut problems) else {
        let list: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
        bail!(
            "cannot use --level-order {}: {}\n  expected a mapping of role ids to level names, most junior first, e.g.\n    delivery-manager:\n      - Associate delivery manager\n      - Delivery manager",
            file.display,
            list.join("\n  ")
        );
    };
    let mut errors: Vec<String> = Vec::new();
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut from = 1;
    for (role_key, names) in map.0 {
        let line = load::find_line(&file.text, &format!("{role_key}:"), from)
            .or_else(|| load::find_line(&file.text, &role_key, from));
        from = line.map_or(from, |l| l + 1);
        let at = match line {
            Some(l) => format!("{}:{l}", file.display),
            None => file.display.clone(),
        };
        let wanted = normalise(&role_key);
        let Some(r) = roles.iter().position(|r| r.id == wanted || normalise(&r.name) == wanted) else {
            let hint = did_you_mean(&role_key, roles.iter().map(|r| r.id.as_str()))
                .map(|b| format!("; did you mean `{b}`?"))
                .unwrap_or_default();
            errors.push(format!("{at}: unknown role `{role_key}`; no role of the roles CSV has this id or name{hint}"));
            continue;
        };
        let role = &roles[r];
        if out.contains_key(&r) {
            errors.push(format!("{at}: role `{}` is listed twice", role.id));
            continue;
        }
        let valid = || {
            if role.levels.is_empty() {
                "the role has no levels".to_string()
            } else {
                format!("its levels are: {}", role.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", "))
            }
        };
        let mut order: Vec<usize> = Vec::new();
        let mut ok = true;
        for name in &names {
            let n = normalise(name);
            match role.levels.iter().position(|l| l.id == n || normalise(&l.name) == n) {
                Some(l) if order.contains(&l) => {
                    errors.push(format!("{at}: level `{name}` of role `{}` is listed twice", role.id));
                    ok = false;
                }
                Some(l) => order.push(l),
                None => {
                    let hint = did_you_mean(name, role.levels.iter().flat_map(|l| [l.id.as_str(), l.name.as_str()]))
                        .map(|b| format!("; did you mean `{b}`?"))
                        .unwrap_or_default();
                    errors.push(format!("{at}: unknown level `{name}` of role `{}`{hint}\n    {}", role.id, valid()));
                    ok = false;
                }
            }
        }
        let missing: Vec<&str> =
            (0..role.levels.len()).filter(|l| !order.contains(l)).map(|l| role.levels[l].id.as_str()).collect();
        if ok && !missing.is_empty() {
            errors.push(format!("{at}: role `{}` must list all its levels; missing: {}", role.id, missing.join(", ")));
            ok = false;
        }
        if ok {
            out.insert(r, order);
        }
    }
    if !errors.is_empty() {
        bail!(
            "cannot use --level-order {}: {} problem{}\n  {}",
            file.display,
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            errors.join("\n  ")
        );
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// YAML output shapes (mirroring crate::load's raw shapes)

#[derive(Serialize)]
struct FrameworkYaml<'a> {
    source: &'a str,
    licence: &'a str,
    id: &'a str,
    name: &'a str,
    version: &'a str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_role: Option<&'a str>,
    scale: Vec<StepYaml>,
}

#[derive(Serialize)]
struct StepYaml {
    id: &'static str,
    name: &'static str,
    meaning: &'static str,
}

#[derive(Serialize)]
struct SkillsYaml<'a> {
    source: &'a str,
    licence: &'a str,
    skills: Vec<SkillYaml>,
}

#[derive(Serialize)]
struct SkillYaml {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    proficiencies: ProficienciesYaml,
}

#[derive(Serialize)]
struct ProficienciesYaml {
    #[serde(skip_serializing_if = "Option::is_none")]
    awareness: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    working: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    practitioner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expert: Option<String>,
}

#[derive(Serialize)]
struct RoleYaml<'a> {
    source: &'a str,
    licence: &'a str,
    id: &'a str,
    name: &'a str,
    family: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    responsibilities: Vec<String>,
    skills: Vec<String>,
    levels: Vec<LevelYaml>,
}

#[derive(Serialize)]
struct LevelYaml {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    responsibilities: Vec<String>,
    skills: RatingsYaml,
}

/// A level's ratings, in the role's skill order.
struct RatingsYaml(Vec<(String, RatingYaml)>);

impl Serialize for RatingsYaml {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum RatingYaml {
    Plain(&'static str),
    Noted { proficiency: &'static str, note: String },
}

fn to_yaml<T: Serialize>(header: &str, value: &T) -> anyhow::Result<String> {
    let body = serde_yaml::to_string(value).context("cannot write YAML")?;
    Ok(format!("{header}{body}"))
}

// ---------------------------------------------------------------------------------------------
// The conversion (pure)

/// Converts the two CSV files into the files of a framework folder (path relative to the
/// folder, text) and the report. `role` imports one role (id or name); `level_order` is the
/// `--level-order` file. No I/O: [`run`] reads and writes.
pub fn convert(
    roles_csv: &CsvFile,
    skills_csv: &CsvFile,
    role: Option<&str>,
    level_order: Option<&SourceFile>,
) -> anyhow::Result<(Vec<(String, String)>, ImportReport)> {
    let mut notes = Notes::default();
    let parsed = read_roles(roles_csv, &mut notes)?;
    let catalogue = read_skills(skills_csv, &mut notes)?;
    let overrides = match level_order {
        Some(file) => read_level_order(file, &parsed.roles)?,
        None => HashMap::new(),
    };
    let selected = match role {
        Some(query) => Some(select_role(&parsed.roles, query, &roles_csv.display)?),
        None => None,
    };

    let source = format!(
        "Government Digital and Data Profession Capability Framework, official CSV export ({}, {}) \
         from https://ddat-capability-framework.service.gov.uk/download, converted by \
         `pm-skills import ddat-csv`",
        roles_csv.name, skills_csv.name
    );
    let header =
        format!("# Generated by `pm-skills import ddat-csv` from {} and {}.\n", roles_csv.name, skills_csv.name);

    let mut imported: Vec<ImportedRole> = Vec::new();
    let mut skipped: Vec<SkippedRole> = Vec::new();
    let mut role_files: Vec<(String, String)> = Vec::new();
    let mut used_skills: Vec<String> = Vec::new();
    let mut skill_ids: HashMap<String, String> = HashMap::new();
    let mut skill_pool = IdPool::default();
    // Skill ids come from every skill of the roles CSV in CSV order, so that importing one role
    // gives the same ids as importing them all.
    for skill in &parsed.skills {
        let (id, _) = skill_pool.take(&skill.name, "skill");
        skill_ids.insert(key(&skill.name), id);
    }
    let mut family_ids: HashMap<String, String> = HashMap::new();
    let mut family_pool = IdPool::default();

    for (r, role) in parsed.roles.iter().enumerate() {
        if selected.is_some_and(|s| s != r) {
            continue;
        }
        let skip = |reason: String| SkippedRole {
            id: role.id.clone(),
            name: role.name.clone(),
            family: role.family.clone(),
            reason,
        };
        if role.levels.is_empty() {
            let reason = if role.scs {
                "Senior Civil Service role: the framework gives it no levels (its level and skill levels are \"NOT IN USE\"), so there is nothing to compare".to_string()
            } else if role.not_in_use_rows > 0 {
                "no levels: every row of the role says \"NOT IN USE\"".to_string()
            } else {
                "no levels: no row of the role names a level".to_string()
            };
            skipped.push(skip(reason));
            continue;
        }
        if role.not_in_use_rows > 0 {
            notes.add(
                Some(&role.id),
                format!(
                    "ignored {} row{} whose level or skill level is \"NOT IN USE\"",
                    role.not_in_use_rows,
                    if role.not_in_use_rows == 1 { "" } else { "s" }
                ),
            );
        }
        if role.scs {
            notes
                .add(Some(&role.id), "the Role Type is Senior Civil Service, but the role has levels; imported".into());
        }
        if role.duplicate_rows > 0 {
            notes.add(
                Some(&role.id),
                format!(
                    "merged {} duplicate row{} (same level, skill and skill level)",
                    role.duplicate_rows,
                    if role.duplicate_rows == 1 { "" } else { "s" }
                ),
            );
        }
        // Levels that rate nothing cannot be compared: leave them out, and say so.
        let rated: Vec<usize> = (0..role.levels.len()).filter(|&l| !role.levels[l].ratings.is_empty()).collect();
        for level in role.levels.iter().filter(|l| l.ratings.is_empty()) {
            notes.add(Some(&role.id), format!("left out level `{}`: it rates no skill on the scale", level.name));
        }
        if rated.is_empty() {
            skipped.push(skip("no level rates any skill as awareness, working, practitioner or expert".into()));
            continue;
        }

        // The order of the levels.
        let (order, source_of_order, ties) = match overrides.get(&r) {
            Some(order) => {
                let order: Vec<usize> = order.iter().copied().filter(|l| rated.contains(l)).collect();
                (order, OrderSource::LevelOrderFile, Vec::new())
            }
            None => {
                let names: Vec<&str> = rated.iter().map(|&l| role.levels[l].name.as_str()).collect();
                let (order, ties) = order_by_seniority(&names);
                let order: Vec<usize> = order.into_iter().map(|i| rated[i]).collect();
                let ties: Vec<Vec<String>> =
                    ties.into_iter().map(|group| group.into_iter().map(|i| names[i].to_string()).collect()).collect();
                let source = if ties.is_empty() { OrderSource::Rule } else { OrderSource::RuleWithTies };
                (order, source, ties)
            }
        };
        for group in &ties {
            notes.add(
                Some(&role.id),
                format!(
                    "the seniority rule ranks {} equally; kept the CSV order (use --level-order to set it)",
                    group.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" and ")
                ),
            );
        }

        // The skills every level rates.
        let (common, left_out): (Vec<&String>, Vec<&String>) =
            role.skills.iter().partition(|s| order.iter().all(|&l| role.levels[l].ratings.contains_key(*s)));
        let skill_name = |k: &str| parsed.skill_keys.get(k).map_or(k.to_string(), |&s| parsed.skills[s].name.clone());
        if !left_out.is_empty() {
            // Grouped by the levels that lack them: "not rated at A: x, y; not rated at A, B: z".
            let mut groups: Vec<(Vec<&str>, Vec<String>)> = Vec::new();
            for s in &left_out {
                let lacking: Vec<&str> = order
                    .iter()
                    .filter(|&&l| !role.levels[l].ratings.contains_key(*s))
                    .map(|&l| role.levels[l].name.as_str())
                    .collect();
                match groups.iter_mut().find(|(levels, _)| *levels == lacking) {
                    Some((_, names)) => names.push(format!("`{}`", skill_name(s))),
                    None => groups.push((lacking, vec![format!("`{}`", skill_name(s))])),
                }
            }
            let detail: Vec<String> = groups
                .iter()
                .map(|(levels, names)| format!("not rated at {}: {}", levels.join(", "), names.join(", ")))
                .collect();
            notes.add(
                Some(&role.id),
                format!(
                    "left out {} of {} skills, which not every level rates ({})",
                    left_out.len(),
                    role.skills.len(),
                    detail.join("; ")
                ),
            );
        }
        if common.is_empty() {
            skipped.push(skip("no skill is rated at every level, so its levels cannot be compared".into()));
            continue;
        }

        // Build the role file.
        let family_id =
            family_ids.entry(key(&role.family)).or_insert_with(|| family_pool.take(&role.family, "other").0).clone();
        let rel = format!("roles/{family_id}/{}.yaml", role.id);
        let ids: Vec<String> = common.iter().map(|s| skill_ids[s.as_str()].clone()).collect();
        let mut drops = 0;
        let mut levels: Vec<LevelYaml> = Vec::new();
        for (pos, &l) in order.iter().enumerate() {
            let level = &role.levels[l];
            let below = pos.checked_sub(1).map(|p| &role.levels[order[p]]);
            let (summary, responsibilities) = split_bullets(&level.description);
            let mut ratings = Vec::new();
            for (s, id) in common.iter().zip(&ids) {
                let step = level.ratings[s.as_str()].0;
                let rating = match below.map(|b| b.ratings[s.as_str()].0) {
                    Some(lower) if lower > step => {
                        drops += 1;
                        RatingYaml::Noted {
                            proficiency: SCALE[step].0,
                            note: format!(
                                "Lower than the {} expected at {}, as in the official framework.",
                                SCALE[lower].0,
                                below.map_or("", |b| b.name.as_str())
                            ),
                        }
                    }
                    _ => RatingYaml::Plain(SCALE[step].0),
                };
                ratings.push((id.clone(), rating));
            }
            levels.push(LevelYaml {
                id: level.id.clone(),
                name: level.name.clone(),
                summary,
                responsibilities,
                skills: RatingsYaml(ratings),
            });
        }
        let (summary, responsibilities) = split_bullets(&role.description);
        let yaml = RoleYaml {
            source: &source,
            licence: LICENCE,
            id: &role.id,
            name: &role.name,
            family: &role.family,
            summary,
            responsibilities,
            skills: ids.clone(),
            levels,
        };
        role_files.push((rel.clone(), to_yaml(&header, &yaml)?));
        for s in &common {
            if !used_skills.contains(s) {
                used_skills.push((*s).clone());
            }
        }
        imported.push(ImportedRole {
            id: role.id.clone(),
            name: role.name.clone(),
            family: role.family.clone(),
            file: rel,
            levels: order
                .iter()
                .map(|&l| Ref { id: role.levels[l].id.clone(), name: role.levels[l].name.clone() })
                .collect(),
            skills: common.len(),
            skills_left_out: left_out.iter().map(|s| skill_name(s)).collect(),
            order: source_of_order,
            ties,
            drops,
        });
    }

    if imported.is_empty() {
        let why: Vec<String> = skipped.iter().map(|s| format!("{} ({}): {}", s.name, s.id, s.reason)).collect();
        bail!(
            "nothing to import from {}: no role has levels that can be compared\n  {}",
            roles_csv.display,
            why.join("\n  ")
        );
    }

    // skills.yaml: every skill an imported role uses, in order of first use.
    let mut skills_yaml = Vec::new();
    let mut undescribed: Vec<String> = Vec::new();
    for k in &used_skills {
        let from_roles = &parsed.skills[parsed.skill_keys[k]];
        let id = skill_ids[k].clone();
        let from_catalogue = catalogue.get(k);
        let mut filled: Vec<&str> = Vec::new();
        let mut missing: Vec<&str> = Vec::new();
        let mut levels: [Option<String>; 4] = Default::default();
        for (i, slot) in levels.iter_mut().enumerate() {
            *slot = from_catalogue.and_then(|c| c.levels[i].clone());
            if slot.is_none() {
                *slot = from_roles.level_texts[i].clone();
                if slot.is_some() {
                    filled.push(SCALE[i].0);
                } else {
                    missing.push(SCALE[i].0);
                }
            }
        }
        let description = from_catalogue.and_then(|c| c.description.clone()).or_else(|| from_roles.description.clone());
        match from_catalogue {
            None => notes.add(
                None,
                format!(
                    "skill `{}` is not in {}; its texts come from {}{}",
                    from_roles.name,
                    skills_csv.name,
                    roles_csv.name,
                    if missing.is_empty() {
                        String::new()
                    } else {
                        format!(", which does not describe {}", missing.join(", "))
                    }
                ),
            ),
            Some(c) => {
                if !filled.is_empty() {
                    notes.add(
                        None,
                        format!(
                            "skill `{}` has no {} text in {}; took it from {}",
                            c.name,
                            filled.join(", "),
                            skills_csv.name,
                            roles_csv.name
                        ),
                    );
                }
                if !missing.is_empty() {
                    notes.add(None, format!("skill `{}` has no {} text in either file", c.name, missing.join(", ")));
                }
            }
        }
        if description.is_none() {
            undescribed.push(from_roles.name.clone());
        }
        let [awareness, working, practitioner, expert] = levels;
        skills_yaml.push(SkillYaml {
            id,
            name: from_catalogue.map_or_else(|| from_roles.name.clone(), |c| c.name.clone()),
            description,
            proficiencies: ProficienciesYaml { awareness, working, practitioner, expert },
        });
    }
    if !undescribed.is_empty() {
        notes.add(
            None,
            format!(
                "{} skill{} no description in either file ({} leaves it empty, {} says \"MISSING\" or nothing); written without one: {}",
                undescribed.len(),
                if undescribed.len() == 1 { " has" } else { "s have" },
                skills_csv.name,
                roles_csv.name,
                undescribed.join(", ")
            ),
        );
    }
    // Skills that the written folder does not need, so that none disappears unexplained.
    let considered = |r: usize| selected.is_none_or(|s| s == r);
    let in_imported: HashSet<&String> = parsed
        .roles
        .iter()
        .enumerate()
        .filter(|(r, role)| considered(*r) && imported.iter().any(|i| i.id == role.id))
        .flat_map(|(_, role)| role.skills.iter())
        .collect();
    let mut left_out_everywhere: Vec<&str> = Vec::new();
    let mut other_roles_only = 0;
    for (k, s) in &parsed.skill_keys {
        if used_skills.contains(k) {
            continue;
        }
        if in_imported.contains(k) {
            left_out_everywhere.push(parsed.skills[*s].name.as_str());
        } else {
            other_roles_only += 1;
        }
    }
    left_out_everywhere.sort_unstable();
    if !left_out_everywhere.is_empty() {
        notes.add(
            None,
            format!(
                "{} skill{} left out of every imported role that uses {} (see the notes above), so skills.yaml leaves {} out: {}",
                left_out_everywhere.len(),
                if left_out_everywhere.len() == 1 { " was" } else { "s were" },
                if left_out_everywhere.len() == 1 { "it" } else { "them" },
                if left_out_everywhere.len() == 1 { "it" } else { "them" },
                left_out_everywhere.join(", ")
            ),
        );
    }
    if other_roles_only > 0 {
        notes.add(
            None,
            format!(
                "{other_roles_only} skill{} of {} {} used only by roles not imported, so skills.yaml leaves {} out",
                if other_roles_only == 1 { "" } else { "s" },
                roles_csv.name,
                if other_roles_only == 1 { "is" } else { "are" },
                if other_roles_only == 1 { "it" } else { "them" },
            ),
        );
    }
    let mut unused_anywhere: Vec<&str> =
        catalogue.iter().filter(|(k, _)| !parsed.skill_keys.contains_key(*k)).map(|(_, c)| c.name.as_str()).collect();
    unused_anywhere.sort_unstable();
    if !unused_anywhere.is_empty() {
        notes.add(
            None,
            format!(
                "{} skill{} of {} no role of {} uses, so skills.yaml leaves {} out: {}",
                unused_anywhere.len(),
                if unused_anywhere.len() == 1 { "" } else { "s" },
                skills_csv.name,
                roles_csv.name,
                if unused_anywhere.len() == 1 { "it" } else { "them" },
                unused_anywhere.join(", ")
            ),
        );
    }

    let default_role = imported.iter().any(|r| r.id == DEFAULT_ROLE).then_some(DEFAULT_ROLE);
    let framework = FrameworkYaml {
        source: &source,
        licence: LICENCE,
        id: FRAMEWORK_ID,
        name: FRAMEWORK_NAME,
        version: "imported",
        description: format!(
            "The UK government's Digital and Data Profession Capability Framework: {} role{} with \
             their levels and the skills each level needs, imported from the official CSV export.",
            imported.len(),
            if imported.len() == 1 { "" } else { "s" }
        ),
        default_role,
        scale: SCALE.iter().map(|&(id, name, meaning)| StepYaml { id, name, meaning }).collect(),
    };
    let skills_written = skills_yaml.len();
    let mut files = vec![
        ("framework.yaml".to_string(), to_yaml(&header, &framework)?),
        (
            "skills.yaml".to_string(),
            to_yaml(&header, &SkillsYaml { source: &source, licence: LICENCE, skills: skills_yaml })?,
        ),
    ];
    files.extend(role_files);

    let mut notes = notes.finish(&roles_csv.name);
    // With --role, notes about the rows of other roles are beside the point.
    if let Some(s) = selected {
        notes.retain(|n| n.role.as_ref().is_none_or(|id| *id == parsed.roles[s].id));
    }
    let report = ImportReport {
        out: String::new(),
        framework: FRAMEWORK_ID.to_string(),
        roles_csv: roles_csv.display.clone(),
        skills_csv: skills_csv.display.clone(),
        rows: roles_csv.rows.len(),
        roles_in_csv: parsed.roles.len(),
        families_in_csv: parsed.families,
        selected_role: role.map(str::to_string),
        skills_written,
        imported,
        skipped,
        notes,
        seniority_rule: SENIORITY_RULE.to_string(),
    };
    Ok((files, report))
}

/// Finds the `--role` by id or name, ignoring case and spacing, with a did-you-mean.
fn select_role(roles: &[RoleAcc], query: &str, roles_csv: &str) -> anyhow::Result<usize> {
    let wanted = normalise(query);
    if let Some(i) = roles.iter().position(|r| r.id == wanted || normalise(&r.name) == wanted) {
        return Ok(i);
    }
    let mut msg = format!("unknown role `{query}`: no role of {roles_csv} has this name or id");
    let best = did_you_mean(query, roles.iter().flat_map(|r| [r.id.as_str(), r.name.as_str()]));
    if let Some(best) = best
        && let Some(role) = roles.iter().find(|r| r.id == best || r.name == best)
    {
        msg.push_str(&format!("\n  did you mean `{}` ({})?", role.id, role.name));
    }
    msg.push_str("\n  leave out --role to import every role");
    bail!("{msg}")
}

// ---------------------------------------------------------------------------------------------
// The output folder

#[cfg(test)]
mod tests {
    use super::*;

    fn ordered(names: &[&str]) -> Vec<String> {
        let (order, _) = order_by_seniority(names);
        order.into_iter().map(|i| names[i].to_string()).collect()
    }

    #[test]
    fn seniority_orders_the_alphabetical_csv_levels() {
        // Exactly as the September 2025 export lists them (alphabetically).
        assert_eq!(
            ordered(&[
                "Associate product manager",
                "Head of product",
                "Lead product manager",
                "Product manager",
                "Senior product manager",
            ]),
            [
                "Associate product manager",
                "Product manager",
                "Senior product manager",
                "Lead product manager",
                "Head of product",
            ]
        );
        assert_eq!(
            ordered(&[
                "Associate delivery manager",
                "Delivery manager",
                "Head of (Agile) delivery management",
                "Senior delivery manager",
            ]),
            [
                "Associate delivery manager",
                "Delivery manager",
                "Senior delivery manager",
                "Head of (Agile) delivery management",
            ]
        );
        assert_eq!(
            ordered(&[
                "Associate data scientist",
                "Data scientist",
                "Head of data science",
                "Lead data scientist",
                "Principal data scientist",
                "Trainee data scientist",
            ]),
            [
                "Trainee data scientist",
                "Associate data scientist",
                "Data scientist",
                "Lead data scientist",
                "Principal data scientist",
                "Head of data science",
            ]
        );
    }

    #[test]
    fn seniority_handles_the_tricky_names_of_the_real_export() {
        // User-centred design: associate sits below junior.
        assert_eq!(
            ordered(&[
                "Associate user researcher",
                "Head of user research",
                "Junior user researcher",
                "Lead user researcher",
                "Senior user researcher",
                "User researcher",
            ]),
            [
                "Associate user researcher",
                "Junior user researcher",
                "User researcher",
                "Senior user researcher",
                "Lead user researcher",
                "Head of user research",
            ]
        );
        // Apprentice < junior, and "- management" twins tie at their grade.
        assert_eq!(
            ordered(&[
                "Apprentice developer",
                "Developer",
                "Junior developer",
                "Lead developer",
                "Lead developer - management",
                "Principal developer",
                "Principal developer - management",
                "Senior developer",
                "Senior developer - management",
            ]),
            [
                "Apprentice developer",
                "Junior developer",
                "Developer",
                "Senior developer",
                "Senior developer - management",
                "Lead developer",
                "Lead developer - management",
                "Principal developer",
                "Principal developer - management",
            ]
        );
        // Analysts before managers, head last; a senior analyst is still below the manager.
        assert_eq!(
            ordered(&[
                "Head of command and control",
                "Operational control manager",
                "Operations analyst",
                "Senior operations analyst",
            ]),
            [
                "Operations analyst",
                "Senior operations analyst",
                "Operational control manager",
                "Head of command and control",
            ]
        );
        // "Lead" as the last word, "Chief" as a grade, "Major" as senior, trailing space.
        assert_eq!(ordered(&["Data ethics lead", "Head of data ethics"]), ["Data ethics lead", "Head of data ethics"]);
        assert_eq!(
            ordered(&["Chief data architect", "Data architect", "Senior data architect"]),
            ["Data architect", "Senior data architect", "Chief data architect"]
        );
        assert_eq!(
            ordered(&["Incident manager", "Major incident manager"]),
            ["Incident manager", "Major incident manager"]
        );
        assert_eq!(seniority("End user computing engineer "), seniority("End user computing engineer"));
        // Roles of analysts only are ordered by grade alone.
        assert_eq!(
            ordered(&["Associate data analyst", "Data analyst", "Principal data analyst", "Senior data analyst",]),
            ["Associate data analyst", "Data analyst", "Senior data analyst", "Principal data analyst",]
        );
        assert_eq!(seniority("Head of business analysis"), (1, 8));
        assert!(seniority("Business analyst") < seniority("Head of business analysis"));
    }

    #[test]
    fn ties_are_reported_and_keep_the_csv_order() {
        let names = ["Change and release analyst", "Change and release manager", "Configuration analyst"];
        let (order, ties) = order_by_seniority(&names);
        assert_eq!(order, [0, 2, 1]);
        assert_eq!(ties, [vec![0, 2]]);
        let (_, ties) = order_by_seniority(&["Junior x", "X", "Senior x"]);
        assert!(ties.is_empty());
    }

    #[test]
    fn kebab_ids() {
        assert_eq!(kebab("Delivery manager"), "delivery-manager");
        assert_eq!(kebab("Head of (Agile) delivery management"), "head-of-agile-delivery-management");
        assert_eq!(kebab("Development operations (DevOps) engineer"), "development-operations-devops-engineer");
        assert_eq!(kebab("  End user computing engineer "), "end-user-computing-engineer");
        assert_eq!(kebab("Lead developer - management"), "lead-developer-management");
        assert_eq!(kebab("User’s needs & ‘insights’"), "users-needs-insights");
        assert_eq!(kebab("Café  Résumé"), "cafe-resume");
        assert_eq!(kebab("Quality assurance testing (QAT)"), "quality-assurance-testing-qat");
        assert_eq!(kebab("-- !! --"), "");
        for name in ["Delivery manager", "Systems design (frontend developer)", "A/B testing 2"] {
            assert!(crate::validate::is_kebab(&kebab(name)), "{name}");
        }
    }

    #[test]
    fn id_pool_makes_ids_unique() {
        let mut pool = IdPool::default();
        assert_eq!(pool.take("Data analysis", "x"), ("data-analysis".into(), false));
        assert_eq!(pool.take("Data-analysis", "x"), ("data-analysis-2".into(), true));
        assert_eq!(pool.take("???", "skill"), ("skill".into(), true));
        assert_eq!(pool.take("", "skill"), ("skill-2".into(), true));
    }

    #[test]
    fn text_is_cleaned_and_bullets_split() {
        assert_eq!(clean_text("a\u{2028}\r\n\r\nb\u{200b}  \n- \u{a0}c\t  d \n\n\n"), "a\n\nb\n- c d");
        let (prose, bullets) = split_bullets(
            "A lead does things.\n\nAt this role level, you will:\n- manage people\n- \u{a0}set direction\nThere are 2 roles at this level.",
        );
        assert_eq!(prose.as_deref(), Some("A lead does things.\n\nThere are 2 roles at this level."));
        assert_eq!(bullets, ["manage people", "set direction"]);
        let (prose, bullets) = split_bullets("At this role level, you will:\n- work");
        assert_eq!(prose.as_deref(), Some("At this role level, you will:"));
        assert_eq!(bullets, ["work"]);
        assert_eq!(split_bullets(""), (None, vec![]));
        assert_eq!(text_of(" MISSING "), None);
    }

    fn csv(name: &str, text: &str) -> CsvFile {
        CsvFile::parse(name, name, text).unwrap()
    }

    const ROLES_HEADER: &str = "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n";
    const SKILLS_HEADER: &str =
        "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill\n";

    #[test]
    fn partial_levels_keep_common_skills_and_duplicates_merge() {
        let roles = csv(
            "roles.csv",
            &format!(
                "{ROLES_HEADER}\
F,Widget maker,Makes widgets.,Senior widget maker,Senior.,Cutting,d,Expert,t,\n\
F,Widget maker,Makes widgets.,Senior widget maker,Senior.,Gluing,d,Practitioner,t,\n\
F,Widget maker,Makes widgets.,Widget maker,Plain.,Cutting,d,Working,t,\n\
F,Widget maker,Makes widgets.,Widget maker,Plain.,Cutting,d,Working,t,\n\
F,Boss,Leads.,NOT IN USE,None.,Cutting,d,NOT IN USE,t,Senior Civil Service\n"
            ),
        );
        let skills = csv("skills.csv", &format!("{SKILLS_HEADER}Cutting,Cuts.,a,w,p,e,Widget maker\n"));
        let (files, report) = convert(&roles, &skills, None, None).unwrap();
        assert_eq!(report.imported.len(), 1);
        let role = &report.imported[0];
        assert_eq!(role.skills, 1);
        assert_eq!(role.skills_left_out, ["Gluing"]);
        let levels: Vec<&str> = role.levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(levels, ["widget-maker", "senior-widget-maker"]);
        assert_eq!(report.skipped.len(), 1);
        assert!(report.skipped[0].reason.contains("Senior Civil Service"));
        let notes: Vec<&str> = report.notes.iter().map(|n| n.message.as_str()).collect();
        assert!(notes.iter().any(|n| n.contains("merged 1 duplicate row")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("left out 1 of 2 skills")), "{notes:?}");
        // Gluing is not in skills.csv but is not written either: only Cutting is.
        let skills_yaml = &files.iter().find(|(p, _)| p == "skills.yaml").unwrap().1;
        assert!(skills_yaml.contains("id: cutting") && !skills_yaml.contains("gluing"));
    }

    #[test]
    fn missing_columns_and_swapped_files_are_clear_errors() {
        let roles = csv("roles.csv", "Role,Skill Name\nA,B\n");
        let skills = csv("skills.csv", &format!("{SKILLS_HEADER}Cutting,Cuts.,a,w,p,e,X\n"));
        let err = convert(&roles, &skills, None, None).unwrap_err().to_string();
        assert!(err.contains("roles.csv: line 1") && err.contains("`Role Level`"), "{err}");
        let err = convert(&skills, &skills, None, None).unwrap_err().to_string();
        assert!(err.contains("swapped"), "{err}");
        let err = CsvFile::parse("x.csv", "x.csv", "a,b\n1,2,3\n").unwrap_err().to_string();
        assert!(err.contains("x.csv: line 2"), "{err}");
        assert!(CsvFile::parse("e.csv", "e.csv", "\u{feff}\n").is_err());
    }
}
