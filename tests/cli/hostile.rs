//! Hostile input: files nobody here wrote must never crash pm-skills, hang it, run away with
//! memory, or take over the reader's terminal or spreadsheet. Every run below goes through
//! [`run`], which kills a process still running after [`HANG_GUARD`] (a hang, not a slow run) and
//! caps its address space at [`MEMORY_LIMIT_KIB`], so a hang or a runaway allocation fails the test
//! instead of the machine. No test here asserts how fast a run is: the time, memory and growth of
//! these inputs are measured by `cargo bench --bench perf -- --only hostile`.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::copy_example;

/// A run still going after this is hung (the hostile inputs take well under a second): it is
/// killed and fails as "hung". Generous so a slow or busy machine never fails a correct program.
const HANG_GUARD: Duration = Duration::from_secs(180);
/// Address space per run (ulimit -v): a run that needs more aborts and fails its test.
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub(crate) fn hostile(name: &str) -> PathBuf {
    fixtures().join("hostile").join(name)
}

/// What one run of the binary did.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) what: String,
    pub(crate) code: Option<i32>,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap_or_else(|_| panic!("{}: stdout is not UTF-8", self.what))
    }

    /// Exit 1, nothing on stdout, and one block of sanitised text on stderr.
    pub(crate) fn refused(&self) -> &Self {
        if let Err(why) = self.check_refused() {
            panic!("{why}");
        }
        self
    }

    pub(crate) fn check_refused(&self) -> Result<(), String> {
        let what = &self.what;
        if self.code != Some(1) {
            return Err(format!("{what}: exit {:?}, expected 1; stderr: {}", self.code, self.stderr));
        }
        if !self.stdout.is_empty() {
            return Err(format!("{what}: a failed run wrote {} bytes to stdout", self.stdout.len()));
        }
        one_block(&self.stderr).map_err(|why| format!("{what}: {why}; stderr: {:?}", self.stderr))
    }

    /// Exit 0 with nothing on stderr.
    pub(crate) fn ok(&self) -> &Self {
        assert_eq!(self.code, Some(0), "{}: stderr: {}", self.what, self.stderr);
        assert!(self.stderr.is_empty(), "{}: unexpected stderr: {}", self.what, self.stderr);
        self
    }

    pub(crate) fn says(&self, text: &str) -> &Self {
        assert!(self.stderr.contains(text), "{}: stderr lacks {text:?}: {}", self.what, self.stderr);
        self
    }
}

/// An error message as the issue wants it: `error: ` first, one block (no blank line), ending in a
/// newline, with no control character but the line breaks, and no panic.
fn one_block(stderr: &str) -> Result<(), String> {
    if !stderr.starts_with("error: ") {
        return Err("stderr does not start with `error: `".into());
    }
    if !stderr.ends_with('\n') || stderr.contains("\n\n") {
        return Err("stderr is not one block ending in a newline".into());
    }
    if let Some(c) = stderr.chars().find(|&c| c.is_control() && c != '\n') {
        return Err(format!("stderr holds the raw control character {c:?}"));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Err("the program panicked".into());
    }
    Ok(())
}

