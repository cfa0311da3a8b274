//! The reader's background work, in one value the loop polls for messages: the whole of a
//! big article loading while its head is shown, the complete layout at the current width,
//! the notebook of a book, and detection. Each reports what it made as a [`Msg`]; nothing
//! here changes the model.
//!
//! The wait rules: a key (or the mouse, or a paste) waits for the whole article, its
//! complete layout and the notebook ([`Jobs::settle`]), never for detection; a resize never
//! waits; a layout made for a width no longer wanted is dropped (its thread's send fails).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::Duration;

use crate::detect::{Detection, detect_article, detect_visible_first};
use crate::layout::Layout;
use crate::notes::NotesLocation;

use super::WholeArticle;
use super::model::Model;
use super::notes::Notes;
use super::update::Msg;

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

/// Test hook: see [`slow_detection_for_tests`].
const TEST_SLOW_DETECT_VAR: &str = "GLOSS_TEST_SLOW_DETECT";

/// Where a book's notes are, to open once its first frame is out.
pub type NotesToOpen = (Result<NotesLocation, String>, Option<PathBuf>);

/// The background work under way or still to start.
pub struct Jobs {
    /// The whole article while only its head is in the model.
    whole: Option<WholeArticle>,
    /// The complete layout being made, and for which width.
    layout: Option<(u16, Receiver<Layout>)>,
    /// A book's notebook, to open once the whole text is in.
    notes_to_open: Option<NotesToOpen>,
    notes: Option<Receiver<Notes>>,
    detection: Option<Receiver<Detection>>,
}

fn small(model: &Model) -> bool {
    model.article.text.len() <= SMALL_TEXT_BYTES
}

impl Jobs {
    /// The work for a reader opened on `model`; a small article's detection starts now,
    /// before the terminal is touched.
    pub fn new(model: &Model, notes: Option<NotesToOpen>, whole: Option<WholeArticle>) -> Jobs {
        let detection = (whole.is_none() && small(model)).then(|| start_whole_detection(model));
        Jobs {
            whole,
            layout: None,
            notes_to_open: notes,
            notes: None,
            detection,
        }
    }

    /// Before a frame: the complete layout at the model's width, unless it is there or
    /// being made (a head shown while the whole article loads is never laid out whole).
    pub fn lay_out(&mut self, model: &Model) {
        if self.whole.is_none()
            && !model.view.layout.is_complete()
            && self
                .layout
                .as_ref()
                .is_none_or(|(w, _)| *w != model.view.width)
        {
            self.layout = Some(start_layout(model));
        }
    }

    /// After a frame: the rest, so none of it competes with the frame for a core. The
    /// whole article loads first; detection and the notebook wait for it.
    pub fn start(&mut self, model: &Model) {
        if let Some(pending) = &mut self.whole {
            pending.start();
            return;
        }
        if model.detection.running && self.detection.is_none() {
            self.detection = Some(start_detection(model));
        }
        if let Some((location, path)) = self.notes_to_open.take() {
            let article = Arc::clone(&model.article);
            let (tx, rx) = mpsc::channel();
            thread::spawn(move || {
                let _ = tx.send(super::open_notes(&article, location, path.as_deref()));
            });
            self.notes = Some(rx);
        }
    }

    /// How long the loop may wait for input before looking at the work again.
    pub fn timeout(&self, model: &Model) -> Duration {
        let ms = match (&self.layout, model.detection.running) {
            _ if self.whole.is_some() => 5,
            (Some(_), _) => 5,
            (None, true) if small(model) => DETECTION_POLL_SMALL,
            (None, true) => DETECTION_POLL_BOOK,
            // Signals are looked at between two polls: this bounds how long one waits.
            (None, false) => 250,
        };
        Duration::from_millis(ms)
    }

