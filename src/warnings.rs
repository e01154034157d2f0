//! The warnings of one run.

/// What a run warns about, collected in one place as the run goes (cargo's `Shell` is the model):
/// any layer that notices something worth saying adds it here, no command hands warnings along by
/// hand, and `lib` prints every one, after the output or before the error that stopped the run.
#[derive(Debug, Default)]
pub struct Warnings(std::sync::Mutex<Vec<String>>);

impl Warnings {
    /// Adds each of `messages` (sentences without the `warning: ` that `lib` puts before
    /// them), in order.
    pub fn extend(&self, messages: impl IntoIterator<Item = String>) {
        self.lock().extend(messages);
    }

    /// Everything warned about so far, in the order it was said, leaving none behind.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        // A thread that panicked mid-push leaves a whole list: a `Vec` push is not torn.
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_said_anywhere_in_a_run_are_taken_once_in_the_order_said() {
        let warnings = Warnings::default();
        warnings.extend(["first".to_string()]);
        std::thread::scope(|scope| {
            scope.spawn(|| warnings.extend(["from a thread".to_string()]));
        });
        warnings.extend(Some("last".to_string()));
        assert_eq!(warnings.take(), ["first", "from a thread", "last"]);
        assert!(warnings.take().is_empty());
    }
}
