//! `progress --team DIR`: a team's check-ins over time. The folder is read as a history folder is,
//! one level of sub-folders included ([`profile::load_histories`]: the same framework choice, the
//! same refusals, and one framework per person), the check-ins are told apart by person with the
//! loader's own name rule ([`profile::by_person`]), and each person's are checked as one history,
//! as `progress` checks one person's ([`as_history`]). Every problem, of every person, is named in
//! one error.

use std::path::{Path, PathBuf};

use super::Outcome;
use super::progress::{and_list, as_history, assessors_warning, different_people};
use crate::cli::{GlobalArgs, ProgressArgs};
use crate::diagnostics::MAX_OF_A_KIND;
use crate::model::{Framework, LevelAt, Profile};
use crate::profile::{self, Folder, People};
use crate::render::RenderOptions;
use crate::report::Target;
use crate::report::progress::Dated;
use crate::report::progress_team::{History, TeamProgressReport};
use crate::warnings::Warnings;
use crate::{names, resolve};

/// `progress --team DIR [--since DATE]`: the framework is `--data` or `--framework`, else the one
/// the first check-in names, else the default; each person's target is `--to`, else their latest
/// check-in's own ([`Target::each`]).
pub fn progress_team(
    global: &GlobalArgs,
    args: &ProgressArgs,
    options: &RenderOptions,
    warnings: &Warnings,
) -> anyhow::Result<Outcome> {
    let ProgressArgs { team, since, to, exit_code, .. } = args;
    let team = team.as_deref().ok_or_else(|| anyhow::anyhow!("progress --team needs a folder"))?;
    let People { framework, role: home, people } =
        profile::load_histories(&global.selection(), Folder::histories(team), warnings)?;
    let histories = histories(team, people)?;
    let mut assessors = histories.iter().filter_map(|h| assessors_warning(h));
    warnings.extend(assessors.by_ref().take(MAX_OF_A_KIND));
    let more = assessors.count();
    if more > 0 {
        warnings.extend([format!("… and {more} more people whose check-ins were rated by different assessors")]);
    }
    let to = to.as_deref().map(|name| resolve::resolve_level(&framework, name, Some(home))).transpose()?;
    let report = TeamProgressReport::build(&framework, with_targets(&framework, histories, to)?, *since);
    Outcome::report_gaps(&report, options, *exit_code && report.has_gaps())
}

/// Each person's target, from their latest check-in, by the one rule a team's targets follow.
fn with_targets(
    framework: &Framework,
    histories: Vec<Vec<Dated>>,
    to: Option<LevelAt>,
) -> anyhow::Result<Vec<History>> {
    let latest: Vec<Profile> = histories.iter().filter_map(|h| h.last()).map(|c| c.profile.clone()).collect();
    let targets = Target::each(framework, &latest, to)?;
    Ok(histories.into_iter().zip(targets).map(|(checkins, target)| History { checkins, target }).collect())
}

/// The team's check-ins as one history per person, each in date order, or one error naming
/// every problem: a sub-folder holding more than one person, a person with one check-in only,
/// and each person's check-ins that cannot be followed over time (no date, one date twice).
fn histories(team: &Path, people: Vec<Profile>) -> anyhow::Result<Vec<Vec<Dated>>> {
    let mut problems = mixed_folders(team, &people);
    let mut alone: Vec<(String, String)> = Vec::new();
    let mut histories = Vec::new();
    for checkins in profile::by_person(people) {
        if let [only] = checkins.as_slice() {
            alone.push((names::shown_name(only.name.trim()).into_owned(), only.file.clone()));
            continue;
        }
        match as_history(checkins) {
            Ok(history) => histories.push(history),
            Err(theirs) => problems.extend(theirs),
        }
    }
    if let Some(problem) = one_check_in(&alone) {
        problems.insert(0, problem);
    }
    match problems.len() {
        0 => Ok(histories),
        1 => Err(anyhow::anyhow!(problems.remove(0))),
        n => {
            let shown = problems.iter().take(MAX_OF_A_KIND).cloned().collect::<Vec<_>>().join("\n  ");
            let more = n.saturating_sub(MAX_OF_A_KIND);
            let more = if more > 0 { format!("\n  … and {more} more problems") } else { String::new() };
            Err(anyhow::anyhow!("the team's check-ins cannot be followed over time ({n} problems):\n  {shown}{more}"))
        }
    }
}

