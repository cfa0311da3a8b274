//! Keys to actions, in one place: the default bindings (less/vim habits), the config's
//! `[keys]` overrides merged over them, the pure [`Keymap::resolve`] the loop calls, and the
//! reverse lookup the help overlay and the status bar hint are generated from.
//!
//! Widgets never see key events. The search prompt's editing keys (characters, Backspace,
//! Enter, Esc) are text entry, not actions, and are handled by `update::key`.

use crate::keys::{ALWAYS_QUITS, KeyChord};

use super::action::{ALL, Action};
use super::model::Focus;

/// What has the keyboard, which decides the actions a key can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: the article or the side pane has focus.
    Normal,
    /// The help overlay is open: only scrolling and closing mean something.
    Help,
    /// The search prompt is open: keys are text (see `update::key`).
    Prompt,
    /// A selection is being made: the selection table first, then the note actions.
    Select,
    /// The note editor is open: keys are text for the editor (see `update::notes`).
    Editor,
    /// The library screens: the library table first, then moving, opening and leaving.
    Library,
}

/// The bindings in force: each chord means at most one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// (chord, action) in the order the defaults list them, overrides in place.
    bindings: Vec<(KeyChord, Action)>,
    /// The same for the selection actions ([`Action::is_select`]), which reuse keys that
    /// mean something else when no selection is being made.
    select: Vec<(KeyChord, Action)>,
    /// The same for the library screens' own actions ([`Action::is_library`]).
    library: Vec<(KeyChord, Action)>,
}

/// Which of the keymap's tables an action's keys are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Main,
    Select,
    Library,
}

fn table_of(action: Action) -> Table {
    if action.is_select() {
        Table::Select
    } else if action.is_library() {
        Table::Library
    } else {
        Table::Main
    }
}

impl Default for Keymap {
    fn default() -> Keymap {
        let table = |t: Table| {
            ALL.iter()
                .filter(|&&a| table_of(a) == t)
                .flat_map(|&a| a.default_keys().into_iter().map(move |k| (k, a)))
                .collect()
        };
        Keymap {
            bindings: table(Table::Main),
            select: table(Table::Select),
            library: table(Table::Library),
        }
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name, chords) applied: an overridden action
    /// keeps only the chords given (none unbinds it), and a chord given to one action is
    /// taken from any other. Unknown action names are ignored here: `Config::load` has
    /// already rejected them with the file's line and column.
    pub fn with_overrides(overrides: &[(String, Vec<KeyChord>)]) -> Keymap {
        let mut map = Keymap::default();
        for (name, chords) in overrides {
            let Some(action) = Action::from_name(name) else {
                continue;
            };
            let table = match table_of(action) {
                Table::Select => &mut map.select,
                Table::Library => &mut map.library,
                Table::Main => &mut map.bindings,
            };
            table.retain(|(k, a)| *a != action && !chords.contains(k));
            table.extend(chords.iter().map(|&k| (k, action)));
        }
        // Ctrl-c quits whatever the overrides said (`Config::load` refuses to rebind it;
        // this holds for a keymap built from any list).
        for table in [&mut map.bindings, &mut map.select, &mut map.library] {
            table.retain(|(k, a)| *k != ALWAYS_QUITS || *a == Action::Quit);
        }
        if !map.bindings.contains(&(ALWAYS_QUITS, Action::Quit)) {
            map.bindings.push((ALWAYS_QUITS, Action::Quit));
        }
        map
    }

