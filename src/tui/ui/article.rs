//! The article pane: the visible layout lines, each split at annotation, emphasis, note and
//! search-match boundaries and painted by stacking roles (text, emphasis, quote, date or
//! entity, then related mentions, the current annotation, the reader's notes and highlights
//! (roles `note` and `highlight`), the selection being made and search matches on top), a
//! mark in the left margin of noted lines (✎ a note, ▌ a highlight), and a scrollbar. Also
//! the inverse, [`byte_at`], so a click hits exactly what was drawn.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::annotation::{AnnotationKind, Kind};
use crate::article::{BlockKind, InlineStyle, grapheme_span};
use crate::layout::{Line, LineKind, byte_at_col, segments};
use crate::notes::Motivation;
use crate::theme::{Role, Theme};

use super::super::model::Model;
use super::style::{role, stack};

pub fn draw(frame: &mut Frame, pane: Rect, m: &Model, theme: &Theme) {
    draw_rows(frame, pane, m, theme, pane.y..pane.bottom());
}

/// The pane's screen rows `rows` only, exactly as [`draw`] paints them: what a frame that
/// only scrolled must paint for the lines that came into view (`tui::present`).
pub fn draw_rows(frame: &mut Frame, pane: Rect, m: &Model, theme: &Theme, rows: Range<u16>) {
    let buf = frame.buffer_mut();
    let rows = rows.start.max(pane.y)..rows.end.min(pane.bottom());
    if rows.is_empty() {
        return;
    }
    let band = Rect::new(pane.x, rows.start, pane.width, rows.end - rows.start);
    super::text::set_style(buf, band, role(theme, Role::Text));
    let Some(area) = m
        .text_area()
        .map(|a| a.intersection(band))
        .filter(|a| !a.is_empty())
    else {
        return;
    };
    // `area` starts `skip` rows below the pane's first text row.
    let skip = usize::from(area.y - pane.y);
    let first = m.view.top + skip;
    let height = usize::from(area.height);
    for (row, line) in m.view.layout.lines(first..first + height).enumerate() {
        let spans = line_spans(m, theme, &line);
        let y = area.y + row as u16;
        super::text::set_line(buf, area.x, y, &spans, area.width);
        // The margin mark of a noted line, in the column left of the text when there is one.
        if area.x > pane.x && !line.range.is_empty() {
            let marks = m.notes.overlapping(line.range.clone());
            if let Some((_, motivation)) = marks.first() {
                let r = match motivation {
                    Motivation::Highlighting => Role::Highlight,
                    Motivation::Commenting => Role::Note,
                };
                let mark = if marks.iter().any(|(_, k)| *k == Motivation::Commenting) {
                    "✎"
                } else {
                    "▌"
                };
                buf.set_string(area.x - 1, y, mark, stack(theme, &[Role::Text, r]));
            }
        }
    }
}

/// The article's scrollbar, drawn after the side pane since it sits on its border.
pub fn draw_scrollbar(frame: &mut Frame, m: &Model, theme: &Theme) {
    let Some(column) = m
        .scrollbar_column()
        .map(|c| c.intersection(frame.area()))
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    let (len, height) = (m.view.layout.len(), m.page_height());
    if len <= height {
        return;
    }
    let mut state = ScrollbarState::new(len.saturating_sub(height))
        .position(m.view.top)
        .viewport_content_length(height);
    let track = if m.side_shown() && m.side.focus == super::super::model::Focus::Side {
        Role::PaneBorderFocused
    } else {
        Role::PaneBorder
    };
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .track_style(role(theme, track))
        .thumb_style(stack(theme, &[track, Role::Scrollbar]));
    frame.render_stateful_widget(bar, column, &mut state);
    draw_mention_marks(frame, column, m, theme, track);
}

