//! Opening the database and bringing its schema forward: WAL, a busy timeout, foreign
//! keys, and the version in `PRAGMA user_version`, migrated one step at a time inside one
//! `BEGIN IMMEDIATE` transaction (so two gloss processes starting at once migrate once,
//! and a failed step leaves the file exactly as it was). A file from a newer gloss is
//! refused, never written to.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::LibraryError;
use super::sql::STEPS;

/// The schema version this gloss writes.
pub const VERSION: i64 = STEPS.len() as i64;

/// Opens (creating if needed) the database at `path` and migrates it to [`VERSION`].
pub fn open(path: &Path, busy: Duration) -> Result<Connection, LibraryError> {
    open_with_steps(path, busy, STEPS)
}

/// [`open`] with a given list of steps (`steps[n]` takes version `n` to `n + 1`): the
/// migration tests run their own lists through the same code.
pub fn open_with_steps(
    path: &Path,
    busy: Duration,
    steps: &[&str],
) -> Result<Connection, LibraryError> {
    let waited = u64::try_from(busy.as_millis()).unwrap_or(u64::MAX);
    let fail = |e: rusqlite::Error| LibraryError::from_sqlite(path, e, waited);
    create_parent(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(busy).map_err(fail)?;
    // Reading the version is the first read of the file: a file that is not a database
    // fails here, before anything is written.
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    refuse_newer(path, found, steps)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(fail)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
        .map_err(fail)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(LibraryError::Open {
            path: path.to_path_buf(),
            reason: format!("cannot use write-ahead logging (journal mode '{mode}')"),
        });
    }
    // WAL makes NORMAL safe against corruption; a power cut may lose the last commit only.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(fail)?;
    if found < steps.len() as i64 {
        migrate(&mut conn, steps).map_err(|e| match e {
            Migration::Sql(e) => fail(e),
            Migration::Newer(found) => newer(path, found, steps),
        })?;
    }
    Ok(conn)
}

/// Why a migration stopped.
enum Migration {
    Sql(rusqlite::Error),
    /// Another gloss migrated past us between our check and our lock.
    Newer(i64),
}

impl From<rusqlite::Error> for Migration {
    fn from(e: rusqlite::Error) -> Migration {
        Migration::Sql(e)
    }
}

/// Runs the steps from the file's version on, all in one transaction (taken for writing
/// at once, so the version read inside it is the one the steps apply to).
fn migrate(conn: &mut Connection, steps: &[&str]) -> Result<(), Migration> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = steps.len() as i64;
    if found > known {
        return Err(Migration::Newer(found));
    }
    if found == known {
        return Ok(());
    }
    for step in &steps[usize::try_from(found).unwrap_or(0)..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(())
}

fn refuse_newer(path: &Path, found: i64, steps: &[&str]) -> Result<(), LibraryError> {
    match found > steps.len() as i64 {
        true => Err(newer(path, found, steps)),
        false => Ok(()),
    }
}

fn newer(path: &Path, found: i64, steps: &[&str]) -> LibraryError {
    LibraryError::Newer {
        path: path.to_path_buf(),
        found,
        known: steps.len() as i64,
    }
}

/// Creates the database's directory (private: the library holds what the user reads).
fn create_parent(path: &Path) -> Result<(), LibraryError> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| LibraryError::Open {
        path: path.to_path_buf(),
        reason: format!("cannot create its directory: {e}"),
    })
}
