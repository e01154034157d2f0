//! Writing files and folders safely: a temporary one beside the target (`tempfile`), then a
//! rename, so a reader never sees half of it and an interrupted run leaves the old one whole.
//!
//! One durability rule for both: every file is flushed to disk (fsync) before the rename, and the
//! folder that holds the new name after it, so what a command said it wrote survives a crash or a
//! power cut. A new folder has each of its files and folders flushed before it is renamed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};

mod guard;
mod swap;

pub use guard::{MARKER, home_folders, home_from_user_database, identity, refuse_overlap};
pub use swap::recover;

use crate::source::io_reason;

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is never replaced:
/// the new file takes the name only if it is free, even in a race. A file that is replaced keeps
/// its permissions: the new one is the same file to its owner, not a fresh one.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let shown = path.display();
    if check_target(path, force)? == Target::Stream {
        return write_into(path, bytes);
    }
    let parent = parent_of(path);
    let name = path.file_name().map(|n| short(&n.to_string_lossy()).to_string()).unwrap_or_else(|| "out".into());
    let old_permissions = fs::metadata(path).ok().filter(fs::Metadata::is_file).map(|m| m.permissions());
    remove_stale(&parent, &format!(".{name}."));
    let written = (|| -> std::io::Result<tempfile::NamedTempFile> {
        let mut tmp = builder(&format!(".{name}."), false).tempfile_in(&parent)?;
        if let Some(permissions) = old_permissions {
            tmp.as_file().set_permissions(permissions)?;
        }
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        Ok(tmp)
    })();
    let tmp = written.map_err(|e| anyhow!("cannot write {shown}: {}", io_reason(&e)))?;
    let placed = if force { tmp.persist(path) } else { tmp.persist_noclobber(path) };
    match placed {
        Ok(_) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{shown} already exists; use --force to replace it")
        }
        Err(e) => bail!("cannot write {shown}: {}", io_reason(&e.error)),
    }
    sync_folder(&parent).map_err(|e| anyhow!("cannot write {shown}: {}", io_reason(&e)))
}

/// Writes into a character device or a named pipe (`/dev/null`, a FIFO another program reads),
/// as `> PATH` would: such a file is never replaced.
fn write_into(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let written = fs::OpenOptions::new().write(true).open(path).and_then(|mut file| {
        file.write_all(bytes)?;
        file.flush()
    });
    written.map_err(|e| anyhow!("cannot write {}: {}", path.display(), io_reason(&e)))
}

/// What is at a path that a file is written to.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Nothing, or a regular file (through links): written beside and renamed into place.
    File,
    /// A character device or a named pipe (through links): written into.
    Stream,
}

/// Refuses what a report's `--out` must not be, before any work is done: what [`write_atomic`]
/// refuses, and a symbolic link, unless to a character device or a named pipe (written into,
/// which leaves the link as it is): a link would be replaced by the file, not followed.
pub fn check_file(path: &Path, force: bool) -> anyhow::Result<()> {
    let shown = path.display();
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) && !is_stream(path) {
        let to = fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
        match fs::canonicalize(path) {
            Ok(real) => {
                bail!("--out {shown} is a symbolic link to {to}; give the file's own path (--out {})", real.display())
            }
            Err(_) => bail!("--out {shown} is a symbolic link to {to}, which does not exist; give the path of a file"),
        }
    }
    check_target(path, force).map(|_| ())
}

