//! Keeping per-article files on disk (the notes, and the corrections of detections, which
//! share this machinery through [`Stored`]): finding an article's file, loading it, and
//! saving crash-safely with a backup, merging with what another gloss process saved.
//!
//! Guarantees: a save replaces the file atomically ([`atomic`]) after copying the previous
//! version to `FILE.bak`; a file that does not parse (or was written by a newer gloss) makes
//! the store read-only, so it is never written over; a failed write leaves the set in the
//! caller's hands ([`crate::notes::NoteSet`] for notes), still dirty, for a retry. Saves are
//! read-merge-write under an advisory lock ([`lock`]), so two processes saving at once both
//! keep what they saved.

pub mod atomic;
pub mod file;
pub mod location;
pub mod lock;
pub mod recovery;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

pub use file::{NotesFile, Stored, parse_stored};
pub use location::NotesLocation;

use super::identity::ArticleIdentity;

/// What can go wrong finding, reading or writing notes (or corrections: `what` says which).
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{}:{line}:{column}: {what} file does not parse: {message}", file.display())]
    Parse {
        what: &'static str,
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {what} file has format version {found}, this gloss reads up to {supported}", file.display())]
    Version {
        what: &'static str,
        file: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot {action} {what} file {}: {source}", file.display())]
    Io {
        what: &'static str,
        action: &'static str,
        file: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{what} are read-only, {} is left untouched: {reason}", file.display())]
    ReadOnly {
        what: &'static str,
        file: PathBuf,
        reason: String,
    },
    #[error("cannot find a directory for notes: neither XDG_DATA_HOME nor HOME is set")]
    NoDataDir,
    #[error("notes beside the article need an article file, not standard input or the sample")]
    NoArticlePath,
    #[error("cannot write notes as TOML: {0}")]
    Serialize(String),
}

/// The notes file of one article, and whether it may be written.
pub type Store = FileStore<NotesFile>;

/// What [`Store::open`] found.
pub type Opened = OpenedFile<NotesFile>;

/// The file of one article (of format `F`), and whether it may be written.
#[derive(Debug)]
pub struct FileStore<F> {
    format: std::marker::PhantomData<F>,
    file: PathBuf,
    identity: ArticleIdentity,
    title: Option<String>,
    /// Why saving is refused (the file did not parse or is from a newer gloss).
    read_only: Option<String>,
}

/// What [`FileStore::open`] found.
#[derive(Debug)]
pub struct OpenedFile<F: Stored> {
    pub store: FileStore<F>,
    /// What the file holds (empty when the file is new or unreadable).
    pub notes: F::Set,
    /// A problem with the file, for the status bar. A file that does not parse (or is too
    /// new) makes the store read-only; one that cannot be read now does not, as every save
    /// reads the file again before writing.
    pub problem: Option<StoreError>,
}

/// What a successful [`Store::save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// Notes added, changed or removed by merging another process's saves: when non-zero,
    /// the caller re-anchors.
    pub merged: usize,
}

impl<F: Stored> FileStore<F> {
    /// Finds and loads the file of the article `identity` (with `title` recorded in the
    /// file). Errors only when no location can be named; problems with the file itself
    /// come back in [`OpenedFile::problem`] with a read-only store.
    pub fn open(
        location: &NotesLocation,
        identity: ArticleIdentity,
        title: Option<String>,
    ) -> Result<OpenedFile<F>, StoreError> {
        let file = match location {
            NotesLocation::File(path) => path.clone(),
            NotesLocation::Beside => identity
                .path
                .as_deref()
                .and_then(|p| location::beside_with(p, F::BESIDE))
                .ok_or(StoreError::NoArticlePath)?,
            NotesLocation::Directory(dir) => find_in_dir::<F>(dir, &identity),
        };
        let mut store = FileStore {
            format: std::marker::PhantomData,
            file,
            identity,
            title,
            read_only: None,
        };
        // What a killed save left behind goes now, not only at the next save.
        atomic::remove_stale_temps(&store.file);
        atomic::remove_stale_temps(&store.backup_file());
        let (notes, problem) = match store.read() {
            Ok(found) => (found.map(F::into_set).unwrap_or_default(), None),
            // Unreadable for now (permissions, I/O): reported, but saving stays allowed,
            // since a save reads the file again and writes only after merging what it read.
            Err(e @ StoreError::Io { .. }) => (F::Set::default(), Some(e)),
            // Known to be broken or too new: never written over.
            Err(e) => {
                store.read_only = Some(e.to_string());
                (F::Set::default(), Some(e))
            }
        };
        Ok(OpenedFile {
            store,
            notes,
            problem,
        })
    }

    /// The file this store reads and writes.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The backup of the previous version, beside the file.
    pub fn backup_file(&self) -> PathBuf {
        let mut name = self.file.as_os_str().to_os_string();
        name.push(".bak");
        PathBuf::from(name)
    }

    /// Why the store refuses to save, if it does.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The file on disk now: `None` when there is none yet.
    fn read(&self) -> Result<Option<F>, StoreError> {
        self.read_text()?
            .map(|text| parse_stored::<F>(&text, &self.file))
            .transpose()
    }

    fn read_text(&self) -> Result<Option<String>, StoreError> {
        match fs::read_to_string(&self.file) {
            Ok(text) => Ok(Some(text)),
            // A missing directory (or a file where one is expected) means no notes yet.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                Ok(None)
            }
            Err(source) => Err(StoreError::Io {
                what: F::WHAT,
                action: "read",
                file: self.file.clone(),
                source,
            }),
        }
    }

    /// Merges `notes` with the file on disk (by id: other processes' notes are kept,
    /// tombstones remove) and writes the result atomically, the previous version kept as
    /// `.bak`. On success `notes` holds the merged set and is no longer dirty; on error it
    /// keeps everything (merged notes included) and stays dirty, so the caller can retry.
    pub fn save(&mut self, notes: &mut F::Set) -> Result<Saved, StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                what: F::WHAT,
                file: self.file.clone(),
                reason: reason.clone(),
            });
        }
        let dir = atomic::parent_dir(&self.file);
        fs::create_dir_all(&dir).map_err(self.io_error("create the directory of", &self.file))?;
        // Held until the end of the save: no other process reads or writes meanwhile.
        let _lock =
            lock::SaveLock::acquire(&self.file).map_err(self.io_error("lock", &self.file))?;
        let previous = self.read_text()?;
        let mut merged = 0;
        if let Some(text) = &previous {
            match parse_stored::<F>(text, &self.file) {
                Ok(on_disk) => merged = F::merge(notes, on_disk.into_set()),
                Err(e) => {
                    // Someone broke the file since we loaded it: never write over it.
                    self.read_only = Some(e.to_string());
                    return Err(e);
                }
            }
        }
        let toml = F::build(&self.identity, self.title.as_deref(), notes).to_toml()?;
        if previous.as_deref() != Some(toml.as_str()) {
            self.write(previous.as_deref(), &toml)?;
        }
        F::mark_saved(notes);
        Ok(Saved { merged })
    }

    fn write(&self, previous: Option<&str>, toml: &str) -> Result<(), StoreError> {
        if let Some(previous) = previous {
            let backup = self.backup_file();
            atomic::write_atomic(&backup, previous.as_bytes())
                .map_err(self.io_error("back up", &backup))?;
        }
        atomic::write_atomic(&self.file, toml.as_bytes())
            .map_err(self.io_error("write", &self.file))
    }

    /// A mapper from an I/O error to a [`StoreError`] naming the action and file.
    fn io_error(
        &self,
        action: &'static str,
        file: &Path,
    ) -> impl FnOnce(io::Error) -> StoreError + use<F> {
        let file = file.to_path_buf();
        move |source| StoreError::Io {
            what: F::WHAT,
            action,
            file,
            source,
        }
    }
}

/// The notes file of an article in a notes directory: the file named by its text hash;
/// else one that recorded this hash (the file was renamed) or, failing that, this path (the
/// article was edited); else a new file named by the hash. Files that do not parse are
/// skipped here: only the article's own file being broken makes the store read-only.
fn find_in_dir<F: Stored>(dir: &Path, identity: &ArticleIdentity) -> PathBuf {
    let by_hash = dir.join(format!("{}.toml", identity.text_hash));
    if by_hash.exists() {
        return by_hash;
    }
    let mut by_path = None;
    let entries = fs::read_dir(dir).into_iter().flatten().flatten();
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let Ok(found) = parse_stored::<F>(&text, &path) else {
            continue;
        };
        if found.text_hash() == identity.text_hash {
            return path;
        }
        if by_path.is_none() && identity.path.is_some() && found.article_path() == identity.path {
            by_path = Some(path);
        }
    }
    by_path.unwrap_or(by_hash)
}

#[cfg(test)]
#[path = "store/tests.rs"]
mod tests;

#[cfg(test)]
#[path = "store/fault_tests.rs"]
mod fault_tests;
