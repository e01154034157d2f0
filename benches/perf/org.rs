//! A realistic organisation on the official DDaT export (imported from ../shared): 10,000 and
//! 100,000 people across all its roles, each assessing their own role's skills (about 10, with
//! evidence on some), each against their own target. `gap --team` and `fit --team` as CSV must
//! take under 5 s and 1 GiB at 100,000, and grow at most 11x in time and memory from 10,000.
//! Without ../shared the section prints SKIP and measures nothing.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use super::{Lcg, ROOT, Report, Sample, bin, median, ms, peak_rss, run};

/// One person of a role, at a level of it, rating every skill the role has; evidence on about one
/// skill in three, and a target on one person in four (the others aim for their next level).
fn person(framework: &pm_skills::model::Framework, rng: &mut Lcg, p: usize) -> String {
    let r = rng.next(framework.roles.len() as u64) as usize;
    let role = &framework.roles[r];
    let level = rng.next(role.levels.len() as u64) as usize;
    let mut text = format!("name: Person {p}\nrole: {}\nlevel: {}\n", role.id, role.levels[level].id);
    if rng.next(4) == 0 {
        let target = (level + 1 + rng.next(2) as usize).min(role.levels.len() - 1);
        writeln!(text, "target: {}", role.levels[target].id).unwrap();
    }
    text.push_str("skills:\n");
    for &s in &role.skills {
        let step = &framework.scale[rng.next(framework.scale.len() as u64) as usize].id;
        let id = &framework.skills[s].id;
        if rng.next(3) == 0 {
            writeln!(
                text,
                "  {id}:\n    proficiency: {step}\n    evidence: Led the work on case {p}-{s} from discovery to live."
            )
            .unwrap();
        } else {
            writeln!(text, "  {id}: {step}").unwrap();
        }
    }
    text
}

/// The organisation section (`--only org`). Both teams are written first, and each command runs
/// on the two by turns, three times: the growth compares runs that met the same machine.
pub fn org(report: &mut Report) {
    println!("\n== Organisation: gap --team and fit --team on the official DDaT export, --format csv");
    let base = Path::new(ROOT).join("target/bench-org");
    let Some((data, framework)) = super::official_import(&base) else { return };
    let d = data.to_str().unwrap();
    let counts = [10_000usize, 100_000];
    let teams: Vec<String> = counts
        .iter()
        .map(|&count| {
            let team = base.join(format!("people-{count}"));
            std::fs::create_dir_all(&team).unwrap();
            let mut rng = Lcg(count as u64);
            for p in 0..count {
                std::fs::write(team.join(format!("p{p:06}.yaml")), person(&framework, &mut rng, p)).unwrap();
            }
            team.to_str().unwrap().to_string()
        })
        .collect();
    super::settle();
    for (name, command) in [("gap --team", "gap"), ("fit --team", "fit")] {
        let args: Vec<Vec<&str>> =
            teams.iter().map(|t| vec!["--data", d, command, "--team", t.as_str(), "--format", "csv"]).collect();
        let mut walls = vec![Vec::new(); counts.len()];
        for _ in 0..3 {
            for (wall, a) in walls.iter_mut().zip(&args) {
                wall.push(run(bin(), a));
            }
        }
        let samples: Vec<Sample> = walls
            .into_iter()
            .zip(&args)
            .map(|(wall, a)| Sample { wall: median(wall), max_rss_kib: peak_rss(bin(), a) })
            .collect();
        for (count, sample) in counts.iter().zip(&samples) {
            let label = format!("{name}, {count} people (csv)");
            let value = format!("{:.1} ms, {} KiB", ms(sample.wall), sample.max_rss_kib);
            if *count == 100_000 {
                let ok = sample.wall < Duration::from_secs(5) && sample.max_rss_kib < 1024 * 1024;
                report.row(&label, value, "< 5 s, < 1 GiB", ok);
            } else {
                report.row(&label, value, "(reference)", true);
            }
        }
        let (a, b) = (samples[0], samples[1]);
        let time = b.wall.as_secs_f64() / a.wall.as_secs_f64();
        let memory = b.max_rss_kib as f64 / a.max_rss_kib as f64;
        report.row(&format!("growth 10,000 -> 100,000 {name} (time)"), format!("{time:.1}x"), "<= 11x", time <= 11.0);
        report.row(
            &format!("growth 10,000 -> 100,000 {name} (memory)"),
            format!("{memory:.1}x"),
            "<= 11x",
            memory <= 11.0,
        );
    }
    let _ = std::fs::remove_dir_all(&base);
}
