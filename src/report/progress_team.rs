//! `pm-skills progress --team`: a team's check-ins over time, person by person against each
//! one's target, then the team in numbers: the gaps closed, opened and remaining, who became
//! ready, the skills where most gaps remain, and the open gaps at each date.
//!
//! Each person's numbers are their own `progress` report ([`ProgressReport::build`], on the
//! check-ins compared), so the team report and `progress` on one person's check-ins cannot
//! disagree. How the report looks is in `progress_team_view`.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use super::progress::{Checkin, Dated, ProgressReport, ProgressSummary, Status};
use super::rules::{Status as Now, Tally};
use super::{Ref, Target, TargetFrom};
use crate::model::{Framework, LevelRef};
use crate::text::plural;

/// Where a person's comparison starts, and why there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
#[strum(serialize_all = "kebab-case")]
pub enum ComparedFrom {
    /// Their first check-in: no `--since`.
    First,
    /// Their last check-in on or before `--since`.
    Since,
    /// Their first check-in, which came after `--since`: none is on or before it.
    FirstAfterSince,
    /// Their latest check-in, which is on or before `--since`: none came after it, so nothing
    /// is compared, and they count as they stood then.
    NothingSince,
}

impl ComparedFrom {
    /// Which of one person's check-ins (in date order, at least one) a comparison covers, from the
    /// index returned to the last: all of them, or, with `since`, from the last on or before it.
    pub fn of(dates: &[Date], since: Option<Date>) -> (usize, ComparedFrom) {
        let Some(since) = since else { return (0, ComparedFrom::First) };
        let last = dates.len().saturating_sub(1);
        match dates.iter().rposition(|&d| d <= since) {
            None => (0, ComparedFrom::FirstAfterSince),
            Some(i) if i == last => (last, ComparedFrom::NothingSince),
            Some(i) => (i, ComparedFrom::Since),
        }
    }
}

/// One person's check-ins and the level they are compared with.
#[derive(Debug, Clone)]
pub struct History {
    /// In date order, at least one; each date once.
    pub checkins: Vec<Dated>,
    pub target: Target,
}

/// One person of the team over time.
#[derive(Debug, Serialize)]
pub struct PersonProgress {
    /// The name the latest check-in gives.
    pub person: String,
    pub target: LevelRef,
    pub target_from: TargetFrom,
    pub compared_from: ComparedFrom,
    /// How many check-ins of theirs were read, compared or not.
    pub checkins_read: usize,
    /// The check-ins compared, oldest first: from the one `compared_from` names to the latest.
    pub checkins: Vec<Checkin>,
    /// Their `progress` summary over the check-ins compared, exactly as `progress` gives it.
    pub summary: ProgressSummary,
    /// Not ready at the first check-in compared, ready at the latest.
    pub became_ready: bool,
    /// Each check-in compared against the target, by the gap rule.
    #[serde(skip)]
    pub tallies: Vec<Tally>,
    /// Each skill of their report, with its status.
    #[serde(skip)]
    statuses: Vec<(Ref, Status)>,
}

impl PersonProgress {
    /// Ready at the first check-in compared, not at the latest.
    pub fn no_longer_ready(&self) -> bool {
        self.summary.ready_at_first && !self.summary.ready
    }
}

/// One skill across the team, at each person's latest check-in against their target.
#[derive(Debug, Clone, Serialize)]
pub struct SkillGaps {
    pub skill: Ref,
    /// People whose target expects the skill.
    pub expected: usize,
    /// People with a gap in it at their latest check-in, by name.
    pub to_grow: Vec<String>,
    /// People whose latest check-in leaves it unassessed, by name.
    pub unassessed: Vec<String>,
    /// People who closed a gap in it since their first check-in compared, by name.
    pub closed: Vec<String>,
}

impl SkillGaps {
    /// The gaps that remain in the skill: people to grow, and people who did not assess it.
    pub fn remain(&self) -> usize {
        self.to_grow.len() + self.unassessed.len()
    }
}

/// The team at one date: each person as at their latest check-in on or before it (as at their
/// first compared, before that), against their target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamPoint {
    pub date: Date,
    /// People with a check-in compared on or before the date.
    pub checked_in: usize,
    /// Skills to grow, summed over the people.
    pub to_grow: usize,
    /// Skills not assessed, summed over the people.
    pub unassessed: usize,
    /// People ready for their target.
    pub ready: usize,
}