    /// What the work has made since the last look, without waiting.
    pub fn ready(&mut self) -> anyhow::Result<Vec<Msg>> {
        let mut msgs = Vec::new();
        if let Some(pending) = &mut self.whole
            && let Some(loaded) = pending.try_take()
        {
            self.whole = None;
            msgs.push(Msg::ArticleLoaded(Box::new(loaded?)));
        }
        if let Some((_, rx)) = &self.layout {
            match rx.try_recv() {
                Ok(layout) => {
                    msgs.push(Msg::LayoutReady(Box::new(layout)));
                    self.layout = None;
                }
                Err(TryRecvError::Disconnected) => self.layout = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        if let Some(rx) = &self.notes
            && let Ok(opened) = rx.try_recv()
        {
            msgs.push(Msg::NotesOpened(Box::new(opened)));
            self.notes = None;
        }
        if let Some(rx) = &self.detection {
            // Progress may have queued several reports: take them all, draw once.
            msgs.extend(rx.try_iter().map(|found| match found {
                Detection::Visible(set) => Msg::PartialAnnotations(set),
                Detection::Progress(percent) => Msg::DetectionProgress(percent),
                Detection::Done(set) => Msg::Annotations(set),
            }));
        }
        Ok(msgs)
    }

    /// Before a message that [waits](Msg::waits): the next piece of work it waits for,
    /// once done (the whole article, then its complete layout at the model's width, then
    /// the notebook); `None` once nothing is left to wait for. The loop takes each in
    /// before asking again.
    pub fn settle(&mut self, model: &Model) -> anyhow::Result<Option<Msg>> {
        if let Some(pending) = self.whole.take() {
            return Ok(Some(Msg::ArticleLoaded(Box::new(pending.wait()?))));
        }
        // A layout for another width is dropped; none is made for a complete layout.
        let job = match self.layout.take() {
            Some((width, rx)) if width == model.view.width => Some(rx),
            _ if !model.view.layout.is_complete() => Some(start_layout(model).1),
            _ => None,
        };
        if let Some(layout) = job.and_then(|rx| rx.recv().ok()) {
            return Ok(Some(Msg::LayoutReady(Box::new(layout))));
        }
        if let Some(rx) = self.notes.take()
            && let Ok(opened) = rx.recv()
        {
            return Ok(Some(Msg::NotesOpened(Box::new(opened))));
        }
        Ok(None)
    }
}

/// Starts making the complete layout at the model's width on a thread.
fn start_layout(model: &Model) -> (u16, Receiver<Layout>) {
    let (article, width) = (Arc::clone(&model.article), model.view.width);
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        // The receiver is gone if the width changed again or the reader quit.
        let _ = tx.send(Layout::new(&article, width));
    });
    (width, rx)
}

/// Starts detecting a small article whole on a thread and returns its channel.
fn start_whole_detection(model: &Model) -> Receiver<Detection> {
    let article = Arc::clone(&model.article);
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
    let article = Arc::clone(&model.article);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Meta};
    use crate::tui::update::update;
    use crate::tui::{Keymap, Settings};

    /// A reader over a text big enough to open on a window of its layout.
    fn book_reader() -> Model {
        let para = "It was the best of times, it was the worst of times, it was the age of wisdom.";
        let text = (0..6000)
            .map(|i| format!("{i} {}", para.repeat(i % 5 + 1)))
            .collect::<Vec<_>>()
            .join("\n\n");
        let article = Article::from_verbatim(text, Meta::default());
        let size = (120, 40);
        Model::new(
            article,
            "book".into(),
            Settings::default(),
            Keymap::default(),
            size,
        )
    }

    /// Takes in everything a waiting message waits for, as the loop does.
    fn settle(jobs: &mut Jobs, m: &mut Model) -> usize {
        let mut taken = 0;
        while let Some(msg) = jobs.settle(m).unwrap_or_else(|e| panic!("{e}")) {
            update(m, msg);
            taken += 1;
        }
        taken
    }

    #[test]
    fn a_key_after_a_resize_waits_for_the_layout_at_the_new_width_only() {
        let mut m = book_reader();
        let mut jobs = Jobs::new(&m, None, None);
        jobs.lay_out(&m);
        assert!(!m.view.layout.is_complete(), "a book opens on a window");
        update(&mut m, Msg::Resize(100, 40));
        assert!(!m.view.layout.is_complete(), "a resize does not wait");
        // The job for the old width is dropped, one for the new width made and waited for.
        assert_eq!(settle(&mut jobs, &mut m), 1);
        assert!(m.view.layout.is_complete());
        assert_eq!(m.view.layout.width(), m.view.width);
        assert_eq!(settle(&mut jobs, &mut m), 0, "nothing left to wait for");
    }

    #[test]
    fn detection_is_never_waited_for_and_reports_as_messages() {
        let mut m = book_reader();
        let mut jobs = Jobs::new(&m, None, None);
        jobs.lay_out(&m);
        jobs.start(&m);
        settle(&mut jobs, &mut m);
        assert!(m.detection.running, "settling does not wait for detection");
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while m.detection.running && std::time::Instant::now() < deadline {
            for msg in jobs.ready().unwrap_or_else(|e| panic!("{e}")) {
                update(&mut m, msg);
            }
            thread::sleep(Duration::from_millis(5));
        }
        assert!(
            !m.detection.running,
            "detection's results arrive as messages"
        );
    }
}
