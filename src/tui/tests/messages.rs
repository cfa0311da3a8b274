//! The message log: a failed save's cause comes first, and `m` shows the last messages in
//! full where the status bar cuts them.

use crate::notes::NotesLocation;
use crate::theme::Theme;

use super::super::effects::save;
use super::super::keymap::Mode;
use super::super::model::{Model, Overlay};
use super::super::open_notes;
use super::super::update::{Msg, keys, mode, update};
use super::{article, model, screen};

/// A reader whose notes file would be inside a regular file: every save fails.
fn unsaveable(dir: &tempfile::TempDir) -> Model {
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "").expect("write the blocker");
    let mut m = model(80, 24);
    let location = NotesLocation::File(blocker.join("notes").join("notes.toml"));
    m.notes = open_notes(&article(), Ok(location), None);
    m.refresh_notes();
    m
}

#[test]
fn a_failed_save_says_its_cause_first_and_the_log_shows_it_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = unsaveable(&dir);
    keys(&mut m, "Tab h");
    let result = save(&mut m);
    let error = result.clone().expect_err("the save fails");
    assert!(
        error.starts_with("Not a directory"),
        "the cause is not first: {error}"
    );
    update(&mut m, Msg::Saved(result));
    let shown = m.status.message.clone().expect("a message");
    assert!(
        shown.starts_with("notes not saved: Not a directory"),
        "{shown}"
    );
    // The status bar at 80 columns cuts it; the messages overlay shows all of it.
    keys(&mut m, "j m");
    assert_eq!((mode(&m), m.overlay.which), (Mode::Help, Overlay::Messages));
    let text: String = screen(&m, &Theme::default()).split_whitespace().collect();
    let whole: String = shown.split_whitespace().collect();
    let overlay = text.replace(['│', '•'], "");
    assert!(
        overlay.contains(&whole),
        "the whole message is not on screen:\n{}",
        screen(&m, &Theme::default())
    );
    keys(&mut m, "Esc");
    assert_eq!(m.overlay.scroll, None);
}

#[test]
fn the_log_keeps_messages_from_keys_newest_first() {
    let mut m = model(80, 24);
    keys(&mut m, "/ z q x z Enter");
    keys(&mut m, "u");
    let logged: Vec<String> = m.status.log.iter().map(str::to_owned).collect();
    assert_eq!(logged.len(), 2, "{logged:?}");
    assert!(logged[0].starts_with("no match for"), "{logged:?}");
    keys(&mut m, "m");
    let shown = screen(&m, &Theme::default());
    let newest = shown
        .find(logged[1].as_str())
        .expect("the newest message shown");
    let older = shown.find("no match for").expect("the older message shown");
    assert!(newest < older, "newest first:\n{shown}");
    keys(&mut m, "m");
    assert_eq!(m.overlay.scroll, None, "m again closes");
}
