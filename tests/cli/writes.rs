//! Writes that meet the user's own files: nothing a user owns is ever destroyed, `--force` or not.
//! A report's `--out` never lands on what the run reads; a device or a named pipe is written into,
//! never replaced; `site` and `import` replace only a folder that pm-skills wrote, never a home
//! folder or one above it; a folder is swapped in one step, and one that a stopped run left aside
//! is put back; every error names the user's path, not a temporary one. These run as root too (CI
//! does): where a case needs root, or cannot run without it, the test says it is skipped.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{cmd, copy_example, path};
use crate::hostile::run;

fn example(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(rel)
}

/// A refused run: exit 1, nothing on stdout; returns stderr.
fn refused(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty(), "a refused run wrote to stdout");
    err
}

/// Item 1: an `--out` that is an input, through a link or a hard link, or lies inside an input
/// folder, is refused before any work, `--force` or not, and the input is left as it was.
#[test]
fn an_out_that_is_an_input_or_inside_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    fs::copy(example("team/priya.yaml"), &me).unwrap();
    let before = fs::read(&me).unwrap();
    let m = path(&me);
    run(&["gap", "--profile", m, "--to", "senior", "-f", "xlsx", "--out", m, "--force"], None)
        .refused()
        .says("is the input file")
        .says("write to another file");
    std::os::unix::fs::symlink(&me, dir.path().join("link.yaml")).unwrap();
    fs::hard_link(&me, dir.path().join("hard.yaml")).unwrap();
    for other in ["link.yaml", "hard.yaml"] {
        let out = dir.path().join(other);
        run(&["plan", "--profile", m, "--to", "senior", "--out", path(&out), "--force"], None)
            .refused()
            .says("is the input file");
    }
    assert_eq!(fs::read(&me).unwrap(), before, "the profile is untouched");

    let data = copy_example("custom-ladder");
    let skills = data.path().join("skills.yaml");
    let kept = fs::read(&skills).unwrap();
    let d = path(data.path());
    run(&["--data", d, "ladder", "-f", "yaml", "--out", path(&skills), "--force"], None)
        .refused()
        .says("is inside the input folder");
    assert_eq!(fs::read(&skills).unwrap(), kept, "the framework is untouched");

    // Without --force too: a new file in a history folder would be read as a check-in next time.
    let history = tempfile::tempdir().unwrap();
    let first = fs::read_dir(example("growth/checkins")).unwrap().next().unwrap().unwrap().path();
    fs::copy(first, history.path().join("a.yaml")).unwrap();
    let report = history.path().join("r.yaml");
    run(&["progress", "--history", path(history.path()), "--out", path(&report)], None)
        .refused()
        .says("is inside the input folder");
    assert!(!report.exists());
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Item 2: `-` and `/dev/stdout` are standard output; a character device or a named pipe is
/// written into, as `>` would, and stays what it is; a link is refused with the real path; no
/// message suggests `--force` for what `--force` would not replace.
#[test]
fn a_device_or_a_pipe_is_written_into_and_a_link_is_refused() {
    use std::io::Read as _;
    use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
    let levels = crate::common::stdout(&["levels"]);
    for out in ["-", "/dev/stdout"] {
        let r = run(&["levels", "--out", out], None);
        r.ok();
        assert_eq!(r.stdout(), levels, "--out {out}");
    }
    // Without --force, as `> /dev/null` needs none; the device is still a device.
    run(&["levels", "--out", "/dev/null"], None).ok();
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A full device fails with the device's name and a reason in words.
    run(&["levels", "--out", "/dev/full"], None).refused().says("cannot write /dev/full: no space left on device");

    // A named pipe: opened for reading first (without waiting for a writer), then written into.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let mut reader = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(&fifo).unwrap();
    run(&["levels", "--out", path(&fifo), "--force"], None).ok();
    let mut got = String::new();
    reader.read_to_string(&mut got).unwrap();
    assert_eq!(got, levels);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe was replaced");

    // A character device made for the test, with --force: as root only (mknod), and only where
    // the filesystem lets devices be opened (not a `nodev` mount).
    let null = dir.path().join("null");
    let c = std::ffi::CString::new(null.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid path; mknod only creates a node, here the null device (1, 3).
    let made = is_root() && unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) } == 0;
    if made && fs::OpenOptions::new().write(true).open(&null).is_ok() {
        run(&["levels", "--out", path(&null), "--force"], None).ok();
        assert!(fs::symlink_metadata(&null).unwrap().file_type().is_char_device(), "the device was replaced");
    } else {
        eprintln!("skipped: a character device --out with --force needs root and a filesystem that opens devices");
    }

    // A link to a regular file: refused, naming the file itself; both are left as they were.
    let real = dir.path().join("real.txt");
    fs::write(&real, "mine").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let r = run(&["levels", "--out", path(&link), "--force"], None);
    r.refused().says("is a symbolic link").says(&format!("--out {}", fs::canonicalize(&real).unwrap().display()));
    assert!(!r.stderr.contains("use --force"), "{}", r.stderr);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), "mine");
}

