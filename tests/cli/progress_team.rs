//! `progress --team`: a team's check-ins over time. Generated teams, in both layouts (a sub-folder
//! per person, and profiles side by side told apart by name), agree person by person with
//! `progress` run on each person's check-ins alone; `--since`; every format; every refusal, with
//! the files named, nothing on stdout and no file written.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use crate::common::{cmd, example_path, json, path, refused, stdout};

/// The built-in framework's skill ids, as `skills` lists them.
fn skill_ids() -> Vec<String> {
    let v = json(&["skills"]);
    v["skills"].as_array().expect("a list of skills").iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
}

const STEPS: [&str; 4] = ["awareness", "working", "practitioner", "expert"];

/// A deterministic pseudo-random sequence, so every run generates the same teams.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One generated check-in: the person's name as this file spells it, its date, and its YAML.
struct Generated {
    person: usize,
    date: String,
    yaml: String,
}

/// A team of 3 to 5 people, each with 2 to 4 check-ins on dates of their own, ratings that drift
/// up and down, about one skill in six unassessed, a `target:` now and then, and names spelt in
/// other cases and spacings from one check-in to the next.
fn generate(seed: u64) -> Vec<Generated> {
    let skills = skill_ids();
    let mut rng = Lcg(seed);
    let people = 3 + rng.next(3) as usize;
    let mut out = Vec::new();
    for person in 0..people {
        let checkins = 2 + rng.next(3) as usize;
        let level = ["product-manager", "senior", "lead"][rng.next(3) as usize];
        let target = (rng.next(4) == 0).then_some("lead");
        let mut ranks: Vec<u64> = (0..skills.len()).map(|_| rng.next(4)).collect();
        let mut day = rng.next(40);
        for c in 0..checkins {
            day += 20 + rng.next(90);
            let date = jiff::civil::date(2026, 1, 1).checked_add(jiff::Span::new().days(day as i64)).unwrap();
            let name = match (person + c) % 3 {
                0 => format!("Person {person}"),
                1 => format!(" person  {person}"),
                _ => format!("PERSON {person}"),
            };
            let mut yaml = format!("name: \"{name}\"\ndate: {date}\nframework: dvla\nlevel: {level}\n");
            if let Some(target) = target {
                yaml.push_str(&format!("target: {target}\n"));
            }
            yaml.push_str("skills:\n");
            for (s, rank) in ranks.iter_mut().enumerate() {
                *rank = (*rank + rng.next(3)).saturating_sub(1).min(3);
                if rng.next(6) == 0 {
                    yaml.push_str(&format!("  {}: ~\n", skills[s]));
                } else {
                    yaml.push_str(&format!("  {}: {}\n", skills[s], STEPS[*rank as usize]));
                }
            }
            out.push(Generated { person, date: date.to_string(), yaml });
        }
    }
    out
}

/// The team written as a sub-folder per person (files named by date), or side by side (files
/// named so that one person's are not next to each other); each person's files, oldest first.
fn write(dir: &Path, team: &[Generated], sub_folders: bool) -> Vec<Vec<PathBuf>> {
    let people = team.iter().map(|g| g.person).max().unwrap() + 1;
    let mut files = vec![Vec::new(); people];
    for (i, g) in team.iter().enumerate() {
        let file = if sub_folders {
            std::fs::create_dir_all(dir.join(format!("p{}", g.person))).unwrap();
            dir.join(format!("p{}/{}.yaml", g.person, g.date))
        } else {
            std::fs::create_dir_all(dir).unwrap();
            dir.join(format!("{:03}-{i:03}-p{}.yaml", (i * 7) % team.len(), g.person))
        };
        std::fs::write(&file, &g.yaml).unwrap();
        files[g.person].push(file);
    }
    files
}

