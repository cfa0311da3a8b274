//! Drawing: `draw(frame, &Model, &Theme)` paints the panes the model's geometry names, one
//! module per pane or popup. Nothing here changes the model or does I/O.

pub mod article;
pub mod correct;
pub mod editor;
pub mod help;
pub mod links;
pub mod messages;
pub mod search_prompt;
pub mod side_pane;
pub mod status_bar;
pub mod style;
pub mod text;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use unicode_segmentation::UnicodeSegmentation;

use crate::layout::{grapheme_width, str_width};
use crate::theme::Theme;

use super::model::{Model, Overlay};

/// Paints the whole screen.
pub fn draw(frame: &mut Frame, m: &Model, theme: &Theme) {
    let screen = frame.area();
    let panes = m.panes();
    // The model's size follows resize events; clip to the real frame in case one is late.
    let clip = |r| on_screen(r, screen);
    if let Some(area) = clip(panes.article) {
        article::draw(frame, area, m, theme);
    }
    if let Some(area) = clip(panes.side) {
        side_pane::draw(frame, area, m, theme);
    }
    article::draw_scrollbar(frame, m, theme);
    if let Some(area) = clip(panes.status) {
        match &m.search.prompt {
            Some(prompt) => search_prompt::draw(frame, area, m, prompt, theme),
            None => status_bar::draw(frame, area, m, theme),
        }
    }
    if let Some(scroll) = m.overlay.scroll {
        match m.overlay.which {
            Overlay::Keys => help::draw(frame, screen, m, scroll, theme),
            Overlay::Messages => messages::draw(frame, screen, m, scroll, theme),
            Overlay::Links => links::draw(frame, screen, m, scroll, theme),
            Overlay::Corrections => correct::draw_list(frame, screen, m, scroll, theme),
        }
    }
    if let Some(popup) = &m.corrections.popup {
        correct::draw_popup(frame, screen, m, popup, theme);
    }
    if let Some(ed) = &m.notes.editor {
        editor::draw(frame, screen, m, ed, theme);
    }
}

/// Paints what changes on screen when only the article scrolled (`tui::present`): the
/// article pane's rows `rows` (the lines that came into view), the scrollbar's column and
/// the status bar. Each is painted as [`draw`] paints it; the rest of the buffer is left
/// alone.
pub fn draw_scrolled(frame: &mut Frame, m: &Model, theme: &Theme, rows: Range<u16>) {
    let screen = frame.area();
    let panes = m.panes();
    let clip = |r| on_screen(r, screen);
    if let Some(area) = clip(panes.article) {
        article::draw_rows(frame, area, m, theme, rows);
    }
    if let Some(area) = clip(panes.side) {
        side_pane::draw_left_column(frame.buffer_mut(), area, m, theme);
    } else if let Some(column) = clip(m.scrollbar_column()) {
        // Inside the article pane, the scrollbar sits on the pane's background.
        frame
            .buffer_mut()
            .set_style(column, style::role(theme, crate::theme::Role::Text));
    }
    article::draw_scrollbar(frame, m, theme);
    if let Some(area) = clip(panes.status) {
        status_bar::draw(frame, area, m, theme);
    }
}

/// The part of a pane on the screen, if any.
fn on_screen(pane: Option<Rect>, screen: Rect) -> Option<Rect> {
    pane.map(|r| r.intersection(screen))
        .filter(|r| !r.is_empty())
}

/// Where the terminal's cursor is shown, if anywhere: in the search prompt.
pub fn cursor(m: &Model) -> Option<Position> {
    let area = m.panes().status?;
    search_prompt::cursor(area, m, m.search.prompt.as_ref()?)
}

/// `s` cut to `width` columns, with an ellipsis when something was cut.
pub fn fit(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Display width, as ratatui counts it.
pub fn width(s: &str) -> usize {
    str_width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_width_with_an_ellipsis() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("日本語のテキスト", 5), "日本…");
        assert_eq!(fit("abc", 0), "");
    }
}
