//! `site` on the official DDaT export (48 roles, 201 levels, every adjacent comparison and every
//! level's moves), imported from ../shared: written into a new folder, and over an existing site
//! with `--force`, each under 2 s in the release build; the default framework's site for
//! reference. Without ../shared the official figures print SKIP.

use std::path::Path;
use std::time::Duration;

use super::{ROOT, Report, bin, median, ms, output_of, run, timed};

pub fn site(report: &mut Report) {
    println!("\n== Site: pm-skills site --out DIR");
    let base = Path::new(ROOT).join("target/bench-site");
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let default = base.join("default");
    let d = default.to_str().unwrap();
    let s = timed(&["site", "--out", d, "--force"], 11);
    report.row(
        "site, default framework (30 pages)",
        format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib),
        "(reference)",
        true,
    );

    let shared = Path::new(ROOT).join("../shared/reference/ddat-csv");
    let (roles, skills) = (shared.join("roles.csv"), shared.join("skills.csv"));
    if !roles.is_file() || !skills.is_file() {
        println!("SKIP: {} is missing", shared.display());
        return;
    }
    let data = base.join("ddat");
    let (r, s, data) = (roles.to_str().unwrap(), skills.to_str().unwrap(), data.to_str().unwrap());
    output_of(&["import", "ddat-csv", "--roles", r, "--skills", s, "--out", data]);
    // A new folder each time: the files written and flushed, nothing to delete.
    let fresh: Vec<Duration> = (0..5)
        .map(|i| {
            let out = base.join(format!("fresh-{i}"));
            run(bin(), &["--data", data, "site", "--out", out.to_str().unwrap()])
        })
        .collect();
    let fresh = median(fresh);
    report.row(
        "site, official export (590 pages), new folder",
        format!("{:.1} ms", ms(fresh)),
        "< 2 s",
        fresh < Duration::from_secs(2),
    );
    let out = base.join("official");
    let o = out.to_str().unwrap();
    let s = timed(&["--data", data, "site", "--out", o, "--force"], 5);
    report.row(
        "site, official export, replacing the last build",
        format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib),
        "< 2 s",
        s.wall < Duration::from_secs(2),
    );
}
