//! Ctrl-C during `assess`. Every answer is on disk before the next question is asked, so a run
//! stopped by Ctrl-C has nothing left to save: it says where the answers are, as `q` does, and
//! exits with 130 (128 + SIGINT, what a shell reports for a run stopped by Ctrl-C).
//!
//! The handler does only what is safe inside a signal handler: it writes a note prepared
//! beforehand, removes the lock file and exits. A Ctrl-C that comes while a file is being written
//! waits until that file is whole ([`Busy`]), so no temporary file is left behind.

use std::path::Path;

/// While this lives, Ctrl-C is caught; dropping it puts back what was there before.
#[must_use]
pub struct Armed {
    #[cfg(unix)]
    previous: Option<libc::sigaction>,
}

/// While this lives, Ctrl-C waits; it takes effect when this is dropped.
#[must_use]
pub struct Busy(());

/// The notes Ctrl-C prints, wrapped at `width` like the questions: the first once the draft holds
/// something, the second before.
pub fn notes(draft: &Path, width: Option<usize>) -> (String, String) {
    let wrap = |text: &str| format!("\n{}", crate::render::wrap::wrap(text, width, "", ""));
    (
        wrap(&format!(
            "Interrupted: your answers so far are kept in {}; run the same command to resume.",
            crate::text::sanitize(&draft.display().to_string(), false)
        )),
        wrap("Interrupted before the first answer; nothing was written."),
    )
}

#[cfg(unix)]
mod unix {
    use std::ffi::{CStr, c_char};
    use std::ptr::null_mut;
    use std::sync::atomic::AtomicBool;
    use std::sync::atomic::AtomicPtr;
    use std::sync::atomic::Ordering::SeqCst;

    pub(super) struct Notes {
        pub kept: Box<[u8]>,
        pub none: Box<[u8]>,
    }

    /// Set once per arming and never freed: the handler may read them at any moment.
    pub(super) static NOTES: AtomicPtr<Notes> = AtomicPtr::new(null_mut());
    /// The lock file to remove, while this process holds the lock.
    pub(super) static LOCK: AtomicPtr<c_char> = AtomicPtr::new(null_mut());
    pub(super) static SAVED: AtomicBool = AtomicBool::new(false);
    pub(super) static BUSY: AtomicBool = AtomicBool::new(false);
    pub(super) static PENDING: AtomicBool = AtomicBool::new(false);
    /// The profile is written: nothing is left for Ctrl-C to stop.
    pub(super) static DONE: AtomicBool = AtomicBool::new(false);

    pub(super) extern "C" fn on_interrupt(_: libc::c_int) {
        if DONE.load(SeqCst) {
            return;
        }
        if BUSY.load(SeqCst) {
            PENDING.store(true, SeqCst);
            return;
        }
        leave();
    }

    /// Prints the note, removes the lock file and exits, with async-signal-safe calls only.
    pub(super) fn leave() -> ! {
        let notes = NOTES.load(SeqCst);
        if !notes.is_null() {
            // SAFETY: `notes` came from `Box::into_raw` in `arm` and is never freed.
            let notes = unsafe { &*notes };
            let text = if SAVED.load(SeqCst) { &notes.kept } else { &notes.none };
            // SAFETY: writes bytes that live for the rest of the process to stderr.
            unsafe { libc::write(2, text.as_ptr().cast(), text.len()) };
        }
        let lock = LOCK.load(SeqCst);
        if !lock.is_null() {
            // SAFETY: `lock` points at the NUL-terminated path owned by the live `Lock`.
            unsafe { libc::unlink(lock) };
        }
        // SAFETY: ends the process at once; every answer is already on disk.
        unsafe { libc::_exit(130) }
    }

    pub(super) fn holding(path: &CStr) {
        LOCK.store(path.as_ptr().cast_mut(), SeqCst);
    }

    pub(super) fn released(path: &CStr) {
        let _ = LOCK.compare_exchange(path.as_ptr().cast_mut(), null_mut(), SeqCst, SeqCst);
    }
}

/// Catches Ctrl-C for the rest of the run, to print the note for `draft` (wrapped at `width`) and
/// exit with 130. A process started with Ctrl-C ignored (`nohup`, a background job) keeps
/// ignoring it.
pub fn arm(draft: &Path, width: Option<usize>) -> Armed {
    #[cfg(unix)]
    {
        let (kept, none) = notes(draft, width);
        let notes = unix::Notes { kept: kept.into_bytes().into(), none: none.into_bytes().into() };
        use std::sync::atomic::Ordering::SeqCst;
        unix::NOTES.store(Box::into_raw(Box::new(notes)), SeqCst);
        unix::DONE.store(false, SeqCst);
        unix::PENDING.store(false, SeqCst);
        // SAFETY: a zeroed sigaction is a valid value to fill in; the handler only does
        // async-signal-safe work (see `leave`).
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = unix::on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            let mut previous: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(libc::SIGINT, &action, &mut previous) != 0 {
                return Armed { previous: None };
            }
            if previous.sa_sigaction == libc::SIG_IGN {
                libc::sigaction(libc::SIGINT, &previous, std::ptr::null_mut());
            }
            Armed { previous: Some(previous) }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (draft, width);
        Armed {}
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(previous) = self.previous.take() {
            // SAFETY: puts back the disposition `arm` replaced.
            unsafe { libc::sigaction(libc::SIGINT, &previous, std::ptr::null_mut()) };
        }
    }
}

/// The draft now holds something, so Ctrl-C says the answers are kept.
pub fn saved(yes: bool) {
    #[cfg(unix)]
    unix::SAVED.store(yes, std::sync::atomic::Ordering::SeqCst);
    #[cfg(not(unix))]
    let _ = yes;
}

/// The profile is written: Ctrl-C from now on is let pass, and the run ends as it would have.
pub fn finished() {
    #[cfg(unix)]
    unix::DONE.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Holds Ctrl-C back while a file is written.
pub fn busy() -> Busy {
    #[cfg(unix)]
    unix::BUSY.store(true, std::sync::atomic::Ordering::SeqCst);
    Busy(())
}

impl Drop for Busy {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::sync::atomic::Ordering::SeqCst;
            unix::BUSY.store(false, SeqCst);
            if unix::PENDING.swap(false, SeqCst) && !unix::DONE.load(SeqCst) {
                unix::leave();
            }
        }
    }
}

/// Ctrl-C removes `path` (the lock file, while this process holds the lock) before it exits.
pub fn holding(path: &std::ffi::CStr) {
    #[cfg(unix)]
    unix::holding(path);
    #[cfg(not(unix))]
    let _ = path;
}

/// The lock file is no longer this process's to remove.
pub fn released(path: &std::ffi::CStr) {
    #[cfg(unix)]
    unix::released(path);
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_names_the_draft() {
        let (kept, none) = notes(Path::new("team/me.yaml.draft"), None);
        assert!(kept.contains("your answers so far are kept in team/me.yaml.draft"), "{kept}");
        assert!(kept.starts_with('\n') && kept.ends_with('\n') && none.ends_with('\n'));
        let (kept, _) = notes(Path::new("team/me.yaml.draft"), Some(30));
        assert_eq!(
            kept,
            "\nInterrupted: your answers so\nfar are kept in\nteam/me.yaml.draft; run the\nsame command to resume.\n"
        );
    }
}