    /// The action `chord` means in `mode`, if any.
    pub fn resolve(&self, mode: Mode, chord: &KeyChord) -> Option<Action> {
        if mode == Mode::Select
            && let Some(&(_, action)) = self.select.iter().find(|(k, _)| k == chord)
        {
            return Some(action);
        }
        if mode == Mode::Library
            && let Some(&(_, action)) = self.library.iter().find(|(k, _)| k == chord)
        {
            return Some(action);
        }
        let action = self
            .bindings
            .iter()
            .find(|(k, _)| k == chord)
            .map(|&(_, a)| a)?;
        match mode {
            Mode::Normal => Some(action),
            Mode::Help => matches!(
                action,
                Action::Quit
                    | Action::Suspend
                    | Action::Back
                    | Action::Help
                    | Action::Messages
                    | Action::LineDown
                    | Action::LineUp
                    | Action::HalfPageDown
                    | Action::HalfPageUp
                    | Action::PageDown
                    | Action::PageUp
                    | Action::Top
                    | Action::Bottom
                    | Action::Links
                    | Action::CorrectionsList
                    | Action::Enter
                    | Action::OpenExternal
                    | Action::ShowLink
            )
            .then_some(action),
            Mode::Select => matches!(
                action,
                Action::Quit
                    | Action::Suspend
                    | Action::Back
                    | Action::Help
                    | Action::AddNote
                    | Action::Correct
                    | Action::Highlight
                    | Action::Reattach
                    | Action::EditNote
                    | Action::DeleteNote
                    | Action::HalfPageDown
                    | Action::HalfPageUp
            )
            .then_some(action),
            Mode::Library => matches!(
                action,
                Action::Quit
                    | Action::Suspend
                    | Action::Back
                    | Action::Help
                    | Action::Enter
                    | Action::Search
                    | Action::LineDown
                    | Action::LineUp
                    | Action::HalfPageDown
                    | Action::HalfPageUp
                    | Action::PageDown
                    | Action::PageUp
                    | Action::Top
                    | Action::Bottom
            )
            .then_some(action),
            Mode::Prompt | Mode::Editor => None,
        }
    }

    /// The chords bound to `action`, in binding order.
    pub fn keys_for(&self, action: Action) -> Vec<KeyChord> {
        self.bindings
            .iter()
            .chain(&self.select)
            .chain(&self.library)
            .filter(|(_, a)| *a == action)
            .map(|&(k, _)| k)
            .collect()
    }

