//! The documents open in one reader: a stack of [`Doc`]s (each its own [`Model`] and
//! [`Jobs`]) under the one terminal guard the loop holds, so opening an article from a
//! link, and coming back, never leaves the alternate screen.
//!
//! `update` asks for a document with [`Effect::Open`](super::update::Effect::Open) (a
//! link's URL or a path, resolved here against the current document's origin) and to go
//! back with [`Effect::Back`](super::update::Effect::Back); the loop hands both to the
//! session. Loading runs on a thread (a fetch can take seconds): the reader stays usable,
//! its status bar says what is being fetched, and a failure is a status message. The
//! document left stays in the stack exactly as it was (scroll, selection, side pane,
//! jump list), its notes saved as they are on quitting (else copied to a recovery file);
//! back drops the top document the same way and shows the one below.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;
use std::time::Duration;

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::fetch::{self, page};
use crate::ingest::{self, LoadOptions, Source};
use crate::notes::NotesLocation;

use super::effects;
use super::jobs::Jobs;
use super::model::Model;
use super::notes::Notes;
use super::update::{Msg, update};

/// Where a document came from: what its relative links resolve against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A web page, by its URL (the final one after redirects when known).
    Url(String),
    /// A file, by its absolute path.
    Path(PathBuf),
    /// Standard input or the sample: relative links lead nowhere.
    Other,
}

/// A source to open, resolved from a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Url(String),
    Path(PathBuf),
}

impl Target {
    /// `link` resolved against `origin`: an absolute http(s) URL as it is; a `file:` URL
    /// or a path as a file (relative to a file's directory); a relative reference against
    /// a page's URL. `None` for what gloss does not open itself (`mailto:`, a relative
    /// link from standard input), which the system opener may take instead.
    pub fn resolve(origin: &Origin, link: &str) -> Option<Target> {
        let link = link.trim();
        if fetch::is_url(link) {
            return Some(Target::Url(link.to_string()));
        }
        if let Ok(url) = url::Url::parse(link) {
            return match url.scheme() {
                "file" => url.to_file_path().ok().map(Target::Path),
                _ => None,
            };
        }
        match origin {
            Origin::Url(base) => {
                let url = url::Url::parse(base).ok()?.join(link).ok()?;
                matches!(url.scheme(), "http" | "https").then(|| Target::Url(url.into()))
            }
            Origin::Path(file) => {
                // A link into the same file (`#part`) or with a query is no other file.
                let path = link.split(['#', '?']).next().unwrap_or("");
                let base = file.parent().unwrap_or(Path::new("/"));
                (!path.is_empty()).then(|| Target::Path(base.join(path)))
            }
            Origin::Other => None,
        }
    }

