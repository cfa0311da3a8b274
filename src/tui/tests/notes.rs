//! Keys-to-state tours of the note flows (add, select and note, highlight, edit, delete and
//! undo, tags, `]`/`[` on the Notes tab, detached notes and re-attaching, quitting with
//! unsaved notes), and snapshots of the editor popup and the Notes tab.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::keys::{Key, KeyChord};
use crate::notes::{ArticleIdentity, Motivation, Notebook, NotesLocation};
use crate::theme::Theme;

use super::super::model::{Focus, Model};
use super::super::notes::EditTarget;
use super::super::open_notes;
use super::super::rows::Tab;
use super::super::update::{Effect, Msg, key, update};
use super::{TEXT, article, model, screen, span};

/// A reader whose notes live in `dir/notes.toml`.
pub(super) fn with_notes(dir: &tempfile::TempDir, w: u16, h: u16) -> Model {
    let mut m = model(w, h);
    m.notes = open_notes(&article(), Ok(location(dir)), None);
    m.refresh_notes();
    m
}

pub(super) fn location(dir: &tempfile::TempDir) -> NotesLocation {
    NotesLocation::File(dir.path().join("notes.toml"))
}

/// Feeds keys and collects the effects asked for (what the loop would run).
pub(super) fn press(m: &mut Model, script: &str) -> Vec<Effect> {
    script
        .split_whitespace()
        .map(|t| {
            let chord: KeyChord = t.parse().unwrap_or_else(|e| panic!("{t}: {e}"));
            key(m, chord)
        })
        .filter(|e| *e != Effect::None)
        .collect()
}

/// Types `text` into whatever has the keyboard, one character at a time.
pub(super) fn type_text(m: &mut Model, text: &str) {
    for c in text.chars() {
        let k = match c {
            ' ' => Key::Space,
            '\n' => Key::Enter,
            c => Key::Char(c),
        };
        key(m, KeyChord::new(k, false, false, false));
    }
}

pub(super) fn placed(m: &Model) -> Vec<(String, String, Motivation)> {
    let book = m.notes.book.as_ref().expect("notebook");
    book.placed()
        .map(|(r, n)| (TEXT[r].to_owned(), n.text.clone(), n.motivation))
        .collect()
}

const FIRST: &str =
    "The Kelvin Harbour Bridge reopened on Tuesday after eight months of repairs, the city said.";

#[test]
fn a_notes_the_sentence_at_the_top_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    assert!(press(&mut m, "a").is_empty());
    let ed = m.notes.editor.as_ref().expect("editor open");
    assert_eq!(
        ed.target,
        EditTarget::New {
            range: span(FIRST, 0),
            motivation: Motivation::Commenting
        }
    );
    type_text(&mut m, "Took long enough #bridges");
    // Keys are text in the editor: `q` did not quit.
    type_text(&mut m, "\nq");
    assert_eq!(press(&mut m, "ctrl-s"), vec![Effect::Save]);
    assert!(m.notes.editor.is_none());
    let text = "Took long enough #bridges\nq".to_owned();
    assert_eq!(
        placed(&m),
        vec![(FIRST.to_owned(), text, Motivation::Commenting)]
    );
    assert_eq!(m.rows.notes().len(), 1);
    assert!(m.notes.dirty());
}

#[test]
fn a_on_the_current_annotation_and_alt_enter_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    press(&mut m, "Tab a");
    type_text(&mut m, "which bridge");
    assert_eq!(press(&mut m, "alt-enter"), vec![Effect::Save]);
    assert_eq!(placed(&m)[0].0, "Kelvin Harbour Bridge");
}

#[test]
fn selection_extends_by_word_sentence_and_line_then_notes_or_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    press(&mut m, "v");
    let sel = |m: &Model| TEXT[m.notes.selection.clone().expect("selection").range].to_owned();
    assert_eq!(sel(&m), "The");
    press(&mut m, "w w");
    assert_eq!(sel(&m), "The Kelvin Harbour");
    press(&mut m, "b");
    assert_eq!(sel(&m), "The Kelvin");
    press(&mut m, ")");
    assert_eq!(sel(&m), FIRST);
    press(&mut m, ")");
    assert!(sel(&m).ends_with(
        "told reporters: “It has been a long winter for everyone who crosses the water.”"
    ));
    press(&mut m, "(");
    assert_eq!(sel(&m), FIRST);
    // `j` extends by a line instead of scrolling while selecting.
    let top = m.view.top;
    press(&mut m, "j");
    assert!(sel(&m).len() > FIRST.len());
    press(&mut m, "k");
    assert_eq!(m.view.top, top);
    press(&mut m, "Esc");
    assert!(m.notes.selection.is_none());
    press(&mut m, "v w a");
    type_text(&mut m, "x");
    press(&mut m, "ctrl-s");
    assert_eq!(placed(&m)[0].0, "The Kelvin");
}