/// Item 3: an output folder inside the `--data` folder, or that holds it, is refused, and the
/// framework is left whole.
#[test]
fn a_site_inside_the_framework_or_around_it_is_refused() {
    let data = copy_example("custom-ladder");
    let roles = data.path().join("roles");
    let before: Vec<_> = fs::read_dir(&roles).unwrap().map(|e| e.unwrap().file_name()).collect();
    let d = path(data.path());
    run(&["--data", d, "site", "--out", path(&roles), "--force"], None)
        .refused()
        .says("is inside the input folder")
        .says("would delete part of what this run reads");
    let after: Vec<_> = fs::read_dir(&roles).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(before, after, "the role files are all there");
    let parent = data.path().parent().unwrap();
    run(&["--data", d, "site", "--out", path(parent), "--force"], None).refused().says("holds the input");
    assert!(data.path().join("framework.yaml").is_file());
}

/// Item 4: `--force` replaces a non-empty folder only when pm-skills wrote it (the marker), and
/// never a home folder, one above it (`$HOME` and the user database), or the root. A folder
/// without the marker, such as a git repository, is refused, naming what is in it.
#[test]
fn force_replaces_only_a_folder_pm_skills_wrote_and_never_a_home() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    fs::create_dir_all(repo.join(".git")).unwrap();
    fs::write(repo.join("README.md"), "mine").unwrap();
    for force in [&[][..], &["--force"]] {
        let err = refused(cmd().args(["site", "--out", path(&repo)]).args(force));
        assert!(err.contains("pm-skills did not write it") && err.contains(".git/ and README.md"), "{err}");
        assert!(err.contains("delete it yourself") && !err.contains("add --force"), "{err}");
    }
    assert!(repo.join(".git").is_dir() && repo.join("README.md").is_file());

    // A folder pm-skills wrote is replaced with --force, and carries the marker naming the command.
    let site = tmp.path().join("site");
    crate::common::stdout(&["site", "--out", path(&site)]);
    assert!(fs::read_to_string(site.join(".pm-skills")).unwrap().contains("pm-skills site"));
    crate::common::stdout(&["site", "--out", path(&site), "--force"]);
    let ddat = tmp.path().join("ddat");
    let csv = |name: &str| crate::common::example_path(&format!("ddat-csv-small/{name}"));
    let import = ["import", "ddat-csv", "--roles", &csv("roles.csv"), "--skills", &csv("skills.csv")];
    cmd().args(import).args(["--out", path(&ddat)]).assert().success();
    assert!(fs::read_to_string(ddat.join(".pm-skills")).unwrap().contains("pm-skills import"));

    // A folder above $HOME, even one that carries the marker, with HOME set and unset.
    let homes = tmp.path().join("x/home");
    let alice = homes.join("alice");
    fs::create_dir_all(alice.join(".ssh")).unwrap();
    fs::write(alice.join(".ssh/id"), "key").unwrap();
    fs::write(homes.join(".pm-skills"), "Written by `pm-skills site`\n").unwrap();
    for target in [&homes, &alice] {
        let err = refused(cmd().env("HOME", &alice).args(["site", "--out", path(target), "--force"]));
        assert!(err.contains("even with --force") && err.contains("home folder"), "{err}");
    }
    assert_eq!(fs::read_to_string(alice.join(".ssh/id")).unwrap(), "key");
    let err = refused(cmd().env_remove("HOME").args(["site", "--out", "/", "--force"]));
    assert!(err.contains("give the folder a name") || err.contains("root of the filesystem"), "{err}");
    // Without HOME, the home folder is still known, from the user database, and it and the
    // folders above it are refused as such. (Without --force: an older pm-skills would have
    // replaced the real home folder with it.)
    let Some(home) = pm_skills::write::home_from_user_database().and_then(|h| fs::canonicalize(h).ok()) else {
        eprintln!("skipped: this user has no home folder to guard");
        return;
    };
    for folder in home.ancestors().filter(|f| f.parent().is_some()) {
        let err = refused(cmd().env_remove("HOME").args(["site", "--out", path(folder)]));
        assert!(err.contains("even with --force") && err.contains("home folder"), "{err}");
    }
}

