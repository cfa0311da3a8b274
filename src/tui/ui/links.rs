//! The links list: an overlay over the panes (as the help is), one row a link, its text
//! then where it leads, the selected row marked and kept in view. An overlay rather than a
//! side-pane tab: the tabs list what the detectors found and keep their selections; this
//! list is a moment's choice, made the same way whether or not the side pane fits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::theme::{Role, Theme};

use super::super::action::Action;
use super::super::model::Model;
use super::help::{overlay_area, overlay_block};
use super::style::{role, stack};
use super::{fit, width};

/// Draws the list over `screen`, link `selected` marked.
pub fn draw(frame: &mut Frame, screen: Rect, m: &Model, selected: usize, theme: &Theme) {
    let links = &m.article.links;
    let w = screen.width.min(100);
    let (area, _) = overlay_area(screen, w, links.len());
    if area.is_empty() {
        return;
    }
    let inner = usize::from(w.saturating_sub(4)).max(1);
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let selected = selected.min(links.len().saturating_sub(1));
    // The selected row in view, as near the middle as the list allows.
    let first = selected
        .saturating_sub(rows / 2)
        .min(links.len().saturating_sub(rows));
    let text_w = (inner * 2 / 5).max(8);
    let lines: Vec<Line> = links
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, link)| {
            let words = m.article.text.get(link.span.clone()).unwrap_or("");
            let words = fit(
                &words.split_whitespace().collect::<Vec<_>>().join(" "),
                text_w,
            );
            let pad = " ".repeat(text_w.saturating_sub(width(&words)) + 2);
            let url = fit(&link.url, inner.saturating_sub(text_w + 2));
            let mut line = Line::from(vec![
                Span::styled(words, stack(theme, &[Role::Help, Role::Link])),
                Span::styled(pad, role(theme, Role::Help)),
                Span::styled(url, role(theme, Role::HelpText)),
            ]);
            if i == selected {
                line = line.patch_style(stack(theme, &[Role::List, Role::ListSelected]));
            }
            line
        })
        .collect();
    let title = format!(
        " Links {}/{} · {} opens · {} opens outside · {} shows it ",
        selected + 1,
        links.len(),
        m.keymap.label(Action::Enter),
        m.keymap.label(Action::OpenExternal),
        m.keymap.label(Action::ShowLink),
    );
    let block = overlay_block(&title, Action::Links, m, theme);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
