//! Movement between places in the article: annotation to annotation, side pane item to
//! item, mention to mention, match to match, and back along the jump list — each keeping
//! the two panes in step (the current annotation's rows selected in the side pane).

use std::ops::Range;

use crate::annotation::Kind;

use super::super::model::{Model, Position};
use super::super::rows::Tab;
use super::remember;

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
    remember(m, pos);
}

/// Goes back to `pos`: its scroll position and its current annotation.
pub fn restore(m: &mut Model, pos: &Position) {
    m.top = if pos.top_byte == 0 { 0 } else { m.layout.line_of_byte(pos.top_byte) };
    m.clamp_top();
    m.current = pos.current.filter(|&c| c < m.annotations.len());
    sync_selection(m);
}

pub fn jump_back(m: &mut Model) {
    match m.jumps.pop() {
        Some(pos) => restore(m, &pos),
        None => m.message = Some("no earlier jump to go back to".to_string()),
    }
}

/// Scrolls so that `range` is on screen: untouched if it already is, otherwise with its
/// first line a third of the way down the pane, where the eye expects it.
pub fn scroll_into_view(m: &mut Model, range: Range<usize>) {
    let h = m.page_height();
    let first = m.layout.line_of_byte(range.start);
    let last = m.layout.line_of_byte(range.end.saturating_sub(1).max(range.start));
    if first >= m.top && last < m.top + h {
        return;
    }
    if first >= m.top && first < m.top + h && last - first < h {
        // The start is visible but the end is not: scroll just enough.
        m.top = last + 1 - h;
    } else {
        m.top = first.saturating_sub(h / 3);
    }
    m.clamp_top();
}

/// Makes annotation `i` current and shows it, with the side pane on its kind's tab and its
/// rows selected there.
pub fn show_annotation(m: &mut Model, i: usize) {
    let Some((span, kind)) = m.annotations.get(i).map(|a| (a.span.clone(), a.kind())) else { return };
    m.current = Some(i);
    m.tab = tab_of(kind);
    scroll_into_view(m, span);
    sync_selection(m);
}

/// Selects, on every tab, the item that stands for the current annotation: its entity,
/// its date, the quote it is in (or the last quote before it), and a quote's speaker.
pub fn sync_selection(m: &mut Model) {
    let Some(c) = m.current else { return };
    let Some(a) = m.annotations.get(c) else { return };
    let start = a.span.start;
    let entity = match &a.kind {
        crate::annotation::AnnotationKind::Entity { group, .. } => m.rows.entity_item(*group),
        crate::annotation::AnnotationKind::Quote(q) => q.speaker_group.and_then(|g| m.rows.entity_item(g)),
        _ => None,
    };
    if let Some(item) = entity {
        m.selected[Tab::Entities.index()] = Some(item);
    }
    if let Some(item) = m.rows.item_of(Tab::Dates, c) {
        m.selected[Tab::Dates.index()] = Some(item);
    }
    let quote = m.annotations.at(start, Some(Kind::Quote)).or_else(|| m.annotations.prev_before(start, Some(Kind::Quote)));
    if let Some(item) = quote.and_then(|q| m.rows.item_of(Tab::Quotes, q)) {
        m.selected[Tab::Quotes.index()] = Some(item);
    }
    keep_selection_visible(m);
}

/// Scrolls every tab's list so its selected item is in view.
pub fn keep_selection_visible(m: &mut Model) {
    let height = m.panes().side.map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1));
    for tab in [Tab::Entities, Tab::Dates, Tab::Quotes] {
        let t = tab.index();
        let total = m.rows.total_lines(tab);
        if let Some(sel) = m.selected[t] {
            let first = m.rows.line_of_item(tab, sel);
            let last = m.rows.line_of_item(tab, sel + 1).max(first + 1) - 1;
            if first < m.side_scroll[t] {
                m.side_scroll[t] = first;
            } else if last >= m.side_scroll[t] + height {
                m.side_scroll[t] = (last + 1 - height).min(first);
            }
        }
        m.side_scroll[t] = m.side_scroll[t].min(total.saturating_sub(height));
    }
}

/// Whether annotation `i` starts in the visible part of the article.
fn on_screen(m: &Model, i: usize) -> bool {
    let vis = m.visible_bytes();
    m.annotations.get(i).is_some_and(|a| vis.contains(&a.span.start) || a.span.start == vis.start)
}

/// `Tab` / `Shift-Tab`: the next annotation of any kind after the current one, or from the
/// top (bottom) of the view when the current one has been scrolled away.
pub fn next_annotation(m: &mut Model, forward: bool) {
    let len = m.annotations.len();
    if len == 0 {
        m.message = Some(no_annotations(m));
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
                true => Some(items.partition_point(|a| a.span.start < vis.start)).filter(|&i| i < len),
                false => items.partition_point(|a| a.span.start < vis.end.max(vis.start + 1)).checked_sub(1),
            }
        }
    };
    match target {
        Some(i) => show_annotation(m, i),
        None => m.message = Some(format!("no more annotations {}", if forward { "below" } else { "above" })),
    }
}

fn no_annotations(m: &Model) -> String {
    if m.detecting { "still detecting…" } else { "nothing was detected in this article" }.to_string()
}