/// Runs `pm-skills ARGS` with `stdin`, in the scrubbed environment of `common::cmd`, under the
/// memory limit. A run that outlives [`HANG_GUARD`] is killed and fails the test as hung.
pub(crate) fn run<S: AsRef<OsStr>>(args: &[S], stdin: Option<Vec<u8>>) -> Run {
    let what = format!(
        "pm-skills {}",
        args.iter().map(|a| a.as_ref().to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ")
    );
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_pm-skills"))
        .args(args)
        .env_remove("PM_SKILLS_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "80")
        .env("TERM", "xterm")
        .env("RUST_BACKTRACE", "0")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let start = Instant::now();
    let feeder = child.stdin.take().zip(stdin).map(|(mut pipe, bytes)| {
        // The program may stop reading early (size cap, error): a broken pipe is expected then.
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: hung (still running after {HANG_GUARD:?}, killed)");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    let stdout = out_reader.join().unwrap();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    Run { what, code: status.code(), stdout, stderr }
}

pub(crate) fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A profile for the built-in default framework.
pub(crate) const GOOD_PROFILE: &str =
    "name: Sam\nlevel: product-manager\nskills:\n  agile-working: practitioner\n  user-focus: expert\n";

// ---------------------------------------------------------------------------------------------
// The YAML test suite: 402 inputs nobody here wrote.

/// Feeds one YAML text to pm-skills twice: as every file of a framework folder (framework.yaml,
/// skills.yaml, soft-skills.yaml, roles/r.yaml, so one run parses it as four different shapes),
/// and as a profile. Returns a description of each way a run broke the rules.
fn feed(case: &Path, work: &Path) -> (Vec<Run>, Vec<String>) {
    let folder = work.join("data");
    std::fs::create_dir_all(folder.join("roles")).unwrap();
    for file in ["framework.yaml", "skills.yaml", "soft-skills.yaml", "roles/r.yaml"] {
        std::fs::copy(case, folder.join(file)).unwrap();
    }
    let runs = vec![
        run(&["--data", path_str(&folder), "levels"], None),
        run(&["gap", "--profile", path_str(case), "--to", "senior"], None),
    ];
    let mut broken = Vec::new();
    for r in &runs {
        let verdict = match r.code {
            Some(0) if r.stderr.is_empty() => Ok(()),
            Some(0) => Err(format!("{}: exit 0 with stderr {:?}", r.what, r.stderr)),
            _ => r.check_refused(),
        };
        if let Err(why) = verdict {
            broken.push(why);
        }
    }
    (runs, broken)
}

/// Runs [`feed`] over `cases` on a few threads; panics listing every case that broke a rule.
fn feed_all(label: &str, cases: &[PathBuf]) {
    let work = tempfile::tempdir().unwrap();
    let next = AtomicUsize::new(0);
    let results = Mutex::new((Vec::new(), [0usize; 2]));
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let (runs, broken) = feed(case, &work.path().join(i.to_string()));
                    let mut results = results.lock().unwrap();
                    results.0.extend(broken.into_iter().map(|b| format!("{}: {b}", case.display())));
                    for r in runs {
                        results.1[usize::from(r.code != Some(0))] += 1;
                    }
                }
            });
        }
    });
    let (broken, counts) = results.into_inner().unwrap();
    eprintln!(
        "{label}: {} cases, {} runs: {} exit 0, {} exit 1",
        cases.len(),
        counts[0] + counts[1],
        counts[0],
        counts[1]
    );
    assert!(broken.is_empty(), "{} runs broke the rules:\n{}", broken.len(), broken.join("\n"));
}

fn suite_cases(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.file_name() == Some(OsStr::new("in.yaml")) {
                out.push(path);
            }
        }
    }
    let mut cases = Vec::new();
    walk(root, &mut cases);
    cases.sort();
    cases
}

#[test]
#[ignore = "needs ../shared"]
fn yaml_test_suite_never_crashes_hangs_or_leaks_escapes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/yaml-test-suite");
    assert!(root.is_dir(), "this test needs the YAML test suite at {} (../shared beside the clone)", root.display());
    let cases = suite_cases(&root);
    assert!(cases.len() >= 400, "expected the suite's 402 inputs, found {}", cases.len());
    feed_all("yaml-test-suite", &cases);
}

#[test]
fn copied_suite_cases_and_hostile_fixtures_never_crash() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures().join("hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension() == Some(OsStr::new("yaml")))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the hostile fixtures are missing: {cases:?}");
    feed_all("tests/fixtures/hostile", &cases);
}

// ---------------------------------------------------------------------------------------------
// Hostile files: a clear error, in bounded memory, never a hang.

/// The classic "billion laughs": ten levels of nine aliases each, 10^9 strings if expanded.
fn billion_laughs(indent: &str) -> String {
    let mut text = format!("{indent}- &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in b'b'..=b'j' {
        let prev = char::from(level - 1);
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{indent}- &{} [{refs}]\n", char::from(level)));
    }
    text
}

