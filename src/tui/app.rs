//! The loop: terminal event -> message (keys resolved through the keymap) -> `update` ->
//! effects -> `draw`. The only code that reads events, and the one place the detectors'
//! results are received when they run in the background.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::article::Article;
use crate::detect::{Detection, detect_article, detect_visible_first};
use crate::keys::{Key, KeyChord};
use crate::layout::Layout;
use crate::notes::NotesLocation;
use crate::theme::Theme;

use super::WholeArticle;
use super::effects;
use super::model::Model;
use super::notes::Notes;
use super::signals::{Ending, Signal, SignalWatch};
use super::terminal::TerminalGuard;
use super::update::{Msg, only_scrolls, update};

/// Articles up to this size are annotated whole, both detectors at once, on a thread
/// started before the first frame (a few milliseconds: the annotations follow the first
/// frame at once); longer texts (books) are annotated the part on screen first, one
/// detector at a time, once the first frame is out. Neither the first frame nor a key ever
/// waits for detection, whatever the text (a pathological one can take a while).
pub(crate) const SMALL_TEXT_BYTES: usize = 256 * 1024;

/// How often the loop looks for detection results when nothing else happens: a small
/// text's annotations arrive a few milliseconds after the first frame and should be drawn
/// as soon, a book's progress is reported in steps a reader cannot tell apart.
const DETECTION_POLL_SMALL: u64 = 5;
const DETECTION_POLL_BOOK: u64 = 50;

/// Test hook: with `GLOSS_TEST_PANIC=1` in the environment the reader panics right after
/// drawing its first frame, so an end-to-end test in a pseudo-terminal can check that a
/// panic restores the terminal (alternate screen left, raw mode and mouse capture off) and
/// still prints the panic message.
const TEST_PANIC_VAR: &str = "GLOSS_TEST_PANIC";

/// Test hook: see [`slow_detection_for_tests`].
const TEST_SLOW_DETECT_VAR: &str = "GLOSS_TEST_SLOW_DETECT";

/// Where a book's notes are, to open once its first frame is out.
pub type NotesToOpen = (Result<NotesLocation, String>, Option<PathBuf>);

/// Runs the reader until the user quits.
///
/// On a big text the first frame shows a window of the layout ([`Layout::partial`]); the
/// complete layout is made on a worker thread, and detection starts once that frame is
/// out, so neither competes with it for a core; so is a book's notebook, whose opening
/// hashes the whole text. A key that arrives before the complete
/// layout waits for it (line numbers must be exact for movement), which on a 3 MB book is
/// a few tens of milliseconds at most and usually nothing: people read first.
pub fn run(
    mut model: Model,
    theme: &Theme,
    mut notes: Option<NotesToOpen>,
    mut whole: Option<WholeArticle>,
) -> anyhow::Result<Ending> {
    // From here on a signal ends gloss through the loop, which restores the terminal.
    let signals = SignalWatch::start()?;
    // Small articles start being annotated here, before the terminal is touched.
    let small = |model: &Model| model.article.text.len() <= SMALL_TEXT_BYTES;
    let mut detection = (whole.is_none() && small(&model)).then(|| start_whole_detection(&model));
    let mut layout_job: Option<LayoutJob> = None;
    let mut notes_rx: Option<Receiver<Notes>> = None;
    let test_panic = std::env::var(TEST_PANIC_VAR).is_ok_and(|v| v == "1");
    let mut guard = TerminalGuard::enter()?;
    // Whether everything since the last frame only scrolled the article (see
    // `update::only_scrolls`): the presenter then lets the terminal scroll.
    let mut only_scrolled = false;
    loop {
        if let Some(ending) = take_signals(&signals, &mut model, &mut guard)? {
            return Ok(ending);
        }
        // A head shown while the whole article loads is never laid out whole.
        if whole.is_none()
            && !model.layout.is_complete()
            && layout_job.as_ref().is_none_or(|j| !j.serves(&model))
        {
            layout_job = Some(LayoutJob::start(&model));
        }
        guard
            .presenter
            .present(&mut guard.terminal, &model, theme, only_scrolled)?;
        only_scrolled = true;
        if test_panic {
            panic!("{TEST_PANIC_VAR}=1: deliberate panic after the first frame (test hook)");
        }
        if let Some(pending) = &mut whole {
            // Loading the whole article starts once its head is on screen; once loaded, it
            // replaces the head and is drawn at once.
            pending.start();
            if let Some(loaded) = pending.try_take() {
                model.replace_article(loaded?);
                whole = None;
                only_scrolled = false;
                continue;
            }
        }
        // Detection and the notebook wait for the whole text.
        if model.detecting && detection.is_none() && whole.is_none() {
            detection = Some(start_detection(&model));
        }
        if whole.is_none()
            && let Some((location, path)) = notes.take()
        {
            let article = Arc::clone(&model.article);
            let (tx, rx) = mpsc::channel();
            thread::spawn(move || {
                let _ = tx.send(super::open_notes(&article, location, path.as_deref()));
            });
            notes_rx = Some(rx);
        }
        let timeout = match (&layout_job, model.detecting) {
            _ if whole.is_some() => 5,
            (Some(_), _) => 5,
            (None, true) if small(&model) => DETECTION_POLL_SMALL,
            (None, true) => DETECTION_POLL_BOOK,
            // Signals are looked at between two polls: this bounds how long one waits.
            (None, false) => 250,
        };
        if event::poll(Duration::from_millis(timeout))? {
            let mut first = true;
            // Take every event already queued before drawing again (a fast wheel or a
            // held key), so drawing never lags behind input.
            while first || event::poll(Duration::ZERO)? {
                first = false;
                let Some(msg) = message(event::read()?) else {
                    continue;
                };
                // Asked of the model as it is: the waits below may change it.
                only_scrolled &= whole.is_none()
                    && layout_job.is_none()
                    && notes_rx.is_none()
                    && only_scrolls(&model, &msg);
                // Keys act on the whole article, laid out whole: wait for both.
                if !matches!(msg, Msg::Resize(..))
                    && let Some(pending) = whole.take()
                {
                    model.replace_article(pending.wait()?);
                    layout_job = Some(LayoutJob::start(&model));
                }
                if !matches!(msg, Msg::Resize(..))
                    && let Some(job) = layout_job.take()
                {
                    job.finish(&mut model, true);
                }
                // Keys may act on notes: they wait for the notebook as for the layout.
                if !matches!(msg, Msg::Resize(..))
                    && let Some(rx) = notes_rx.take()
                    && let Ok(opened) = rx.recv()
                {
                    install_notes(&mut model, opened);
                }
                if effects::dispatch(&mut model, msg, &mut guard)? {
                    return Ok(Ending::Quit);
                }
            }
        }
        if let Some(job) = layout_job.take() {
            layout_job = job.finish(&mut model, false);
            only_scrolled &= layout_job.is_some();
        }
        if let Some(rx) = &notes_rx
            && let Ok(opened) = rx.try_recv()
        {
            install_notes(&mut model, opened);
            notes_rx = None;
            only_scrolled = false;
        }
        if let Some(rx) = &detection {
            // Progress may have queued several reports: take them all, draw once.
            while let Ok(found) = rx.try_recv() {
                only_scrolled = false;
                let msg = match found {
                    Detection::Visible(set) => Msg::PartialAnnotations(set),
                    Detection::Progress(percent) => Msg::DetectionProgress(percent),
                    Detection::Done(set) => Msg::Annotations(set),
                };
                update(&mut model, msg);
            }
        }
    }
}

