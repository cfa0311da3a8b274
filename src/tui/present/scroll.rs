//! A frame that only scrolled the article. The terminal scrolls the article pane's rows
//! (a scroll region: every terminal since the VT100 has them), so of the article only the
//! lines that came into view are painted and written. A scroll region spans whole rows,
//! so it also drags the rest of those rows along, the side pane with them; the side pane
//! did not change, so each of its rows is kept encoded ([`Beside`]) and written back where
//! the scroll left a different one. A longer move (a page) paints the article's rows in
//! place instead, leaving the side pane alone.
//!
//! Such a frame touches a few hundred cells, not the screen's thousands (a cell is 48
//! bytes: moving the screen copy's rows cost more than the rest of the frame, caches
//! being cold after the reader's pause). So the screen copy's article part is not kept up
//! to date: it is marked stale, and the next ordinary frame writes it whole.

use std::io;
use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use crate::theme::Theme;

use super::super::ansi::{write_cells, write_linked};
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
    /// The screen's width.
    width: u16,
}

/// The rest of each scrolled row (the side pane, less the scrollbar), encoded: what puts
/// a row back after the scroll dragged it away. Valid while the screen beside the article
/// is unchanged, that is until the next ordinary frame.
#[derive(Debug, Default)]
pub struct Beside {
    /// The rows and article columns it was made for.
    rows: Range<u16>,
    cols: Range<u16>,
    /// Each row's bytes, to write it.
    put: Rows,
    /// Each row encoded as if it were the first: equal for rows that look the same.
    looks: Rows,
}

/// Byte strings, one per row, in one allocation.
#[derive(Debug, Default)]
struct Rows {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Rows {
    fn push(&mut self, cells: &[(u16, u16, &Cell)], y: u16) {
        if !cells.is_empty() {
            write_cells(&mut self.bytes, cells.iter().map(|&(x, _, c)| (x, y, c)));
        }
        self.ends.push(self.bytes.len());
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

impl Beside {
    fn new(screen: &Buffer, s: &Scroll) -> Beside {
        let (mut put, mut looks) = (Rows::default(), Rows::default());
        for y in s.rows.clone() {
            let row = row(screen, y);
            let mut cells = Vec::new();
            for cols in s.beside() {
                push_row(&mut cells, cols, y, |x| &row[usize::from(x)]);
            }
            put.push(&cells, y);
            looks.push(&cells, 0);
        }
        Beside {
            rows: s.rows.clone(),
            cols: s.cols.clone(),
            put,
            looks,
        }
    }

    fn serves(&self, s: &Scroll) -> bool {
        self.rows == s.rows && self.cols == s.cols && self.put.ends.len() == s.rows.len()
    }

    /// The bytes that put row `y` back.
    fn put(&self, y: u16) -> &[u8] {
        self.put.get(usize::from(y - self.rows.start))
    }

    /// Whether rows `a` and `b` look the same.
    fn same(&self, a: u16, b: u16) -> bool {
        let i = |y: u16| usize::from(y - self.rows.start);
        self.looks.get(i(a)) == self.looks.get(i(b))
    }
}

impl Scroll {
    pub fn new(
        article: Rect,
        scrollbar: Option<Rect>,
        status: Option<Rect>,
        by: isize,
        width: u16,
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
            width,
        })
    }

    /// The article's cells: what the screen copy no longer knows after this frame.
    pub fn article(&self) -> Rect {
        Rect::new(
            self.cols.start,
            self.rows.start,
            self.cols.end - self.cols.start,
            self.rows.end - self.rows.start,
        )
    }

