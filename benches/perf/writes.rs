//! Writes that meet the user's own files (issue 25, items 1–5, 13–15), timed: each is refused
//! before any work, or written where it belongs, on the release binary. The tests check what
//! each run says and leaves (tests/cli/writes.rs, names.rs); this measures how fast and how big.

use std::path::Path;
use std::sync::atomic::Ordering;

use super::{REFUSED, ROOT, Report, copy_dir, ms, timed};

/// The files the cases write against, made once in `dir`.
fn setup(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let root = Path::new(ROOT);
    std::fs::copy(root.join("examples/team/priya.yaml"), dir.join("me.yaml")).unwrap();
    std::os::unix::fs::symlink("me.yaml", dir.join("link.yaml")).unwrap();
    copy_dir(&root.join("examples/custom-ladder"), &dir.join("fw"));
    copy_dir(&root.join("examples/growth/checkins"), &dir.join("history"));
    // A folder of one's own, as a git repository is.
    std::fs::create_dir_all(dir.join("repo/.git")).unwrap();
    std::fs::write(dir.join("repo/.git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(dir.join("repo/notes.md"), "mine\n").unwrap();
    // A framework whose skill id is 300 characters long.
    copy_dir(&root.join("examples/custom-ladder"), &dir.join("long-id"));
    let skills = dir.join("long-id/skills.yaml");
    let text = std::fs::read_to_string(&skills).unwrap();
    let first = text.lines().find_map(|l| l.trim().strip_prefix("- id: ")).unwrap().to_string();
    std::fs::write(&skills, text.replacen(&format!("- id: {first}\n"), &format!("- id: {}\n", "s".repeat(300)), 1))
        .unwrap();
    // One name in NFC and in NFD.
    std::fs::create_dir_all(dir.join("team")).unwrap();
    for (file, name) in [("a.yaml", "Jos\u{e9}"), ("b.yaml", "Jose\u{301}")] {
        std::fs::write(dir.join("team").join(file), format!("name: {name}\nskills:\n  user-focus: working\n")).unwrap();
    }
}

/// The writes section of the hostile benchmark.
pub fn writes(report: &mut Report) {
    println!("\n== Writes that meet the user's files: refused (exit 1), or written where they belong");
    let dir = Path::new(ROOT).join("target/bench-writes");
    setup(&dir);
    let p = |name: &str| dir.join(name).display().to_string();
    let (me, fw, site, history, link, repo) =
        (p("me.yaml"), p("fw"), p("site"), p("history"), p("link.yaml"), p("repo"));
    let (long_id, team) = (p("long-id"), p("team"));
    let (roles, skills, history_out) =
        (format!("{fw}/roles"), format!("{fw}/skills.yaml"), format!("{history}/r.yaml"));
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    std::fs::copy(&me, dir.join("-rf.yaml")).unwrap();
    // A site pm-skills wrote, for the swap.
    REFUSED.store(false, Ordering::Relaxed);
    timed(&["--data", &fw, "site", "--out", &site, "--force"], 1);
    let cases: Vec<(&str, Vec<&str>, bool)> = vec![
        (
            "1 --out is the input (xlsx over me.yaml)",
            vec!["gap", "--profile", &me, "-f", "xlsx", "--out", &me, "--force"],
            true,
        ),
        ("1 --out inside --data", vec!["--data", &fw, "ladder", "-f", "yaml", "--out", &skills, "--force"], true),
        ("1 --out inside --history", vec!["progress", "--history", &history, "--out", &history_out], true),
        ("2 --out /dev/null --force", vec!["gap", "--profile", &me, "--out", "/dev/null", "--force"], false),
        ("2 --out /dev/stdout", vec!["gap", "--profile", &me, "--out", "/dev/stdout"], false),
        ("2 --out a symbolic link", vec!["ladder", "--out", &link, "--force"], true),
        ("3 site --out inside --data", vec!["--data", &fw, "site", "--out", &roles, "--force"], true),
        ("4 site --out a folder of one's own", vec!["site", "--out", &repo, "--force"], true),
        ("4 site --out the home folder", vec!["site", "--out", &home, "--force"], true),
        ("4 site --out /", vec!["site", "--out", "/", "--force"], true),
        ("5 site --out its last build (one swap)", vec!["--data", &fw, "site", "--out", &site, "--force"], false),
        ("13 validate, a 300-character id", vec!["validate", &long_id], true),
        ("14 gap --team, one name in NFC and NFD", vec!["gap", "--team", &team, "--to", "senior"], false),
        // Run in `dir`, so the path and the hint it prints start with a dash.
        ("15 gap --profile=-rf.yaml", vec!["gap", "--profile=-rf.yaml", "--to", "senior"], false),
    ];
    let here = std::env::current_dir().unwrap();
    std::env::set_current_dir(&dir).unwrap();
    for (name, args, refused) in cases {
        REFUSED.store(refused, Ordering::Relaxed);
        let s = timed(&args, 5);
        let exit = if refused { "exit 1" } else { "exit 0 or 3" };
        let ok = s.wall.as_secs_f64() < 1.0 && s.max_rss_kib < 64 * 1024;
        report.row(&format!("write {name}"), format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib), exit, ok);
    }
    REFUSED.store(false, Ordering::Relaxed);
    std::env::set_current_dir(here).unwrap();
    assert_eq!(std::fs::read(&me).unwrap(), std::fs::read(Path::new(ROOT).join("examples/team/priya.yaml")).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}