/// Ticks on the scrollbar's left, towards the text, where the current entity's mentions
/// fall along the article (rows computed once per entity and layout: `MentionMarks`).
fn draw_mention_marks(frame: &mut Frame, column: Rect, m: &Model, theme: &Theme, track: Role) {
    let style = stack(theme, &[track, Role::ScrollbarMention]);
    let buf = frame.buffer_mut();
    for &row in m.marks.rows() {
        let Some(cell) = buf.cell_mut((column.x, column.y.saturating_add(row))) else {
            continue;
        };
        if row >= column.height {
            continue;
        }
        let tick = if cell.symbol() == "┃" { "┫" } else { "┤" };
        cell.set_symbol(tick).set_style(style);
    }
}

/// The role of a block's body text.
fn block_role(kind: BlockKind) -> Role {
    match kind {
        BlockKind::Paragraph | BlockKind::ListItem { .. } => Role::Text,
        BlockKind::Heading(_) => Role::Heading,
        BlockKind::BlockQuote => Role::Blockquote,
        BlockKind::Preformatted => Role::Code,
    }
}

fn inline_role(style: InlineStyle) -> Role {
    match style {
        InlineStyle::Emphasis => Role::Emphasis,
        InlineStyle::Strong => Role::Strong,
        InlineStyle::Code => Role::Code,
        InlineStyle::Link => Role::Link,
    }
}

/// The styled spans of one visual line.
fn line_spans<'a>(m: &'a Model, theme: &Theme, line: &Line<'a>) -> Vec<Span<'a>> {
    let block = match line.kind {
        LineKind::Title => {
            return vec![Span::styled(
                line.prefix,
                stack(theme, &[Role::Text, Role::Title]),
            )];
        }
        LineKind::Meta => {
            return vec![Span::styled(
                line.prefix,
                stack(theme, &[Role::Text, Role::Meta]),
            )];
        }
        LineKind::Blank => return Vec::new(),
        LineKind::Text { block } => block,
    };
    let text = &m.article.text;
    let kind = m
        .article
        .blocks
        .get(block)
        .map_or(BlockKind::Paragraph, |b| b.kind);
    let base = block_role(kind);
    let mut spans = Vec::new();
    if line.indent > 0 {
        spans.push(Span::raw(" ".repeat(usize::from(line.indent))));
    }
    if !line.prefix.is_empty() {
        let deco = if kind == BlockKind::BlockQuote {
            Role::Blockquote
        } else {
            Role::Bullet
        };
        spans.push(Span::styled(line.prefix, stack(theme, &[Role::Text, deco])));
    }
    // Every styled range is widened to whole grapheme clusters before the line is cut: a
    // cut inside a cluster would draw an accent apart from its letter, and ratatui drops a
    // zero-width cluster standing alone ("Zoe" + a lone U+0308 shows "Zoe"). With every
    // cut on a cluster boundary, an annotation overlaps a piece exactly when its widened
    // span covers it, so the `overlapping` queries below stay right.
    let whole = |r: Range<usize>| grapheme_span(text, r);
    let block_start = m.article.blocks.get(block).map_or(0, |b| b.span.start);
    let mut inline = inline_spans(m, block_start, line.range.clone());
    let mut matches = search_matches(m, line.range.clone());
    let current = m.current.and_then(|c| m.annotations.get(c).map(|a| (c, a)));
    let speaker = current.and_then(|(_, a)| match &a.kind {
        AnnotationKind::Quote(q) => q.speaker_span.clone().map(whole),
        _ => None,
    });
    let current_group = current.and_then(|(_, a)| a.group());

    let mut cuts: Vec<usize> = Vec::new();
    for i in m.annotations.overlapping(line.range.clone()) {
        if let Some(a) = m.annotations.get(i) {
            let r = whole(a.span.clone());
            cuts.extend([r.start, r.end]);
        }
    }
    for (r, _) in &mut inline {
        *r = whole(r.clone());
    }
    for (r, _) in &mut matches {
        *r = whole(r.clone());
    }
    cuts.extend(inline.iter().flat_map(|(r, _)| [r.start, r.end]));
    cuts.extend(matches.iter().flat_map(|(r, _)| [r.start, r.end]));
    cuts.extend(speaker.iter().flat_map(|r| [r.start, r.end]));
    let mut noted = m.notes.overlapping(line.range.clone());
    for (r, _) in &mut noted {
        *r = whole(r.clone());
    }
    cuts.extend(noted.iter().flat_map(|(r, _)| [r.start, r.end]));
    let selection = m.notes.selection.as_ref().map(|s| whole(s.range.clone()));
    cuts.extend(selection.iter().flat_map(|r| [r.start, r.end]));
    cuts.sort_unstable();
    cuts.dedup();

    let mut roles = Vec::with_capacity(8);
    for seg in segments(line, cuts) {
        roles.clear();
        roles.extend([Role::Text, base]);
        roles.extend(
            inline
                .iter()
                .filter(|(r, _)| covers(r, &seg))
                .map(|(_, role)| *role),
        );
        let mut covering: Vec<usize> = m.annotations.overlapping(seg.clone()).collect();
        // Outer spans first, so an entity inside a quote paints over the quote.
        covering
            .sort_by_key(|&i| std::cmp::Reverse(m.annotations.get(i).map_or(0, |a| a.span.len())));
        for &i in &covering {
            let Some(a) = m.annotations.get(i) else {
                continue;
            };
            roles.push(match &a.kind {
                AnnotationKind::Date(d) if d.value.is_none() => Role::DateUnresolved,
                kind => Role::for_annotation(kind),
            });
            if a.kind() == Kind::Entity
                && current_group.is_some()
                && a.group() == current_group
                && m.current != Some(i)
            {
                roles.push(Role::AnnotationRelated);
            }
        }
        if speaker.as_ref().is_some_and(|r| covers(r, &seg)) {
            roles.push(Role::QuoteSpeaker);
        }
        if current.is_some_and(|(c, _)| covering.contains(&c)) {
            roles.push(Role::AnnotationCurrent);
        }
        for (r, motivation) in &noted {
            if covers(r, &seg) {
                roles.push(match motivation {
                    Motivation::Highlighting => Role::Highlight,
                    Motivation::Commenting => Role::Note,
                });
            }
        }
        if selection.as_ref().is_some_and(|r| covers(r, &seg)) {
            roles.push(Role::SearchCurrent);
        }
        if let Some((_, is_current)) = matches.iter().find(|(r, _)| covers(r, &seg)) {
            roles.push(if *is_current {
                Role::SearchCurrent
            } else {
                Role::SearchMatch
            });
        }
        let shown = text.get(seg.clone()).unwrap_or("");
        spans.push(Span::styled(shown, stack(theme, &roles)));
    }
    spans
}

