//! The terminal reader, on top of the pure core: the elm-shaped loop in [`app`] (event ->
//! [`keymap`] -> [`action::Action`] -> [`update`] -> effects -> [`ui::draw`]), the state in
//! [`model`], the side pane's data in [`rows`], and terminal set-up in [`terminal`].
//!
//! Only this module and `main.rs` know about ratatui and crossterm.

pub mod action;
pub mod ansi;
pub mod app;
pub mod corrections;
pub mod effects;
pub mod jobs;
pub mod keymap;
pub mod library;
pub mod messages;
pub mod model;
pub mod notes;
pub mod present;
pub mod rows;
pub mod session;
pub mod signals;
pub mod terminal;
pub mod ui;
pub mod update;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::article::Article;
use crate::ingest::{IngestError, LoadOptions, Source};
use crate::notes::{ArticleIdentity, Notebook, NotesLocation};
use crate::theme::Theme;

pub use app::Ended;
pub use keymap::Keymap;
pub use model::{Model, Settings};
pub use signals::Ending;

/// Everything the reader needs, prepared (and checked) before the terminal is touched.
#[derive(Debug)]
pub struct Launch {
    /// The article, or the head of a big one (`ingest::load_head`) while `whole` loads it.
    pub article: Article,
    /// The whole article being loaded on a thread, when `article` is only its head.
    pub whole: Option<WholeArticle>,
    /// The file as the reader named it ("-" for standard input, "sample" for the sample).
    pub file_label: String,
    pub theme: Theme,
    pub settings: Settings,
    pub keymap: Keymap,
    /// Where the article's notes are kept, or why there is nowhere to keep them.
    pub notes: Result<NotesLocation, String>,
    /// The article's file, which (with its text) identifies its notes; `None` for standard
    /// input and the sample.
    pub article_path: Option<PathBuf>,
    /// The library session for this article: `None` when not recorded (`--no-library`,
    /// `[library] enabled = false`, the sample); `Some(Err)` when the library could not
    /// be opened (show the error's one line in the status bar; the article still opens).
    pub library: Option<Result<crate::library::Session, crate::library::LibraryError>>,
    /// Where the article came from (what its relative links resolve against).
    pub origin: session::Origin,
    /// How articles opened from its links are loaded.
    pub opening: session::Opening,
    /// Where to open the article (a byte of its text: a passage chosen in the library);
    /// `None` opens it where the library says it was left, else at the top.
    pub start_at: Option<usize>,
    /// The command that opens a link outside gloss (`opener`).
    pub opener: Vec<String>,
    /// Whether links are OSC 8 hyperlinks (`hyperlinks`, resolved for this terminal).
    pub hyperlinks: bool,
    /// The lexicon file (`lexicon.toml` beside the config), if a config directory is known.
    pub lexicon: Option<PathBuf>,
}

/// The whole of a big article, loaded on a worker thread while the reader shows its head.
/// The thread starts once the head's first frame is out ([`WholeArticle::start`]), so the
/// two do not compete for a core.
#[derive(Debug)]
pub struct WholeArticle {
    path: PathBuf,
    options: LoadOptions,
    loading: Option<Receiver<Result<Article, IngestError>>>,
}

impl WholeArticle {
    /// The whole file at `path`, to load with `ingest::load`.
    pub fn new(path: PathBuf, options: LoadOptions) -> WholeArticle {
        WholeArticle {
            path,
            options,
            loading: None,
        }
    }

    /// Starts loading on a thread, unless already started.
    fn start(&mut self) {
        if self.loading.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let (path, options) = (self.path.clone(), self.options);
        std::thread::spawn(move || {
            // The receiver is gone only if the reader already quit.
            let _ = tx.send(crate::ingest::load(&Source::Path(path), &options));
        });
        self.loading = Some(rx);
    }

    /// The article if it is loaded (`None` while it is not, or not started).
    fn try_take(&mut self) -> Option<anyhow::Result<Article>> {
        match self.loading.as_ref()?.try_recv() {
            Ok(loaded) => Some(loaded.map_err(anyhow::Error::from)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(loader_stopped())),
        }
    }

    /// The article, waiting for it (and starting the load if it has not started).
    fn wait(mut self) -> anyhow::Result<Article> {
        self.start();
        match self.loading.as_ref().map(Receiver::recv) {
            Some(Ok(loaded)) => Ok(loaded?),
            _ => Err(loader_stopped()),
        }
    }
}

