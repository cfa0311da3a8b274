//! The session's stack: links resolved against where a document came from, a document
//! opened over another and back to it exactly as it was, a failed load said in the status
//! bar, and the notes of a closed document saved.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::*;
use crate::keys::KeyChord;
use crate::tui::model::Focus;
use crate::tui::update::{Effect, key};
use crate::tui::{Keymap, Settings};

fn model_of(path: &Path, size: (u16, u16)) -> Model {
    let article = ingest::load(&Source::Path(path.to_path_buf()), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let label = Target::Path(path.to_path_buf()).label();
    Model::new(article, label, Settings::default(), Keymap::default(), size)
}

fn session(first: &Path, notes: Result<NotesLocation, String>) -> Session {
    let model = model_of(first, (100, 12));
    let jobs = Jobs::new(&model, None, None);
    let doc = Doc {
        model,
        jobs,
        origin: Origin::Path(first.to_path_buf()),
    };
    let opening = Opening {
        options: LoadOptions::default(),
        notes,
        timeout: Duration::from_secs(5),
    };
    Session::new(doc, opening)
}

/// Polls until the load ends (what the loop does between frames).
fn settle(s: &mut Session) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while s.is_loading() && Instant::now() < deadline {
        s.poll();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(!s.is_loading(), "the load ended");
}

fn press(m: &mut Model, keys: &str) -> Vec<Effect> {
    keys.split_whitespace()
        .map(|k| key(m, k.parse::<KeyChord>().unwrap_or_else(|e| panic!("{e}"))))
        .filter(|e| *e != Effect::None)
        .collect()
}

/// Two articles in a directory: `a.md` long enough to scroll, linking to `b.md`.
fn two_files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let para = "Ann Lee visited Paris in May and wrote about the river and its bridges.";
    let a_text = (0..40)
        .map(|i| format!("{i} {para}"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(&a, format!("See [the other](b.md).\n\n{a_text}\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&b, "The second article, about Lyon.\n").unwrap_or_else(|e| panic!("{e}"));
    (dir, a, b)
}

#[test]
fn links_resolve_against_the_origin() {
    let page = Origin::Url("https://example.org/news/today.html?x=1".into());
    let url = |s: &str| Some(Target::Url(s.to_string()));
    assert_eq!(
        Target::resolve(&page, "../about"),
        url("https://example.org/about")
    );
    assert_eq!(
        Target::resolve(&page, "/a b"),
        url("https://example.org/a%20b")
    );
    assert_eq!(
        Target::resolve(&page, "HTTPS://other.net/x"),
        url("HTTPS://other.net/x")
    );
    assert_eq!(Target::resolve(&page, "mailto:ann@example.org"), None);
    assert_eq!(Target::resolve(&page, "javascript:alert(1)"), None);
    let file = Origin::Path(PathBuf::from("/home/ann/notes/a.md"));
    let path = |s: &str| Some(Target::Path(PathBuf::from(s)));
    assert_eq!(
        Target::resolve(&file, "b.md#part"),
        path("/home/ann/notes/b.md")
    );
    assert_eq!(
        Target::resolve(&file, "file:///tmp/c.html"),
        path("/tmp/c.html")
    );
    assert_eq!(Target::resolve(&file, "#part"), None);
    assert_eq!(Target::resolve(&Origin::Other, "b.md"), None);
}

#[test]
fn a_document_opens_over_another_and_back_returns_to_it_as_it_was() {
    let (_dir, a, b) = two_files();
    let mut s = session(&a, Err("no notes".into()));
    let m = &mut s.top().model;
    press(m, "ctrl-d ctrl-d");
    m.side.wide = true;
    m.side.focus = Focus::Side;
    let (top, focus) = (m.view.top, m.side.focus);
    assert!(top > 0, "scrolled");
    s.open("b.md");
    settle(&mut s);
    assert_eq!(s.depth(), 2);
    let b_model = &mut s.top().model;
    assert!(b_model.article.text.contains("Lyon"));
    assert_eq!(b_model.file_label, "b.md");
    assert_eq!(b_model.previous.as_deref(), Some("a.md"));
    // Ctrl-o with nothing on this article's jump list goes back to the previous one.
    assert_eq!(press(b_model, "ctrl-o"), vec![Effect::Back]);
    assert!(s.back());
    assert_eq!(s.depth(), 1);
    let m = &mut s.top().model;
    assert!(m.article.text.contains("Ann Lee"));
    assert_eq!(
        (m.view.top, m.side.focus),
        (top, focus),
        "where it was left"
    );
    assert!(m.side.wide);
    // The first document has nothing to go back to.
    assert_eq!(press(m, "ctrl-o"), Vec::<Effect>::new());
    assert!(!s.back());
    let _ = b;
}

#[test]
fn a_failed_load_is_a_status_message_and_the_reader_stays() {
    let (_dir, a, _b) = two_files();
    let mut s = session(&a, Err("no notes".into()));
    s.top().model.status.fetching = Some("missing.md".into());
    s.open("missing.md");
    settle(&mut s);
    assert_eq!(s.depth(), 1);
    let m = &s.top().model;
    assert_eq!(m.status.fetching, None);
    let said = m.status.message.clone().unwrap_or_default();
    assert!(said.contains("missing.md"), "{said}");
    // A link gloss does not open itself is said at once.
    s.open("mailto:ann@example.org");
    assert!(!s.is_loading());
    let said = s.top().model.status.message.clone().unwrap_or_default();
    assert!(said.contains("mailto:ann@example.org"), "{said}");
}

#[test]
fn a_closed_document_keeps_its_notes_and_a_load_waits_for_the_editor() {
    let (dir, a, _b) = two_files();
    let notes = dir.path().join("notes");
    let mut s = session(&a, Ok(NotesLocation::Directory(notes.clone())));
    // The reader is writing a note when the page arrives: it is shown once that is done.
    s.open("b.md");
    s.top().model.search.prompt = Some(crate::tui::model::Prompt {
        input: String::new(),
        origin: s.top().model.position(),
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    while s.waiting.is_none() && Instant::now() < deadline {
        s.poll();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(s.depth(), 1, "not shown while typing");
    s.top().model.search.prompt = None;
    assert!(s.poll());
    assert_eq!(s.depth(), 2);
    // A highlight on b.md, not yet saved (the loop would run the Save effect).
    let m = &mut s.top().model;
    assert_eq!(press(m, "v w h"), vec![Effect::Save]);
    assert!(m.notes.dirty());
    assert!(s.back());
    let saved: Vec<String> = std::fs::read_dir(&notes)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        saved.len(),
        1,
        "b.md's notes were saved on closing it: {saved:?}"
    );
}
