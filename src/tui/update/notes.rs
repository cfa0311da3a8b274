//! The note actions: adding (on the selection, the current annotation or the sentence at
//! the top of the view), selecting by word, sentence and line, highlighting, opening the
//! editor (its keys are in `editor`), deleting with a session undo, the Notes tab's tag
//! filter and `]`/`[`, and re-attaching a detached note. Every change to the notebook
//! returns [`Effect::Save`]: the loop saves, and a failed save is retried with the next
//! change and on quit.

mod focus;

use std::ops::Range;

use jiff::Timestamp;

use crate::notes::Motivation;

use super::super::action::Action;
use super::super::model::{Focus, Model};
use super::super::notes::{
    EditTarget, Editor, Selection, sentence_at, sentence_end_after, sentence_end_before, word_at,
    word_end_after, word_end_before,
};
use super::super::rows::Tab;
use super::{Effect, focus_side, jump, show_side};

/// Carries out a note or selection action.
pub fn act(m: &mut Model, action: Action) -> Effect {
    match action {
        Action::AddNote => add(m, Motivation::Commenting),
        Action::Highlight => add(m, Motivation::Highlighting),
        Action::Select => {
            let range = focus::current_range(m).unwrap_or_else(|| {
                let top = m.top_byte();
                word_at(&m.article.text, top)
            });
            if range.is_empty() {
                m.status.message = Some("nothing to select here".to_owned());
            } else {
                m.notes.selection = Some(Selection { range });
                m.status.message = Some(select_hint(m));
            }
            Effect::None
        }
        Action::SelectWordForward
        | Action::SelectWordBack
        | Action::SelectSentenceForward
        | Action::SelectSentenceBack
        | Action::SelectLineDown
        | Action::SelectLineUp => {
            extend(m, action);
            Effect::None
        }
        Action::EditNote => edit(m),
        Action::DeleteNote => delete(m),
        Action::Undo => undo(m),
        Action::TagFilter => {
            cycle_tag(m);
            Effect::None
        }
        Action::Reattach => reattach(m),
        _ => Effect::None,
    }
}

fn select_hint(m: &Model) -> String {
    let k = |a: Action| {
        m.keymap
            .keys_for(a)
            .first()
            .map_or(String::new(), ToString::to_string)
    };
    format!(
        "selecting: {} {} words, {} {} sentences, {} {} lines · {} note · {} highlight · {} cancel",
        k(Action::SelectWordForward),
        k(Action::SelectWordBack),
        k(Action::SelectSentenceForward),
        k(Action::SelectSentenceBack),
        k(Action::SelectLineDown),
        k(Action::SelectLineUp),
        k(Action::AddNote),
        k(Action::Highlight),
        k(Action::Back),
    )
}

/// What `a` or `h` applies to: the selection, the current annotation, or the sentence at
/// the top of the view.
fn target_range(m: &mut Model) -> Range<usize> {
    if let Some(sel) = m.notes.selection.take() {
        return sel.range;
    }
    focus::current_range(m).unwrap_or_else(|| sentence_at(&m.article.text, m.top_byte()))
}

fn add(m: &mut Model, motivation: Motivation) -> Effect {
    if m.notes.book.is_none() {
        m.status.message = Some(unavailable(m));
        return Effect::None;
    }
    let range = target_range(m);
    if range.is_empty() {
        m.status.message = Some("nothing to note here".to_owned());
        return Effect::None;
    }
    match motivation {
        Motivation::Commenting => {
            m.notes.editor = Some(Editor::new(EditTarget::New { range, motivation }, ""));
            Effect::None
        }
        Motivation::Highlighting => {
            let Some(book) = m.notes.book.as_mut() else {
                return Effect::None;
            };
            let id = book.add(&m.article.text, range, motivation, "", Timestamp::now());
            changed(m, Some(&id), "highlighted")
        }
    }
}

fn unavailable(m: &Model) -> String {
    match &m.notes.problem {
        Some(p) => format!("notes are unavailable: {p}"),
        None => "notes are unavailable".to_owned(),
    }
}

/// After a change: rebuild the Notes tab (selecting `id`), say what happened, save.
pub(super) fn changed(m: &mut Model, id: Option<&str>, what: &str) -> Effect {
    m.refresh_notes();
    if let Some(id) = id
        && let Some(i) = m.rows.note_refs().iter().position(|r| r.id == id)
    {
        m.side.list_mut(Tab::Notes).selected = Some(i);
        jump::keep_selection_visible(m);
    }
    m.status.message = Some(what.to_owned());
    Effect::Save
}

