//! Movement between places in the article: annotation to annotation, side pane item to
//! item, mention to mention, match to match, and back along the jump list — each keeping
//! the two panes in step (the current annotation's rows selected in the side pane).

use std::ops::Range;

use crate::annotation::Kind;
use crate::nav::{self, Direction};

use super::super::model::{Model, Position};
use super::super::rows::Tab;
use super::Effect;

/// The side pane tab listing annotations of `kind`.
pub fn tab_of(kind: Kind) -> Tab {
    match kind {
        Kind::Entity => Tab::Entities,
        Kind::Date => Tab::Dates,
        Kind::Quote => Tab::Quotes,
    }
}

/// Remembers where the reader is before a jump, for `Ctrl-o`.
pub fn record(m: &mut Model) {
    let pos = m.position();
    push(m, pos);
}

pub fn push(m: &mut Model, pos: Position) {
    m.jumps.record(pos);
}

/// Goes back to `pos`: its scroll position and its current annotation.
pub fn restore(m: &mut Model, pos: &Position) {
    m.view.top = if pos.top_byte == 0 {
        0
    } else {
        m.view.layout.line_of_byte(pos.top_byte)
    };
    m.clamp_top();
    m.current = pos.current.filter(|&c| c < m.annotations.len());
    sync_selection(m);
}

/// Goes back along the jump list; once it is spent, back to the document this one was
/// opened from (as vim's Ctrl-o goes back to the previous file).
pub fn jump_back(m: &mut Model) -> Effect {
    match m.jumps.back(m.position()) {
        Some(pos) => restore(m, &pos),
        None if m.previous.is_some() => return Effect::Back,
        None => m.status.message = Some("no earlier jump to go back to".to_string()),
    }
    Effect::None
}

/// Brings `range` into view. A step (Tab, a click) moves as little as possible, keeping
/// two lines of context; a jump (side pane, mentions, search) to a passage off screen
/// centres it, where the eye looks for it.
pub fn reveal(m: &mut Model, range: Range<usize>, jump: bool) {
    let h = m.page_height();
    let lines = nav::lines_of(&m.view.layout, &range);
    let on_screen = lines.start >= m.view.top && lines.end <= m.view.top + h;
    m.view.top = if jump && !on_screen {
        nav::center_on(&m.view.layout, h, &range)
    } else {
        nav::ensure_visible(&m.view.layout, m.view.top, h, &range, 2)
    };
}

/// Makes annotation `i` current and shows it, with the side pane on its kind's tab and its
/// rows selected there.
pub fn show_annotation(m: &mut Model, i: usize, jump: bool) {
    let Some((span, kind)) = m.annotations.get(i).map(|a| (a.span.clone(), a.kind())) else {
        return;
    };
    m.current = Some(i);
    m.side.tab = tab_of(kind);
    reveal(m, span, jump);
    sync_selection(m);
}

/// Selects, on every tab, the item that stands for the current annotation: its entity,
/// its date, the quote it is in (or the last quote before it), and a quote's speaker.
pub fn sync_selection(m: &mut Model) {
    let Some(c) = m.current else { return };
    let Some(a) = m.annotations.get(c) else {
        return;
    };
    let start = a.span.start;
    let entity = match &a.kind {
        crate::annotation::AnnotationKind::Entity { group, .. } => m.rows.entity_item(*group),
        crate::annotation::AnnotationKind::Quote(q) => {
            q.speaker_group.and_then(|g| m.rows.entity_item(g))
        }
        _ => None,
    };
    if let Some(item) = entity {
        m.side.list_mut(Tab::Entities).selected = Some(item);
    }
    if let Some(item) = m.rows.item_of(Tab::Dates, c) {
        m.side.list_mut(Tab::Dates).selected = Some(item);
    }
    let quote = m
        .annotations
        .at(start, Some(Kind::Quote))
        .or_else(|| m.annotations.prev_before(start, Some(Kind::Quote)));
    if let Some(item) = quote.and_then(|q| m.rows.item_of(Tab::Quotes, q)) {
        m.side.list_mut(Tab::Quotes).selected = Some(item);
    }
    keep_selection_visible(m);
}