    /// What the status bar and the file label call it.
    pub fn label(&self) -> String {
        match self {
            Target::Url(url) => url.clone(),
            Target::Path(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

/// How documents opened from the reader are loaded: the options the first was loaded
/// with, where their notes go, and the fetch timeout.
#[derive(Debug, Clone)]
pub struct Opening {
    pub options: LoadOptions,
    /// Where an opened document's notes are kept (the notes directory; `--notes FILE`
    /// names the first article's file only).
    pub notes: Result<NotesLocation, String>,
    pub timeout: Duration,
}

/// One open document: its reader state, its background work, and where it came from.
pub struct Doc {
    pub model: Model,
    pub jobs: Jobs,
    pub origin: Origin,
}

/// A document loaded on a thread, ready to show.
pub struct Loaded {
    article: Article,
    notes: Notes,
    label: String,
    origin: Origin,
}

/// The stack of open documents (the last is shown) and the one being loaded.
pub struct Session {
    docs: Vec<Doc>,
    loading: Option<Receiver<Result<Loaded, String>>>,
    /// A document loaded while the reader was typing (a note, a search): shown once it
    /// is done, so keys never land in a document the reader did not see open.
    waiting: Option<Loaded>,
    opening: Opening,
}

impl Session {
    /// A session showing `first`.
    pub fn new(first: Doc, opening: Opening) -> Session {
        Session {
            docs: vec![first],
            loading: None,
            waiting: None,
            opening,
        }
    }

    /// The document shown.
    pub fn top(&mut self) -> &mut Doc {
        let last = self.docs.len() - 1;
        &mut self.docs[last]
    }

    /// The first byte on screen of the first document (the one gloss was started on),
    /// for the library to keep its reading position.
    pub fn first_top_byte(&self) -> usize {
        self.docs.first().map_or(0, |d| d.model.reading_position())
    }

    /// The first document's article and its annotations as the reader left them, when
    /// it made or undid corrections there and detection had finished (for the library).
    pub fn first_corrected(&self) -> Option<(Arc<Article>, AnnotationSet)> {
        let m = &self.docs.first()?.model;
        (m.corrections.changed && !m.detection.running)
            .then(|| (m.article.clone(), m.annotations.clone()))
    }

    /// How many documents are open (the shown one and those Ctrl-o goes back to).
    pub fn depth(&self) -> usize {
        self.docs.len()
    }

    /// Whether a document is being loaded (the loop polls more often meanwhile).
    pub fn is_loading(&self) -> bool {
        self.loading.is_some() || self.waiting.is_some()
    }

    /// Starts loading `link` (resolved against the shown document) on a thread; a load
    /// under way is abandoned for it. A link gloss cannot open is reported at once.
    pub fn open(&mut self, link: &str) {
        let Some(target) = Target::resolve(&self.top().origin, link) else {
            let failed = format!("gloss cannot open '{link}' itself");
            update(&mut self.top().model, Msg::Opened(Err(failed)));
            return;
        };
        let opening = self.opening.clone();
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            // The receiver is gone if the reader quit or opened something else meanwhile.
            let _ = tx.send(load(&target, &opening));
        });
        self.loading = Some(rx);
        self.waiting = None;
    }

    /// Takes in a finished load: the new document is pushed and shown (the one left has
    /// its notes saved), or the failure goes to the status bar. True when what is shown
    /// changed, so the frame is painted whole.
    pub fn poll(&mut self) -> bool {
        if let Some(rx) = &self.loading {
            let done = match rx.try_recv() {
                Ok(done) => Some(done),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Err("the loader stopped".to_string())),
            };
            match done {
                None => {}
                Some(Err(e)) => {
                    self.loading = None;
                    update(&mut self.top().model, Msg::Opened(Err(e)));
                    return true;
                }
                Some(Ok(loaded)) => {
                    self.loading = None;
                    self.waiting = Some(loaded);
                }
            }
        }
        let typing = {
            let m = &self.top().model;
            m.notes.editor.is_some() || m.search.prompt.is_some()
        };
        match self.waiting.take() {
            Some(loaded) if !typing => {
                self.push(loaded);
                true
            }
            other => {
                self.waiting = other;
                false
            }
        }
    }

    /// Shows `loaded` over the shown document, which keeps its state.
    fn push(&mut self, loaded: Loaded) {
        let left = &mut self.top().model;
        update(left, Msg::Opened(Ok(())));
        let notice = effects::save_before_exit(left);
        let (settings, keymap, size) = (left.settings, left.keymap.clone(), left.view.size);
        let previous = left.file_label.clone();
        let mut model = Model::new(loaded.article, loaded.label, settings, keymap, size);
        model.previous = Some(previous);
        model.opener = left.opener.clone();
        model.corrections.lexicon = left.corrections.lexicon.clone();
        model.corrections.lexicon_path = left.corrections.lexicon_path.clone();
        update(&mut model, Msg::NotesOpened(Box::new(loaded.notes)));
        if let Some(notice) = notice {
            update(&mut model, Msg::Returned(Some(notice)));
        }
        let jobs = Jobs::new(&model, None, None);
        self.docs.push(Doc {
            model,
            jobs,
            origin: loaded.origin,
        });
    }

    /// Closes the shown document (its notes saved, else copied to a recovery file) and
    /// shows the one below as it was left, at the terminal's size now. False when there
    /// is none below.
    pub fn back(&mut self) -> bool {
        if self.docs.len() < 2 {
            return false;
        }
        let Some(mut closed) = self.docs.pop() else {
            return false;
        };
        let notice = effects::save_before_exit(&mut closed.model);
        let size = closed.model.view.size;
        let shown = &mut self.top().model;
        if shown.view.size != size {
            update(shown, Msg::Resize(size.0, size.1));
        }
        update(shown, Msg::Returned(notice));
        true
    }

    /// Before quitting: the notes of the documents below the shown one, saved (they were
    /// when left; this retries one whose save failed then). What could not be saved.
    pub fn save_rest(&mut self) -> Vec<String> {
        let below = self.docs.len().saturating_sub(1);
        self.docs[..below]
            .iter_mut()
            .filter_map(|doc| effects::save_before_exit(&mut doc.model))
            .collect()
    }
}

/// Loads `target` with its notebook (on the loader's thread): the article, or one line
/// saying why not.
fn load(target: &Target, opening: &Opening) -> Result<Loaded, String> {
    let (article, path, origin) = match target {
        Target::Url(url) => {
            let opened = page::open(url, false, &opening.options, opening.timeout)
                .map_err(|e| e.to_string())?;
            let mut article = opened.article;
            article.warnings.splice(0..0, opened.notice);
            (article, None, Origin::Url(url.clone()))
        }
        Target::Path(path) => {
            let article = ingest::load(&Source::Path(path.clone()), &opening.options)
                .map_err(|e| e.to_string())?;
            let path = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            (article, Some(path.clone()), Origin::Path(path))
        }
    };
    // Notes beside a page have no file to sit beside: the same rule as on the command line.
    let location = match (&opening.notes, &path) {
        (Ok(NotesLocation::Beside), None) => {
            Err("notes beside the article need an article file".to_owned())
        }
        (location, _) => location.clone(),
    };
    let notes = super::open_notes(&article, location, path.as_deref());
    Ok(Loaded {
        article,
        notes,
        label: target.label(),
        origin,
    })
}

#[cfg(test)]
mod tests;
