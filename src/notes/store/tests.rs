//! Storage tests: atomic save with backup, lookup by hash and path, merging two writers,
//! unparseable and unwritable files. Faults (kills mid-save, a full disk, a read-only
//! file system, corrupt files, many writers) are in `fault_tests.rs`.

use super::*;
use crate::notes::model::{Motivation, Note};
use crate::notes::selector::{CodePoints, Target};

pub(super) const TEXT: &str = "A short article about bridges, budgets and libraries.";

pub(super) fn note(text: &str) -> Note {
    let target = Target::from_range(TEXT, 8..13, &CodePoints::new(TEXT));
    Note::new(Motivation::Commenting, text, target, jiff::Timestamp::now())
}

fn identity(path: Option<&Path>) -> ArticleIdentity {
    ArticleIdentity::new(TEXT, path)
}

pub(super) fn open_file(file: &Path) -> Opened {
    Store::open(
        &NotesLocation::File(file.to_path_buf()),
        identity(None),
        None,
    )
    .unwrap()
}

#[test]
fn save_writes_atomically_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes").join("a.toml");
    let Opened {
        mut store,
        mut notes,
        problem,
    } = open_file(&file);
    assert!(problem.is_none() && notes.is_empty());
    notes.add(note("first"));
    store.save(&mut notes).unwrap();
    assert!(!notes.is_dirty());
    let first = fs::read_to_string(&file).unwrap();
    notes.add(note("second"));
    store.save(&mut notes).unwrap();
    assert_eq!(fs::read_to_string(store.backup_file()).unwrap(), first);
    let reopened = open_file(&file);
    assert_eq!(reopened.notes.notes(), notes.notes());
    // The file and its backup: no temporary and no lock file left behind.
    let mut names: Vec<String> = fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.toml", "a.toml.bak"]);
}

#[test]
fn directory_lookup_by_hash_then_path() {
    let dir = tempfile::tempdir().unwrap();
    let notes_dir = NotesLocation::Directory(dir.path().join("notes"));
    let article = dir.path().join("article.txt");
    fs::write(&article, TEXT).unwrap();
    let mut opened = Store::open(&notes_dir, identity(Some(&article)), Some("T".into())).unwrap();
    opened.notes.add(note("kept"));
    opened.store.save(&mut opened.notes).unwrap();
    let hash_file = opened.store.file().to_path_buf();
    assert!(hash_file.ends_with(format!("{}.toml", identity(None).text_hash)));

    // Moved: same text, other path -> found by hash.
    let moved = dir.path().join("moved.txt");
    fs::write(&moved, TEXT).unwrap();
    let found = Store::open(&notes_dir, identity(Some(&moved)), None).unwrap();
    assert_eq!(found.store.file(), hash_file);
    assert_eq!(found.notes.len(), 1);

    // Edited: other text, same path -> found by the recorded path.
    let edited = ArticleIdentity::new("A longer article now.", Some(&article));
    let found = Store::open(&notes_dir, edited.clone(), None).unwrap();
    assert_eq!(found.store.file(), hash_file);
    assert_eq!(found.notes.len(), 1);

    // A new article gets a new file.
    let other = ArticleIdentity::new("Unrelated.", Some(&dir.path().join("x.txt")));
    let found = Store::open(&notes_dir, other, None).unwrap();
    assert_ne!(found.store.file(), hash_file);
    assert!(found.notes.is_empty());
}

#[test]
fn beside_mode_needs_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    let opened = Store::open(&NotesLocation::Beside, identity(Some(&article)), None).unwrap();
    assert_eq!(opened.store.file(), dir.path().join("a.md.notes.toml"));
    let err = Store::open(&NotesLocation::Beside, identity(None), None).unwrap_err();
    assert!(matches!(err, StoreError::NoArticlePath));
}

#[test]
fn two_writers_merge_and_deletions_stay_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.toml");
    let mut a = open_file(&file);
    let mut b = open_file(&file);
    let a1 = a.notes.add(note("from a"));
    a.store.save(&mut a.notes).unwrap();
    let b1 = b.notes.add(note("from b"));
    let saved = b.store.save(&mut b.notes).unwrap();
    assert_eq!(saved.merged, 1);
    assert!(b.notes.get(&a1).is_some());
    // A deletes its note; B still holds it in memory and saves again.
    a.notes.delete(&a1, jiff::Timestamp::now());
    a.store.save(&mut a.notes).unwrap();
    b.notes.edit(&b1, "from b, edited", jiff::Timestamp::now());
    b.store.save(&mut b.notes).unwrap();
    let on_disk = open_file(&file).notes;
    assert!(on_disk.get(&a1).is_none(), "deleted note came back");
    assert_eq!(on_disk.get(&b1).unwrap().text, "from b, edited");
    assert_eq!(on_disk.len(), 1);
}

#[test]
fn unparseable_file_makes_the_store_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.toml");
    let broken = "version = 1\ntext_hash = \"x\"\n[[note]\nid = 3\n";
    fs::write(&file, broken).unwrap();
    let Opened {
        mut store,
        mut notes,
        problem,
    } = open_file(&file);
    let problem = problem.unwrap();
    assert!(
        matches!(problem, StoreError::Parse { line: 3, .. }),
        "{problem:?}"
    );
    assert!(problem.to_string().contains("n.toml:3:"), "{problem}");
    notes.add(note("not lost"));
    let err = store.save(&mut notes).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }));
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
    assert!(notes.is_dirty() && notes.len() == 1);
}

