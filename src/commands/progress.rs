//! `progress`: one person's check-ins over time. The profiles are read and checked as `gap` reads
//! them ([`profile::load_profiles`]: the same framework choice, the same refusals), then checked as one
//! history: one person, a date each, no two on one date.

use super::Outcome;
use crate::cli::{GlobalArgs, ProgressArgs};
use crate::diagnostics::MAX_OF_A_KIND;
use crate::model::Profile;
use crate::profile::People;
use crate::render::RenderOptions;
use crate::report::Target;
use crate::report::progress::{Dated, ProgressReport};
use crate::resolve::normalise;
use crate::warnings::Warnings;
use crate::{profile, resolve, text};

/// `progress FILE… [--history DIR]`: the framework is `--data` or `--framework`, else the one the
/// first file names, else the default; the target is `--to`, else the latest check-in's
/// `target:`, else the level above its `level:`.
pub fn progress(
    global: &GlobalArgs,
    args: &ProgressArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let ProgressArgs { files, history, to, only_gaps, exit_code, .. } = args;
    let folder = history.as_deref().map(profile::Folder::history);
    let People { framework, role: home, people } =
        profile::load_profiles(&global.selection(), files, folder, warnings)?;
    // A file given twice is read once, and the warning saying so comes before this error.
    let checkins = one_history(people)?;
    warnings.extend(assessors_warning(&checkins));
    let to = to.as_deref().map(|name| resolve::resolve_level(&framework, name, Some(home))).transpose()?;
    let Some(Dated { profile: latest, .. }) = checkins.last() else {
        anyhow::bail!("progress needs at least two check-ins, and got none")
    };
    let target = Target::alone(&framework, latest, to, &format!("{} (the latest check-in)", latest.file))?;
    let report = ProgressReport::build(framework.scope(target.at), &checkins, target.at.level, target.from, *only_gaps);
    Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Groups `items` by `key`, in the order each key first appears.
fn grouped<'a, K: PartialEq>(items: impl Iterator<Item = (K, &'a str)>) -> Vec<(K, Vec<&'a str>)> {
    let mut groups: Vec<(K, Vec<&str>)> = Vec::new();
    for (key, item) in items {
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(item),
            None => groups.push((key, vec![item])),
        }
    }
    groups
}

/// The check-ins in date order, or one error naming every check-in that cannot be placed in one
/// person's history: fewer than two, or any of [`as_history`]'s problems.
pub fn one_history(checkins: Vec<Profile>) -> anyhow::Result<Vec<Dated>> {
    if let [only] = checkins.as_slice() {
        anyhow::bail!(
            "progress follows one person over time and needs at least two check-ins, but got one ({}); to \
             compare one check-in with a level, use `pm-skills gap --profile {}`",
            only.file,
            text::shell_word(&only.file)
        );
    }
    if checkins.is_empty() {
        anyhow::bail!("progress needs at least two check-ins, and got none");
    }
    as_history(checkins).map_err(|mut problems| match problems.len() {
        1 => anyhow::anyhow!(problems.remove(0)),
        n => anyhow::anyhow!("the check-ins cannot be followed over time ({n} problems):\n  {}", problems.join("\n  ")),
    })
}

/// The check-ins in date order, or every problem that keeps them from being one person's history,
/// each naming its files: one without a date, two on the same date (their order would decide the
/// net change), or profiles of different people.
pub fn as_history(checkins: Vec<Profile>) -> Result<Vec<Dated>, Vec<String>> {
    // Named in the order given, so this is worked out before the check-ins are sorted.
    let people = different_people(&checkins);
    let (mut dated, mut undated) = (Vec::new(), Vec::new());
    for checkin in checkins {
        match Dated::of(checkin) {
            Ok(checkin) => dated.push(checkin),
            Err(profile) => undated.push(profile.file),
        }
    }
    let mut problems = Vec::new();
    match undated.as_slice() {
        [] => {}
        [one] => problems.push(format!(
            "{one} has no `date:`, and progress puts check-ins in date order; add one, e.g. `date: 2026-03-01`"
        )),
        many => problems.push(format!(
            "{} check-ins have no `date:` ({}), and progress puts check-ins in date order; add one to each, e.g. \
             `date: 2026-03-01`",
            many.len(),
            and_list(&many.iter().map(String::as_str).collect::<Vec<_>>())
        )),
    }
    let on_one_day = grouped(dated.iter().map(|c| (c.date, c.profile.file.as_str())));
    for (date, files) in on_one_day.into_iter().filter(|(_, files)| files.len() > 1) {
        let both = if files.len() == 2 { "both" } else { "all" };
        problems.push(format!(
            "{} are {both} dated {date}; progress cannot tell which came first, and the order decides the net change",
            and_list(&files)
        ));
    }
    problems.extend(people);
    if !problems.is_empty() {
        return Err(problems);
    }
    dated.sort_by_key(|c| c.date);
    Ok(dated)
}