#[test]
fn files_too_big_for_memory_are_refused_before_parsing() {
    // Each reached 0.3 to 1 GB before; what the accepted ones at the limit cost is measured by
    // the bench's hostile section (under 256 MiB).
    let dir = tempfile::tempdir().unwrap();
    let list = vec!["x"; 5_000_000].join(", ");
    let cases = [
        ("flat.yaml", format!("name: x\nskills:\n  a:\n    evidence: [{list}]\n")),
        ("deep.yaml", format!("name: x\nskills: {}{list}{}\n", "[".repeat(127), "]".repeat(127))),
        ("block.yaml", format!("name: x\nskills:\n  a:\n    evidence:\n{}", "      - x\n".repeat(1_500_000))),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        run(&["gap", "--profile", path_str(&path), "--to", "senior"], None)
            .refused()
            .says(name)
            .says("YAML values")
            .says("over the limit of 1000000");
    }
    // Under the value limit, but aliased three times: the copies would not fit.
    let items = vec!["lol"; 300_000].join(", ");
    let mut aliased = format!("name: x\nskills:\n  a:\n    evidence: &big [{items}]\n");
    for key in ["b", "c", "d"] {
        aliased.push_str(&format!("  {key}:\n    evidence: *big\n"));
    }
    let path = dir.path().join("aliased.yaml");
    std::fs::write(&path, aliased).unwrap();
    run(&["gap", "--profile", path_str(&path), "--to", "senior"], None).refused().says("alias");
}

#[test]
fn alias_bombs_are_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // In a profile, where `evidence` takes one line or a list: the bomb sits under it, with enough
    // ordinary data around it that the parser's own repetition limit (100 × the document) is high.
    let padding: String = (0..20_000).map(|i| format!("      - padding line {i}\n")).collect();
    let profile = dir.path().join("bomb.yaml");
    std::fs::write(
        &profile,
        format!(
            "name: Bomb\nskills:\n  user-focus:\n    evidence:\n{padding}  agile-working:\n    evidence:\n{}",
            billion_laughs("      ")
        ),
    )
    .unwrap();
    run(&["gap", "--profile", path_str(&profile), "--to", "senior"], None).refused().says("alias");

    // Linear, not nested: one list of 100,000 items aliased 300 times (30 million strings).
    let items = vec!["lol"; 100_000].join(", ");
    let mut linear = format!("name: Linear\nskills:\n  s0:\n    evidence: &big [{items}]\n");
    for i in 1..300 {
        linear.push_str(&format!("  s{i}:\n    evidence: *big\n"));
    }
    let linear_path = dir.path().join("linear.yaml");
    std::fs::write(&linear_path, linear).unwrap();
    run(&["gap", "--profile", path_str(&linear_path), "--to", "senior"], None).refused().says("alias");

    // In a framework file.
    let data = copy_example("custom-ladder");
    let skills = data.path().join("skills.yaml");
    let text = std::fs::read_to_string(&skills).unwrap();
    std::fs::write(&skills, format!("{text}bomb:\n{}", billion_laughs("  "))).unwrap();
    run(&["--data", path_str(data.path()), "levels"], None).refused();
}

#[test]
fn ten_thousand_deep_nesting_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("flow-sequence", format!("name: x\nskills: {}{}\n", "[".repeat(10_000), "]".repeat(10_000))),
        ("flow-mapping", format!("name: x\nskills: {}1{}\n", "{a: ".repeat(10_000), "}".repeat(10_000))),
        // 100,000 deep: before the nesting check this 200 kB file kept the parser busy for minutes.
        ("flow-100k", format!("name: x\nskills: {}\n", "[".repeat(100_000))),
        ("block-sequence", format!("{}x\n", "- ".repeat(10_000))),
        ("anchored", format!("name: x\nskills: {}\n", "&a [".repeat(10_000))),
    ];
    for (name, text) in cases {
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, &text).unwrap();
        let r = run(&["gap", "--profile", path_str(&path), "--to", "senior"], None);
        r.refused();
        if name != "block-sequence" {
            r.says("nest more than 128 deep");
        }
        let data = copy_example("custom-ladder");
        std::fs::write(data.path().join("skills.yaml"), &text).unwrap();
        run(&["--data", path_str(data.path()), "levels"], None).refused();
    }
}

#[test]
fn a_200_mb_file_is_refused_by_its_size_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    // Sparse: 200 MB long, no disk used. Reading it would take far longer than the check does,
    // and the address-space limit of `run` stops a program that reads it into memory.
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    run(&["gap", "--profile", path_str(&big), "--to", "senior"], None)
        .refused()
        .says("the file is 200 MiB, over the 16 MiB limit");

    // Inside a framework folder, the folder is refused with the same reason.
    let data = copy_example("custom-ladder");
    std::fs::File::create(data.path().join("skills.yaml")).unwrap().set_len(200 * 1024 * 1024).unwrap();
    run(&["--data", path_str(data.path()), "levels"], None).refused().says("over the 16 MiB limit");

    // Standard input has no size to check: reading stops one byte past the cap.
    let mut flood = vec![b'#'; 17 * 1024 * 1024];
    flood.push(b'\n');
    run(&["gap", "--profile", "-", "--to", "senior"], Some(flood)).refused().says("over the 16 MiB limit");
}

