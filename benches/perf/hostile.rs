//! Hostile inputs, timed: the cases of tests/cli/hostile.rs that once were slow or huge, run on
//! the release binary. Each must be refused (exit 1) in under 1 s and 64 MiB, and the many-keys
//! profiles must grow at most 12x in time from 4,000 to 40,000 keys. The largest files the limits
//! accept must stay under 256 MiB. The tests check what these runs say; this section checks how
//! fast and how big, so no test asserts a wall-clock time.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{REFUSED, ROOT, Report, Sample, ms, timed};

/// The classic "billion laughs": ten levels of nine aliases each, 10^9 strings if expanded.
fn billion_laughs(indent: &str) -> String {
    let mut text = format!("{indent}- &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in b'b'..=b'j' {
        let prev = char::from(level - 1);
        let refs = vec![format!("*{prev}"); 9].join(", ");
        writeln!(text, "{indent}- &{} [{refs}]", char::from(level)).unwrap();
    }
    text
}

fn many_keys(n: usize) -> String {
    let keys: String = (0..n).map(|i| format!("  skill-{i}: working\n")).collect();
    format!("name: Many\nskills:\n{keys}")
}

fn list(n: usize) -> String {
    vec!["x"; n].join(", ")
}

fn aliased(times: usize, items: usize) -> String {
    let mut text = format!("name: x\nskills:\n  a:\n    evidence: &big [{}]\n", vec!["lol"; items].join(", "));
    for i in 0..times {
        text.push_str(&format!("  b{i}:\n    evidence: *big\n"));
    }
    text
}

/// Files just inside the limit on values: parsed in full (and then refused, for their unknown
/// skills or their aliases), so they show the most memory one file can cost.
fn at_the_limit() -> Vec<(&'static str, String)> {
    let keys: String = (0..490_000).map(|i| format!("  k{i}: v\n")).collect();
    vec![
        ("flat list of 999,000 values", format!("name: x\nskills:\n  a:\n    evidence: [{}]\n", list(999_000))),
        (
            "990,000 values nested 127 deep",
            format!("name: x\nskills: {}{}{}\n", "[".repeat(127), list(990_000), "]".repeat(127)),
        ),
        ("490,000 keys", format!("name: x\nskills:\n{keys}")),
        ("list aliased to just under the growth limit", aliased(4, 100_000)),
        // Under the value limit, so it is parsed, and refused by the alias walk.
        ("4 MiB list aliased 3 times", aliased(3, 800_000)),
    ]
}

fn repeated_keys(n: usize) -> String {
    let keys: String = (0..n).map(|i| format!("  {}: working\n", ["User Focus", "user-focus"][i % 2])).collect();
    format!("name: Many\nskills:\n{keys}")
}

/// The hostile files, written once into `dir`: (name, profile path).
fn cases(dir: &Path) -> Vec<(String, String)> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let padding: String = (0..20_000).map(|i| format!("      - padding line {i}\n")).collect();
    let bomb = format!(
        "name: Bomb\nskills:\n  user-focus:\n    evidence:\n{padding}  agile-working:\n    evidence:\n{}",
        billion_laughs("      ")
    );
    let items = vec!["lol"; 100_000].join(", ");
    let mut linear = format!("name: Linear\nskills:\n  s0:\n    evidence: &big [{items}]\n");
    for i in 1..300 {
        writeln!(linear, "  s{i}:\n    evidence: *big").unwrap();
    }
    let texts = [
        ("alias bomb (billion laughs)", bomb),
        ("alias bomb (100k list x 300)", linear),
        ("100,000-deep flow nesting", format!("name: x\nskills: {}\n", "[".repeat(100_000))),
        ("10,000-deep block nesting", format!("{}x\n", "- ".repeat(10_000))),
        ("4,000 unknown skills", many_keys(4_000)),
        ("40,000 unknown skills", many_keys(40_000)),
        ("4,000 repeated skills", repeated_keys(4_000)),
        ("40,000 repeated skills", repeated_keys(40_000)),
        ("16 MiB flat list", format!("name: x\nskills:\n  a:\n    evidence: [{}]\n", list(5_500_000))),
        (
            "16 MiB list nested 127 deep",
            format!("name: x\nskills: {}{}{}\n", "[".repeat(127), list(5_500_000), "]".repeat(127)),
        ),
        ("16 MiB list aliased 3 times", aliased(3, 3_300_000)),
    ];
    let mut out = Vec::new();
    for (i, (name, text)) in texts.into_iter().enumerate() {
        let path = dir.join(format!("case{i}.yaml"));
        std::fs::write(&path, text).unwrap();
        out.push((name.to_string(), path.to_str().unwrap().to_string()));
    }
    // Sparse: 200 MB long, no disk used; it must be refused by its size, before reading.
    let big = dir.join("big.yaml");
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    out.push(("200 MB file".to_string(), big.to_str().unwrap().to_string()));
    out
}

