//! How `progress --team` looks: a row per person (compared from when, closed, opened, what
//! remains, ready), who is ready, the skills where most gaps remain, and the open gaps at each
//! date, drawn as a chart over time with the same numbers in a table after it.

use super::Footnotes;
use super::TargetFrom;
use super::progress_team::{ComparedFrom, PersonProgress, SkillGaps, TeamProgressReport, some_names};
use super::team_view::SCREEN_PEOPLE;
use crate::render::{Block, Cell, Chart, Records, Report, Series, Sheet, Table, Tone, Trend, Value, Workbook};
use crate::text::plural;

/// The skills the document lists where gaps remain; JSON, CSV's workbook sheet and YAML have them all.
const SKILLS_SHOWN: usize = 10;

impl TeamProgressReport {
    fn title(&self) -> String {
        let people = plural(self.people.len(), "person", "people");
        match self.since {
            Some(since) => format!("Team progress since {since} ({people})"),
            None => format!("Team progress ({people})"),
        }
    }

    /// What each person's first and last check-in compared are, and what they are compared with.
    fn fields(&self) -> Block {
        let compared = match self.since {
            Some(since) => format!("each person's last check-in on or before {since} with their latest"),
            None => "each person's first check-in with their latest".to_string(),
        };
        let target = match self.people.first() {
            Some(p) if self.people.iter().all(|q| q.target_from == TargetFrom::To) => {
                format!("{} (chosen with --to)", p.target.name)
            }
            _ => "each person's own, from their latest check-in".to_string(),
        };
        Block::Fields(vec![("Compared".into(), compared), ("Target".into(), target)])
    }

    /// A row per person, with a note where the comparison does not start where `--since` says.
    fn people_table(&self) -> (Table, Footnotes) {
        let header = ["Person", "Target", "Compared from", "Closed", "Opened", "To grow", "Not assessed", "Ready"];
        let mut table = Table::new(header).with_row_labels(1);
        let mut notes = Footnotes::default();
        for p in &self.people {
            let s = &p.summary;
            let mut from = s.since.clone();
            let since = self.since.map(|d| d.to_string()).unwrap_or_default();
            match p.compared_from {
                ComparedFrom::FirstAfterSince => notes.mark(
                    &mut from,
                    &p.person,
                    &format!("no check-in on or before {since}; compared from their first, {}", s.since),
                ),
                ComparedFrom::NothingSince => notes.mark(
                    &mut from,
                    &p.person,
                    &format!("no check-in after {since}; counted as at {}, with nothing to compare", s.latest),
                ),
                ComparedFrom::First | ComparedFrom::Since => {}
            }
            let target = match p.target_from {
                TargetFrom::Top => format!("{} (top level)", p.target.name),
                _ => p.target.name.clone(),
            };
            table.row(vec![
                Cell::toned(&p.person, Tone::Strong),
                Cell::plain(target),
                Cell::plain(from),
                Cell::toned(s.closed.to_string(), if s.closed > 0 { Tone::Strong } else { Tone::Plain }),
                Cell::toned(s.opened.to_string(), if s.opened > 0 { Tone::Grow } else { Tone::Plain }),
                Cell::plain(s.readiness.grow.to_string()),
                Cell::plain(s.readiness.unassessed.to_string()),
                ready_cell(p),
            ]);
        }
        (table, notes)
    }