/// `progress FILE…` on one person's check-ins alone, as JSON.
fn alone(files: &[PathBuf]) -> serde_json::Value {
    let mut args = vec!["progress".to_string()];
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_string()));
    json(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The team's entry for the person whose latest check-in names them `Person N` in any spelling.
fn entry(team: &serde_json::Value, person: usize) -> &serde_json::Value {
    let people = team["people"].as_array().unwrap();
    people
        .iter()
        .find(|p| p["person"].as_str().unwrap().split_whitespace().last() == Some(&person.to_string()))
        .unwrap_or_else(|| panic!("no person {person} in {team}"))
}

/// Person by person, the team's numbers are those `progress` gives for that person alone.
fn assert_agrees(team: &serde_json::Value, person: usize, alone: &serde_json::Value) {
    let mine = entry(team, person);
    assert_eq!(mine["summary"], alone["summary"], "person {person}");
    for key in ["closed", "opened", "remains", "ready", "ready_at_first"] {
        assert_eq!(mine["summary"][key], alone["summary"][key], "person {person}: {key}");
    }
    assert_eq!(mine["target"]["id"], alone["target"]["id"], "person {person}");
    assert_eq!(mine["target_from"], alone["target_from"], "person {person}");
    assert_eq!(mine["person"], alone["person"], "person {person}");
    let dates = |v: &serde_json::Value| -> Vec<String> {
        v["checkins"].as_array().unwrap().iter().map(|c| c["date"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(dates(mine), dates(alone), "person {person}");
}

#[test]
fn a_generated_team_agrees_person_by_person_with_progress_alone_in_both_layouts() {
    for seed in [1, 7, 42] {
        let team = generate(seed);
        let dir = tempfile::tempdir().unwrap();
        for sub_folders in [true, false] {
            let folder = dir.path().join(if sub_folders { "folders" } else { "flat" });
            let files = write(&folder, &team, sub_folders);
            let v = json(&["progress", "--team", path(&folder)]);
            assert_eq!(v["people"].as_array().unwrap().len(), files.len(), "seed {seed}");
            let (mut closed, mut ready) = (0, 0);
            for (person, theirs) in files.iter().enumerate() {
                let alone = alone(theirs);
                assert_agrees(&v, person, &alone);
                assert_eq!(entry(&v, person)["compared_from"], "first");
                closed += alone["summary"]["closed"].as_u64().unwrap();
                ready += u64::from(alone["summary"]["ready"].as_bool().unwrap());
            }
            // The team's sums are the people's.
            assert_eq!((v["summary"]["closed"].as_u64(), v["summary"]["ready"].as_u64()), (Some(closed), Some(ready)));
            // The open gaps at the last date are everyone's at their latest check-in.
            let last = v["over_time"].as_array().unwrap().last().unwrap().clone();
            let sum = |key: &str| {
                v["people"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p["summary"]["readiness"][key].as_u64().unwrap())
                    .sum::<u64>()
            };
            assert_eq!(
                (last["to_grow"].as_u64(), last["unassessed"].as_u64()),
                (Some(sum("grow")), Some(sum("unassessed")))
            );
        }
    }
}

#[test]
fn since_compares_each_person_from_their_last_check_in_on_or_before_the_date() {
    for seed in [3, 11] {
        let team = generate(seed);
        let dir = tempfile::tempdir().unwrap();
        let files = write(dir.path(), &team, true);
        // A date in the middle of the team's check-ins.
        let mut dates: Vec<&str> = team.iter().map(|g| g.date.as_str()).collect();
        dates.sort_unstable();
        let since = dates[dates.len() / 2];
        let v = json(&["progress", "--team", path(dir.path()), "--since", since]);
        assert_eq!(v["since"], since);
        for (person, theirs) in files.iter().enumerate() {
            let mut theirs = theirs.clone();
            theirs.sort();
            let on_or_before = team.iter().filter(|g| g.person == person && g.date.as_str() <= since).count();
            let mine = entry(&v, person);
            match (on_or_before, mine["compared_from"].as_str().unwrap()) {
                (0, "first-after-since") => assert_agrees(&v, person, &alone(&theirs)),
                (n, "nothing-since") if n == theirs.len() => {
                    assert_eq!(mine["checkins"].as_array().unwrap().len(), 1);
                    assert_eq!(
                        (mine["summary"]["closed"].as_u64(), mine["summary"]["opened"].as_u64()),
                        (Some(0), Some(0))
                    );
                }
                (n, "since") if n < theirs.len() => assert_agrees(&v, person, &alone(&theirs[n - 1..])),
                (n, from) => panic!("seed {seed}, person {person}: {n} on or before {since}, compared from {from}"),
            }
        }
    }
}

/// The example team of the manager's guide: Leila ready since July, Owen and Kofi not yet.
fn example_team() -> String {
    example_path("team-over-time")
}

#[test]
fn the_example_team_since_the_spring_says_who_closed_what_and_who_became_ready() {
    let v = json(&["progress", "--team", &example_team(), "--since", "2026-04-01"]);
    let from: Vec<(&str, &str)> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["person"].as_str().unwrap(), p["compared_from"].as_str().unwrap()))
        .collect();
    assert_eq!(from, [("Kofi Mensah", "first-after-since"), ("Leila Haddad", "since"), ("Owen Pryce", "since")]);
    let s = &v["summary"];
    assert_eq!((s["closed"].as_u64(), s["opened"].as_u64(), s["ready"].as_u64()), (Some(10), Some(1), Some(1)));
    assert_eq!(s["became_ready"], serde_json::json!(["Leila Haddad"]));
    assert!(s["text"].as_str().unwrap().starts_with("3 people: 10 gaps closed since 2026-04-01, 1 opened;"), "{s}");
    let words = |args: &[&str]| stdout(args).split_whitespace().collect::<Vec<_>>().join(" ");
    let table = words(&["progress", "--team", &example_team(), "--since", "2026-04-01"]);
    assert!(
        table.contains("Kofi Mensah: no check-in on or before 2026-04-01; compared from their first, 2026-05-18"),
        "{table}"
    );
    // After Owen's last check-in, he counts as he stood, with nothing to compare.
    let later = json(&["progress", "--team", &example_team(), "--since", "2026-07-01"]);
    let owen = later["people"].as_array().unwrap().iter().find(|p| p["person"] == "Owen Pryce").unwrap();
    assert_eq!(owen["compared_from"], "nothing-since");
    assert_eq!((owen["summary"]["closed"].as_u64(), owen["summary"]["readiness"]["grow"].as_u64()), (Some(0), Some(2)));
    let table = words(&["progress", "--team", &example_team(), "--since", "2026-07-01"]);
    assert!(table.contains("Owen Pryce: no check-in after 2026-07-01; counted as at 2026-06-22"), "{table}");
    // --exit-code: 3 while anyone is not ready.
    cmd().args(["progress", "--team", &example_team(), "--exit-code"]).assert().code(3);
}

#[test]
fn every_format_gives_the_team() {
    let team = example_team();
    let csv = stdout(&["progress", "--team", &team, "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "person,target,target_from,compared_from,from,latest,checkins,closed,opened,remains,to_grow,unassessed,\
             ready_at_first,ready,became_ready"
        )
    );
    assert_eq!(lines.next(), Some("Kofi Mensah,senior,next,first,2026-05-18,2026-07-13,2,5,0,4,5,0,false,false,false"));
    assert_eq!(lines.count(), 2);

    let v = json(&["progress", "--team", &team]);
    let keys = |v: &serde_json::Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&v), ["framework", "over_time", "people", "since", "skills", "summary"]);
    assert_eq!(
        keys(&v["people"][0]),
        ["became_ready", "checkins", "checkins_read", "compared_from", "person", "summary", "target", "target_from"]
    );
    assert_eq!(v["skills"][0]["skill"]["id"], "agile-working");
    let point = &v["over_time"][0];
    assert_eq!((point["date"].as_str(), point["checked_in"].as_u64()), (Some("2026-01-12"), Some(1)));
    let yaml: serde_json::Value =
        serde_yaml::from_str(&stdout(&["progress", "--team", &team, "--format", "yaml"])).unwrap();
    assert_eq!(yaml, v);

    let html = stdout(&["progress", "--team", &team, "--format", "html"]);
    assert_eq!(html.matches("<svg").count(), 1, "{html}");
    assert!(html.contains("class=\"chart trend\"") && html.contains("role=\"img\""), "{html}");
    // Two lines, a point per date each, told apart by dash and marker as well as colour.
    assert_eq!(html.matches("class=\"line ").count(), 2);
    assert_eq!(html.matches("class=\"point\"").count(), 14);
    assert_eq!(html.matches("stroke-dasharray=\"10 5\"").count(), 2, "one dashed line and its legend");
    let chart = html.find("<svg").unwrap();
    let table = html.find("Open gaps over time</h2>").unwrap_or_else(|| panic!("{html}"));
    assert!(chart < table && html[table..].contains("<td>20</td>"), "the table of the same numbers follows the chart");

    let md = stdout(&["progress", "--team", &team, "--format", "markdown"]);
    assert!(
        md.contains("| Person | Target | Compared from | Closed | Opened | To grow | Not assessed | Ready |"),
        "{md}"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team.xlsx");
    let run = cmd().args(["progress", "--team", &team, "--format", "xlsx", "--out", path(&out)]).output().unwrap();
    assert!(run.status.success() && run.stdout.is_empty(), "{}", String::from_utf8_lossy(&run.stderr));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["Team progress", "Skills", "Over time"]);
    let people = book.worksheet_range("Team progress").unwrap();
    assert_eq!(people.get((1, 0)), Some(&Data::String("Kofi Mensah".into())));
    assert_eq!(people.height(), 4);
    let over_time = book.worksheet_range("Over time").unwrap();
    assert_eq!(over_time.height(), 8);
}

