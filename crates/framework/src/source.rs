//! Reading input files: the size cap, UTF-8 and NUL checks every input shares, and the walk of a
//! framework folder.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::Problems;

/// Files larger than this are refused before parsing. Nobody writes a framework this big by hand
/// (the 100× scale benchmark's largest file is 7 MB). What a file may cost in memory is bounded
/// by the number of values it holds (`yaml::MAX_VALUES`), checked before parsing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The deepest folder nesting walked under a `--data` folder (also stops symlink loops).
const MAX_DEPTH: usize = 8;

/// How much one folder may hold, counted from the file system before any file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The most YAML files.
    pub files: usize,
    /// The most bytes, from the files' sizes.
    pub bytes: u64,
}

/// What a framework folder may hold. It is held in memory whole, so 40 files just under
/// [`MAX_FILE_BYTES`] would cost gigabytes. The largest real ones hold hundreds of files; the
/// scale benchmark's largest, under 30 MB.
pub(crate) const FRAMEWORK_BUDGET: Budget = Budget { files: 20_000, bytes: 64 * 1024 * 1024 };

/// What a team or history folder may hold. Its profiles are read a few at a time, each reduced
/// to its checked form at once, so it may hold far more than a framework folder: the whole civil
/// service in one run (see docs/performance.md for what that costs, and what to do beyond it).
pub const PROFILES_BUDGET: Budget = Budget { files: 1_000_000, bytes: 512 * 1024 * 1024 };

/// The files a framework folder holds at its top; the rest of it is `roles/`.
const FRAMEWORK_FILES: [&str; 6] =
    ["framework.yaml", "framework.yml", "skills.yaml", "skills.yml", "soft-skills.yaml", "soft-skills.yml"];

/// Refuses a folder (`what`, e.g. `framework folder x`) whose `files` are more or bigger than
/// `budget`, by the sizes the file system gives, before any is read.
pub(crate) fn check_folder_budget(what: &str, files: &[PathBuf], budget: Budget) -> anyhow::Result<()> {
    let sizes: Vec<u64> = files.iter().map(|f| file_size(f)).collect();
    check_folder_sizes(what, files.len(), &sizes, budget)
}

/// The size of `path` as the file system gives it (0 when it cannot say: the read will).
pub fn file_size(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

/// [`check_folder_budget`] of a folder of `files` files of `sizes`.
pub fn check_folder_sizes(what: &str, files: usize, sizes: &[u64], budget: Budget) -> anyhow::Result<()> {
    // The listings stop one past the budget, so the count is only known to be over it.
    if files > budget.files {
        anyhow::bail!("the {what} holds more than {} YAML files, the most read from one folder; refused", budget.files);
    }
    // A file over its own limit is refused by name when it is read, unread: it costs nothing.
    let bytes = sizes.iter().copied().filter(|&n| n <= MAX_FILE_BYTES).fold(0u64, u64::saturating_add);
    if bytes > budget.bytes {
        anyhow::bail!(
            "the {what} holds {} MiB of YAML files, over the limit of {} MiB read from one folder; refused",
            bytes / (1024 * 1024),
            budget.bytes / (1024 * 1024)
        );
    }
    Ok(())
}

/// One input file: where it came from (for messages) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user, e.g. `data/dvla/skills.yaml` or `./my-ladder/skills.yaml`.
    pub display: String,
    /// Path relative to the framework folder, with `/` separators, e.g. `roles/pm.yaml`.
    pub rel: String,
    pub text: String,
}

/// What `-` reads while standard input carries something else (the MCP server's messages): the
/// text a request gave, once, or nothing. `None` reads standard input.
static STDIN_STAND_IN: std::sync::Mutex<Option<Option<Vec<u8>>>> = std::sync::Mutex::new(None);

/// From now on `-` reads `text` (once) instead of standard input, with the same limits; with no
/// text it is refused. Standard input itself is never read again.
pub fn stand_in_for_stdin(text: Option<Vec<u8>>) {
    *STDIN_STAND_IN.lock().unwrap_or_else(|e| e.into_inner()) = Some(text);
}

