//! The library screens' status bar (where the cursor is, a message, the live keymap's
//! hints, or the search prompt) and their help overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::theme::{Role, Theme};
use crate::tui::model::Focus;
use crate::tui::ui::style::{role, stack};
use crate::tui::ui::text::{set_line, set_style};
use crate::tui::ui::{fit, help, width};

use super::super::model::{LibraryView, Screen};

pub fn draw(frame: &mut Frame, area: Rect, v: &LibraryView, theme: &Theme) {
    let bar = role(theme, Role::StatusBar);
    let buf = frame.buffer_mut();
    set_style(buf, area, bar);
    if v.search.typing {
        let prompt = stack(theme, &[Role::StatusBar, Role::Prompt]);
        set_style(buf, area, prompt);
        let text = format!(" /{}", v.search.query);
        set_line(
            buf,
            area.x,
            area.y,
            &[Span::styled(text, prompt)],
            area.width,
        );
        return;
    }
    let total = usize::from(area.width);
    let place = match v.screen {
        Screen::Articles => v
            .articles
            .place()
            .zip(v.total)
            .map(|(p, t)| format!(" {p}/{t} ")),
        Screen::Search => v.search.hits.place().map(|p| format!(" hit {p} ")),
        Screen::Entities => v.entities.place().map(|p| format!(" {p} ")),
        Screen::Entity => v
            .entity
            .as_ref()
            .map(|e| format!(" {}/{} ", e.cursor + 1, e.len())),
    };
    let mut left = vec![Span::styled(
        place.unwrap_or_else(|| " ".into()),
        stack(theme, &[Role::StatusBar, Role::PaneTitleFocused]),
    )];
    let mut hints: Vec<(String, &str)> = v.keymap.hint(Focus::Library);
    let hint_w = |h: &[(String, &str)]| {
        h.iter()
            .map(|(k, w)| width(k) + width(w) + 3)
            .sum::<usize>()
    };
    let said = v.message.as_deref().unwrap_or("");
    while !hints.is_empty() && width(said) + hint_w(&hints) + 12 > total {
        hints.pop();
    }
    let room = total.saturating_sub(hint_w(&hints) + 8);
    left.push(Span::styled(
        fit(said, room),
        stack(theme, &[Role::StatusBar, Role::StatusMessage]),
    ));
    set_line(buf, area.x, area.y, &left, area.width);
    let mut spans = Vec::new();
    for (key, word) in &hints {
        spans.push(Span::styled(
            key.clone(),
            stack(theme, &[Role::StatusBar, Role::StatusKey]),
        ));
        spans.push(Span::styled(format!(" {word}  "), bar));
    }
    let w = hint_w(&hints);
    let x = area.x + u16::try_from(total.saturating_sub(w)).unwrap_or(0);
    set_line(buf, x, area.y, &spans, u16::try_from(w).unwrap_or(0));
}

pub fn draw_help(frame: &mut Frame, screen: Rect, v: &LibraryView, scroll: usize, theme: &Theme) {
    let w = screen.width.min(84);
    let body = help::lines(&v.keymap, theme, usize::from(w.saturating_sub(6)));
    let (area, max_scroll) = help::overlay_area(screen, w, body.len());
    if area.is_empty() {
        return;
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys ")
        .style(role(theme, Role::Help))
        .border_style(stack(theme, &[Role::Help, Role::PaneBorderFocused]));
    frame.render_widget(Clear, area);
    let p = Paragraph::new(body)
        .block(block)
        .scroll((u16::try_from(scroll.min(max_scroll)).unwrap_or(u16::MAX), 0));
    frame.render_widget(p, area);
}
