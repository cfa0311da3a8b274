//! The editor popup's hand-offs: Ctrl-e asks the loop for `$EDITOR` and the text that comes
//! back replaces what was typed; the mouse does not reach the panes behind the popup.

use crate::keys::KeyChord;

use super::super::model::Model;
use super::super::notes::Notes;
use super::super::update::{Effect, Msg, key, update};
use super::model;

fn chord(s: &str) -> KeyChord {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn with_editor() -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut m = model(100, 30);
    let location = crate::notes::NotesLocation::File(dir.path().join("n.toml"));
    m.notes = super::super::open_notes(&super::article(), Ok(location), None);
    assert!(m.notes.book.is_some());
    key(&mut m, chord("a"));
    assert!(m.notes.editor.is_some());
    (m, dir)
}

#[test]
fn ctrl_e_asks_for_the_editor_and_its_text_replaces_the_draft() {
    let (mut m, _dir) = with_editor();
    key(&mut m, chord("x"));
    assert_eq!(key(&mut m, chord("ctrl-e")), Effect::ExternalEditor);
    update(
        &mut m,
        Msg::EditorText(Ok("line one\nline two #t\n".into())),
    );
    let ed = m.notes.editor.as_ref().expect("still open");
    assert_eq!(ed.text(), "line one\nline two #t");
    assert!(ed.changed());
    // An editor that failed leaves the draft as it was and says why.
    update(
        &mut m,
        Msg::EditorText(Err("the editor 'nope' failed".into())),
    );
    assert_eq!(
        m.notes.editor.as_ref().map(|e| e.text()).as_deref(),
        Some("line one\nline two #t")
    );
    assert_eq!(
        m.status.message.as_deref(),
        Some("the editor 'nope' failed")
    );
    assert_eq!(key(&mut m, chord("ctrl-s")), Effect::Save);
    let book = m.notes.book.as_ref().unwrap();
    assert_eq!(book.notes().notes()[0].tags, vec!["t".to_owned()]);
}

#[test]
fn the_mouse_does_not_reach_behind_the_popup() {
    let (mut m, _dir) = with_editor();
    let (top, focus) = (m.view.top, m.side.focus);
    update(
        &mut m,
        Msg::Wheel {
            column: 5,
            row: 5,
            down: true,
        },
    );
    update(&mut m, Msg::Click { column: 90, row: 1 });
    assert_eq!((m.view.top, m.side.focus), (top, focus));
    assert!(m.notes.editor.is_some());
}

#[test]
fn without_a_notebook_a_says_why() {
    let mut m = model(100, 30);
    m.notes = Notes::new(None, Some("cannot find a directory for notes".into()));
    key(&mut m, chord("a"));
    assert!(m.notes.editor.is_none());
    assert_eq!(
        m.status.message.as_deref(),
        Some("notes are unavailable: cannot find a directory for notes")
    );
}