/// Reads a file the user named, with the size cap, UTF-8 and NUL checks every input shares.
/// `-` reads standard input.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let stdin = path == Path::new("-");
    // Named as profiles name it, so every message about standard input says the same.
    let shown = if stdin { "<stdin>".to_string() } else { path.display().to_string() };
    let bytes = if stdin && let Some(stand_in) = STDIN_STAND_IN.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        stand_in.take().ok_or_else(|| anyhow::anyhow!("standard input is not read here: give the text itself"))?
    } else if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| anyhow::anyhow!("cannot read standard input: {e}"))?;
        buf
    } else {
        let meta = fs::metadata(path).map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
        return read_file(path, &shown, meta);
    };
    text_of(&shown, bytes)
}

/// Reads the file `path` (shown as `shown`) whose metadata, links followed, is `meta`.
fn read_file(path: &Path, shown: &str, meta: fs::Metadata) -> anyhow::Result<String> {
    // Opening a named pipe waits for a writer, and a device never ends: only regular files.
    if let Some(kind) = not_a_file(&meta.file_type()) {
        anyhow::bail!("cannot read {shown}: it is {kind}, expected a regular file");
    }
    if meta.len() > MAX_FILE_BYTES {
        anyhow::bail!(
            "cannot read {shown}: the file is {} MiB, over the {} MiB limit for input files",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    let file = fs::File::open(path).map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| anyhow::anyhow!("cannot read {shown}: {}", io_reason(&e)))?;
    text_of(shown, buf)
}

/// The text of `bytes` read from `shown`, within the size limit and checked as text.
fn text_of(shown: &str, bytes: Vec<u8>) -> anyhow::Result<String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "cannot read {shown}: the input is over the {} MiB limit for input files",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    decode(&bytes).map_err(|why| anyhow::anyhow!("{shown}: {why}"))
}

/// Reads a file found in `folder` (a framework or team folder) as [`read_text`] does, unless it
/// is a symbolic link that leads out of the folder: that is refused by name without being read,
/// so a link planted in a shared folder cannot show another file's text in an error.
pub fn read_text_in(folder: &Path, path: &Path, what: &str) -> anyhow::Result<String> {
    let own = fs::symlink_metadata(path);
    if own.as_ref().is_ok_and(|m| m.file_type().is_symlink()) && leaves(folder, path) {
        anyhow::bail!(
            "cannot read {}: it is a symbolic link to a file outside the {what}; refused without reading it",
            path.display()
        );
    }
    // What is not a link is what the read would look at: it is not looked at twice.
    match own {
        Ok(meta) if !meta.file_type().is_symlink() => read_file(path, &path.display().to_string(), meta),
        _ => read_text(path),
    }
}

/// Whether the symbolic link `path` leads outside `folder`. A link that cannot be followed is
/// left to the read, which says why.
pub fn leaves(folder: &Path, path: &Path) -> bool {
    match (fs::canonicalize(folder), fs::canonicalize(path)) {
        (Ok(folder), Ok(target)) => !target.starts_with(folder),
        _ => false,
    }
}

/// What a file that is not a regular file is, in words.
fn not_a_file(kind: &fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// Turns raw bytes into text: UTF-8 only, no NUL, a leading byte-order mark dropped.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(format!("line {line}: contains a NUL byte; expected a UTF-8 text file"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let pos = e.valid_up_to();
            let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!("line {line}: invalid UTF-8 at byte {pos}; expected a UTF-8 text file"))
        }
    }
}

/// An I/O error as a short phrase ("permission denied"), without the "(os error 13)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            // "Too many levels of symbolic links" and friends carry no kind of their own.
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_lowercase()
        }
    }
}

