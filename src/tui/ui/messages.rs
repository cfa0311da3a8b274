//! The messages overlay: the last status messages in full, wrapped, newest first, scrolled
//! like the help overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::theme::{Role, Theme};

use super::super::action::Action;
use super::super::model::Model;
use super::help::{overlay_area, overlay_block};
use super::style::role;
use super::width;

/// Draws the overlay over `screen`, scrolled `scroll` lines down.
pub fn draw(frame: &mut Frame, screen: Rect, m: &Model, scroll: usize, theme: &Theme) {
    let w = screen.width.min(100);
    let text = role(theme, Role::HelpText);
    let inner_w = usize::from(w.saturating_sub(4)).max(1);
    let body: Vec<Line> = if m.status.log.is_empty() {
        vec![Line::styled("No messages yet.", text)]
    } else {
        m.status
            .log
            .iter()
            .rev()
            .flat_map(|msg| wrap(&format!("• {msg}"), inner_w))
            .map(|line| Line::styled(line, text))
            .collect()
    };
    let lines = body.len();
    let paragraph = Paragraph::new(body);
    let (area, max_scroll) = overlay_area(screen, w, lines);
    if area.is_empty() {
        return;
    }
    let top = scroll.min(max_scroll);
    let block = overlay_block(" Messages ", Action::Messages, m, theme);
    frame.render_widget(Clear, area);
    let p = paragraph
        .block(block)
        .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0));
    frame.render_widget(p, area);
}

/// `text` in lines at most `max` columns wide, broken at spaces (a word wider than a line
/// is broken where it must), continuation lines indented under the bullet.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.trim().is_empty() && width(&line) + 1 + width(word) > max {
            lines.push(std::mem::replace(&mut line, "  ".to_owned()));
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while width(&line) > max {
            // The longest head that fits; past the indent, or the line is left as it is.
            let cut = line
                .char_indices()
                .map(|(i, _)| i)
                .take_while(|&i| width(&line[..i]) <= max)
                .last()
                .unwrap_or(0);
            if cut <= 2 {
                break;
            }
            let rest = format!("  {}", &line[cut..]);
            line.truncate(cut);
            lines.push(std::mem::replace(&mut line, rest));
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let text = "• permission denied: cannot create the directory of notes file \
                    /home/someone/a/very/long/path/to/the/notes/directory/notes.toml";
        let lines = wrap(text, 30);
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:#?}");
        let words = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(words(&lines.concat()), words(text));
    }
}
