//! `pm-skills progress`: one person's check-ins over time, against one target level.
//!
//! Every skill is shown at every check-in, and judged at the first check-in and at the last: a
//! gap that closed, opened or remains, or a skill met at both. A check-in that leaves a skill
//! unassessed says nothing about it, so a blank is never read as met, nor as a gap: the skill
//! gets a status of its own (`now-met`, `now-gap`, `not-reassessed`, `unassessed`), and the net
//! change counts from the first check-in that assessed it to the last, skipping blanks.

use serde::Serialize;

use super::evidence_item;
use super::gap::{GapReport, Readiness};
use super::rules::{Standing, Tally};
use super::{NOT_EXPECTED, Proficiency, Ref, Report, Scope, TargetFrom, proficiency_label};
use jiff::civil::Date;

use crate::model::{LevelAt, LevelRef, Profile};
use crate::render::doc::signed;
use crate::render::{Block, Cell, Chart, Line, Records, Series, Table, Tone, Value, Workbook};
use crate::text::plural;

/// A skill's story from the first check-in to the last, against the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "kebab-case")]
pub enum Status {
    /// A gap at the first check-in, met at the last.
    Closed,
    /// Met at the first check-in, a gap at the last.
    Opened,
    /// A gap at the first check-in and at the last.
    Remains,
    /// Met at the first check-in and at the last.
    Met,
    /// Unassessed at the first check-in, met at the last.
    NowMet,
    /// Unassessed at the first check-in, a gap at the last.
    NowGap,
    /// Assessed at the first check-in, unassessed at the last: where it stands now is unknown.
    NotReassessed,
    /// Unassessed at the first check-in and at the last.
    Unassessed,
    /// The target does not expect the skill; shown because a check-in assessed it.
    NotExpected,
}

impl Status {
    /// The status of a skill the target expects at rank `need`, from its ranks at the first and
    /// the last check-in (`None` when unassessed).
    pub fn of(first: Option<usize>, last: Option<usize>, need: usize) -> Self {
        let met = |have: Option<usize>| Standing::of(have, Some(need)).gap().map(|gap| gap == 0);
        match (met(first), met(last)) {
            (Some(false), Some(true)) => Status::Closed,
            (Some(true), Some(false)) => Status::Opened,
            (Some(false), Some(false)) => Status::Remains,
            (Some(true), Some(true)) => Status::Met,
            (None, Some(true)) => Status::NowMet,
            (None, Some(false)) => Status::NowGap,
            (Some(_), None) => Status::NotReassessed,
            (None, None) => Status::Unassessed,
        }
    }

    /// Where the skill stands at the last check-in, by the gap rule: met, to grow, or unassessed;
    /// `None` for a skill the target does not expect.
    pub fn now(self) -> Option<super::rules::Status> {
        use super::rules::Status as Now;
        match self {
            Status::Closed | Status::Met | Status::NowMet => Some(Now::Met),
            Status::Opened | Status::Remains | Status::NowGap => Some(Now::Grow),
            Status::NotReassessed | Status::Unassessed => Some(Now::Unassessed),
            Status::NotExpected => None,
        }
    }

    /// Whether the skill is met at the last check-in.
    fn met_now(self) -> bool {
        self.now() == Some(super::rules::Status::Met)
    }

    /// The word a table shows.
    fn word(self) -> &'static str {
        match self {
            Status::Closed => "closed",
            Status::Opened => "opened",
            Status::Remains => "remains",
            Status::Met => "met",
            Status::NowMet => "now met",
            Status::NowGap => "now a gap",
            Status::NotReassessed => "not reassessed",
            Status::Unassessed => "unassessed",
            Status::NotExpected => "not expected",
        }
    }

    /// The id JSON and CSV use.
    fn id(self) -> &'static str {
        self.into()
    }

    fn tone(self) -> Tone {
        match self {
            Status::Opened | Status::Remains | Status::NowGap => Tone::Grow,
            Status::Closed => Tone::Strong,
            Status::Met | Status::NowMet => Tone::Same,
            Status::NotReassessed | Status::Unassessed | Status::NotExpected => Tone::Plain,
        }
    }
}

/// A profile with the date it carries: what a history is made of. A profile without a date
/// cannot be one, so the report never meets a missing date.
#[derive(Debug, Clone)]
pub struct Dated {
    pub date: Date,
    pub profile: Profile,
}

