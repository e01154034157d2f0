//! Work split over the machine's cores, for the few jobs that grow with the data: reading a
//! team's profiles and building its report.

/// The fewest items worth a thread of their own: below it, starting the thread costs more than
/// it saves.
pub const MIN_PER_THREAD: usize = 64;

/// Maps `f` over `items` on every core, keeping the order, so that the first error reported is
/// the first bad file in the order given. A team of thousands of profiles is parsed in parallel;
/// one profile runs on the calling thread with no thread started.
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    chunks(items, |part| part.into_iter().map(&f).collect::<Vec<R>>()).into_iter().flatten().collect()
}

/// Splits `items` into one run per core, in order, and maps `f` over each run on its own core:
/// for work that gathers a run into one value, such as a part of a CSV file. Fewer than
/// [`MIN_PER_THREAD`] items per core make fewer runs; a few items make one, on the calling thread.
pub fn chunks<T: Send, R: Send>(items: Vec<T>, f: impl Fn(Vec<T>) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len() / MIN_PER_THREAD).max(1);
    if threads == 1 {
        return vec![f(items)];
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut items = items.into_iter();
    loop {
        let part: Vec<T> = items.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        parts.push(part);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts.into_iter().map(|part| scope.spawn(move || f(part))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(map(items.clone(), |i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(map(vec![3], |i| i + 1), vec![4]);
        assert!(map(Vec::<u8>::new(), |i| i).is_empty());
    }

    #[test]
    fn chunks_cover_every_item_once_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let runs = chunks(items.clone(), |run| run);
        assert!(!runs.is_empty() && runs.iter().all(|run| !run.is_empty()));
        assert_eq!(runs.concat(), items);
        assert_eq!(chunks(vec![1, 2, 3], |run| run.len()), vec![3]);
        assert_eq!(chunks(Vec::<u8>::new(), |run| run.len()), vec![0]);
    }
}