#[test]
fn invalid_utf8_nul_and_empty_files_are_refused_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        ("latin1.yaml", b"name: Jos\xe9\n", "line 1: invalid UTF-8 at byte 9"),
        ("nul.yaml", b"name: Sam\nskills:\n  agile-working: wor\0king\n", "line 3: contains a NUL byte"),
        ("empty.yaml", b"", "the file is empty"),
        ("blank.yaml", b" \n\t\n", "the file is empty"),
        ("comment.yaml", b"# nothing but a comment\n", "missing field `"),
    ];
    for (name, bytes, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        run(&["gap", "--profile", path_str(&path), "--to", "senior"], None).refused().says(message);
        let data = copy_example("custom-ladder");
        std::fs::write(data.path().join("framework.yaml"), bytes).unwrap();
        run(&["--data", path_str(data.path()), "levels"], None).refused().says(message);
    }
}

/// The same text with a byte-order mark and CRLF line ends.
fn bom_crlf(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_simply_work() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.yaml");
    let windows = dir.path().join("windows.yaml");
    std::fs::write(&plain, GOOD_PROFILE).unwrap();
    std::fs::write(&windows, bom_crlf(GOOD_PROFILE)).unwrap();
    let want = run(&["gap", "--profile", path_str(&plain), "--format", "json"], None).ok().stdout();
    let got = run(&["gap", "--profile", path_str(&windows), "--format", "json"], None).ok().stdout();
    assert_eq!(got.replace("windows.yaml", "plain.yaml"), want);

    // A whole framework folder saved by a Windows editor.
    let data = copy_example("custom-ladder");
    for file in ["framework.yaml", "skills.yaml", "soft-skills.yaml", "roles/design/designer.yaml"] {
        let path = data.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, bom_crlf(&text)).unwrap();
    }
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/custom-ladder");
    for args in [&["ladder"][..], &["--role", "designer", "ladder", "-f", "json"], &["diff", "je", "staff"]] {
        // The closing hint names each folder, at its own length: compare what comes before it.
        let before_hint = |out: String| out.split("Compare two levels:").next().unwrap().to_string();
        let want = run(&[&["--data", path_str(&original)], args].concat(), None).ok().stdout();
        let got = run(&[&["--data", path_str(data.path())], args].concat(), None).ok().stdout();
        assert_eq!(before_hint(got), before_hint(want), "{args:?}");
    }
    // Line numbers stay right with CRLF.
    let typo = dir.path().join("typo.yaml");
    std::fs::write(&typo, bom_crlf("name: Sam\nskills:\n  agile-working: wrking\n")).unwrap();
    run(&["gap", "--profile", path_str(&typo), "--to", "senior"], None).refused().says("typo.yaml:3:");
}

#[test]
fn a_directory_where_a_file_is_expected_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    run(&["gap", "--profile", path_str(dir.path()), "--to", "senior"], None)
        .refused()
        .says("it is a directory, expected a regular file");
    let data = copy_example("custom-ladder");
    std::fs::create_dir(data.path().join("notes.yaml")).unwrap();
    std::fs::remove_file(data.path().join("skills.yaml")).unwrap();
    std::fs::create_dir(data.path().join("skills.yaml")).unwrap();
    run(&["--data", path_str(data.path()), "levels"], None).refused().says("skills.yaml");
    // And a file where a folder is expected.
    let file = dir.path().join("file.yaml");
    std::fs::write(&file, GOOD_PROFILE).unwrap();
    run(&["--data", path_str(&file), "levels"], None).refused().says("is not a folder");
    run(&["gap", "--team", path_str(&file), "--to", "senior"], None).refused();
}