fn extend(m: &mut Model, action: Action) {
    let Some(sel) = m.notes.selection.clone() else {
        return;
    };
    let text = &m.article.text;
    let Range { start, end } = sel.range;
    let new_end = match action {
        Action::SelectWordForward => word_end_after(text, end),
        Action::SelectWordBack => word_end_before(text, end, start),
        Action::SelectSentenceForward => sentence_end_after(text, end),
        Action::SelectSentenceBack => sentence_end_before(text, end, start),
        Action::SelectLineDown | Action::SelectLineUp => {
            line_end(m, end, start, action == Action::SelectLineDown)
        }
        _ => end,
    };
    m.notes.selection = Some(Selection {
        range: start..new_end,
    });
    let last = new_end.saturating_sub(1).max(start);
    jump::reveal(m, last..new_end, false);
}

/// The end of the next (or previous) visual line from the one `end` is on.
fn line_end(m: &Model, end: usize, start: usize, down: bool) -> usize {
    let here = m.view.layout.line_of_byte(end.saturating_sub(1));
    let lines: Box<dyn Iterator<Item = usize>> = match down {
        true => Box::new(here + 1..m.view.layout.len()),
        false => Box::new((0..here).rev()),
    };
    lines
        .filter_map(|i| m.view.layout.line(i))
        .map(|l| l.range.clone())
        .find(|r| !r.is_empty())
        .map(|r| r.start + m.article.text[r].trim_end().len())
        .filter(|&e| e > start)
        .unwrap_or(end)
}

fn edit(m: &mut Model) -> Effect {
    let Some(found) = focus::note_in_focus(m) else {
        m.status.message = Some("no note here to edit".to_owned());
        return Effect::None;
    };
    let text = m
        .notes
        .book
        .as_ref()
        .and_then(|b| b.notes().get(&found.id))
        .map(|n| n.text.clone())
        .unwrap_or_default();
    if found.others > 0 {
        let which = format!("editing the note on {}", passage(m, &found.id));
        m.status.message = Some(also_here(m, &which, found.others));
    }
    m.notes.selection = None;
    m.notes.editor = Some(Editor::new(EditTarget::Edit { id: found.id }, &text));
    Effect::None
}

fn delete(m: &mut Model) -> Effect {
    let Some(found) = focus::note_in_focus(m) else {
        m.status.message = Some("no note here to delete".to_owned());
        return Effect::None;
    };
    let which = passage(m, &found.id);
    let Some(note) = m
        .notes
        .book
        .as_mut()
        .and_then(|b| b.delete(&found.id, Timestamp::now()))
    else {
        return Effect::None;
    };
    m.notes.undo.push(note);
    m.notes.selection = None;
    let u = m.keymap.label(Action::Undo);
    let said = format!("note on {which} deleted ({u} brings it back)");
    let said = match found.others {
        0 => said,
        n => also_here(m, &said, n),
    };
    changed(m, None, &said)
}

fn undo(m: &mut Model) -> Effect {
    let Some(note) = m.notes.undo.pop() else {
        m.status.message = Some("nothing to undo".to_owned());
        return Effect::None;
    };
    let Some(book) = m.notes.book.as_mut() else {
        return Effect::None;
    };
    let id = book.restore(&m.article.text, note, Timestamp::now());
    changed(m, Some(&id), "note restored")
}

/// A note's passage for a message: “its words”, cut short.
fn passage(m: &Model, id: &str) -> String {
    let range = m
        .notes
        .book
        .as_ref()
        .and_then(|b| b.anchoring(id))
        .and_then(|a| a.range());
    let words = range
        .and_then(|r| m.article.text.get(r))
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = words.chars();
    let short: String = chars.by_ref().take(40).collect();
    match chars.next() {
        Some(_) => format!("“{short}…”"),
        None => format!("“{short}”"),
    }
}

/// `said`, then how many more notes were under the cursor and where to pick one.
fn also_here(m: &Model, said: &str, others: usize) -> String {
    let tab = m.keymap.label(Action::TabNotes);
    let (n, s) = match others {
        1 => ("1 more note".to_owned(), "it"),
        n => (format!("{n} more notes"), "one"),
    };
    format!("{said}; {n} here: pick {s} on the Notes tab ({tab})")
}

