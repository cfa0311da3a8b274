//! The overlays' part of `update`: opening the help or the messages overlay, scrolling and
//! closing it, and keeping each status message in the log the messages overlay shows.

use crate::nav;

use super::super::action::Action;
use super::super::model::{Model, Overlay};
use super::Effect;

/// Opens `overlay` at its top.
pub fn open(m: &mut Model, overlay: Overlay) {
    m.overlay.scroll = Some(0);
    m.overlay.which = overlay;
}

/// An action while an overlay is open: scrolling it, or closing it (the links list has
/// its own keys).
pub fn act(m: &mut Model, scroll: usize, action: Action) -> Effect {
    if m.overlay.which == Overlay::Links {
        return super::links::act(m, scroll, action);
    }
    let step = nav::half_page_lines(m.page_height());
    m.overlay.scroll = match action {
        Action::Quit | Action::Back | Action::Help | Action::Messages | Action::CorrectionsList => {
            None
        }
        Action::LineDown => Some(scroll + 1),
        Action::LineUp => Some(scroll.saturating_sub(1)),
        Action::HalfPageDown | Action::PageDown => Some(scroll + step),
        Action::HalfPageUp | Action::PageUp => Some(scroll.saturating_sub(step)),
        Action::Top => Some(0),
        // The overlay clamps its scroll when drawn; any large number means "the end".
        Action::Bottom => Some(usize::MAX / 2),
        _ => Some(scroll),
    };
    Effect::None
}

/// Keeps the status bar's message in the log the messages overlay shows.
pub fn log_message(m: &mut Model) {
    if let Some(message) = &m.status.message {
        m.status.log.push(message);
    }
}