    /// Lines moved, when the terminal is to move the rest: a scroll keeps the article's
    /// lines still in view but drags the rest of every row along, to be written back, so
    /// past some distance (a page) painting the article's rows in place writes less.
    fn shift(&self) -> Option<u16> {
        let n = u16::try_from(self.by.unsigned_abs()).ok()?;
        let height = self.rows.end - self.rows.start;
        if n == 0 || n >= height {
            return None;
        }
        let article = usize::from(self.cols.end - self.cols.start);
        let kept = usize::from(height - n) * article;
        let dragged = usize::from(height) * usize::from(self.width).saturating_sub(article);
        (kept > dragged).then_some(n)
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

    /// The columns of a scrolled row beside the article's lines, but the scrollbar's.
    fn beside(&self) -> Vec<Range<u16>> {
        let mut out = Vec::new();
        for cols in [
            0..self.cols.start,
            self.cols.end..self.width.max(self.cols.end),
        ] {
            // The scrollbar is never among the article's columns (see `new`).
            match self.scrollbar.map(|b| b.x).filter(|x| cols.contains(x)) {
                Some(x) => out.extend([cols.start..x, x + 1..cols.end]),
                None => out.push(cols),
            }
        }
        out.retain(|c| !c.is_empty());
        out
    }
}

/// Paints and writes the scrolled frame, and brings the screen copy up to date but for
/// the article's cells, which it marks stale.
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
        if !p.beside.as_ref().is_some_and(|b| b.serves(s)) {
            p.beside = Some(Beside::new(&p.screen, s));
        }
        // Put back each row beside the article where the scroll left another.
        if let Some(beside) = &p.beside {
            for y in s.rows.clone() {
                if s.shown_from(y).is_none_or(|from| !beside.same(from, y)) {
                    p.out.extend_from_slice(beside.put(y));
                }
            }
        }
    }
    let next = terminal.current_buffer_mut();
    let links = &p.links;
    write_linked(&mut p.out, changes(&p.screen, next, s, &fresh), |x, y| {
        links.at(x, y)
    });
    p.stale = Some(s.article());
    // The screen takes the painted cells beside the article; `next` gets blank cells
    // back wherever it was painted, ready for the next frame (resetting all of it would
    // cost more than the rest of a scrolled frame).
    let mut painted: Vec<(Range<u16>, u16)> = Vec::new();
    if let Some(bar) = s.scrollbar {
        painted.extend((bar.y..bar.bottom()).map(|y| (bar.x..bar.right(), y)));
    }
    if let Some(status) = s.status {
        painted.extend((status.y..status.bottom()).map(|y| (status.x..status.right(), y)));
    }
    for (cols, y) in painted {
        swap_cells(&mut p.screen, next, cols, y);
    }
    for y in fresh {
        reset_cells(next, s.cols.clone(), y);
    }
    Ok(())
}

/// The cells to write besides the side pane: the fresh article rows, the scrollbar where
/// it differs from what the scroll left, and the status bar if it changed.
fn changes<'a>(
    screen: &'a Buffer,
    next: &'a Buffer,
    s: &Scroll,
    fresh: &Range<u16>,
) -> Vec<(u16, u16, &'a Cell)> {
    let mut cells = Vec::with_capacity(usize::from(screen.area.width) * 4);
    let bar = s.scrollbar.unwrap_or_default();
    // Row by row, left to right: the writer moves the cursor less.
    for y in s.rows.start.min(bar.y)..s.rows.end.max(bar.bottom()) {
        if fresh.contains(&y) {
            let new = row(next, y);
            push_row(&mut cells, s.cols.clone(), y, |x| &new[usize::from(x)]);
        }
        if (bar.y..bar.bottom()).contains(&y) && bar.width > 0 {
            let at = Position::new(bar.x, y);
            // The scroll dragged the scrollbar along with its rows.
            let shown = match s.rows.contains(&y) {
                true => s
                    .shown_from(y)
                    .map_or(&Cell::EMPTY, |f| &screen[(bar.x, f)]),
                false => &screen[at],
            };
            if next[at] != *shown {
                cells.push((bar.x, y, &next[at]));
            }
        }
    }
    if let Some(status) = s.status {
        for y in status.y..status.bottom() {
            let (old, new) = (row(screen, y), row(next, y));
            if old != new {
                push_row(&mut cells, status.x..status.right(), y, |x| {
                    &new[usize::from(x)]
                });
            }
        }
    }
    cells
}

/// Row `y` of a buffer whose area starts at column 0.
fn row(buf: &Buffer, y: u16) -> &[Cell] {
    let width = usize::from(buf.area.width);
    let start = usize::from(y - buf.area.y) * width;
    &buf.content[start..start + width]
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
        let symbol = c.symbol();
        if symbol.len() > 1 {
            covered = symbol.width().saturating_sub(1);
        }
    }
}

/// Swaps row `y`'s cells in `cols` between the two buffers, and blanks them in `next`.
fn swap_cells(screen: &mut Buffer, next: &mut Buffer, cols: Range<u16>, y: u16) {
    if cols.is_empty() {
        return;
    }
    let (i, len) = (
        screen.index_of(cols.start, y),
        usize::from(cols.end - cols.start),
    );
    screen.content[i..i + len].swap_with_slice(&mut next.content[i..i + len]);
    reset_cells(next, cols, y);
}

fn reset_cells(buf: &mut Buffer, cols: Range<u16>, y: u16) {
    if cols.is_empty() {
        return;
    }
    let (i, len) = (
        buf.index_of(cols.start, y),
        usize::from(cols.end - cols.start),
    );
    buf.content[i..i + len].iter_mut().for_each(Cell::reset);
}
