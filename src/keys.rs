//! Key chords as the user writes them in the config and reads them in the help overlay.
//!
//! A [`KeyChord`] is terminal-free: a [`Key`] plus ctrl/alt/shift. The TUI converts its
//! terminal events into chords with [`KeyChord::new`], which normalises them (Shift with a
//! printable character is carried by the character itself, `Shift-Tab` is [`Key::BackTab`])
//! so that a chord parsed from "G" or "shift-tab" compares equal to the event the terminal
//! reports for that key.

use std::fmt;
use std::str::FromStr;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A printable character, case included ("G" is `Char('G')`); never `' '` (see `Space`).
    Char(char),
    Space,
    Enter,
    Esc,
    Tab,
    /// Shift-Tab: terminals report it as a key of its own.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// A function key, `F(1)` to `F(24)`.
    F(u8),
}

/// A key with its modifiers, normalised (see [`KeyChord::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// Why a key string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("empty key: expected a key such as 'q', 'ctrl-d' or 'pgdn'")]
    Empty,
    #[error(
        "unknown key '{name}' in '{input}': expected one character or a key name \
         (enter, esc, tab, backtab, backspace, del, ins, up, down, left, right, pgup, pgdn, \
         home, end, space, f1-f24)"
    )]
    UnknownKey { name: String, input: String },
    #[error("unknown modifier '{name}' in '{input}': expected ctrl, alt or shift")]
    UnknownModifier { name: String, input: String },
    #[error("missing key after '{input}': expected a key such as 'ctrl-d'")]
    MissingKey { input: String },
    #[error("unknown function key '{name}' in '{input}': expected f1 to f24")]
    BadFunctionKey { name: String, input: String },
}

/// Ctrl-c: it always quits gloss, whatever the config's `[keys]` table says (the config
/// refuses to bind it to anything else), so a reader always has a way out.
pub const ALWAYS_QUITS: KeyChord = KeyChord {
    key: Key::Char('c'),
    ctrl: true,
    alt: false,
    shift: false,
};

/// The highest function key accepted.
const MAX_F: u8 = 24;

impl KeyChord {
    /// A chord with its modifiers normalised, so that equal keys compare equal however they
    /// were spelled or reported: `' '` becomes [`Key::Space`]; Shift with a character is
    /// dropped (with a lowercase letter it turns it uppercase: "shift-g" is "G"), since the
    /// terminal delivers the shifted character itself; Shift-Tab becomes [`Key::BackTab`].
    pub fn new(key: Key, ctrl: bool, alt: bool, shift: bool) -> KeyChord {
        let (key, shift) = match key {
            Key::Char(' ') => (Key::Space, shift),
            Key::Char(c) if shift => (Key::Char(shifted(c)), false),
            Key::Tab if shift => (Key::BackTab, false),
            Key::BackTab => (Key::BackTab, false),
            other => (other, shift),
        };
        KeyChord {
            key,
            ctrl,
            alt,
            shift,
        }
    }

    /// A chord with no modifiers.
    pub fn plain(key: Key) -> KeyChord {
        KeyChord::new(key, false, false, false)
    }

    /// A printable character with no modifiers ('q', 'G', '?').
    pub fn char(c: char) -> KeyChord {
        KeyChord::plain(Key::Char(c))
    }

    /// Ctrl plus a character ("ctrl-d").
    pub fn ctrl(c: char) -> KeyChord {
        KeyChord::new(Key::Char(c), true, false, false)
    }
}

