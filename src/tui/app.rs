//! The loop: draw, wait, collect messages (terminal events, signals, what the background
//! [`Jobs`] made), take each in with `update` (through `effects`, which runs what it asks
//! for), repeat. The only code that reads events.

use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::keys::{Key, KeyChord};
use crate::theme::Theme;

use super::WholeArticle;
use super::effects::{self, Next};
use super::jobs::Jobs;
pub use super::jobs::NotesToOpen;
use super::model::Model;
use super::session::{Doc, Opening, Origin, Session};
use super::signals::{Ending, Signal, SignalWatch};
use super::terminal::TerminalGuard;
use super::update::{Msg, Redraw, update};

/// Test hook: with `GLOSS_TEST_PANIC=1` in the environment the reader panics right after
/// drawing its first frame, so an end-to-end test in a pseudo-terminal can check that a
/// panic restores the terminal (alternate screen left, raw mode and mouse capture off) and
/// still prints the panic message.
const TEST_PANIC_VAR: &str = "GLOSS_TEST_PANIC";

/// Runs the reader until the user quits.
///
/// On a big text the first frame shows a window of the layout ([`crate::layout::Layout::partial`]);
/// the complete layout, the whole article, detection and a book's notebook are made by
/// [`Jobs`] on worker threads. A message that waits ([`Msg::waits`]: a key, the mouse)
/// is taken in once the work it relies on is in the model, which on a 3 MB book is a few
/// tens of milliseconds at most and usually nothing: people read first. Articles opened
/// from links stack up in a [`Session`] under the same terminal guard.
pub fn run(model: Model, theme: &Theme, first: First, opening: Opening) -> anyhow::Result<Ended> {
    // From here on a signal ends gloss through the loop, which restores the terminal.
    let signals = SignalWatch::start()?;
    let jobs = Jobs::new(&model, first.notes, first.whole);
    let origin = first.origin;
    let mut session = Session::new(
        Doc {
            model,
            jobs,
            origin,
        },
        opening,
    );
    let test_panic = std::env::var(TEST_PANIC_VAR).is_ok_and(|v| v == "1");
    let mut guard = TerminalGuard::enter()?;
    guard.presenter.hyperlinks = first.hyperlinks;
    // What changed since the last frame: only the article's position lets the presenter
    // have the terminal scroll.
    let mut redraw = Redraw::Full;
    loop {
        if session.poll() {
            redraw = Redraw::Full;
        }
        let loading = session.is_loading();
        let Doc { model, jobs, .. } = session.top();
        jobs.lay_out(model);
        let scrolled = redraw == Redraw::Scrolled;
        guard
            .presenter
            .present(&mut guard.terminal, model, theme, scrolled)?;
        redraw = Redraw::Scrolled;
        if test_panic {
            panic!("{TEST_PANIC_VAR}=1: deliberate panic after the first frame (test hook)");
        }
        jobs.start(model);
        let mut msgs = jobs.ready()?;
        let wait = match (msgs.is_empty(), loading) {
            (true, false) => jobs.timeout(model),
            (true, true) => jobs.timeout(model).min(LOADING_POLL),
            (false, _) => Duration::ZERO,
        };
        msgs.extend(events(wait)?);
        msgs.extend(std::iter::from_fn(|| signals.next()).map(signal_message));
        let mut next = Next::Stay;
        for msg in msgs {
            while msg.waits()
                && let Some(ready) = jobs.settle(model)?
            {
                redraw = redraw.and(update(model, ready).redraw);
            }
            let (changed, asked) = effects::dispatch(model, msg, &mut guard)?;
            redraw = redraw.and(changed);
            match asked {
                Next::Stay => {}
                // Loading takes a while: the keys after Enter still go to this document.
                Next::Open(_) => next = asked,
                // What follows was meant for this document: the next one starts afresh.
                Next::Back | Next::End(_) => {
                    next = asked;
                    break;
                }
            }
        }
        match next {
            Next::Stay => {}
            Next::End(Ending::Signalled { status, notice }) => {
                // Gloss exits at once: every document's unsaved notes are said.
                let rest = session.save_rest();
                let notice = notice.into_iter().chain(rest).collect::<Vec<_>>();
                let notice = (!notice.is_empty()).then(|| notice.join("; "));
                let ending = Ending::Signalled { status, notice };
                return Ok(Ended::of(&session, ending));
            }
            Next::End(ending) => {
                // Said in the status bar when they were left, if their save failed.
                session.save_rest();
                return Ok(Ended::of(&session, ending));
            }
            Next::Open(link) => session.open(&link),
            Next::Back => {
                session.back();
                redraw = Redraw::Full;
            }
        }
    }
}

/// How the reader ended, and where the first document was left (its first byte on
/// screen), which the library keeps as the reading position.
#[derive(Debug)]
pub struct Ended {
    pub ending: Ending,
    pub top_byte: usize,
    /// The first document's article and corrected annotations, when the reader made or
    /// undid corrections in it: the library stores them again.
    pub corrected: Option<(Arc<Article>, AnnotationSet)>,
}

impl Ended {
    fn of(session: &Session, ending: Ending) -> Ended {
        Ended {
            ending,
            top_byte: session.first_top_byte(),
            corrected: session.first_corrected(),
        }
    }
}

/// How often the loop looks for a document being loaded when nothing else happens.
const LOADING_POLL: Duration = Duration::from_millis(20);

/// What the first document brings besides its model: where it came from, and the work
/// left for after its first frame (a book's notebook, the whole of a big file).
pub struct First {
    pub origin: Origin,
    pub notes: Option<NotesToOpen>,
    pub whole: Option<WholeArticle>,
    /// Whether links are written as OSC 8 hyperlinks.
    pub hyperlinks: bool,
}

/// The message a signal means.
fn signal_message(signal: Signal) -> Msg {
    match signal {
        Signal::Suspend => Msg::Suspend,
        Signal::Terminate(number) => Msg::Terminating(number),
    }
}

/// The messages of the terminal events that come within `wait`, and of every event
/// queued behind the first (a fast wheel or a held key), so drawing never lags behind input.
fn events(wait: Duration) -> anyhow::Result<Vec<Msg>> {
    let mut msgs = Vec::new();
    if event::poll(wait)? {
        msgs.extend(message(event::read()?));
        while event::poll(Duration::ZERO)? {
            msgs.extend(message(event::read()?));
        }
    }
    Ok(msgs)
}

/// The message a terminal event means, if any.
pub(crate) fn message(event: Event) -> Option<Msg> {
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
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}
