//! The library (issue 13): every article the reader opens or `gloss library add` adds,
//! kept in one SQLite database with its text, metadata, reading position, notes count,
//! and the entities, quotes and dates detected in it — searchable in full text (FTS5) and
//! browsable across articles (the same person in every article that names them).
//!
//! Nothing here knows about the terminal. The shell opens a [`Library`], records articles
//! ([`Library::record`]), and the reader queries it (lists, search, entities, quotes) a
//! page at a time, so nothing loads the whole library. All SQL is in [`sql`]; opening and
//! migrating in [`schema`]; writing in `record`; reading in `browse` and `search`.
//!
//! ```
//! use gloss::article::{Article, Meta};
//! use gloss::detect::detect_article;
//! use gloss::library::{Library, SourceRef, RecordStatus};
//!
//! let dir = tempfile::tempdir()?;
//! let mut library = Library::open(&dir.path().join("library.db"))?;
//! let article = Article::from_verbatim("Angela Merkel visited Paris. Merkel said: \"We agree.\"".into(), Meta::default());
//! let recorded = library.record(&SourceRef::Stdin, &article, Some(&detect_article(&article)), None)?;
//! assert_eq!(recorded.status, RecordStatus::Added);
//! let hits = library.search("paris", 10, 0)?;
//! assert_eq!(hits[0].id, recorded.id);
//! let merkel = library.find_entities("Merkel", None, 5)?;
//! assert_eq!(merkel[0].name, "Angela Merkel");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod annotations;
mod browse;
mod context;
mod entities;
mod error;
pub mod fts_query;
pub mod import;
mod model;
pub mod names;
mod record;
pub mod schema;
mod search;
mod session;
pub mod sql;

#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use error::LibraryError;
pub use model::{
    ArticleEntity, ArticleId, ArticleSummary, Cursor, EntityArticle, EntityId, EntitySummary,
    MentionContext, MonthCount, Page, Position, QuoteHit, RecordStatus, Recorded, SearchHit, Sort,
    SourceRef, StoredArticle, label_from_str,
};
pub use session::{Pending, Session};

/// How long a write waits for another gloss process's write to finish before giving up
/// with [`LibraryError::Locked`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open library: one connection to its database.
#[derive(Debug)]
pub struct Library {
    conn: Connection,
    path: PathBuf,
    busy: Duration,
}

impl Library {
    /// Opens the library at `path`, creating it (and its directory) if needed, and
    /// migrating an older one forward.
    pub fn open(path: &Path) -> Result<Library, LibraryError> {
        Library::open_with_timeout(path, BUSY_TIMEOUT)
    }

    /// [`Library::open`] waiting at most `busy` for a lock another process holds.
    pub fn open_with_timeout(path: &Path, busy: Duration) -> Result<Library, LibraryError> {
        let conn = schema::open(path, busy)?;
        Ok(Library {
            conn,
            path: path.to_path_buf(),
            busy,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many articles the library holds.
    pub fn count(&self) -> Result<usize, LibraryError> {
        let n: i64 = self
            .conn
            .query_row(sql::COUNT_ARTICLES, [], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// An SQLite error as a library error naming the file.
    fn fail(&self, e: rusqlite::Error) -> LibraryError {
        let waited = u64::try_from(self.busy.as_millis()).unwrap_or(u64::MAX);
        LibraryError::from_sqlite(&self.path, e, waited)
    }
}

/// The default database: `$XDG_DATA_HOME/gloss/library.db`, else
/// `~/.local/share/gloss/library.db` (beside the notes and kept pages).
pub fn default_path() -> Result<PathBuf, LibraryError> {
    default_path_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// [`default_path`] for given `XDG_DATA_HOME` and `HOME` values.
pub fn default_path_from(
    xdg: Option<OsString>,
    home: Option<OsString>,
) -> Result<PathBuf, LibraryError> {
    crate::notes::store::location::xdg_dir(xdg, home, ".local/share")
        .map(|dir| dir.join("gloss").join("library.db"))
        .ok_or(LibraryError::NoDataDir)
}

/// Converts a stored count or offset (never negative) to `usize`.
fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Converts a count or offset to SQLite's integer.
fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
