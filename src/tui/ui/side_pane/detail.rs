//! The side pane's detail box: the selected item in full, wrapped — an entity's label,
//! mention count and every alias; a date's value, the words used and how it was resolved;
//! a quote's speaker and its whole text — where the list rows above can only show the start.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::annotation::{AnnotationKind, Evidence};
use crate::theme::{Role, Theme};

use super::super::super::model::Model;
use super::super::super::rows::{Item, ItemKind};
use super::super::style::{role, stack};

/// Draws item `selected` of the current tab (a hint when none is selected).
pub fn draw(frame: &mut Frame, area: Rect, m: &Model, selected: Option<usize>, theme: &Theme) {
    let rule = "─".repeat(usize::from(area.width));
    frame
        .buffer_mut()
        .set_string(area.x, area.y, rule, role(theme, Role::PaneBorder));
    let body = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(1),
    );
    if body.is_empty() {
        return;
    }
    let dim = role(theme, Role::ListDim);
    let anchors = selected
        .map(|i| m.rows.anchors(m.side.tab, i))
        .unwrap_or_default();
    let item = selected.and_then(|i| m.item(m.side.tab, i));
    let Some(item) = &item else {
        let hint = Line::styled("Tab through the article or pick a row to see it here.", dim);
        frame.render_widget(Paragraph::new(hint).wrap(Wrap { trim: true }), body);
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    match item.kind {
        ItemKind::Entity(label) => {
            let n = anchors.len();
            lines.push(Line::from(vec![
                Span::styled(
                    item.title.clone(),
                    stack(theme, &[Role::List, Role::for_entity(label)]),
                ),
                Span::styled(
                    format!(
                        "  {} · {n} mention{}",
                        label.as_str(),
                        if n == 1 { "" } else { "s" }
                    ),
                    dim,
                ),
            ]));
            if let Some(aliases) = &item.detail {
                lines.push(Line::styled(aliases.clone(), role(theme, Role::List)));
            }
        }
        ItemKind::Date => {
            lines.push(Line::from(vec![
                Span::styled(
                    item.title.clone(),
                    stack(theme, &[Role::List, Role::TimelineValue]),
                ),
                Span::styled("  written ", dim),
                Span::styled(quoted_words(item), stack(theme, &[Role::List, Role::Date])),
            ]));
            if let Some(explanation) = &item.detail {
                lines.push(Line::styled(explanation.clone(), role(theme, Role::List)));
            }
        }
        ItemKind::Note { .. } => {
            lines.push(Line::styled(item.title.clone(), role(theme, Role::Note)));
            if let Some(text) = &item.detail {
                lines.push(Line::styled(text.clone(), role(theme, Role::List)));
            }
        }
        ItemKind::Quote => {
            let quote = anchors.first().and_then(|a| m.annotations.get(a));
            let (speaker, text, why) = match quote.map(|a| (&a.kind, a.span.clone())) {
                Some((AnnotationKind::Quote(info), span)) => (
                    info.speaker_role
                        .as_deref()
                        .or(info.speaker.as_deref())
                        .unwrap_or("Speaker unknown"),
                    m.article.text.get(span).unwrap_or(""),
                    // Said only when attribution recorded it.
                    if info.evidence == Evidence::Unattributed {
                        ""
                    } else {
                        info.evidence.explain()
                    },
                ),
                _ => ("Speaker unknown", "", ""),
            };
            lines.push(Line::styled(
                format!("{speaker}:"),
                stack(theme, &[Role::List, Role::QuoteSpeaker]),
            ));
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            lines.push(Line::styled(flat, stack(theme, &[Role::List, Role::Quote])));
            // Why this speaker: the kind of evidence that named them.
            if !why.is_empty() {
                lines.push(Line::styled(format!("Why: {why}"), role(theme, Role::List)));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
}

/// The words a date item was written as, each in quotes.
fn quoted_words(item: &Item) -> String {
    item.aside
        .split(" · ")
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(", ")
}