/// Acts on the signals received since the last look: a suspension now, or the ending a
/// terminating signal asks for, once the notes are saved (or copied) as quitting saves them.
fn take_signals(
    signals: &SignalWatch,
    model: &mut Model,
    guard: &mut TerminalGuard,
) -> anyhow::Result<Option<Ending>> {
    while let Some(signal) = signals.next() {
        match signal {
            Signal::Suspend => {
                effects::dispatch(model, Msg::Suspend, guard)?;
            }
            Signal::Terminate(number) => {
                update(model, Msg::Terminating);
                let notice = effects::save_before_exit(model);
                return Ok(Some(Ending::Signalled {
                    status: 128 + number,
                    notice,
                }));
            }
        }
    }
    Ok(None)
}

fn install_notes(model: &mut Model, notes: Notes) {
    model.notes = notes;
    model.refresh_notes();
}

/// The complete layout of the article at one width, being made on a worker thread.
struct LayoutJob {
    width: u16,
    rx: Receiver<Layout>,
}

impl LayoutJob {
    fn start(model: &Model) -> LayoutJob {
        let (article, width) = (Arc::clone(&model.article), model.layout_width);
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            // The receiver is gone if the width changed again or the reader quit.
            let _ = tx.send(Layout::new(&article, width));
        });
        LayoutJob { width, rx }
    }

    /// Whether this job makes the layout the model is waiting for.
    fn serves(&self, model: &Model) -> bool {
        self.width == model.layout_width
    }

    /// Installs the layout if it is ready (or, with `wait`, once it is); gives the job
    /// back while it is still running.
    fn finish(self, model: &mut Model, wait: bool) -> Option<LayoutJob> {
        let layout = match wait {
            true => self.rx.recv().ok(),
            false => match self.rx.try_recv() {
                Ok(layout) => Some(layout),
                Err(mpsc::TryRecvError::Empty) => return Some(self),
                Err(mpsc::TryRecvError::Disconnected) => None,
            },
        };
        if let Some(layout) = layout {
            model.install_layout(layout);
        }
        None
    }
}

/// Starts detecting a small article whole on a thread and returns its channel.
fn start_whole_detection(model: &Model) -> Receiver<Detection> {
    let article: Arc<Article> = Arc::clone(&model.article);
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        slow_detection_for_tests();
        // The receiver is gone only if the reader quit first.
        let _ = tx.send(Detection::Done(detect_article(&article)));
    });
    rx
}

/// Test hook: with `GLOSS_TEST_SLOW_DETECT=1` in the environment detection never ends, so
/// an end-to-end test can check that the reader draws and quits without waiting for it.
fn slow_detection_for_tests() {
    if std::env::var(TEST_SLOW_DETECT_VAR).is_ok_and(|v| v == "1") {
        loop {
            thread::park();
        }
    }
}

/// Starts detection on a thread, the part on screen first, and returns its channel.
fn start_detection(model: &Model) -> Receiver<Detection> {
    let article: Arc<Article> = Arc::clone(&model.article);
    let from = model.top_byte();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        // The receiver is gone only if the reader quit first: nothing left to tell.
        // One detector at a time: a lower peak than the two-thread `detect_article`, for a
        // side pane that fills a little later (docs/performance.md, peak RSS).
        slow_detection_for_tests();
        detect_visible_first(&article, from, &mut |found| {
            let _ = tx.send(found);
        });
    });
    rx
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
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}
