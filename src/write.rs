//! Writing files and folders safely: a temporary one beside the target (`tempfile`), then a
//! rename, so a reader never sees half of it and an interrupted run leaves the old one whole.
//!
//! One durability rule for both: every file is flushed to disk (fsync) before the rename, and the
//! folder that holds the new name after it, so what a command said it wrote survives a crash or a
//! power cut. A new folder has each of its files and folders flushed before it is renamed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is never replaced:
/// the new file takes the name only if it is free, even in a race. A file that is replaced keeps
/// its permissions: the new one is the same file to its owner, not a fresh one.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let shown = path.display();
    check_file(path, force)?;
    let parent = parent_of(path);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
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
    let tmp = written.map_err(|e| anyhow!("cannot write {shown}: {}", without_temp_path(&e)))?;
    let placed = if force { tmp.persist(path) } else { tmp.persist_noclobber(path) };
    match placed {
        Ok(_) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{shown} already exists; use --force to replace it")
        }
        Err(e) => bail!("cannot write {shown}: {}", e.error),
    }
    sync_folder(&parent).map_err(|e| anyhow!("cannot write {shown}: {e}"))
}

/// Refuses what [`write_atomic`] would refuse, before any work is done: a folder, or an existing
/// file without `force`.
pub fn check_file(path: &Path, force: bool) -> anyhow::Result<()> {
    let shown = path.display();
    if path.is_dir() {
        bail!("cannot write {shown}: it is a directory");
    }
    if !force && path.exists() {
        bail!("{shown} already exists; use --force to replace it");
    }
    let parent = parent_of(path);
    if !parent.is_dir() {
        bail!("cannot write {shown}: there is no folder {}", parent.display());
    }
    Ok(())
}

/// How old a temporary file or folder must be before a later run deletes it: a write takes
/// milliseconds, so one this old was left by a run that was killed.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Deletes the temporary files and folders (`PREFIX…pm-skills`) that killed runs left in `dir`,
/// if older than [`STALE`]. Best effort: what cannot be deleted stays, named for what it is.
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".pm-skills")) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
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

/// The message of an error from creating a temporary file or folder, without the ` at path "…"`
/// that `tempfile` appends: the person named the target, not the temporary name beside it.
fn without_temp_path(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at path \"") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
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

/// Refuses a target folder that is a file, or a non-empty folder without `--force`. With `--force`,
/// still refuses folders whose loss would be a disaster: the root, the home folder, or the
/// current folder or one of its parents.
pub fn check_folder(out: &Path, force: bool) -> anyhow::Result<()> {
    let shown = out.display();
    if out.file_name().is_none() {
        bail!("--out {shown}: give the folder a name, e.g. --out ./ddat");
    }
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => bail!("cannot use --out {shown}: {e}"),
    };
    if meta.file_type().is_symlink() {
        bail!("--out {shown} is a symbolic link; give the folder itself");
    }
    if !meta.is_dir() {
        bail!("--out {shown} is a file, not a folder; give a new or empty folder");
    }
    let empty = fs::read_dir(out).with_context(|| format!("cannot read --out folder {shown}"))?.next().is_none();
    if empty {
        return Ok(());
    }
    if !force {
        bail!(
            "the output folder {shown} is not empty; give a new or empty folder, or add --force to replace its contents"
        );
    }
    let canon = fs::canonicalize(out).with_context(|| format!("cannot read {shown}"))?;
    let home = std::env::var_os("HOME").and_then(|h| fs::canonicalize(h).ok());
    let cwd = std::env::current_dir().ok().and_then(|c| fs::canonicalize(c).ok());
    if canon.parent().is_none() || home.as_ref() == Some(&canon) || cwd.as_ref().is_some_and(|c| c.starts_with(&canon))
    {
        bail!(
            "refusing to replace {shown} even with --force: it is the root, your home folder or holds the current folder"
        );
    }
    Ok(())
}

