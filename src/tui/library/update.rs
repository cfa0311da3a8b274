//! The only place the library screens' state changes: keys (resolved by the keymap's
//! library table, or typed into the search prompt) and resizes, then the pages the view
//! now needs, asked of the [`Shelf`]. Opening an article, leaving and quitting are
//! [`Effect`]s for the session.

use crate::annotation::EntityLabel;
use crate::keys::{Key, KeyChord};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;

use super::model::{EntityState, LibraryView, Screen};
use super::shelf::{Shelf, ShelfResult, Toward};
use super::window::{PAGE, Want, Window};

/// Passages an entity page lists at most, of each kind.
pub const PASSAGES: usize = 200;
/// Hits a search lists at most.
const MAX_HITS: usize = 1_000;

/// What the session is to do after a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Open the article with this library id, at this byte of its text if given.
    Open {
        article: i64,
        at: Option<usize>,
    },
    /// Leave the library screens for the document that opened them.
    Close,
    Suspend,
    Quit,
}

/// Something for the library screens to take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyChord),
    Resize(u16, u16),
    Paste(String),
    /// Ask the library again (back from reading: the order by last read has changed).
    Refresh,
}

/// Takes `msg` in, then asks `shelf` for the rows the screen now shows.
pub fn update(v: &mut LibraryView, shelf: &dyn Shelf, msg: Msg) -> Effect {
    let effect = match msg {
        Msg::Key(chord) => {
            v.message = None;
            press(v, shelf, chord)
        }
        Msg::Resize(w, h) => {
            v.size = (w, h);
            Effect::None
        }
        Msg::Paste(text) => {
            if v.search.typing {
                v.search.query.push_str(&text.replace(['\n', '\r'], " "));
            }
            Effect::None
        }
        Msg::Refresh => {
            v.total = None;
            v.articles.reset();
            Effect::None
        }
    };
    fill(v, shelf);
    if let Some(said) = &v.message {
        v.log.push(said);
    }
    effect
}

/// Opens the entity page of the library entity `name` (of `label`) names, for the
/// reader's "elsewhere in your library"; `Err` says why there is none.
pub fn open_named(
    v: &mut LibraryView,
    shelf: &dyn Shelf,
    name: &str,
    label: EntityLabel,
) -> Result<(), String> {
    let found = shelf.entities_named(name, label)?;
    let entity = found
        .into_iter()
        .next()
        .ok_or_else(|| format!("{name} is in no other article of your library"))?;
    show_entity(v, shelf, entity)?;
    // Back from it is back to the reader.
    v.back.clear();
    Ok(())
}

fn press(v: &mut LibraryView, shelf: &dyn Shelf, chord: KeyChord) -> Effect {
    if v.search.typing {
        return prompt_key(v, chord);
    }
    let Some(action) = v.keymap.resolve(Mode::Library, &chord) else {
        return Effect::None;
    };
    if let Some(scroll) = v.help {
        return help_key(v, scroll, action);
    }
    act(v, shelf, action)
}

fn act(v: &mut LibraryView, shelf: &dyn Shelf, action: Action) -> Effect {
    let page = v.list_height() as isize;
    match action {
        Action::LineDown => move_by(v, 1),
        Action::LineUp => move_by(v, -1),
        Action::HalfPageDown => move_by(v, page / 2),
        Action::HalfPageUp => move_by(v, -page / 2),
        Action::PageDown => move_by(v, page),
        Action::PageUp => move_by(v, -page),
        Action::Top | Action::Bottom => jump(v, action == Action::Top),
        Action::Enter => return enter(v, shelf),
        Action::Search => {
            v.search.typing = true;
            v.search.query.clear();
        }
        Action::LibrarySort => {
            v.sort = v.sort.next();
            v.articles.reset();
            go(v, Screen::Articles);
            v.back.clear();
        }
        Action::LibraryEntities if v.screen != Screen::Entities => go(v, Screen::Entities),
        Action::Back => return back(v),
        Action::Help => v.help = Some(0),
        Action::Suspend => return Effect::Suspend,
        Action::Quit => return Effect::Quit,
        _ => {}
    }
    Effect::None
}

