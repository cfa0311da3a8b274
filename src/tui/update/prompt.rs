//! The search prompt's text entry: characters typed or pasted, Backspace, Ctrl-u (clear),
//! Enter and Esc, and the live search after each change. A query is at most
//! [`MAX_QUERY_CHARS`] long, and a query that extends one that matched nothing is not
//! searched for again: a paste of ten thousand characters costs a few hundred searches
//! of short queries, not ten thousand of ever longer ones.

use crate::keys::{Key, KeyChord};
use crate::nav;

use super::super::model::Model;
use super::jump;

/// The longest search query, in characters. Longer than any phrase one looks for, short
/// enough that searching again after every character stays instant on a book.
pub const MAX_QUERY_CHARS: usize = 256;

/// A key typed while the search prompt is open.
pub fn prompt_key(m: &mut Model, chord: KeyChord) {
    let Some(prompt) = m.search.prompt.as_mut() else {
        return;
    };
    match (chord.key, chord.ctrl || chord.alt) {
        (Key::Esc, _) | (Key::Char('c'), true) => {
            let origin = prompt.origin.clone();
            m.search.prompt = None;
            m.search = Default::default();
            jump::restore(m, &origin);
            return;
        }
        (Key::Enter, _) => {
            let origin = prompt.origin.clone();
            m.search.prompt = None;
            if m.search.found.is_empty() {
                if !m.search.found.query().is_empty() {
                    m.status.message = Some(format!("no match for “{}”", m.search.found.query()));
                }
                jump::restore(m, &origin);
            } else {
                jump::push(m, origin);
            }
            return;
        }
        (Key::Backspace, _) => {
            prompt.input.pop();
        }
        (Key::Char('u'), true) => prompt.input.clear(),
        (Key::Char(c), false) => return type_text(m, c.encode_utf8(&mut [0; 4])),
        (Key::Space, false) => return type_text(m, " "),
        _ => return,
    }
    let (query, origin) = (prompt.input.clone(), prompt.origin.clone());
    jump::search_from(m, &query, &origin);
}

/// Appends `text` (a typed character or a paste) to the query, up to
/// [`MAX_QUERY_CHARS`], and searches again when that can change the matches.
pub fn type_text(m: &mut Model, text: &str) {
    let Some(prompt) = m.search.prompt.as_mut() else {
        return;
    };
    let room = MAX_QUERY_CHARS.saturating_sub(prompt.input.chars().count());
    let mut kept = text.chars().filter(|c| !c.is_control()).peekable();
    if kept.peek().is_none() {
        return;
    }
    let before = prompt.input.len();
    prompt.input.extend(kept.by_ref().take(room));
    if kept.next().is_some() {
        m.status.message = Some(format!(
            "a search is at most {MAX_QUERY_CHARS} characters: the rest was left out"
        ));
    }
    if prompt.input.len() == before {
        return;
    }
    // Every match of a longer query starts with a match of this one (smart case only
    // narrows as letters are added): after no match, nothing to look for.
    let found = &m.search.found;
    if before > 0 && found.is_empty() && found.query() == &prompt.input[..before] {
        m.search.found = nav::Search::nothing(&prompt.input);
        return;
    }
    let (query, origin) = (prompt.input.clone(), prompt.origin.clone());
    jump::search_from(m, &query, &origin);
}