/// The hostile section of the benchmark (`--only hostile`).
pub fn hostile(report: &mut Report) {
    println!("\n== Hostile inputs (gap --profile FILE --to senior): each refused, exit 1");
    let dir = Path::new(ROOT).join("target/bench-hostile");
    REFUSED.store(true, Ordering::Relaxed);
    let mut samples: Vec<(String, Sample)> = Vec::new();
    for (name, path) in cases(&dir) {
        let s = refused_row(report, &format!("hostile {name}"), &["gap", "--profile", &path, "--to", "senior"]);
        samples.push((name, s));
    }
    println!("\n== Largest files parsed (gap --profile FILE): read in full, then refused");
    for (i, (name, text)) in at_the_limit().into_iter().enumerate() {
        let path = dir.join(format!("limit{i}.yaml"));
        std::fs::write(&path, text).unwrap();
        let s = timed(&["gap", "--profile", path.to_str().unwrap(), "--to", "senior"], 3);
        report.row(
            &format!("limit {name}"),
            format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib),
            "< 256 MiB",
            s.max_rss_kib < 256 * 1024,
        );
    }
    assess(report, &dir);
    REFUSED.store(false, Ordering::Relaxed);
    let wall = |name: &str| samples.iter().find(|(n, _)| n == name).unwrap().1.wall.as_secs_f64();
    for what in ["unknown", "repeated"] {
        let growth = wall(&format!("40,000 {what} skills")) / wall(&format!("4,000 {what} skills"));
        report.row(
            &format!("growth 4,000 -> 40,000 {what} skills (time)"),
            format!("{growth:.1}x"),
            "<= 12x",
            growth <= 12.0,
        );
    }
    super::writes::writes(report);
    super::costs::costs(report);
}

/// Times a run that must be refused, and reports it against the limits every refusal has.
fn refused_row(report: &mut Report, figure: &str, args: &[&str]) -> Sample {
    let s = timed(args, 5);
    let ok = s.wall < Duration::from_secs(1) && s.max_rss_kib < 64 * 1024;
    report.row(figure, format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib), "< 1 s, < 64 MiB", ok);
    s
}

/// Answers `assess --out OUT` with `answers` on stdin (ending with `q`, which keeps the draft).
fn draft(out: &Path, extra: &[&str], answers: &str) {
    use std::io::Write as _;
    let mut child = std::process::Command::new(super::bin())
        .args(extra)
        .args(["assess", "--out", out.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(answers.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "assess with {answers:?}");
}

/// `assess` against bad drafts, a held lock and a dangling link. With no input on stdin each run
/// ends at its first question (exit 1, "input ended"), or is refused before it.
fn assess(report: &mut Report, dir: &Path) {
    println!("\n== assess --out FILE (stdin empty): refused, or stopped at the first question");
    let path = |name: &str| dir.join(name);
    let lying = path("lying.yaml");
    draft(&lying, &[], "Ada\n\n2\n\n3\n\nq\n");
    let text = std::fs::read_to_string(path("lying.yaml.draft")).unwrap();
    std::fs::write(path("lying.yaml.draft"), text.replacen("# Draft: 2 of", "# Draft: 9 of", 1)).unwrap();
    std::fs::write(path("broken.yaml.draft"), "# Draft: 3 of 10 questions answered.\nname: [\n").unwrap();
    draft(&path("other.yaml"), &["--framework", "ddat-2025"], "Ada\n\n2\n\nq\n");
    let _ = std::fs::remove_file(path("dangling.yaml"));
    std::os::unix::fs::symlink(path("nowhere/none.yaml"), path("dangling.yaml")).unwrap();
    let _ = std::fs::remove_file(path("linked.yaml.lock"));
    std::os::unix::fs::symlink(path("nowhere/nologin"), path("linked.yaml.lock")).unwrap();
    // A first run holds the lock while the second starts.
    let locked = std::fs::File::create(path("locked.yaml.lock")).unwrap();
    // SAFETY: a valid descriptor of a file this process owns.
    assert_eq!(unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&locked), libc::LOCK_EX) }, 0);
    let injection = Path::new(ROOT).join("tests/fixtures/hostile/injection");
    let cases = [
        ("draft with a lying header, resumed", None, "lying.yaml"),
        ("draft that does not parse", None, "broken.yaml"),
        ("draft of another framework", None, "other.yaml"),
        ("dangling link at --out", None, "dangling.yaml"),
        ("lock file that is a symbolic link", None, "linked.yaml"),
        ("second run while the first holds the lock", None, "locked.yaml"),
        ("hostile framework text in the questions", Some(&injection), "injected.yaml"),
    ];
    for (name, data, out) in cases {
        let out = path(out).display().to_string();
        let mut args = vec!["assess", "--out", &out];
        let data = data.map(|d| d.display().to_string());
        if let Some(data) = &data {
            args.splice(0..0, ["--data", data.as_str()]);
        }
        refused_row(report, &format!("assess {name}"), &args);
    }
    drop(locked);
}