impl Dated {
    /// The profile as a check-in, or the profile back when it has no date.
    pub fn of(profile: Profile) -> Result<Dated, Box<Profile>> {
        match profile.date {
            Some(date) => Ok(Dated { date, profile }),
            None => Err(Box::new(profile)),
        }
    }
}

/// One check-in, as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Checkin {
    pub date: Date,
    pub file: String,
    /// Who rated: `self`, or a reviewer's name; `null` when the profile does not say.
    pub assessor: Option<String>,
    /// The level the profile names as current, if any.
    pub level: Option<LevelRef>,
}

/// Evidence notes that a check-in gives and the one before it did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedNotes {
    pub date: Date,
    pub notes: Vec<String>,
}

/// One skill over time.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressRow {
    pub skill: Ref,
    /// What the target expects; `null` for a skill it does not expect.
    pub need: Option<Proficiency>,
    /// One per check-in, oldest first; `null` where the check-in left the skill unassessed.
    pub proficiencies: Vec<Option<Proficiency>>,
    /// Steps from the first check-in that assessed the skill to the last one that did, blanks
    /// skipped; `null` when fewer than two check-ins assessed it.
    pub change: Option<i64>,
    pub status: Status,
    /// Per check-in after the first, the notes it adds (oldest first; none when nothing is new).
    pub new_evidence: Vec<DatedNotes>,
}

/// The counts behind the summary, over every skill the target expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressSummary {
    pub checkins: usize,
    /// The first check-in's date.
    pub since: String,
    /// The last check-in's date.
    pub latest: String,
    /// Skills the target expects.
    pub skills: usize,
    pub closed: usize,
    pub opened: usize,
    pub remains: usize,
    pub met: usize,
    pub now_met: usize,
    pub now_gap: usize,
    pub not_reassessed: usize,
    pub unassessed: usize,
    /// Skills met at the last check-in (`closed`, `met` and `now-met`).
    pub met_now: usize,
    /// Every skill the target expects is met at the last check-in.
    pub ready: bool,
    /// Every skill the target expects was met at the first check-in, counted as `ready` is.
    pub ready_at_first: bool,
    /// The latest check-in against the target, counted as `gap` counts it: what remains is its
    /// `grow` and its `unassessed`.
    pub readiness: Readiness,
    /// The summary as one sentence, e.g. "4 gaps closed since 2026-03-02, 1 opened; 3 remain:
    /// 2 to grow (…), 1 not assessed (…)".
    pub text: String,
}

/// One person's check-ins against one level.
#[derive(Debug, Serialize)]
pub struct ProgressReport {
    pub framework: Ref,
    pub role: Ref,
    /// The person's name, as the latest check-in gives it.
    pub person: String,
    pub target: Ref,
    pub target_from: TargetFrom,
    /// Oldest first.
    pub checkins: Vec<Checkin>,
    /// True when `--only-gaps` removed the rows met at the last check-in that were never a gap
    /// (and those the target does not expect); `summary` still counts every skill.
    pub only_gaps: bool,
    /// The skills the target expects, in the role's order, then any other skill a check-in
    /// assessed, in the framework's order.
    pub rows: Vec<ProgressRow>,
    pub summary: ProgressSummary,
    #[serde(skip)]
    scale: Vec<String>,
    /// Days from the first check-in to each, for the chart's time axis.
    #[serde(skip)]
    days: Vec<i64>,
    /// Each check-in against the target, oldest first, counted by the gap rule over every skill
    /// the target expects (`--only-gaps` or not).
    #[serde(skip)]
    tallies: Vec<Tally>,
}

/// The days from the first date to each, in date order; two check-ins on one day (which
/// `progress` refuses) still get a place each on the chart, a day apart.
fn days_from_first(dates: &[Date]) -> Vec<i64> {
    let mut days: Vec<i64> = Vec::with_capacity(dates.len());
    for date in dates {
        let since = i64::from((*date - dates[0]).get_days());
        days.push(days.last().map_or(since, |&previous| since.max(previous + 1)));
    }
    days
}

/// The notes `now` gives that `before` did not, compared without surrounding spaces.
fn new_notes(before: &[String], now: &[String]) -> Vec<String> {
    now.iter().filter(|n| !before.iter().any(|b| b.trim() == n.trim())).cloned().collect()
}

