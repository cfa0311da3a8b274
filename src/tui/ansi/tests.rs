//! The encoder against crossterm's own backend: the same screen in `vt100`, the same
//! bytes, and the cases that matter spelled out.

use super::*;
use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The bytes of [`write_cells`].
fn ours(cells: &[(u16, u16, &Cell)]) -> Vec<u8> {
    let mut out = Vec::new();
    write_cells(&mut out, cells.iter().copied());
    out
}

/// The bytes ratatui's own backend writes for the same cells.
fn theirs(cells: &[(u16, u16, &Cell)]) -> Vec<u8> {
    let mut out = Vec::new();
    CrosstermBackend::new(&mut out)
        .draw(cells.iter().copied())
        .expect("drawing into a Vec");
    out
}

/// Crossterm's bytes for one command.
fn bytes_of(c: impl Command) -> Vec<u8> {
    let mut out = Vec::new();
    command(&mut out, c);
    out
}

/// The screen of a terminal of `width` x `height + 1` after `bytes`, with where they
/// left the cursor. An `X` is then written at the start of the extra last row: that
/// cell shows the pen the frame left behind (which must be reset).
fn screen(bytes: &[u8], width: u16, height: u16) -> (vt100::Parser, (u16, u16)) {
    let size = |n| std::num::NonZeroU16::new(n).expect("a screen of at least one cell");
    let mut parser = vt100::Parser::new(size(height + 1), size(width), 0);
    parser.process(bytes);
    let cursor = parser.screen().cursor_position();
    parser.process(&bytes_of(MoveTo(0, height)));
    parser.process(b"X");
    (parser, cursor)
}

/// Compares two screens cell by cell: contents, width, colours and attributes as vt100
/// models them.
fn assert_same_screen(a: &vt100::Screen, b: &vt100::Screen) {
    let (rows, cols) = a.size();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            assert_eq!(
                a.cell(row, col),
                b.cell(row, col),
                "row {row}, column {col}"
            );
        }
    }
}

/// A `width` x `height` buffer with `rows` (pairs of symbol and style) written from the
/// left, as far as each row has room.
fn buffer_with(width: u16, height: u16, rows: &[Vec<(&str, Style)>]) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
    for (y, row) in (0..height).zip(rows) {
        let mut x = 0;
        for (symbol, style) in row {
            let room = usize::from(width.saturating_sub(x));
            let (after, _) = buffer.set_stringn(x, y, symbol, room, *style);
            if after == x {
                break;
            }
            x = after;
        }
    }
    buffer
}

/// The empty buffer of `buffer`'s size: the frame before, on a cleared screen.
fn blank(buffer: &Buffer) -> Buffer {
    Buffer::empty(buffer.area)
}

/// ASCII, accented (composed and combining), wide CJK and emoji, and blanks (twice, to
/// leave gaps the diff skips).
const SYMBOLS: [&str; 9] = ["a", "Z", "~", "é", "e\u{301}", "世", "😀", " ", " "];

