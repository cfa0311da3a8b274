//! A window of a long list: the rows around the cursor, never the whole list. The window
//! says when it needs the page before or after it ([`Window::wanted`]), takes pages in
//! ([`Window::take`]) and drops rows far from the cursor, so memory stays flat however
//! long the list is. Pure: the screens ask the library for what it wants.

use super::shelf::Toward;

/// Rows asked for at a time.
pub const PAGE: usize = 100;
/// Rows kept at most: three pages around the cursor.
const KEEP: usize = 3 * PAGE;
/// How near an edge of the window the cursor may come before the next page is wanted.
const MARGIN: usize = PAGE / 4;

/// A page the window wants: the rows `toward` its first or last row, or (no row yet) the
/// start (`After`) or the end (`Before`) of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    pub toward: Toward,
    /// The index of the row to page from (`None`: from an end of the list).
    pub from: Option<usize>,
}

/// Rows around the cursor, with whether the list's ends are inside the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window<T> {
    rows: Vec<T>,
    cursor: usize,
    /// The first row shown (kept by [`Window::show`]).
    top: usize,
    /// The list's index of `rows[0]`, when known (counted from the start or the end).
    first: Option<usize>,
    at_start: bool,
    at_end: bool,
    /// Whether anything was ever taken in.
    loaded: bool,
    /// Rows kept at most (a list walked only down keeps all it passed).
    keep: usize,
    /// Whether the next load (nothing loaded) is the list's end rather than its start.
    from_end: bool,
}

impl<T> Default for Window<T> {
    fn default() -> Window<T> {
        Window {
            rows: Vec::new(),
            cursor: 0,
            top: 0,
            first: None,
            at_start: false,
            at_end: false,
            loaded: false,
            keep: KEEP,
            from_end: false,
        }
    }
}

