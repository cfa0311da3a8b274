//! The presenter against a terminal emulator: whatever the keys, sizes and mouse events,
//! the screen its bytes leave in `vt100` is the screen a whole fresh frame paints; and a
//! line scrolled is written as a terminal scroll, not as a repainted pane.

use std::cell::RefCell;
use std::io::{self, Write};
use std::num::NonZeroU16;
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::keys::KeyChord;
use crate::theme::Theme;

use super::super::ansi::write_cells;
use super::super::model::Model;
use super::super::tests::{KEYS, model, sample_model};
use super::super::ui;
use super::super::update::{Msg, Redraw, keys, update};
use super::Presenter;

/// The terminal's bytes, shared between the backend that writes them and the test.
#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl Bytes {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A model shown by a presenter on an emulated terminal, as the reader's loop shows it.
struct Screen {
    m: Model,
    theme: Theme,
    bytes: Bytes,
    terminal: Terminal<CrosstermBackend<Bytes>>,
    presenter: Presenter,
    vt: vt100::Parser,
}

impl Screen {
    fn new(m: Model) -> Screen {
        let bytes = Bytes::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::default()),
        };
        let terminal = Terminal::with_options(CrosstermBackend::new(bytes.clone()), options)
            .unwrap_or_else(|e| panic!("{e}"));
        let (w, h) = m.view.size;
        let mut s = Screen {
            m,
            theme: Theme::default(),
            bytes,
            terminal,
            presenter: Presenter::default(),
            vt: vt100::Parser::new(nz(h), nz(w), 0),
        };
        s.present(false);
        s
    }

    /// Takes `msg` in as the loop does (`update` saying whether it only scrolled), presents
    /// the frame and feeds its bytes to the emulator; returns them.
    fn send(&mut self, msg: Msg) -> Vec<u8> {
        let only = update(&mut self.m, msg).redraw == Redraw::Scrolled;
        self.present(only)
    }

    fn present(&mut self, only_scrolled: bool) -> Vec<u8> {
        let (w, h) = self.m.view.size;
        if (nz(h), nz(w)) != self.vt.screen().size() {
            self.vt.screen_mut().set_size(nz(h), nz(w));
        }
        self.presenter
            .present(&mut self.terminal, &self.m, &self.theme, only_scrolled)
            .unwrap_or_else(|e| panic!("{e}"));
        let out = self.bytes.take();
        self.vt.process(&out);
        out
    }

    /// The first cell where the emulated screen differs from a whole frame painted afresh.
    fn mismatch(&self) -> Option<String> {
        let (w, h) = self.m.view.size;
        if w == 0 || h == 0 {
            return None;
        }
        let expected = fresh_screen(&self.m, &self.theme);
        let (got, want) = (self.vt.screen(), expected.screen());
        for row in 0..h {
            for col in 0..w {
                if got.cell(row, col) != want.cell(row, col) {
                    return Some(format!(
                        "row {row} col {col}: {:?} where a fresh frame has {:?}\n\
                         --- presented:\n{}\n--- fresh:\n{}",
                        got.cell(row, col),
                        want.cell(row, col),
                        got.contents(),
                        want.contents()
                    ));
                }
            }
        }
        None
    }
}

/// The model's whole frame, painted by ratatui and written from a blank screen.
fn fresh_screen(m: &Model, theme: &Theme) -> vt100::Parser {
    let (w, h) = m.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| ui::draw(f, m, theme))
        .unwrap_or_else(|e| panic!("{e}"));
    let frame = terminal.backend().buffer();
    let mut out = Vec::new();
    write_cells(&mut out, Buffer::empty(frame.area).diff(frame));
    let mut vt = vt100::Parser::new(nz(h), nz(w), 0);
    vt.process(&out);
    vt
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

fn key(k: &str) -> Msg {
    Msg::Key(k.parse::<KeyChord>().unwrap_or_else(|e| panic!("{k}: {e}")))
}

