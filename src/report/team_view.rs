//! How a team report looks: the matrix (skills down and people across for a small team, people
//! down and numbered skills across when there are more people than skills), the skills in
//! numbers, the readiness of each person, the heatmap, and the CSV rows.

use super::NOT_EXPECTED;
use super::evidence_item;
use super::team::{TargetFrom, TeamMember, TeamReport, TeamSkill};
use crate::render::doc::UNASSESSED;
use crate::render::doc::signed;
use crate::render::records::CsvWriter;
use crate::render::{Block, Cell, Chart, HeatCell, Heatmap, Records, Report, Sheet, Table, Tone, Value, Workbook};
use crate::text::plural;

/// Above this many people, the terminal shows the team in numbers (per skill, per target)
/// rather than a row per person, and points to the formats that hold every person.
pub const SCREEN_PEOPLE: usize = 200;

impl TeamReport {
    fn title(&self) -> String {
        let people = plural(self.people.len(), "person", "people");
        match &self.target {
            Some(target) => format!("Team against {} ({people})", target.name),
            None => format!("Team against each person's target ({people})"),
        }
    }

    /// The matrix's header, each skill's column named by `name` (its id in CSV, its name in a
    /// workbook).
    fn header(&self, name: fn(&TeamSkill) -> &String) -> Vec<String> {
        ["person", "file", "level"]
            .into_iter()
            .map(String::from)
            .chain(self.skills.iter().map(|s| name(s).clone()))
            .chain(
                ["total_gap", "unassessed", "target", "target_from", "skills", "met", "grow", "ready"]
                    .map(String::from),
            )
            .collect()
    }

    /// People are rows when there are more of them than skills, so a large team reads down the
    /// page rather than off its edge.
    pub fn people_as_rows(&self) -> bool {
        self.people.len() > self.skills.len()
    }

    fn legend(&self) -> Block {
        let mut legend = "+N: steps to grow · ✓: met · ?: unassessed".to_string();
        if self.skills.iter().any(|s| s.expected < s.needs.len()) {
            legend.push_str(&format!(" · {NOT_EXPECTED}: not asked for by their target"));
        }
        Block::Hint(legend)
    }

    /// Skills down, people across, with what the one target needs when there is one.
    fn skills_by_people(&self) -> Table {
        let common = self.target.is_some();
        let mut header = vec!["Skill".to_string()];
        if common {
            header.push("Needs".into());
        }
        header.extend(self.people.iter().map(|p| p.person.name.clone()));
        header.push("Team gap".into());
        let mut table = Table::new(header).with_row_labels(1);
        for s in &self.skills {
            let mut row = vec![Cell::toned(&s.skill.name, Tone::Strong)];
            if common {
                row.push(Cell::plain(s.need.as_ref().map_or(NOT_EXPECTED, |n| n.name.as_str())));
            }
            row.extend((0..self.people.len()).map(|i| gap_cell(s, i)));
            row.push(team_gap(s, true));
            table.row(row);
        }
        table
    }

    /// People down, skills across by number (the skills table below is the key).
    fn people_by_skills(&self) -> Table {
        let header = std::iter::once("Person".to_string()).chain((1..=self.skills.len()).map(|n| n.to_string()));
        let mut table = Table::new(header).with_row_labels(1);
        for (i, p) in self.people.iter().enumerate() {
            let mut row = vec![Cell::toned(&p.person.name, Tone::Strong)];
            row.extend(self.skills.iter().map(|s| gap_cell(s, i)));
            table.row(row);
        }
        table
    }

    /// Each skill in numbers: who is short, who has not assessed it, and the steps to grow.
    fn skills_table(&self, numbered: bool) -> Table {
        let common = self.target.is_some();
        let mut header: Vec<&str> = Vec::new();
        if numbered {
            header.push("#");
        }
        header.push("Skill");
        if common {
            header.push("Needs");
        }
        header.extend(["People short", "Unassessed", "Team gap"]);
        let mut table = Table::new(header).with_row_labels(usize::from(numbered) + 1);
        for (n, s) in self.skills.iter().enumerate() {
            let mut row = Vec::new();
            if numbered {
                row.push(Cell::plain((n + 1).to_string()));
            }
            row.push(Cell::toned(&s.skill.name, Tone::Strong));
            if common {
                row.push(Cell::plain(s.need.as_ref().map_or(NOT_EXPECTED, |n| n.name.as_str())));
            }
            row.push(Cell::plain(s.people_to_grow.to_string()));
            row.push(Cell::plain(s.unassessed.to_string()));
            row.push(team_gap(s, false));
            table.row(row);
        }
        table
    }

