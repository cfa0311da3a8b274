//! The reader's vocabulary: every command a key can trigger, one documented variant each.
//!
//! The variant names (in snake case, see [`Action::name`]) are the words of the config
//! file's `[keys]` table, and the doc line ([`Action::doc`]) is what the help overlay and
//! the README key table show, so a command is described exactly once.

/// A command the reader can give. Keys resolve to actions in [`super::keymap`]; only
/// [`super::update`] acts on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    LineDown,
    LineUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextAnnotation,
    PrevAnnotation,
    NextItem,
    PrevItem,
    NextMention,
    PrevMention,
    TabEntities,
    TabDates,
    TabQuotes,
    TabNotes,
    Enter,
    Back,
    JumpBack,
    Search,
    NextMatch,
    PrevMatch,
    ToggleSidePane,
    Help,
    AddNote,
    Select,
    Highlight,
    EditNote,
    DeleteNote,
    Undo,
    TagFilter,
    Reattach,
    SelectWordForward,
    SelectWordBack,
    SelectSentenceForward,
    SelectSentenceBack,
    SelectLineDown,
    SelectLineUp,
}

/// Every action, in the order the help overlay lists them.
pub const ALL: [Action; 41] = [
    Action::Quit,
    Action::LineDown,
    Action::LineUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::NextAnnotation,
    Action::PrevAnnotation,
    Action::NextItem,
    Action::PrevItem,
    Action::NextMention,
    Action::PrevMention,
    Action::TabEntities,
    Action::TabDates,
    Action::TabQuotes,
    Action::TabNotes,
    Action::Enter,
    Action::Back,
    Action::JumpBack,
    Action::Search,
    Action::NextMatch,
    Action::PrevMatch,
    Action::ToggleSidePane,
    Action::Help,
    Action::AddNote,
    Action::Select,
    Action::Highlight,
    Action::EditNote,
    Action::DeleteNote,
    Action::Undo,
    Action::TagFilter,
    Action::Reattach,
    Action::SelectWordForward,
    Action::SelectWordBack,
    Action::SelectSentenceForward,
    Action::SelectSentenceBack,
    Action::SelectLineDown,
    Action::SelectLineUp,
];