/// Scrolling keys weighted up, with every other key mixed in: the presenter's two paths
/// must hand over to each other in any order.
fn msg() -> impl Strategy<Value = Msg> {
    const SCROLLS: &[&str] = &["j", "k", "down", "up", "ctrl-d", "ctrl-u", "space", "b"];
    prop_oneof![
        8 => prop::sample::select(SCROLLS).prop_map(key),
        4 => prop::sample::select(KEYS).prop_map(key),
        1 => (1u16..130, 1u16..45).prop_map(|(w, h)| Msg::Resize(w, h)),
        1 => (0u16..130, 0u16..45).prop_map(|(column, row)| Msg::Click { column, row }),
        2 => (0u16..130, 0u16..45, any::<bool>())
            .prop_map(|(column, row, down)| Msg::Wheel { column, row, down }),
    ]
}

fn check(m: Model, msgs: Vec<Msg>) -> Result<(), TestCaseError> {
    let mut s = Screen::new(m);
    prop_assert_eq!(s.mismatch(), None, "first frame");
    for (i, msg) in msgs.into_iter().enumerate() {
        let what = format!("{msg:?}");
        s.send(msg);
        if let Some(diff) = s.mismatch() {
            return Err(TestCaseError::fail(format!(
                "after message {i} ({what}): {diff}"
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn presented_screens_equal_fresh_frames(w in 1u16..130, h in 2u16..45, msgs in prop::collection::vec(msg(), 0..40)) {
        check(model(w, h), msgs)?;
    }

    #[test]
    fn presented_screens_equal_fresh_frames_on_the_sample(w in 1u16..130, h in 2u16..45, msgs in prop::collection::vec(msg(), 0..60)) {
        check(sample_model(w, h), msgs)?;
    }
}

#[test]
fn a_line_down_is_a_terminal_scroll_and_one_new_line() {
    let mut s = Screen::new(sample_model(100, 30));
    let full = s.send(Msg::Resize(100, 31));
    let down = s.send(key("j"));
    let text = String::from_utf8_lossy(&down);
    // The article pane's rows (all but the status bar) scroll up by one.
    assert!(text.contains("\x1b[1;30r\x1b[1S\x1b[r"), "{text:?}");
    assert!(
        down.len() * 2 < full.len(),
        "{} of {}",
        down.len(),
        full.len()
    );
    assert_eq!(s.mismatch(), None);
    let up = s.send(key("k"));
    assert!(String::from_utf8_lossy(&up).contains("\x1b[1;30r\x1b[1T\x1b[r"));
    assert_eq!(s.mismatch(), None);
}

#[test]
fn the_side_pane_dragged_by_a_scroll_is_put_back() {
    let mut s = Screen::new(sample_model(120, 24));
    keys(&mut s.m, "tab");
    s.present(false);
    for k in ["j", "j", "space", "k", "b", "ctrl-d", "ctrl-u"] {
        s.send(key(k));
        assert_eq!(s.mismatch(), None, "after {k}");
    }
}

#[test]
fn keys_that_change_more_than_the_position_are_not_scrolls() {
    let mut m = sample_model(120, 24);
    assert!(only_scrolls(&mut m, key("j")));
    assert!(!only_scrolls(&mut m, key("tab")));
    keys(&mut m, "?");
    assert!(!only_scrolls(&mut m, key("j")), "help is open");
    keys(&mut m, "esc enter");
    assert!(!only_scrolls(&mut m, key("j")), "the side pane has focus");
}

/// Whether `update` says `msg` only scrolled the article.
fn only_scrolls(m: &mut Model, msg: Msg) -> bool {
    update(m, msg).redraw == Redraw::Scrolled
}

/// The loop presents again when its wait for input times out with nothing taken in, and
/// then says "only scrolled" (nothing else happened). That frame must not paint the
/// article's scrollbar over an overlay: it once drew a line through the help.
#[test]
fn an_idle_frame_leaves_an_overlay_whole() {
    for script in ["?", "m", "a"] {
        let mut s = Screen::new(sample_model(120, 30));
        keys(&mut s.m, script);
        s.present(false);
        s.present(true);
        assert_eq!(s.mismatch(), None, "after {script} and an idle frame");
    }
}