/// `]` / `[`: the next item of the side pane's tab, shown in the article. On the Quotes
/// tab, whose items are in text order, "next" starts from the view when the current
/// annotation has been scrolled away.
pub fn next_item(m: &mut Model, forward: bool) {
    let tab = m.tab;
    let items = m.rows.items(tab);
    if items.is_empty() {
        m.message = Some(match tab {
            Tab::Notes => "no notes yet".to_string(),
            _ => format!("no {} in this article", tab.title().to_lowercase()),
        });
        return;
    }
    let len = items.len();
    let sel = m.selected[tab.index()];
    let current_visible = m.current.is_some_and(|c| on_screen(m, c));
    let target = if tab == Tab::Quotes && !current_visible {
        let vis = m.visible_bytes();
        let start = |i: usize| m.annotations.get(items[i].anchors[0]).map_or(0, |a| a.span.start);
        match forward {
            true => (0..len).find(|&i| start(i) >= vis.start),
            false => (0..len).rev().find(|&i| start(i) < vis.start),
        }
    } else {
        match (sel, forward) {
            (None, true) => Some(0),
            (None, false) => Some(len - 1),
            (Some(s), true) => (s + 1 < len).then_some(s + 1),
            (Some(s), false) => s.checked_sub(1),
        }
    };
    let Some(target) = target else {
        m.message = Some(format!("no more {} {}", tab.title().to_lowercase(), if forward { "below" } else { "above" }));
        return;
    };
    let anchor = items[target].anchors[0];
    record(m);
    m.selected[tab.index()] = Some(target);
    show_annotation(m, anchor);
    m.selected[tab.index()] = Some(target);
    keep_selection_visible(m);
}

/// `Enter` in the side pane: shows the selected item's passage; on an item already shown,
/// its next mention (cycling).
pub fn choose_item(m: &mut Model) {
    let tab = m.tab;
    let t = tab.index();
    let items = m.rows.items(tab);
    if items.is_empty() {
        return;
    }
    let sel = m.selected[t].unwrap_or(0).min(items.len() - 1);
    let anchors = &items[sel].anchors;
    let target = match m.current.and_then(|c| anchors.iter().position(|&a| a == c)) {
        Some(k) => anchors[(k + 1) % anchors.len()],
        None => anchors[0],
    };
    if anchors.len() > 1 {
        let k = anchors.iter().position(|&a| a == target).unwrap_or(0);
        m.message = Some(format!("mention {} of {}", k + 1, anchors.len()));
    }
    record(m);
    m.selected[t] = Some(sel);
    show_annotation(m, target);
    // The chosen row stays selected even if the annotation also belongs to another row.
    m.selected[t] = Some(sel);
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
    let item = group.and_then(|g| m.rows.entity_item(g)).or(m.selected[Tab::Entities.index()]);
    let Some(anchors) = item.and_then(|i| m.rows.items(Tab::Entities).get(i)).map(|it| it.anchors.clone()) else {
        m.message = Some("no current entity: Tab to one first".to_string());
        return;
    };
    let here = m.current.and_then(|c| m.annotations.get(c)).map_or(m.top_byte(), |a| a.span.start);
    let start = |i: usize| m.annotations.get(anchors[i]).map_or(0, |a| a.span.start);
    let n = anchors.len();
    let (found, wrapped) = match forward {
        true => match (0..n).find(|&i| start(i) > here) {
            Some(i) => (i, false),
            None => (0, true),
        },
        false => match (0..n).rev().find(|&i| start(i) < here) {
            Some(i) => (i, false),
            None => (n - 1, true),
        },
    };
    record(m);
    show_annotation(m, anchors[found]);
    let wrap = if wrapped && n > 1 { " (wrapped)" } else { "" };
    m.message = Some(format!("mention {} of {}{wrap}", found + 1, n));
}

/// Every match of `query` in `text`: case-insensitive unless the query has a capital
/// (smart case, as in less `-i` and vim `smartcase`), literal characters only.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let insensitive = !query.chars().any(char::is_uppercase);
    match regex::RegexBuilder::new(&regex::escape(query)).case_insensitive(insensitive).build() {
        Ok(re) => re.find_iter(text).map(|found| found.range()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Incremental search: finds `query` and shows the first match at or after `origin`
/// (wrapping), or goes back to `origin` when nothing matches.
pub fn search_from(m: &mut Model, query: &str, origin: &Position) {
    m.search.query = query.to_string();
    m.search.matches = find_all(&m.article.text, query);
    let matches = &m.search.matches;
    if matches.is_empty() {
        m.search.current = None;
        restore(m, origin);
        return;
    }
    let i = matches.partition_point(|r| r.start < origin.top_byte) % matches.len();
    m.search.current = Some(i);
    let range = matches[i].clone();
    restore(m, origin);
    scroll_into_view(m, range);
}

/// `n` / `N`: the next match after the last one (or after the view's top), wrapping.
pub fn next_match(m: &mut Model, forward: bool) {
    let n = m.search.matches.len();
    if n == 0 {
        m.message = Some(match m.search.query.is_empty() {
            true => "no search yet: press / to search".to_string(),
            false => format!("no match for “{}”", m.search.query),
        });
        return;
    }
    let vis = m.visible_bytes();
    let last = m.search.current.filter(|&i| vis.contains(&m.search.matches[i].start));
    let target = match (last, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => m.search.matches.partition_point(|r| r.start < vis.start) % n,
        (None, false) => (m.search.matches.partition_point(|r| r.start < vis.start) + n - 1) % n,
    };
    record(m);
    m.search.current = Some(target);
    scroll_into_view(m, m.search.matches[target].clone());
    m.message = Some(format!("match {} of {}", target + 1, n));
}
