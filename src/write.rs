//! Writing files safely: a temporary file beside the target, then a rename, so a reader never
//! sees half a file and an interrupted run leaves the old file whole.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh path beside `target` for a temporary file or folder.
pub fn temp_beside(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is never replaced: the
/// new file is linked into place, which fails if the name is taken, even in a race.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let shown = path.display();
    if path.is_dir() {
        anyhow::bail!("cannot write {shown}: it is a directory");
    }
    if !force && path.exists() {
        anyhow::bail!("{shown} already exists; use --force to replace it");
    }
    let tmp = temp_beside(path);
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        anyhow::bail!("cannot write {shown}: {e}");
    }
    let placed =
        if force { fs::rename(&tmp, path) } else { fs::hard_link(&tmp, path).and_then(|()| fs::remove_file(&tmp)) };
    if let Err(e) = placed {
        let _ = fs::remove_file(&tmp);
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::bail!("{shown} already exists; use --force to replace it");
        }
        anyhow::bail!("cannot write {shown}: {e}");
    }
    Ok(())
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
}
