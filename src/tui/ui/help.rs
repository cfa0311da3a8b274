//! The help overlay, generated from the actions' docs and the live keymap (so a rebound
//! key shows as rebound), grouped into sections; it scrolls when the terminal is short.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};

use crate::theme::{Role, Theme};

use super::super::action::Action;
use super::super::keymap::Keymap;
use super::super::model::Model;
use super::style::{role, stack};
use super::{fit, width};

/// The overlay's sections: every action appears in exactly one.
pub const SECTIONS: &[(&str, &[Action])] = &[
    (
        "Reading",
        &[
            Action::LineDown,
            Action::LineUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::PageDown,
            Action::PageUp,
            Action::Top,
            Action::Bottom,
        ],
    ),
    (
        "Annotations",
        &[
            Action::NextAnnotation,
            Action::PrevAnnotation,
            Action::NextItem,
            Action::PrevItem,
            Action::NextMention,
            Action::PrevMention,
            Action::JumpBack,
        ],
    ),
    (
        "Side pane",
        &[
            Action::TabEntities,
            Action::TabDates,
            Action::TabQuotes,
            Action::TabNotes,
            Action::Enter,
            Action::Back,
            Action::ToggleSidePane,
        ],
    ),
    (
        "Search",
        &[Action::Search, Action::NextMatch, Action::PrevMatch],
    ),
    (
        "Notes",
        &[
            Action::AddNote,
            Action::Select,
            Action::Highlight,
            Action::EditNote,
            Action::DeleteNote,
            Action::Undo,
            Action::TagFilter,
            Action::Reattach,
        ],
    ),
    (
        "Selection",
        &[
            Action::SelectWordForward,
            Action::SelectWordBack,
            Action::SelectSentenceForward,
            Action::SelectSentenceBack,
            Action::SelectLineDown,
            Action::SelectLineUp,
        ],
    ),
    (
        "General",
        &[
            Action::Help,
            Action::Messages,
            Action::Suspend,
            Action::Quit,
        ],
    ),
];

/// The overlay's lines: section headings, then "keys  what they do" rows.
pub fn lines(keymap: &Keymap, theme: &Theme, text_w: usize) -> Vec<Line<'static>> {
    let key_w = SECTIONS
        .iter()
        .flat_map(|(_, actions)| actions.iter())
        .map(|&a| width(&keymap.label(a)))
        .max()
        .unwrap_or(0)
        .min(18);
    let mut out = Vec::new();
    for (i, (title, actions)) in SECTIONS.iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(
            *title,
            stack(theme, &[Role::Help, Role::HelpHeading]),
        ));
        for &action in *actions {
            let keys = keymap.label(action);
            let keys = if keys.is_empty() {
                "(unbound)".to_string()
            } else {
                keys
            };
            let keys = fit(&keys, key_w);
            let pad = " ".repeat(key_w.saturating_sub(width(&keys)) + 2);
            let doc = fit(action.doc(), text_w.saturating_sub(key_w + 4));
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {keys}"),
                    stack(theme, &[Role::Help, Role::HelpKey]),
                ),
                Span::raw(pad),
                Span::styled(doc, stack(theme, &[Role::Help, Role::HelpText])),
            ]));
        }
    }
    out
}

/// The key table for the README, in Markdown, from the same sections, docs and keymap as
/// the overlay (see the `readme_key_table` snapshot).
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| Keys | Action | Config name |\n|---|---|---|\n");
    for (title, actions) in SECTIONS {
        out.push_str(&format!("| **{title}** | | |\n"));
        for &action in *actions {
            let keys: Vec<String> = keymap
                .keys_for(action)
                .iter()
                .map(|k| format!("`{k}`"))
                .collect();
            let doc = action.doc().replace('|', "\\|");
            out.push_str(&format!(
                "| {} | {doc} | `{}` |\n",
                keys.join(" "),
                action.name()
            ));
        }
    }
    out
}

pub fn draw(frame: &mut Frame, screen: Rect, m: &Model, scroll: usize, theme: &Theme) {
    let w = screen.width.min(84);
    let text_w = usize::from(w.saturating_sub(6));
    let body = lines(&m.keymap, theme, text_w);
    let h = u16::try_from(body.len() + 2)
        .unwrap_or(u16::MAX)
        .min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    );
    if area.is_empty() {
        return;
    }
    let inner_h = usize::from(h.saturating_sub(2));
    let max_scroll = body.len().saturating_sub(inner_h);
    let scroll = scroll.min(max_scroll);
    let more = if max_scroll > 0 {
        format!(" {}/{} ", scroll + inner_h, body.len())
    } else {
        String::new()
    };
    let close = m
        .keymap
        .keys_for(Action::Help)
        .first()
        .map_or(String::new(), |k| format!(" {k} or Esc closes "));
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(Line::styled(
            " Keys ",
            stack(theme, &[Role::Help, Role::HelpHeading]),
        ))
        .title_bottom(Line::styled(close, role(theme, Role::Help)).right_aligned())
        .title_bottom(Line::styled(more, role(theme, Role::Help)).left_aligned())
        .border_style(stack(theme, &[Role::Help, Role::PaneBorderFocused]))
        .style(role(theme, Role::Help));
    frame.render_widget(Clear, area);
    let p = Paragraph::new(body)
        .block(block)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0));
    frame.render_widget(p, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::ALL;

    #[test]
    fn readme_key_table() {
        insta::assert_snapshot!(markdown_table(&Keymap::default()));
    }

    #[test]
    fn every_action_is_in_exactly_one_section() {
        for a in ALL {
            let n = SECTIONS
                .iter()
                .filter(|(_, actions)| actions.contains(&a))
                .count();
            assert_eq!(n, 1, "{a:?}");
        }
    }
}
