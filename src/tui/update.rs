//! The only place the reader's state changes: `update(&mut Model, Msg) -> Effect`.
//!
//! A message (`msg.rs`) is a key, the mouse, a resize, a signal, or what background work
//! and effects report. Keys are resolved to actions by the keymap (or are typed into the
//! search prompt); everything here is pure, so tests feed key strings and assert on the
//! model. `update` says what changed: only the article's position, or more.

pub(super) mod correct;
mod editor;
mod jump;
pub(super) mod links;
mod mouse;
mod msg;
mod notes;
mod overlay;
mod prompt;

pub use msg::{Effect, Msg, Outcome, Redraw};
use overlay::log_message;
pub use prompt::MAX_QUERY_CHARS;

use crate::keys::KeyChord;
use crate::nav::Scroll;

use super::action::Action;
use super::keymap::Mode;
use super::model::{Focus, Model, NARROW, Overlay, Prompt};
use super::rows::Tab;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// Takes `msg` in: the only code that changes the model. Says which effect to run and
/// what changed on screen.
pub fn update(m: &mut Model, msg: Msg) -> Outcome {
    let outcome = take(m, msg);
    log_message(m);
    m.refresh_marks();
    outcome
}

fn take(m: &mut Model, msg: Msg) -> Outcome {
    let effect = match msg {
        Msg::Key(chord) => return press(m, chord),
        // The editor popup is modal: the mouse does not reach the panes behind it.
        Msg::Click { .. } | Msg::Wheel { .. }
            if m.notes.editor.is_some() || m.corrections.popup.is_some() =>
        {
            Effect::None
        }
        Msg::Wheel { column, row, down } => {
            let normal = mode(m) == Mode::Normal;
            let redraw = mouse::wheel(m, column, row, down);
            return match normal {
                true => Outcome {
                    effect: Effect::None,
                    redraw,
                },
                false => Outcome::full(Effect::None),
            };
        }
        Msg::Terminating(number) => {
            editor::keep_for_exit(m);
            Effect::Exit(number)
        }
        Msg::Suspend => Effect::Suspend,
        other => {
            no_effect(m, other);
            Effect::None
        }
    };
    Outcome::full(effect)
}

/// The messages that ask for no effect.
fn no_effect(m: &mut Model, msg: Msg) {
    match msg {
        Msg::Resize(w, h) => {
            m.view.size = (w, h);
            m.relayout();
            // A taller pane at the same width is not laid out again: the top line still
            // has to let the text's last line rest at the bottom.
            m.clamp_top();
            jump::keep_selection_visible(m);
        }
        Msg::Click { column, row } => mouse::click(m, column, row),
        Msg::Paste(text) => paste(m, &text),
        Msg::ArticleLoaded(article) => m.replace_article(*article),
        Msg::LayoutReady(layout) => m.install_layout(*layout),
        Msg::NotesOpened(notes) => {
            m.notes = *notes;
            if let Some(opened) = m.notes.corrections.take() {
                m.corrections.book = opened.book;
                m.corrections.problem = opened.problem;
                correct::recorrect(m);
            }
            m.refresh_notes();
        }
        Msg::CorrectionsSaved(said) => {
            m.status.message = Some(match (m.status.message.take(), said) {
                (Some(before), Ok(said)) if !before.is_empty() => format!("{before} · {said}"),
                (_, Ok(said)) => said,
                (_, Err(e)) => format!("corrections not saved: {e} (kept, will retry)"),
            });
        }
        Msg::Annotations(set) => m.set_annotations(set),
        Msg::PartialAnnotations(set) => m.set_partial_annotations(set),
        Msg::DetectionProgress(percent) => m.detection.progress = Some(percent),
        Msg::EditorText(text) => editor::editor_text(m, text),
        Msg::Saved(result) => {
            m.notes.quit_armed = false;
            match result {
                Ok(what) => {
                    // A save may have merged notes from another gloss.
                    m.refresh_notes();
                    m.notes.save_failed = None;
                    // What the change said (which note, how to undo it) stays first.
                    m.status.message = Some(match m.status.message.take() {
                        Some(said) if !said.is_empty() => format!("{said} · {what}"),
                        _ => what,
                    });
                }
                Err(e) => {
                    m.status.message = Some(format!("notes not saved: {e} (kept, will retry)"));
                    m.notes.save_failed = Some(e);
                }
            }
        }
        Msg::Unsaved(recovery) => {
            let q = m.keymap.label(Action::Quit);
            m.notes.quit_armed = true;
            m.status.message = Some(match recovery {
                Ok(file) => format!("notes not saved, a copy is in {file}; {q} again quits"),
                Err(e) => format!(
                    "notes not saved and no copy could be written ({e}); {q} again quits and loses them"
                ),
            });
        }
        Msg::Opened(result) => {
            m.status.fetching = None;
            if let Err(e) = result {
                m.status.message = Some(e);
            }
        }
        Msg::Returned(notice) => m.status.message = notice,
        Msg::OpenedOutside(Ok(said) | Err(said)) => m.status.message = Some(said),
        // Taken in by `take`.
        Msg::Key(_) | Msg::Wheel { .. } | Msg::Terminating(_) | Msg::Suspend => {}
    }
}