/// A copy of the example team in a folder of its own, to break.
fn team_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_dir(Path::new(&example_team()), dir.path());
    dir
}

/// Refused: exit 1, nothing on stdout, and no file at `--out`; returns the error.
fn refused_team(dir: &Path, extra: &[&str]) -> String {
    let out = dir.with_extension("out.json");
    let mut args = vec!["progress", "--team", path(dir), "--out", path(&out)];
    args.extend_from_slice(extra);
    let err = refused(&args);
    assert!(!out.exists(), "a refused run wrote {}", out.display());
    assert!(err.starts_with("error: "), "{err}");
    err
}

#[test]
fn a_person_with_one_check_in_is_refused_by_name_and_file() {
    let dir = team_copy();
    std::fs::remove_file(dir.path().join("kofi-mensah/2026-07-13.yaml")).unwrap();
    let err = refused_team(dir.path(), &[]);
    let file = dir.path().join("kofi-mensah/2026-05-18.yaml");
    assert!(err.contains(&format!("`Kofi Mensah` has one check-in only ({})", file.display())), "{err}");
    std::fs::remove_file(dir.path().join("owen-pryce/2026-06-22.yaml")).unwrap();
    let err = refused_team(dir.path(), &["--since", "2026-04-01"]);
    assert!(err.contains("2 people have one check-in only") && err.contains("`Owen Pryce` ("), "{err}");
}

