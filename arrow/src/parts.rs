//! Rows shared between threads: parts of at least [`PART`] rows, one per core.

use crate::internal;
use liaison::Error;

/// The fewest rows worth a thread of their own in
/// [`Register::evaluate_parallel`](crate::Register::evaluate_parallel).
pub(crate) const PART: usize = 1 << 18;

/// The threads a host may give [`Columnar::evaluate_parallel`](crate::Columnar::evaluate_parallel):
/// `LIAISON_THREADS` when it is set to a number from 1 to 64, else the machine's, at most 8.
pub fn threads() -> usize {
    std::env::var("LIAISON_THREADS")
        .ok()
        .and_then(|t| t.trim().parse::<usize>().ok())
        .filter(|t| (1..=64).contains(t))
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// The rows of each part when `n` rows are shared between up to `threads` threads, each
/// part at least [`PART`] rows: `n` itself for one part.
pub(crate) fn part_size(n: usize, threads: usize) -> usize {
    let parts = threads.min(n.div_ceil(PART)).max(1);
    n.div_ceil(parts)
}

/// `f(at, len)` over the parts of `n` rows, parts of at least [`PART`] rows on up to
/// `threads` scoped threads, the answers in row order.
pub(crate) fn in_parts<T: Send>(
    n: usize,
    threads: usize,
    f: impl Fn(usize, usize) -> Result<T, Error> + Sync,
) -> Result<Vec<T>, Error> {
    let size = part_size(n, threads).max(1);
    let parts: Vec<_> = (0..n.max(1))
        .step_by(size)
        .map(|at| (at, size.min(n - at)))
        .collect();
    on_threads(parts, |(at, len)| f(at, len))
}

/// `f` of every part, each on a scoped thread of its own (a single part on this thread),
/// the answers in the parts' order; the first error in that order is the answer.
pub(crate) fn on_threads<P: Send, T: Send>(
    parts: Vec<P>,
    f: impl Fn(P) -> Result<T, Error> + Sync,
) -> Result<Vec<T>, Error> {
    if parts.len() <= 1 {
        return parts.into_iter().map(f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || f(part)))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(internal("a worker thread panicked")))
            })
            .collect()
    })
}