/// A paste: into the note editor as it is, into the search prompt as one edit (one search).
fn paste(m: &mut Model, text: &str) {
    m.status.message = None;
    if let Some(ed) = m.notes.editor.as_mut() {
        ed.confirm_cancel = false;
        ed.area.insert_str(text);
    } else if m.search.prompt.is_some() {
        prompt::type_text(m, text);
    }
}

/// The keyboard's current meaning.
pub fn mode(m: &Model) -> Mode {
    if m.notes.editor.is_some() {
        Mode::Editor
    } else if m.search.prompt.is_some() {
        Mode::Prompt
    } else if m.overlay.scroll.is_some() {
        Mode::Help
    } else if m.notes.selection.is_some() {
        Mode::Select
    } else {
        Mode::Normal
    }
}

/// A key press: typed into the prompt when it is open, otherwise resolved to an action.
pub fn key(m: &mut Model, chord: KeyChord) -> Effect {
    update(m, Msg::Key(chord)).effect
}

fn press(m: &mut Model, chord: KeyChord) -> Outcome {
    m.status.message = None;
    if m.notes.editor.is_some() {
        return Outcome::full(editor::editor_key(m, chord));
    }
    if m.search.prompt.is_some() {
        prompt::prompt_key(m, chord);
        return Outcome::full(Effect::None);
    }
    if m.corrections.popup.is_some() {
        return Outcome::full(correct::popup_key(m, chord));
    }
    let normal = mode(m) == Mode::Normal;
    match m.keymap.resolve(mode(m), &chord) {
        // Overlays, the prompt and a selection are drawn over or beside the text: only in
        // the normal mode can a scroll be the terminal's.
        Some(action) if normal => act(m, action),
        Some(action) => Outcome::full(act(m, action).effect),
        None => Outcome::full(Effect::None),
    }
}

/// Feeds a whitespace-separated key string ("Tab Tab ] Enter") to the model; in the
/// prompt, one-character tokens are typed. For tests and scripted tours.
pub fn keys(m: &mut Model, script: &str) -> Effect {
    for token in script.split_whitespace() {
        let chord = match token.parse::<KeyChord>() {
            Ok(chord) => chord,
            Err(_) => continue,
        };
        if key(m, chord) == Effect::Quit {
            return Effect::Quit;
        }
    }
    Effect::None
}

/// Carries out `action` in the current mode.
pub fn act(m: &mut Model, action: Action) -> Outcome {
    let how = match action {
        Action::LineDown => Scroll::Lines(1),
        Action::LineUp => Scroll::Lines(-1),
        Action::HalfPageDown => Scroll::HalfPages(1),
        Action::HalfPageUp => Scroll::HalfPages(-1),
        Action::PageDown => Scroll::Pages(1),
        Action::PageUp => Scroll::Pages(-1),
        _ => return Outcome::full(command(m, action)),
    };
    if let Some(scroll) = m.overlay.scroll {
        return Outcome::full(overlay::act(m, scroll, action));
    }
    Outcome {
        effect: Effect::None,
        redraw: move_by(m, how),
    }
}