/// The character Shift turns `c` into, for letters; other characters already arrive shifted.
fn shifted(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

impl From<Key> for KeyChord {
    fn from(key: Key) -> KeyChord {
        KeyChord::plain(key)
    }
}

impl FromStr for KeyChord {
    type Err = KeyError;

    /// Reads "q", "G", "?", "ctrl-d", "C-d", "alt-x", "M-x", "shift-tab", "pgdn", "space",
    /// "enter", "esc", "f5", "ctrl+d"; modifier and key names ignore case, a single character
    /// keeps it.
    fn from_str(input: &str) -> Result<KeyChord, KeyError> {
        if input.is_empty() {
            return Err(KeyError::Empty);
        }
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = input;
        while let Some((modifier, after)) = split_modifier(rest) {
            match modifier {
                Modifier::Ctrl => ctrl = true,
                Modifier::Alt => alt = true,
                Modifier::Shift => shift = true,
            }
            rest = after;
        }
        if let Some(head) = rest.strip_suffix(['-', '+'])
            && modifier_named(head).is_some()
        {
            return Err(KeyError::MissingKey {
                input: shown(input),
            });
        }
        let key = parse_key(rest, input)?;
        Ok(KeyChord::new(key, ctrl, alt, shift))
    }
}

enum Modifier {
    Ctrl,
    Alt,
    Shift,
}

/// Splits a leading modifier ("ctrl-", "C-", "alt+", ...) off `s`, provided a key follows it
/// (so "-" and "c" alone stay keys).
fn split_modifier(s: &str) -> Option<(Modifier, &str)> {
    let (head, tail) = s.split_once(['-', '+'])?;
    if tail.is_empty() {
        return None;
    }
    Some((modifier_named(head)?, tail))
}

fn modifier_named(name: &str) -> Option<Modifier> {
    match name.to_ascii_lowercase().as_str() {
        "ctrl" | "control" | "c" => Some(Modifier::Ctrl),
        "alt" | "meta" | "a" | "m" => Some(Modifier::Alt),
        "shift" | "s" => Some(Modifier::Shift),
        _ => None,
    }
}

fn parse_key(name: &str, input: &str) -> Result<Key, KeyError> {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (None, _) => return Err(KeyError::Empty),
        (Some(c), None) if !c.is_control() => return Ok(Key::Char(c)),
        _ => {}
    }
    // "Page-Down", "page_down" and "PageDown" are one key.
    let lower: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let key = match lower.as_str() {
        "space" | "spc" => Key::Space,
        "enter" | "return" | "ret" | "cr" => Key::Enter,
        "esc" | "escape" => Key::Esc,
        "tab" => Key::Tab,
        "backtab" => Key::BackTab,
        "backspace" | "bs" => Key::Backspace,
        "del" | "delete" => Key::Delete,
        "ins" | "insert" => Key::Insert,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "pgup" | "pageup" => Key::PageUp,
        "pgdn" | "pgdown" | "pagedown" => Key::PageDown,
        "home" => Key::Home,
        "end" => Key::End,
        _ => return parse_function_key(&lower, name, input),
    };
    Ok(key)
}

fn parse_function_key(lower: &str, name: &str, input: &str) -> Result<Key, KeyError> {
    // "hyper-x": a word before a dash that is no modifier.
    if let Some((head, tail)) = name.split_once(['-', '+'])
        && !head.is_empty()
        && !tail.is_empty()
        && head.chars().all(char::is_alphabetic)
    {
        return Err(KeyError::UnknownModifier {
            name: shown(head),
            input: shown(input),
        });
    }
    let unknown = || KeyError::UnknownKey {
        name: shown(name),
        input: shown(input),
    };
    let digits = lower.strip_prefix('f').ok_or_else(unknown)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unknown());
    }
    match digits.parse::<u8>() {
        Ok(n) if (1..=MAX_F).contains(&n) => Ok(Key::F(n)),
        _ => Err(KeyError::BadFunctionKey {
            name: shown(name),
            input: shown(input),
        }),
    }
}

/// `s` as it can be shown in a one-line message: control characters escaped.
fn shown(s: &str) -> String {
    s.chars().flat_map(char::escape_debug).collect()
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Key::Char(c) => return write!(f, "{c}"),
            Key::F(n) => return write!(f, "F{n}"),
            Key::Space => "Space",
            Key::Enter => "Enter",
            Key::Esc => "Esc",
            Key::Tab => "Tab",
            Key::BackTab => "Shift-Tab",
            Key::Backspace => "Backspace",
            Key::Delete => "Del",
            Key::Insert => "Ins",
            Key::Up => "Up",
            Key::Down => "Down",
            Key::Left => "Left",
            Key::Right => "Right",
            Key::PageUp => "PgUp",
            Key::PageDown => "PgDn",
            Key::Home => "Home",
            Key::End => "End",
        };
        f.write_str(name)
    }
}