#[test]
fn a_file_without_read_permission_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // The folder is open to all, so only the file's own permission stands in the way.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let secret = dir.path().join("secret.yaml");
    std::fs::write(&secret, GOOD_PROFILE).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_err() {
        run(&["gap", "--profile", path_str(&secret), "--to", "senior"], None).refused().says("permission denied");
        return;
    }
    // Root reads anything. Take the other route: run the binary as an unprivileged user.
    let nobody = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_pm-skills"))
        .args(["gap", "--profile", path_str(&secret), "--to", "senior"])
        .env("RUST_BACKTRACE", "0")
        .output();
    // setpriv (util-linux) is part of every Debian; without it this test fails rather than skips.
    let out = nobody.expect("running as root, this test needs `setpriv` to drop to an unprivileged user");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.stdout.is_empty());
    one_block(&stderr).unwrap();
    assert!(stderr.contains("permission denied"), "{stderr}");
}

#[test]
fn a_symlink_loop_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    run(&["gap", "--profile", path_str(&a), "--to", "senior"], None)
        .refused()
        .says("too many levels of symbolic links");
    // In a framework folder: a looping file link and a link from a folder to its parent.
    let data = copy_example("custom-ladder");
    let looping = data.path().join("roles/loop.yaml");
    std::os::unix::fs::symlink(&looping, &looping).unwrap();
    std::os::unix::fs::symlink(data.path(), data.path().join("roles/again")).unwrap();
    run(&["--data", path_str(data.path()), "levels"], None).refused().says("loop.yaml");
    // A team folder with a looping link.
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::os::unix::fs::symlink(team.join("x.yaml"), team.join("x.yaml")).unwrap();
    run(&["gap", "--team", path_str(&team), "--to", "senior"], None).refused();
}

#[test]
fn dash_reads_the_profile_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("me.yaml");
    std::fs::write(&file, GOOD_PROFILE).unwrap();
    let from_file = run(&["gap", "--profile", path_str(&file), "-f", "json"], None).ok().stdout();
    let from_stdin = run(&["gap", "--profile", "-", "-f", "json"], Some(GOOD_PROFILE.into())).ok().stdout();
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        v["person"]["file"] = serde_json::Value::Null;
        v
    };
    assert_eq!(strip(&from_stdin), strip(&from_file));
    assert!(from_stdin.contains("\"file\": \"<stdin>\""), "{from_stdin}");
    // Hostile text on stdin gets the same treatment as in a file.
    run(&["gap", "--profile", "-", "--to", "senior"], Some(b"name: \xff\n".to_vec())).refused().says("<stdin>");
    run(&["gap", "--profile", "-", "--to", "senior"], Some(Vec::new()))
        .refused()
        .says("<stdin>: error: the file is empty");
    run(&["gap", "--profile", "-", "--to", "senior"], None).refused().says("the file is empty");
}

#[test]
fn many_keys_in_a_profile_are_each_reported_by_line() {
    // 40,000 unknown skills: finding each key's line used to scan the file per key (n²).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.yaml");
    let keys: String = (0..40_000).map(|i| format!("  skill-{i}: working\n")).collect();
    // The last line is another kind of error, so it is shown after the first 100 of the others.
    std::fs::write(&path, format!("name: Many\nskills:\n{keys}  user-focus: expret\n")).unwrap();
    // Its cost (linear; n² took minutes) is measured by the bench's hostile section.
    let r = run(&["gap", "--profile", path_str(&path), "--to", "senior"], None);
    r.refused()
        .says("has 40001 errors")
        .says("keys.yaml:3: error: unknown skill `skill-0`")
        .says("keys.yaml:102: error: unknown skill `skill-99`")
        .says("keys.yaml:40003: error: `expret` is not a proficiency")
        .says("… and 39900 more errors like \"unknown skill `…`\"");
}

#[test]
fn many_repeated_keys_in_a_profile_are_each_reported_by_line() {
    // 40,000 repeats of one skill: each names the first spelling, found in one pass (a scan of
    // the earlier keys per repeat would be n², minutes in a debug build).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeats.yaml");
    let keys: String = (0..40_000).map(|i| format!("  {}: working\n", ["User Focus", "user-focus"][i % 2])).collect();
    std::fs::write(&path, format!("name: Many\nskills:\n{keys}  agile-working: expret\n")).unwrap();
    let r = run(&["gap", "--profile", path_str(&path), "--to", "senior"], None);
    r.refused()
        .says("repeats.yaml:4: error: skill `user-focus` is assessed twice (`User Focus` and `user-focus`)")
        .says("repeats.yaml:40003: error: `expret` is not a proficiency")
        .says("… and 39899 more errors like \"skill `…` is assessed twice (`…` and `…`)\"");
}