/// Carries out an `action` other than scrolling by lines or pages.
fn command(m: &mut Model, action: Action) -> Effect {
    if action == Action::Suspend {
        return Effect::Suspend;
    }
    if let Some(scroll) = m.overlay.scroll {
        return overlay::act(m, scroll, action);
    }
    match action {
        Action::Quit if (m.notes.dirty() || m.corrections.dirty()) && !m.notes.quit_armed => {
            return Effect::SaveThenQuit;
        }
        Action::Quit => return Effect::Quit,
        Action::Suspend => return Effect::Suspend,
        Action::LineDown
        | Action::LineUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::PageDown
        | Action::PageUp => {} // Moved by `act`.
        Action::Top => ends(m, false),
        Action::Bottom => ends(m, true),
        Action::NextAnnotation => jump::next_annotation(m, true),
        Action::PrevAnnotation => jump::next_annotation(m, false),
        Action::NextItem if m.side.tab == Tab::Notes => notes::next_note(m, true),
        Action::PrevItem if m.side.tab == Tab::Notes => notes::next_note(m, false),
        Action::NextItem => jump::next_item(m, true),
        Action::PrevItem => jump::next_item(m, false),
        Action::NextMention => jump::next_mention(m, true),
        Action::PrevMention => jump::next_mention(m, false),
        Action::TabEntities => set_tab(m, Tab::Entities),
        Action::TabDates => set_tab(m, Tab::Dates),
        Action::TabQuotes => set_tab(m, Tab::Quotes),
        Action::TabNotes => set_tab(m, Tab::Notes),
        Action::Enter => enter(m),
        Action::Back if m.notes.selection.is_some() => m.notes.selection = None,
        Action::Back => back(m),
        Action::JumpBack => return jump::jump_back(m),
        Action::Search => {
            m.search.prompt = Some(Prompt {
                input: String::new(),
                origin: m.position(),
            });
        }
        Action::NextMatch => jump::next_match(m, true),
        Action::PrevMatch => jump::next_match(m, false),
        Action::ToggleSidePane => toggle_side(m),
        Action::Elsewhere => return elsewhere(m),
        // The library screens' own actions: their keys mean other things here.
        Action::LibrarySort | Action::LibraryEntities => {}
        Action::Links => links::open_list(m),
        Action::OpenExternal | Action::ShowLink => links::outside_the_list(m, action),
        Action::Help => overlay::open(m, Overlay::Keys),
        Action::Correct => correct::open(m),
        Action::UndoCorrection => return correct::undo(m),
        Action::CorrectionsList => overlay::open(m, Overlay::Corrections),
        Action::Messages => overlay::open(m, Overlay::Messages),
        Action::AddNote
        | Action::Select
        | Action::Highlight
        | Action::EditNote
        | Action::DeleteNote
        | Action::Undo
        | Action::TagFilter
        | Action::Reattach
        | Action::SelectWordForward
        | Action::SelectWordBack
        | Action::SelectSentenceForward
        | Action::SelectSentenceBack
        | Action::SelectLineDown
        | Action::SelectLineUp => return notes::act(m, action),
    }
    Effect::None
}

/// The entity the side pane's selected Entities row names (the side pane focused), else
/// the current annotation's: the library is to show it across articles.
fn elsewhere(m: &mut Model) -> Effect {
    let selected = (m.side.focus == Focus::Side && m.side_shown() && m.side.tab == Tab::Entities)
        .then(|| m.side.current().selected)
        .flatten()
        .and_then(|i| m.rows.anchors(Tab::Entities, i).first());
    let anno = selected.or(m.current);
    match anno.and_then(|i| m.annotations.get(i)?.group()) {
        Some(group) => Effect::Elsewhere(group),
        None => {
            let key = m.keymap.label(Action::Elsewhere);
            m.status.message = Some(format!(
                "{key} shows a person, organisation or place across your library: choose one first"
            ));
            Effect::None
        }
    }
}

