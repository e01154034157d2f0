//! The performance benchmark: `cargo bench --bench perf`. One command reproduces every figure in
//! docs/performance.md and prints each with its target and PASS or MISS.
//!
//! The binary measured is the one users get: `cargo build --release`, which the benchmark runs
//! first, rather than the binary of the `bench` profile.
//!
//! 1. Start-up: `--version` against a minimal Rust binary, built with the same profile, that
//!    writes the same bytes, and every other command against `--version`; each command by turns
//!    with its floor and with `--version`, median wall time, and peak RSS of each.
//! 2. Binary size of the release binary.
//! 3. Scale: synthetic frameworks and profiles at 1×, 10× and 100×. At 100× the team report
//!    and the parse of its profiles alone run by turns, five times each.
//! 4. Team reports over 100, 1,000 and 10,000 generated profiles on the built-in framework, and
//!    (benches/perf/progress.rs) `progress --team` over 1,000 people with 4 check-ins each.
//! 5. Career (benches/perf/career.rs): `moves`, `fit` and `route` on the official DDaT export from
//!    ../shared, one person and a team of 10,000 generated profiles.
//! 6. Site (benches/perf/site.rs): `site --out DIR` on the official DDaT export from ../shared,
//!    into a new folder and over the last build, and on the default framework.
//! 7. Hostile inputs (benches/perf/hostile.rs): alias bombs, deep nesting, a 200 MB file and
//!    tens of thousands of keys, each refused; the time and memory limits the tests do not assert.
//!    Then writes that meet the user's files (benches/perf/writes.rs), and input that grows
//!    (benches/perf/costs.rs): matrices, a site and a folder at two sizes
//!    an order of magnitude apart, each growing at most 12x.
//! 8. Organisation (benches/perf/org.rs): `gap --team` and `fit --team` over 10,000 and
//!    100,000 people across the official export's roles, each against their own target.
//!
//! 9. MCP server (benches/perf/mcp.rs): a `tools/call` answered after start-up, median of 200.
//!
//! Set `PM_SKILLS_BENCH_RUNS` to change the number of alternating runs (default 300), and pass
//! `-- --only floor|size|scale|team|career|org|site|hostile|mcp` to run one section.

use std::fmt::Write as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[path = "perf/career.rs"]
mod career;
#[path = "perf/costs.rs"]
mod costs;
#[path = "perf/hostile.rs"]
mod hostile;
#[path = "perf/mcp.rs"]
mod mcp;
#[path = "perf/org.rs"]
mod org;
#[path = "perf/progress.rs"]
mod progress;
#[path = "perf/site.rs"]
mod site;
#[path = "perf/writes.rs"]
mod writes;

/// Set while the hostile section runs: then the only right exit is 1 (refused).
static REFUSED: AtomicBool = AtomicBool::new(false);

/// The release binary, built once by [`build_release`].
static BIN: OnceLock<PathBuf> = OnceLock::new();

pub fn bin() -> &'static Path {
    BIN.get().expect("the release binary is built first")
}

/// Builds pm-skills with `cargo build --release` and returns the binary's path.
fn build_release() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--bin", "pm-skills"])
        .current_dir(ROOT)
        .status()
        .expect("cargo builds pm-skills");
    assert!(status.success(), "cargo build --release failed");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| Path::new(ROOT).join("target"), PathBuf::from);
    Path::new(ROOT).join(target).join("release/pm-skills")
}

/// One process run: wall time and peak resident memory.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub wall: Duration,
    pub max_rss_kib: i64,
}

