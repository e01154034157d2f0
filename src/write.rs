//! Writing files and folders safely: a temporary one beside the target, then a rename, so a
//! reader never sees half of it and an interrupted run leaves the old one whole.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};

/// A fresh path beside `target` for a temporary file.
pub fn temp_beside(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    sibling(parent, &name, "tmp")
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

/// Deletes a temporary folder unless disarmed, so a failed import leaves nothing behind.
struct TempDir(Option<PathBuf>);

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_dir_all(path);
        }
    }
}

/// A new, unused sibling path of `out`: `.NAME.pm-skills-TAG-PID-N`.
fn sibling(parent: &Path, name: &str, tag: &str) -> PathBuf {
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let candidate = parent.join(format!(".{name}.pm-skills-{tag}-{pid}-{n}"));
        if fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}

/// Writes `files` (path relative to `out`, text) into a temporary sibling of `out`, then renames it
/// into place. With `force`, a
/// non-empty `out` is moved aside first and deleted only once the new folder is in place; if that
/// last deletion fails, returns where the old contents are.
pub fn write_folder(out: &Path, force: bool, files: &[(String, String)]) -> anyhow::Result<Option<PathBuf>> {
    check_folder(out, force)?;
    let shown = out.display();
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).with_context(|| format!("cannot create the folder {}", parent.display()))?;
    let tmp_path = sibling(&parent, &name, "new");
    fs::create_dir(&tmp_path).with_context(|| format!("cannot create a temporary folder beside {shown}"))?;
    let mut tmp = TempDir(Some(tmp_path.clone()));
    for (rel, text) in files {
        let path = tmp_path.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut kept = None;
    match fs::symlink_metadata(out) {
        Err(_) => {
            fs::rename(&tmp_path, out).with_context(|| format!("cannot move the new folder into place at {shown}"))?
        }
        Ok(_) if fs::read_dir(out).is_ok_and(|mut d| d.next().is_none()) => {
            fs::remove_dir(out).with_context(|| format!("cannot replace the empty folder {shown}"))?;
            fs::rename(&tmp_path, out).with_context(|| format!("cannot move the new folder into place at {shown}"))?;
        }
        Ok(_) => {
            let old = sibling(&parent, &name, "old");
            fs::rename(out, &old).with_context(|| format!("cannot move the old contents of {shown} aside"))?;
            if let Err(e) = fs::rename(&tmp_path, out) {
                let _ = fs::rename(&old, out);
                return Err(anyhow!(e)).with_context(|| format!("cannot move the new folder into place at {shown}"));
            }
            if fs::remove_dir_all(&old).is_err() {
                kept = Some(old);
            }
        }
    }
    tmp.0 = None;
    Ok(kept)
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