#[test]
fn file_broken_after_loading_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.toml");
    let mut opened = open_file(&file);
    opened.notes.add(note("one"));
    opened.store.save(&mut opened.notes).unwrap();
    fs::write(&file, "garbage = [").unwrap();
    opened.notes.add(note("two"));
    assert!(matches!(
        opened.store.save(&mut opened.notes),
        Err(StoreError::Parse { .. })
    ));
    assert_eq!(fs::read_to_string(&file).unwrap(), "garbage = [");
    assert!(opened.store.read_only_reason().is_some());
}

/// Runs as root too (unlike the permission test): the notes directory's place is taken by
/// a plain file, so the directory cannot be created and the save fails.
#[test]
fn failed_save_keeps_the_notes_for_a_retry() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("notes");
    fs::write(&blocker, "not a directory").unwrap();
    let file = blocker.join("n.toml");
    let mut opened = open_file(&file);
    let id = opened.notes.add(note("precious"));
    let err = opened.store.save(&mut opened.notes).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("cannot create the directory of notes file"),
        "{err}"
    );
    assert!(opened.notes.is_dirty() && opened.notes.get(&id).is_some());
    fs::remove_file(&blocker).unwrap();
    opened.store.save(&mut opened.notes).unwrap();
    assert!(!opened.notes.is_dirty());
    assert!(open_file(&file).notes.get(&id).is_some());
}

#[cfg(unix)]
#[test]
fn unwritable_directory_is_an_error_and_nothing_is_lost() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let notes_dir = dir.path().join("ro");
    fs::create_dir(&notes_dir).unwrap();
    fs::set_permissions(&notes_dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Root (as in many containers) ignores permissions: detect it by trying.
    if fs::write(notes_dir.join("probe"), "x").is_ok() {
        eprintln!("skipped: permissions are not enforced for this user (root?)");
        return;
    }
    let file = notes_dir.join("n.toml");
    let mut opened = open_file(&file);
    let id = opened.notes.add(note("precious"));
    let err = opened.store.save(&mut opened.notes).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Io {
                action: "write",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("n.toml"), "{err}");
    assert!(opened.notes.is_dirty() && opened.notes.get(&id).is_some());
    // The retry succeeds once the directory is writable again.
    fs::set_permissions(&notes_dir, fs::Permissions::from_mode(0o755)).unwrap();
    opened.store.save(&mut opened.notes).unwrap();
    assert!(open_file(&file).notes.get(&id).is_some());
}

#[test]
fn concurrent_savers_keep_every_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.toml");
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let file = file.clone();
            std::thread::spawn(move || {
                let mut opened = open_file(&file);
                for i in 0..25 {
                    let mut n = note("x");
                    n.id = format!("{w}-{i}");
                    opened.notes.add(n);
                    opened.store.save(&mut opened.notes).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    assert_eq!(open_file(&file).notes.len(), 50);
}

/// Issue 10: `d` then `u` (undo = adding the deleted note back) in one process. The file
/// holds the note again with no tombstone, and neither save reports this process's own
/// change as notes merged from another gloss.
#[test]
fn undoing_a_delete_brings_the_note_back_into_the_file_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.toml");
    let Opened {
        mut store,
        mut notes,
        ..
    } = open_file(&file);
    let kept = notes.add(note("kept"));
    let undone = notes.add(note("deleted then undone"));
    store.save(&mut notes).unwrap();
    for round in 0..2 {
        let deleted = notes.delete(&undone, jiff::Timestamp::now()).unwrap();
        let saved = store.save(&mut notes).unwrap();
        assert_eq!(saved.merged, 0, "round {round}: our own deletion");
        assert!(open_file(&file).notes.get(&undone).is_none());
        notes.add(deleted);
        let saved = store.save(&mut notes).unwrap();
        assert_eq!(saved.merged, 0, "round {round}: our own undo");
        assert!(notes.get(&undone).is_some(), "round {round}: undo lost");
        let on_disk = open_file(&file).notes;
        assert!(on_disk.get(&undone).is_some() && on_disk.get(&kept).is_some());
        assert!(on_disk.tombstones().is_empty(), "round {round}");
    }
}

/// A note restored in one gloss comes back in another that had read its tombstone, and a
/// deletion made after the restore still removes it everywhere.
#[test]
fn a_restore_reaches_the_other_writer_and_a_later_delete_wins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.toml");
    let mut a = open_file(&file);
    let id = a.notes.add(note("shared"));
    a.store.save(&mut a.notes).unwrap();
    let deleted = a.notes.delete(&id, jiff::Timestamp::now()).unwrap();
    a.store.save(&mut a.notes).unwrap();
    let mut b = open_file(&file);
    assert!(b.notes.get(&id).is_none() && b.notes.tombstones().len() == 1);
    a.notes.restore(deleted, jiff::Timestamp::now());
    a.store.save(&mut a.notes).unwrap();
    b.notes.add(note("from b"));
    assert_eq!(b.store.save(&mut b.notes).unwrap().merged, 1);
    assert!(b.notes.get(&id).is_some(), "the restore did not reach b");
    b.notes.delete(&id, jiff::Timestamp::now());
    b.store.save(&mut b.notes).unwrap();
    assert_eq!(a.store.save(&mut a.notes).unwrap().merged, 2);
    assert!(a.notes.get(&id).is_none(), "the later deletion did not win");
    assert_eq!(open_file(&file).notes.len(), 1);
}