#[test]
fn h_highlights_the_selection_without_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    assert_eq!(press(&mut m, "v w w h"), vec![Effect::Save]);
    assert_eq!(
        placed(&m),
        vec![(
            "The Kelvin Harbour".into(),
            String::new(),
            Motivation::Highlighting
        )]
    );
    let shown = screen(&m, &Theme::default());
    assert!(shown.contains("\n▌The Kelvin Harbour Bridge"), "{shown}");
    press(&mut m, "4");
    let shown = screen(&m, &Theme::default());
    assert!(shown.contains("(highlight)"), "{shown}");
}

#[test]
fn esc_asks_before_dropping_typed_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    press(&mut m, "a Esc");
    assert!(
        m.notes.editor.is_none(),
        "nothing typed: Esc closes at once"
    );
    press(&mut m, "a");
    type_text(&mut m, "draft");
    press(&mut m, "Esc");
    assert!(m.notes.editor.as_ref().is_some_and(|e| e.confirm_cancel));
    type_text(&mut m, "!");
    assert!(m.notes.editor.as_ref().is_some_and(|e| !e.confirm_cancel));
    press(&mut m, "Esc Esc");
    assert!(m.notes.editor.is_none());
    assert!(placed(&m).is_empty());
}

/// Adds a note on `needle` with `text` through the keys (search, select the match, note).
fn add_on(m: &mut Model, needle: &str, text: &str) {
    let range = span(needle, 0);
    m.notes.selection = Some(super::super::notes::Selection { range });
    press(m, "a");
    type_text(m, text);
    assert_eq!(press(m, "ctrl-s"), vec![Effect::Save]);
}

#[test]
fn e_edits_and_d_deletes_with_undo_on_the_notes_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    add_on(&mut m, "Port Authority", "patient?");
    press(&mut m, "4 Enter");
    assert_eq!((m.side.focus, m.side.tab), (Focus::Side, Tab::Notes));
    press(&mut m, "e");
    type_text(&mut m, " #ports");
    press(&mut m, "ctrl-s");
    let book = m.notes.book.as_ref().unwrap();
    let note = &book.notes().notes()[0];
    assert_eq!(
        (note.text.as_str(), note.tags.clone()),
        ("patient? #ports", vec!["ports".to_owned()])
    );
    let id = note.id.clone();
    assert_eq!(press(&mut m, "d"), vec![Effect::Save]);
    assert!(placed(&m).is_empty());
    assert!(m.rows.notes().is_empty());
    assert_eq!(press(&mut m, "u"), vec![Effect::Save]);
    assert_eq!(m.notes.book.as_ref().unwrap().notes().notes()[0].id, id);
    assert_eq!(placed(&m)[0].0, "Port Authority");
    assert!(press(&mut m, "u").is_empty(), "nothing more to undo");
}

#[test]
fn t_cycles_the_tag_filter_of_the_notes_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    add_on(&mut m, "Port Authority", "one #ports");
    add_on(&mut m, "Norvale Steel", "two #steel #ports");
    add_on(&mut m, "Tom Okafor", "three");
    let titles = |m: &Model| {
        m.rows
            .notes()
            .iter()
            .map(|i| i.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&m).len(), 3);
    press(&mut m, "t");
    assert_eq!(m.notes.tag.as_deref(), Some("ports"));
    assert_eq!(titles(&m), vec!["“Port Authority”", "“Norvale Steel”"]);
    assert_eq!(m.side.tab, Tab::Notes);
    press(&mut m, "t");
    assert_eq!(titles(&m), vec!["“Norvale Steel”"]);
    press(&mut m, "t");
    assert_eq!((m.notes.tag.as_deref(), titles(&m).len()), (None, 3));
}

#[test]
fn brackets_on_the_notes_tab_go_note_to_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 12);
    add_on(&mut m, "Ruiz said the bridge", "last");
    add_on(&mut m, "Port Authority", "middle");
    add_on(&mut m, "Kelvin", "first");
    press(&mut m, "4 g");
    m.side.list_mut(Tab::Notes).selected = None;
    let at = |m: &Model| {
        let i = m.side.list(Tab::Notes).selected.expect("selected");
        m.rows.note_refs()[i]
            .range
            .clone()
            .map(|r| TEXT[r].to_owned())
    };
    press(&mut m, "]");
    assert_eq!(at(&m).as_deref(), Some("Kelvin"));
    press(&mut m, "]");
    assert_eq!(at(&m).as_deref(), Some("Port Authority"));
    press(&mut m, "]");
    assert_eq!(at(&m).as_deref(), Some("Ruiz said the bridge"));
    let last_line = m
        .view
        .layout
        .line_of_byte(span("Ruiz said the bridge", 0).start);
    assert!(
        m.view.top <= last_line && last_line < m.view.top + m.page_height(),
        "the passage is shown"
    );
    press(&mut m, "]");
    assert!(
        m.status
            .message
            .as_deref()
            .is_some_and(|s| s.contains("no more notes"))
    );
    press(&mut m, "[");
    assert_eq!(at(&m).as_deref(), Some("Port Authority"));
}

