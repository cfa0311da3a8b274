//! The Notes tab's rows: the noted passage in the `note` (or `highlight`) colours, marked
//! "detached" when it is no longer in the text, then the note's first line and its tags.

use ratatui::style::Style as RStyle;
use ratatui::text::{Line, Span};

use crate::theme::{Role, Theme};

use super::super::super::rows::Item;
use super::super::style::{role, stack};
use super::super::{fit, width};
use super::Lines;

/// A note: its passage in the note's colours (or "detached" and the old passage), then its
/// first line and tags.
pub fn note_lines<'a>(
    theme: &Theme,
    item: &Item,
    w: usize,
    marker: &'a str,
    dim: RStyle,
    highlight: bool,
    detached: bool,
) -> Lines<'a> {
    let passage_role = if highlight {
        Role::Highlight
    } else {
        Role::Note
    };
    let mut first = vec![Span::raw(marker)];
    let mut room = w.saturating_sub(2);
    if detached {
        first.push(Span::styled("detached ", role(theme, Role::StatusWarning)));
        room = room.saturating_sub(9);
    }
    first.push(Span::styled(
        fit(&item.title, room),
        stack(theme, &[Role::List, passage_role]),
    ));
    let second = item.detail.as_ref().map(|d| {
        let tags_w = width(&item.aside).min(w / 2);
        let text = fit(d, w.saturating_sub(4 + tags_w + 1));
        let gap = w.saturating_sub(3 + width(&text) + tags_w);
        Line::from(vec![
            Span::styled(format!("   {text}"), role(theme, Role::List)),
            Span::raw(" ".repeat(gap)),
            Span::styled(fit(&item.aside, tags_w), dim),
        ])
    });
    (Line::from(first), second)
}