/// The problem of the people with one check-in only, naming each with their file: there is no
/// change to show without a second.
fn one_check_in(alone: &[(String, String)]) -> Option<String> {
    let advice = "progress needs two or more of a person to say what moved; add a later check-in, or move it out \
                  of the team folder";
    match alone {
        [] => None,
        [(name, file)] => Some(format!("`{name}` has one check-in only ({file}), and {advice}")),
        many => {
            let named: Vec<String> =
                many.iter().take(MAX_OF_A_KIND).map(|(name, file)| format!("`{name}` ({file})")).collect();
            let more = many.len().saturating_sub(MAX_OF_A_KIND);
            let more = if more > 0 { format!(" … and {more} more people") } else { String::new() };
            Some(format!(
                "{} people have one check-in only, and {advice}: {}{more}",
                many.len(),
                and_list(&named.iter().map(String::as_str).collect::<Vec<_>>())
            ))
        }
    }
}

/// The sub-folder a check-in was found in, when it was found in one (not at the team folder's top).
fn sub_folder(team: &Path, file: &str) -> Option<PathBuf> {
    let rel = Path::new(file).strip_prefix(team).ok()?;
    let mut parts = rel.components();
    let first = parts.next()?;
    parts.next().map(|_| team.join(first))
}

/// A problem for each sub-folder that holds the check-ins of more than one person: a sub-folder
/// is one person's, so a profile there under another name is a slip to put right, not a person
/// to add.
fn mixed_folders(team: &Path, people: &[Profile]) -> Vec<String> {
    let mut folders: Vec<(PathBuf, Vec<Profile>)> = Vec::new();
    for p in people {
        let Some(folder) = sub_folder(team, &p.file) else { continue };
        match folders.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, profiles)) => profiles.push(p.clone()),
            None => folders.push((folder, vec![p.clone()])),
        }
    }
    folders
        .iter()
        .filter_map(|(folder, profiles)| {
            let problem = different_people(profiles)?;
            Some(format!("{} is one person's folder, but {problem}", folder.display()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkin(file: &str, name: &str, date: Option<&str>) -> Profile {
        Profile { date: date.map(|d| d.parse().unwrap()), level: Some(0), ..Profile::empty(file, name, 0) }
    }

    fn files(h: &[Dated]) -> Vec<&str> {
        h.iter().map(|c| c.profile.file.as_str()).collect()
    }

    #[test]
    fn check_ins_are_grouped_by_person_whatever_the_spelling_and_put_in_date_order() {
        let team = Path::new("t");
        let people = vec![
            checkin("t/b.yaml", "Ana Silva", Some("2026-06-01")),
            checkin("t/a.yaml", "Ben", Some("2026-01-01")),
            checkin("t/c.yaml", " ana  silva", Some("2026-01-01")),
            checkin("t/d.yaml", "BEN", Some("2026-02-01")),
        ];
        let h = histories(team, people).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!((files(&h[0]), files(&h[1])), (vec!["t/c.yaml", "t/b.yaml"], vec!["t/a.yaml", "t/d.yaml"]));
    }

    #[test]
    fn every_problem_of_every_person_is_named_in_one_error() {
        let team = Path::new("t");
        let err = |people| histories(team, people).unwrap_err().to_string();
        let one = err(vec![checkin("t/a.yaml", "Ana", Some("2026-01-01"))]);
        assert!(one.starts_with("`Ana` has one check-in only (t/a.yaml), and progress needs two or more"), "{one}");
        let all = err(vec![
            checkin("t/a.yaml", "Ana", Some("2026-01-01")),
            checkin("t/b.yaml", "Ben", Some("2026-01-01")),
            checkin("t/c/1.yaml", "Cy", Some("2026-01-01")),
            checkin("t/c/2.yaml", "Cy", Some("2026-01-01")),
            checkin("t/d/1.yaml", "Di", Some("2026-01-01")),
            checkin("t/d/2.yaml", "Ed", None),
            checkin("t/e.yaml", "Ed", Some("2026-03-01")),
        ]);
        assert!(all.starts_with("the team's check-ins cannot be followed over time (4 problems):\n  "), "{all}");
        assert!(all.contains("3 people have one check-in only, and progress needs two or more of a person"), "{all}");
        assert!(all.contains("`Ana` (t/a.yaml), `Ben` (t/b.yaml) and `Di` (t/d/1.yaml)"), "{all}");
        assert!(all.contains("t/c/1.yaml and t/c/2.yaml are both dated 2026-01-01"), "{all}");
        assert!(all.contains("t/d/2.yaml has no `date:`"), "{all}");
        assert!(
            all.contains(
                "t/d is one person's folder, but the check-ins are of different people, and progress follows \
                          one person: t/d/1.yaml is `Di`; t/d/2.yaml is `Ed`"
            ),
            "{all}"
        );
    }

    #[test]
    fn a_check_in_at_the_top_of_the_folder_is_in_no_sub_folder() {
        let team = Path::new("team");
        assert_eq!(sub_folder(team, "team/ana/a.yaml"), Some(PathBuf::from("team/ana")));
        assert_eq!(sub_folder(team, "team/a.yaml"), None);
        assert_eq!(sub_folder(team, "elsewhere/a.yaml"), None);
    }
}