/// Whether `path` (through links) is a character device or a named pipe.
fn is_stream(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device() || m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Refuses a path a file cannot be written to: a folder, a block device or a socket (never
/// replaced, `--force` or not), an existing regular file without `force`, a path in a folder
/// that does not exist. A character device or a named pipe is a [`Target::Stream`].
fn check_target(path: &Path, force: bool) -> anyhow::Result<Target> {
    let shown = path.display();
    if is_stream(path) {
        return Ok(Target::Stream);
    }
    if let Ok(meta) = fs::metadata(path) {
        if meta.is_dir() {
            bail!("cannot write {shown}: it is a directory");
        }
        if !meta.is_file() {
            bail!("cannot write {shown}: it is not a regular file (a block device or a socket); give a file's path");
        }
        if !force {
            bail!("{shown} already exists; use --force to replace it");
        }
    } else if !force && fs::symlink_metadata(path).is_ok() {
        bail!("{shown} already exists; use --force to replace it");
    }
    let parent = parent_of(path);
    if !parent.is_dir() {
        bail!("cannot write {shown}: there is no folder {}", parent.display());
    }
    Ok(Target::File)
}

/// `name` cut to 100 bytes (on a character boundary) for the temporary names beside it, which add
/// about 20 bytes: a name the filesystem takes must not fail for its temporary copy.
fn short(name: &str) -> &str {
    let mut end = name.len().min(100);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// How old a temporary file or folder must be before a later run deletes it: a write takes
/// milliseconds, so one this old was left by a run that was killed.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Deletes the temporary files and folders (`PREFIX…pm-skills`) that killed runs left in `dir`,
/// if older than [`STALE`]: half-written copies, never old contents moved aside. Best effort:
/// what cannot be deleted stays, named for what it is.
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".pm-skills")) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        // Old contents a stopped replace left aside are the user's: put back or named (`recover`).
        if meta.is_dir() && name.contains(".old-") {
            continue;
        }
        if meta.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age > STALE) {
            let _ = if meta.is_dir() { fs::remove_dir_all(entry.path()) } else { fs::remove_file(entry.path()) };
        }
    }
}

/// The folder that holds `path`: `.` for a bare name.
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A builder for temporary names `PREFIX…pm-skills` with the permissions of an ordinary new file
/// or folder (the umask still applies), not tempfile's owner-only default: the result is the
/// user's file, not a secret.
fn builder(prefix: &str, folder: bool) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".pm-skills");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(if folder { 0o777 } else { 0o666 }));
    }
    #[cfg(not(unix))]
    let _ = folder;
    builder
}

/// Flushes a folder's entries to disk, so a rename into it is durable. Filesystems that cannot
/// flush a folder say so with `InvalidInput` or `Unsupported`; there is nothing more to do then.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    match fs::File::open(dir).and_then(|f| f.sync_all()) {
        Err(e) if matches!(e.kind(), std::io::ErrorKind::InvalidInput | std::io::ErrorKind::Unsupported) => {}
        other => return other,
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Refuses a target folder that is a file or a link, or that is not empty unless it is one that
/// pm-skills wrote (it holds [`MARKER`]), and then only with `force`; and never replaces a folder
/// whose loss would be a disaster (the root, a home folder or one above it, the current folder).
pub fn check_folder(out: &Path, force: bool) -> anyhow::Result<()> {
    let shown = out.display();
    if out.file_name().is_none() {
        bail!("--out {shown}: give the folder a name, e.g. --out ./ddat");
    }
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => bail!("cannot use --out {shown}: {}", io_reason(&e)),
    };
    if meta.file_type().is_symlink() {
        bail!("--out {shown} is a symbolic link; give the folder itself");
    }
    if !meta.is_dir() {
        bail!("--out {shown} is a file, not a folder; give a new or empty folder");
    }
    let mut entries = fs::read_dir(out).map_err(|e| anyhow!("cannot read --out folder {shown}: {}", io_reason(&e)))?;
    if entries.next().is_none() {
        return Ok(());
    }
    guard::refuse_precious(out)?;
    if !guard::is_ours(out) {
        bail!(
            "the output folder {shown} is not empty (it holds {}) and pm-skills did not write it: it has no {MARKER} file, \
             and --force replaces only a folder that pm-skills wrote. Give a new or empty folder; if an older pm-skills \
             wrote this one, delete it yourself and run again",
            guard::some_entries(out)
        );
    }
    if !force {
        bail!(
            "the output folder {shown} is not empty; give a new or empty folder, or add --force to replace what pm-skills wrote there"
        );
    }
    Ok(())
}