/// A notebook holding one note on words the test article does not have.
fn detached_setup(dir: &tempfile::TempDir) -> Model {
    let other = "A zebra crossing was painted near the school gates.";
    let (mut book, _) = Notebook::open(
        &location(dir),
        ArticleIdentity::new(other, None),
        None,
        other,
    )
    .unwrap();
    book.add(
        other,
        2..17,
        Motivation::Commenting,
        "gone #lost",
        Timestamp::now(),
    );
    book.save(other).unwrap();
    with_notes(dir, 100, 30)
}

#[test]
fn a_detached_note_is_listed_and_reattached_to_a_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = detached_setup(&dir);
    let refs = m.rows.note_refs().to_vec();
    assert_eq!((refs.len(), refs[0].range.clone()), (1, None));
    assert_eq!(
        m.rows.notes()[0].section.as_deref(),
        Some("Tags #lost · Detached")
    );
    press(&mut m, "4 Enter Enter");
    assert!(
        m.status
            .message
            .as_deref()
            .is_some_and(|s| s.starts_with("detached"))
    );
    press(&mut m, "Esc r");
    assert!(
        m.status
            .message
            .as_deref()
            .is_some_and(|s| s.contains("select the new passage"))
    );
    assert_eq!(press(&mut m, "v w r"), vec![Effect::Save]);
    assert_eq!(
        placed(&m),
        vec![(
            "The Kelvin".into(),
            "gone #lost".into(),
            Motivation::Commenting
        )]
    );
    assert!(m.notes.book.as_ref().unwrap().detached().next().is_none());
}

#[test]
fn quitting_with_unsaved_notes_saves_first_and_asks_after_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    assert_eq!(press(&mut m, "q"), vec![Effect::Quit], "nothing to save");
    add_on(&mut m, "Kelvin", "x");
    assert_eq!(press(&mut m, "q"), vec![Effect::SaveThenQuit]);
    update(&mut m, Msg::Unsaved(Ok("/tmp/rescue.json".into())));
    assert!(
        m.status
            .message
            .as_deref()
            .is_some_and(|s| s.contains("/tmp/rescue.json"))
    );
    assert_eq!(
        press(&mut m, "q"),
        vec![Effect::Quit],
        "the second quit goes through"
    );
}

#[test]
fn a_failed_save_is_shown_and_kept_for_a_retry() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    add_on(&mut m, "Kelvin", "x");
    update(
        &mut m,
        Msg::Saved(Err("cannot write notes file /x: disk full".into())),
    );
    assert!(m.notes.dirty());
    let shown = screen(&m, &Theme::default());
    assert!(shown.contains("notes not saved"), "{shown}");
    update(&mut m, Msg::Saved(Ok("notes saved".into())));
    assert!(m.notes.save_failed.is_none());
}

#[test]
fn a_notes_file_that_does_not_parse_makes_notes_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let file: PathBuf = dir.path().join("notes.toml");
    std::fs::write(&file, "version = 1\n[[notes]\n").unwrap();
    let m = with_notes(&dir, 100, 30);
    let problem = m.notes.problem.clone().expect("a problem");
    assert!(problem.contains("notes.toml:2:"), "{problem}");
    let shown = screen(&m, &Theme::default());
    assert!(shown.contains("read-only"), "{shown}");
}

#[test]
fn editor_popup_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 80, 24);
    press(&mut m, "Tab a");
    type_text(&mut m, "Which bridge is this?\nSee also #bridges");
    insta::assert_snapshot!(screen(&m, &Theme::default()));
}

#[test]
fn notes_tab_with_notes_and_a_detached_one_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = detached_setup(&dir);
    add_on(
        &mut m,
        "Port Authority",
        "Patient indeed #ports\nsecond line",
    );
    press(&mut m, "v w w h");
    press(&mut m, "4 Enter");
    insta::assert_snapshot!(screen(&m, &Theme::default()));
}

#[test]
fn leaving_for_the_library_saves_the_notes_or_stays() {
    use super::super::effects::{Next, leave_for_library};
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    add_on(&mut m, "Ana Ruiz", "the mayor");
    assert!(m.notes.dirty());
    let left = leave_for_library(&mut m, 1);
    assert!(matches!(left, Ok(Next::End(_))), "{left:?}");
    assert!(!m.notes.dirty(), "saved before leaving");
    assert!(dir.path().join("notes.toml").is_file());
    // A notes file that cannot be written (its directory became a file, which stops
    // root too): the reader stays, the notes kept.
    let gone = dir.path().join("gone");
    std::fs::create_dir(&gone).unwrap();
    let mut m = model(100, 30);
    m.notes = open_notes(
        &article(),
        Ok(NotesLocation::File(gone.join("n.toml"))),
        None,
    );
    m.refresh_notes();
    add_on(&mut m, "Ana Ruiz", "kept");
    std::fs::remove_dir_all(&gone).unwrap();
    std::fs::write(&gone, "a file now").unwrap();
    let stayed = leave_for_library(&mut m, 1);
    assert!(stayed.is_err(), "{stayed:?}");
    assert!(m.notes.dirty());
}
