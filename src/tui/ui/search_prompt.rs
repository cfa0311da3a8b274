//! The search prompt, drawn over the status bar while it is open: the query with a cursor
//! and, on the right, how many matches it has (or that it has none).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::theme::{Role, Theme};

use super::super::model::{Model, Prompt};
use super::style::{role, stack};
use super::{fit, width};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model, prompt: &Prompt, theme: &Theme) {
    let total = usize::from(area.width);
    let n = m.search.found.len();
    let (count, count_role) = match (prompt.input.is_empty(), n) {
        (true, _) => (String::new(), Role::Prompt),
        (false, 0) => ("no match ".to_string(), Role::PromptError),
        (false, n) => match m.search.current {
            Some(i) => (format!("{} of {n} ", i + 1), Role::Prompt),
            None => (format!("{n} matches "), Role::Prompt),
        },
    };
    let style = role(theme, Role::Prompt);
    let buf = frame.buffer_mut();
    buf.set_style(area, style);
    let room = total.saturating_sub(width(&count) + 2);
    // Keep the end of a long query in view: it is where the typing happens.
    let shown = if width(&prompt.input) + 1 > room {
        let tail: String = prompt
            .input
            .chars()
            .rev()
            .take(room.saturating_sub(2))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    } else {
        prompt.input.clone()
    };
    let line = Line::from(vec![
        Span::styled("/", style),
        Span::styled(fit(&shown, room), style),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
    if !count.is_empty() && width(&count) < total {
        let x = area.x + u16::try_from(total - width(&count)).unwrap_or(0);
        buf.set_string(x, area.y, &count, stack(theme, &[Role::Prompt, count_role]));
    }
    let cursor_x = area.x + u16::try_from(1 + width(&shown)).unwrap_or(0);
    if cursor_x < area.right() {
        frame.set_cursor_position(Position::new(cursor_x, area.y));
    }
}
