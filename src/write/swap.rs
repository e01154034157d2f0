//! Putting a new folder in the place of an old one in one step, and putting back an old folder
//! that a stopped run left aside.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Swaps the folders at `a` and `b` in one step (Linux `renameat2` with `RENAME_EXCHANGE`), so
/// that `b` is never missing, whenever the run is stopped. `Ok(false)` where the system or the
/// filesystem cannot swap, for the caller to fall back to two renames.
pub fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    #[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
        let (a, b) = (c(a)?, c(b)?);
        // SAFETY: two NUL-terminated paths that live across the call, relative to the current
        // folder (AT_FDCWD); renameat2 only reads them.
        let rc =
            unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
        if rc == 0 {
            return Ok(true);
        }
        let error = io::Error::last_os_error();
        // An old kernel (ENOSYS), a filesystem that cannot swap (EINVAL, EOPNOTSUPP).
        return match error.raw_os_error() {
            Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
            _ => Err(error),
        };
    }
    #[allow(unreachable_code)]
    {
        let _ = (a, b);
        Ok(false)
    }
}

/// Where the old contents of `NAME` wait while a fallback replace (two renames) runs:
/// `.NAME.old-XXXXXX.pm-skills/NAME`, beside it.
pub fn aside_prefix(name: &str) -> String {
    format!(".{}.old-", super::short(name))
}

/// Before a folder is written: if `out` is missing and a run that was stopped between its two
/// renames left the old contents aside, puts them back and says so. Where `out` is there, the
/// old contents left aside are named, never deleted: the caller decides. Returns the sentences to
/// show on stderr.
pub fn recover(out: &Path) -> anyhow::Result<Vec<String>> {
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Ok(Vec::new()) };
    let parent = super::parent_of(out);
    let prefix = aside_prefix(&name);
    let Ok(entries) = fs::read_dir(&parent) else { return Ok(Vec::new()) };
    let mut orphans: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.starts_with(&prefix) && n.ends_with(".pm-skills")
        })
        // Named beside `out` as the user wrote it (`site`, not `./site`).
        .map(|e| out.with_file_name(e.file_name()).join(&name))
        .filter(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()))
        .map(|p| (fs::metadata(&p).and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), p))
        .collect();
    // The newest first: that is the folder that was in place last.
    orphans.sort_by_key(|o| std::cmp::Reverse(o.0));
    let mut notes = Vec::new();
    let mut orphans = orphans.into_iter().map(|(_, p)| p);
    if fs::symlink_metadata(out).is_err()
        && let Some(orphan) = orphans.next()
    {
        fs::rename(&orphan, out).map_err(|e| {
            anyhow::anyhow!(
                "{} is missing and its old contents are in {}, left by a run that was stopped while replacing it; \
                 they could not be put back ({}): move them back yourself",
                out.display(),
                orphan.display(),
                crate::source::io_reason(&e)
            )
        })?;
        if let Some(holder) = orphan.parent() {
            let _ = fs::remove_dir(holder);
        }
        notes.push(format!(
            "put back {} from {}, where a run that was stopped while replacing it had left it",
            out.display(),
            orphan.display()
        ));
    }
    for orphan in orphans {
        notes.push(format!(
            "{} holds an older copy of {}, left by a run that was stopped while replacing it; delete it once you have checked it",
            orphan.parent().unwrap_or(&orphan).display(),
            out.display()
        ));
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_folders_swap_in_one_step_where_the_system_can() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(a.join("new"), "").unwrap();
        fs::write(b.join("old"), "").unwrap();
        if exchange(&a, &b).unwrap() {
            assert!(b.join("new").is_file() && a.join("old").is_file());
        } else {
            eprintln!("skipped: this system or filesystem cannot swap two folders in one step");
        }
    }

    #[test]
    fn an_old_folder_left_aside_is_put_back_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let aside = dir.path().join(".site.old-a1b2c3.pm-skills");
        fs::create_dir_all(aside.join("site")).unwrap();
        fs::write(aside.join("site/index.html"), "old").unwrap();
        let notes = recover(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!aside.exists());
        assert!(notes.len() == 1 && notes[0].starts_with("put back"), "{notes:?}");
        // With the folder in place, another copy aside is named, and kept.
        fs::create_dir_all(aside.join("site")).unwrap();
        let notes = recover(&out).unwrap();
        assert!(notes.len() == 1 && notes[0].contains("older copy"), "{notes:?}");
        assert!(aside.join("site").is_dir());
    }
}
