//! A team over time on the built-in framework: 1,000 people with 4 check-ins each (a sub-folder
//! per person, a check-in a quarter on a day of their own, ratings that drift, about one skill in
//! ten unassessed), `progress --team DIR` as CSV and as an HTML page with its chart, and with
//! `--since`. Each must take under 1 s.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use super::{DVLA_SKILLS, Lcg, ROOT, Report, SCALE, ms, timed};

/// `people` people with `checkins` check-ins each, in a sub-folder per person.
fn generate(dir: &Path, people: usize, checkins: usize) {
    let _ = std::fs::remove_dir_all(dir);
    let mut rng = Lcg(people as u64);
    for p in 0..people {
        let folder = dir.join(format!("p{p:05}"));
        std::fs::create_dir_all(&folder).unwrap();
        let level = ["product-manager", "senior", "lead"][rng.next(3) as usize];
        let mut ranks: Vec<u64> = DVLA_SKILLS.iter().map(|_| rng.next(4)).collect();
        for c in 0..checkins {
            // A quarter apart, on a day of the quarter's first month of their own.
            let date = format!("2026-{:02}-{:02}", 1 + 3 * (c % 4), 1 + rng.next(28));
            let date = if c >= 4 { date.replace("2026", &(2026 + c / 4).to_string()) } else { date };
            let mut text = format!("name: Person {p}\ndate: {date}\nframework: dvla\nlevel: {level}\nskills:\n");
            for (s, rank) in ranks.iter_mut().enumerate() {
                *rank = (*rank + rng.next(3)).saturating_sub(1).min(3);
                if rng.next(10) == 0 {
                    writeln!(text, "  {}: ~", DVLA_SKILLS[s]).unwrap();
                } else {
                    writeln!(text, "  {}: {}", DVLA_SKILLS[s], SCALE[*rank as usize]).unwrap();
                }
            }
            std::fs::write(folder.join(format!("{date}.yaml")), text).unwrap();
        }
    }
    super::settle();
}

/// The team over time (part of `--only team`).
pub fn progress_team(report: &mut Report) {
    println!("\n== A team over time on the built-in framework: 1,000 people, 4 check-ins each");
    let dir = Path::new(ROOT).join("target/bench-progress-team");
    generate(&dir, 1000, 4);
    let d = dir.to_str().unwrap();
    for (name, args) in [
        ("progress --team, 1,000 people x 4 (csv)", vec!["progress", "--team", d, "--format", "csv"]),
        ("progress --team, 1,000 people x 4 (html)", vec!["progress", "--team", d, "--format", "html"]),
        (
            "progress --team --since, 1,000 people x 4 (json)",
            vec!["progress", "--team", d, "--since", "2026-05-01", "--format", "json"],
        ),
    ] {
        let s = timed(&args, 5);
        let value = format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib);
        report.row(name, value, "< 1 s", s.wall < Duration::from_secs(1));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
