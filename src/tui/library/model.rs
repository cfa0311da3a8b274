//! The library screens' state: which screen is shown and the way back, the article list's
//! window and order, the search prompt and its hits, the entity index and the entity page
//! shown. Building one does no I/O; `update` fills it from the library.

use super::shelf::{ArticleRow, EntityPage, EntityRow, SearchHit, Sort};
use super::window::Window;
use crate::tui::keymap::Keymap;
use crate::tui::messages::MessageLog;

/// What the library shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Every article, in the chosen order.
    Articles,
    /// The hits of a full-text search.
    Search,
    /// The people, organisations and places across the library.
    Entities,
    /// One entity: its articles over time, its mentions and quotes.
    Entity,
}

/// The search: the query being typed or searched for, and its hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    /// Whether the prompt is open (keys are text).
    pub typing: bool,
    pub hits: Window<SearchHit>,
}

impl Default for SearchState {
    fn default() -> SearchState {
        SearchState {
            query: String::new(),
            typing: false,
            hits: Window::growing(),
        }
    }
}

/// The entity shown on the entity page, what the library said of it, and the selected
/// passage (its mentions first, then its quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityState {
    pub entity: EntityRow,
    pub page: EntityPage,
    pub cursor: usize,
    pub top: usize,
}

impl EntityState {
    /// How many passages the page lists.
    pub fn len(&self) -> usize {
        self.page.mentions.len() + self.page.quotes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The selected passage.
    pub fn selected(&self) -> Option<&super::shelf::Passage> {
        let m = &self.page.mentions;
        m.get(self.cursor)
            .or_else(|| self.page.quotes.get(self.cursor.checked_sub(m.len())?))
    }
}

/// The library screens' whole state.
#[derive(Debug)]
pub struct LibraryView {
    pub keymap: Keymap,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub screen: Screen,
    /// The screens to go back to, the last on top.
    pub back: Vec<Screen>,
    pub sort: Sort,
    /// How many articles the library holds, when known.
    pub total: Option<usize>,
    pub articles: Window<ArticleRow>,
    pub search: SearchState,
    pub entities: Window<EntityRow>,
    pub entity: Option<EntityState>,
    /// The help overlay's scroll while it is open.
    pub help: Option<usize>,
    /// A one-off message ("no article matches …"), cleared by the next key.
    pub message: Option<String>,
    /// The last messages.
    pub log: MessageLog,
}

impl LibraryView {
    /// The article list, nothing loaded yet (the first `update` asks the library).
    pub fn new(keymap: Keymap, size: (u16, u16)) -> LibraryView {
        LibraryView {
            keymap,
            size,
            screen: Screen::Articles,
            back: Vec::new(),
            sort: Sort::default(),
            total: None,
            articles: Window::default(),
            search: SearchState::default(),
            entities: Window::growing(),
            entity: None,
            help: None,
            message: None,
            log: MessageLog::default(),
        }
    }

    /// Rows of the list area: the screen less the header (2 rows) and the status bar.
    pub fn list_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3)).max(1)
    }

    /// Rows an entity page's passage list has, under its header and chart.
    pub fn passage_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3 + super::ui::CHART_ROWS)).max(1)
    }
}