/// The team in numbers: each count the sum of the people's `progress` summaries.
#[derive(Debug, Serialize)]
pub struct TeamProgressSummary {
    pub people: usize,
    pub closed: usize,
    pub opened: usize,
    /// Gaps at the first check-in compared and at the latest.
    pub remains: usize,
    /// Skills to grow at the latest check-ins, and skills they leave unassessed: what remains.
    pub to_grow: usize,
    pub unassessed: usize,
    /// People ready for their target at their latest check-in.
    pub ready: usize,
    /// People ready at their first check-in compared.
    pub ready_at_first: usize,
    pub became_ready: Vec<String>,
    pub no_longer_ready: Vec<String>,
    /// The summary as one sentence.
    pub text: String,
}

/// A team's check-ins over time.
#[derive(Debug, Serialize)]
pub struct TeamProgressReport {
    pub framework: Ref,
    /// `--since`, when given.
    pub since: Option<Date>,
    /// In the order the people first appear (the team folder's in file-name order).
    pub people: Vec<PersonProgress>,
    /// Every skill some person's target expects: the most gaps remaining first (to grow, then
    /// unassessed), then the framework's order.
    pub skills: Vec<SkillGaps>,
    /// The team at each date, oldest first (at most one date a month when there are many).
    pub over_time: Vec<TeamPoint>,
    pub summary: TeamProgressSummary,
    /// The framework has one role, so level ids need no role before them.
    #[serde(skip)]
    pub one_role: bool,
}

/// Above this many dates the chart and its table keep one a month (the last), then one a
/// quarter, then one a year.
pub const MOST_POINTS: usize = 36;

impl TeamProgressReport {
    /// Builds the report: each person's `progress` over the check-ins compared (all of them, or
    /// from the last on or before `since`), then the team's sums.
    pub fn build(framework: &Framework, people: Vec<History>, since: Option<Date>) -> Self {
        let people: Vec<PersonProgress> = crate::parallel::map(people, |h| person(framework, h, since));
        let skills = skill_gaps(framework, &people);
        let over_time = over_time(&people);
        let summary = summarise(&people, since);
        TeamProgressReport {
            framework: Ref { id: framework.id.clone(), name: framework.name.clone() },
            since,
            people,
            skills,
            over_time,
            summary,
            one_role: framework.roles.len() == 1,
        }
    }

    /// Whether anyone has a gap, or a skill unassessed, at their latest check-in: what
    /// `--exit-code` reports.
    pub fn has_gaps(&self) -> bool {
        self.summary.ready < self.people.len()
    }
}

/// One person's `progress` over the check-ins compared.
fn person(framework: &Framework, history: History, since: Option<Date>) -> PersonProgress {
    let History { checkins, target } = history;
    let dates: Vec<Date> = checkins.iter().map(|c| c.date).collect();
    let (start, from) = ComparedFrom::of(&dates, since);
    let report =
        ProgressReport::build(framework.scope(target.at), &checkins[start..], target.at.level, target.from, false);
    let summary = report.summary.clone();
    PersonProgress {
        person: report.person.clone(),
        target: framework.level_ref(target.at),
        target_from: target.from,
        compared_from: from,
        checkins_read: checkins.len(),
        became_ready: summary.ready && !summary.ready_at_first,
        tallies: report.tallies().to_vec(),
        statuses: report.rows.iter().map(|r| (r.skill.clone(), r.status)).collect(),
        checkins: report.checkins,
        summary,
    }
}

/// Every skill some target expects, with who has a gap in it, who left it unassessed and who
/// closed one: the most to grow first, then the most unassessed, then the framework's order.
fn skill_gaps(framework: &Framework, people: &[PersonProgress]) -> Vec<SkillGaps> {
    let order: HashMap<&str, usize> = framework.skills.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut skills: Vec<(usize, SkillGaps)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for p in people {
        for (skill, status) in &p.statuses {
            let Some(now) = status.now() else { continue };
            let i = *at.entry(skill.id.as_str()).or_insert_with(|| {
                let empty = SkillGaps {
                    skill: skill.clone(),
                    expected: 0,
                    to_grow: Vec::new(),
                    unassessed: Vec::new(),
                    closed: Vec::new(),
                };
                skills.push((order.get(skill.id.as_str()).copied().unwrap_or(usize::MAX), empty));
                skills.len() - 1
            });
            let gaps = &mut skills[i].1;
            gaps.expected += 1;
            match now {
                Now::Grow => gaps.to_grow.push(p.person.clone()),
                Now::Unassessed => gaps.unassessed.push(p.person.clone()),
                Now::Met => {}
            }
            if *status == Status::Closed {
                gaps.closed.push(p.person.clone());
            }
        }
    }
    skills
        .sort_by_key(|(order, s)| (std::cmp::Reverse(s.to_grow.len()), std::cmp::Reverse(s.unassessed.len()), *order));
    skills.into_iter().map(|(_, s)| s).collect()
}