#[test]
fn one_person_s_check_ins_on_different_frameworks_are_refused_naming_each_file() {
    let dir = team_copy();
    let june = dir.path().join("owen-pryce/2026-06-22.yaml");
    let text = std::fs::read_to_string(&june).unwrap().replace("framework: dvla", "framework: ddat-2025");
    std::fs::write(&june, text).unwrap();
    let err = refused_team(dir.path(), &[]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("`Owen Pryce`'s check-ins name different frameworks ("), "{err}");
    assert!(
        err.contains("owen-pryce/2026-02-09.yaml:5 `dvla`") && err.contains("owen-pryce/2026-06-22.yaml:5 `ddat-2025`"),
        "{err}"
    );
}

#[test]
fn the_same_date_twice_for_one_person_and_a_folder_of_two_people_are_refused() {
    let dir = team_copy();
    let again = dir.path().join("leila-haddad/again.yaml");
    std::fs::copy(dir.path().join("leila-haddad/2026-03-30.yaml"), &again).unwrap();
    let err = refused_team(dir.path(), &[]);
    assert!(
        err.contains(&format!(
            "{} and {} are both dated 2026-03-30",
            dir.path().join("leila-haddad/2026-03-30.yaml").display(),
            again.display()
        )),
        "{err}"
    );
    // Someone else's check-in in Leila's folder: the folder is named, with each file's person.
    std::fs::remove_file(&again).unwrap();
    let owen = std::fs::read_to_string(dir.path().join("owen-pryce/2026-02-09.yaml")).unwrap();
    std::fs::write(dir.path().join("leila-haddad/2026-08-01.yaml"), owen.replace("2026-02-09", "2026-08-01")).unwrap();
    let err = refused_team(dir.path(), &[]);
    assert!(err.contains("leila-haddad is one person's folder, but the check-ins are of different people"), "{err}");
    assert!(err.contains("2026-08-01.yaml is `Owen Pryce`"), "{err}");
}

#[test]
fn a_link_out_of_the_team_folder_is_refused_and_hidden_folders_are_skipped() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.yaml"), "root-password-line: hunter2\n").unwrap();
    let dir = team_copy();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("zz")).unwrap();
    let err = refused_team(dir.path(), &[]);
    assert!(err.contains("zz: it is a symbolic link to a folder outside the team folder"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
    std::fs::remove_file(dir.path().join("zz")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.yaml"), dir.path().join("owen-pryce/zz.yaml")).unwrap();
    let err = refused_team(dir.path(), &[]);
    assert!(err.contains("zz.yaml: it is a symbolic link to a file outside the team folder"), "{err}");
    std::fs::remove_file(dir.path().join("owen-pryce/zz.yaml")).unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/x.yaml"), "not: [a profile\n").unwrap();
    assert_eq!(json(&["progress", "--team", path(dir.path())])["summary"]["people"], 3);
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join("nobody")).unwrap();
    let err = refused_team(empty.path(), &[]);
    assert!(err.contains("holds no profiles (*.yaml, *.yml) or in its sub-folders"), "{err}");
}

#[test]
fn the_options_that_do_not_go_with_a_team_are_usage_errors() {
    let team = example_team();
    let file = example_path("growth/checkins/2026-03-02.yaml");
    for args in [
        vec!["progress", "--since", "2026-04-01", &file],
        vec!["progress", "--team", &team, &file],
        vec!["progress", "--team", &team, "--only-gaps"],
        vec!["progress", "--team", &team, "--since", "spring"],
    ] {
        let out = cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty());
    }
    let help = stdout(&["progress", "--help"]);
    assert!(help.contains("--team <DIR>") && help.contains("--since <DATE>"), "{help}");
    assert!(help.contains("pm-skills progress --team ./team --since 2026-04-01"), "{help}");
}
