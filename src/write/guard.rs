//! What a write must never land on: the files and folders the run reads, and the folders whose
//! loss no `--force` could be worth (the root, a home folder and every folder above it, the
//! current folder). One place, so a report's `--out`, `assess --out`, `site` and `import` refuse
//! the same things in the same words.

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::bail;

/// The file in every folder that `site` and `import` write, saying which command wrote it:
/// `--force` replaces a non-empty folder only when it carries one, so it never deletes a folder
/// of the user's own (a git repository, a home folder) that happens to be named.
pub const MARKER: &str = ".pm-skills";

/// The text of [`MARKER`]: one line naming the command.
pub fn marker_text(by: &str) -> String {
    format!("Written by `pm-skills {by}`; `--force` replaces this folder whole.\n")
}

/// Refuses a destination that would change what the run reads: an input file itself (the same
/// file, through links and hard links), a path inside an input folder, and, for a folder that
/// is replaced whole (`folder`), one that holds an input. `-` (standard input) is no file.
pub fn refuse_overlap(dest: &Path, folder: bool, inputs: &[&Path]) -> anyhow::Result<()> {
    let shown = dest.display();
    let target = resolve(dest);
    let dest_id = fs::metadata(dest).ok().map(|m| identity(&m));
    for input in inputs.iter().filter(|i| i.as_os_str() != "-") {
        let (Ok(canon), Ok(meta)) = (fs::canonicalize(input), fs::metadata(input)) else { continue };
        let what = input.display();
        let same = dest_id.is_some_and(|id| id == identity(&meta)) || target == canon;
        if same {
            let kind = if meta.is_dir() { "folder" } else { "file" };
            bail!(
                "--out {shown} is the input {kind} {what}: writing it would replace what this run reads; write to another {}",
                if folder { "folder" } else { "file" }
            );
        }
        if meta.is_dir() && target.starts_with(&canon) {
            let why = if folder {
                "replacing it would delete part of what this run reads"
            } else {
                "writing there would change what this run reads, and what the next one reads"
            };
            bail!("--out {shown} is inside the input folder {what}: {why}; write outside that folder");
        }
        if folder && canon.starts_with(&target) {
            bail!(
                "--out {shown} holds the input {what}: replacing the folder would delete it; write to another folder"
            );
        }
    }
    Ok(())
}

/// A file's identity: its device and inode, the same through any link to it, hard or symbolic.
#[cfg(unix)]
pub fn identity(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt as _;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub fn identity(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// `path` made absolute with every link resolved, for the part that exists; the rest (a folder
/// still to be made) is added as written, `.` and `..` applied.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    loop {
        if let Ok(canon) = fs::canonicalize(base) {
            let mut out = canon;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return out;
        }
        match (base.components().next_back(), base.parent()) {
            (Some(last), Some(parent)) => {
                rest.push(last);
                base = parent;
            }
            _ => return absolute,
        }
    }
}

/// Refuses to replace a folder whose loss would be a disaster, marker or not: the root, a home
/// folder (from `$HOME` and from the user database, which cron and some sudo set-ups leave
/// without `$HOME`) or a folder above one, and the current folder or one above it.
pub fn refuse_precious(out: &Path) -> anyhow::Result<()> {
    let Ok(canon) = fs::canonicalize(out) else { return Ok(()) };
    let shown = out.display();
    let why = if canon.parent().is_none() {
        "it is the root of the filesystem".to_string()
    } else if let Some(home) = home_folders().into_iter().find(|home| home.starts_with(&canon)) {
        if home == canon {
            "it is your home folder".to_string()
        } else {
            format!("it holds your home folder {}", home.display())
        }
    } else if std::env::current_dir().ok().and_then(|c| fs::canonicalize(c).ok()).is_some_and(|c| c.starts_with(&canon))
    {
        "it holds the current folder".to_string()
    } else {
        return Ok(());
    };
    bail!("refusing to replace {shown}, even with --force: {why}; write the folder somewhere else")
}

/// The home folders of whoever runs this: `$HOME`, and the user database's entry, each
/// resolved through links.
pub fn home_folders() -> Vec<PathBuf> {
    let from_env = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    let mut homes: Vec<PathBuf> =
        from_env.into_iter().chain(home_from_user_database()).filter_map(|h| fs::canonicalize(h).ok()).collect();
    homes.dedup();
    homes
}