/// Enter from the article onto the Notes tab: the row of the note under the cursor is
/// selected, so that `e` and `d` there act on the note the reader was at.
pub fn select_under_cursor(m: &mut Model) {
    let Some(id) = focus::under_cursor(m).into_iter().next() else {
        return;
    };
    if let Some(i) = m.rows.note_refs().iter().position(|r| r.id == id) {
        m.side.list_mut(Tab::Notes).selected = Some(i);
    }
}

/// `t`: the Notes tab shows the notes of the next tag, then all of them again.
fn cycle_tag(m: &mut Model) {
    let tags: Vec<String> = m
        .notes
        .book
        .as_ref()
        .map(|b| b.notes().tags().into_iter().map(|(t, _)| t).collect())
        .unwrap_or_default();
    if tags.is_empty() {
        m.status.message = Some("no tags yet: write #words in a note".to_owned());
        return;
    }
    let next = match &m.notes.tag {
        None => tags.first().cloned(),
        Some(t) => {
            let i = tags.iter().position(|x| x == t);
            i.and_then(|i| tags.get(i + 1)).cloned()
        }
    };
    m.status.message = Some(match &next {
        Some(t) => format!("notes tagged #{t} (tags: {})", tags.join(", ")),
        None => "all notes".to_owned(),
    });
    m.notes.tag = next;
    m.side.list_mut(Tab::Notes).selected = None;
    m.refresh_notes();
    m.side.tab = Tab::Notes;
    if !m.side_shown() {
        show_side(m);
    }
    if m.side.focus == Focus::Side {
        focus_side(m);
    }
}

fn reattach(m: &mut Model) -> Effect {
    let detached = m
        .side
        .list(Tab::Notes)
        .selected
        .and_then(|i| m.rows.note_refs().get(i))
        .filter(|r| r.range.is_none())
        .map(|r| r.id.clone());
    let Some(id) = detached else {
        m.status.message = Some("pick a detached note on the Notes tab first".to_owned());
        return Effect::None;
    };
    let Some(sel) = m.notes.selection.take() else {
        let v = m.keymap.label(Action::Select);
        m.status.message = Some(format!("select the new passage first ({v})"));
        return Effect::None;
    };
    let Some(book) = m.notes.book.as_mut() else {
        return Effect::None;
    };
    book.reattach(&m.article.text, &id, sel.range, Timestamp::now());
    changed(m, Some(&id), "note re-attached")
}

/// `]`/`[` on the Notes tab: the next placed note after the selected one (or after the top
/// of the view), shown in the article.
pub fn next_note(m: &mut Model, forward: bool) {
    let refs = m.rows.note_refs();
    let t = Tab::Notes;
    let from = match m
        .side
        .list(t)
        .selected
        .and_then(|i| refs.get(i)?.range.clone())
    {
        Some(r) => r.start,
        None => m.top_byte(),
    };
    let sel = m.side.list(t).selected;
    let placed = |i: &usize| refs.get(*i).and_then(|r| r.range.clone());
    let target = match forward {
        true => (0..refs.len())
            .filter(|i| Some(*i) != sel)
            .find(|i| placed(i).is_some_and(|r| r.start >= from && sel.is_none_or(|s| *i > s))),
        false => (0..refs.len())
            .rev()
            .filter(|i| Some(*i) != sel)
            .find(|i| placed(i).is_some_and(|r| r.start <= from && sel.is_none_or(|s| *i < s))),
    };
    match target {
        Some(i) => {
            m.side.list_mut(t).selected = Some(i);
            show_note(m);
        }
        None if refs.is_empty() => m.status.message = Some("no notes yet".to_owned()),
        None => {
            let dir = if forward { "below" } else { "above" };
            m.status.message = Some(format!("no more notes {dir}"));
        }
    }
}

/// Enter on the Notes tab: shows the selected note's passage.
pub fn show_note(m: &mut Model) {
    let t = Tab::Notes;
    let Some(r) = m
        .side
        .list(t)
        .selected
        .and_then(|i| m.rows.note_refs().get(i))
        .cloned()
    else {
        return;
    };
    match r.range {
        Some(range) => {
            jump::record(m);
            jump::reveal(m, range, true);
        }
        None => {
            let (v, re) = (
                m.keymap.label(Action::Select),
                m.keymap.label(Action::Reattach),
            );
            m.status.message = Some(format!(
                "detached: its passage is no longer in the text; select one ({v}) and press {re}"
            ));
        }
    }
    jump::keep_selection_visible(m);
}