    /// One row per person: where they are, what they aim for, and how far they are from it.
    /// One list item per skill with evidence, in the matrix's skill order: the skill's name, then
    /// each person's notes under it, as `gap` lists one person's.
    fn evidence_items(&self) -> Vec<String> {
        self.skills
            .iter()
            .filter(|s| !s.evidence.is_empty())
            .map(|s| {
                let notes =
                    s.evidence.iter().flat_map(|e| e.notes.iter().map(|n| (Some(e.person.as_str()), n.as_str())));
                evidence_item(&s.skill.name, notes)
            })
            .collect()
    }

    fn readiness_table(&self) -> Table {
        let header = ["Person", "Level", "Target", "Met", "Short", "Unassessed", "Steps short", "Ready"];
        let mut table = Table::new(header).with_row_labels(1);
        for p in &self.people {
            let r = &p.readiness;
            table.row(vec![
                Cell::toned(&p.person.name, Tone::Strong),
                Cell::plain(p.person.level.as_ref().map_or(NOT_EXPECTED, |l| l.name.as_str())),
                Cell::plain(target_label(p)),
                Cell::plain(format!("{}/{}", r.met, r.skills)),
                Cell::plain(r.grow.to_string()),
                Cell::plain(r.unassessed.to_string()),
                Cell::toned(r.steps_to_grow.to_string(), if r.steps_to_grow > 0 { Tone::Grow } else { Tone::Same }),
                if r.ready { Cell::toned("yes", Tone::Same) } else { Cell::toned("no", Tone::Grow) },
            ]);
        }
        table
    }

    /// The readiness counts per target, for a team too large to list: people, ready, short,
    /// with something unassessed, and steps short, in the order targets first appear.
    fn targets_table(&self) -> Table {
        let mut rows: Vec<(String, [i64; 5])> = Vec::new();
        for p in &self.people {
            let label = target_label(p);
            let at = match rows.iter().position(|(l, _)| *l == label) {
                Some(at) => at,
                None => {
                    rows.push((label, [0; 5]));
                    rows.len() - 1
                }
            };
            let r = &p.readiness;
            let counts = &mut rows[at].1;
            counts[0] += 1;
            counts[1] += i64::from(r.ready);
            counts[2] += i64::from(r.grow > 0);
            counts[3] += i64::from(r.unassessed > 0);
            counts[4] += r.steps_to_grow;
        }
        let mut table =
            Table::new(["Target", "People", "Ready", "Short", "With unassessed", "Steps short"]).with_row_labels(1);
        for (label, counts) in rows {
            let mut row = vec![Cell::toned(label, Tone::Strong)];
            row.extend(counts.iter().map(|n| Cell::plain(n.to_string())));
            table.row(row);
        }
        table
    }
}

/// The target as the readiness view shows it, saying when it is the person's own level.
fn target_label(p: &TeamMember) -> String {
    match p.target_from {
        TargetFrom::Top => format!("{} (top level)", p.target.name),
        _ => p.target.name.clone(),
    }
}

/// Person `i` on skill `s`: `+N`, `✓`, `?`, or `—` when their target does not ask for it.
fn gap_cell(s: &TeamSkill, i: usize) -> Cell {
    match (s.needs.get(i), s.gaps.get(i)) {
        (None, _) => Cell::toned(NOT_EXPECTED, Tone::Same),
        (Some(_), None) => Cell::toned("?", Tone::Grow),
        (Some(_), Some(0)) => Cell::toned("✓", Tone::Same),
        (Some(_), Some(n)) => Cell::toned(signed(n), Tone::Grow),
    }
}

/// The steps the team has to grow in a skill, with `(N?)` for the unassessed when asked.
fn team_gap(s: &TeamSkill, with_unassessed: bool) -> Cell {
    let mut total = signed(s.total_gap);
    if with_unassessed && s.unassessed > 0 {
        total.push_str(&format!(" ({}?)", s.unassessed));
    }
    Cell::toned(total, if s.total_gap > 0 { Tone::Grow } else { Tone::Same })
}

