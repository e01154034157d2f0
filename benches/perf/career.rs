//! `moves`, `fit` and `route` on the official DDaT export (52 roles), imported from ../shared: one
//! move list and one person's fit must each take under 100 ms, one route (a search over all 201
//! levels) under 50 ms, and a team of 10,000 generated profiles under 2 s, in the release build.
//! Without ../shared the section prints SKIP and measures nothing.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use super::{Lcg, ROOT, Report, ms, timed};

/// A profile assessing every skill of one role at random steps.
fn profile(framework: &pm_skills::model::Framework, rng: &mut Lcg, name: &str) -> String {
    let role = &framework.roles[rng.next(framework.roles.len() as u64) as usize];
    let mut text = format!("name: {name}\nskills:\n");
    for &s in &role.skills {
        let step = &framework.scale[rng.next(framework.scale.len() as u64) as usize];
        writeln!(text, "  {}: {}", framework.skills[s].id, step.id).unwrap();
    }
    text
}

pub fn career(report: &mut Report) {
    println!("\n== Career: moves, fit and route on the official DDaT export");
    let base = Path::new(ROOT).join("target/bench-career");
    let Some((data, framework)) = super::official_import(&base) else { return };
    let d = data.to_str().unwrap();
    let levels: usize = framework.roles.iter().map(|r| r.levels.len()).sum();
    println!("{} roles, {levels} levels, {} skills", framework.roles.len(), framework.skills.len());
    let mut rng = Lcg(52);
    let me = base.join("me.yaml");
    std::fs::write(&me, profile(&framework, &mut rng, "Me")).unwrap();
    let team = base.join("team");
    std::fs::create_dir_all(&team).unwrap();
    for p in 0..10_000 {
        std::fs::write(team.join(format!("p{p:05}.yaml")), profile(&framework, &mut rng, &format!("Person {p}")))
            .unwrap();
    }
    let (me, team) = (me.to_str().unwrap(), team.to_str().unwrap());
    let route = vec!["--data", d, "route", "senior-delivery-manager", "head-of-product"];
    let cases: [(&str, Vec<&str>, usize, u64); 5] = [
        ("moves senior-delivery-manager", vec!["--data", d, "moves", "senior-delivery-manager"], 21, 100),
        ("route senior-delivery-manager head-of-product", route, 21, 50),
        ("fit --profile (one person)", vec!["--data", d, "fit", "--profile", me], 21, 100),
        ("fit --team, 10,000 profiles (csv)", vec!["--data", d, "fit", "--team", team, "--format", "csv"], 3, 2000),
        ("fit --team, 10,000 profiles (table)", vec!["--data", d, "fit", "--team", team], 3, 2000),
    ];
    for (name, args, repeats, limit) in cases {
        let sample = timed(&args, repeats);
        let target = if limit >= 1000 { format!("< {} s", limit / 1000) } else { format!("< {limit} ms") };
        report.row(
            name,
            format!("{:.1} ms, {} KiB", ms(sample.wall), sample.max_rss_kib),
            &target,
            sample.wall < Duration::from_millis(limit),
        );
    }
}