/// The dates the team is shown at: every date a check-in compared has, or, when there are more
/// than [`MOST_POINTS`], the last of each month, else of each quarter, else of each year.
fn point_dates(people: &[PersonProgress]) -> Vec<Date> {
    let mut dates: Vec<Date> = people.iter().flat_map(|p| p.checkins.iter().map(|c| c.date)).collect();
    dates.sort_unstable();
    dates.dedup();
    let buckets: [fn(Date) -> (i16, i8); 3] =
        [|d| (d.year(), d.month()), |d| (d.year(), (d.month() - 1) / 3), |d| (d.year(), 0)];
    for bucket in buckets {
        if dates.len() <= MOST_POINTS {
            break;
        }
        // Dates are in order: a date is kept when the next one is in another bucket.
        let last = dates.len() - 1;
        dates = (0..dates.len())
            .filter(|&i| i == last || bucket(dates[i]) != bucket(dates[i + 1]))
            .map(|i| dates[i])
            .collect();
    }
    dates
}

/// The team at each of [`point_dates`].
fn over_time(people: &[PersonProgress]) -> Vec<TeamPoint> {
    point_dates(people)
        .into_iter()
        .map(|date| {
            let mut point = TeamPoint { date, checked_in: 0, to_grow: 0, unassessed: 0, ready: 0 };
            for p in people {
                // The check-ins compared on or before the date: the latest of them counts, and
                // before the first, the first.
                let on_or_before = p.checkins.partition_point(|c| c.date <= date);
                point.checked_in += usize::from(on_or_before > 0);
                if let Some(tally) = p.tallies.get(on_or_before.saturating_sub(1)) {
                    point.to_grow += tally.grow;
                    point.unassessed += tally.unassessed;
                    point.ready += usize::from(tally.ready());
                }
            }
            point
        })
        .collect()
}

/// Names, at most ten, then how many more.
pub fn some_names(names: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut text = names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}