impl Action {
    /// The config word for this action (`[keys] next_annotation = ["tab"]`).
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::LineDown => "line_down",
            Action::LineUp => "line_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextAnnotation => "next_annotation",
            Action::PrevAnnotation => "prev_annotation",
            Action::NextItem => "next_item",
            Action::PrevItem => "prev_item",
            Action::NextMention => "next_mention",
            Action::PrevMention => "prev_mention",
            Action::TabEntities => "tab_entities",
            Action::TabDates => "tab_dates",
            Action::TabQuotes => "tab_quotes",
            Action::TabNotes => "tab_notes",
            Action::Enter => "enter",
            Action::Back => "back",
            Action::JumpBack => "jump_back",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::ToggleSidePane => "toggle_side_pane",
            Action::Help => "help",
            Action::AddNote => "add_note",
            Action::Select => "select",
            Action::Highlight => "highlight",
            Action::EditNote => "edit_note",
            Action::DeleteNote => "delete_note",
            Action::Undo => "undo",
            Action::TagFilter => "tag_filter",
            Action::Reattach => "reattach",
            Action::SelectWordForward => "select_word_forward",
            Action::SelectWordBack => "select_word_back",
            Action::SelectSentenceForward => "select_sentence_forward",
            Action::SelectSentenceBack => "select_sentence_back",
            Action::SelectLineDown => "select_line_down",
            Action::SelectLineUp => "select_line_up",
        }
    }

    /// One line saying what the action does, for the help overlay and the README.
    pub fn doc(self) -> &'static str {
        match self {
            Action::Quit => "Quit gloss (in the help: close the help)",
            Action::LineDown => "Scroll down a line (side pane: next row)",
            Action::LineUp => "Scroll up a line (side pane: previous row)",
            Action::HalfPageDown => "Scroll down half a page",
            Action::HalfPageUp => "Scroll up half a page",
            Action::PageDown => "Scroll down a page",
            Action::PageUp => "Scroll up a page",
            Action::Top => "Go to the top",
            Action::Bottom => "Go to the bottom",
            Action::NextAnnotation => "Next annotation of any kind",
            Action::PrevAnnotation => "Previous annotation of any kind",
            Action::NextItem => "Next item of the side pane's tab down the text (quote to quote)",
            Action::PrevItem => "Previous item of the side pane's tab up the text",
            Action::NextMention => "Next mention of the current entity",
            Action::PrevMention => "Previous mention of the current entity",
            Action::TabEntities => "Side pane: entities",
            Action::TabDates => "Side pane: dates, as a timeline",
            Action::TabQuotes => "Side pane: quotes",
            Action::TabNotes => "Side pane: notes",
            Action::Enter => "Article: go to the side pane · side pane: show the passage",
            Action::Back => "Back to the article",
            Action::JumpBack => "Back to where the last jump started",
            Action::Search => "Search the article",
            Action::NextMatch => "Next search match",
            Action::PrevMatch => "Previous search match",
            Action::ToggleSidePane => "Show or hide the side pane",
            Action::Help => "Show or hide this help",
            Action::AddNote => {
                "Add a note to the selection, the current annotation or the sentence at the top"
            }
            Action::Select => "Start a selection (extend by word, sentence or line; Esc cancels)",
            Action::Highlight => "Highlight the selection (or current annotation) without a note",
            Action::EditNote => {
                "Edit the note (Notes tab: the selected one; article: the one in view)"
            }
            Action::DeleteNote => {
                "Delete the note (Notes tab: the selected one; article: the one in view)"
            }
            Action::Undo => "Undo the last deletion of a note (this session)",
            Action::TagFilter => "Notes tab: show only notes with the next tag (cycles, then all)",
            Action::Reattach => "Re-attach the selected detached note to the selection",
            Action::SelectWordForward => "Selection: extend by a word",
            Action::SelectWordBack => "Selection: shrink by a word",
            Action::SelectSentenceForward => "Selection: extend by a sentence",
            Action::SelectSentenceBack => "Selection: shrink by a sentence",
            Action::SelectLineDown => "Selection: extend by a line",
            Action::SelectLineUp => "Selection: shrink by a line",
        }
    }

    /// The short word used in the status bar's key hint.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextAnnotation => "next",
            Action::Enter => "select",
            Action::Back => "back",
            Action::Search => "search",
            Action::Help => "help",
            Action::NextItem => "next item",
            Action::ToggleSidePane => "pane",
            Action::AddNote => "note",
            Action::Select => "select",
            Action::Highlight => "highlight",
            Action::EditNote => "edit",
            Action::DeleteNote => "delete",
            Action::Undo => "undo",
            Action::TagFilter => "tags",
            Action::Reattach => "reattach",
            Action::SelectWordForward => "word",
            Action::SelectWordBack => "word back",
            Action::SelectSentenceForward => "sentence",
            Action::SelectSentenceBack => "sentence back",
            Action::SelectLineDown => "line",
            Action::SelectLineUp => "line back",
            other => other.name(),
        }
    }

    /// The action named `name` in the config file.
    pub fn from_name(name: &str) -> Option<Action> {
        ALL.into_iter().find(|a| a.name() == name)
    }

    /// Actions that only mean something while a selection is being made: their keys
    /// (`w`, `b`, `j`, `k`...) mean something else otherwise, so they have a table of their
    /// own in the keymap.
    pub fn is_select(self) -> bool {
        matches!(
            self,
            Action::SelectWordForward
                | Action::SelectWordBack
                | Action::SelectSentenceForward
                | Action::SelectSentenceBack
                | Action::SelectLineDown
                | Action::SelectLineUp
        )
    }

    /// The config words of every action, for `Config::load`'s check of unknown names.
    pub fn names() -> Vec<&'static str> {
        ALL.iter().map(|a| a.name()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names = Action::names();
        for a in ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(!a.doc().is_empty());
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }
}
