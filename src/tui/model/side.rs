//! The side pane's state: which tab it shows, whether it has the keyboard, whether it is
//! wanted, and one list state per tab (as ratatui's `ListState`: the selected item and the
//! first visible line). The only code that indexes the per-tab lists.

use super::super::rows::Tab;
use super::Focus;

/// One tab's list: its selected item and its first visible line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListState {
    pub selected: Option<usize>,
    pub scroll: usize,
}

/// The side pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidePane {
    pub tab: Tab,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// Whether the side pane is wanted on a wide terminal, and on a narrow one (where it
    /// takes the whole width); `s` toggles the one for the current width.
    pub wide: bool,
    pub narrow: bool,
    lists: [ListState; 4],
}

impl Default for SidePane {
    fn default() -> SidePane {
        SidePane {
            tab: Tab::Entities,
            focus: Focus::Article,
            wide: true,
            narrow: false,
            lists: [ListState::default(); 4],
        }
    }
}

impl SidePane {
    /// `tab`'s list.
    pub fn list(&self, tab: Tab) -> &ListState {
        &self.lists[tab.index()]
    }

    pub fn list_mut(&mut self, tab: Tab) -> &mut ListState {
        &mut self.lists[tab.index()]
    }

    /// The list of the tab shown.
    pub fn current(&self) -> &ListState {
        self.list(self.tab)
    }

    pub fn current_mut(&mut self) -> &mut ListState {
        self.list_mut(self.tab)
    }

    /// Forgets every tab's selection and scroll (the lists were rebuilt).
    pub fn reset_lists(&mut self) {
        self.lists = [ListState::default(); 4];
    }
}