/// Writes `files` (path relative to `out`, text) into a temporary folder beside `out`, then
/// renames it into place. With `force`, a non-empty `out` is moved aside first and deleted only
/// once the new folder is in place; if that last deletion fails, returns where the old contents
/// are.
pub fn write_folder(out: &Path, force: bool, files: &[(String, String)]) -> anyhow::Result<Option<PathBuf>> {
    check_folder(out, force)?;
    let shown = out.display();
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = parent_of(out);
    fs::create_dir_all(&parent).with_context(|| format!("cannot create the folder {}", parent.display()))?;
    remove_stale(&parent, &format!(".{name}.new-"));
    remove_stale(&parent, &format!(".{name}.old-"));
    let new = builder(&format!(".{name}.new-"), true)
        .tempdir_in(&parent)
        .map_err(|e| anyhow!("cannot create a temporary folder beside {shown}: {}", without_temp_path(&e)))?;
    write_files(new.path(), files)?;
    let moved = || format!("cannot move the new folder into place at {shown}");
    let mut kept = None;
    let existing = fs::symlink_metadata(out);
    // A folder that is replaced keeps its permissions, as a replaced file does.
    if let Ok(meta) = &existing
        && meta.is_dir()
    {
        fs::set_permissions(new.path(), meta.permissions())
            .with_context(|| format!("cannot give the new {shown} the permissions of the old"))?;
    }
    match existing {
        Err(_) => fs::rename(new.path(), out).with_context(moved)?,
        Ok(_) if fs::read_dir(out).is_ok_and(|mut d| d.next().is_none()) => {
            fs::remove_dir(out).with_context(|| format!("cannot replace the empty folder {shown}"))?;
            fs::rename(new.path(), out).with_context(moved)?;
        }
        Ok(_) => {
            // The old contents wait inside a temporary folder of their own, deleted with it.
            let aside = builder(&format!(".{name}.old-"), true)
                .tempdir_in(&parent)
                .map_err(|e| anyhow!("cannot move the old contents of {shown} aside: {}", without_temp_path(&e)))?;
            let old = aside.path().join(&name);
            fs::rename(out, &old).with_context(|| format!("cannot move the old contents of {shown} aside"))?;
            if let Err(e) = fs::rename(new.path(), out) {
                let context = match fs::rename(&old, out) {
                    Ok(()) => moved(),
                    Err(_) => format!("{}; the old contents are in {}", moved(), aside.keep().join(&name).display()),
                };
                return Err(anyhow!(e)).context(context);
            }
            if aside.close().is_err() {
                kept = Some(old);
            }
        }
    }
    // In place now: nothing left to delete.
    let _ = new.keep();
    sync_folder(&parent).with_context(|| format!("cannot write {shown}"))?;
    Ok(kept)
}

/// Writes each file under `root`, then flushes every file and every folder it made.
fn write_files(root: &Path, files: &[(String, String)]) -> anyhow::Result<()> {
    let mut folders = vec![root.to_path_buf()];
    let mut written = Vec::with_capacity(files.len());
    for (rel, text) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent().filter(|d| !folders.iter().any(|f| f == d)) {
            fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
            folders.extend(dir.ancestors().take_while(|a| *a != root).map(Path::to_path_buf));
        }
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    folders.sort();
    folders.dedup();
    written.extend(folders);
    sync_all(&written)
}

/// Flushes every file and folder of `paths` to disk, on several threads: flushes that run together
/// share the filesystem's journal commits, so a site of 600 pages is durable in a tenth of a second
/// rather than in seconds. Nothing is renamed into place before all have returned.
fn sync_all(paths: &[PathBuf]) -> anyhow::Result<()> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let sync = || -> anyhow::Result<()> {
        loop {
            let Some(path) = paths.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) else {
                return Ok(());
            };
            let flushed =
                if path.is_dir() { sync_folder(path) } else { fs::File::open(path).and_then(|f| f.sync_all()) };
            flushed.with_context(|| format!("cannot write {}", path.display()))?;
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

        let aside = dir.path().join(".ddat.old-q1w2e3.pm-skills");
        fs::create_dir_all(aside.join("ddat")).unwrap();
        fs::File::open(&aside).unwrap().set_modified(old).unwrap();
        write_folder(&dir.path().join("ddat"), false, &files(&[("framework.yaml", "id: x\n")])).unwrap();
        assert!(!aside.exists());
    }

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
    }

    #[test]
    fn a_folder_is_written_whole_and_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("fw");
        let first = files(&[("framework.yaml", "one"), ("roles/pm.yaml", "pm"), ("roles/deep/x.yaml", "x")]);
        assert_eq!(write_folder(&out, false, &first).unwrap(), None);
        assert_eq!(fs::read_to_string(out.join("roles/deep/x.yaml")).unwrap(), "x");
        let err = write_folder(&out, false, &first).unwrap_err().to_string();
        assert!(err.contains("is not empty"), "{err}");
        assert_eq!(write_folder(&out, true, &files(&[("framework.yaml", "two")])).unwrap(), None);
        assert_eq!(fs::read_to_string(out.join("framework.yaml")).unwrap(), "two");
        assert!(!out.join("roles").exists(), "the old contents are gone");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["fw"], "no temporary folder left behind");
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
        write_folder(&dir.path().join("fw"), false, &files(&[("a/b.yaml", "x")])).unwrap();
        assert_eq!(mode(&dir.path().join("me.yaml")), mode(&plain_file));
        assert_eq!(mode(&dir.path().join("fw/a/b.yaml")), mode(&plain_file));
        assert_eq!(mode(&dir.path().join("fw")), mode(&plain_folder));
    }
}
