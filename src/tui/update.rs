//! The only place the reader's state changes: `update(&mut Model, Msg) -> Effect`.
//!
//! A message is a key, a mouse event, a resize or the detectors' results. Keys are
//! resolved to actions by the keymap (or are typed into the search prompt); everything
//! here is pure, so tests feed key strings and assert on the model.

mod editor;
mod jump;
mod mouse;
mod notes;
mod overlay;
mod prompt;
mod scrolling;

use overlay::log_message;
pub use prompt::MAX_QUERY_CHARS;
pub use scrolling::only_scrolls;

use crate::annotation::AnnotationSet;
use crate::keys::KeyChord;
use crate::nav::Scroll;

use super::action::Action;
use super::keymap::Mode;
use super::model::{Focus, Model, NARROW, Overlay, Prompt};
use super::rows::Tab;

/// Something that happened, for the model to take in.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyChord),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Text pasted into the terminal (bracketed paste): typed into the search prompt or
    /// the note editor as one piece, ignored elsewhere.
    Paste(String),
    /// The detectors' results.
    Annotations(AnnotationSet),
    /// Provisional annotations (the part on screen) while detection goes on.
    PartialAnnotations(AnnotationSet),
    /// Background detection's progress, in percent.
    DetectionProgress(u8),
    /// The text `$EDITOR` gave back, or why it could not run.
    EditorText(Result<String, String>),
    /// How the last save of the notes went: what to say, or the error.
    Saved(Result<String, String>),
    /// Quitting with unsaved notes after a failed save: the notes were written to this
    /// recovery file (or could not be: the error).
    Unsaved(Result<String, String>),
    /// A signal ends gloss: what is pending (a note being written) joins the notes, which
    /// the loop then saves.
    Terminating,
    /// A SIGTSTP from outside: suspend as the `suspend` action does.
    Suspend,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Save the notes (after every change; a failed save is retried with the next one).
    Save,
    /// Save the notes, then quit if that worked (otherwise see [`Msg::Unsaved`]).
    SaveThenQuit,
    /// Hand the editor's text to `$EDITOR` and send back [`Msg::EditorText`].
    ExternalEditor,
    /// Give the terminal back and stop the process until it is continued (Ctrl-z).
    Suspend,
}

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

pub fn update(m: &mut Model, msg: Msg) -> Effect {
    let effect = take(m, msg);
    log_message(m);
    effect
}

fn take(m: &mut Model, msg: Msg) -> Effect {
    match msg {
        Msg::Key(chord) => return key(m, chord),
        Msg::Resize(w, h) => {
            m.size = (w, h);
            m.relayout();
            jump::keep_selection_visible(m);
        }
        // The editor popup is modal: the mouse does not reach the panes behind it.
        Msg::Click { .. } | Msg::Wheel { .. } if m.notes.editor.is_some() => {}
        Msg::Click { column, row } => mouse::click(m, column, row),
        Msg::Wheel { column, row, down } => mouse::wheel(m, column, row, down),
        Msg::Paste(text) => paste(m, &text),
        Msg::Annotations(set) => m.set_annotations(set),
        Msg::PartialAnnotations(set) => m.set_partial_annotations(set),
        Msg::DetectionProgress(percent) => m.detection_progress = Some(percent),
        Msg::EditorText(text) => editor::editor_text(m, text),
        Msg::Terminating => editor::keep_for_exit(m),
        Msg::Suspend => return Effect::Suspend,
        Msg::Saved(result) => {
            m.notes.quit_armed = false;
            match result {
                Ok(what) => {
                    m.notes.save_failed = None;
                    // What the change said (which note, how to undo it) stays first.
                    m.message = Some(match m.message.take() {
                        Some(said) if !said.is_empty() => format!("{said} · {what}"),
                        _ => what,
                    });
                }
                Err(e) => {
                    m.message = Some(format!("notes not saved: {e} (kept, will retry)"));
                    m.notes.save_failed = Some(e);
                }
            }
        }
        Msg::Unsaved(recovery) => {
            let q = m.keymap.label(Action::Quit);
            m.notes.quit_armed = true;
            m.message = Some(match recovery {
                Ok(file) => format!("notes not saved, a copy is in {file}; {q} again quits"),
                Err(e) => format!(
                    "notes not saved and no copy could be written ({e}); {q} again quits and loses them"
                ),
            });
        }
    }
    Effect::None
}

/// A paste: into the note editor as it is, into the search prompt as one edit (one search).
fn paste(m: &mut Model, text: &str) {
    m.message = None;
    if let Some(ed) = m.notes.editor.as_mut() {
        ed.confirm_cancel = false;
        ed.area.insert_str(text);
    } else if m.prompt.is_some() {
        prompt::type_text(m, text);
    }
}

/// The keyboard's current meaning.
pub fn mode(m: &Model) -> Mode {
    if m.notes.editor.is_some() {
        Mode::Editor
    } else if m.prompt.is_some() {
        Mode::Prompt
    } else if m.help.is_some() {
        Mode::Help
    } else if m.notes.selection.is_some() {
        Mode::Select
    } else {
        Mode::Normal
    }
}

/// A key press: typed into the prompt when it is open, otherwise resolved to an action.
pub fn key(m: &mut Model, chord: KeyChord) -> Effect {
    let effect = press(m, chord);
    log_message(m);
    effect
}