/// The problem when the check-ins are of more than one person, naming each person's files.
pub fn different_people(checkins: &[Profile]) -> Option<String> {
    let people = grouped(checkins.iter().map(|p| (crate::names::person_key(&p.name), p.file.as_str())));
    if people.len() < 2 {
        return None;
    }
    let named: Vec<String> = people
        .iter()
        .take(MAX_OF_A_KIND)
        .map(|(key, files)| {
            let name =
                checkins.iter().find(|p| crate::names::person_key(&p.name) == *key).map_or("", |p| p.name.trim());
            let name = crate::names::shown_name(name);
            let verb = if files.len() == 1 { "is" } else { "are" };
            format!("{} {verb} `{name}`", and_list(files))
        })
        .collect();
    let more = people.len().saturating_sub(MAX_OF_A_KIND);
    let more = if more > 0 { format!(" … and {more} more people") } else { String::new() };
    Some(format!("the check-ins are of different people, and progress follows one person: {}{more}", named.join("; ")))
}

/// A warning when the check-ins name different assessors: a change may then be a difference of
/// opinion (a self-assessment against a manager's rating) rather than growth. Check-ins that name
/// no assessor are not counted either way.
pub fn assessors_warning(checkins: &[Dated]) -> Option<String> {
    let named =
        checkins.iter().filter_map(|c| Some((normalise(c.profile.assessor.as_deref()?), c.profile.file.as_str())));
    let groups = grouped(named);
    if groups.len() < 2 {
        return None;
    }
    let who: Vec<String> = groups
        .iter()
        .map(|(key, files)| {
            let name = checkins
                .iter()
                .filter_map(|c| c.profile.assessor.as_deref())
                .find(|a| normalise(a) == *key)
                .unwrap_or_default();
            format!("`{name}`: {}", files.join(", "))
        })
        .collect();
    Some(format!(
        "the check-ins were rated by different assessors ({}); a change between them may be a difference of \
         opinion rather than growth",
        who.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkin(file: &str, name: &str, date: Option<&str>, assessor: Option<&str>) -> Profile {
        Profile {
            date: date.map(|d| d.parse().unwrap()),
            assessor: assessor.map(String::from),
            ..Profile::empty(file, name, 0)
        }
    }

    fn dated(file: &str, assessor: Option<&str>) -> Dated {
        Dated::of(checkin(file, "Sam", Some("2026-03-02"), assessor)).unwrap()
    }

    fn files(checkins: &[Dated]) -> Vec<&str> {
        checkins.iter().map(|c| c.profile.file.as_str()).collect()
    }

    #[test]
    fn check_ins_are_put_in_date_order_whatever_order_they_come_in() {
        let given = vec![
            checkin("c.yaml", "Sam", Some("2026-09-01"), None),
            checkin("a.yaml", "Sam", Some("2026-03-02"), None),
            checkin("b.yaml", " sam ", Some("2026-06-01"), None),
        ];
        assert_eq!(files(&one_history(given).unwrap()), ["a.yaml", "b.yaml", "c.yaml"]);
    }

    #[test]
    fn every_bad_check_in_is_named_in_one_error() {
        let one = one_history(vec![checkin("a.yaml", "Sam", Some("2026-03-02"), None)]).unwrap_err().to_string();
        assert!(one.contains("needs at least two check-ins, but got one (a.yaml)"), "{one}");
        assert!(one.contains("`pm-skills gap --profile a.yaml`"), "{one}");
        let undated =
            one_history(vec![checkin("a.yaml", "Sam", None, None), checkin("b.yaml", "Sam", Some("2026-06-01"), None)])
                .unwrap_err()
                .to_string();
        assert_eq!(
            undated,
            "a.yaml has no `date:`, and progress puts check-ins in date order; add one, e.g. `date: 2026-03-01`"
        );
        let all = one_history(vec![
            checkin("a.yaml", "Sam", None, None),
            checkin("b.yaml", "Sam", Some("2026-06-01"), None),
            checkin("c.yaml", "Priya", Some("2026-06-01"), None),
            checkin("d.yaml", "Sam", None, None),
            checkin("e.yaml", "Sam", Some("2026-06-01"), None),
        ])
        .unwrap_err()
        .to_string();
        assert!(all.starts_with("the check-ins cannot be followed over time (3 problems):\n  "), "{all}");
        assert!(all.contains("2 check-ins have no `date:` (a.yaml and d.yaml)"), "{all}");
        assert!(all.contains("b.yaml, c.yaml and e.yaml are all dated 2026-06-01"), "{all}");
        assert!(all.contains("the order decides the net change"), "{all}");
        assert!(
            all.contains(
                "different people, and progress follows one person: a.yaml, b.yaml, d.yaml and e.yaml are `Sam`; \
                 c.yaml is `Priya`"
            ),
            "{all}"
        );
    }

    #[test]
    fn differing_assessors_warn_and_unnamed_ones_do_not_count() {
        let same = [dated("a", Some("self")), dated("b", None)];
        assert_eq!(assessors_warning(&same), None);
        let mixed = [dated("a", Some("self")), dated("b", Some("Self")), dated("c", Some("Dana Reyes"))];
        let warning = assessors_warning(&mixed).unwrap();
        assert!(warning.contains("(`self`: a, b; `Dana Reyes`: c)"), "{warning}");
    }
}
