//! Which messages only scroll the article: the frame after them differs from the one
//! before only in the article's lines, its scrollbar and the status bar, so the presenter
//! may have the terminal scroll instead of painting everything (`tui::present`).

use super::super::action::Action;
use super::super::keymap::Mode;
use super::super::model::{Focus, Model};
use super::{Msg, mode};

/// Whether `msg`, taken in by `m` as it is now, changes nothing on screen but the article's
/// position (and the status bar). Asked before the message is taken in.
pub fn only_scrolls(m: &Model, msg: &Msg) -> bool {
    // Overlays, the prompt and a selection are drawn over or beside the text; with the
    // side pane focused, the same keys move its selection.
    if mode(m) != Mode::Normal {
        return false;
    }
    match msg {
        Msg::Key(chord) => {
            !(m.focus == Focus::Side && m.side_shown())
                && matches!(
                    m.keymap.resolve(Mode::Normal, chord),
                    Some(
                        Action::LineDown
                            | Action::LineUp
                            | Action::HalfPageDown
                            | Action::HalfPageUp
                            | Action::PageDown
                            | Action::PageUp
                    )
                )
        }
        Msg::Wheel { column, row, .. } => {
            let at = ratatui::layout::Position::new(*column, *row);
            let panes = m.panes();
            panes.article.is_some_and(|a| a.contains(at))
                && !panes.side.is_some_and(|s| s.contains(at))
        }
        _ => false,
    }
}