/// Shows `screen`, remembering the one shown for the way back.
fn go(v: &mut LibraryView, screen: Screen) {
    if v.screen != screen {
        v.back.push(v.screen);
        v.screen = screen;
    }
}

fn back(v: &mut LibraryView) -> Effect {
    match v.back.pop() {
        Some(screen) => {
            v.screen = screen;
            Effect::None
        }
        None if v.screen == Screen::Articles => Effect::None,
        None => Effect::Close,
    }
}

fn move_by(v: &mut LibraryView, delta: isize) {
    match v.screen {
        Screen::Articles => v.articles.move_by(delta),
        Screen::Search => v.search.hits.move_by(delta),
        Screen::Entities => v.entities.move_by(delta),
        Screen::Entity => {
            if let Some(e) = v.entity.as_mut() {
                let last = e.len().saturating_sub(1);
                e.cursor = e.cursor.saturating_add_signed(delta).min(last);
            }
        }
    }
}

fn jump(v: &mut LibraryView, top: bool) {
    match v.screen {
        Screen::Articles => v.articles.jump(top),
        // Lists paged by offset do not know their end: Bottom goes to the last row held.
        Screen::Search if !top => v.search.hits.move_by(isize::MAX),
        Screen::Entities if !top => v.entities.move_by(isize::MAX),
        Screen::Search => v.search.hits.jump(true),
        Screen::Entities => v.entities.jump(true),
        Screen::Entity => {
            if let Some(e) = v.entity.as_mut() {
                e.cursor = if top { 0 } else { e.len().saturating_sub(1) };
            }
        }
    }
}

fn enter(v: &mut LibraryView, shelf: &dyn Shelf) -> Effect {
    let open = |article| Effect::Open { article, at: None };
    match v.screen {
        Screen::Articles => v.articles.selected().map_or(Effect::None, |r| open(r.id)),
        Screen::Search => v
            .search
            .hits
            .selected()
            .map_or(Effect::None, |h| open(h.id)),
        Screen::Entities => {
            if let Some(entity) = v.entities.selected().cloned()
                && let Err(e) = show_entity(v, shelf, entity)
            {
                v.message = Some(e);
            }
            Effect::None
        }
        Screen::Entity => match v.entity.as_ref().and_then(|e| e.selected()) {
            Some(p) => Effect::Open {
                article: p.article,
                at: Some(p.at),
            },
            None => Effect::None,
        },
    }
}

fn show_entity(
    v: &mut LibraryView,
    shelf: &dyn Shelf,
    entity: super::shelf::EntityRow,
) -> ShelfResult<()> {
    let page = shelf.entity_page(entity.id, PASSAGES)?;
    v.entity = Some(EntityState {
        entity,
        page,
        cursor: 0,
        top: 0,
    });
    go(v, Screen::Entity);
    Ok(())
}

/// The search prompt's keys: text, Backspace, Enter searches, Esc closes it.
fn prompt_key(v: &mut LibraryView, chord: KeyChord) -> Effect {
    if chord == crate::keys::ALWAYS_QUITS {
        return Effect::Quit;
    }
    match chord.key {
        Key::Esc => v.search.typing = false,
        Key::Enter => {
            v.search.typing = false;
            if v.search.query.trim().is_empty() {
                return Effect::None;
            }
            v.search.hits.reset();
            go(v, Screen::Search);
        }
        Key::Backspace => {
            v.search.query.pop();
        }
        Key::Space => v.search.query.push(' '),
        Key::Char(c) if !chord.ctrl && !chord.alt => v.search.query.push(c),
        _ => {}
    }
    Effect::None
}