    /// The chords of `action` as shown to the reader ("j Down"); empty when unbound.
    pub fn label(&self, action: Action) -> String {
        self.keys_for(action)
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The status bar's hint while `focus` has the keyboard: the first key and the hint
    /// word of each action the table offers there ([`Action::hint`]), in rank order,
    /// skipping those the config left unbound.
    pub fn hint(&self, focus: Focus) -> Vec<(String, &'static str)> {
        let mut offered: Vec<_> = ALL
            .iter()
            .filter_map(|&a| a.hint(focus).map(|(rank, word)| (rank, a, word)))
            .collect();
        offered.sort_by_key(|&(rank, _, _)| rank);
        offered
            .into_iter()
            .filter_map(|(_, a, word)| Some((self.keys_for(a).first()?.to_string(), word)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(s: &str) -> KeyChord {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn defaults_follow_less_and_vim() {
        let map = Keymap::default();
        let cases = [
            ("q", Action::Quit),
            ("j", Action::LineDown),
            ("down", Action::LineDown),
            ("ctrl-d", Action::HalfPageDown),
            ("space", Action::PageDown),
            ("G", Action::Bottom),
            ("shift-tab", Action::PrevAnnotation),
            ("]", Action::NextItem),
            ("#", Action::PrevMention),
            ("3", Action::TabQuotes),
            ("ctrl-o", Action::JumpBack),
            ("N", Action::PrevMatch),
            ("?", Action::Help),
        ];
        for (key, action) in cases {
            assert_eq!(
                map.resolve(Mode::Normal, &chord(key)),
                Some(action),
                "{key}"
            );
        }
        assert_eq!(map.resolve(Mode::Normal, &chord("x")), None);
    }

    #[test]
    fn every_action_has_a_default_key_and_no_chord_is_bound_twice() {
        let map = Keymap::default();
        for a in ALL {
            assert!(!map.keys_for(a).is_empty(), "{a:?} unbound");
        }
        let mut chords: Vec<_> = map.bindings.iter().map(|(k, _)| *k).collect();
        chords.sort();
        chords.dedup();
        assert_eq!(chords.len(), map.bindings.len());
    }

    #[test]
    fn the_library_has_its_own_table_over_the_moving_keys() {
        let map = Keymap::default();
        let cases = [
            ("s", Action::LibrarySort),
            ("e", Action::LibraryEntities),
            ("j", Action::LineDown),
            ("enter", Action::Enter),
            ("/", Action::Search),
            ("q", Action::Quit),
            ("G", Action::Bottom),
        ];
        for (key, action) in cases {
            assert_eq!(
                map.resolve(Mode::Library, &chord(key)),
                Some(action),
                "{key}"
            );
        }
        assert_eq!(map.resolve(Mode::Library, &chord("tab")), None);
        assert_eq!(
            map.resolve(Mode::Normal, &chord("s")),
            Some(Action::ToggleSidePane)
        );
        assert_eq!(
            map.resolve(Mode::Normal, &chord("e")),
            Some(Action::EditNote)
        );
        assert_eq!(
            map.resolve(Mode::Normal, &chord("L")),
            Some(Action::Elsewhere)
        );
        let map = Keymap::with_overrides(&[("library_sort".to_string(), vec![chord("o")])]);
        assert_eq!(
            map.resolve(Mode::Library, &chord("o")),
            Some(Action::LibrarySort)
        );
        assert_eq!(
            map.resolve(Mode::Normal, &chord("s")),
            Some(Action::ToggleSidePane)
        );
    }

    #[test]
    fn help_and_prompt_modes_narrow_what_keys_mean() {
        let map = Keymap::default();
        assert_eq!(map.resolve(Mode::Help, &chord("j")), Some(Action::LineDown));
        assert_eq!(map.resolve(Mode::Help, &chord("tab")), None);
        assert_eq!(map.resolve(Mode::Prompt, &chord("q")), None);
    }

    #[test]
    fn overrides_replace_an_action_keys_and_steal_chords() {
        let map = Keymap::with_overrides(&[
            ("quit".to_string(), vec![chord("x")]),
            ("help".to_string(), vec![chord("j")]),
        ]);
        assert_eq!(map.resolve(Mode::Normal, &chord("x")), Some(Action::Quit));
        assert_eq!(map.resolve(Mode::Normal, &chord("q")), None);
        assert_eq!(map.resolve(Mode::Normal, &chord("j")), Some(Action::Help));
        assert_eq!(map.label(Action::LineDown), "Down");
        assert_eq!(map.label(Action::Quit), "x Ctrl-c");
    }

    #[test]
    fn the_documented_example_config_binds_through_the_keymap() {
        let doc = include_str!("../../docs/themes-and-config.md");
        let start = doc
            .find("\n[keys]\n")
            .unwrap_or_else(|| panic!("no [keys] example"));
        let end = doc[start..].find("```").map_or(doc.len(), |e| start + e);
        let names = Action::names();
        let path = std::path::Path::new("example.toml");
        let config = crate::config::Config::parse(&doc[start..end], path, &names)
            .unwrap_or_else(|e| panic!("{e}"));
        let map = Keymap::with_overrides(&config.keys);
        assert_eq!(
            map.resolve(Mode::Normal, &chord("ctrl-n")),
            Some(Action::LineDown)
        );
        assert_eq!(map.resolve(Mode::Normal, &chord("f1")), Some(Action::Help));
        assert_eq!(
            map.resolve(Mode::Normal, &chord("tab")),
            Some(Action::NextAnnotation)
        );
    }

    #[test]
    fn ctrl_c_quits_whatever_the_overrides_say() {
        for overrides in [
            vec![("quit".to_string(), vec![])],
            vec![("quit".to_string(), vec![chord("x")])],
            vec![("help".to_string(), vec![chord("ctrl-c")])],
            vec![("select_line_down".to_string(), vec![chord("ctrl-c")])],
        ] {
            let map = Keymap::with_overrides(&overrides);
            for mode in [Mode::Normal, Mode::Select] {
                assert_eq!(
                    map.resolve(mode, &chord("ctrl-c")),
                    Some(Action::Quit),
                    "{overrides:?} in {mode:?}"
                );
            }
        }
    }
}
