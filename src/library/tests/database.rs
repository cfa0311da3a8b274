//! The database itself: migrations (from an empty file, from each earlier version, a step
//! that fails leaving the file as it was), two writers at once, and the files gloss must
//! refuse without touching: corrupt, locked, newer, in a place it cannot write.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use super::super::schema::{self, VERSION};
use super::super::sql::STEPS;
use super::*;

fn version(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

fn has_table(path: &Path, name: &str) -> bool {
    let conn = Connection::open(path).unwrap();
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        > 0
}

const BUSY: Duration = Duration::from_millis(200);

#[test]
fn an_empty_file_is_migrated_to_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    // An empty file is a valid, empty SQLite database (version 0).
    std::fs::write(&path, b"").unwrap();
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.count().unwrap(), 0);
    drop(lib);
    assert_eq!(version(&path), VERSION);
    assert!(has_table(&path, "article") && has_table(&path, "article_fts"));
    let mode: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn each_earlier_version_steps_forward_keeping_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut lib = Library::open(&path).unwrap();
    let a = add(&mut lib, "a.txt", &article("A", "2020-01-06", FIRST));
    drop(lib);
    // A version 2 that adds a table: a version 1 file takes only the new step.
    let mut steps: Vec<&str> = STEPS.to_vec();
    steps.push("CREATE TABLE reading_list (article_id INTEGER REFERENCES article (id));");
    schema::open_with_steps(&path, BUSY, &steps).unwrap();
    assert_eq!(version(&path), VERSION + 1);
    assert!(has_table(&path, "reading_list"));
    let lib = Library::open_with_timeout(&path, BUSY);
    // This gloss (version 1) now meets a newer file: refused, not written.
    let err = lib.unwrap_err().to_string();
    assert!(err.contains("newer gloss"), "{err}");
    let conn = Connection::open(&path).unwrap();
    let title: String = conn
        .query_row("SELECT title FROM article WHERE id = ?1", [a.id.0], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(title, "A");
}

#[test]
fn a_failing_step_leaves_the_file_at_its_version() {
    let dir = tempfile::tempdir().unwrap();
    // From empty: step 1 succeeds, step 2 succeeds, step 3 fails: nothing stays.
    let path = dir.path().join("fresh.db");
    let steps = [STEPS[0], "CREATE TABLE extra (x);", "CREATE TABLE broken ("];
    let err = schema::open_with_steps(&path, BUSY, &steps).unwrap_err();
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(version(&path), 0);
    assert!(!has_table(&path, "article") && !has_table(&path, "extra"));
    // From version 1: the two new steps are one transaction too.
    let path = dir.path().join("v1.db");
    drop(Library::open(&path).unwrap());
    let steps = [
        STEPS[0],
        "CREATE TABLE extra (x);",
        "INSERT INTO nowhere VALUES (1);",
    ];
    assert!(schema::open_with_steps(&path, BUSY, &steps).is_err());
    assert_eq!(version(&path), 1);
    assert!(!has_table(&path, "extra"));
}

#[test]
fn a_newer_library_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    drop(Library::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Library::open(&path).unwrap_err();
    assert!(
        matches!(err, LibraryError::Newer { found: 99, .. }),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    assert!(
        shown.contains("version 99") && !shown.contains('\n'),
        "{shown}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_corrupt_file_is_one_line_naming_it_and_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let garbage = b"this is not a database, it is a shopping list\n".repeat(200);
    std::fs::write(&path, &garbage).unwrap();
    let err = Library::open(&path).unwrap_err();
    assert!(matches!(err, LibraryError::Corrupt { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the library file is damaged or not a gloss library (it is left as it is)",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no journal or WAL left beside it: {names:?}"
    );
}

#[test]
fn a_write_locked_too_long_is_a_locked_error_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut lib = Library::open_with_timeout(&path, BUSY).unwrap();
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN IMMEDIATE; UPDATE article SET position = 0;")
        .unwrap();
    let started = std::time::Instant::now();
    let source = SourceRef::Stdin;
    let err = lib
        .record(&source, &article("A", "2020-01-06", FIRST), None, None)
        .unwrap_err();
    assert!(started.elapsed() >= BUSY, "it waited for the lock first");
    assert!(
        matches!(err, LibraryError::Locked { waited_ms: 200, .. }),
        "{err:?}"
    );
    assert!(err.to_string().starts_with(&path.display().to_string()));
    // Reading goes on while another process writes (WAL).
    assert_eq!(lib.count().unwrap(), 0);
    other.execute_batch("COMMIT").unwrap();
    let recorded = lib
        .record(&source, &article("A", "2020-01-06", FIRST), None, None)
        .unwrap();
    assert_eq!(recorded.status, RecordStatus::Added);
}

#[test]
fn a_new_file_locked_by_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN EXCLUSIVE; CREATE TABLE held (x);")
        .unwrap();
    let err = Library::open_with_timeout(&path, BUSY).unwrap_err();
    assert!(matches!(err, LibraryError::Locked { .. }), "{err:?}");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    Library::open_with_timeout(&path, BUSY).unwrap();
}

#[test]
fn a_place_that_cannot_hold_a_database_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    // The parent "directory" is a file: neither a directory nor a database can be made.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("library.db");
    let err = Library::open(&path).unwrap_err();
    assert!(matches!(err, LibraryError::Open { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_an_error_naming_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let path = ro.join("library.db");
    let result = Library::open(&path);
    let writable = std::fs::write(ro.join("probe"), "x").is_ok();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    if writable {
        // Running as root: permissions do not stop it, so there is nothing to test
        // here (the test above covers an unwritable place whoever runs it).
        eprintln!("skipped: the read-only directory is writable for this user (root)");
        return;
    }
    let err = result.unwrap_err();
    assert!(matches!(err, LibraryError::Open { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                // Each opens (and, for the first, migrates) the file at the same time.
                let mut lib = Library::open(&path).unwrap();
                for i in 0..40 {
                    let text = format!("{FIRST} Writer {w} article {i}.");
                    let a = article(&format!("W{w}-{i}"), "2020-01-06", &text);
                    let r = add(&mut lib, &format!("w{w}-{i}.txt"), &a);
                    lib.set_position(r.id, i).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.count().unwrap(), 80);
    assert_eq!(lib.search("writer", 100, 0).unwrap().len(), 80);
    let trump = &lib.find_entities("Donald Trump", None, 1).unwrap()[0];
    assert_eq!(trump.article_count, 80);
    assert_eq!(trump.mention_count, 80 * 3);
}

#[test]
fn the_default_library_is_in_the_data_directory() {
    let at = |x: Option<&str>, h: Option<&str>| {
        default_path_from(x.map(Into::into), h.map(Into::into)).map_err(|e| e.to_string())
    };
    assert_eq!(
        at(Some("/d"), Some("/h")),
        Ok(PathBuf::from("/d/gloss/library.db"))
    );
    assert_eq!(
        at(Some("relative"), Some("/h")),
        Ok(PathBuf::from("/h/.local/share/gloss/library.db"))
    );
    assert!(at(None, None).is_err());
}
