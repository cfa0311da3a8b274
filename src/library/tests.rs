//! The library against real SQLite files in a temporary directory: recording, search,
//! cross-article entities, quotes, positions, paging, removal.

mod database;

use std::path::PathBuf;

use super::*;
use crate::article::{Article, Meta};
use crate::detect::detect_article;

fn article(title: &str, date: &str, text: &str) -> Article {
    let meta = Meta {
        title: Some(title.to_owned()),
        date: date.parse().ok(),
        ..Meta::default()
    };
    Article::from_verbatim(text.to_owned(), meta)
}

fn add(library: &mut Library, name: &str, a: &Article) -> Recorded {
    let source = SourceRef::Path(PathBuf::from(format!("/articles/{name}")));
    let set = detect_article(a);
    library.record(&source, a, Some(&set), None).unwrap()
}

fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("gloss").join("library.db")).unwrap();
    (dir, library)
}

const FIRST: &str = "Donald Trump spoke in Washington on Monday. \"We will leave,\" Donald Trump \
    said. Then he flew to Florida, where Trump played golf.";
const SECOND: &str = "The minister met reporters in Ottawa. They asked about Trump, who was not \
    there. \"Nothing changes,\" said Justin Trudeau.";

#[test]
fn trump_and_donald_trump_meet_across_articles_in_either_order() {
    for order in [[FIRST, SECOND], [SECOND, FIRST]] {
        let (_dir, mut library) = temp_library();
        let a = add(&mut library, "a.txt", &article("A", "2020-01-06", order[0]));
        let b = add(&mut library, "b.txt", &article("B", "2020-01-07", order[1]));
        let found = library.find_entities("Trump", None, 5).unwrap();
        let trump = &found[0];
        assert_eq!(trump.name, "Donald Trump", "{found:?}");
        assert_eq!(trump.article_count, 2, "{found:?}");
        let page = library.entity_articles(trump.id, None, 10, 3).unwrap();
        let ids: Vec<ArticleId> = page.items.iter().map(|e| e.article).collect();
        assert_eq!(ids, [b.id, a.id], "newest first");
        let with_first = if order[0] == FIRST { 1 } else { 0 };
        let mention = &page.items[with_first].mentions[0];
        assert_eq!(
            &mention.sentence[mention.in_sentence.clone()],
            "Donald Trump"
        );
        assert!(mention.sentence.ends_with("Monday."), "{mention:?}");
    }
}

#[test]
fn search_ranks_snippets_and_takes_any_text() {
    let (_dir, mut library) = temp_library();
    add(
        &mut library,
        "a.txt",
        &article("Washington", "2020-01-06", FIRST),
    );
    let b = add(
        &mut library,
        "b.txt",
        &article("Ottawa", "2020-01-07", SECOND),
    );
    let hits = library.search("reporters ottawa", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, b.id);
    let words: Vec<&str> = hits[0]
        .highlights
        .iter()
        .map(|r| &hits[0].snippet[r.clone()])
        .collect();
    assert_eq!(words, ["reporters", "Ottawa"]);
    for odd in [
        "\"",
        "AND OR NOT",
        "a*",
        "-x",
        "title:x",
        "NEAR(a b)",
        "'; DROP TABLE article; --",
        "",
    ] {
        library.search(odd, 10, 0).unwrap();
    }
    assert_eq!(library.count().unwrap(), 2);
}

#[test]
fn quotes_by_speaker_across_articles() {
    let (_dir, mut library) = temp_library();
    add(&mut library, "a.txt", &article("A", "2020-01-06", FIRST));
    add(&mut library, "b.txt", &article("B", "2020-01-07", SECOND));
    let quotes = library.quotes_by("Trump", None, 10).unwrap();
    let texts: Vec<&str> = quotes.items.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["\"We will leave,\""], "{quotes:?}");
    let trudeau = library.quotes_by("justin trudeau", None, 10).unwrap();
    assert_eq!(trudeau.items.len(), 1, "{trudeau:?}");
}

