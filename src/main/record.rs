//! Recording the article the reader opens into the library (issue 13), outside the TUI:
//! the library is opened and the article's row written before the reader starts (a few
//! milliseconds), its reading position read back for the reader to restore; what takes
//! longer (detecting a new article's entities, loading the whole of a big file shown by
//! its head first) runs on a thread with its own connection. Any failure becomes the
//! session's error, for the status bar: the article opens whatever the library does.
//! What is stored is corrected (the lexicon and the article's corrections), as the reader
//! shows it; when the reader made or undid corrections, it is stored again on the way out.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use jiff::Timestamp;

use gloss::annotation::AnnotationSet;
use gloss::article::Article;
use gloss::config::LibraryConfig;
use gloss::corrections::Corrector;
use gloss::ingest::{self, LoadOptions};
use gloss::library::{
    self, ArticleId, Library, LibraryError, Pending, Position, Session, SourceRef,
};
use gloss::notes::{ArticleIdentity, NotesLocation, Store};

/// What the reader was asked to open, for the library.
pub struct Reader<'a> {
    /// `--library PATH`.
    pub flag: Option<&'a Path>,
    /// `--no-library`.
    pub off: bool,
    pub config: &'a LibraryConfig,
    pub source: &'a ingest::Source,
    pub url: Option<&'a str>,
    /// The article, or the head of a big file when `head_of` is set.
    pub article: &'a Article,
    /// Set when `article` is only the head of the file: how the whole is loaded.
    pub head_of: Option<LoadOptions>,
    /// What corrects the annotations stored (the reader's notes location and lexicon).
    pub corrector: Corrector,
    /// The article's file as the reader names it (to find its corrections).
    pub article_path: Option<&'a Path>,
}

/// What is needed after the reader quits to index the article's notes.
pub struct Recorder {
    /// The thread still recording (annotating a new article, loading a big one).
    thread: Option<std::thread::JoinHandle<()>>,
    path: PathBuf,
    source: SourceRef,
    /// The text's hash, for an article known only by its text (standard input).
    hash: Option<String>,
}

/// Records the article the reader opens, unless told not to (`--no-library`, `[library]
/// enabled = false`) or it is the bundled sample. The session (or why there is none) is
/// for the reader; the recorder for [`Recorder::after_reading`].
pub fn for_reader(r: Reader<'_>) -> (Option<Result<Session, LibraryError>>, Option<Recorder>) {
    if r.off || !r.config.enabled {
        return (None, None);
    }
    let source = match (r.source, r.url) {
        (_, Some(url)) => SourceRef::Url(url.to_owned()),
        (ingest::Source::Path(p), None) => {
            SourceRef::Path(p.canonicalize().unwrap_or_else(|_| p.clone()))
        }
        (ingest::Source::Stdin, None) => SourceRef::Stdin,
        (ingest::Source::Sample, None) => return (None, None),
    };
    let path = match library_path(r.flag, r.config) {
        Ok(path) => path,
        Err(e) => return (Some(Err(e)), None),
    };
    let whole = match (&source, r.head_of) {
        (SourceRef::Path(file), Some(options)) => Some((file.clone(), options)),
        _ => None,
    };
    let mut recorder = Recorder {
        thread: None,
        path: path.clone(),
        hash: matches!(source, SourceRef::Stdin)
            .then(|| gloss::notes::identity::text_hash(&r.article.text)),
        source: source.clone(),
    };
    let opening = Opening {
        source,
        article: r.article,
        whole,
        corrector: r.corrector,
        file: r.article_path.map(Path::to_path_buf),
    };
    let session = record_opening(&path, r.config, opening).map(|(session, thread)| {
        recorder.thread = thread;
        session
    });
    (Some(session), Some(recorder))
}

impl Recorder {
    /// Waits for the recording to finish (a reader quitting at once must not leave the
    /// article without its entities), then stores the annotations the reader `corrected`
    /// (if it made or undid corrections) and indexes the article's notes (the reader may
    /// have added some). Quietly does nothing when the library cannot be opened: the
    /// reader said so already.
    pub fn after_reading(
        self,
        notes: Option<&NotesLocation>,
        article_path: Option<&Path>,
        corrected: Option<&(Arc<Article>, AnnotationSet)>,
    ) {
        if let Some(thread) = self.thread {
            let _ = thread.join();
        }
        let Ok(mut lib) = Library::open(&self.path) else {
            return;
        };
        let id = match &self.hash {
            Some(hash) => lib.find_by_hash(hash).ok().flatten(),
            None => lib
                .find_by_source(&self.source)
                .ok()
                .flatten()
                .map(|(id, _)| id),
        };
        let Some(id) = id else { return };
        if let Some((article, set)) = corrected {
            let _ = store_corrected(&mut lib, id, article, set);
        }
        if let Some(location) = notes {
            let _ = index_notes(&mut lib, id, location, article_path);
        }
    }
}

/// The database to use: `--library PATH`, else the config's `[library] path`, else the
/// default in the data directory.
pub fn library_path(flag: Option<&Path>, config: &LibraryConfig) -> Result<PathBuf, LibraryError> {
    match flag.or(config.path.as_deref()) {
        Some(path) => Ok(path.to_path_buf()),
        None => library::default_path(),
    }
}