fn press(m: &mut Model, chord: KeyChord) -> Effect {
    m.message = None;
    if m.notes.editor.is_some() {
        return editor::editor_key(m, chord);
    }
    if m.prompt.is_some() {
        prompt::prompt_key(m, chord);
        return Effect::None;
    }
    match m.keymap.resolve(mode(m), &chord) {
        Some(action) => act(m, action),
        None => Effect::None,
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
pub fn act(m: &mut Model, action: Action) -> Effect {
    if action == Action::Suspend {
        return Effect::Suspend;
    }
    if let Some(scroll) = m.help {
        return overlay::act(m, scroll, action);
    }
    match action {
        Action::Quit if m.notes.dirty() && !m.notes.quit_armed => return Effect::SaveThenQuit,
        Action::Quit => return Effect::Quit,
        Action::Suspend => return Effect::Suspend,
        Action::LineDown => move_by(m, Scroll::Lines(1)),
        Action::LineUp => move_by(m, Scroll::Lines(-1)),
        Action::HalfPageDown => move_by(m, Scroll::HalfPages(1)),
        Action::HalfPageUp => move_by(m, Scroll::HalfPages(-1)),
        Action::PageDown => move_by(m, Scroll::Pages(1)),
        Action::PageUp => move_by(m, Scroll::Pages(-1)),
        Action::Top => ends(m, false),
        Action::Bottom => ends(m, true),
        Action::NextAnnotation => jump::next_annotation(m, true),
        Action::PrevAnnotation => jump::next_annotation(m, false),
        Action::NextItem if m.tab == Tab::Notes => notes::next_note(m, true),
        Action::PrevItem if m.tab == Tab::Notes => notes::next_note(m, false),
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
        Action::JumpBack => jump::jump_back(m),
        Action::Search => {
            m.prompt = Some(Prompt {
                input: String::new(),
                origin: m.position(),
            });
        }
        Action::NextMatch => jump::next_match(m, true),
        Action::PrevMatch => jump::next_match(m, false),
        Action::ToggleSidePane => toggle_side(m),
        Action::Help => overlay::open(m, Overlay::Keys),
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

/// Scrolls the article, or moves the side pane's selection when it has focus.
fn move_by(m: &mut Model, how: Scroll) {
    if m.focus == Focus::Side && m.side_shown() {
        let len = m.rows.len(m.tab);
        if len == 0 {
            return;
        }
        // Items are about two lines high: a page of lines is half as many items.
        let list = m.side_list_height();
        let (n, down) = match how {
            Scroll::Lines(n) => (n.unsigned_abs(), n > 0),
            Scroll::HalfPages(n) => ((list / 4).max(1), n > 0),
            Scroll::Pages(n) => ((list / 2).max(1), n > 0),
            Scroll::Top | Scroll::Bottom => (len, how == Scroll::Bottom),
        };
        let next = match (m.selected[m.tab.index()], down) {
            (None, _) => 0,
            (Some(s), true) => s.saturating_add(n).min(len - 1),
            (Some(s), false) => s.saturating_sub(n),
        };
        m.selected[m.tab.index()] = Some(next);
        jump::keep_selection_visible(m);
        return;
    }
    m.scroll(how);
}

fn ends(m: &mut Model, bottom: bool) {
    let how = if bottom { Scroll::Bottom } else { Scroll::Top };
    if !(m.focus == Focus::Side && m.side_shown()) {
        jump::record(m);
    }
    move_by(m, how);
}

fn set_tab(m: &mut Model, tab: Tab) {
    m.tab = tab;
    if m.focus == Focus::Side {
        focus_side(m);
    }
    jump::keep_selection_visible(m);
}

/// Article: go to the side pane (on the tab it shows; a hidden pane opens on the tab of the
/// current annotation; on the Notes tab, with the note under the cursor selected). Side
/// pane: show the selected item's passage, or its next mention if it is showing already.
pub(super) fn enter(m: &mut Model) {
    if m.focus == Focus::Side && m.side_shown() {
        match m.tab {
            Tab::Notes => notes::show_note(m),
            _ => jump::choose_item(m),
        }
        if m.size.0 < NARROW {
            // The side pane covers the article here: get out of the way of the passage.
            m.side_narrow = false;
            m.focus = Focus::Article;
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
        m.tab = tab;
    }
    if m.tab == Tab::Notes {
        notes::select_under_cursor(m);
    }
    show_side(m);
    focus_side(m);
}

/// Gives the side pane the keyboard, with a row selected so Enter has something to show.
pub(super) fn focus_side(m: &mut Model) {
    m.focus = Focus::Side;
    let t = m.tab.index();
    if m.selected[t].is_none() && !m.rows.is_empty(m.tab) {
        m.selected[t] = Some(0);
    }
    jump::keep_selection_visible(m);
}

fn back(m: &mut Model) {
    if m.focus == Focus::Side {
        m.focus = Focus::Article;
        if m.size.0 < NARROW && m.side_narrow {
            m.side_narrow = false;
            m.relayout();
        }
        return;
    }
    m.search = Default::default();
}

pub(super) fn show_side(m: &mut Model) {
    if m.size.0 < NARROW {
        m.side_narrow = true;
    } else {
        m.side_wide = true;
    }
    m.relayout();
}

fn toggle_side(m: &mut Model) {
    if m.side_shown() {
        if m.size.0 < NARROW {
            m.side_narrow = false;
        } else {
            m.side_wide = false;
        }
        m.focus = Focus::Article;
        m.relayout();
    } else {
        show_side(m);
        if m.size.0 < NARROW {
            focus_side(m);
        }
    }
    jump::keep_selection_visible(m);
}