impl ProgressReport {
    /// Builds the report from one person's check-ins, in any order (they are put in date order
    /// here), against level `target` of the scope's role.
    pub fn build(scope: Scope, checkins: &[Dated], target: usize, from: TargetFrom, only_gaps: bool) -> Self {
        let mut ordered: Vec<&Dated> = checkins.iter().collect();
        ordered.sort_by_key(|c| c.date);
        let dates: Vec<Date> = ordered.iter().map(|c| c.date).collect();
        let ordered: Vec<&Profile> = ordered.iter().map(|c| &c.profile).collect();
        let framework = scope.framework;
        let level = &scope.role.levels[target];
        // The target's skills in the role's order, then any other skill a check-in assessed.
        let mut skills: Vec<(usize, Option<usize>)> = scope
            .role
            .skills
            .iter()
            .zip(&level.ratings)
            .filter_map(|(&s, rating)| Some((s, Some(rating.as_ref()?.proficiency))))
            .collect();
        for s in 0..framework.skills.len() {
            if !skills.iter().any(|(k, _)| *k == s) && ordered.iter().any(|p| p.assessment(s).is_some()) {
                skills.push((s, None));
            }
        }
        let mut rows: Vec<ProgressRow> =
            skills.iter().map(|&(s, need)| row(scope, &ordered, &dates, s, need)).collect();
        let latest = ordered.last().map(|p| GapReport::build(scope, p, target, false).summary);
        let tallies = tallies(&rows, dates.len());
        let mut summary = summarise(&rows, &dates, latest.unwrap_or_else(|| Readiness::of(&[], "")));
        summary.ready_at_first = tallies.first().is_some_and(Tally::ready);
        if only_gaps {
            rows.retain(|r| !matches!(r.status, Status::Met | Status::NowMet | Status::NotExpected));
        }
        let latest = ordered.last();
        ProgressReport {
            framework: scope.framework_ref(),
            role: scope.role_ref(),
            person: latest.map(|p| p.name.trim().to_string()).unwrap_or_default(),
            target: scope.level_ref(target),
            target_from: from,
            checkins: ordered
                .iter()
                .zip(&dates)
                .map(|(p, &date)| Checkin {
                    date,
                    file: p.file.clone(),
                    assessor: p.assessor.clone(),
                    level: p.level.map(|level| framework.level_ref(LevelAt { role: p.role, level })),
                })
                .collect(),
            only_gaps,
            rows,
            summary,
            scale: framework.scale.iter().map(|s| s.name.clone()).collect(),
            days: days_from_first(&dates),
            tallies,
        }
    }

    /// Each check-in against the target, oldest first: what `gap` would count of it (met, to
    /// grow, unassessed) over the skills the target expects, by the same rule.
    pub fn tallies(&self) -> &[Tally] {
        &self.tallies
    }

    /// Whether anything stands between the person and the target at the last check-in (a gap,
    /// or a skill left unassessed): what `--exit-code` reports.
    pub fn has_gaps(&self) -> bool {
        !self.summary.ready
    }
}

/// One skill over the check-ins (in date order).
fn row(scope: Scope, ordered: &[&Profile], dates: &[Date], skill: usize, need: Option<usize>) -> ProgressRow {
    let ranks: Vec<Option<usize>> = ordered.iter().map(|p| p.assessment(skill).map(|a| a.proficiency)).collect();
    let assessed: Vec<usize> = ranks.iter().flatten().copied().collect();
    let change = match assessed.as_slice() {
        [first, .., last] => Some(*last as i64 - *first as i64),
        _ => None,
    };
    let status = match need {
        Some(need) => Status::of(ranks.first().copied().flatten(), ranks.last().copied().flatten(), need),
        None => Status::NotExpected,
    };
    let evidence = |p: &Profile| p.assessment(skill).map(|a| a.evidence.clone()).unwrap_or_default();
    let new_evidence = ordered
        .windows(2)
        .zip(&dates[1..])
        .filter_map(|(pair, date)| {
            let notes = new_notes(&evidence(pair[0]), &evidence(pair[1]));
            (!notes.is_empty()).then_some(DatedNotes { date: *date, notes })
        })
        .collect();
    let s = &scope.framework.skills[skill];
    ProgressRow {
        skill: Ref::from(s),
        need: need.map(|n| scope.proficiency(n)),
        proficiencies: ranks.iter().map(|r| r.map(|r| scope.proficiency(r))).collect(),
        change,
        status,
        new_evidence,
    }
}