#[test]
fn recording_again_finds_it_an_edit_updates_it_and_keeps_the_position() {
    let (_dir, mut library) = temp_library();
    let a = article("A", "2020-01-06", FIRST);
    let first = add(&mut library, "a.txt", &a);
    assert_eq!(first.status, RecordStatus::Added);
    library.set_position(first.id, 40).unwrap();
    let again = add(&mut library, "a.txt", &a);
    assert_eq!(
        (again.status, again.id, again.position.byte),
        (RecordStatus::AlreadyThere, first.id, 40)
    );
    let edited = article("A", "2020-01-06", &format!("{FIRST} And one more line."));
    let updated = add(&mut library, "a.txt", &edited);
    assert_eq!(
        (updated.status, updated.id),
        (RecordStatus::Updated, first.id)
    );
    assert_eq!(library.position(first.id).unwrap().byte, 40);
    assert_eq!(library.search("line", 5, 0).unwrap().len(), 1);
    assert_eq!(
        library.search("golf", 5, 0).unwrap().len(),
        1,
        "the old words are gone only if edited away"
    );
    let trump = &library.find_entities("Donald Trump", None, 1).unwrap()[0];
    assert_eq!(trump.article_count, 1, "{trump:?}");
    library.set_position(first.id, 1_000_000).unwrap();
    assert_eq!(
        library.position(first.id).unwrap().byte,
        edited.text.len(),
        "clamped"
    );
}

#[test]
fn removal_takes_its_entities_counts_and_search_with_it() {
    let (_dir, mut library) = temp_library();
    let a = add(&mut library, "a.txt", &article("A", "2020-01-06", FIRST));
    add(&mut library, "b.txt", &article("B", "2020-01-07", SECOND));
    assert!(library.remove(a.id).unwrap());
    assert!(!library.remove(a.id).unwrap());
    assert!(library.search("florida", 5, 0).unwrap().is_empty());
    let trump = &library.find_entities("Trump", None, 1).unwrap()[0];
    assert_eq!(trump.article_count, 1);
    assert!(
        library
            .find_entities("Florida", None, 1)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn pages_in_each_order_cover_every_article_once() {
    let (_dir, mut library) = temp_library();
    for i in 0..23 {
        let text = format!("Article number {i} about Paris.");
        let a = article(
            &format!("T{:02}", (i * 7) % 23),
            &format!("2020-01-{:02}", i % 28 + 1),
            &text,
        );
        let r = add(&mut library, &format!("{i}.txt"), &a);
        if i % 3 == 0 {
            library
                .touch(
                    r.id,
                    jiff::Timestamp::from_second(1_600_000_000 + i).unwrap(),
                )
                .unwrap();
        }
    }
    for sort in [Sort::LastRead, Sort::Date, Sort::Title] {
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = library.articles(sort, cursor.as_ref(), 5).unwrap();
            seen.extend(
                page.items
                    .iter()
                    .map(|a| (a.id, a.title.clone(), a.pub_date.clone(), a.last_opened)),
            );
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(seen.len(), 23, "{sort:?}");
        let mut keys: Vec<_> = seen.clone();
        match sort {
            Sort::LastRead => {
                keys.sort_by(|a, b| b.3.unwrap_or(0).cmp(&a.3.unwrap_or(0)).then(b.0.cmp(&a.0)))
            }
            Sort::Date => keys.sort_by(|a, b| b.2.cmp(&a.2).then(b.0.cmp(&a.0))),
            Sort::Title => keys.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0))),
        }
        assert_eq!(seen, keys, "{sort:?}");
        // Backwards from the end, a page at a time, gives the same list.
        let mut back = Vec::new();
        let mut before = None;
        loop {
            let page = library.articles_before(sort, before.as_ref(), 5).unwrap();
            let Some(first) = page.first() else { break };
            before = Some(first.cursor(sort));
            let ids: Vec<_> = page
                .iter()
                .map(|a| (a.id, a.title.clone(), a.pub_date.clone(), a.last_opened))
                .collect();
            back.splice(0..0, ids);
        }
        assert_eq!(back, seen, "{sort:?} backwards");
    }
}