/// The article as the reader opens it.
pub struct Opening<'a> {
    pub source: SourceRef,
    /// The article, or only the head of a big file when `whole` is set.
    pub article: &'a Article,
    /// The big file the reader loads whole in the background, and how.
    pub whole: Option<(PathBuf, LoadOptions)>,
    /// What corrects the annotations before they are stored.
    pub corrector: Corrector,
    /// The article's file, to find its corrections.
    pub file: Option<PathBuf>,
}

/// Records the article the reader opens and returns the reader's session (and the thread
/// finishing the recording, if one runs); an error when the library cannot be opened or
/// written (the reader says so and goes on).
pub fn record_opening(
    path: &Path,
    config: &LibraryConfig,
    opening: Opening<'_>,
) -> Result<(Session, Option<std::thread::JoinHandle<()>>), LibraryError> {
    let mut lib = Library::open(path)?;
    let now = Timestamp::now();
    let (tx, rx) = mpsc::channel();
    let (restore, thread) = match opening.whole {
        None => {
            let recorded = lib.record(&opening.source, opening.article, None, Some(now))?;
            let id = recorded.id;
            let thread = match recorded.annotated {
                true => {
                    let _ = tx.send(Ok(id));
                    None
                }
                false => {
                    let article = opening.article.clone();
                    let path = path.to_path_buf();
                    let (corrector, file) = (opening.corrector, opening.file);
                    Some(std::thread::spawn(move || {
                        let annotated = annotate(&path, id, &article, &corrector, file.as_deref());
                        let _ = tx.send(annotated);
                    }))
                }
            };
            (recorded.position, thread)
        }
        Some((file, options)) => {
            let known = lib.find_by_source(&opening.source)?;
            let (path, source) = (path.to_path_buf(), opening.source.clone());
            let corrector = opening.corrector;
            let thread = std::thread::spawn(move || {
                let whole = Whole {
                    file: &file,
                    options: &options,
                    corrector: &corrector,
                };
                let _ = tx.send(record_whole(&path, &source, whole, now));
            });
            let byte = known.map_or(0, |(_, byte)| byte);
            (Position { byte, text_len: 0 }, Some(thread))
        }
    };
    let remember = config.remember_position;
    let session = Session::new(lib, Pending::Recording(rx), Some(restore), remember);
    Ok((session, thread))
}

/// Detects, corrects and stores the annotations of a newly recorded article.
fn annotate(
    path: &Path,
    id: ArticleId,
    article: &Article,
    corrector: &Corrector,
    file: Option<&Path>,
) -> Result<ArticleId, LibraryError> {
    let set = corrector.annotate(article, file);
    Library::open(path)?.store_annotations(id, article, &set)?;
    Ok(id)
}

/// A big file the reader shows by its head, to record whole.
struct Whole<'a> {
    file: &'a Path,
    options: &'a LoadOptions,
    corrector: &'a Corrector,
}

/// Loads the whole of a big file and records it with its annotations.
fn record_whole(
    path: &Path,
    source: &SourceRef,
    whole: Whole<'_>,
    now: Timestamp,
) -> Result<ArticleId, LibraryError> {
    let Whole {
        file,
        options,
        corrector,
    } = whole;
    let article =
        ingest::load(&ingest::Source::Path(file.to_path_buf()), options).map_err(|e| {
            LibraryError::Open {
                path: path.to_path_buf(),
                reason: format!("cannot record '{}': {e}", file.display()),
            }
        })?;
    let mut lib = Library::open(path)?;
    let recorded = lib.record(source, &article, None, Some(now))?;
    if !recorded.annotated {
        let set = corrector.annotate(&article, Some(file));
        lib.store_annotations(recorded.id, &article, &set)?;
    }
    Ok(recorded.id)
}

/// Stores the annotations the reader corrected over article `id`'s, unless its text in
/// the library is another (the reader quit before the whole of a big file was loaded,
/// or the file changed meanwhile).
fn store_corrected(
    lib: &mut Library,
    id: ArticleId,
    article: &Article,
    set: &AnnotationSet,
) -> Result<(), LibraryError> {
    if lib.article(id)?.text_hash != gloss::notes::identity::text_hash(&article.text) {
        return Ok(());
    }
    lib.store_annotations(id, article, set)
}

/// Points the article's library row at its notes file, with the number of notes and
/// their tags (run after the reader, which may have added some, and by `library add`).
/// The notes file is only read.
pub fn index_notes(
    lib: &mut Library,
    id: ArticleId,
    location: &NotesLocation,
    article_path: Option<&Path>,
) -> Result<(), LibraryError> {
    let summary = lib.article(id)?;
    let identity = ArticleIdentity {
        text_hash: summary.text_hash.clone(),
        path: article_path.map(Path::to_path_buf),
    };
    let Ok(opened) = Store::open(location, identity, None) else {
        return Ok(());
    };
    let file = opened.store.file();
    let exists = file.is_file();
    let tags: Vec<String> = opened.notes.tags().into_iter().map(|(t, _)| t).collect();
    lib.set_notes(id, exists.then_some(file), opened.notes.len(), &tags)
}
