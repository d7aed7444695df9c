//! The parallel loop: workers take jobs in order from a shared source, the calling thread hands
//! their outcomes to a sink in that same order.
//!
//! Outcomes travel through a bounded channel and wait in a reorder buffer until every earlier
//! one has been written, so writing never stops the workers and the output does not depend on
//! the thread count. A worker does not start a job more than `window` places ahead of the last
//! one written: memory holds at most `window` outcomes, whatever the size of the collection.

use std::collections::BTreeMap;
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// Run `work` over every job of `source` on the threads of `pool`, and `sink` over the outcomes
/// in source order, on the calling thread.
pub fn run<J, O>(
    pool: &rayon::ThreadPool,
    source: impl Iterator<Item = J> + Send,
    work: impl Fn(J) -> O + Sync,
    mut sink: impl FnMut(O),
) where
    J: Send,
    O: Send,
{
    let workers = pool.current_num_threads().max(1);
    let window = 16 * workers;
    let source = Mutex::new(source.enumerate());
    // The number of outcomes written so far, and a signal when it grows.
    let written = Mutex::new(0usize);
    let grown = Condvar::new();
    let (tx, rx) = mpsc::sync_channel::<(usize, O)>(window);
    pool.in_place_scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (source, written, grown, work) = (&source, &written, &grown, &work);
            scope.spawn(move |_| loop {
                let next = source.lock().unwrap_or_else(PoisonError::into_inner).next();
                let Some((i, job)) = next else { break };
                let mut w = written.lock().unwrap_or_else(PoisonError::into_inner);
                while i >= *w + window {
                    w = grown.wait(w).unwrap_or_else(PoisonError::into_inner);
                }
                drop(w);
                if tx.send((i, work(job))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(o) = pending.remove(&next) {
                sink(o);
                next += 1;
                *written.lock().unwrap_or_else(PoisonError::into_inner) = next;
                grown.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("pool")
    }

    #[test]
    fn outcomes_come_in_source_order_whatever_the_timing() {
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            run(
                &pool(threads),
                0..500u64,
                |i| {
                    // Uneven work: some jobs take much longer than their neighbours.
                    if i % 37 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(3));
                    }
                    i * 2
                },
                |o| seen.push(o),
            );
            assert_eq!(seen, (0..500).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn workers_stay_within_the_window_of_the_writer() {
        let threads = 2;
        let window = 16 * threads;
        let started = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut written = 0;
        run(
            &pool(threads),
            0..400usize,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                if i == 10 {
                    // A slow job holds the writer back.
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                i
            },
            |_| {
                written += 1;
                let ahead = started.load(Ordering::SeqCst) - written;
                max_ahead = max_ahead.max(ahead);
            },
        );
        assert_eq!(written, 400);
        assert!(max_ahead <= window + threads, "{max_ahead} jobs ahead");
    }

    #[test]
    fn an_empty_source_is_fine() {
        let mut n = 0;
        run(&pool(2), std::iter::empty::<u8>(), |x| x, |_| n += 1);
        assert_eq!(n, 0);
    }
}
