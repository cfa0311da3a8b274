//! The mouse: the wheel scrolls the pane under the pointer, a click on an annotation in the
//! article makes it current, a click on a side pane row chooses it, on a tab opens it.
//!
//! Hit-testing asks the panes' own geometry (`ui::article::byte_at`,
//! `ui::side_pane::hit`), so what is clicked is exactly what was drawn.

use ratatui::layout::{Position as Cell, Rect};

use super::super::model::{Focus, Model};
use super::super::ui::{article, side_pane};
use super::{Redraw, WHEEL_LINES, jump};

fn contains(rect: Option<Rect>, column: u16, row: u16) -> bool {
    rect.is_some_and(|r| r.contains(Cell { x: column, y: row }))
}

pub fn wheel(m: &mut Model, column: u16, row: u16, down: bool) -> Redraw {
    let panes = m.panes();
    if contains(panes.side, column, row) {
        let t = m.side.tab;
        let height = m.side_list_height();
        let max = m.rows.total_lines(m.side.tab).saturating_sub(height);
        m.side.list_mut(t).scroll = match down {
            true => (m.side.list(t).scroll + WHEEL_LINES).min(max),
            false => m.side.list(t).scroll.saturating_sub(WHEEL_LINES),
        };
    } else if contains(panes.article, column, row) {
        m.view.top = match down {
            true => m.view.top + WHEEL_LINES,
            false => m.view.top.saturating_sub(WHEEL_LINES),
        };
        m.clamp_top();
        return Redraw::Scrolled;
    }
    Redraw::Full
}

pub fn click(m: &mut Model, column: u16, row: u16) {
    let panes = m.panes();
    if contains(panes.side, column, row) {
        match side_pane::hit(m, column, row) {
            Some(side_pane::Hit::Tab(tab)) => {
                m.side.tab = tab;
                jump::keep_selection_visible(m);
            }
            Some(side_pane::Hit::Item(i)) => {
                // Exactly what Enter on the row does (narrow: back to the article).
                m.side.focus = Focus::Side;
                m.side.current_mut().selected = Some(i);
                super::enter(m);
            }
            None => super::focus_side(m),
        }
    } else if contains(panes.article, column, row) {
        m.side.focus = Focus::Article;
        let hit = article::byte_at(m, column, row).and_then(|b| m.annotations.at(b, None));
        if let Some(i) = hit {
            jump::show_annotation(m, i, false);
        }
    }
}