/// Each check-in against the target, by the gap rule, over the rows the target expects.
fn tallies(rows: &[ProgressRow], checkins: usize) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); checkins];
    for r in rows {
        let Some(need) = &r.need else { continue };
        for (tally, have) in tallies.iter_mut().zip(&r.proficiencies) {
            tally.add(Standing::of(have.as_ref().map(|p| p.rank.index()), Some(need.rank.index())));
        }
    }
    tallies
}

/// Counts the rows the target expects and words the summary; `now` is the latest check-in as
/// `gap` reads it, so what remains is what `gap` would say.
fn summarise(rows: &[ProgressRow], dates: &[Date], now: Readiness) -> ProgressSummary {
    let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
    let expected = rows.iter().filter(|r| r.status != Status::NotExpected).count();
    let met_now = rows.iter().filter(|r| r.status.met_now()).count();
    let (closed, opened, remains) = (count(Status::Closed), count(Status::Opened), count(Status::Remains));
    let since = dates.first().map(Date::to_string).unwrap_or_default();
    let mut text = format!("{} closed since {since}", plural(closed, "gap", "gaps"));
    if opened > 0 {
        text.push_str(&format!(", {opened} opened"));
    }
    text.push_str(&remain_words(rows, &now));
    ProgressSummary {
        checkins: dates.len(),
        since,
        latest: dates.last().map(Date::to_string).unwrap_or_default(),
        skills: expected,
        closed,
        opened,
        remains,
        met: count(Status::Met),
        now_met: count(Status::NowMet),
        now_gap: count(Status::NowGap),
        not_reassessed: count(Status::NotReassessed),
        unassessed: count(Status::Unassessed),
        met_now,
        ready: now.ready,
        ready_at_first: false,
        readiness: now,
        text,
    }
}

/// "; 3 remain: 2 to grow (A, B), 1 not assessed (C)", or "; none remain": what stands between
/// the latest check-in and the target, each kind counted and named.
fn remain_words(rows: &[ProgressRow], now: &Readiness) -> String {
    let remain = now.grow + now.unassessed;
    if remain == 0 {
        return "; none remain".into();
    }
    let names = |grow: bool| -> Vec<&str> {
        let wanted = if grow { super::rules::Status::Grow } else { super::rules::Status::Unassessed };
        rows.iter().filter(|r| r.status.now() == Some(wanted)).map(|r| r.skill.name.as_str()).collect()
    };
    let mut parts = Vec::new();
    if now.grow > 0 {
        parts.push(format!("{} to grow ({})", now.grow, names(true).join(", ")));
    }
    if now.unassessed > 0 {
        parts.push(format!("{} not assessed ({})", now.unassessed, names(false).join(", ")));
    }
    format!("; {}: {}", plural(remain, "remains", "remain"), parts.join(", "))
}

impl ProgressReport {
    /// The lists of skills by status, with what each status means, in the order a reader asks:
    /// what closed, what opened, what remains, then the rest.
    fn status_items(&self) -> Vec<String> {
        let (first, last) = (&self.summary.since, &self.summary.latest);
        let groups = [
            (Status::Closed, "Closed".to_string()),
            (Status::Opened, "Opened".to_string()),
            (Status::Remains, "Remain".to_string()),
            (Status::NowGap, format!("A gap, not assessed on {first}")),
            (Status::NowMet, format!("Met, not assessed on {first}")),
            (Status::NotReassessed, format!("Not assessed on {last}")),
            (Status::Unassessed, format!("Assessed on neither {first} nor {last}")),
            (Status::Met, format!("Met on {first} and {last}")),
        ];
        groups
            .into_iter()
            .filter_map(|(status, label)| {
                let names: Vec<&str> =
                    self.rows.iter().filter(|r| r.status == status).map(|r| r.skill.name.as_str()).collect();
                (!names.is_empty()).then(|| format!("{label} ({}): {}", names.len(), names.join(", ")))
            })
            .collect()
    }