fn help_key(v: &mut LibraryView, scroll: usize, action: Action) -> Effect {
    v.help = match action {
        Action::Quit | Action::Back | Action::Help => None,
        Action::LineDown | Action::PageDown | Action::HalfPageDown => Some(scroll + 1),
        Action::LineUp | Action::PageUp | Action::HalfPageUp => Some(scroll.saturating_sub(1)),
        Action::Top => Some(0),
        _ => Some(scroll),
    };
    match action {
        Action::Suspend => Effect::Suspend,
        _ => Effect::None,
    }
}

/// Asks the library for the rows the shown screen is missing, then keeps the cursor on
/// screen. A failure is said in the status line and leaves the rows as they were.
fn fill(v: &mut LibraryView, shelf: &dyn Shelf) {
    if let Err(e) = try_fill(v, shelf) {
        v.message = Some(format!("library: {e}"));
    }
    let (rows, hits) = (v.list_height(), (v.list_height() / 2).max(1));
    v.articles.show(rows);
    v.search.hits.show(hits);
    v.entities.show(rows);
    let height = v.passage_height();
    if let Some(e) = v.entity.as_mut() {
        if e.cursor < e.top {
            e.top = e.cursor;
        } else if e.cursor >= e.top + height {
            e.top = e.cursor + 1 - height;
        }
    }
}

fn try_fill(v: &mut LibraryView, shelf: &dyn Shelf) -> ShelfResult<()> {
    if v.total.is_none() {
        v.total = Some(shelf.count()?);
    }
    // Two rounds: a jump to an end loads it, then the rows the cursor is near.
    for _ in 0..2 {
        match v.screen {
            Screen::Articles => {
                let Some(want) = v.articles.wanted() else {
                    break;
                };
                let from = want.from.and_then(|i| v.articles.rows().get(i));
                let from = from.map(|r| &r.key);
                let page = shelf.articles(v.sort, from, want.toward, PAGE)?;
                v.articles.take(want, page, PAGE, v.total);
            }
            Screen::Search => {
                let query = v.search.query.clone();
                let hits = &mut v.search.hits;
                let Some(want) = hits.wanted() else { break };
                let Some((offset, limit)) = offset_of(hits, want, MAX_HITS) else {
                    break;
                };
                let page = shelf.search(&query, offset, limit)?;
                if !hits.is_loaded() && page.is_empty() {
                    v.message = Some(format!("no article matches “{query}”"));
                }
                v.search.hits.take(want, page, limit, None);
            }
            Screen::Entities => {
                // The index is only walked down: its window keeps every row passed.
                let Some(want) = v.entities.wanted() else {
                    break;
                };
                let after = want
                    .from
                    .and_then(|i| v.entities.rows().get(i)?.key.as_ref());
                if want.toward == Toward::Before || (want.from.is_some() && after.is_none()) {
                    break;
                }
                let page = shelf.entities(after, PAGE)?;
                v.entities.take(want, page, PAGE, None);
            }
            Screen::Entity => break,
        }
    }
    Ok(())
}

/// Where the page `want` starts in a list paged by offset (search hits, the entity index)
/// and how many rows it has, or `None` when it is past `cap` or before the list.
fn offset_of<T>(w: &Window<T>, want: Want, cap: usize) -> Option<(usize, usize)> {
    let (offset, limit) = match (want.toward, want.from) {
        (Toward::After, None) => (0, PAGE),
        (Toward::After, Some(_)) => (first_index(w)? + w.rows().len(), PAGE),
        // The end of a list paged by offset is not known (`jump` never asks for it).
        (Toward::Before, None) => return None,
        (Toward::Before, Some(_)) => {
            let first = first_index(w)?;
            let offset = first.saturating_sub(PAGE);
            (offset, first - offset)
        }
    };
    (offset < cap && limit > 0).then_some((offset, limit.min(cap - offset)))
}

/// The list index of the window's first row.
fn first_index<T>(w: &Window<T>) -> Option<usize> {
    Some(w.place()? - 1 - w.cursor())
}
