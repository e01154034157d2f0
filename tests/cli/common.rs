//! Shared helpers for the end-to-end tests.

use assert_cmd::Command;

/// `pm-skills` with a scrubbed, predictable environment: no colour, 80 columns, no user data.
pub fn cmd() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("pm-skills");
    cmd.env_remove("PM_SKILLS_DATA")
        .env_remove("COMPLETE")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "80")
        .env("TERM", "xterm");
    cmd
}

/// Runs `pm-skills ARGS`, asserts success, and returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = cmd().args(args).output().expect("runs");
    assert!(out.status.success(), "pm-skills {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "unexpected stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `pm-skills ARGS --format json` and parses the document.
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).expect("valid JSON")
}

/// A writable copy of `tests/fixtures/NAME` in a fresh temporary folder.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    copy_from("tests/fixtures", name)
}

/// A writable copy of `examples/NAME`, the files the guides use, in a fresh temporary folder.
pub fn copy_example(name: &str) -> tempfile::TempDir {
    copy_from("examples", name)
}

fn copy_from(folder: &str, name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder).join(name), dir.path());
    dir
}

/// Copies the folder `from` into `to`, sub-folders too.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

/// The path of `tests/fixtures/REL`, as an argument.
pub fn fixture_path(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel);
    p.to_str().expect("UTF-8 path").to_string()
}

/// The path of `examples/REL`, as an argument.
pub fn example_path(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(rel);
    p.to_str().expect("UTF-8 path").to_string()
}

/// A path as an argument; temporary folders have UTF-8 paths.
pub fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `pm-skills import KIND FILE --out OUT EXTRA… --format json`, parsed.
pub fn import_json(kind: &str, file: &str, out: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["import", kind, file, "--out", path(out)];
    args.extend_from_slice(extra);
    json(&args)
}

/// A YAML file that an importer wrote, parsed.
pub fn read_yaml(file: std::path::PathBuf) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(&file).expect("file written")).expect("valid YAML")
}

/// `validate --format json` of `out` reports no errors and no warnings.
pub fn validates_cleanly(out: &std::path::Path) {
    let check = json(&["validate", path(out)]);
    assert_eq!((check["errors"].as_u64(), check["warnings"].as_u64()), (Some(0), Some(0)), "{check}");
}

/// What a refused run printed: exit 1, nothing on stdout, and the stderr text.
pub fn refused(args: &[&str]) -> String {
    let out = cmd().args(args).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: a refused run wrote to stdout");
    err
}

/// Fails the test loudly when `program` cannot run: an ignored test that is asked to run must run.
pub fn needs(program: &str, version: &[&str]) {
    let ok = std::process::Command::new(program).args(version).output().is_ok_and(|o| o.status.success());
    assert!(ok, "this test needs `{program}`, which is not installed (`bash .ci/run` installs it)");
}

/// The Markdown a reader is given, whose examples the tests run: the README, ARCHITECTURE.md and
/// every page of `docs/`.
pub fn markdown_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("docs"))
        .map(|dir| dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect())
        .unwrap_or_default();
    docs.sort();
    let mut files = vec![root.join("README.md"), root.join("ARCHITECTURE.md")];
    files.extend(docs);
    files
}