    /// One item per skill with new evidence: the skill, then each note under the date it came.
    fn evidence_items(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| !r.new_evidence.is_empty())
            .map(|r| {
                let notes: Vec<(String, &str)> = r
                    .new_evidence
                    .iter()
                    .flat_map(|d| d.notes.iter().map(|n| (d.date.to_string(), n.as_str())))
                    .collect();
                evidence_item(&r.skill.name, notes.iter().map(|(date, note)| (Some(date.as_str()), *note)))
            })
            .collect()
    }

    fn target_words(&self) -> String {
        let latest = self.checkins.last().and_then(|c| c.level.as_ref()).map_or("", |l| l.name.as_str());
        let how = match self.target_from {
            TargetFrom::To => "chosen with --to".to_string(),
            TargetFrom::Profile => "the latest check-in's target".to_string(),
            TargetFrom::Next => format!("the level above {latest}, the latest check-in's level"),
            TargetFrom::Top => format!("{latest}, the latest check-in's level, the top of the ladder"),
        };
        format!("{} ({how})", self.target.name)
    }
}

impl Report for ProgressReport {
    fn chart(&self) -> Option<Chart> {
        Some(Chart::Line(Line {
            title: format!("{}'s skills over time, against {}", self.person, self.target.name),
            dates: self.checkins.iter().map(|c| c.date.to_string()).collect(),
            days: self.days.clone(),
            scale: self.scale.clone(),
            series: self
                .rows
                .iter()
                .map(|r| Series {
                    name: r.skill.name.clone(),
                    values: r.proficiencies.iter().map(|p| p.as_ref().map(|p| p.rank.get())).collect(),
                })
                .collect(),
            targets: self.rows.iter().map(|r| r.need.as_ref().map(|n| n.rank.get())).collect(),
            target_name: self.target.name.clone(),
            summary: self.summary.text.clone(),
        }))
    }

    fn document(&self) -> Vec<Block> {
        let size = self.scale.len();
        let mut header: Vec<String> = vec!["Skill".into()];
        header.extend(self.checkins.iter().map(|c| c.date.to_string()));
        header.extend(["Needs".into(), "Change".into(), "Status".into()]);
        let mut table = Table::new(header);
        for r in &self.rows {
            let mut cells = vec![Cell::toned(&r.skill.name, Tone::Strong)];
            cells.extend(r.proficiencies.iter().map(|p| match p {
                Some(p) => Cell::plain(proficiency_label(p, size)),
                None => Cell::plain("unassessed"),
            }));
            cells.push(Cell::plain(r.need.as_ref().map_or(NOT_EXPECTED.to_string(), |n| proficiency_label(n, size))));
            cells.push(Cell::plain(r.change.map_or("?".to_string(), signed)));
            cells.push(Cell::toned(r.status.word(), r.status.tone()));
            table.row(cells);
        }
        let mut blocks = vec![Block::Title(format!("{}: progress against {}", self.person, self.target.name))];
        let mut fields: Vec<(String, String)> = self
            .checkins
            .iter()
            .map(|c| {
                let about: Vec<String> =
                    c.assessor.iter().chain(c.level.as_ref().map(|l| &l.name)).chain([&c.file]).cloned().collect();
                (c.date.to_string(), about.join(" · "))
            })
            .collect();
        fields.push(("Target".into(), self.target_words()));
        blocks.push(Block::Fields(fields));
        if self.rows.is_empty() {
            blocks.push(Block::Para("Nothing to show: every skill is met at both ends.".into()));
        } else {
            blocks.push(Block::Table(table));
        }
        if self.rows.iter().any(|r| r.proficiencies.iter().any(Option::is_none)) {
            blocks.push(Block::Hint(
                "Change counts the steps from the first check-in that assessed a skill to the last one that did; \
                 unassessed check-ins are skipped, and a skill assessed once shows ?."
                    .into(),
            ));
        }
        blocks.push(Block::Heading(format!("Gaps to {}", self.target.name)));
        blocks.push(Block::List(self.status_items()));
        let evidence = self.evidence_items();
        if !evidence.is_empty() {
            blocks.push(Block::Heading(format!("New evidence since {}", self.summary.since)));
            blocks.push(Block::List(evidence));
        }
        blocks.push(Block::Summary(format!("{}: {}", self.person, self.summary.text)));
        blocks
    }

    fn workbook(&self) -> Workbook {
        Workbook { name: "Progress".into(), ..Workbook::default() }
    }

