//! Files that are not what they seem: named pipes, symbolic links out of a folder, folders that
//! cannot be read. pm-skills reads only regular files, refuses a link that leads out of the folder
//! it was given without reading it, and says what is wrong in a sentence.

use std::path::{Path, PathBuf};

use crate::common::copy_example;
use crate::hostile::{path_str, run};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team").join(name)
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

/// A team folder with two good profiles, as `gap --team` reads it.
fn team() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["priya.yaml", "tom.yaml"] {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    dir
}

#[test]
fn a_named_pipe_is_refused_at_once_wherever_it_is_read() {
    let team = team();
    let fifo = team.path().join("x.yaml");
    mkfifo(&fifo);
    let t = path_str(team.path());
    run(&["gap", "--team", t, "--to", "senior"], None).refused().says("x.yaml").says("named pipe");
    run(&["gap", "--profile", path_str(&fifo), "--to", "senior"], None).refused().says("named pipe");

    let data = copy_example("custom-ladder");
    mkfifo(&data.path().join("roles/x.yaml"));
    let d = path_str(data.path());
    run(&["--data", d, "levels"], None).refused().says("x.yaml").says("named pipe");
    let validate = run(&["validate", d], None);
    assert_eq!(validate.code, Some(1), "{}", validate.stderr);
    assert!(validate.stdout().contains("named pipe"), "{}", validate.stdout());
}

#[test]
fn a_link_out_of_the_folder_is_refused_by_name_without_reading_it() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "root-password-line: hunter2\n").unwrap();
    let team = team();
    std::os::unix::fs::symlink(&secret, team.path().join("zz.yaml")).unwrap();
    let r = run(&["gap", "--team", path_str(team.path()), "--to", "senior"], None);
    r.refused().says("zz.yaml").says("outside the team folder");
    assert!(!r.stderr.contains("hunter2") && !r.stderr.contains("root-password"), "{}", r.stderr);

    let data = copy_example("custom-ladder");
    std::os::unix::fs::symlink(&secret, data.path().join("roles/x.yaml")).unwrap();
    let d = path_str(data.path());
    let r = run(&["--data", d, "levels"], None);
    r.refused().says("x.yaml").says("outside the framework folder");
    assert!(!r.stderr.contains("hunter2"), "{}", r.stderr);
    let validate = run(&["validate", d], None);
    assert_eq!(validate.code, Some(1), "{}", validate.stderr);
    assert!(validate.stdout().contains("outside the framework folder"), "{}", validate.stdout());
    assert!(!validate.stdout().contains("hunter2"), "{}", validate.stdout());
}

#[test]
fn a_link_that_stays_in_the_folder_is_read() {
    let team = team();
    let inner = team.path().join("people");
    std::fs::create_dir(&inner).unwrap();
    std::fs::rename(team.path().join("tom.yaml"), inner.join("tom.yaml")).unwrap();
    std::os::unix::fs::symlink(inner.join("tom.yaml"), team.path().join("tom.yaml")).unwrap();
    let r = run(&["gap", "--team", path_str(team.path()), "--to", "senior", "--format", "csv"], None);
    r.ok();
    assert!(r.stdout().contains("Tom"), "{}", r.stdout());
}

#[test]
fn an_error_quotes_no_more_than_a_short_excerpt_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.yaml");
    let line = format!("root:x:0:0:{}:/root:/bin/bash", "a-long-private-field-".repeat(4));
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let r = run(&["gap", "--profile", path_str(&path), "--to", "senior"], None);
    r.refused().says("me.yaml");
    assert!(!r.stderr.contains("/bin/bash") && !r.stderr.contains(&line[..40]), "{}", r.stderr);
}

#[test]
fn every_bad_profile_of_a_team_is_named() {
    let team = team();
    std::fs::write(team.path().join("bad1.yaml"), "name: One\nskills:\n  nope: working\n").unwrap();
    std::fs::write(team.path().join("bad2.yaml"), "name: [\n").unwrap();
    let r = run(&["gap", "--team", path_str(team.path()), "--to", "senior"], None);
    r.refused().says("2 of 4 profiles were refused").says("bad1.yaml").says("bad2.yaml");
}

#[test]
fn standard_input_is_read_once() {
    let r = run(&["gap", "-p", "-", "-p", "-", "--to", "senior"], Some(b"name: x\n".to_vec()));
    r.refused().says("standard input can be read once");
}

#[test]
fn a_team_folder_that_cannot_be_read_gets_a_sentence() {
    let r = run(&["gap", "--team", path_str(&example("priya.yaml")), "--to", "senior"], None);
    r.refused().says("cannot read team folder").says("not a directory");
    assert!(!r.stderr.contains("os error"), "{}", r.stderr);
}
