//! What `--out` held when `assess` began, so that the end of a run never writes over what
//! another program put there meanwhile.
//!
//! A run may wait at a prompt for minutes, and an editor, a sync client or a second terminal may
//! change the profile in that time. A revisit (`--skill`, `--for`) writes back the profile it
//! read with some answers changed, and a whole run with `--force` replaces the file it was
//! started over; either would silently undo that change. So the run notes the file's bytes as it
//! read them, and checks them again just before the final rename: if they differ, or the file
//! came or went, nothing is written and the draft keeps the answers.

use std::io::Read as _;
use std::path::Path;
use std::time::SystemTime;

use crate::source::MAX_FILE_BYTES;

/// A file's bytes as read (at most [`MAX_FILE_BYTES`] + 1, the most a profile may hold and one
/// more), or that there was none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen(Option<Content>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Content {
    len: u64,
    /// Compared only for a file longer than the bytes kept, whose end is not compared.
    modified: Option<SystemTime>,
    head: Vec<u8>,
}

impl Seen {
    /// What `path` holds now, through links as a profile is read; a file that does not exist is
    /// `Seen(None)`.
    pub fn now(path: &Path) -> std::io::Result<Seen> {
        let mut file = match std::fs::File::open(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Seen(None)),
            opened => opened?,
        };
        let meta = file.metadata()?;
        let mut head = Vec::new();
        if meta.is_file() {
            file.by_ref().take(MAX_FILE_BYTES + 1).read_to_end(&mut head)?;
        }
        let len = meta.len();
        let modified = (len > head.len() as u64 || !meta.is_file()).then(|| meta.modified().ok()).flatten();
        Ok(Seen(Some(Content { len, modified, head })))
    }

    /// Whether `path` holds something else now: other bytes, or a file where there was none, or
    /// none where there was one. A file that cannot be read counts as changed.
    pub fn changed(&self, path: &Path) -> bool {
        Seen::now(path).map_or(true, |now| now != *self)
    }

    /// Whether there was a file.
    pub fn existed(&self) -> bool {
        self.0.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_bytes_or_existence_is_seen_but_not_a_rewrite_of_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("me.yaml");
        let none = Seen::now(&file).unwrap();
        assert!(!none.existed() && !none.changed(&file));
        std::fs::write(&file, "name: Sam\n").unwrap();
        assert!(none.changed(&file), "a file where there was none");
        let seen = Seen::now(&file).unwrap();
        assert!(seen.existed() && !seen.changed(&file));
        // The same bytes written again, by a rename as editors save: nothing is lost.
        std::fs::write(dir.path().join("new"), "name: Sam\n").unwrap();
        std::fs::rename(dir.path().join("new"), &file).unwrap();
        assert!(!seen.changed(&file));
        std::fs::write(&file, "name: Sam Okafor\n").unwrap();
        assert!(seen.changed(&file), "other bytes");
        std::fs::remove_file(&file).unwrap();
        assert!(seen.changed(&file), "gone");
    }
}
