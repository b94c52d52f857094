//! The one worker pool: reading many ledgers at once (`check LEDGER...`, `report LEDGER...`).
//!
//! Workers take the next item from a shared counter, so a slow ledger does not hold up the
//! others, and the results come back in the order of the items, so the output does not depend
//! on the number of cores. Items are handed out in order, so when one fails every item before it
//! has been handed out and finished: the first failure *in the order given* is known, and the
//! workers stop taking new items as soon as one fails.
//!
//! Written here rather than taken from `rayon`, for a measured reason: rayon would not remove
//! these lines. Its `collect::<Result<..>>` returns whichever error it meets first in *time*,
//! not the first in the order of the ledgers (and it does not hand items out in order), so
//! `report` would still need this bookkeeping to name the same broken ledger on every run and
//! stop early. What rayon would cost was measured too, and is small: a clean release build of
//! `rayon` with `rayon-core`, `crossbeam-*` and `either` took 5.7 s of CPU on this shared 2-core
//! machine, against 170 s for cellbook's own clean `cargo build --release` (about 3%). Memory is
//! the same either way: both keep one result per ledger until the end (the report streams its
//! output, not its reading: `ledger::period::cells` returns every cell before
//! `render::report::write` starts).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// `f` over every item on every core, the results in the order of `items`.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    match try_map(items, |item| Ok::<R, std::convert::Infallible>(f(item))) {
        Ok(results) => results,
        Err(never) => match never {},
    }
}

/// `f` over every item on every core, the results in the order of `items`; the first error in
/// that order, if any, and no new item is started once one has failed.
pub fn try_map<T: Sync, R: Send, E: Send>(
    items: &[T],
    f: impl Fn(&T) -> Result<R, E> + Sync,
) -> Result<Vec<R>, E> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let mut done: Vec<(usize, Result<R, E>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    while !failed.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let result = f(item);
                        if result.is_err() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        mine.push((i, result));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    // The indices handed out are 0..k without a gap, and each was finished: sorted, the first
    // error met is the first in the order of `items`.
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..500).collect();
        // Uneven work, so that workers finish out of order.
        let out = map(&items, |&n| {
            if n % 7 == 0 {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            n * 2
        });
        assert_eq!(out, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert!(map(&[] as &[u8], |&b| b).is_empty());
    }

    #[test]
    fn the_first_error_in_order_wins_and_work_stops() {
        let items: Vec<u32> = (0..2_000).collect();
        let calls = AtomicUsize::new(0);
        let out: Result<Vec<u32>, u32> = try_map(&items, |&n| {
            calls.fetch_add(1, Ordering::Relaxed);
            if n == 3 || n == 5 {
                return Err(n);
            }
            std::thread::sleep(std::time::Duration::from_micros(100));
            Ok(n)
        });
        assert_eq!(out, Err(3));
        assert!(calls.load(Ordering::Relaxed) < items.len());
        assert_eq!(
            try_map(&items, |&n| Ok::<_, ()>(n + 1)).map(|v| v.len()),
            Ok(2_000)
        );
    }
}