/// The terminal's default, named, indexed and RGB colours.
fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        Just(Color::Reset),
        prop::sample::select(vec![
            Color::Black,
            Color::Red,
            Color::LightGreen,
            Color::Blue,
            Color::Gray,
            Color::White,
        ]),
        any::<u8>().prop_map(Color::Indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

const MODIFIERS: [Modifier; 7] = [
    Modifier::BOLD,
    Modifier::DIM,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
    Modifier::REVERSED,
    Modifier::CROSSED_OUT,
    Modifier::SLOW_BLINK,
];

/// Colours, underline colour and any set of the modifiers above.
fn style() -> impl Strategy<Value = Style> {
    // vt100 does not know the underline colour (SGR 58) and reads its parameters as
    // attributes of their own; mostly leaving it reset keeps most cases legible.
    let underline = prop_oneof![3 => Just(Color::Reset), 1 => color()];
    (color(), color(), underline, any::<u8>()).prop_map(|(fg, bg, underline, bits)| {
        let modifier = (0..MODIFIERS.len())
            .filter(|i| bits & (1 << i) != 0)
            .fold(Modifier::empty(), |m, i| m | MODIFIERS[i]);
        Style::new()
            .fg(fg)
            .bg(bg)
            .underline_color(underline)
            .add_modifier(modifier)
    })
}

/// A random frame: rows of symbols, each in one of a few styles, so that runs of one
/// style alternate with changes.
fn frame() -> impl Strategy<Value = (u16, u16, Vec<Vec<(&'static str, Style)>>)> {
    (1u16..12, 1u16..5, prop::collection::vec(style(), 1..4)).prop_flat_map(
        |(width, height, styles)| {
            let cell = (prop::sample::select(SYMBOLS.to_vec()), 0..styles.len());
            let row = prop::collection::vec(cell, 0..=usize::from(width));
            prop::collection::vec(row, usize::from(height)).prop_map(move |rows| {
                let rows = rows
                    .into_iter()
                    .map(|row| row.into_iter().map(|(s, i)| (s, styles[i])).collect())
                    .collect();
                (width, height, rows)
            })
        },
    )
}

proptest! {
    #[test]
    fn screen_matches_crossterm_draw((width, height, rows) in frame()) {
        let buffer = buffer_with(width, height, &rows);
        let blank = blank(&buffer);
        let cells = blank.diff(&buffer);
        let (ours, our_cursor) = screen(&ours(&cells), width, height);
        let (theirs, their_cursor) = screen(&theirs(&cells), width, height);
        assert_same_screen(ours.screen(), theirs.screen());
        prop_assert_eq!(our_cursor, their_cursor);
    }

    /// vt100 models neither crossed-out text, blinking nor the underline colour; the
    /// bytes show those too. (The screen above is the contract: were the encoder to
    /// send other bytes with the same effect, this test would go, not that one.)
    #[test]
    fn bytes_match_crossterm_draw((width, height, rows) in frame()) {
        let buffer = buffer_with(width, height, &rows);
        let blank = blank(&buffer);
        let cells = blank.diff(&buffer);
        prop_assert_eq!(ours(&cells), theirs(&cells));
    }
}

/// What every frame ends with.
fn reset() -> Vec<u8> {
    [
        bytes_of(SetForegroundColor(CrosstermColor::Reset)),
        bytes_of(SetBackgroundColor(CrosstermColor::Reset)),
        bytes_of(SetUnderlineColor(CrosstermColor::Reset)),
        bytes_of(SetAttribute(Attribute::Reset)),
    ]
    .concat()
}

#[test]
fn contiguous_cells_are_reached_with_one_move() {
    let (a, b, c) = (Cell::new("a"), Cell::new("b"), Cell::new("c"));
    let out = ours(&[(2, 1, &a), (3, 1, &b), (4, 1, &c)]);
    assert_eq!(
        out,
        [bytes_of(MoveTo(2, 1)), b"abc".to_vec(), reset()].concat()
    );
}

#[test]
fn a_gap_or_a_new_row_is_reached_with_a_move() {
    let (a, b, c) = (Cell::new("a"), Cell::new("b"), Cell::new("c"));
    let out = ours(&[(0, 0, &a), (2, 0, &b), (3, 1, &c)]);
    let expected = [
        bytes_of(MoveTo(0, 0)),
        b"a".to_vec(),
        bytes_of(MoveTo(2, 0)),
        b"b".to_vec(),
        bytes_of(MoveTo(3, 1)),
        b"c".to_vec(),
        reset(),
    ];
    assert_eq!(out, expected.concat());
}

#[test]
fn a_style_change_in_the_middle_of_a_line() {
    let loud = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
    let buffer = buffer_with(6, 1, &[vec![("ab", Style::new()), ("cd", loud)]]);
    let cells = blank(&buffer).diff(&buffer);
    let out = ours(&cells);
    let red = bytes_of(SetColors(Colors::new(
        CrosstermColor::DarkRed,
        CrosstermColor::Reset,
    )));
    assert_eq!(out.windows(red.len()).filter(|w| *w == red).count(), 1);
    let (parser, _) = screen(&out, 6, 1);
    let cell = |col| parser.screen().cell(0, col).expect("on screen");
    for col in 0..2 {
        assert_eq!(cell(col).fgcolor(), vt100::Color::Default);
        assert!(!cell(col).bold());
    }
    for col in 2..4 {
        assert_eq!(cell(col).fgcolor(), vt100::Color::Idx(1));
        assert!(cell(col).bold());
    }
    assert_eq!(parser.screen().contents(), "abcd\nX");
}

#[test]
fn an_ascii_cell_after_a_wide_one_lands_two_columns_on() {
    let buffer = buffer_with(5, 1, &[vec![("世a", Style::new())]]);
    let cells = blank(&buffer).diff(&buffer);
    let (parser, _) = screen(&ours(&cells), 5, 1);
    let screen = parser.screen();
    let cell = |col| screen.cell(0, col).expect("on screen");
    assert_eq!(cell(0).contents(), "世");
    assert!(cell(0).is_wide());
    assert!(cell(1).is_wide_continuation());
    assert_eq!(cell(2).contents(), "a");
    assert_eq!(cell(3).contents(), "");
}

#[test]
fn the_frame_leaves_the_pen_reset() {
    let mut cell = Cell::new("x");
    cell.set_style(
        Style::new()
            .fg(Color::Rgb(1, 2, 3))
            .bg(Color::Indexed(200))
            .add_modifier(Modifier::BOLD | Modifier::ITALIC | Modifier::REVERSED),
    );
    let (parser, _) = screen(&ours(&[(0, 0, &cell)]), 3, 1);
    let probe = parser.screen().cell(1, 0).expect("on screen");
    assert_eq!(probe.contents(), "X");
    assert_eq!(probe.fgcolor(), vt100::Color::Default);
    assert_eq!(probe.bgcolor(), vt100::Color::Default);
    assert!(!probe.bold() && !probe.italic() && !probe.inverse());
}

#[test]
fn removing_bold_keeps_dim() {
    let mut both = Cell::new("a");
    both.modifier = Modifier::BOLD | Modifier::DIM;
    let mut dim = Cell::new("b");
    dim.modifier = Modifier::DIM;
    let (parser, _) = screen(&ours(&[(0, 0, &both), (1, 0, &dim)]), 2, 1);
    let cell = parser.screen().cell(0, 1).expect("on screen");
    assert!(cell.dim() && !cell.bold());
}