/// Reads the files of a framework folder, sorted, each with the shared limits: those a framework
/// has (`framework.yaml`, `skills.yaml`, `soft-skills.yaml`, `roles/**`) and nothing else, so
/// `--data /` reads no more than any folder. Another YAML file at the top is listed unread, for
/// the warning that it is no part of the framework. A file that cannot be read becomes a problem,
/// not an early exit.
pub fn read_folder(dir: &Path) -> anyhow::Result<(Vec<SourceFile>, Problems)> {
    let mut problems = Problems::default();
    let problems = &mut problems;
    let meta = fs::metadata(dir)
        .map_err(|e| anyhow::anyhow!("cannot read data folder {}: {}", dir.display(), io_reason(&e)))?;
    if !meta.is_dir() {
        anyhow::bail!("{} is not a folder; expected a framework folder holding framework.yaml", dir.display());
    }
    let (mut paths, mut strays) = (Vec::new(), Vec::new());
    let entries = fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read data folder {}: {}", dir.display(), io_reason(&e)))?;
    for entry in entries.flatten() {
        let (path, name) = (entry.path(), entry.file_name());
        let is_dir = entry.file_type().is_ok_and(|k| k.is_dir());
        if name == "roles" && is_dir {
            walk(&path, 1, &mut paths, problems);
        } else if FRAMEWORK_FILES.iter().any(|f| name == *f) {
            paths.push(path);
        } else if !is_dir && is_yaml(&path) && strays.len() < 100 {
            strays.push(path);
        }
        if paths.len() > FRAMEWORK_BUDGET.files {
            break;
        }
    }
    check_folder_budget(&format!("framework folder {}", dir.display()), &paths, FRAMEWORK_BUDGET)?;
    let mut listed: Vec<(PathBuf, bool)> = paths.into_iter().map(|p| (p, true)).collect();
    listed.extend(strays.into_iter().map(|p| (p, false)));
    listed.sort();
    let mut files = Vec::new();
    for (path, read) in listed {
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if !read {
            files.push(SourceFile { display: path.display().to_string(), rel, text: String::new() });
            continue;
        }
        match read_text_in(dir, &path, "framework folder") {
            Ok(text) => files.push(SourceFile { display: path.display().to_string(), rel, text }),
            Err(e) => problems.error(path.display().to_string(), None, strip_prefix_path(&e.to_string(), &path)),
        }
    }
    Ok((files, std::mem::take(problems)))
}

fn strip_prefix_path(message: &str, path: &Path) -> String {
    let shown = path.display().to_string();
    message
        .strip_prefix(&format!("cannot read {shown}: "))
        .or_else(|| message.strip_prefix(&format!("{shown}: ")))
        .unwrap_or(message)
        .to_string()
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, problems: &mut Problems) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.error(dir.display().to_string(), None, format!("cannot read folder: {}", io_reason(&e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth + 1 < MAX_DEPTH {
                walk(&path, depth + 1, out, problems);
            }
        } else if is_yaml(&path) {
            // Regular files and symlinks to files; a broken or looping link is reported on read.
            out.push(path);
        }
        // Enough to refuse the folder: the walk stops.
        if out.len() > FRAMEWORK_BUDGET.files {
            return;
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_drops_bom_and_rejects_nul_and_bad_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1").unwrap(), "a: 1");
        assert!(decode(b"a: 1\nb: \0").unwrap_err().contains("line 2"));
        assert!(decode(b"a: \xff").unwrap_err().contains("invalid UTF-8"));
    }

    #[test]
    fn a_folder_over_its_budget_is_refused_by_count_or_by_bytes() {
        let budget = Budget { files: 3, bytes: 100 };
        assert!(check_folder_sizes("team folder t", 3, &[40, 40, 20], budget).is_ok());
        let err = check_folder_sizes("team folder t", 4, &[1, 1, 1, 1], budget).unwrap_err().to_string();
        assert_eq!(err, "the team folder t holds more than 3 YAML files, the most read from one folder; refused");
        let mib = 1024 * 1024;
        let big = Budget { files: 3, bytes: 2 * mib };
        let err = check_folder_sizes("team folder t", 3, &[mib, mib, mib], big).unwrap_err().to_string();
        assert!(err.contains("holds 3 MiB of YAML files, over the limit of 2 MiB"), "{err}");
        // A file over the limit for one file is refused by name when read, not counted here.
        assert!(check_folder_sizes("team folder t", 1, &[MAX_FILE_BYTES + 1], big).is_ok());
    }
}
