//! A frame that only scrolled the article. The terminal scrolls the article pane's rows
//! (a scroll region: every terminal since the VT100 has them), so of the article only the
//! lines that came into view are painted and written. A scroll region spans whole rows,
//! so it also drags the rest of those rows along, the side pane with them: each such row
//! is put back, written only where it differs from what the scroll left there. A move of a
//! page or more paints the article's rows in place instead, leaving the side pane alone.
//!
//! The screen copy is kept exact throughout: moved like the terminal, then given the new
//! cells, so the next frame's diff is against what really is on screen.

use std::io;
use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;

use super::super::ansi::write_cells;
use super::super::model::Model;
use super::super::ui;
use super::Presenter;

/// Where a scroll happens and by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scroll {
    /// The article pane's rows: the scroll region.
    rows: Range<u16>,
    /// The columns the article's lines take (the pane, less a scrollbar inside it).
    cols: Range<u16>,
    /// The scrollbar's column, painted afresh.
    scrollbar: Option<Rect>,
    /// The status bar, painted afresh.
    status: Option<Rect>,
    /// Lines moved: positive when the text moved up (the reader went down).
    by: isize,
}

impl Scroll {
    pub fn new(
        article: Rect,
        scrollbar: Option<Rect>,
        status: Option<Rect>,
        by: isize,
    ) -> Option<Scroll> {
        if article.is_empty() {
            return None;
        }
        let inside = scrollbar.filter(|b| b.x + 1 == article.right() && b.x > article.x);
        let cols = article.x..inside.map_or(article.right(), |b| b.x);
        Some(Scroll {
            rows: article.y..article.bottom(),
            cols,
            scrollbar,
            status,
            by,
        })
    }

    /// Lines moved, when the terminal can move the rest (less than the pane's height).
    fn shift(&self) -> Option<u16> {
        let n = u16::try_from(self.by.unsigned_abs()).ok()?;
        (n > 0 && n < self.rows.end - self.rows.start).then_some(n)
    }

    /// The article rows to paint: those that came into view (all after a long move).
    fn fresh(&self) -> Range<u16> {
        match (self.shift(), self.by) {
            (_, 0) => self.rows.start..self.rows.start,
            (Some(n), by) if by > 0 => self.rows.end - n..self.rows.end,
            (Some(n), _) => self.rows.start..self.rows.start + n,
            (None, _) => self.rows.clone(),
        }
    }

    /// The row whose old content the terminal shows at row `y` after the scroll; `None`
    /// for a row the scroll left blank.
    fn shown_from(&self, y: u16) -> Option<u16> {
        let Some(n) = self.shift() else {
            return Some(y);
        };
        let from = match self.by > 0 {
            true => y.checked_add(n)?,
            false => y.checked_sub(n)?,
        };
        self.rows.contains(&from).then_some(from)
    }

    fn on_scrollbar(&self, x: u16, y: u16) -> bool {
        self.scrollbar
            .is_some_and(|b| b.contains(ratatui::layout::Position::new(x, y)))
    }
}

/// Paints and writes the scrolled frame, and brings the screen copy up to date.
pub fn present<B>(
    p: &mut Presenter,
    terminal: &mut Terminal<B>,
    m: &Model,
    theme: &Theme,
    s: &Scroll,
) -> io::Result<()>
where
    B: Backend<Error = io::Error>,
{
    let fresh = s.fresh();
    ui::draw_scrolled(&mut terminal.get_frame(), m, theme, fresh.clone());
    if let Some(n) = s.shift() {
        let backend = terminal.backend_mut();
        match s.by > 0 {
            true => backend.scroll_region_up(s.rows.clone(), n)?,
            false => backend.scroll_region_down(s.rows.clone(), n)?,
        }
    }
    let next = terminal.current_buffer_mut();
    write_cells(&mut p.out, changes(&p.screen, next, s, &fresh));
    let screen = &mut p.screen;
    if let Some(n) = s.shift() {
        move_rows(screen, s, n);
    }
    // The screen takes the painted cells; `next` gets blank cells back where it was
    // painted, ready for the next frame (resetting all of it would cost more than the rest
    // of a scrolled frame).
    let mut painted: Vec<(Range<u16>, u16)> = fresh.map(|y| (s.cols.clone(), y)).collect();
    for area in [s.scrollbar, s.status].into_iter().flatten() {
        painted.extend((area.y..area.bottom()).map(|y| (area.x..area.right(), y)));
    }
    for (cols, y) in painted {
        swap_cells(screen, next, cols.clone(), y);
        if !cols.is_empty() {
            let i = next.index_of(cols.start, y);
            let len = usize::from(cols.end - cols.start);
            next.content[i..i + len].iter_mut().for_each(Cell::reset);
        }
    }
    Ok(())
}

