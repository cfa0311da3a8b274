//! The window of documents in flight when `gloss annotate` works on many at once: how many
//! may be started before the first one still unwritten is done, and the finished ones held
//! until every one before them is written, so the output keeps the input's order.
//!
//! Pure bookkeeping, no threads: [`super::ordered`] drives it. A document counts against
//! the window from the moment it is started until it is handed back for writing, so the
//! results held for reordering are bounded too, and memory stays bounded by the window
//! (documents and bytes), not by the input.

use std::collections::BTreeMap;

/// How much may be in flight at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Documents started and not yet handed back for writing.
    pub documents: usize,
    /// Their input bytes. A single document larger than this still goes, alone.
    pub bytes: usize,
}

impl Limits {
    /// Enough documents to keep `jobs` threads busy while a long one holds up the
    /// writing (four each), and at most 256 MiB of input in flight.
    pub fn for_jobs(jobs: usize) -> Limits {
        Limits {
            documents: jobs.max(1) * 4,
            bytes: 256 << 20,
        }
    }
}

/// Documents in flight, numbered in input order from 0, and the finished ones waiting
/// for their turn to be written.
#[derive(Debug)]
pub struct Window<T> {
    limits: Limits,
    /// The number the next started document gets.
    started: usize,
    /// The number of the next document to hand back.
    next_out: usize,
    /// The input size of every started document not yet handed back.
    sizes: BTreeMap<usize, usize>,
    /// Their sum.
    bytes: usize,
    /// Finished documents not yet handed back.
    done: BTreeMap<usize, T>,
}

impl<T> Window<T> {
    pub fn new(limits: Limits) -> Window<T> {
        Window {
            limits,
            started: 0,
            next_out: 0,
            sizes: BTreeMap::new(),
            bytes: 0,
            done: BTreeMap::new(),
        }
    }

    /// Whether a document of `bytes` may start now: always when nothing is in flight (so
    /// a huge one is not stuck), else while both limits hold with it.
    pub fn admits(&self, bytes: usize) -> bool {
        self.sizes.is_empty()
            || (self.sizes.len() < self.limits.documents
                && self.bytes.saturating_add(bytes) <= self.limits.bytes)
    }

    /// Starts a document of `bytes`; its number.
    pub fn start(&mut self, bytes: usize) -> usize {
        let index = self.started;
        self.started += 1;
        self.sizes.insert(index, bytes);
        self.bytes = self.bytes.saturating_add(bytes);
        index
    }

    /// Records that document `index` is done with `value`.
    pub fn finish(&mut self, index: usize, value: T) {
        self.done.insert(index, value);
    }

    /// The next document in input order with its input size, if it is done; it leaves
    /// the window.
    pub fn pop_ready(&mut self) -> Option<(T, usize)> {
        let value = self.done.remove(&self.next_out)?;
        let size = self.sizes.remove(&self.next_out).unwrap_or(0);
        self.bytes -= size;
        self.next_out += 1;
        Some((value, size))
    }

    /// Documents started and not yet handed back.
    pub fn in_flight(&self) -> usize {
        self.sizes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limits = Limits {
        documents: 3,
        bytes: 100,
    };

    #[test]
    fn the_window_closes_at_its_document_limit_until_the_first_is_handed_back() {
        let mut w = Window::new(SMALL);
        for _ in 0..3 {
            assert!(w.admits(1));
            w.start(1);
        }
        assert!(!w.admits(1), "three in flight: full");
        // The second and third finishing does not open it: they wait for the first.
        w.finish(1, "b");
        w.finish(2, "c");
        assert_eq!(w.pop_ready(), None);
        assert!(!w.admits(1));
        w.finish(0, "a");
        assert_eq!(w.pop_ready(), Some(("a", 1)));
        assert!(w.admits(1));
        assert_eq!(w.pop_ready(), Some(("b", 1)));
        assert_eq!(w.pop_ready(), Some(("c", 1)));
        assert_eq!(w.pop_ready(), None);
        assert_eq!(w.in_flight(), 0);
    }

    #[test]
    fn the_window_closes_at_its_byte_limit_but_takes_a_huge_document_alone() {
        let mut w = Window::new(SMALL);
        w.start(60);
        assert!(w.admits(40));
        assert!(!w.admits(41), "60 + 41 bytes is past the limit");
        w.finish(0, ());
        assert_eq!(w.pop_ready(), Some(((), 60)));
        assert!(w.admits(1000), "nothing in flight: a huge one goes alone");
        w.start(1000);
        assert!(!w.admits(1));
    }

    #[test]
    fn documents_come_back_in_input_order_whatever_order_they_finish_in() {
        let mut w = Window::new(Limits {
            documents: 8,
            bytes: usize::MAX,
        });
        for _ in 0..8 {
            w.start(1);
        }
        let mut out = Vec::new();
        for i in [5, 2, 7, 0, 1, 3, 6, 4] {
            w.finish(i, i);
            while let Some((v, _)) = w.pop_ready() {
                out.push(v);
            }
        }
        assert_eq!(out, (0..8).collect::<Vec<_>>());
    }
}
