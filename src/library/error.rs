//! Why the library failed: one line that names the database file, so the reader can show
//! it in the status bar and the CLI can print it as `gloss: <message>`.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// A library failure, always naming the database file.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The file is not an SQLite database (or is damaged).
    #[error("{}: the library file is damaged or not a gloss library (it is left as it is)", path.display())]
    Corrupt { path: PathBuf },
    /// Written by a newer gloss: never downgraded or written to.
    #[error(
        "{}: the library is from a newer gloss (schema version {found}; this gloss knows up \
         to {known}): update gloss to use it",
        path.display()
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// Another program held a lock for longer than the busy timeout.
    #[error("{}: the library is locked by another program (waited {waited_ms} ms)", path.display())]
    Locked { path: PathBuf, waited_ms: u64 },
    /// The file or its directory cannot be created, opened or written.
    #[error("{}: cannot open the library: {reason}", path.display())]
    Open { path: PathBuf, reason: String },
    /// Any other database error, with SQLite's words.
    #[error("{}: library error: {reason}", path.display())]
    Sqlite { path: PathBuf, reason: String },
    /// No place for the default library: neither `XDG_DATA_HOME` nor `HOME` is set.
    #[error("cannot find a place for the library: neither XDG_DATA_HOME nor HOME is set")]
    NoDataDir,
    /// A lookup by id found nothing (the article was removed meanwhile).
    #[error("{}: no article {id} in the library", path.display())]
    NoArticle { path: PathBuf, id: i64 },
}

impl LibraryError {
    /// Classifies an SQLite error met while using the library at `path`.
    pub fn from_sqlite(path: &Path, error: rusqlite::Error, waited_ms: u64) -> LibraryError {
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
                LibraryError::Corrupt { path }
            }
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                LibraryError::Locked { path, waited_ms }
            }
            Some(ErrorCode::CannotOpen)
            | Some(ErrorCode::ReadOnly)
            | Some(ErrorCode::PermissionDenied)
            | Some(ErrorCode::SystemIoFailure) => LibraryError::Open {
                path,
                reason: first_line(&error.to_string()),
            },
            _ => LibraryError::Sqlite {
                path,
                reason: first_line(&error.to_string()),
            },
        }
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_owned()
}
