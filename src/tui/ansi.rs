//! The bytes of a frame: [`write_cells`] turns the cells ratatui wants drawn (a
//! `Buffer::diff`) into what the terminal must receive, with the same screen result as
//! ratatui's `CrosstermBackend::draw`.
//!
//! Why not `CrosstermBackend::draw` itself: it prints each cell's text with crossterm's
//! `Print`, through the `fmt` machinery (some 20 ns a cell into a `Vec`, more through the
//! terminal's writer), and a scrolled frame sends some 3,000 cells. Here a cell's text is
//! copied into the output as bytes (7 ns a cell; `cargo bench --bench render -- encode`).
//! The escape sequences (cursor moves, colours, attributes) are rarer and still
//! crossterm's own commands, sent in the order ratatui sends them, so the bytes are the
//! backend's own.
//!
//! It is the last step of a frame: the cells of ratatui's buffer diff go in, and the bytes
//! for the terminal's one write come out.

use std::fmt;
use std::ops::Range;

use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::crossterm::Command;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::style::{Color, Modifier};

/// Appends to `out` what puts `cells` on the terminal: the same screen result as ratatui's
/// `CrosstermBackend::draw(cells)` followed by nothing else, ending with colours and
/// attributes reset.
pub fn write_cells<'a>(out: &mut Vec<u8>, cells: impl IntoIterator<Item = (u16, u16, &'a Cell)>) {
    write_linked(out, cells, |_, _| None);
}

/// [`write_cells`], each cell inside the OSC 8 hyperlink `link` gives for its place (a
/// sanitised target, `tui::present::hyperlinks`): a link is opened where the targets
/// change between two cells written, and closed before the end.
pub fn write_linked<'a, 'u>(
    out: &mut Vec<u8>,
    cells: impl IntoIterator<Item = (u16, u16, &'a Cell)>,
    link: impl Fn(u16, u16) -> Option<&'u str>,
) {
    let cells = cells.into_iter();
    let mut open: Option<&str> = None;
    // At least a byte a cell; escape sequences grow it further as they come.
    out.reserve(cells.size_hint().0);
    let mut pen = Pen::reset();
    // Where the terminal's cursor is taken to be after the previous cell: one column on,
    // whatever that cell's width (ratatui's rule, so a wide character is followed by a move).
    let mut cursor: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        if cursor != Some((x, y)) {
            command(out, MoveTo(x, y));
        }
        cursor = Some((x.wrapping_add(1), y));
        let target = link(x, y);
        if target != open {
            super::present::hyperlinks::osc8(out, target.unwrap_or(""));
            open = target;
        }
        pen.update(out, cell);
        // Most cells hold one byte: a push, where a copy of a slice calls memcpy.
        match cell.symbol().as_bytes() {
            [byte] => out.push(*byte),
            bytes => out.extend_from_slice(bytes),
        }
    }
    if open.is_some() {
        super::present::hyperlinks::osc8(out, "");
    }
    command(out, SetForegroundColor(CrosstermColor::Reset));
    command(out, SetBackgroundColor(CrosstermColor::Reset));
    command(out, SetUnderlineColor(CrosstermColor::Reset));
    command(out, SetAttribute(Attribute::Reset));
}

/// The colours and modifiers the terminal writes with, as far as the cells sent so far
/// have set them.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    /// Where in the output each pair of colours was first set: a frame has a few pairs
    /// (the theme's roles) set hundreds of times, and crossterm formats each afresh.
    colors: Vec<((Color, Color), Range<usize>)>,
}

impl Pen {
    /// The terminal's pen as ratatui assumes it at the start of a frame.
    fn reset() -> Pen {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            colors: Vec::new(),
        }
    }

    /// Sends what changes the pen to `cell`'s style (modifiers, then colours, then the
    /// underline colour, as ratatui does), and nothing when it is already that style.
    #[inline]
    fn update(&mut self, out: &mut Vec<u8>, cell: &Cell) {
        if cell.modifier != self.modifier {
            write_modifiers(out, self.modifier, cell.modifier);
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let pair = (cell.fg, cell.bg);
            match self.colors.iter().find(|(p, _)| *p == pair) {
                Some((_, sent)) => out.extend_from_within(sent.clone()),
                None => {
                    let start = out.len();
                    let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                    command(out, SetColors(colors));
                    self.colors.push((pair, start..out.len()));
                }
            }
            (self.fg, self.bg) = pair;
        }
        if cell.underline_color != self.underline {
            command(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm()),
            );
            self.underline = cell.underline_color;
        }
    }
}

/// Modifiers switched off by their own attribute, in the order ratatui switches them off
/// (reverse video comes first, and bold and dim share one, handled apart).
const OFF: [(Modifier, Attribute); 5] = [
    (Modifier::ITALIC, Attribute::NoItalic),
    (Modifier::UNDERLINED, Attribute::NoUnderline),
    (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
    (Modifier::HIDDEN, Attribute::NoHidden),
    (
        Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK),
        Attribute::NoBlink,
    ),
];

/// Modifiers and the attribute that switches each on, in the order ratatui switches them on.
const ON: [(Modifier, Attribute); 9] = [
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
];

/// Sends the attributes that take the terminal from modifiers `from` to `to`: those
/// removed are switched off, then those added switched on. Bold and dim are both switched
/// off by normal intensity, so removing either sends it and then puts back whichever of
/// the two `to` keeps.
fn write_modifiers(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    let mut added = to - from;
    if removed.contains(Modifier::REVERSED) {
        command(out, SetAttribute(Attribute::NoReverse));
    }
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        command(out, SetAttribute(Attribute::NormalIntensity));
        if to.contains(Modifier::DIM) {
            command(out, SetAttribute(Attribute::Dim));
        }
        if to.contains(Modifier::BOLD) {
            command(out, SetAttribute(Attribute::Bold));
        }
        added -= Modifier::BOLD | Modifier::DIM;
    }
    for (modifier, attribute) in OFF {
        if removed.intersects(modifier) {
            command(out, SetAttribute(attribute));
        }
    }
    for (modifier, attribute) in ON {
        if added.contains(modifier) {
            command(out, SetAttribute(attribute));
        }
    }
}

/// Appends crossterm's ANSI form of `command` to `out`.
fn command(out: &mut Vec<u8>, command: impl Command) {
    // Crossterm's commands fail only when their writer does, and this one cannot.
    let _ = command.write_ansi(&mut Bytes(out));
}

/// `fmt::Write` into a byte buffer, so crossterm's commands write straight into the frame.
struct Bytes<'a>(&'a mut Vec<u8>);

impl fmt::Write for Bytes<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests;