fn covers(r: &Range<usize>, seg: &Range<usize>) -> bool {
    r.start <= seg.start && seg.end <= r.end
}

/// Emphasis and links overlapping `range`: inline spans never cross a block, so the scan
/// back stops at the block's start.
fn inline_spans(m: &Model, block_start: usize, range: Range<usize>) -> Vec<(Range<usize>, Role)> {
    let inline = &m.article.inline;
    let upto = inline.partition_point(|s| s.span.start < range.end);
    inline[..upto]
        .iter()
        .rev()
        .take_while(|s| s.span.start >= block_start)
        .filter(|s| s.span.end > range.start)
        .map(|s| (s.span.clone(), inline_role(s.style)))
        .collect()
}

/// Search matches overlapping `range`, each with whether it is the current match.
fn search_matches(m: &Model, range: Range<usize>) -> Vec<(Range<usize>, bool)> {
    m.search
        .found
        .overlapping(range)
        .map(|(i, r)| (r, m.search.current == Some(i)))
        .collect()
}

/// The byte of the article text drawn at screen cell (`column`, `row`), if text is there.
pub fn byte_at(m: &Model, column: u16, row: u16) -> Option<usize> {
    let area = m.text_area()?;
    if column < area.x || row < area.y || column >= area.right() || row >= area.bottom() {
        return None;
    }
    let line = m.view.layout.line(m.view.top + usize::from(row - area.y))?;
    if line.range.is_empty() {
        return None;
    }
    let col = column - area.x;
    let text = &m.article.text;
    if usize::from(col) < line.text_col() || usize::from(col) >= line.width(text) {
        return None;
    }
    Some(byte_at_col(&line, text, col))
}

#[cfg(test)]
mod tests;