impl Report for TeamReport {
    fn chart(&self) -> Option<Chart> {
        let title = match &self.target {
            Some(target) => format!("Steps to grow to {}, person by skill", target.name),
            None => "Steps to grow to each person's target, person by skill".to_string(),
        };
        let cell = |s: &TeamSkill, i: usize| match (s.needs.get(i), s.gaps.get(i)) {
            (None, _) => HeatCell::NotExpected,
            (Some(_), None) => HeatCell::Unassessed,
            (Some(_), Some(g)) => HeatCell::Steps(g),
        };
        Some(Chart::Heatmap(Heatmap {
            title,
            rows: self.people.iter().map(|p| p.person.name.clone()).collect(),
            columns: self.skills.iter().map(|s| s.skill.name.clone()).collect(),
            cells: (0..self.people.len()).map(|i| self.skills.iter().map(|s| cell(s, i)).collect()).collect(),
        }))
    }

    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(self.title())];
        if self.skills.is_empty() {
            blocks.push(Block::Para("Nothing to grow.".into()));
        } else if self.people_as_rows() {
            blocks.push(Block::Table(self.people_by_skills()));
            blocks.push(self.legend());
            blocks.push(Block::Heading("Skills".into()));
            blocks.push(Block::Table(self.skills_table(true)));
        } else {
            blocks.push(Block::Table(self.skills_by_people()));
            blocks.push(self.legend());
        }
        blocks.push(Block::Heading("Readiness".into()));
        blocks.push(Block::Table(self.readiness_table()));
        let evidence = self.evidence_items();
        if !evidence.is_empty() {
            blocks.push(Block::Heading("Evidence".into()));
            blocks.push(Block::List(evidence));
        }
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    /// Over [`SCREEN_PEOPLE`] people, a terminal gets the team in numbers; Markdown and HTML,
    /// which are documents to keep and scroll, keep every person.
    fn screen(&self) -> Vec<Block> {
        if self.people.len() <= SCREEN_PEOPLE {
            return self.document();
        }
        let mut blocks = vec![Block::Title(self.title())];
        if !self.skills.is_empty() {
            blocks.push(Block::Heading("Skills".into()));
            blocks.push(Block::Table(self.skills_table(false)));
        }
        blocks.push(Block::Heading("Readiness".into()));
        blocks.push(Block::Table(self.targets_table()));
        blocks.push(Block::Hint(format!(
            "{} are more than a screen can list: --format csv gives a row per person, --format html a \
             heatmap, --format json every number.",
            plural(self.people.len(), "person", "people")
        )));
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    /// The matrix is the main sheet (and the heat map, from the chart), headed by skill names (the
    /// Skills sheet pairs each with its id); each person's readiness and each skill's totals get a
    /// sheet of their own.
    fn workbook(&self) -> Workbook {
        let people = Records::new(
            &[
                "person",
                "file",
                "level",
                "target",
                "skills",
                "met",
                "grow",
                "unassessed",
                "steps_to_grow",
                "ready",
                "summary",
            ],
            self.people
                .iter()
                .map(|p| {
                    let r = &p.readiness;
                    let mut row = vec![
                        Value::from(&p.person.name),
                        Value::from(&p.person.file),
                        p.person.level.as_ref().map_or(Value::Empty, |l| Value::level(l, !self.one_role)),
                        Value::level(&p.target, !self.one_role),
                        Value::from(r.skills),
                    ];
                    row.extend(r.count_cells());
                    row.extend([Value::from(r.ready), Value::from(&r.text)]);
                    row
                })
                .collect(),
        );
        let skills = Records::new(
            &["skill_id", "skill_name", "need", "expected", "total_gap", "people_to_grow", "unassessed"],
            self.skills
                .iter()
                .map(|s| {
                    vec![
                        Value::from(&s.skill.id),
                        Value::from(&s.skill.name),
                        Value::from(s.need.as_ref()),
                        Value::from(s.expected),
                        Value::from(s.total_gap),
                        Value::from(s.people_to_grow),
                        Value::from(s.unassessed),
                    ]
                })
                .collect(),
        );
        Workbook {
            name: "Team".into(),
            header: self.header(|s| &s.skill.name),
            sheets: vec![
                Sheet { name: "People".into(), records: people },
                Sheet { name: "Skills".into(), records: skills },
            ],
        }
    }

    fn records(&self) -> Records {
        let mut rows: Vec<Vec<Value>> = self.batches().flat_map(|batch| self.rows(batch)).collect();
        rows.push(self.total_row());
        Records { header: self.header(|s| &s.skill.id), rows }
    }

    /// The records written a batch of people at a time, rather than held all at once as
    /// [`Records`]: an organisation's team has more cells than are worth holding.
    fn write_csv(&self, raw: bool, out: &mut Vec<u8>) -> anyhow::Result<()> {
        CsvWriter::new(out, raw, &self.header(|s| &s.skill.id))?.finish()?;
        for batch in self.batches() {
            // Each core writes its run of the batch's people into a part of its own.
            let (start, width) = (batch.start, self.skills.len());
            let cells = self.marks(batch.clone());
            let parts = crate::parallel::chunks(batch.collect(), |people: Vec<usize>| {
                let mut part = Vec::new();
                let mut csv = CsvWriter::part(&mut part, raw);
                for i in people {
                    csv.row(&self.row(i, &cells[(i - start) * width..][..width]))?;
                }
                csv.finish().map(|()| part)
            });
            for part in parts {
                out.extend_from_slice(&part?);
            }
        }
        let mut csv = CsvWriter::part(out, raw);
        csv.row(&self.total_row())?;
        csv.finish()
    }
}

