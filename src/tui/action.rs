//! The reader's vocabulary: every command a key can trigger, defined once in the
//! `actions!` table below.
//!
//! One row per action gives its variant, its config word (the `[keys]` table's name for
//! it, [`Action::name`]), its default keys, the help section it is listed in, one line of
//! doc ([`Action::doc`], shown by the help overlay and the README key table) and, for the
//! few the status bar offers, the hint word and rank per focus. Every list of actions (the
//! enum, [`ALL`], [`SECTIONS`], the keymap's defaults, the status-bar hints) is generated
//! from the table, so adding a command is adding a row.

use crate::keys::{Key, KeyChord};

use super::model::Focus;

/// Generates [`Action`], [`Section`], [`ALL`], [`SECTIONS`] and the per-action lookups
/// from a table of sections of rows. A row reads
///
/// ```text
/// /// One line of doc.
/// Variant = "config_word", [Char('x'), Ctrl('y'), Down, F(1)], hint Article 2 "word";
/// ```
///
/// Keys are `Char(c)`, `Ctrl(c)` or any [`Key`] variant (`Down`, `F(1)`). The `hint` part
/// is optional: it puts the action in the status bar's hint while that [`Focus`] has the
/// keyboard, ranked (1 first: when the bar is short, hints are dropped from the end) and
/// named by the word.
macro_rules! actions {
    ($(
        $section:ident $title:literal {
            $(
                $(#[doc = $doc:literal])+
                $variant:ident = $name:literal,
                [$($key:ident $(($arg:literal))?),+]
                $(, hint $($focus:ident $rank:literal $word:literal),+)?;
            )+
        }
    )+) => {
        /// A command the reader can give. Keys resolve to actions in [`super::keymap`];
        /// only [`super::update`] acts on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($( $(#[doc = $doc])+ $variant, )+)+
        }

        /// The help overlay's sections, in the order it lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Section {
            $( $section, )+
        }

        /// How many actions there are.
        const COUNT: usize = [$($(actions!(@unit $variant),)+)+].len();

        /// Every action, in the order the help overlay lists them.
        pub const ALL: [Action; COUNT] = [$($(Action::$variant,)+)+];

        /// The help overlay's sections with their titles: every action is in exactly one.
        pub const SECTIONS: &[(&str, &[Action])] = &[$( ($title, &[$(Action::$variant),+]), )+];

        impl Section {
            /// The section's heading in the help overlay and the README.
            pub fn title(self) -> &'static str {
                match self { $(Section::$section => $title,)+ }
            }
        }

        impl Action {
            /// The config word for this action (`[keys] next_annotation = ["tab"]`).
            pub fn name(self) -> &'static str {
                match self { $($(Action::$variant => $name,)+)+ }
            }

            /// One line saying what the action does, for the help overlay and the README.
            pub fn doc(self) -> &'static str {
                match self { $($(Action::$variant => concat!($($doc),+).trim_ascii(),)+)+ }
            }

            /// The help section the action is listed in.
            pub fn section(self) -> Section {
                match self { $($(Action::$variant => Section::$section,)+)+ }
            }

            /// The default chords of the action, as the README and the help show them.
            pub fn default_keys(self) -> Vec<KeyChord> {
                match self {
                    $($(Action::$variant => vec![$(actions!(@chord $key $($arg)?)),+],)+)+
                }
            }

            /// Where the action stands in the status bar's hint while `focus` has the
            /// keyboard (its rank, 1 first) and the word shown for it; `None` when the hint
            /// does not offer it there.
            pub fn hint(self, focus: Focus) -> Option<(u8, &'static str)> {
                match (self, focus) {
                    $($($($( (Action::$variant, Focus::$focus) => Some(($rank, $word)), )+)?)+)+
                    _ => None,
                }
            }
        }
    };
    (@unit $variant:ident) => { () };
    (@chord Char $c:literal) => { KeyChord::char($c) };
    (@chord Ctrl $c:literal) => { KeyChord::ctrl($c) };
    (@chord $key:ident $arg:literal) => { KeyChord::plain(Key::$key($arg)) };
    (@chord $key:ident) => { KeyChord::plain(Key::$key) };
}

