//! The screen's geometry, derived from the terminal size and what is shown: where each
//! pane is (drawing and mouse hit-testing both ask here), the text column, and the
//! article's position in lines and bytes.

use std::ops::Range;

use ratatui::layout::Rect;

use crate::nav;

use super::super::rows::Tab;
use super::{Model, NARROW, Position};

/// Where each part of the screen is, derived from the terminal size and what is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub article: Option<Rect>,
    pub side: Option<Rect>,
    pub status: Option<Rect>,
}

/// The parts of the side pane: the tab bar, the list, and (when the pane is tall enough)
/// a detail box showing the selected item in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideAreas {
    pub tabs: Rect,
    pub list: Rect,
    pub detail: Option<Rect>,
}

/// The side pane must be this tall to have room for the detail box.
const DETAIL_MIN_PANE_HEIGHT: u16 = 18;
/// Lines of the detail box, its rule included.
const DETAIL_HEIGHT: u16 = 7;

impl Model {
    /// The screen's division for the current size and side pane wishes.
    pub fn panes(&self) -> Panes {
        let (w, h) = self.view.size;
        if w == 0 || h == 0 {
            return Panes {
                article: None,
                side: None,
                status: None,
            };
        }
        if h == 1 {
            return Panes {
                article: None,
                side: None,
                status: Some(Rect::new(0, 0, w, 1)),
            };
        }
        let status = Some(Rect::new(0, h - 1, w, 1));
        let body = Rect::new(0, 0, w, h - 1);
        if w < NARROW {
            return match self.side.narrow {
                true => Panes {
                    article: None,
                    side: Some(body),
                    status,
                },
                false => Panes {
                    article: Some(body),
                    side: None,
                    status,
                },
            };
        }
        if !self.side.wide {
            return Panes {
                article: Some(body),
                side: None,
                status,
            };
        }
        let side_w = self.settings.side_pane_width.clamp(20, w * 2 / 5);
        let article = Rect::new(0, 0, w - side_w, h - 1);
        let side = Rect::new(w - side_w, 0, side_w, h - 1);
        Panes {
            article: Some(article),
            side: Some(side),
            status,
        }
    }

    /// The text column inside the article pane: at most `max_text_width` wide, centred,
    /// with a column of margin on each side when there is room.
    /// The side pane's parts. Beside the article the pane has a border column on its left
    /// (the article's scrollbar runs along it); full width it has none.
    pub fn side_areas(&self) -> Option<SideAreas> {
        let pane = self.panes().side?;
        let border = u16::from(pane.x > 0);
        let inner = Rect::new(
            pane.x + border,
            pane.y,
            pane.width.saturating_sub(border),
            pane.height,
        );
        let tabs = Rect::new(inner.x, inner.y, inner.width, inner.height.min(1));
        let below = inner.height.saturating_sub(2);
        let detail_h = match self.side.tab != Tab::Notes && inner.height >= DETAIL_MIN_PANE_HEIGHT {
            true => DETAIL_HEIGHT,
            false => 0,
        };
        let list = Rect::new(
            inner.x,
            inner.y + inner.height.min(2),
            inner.width,
            below - detail_h,
        );
        let detail =
            (detail_h > 0).then(|| Rect::new(inner.x, list.bottom(), inner.width, detail_h));
        Some(SideAreas { tabs, list, detail })
    }

    /// Lines of the side pane's list (at least 1).
    pub fn side_list_height(&self) -> usize {
        self.side_areas()
            .map_or(1, |a| usize::from(a.list.height).max(1))
    }

    /// The article's scrollbar sits on the side pane's border when the side pane is
    /// beside the article, otherwise in the article pane's rightmost column.
    pub fn scrollbar_column(&self) -> Option<Rect> {
        let panes = self.panes();
        match (panes.article, panes.side) {
            (Some(_), Some(side)) => Some(Rect::new(side.x, side.y, 1, side.height)),
            (Some(a), None) if a.width > 1 => Some(Rect::new(a.right() - 1, a.y, 1, a.height)),
            _ => None,
        }
    }

    /// A wide pane gets a column of margin on the left and one before the scrollbar or
    /// the side pane; the scrollbar's own column is kept free when it is in the pane.
    pub fn text_area(&self) -> Option<Rect> {
        let panes = self.panes();
        let pane = panes.article?;
        let bar = u16::from(panes.side.is_none() && pane.width > 1);
        let (left, right) = match pane.width {
            0..=24 => (0, bar),
            _ => (1, 1 + bar),
        };
        let room = pane.width - left - right;
        let width = room.min(self.settings.max_text_width.max(1)).max(1);
        let x = pane.x + left + (room - width) / 2;
        Some(Rect::new(x, pane.y, width, pane.height))
    }

    /// Visible lines of the article pane (at least 1, so paging always moves); while the
    /// side pane covers the article, the lines the article would have.
    pub fn page_height(&self) -> usize {
        let fallback = usize::from(self.view.size.1.saturating_sub(1));
        self.text_area()
            .map_or(fallback, |a| usize::from(a.height))
            .max(1)
    }

    /// The largest useful `top`: the last line may rest at the bottom of the pane.
    pub fn max_top(&self) -> usize {
        nav::max_top(self.view.layout.len(), self.page_height())
    }

    pub fn clamp_top(&mut self) {
        self.view.top = nav::clamp_top(self.view.top, self.view.layout.len(), self.page_height());
    }

    /// Scrolls the article.
    pub fn scroll(&mut self, how: nav::Scroll) {
        self.view.top = nav::scroll(
            self.view.top,
            how,
            self.view.layout.len(),
            self.page_height(),
        );
    }

    /// The first byte of the first visible text line (0 above the first block).
    pub fn top_byte(&self) -> usize {
        (self.view.top..self.view.layout.len())
            .filter_map(|i| self.view.layout.line(i))
            .find(|l| !l.range.is_empty())
            .map_or(0, |l| l.range.start)
    }

    /// The bytes shown in the article pane.
    pub fn visible_bytes(&self) -> Range<usize> {
        let end_line = (self.view.top + self.page_height()).min(self.view.layout.len());
        let end = (self.view.top..end_line)
            .rev()
            .filter_map(|i| self.view.layout.line(i))
            .find(|l| !l.range.is_empty())
            .map_or(0, |l| l.range.end);
        self.top_byte()..end.max(self.top_byte())
    }

    pub fn position(&self) -> Position {
        Position {
            top_byte: self.top_byte(),
            current: self.current,
        }
    }

    /// Whether the side pane is on screen.
    pub fn side_shown(&self) -> bool {
        self.panes().side.is_some()
    }

    /// How far through the article the bottom of the view is, in percent.
    pub fn percent(&self) -> usize {
        let len = self.view.layout.len();
        if len == 0 {
            return 100;
        }
        ((self.view.top + self.page_height()).min(len) * 100 / len).min(100)
    }
}
