//! The note editor popup: a bordered box over the reading, titled with the passage being
//! noted, holding the multi-line text area (ratatui-textarea) and a line of its keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding};

use crate::theme::{Role, Theme};

use super::super::model::Model;
use super::super::notes::{EditTarget, Editor};
use super::fit;
use super::style::{role, stack};

/// The popup's box for a screen of `screen`: 64 columns and 12 rows at most, centred.
pub fn area(screen: Rect) -> Rect {
    let w = screen.width.min(64);
    let h = screen.height.saturating_sub(1).min(12);
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + screen.height.saturating_sub(1).saturating_sub(h) / 2,
        w,
        h,
    )
}

/// The passage a popup is about, on one line.
fn passage(m: &Model, ed: &Editor) -> String {
    let text = match &ed.target {
        EditTarget::New { range, .. } => m.article.text.get(range.clone()).unwrap_or(""),
        EditTarget::Edit { id } => m
            .notes
            .book
            .as_ref()
            .and_then(|b| b.placed().find(|(_, n)| &n.id == id).map(|(r, _)| r))
            .and_then(|r| m.article.text.get(r))
            .unwrap_or(""),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn draw(frame: &mut Frame, screen: Rect, m: &Model, ed: &Editor, theme: &Theme) {
    let popup = area(screen);
    if popup.width < 8 || popup.height < 4 {
        return;
    }
    frame.render_widget(Clear, popup);
    let base = role(theme, Role::Help);
    let verb = match ed.target {
        EditTarget::New { .. } => "New note",
        EditTarget::Edit { .. } => "Edit note",
    };
    let room = usize::from(popup.width).saturating_sub(verb.len() + 8);
    let title = Line::from(vec![
        Span::styled(
            format!(" {verb} on "),
            stack(theme, &[Role::Help, Role::HelpHeading]),
        ),
        Span::styled(
            format!("“{}” ", fit(&passage(m, ed), room)),
            stack(theme, &[Role::Help, Role::Note]),
        ),
    ]);
    let keys = match ed.confirm_cancel {
        true => " Esc: discard · any other key: go on writing ",
        false => " Ctrl-s save · Esc cancel · Ctrl-e $EDITOR ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(stack(theme, &[Role::Help, Role::PaneBorderFocused]))
        .style(base)
        .padding(Padding::horizontal(1))
        .title(title)
        .title_bottom(Line::styled(
            fit(keys, usize::from(popup.width).saturating_sub(2)),
            stack(theme, &[Role::Help, Role::HelpKey]),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    // The text area is styled here from the theme; drawing a copy keeps `draw` pure.
    let mut area = ed.area.clone();
    area.set_style(stack(theme, &[Role::Help, Role::HelpText]));
    area.set_cursor_line_style(stack(theme, &[Role::Help, Role::HelpText]));
    area.set_placeholder_style(stack(theme, &[Role::Help, Role::ListDim]));
    frame.render_widget(&area, inner);
}