/// Writes `files` (path relative to `out`, text), and a [`MARKER`] naming the command `by`, into
/// a temporary folder beside `out`, then puts it in place: a new name is renamed, an existing
/// folder swapped with it in one step where the system can (else moved aside first), and the old
/// contents deleted only once the new folder is in place. If that last deletion fails, returns
/// where the old contents are. Every error names `out` and the file in it, never a temporary name.
pub fn write_folder(out: &Path, force: bool, files: &[(String, String)], by: &str) -> anyhow::Result<Option<PathBuf>> {
    check_folder(out, force)?;
    let shown = out.display();
    let full_name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = short(&full_name);
    let parent = parent_of(out);
    fs::create_dir_all(&parent)
        .map_err(|e| anyhow!("cannot create the folder {}: {}", parent.display(), io_reason(&e)))?;
    remove_stale(&parent, &format!(".{name}.new-"));
    let new = builder(&format!(".{name}.new-"), true)
        .tempdir_in(&parent)
        .map_err(|e| anyhow!("cannot write {shown}: {}", io_reason(&e)))?;
    let marker = (MARKER.to_string(), guard::marker_text(by));
    write_files(new.path(), out, files.iter().chain(std::iter::once(&marker)))?;
    let moved = |e: std::io::Error| anyhow!("cannot move the new folder into place at {shown}: {}", io_reason(&e));
    let existing = fs::symlink_metadata(out);
    // A folder that is replaced keeps its permissions, as a replaced file does.
    if let Ok(meta) = &existing
        && meta.is_dir()
    {
        fs::set_permissions(new.path(), meta.permissions())
            .map_err(|e| anyhow!("cannot give the new {shown} the permissions of the old: {}", io_reason(&e)))?;
    }
    let mut kept = None;
    if existing.is_err() {
        fs::rename(new.path(), out).map_err(moved)?;
        let _ = new.keep();
    } else if swap::exchange(new.path(), out).map_err(moved)? {
        // The temporary folder holds the old contents now, deleted with it.
        let old = new.path().to_path_buf();
        if new.close().is_err() {
            kept = Some(old);
        }
    } else {
        kept = replace_in_two_steps(new, out, &full_name)?;
    }
    sync_folder(&parent).map_err(|e| anyhow!("cannot write {shown}: {}", io_reason(&e)))?;
    Ok(kept)
}

/// Where folders cannot be swapped in one step: the old folder is renamed into a temporary
/// folder of its own beside it (`.NAME.old-XXXXXX.pm-skills/NAME`, which the next run puts back
/// if this one is stopped before the new folder is in place: [`recover`]), the new one renamed
/// in, and the old one deleted. Returns where the old contents are if they could not be deleted.
fn replace_in_two_steps(new: tempfile::TempDir, out: &Path, name: &str) -> anyhow::Result<Option<PathBuf>> {
    let shown = out.display();
    let parent = parent_of(out);
    let aside = builder(&swap::aside_prefix(name), true)
        .tempdir_in(&parent)
        .map_err(|e| anyhow!("cannot move the old contents of {shown} aside: {}", io_reason(&e)))?;
    let old = aside.path().join(name);
    fs::rename(out, &old).map_err(|e| anyhow!("cannot move the old contents of {shown} aside: {}", io_reason(&e)))?;
    if let Err(e) = fs::rename(new.path(), out) {
        let reason = io_reason(&e);
        return Err(match fs::rename(&old, out) {
            Ok(()) => anyhow!("cannot move the new folder into place at {shown}: {reason}"),
            Err(_) => anyhow!(
                "cannot move the new folder into place at {shown}: {reason}; the old contents are in {}",
                aside.keep().join(name).display()
            ),
        });
    }
    let _ = new.keep();
    Ok(aside.close().is_err().then_some(old))
}

/// Writes each file under `root`, then flushes every file and every folder it made. Errors name
/// the file as it will be, under `shown` (the folder given), not under the temporary `root`.
fn write_files<'a>(root: &Path, shown: &Path, files: impl Iterator<Item = &'a (String, String)>) -> anyhow::Result<()> {
    let named = |path: &Path| shown.join(path.strip_prefix(root).unwrap_or(path)).display().to_string();
    let mut folders = std::collections::BTreeSet::from([root.to_path_buf()]);
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent().filter(|d| !folders.contains(*d)) {
            fs::create_dir_all(dir)
                .map_err(|e| anyhow!("cannot create the folder {}: {}", named(dir), io_reason(&e)))?;
            folders.extend(dir.ancestors().take_while(|a| *a != root).map(Path::to_path_buf));
        }
        fs::write(&path, text).map_err(|e| anyhow!("cannot write {}: {}", named(&path), io_reason(&e)))?;
        written.push(path);
    }
    written.extend(folders);
    sync_all(&written).map_err(|(path, e)| anyhow!("cannot write {}: {}", named(&path), io_reason(&e)))
}

