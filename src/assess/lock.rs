//! One `assess` at a time per profile: a run holds an exclusive lock for as long as it may write
//! the draft or the profile, so a second run on the same `--out` is refused before it reads or
//! writes anything, instead of resuming the first one's draft with another person's answers.
//!
//! The lock is on a file of its own, `<out>.lock`, not on the draft: the draft is replaced by a
//! rename after every answer, and a lock on the file it replaced would guard nothing. The lock is
//! the operating system's (`flock` on Unix), so it ends with the process that holds it, however
//! that process ends; a lock file left behind by a run that was killed is taken over by the next.

use std::ffi::CString;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};

/// The held lock. Dropping it removes the lock file, then lets the lock go (the file closes).
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// The same path for Ctrl-C's handler, which may remove the file only while the lock is held.
    c_path: Option<CString>,
    _file: File,
}

/// The lock file beside `out`.
pub fn lock_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    out.with_file_name(name)
}

impl Lock {
    /// Takes the lock for `out`, or refuses when another run holds it.
    pub fn take(out: &Path) -> anyhow::Result<Lock> {
        let path = lock_path(out);
        let shown = path.display();
        // A run that ends removes its lock file while it still holds the lock; a run that opened
        // the old file just before then gets a lock on a file no longer there, and tries again.
        for _ in 0..100 {
            let file = open(&path)?;
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(fs4::TryLockError::WouldBlock) => bail!(
                    "another assess is writing {}\n  it holds {shown}; finish or stop that run first",
                    out.display()
                ),
                Err(fs4::TryLockError::Error(e)) => bail!("cannot lock {shown}: {e}"),
            }
            if still_named(&file, &path) {
                let c_path = CString::new(path.as_os_str().as_encoded_bytes()).ok();
                if let Some(c) = &c_path {
                    super::interrupt::holding(c);
                }
                return Ok(Lock { path, c_path, _file: file });
            }
        }
        bail!("cannot lock {shown}: it is removed and created again without end")
    }
}

/// Opens (or creates) the lock file without following a link: pm-skills makes its lock files
/// itself, never as links, and a link planted in their place (`me.yaml.lock` → `/etc/nologin`)
/// would have a run, as root perhaps, create or lock the file it points to. Only a regular file
/// is a lock; anything else is refused with what it is.
fn open(path: &Path) -> anyhow::Result<File> {
    let shown = path.display();
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // No following a link, and no waiting on a named pipe put there.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let not_ours = |what: &str| {
        anyhow!(
            "the lock file {shown} is {what}, not a lock pm-skills made, so it is left as it is\n  remove it and run again"
        )
    };
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) => {
            return Err(match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
                    not_ours(&format!("a symbolic link to {target}"))
                }
                Ok(meta) if meta.is_dir() => not_ours("a folder"),
                _ => anyhow!("cannot create the lock file {shown}: {e}"),
            });
        }
    };
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(_) => Err(not_ours("not a regular file")),
        Err(e) => Err(anyhow!("cannot read the lock file {shown}: {e}")),
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Given up first: once the file is gone, the path may name another run's lock file.
        if let Some(c) = &self.c_path {
            super::interrupt::released(c);
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether `path` still names the open `file`.
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Whether `path` still names the open `file`: elsewhere an open file cannot be removed.
#[cfg(not(unix))]
fn still_named(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("me.yaml");
        let first = Lock::take(&out).unwrap();
        assert!(lock_path(&out).exists());
        let err = Lock::take(&out).unwrap_err().to_string();
        assert!(err.starts_with(&format!("another assess is writing {}", out.display())), "{err}");
        drop(first);
        assert!(!lock_path(&out).exists(), "the lock file goes with the lock");
        // A lock file left behind by a run that was killed is taken over.
        std::fs::write(lock_path(&out), "").unwrap();
        let again = Lock::take(&out).unwrap();
        drop(again);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