    fn records(&self) -> Records {
        let mut header: Vec<String> = ["person", "target", "skill_id", "skill_name", "need"].map(String::from).to_vec();
        header.extend(self.checkins.iter().map(|c| c.date.to_string()));
        header.extend(["change", "status"].map(String::from));
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    Value::from(&self.person),
                    Value::from(&self.target.id),
                    Value::from(&r.skill.id),
                    Value::from(&r.skill.name),
                    Value::from(r.need.as_ref()),
                ];
                row.extend(r.proficiencies.iter().map(|p| Value::from(p.as_ref())));
                row.push(Value::from(r.change));
                row.push(Value::from(r.status.id()));
                row
            })
            .collect();
        Records { header, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Assessment;
    use crate::report::testing::dvla;

    /// A check-in on `date` with the given proficiency per skill (framework order; `None` is
    /// unassessed) and, for skill 0, these evidence notes.
    fn checkin(date: &str, levels: &[Option<usize>], notes: &[&str]) -> Dated {
        Dated::of(Profile {
            date: Some(date.parse().unwrap()),
            level: Some(0),
            skills: levels
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let evidence = if i == 0 { notes.iter().map(|n| n.to_string()).collect() } else { vec![] };
                    p.map(|p| (i, Assessment { proficiency: p, evidence }))
                })
                .collect(),
            ..Profile::empty(format!("{date}.yaml"), "Sam", 0)
        })
        .unwrap()
    }

    fn statuses(r: &ProgressReport) -> Vec<Status> {
        r.rows.iter().map(|r| r.status).collect()
    }

    #[test]
    fn status_compares_the_first_check_in_with_the_last() {
        let (gap, met, blank) = (Some(1), Some(3), None);
        let need = 3;
        assert_eq!(Status::of(gap, met, need), Status::Closed);
        assert_eq!(Status::of(met, gap, need), Status::Opened);
        assert_eq!(Status::of(gap, gap, need), Status::Remains);
        assert_eq!(Status::of(met, Some(4), need), Status::Met);
        assert_eq!(Status::of(blank, met, need), Status::NowMet);
        assert_eq!(Status::of(blank, gap, need), Status::NowGap);
        assert_eq!(Status::of(met, blank, need), Status::NotReassessed);
        assert_eq!(Status::of(gap, blank, need), Status::NotReassessed);
        assert_eq!(Status::of(blank, blank, need), Status::Unassessed);
    }

    #[test]
    fn rows_and_summary_against_a_level_whatever_order_the_check_ins_come_in() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        // Against Senior (index 1): agile-working needs expert (3), financial-ownership
        // practitioner (2), strategic-focus practitioner (2).
        let march = checkin("2026-03-02", &[Some(2), None, None, Some(2), None, None, None, None, Some(1)], &["a"]);
        let june =
            checkin("2026-06-01", &[Some(3), None, Some(1), Some(1), None, None, None, Some(3), None], &["a", "b"]);
        let sept = checkin("2026-09-01", &[Some(3), None, None, Some(1), None, None, None, Some(3), Some(1)], &[]);
        let forward =
            ProgressReport::build(scope, &[march.clone(), june.clone(), sept.clone()], 1, TargetFrom::To, false);
        let shuffled = ProgressReport::build(scope, &[sept, march, june], 1, TargetFrom::To, false);
        assert_eq!(serde_json::to_value(&forward).unwrap(), serde_json::to_value(&shuffled).unwrap());
        let r = forward;
        let dates: Vec<String> = r.checkins.iter().map(|c| c.date.to_string()).collect();
        assert_eq!(dates, ["2026-03-02", "2026-06-01", "2026-09-01"]);
        assert_eq!(r.days, [0, 91, 183]);
        let s = statuses(&r);
        assert_eq!(s.len(), 10);
        assert_eq!(s[0], Status::Closed);
        assert_eq!(s[3], Status::Opened);
        assert_eq!(s[7], Status::NowMet);
        assert_eq!(s[8], Status::Remains);
        assert_eq!(s[1], Status::Unassessed);
        // The change of strategic-focus skips June's blank: working to working.
        assert_eq!(r.rows[8].change, Some(0));
        assert_eq!(r.rows[8].proficiencies.iter().map(Option::is_some).collect::<Vec<_>>(), [true, false, true]);
        // Experience of working within constraints was assessed in June only: no change to
        // measure, and no status but unassessed at both ends.
        assert_eq!((r.rows[2].change, r.rows[2].status), (None, Status::Unassessed));
        assert_eq!(r.rows[7].change, Some(0));
        assert_eq!(r.rows[0].change, Some(1));
        // Only June's note is new; September repeats nothing and adds nothing.
        assert_eq!(
            r.rows[0].new_evidence,
            [DatedNotes { date: "2026-06-01".parse().unwrap(), notes: vec!["b".into()] }]
        );
        let sum = &r.summary;
        assert_eq!((sum.closed, sum.opened, sum.remains, sum.now_met, sum.unassessed), (1, 1, 1, 1, 6));
        assert_eq!((sum.met_now, sum.skills, sum.ready), (2, 10, false));
        // What remains is the latest check-in as `gap` reads it: the opened and the remaining
        // gap, and the six skills September left unassessed.
        assert_eq!((sum.readiness.grow, sum.readiness.unassessed), (2, 6));
        assert!(
            sum.text.starts_with(
                "1 gap closed since 2026-03-02, 1 opened; 8 remain: 2 to grow (Financial Ownership, Strategic Focus), \
                 6 not assessed (Government Digital and Data Perspective, "
            ),
            "{}",
            sum.text
        );
        assert!(r.has_gaps());
    }

    #[test]
    fn the_summary_words_counts_in_the_issues_shape() {
        let f = dvla();
        let scope = Scope { framework: &f, role: &f.roles[0] };
        // Against Product Manager (index 0): everything at expert is met at both.
        let all = |date: &str, p: usize| checkin(date, &[Some(p); 10], &[]);
        let r = ProgressReport::build(scope, &[all("2026-01-01", 3), all("2026-02-01", 3)], 0, TargetFrom::To, false);
        assert_eq!(r.summary.text, "0 gaps closed since 2026-01-01; none remain");
        assert!(r.summary.ready && r.summary.ready_at_first && !r.has_gaps());
        assert!(r.tallies().iter().all(|t| t.ready() && t.met == 10));
        // Everything from awareness to expert: every gap closes.
        let r = ProgressReport::build(scope, &[all("2026-01-01", 0), all("2026-02-01", 3)], 1, TargetFrom::To, false);
        assert_eq!(r.summary.text, "10 gaps closed since 2026-01-01; none remain");
        assert!(r.summary.ready && !r.summary.ready_at_first);
        assert_eq!((r.tallies()[0].grow, r.tallies()[1].grow), (10, 0));
        // From expert to awareness: every gap opens.
        let r = ProgressReport::build(scope, &[all("2026-01-01", 3), all("2026-02-01", 0)], 1, TargetFrom::To, false);
        assert!(r.summary.text.starts_with("0 gaps closed since 2026-01-01, 10 opened; 10 remain: 10 to grow (Agile"));
        assert_eq!(r.summary.readiness.grow, 10);
        // --only-gaps keeps what was ever a gap, and the counts.
        let r = ProgressReport::build(scope, &[all("2026-01-01", 3), all("2026-02-01", 3)], 1, TargetFrom::To, true);
        assert!(r.rows.is_empty() && r.summary.met == 10);
        assert!(r.tallies().iter().all(|t| t.met == 10), "counted before --only-gaps hides rows");
    }

    #[test]
    fn a_skill_the_target_does_not_expect_is_listed_after_the_others_and_not_counted() {
        let f = crate::report::testing::career_map();
        let designer = f.roles.iter().position(|r| r.id == "designer").unwrap();
        let scope = Scope { framework: &f, role: &f.roles[designer] };
        let coding = f.skills.iter().position(|s| s.id == "coding").unwrap();
        let mut levels = vec![None; f.skills.len()];
        levels[coding] = Some(1);
        let a = checkin("2026-01-01", &levels, &[]);
        levels[coding] = Some(2);
        let b = checkin("2026-05-01", &levels, &[]);
        let r = ProgressReport::build(scope, &[a, b], 0, TargetFrom::Next, false);
        let last = r.rows.last().unwrap();
        assert_eq!((last.skill.id.as_str(), last.status, last.change), ("coding", Status::NotExpected, Some(1)));
        assert!(last.need.is_none());
        // Designer expects research and design (coaching is unrated): two skills counted.
        assert_eq!(r.summary.skills, 2);
        assert_eq!(r.rows.len(), 3);
        let Some(Chart::Line(line)) = r.chart() else { panic!("a line chart") };
        assert_eq!((line.series.len(), line.targets.last().copied()), (3, Some(None)));
        assert_eq!(line.days, [0, 120]);
    }
}