/// How many people's CSV rows are built at once.
const CSV_BATCH: usize = 4096;

/// One person on one skill, as the records write it.
#[derive(Debug, Clone, Copy)]
enum Mark {
    /// Their target does not ask for the skill.
    NotAsked,
    Unassessed,
    Gap(i64),
}

impl TeamReport {
    /// The people in batches of [`CSV_BATCH`], in order.
    fn batches(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        (0..self.people.len()).step_by(CSV_BATCH).map(|start| start..(start + CSV_BATCH).min(self.people.len()))
    }

    /// The records' rows of the people in `range`, built on every core.
    fn rows(&self, range: std::ops::Range<usize>) -> Vec<Vec<Value>> {
        let (start, width) = (range.start, self.skills.len());
        let cells = self.marks(range.clone());
        crate::parallel::map(range.collect(), |i| self.row(i, &cells[(i - start) * width..][..width]))
    }

    /// What each person in `range` has on each skill, a row of [`Mark`]s per person in skill
    /// order. Each skill's lists are walked once for the range, rather than searched per person.
    fn marks(&self, range: std::ops::Range<usize>) -> Vec<Mark> {
        let (start, width) = (range.start, self.skills.len());
        let mut cells = vec![Mark::NotAsked; range.len() * width];
        for (k, s) in self.skills.iter().enumerate() {
            for (i, _) in s.needs.within(range.clone()) {
                cells[(i - start) * width + k] = Mark::Unassessed;
            }
            for (i, gap) in s.gaps.within(range.clone()) {
                cells[(i - start) * width + k] = Mark::Gap(gap);
            }
        }
        cells
    }

    /// Person `i`'s row of the records: who, a gap per skill (`cells`, in skill order), and their
    /// readiness.
    fn row(&self, i: usize, cells: &[Mark]) -> Vec<Value> {
        let with_role = !self.one_role;
        let p = &self.people[i];
        let r = &p.readiness;
        let mut row = Vec::with_capacity(self.skills.len() + 11);
        row.extend([
            Value::from(&p.person.name),
            Value::from(&p.person.file),
            p.person.level.as_ref().map_or(Value::Empty, |l| Value::level(l, with_role)),
        ]);
        row.extend(cells.iter().map(|cell| match *cell {
            Mark::NotAsked => Value::Empty,
            Mark::Unassessed => Value::from(UNASSESSED),
            Mark::Gap(g) => Value::from(g),
        }));
        let from: &'static str = p.target_from.into();
        row.extend([
            Value::from(r.steps_to_grow),
            Value::from(r.unassessed),
            Value::level(&p.target, with_role),
            Value::from(from),
            Value::from(r.skills),
            Value::from(r.met),
            Value::from(r.grow),
            Value::from(r.ready),
        ]);
        row
    }