impl fmt::Display for KeyChord {
    /// The form shown in help and key hints: "q", "G", "Ctrl-d", "Shift-Tab", "PgDn".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        write!(f, "{}", self.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(s: &str) -> KeyChord {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn reads_the_forms_users_write() {
        assert_eq!(parse("q"), KeyChord::char('q'));
        assert_eq!(parse("G"), KeyChord::char('G'));
        assert_eq!(parse("?"), KeyChord::char('?'));
        assert_eq!(parse("ctrl-d"), KeyChord::ctrl('d'));
        assert_eq!(parse("C-d"), KeyChord::ctrl('d'));
        assert_eq!(parse("Ctrl+d"), KeyChord::ctrl('d'));
        assert_eq!(parse("shift-tab"), KeyChord::plain(Key::BackTab));
        assert_eq!(parse("backtab"), KeyChord::plain(Key::BackTab));
        assert_eq!(parse("pgdn"), KeyChord::plain(Key::PageDown));
        assert_eq!(parse("PageUp"), KeyChord::plain(Key::PageUp));
        assert_eq!(parse("page-down"), KeyChord::plain(Key::PageDown));
        assert_eq!(
            parse("ctrl-page_up"),
            KeyChord::new(Key::PageUp, true, false, false)
        );
        assert_eq!(parse("space"), KeyChord::plain(Key::Space));
        assert_eq!(parse(" "), KeyChord::plain(Key::Space));
        assert_eq!(parse("enter"), KeyChord::plain(Key::Enter));
        assert_eq!(parse("esc"), KeyChord::plain(Key::Esc));
        assert_eq!(parse("f12"), KeyChord::plain(Key::F(12)));
        assert_eq!(
            parse("M-x"),
            KeyChord::new(Key::Char('x'), false, true, false)
        );
        assert_eq!(
            parse("ctrl-alt-shift-up"),
            KeyChord::new(Key::Up, true, true, true)
        );
    }

    #[test]
    fn dashes_and_letters_that_look_like_modifiers_are_keys() {
        assert_eq!(parse("-"), KeyChord::char('-'));
        assert_eq!(parse("ctrl--"), KeyChord::ctrl('-'));
        assert_eq!(parse("+"), KeyChord::char('+'));
        assert_eq!(parse("c"), KeyChord::char('c'));
        assert_eq!(parse("s"), KeyChord::char('s'));
    }

    #[test]
    fn shift_is_carried_by_the_character() {
        assert_eq!(parse("shift-g"), KeyChord::char('G'));
        assert_eq!(
            KeyChord::new(Key::Char('?'), false, false, true),
            KeyChord::char('?')
        );
        assert_eq!(
            KeyChord::new(Key::Tab, false, false, true),
            KeyChord::plain(Key::BackTab)
        );
        assert_eq!(
            KeyChord::new(Key::Char(' '), true, false, false).key,
            Key::Space
        );
    }

    #[test]
    fn displays_the_help_form() {
        let shown: Vec<String> = ["q", "G", "ctrl-d", "shift-tab", "pgdn", "space", "C-M-f5"]
            .iter()
            .map(|s| parse(s).to_string())
            .collect();
        assert_eq!(
            shown,
            [
                "q",
                "G",
                "Ctrl-d",
                "Shift-Tab",
                "PgDn",
                "Space",
                "Ctrl-Alt-F5"
            ]
        );
    }

    #[test]
    fn errors_name_the_bad_key() {
        let errors: Vec<String> = [
            "", "ctrl-", "C-M-", "ctrl-foo", "f0", "f99", "hyper-x", "\u{7}",
        ]
        .iter()
        .map(|s| format!("{s:?}: {}", s.parse::<KeyChord>().expect_err("must fail")))
        .collect();
        insta::assert_snapshot!(errors.join("\n"));
    }

    fn any_key() -> impl Strategy<Value = Key> {
        prop_oneof![
            any::<char>()
                .prop_filter("printable", |c| !c.is_control())
                .prop_map(Key::Char),
            (1..=MAX_F).prop_map(Key::F),
            prop::sample::select(vec![
                Key::Space,
                Key::Enter,
                Key::Esc,
                Key::Tab,
                Key::BackTab,
                Key::Backspace,
                Key::Delete,
                Key::Insert,
                Key::Up,
                Key::Down,
                Key::Left,
                Key::Right,
                Key::PageUp,
                Key::PageDown,
                Key::Home,
                Key::End,
            ]),
        ]
    }

    proptest! {
        #[test]
        fn display_then_parse_gives_the_chord_back(
            key in any_key(), ctrl: bool, alt: bool, shift: bool
        ) {
            let chord = KeyChord::new(key, ctrl, alt, shift);
            let shown = chord.to_string();
            let back: KeyChord = shown.parse().map_err(|e| TestCaseError::fail(format!("{shown}: {e}")))?;
            prop_assert_eq!(back, chord, "shown as {}", shown);
        }

        #[test]
        fn normalising_twice_changes_nothing(key in any_key(), ctrl: bool, alt: bool, shift: bool) {
            let once = KeyChord::new(key, ctrl, alt, shift);
            prop_assert_eq!(KeyChord::new(once.key, once.ctrl, once.alt, once.shift), once);
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,12}") {
            let _ = s.parse::<KeyChord>();
        }
    }
}