/// Item 5: a run stopped between moving the old folder aside and the new one in left the old
/// contents in `.NAME.old-XXXXXX.pm-skills/NAME`; the next run puts them back and says so, and
/// never deletes them.
#[test]
fn an_old_folder_a_stopped_run_left_aside_is_put_back() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::common::stdout(&["site", "--out", path(&site)]);
    let aside = tmp.path().join(".site.old-a1B2c3.pm-skills");
    fs::create_dir(&aside).unwrap();
    fs::rename(&site, aside.join("site")).unwrap();
    // Two hours old: old enough to be taken for litter.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    fs::File::open(&aside).unwrap().set_modified(old).unwrap();

    let out = cmd().args(["site", "--out", path(&site)]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with(&format!("warning: put back {} from ", site.display())), "{err}");
    // Put back, it is a folder pm-skills wrote and not empty: refused without --force.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("add --force"), "{err}");
    assert!(site.join("index.html").is_file() && !aside.exists());
    crate::common::stdout(&["site", "--out", path(&site), "--force"]);
    let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["site"], "nothing left beside it");
}

/// Item 13 (writes): an error writing a folder names the folder given and the file in it, never
/// the temporary folder it was written in. A site page is named by an id; an id of 300
/// characters makes a name too long for the filesystem.
#[test]
fn a_folder_write_error_names_the_folder_given() {
    let data = copy_example("custom-ladder");
    let long = "s".repeat(300);
    let skills = data.path().join("skills.yaml");
    let text = fs::read_to_string(&skills).unwrap().replace("id: coding\n", &format!("id: {long}\n"));
    fs::write(&skills, text).unwrap();
    let role = data.path().join("roles/engineering/engineer.yaml");
    fs::write(&role, fs::read_to_string(&role).unwrap().replace("coding", &long)).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    // An id too long to name a file is refused with its line before anything is written (the
    // errors of a write inside the folder are `write::tests::a_folder_write_error_names_the_folder_given`).
    let r = run(&["--data", path(data.path()), "site", "--out", path(&out)], None);
    r.refused();
    r.says("skills.yaml:").says("over the limit of 64");
    assert!(!out.exists());
    // A folder that cannot be made is named as given, never by a temporary name.
    let file = tmp.path().join("a-file");
    fs::write(&file, "").unwrap();
    let inside = file.join("site");
    let r = run(&["site", "--out", path(&inside)], None);
    r.refused();
    r.says(&inside.display().to_string()).says("not a directory");
    assert!(!r.stderr.contains(".pm-skills") && !r.stderr.contains("os error"), "{}", r.stderr);
    assert!(!out.exists());
}
