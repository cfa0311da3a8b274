//! The reader's whole state: the article and its annotations, the layout at the current
//! width, scroll positions, focus, selection, search and overlays, plus the pane geometry
//! both drawing and mouse hit-testing derive from the terminal size.
//!
//! Only `update` changes a `Model`; drawing reads it. Building one does no I/O, so tests
//! drive the reader headless.

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::layout::Layout;
use crate::nav::{self, JumpList};

use super::keymap::Keymap;
use super::messages::MessageLog;
use super::notes::Notes;
use super::rows::{Item, Rows, Tab};

mod annotations;
mod layout;

/// Below this many columns the side pane no longer fits beside the article.
pub const NARROW: u16 = 70;

/// The layout settings from the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Columns of the side pane when it sits beside the article.
    pub side_pane_width: u16,
    /// Widest text column, for readability; narrower panes wrap narrower.
    pub max_text_width: u16,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            side_pane_width: 42,
            max_text_width: 100,
        }
    }
}

/// The overlay drawn over the panes while `Model::help` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overlay {
    /// The keys (help).
    #[default]
    Keys,
    /// The last status messages, in full.
    Messages,
}

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Article,
    Side,
}

/// A place in the reading, for the jump list: anchored to a byte so it survives a resize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub top_byte: usize,
    pub current: Option<usize>,
}

/// The search prompt while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub input: String,
    /// Where the reader was when the prompt opened: Esc goes back there.
    pub origin: Position,
}

/// The last search: its query and every match, and the match last moved to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub found: nav::Search,
    pub current: Option<usize>,
}

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

/// The reader's state.
#[derive(Debug)]
pub struct Model {
    /// Shared with the worker threads that detect and lay out a big text.
    pub article: Arc<Article>,
    pub annotations: AnnotationSet,
    pub rows: Rows,
    /// True until the detectors' results arrive (see [`Model::set_annotations`]).
    pub detecting: bool,
    /// How far background detection is, in percent, when it says (books).
    pub detection_progress: Option<u8>,
    /// The file as named on the command line, for the status bar.
    pub file_label: String,
    pub settings: Settings,
    pub keymap: Keymap,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The article laid out at `text_width()`.
    pub layout: Layout,
    /// Complete layouts at other widths the reader has used, newest last, so going back to
    /// a width (a resize undone, the side pane toggled) is instant and exact.
    pub layout_cache: Vec<Layout>,
    pub layout_width: u16,
    /// First visible layout line of the article pane.
    pub top: usize,
    /// The current annotation (index into `annotations`).
    pub current: Option<usize>,
    pub focus: Focus,
    pub tab: Tab,
    /// Selected item per tab.
    pub selected: [Option<usize>; 4],
    /// First visible line of each tab's list.
    pub side_scroll: [usize; 4],
    /// Whether the side pane is wanted on a wide terminal, and on a narrow one (where it
    /// takes the whole width); `s` toggles the one for the current width.
    pub side_wide: bool,
    pub side_narrow: bool,
    pub jumps: JumpList<Position>,
    pub search: Search,
    pub prompt: Option<Prompt>,
    /// Scroll offset of the overlay (help or messages, see `overlay`) while it is open.
    pub help: Option<usize>,
    /// Which overlay `help` scrolls.
    pub overlay: Overlay,
    /// A one-off message for the status bar ("no match for …"), cleared by the next key.
    pub message: Option<String>,
    /// The last messages, for the messages overlay.
    pub log: MessageLog,
    /// The reader's notes and what is being done with them.
    pub notes: Notes,
}

impl Model {
    /// A reader over `article` for a terminal of `size`, annotations still to come.
    pub fn new(
        article: Article,
        file_label: String,
        settings: Settings,
        keymap: Keymap,
        size: (u16, u16),
    ) -> Model {
        let mut model = Model {
            article: Arc::new(article),
            annotations: AnnotationSet::default(),
            rows: Rows::default(),
            detecting: true,
            detection_progress: None,
            file_label,
            settings,
            keymap,
            size,
            // Laid out for real by `relayout` below, once the geometry is known.
            layout: Layout::default(),
            layout_cache: Vec::new(),
            layout_width: 0,
            top: 0,
            current: None,
            focus: Focus::Article,
            tab: Tab::Entities,
            selected: [None; 4],
            side_scroll: [0; 4],
            side_wide: true,
            side_narrow: false,
            jumps: JumpList::new(),
            search: Search::default(),
            prompt: None,
            help: None,
            overlay: Overlay::Keys,
            log: MessageLog::default(),
            message: None,
            notes: Notes::default(),
        };
        model.relayout();
        model
    }

    /// Item `index` of `tab`'s list, its words shaped for drawing ([`Rows::item`]).
    pub fn item(&self, tab: Tab, index: usize) -> Option<Item> {
        self.rows
            .item(tab, index, &self.article.text, &self.annotations)
    }

    /// Rebuilds the Notes tab after a change to the notes or the tag filter, keeping the
    /// selection on the same note when it is still listed.
    pub fn refresh_notes(&mut self) {
        let t = Tab::Notes.index();
        let was = self.selected[t].and_then(|i| self.rows.note_refs().get(i).map(|r| r.id.clone()));
        let rows = match &self.notes.book {
            Some(book) => super::notes::rows(book, &self.article.text, self.notes.tag.as_deref()),
            None => Vec::new(),
        };
        self.rows.set_notes(rows);
        self.notes.index_marks();
        let refs = self.rows.note_refs();
        self.selected[t] = match was.and_then(|id| refs.iter().position(|r| r.id == id)) {
            Some(i) => Some(i),
            None if refs.is_empty() => None,
            None => Some(self.selected[t].unwrap_or(0).min(refs.len() - 1)),
        };
    }

    /// The screen's division for the current size and side pane wishes.
    pub fn panes(&self) -> Panes {
        let (w, h) = self.size;
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
            return match self.side_narrow {
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
        if !self.side_wide {
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
        let detail_h = match self.tab != Tab::Notes && inner.height >= DETAIL_MIN_PANE_HEIGHT {
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
        let fallback = usize::from(self.size.1.saturating_sub(1));
        self.text_area()
            .map_or(fallback, |a| usize::from(a.height))
            .max(1)
    }

    /// The largest useful `top`: the last line may rest at the bottom of the pane.
    pub fn max_top(&self) -> usize {
        nav::max_top(self.layout.len(), self.page_height())
    }

    pub fn clamp_top(&mut self) {
        self.top = nav::clamp_top(self.top, self.layout.len(), self.page_height());
    }

    /// Scrolls the article.
    pub fn scroll(&mut self, how: nav::Scroll) {
        self.top = nav::scroll(self.top, how, self.layout.len(), self.page_height());
    }

    /// The first byte of the first visible text line (0 above the first block).
    pub fn top_byte(&self) -> usize {
        (self.top..self.layout.len())
            .filter_map(|i| self.layout.line(i))
            .find(|l| !l.range.is_empty())
            .map_or(0, |l| l.range.start)
    }

    /// The bytes shown in the article pane.
    pub fn visible_bytes(&self) -> Range<usize> {
        let end_line = (self.top + self.page_height()).min(self.layout.len());
        let end = (self.top..end_line)
            .rev()
            .filter_map(|i| self.layout.line(i))
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
        let len = self.layout.len();
        if len == 0 {
            return 100;
        }
        ((self.top + self.page_height()).min(len) * 100 / len).min(100)
    }
}