fn command(program: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .env_remove("PM_SKILLS_DATA")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn check_exit(program: &Path, args: &[&str], status: i32) {
    assert!(libc::WIFEXITED(status), "{} {args:?} did not exit normally", program.display());
    let code = libc::WEXITSTATUS(status);
    if REFUSED.load(Ordering::Relaxed) {
        assert_eq!(code, 1, "{} {args:?} was not refused", program.display());
        return;
    }
    assert!(code == 0 || code == 3, "{} {args:?} exited with {code}", program.display());
}

/// Runs `program args` with stdout and stderr discarded and returns the wall time.
pub fn run(program: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let child = command(program, args).spawn().unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `pid` is our own child, not yet waited for; the pointer is valid for the call.
    let waited = unsafe { libc::waitpid(pid, &mut status, 0) };
    let wall = start.elapsed();
    assert_eq!(waited, pid, "waitpid failed");
    check_exit(program, args, status);
    std::mem::forget(child);
    wall
}

/// The peak resident memory (KiB) of one run of `program args`: the `VmHWM` of the process image
/// itself, read from /proc when it exits, under ptrace.
///
/// `ru_maxrss` is not used: Linux folds the memory of the process that spawned the program, as it
/// was at the `exec`, into it. Spawned from this benchmark (about 2 MiB), a 1.7 MiB floor binary
/// read as 2.1 MiB, which made every ratio against it look better than it is.
pub fn peak_rss(program: &Path, args: &[&str]) -> i64 {
    let mut command = command(program, args);
    // SAFETY: ptrace(PTRACE_TRACEME) is async-signal-safe and touches no memory of ours.
    unsafe {
        command.pre_exec(|| {
            if libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = command.spawn().unwrap_or_else(|e| panic!("cannot trace {}: {e}", program.display()));
    let pid = child.id() as libc::pid_t;
    std::mem::forget(child);
    let (mut status, mut peak) = (0, None);
    let exit_stop = libc::SIGTRAP | (libc::PTRACE_EVENT_EXIT << 8);
    // SAFETY: `pid` is our traced child; ptrace and waitpid are called as documented.
    unsafe {
        // The first stop is the SIGTRAP after exec: from then on, stop once more at the exit.
        libc::waitpid(pid, &mut status, 0);
        assert!(libc::WIFSTOPPED(status), "{} did not stop at exec", program.display());
        libc::ptrace(libc::PTRACE_SETOPTIONS, pid, 0, libc::PTRACE_O_TRACEEXIT | libc::PTRACE_O_EXITKILL);
        libc::ptrace(libc::PTRACE_CONT, pid, 0, 0);
        loop {
            libc::waitpid(pid, &mut status, 0);
            if !libc::WIFSTOPPED(status) {
                break;
            }
            let signal = if status >> 8 == exit_stop {
                peak = vm_hwm(pid);
                0
            } else {
                libc::WSTOPSIG(status)
            };
            libc::ptrace(libc::PTRACE_CONT, pid, 0, signal);
        }
    }
    check_exit(program, args, status);
    peak.unwrap_or_else(|| panic!("no VmHWM for {} {args:?}", program.display()))
}

fn vm_hwm(pid: libc::pid_t) -> Option<i64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The official DDaT export from ../shared imported into `base/ddat` (`base` made anew), and the
/// framework it holds; `None`, with SKIP printed, when ../shared is missing.
fn official_import(base: &Path) -> Option<(PathBuf, pm_skills::model::Framework)> {
    let shared = Path::new(ROOT).join("../shared/reference/ddat-csv");
    let (roles, skills) = (shared.join("roles.csv"), shared.join("skills.csv"));
    if !roles.is_file() || !skills.is_file() {
        println!("SKIP: {} is missing", shared.display());
        return None;
    }
    let _ = std::fs::remove_dir_all(base);
    let data = base.join("ddat");
    let (r, s, d) = (roles.to_str().unwrap(), skills.to_str().unwrap(), data.to_str().unwrap());
    output_of(&["import", "ddat-csv", "--roles", r, "--skills", s, "--out", d]);
    let framework = pm_skills::data::load_folder(&data).expect("the import loads").0;
    Some((data, framework))
}

/// Waits for the files just generated to reach the disk, so that their write-back does not slow
/// the runs timed next.
fn settle() {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
}

/// Copies the folder `from` to `to`, files and folders.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "MISS" }
}

pub struct Report {
    lines: Vec<String>,
    misses: usize,
}

impl Report {
    pub fn row(&mut self, figure: &str, value: String, target: &str, ok: bool) {
        if !ok {
            self.misses += 1;
        }
        let line = format!("{figure:<52} {value:>22}   {target:<18} {}", verdict(ok));
        println!("{line}");
        self.lines.push(line);
    }
}

fn output_of(args: &[&str]) -> Vec<u8> {
    let out = Command::new(bin()).args(args).env("NO_COLOR", "1").env_remove("PM_SKILLS_DATA").output().unwrap();
    assert!(out.status.success() || out.status.code() == Some(3), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Builds the floor: one minimal binary that writes case N's bytes, with pm-skills' release profile.
fn build_floor(cases: &[Vec<u8>]) -> PathBuf {
    let dir = Path::new(ROOT).join("target/bench-floor");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let profile = manifest.split("[profile.release]").nth(1).unwrap_or("").split("\n[").next().unwrap_or("");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"floor\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[workspace]\n\n[profile.release]{profile}\n"
        ),
    )
    .unwrap();
    let mut main = String::from(
        "use std::io::Write;\nfn main() {\n    let bytes: &[u8] = match std::env::args().nth(1).as_deref() {\n",
    );
    for (i, bytes) in cases.iter().enumerate() {
        std::fs::write(dir.join(format!("src/case{i}.out")), bytes).unwrap();
        writeln!(main, "        Some(\"{i}\") => include_bytes!(\"case{i}.out\"),").unwrap();
    }
    main.push_str("        _ => b\"\",\n    };\n    let _ = std::io::stdout().lock().write_all(bytes);\n}\n");
    std::fs::write(dir.join("src/main.rs"), main).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .expect("cargo builds the floor");
    assert!(status.success(), "floor build failed");
    dir.join("target/release/floor")
}

/// Traced runs per command for peak memory (the largest is reported); it varies by a page or two.
const RSS_RUNS: usize = 20;

fn floor_ratio(report: &mut Report, runs: usize) {
    // `--version` parses the command line and nothing else: the least any command costs. It is
    // held to the floor; every command is held to it, a command that reads a profile a little
    // less tightly (it maps the YAML code too).
    let cases: Vec<(Vec<&str>, f64)> = vec![
        (vec!["--version"], 0.0),
        (vec!["show", "senior"], 1.25),
        (vec!["diff", "product-manager", "senior"], 1.25),
        (vec!["ladder", "--format", "json"], 1.25),
        (vec!["gap", "--profile", "examples/team/priya.yaml"], 1.4),
    ];
    std::env::set_current_dir(ROOT).unwrap();
    let outputs: Vec<Vec<u8>> = cases.iter().map(|(c, _)| output_of(c)).collect();
    let floor = build_floor(&outputs);
    println!("\n== Start-up: {runs} alternating runs each, median wall time; peak RSS (VmHWM) of {RSS_RUNS} more");
    let mut version_rss = 0i64;
    for (i, (case, limit)) in cases.iter().enumerate() {
        let arg = i.to_string();
        // Warm the page cache for both.
        run(bin(), case);
        run(&floor, &[&arg]);
        // A command runs by turns with its floor and with `--version`, whose median of the same
        // turns it is held to: this machine's speed moves within minutes, and a `--version`
        // timed minutes earlier would measure the machine as much as the command.
        let (mut ours, mut theirs) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
        let mut versions = Vec::with_capacity(runs);
        for _ in 0..runs {
            ours.push(run(bin(), case));
            theirs.push(run(&floor, &[&arg]));
            if i > 0 {
                versions.push(run(bin(), &cases[0].0));
            }
        }
        let (mut our_rss, mut their_rss) = (0, 0);
        for _ in 0..RSS_RUNS {
            our_rss = our_rss.max(peak_rss(bin(), case));
            their_rss = their_rss.max(peak_rss(&floor, &[&arg]));
        }
        let (a, b) = (median(ours), median(theirs));
        let name = case.join(" ");
        if i == 0 {
            version_rss = our_rss;
            let (time, mem) = (a.as_secs_f64() / b.as_secs_f64(), our_rss as f64 / their_rss as f64);
            let value = format!("{:.3} / {:.3} ms = {time:.2}", ms(a), ms(b));
            report.row(&format!("time  {name} / floor"), value, "ratio <= 1.8", time <= 1.8);
            let value = format!("{our_rss} / {their_rss} KiB = {mem:.2}");
            report.row(&format!("rss   {name} / floor"), value, "ratio <= 3", mem <= 3.0);
            continue;
        }
        let beside = median(versions);
        let (time, mem) = (a.as_secs_f64() / beside.as_secs_f64(), our_rss as f64 / version_rss as f64);
        let target = format!("ratio <= {limit}");
        let value = format!("{:.3} / {:.3} ms = {time:.2}", ms(a), ms(beside));
        report.row(&format!("time  {name} / --version"), value, &target, time <= *limit);
        let value = format!("{our_rss} / {version_rss} KiB = {mem:.2}");
        report.row(&format!("rss   {name} / --version"), value, &target, mem <= *limit);
    }
}

fn binary_size(report: &mut Report) {
    let size = std::fs::metadata(bin()).map(|m| m.len()).unwrap_or(0);
    println!("\n== Binary");
    report.row("release binary size", format!("{:.2} MB", size as f64 / 1e6), "< 5 MB", size < 5_000_000);
}

/// A deterministic pseudo-random sequence, so every run generates the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

pub const SCALE: [&str; 4] = ["awareness", "working", "practitioner", "expert"];
/// The skill ids of the built-in framework, which the generated profiles rate.
pub const DVLA_SKILLS: [&str; 10] = [
    "agile-working",
    "government-digital-and-data-perspective",
    "experience-of-working-within-constraints",
    "financial-ownership",
    "lifecycle-perspective",
    "operational-management",
    "problem-ownership",
    "product-ownership",
    "strategic-focus",
    "user-focus",
];

/// A synthetic framework at factor `k`: `k` role families of 10 levels, each rating 200 skills
/// of its own (S = 200k skills, L = 10k levels), plus P = 100k profiles against the first family.
/// The data grows linearly with `k`, so any super-linear cost shows as growth above 10× per 10×.
fn generate_scale(dir: &Path, k: usize) {
    let _ = std::fs::remove_dir_all(dir);
    let data = dir.join("framework");
    std::fs::create_dir_all(data.join("roles")).unwrap();
    let skills_per_role = 200;
    let levels = 10;
    let mut f = String::from(
        "source: generated by benches/perf.rs\nlicence: CC0-1.0\nid: synthetic\nname: Synthetic\nversion: 1\ndescription: Generated for the scale benchmark.\ndefault_role: r0\nscale:\n",
    );
    for s in SCALE {
        writeln!(f, "  - id: {s}\n    name: {s}\n    meaning: Generic meaning of {s}.").unwrap();
    }
    std::fs::write(data.join("framework.yaml"), f).unwrap();
    let mut skills = String::from("source: generated\nlicence: CC0-1.0\nskills:\n");
    for i in 0..skills_per_role * k {
        writeln!(skills, "  - id: s{i}\n    name: Skill {i}\n    description: What skill {i} is about, in a sentence.\n    proficiencies:").unwrap();
        for s in SCALE {
            writeln!(skills, "      {s}: What {s} looks like for skill {i}.").unwrap();
        }
    }
    std::fs::write(data.join("skills.yaml"), skills).unwrap();
    for r in 0..k {
        let mut role =
            format!("source: generated\nlicence: CC0-1.0\nid: r{r}\nname: Role {r}\nsummary: Role {r}.\nskills:\n");
        let ids: Vec<usize> = (r * skills_per_role..(r + 1) * skills_per_role).collect();
        for i in &ids {
            writeln!(role, "  - s{i}").unwrap();
        }
        role.push_str("levels:\n");
        for l in 0..levels {
            writeln!(role, "  - id: l{l}\n    name: Level {l}\n    summary: Level {l}.\n    skills:").unwrap();
            for i in &ids {
                // Rises with the level, never drops, so validation stays quiet.
                let rank = ((l + i % 3) * SCALE.len() / (levels + 2)).min(SCALE.len() - 1);
                writeln!(role, "      s{i}: {}", SCALE[rank]).unwrap();
            }
        }
        std::fs::write(data.join(format!("roles/r{r}.yaml")), role).unwrap();
    }
    let people = dir.join("team");
    std::fs::create_dir_all(&people).unwrap();
    let mut rng = Lcg(k as u64);
    for p in 0..100 * k {
        let mut profile = format!("name: Person {p}\nlevel: l0\nskills:\n");
        for i in 0..skills_per_role {
            writeln!(profile, "  s{i}: {}", SCALE[rng.next(4) as usize]).unwrap();
        }
        std::fs::write(people.join(format!("p{p:06}.yaml")), profile).unwrap();
    }
}

/// Profiles for the built-in framework, for the team-report figure of the self-assessment issue.
fn generate_team(dir: &Path, count: usize) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let mut rng = Lcg(count as u64);
    for p in 0..count {
        let mut profile = format!("name: Person {p}\nlevel: product-manager\nskills:\n");
        for s in DVLA_SKILLS {
            if rng.next(10) > 0 {
                writeln!(profile, "  {s}: {}", SCALE[rng.next(4) as usize]).unwrap();
            }
        }
        std::fs::write(dir.join(format!("p{p:06}.yaml")), profile).unwrap();
    }
}

/// The median wall time of `repeats` runs, and the peak memory of one more, traced.
pub fn timed(args: &[&str], repeats: usize) -> Sample {
    let wall = median((0..repeats).map(|_| run(bin(), args)).collect());
    Sample { wall, max_rss_kib: peak_rss(bin(), args) }
}

fn scale(report: &mut Report) {
    println!("\n== Scale: S = 200k skills, L = 10k levels (k families of 10), P = 100k profiles");
    let base = Path::new(ROOT).join("target/bench-scale");
    let mut results: Vec<(usize, Vec<(String, Sample)>)> = Vec::new();
    for k in [1usize, 10, 100] {
        let dir = base.join(format!("x{k}"));
        generate_scale(&dir, k);
        settle();
        let data = dir.join("framework");
        let team = dir.join("team");
        let (d, t) = (data.to_str().unwrap(), team.to_str().unwrap());
        let repeats = if k == 100 { 3 } else { 5 };
        let gap = ["--data", d, "gap", "--team", t, "--to", "l9", "--format", "csv"];
        let mut figures = vec![
            ("validate".to_string(), timed(&["validate", d], repeats)),
            ("ladder --format csv".to_string(), timed(&["--data", d, "ladder", "--format", "csv"], repeats)),
            ("diff first last".to_string(), timed(&["--data", d, "diff", "l0", "l9"], repeats)),
        ];
        if k == 100 {
            let (sample, wall) = report_and_floor(&gap, &team, 5);
            figures.push(("team gap (csv)".to_string(), sample));
            report.row("100x YAML parse of the team alone", format!("{:.1} ms", ms(wall)), "(reference)", true);
            let ratio = sample.wall.as_secs_f64() / wall.as_secs_f64();
            report.row("100x team gap / the parse alone", format!("{ratio:.2}"), "<= 1.5", ratio <= 1.5);
        } else {
            figures.push(("team gap (csv)".to_string(), timed(&gap, repeats)));
        }
        for (name, s) in &figures {
            // The team report does the most work per run (10,000 profiles x 200 skills at 100x).
            let (target, limit) =
                if name.starts_with("team") { ("< 1.5 s at 100x", 1500) } else { ("< 1 s at 100x", 1000) };
            let target = if k == 100 { target } else { "(reference)" };
            let ok = k != 100 || s.wall < Duration::from_millis(limit);
            report.row(&format!("{k:>3}x {name}"), format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib), target, ok);
        }
        results.push((k, figures));
    }
    let (ten, hundred) = (&results[1].1, &results[2].1);
    for ((name, a), (_, b)) in ten.iter().zip(hundred) {
        let time = b.wall.as_secs_f64() / a.wall.as_secs_f64();
        let mem = b.max_rss_kib as f64 / a.max_rss_kib as f64;
        report.row(&format!("growth 10x->100x {name} (time)"), format!("{time:.1}x"), "<= 12x", time <= 12.0);
        report.row(&format!("growth 10x->100x {name} (memory)"), format!("{mem:.1}x"), "<= 12x", mem <= 12.0);
    }
}

/// Set in a child run of this bench: it parses the team folder named, as [`report_and_floor`] times it.
const PARSE_ONLY: &str = "PM_SKILLS_BENCH_PARSE_ONLY";

/// The team report of `args` and its floor, run by turns `repeats` times: the median of each,
/// and the report's peak memory. The floor is the least any team report can take: a fresh process
/// reading and parsing every profile of `team` with the program's one YAML reader, on every core,
/// and nothing else. A fresh process, as the report is: a parse repeated in this one would reuse
/// memory the first run had already faulted in. By turns, because this machine's speed moves
/// within minutes: each report is timed beside a parse that met the same machine.
fn report_and_floor(args: &[&str], team: &Path, repeats: usize) -> (Sample, Duration) {
    let me = std::env::current_exe().expect("the bench knows its own path");
    let parse = || {
        let start = Instant::now();
        let status = Command::new(&me).env(PARSE_ONLY, team).status().expect("the bench runs itself");
        assert!(status.success(), "the parse of {} failed", team.display());
        start.elapsed()
    };
    let (mut reports, mut parses) = (Vec::new(), Vec::new());
    for _ in 0..repeats {
        reports.push(run(bin(), args));
        parses.push(parse());
    }
    (Sample { wall: median(reports), max_rss_kib: peak_rss(bin(), args) }, median(parses))
}

/// The child run of [`report_and_floor`]: every profile of `team`, read and parsed.
fn parse_only(team: &Path) {
    use pm_skills::diagnostics::Problems;
    use pm_skills::source::SourceFile;
    let mut files: Vec<PathBuf> = std::fs::read_dir(team).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let parse = |path: PathBuf| {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = SourceFile { display: path.display().to_string(), rel: String::new(), text };
        pm_skills::yaml::parse::<pm_skills::raw::RawProfile>(&file, &mut Problems::default()).expect("profile parses")
    };
    std::hint::black_box(pm_skills::parallel::map(files, parse));
}

fn team(report: &mut Report) {
    println!("\n== Team report on the built-in framework (10 skills), --format csv");
    let base = Path::new(ROOT).join("target/bench-team");
    let mut times = Vec::new();
    for count in [100usize, 1000, 10000] {
        let dir = base.join(format!("p{count}"));
        generate_team(&dir, count);
        let s = timed(&["gap", "--team", dir.to_str().unwrap(), "--to", "senior", "--format", "csv"], 5);
        let (target, ok) =
            if count == 1000 { ("< 200 ms", s.wall < Duration::from_millis(200)) } else { ("(reference)", true) };
        report.row(
            &format!("team gap, {count} profiles"),
            format!("{:.1} ms, {} KiB", ms(s.wall), s.max_rss_kib),
            target,
            ok,
        );
        times.push(s.wall);
    }
    let growth = times[2].as_secs_f64() / times[1].as_secs_f64();
    report.row("growth 1,000 -> 10,000 profiles (time)", format!("{growth:.1}x"), "<= 12x", growth <= 12.0);
    progress::progress_team(report);
}

fn main() {
    if let Some(team) = std::env::var_os(PARSE_ONLY) {
        return parse_only(Path::new(&team));
    }
    // `cargo bench` passes `--bench`; ignore it. `--quick` cuts the alternating runs for a smoke run.
    let quick = std::env::args().any(|a| a == "--quick");
    let runs =
        std::env::var("PM_SKILLS_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(if quick { 30 } else { 300 });
    let mut report = Report { lines: Vec::new(), misses: 0 };
    BIN.set(build_release()).expect("built once");
    println!(
        "pm-skills benchmark: {} ({} cores)",
        bin().display(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // `--only floor|size|scale|team|career|org|site|hostile|mcp` runs one section, e.g. while tuning start-up.
    let only = std::env::args().skip_while(|a| a != "--only").nth(1);
    let wanted = |section: &str| only.as_deref().is_none_or(|o| o == section);
    if wanted("floor") {
        floor_ratio(&mut report, runs);
    }
    if wanted("size") {
        binary_size(&mut report);
    }
    if wanted("scale") {
        scale(&mut report);
    }
    if wanted("team") {
        team(&mut report);
    }
    if wanted("career") {
        career::career(&mut report);
    }
    if wanted("site") {
        site::site(&mut report);
    }
    if wanted("hostile") {
        hostile::hostile(&mut report);
    }
    if wanted("mcp") {
        mcp::mcp(&mut report);
    }
    // Last: it writes and deletes 110,000 files, whose write-back would slow the sections after it.
    if wanted("org") {
        org::org(&mut report);
    }
    println!("\n{} figures, {} MISS", report.lines.len(), report.misses);
}
