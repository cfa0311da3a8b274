//! The search prompt, drawn over the status bar while it is open: the query with a cursor
//! and, on the right, how many matches it has (or that it has none).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::theme::{Role, Theme};

use super::super::model::{Model, Prompt};
use super::super::update::MAX_QUERY_CHARS;
use super::style::{role, stack};
use super::{fit, width};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model, prompt: &Prompt, theme: &Theme) {
    let total = usize::from(area.width);
    let (count, count_role) = count_label(m, prompt);
    let style = role(theme, Role::Prompt);
    let buf = frame.buffer_mut();
    super::text::set_style(buf, area, style);
    let room = total.saturating_sub(width(&count) + 2);
    let shown = shown_query(prompt, room);
    let line = Line::from(vec![
        Span::styled("/", style),
        Span::styled(fit(&shown, room), style),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
    if !count.is_empty() && width(&count) < total {
        let x = area.x + u16::try_from(total - width(&count)).unwrap_or(0);
        buf.set_string(x, area.y, &count, stack(theme, &[Role::Prompt, count_role]));
    }
    if let Some(at) = cursor_at(area, &shown) {
        frame.set_cursor_position(at);
    }
}

/// The match count on the right, and its role; at the length limit, the limit first.
fn count_label(m: &Model, prompt: &Prompt) -> (String, Role) {
    let (count, role) = match_count(m, prompt);
    match prompt.input.chars().count() >= MAX_QUERY_CHARS {
        true => (
            format!("{MAX_QUERY_CHARS} characters at most · {count}"),
            role,
        ),
        false => (count, role),
    }
}

fn match_count(m: &Model, prompt: &Prompt) -> (String, Role) {
    match (prompt.input.is_empty(), m.search.found.len()) {
        (true, _) => (String::new(), Role::Prompt),
        (false, 0) => ("no match ".to_string(), Role::PromptError),
        (false, n) => match m.search.current {
            Some(i) => (format!("{} of {n} ", i + 1), Role::Prompt),
            None => (format!("{n} matches "), Role::Prompt),
        },
    }
}

/// Where the terminal's cursor goes while the prompt is open: after the query.
pub fn cursor(area: Rect, m: &Model, prompt: &Prompt) -> Option<Position> {
    let count = count_label(m, prompt).0;
    let room = usize::from(area.width).saturating_sub(width(&count) + 2);
    cursor_at(area, &shown_query(prompt, room))
}

fn cursor_at(area: Rect, shown: &str) -> Option<Position> {
    let x = area.x + u16::try_from(1 + width(shown)).unwrap_or(0);
    (x < area.right()).then_some(Position::new(x, area.y))
}

/// The query as shown in `room` columns: the end of a long one, where the typing happens.
fn shown_query(prompt: &Prompt, room: usize) -> String {
    if width(&prompt.input) < room {
        return prompt.input.clone();
    }
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
}