/// Scrolls the article, or moves the side pane's selection when it has focus: which of
/// the two it did.
fn move_by(m: &mut Model, how: Scroll) -> Redraw {
    if m.side.focus == Focus::Side && m.side_shown() {
        let len = m.rows.len(m.side.tab);
        if len == 0 {
            return Redraw::Full;
        }
        // Items are about two lines high: a page of lines is half as many items.
        let list = m.side_list_height();
        let (n, down) = match how {
            Scroll::Lines(n) => (n.unsigned_abs(), n > 0),
            Scroll::HalfPages(n) => ((list / 4).max(1), n > 0),
            Scroll::Pages(n) => ((list / 2).max(1), n > 0),
            Scroll::Top | Scroll::Bottom => (len, how == Scroll::Bottom),
        };
        let next = match (m.side.current().selected, down) {
            (None, _) => 0,
            (Some(s), true) => s.saturating_add(n).min(len - 1),
            (Some(s), false) => s.saturating_sub(n),
        };
        m.side.current_mut().selected = Some(next);
        jump::keep_selection_visible(m);
        return Redraw::Full;
    }
    m.scroll(how);
    Redraw::Scrolled
}

fn ends(m: &mut Model, bottom: bool) {
    let how = if bottom { Scroll::Bottom } else { Scroll::Top };
    if !(m.side.focus == Focus::Side && m.side_shown()) {
        jump::record(m);
    }
    move_by(m, how);
}

fn set_tab(m: &mut Model, tab: Tab) {
    m.side.tab = tab;
    if m.side.focus == Focus::Side {
        focus_side(m);
    }
    jump::keep_selection_visible(m);
}

/// Article: go to the side pane (on the tab it shows; a hidden pane opens on the tab of the
/// current annotation; on the Notes tab, with the note under the cursor selected). Side
/// pane: show the selected item's passage, or its next mention if it is showing already.
pub(super) fn enter(m: &mut Model) {
    if m.side.focus == Focus::Side && m.side_shown() {
        match m.side.tab {
            Tab::Notes => notes::show_note(m),
            _ => jump::choose_item(m),
        }
        if m.view.size.0 < NARROW {
            // The side pane covers the article here: get out of the way of the passage.
            m.side.narrow = false;
            m.side.focus = Focus::Article;
            m.relayout();
        }
        return;
    }
    // A side pane in view keeps the tab the reader chose.
    if !m.side_shown()
        && let Some(tab) = m
            .current
            .and_then(|c| m.annotations.get(c))
            .map(|a| jump::tab_of(a.kind()))
    {
        m.side.tab = tab;
    }
    if m.side.tab == Tab::Notes {
        notes::select_under_cursor(m);
    }
    show_side(m);
    focus_side(m);
}

/// Gives the side pane the keyboard, with a row selected so Enter has something to show.
pub(super) fn focus_side(m: &mut Model) {
    m.side.focus = Focus::Side;
    let t = m.side.tab;
    if m.side.list(t).selected.is_none() && !m.rows.is_empty(m.side.tab) {
        m.side.list_mut(t).selected = Some(0);
    }
    jump::keep_selection_visible(m);
}

fn back(m: &mut Model) {
    if m.side.focus == Focus::Side {
        m.side.focus = Focus::Article;
        if m.view.size.0 < NARROW && m.side.narrow {
            m.side.narrow = false;
            m.relayout();
        }
        return;
    }
    m.search = Default::default();
}

pub(super) fn show_side(m: &mut Model) {
    if m.view.size.0 < NARROW {
        m.side.narrow = true;
    } else {
        m.side.wide = true;
    }
    m.relayout();
}

fn toggle_side(m: &mut Model) {
    if m.side_shown() {
        if m.view.size.0 < NARROW {
            m.side.narrow = false;
        } else {
            m.side.wide = false;
        }
        m.side.focus = Focus::Article;
        m.relayout();
    } else {
        show_side(m);
        if m.view.size.0 < NARROW {
            focus_side(m);
        }
    }
    jump::keep_selection_visible(m);
}
