//! Keys-to-state tests of the library screens over a real SQLite library in a temporary
//! directory (never a stand-in): articles recorded with the real detectors, then keys.

use std::path::PathBuf;

use crate::annotation::EntityLabel;
use crate::article::{Article, Meta};
use crate::detect::detect_article;
use crate::keys::KeyChord;
use crate::library::{Library, SourceRef};
use crate::tui::keymap::Keymap;

use super::model::{LibraryView, Screen};
use super::shelf::Sort;
use super::update::{Effect, Msg, open_named, update};

fn article(title: &str, date: &str, text: &str) -> Article {
    let meta = Meta {
        title: Some(title.to_owned()),
        date: date.parse().ok(),
        ..Meta::default()
    };
    Article::from_verbatim(text.to_owned(), meta)
}

const TEXTS: [(&str, &str, &str); 3] = [
    (
        "Harbour bridge reopens",
        "2021-01-04",
        "The Kelvin Harbour Bridge reopened on Tuesday. Mayor Ana Ruiz thanked the engineers.",
    ),
    (
        "Council passes the budget",
        "2021-03-10",
        "The council passed the budget after a long night. Ana Ruiz said the vote was fair.",
    ),
    (
        "Rain in the valley",
        "2020-11-30",
        "Farmers in the valley welcomed the rain after a dry summer.",
    ),
];

/// A library of the three articles, recorded in order (the last recorded is read last).
fn library() -> (tempfile::TempDir, Library, Vec<i64>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut lib = Library::open(&dir.path().join("library.db")).unwrap_or_else(|e| panic!("{e}"));
    let mut ids = Vec::new();
    for (i, (title, date, text)) in TEXTS.iter().enumerate() {
        let a = article(title, date, text);
        let set = detect_article(&a);
        let source = SourceRef::Path(PathBuf::from(format!("/articles/{i}.txt")));
        let at = jiff::Timestamp::from_second(1_700_000_000 + i as i64).ok();
        let rec = lib
            .record(&source, &a, Some(&set), at)
            .unwrap_or_else(|e| panic!("{e}"));
        ids.push(rec.id.0);
    }
    (dir, lib, ids)
}

fn press(v: &mut LibraryView, lib: &Library, script: &str) -> Effect {
    let mut last = Effect::None;
    for token in script.split_whitespace() {
        let chord: KeyChord = token.parse().unwrap_or_else(|e| panic!("{token}: {e}"));
        last = update(v, lib, Msg::Key(chord));
    }
    last
}

fn titles(v: &LibraryView) -> Vec<&str> {
    v.articles.rows().iter().map(|r| r.title.as_str()).collect()
}

#[test]
fn the_list_opens_by_last_read_and_sorts_by_date_and_title() {
    let (_dir, lib, ids) = library();
    let mut v = LibraryView::new(Keymap::default(), (100, 20));
    update(&mut v, &lib, Msg::Refresh);
    assert_eq!(v.total, Some(3));
    assert_eq!(
        titles(&v)[0],
        "Rain in the valley",
        "read last, listed first"
    );
    press(&mut v, &lib, "s");
    assert_eq!(v.sort, Sort::Date);
    assert_eq!(
        titles(&v),
        [
            "Council passes the budget",
            "Harbour bridge reopens",
            "Rain in the valley"
        ]
    );
    press(&mut v, &lib, "s");
    assert_eq!(
        titles(&v),
        [
            "Council passes the budget",
            "Harbour bridge reopens",
            "Rain in the valley"
        ]
    );
    assert_eq!(v.sort, Sort::Title);
    assert_eq!(
        press(&mut v, &lib, "j Enter"),
        Effect::Open {
            article: ids[0],
            at: None
        }
    );
    assert_eq!(press(&mut v, &lib, "G"), Effect::None);
    assert_eq!(v.articles.selected().map(|r| r.id), Some(ids[2]));
    // The help overlay takes q to close itself; then q quits.
    assert_eq!(press(&mut v, &lib, "? j"), Effect::None);
    assert_eq!(v.help, Some(1));
    assert_eq!(press(&mut v, &lib, "q"), Effect::None);
    assert_eq!(v.help, None);
    assert_eq!(press(&mut v, &lib, "q"), Effect::Quit);
}

#[test]
fn slash_searches_every_article_and_enter_opens_the_hit() {
    let (_dir, lib, ids) = library();
    let mut v = LibraryView::new(Keymap::default(), (100, 20));
    update(&mut v, &lib, Msg::Refresh);
    press(&mut v, &lib, "/ b u d g e t");
    assert!(v.search.typing);
    assert_eq!(v.screen, Screen::Articles, "nothing searched before Enter");
    press(&mut v, &lib, "Enter");
    assert_eq!(v.screen, Screen::Search);
    let hits = v.search.hits.rows();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.id, ids[1]);
    let marked: Vec<&str> = hit.marks.iter().map(|r| &hit.snippet[r.clone()]).collect();
    assert_eq!(marked, ["budget"]);
    assert_eq!(
        press(&mut v, &lib, "Enter"),
        Effect::Open {
            article: ids[1],
            at: None
        }
    );
    press(&mut v, &lib, "/ z e p p e l i n Enter");
    assert!(v.search.hits.rows().is_empty());
    assert!(
        v.message.as_deref().is_some_and(|m| m.contains("zeppelin")),
        "{:?}",
        v.message
    );
    press(&mut v, &lib, "Esc Esc");
    assert_eq!(v.screen, Screen::Articles);
}

#[test]
fn an_entity_lists_its_articles_and_opens_the_second_at_its_mention() {
    let (_dir, lib, ids) = library();
    let mut v = LibraryView::new(Keymap::default(), (100, 30));
    update(&mut v, &lib, Msg::Refresh);
    press(&mut v, &lib, "e");
    assert_eq!(v.screen, Screen::Entities);
    let ruiz = v
        .entities
        .rows()
        .iter()
        .position(|e| e.name == "Ana Ruiz")
        .unwrap_or_else(|| panic!("{:?}", v.entities.rows()));
    assert_eq!(v.entities.rows()[ruiz].articles, 2);
    for _ in 0..ruiz {
        press(&mut v, &lib, "j");
    }
    press(&mut v, &lib, "Enter");
    assert_eq!(v.screen, Screen::Entity);
    let page = &v.entity.as_ref().unwrap_or_else(|| panic!("no page")).page;
    let articles: Vec<i64> = page.mentions.iter().map(|p| p.article).collect();
    assert_eq!(articles, [ids[1], ids[0]], "newest first");
    assert_eq!(page.months.len(), 2);
    let text = TEXTS[0].2;
    let at = text.find("Ana Ruiz").unwrap_or(0);
    assert_eq!(
        press(&mut v, &lib, "j Enter"),
        Effect::Open {
            article: ids[0],
            at: Some(at)
        }
    );
    press(&mut v, &lib, "Esc Esc");
    assert_eq!(v.screen, Screen::Articles);
}

#[test]
fn elsewhere_from_the_reader_opens_the_entity_page_and_back_closes_it() {
    let (_dir, lib, _ids) = library();
    let mut v = LibraryView::new(Keymap::default(), (100, 30));
    open_named(&mut v, &lib, "Ana Ruiz", EntityLabel::Person).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v.screen, Screen::Entity);
    assert_eq!(
        v.entity.as_ref().map(|e| e.entity.name.as_str()),
        Some("Ana Ruiz")
    );
    assert_eq!(press(&mut v, &lib, "Esc"), Effect::Close);
    let missing = open_named(&mut v, &lib, "Zed Nobody", EntityLabel::Person);
    assert!(missing.is_err());
}
