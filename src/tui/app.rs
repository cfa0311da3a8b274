//! The loop: terminal event -> message (keys resolved through the keymap) -> `update` ->
//! effects -> `draw`. The only code that reads events, and the one place the detectors'
//! results are received when they run in the background.

use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::detect::detect_article;
use crate::keys::{Key, KeyChord};
use crate::theme::Theme;

use super::effects;
use super::model::Model;
use super::terminal::TerminalGuard;
use super::ui;
use super::update::{Msg, update};

/// Articles up to this size are annotated before the first frame (a few milliseconds), so
/// the first screen is complete; longer texts (books) are annotated on a thread while the
/// reader starts reading.
const SYNC_DETECT_BYTES: usize = 256 * 1024;

/// Test hook: with `GLOSS_TEST_PANIC=1` in the environment the reader panics right after
/// drawing its first frame, so an end-to-end test in a pseudo-terminal can check that a
/// panic restores the terminal (alternate screen left, raw mode and mouse capture off) and
/// still prints the panic message.
const TEST_PANIC_VAR: &str = "GLOSS_TEST_PANIC";

/// Runs the reader until the user quits.
pub fn run(mut model: Model, theme: &Theme) -> anyhow::Result<()> {
    // Small articles are annotated here, before the terminal is touched.
    let mut pending = start_detection(&mut model);
    let test_panic = std::env::var(TEST_PANIC_VAR).is_ok_and(|v| v == "1");
    let mut guard = TerminalGuard::enter()?;
    let terminal = &mut guard.terminal;
    loop {
        let size = terminal.size()?;
        if (size.width, size.height) != model.size {
            update(&mut model, Msg::Resize(size.width, size.height));
        }
        terminal.draw(|frame| ui::draw(frame, &model, theme))?;
        if test_panic {
            panic!("{TEST_PANIC_VAR}=1: deliberate panic after the first frame (test hook)");
        }
        let timeout = Duration::from_millis(if pending.is_some() { 50 } else { 1000 });
        if event::poll(timeout)? {
            if let Some(msg) = message(event::read()?)
                && effects::dispatch(&mut model, msg, terminal)?
            {
                return Ok(());
            }
            // Take every event already queued before drawing again (a fast wheel or a
            // held key), so drawing never lags behind input.
            while event::poll(Duration::ZERO)? {
                if let Some(msg) = message(event::read()?)
                    && effects::dispatch(&mut model, msg, terminal)?
                {
                    return Ok(());
                }
            }
        }
        if let Some(rx) = &pending
            && let Ok(set) = rx.try_recv()
        {
            update(&mut model, Msg::Annotations(set));
            pending = None;
        }
    }
}

/// Annotates small articles at once; for big ones, starts a thread and returns its channel.
fn start_detection(model: &mut Model) -> Option<Receiver<AnnotationSet>> {
    if model.article.text.len() <= SYNC_DETECT_BYTES {
        let set = detect_article(&model.article);
        update(model, Msg::Annotations(set));
        return None;
    }
    let article: Article = model.article.clone();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        // The receiver is gone only if the reader quit first: nothing left to tell.
        let _ = tx.send(detect_article(&article));
    });
    Some(rx)
}

/// The message a terminal event means, if any.
fn message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let key = match k.code {
                KeyCode::Char(c) => Key::Char(c),
                KeyCode::Enter => Key::Enter,
                KeyCode::Esc => Key::Esc,
                KeyCode::Tab => Key::Tab,
                KeyCode::BackTab => Key::BackTab,
                KeyCode::Backspace => Key::Backspace,
                KeyCode::Delete => Key::Delete,
                KeyCode::Insert => Key::Insert,
                KeyCode::Up => Key::Up,
                KeyCode::Down => Key::Down,
                KeyCode::Left => Key::Left,
                KeyCode::Right => Key::Right,
                KeyCode::PageUp => Key::PageUp,
                KeyCode::PageDown => Key::PageDown,
                KeyCode::Home => Key::Home,
                KeyCode::End => Key::End,
                KeyCode::F(n) => Key::F(n),
                _ => return None,
            };
            let m = k.modifiers;
            Some(Msg::Key(KeyChord::new(
                key,
                m.contains(KeyModifiers::CONTROL),
                m.contains(KeyModifiers::ALT),
                m.contains(KeyModifiers::SHIFT),
            )))
        }
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Msg::Wheel {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Msg::Wheel {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { column, row }),
                _ => None,
            }
        }
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}