impl<T> Window<T> {
    /// A window that never drops rows: for lists paged only downwards (search hits, the
    /// entity index), whose rows above cannot be asked for again.
    pub fn growing() -> Window<T> {
        Window {
            keep: usize::MAX,
            ..Window::default()
        }
    }

    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    /// The index of the selected row in [`Window::rows`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn selected(&self) -> Option<&T> {
        self.rows.get(self.cursor)
    }

    /// The first row to draw.
    pub fn top(&self) -> usize {
        self.top
    }

    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    /// The selected row's place in the whole list (1-based), when known.
    pub fn place(&self) -> Option<usize> {
        Some(self.first? + self.cursor + 1)
    }

    /// Forgets every row: the next [`Window::wanted`] asks for the list's start.
    pub fn reset(&mut self) {
        *self = Window {
            keep: self.keep,
            ..Window::default()
        };
    }

    /// Moves the cursor by `delta` rows, within the rows held.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Starts over at one end of the list: the start (`top`) or the end.
    pub fn jump(&mut self, top: bool) {
        let was_whole = self.at_start && self.at_end;
        if was_whole {
            self.cursor = if top {
                0
            } else {
                self.rows.len().saturating_sub(1)
            };
            return;
        }
        self.reset();
        self.from_end = !top;
    }

    /// The page to ask for next, if the cursor is near an edge that is not the list's end.
    pub fn wanted(&self) -> Option<Want> {
        if !self.loaded {
            let toward = if self.from_end {
                Toward::Before
            } else {
                Toward::After
            };
            return Some(Want { toward, from: None });
        }
        if self.rows.is_empty() {
            return None;
        }
        if !self.at_end && self.cursor + MARGIN >= self.rows.len() {
            return Some(Want {
                toward: Toward::After,
                from: Some(self.rows.len() - 1),
            });
        }
        if !self.at_start && self.cursor < MARGIN {
            return Some(Want {
                toward: Toward::Before,
                from: Some(0),
            });
        }
        None
    }

    /// Takes in the page asked for by `want`: `page` is in list order, at most `limit`
    /// rows (fewer means the list ends there). Rows far from the cursor are dropped.
    pub fn take(&mut self, want: Want, page: Vec<T>, limit: usize, total: Option<usize>) {
        let short = page.len() < limit;
        let got = page.len();
        match (want.toward, want.from) {
            (Toward::After, None) => {
                self.rows = page;
                self.cursor = 0;
                self.top = 0;
                self.first = Some(0);
                self.at_start = true;
                self.at_end = short;
            }
            (Toward::Before, None) => {
                self.rows = page;
                self.cursor = got.saturating_sub(1);
                self.top = 0;
                self.first = total.map(|t| t.saturating_sub(got));
                self.at_start = short;
                self.at_end = true;
            }
            (Toward::After, Some(_)) => {
                self.rows.extend(page);
                self.at_end = short;
                let drop = self.rows.len().saturating_sub(self.keep).min(self.cursor);
                self.rows.drain(..drop);
                self.cursor -= drop;
                self.top = self.top.saturating_sub(drop);
                self.first = self.first.map(|f| f + drop);
                self.at_start &= drop == 0;
            }
            (Toward::Before, Some(_)) => {
                let mut rows = page;
                rows.append(&mut self.rows);
                self.rows = rows;
                self.cursor += got;
                self.top += got;
                self.first = self.first.and_then(|f| f.checked_sub(got));
                self.at_start = short;
                let keep = self.keep.max(self.cursor + 1);
                if self.rows.len() > keep {
                    self.rows.truncate(keep);
                    self.at_end = false;
                }
            }
        }
        self.loaded = true;
        self.from_end = false;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// Keeps the cursor among the `height` rows shown, scrolling as little as it can.
    pub fn show(&mut self, height: usize) {
        let height = height.max(1);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + height {
            self.top = self.cursor + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers a want from a list of `n` numbers, as the library would.
    fn answer(w: &mut Window<usize>, n: usize) {
        let Some(want) = w.wanted() else { return };
        let list: Vec<usize> = (0..n).collect();
        let page: Vec<usize> = match (want.toward, want.from.map(|i| w.rows()[i])) {
            (Toward::After, None) => list.iter().take(PAGE).copied().collect(),
            (Toward::After, Some(v)) => list.iter().skip(v + 1).take(PAGE).copied().collect(),
            (Toward::Before, None) => list[n.saturating_sub(PAGE)..].to_vec(),
            (Toward::Before, Some(v)) => list[v.saturating_sub(PAGE)..v].to_vec(),
        };
        w.take(want, page, PAGE, Some(n));
    }

    #[test]
    fn walking_a_long_list_keeps_a_bounded_window_and_the_right_row() {
        let n = 10_000;
        let mut w = Window::default();
        answer(&mut w, n);
        assert_eq!(w.rows().len(), PAGE);
        for step in 1..2_000 {
            w.move_by(1);
            answer(&mut w, n);
            assert_eq!(w.selected(), Some(&step));
            assert_eq!(w.place(), Some(step + 1));
            assert!(w.rows().len() <= KEEP + PAGE, "{}", w.rows().len());
        }
        for step in (1_000..1_999).rev() {
            w.move_by(-1);
            answer(&mut w, n);
            assert_eq!(w.selected(), Some(&step));
            assert!(w.rows().len() <= KEEP + PAGE);
        }
    }

    #[test]
    fn the_end_of_the_list_is_one_jump_away_and_the_rows_above_it_follow() {
        let n = 1_000;
        let mut w = Window::default();
        answer(&mut w, n);
        w.jump(false);
        answer(&mut w, n);
        assert_eq!(w.selected(), Some(&(n - 1)));
        assert_eq!(w.place(), Some(n));
        w.move_by(-(PAGE as isize) + 1);
        answer(&mut w, n);
        assert_eq!(w.selected(), Some(&(n - PAGE)));
        w.move_by(-1);
        answer(&mut w, n);
        assert_eq!(w.selected(), Some(&(n - PAGE - 1)));
        w.jump(true);
        answer(&mut w, n);
        assert_eq!(w.selected(), Some(&0));
    }

    #[test]
    fn a_short_list_is_whole_and_wants_nothing_more() {
        let mut w = Window::default();
        answer(&mut w, 3);
        assert_eq!(w.rows(), &[0, 1, 2]);
        w.move_by(5);
        assert_eq!(w.selected(), Some(&2));
        assert_eq!(w.wanted(), None);
        w.jump(true);
        assert_eq!(w.selected(), Some(&0));
        w.show(2);
        w.move_by(2);
        w.show(2);
        assert_eq!(w.top(), 1);
    }
}
