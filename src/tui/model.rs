//! The reader's whole state: the article and its annotations, grouped by owner (the
//! viewport in `parts.rs`, the side pane and its per-tab lists in `side.rs`, detection,
//! search, jumps, overlays, the status line, notes), plus the pane geometry both drawing
//! and mouse hit-testing derive from the terminal size (`geometry.rs`).
//!
//! Only `update` changes a `Model`; drawing reads it. Building one does no I/O, so tests
//! drive the reader headless.

use std::sync::Arc;

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::nav::{self, JumpList};

use super::corrections::Corrections;
use super::keymap::Keymap;
use super::notes::Notes;
use super::rows::{Item, Rows, Tab};

mod annotations;
mod geometry;
mod layout;
mod marks;
mod parts;
mod side;

pub use geometry::{Panes, SideAreas};
pub use marks::MentionMarks;
pub use parts::{DetectionState, Overlays, StatusLine, Viewport};
pub use side::{ListState, SidePane};

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

/// The overlay drawn over the panes while `Overlays::scroll` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overlay {
    /// The keys (help).
    #[default]
    Keys,
    /// The last status messages, in full.
    Messages,
    /// The article's links; the overlay's `scroll` is the selected link.
    Links,
    /// The article's corrections: what was detected, what it is now.
    Corrections,
}

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Article,
    Side,
    /// The library screens (their status bar's hint).
    Library,
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

/// The search prompt while it is open, and the last search: its query and every match,
/// and the match last moved to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub prompt: Option<Prompt>,
    pub found: nav::Search,
    pub current: Option<usize>,
}

/// The reader's state, grouped by what owns each part.
#[derive(Debug)]
pub struct Model {
    /// Shared with the worker threads that detect and lay out a big text.
    pub article: Arc<Article>,
    pub annotations: AnnotationSet,
    pub rows: Rows,
    /// The file as named on the command line, for the status bar.
    pub file_label: String,
    pub settings: Settings,
    pub keymap: Keymap,
    /// The article pane: terminal size, layout and its cache, first visible line.
    pub view: Viewport,
    /// The side pane: its tab, focus, whether it is wanted, and each tab's list.
    pub side: SidePane,
    /// Whether detection is still running, and how far it is.
    pub detection: DetectionState,
    /// The current annotation (index into `annotations`).
    pub current: Option<usize>,
    /// Where the current entity's mentions fall on the scrollbar (kept by `update`).
    pub marks: MentionMarks,
    pub jumps: JumpList<Position>,
    /// The search prompt and the last search.
    pub search: Search,
    /// The overlay (help or messages) while one is open.
    pub overlay: Overlays,
    /// The status bar's message and the log of past ones.
    pub status: StatusLine,
    /// The reader's notes and what is being done with them.
    pub notes: Notes,
    /// The corrections of detections, the lexicon, and the correction popup.
    pub corrections: Corrections,
    /// The document this one was opened from (its label), which Ctrl-o goes back to once
    /// this one's jump list is spent (`tui::session`).
    pub previous: Option<String>,
    /// The command that opens a link outside gloss, the link appended (`opener`).
    pub opener: Vec<String>,
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
            article: Arc::new(with_language_notice(article)),
            annotations: AnnotationSet::default(),
            rows: Rows::default(),
            file_label,
            settings,
            keymap,
            // Laid out for real by `relayout` below, once the geometry is known.
            view: Viewport::new(size),
            side: SidePane::default(),
            detection: DetectionState::default(),
            current: None,
            marks: MentionMarks::default(),
            jumps: JumpList::new(),
            search: Search::default(),
            overlay: Overlays::default(),
            status: StatusLine::default(),
            notes: Notes::default(),
            corrections: Corrections::default(),
            previous: None,
            opener: crate::config::links::default_opener(),
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
        let t = Tab::Notes;
        let was = self
            .side
            .list(t)
            .selected
            .and_then(|i| self.rows.note_refs().get(i).map(|r| r.id.clone()));
        let rows = match &self.notes.book {
            Some(book) => super::notes::rows(book, &self.article.text, self.notes.tag.as_deref()),
            None => Vec::new(),
        };
        self.rows.set_notes(rows);
        self.notes.index_marks();
        let refs = self.rows.note_refs();
        self.side.list_mut(t).selected =
            match was.and_then(|id| refs.iter().position(|r| r.id == id)) {
                Some(i) => Some(i),
                None if refs.is_empty() => None,
                None => Some(self.side.list(t).selected.unwrap_or(0).min(refs.len() - 1)),
            };
    }
}

/// `article`, with a first warning for the status bar when its text is in a language the
/// detectors do not read (they find nothing in it, and the reader says why).
pub(crate) fn with_language_notice(mut article: Article) -> Article {
    if let Some(language) = crate::detect::language::unsupported(&article.text) {
        article.warnings.insert(0, language.notice());
    }
    article
}