    /// The records' last row: the team in sums.
    fn total_row(&self) -> Vec<Value> {
        let sum = |f: fn(&TeamMember) -> usize| Value::from(self.people.iter().map(f).sum::<usize>());
        let mut total = vec![Value::from("(team total)"), Value::Empty, Value::Empty];
        total.extend(self.skills.iter().map(|s| Value::from(s.total_gap)));
        total.extend([
            Value::from(self.summary.total_gap),
            sum(|p| p.readiness.unassessed),
            Value::Empty,
            Value::Empty,
            sum(|p| p.readiness.skills),
            sum(|p| p.readiness.met),
            sum(|p| p.readiness.grow),
            // A yes/no as in every other row: the team is ready when everyone in it is.
            Value::from(self.summary.ready == self.people.len()),
        ]);
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Framework, Profile};
    use crate::report::team::{Sort, Target};
    use crate::report::testing::dvla;

    /// `count` people at Product Manager, each assessing every skill at Working but one.
    fn team(f: &Framework, count: usize) -> Vec<Profile> {
        (0..count)
            .map(|i| Profile {
                level: Some(0),
                skills: (0..f.skills.len())
                    .filter(|&s| s != i % f.skills.len())
                    .map(|s| (s, Assessment { proficiency: 1, evidence: vec![] }))
                    .collect(),
                ..Profile::empty(format!("p{i}.yaml"), format!("Person {i}"), 0)
            })
            .collect()
    }

    fn build(f: &Framework, people: &[Profile]) -> TeamReport {
        let targets: Vec<Target> = people.iter().map(|p| Target::of(f, p).unwrap()).collect();
        TeamReport::build(f, people, &targets, false, Sort::Given)
    }

    fn tables(blocks: &[Block]) -> Vec<&Table> {
        blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
    }

    #[test]
    fn people_are_rows_when_there_are_more_people_than_skills() {
        let f = dvla();
        for (count, rows) in [(2, false), (10, false), (11, true), (50, true)] {
            let report = build(&f, &team(&f, count));
            assert_eq!(report.people_as_rows(), rows, "{count}");
            let doc = report.document();
            let matrix = tables(&doc)[0];
            if rows {
                assert_eq!(matrix.header.len(), 11, "Person and ten numbered skills");
                assert_eq!(matrix.header[1], "1");
                assert_eq!(matrix.rows.len(), count);
                assert_eq!(matrix.rows[0][0].text, "Person 0");
                // The skills table is the key to the numbers, in the same order.
                let key = tables(&doc)[1];
                assert_eq!(key.rows[0][1].text, report.skills[0].skill.name);
                assert_eq!(key.rows.len(), 10);
            } else {
                assert_eq!(matrix.header[0], "Skill");
                assert_eq!(matrix.rows.len(), 10);
                assert_eq!(matrix.header.len(), count + 3, "Skill, Needs, people, Team gap");
            }
            let readiness = tables(&doc).last().copied().unwrap();
            assert_eq!(readiness.rows.len(), count);
        }
    }

    #[test]
    fn a_screen_over_200_people_shows_the_team_in_numbers_and_the_document_keeps_everyone() {
        let f = dvla();
        let small = build(&f, &team(&f, SCREEN_PEOPLE));
        assert_eq!(small.screen(), small.document());
        let large = build(&f, &team(&f, SCREEN_PEOPLE + 1));
        let screen = large.screen();
        let shown = tables(&screen);
        assert_eq!(shown.len(), 2, "skills and readiness per target");
        assert_eq!(shown[0].header, ["Skill", "Needs", "People short", "Unassessed", "Team gap"]);
        // Each person left one skill unassessed, in turn: 201 people over 10 skills.
        let unassessed: usize = shown[0].rows.iter().map(|r| r[3].text.parse::<usize>().unwrap()).sum();
        assert_eq!(unassessed, 201);
        assert_eq!(shown[1].rows.len(), 1);
        assert_eq!(
            shown[1].rows[0].iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["Senior Product Manager", "201", "0", "201", "201", &large.summary.total_gap.to_string()]
        );
        assert!(screen.iter().any(|b| matches!(b, Block::Hint(h) if h.contains("--format csv"))));
        let document = large.document();
        assert_eq!(tables(&document)[0].rows.len(), 201);
        assert_eq!(large.records().rows.len(), 202, "every person and the team total");
    }