#[test]
fn notes_count_and_tags_are_an_index_of_the_notes_file() {
    let (_dir, mut library) = temp_library();
    let a = add(&mut library, "a.txt", &article("A", "2020-01-06", FIRST));
    let file = PathBuf::from("/notes/a.toml");
    library
        .set_notes(a.id, Some(&file), 3, &["iraq".into(), "army".into()])
        .unwrap();
    let summary = library.article(a.id).unwrap();
    assert_eq!((summary.notes_file, summary.notes_count), (Some(file), 3));
    assert_eq!(library.tags(a.id).unwrap(), ["army", "iraq"]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// No text typed into the search is ever an SQL or FTS5 syntax error.
    #[test]
    fn any_search_text_is_a_valid_query(query in "\\PC{0,40}", ops in proptest::collection::vec(proptest::sample::select(vec![
        "\"", "'", "*", "-", "+", ":", "(", ")", "^", "AND", "OR", "NOT", "NEAR", "NEAR(", "{", "}", ",", " ", ";", "--", "\\", "\0", "\u{1}", "\u{7f}",
    ]), 0..8)) {
        thread_local! {
            static LIBRARY: (tempfile::TempDir, Library) = {
                let (dir, mut library) = temp_library();
                add(&mut library, "a.txt", &article("A", "2020-01-06", FIRST));
                (dir, library)
            };
        }
        let text = format!("{query}{}", ops.concat());
        LIBRARY.with(|(_, library)| library.search(&text, 5, 0).map(|_| ()))
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
    }
}

#[test]
fn a_session_saves_the_position_once_the_recording_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut writer = Library::open(&path).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let restore = Some(Position {
        byte: 12,
        text_len: 100,
    });
    let mut session = Session::new(
        Library::open(&path).unwrap(),
        Pending::Recording(rx),
        restore,
        true,
    );
    assert_eq!(session.restore(), restore);
    assert_eq!(session.article(), None, "still recording");
    let recorder = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let r = add(&mut writer, "a.txt", &article("A", "2020-01-06", FIRST));
        tx.send(Ok(r.id)).unwrap();
        r.id
    });
    session.save_position(33).unwrap();
    let id = recorder.join().unwrap();
    assert_eq!(session.article(), Some(id));
    assert_eq!(session.library().position(id).unwrap().byte, 33);
    // With positions off, nothing is restored and nothing saved.
    let (tx, rx) = std::sync::mpsc::channel();
    tx.send(Ok(id)).unwrap();
    let mut off = Session::new(
        Library::open(&path).unwrap(),
        Pending::Recording(rx),
        restore,
        false,
    );
    assert_eq!(off.restore(), None);
    off.save_position(90).unwrap();
    assert_eq!(off.library().position(id).unwrap().byte, 33);
    // A recording that failed is a problem for the status bar.
    let (tx, rx) = std::sync::mpsc::channel();
    tx.send(Err(LibraryError::NoDataDir)).unwrap();
    let mut failed = Session::new(
        Library::open(&path).unwrap(),
        Pending::Recording(rx),
        None,
        true,
    );
    assert!(
        failed
            .problem()
            .is_some_and(|p| p.contains("XDG_DATA_HOME"))
    );
}

#[test]
fn a_name_in_capitals_gives_way_to_the_same_name_written_normally() {
    let (_dir, mut library) = temp_library();
    add(
        &mut library,
        "a.txt",
        &article(
            "A",
            "2020-01-06",
            "LONDON 1996-08-30\n\nShares fell in London on Friday.",
        ),
    );
    add(
        &mut library,
        "b.txt",
        &article(
            "B",
            "2020-01-07",
            "Prices rose in London, traders said on Monday.",
        ),
    );
    let found = library.find_entities("london", None, 5).unwrap();
    assert_eq!(found[0].name, "London", "{found:?}");
}
