//! An ordered parallel map for `gloss annotate` over many documents: the calling thread
//! reads the inputs one by one and writes the results in input order, while a rayon pool
//! of `jobs` threads does the work, at most a [`Window`] of documents in flight.
//!
//! The first failure in input order ends it, whether the input could not be read (a
//! malformed line) or the work failed (a file that cannot be loaded): every result
//! before it has been emitted, whole, and nothing after it is. So the output is the same
//! for any number of jobs, and a failed run leaves a prefix of the complete output.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use super::window::{Limits, Window};

/// What a worker sends back: the document's number and its result (or its panic).
type Done<T, E> = (usize, std::thread::Result<Result<T, E>>);

/// Maps `work` over `inputs` on `jobs` threads and hands each result, in input order, to
/// `emit` with its input's size. `inputs` yields each input with its size in bytes (what
/// the window's byte limit counts), or the error that ends the input.
///
/// A panic in `work` is raised again on the calling thread once the pool has stopped.
pub fn ordered_map<I, T, E>(
    inputs: impl Iterator<Item = Result<(I, usize), E>>,
    jobs: usize,
    limits: Limits,
    work: impl Fn(I) -> Result<T, E> + Sync,
    mut emit: impl FnMut(T, usize) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    T: Send,
    E: Send,
{
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("gloss-annotate-{i}"))
        .build()
    {
        Ok(pool) => pool,
        // No thread could be started: do the work here, one document at a time.
        Err(_) => return sequential(inputs, work, emit),
    };
    let cancelled = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<Done<T, E>>();
    pool.in_place_scope(|scope| {
        let mut window = Window::new(limits);
        let run = || {
            let mut ended = None;
            for input in inputs {
                let (input, size) = match input {
                    Ok(input) => input,
                    Err(e) => {
                        ended = Some(e);
                        break;
                    }
                };
                while !window.admits(size) {
                    receive(&rx, &mut window, &cancelled);
                    emit_ready(&mut window, &mut emit)?;
                }
                let index = window.start(size);
                let (tx, work, cancelled) = (tx.clone(), &work, &cancelled);
                scope.spawn(move |_| {
                    if cancelled.load(Ordering::Relaxed) {
                        return;
                    }
                    let result = catch_unwind(AssertUnwindSafe(|| work(input)));
                    // The receiver is gone only when the run already failed.
                    let _ = tx.send((index, result));
                });
            }
            while window.in_flight() > 0 {
                receive(&rx, &mut window, &cancelled);
                emit_ready(&mut window, &mut emit)?;
            }
            ended.map_or(Ok(()), Err)
        };
        let result = run();
        // A failed run (a document's work, or the writing) skips the documents still
        // queued; the scope waits only for the ones already running.
        if result.is_err() {
            cancelled.store(true, Ordering::Relaxed);
        }
        result
    })
}

/// Waits for one document to finish and records it; a panic in the work is raised here,
/// the documents still queued cancelled first.
fn receive<T, E>(
    rx: &mpsc::Receiver<Done<T, E>>,
    window: &mut Window<Result<T, E>>,
    cancelled: &AtomicBool,
) {
    // A worker always sends (its panic too) unless the run was cancelled, which happens
    // only once nothing is received any more: the channel cannot run dry while documents
    // are in flight.
    if let Ok((index, result)) = rx.recv() {
        match result {
            Ok(value) => window.finish(index, value),
            Err(panic) => {
                cancelled.store(true, Ordering::Relaxed);
                resume_unwind(panic)
            }
        }
    }
}

/// Emits every result whose turn has come; the first failure among them ends the run.
fn emit_ready<T, E>(
    window: &mut Window<Result<T, E>>,
    emit: &mut impl FnMut(T, usize) -> Result<(), E>,
) -> Result<(), E> {
    while let Some((result, size)) = window.pop_ready() {
        emit(result?, size)?;
    }
    Ok(())
}