/// Flushes every file and folder of `paths` to disk, on several threads: flushes that run together
/// share the filesystem's journal commits, so a site of 600 pages is durable in a tenth of a second
/// rather than in seconds. Nothing is renamed into place before all have returned. An error comes
/// with the path it is about.
fn sync_all(paths: &[PathBuf]) -> Result<(), (PathBuf, std::io::Error)> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let sync = || -> Result<(), (PathBuf, std::io::Error)> {
        loop {
            let Some(path) = paths.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) else {
                return Ok(());
            };
            let flushed =
                if path.is_dir() { sync_folder(path) } else { fs::File::open(path).and_then(|f| f.sync_all()) };
            flushed.map_err(|e| (path.clone(), e))?;
        }
    };
    let threads = paths.len().div_ceil(16).clamp(1, 16);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(sync)).collect();
        let mine = sync();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).fold(mine, Result::and)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_clobber_without_force_and_replaces_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("me.yaml");
        write_atomic(&path, b"one", false).unwrap();
        let err = write_atomic(&path, b"two", false).unwrap_err().to_string();
        assert!(err.contains("already exists; use --force"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_file_is_refused_before_any_work_where_it_could_not_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let err = |path: &Path, force| check_file(path, force).unwrap_err().to_string();
        assert!(err(dir.path(), true).contains("it is a directory"));
        let missing = dir.path().join("no/such/folder/out.xlsx");
        assert!(err(&missing, true).contains("there is no folder"), "{}", err(&missing, true));
        let file = dir.path().join("out.xlsx");
        check_file(&file, false).unwrap();
        fs::write(&file, "x").unwrap();
        assert!(err(&file, false).contains("already exists; use --force"));
        check_file(&file, true).unwrap();
        check_file(Path::new("bare-name.xlsx"), false).unwrap();
    }

    #[test]
    fn the_next_run_deletes_what_a_killed_run_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - 2 * STALE;
        let left = dir.path().join(".me.yaml.a1B2c3.pm-skills");
        fs::write(&left, "half").unwrap();
        fs::File::options().write(true).open(&left).unwrap().set_modified(old).unwrap();
        // A temporary file of a run still going (young), and files that are not ours, stay.
        let young = dir.path().join(".me.yaml.z9Y8x7.pm-skills");
        fs::write(&young, "writing").unwrap();
        let other = dir.path().join(".me.yaml.swp");
        fs::write(&other, "editor").unwrap();
        fs::File::options().write(true).open(&other).unwrap().set_modified(old).unwrap();
        write_atomic(&dir.path().join("me.yaml"), b"new", false).unwrap();
        assert!(!left.exists() && young.exists() && other.exists());

        // A half-written new folder goes; old contents moved aside never do (`recover`).
        let half = dir.path().join(".ddat.new-q1w2e3.pm-skills");
        let aside = dir.path().join(".ddat.old-q1w2e3.pm-skills");
        for folder in [&half, &aside] {
            fs::create_dir_all(folder.join("ddat")).unwrap();
            fs::File::open(folder).unwrap().set_modified(old).unwrap();
        }
        write_folder(&dir.path().join("ddat"), false, &files(&[("framework.yaml", "id: x\n")]), "import").unwrap();
        assert!(!half.exists() && aside.join("ddat").is_dir());
        write_atomic(&dir.path().join("ddat.yaml"), b"x", false).unwrap();
        write_atomic(&dir.path().join("ddat"), b"x", true).unwrap_err();
        assert!(aside.join("ddat").is_dir());
    }

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
    }

    #[test]
    fn a_folder_is_written_whole_and_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("fw");
        let first = files(&[("framework.yaml", "one"), ("roles/pm.yaml", "pm"), ("roles/deep/x.yaml", "x")]);
        assert_eq!(write_folder(&out, false, &first, "import").unwrap(), None);
        assert_eq!(fs::read_to_string(out.join("roles/deep/x.yaml")).unwrap(), "x");
        assert!(fs::read_to_string(out.join(MARKER)).unwrap().contains("pm-skills import"));
        let err = write_folder(&out, false, &first, "import").unwrap_err().to_string();
        assert!(err.contains("is not empty") && err.contains("add --force"), "{err}");
        assert_eq!(write_folder(&out, true, &files(&[("framework.yaml", "two")]), "site").unwrap(), None);
        assert_eq!(fs::read_to_string(out.join("framework.yaml")).unwrap(), "two");
        assert!(fs::read_to_string(out.join(MARKER)).unwrap().contains("pm-skills site"));
        assert!(!out.join("roles").exists(), "the old contents are gone");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["fw"], "no temporary folder left behind");
    }

    #[test]
    fn a_folder_pm_skills_did_not_write_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("repo");
        fs::create_dir_all(out.join(".git")).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        for force in [false, true] {
            let err = write_folder(&out, force, &files(&[("a.yaml", "x")]), "site").unwrap_err().to_string();
            assert!(err.contains("pm-skills did not write it") && err.contains(".git/ and notes.txt"), "{err}");
            assert!(!err.contains("add --force"), "{err}");
        }
        assert!(out.join(".git").is_dir() && out.join("notes.txt").is_file());
        // A marker that is a link is not one.
        std::os::unix::fs::symlink(out.join("notes.txt"), out.join(MARKER)).unwrap();
        write_folder(&out, true, &files(&[("a.yaml", "x")]), "site").unwrap_err();
        assert!(out.join(".git").is_dir());
    }

    /// A write that fails inside the folder names the folder given and the file in it, never the
    /// temporary folder it was being written in.
    #[test]
    fn a_folder_write_error_names_the_folder_given() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let long = format!("skills/{}.html", "s".repeat(300));
        let err = write_folder(&out, false, &files(&[("index.html", "x"), (&long, "x")]), "site").unwrap_err();
        let err = format!("{err:#}");
        assert!(err.starts_with(&format!("cannot write {}/skills/sss", out.display())), "{err}");
        assert!(err.ends_with(": file name too long"), "{err}");
        assert!(!err.contains(".pm-skills") && !err.contains("os error"), "{err}");
        assert!(!out.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "no temporary folder left behind");
        // A name the filesystem takes is not refused for its temporary copy's longer name.
        let named = dir.path().join("n".repeat(240));
        write_folder(&named, false, &files(&[("a.yaml", "x")]), "site").unwrap();
        write_atomic(&dir.path().join("f".repeat(250)), b"x", false).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_device_or_a_named_pipe_is_written_into_and_never_replaced() {
        use std::os::unix::fs::FileTypeExt as _;
        write_atomic(Path::new("/dev/null"), b"x", false).unwrap();
        write_atomic(Path::new("/dev/null"), b"x", true).unwrap();
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
        let err = write_atomic(Path::new("/dev/full"), b"x", true).unwrap_err().to_string();
        assert_eq!(err, "cannot write /dev/full: no space left on device");
    }

    /// Replacing a file keeps the permissions its owner gave it: a profile made private stays
    /// private after `--force`.
    #[cfg(unix)]
    #[test]
    fn replacing_a_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("me.yaml");
        for mode in [0o600, 0o640, 0o755] {
            fs::write(&path, "old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            write_atomic(&path, b"new", true).unwrap();
            assert_eq!(fs::read(&path).unwrap(), b"new");
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o7777, mode, "{mode:o}");
        }
    }

    /// Written files and folders get the modes of any new file or folder (the umask decides), not
    /// the owner-only modes of temporary ones.
    #[cfg(unix)]
    #[test]
    fn written_files_have_ordinary_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let (plain_file, plain_folder) = (dir.path().join("plain.txt"), dir.path().join("plain"));
        fs::write(&plain_file, "x").unwrap();
        fs::create_dir(&plain_folder).unwrap();
        write_atomic(&dir.path().join("me.yaml"), b"x", false).unwrap();
        write_folder(&dir.path().join("fw"), false, &files(&[("a/b.yaml", "x")]), "import").unwrap();
        assert_eq!(mode(&dir.path().join("me.yaml")), mode(&plain_file));
        assert_eq!(mode(&dir.path().join("fw/a/b.yaml")), mode(&plain_file));
        assert_eq!(mode(&dir.path().join("fw")), mode(&plain_folder));
    }
}