actions! {
    Reading "Reading" {
        /// Scroll down a line (side pane: next row)
        LineDown = "line_down", [Char('j'), Down];
        /// Scroll up a line (side pane: previous row)
        LineUp = "line_up", [Char('k'), Up];
        /// Scroll down half a page
        HalfPageDown = "half_page_down", [Ctrl('d')];
        /// Scroll up half a page
        HalfPageUp = "half_page_up", [Ctrl('u')];
        /// Scroll down a page
        PageDown = "page_down", [Space, PageDown];
        /// Scroll up a page
        PageUp = "page_up", [Char('b'), PageUp];
        /// Go to the top
        Top = "top", [Char('g'), Home];
        /// Go to the bottom
        Bottom = "bottom", [Char('G'), End];
    }
    Annotations "Annotations" {
        /// Next annotation of any kind
        NextAnnotation = "next_annotation", [Tab], hint Article 2 "next";
        /// Previous annotation of any kind
        PrevAnnotation = "prev_annotation", [BackTab];
        /// Next item of the side pane's tab down the text (quote to quote)
        NextItem = "next_item", [Char(']')];
        /// Previous item of the side pane's tab up the text
        PrevItem = "prev_item", [Char('[')];
        /// Next mention of the current entity
        NextMention = "next_mention", [Char('*')];
        /// Previous mention of the current entity
        PrevMention = "prev_mention", [Char('#')];
        /// Back where the last jump started, then to the previous article
        JumpBack = "jump_back", [Ctrl('o')];
    }
    Links "Links" {
        /// List the article's links (Enter opens one in gloss)
        Links = "links", [Char('l')];
        /// Links list: open the link with the system opener
        OpenExternal = "open_external", [Char('o')];
        /// Links list: close it and show the link's passage
        ShowLink = "show_link", [Char('p')];
    }
    SidePane "Side pane" {
        /// Side pane: entities
        TabEntities = "tab_entities", [Char('1')];
        /// Side pane: dates, as a timeline
        TabDates = "tab_dates", [Char('2')];
        /// Side pane: quotes
        TabQuotes = "tab_quotes", [Char('3')];
        /// Side pane: notes
        TabNotes = "tab_notes", [Char('4')];
        /// Article: go to the side pane · side pane: show the passage
        Enter = "enter", [Enter], hint Article 4 "list", Side 2 "show", Library 5 "open";
        /// Back to the article
        Back = "back", [Esc], hint Side 3 "back";
        /// Show or hide the side pane
        ToggleSidePane = "toggle_side_pane", [Char('s')];
        /// Side pane: the selected entity elsewhere in your library
        Elsewhere = "elsewhere", [Char('L')];
    }
    Search "Search" {
        /// Search the article (library: search every article)
        Search = "search", [Char('/')], hint Article 5 "search", Library 2 "search";
        /// Next search match
        NextMatch = "next_match", [Char('n')];
        /// Previous search match
        PrevMatch = "prev_match", [Char('N')];
    }
    Notes "Notes" {
        /// Add a note to the selection, the current annotation or the sentence at the top
        AddNote = "add_note", [Char('a')];
        /// Start a selection (extend by word, sentence or line; Esc cancels)
        Select = "select", [Char('v')];
        /// Highlight the selection (or current annotation) without a note
        Highlight = "highlight", [Char('h')];
        /// Edit the note on the selection or current annotation (Notes tab: the selected one)
        EditNote = "edit_note", [Char('e')];
        /// Delete the note on the selection or current annotation (Notes tab: the selected one)
        DeleteNote = "delete_note", [Char('d')];
        /// Undo the last deletion of a note (this session)
        Undo = "undo", [Char('u')];
        /// Notes tab: show only notes with the next tag (cycles, then all)
        TagFilter = "tag_filter", [Char('t')];
        /// Re-attach the selected detached note to the selection
        Reattach = "reattach", [Char('r')];
    }
    Corrections "Corrections" {
        /// Correct the current annotation, or make the selection one (a popup of choices)
        Correct = "correct", [Char('c')];
        /// Undo the last correction
        UndoCorrection = "undo_correction", [Char('U')];
        /// List the article's corrections: what was detected, what it is now
        CorrectionsList = "corrections", [Char('C')];
    }
    Selection "Selection" {
        /// Selection: extend by a word
        SelectWordForward = "select_word_forward", [Char('w'), Right];
        /// Selection: shrink by a word
        SelectWordBack = "select_word_back", [Char('b'), Left];
        /// Selection: extend by a sentence
        SelectSentenceForward = "select_sentence_forward", [Char(')')];
        /// Selection: shrink by a sentence
        SelectSentenceBack = "select_sentence_back", [Char('(')];
        /// Selection: extend by a line
        SelectLineDown = "select_line_down", [Char('j'), Down];
        /// Selection: shrink by a line
        SelectLineUp = "select_line_up", [Char('k'), Up];
    }
    Library "Library" {
        /// Library: sort the articles by last read, date or title (cycles)
        LibrarySort = "library_sort", [Char('s')], hint Library 3 "sort";
        /// Library: people, organisations and places across your articles
        LibraryEntities = "library_entities", [Char('e')], hint Library 4 "people";
    }
    General "General" {
        /// Show or hide this help
        Help = "help", [Char('?')], hint Article 1 "help", Side 1 "help", Library 1 "help";
        /// Show or hide the last messages, in full
        Messages = "messages", [Char('m')];
        /// Suspend gloss to the shell (fg brings it back)
        Suspend = "suspend", [Ctrl('z')];
        /// Quit gloss (in the help: close the help)
        Quit = "quit", [Char('q'), Ctrl('c')], hint Article 3 "quit", Side 4 "quit";
    }
}

impl Action {
    /// The action named `name` in the config file.
    pub fn from_name(name: &str) -> Option<Action> {
        ALL.into_iter().find(|a| a.name() == name)
    }

    /// Actions that only mean something while a selection is being made: their keys
    /// (`w`, `b`, `j`, `k`...) mean something else otherwise, so they have a table of their
    /// own in the keymap.
    pub fn is_select(self) -> bool {
        self.section() == Section::Selection
    }

    /// Actions that only mean something in the library screens: their keys (`s`, `e`)
    /// mean something else in the reader, so they too have a table of their own.
    pub fn is_library(self) -> bool {
        self.section() == Section::Library
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

    #[test]
    fn each_focus_ranks_its_hints_once() {
        for focus in [Focus::Article, Focus::Side, Focus::Library] {
            let mut ranks: Vec<u8> = ALL
                .iter()
                .filter_map(|a| a.hint(focus))
                .map(|h| h.0)
                .collect();
            let offered = ranks.len();
            ranks.sort_unstable();
            ranks.dedup();
            assert_eq!(ranks.len(), offered, "{focus:?}: two hints share a rank");
            assert!(offered > 0, "{focus:?}: no hint");
        }
    }

    #[test]
    fn sections_list_the_table_in_order() {
        let listed: Vec<Action> = SECTIONS
            .iter()
            .flat_map(|(_, a)| a.iter().copied())
            .collect();
        assert_eq!(listed, ALL);
        for (title, actions) in SECTIONS {
            assert!(
                actions.iter().all(|a| a.section().title() == *title),
                "{title}"
            );
        }
    }
}