/// A loader thread that ended without an answer: it panicked, a bug.
fn loader_stopped() -> anyhow::Error {
    anyhow::anyhow!("the article could not be loaded (its loader stopped)")
}

/// Runs the reader: takes over the terminal, and gives it back on every way out.
pub fn run(launch: Launch) -> anyhow::Result<Ended> {
    let Launch {
        article,
        whole,
        file_label,
        theme,
        settings,
        keymap,
        notes,
        article_path,
        // Held while the reader runs (the recording thread reports to it): where the
        // article was left is restored from it and kept in it on the way out.
        mut library,
        origin,
        opening,
        start_at,
        opener,
        hyperlinks,
        lexicon,
    } = launch;
    let mut article = article;
    if let Some(Err(e)) = &library {
        // The article still opens; the status bar says the library did not.
        article
            .warnings
            .insert(0, format!("not in your library: {e}"));
    }
    let restore = || library.as_ref()?.as_ref().ok()?.restore().map(|p| p.byte);
    let start = start_at
        .map(|b| (b, true))
        .or_else(|| restore().map(|b| (b, false)));
    // Laid out at the terminal's size at once, so the first frame does not lay out twice.
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut model = Model::new(article, file_label, settings, keymap, size);
    if let Some((byte, lead)) = start {
        model.start_at(byte, lead);
    }
    model.opener = opener;
    if let Some(path) = lexicon {
        match crate::corrections::Lexicon::load(&path) {
            Ok(found) => model.corrections.lexicon = found,
            // gloss runs without it; the status bar says where the file is broken.
            Err(e) => model.status.message = Some(format!("lexicon not used: {e}")),
        }
        model.corrections.lexicon_path = Some(path);
    }
    // A book's notebook is opened after the first frame (hashing the text to find its
    // notes costs 15 ms on War and Peace); an article's at once.
    let later = match whole.is_some() || model.article.text.len() > jobs::SMALL_TEXT_BYTES {
        true => Some((notes, article_path)),
        false => {
            let opened = open_notes(&model.article, notes, article_path.as_deref());
            update::update(&mut model, update::Msg::NotesOpened(Box::new(opened)));
            None
        }
    };
    let first = app::First {
        origin,
        notes: later,
        whole,
        hyperlinks,
    };
    let ended = app::run(model, &theme, first, opening)?;
    if let Some(Ok(session)) = &mut library
        && let Err(e) = session.save_position(ended.top_byte)
    {
        // The terminal is the shell's again: one line says the position was not kept.
        eprintln!("gloss: reading position not kept: {e}");
    }
    Ok(ended)
}

/// Opens the article's notebook before the terminal is taken; a problem (a notes file that
/// does not parse: read-only) is kept for the status bar rather than stopping the reader.
pub fn open_notes(
    article: &Article,
    location: Result<NotesLocation, String>,
    path: Option<&Path>,
) -> notes::Notes {
    let location_copy = location.clone();
    let opened = location.and_then(|loc| {
        let identity = ArticleIdentity::new(&article.text, path);
        Notebook::open(&loc, identity, article.meta.title.clone(), &article.text)
            .map_err(|e| e.to_string())
    });
    let mut notes = match opened {
        Ok((book, problem)) => notes::Notes::new(
            Some(book),
            problem.map(|p| format!("notes are read-only: {p}")),
        ),
        Err(e) => notes::Notes::new(None, Some(e)),
    };
    notes.corrections = Some(open_corrections(article, location_copy, path));
    notes
}

/// Opens the article's corrections, kept apart from its notes (`corrections::file`).
fn open_corrections(
    article: &Article,
    location: Result<NotesLocation, String>,
    path: Option<&Path>,
) -> corrections::Opened {
    let opened = location.and_then(|loc| {
        let identity = ArticleIdentity::new(&article.text, path);
        crate::corrections::CorrectionBook::open(&loc, identity, article.meta.title.clone())
            .map_err(|e| e.to_string())
    });
    match opened {
        Ok((book, problem)) => corrections::Opened {
            book: Some(book),
            problem: problem.map(|p| format!("corrections are read-only: {p}")),
        },
        Err(e) => corrections::Opened {
            book: None,
            problem: Some(e),
        },
    }
}
