//! The note editor popup's keys: Esc cancels (asking first when text was typed), Ctrl-s or
//! Alt-Enter saves the note, Ctrl-e asks the loop to hand the text to `$EDITOR`, and every
//! other key goes to the text area (ratatui-textarea's editing keys) as its own `Input`.

use jiff::Timestamp;
use ratatui_textarea::{Input, Key as TKey};

use crate::keys::{Key, KeyChord};
use crate::notes::Motivation;

use super::super::model::Model;
use super::super::notes::EditTarget;
use super::Effect;
use super::notes::changed;

/// A key while the editor is open: Esc (twice when text was typed) cancels, Ctrl-s or
/// Alt-Enter saves, Ctrl-e hands the text to `$EDITOR`, the rest is typing.
pub fn editor_key(m: &mut Model, chord: KeyChord) -> Effect {
    let Some(ed) = m.notes.editor.as_mut() else {
        return Effect::None;
    };
    match (chord.key, chord.ctrl, chord.alt) {
        (Key::Esc, _, _) => {
            if ed.changed() && !ed.confirm_cancel {
                ed.confirm_cancel = true;
                m.status.message = Some("discard what you wrote? Esc again discards".to_owned());
            } else {
                m.notes.editor = None;
                m.status.message = Some("note not saved".to_owned());
            }
            Effect::None
        }
        (Key::Char('s'), true, _) | (Key::Enter, _, true) => save_editor(m),
        (Key::Char('e'), true, _) => {
            ed.confirm_cancel = false;
            Effect::ExternalEditor
        }
        _ => {
            ed.confirm_cancel = false;
            if let Some(input) = input(chord) {
                ed.area.input(input);
            }
            Effect::None
        }
    }
}

/// Before gloss exits on a signal: a note being written with text typed is saved as
/// Ctrl-s would, so ending gloss never loses what the reader wrote.
pub fn keep_for_exit(m: &mut Model) {
    if m.notes.editor.as_ref().is_some_and(|ed| ed.changed()) {
        save_editor(m);
    }
}

/// The text `$EDITOR` gave back.
pub fn editor_text(m: &mut Model, text: Result<String, String>) {
    match (text, m.notes.editor.as_mut()) {
        (Ok(text), Some(ed)) => ed.set_text(&text),
        (Err(e), _) => m.status.message = Some(e),
        (Ok(_), None) => {}
    }
}

fn save_editor(m: &mut Model) -> Effect {
    let Some(ed) = m.notes.editor.take() else {
        return Effect::None;
    };
    let text = ed.text().trim_end().to_owned();
    let Some(book) = m.notes.book.as_mut() else {
        return Effect::None;
    };
    let now = Timestamp::now();
    match ed.target {
        EditTarget::New { range, motivation } => {
            // A note with no text is a highlight.
            let motivation = match text.trim().is_empty() {
                true => Motivation::Highlighting,
                false => motivation,
            };
            let id = book.add(&m.article.text, range, motivation, &text, now);
            changed(m, Some(&id), "note added")
        }
        EditTarget::Edit { id } => {
            book.edit(&id, &text, now);
            changed(m, Some(&id), "note changed")
        }
    }
}

/// The text area's input for a chord (keys it has no use for give `None`).
fn input(chord: KeyChord) -> Option<Input> {
    let key = match chord.key {
        Key::Char(c) => TKey::Char(c),
        Key::Space => TKey::Char(' '),
        Key::Enter => TKey::Enter,
        Key::Tab => TKey::Tab,
        Key::Backspace => TKey::Backspace,
        Key::Delete => TKey::Delete,
        Key::Up => TKey::Up,
        Key::Down => TKey::Down,
        Key::Left => TKey::Left,
        Key::Right => TKey::Right,
        Key::PageUp => TKey::PageUp,
        Key::PageDown => TKey::PageDown,
        Key::Home => TKey::Home,
        Key::End => TKey::End,
        Key::F(n) => TKey::F(n),
        Key::Esc | Key::BackTab | Key::Insert => return None,
    };
    Some(Input {
        key,
        ctrl: chord.ctrl,
        alt: chord.alt,
        shift: chord.shift,
    })
}
