//! Putting frames on the terminal. `ui` paints each frame into ratatui's buffer; the
//! presenter keeps a copy of what the terminal shows and writes only what differs from
//! it, as ratatui's own `Terminal::draw` would (its `Buffer::diff`, the same cells).
//!
//! A frame that only scrolled the article costs much less ([`scroll`]): the terminal moves
//! the article's rows itself (a scroll region, as `less` and vim scroll), only the lines
//! that came into view, the scrollbar and the status bar are painted, and the side pane
//! the scroll dragged along is put back row by row. What makes a frame such a frame is the
//! update's to say (`update::Redraw`); the presenter checks that nothing else in the
//! geometry moved, and paints the whole frame otherwise.

pub mod hyperlinks;
mod scroll;
#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::mem;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use crate::theme::Theme;

use super::ansi::write_linked;
use super::model::Model;
use super::ui;
use hyperlinks::Hyperlinks;

/// What the terminal shows, and how to bring it to the next frame.
#[derive(Default)]
pub struct Presenter {
    /// The terminal's cells, as the last frame left them, but for `stale`.
    screen: Buffer,
    /// Cells the screen copy no longer knows (the article, after frames that scrolled
    /// it): the next ordinary frame writes them whatever they were.
    stale: Option<Rect>,
    /// The side of the scrolled rows, encoded, while it stays as it is.
    beside: Option<scroll::Beside>,
    /// The view the screen shows (none after the terminal was cleared).
    shown: Option<View>,
    /// Where the cursor is while it is visible (it is hidden otherwise).
    cursor: Option<Position>,
    /// The bytes of the frame being written.
    out: Vec<u8>,
    /// Whether links are written as OSC 8 hyperlinks (`hyperlinks` in the config).
    pub hyperlinks: bool,
    /// The hyperlinks the terminal shows.
    links: Hyperlinks,
}

/// A frame's geometry and the article's first line in it. A frame may scroll the previous
/// one only when all but `top` is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
struct View {
    size: (u16, u16),
    article: Option<Rect>,
    side: Option<Rect>,
    status: Option<Rect>,
    scrollbar: Option<Rect>,
    text: Option<Rect>,
    lines: usize,
    layout_width: u16,
    top: usize,
}

impl View {
    fn of(m: &Model) -> View {
        let panes = m.panes();
        View {
            size: m.view.size,
            article: panes.article,
            side: panes.side,
            status: panes.status,
            scrollbar: m.scrollbar_column(),
            text: m.text_area(),
            lines: m.view.layout.len(),
            layout_width: m.view.width,
            top: m.view.top,
        }
    }

    /// How many lines `next` scrolled this view by, if that is all that changed.
    fn scrolled_to(&self, next: &View) -> Option<isize> {
        let moved = View {
            top: next.top,
            ..self.clone()
        };
        (moved == *next).then(|| next.top as isize - self.top as isize)
    }
}

impl Presenter {
    /// Puts the model's frame on the terminal. With `only_scrolled`, the caller knows that
    /// nothing but the article's position (and the status bar) changed since the last frame.
    pub fn present<B>(
        &mut self,
        terminal: &mut Terminal<B>,
        m: &Model,
        theme: &Theme,
        only_scrolled: bool,
    ) -> io::Result<()>
    where
        B: Backend<Error = io::Error> + Write,
    {
        let area = Rect::new(0, 0, m.view.size.0, m.view.size.1);
        if area != self.screen.area {
            // A new size (or a cleared terminal): ratatui clears the screen and sizes its
            // buffers; everything is painted again.
            terminal.resize(area)?;
            self.screen = Buffer::empty(area);
            self.stale = None;
            self.beside = None;
            self.shown = None;
        }
        let view = View::of(m);
        let scroll = match (&self.shown, only_scrolled) {
            // A frame with nothing scrolled (the loop's idle frame) is an ordinary one: the
            // scroll path repaints the scrollbar column, which an overlay may cover.
            (Some(shown), true) => shown
                .scrolled_to(&view)
                .filter(|&by| by != 0)
                .and_then(|by| {
                    scroll::Scroll::new(view.article?, view.scrollbar, view.status, by, area.width)
                }),
            _ => None,
        };
        self.out.clear();
        let links = match self.hyperlinks {
            true => Hyperlinks::of(m),
            false => Hyperlinks::default(),
        };
        // A cell whose link changed is written even where its text did not.
        for (x, y) in self.links.changed(&links).collect::<Vec<_>>() {
            if self.screen.area.contains(Position { x, y }) {
                let i = self.screen.index_of(x, y);
                self.screen.content[i] = unknown_cell();
            }
        }
        self.links = links;
        match scroll {
            Some(scroll) => scroll::present(self, terminal, m, theme, &scroll)?,
            None => self.paint_all(terminal, m, theme),
        }
        terminal.backend_mut().write_all(&self.out)?;
        let cursor = ui::cursor(m);
        if let Some(at) = cursor {
            terminal.set_cursor_position(at)?;
            if self.cursor.is_none() {
                terminal.show_cursor()?;
            }
        } else if self.cursor.is_some() {
            terminal.hide_cursor()?;
        }
        self.cursor = cursor;
        Backend::flush(terminal.backend_mut())?;
        self.shown = Some(view);
        Ok(())
    }

    /// The terminal was cleared behind the presenter's back (given to `$EDITOR` and taken
    /// back): the next frame is painted whole.
    pub fn forget(&mut self) {
        self.screen = Buffer::default();
        self.stale = None;
        self.beside = None;
        self.shown = None;
        self.cursor = None;
        self.links = Hyperlinks::default();
    }

    /// An ordinary frame: painted whole into ratatui's buffer, written where it differs.
    fn paint_all<B: Backend>(&mut self, terminal: &mut Terminal<B>, m: &Model, theme: &Theme) {
        ui::draw(&mut terminal.get_frame(), m, theme);
        self.beside = None;
        if let Some(stale) = self.stale.take() {
            let stale = stale.intersection(self.screen.area);
            let width = usize::from(stale.width);
            for y in stale.y..stale.bottom() {
                let start = self.screen.index_of(stale.x, y);
                self.screen.content[start..start + width].fill(unknown_cell());
            }
        }
        let next = terminal.current_buffer_mut();
        let links = &self.links;
        write_linked(&mut self.out, self.screen.diff(next), |x, y| links.at(x, y));
        mem::swap(&mut self.screen.content, &mut next.content);
        next.reset();
    }
}

/// A cell no frame paints (a blank in colours and attributes no theme sets together):
/// what the screen copy holds where it does not know what the terminal shows, so the
/// diff writes whatever the frame has there.
fn unknown_cell() -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_style(
        Style::new()
            .fg(Color::Rgb(1, 2, 3))
            .bg(Color::Rgb(3, 2, 1))
            .underline_color(Color::Rgb(2, 1, 3))
            .add_modifier(Modifier::HIDDEN | Modifier::RAPID_BLINK | Modifier::CROSSED_OUT),
    );
    cell
}