/// Scrolls every tab's list so its selected item is in view.
pub fn keep_selection_visible(m: &mut Model) {
    let height = m.side_list_height();
    // Rows of context kept around the selection, as vim's 'scrolloff', when there is room.
    let context = if height >= 10 { 2 } else { 0 };
    for tab in Tab::ALL {
        let t = tab;
        let total = m.rows.total_lines(tab);
        if let Some(sel) = m.side.list(t).selected {
            let first = m.rows.line_of_item(tab, sel);
            let last = m.rows.line_of_item(tab, sel + 1).max(first + 1) - 1;
            if first < m.side.list(t).scroll + context {
                m.side.list_mut(t).scroll = first.saturating_sub(context);
            } else if last + context >= m.side.list(t).scroll + height {
                m.side.list_mut(t).scroll = (last + 1 + context).saturating_sub(height).min(first);
            }
        }
        m.side.list_mut(t).scroll = m.side.list(t).scroll.min(total.saturating_sub(height));
    }
}

/// Whether annotation `i` starts in the visible part of the article.
fn on_screen(m: &Model, i: usize) -> bool {
    let vis = m.visible_bytes();
    m.annotations
        .get(i)
        .is_some_and(|a| vis.contains(&a.span.start) || a.span.start == vis.start)
}

/// `Tab` / `Shift-Tab`: the next annotation of any kind after the current one, or from the
/// top (bottom) of the view when the current one has been scrolled away.
pub fn next_annotation(m: &mut Model, forward: bool) {
    let len = m.annotations.len();
    if len == 0 {
        m.status.message = Some(no_annotations(m));
        return;
    }
    let target = match m.current {
        Some(c) if on_screen(m, c) => match forward {
            true => (c + 1 < len).then_some(c + 1),
            false => c.checked_sub(1),
        },
        _ => {
            let vis = m.visible_bytes();
            let items = m.annotations.items();
            match forward {
                true => {
                    Some(items.partition_point(|a| a.span.start < vis.start)).filter(|&i| i < len)
                }
                false => items
                    .partition_point(|a| a.span.start < vis.end.max(vis.start + 1))
                    .checked_sub(1),
            }
        }
    };
    match target {
        Some(i) => show_annotation(m, i, false),
        None => {
            m.status.message = Some(format!(
                "no more annotations {}",
                if forward { "below" } else { "above" }
            ))
        }
    }
}

fn no_annotations(m: &Model) -> String {
    if m.detection.running {
        "still detecting…"
    } else {
        "nothing was detected in this article"
    }
    .to_string()
}

/// The kind of annotation a side pane tab lists (the Notes tab lists notes).
fn kind_of(tab: Tab) -> Option<Kind> {
    match tab {
        Tab::Entities => Some(Kind::Entity),
        Tab::Dates => Some(Kind::Date),
        Tab::Quotes => Some(Kind::Quote),
        Tab::Notes => None,
    }
}

/// Whether annotation `i` has a row in `tab`.
fn listed(m: &Model, tab: Tab, i: usize) -> bool {
    match m.annotations.get(i).map(|a| &a.kind) {
        Some(crate::annotation::AnnotationKind::Entity { group, .. }) => {
            m.rows.entity_item(*group).is_some()
        }
        Some(_) => m.rows.item_of(tab, i).is_some(),
        None => false,
    }
}

/// `]` / `[`: the next (previous) annotation of the side pane tab's kind in reading order,
/// from the current annotation when it is in view, else from the top of the view; its row
/// is selected wherever the tab lists it (quotes are grouped by speaker, dates sorted on a
/// timeline: `j`/`k` in the pane walk the list in its own order).
pub fn next_item(m: &mut Model, forward: bool) {
    let tab = m.side.tab;
    let Some(kind) = kind_of(tab) else { return };
    if m.rows.is_empty(tab) {
        m.status.message = Some(match m.detection.running {
            true => no_annotations(m),
            false => format!("no {} in this article", tab.title().to_lowercase()),
        });
        return;
    }
    let items = m.annotations.items();
    let wanted = |i: &usize| items[*i].kind() == kind && listed(m, tab, *i);
    let target = match m.current.filter(|&c| on_screen(m, c)) {
        Some(c) if forward => (c + 1..items.len()).find(wanted),
        Some(c) => (0..c).rev().find(wanted),
        None => {
            let top = m.visible_bytes().start;
            let from = items.partition_point(|a| a.span.start < top);
            match forward {
                true => (from..items.len()).find(wanted),
                false => (0..from).rev().find(wanted),
            }
        }
    };
    let Some(target) = target else {
        m.status.message = Some(format!(
            "no more {} {}",
            tab.title().to_lowercase(),
            if forward { "below" } else { "above" }
        ));
        return;
    };
    record(m);
    show_annotation(m, target, true);
}