    #[test]
    fn mixed_targets_drop_the_needs_column_and_mark_what_a_target_does_not_ask_for() {
        let f = crate::report::testing::career_map();
        let role = |id: &str| f.roles.iter().position(|r| r.id == id).unwrap();
        let (designer, engineer) = (role("designer"), role("engineer"));
        let people = [
            Profile { level: Some(0), ..Profile::empty("d.yaml", "Dee", designer) },
            Profile { level: Some(2), ..Profile::empty("e.yaml", "Eve", engineer) },
        ];
        let targets = [Target::of(&f, &people[0]).unwrap(), Target::of(&f, &people[1]).unwrap()];
        assert_eq!(targets[1].from, TargetFrom::Top);
        let report = TeamReport::build(&f, &people, &targets, false, Sort::Given);
        let doc = report.document();
        assert_eq!(doc[0], Block::Title("Team against each person's target (2 people)".into()));
        let matrix = tables(&doc)[0];
        assert_eq!(matrix.header[..2], ["Skill".to_string(), "Dee".to_string()]);
        let coding = matrix.rows.iter().find(|r| r[0].text == "Coding").unwrap();
        assert_eq!(coding[1].text, NOT_EXPECTED);
        assert!(doc.iter().any(|b| matches!(b, Block::Hint(h) if h.ends_with("—: not asked for by their target"))));
        let readiness = tables(&doc)[1];
        assert_eq!(readiness.rows[1][2].text, "Staff Engineer (top level)");
        let records = report.records();
        let at = records.header.iter().position(|h| h == "coding").unwrap();
        assert_eq!(records.rows[0][at], Value::Empty, "not asked for is an empty cell");
        let target = records.header.iter().position(|h| h == "target").unwrap();
        assert_eq!(
            records.rows[0][target],
            Value::Named { id: "designer/senior".into(), name: "Senior Designer".into() }
        );
        assert_eq!(records.rows[1][target].csv(), "engineer/staff-engineer");
        assert_eq!(records.rows[1][target + 1].csv(), "top");
        let Some(Chart::Heatmap(map)) = report.chart() else { panic!("a heatmap") };
        let column = map.columns.iter().position(|c| c == "Coding").unwrap();
        assert_eq!(map.cells[0][column], HeatCell::NotExpected);
    }

    #[test]
    fn the_csv_written_in_batches_is_the_csv_of_the_records() {
        let f = crate::report::testing::career_map();
        // More people than a batch, across every role, some skills left out, and one level each
        // that differs: every batch boundary falls inside one target's people.
        let people: Vec<Profile> = (0..CSV_BATCH * 2 + 7)
            .map(|i| {
                let role = i % f.roles.len();
                let skills = f.roles[role].skills.iter().filter(|&&s| (s + i) % 3 != 0);
                Profile {
                    level: Some(i % f.roles[role].levels.len()),
                    skills: skills.map(|&s| (s, Assessment { proficiency: i % 3, evidence: vec![] })).collect(),
                    ..Profile::empty(format!("p{i}.yaml"), format!("Person {i}"), role)
                }
            })
            .map(|mut p| {
                p.skills.sort_by_key(|(s, _)| *s);
                p
            })
            .collect();
        let report = build(&f, &people);
        let mut batched = Vec::new();
        report.write_csv(false, &mut batched).unwrap();
        let mut whole = Vec::new();
        crate::render::records::write_csv(&report.records(), false, &mut whole).unwrap();
        assert_eq!(String::from_utf8(batched).unwrap(), String::from_utf8(whole).unwrap());
        assert_eq!(report.records().rows.len(), people.len() + 1);
        // And each cell is what the person's own comparison says.
        let records = report.records();
        for (i, p) in report.people.iter().enumerate().step_by(997) {
            for (k, s) in report.skills.iter().enumerate() {
                let cell = &records.rows[i][3 + k];
                match (s.needs.get(i), s.gaps.get(i)) {
                    (None, _) => assert_eq!(*cell, Value::Empty, "{}", p.person.name),
                    (Some(_), None) => assert_eq!(*cell, Value::from(UNASSESSED)),
                    (Some(_), Some(g)) => assert_eq!(*cell, Value::from(g)),
                }
            }
        }
    }
}
