//! Keys-to-state tours of issue 10's note defects: `u` brings a deleted note back (in the
//! file too, with the saves run as the loop runs them), `d`/`e` in the article act on the
//! note under the cursor, and Enter keeps the tab the reader chose.

use crate::notes::{ArticleIdentity, Notebook};

use super::super::model::{Focus, Model};
use super::super::notes::EditTarget;
use super::super::rows::Tab;
use super::super::update::{Effect, Msg, update};
use super::TEXT;
use super::notes::{location, placed, press, type_text, with_notes};

/// As [`press`], one key at a time, running the saves the loop would run and handing
/// their outcome back to the model; the status message after each key is returned.
fn press_saving(m: &mut Model, script: &str) -> Vec<String> {
    script
        .split_whitespace()
        .map(|t| {
            if press(m, t).contains(&Effect::Save) {
                let saved = super::super::effects::save(m);
                update(m, Msg::Saved(saved));
            }
            m.status.message.clone().unwrap_or_default()
        })
        .collect()
}

/// Issue 10: `d` then `u` from the article, with the saves run as the loop runs them. The
/// note comes back in the reader and in the file, every time, and no save claims this
/// reader's own change came from another gloss.
#[test]
fn u_brings_a_deleted_note_back_into_the_file_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    press_saving(&mut m, "Tab h Tab h 4 Esc");
    assert_eq!(placed(&m).len(), 2);
    let on_disk = || {
        let (book, problem) = Notebook::open(
            &location(&dir),
            ArticleIdentity::new(TEXT, None),
            None,
            TEXT,
        )
        .unwrap();
        assert!(problem.is_none(), "{problem:?}");
        (book.placed().count(), book.notes().tombstones().len())
    };
    for round in 0..3 {
        let said = press_saving(&mut m, "d u");
        for message in &said {
            assert!(
                !message.contains("another gloss"),
                "round {round}: {said:?}"
            );
        }
        assert_eq!(
            placed(&m).len(),
            2,
            "round {round}: the note stayed deleted"
        );
        assert_eq!(on_disk(), (2, 0), "round {round}: not back in the file");
    }
    press_saving(&mut m, "d");
    assert_eq!(on_disk(), (1, 1));
}

/// The id of the placed note on `needle`.
fn id_on(m: &Model, needle: &str) -> String {
    let book = m.notes.book.as_ref().expect("notebook");
    let found = book.placed().find(|(r, _)| &TEXT[r.clone()] == needle);
    found.expect(needle).1.id.clone()
}

fn editing(m: &Model) -> Option<String> {
    match &m.notes.editor.as_ref()?.target {
        EditTarget::Edit { id } => Some(id.clone()),
        EditTarget::New { .. } => None,
    }
}

/// Issue 10: `d` and `e` in the article act on the note under the current annotation
/// (or the selection), not the first note in view, and say which when several are there.
#[test]
fn d_and_e_in_the_article_act_on_the_note_under_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    press(&mut m, "Tab h Tab h 4 Esc");
    let current = m.annotations.get(m.current.unwrap()).unwrap().span.clone();
    assert_eq!(&TEXT[current], "Tuesday");
    assert_eq!(press(&mut m, "d"), vec![Effect::Save]);
    let left: Vec<String> = placed(&m).into_iter().map(|p| p.0).collect();
    assert_eq!(left, ["Kelvin Harbour Bridge"]);
    let said = m.status.message.clone().unwrap_or_default();
    assert!(said.starts_with("note on “Tuesday” deleted (u"), "{said}");
    press(&mut m, "u shift-tab e");
    assert_eq!(editing(&m), Some(id_on(&m, "Kelvin Harbour Bridge")));
    press(&mut m, "Esc");
    // A note on the whole sentence around the highlight: two notes under the cursor.
    press(&mut m, "v )");
    let sentence = TEXT[m.notes.selection.clone().unwrap().range].to_owned();
    press(&mut m, "a");
    type_text(&mut m, "long repairs");
    press(&mut m, "ctrl-s");
    press(&mut m, "e");
    assert_eq!(editing(&m), Some(id_on(&m, "Kelvin Harbour Bridge")));
    let said = m.status.message.clone().unwrap_or_default();
    assert!(said.contains("1 more note here"), "{said}");
    press(&mut m, "Esc d");
    assert!(placed(&m).iter().all(|p| p.0 != "Kelvin Harbour Bridge"));
    // With a selection, the note on it: here the sentence's, after `v` `)` again.
    press(&mut m, "v ) d");
    assert!(
        placed(&m).iter().all(|p| p.0 != sentence),
        "{:?}",
        placed(&m)
    );
    assert!(m.notes.selection.is_none());
}

/// Issue 10: Enter from the article keeps the Notes tab the reader chose, selects the
/// note under the cursor there, and `e` edits the selected note.
#[test]
fn enter_keeps_the_chosen_tab_and_e_edits_the_selected_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_notes(&dir, 100, 30);
    press(&mut m, "Tab h Tab h 4 Enter");
    assert_eq!((m.side.focus, m.side.tab), (Focus::Side, Tab::Notes));
    press(&mut m, "e");
    assert_eq!(editing(&m), Some(id_on(&m, "Tuesday")));
    press(&mut m, "Esc k e");
    assert_eq!(editing(&m), Some(id_on(&m, "Kelvin Harbour Bridge")));
    // Any tab the reader picks stays: Entities while the current annotation is a date.
    press(&mut m, "Esc Esc 1 Enter");
    assert_eq!((m.side.focus, m.side.tab), (Focus::Side, Tab::Entities));
}