/// The home folder the user database gives this user (`getpwuid_r`), whatever `$HOME` says.
#[cfg(unix)]
pub fn home_from_user_database() -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt as _;
    let mut buffer = vec![0 as libc::c_char; 1024];
    loop {
        // SAFETY: `passwd` is plain data that getpwuid_r fills in; `buffer` is the scratch space
        // it may use, with its true length; `found` is set to null or to `passwd`. The strings
        // it points to live in `buffer`, which outlives their one use below.
        let mut passwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc =
            unsafe { libc::getpwuid_r(libc::getuid(), &mut passwd, buffer.as_mut_ptr(), buffer.len(), &mut found) };
        if rc == libc::ERANGE && buffer.len() < 1 << 20 {
            buffer.resize(buffer.len() * 2, 0);
            continue;
        }
        if rc != 0 || found.is_null() || passwd.pw_dir.is_null() {
            return None;
        }
        // SAFETY: getpwuid_r succeeded, so pw_dir is a NUL-terminated string inside `buffer`.
        let dir = unsafe { std::ffi::CStr::from_ptr(passwd.pw_dir) };
        let dir = std::ffi::OsStr::from_bytes(dir.to_bytes());
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
}

#[cfg(not(unix))]
pub fn home_from_user_database() -> Option<PathBuf> {
    None
}

/// Whether pm-skills wrote `dir`: it holds a [`MARKER`] that is a file (a link is not one).
pub fn is_ours(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// A few of the entries of `dir`, sorted, for a message: "a.yaml, notes/, x.txt and 4 more".
pub fn some_entries(dir: &Path) -> String {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let slash = if e.file_type().is_ok_and(|t| t.is_dir()) { "/" } else { "" };
                    format!("{}{slash}", e.file_name().to_string_lossy())
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    const SHOWN: usize = 3;
    let more = names.len().saturating_sub(SHOWN);
    names.truncate(SHOWN);
    match (names.as_slice(), more) {
        ([], _) => "nothing that can be listed".to_string(),
        ([one], 0) => one.clone(),
        (shown, 0) => format!("{} and {}", shown[..shown.len() - 1].join(", "), shown[shown.len() - 1]),
        (shown, more) => format!("{} and {more} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_refused_through_links_and_inside_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (me, fw) = (dir.path().join("me.yaml"), dir.path().join("fw"));
        fs::write(&me, "name: x\n").unwrap();
        fs::create_dir_all(fw.join("roles")).unwrap();
        let err = |dest: &Path, folder| refuse_overlap(dest, folder, &[&me, &fw]).unwrap_err().to_string();
        assert!(err(&me, false).contains("is the input file"));
        std::os::unix::fs::symlink(&me, dir.path().join("link.yaml")).unwrap();
        assert!(err(&dir.path().join("link.yaml"), false).contains("is the input file"));
        fs::hard_link(&me, dir.path().join("hard.yaml")).unwrap();
        assert!(err(&dir.path().join("hard.yaml"), false).contains("is the input file"));
        assert!(err(&fw.join("new/r.yaml"), false).contains("inside the input folder"));
        assert!(err(&fw.join("roles"), true).contains("inside the input folder"));
        assert!(err(&dir.path().join("x/../fw/roles/../roles"), true).contains("inside the input folder"));
        assert!(err(dir.path(), true).contains("holds the input"));
        assert!(err(&fw, true).contains("is the input folder"));
        refuse_overlap(&dir.path().join("out"), true, &[&me, &fw]).unwrap();
        refuse_overlap(&dir.path().join("out.yaml"), false, &[&me, &fw, Path::new("-")]).unwrap();
    }

    #[test]
    fn the_home_folder_comes_from_the_user_database_too() {
        let Some(home) = home_from_user_database() else {
            eprintln!("skipped: this user has no entry in the user database");
            return;
        };
        // The entry the user database has for this uid, read another way: /etc/passwd.
        let uid = unsafe { libc::getuid() }.to_string();
        if let Ok(passwd) = fs::read_to_string("/etc/passwd")
            && let Some(line) = passwd.lines().find(|l| l.split(':').nth(2) == Some(uid.as_str()))
        {
            assert_eq!(home, Path::new(line.split(':').nth(5).unwrap()));
        }
        if let Ok(canon) = fs::canonicalize(&home) {
            assert!(home_folders().contains(&canon));
        }
    }

    #[test]
    fn the_root_and_the_folders_above_home_are_precious() {
        let err = refuse_precious(Path::new("/")).unwrap_err().to_string();
        assert!(err.contains("root of the filesystem"), "{err}");
        for home in home_folders() {
            for above in home.ancestors() {
                assert!(refuse_precious(above).is_err(), "{}", above.display());
            }
        }
        refuse_precious(tempfile::tempdir().unwrap().path()).unwrap();
    }

    #[test]
    fn a_message_names_a_few_entries() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(some_entries(dir.path()), "nothing that can be listed");
        fs::write(dir.path().join("b.txt"), "").unwrap();
        assert_eq!(some_entries(dir.path()), "b.txt");
        fs::create_dir(dir.path().join(".git")).unwrap();
        assert_eq!(some_entries(dir.path()), ".git/ and b.txt");
        for name in ["c", "d", "e"] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        assert_eq!(some_entries(dir.path()), ".git/, b.txt, c and 2 more");
    }
}
