//! Which note `e` and `d` act on: the selected row when the Notes tab has the keyboard;
//! from the article, the note under the reader's cursor (the selection, else the current
//! annotation when it is on screen), and only when there is no cursor the first note in
//! view. With several notes under the cursor the best fitting one is taken (the one on
//! exactly that passage, else the smallest holding it) and the reader is told which.

use std::ops::Range;

use super::super::super::model::{Focus, Model};
use super::super::super::rows::Tab;

/// The note an action applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InFocus {
    pub id: String,
    /// How many other notes were under the cursor (or in view): non-zero means the choice
    /// was ambiguous and the reader is told which note was taken.
    pub others: usize,
}

/// The note `e`/`d` act on, if any.
pub fn note_in_focus(m: &Model) -> Option<InFocus> {
    if m.side.focus == Focus::Side && m.side.tab == Tab::Notes {
        let i = m.side.list(Tab::Notes).selected?;
        let id = m.rows.note_refs().get(i)?.id.clone();
        return Some(InFocus { id, others: 0 });
    }
    let mut ids = under_cursor(m).into_iter();
    let id = ids.next()?;
    Some(InFocus {
        id,
        others: ids.count(),
    })
}

/// The current annotation's span, when it is on screen.
pub fn current_range(m: &Model) -> Option<Range<usize>> {
    let span = m.annotations.get(m.current?)?.span.clone();
    overlaps(&span, &visible(m)).then_some(span)
}

/// The placed notes under the reader's cursor in the article, best first; without a
/// cursor, the notes in view in text order.
pub fn under_cursor(m: &Model) -> Vec<String> {
    let Some(book) = m.notes.book.as_ref() else {
        return Vec::new();
    };
    let cursor = match &m.notes.selection {
        Some(sel) => Some(sel.range.clone()),
        None => current_range(m),
    };
    let Some(cursor) = cursor else {
        let view = visible(m);
        return book
            .placed()
            .filter(|(r, _)| overlaps(r, &view))
            .map(|(_, n)| n.id.clone())
            .collect();
    };
    let mut found: Vec<(Range<usize>, String)> = book
        .placed()
        .filter(|(r, _)| overlaps(r, &cursor))
        .map(|(r, n)| (r, n.id.clone()))
        .collect();
    found.sort_by_key(|(r, _)| {
        let holds = r.start <= cursor.start && cursor.end <= r.end;
        (*r != cursor, !holds, r.len(), r.start)
    });
    found.into_iter().map(|(_, id)| id).collect()
}

/// The visible bytes, at least one byte wide so that an empty view still has a place.
fn visible(m: &Model) -> Range<usize> {
    let vis = m.visible_bytes();
    vis.start..vis.end.max(vis.start + 1)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && a.end.max(a.start + 1) > b.start
}