/// `Enter` in the side pane: shows the selected item's passage; on an item already shown,
/// its next mention (cycling).
pub fn choose_item(m: &mut Model) {
    let tab = m.side.tab;
    let t = tab;
    let len = m.rows.len(tab);
    if len == 0 {
        return;
    }
    let sel = m.side.list(t).selected.unwrap_or(0).min(len - 1);
    let anchors = m.rows.anchors(tab, sel);
    let next = match m.current.and_then(|c| anchors.position(c)) {
        Some(k) => anchors.get((k + 1) % anchors.len()),
        None => anchors.first(),
    };
    let Some(target) = next else {
        return;
    };
    if anchors.len() > 1 {
        let k = anchors.position(target).unwrap_or(0);
        m.status.message = Some(format!("mention {} of {}", k + 1, anchors.len()));
    }
    record(m);
    m.side.list_mut(t).selected = Some(sel);
    show_annotation(m, target, true);
    // The chosen row stays selected even if the annotation also belongs to another row.
    m.side.list_mut(t).selected = Some(sel);
    keep_selection_visible(m);
}

/// `*` / `#`: the next mention of the current entity (or the speaker of the current
/// quote, or the entity selected in the side pane), wrapping around the article.
pub fn next_mention(m: &mut Model, forward: bool) {
    let current = m.current.and_then(|c| m.annotations.get(c));
    let group = match current.map(|a| &a.kind) {
        Some(crate::annotation::AnnotationKind::Entity { group, .. }) => Some(*group),
        Some(crate::annotation::AnnotationKind::Quote(q)) => q.speaker_group,
        _ => None,
    };
    let selected = m
        .side
        .list(Tab::Entities)
        .selected
        .and_then(|i| m.rows.anchors(Tab::Entities, i).first())
        .and_then(|a| m.annotations.get(a)?.group());
    let Some(group) = group.or(selected) else {
        m.status.message = Some("no current entity: Tab to one first".to_string());
        return;
    };
    let dir = if forward {
        Direction::Forward
    } else {
        Direction::Backward
    };
    let target = match m
        .current
        .filter(|_| current.is_some_and(|a| a.group() == Some(group)))
    {
        Some(c) => nav::cycle_mention(&m.annotations, c, dir),
        None => {
            let here = current.map_or(m.top_byte(), |a| a.span.start);
            nav::mention_from(&m.annotations, group, here, dir)
        }
    };
    let Some(target) = target else { return };
    record(m);
    show_annotation(m, target, true);
    if let Some(anchors) = m
        .rows
        .entity_item(group)
        .map(|i| m.rows.anchors(Tab::Entities, i))
    {
        let k = anchors.position(target).map_or(0, |k| k + 1);
        m.status.message = Some(format!("mention {k} of {}", anchors.len()));
    }
}

/// Incremental search: finds `query` and shows the first match at or after `origin`
/// (wrapping), or goes back to `origin` when nothing matches.
pub fn search_from(m: &mut Model, query: &str, origin: &Position) {
    m.search.found = nav::Search::new(&m.article.text, query);
    restore(m, origin);
    m.search.current = m.search.found.first_from(origin.top_byte);
    if let Some(range) = m.search.current.and_then(|i| m.search.found.get(i)) {
        reveal(m, range, true);
    }
}

/// `n` / `N`: the next match after the last one (or after the view's top), wrapping.
pub fn next_match(m: &mut Model, forward: bool) {
    let found = &m.search.found;
    if found.is_empty() {
        m.status.message = Some(match found.query().is_empty() {
            true => "no search yet: press / to search".to_string(),
            false => format!("no match for “{}”", found.query()),
        });
        return;
    }
    let vis = m.visible_bytes();
    let last = m
        .search
        .current
        .and_then(|i| found.get(i))
        .filter(|r| vis.contains(&r.start));
    let target = match (last, forward) {
        (Some(r), true) => found.next_after(r.start),
        (Some(r), false) => found.prev_before(r.start),
        (None, true) => found.first_from(vis.start),
        (None, false) => found.prev_before(vis.start),
    };
    let Some(target) = target else { return };
    let n = found.len();
    let range = found.get(target);
    record(m);
    m.search.current = Some(target);
    if let Some(range) = range {
        reveal(m, range, true);
    }
    m.status.message = Some(format!("match {} of {n}", target + 1));
}