    /// Who is ready: who became ready, who was and is, who no longer is, who is not yet.
    fn ready_items(&self, with_names: bool) -> Vec<String> {
        let group = |label: &str, f: &dyn Fn(&PersonProgress) -> bool| {
            let names: Vec<String> = self.people.iter().filter(|p| f(p)).map(|p| p.person.clone()).collect();
            match (names.len(), with_names) {
                (0, _) => None,
                (n, true) => Some(format!("{label} ({n}): {}", names.join(", "))),
                (n, false) => Some(format!("{label}: {n}")),
            }
        };
        [
            group("Became ready", &|p| p.became_ready),
            group("Ready at both ends", &|p| p.summary.ready_at_first && p.summary.ready),
            group("No longer ready", &|p| p.no_longer_ready()),
            group("Not ready", &|p| !p.summary.ready_at_first && !p.summary.ready),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The skills where gaps remain, the most first, with who (`with_names`) has them.
    fn skills_table(&self, with_names: bool) -> Table {
        let mut header = vec!["Skill", "To grow", "Not assessed", "Closed"];
        header.extend(with_names.then_some("Who"));
        let mut table = Table::new(header).with_row_labels(1);
        for s in self.skills.iter().filter(|s| s.remain() > 0).take(SKILLS_SHOWN) {
            let mut row = vec![
                Cell::toned(&s.skill.name, Tone::Strong),
                Cell::toned(s.to_grow.len().to_string(), if s.to_grow.is_empty() { Tone::Plain } else { Tone::Grow }),
                Cell::plain(s.unassessed.len().to_string()),
                Cell::plain(s.closed.len().to_string()),
            ];
            row.extend(with_names.then(|| Cell::plain(who(s))));
            table.row(row);
        }
        table
    }

    /// The team at each date: the table the chart draws.
    fn over_time_table(&self) -> Table {
        let mut table = Table::new(["Date", "Checked in", "To grow", "Not assessed", "Ready"]).with_row_labels(1);
        for point in &self.over_time {
            table.row(vec![
                Cell::toned(point.date.to_string(), Tone::Strong),
                Cell::plain(format!("{} of {}", point.checked_in, self.people.len())),
                Cell::plain(point.to_grow.to_string()),
                Cell::plain(point.unassessed.to_string()),
                Cell::plain(point.ready.to_string()),
            ]);
        }
        table
    }

    /// What the team's own sections say, after the people: who is ready, where gaps remain, and
    /// the open gaps over time; names only `with_names` (a team a screen can list).
    fn team_blocks(&self, with_names: bool) -> Vec<Block> {
        let mut blocks =
            vec![Block::Heading("Ready for their target".into()), Block::List(self.ready_items(with_names))];
        let remaining = self.skills.iter().filter(|s| s.remain() > 0).count();
        blocks.push(Block::Heading("Where most gaps remain".into()));
        if remaining == 0 {
            blocks.push(Block::Para("No gap remains: every skill is met at everyone's latest check-in.".into()));
        } else {
            blocks.push(Block::Table(self.skills_table(with_names)));
            if remaining > SKILLS_SHOWN {
                blocks.push(Block::Hint(format!(
                    "The {SKILLS_SHOWN} skills with the most gaps of {remaining}; --format json or xlsx lists every one."
                )));
            }
        }
        blocks.push(Block::Heading("Open gaps over time".into()));
        blocks.push(Block::Table(self.over_time_table()));
        blocks.push(Block::Hint(
            "At each date, each person counts as at their latest check-in on or before it, and as at their first \
             before that."
                .into(),
        ));
        blocks
    }
}

/// Who has a gap in a skill, then who did not assess it.
fn who(s: &SkillGaps) -> String {
    let mut lines = Vec::new();
    if !s.to_grow.is_empty() {
        lines.push(some_names(&s.to_grow));
    }
    if !s.unassessed.is_empty() {
        lines.push(format!("not assessed: {}", some_names(&s.unassessed)));
    }
    lines.join("\n")
}

/// Ready now, in words that need no colour: `yes, newly`, `yes`, `no`, `no, was ready`.
fn ready_cell(p: &PersonProgress) -> Cell {
    match (p.summary.ready_at_first, p.summary.ready) {
        (false, true) => Cell::toned("yes, newly", Tone::Strong),
        (true, true) => Cell::toned("yes", Tone::Same),
        (true, false) => Cell::toned("no, was ready", Tone::Grow),
        (false, false) => Cell::toned("no", Tone::Grow),
    }
}

impl Report for TeamProgressReport {
    fn chart(&self) -> Option<Chart> {
        let first = self.over_time.first()?.date;
        let count = |f: fn(&super::progress_team::TeamPoint) -> usize| Series {
            name: String::new(),
            values: self.over_time.iter().map(|p| Some(f(p))).collect(),
        };
        Some(Chart::Trend(Trend {
            title: format!("The team's open gaps over time ({})", plural(self.people.len(), "person", "people")),
            dates: self.over_time.iter().map(|p| p.date.to_string()).collect(),
            days: self.over_time.iter().map(|p| i64::from((p.date - first).get_days())).collect(),
            series: vec![
                Series { name: "Skills to grow".into(), ..count(|p| p.to_grow) },
                Series { name: "Skills not assessed".into(), ..count(|p| p.unassessed) },
            ],
            unit: "skills, summed over the team".into(),
            summary: self.summary.text.clone(),
        }))
    }

    fn document(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(self.title()), self.fields()];
        let (table, notes) = self.people_table();
        blocks.push(Block::Table(table));
        blocks.extend(notes.blocks());
        blocks.extend(self.team_blocks(true));
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    /// Over [`SCREEN_PEOPLE`] people, a terminal gets the team in numbers; Markdown and HTML keep
    /// every person.
    fn screen(&self) -> Vec<Block> {
        if self.people.len() <= SCREEN_PEOPLE {
            return self.document();
        }
        let mut blocks = vec![Block::Title(self.title()), self.fields()];
        blocks.extend(self.team_blocks(false));
        blocks.push(Block::Hint(format!(
            "{} are more than a screen can list: --format csv gives a row per person, --format html a chart, \
             --format json every number.",
            plural(self.people.len(), "person", "people")
        )));
        blocks.push(Block::Summary(self.summary.text.clone()));
        blocks
    }

    /// The people are the main sheet; the skills and the team over time get a sheet each.
    fn workbook(&self) -> Workbook {
        let skills = Records::new(
            &["skill_id", "skill_name", "expected", "to_grow", "unassessed", "closed", "people_to_grow"],
            self.skills.iter().map(skill_row).collect(),
        );
        let over_time = Records::new(
            &["date", "checked_in", "to_grow", "unassessed", "ready"],
            self.over_time
                .iter()
                .map(|p| {
                    vec![
                        Value::from(p.date.to_string()),
                        Value::from(p.checked_in),
                        Value::from(p.to_grow),
                        Value::from(p.unassessed),
                        Value::from(p.ready),
                    ]
                })
                .collect(),
        );
        Workbook {
            name: "Team progress".into(),
            header: Vec::new(),
            sheets: vec![
                Sheet { name: "Skills".into(), records: skills },
                Sheet { name: "Over time".into(), records: over_time },
            ],
        }
    }

    fn records(&self) -> Records {
        let header = [
            "person",
            "target",
            "target_from",
            "compared_from",
            "from",
            "latest",
            "checkins",
            "closed",
            "opened",
            "remains",
            "to_grow",
            "unassessed",
            "ready_at_first",
            "ready",
            "became_ready",
        ];
        let rows = self
            .people
            .iter()
            .map(|p| {
                let s = &p.summary;
                let from: &'static str = p.compared_from.into();
                let target_from: &'static str = p.target_from.into();
                vec![
                    Value::from(&p.person),
                    Value::level(&p.target, !self.one_role),
                    Value::from(target_from),
                    Value::from(from),
                    Value::from(&s.since),
                    Value::from(&s.latest),
                    Value::from(s.checkins),
                    Value::from(s.closed),
                    Value::from(s.opened),
                    Value::from(s.remains),
                    Value::from(s.readiness.grow),
                    Value::from(s.readiness.unassessed),
                    Value::from(s.ready_at_first),
                    Value::from(s.ready),
                    Value::from(p.became_ready),
                ]
            })
            .collect();
        Records::new(&header, rows)
    }
}

/// A skill's row of the Skills sheet.
fn skill_row(s: &SkillGaps) -> Vec<Value> {
    vec![
        Value::from(&s.skill.id),
        Value::from(&s.skill.name),
        Value::from(s.expected),
        Value::from(s.to_grow.len()),
        Value::from(s.unassessed.len()),
        Value::from(s.closed.len()),
        Value::from(s.to_grow.join(", ")),
    ]
}