/// The cells to write after the terminal scrolled: the rest of each scrolled row where it
/// differs from what the scroll left, the fresh article rows, and the status bar.
fn changes<'a>(
    screen: &'a Buffer,
    next: &'a Buffer,
    s: &Scroll,
    fresh: &Range<u16>,
) -> Vec<(u16, u16, &'a Cell)> {
    let width = screen.area.width;
    let mut cells = Vec::new();
    for y in s.rows.clone() {
        let from = s.shown_from(y);
        for cols in [0..s.cols.start, s.cols.end..width] {
            // Beside the article nothing changed but the scrollbar.
            let wanted = |x: u16| match s.on_scrollbar(x, y) {
                true => &next[(x, y)],
                false => &screen[(x, y)],
            };
            let on_screen = |x: u16| from.map_or(&Cell::EMPTY, |f| &screen[(x, f)]);
            if let Some(cols) = to_write(cols, wanted, on_screen) {
                push_row(&mut cells, cols, y, wanted);
            }
        }
        if fresh.contains(&y) {
            push_row(&mut cells, s.cols.clone(), y, |x| &next[(x, y)]);
        }
    }
    if let Some(status) = s.status {
        for y in status.y..status.bottom() {
            let cols = status.x..status.right();
            if cols.clone().any(|x| next[(x, y)] != screen[(x, y)]) {
                push_row(&mut cells, cols, y, |x| &next[(x, y)]);
            }
        }
    }
    cells
}

/// The columns of a row segment to write so that it shows `wanted` where it shows
/// `on_screen`: from the first difference to the last, or the whole segment when a wide
/// character is in it (half of one overwritten blanks the other half, so narrow spans
/// around it cannot be trusted).
fn to_write<'a>(
    cols: Range<u16>,
    wanted: impl Fn(u16) -> &'a Cell,
    on_screen: impl Fn(u16) -> &'a Cell,
) -> Option<Range<u16>> {
    let differs = |x: &u16| wanted(*x) != on_screen(*x);
    let first = cols.clone().find(differs)?;
    let last = cols.clone().rev().find(differs)?;
    let wide = |c: &Cell| !c.symbol().is_ascii() && c.symbol().width() > 1;
    match cols.clone().any(|x| wide(wanted(x)) || wide(on_screen(x))) {
        true => Some(cols),
        false => Some(first..last + 1),
    }
}

/// Every cell of row `y` in `cols`, but for the columns a wide character before covers.
fn push_row<'a>(
    cells: &mut Vec<(u16, u16, &'a Cell)>,
    cols: Range<u16>,
    y: u16,
    cell: impl Fn(u16) -> &'a Cell,
) {
    let mut covered = 0;
    for x in cols {
        if covered > 0 {
            covered -= 1;
            continue;
        }
        let c = cell(x);
        cells.push((x, y, c));
        covered = c.symbol().width().saturating_sub(1);
    }
}

/// Moves the article's columns of the scrolled rows by `n` rows in the screen copy, as the
/// terminal moved them; the rows left over are the fresh ones, overwritten next.
fn move_rows(screen: &mut Buffer, s: &Scroll, n: u16) {
    let rows: Vec<u16> = match s.by > 0 {
        true => (s.rows.start..s.rows.end - n).collect(),
        false => (s.rows.start + n..s.rows.end).rev().collect(),
    };
    for y in rows {
        let from = if s.by > 0 { y + n } else { y - n };
        let (a, b) = (screen.index_of(s.cols.start, y), screen.index_of(s.cols.start, from));
        let len = usize::from(s.cols.end - s.cols.start);
        let (low, high) = (a.min(b), a.max(b));
        let (head, tail) = screen.content.split_at_mut(high);
        head[low..low + len].swap_with_slice(&mut tail[..len]);
    }
}

/// Swaps row `y`'s cells in `cols` between the two buffers (`next` is reset afterwards).
fn swap_cells(screen: &mut Buffer, next: &mut Buffer, cols: Range<u16>, y: u16) {
    if cols.is_empty() {
        return;
    }
    let (i, len) = (screen.index_of(cols.start, y), usize::from(cols.end - cols.start));
    screen.content[i..i + len].swap_with_slice(&mut next.content[i..i + len]);
}