/// The sums over the people, and the sentence that says them.
fn summarise(people: &[PersonProgress], since: Option<Date>) -> TeamProgressSummary {
    let sum = |f: fn(&PersonProgress) -> usize| people.iter().map(f).sum::<usize>();
    let names = |f: fn(&PersonProgress) -> bool| people.iter().filter(|p| f(p)).map(|p| p.person.clone()).collect();
    let (closed, opened) = (sum(|p| p.summary.closed), sum(|p| p.summary.opened));
    let (to_grow, unassessed) = (sum(|p| p.summary.readiness.grow), sum(|p| p.summary.readiness.unassessed));
    let ready = sum(|p| usize::from(p.summary.ready));
    let became_ready: Vec<String> = names(|p| p.became_ready);
    let when = since.map_or("their first check-in".to_string(), |d| d.to_string());
    let mut text =
        format!("{}: {} closed since {when}", plural(people.len(), "person", "people"), plural(closed, "gap", "gaps"));
    if opened > 0 {
        text.push_str(&format!(", {opened} opened"));
    }
    match to_grow + unassessed {
        0 => text.push_str("; none remain"),
        remain => {
            text.push_str(&format!(
                "; {} {}: {to_grow} to grow",
                remain,
                if remain == 1 { "remains" } else { "remain" }
            ));
            if unassessed > 0 {
                text.push_str(&format!(", {unassessed} not assessed"));
            }
        }
    }
    text.push_str(&format!(". {ready} of {} ready for their target", people.len()));
    let ready_names: Vec<String> = people
        .iter()
        .filter(|p| p.summary.ready)
        .map(|p| if p.became_ready { format!("{} (newly)", p.person) } else { p.person.clone() })
        .collect();
    if !ready_names.is_empty() {
        text.push_str(&format!(": {}", some_names(&ready_names)));
    }
    TeamProgressSummary {
        people: people.len(),
        closed,
        opened,
        remains: sum(|p| p.summary.remains),
        to_grow,
        unassessed,
        ready,
        ready_at_first: sum(|p| usize::from(p.summary.ready_at_first)),
        became_ready,
        no_longer_ready: names(PersonProgress::no_longer_ready),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, LevelAt, Profile};
    use crate::render::{Chart, Report};
    use crate::report::testing::dvla;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// A check-in of `name` on `date`, at Product Manager, every skill at `step` but the first
    /// `blank` skills, left unassessed.
    fn checkin(name: &str, day: &str, step: usize, blank: usize) -> Dated {
        let f = dvla();
        Dated::of(Profile {
            date: Some(date(day)),
            level: Some(0),
            skills: (blank..f.skills.len()).map(|i| (i, Assessment { proficiency: step, evidence: vec![] })).collect(),
            ..Profile::empty(format!("{name}-{day}.yaml"), name, 0)
        })
        .unwrap()
    }

    /// Against Senior (level 1): expert (3) meets every skill, practitioner (2) some.
    fn senior() -> Target {
        Target { at: LevelAt { role: 0, level: 1 }, from: TargetFrom::Next }
    }

    #[test]
    fn since_picks_the_last_check_in_on_or_before_it_or_says_why_not() {
        let dates = [date("2026-01-10"), date("2026-04-01"), date("2026-07-01")];
        assert_eq!(ComparedFrom::of(&dates, None), (0, ComparedFrom::First));
        assert_eq!(ComparedFrom::of(&dates, Some(date("2026-04-01"))), (1, ComparedFrom::Since));
        assert_eq!(ComparedFrom::of(&dates, Some(date("2026-03-31"))), (0, ComparedFrom::Since));
        assert_eq!(ComparedFrom::of(&dates, Some(date("2026-01-09"))), (0, ComparedFrom::FirstAfterSince));
        assert_eq!(ComparedFrom::of(&dates, Some(date("2026-07-01"))), (2, ComparedFrom::NothingSince));
        assert_eq!(ComparedFrom::of(&dates, Some(date("2027-01-01"))), (2, ComparedFrom::NothingSince));
    }

    #[test]
    fn each_person_s_numbers_are_their_own_progress_and_the_team_adds_them_up() {
        let f = dvla();
        let ana = vec![checkin("Ana", "2026-01-10", 1, 0), checkin("Ana", "2026-06-01", 3, 0)];
        let ben = vec![checkin("Ben", "2026-02-01", 3, 0), checkin("Ben", "2026-05-01", 2, 2)];
        let people =
            vec![History { checkins: ana.clone(), target: senior() }, History { checkins: ben, target: senior() }];
        let r = TeamProgressReport::build(&f, people, None);
        let alone = ProgressReport::build(f.scope(senior().at), &ana, 1, TargetFrom::Next, false);
        assert_eq!(r.people[0].summary, alone.summary);
        assert_eq!((r.people[0].summary.closed, r.people[0].became_ready), (10, true));
        // Ben was ready in February, and in May two skills are blank and the rest short of some.
        let ben = &r.people[1];
        assert!(ben.summary.ready_at_first && !ben.summary.ready && ben.no_longer_ready());
        assert_eq!(ben.tallies.len(), 2);
        assert_eq!((ben.tallies[1].unassessed, ben.summary.readiness.unassessed), (2, 2));
        assert_eq!(ben.tallies[1].grow, ben.summary.readiness.grow);
        let s = &r.summary;
        assert_eq!((s.people, s.closed, s.ready, s.ready_at_first), (2, 10, 1, 1));
        assert_eq!(
            (s.became_ready.as_slice(), s.no_longer_ready.as_slice()),
            (&["Ana".to_string()][..], &["Ben".to_string()][..])
        );
        assert_eq!(s.to_grow + s.unassessed, ben.summary.readiness.grow + 2);
        assert!(s.text.starts_with("2 people: 10 gaps closed since their first check-in, "), "{}", s.text);
        assert!(s.text.ends_with(". 1 of 2 ready for their target: Ana (newly)"), "{}", s.text);
        assert!(r.has_gaps());
        // Ben's two blanks are two skills he left unassessed, after those he is to grow in.
        assert_eq!(r.skills.iter().filter(|s| s.unassessed == ["Ben"]).count(), 2);
        assert!(r.skills.windows(2).all(|w| w[0].to_grow.len() >= w[1].to_grow.len()));
        assert_eq!(r.skills.iter().map(|s| s.expected).max(), Some(2));
    }

    #[test]
    fn over_time_each_person_counts_as_at_their_latest_check_in_and_their_first_before_it() {
        let f = dvla();
        // Ana: everything short in January, everything met in June. Ben joins in March, met.
        let ana = vec![checkin("Ana", "2026-01-10", 1, 0), checkin("Ana", "2026-06-01", 3, 0)];
        let ben = vec![checkin("Ben", "2026-03-01", 3, 0), checkin("Ben", "2026-04-01", 3, 1)];
        let people = vec![History { checkins: ana, target: senior() }, History { checkins: ben, target: senior() }];
        let r = TeamProgressReport::build(&f, people, None);
        let points: Vec<(String, usize, usize, usize, usize)> =
            r.over_time.iter().map(|p| (p.date.to_string(), p.checked_in, p.to_grow, p.unassessed, p.ready)).collect();
        assert_eq!(
            points,
            [
                ("2026-01-10".into(), 1, 10, 0, 1),
                ("2026-03-01".into(), 2, 10, 0, 1),
                ("2026-04-01".into(), 2, 10, 1, 0),
                ("2026-06-01".into(), 2, 0, 1, 1),
            ]
        );
        let Some(Chart::Trend(trend)) = r.chart() else { panic!("a chart over time") };
        assert_eq!(trend.days, [0, 50, 81, 142]);
        assert_eq!(trend.series[0].values, [Some(10), Some(10), Some(10), Some(0)]);
    }

    /// Over 200 people, a terminal gets the team in numbers: no row per person, no names; the
    /// document keeps everyone.
    #[test]
    fn a_screen_over_200_people_shows_the_team_in_numbers() {
        use crate::render::Block;
        let f = dvla();
        let people: Vec<History> = (0..201)
            .map(|i| {
                let name = format!("P{i}");
                let checkins = vec![checkin(&name, "2026-01-10", 1, 0), checkin(&name, "2026-06-01", 2, 1)];
                History { checkins, target: senior() }
            })
            .collect();
        let r = TeamProgressReport::build(&f, people, None);
        let tables = |blocks: &[Block]| -> Vec<usize> {
            blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t.header.len()) } else { None }).collect()
        };
        assert_eq!(tables(&r.document()), [8, 5, 5], "people, skills with who, over time");
        assert_eq!(tables(&r.screen()), [4, 5], "skills without names, over time");
        assert!(r.screen().iter().any(|b| matches!(b, Block::List(items) if items == &["Not ready: 201"])));
    }

    #[test]
    fn many_dates_keep_the_last_of_each_month_then_quarter_then_year() {
        let f = dvla();
        let history = |name: &str, start: i64, every: i64, count: i64| History {
            checkins: (0..count)
                .map(|i| {
                    let day = date("2020-01-01").checked_add(jiff::Span::new().days(start + i * every)).unwrap();
                    checkin(name, &day.to_string(), 2, 0)
                })
                .collect(),
            target: senior(),
        };
        let dates = |people: Vec<History>| -> Vec<String> {
            let r = TeamProgressReport::build(&f, people, None);
            r.over_time.iter().map(|p| p.date.to_string()).collect()
        };
        // A check-in a week for 20 weeks: every one kept.
        assert_eq!(dates(vec![history("A", 0, 7, 20)]).len(), 20);
        // Two people, a check-in every 10 days for a year, on different days: one a month.
        let monthly = dates(vec![history("A", 0, 10, 37), history("B", 5, 10, 37)]);
        assert_eq!(monthly.len(), 12, "{monthly:?}");
        assert_eq!(monthly[1], "2020-02-25", "the last date of February");
        assert_eq!(monthly.last().map(String::as_str), Some("2020-12-31"), "the latest date is always kept");
        // Over four years: one a quarter.
        let quarterly = dates(vec![history("A", 0, 20, 75), history("B", 7, 20, 75)]);
        assert_eq!(quarterly.len(), 17, "{quarterly:?}");
        assert!(quarterly.len() <= MOST_POINTS);
    }
}
