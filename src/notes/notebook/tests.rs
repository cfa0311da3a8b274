//! Notebook tests: the round a reader makes (add, edit, delete, undo, save, reopen on an
//! edited article, re-attach a detached note).

use std::path::Path;

use super::*;

const TEXT: &str =
    "First paragraph about the harbour.\n\nSecond paragraph about the market square.";

fn now() -> Timestamp {
    Timestamp::now()
}

fn open(dir: &Path, text: &str) -> Notebook {
    let location = NotesLocation::Directory(dir.join("notes"));
    let identity = ArticleIdentity::new(text, Some(&dir.join("article.txt")));
    let (book, problem) = Notebook::open(&location, identity, None, text).unwrap();
    assert!(problem.is_none(), "{problem:?}");
    book
}

fn range_of(text: &str, s: &str) -> Range<usize> {
    let start = text.find(s).unwrap();
    start..start + s.len()
}

#[test]
fn add_edit_delete_undo_and_navigate() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(dir.path(), TEXT);
    let market = book.add(
        TEXT,
        range_of(TEXT, "market square"),
        Motivation::Commenting,
        "busy",
        now(),
    );
    let harbour = book.add(
        TEXT,
        range_of(TEXT, "harbour"),
        Motivation::Highlighting,
        "",
        now(),
    );
    let order: Vec<&str> = book.placed().map(|(_, n)| n.id.as_str()).collect();
    assert_eq!(order, [harbour.as_str(), market.as_str()]);
    assert_eq!(book.at(range_of(TEXT, "harbour").start + 2).count(), 1);
    assert_eq!(book.next_after(0).unwrap().1.id, harbour);
    assert_eq!(
        book.next_after(range_of(TEXT, "harbour").start)
            .unwrap()
            .1
            .id,
        market
    );
    assert_eq!(book.prev_before(TEXT.len()).unwrap().1.id, market);
    assert!(book.prev_before(0).is_none());

    assert!(book.edit(&market, "busy on Saturdays #markets", now()));
    assert_eq!(book.notes().get(&market).unwrap().tags, ["markets"]);
    let deleted = book.delete(&harbour, now()).unwrap();
    assert_eq!(book.placed().count(), 1);
    book.restore(TEXT, deleted, now());
    assert_eq!(book.placed().count(), 2);
    assert!(book.is_dirty());
    book.save(TEXT).unwrap();
    assert!(!book.is_dirty());
}

#[test]
fn reopened_on_an_edited_article_the_notes_follow_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(dir.path(), TEXT);
    let id = book.add(
        TEXT,
        range_of(TEXT, "market square"),
        Motivation::Commenting,
        "x",
        now(),
    );
    let gone = book.add(
        TEXT,
        range_of(TEXT, "First paragraph"),
        Motivation::Commenting,
        "y",
        now(),
    );
    book.save(TEXT).unwrap();

    let edited = format!(
        "A new paragraph on top.\n\n{}",
        TEXT.replace("First paragraph", "Opening")
    );
    let mut book = open(dir.path(), &edited);
    let (range, _) = book.placed().find(|(_, n)| n.id == id).unwrap();
    assert_eq!(&edited[range], "market square");
    let detached: Vec<&str> = book.detached().map(|n| n.id.as_str()).collect();
    assert_eq!(detached, [gone.as_str()]);

    // Re-attach the detached note to the current selection.
    assert!(book.reattach(&edited, &gone, range_of(&edited, "Opening"), now()));
    assert_eq!(book.detached().count(), 0);
    book.save(&edited).unwrap();
    let book = open(dir.path(), &edited);
    assert!(matches!(book.anchoring(&gone), Some(Anchoring::Exact(_))));
}

#[test]
fn a_merge_on_save_places_the_other_process_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = open(dir.path(), TEXT);
    let mut b = open(dir.path(), TEXT);
    a.add(
        TEXT,
        range_of(TEXT, "harbour"),
        Motivation::Commenting,
        "from a",
        now(),
    );
    a.save(TEXT).unwrap();
    b.add(
        TEXT,
        range_of(TEXT, "market"),
        Motivation::Commenting,
        "from b",
        now(),
    );
    assert_eq!(b.save(TEXT).unwrap().merged, 1);
    assert_eq!(b.placed().count(), 2);
}

#[test]
fn an_import_counts_what_it_changed_and_brings_back_a_note_deleted_here() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(dir.path(), TEXT);
    let json = r#"[{"id": "urn:x-test:1", "bodyValue": "one",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "harbour"}}}]"#;
    let import = || crate::notes::import::import_str(json, "x.json", TEXT, now()).unwrap();
    let count = |new, already| ImportCount {
        new,
        already,
        ..ImportCount::default()
    };
    assert_eq!(book.add_imported(import(), now()), count(1, 0));
    book.save(TEXT).unwrap();
    assert_eq!(book.add_imported(import(), now()), count(0, 1));
    book.delete("urn:x-test:1", now()).unwrap();
    book.save(TEXT).unwrap();
    // Imported again after a deletion: back, and its tombstone in the file does not win.
    assert_eq!(book.add_imported(import(), now()), count(1, 0));
    assert_eq!(book.save(TEXT).unwrap().merged, 0);
    let reopened = open(dir.path(), TEXT);
    assert_eq!(reopened.placed().count(), 1);
    assert!(reopened.notes().tombstones().is_empty());
}