/// The same contract on the calling thread alone.
fn sequential<I, T, E>(
    inputs: impl Iterator<Item = Result<(I, usize), E>>,
    work: impl Fn(I) -> Result<T, E>,
    mut emit: impl FnMut(T, usize) -> Result<(), E>,
) -> Result<(), E> {
    for input in inputs {
        let (input, size) = input?;
        emit(work(input)?, size)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs `ordered_map` over `0..n` where input `bad_input` cannot be read and input
    /// `bad_work` fails in the work; the emitted values and the error.
    fn run(
        n: usize,
        jobs: usize,
        bad_input: Option<usize>,
        bad_work: Option<usize>,
    ) -> (Vec<usize>, Result<(), String>) {
        let inputs = (0..n).map(|i| {
            if Some(i) == bad_input {
                Err(format!("input {i}"))
            } else {
                Ok((i, 1))
            }
        });
        let mut out = Vec::new();
        let result = ordered_map(
            inputs,
            jobs,
            Limits::for_jobs(jobs),
            |i| {
                // Later documents finish first, so order is really at stake.
                std::thread::sleep(std::time::Duration::from_micros(((n - i) % 7) as u64 * 50));
                if Some(i) == bad_work {
                    Err(format!("work {i}"))
                } else {
                    Ok(i * 10)
                }
            },
            |v, _| {
                out.push(v);
                Ok(())
            },
        );
        (out, result)
    }

    #[test]
    fn results_come_in_input_order_on_four_threads() {
        let (out, result) = run(200, 4, None, None);
        assert_eq!(result, Ok(()));
        assert_eq!(out, (0..200).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn a_bad_input_ends_the_run_after_everything_before_it() {
        for jobs in [1, 4] {
            let (out, result) = run(50, jobs, Some(30), None);
            assert_eq!(result, Err("input 30".to_owned()));
            assert_eq!(
                out,
                (0..30).map(|i| i * 10).collect::<Vec<_>>(),
                "jobs {jobs}"
            );
        }
    }

    #[test]
    fn the_first_failure_in_input_order_wins() {
        for jobs in [1, 4] {
            // The work fails at 12, before the unreadable input 20: 12 is reported.
            let (out, result) = run(50, jobs, Some(20), Some(12));
            assert_eq!(result, Err("work 12".to_owned()));
            assert_eq!(out.len(), 12, "jobs {jobs}");
        }
    }

    #[test]
    fn a_failed_run_skips_the_documents_still_queued() {
        let started = std::sync::atomic::AtomicUsize::new(0);
        let result = ordered_map(
            (0..8).map(|i| Ok::<_, String>((i, 1))),
            1,
            Limits::for_jobs(2),
            |i: usize| {
                started.fetch_add(1, Ordering::SeqCst);
                // The first fails once all eight are queued; each other takes long enough
                // for the failure to be seen before the one after it starts.
                std::thread::sleep(std::time::Duration::from_millis(if i == 0 {
                    20
                } else {
                    150
                }));
                if i == 0 {
                    Err("first".to_owned())
                } else {
                    Ok(i)
                }
            },
            |_, _| Ok(()),
        );
        assert_eq!(result, Err("first".to_owned()));
        let started = started.load(Ordering::SeqCst);
        assert!(
            started <= 2,
            "{started} of 8 documents were annotated after the failure"
        );
    }

    #[test]
    fn a_panic_in_the_work_is_raised_on_the_calling_thread_not_a_hang() {
        let caught = std::panic::catch_unwind(|| {
            ordered_map(
                (0..20).map(|i| Ok::<_, String>((i, 1))),
                2,
                Limits::for_jobs(2),
                |i: usize| {
                    assert_ne!(i, 3, "a detector bug");
                    Ok(i)
                },
                |_, _| Ok(()),
            )
        });
        assert!(caught.is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn any_run_emits_the_prefix_before_its_first_failure(
            n in 0usize..60,
            jobs in 1usize..5,
            bad_input in proptest::option::of(0usize..60),
            bad_work in proptest::option::of(0usize..60),
        ) {
            let (out, result) = run(n, jobs, bad_input, bad_work);
            let first_bad = [bad_input, bad_work].into_iter().flatten().filter(|&b| b < n).min();
            let upto = first_bad.unwrap_or(n);
            prop_assert_eq!(out, (0..upto).map(|i| i * 10).collect::<Vec<_>>());
            prop_assert_eq!(result.is_err(), first_bad.is_some());
        }
    }
}
