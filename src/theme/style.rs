//! gloss's own terminal-free [`Modifiers`] and [`Style`], and how theme files spell them.
//! The TUI converts them to its terminal library's types.

use std::fmt;
use std::ops::{BitOr, BitOrAssign};
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::color::Color;

/// Text attributes, a small bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Modifiers(u8);

impl Modifiers {
    pub const NONE: Modifiers = Modifiers(0);
    pub const BOLD: Modifiers = Modifiers(1);
    pub const DIM: Modifiers = Modifiers(1 << 1);
    pub const ITALIC: Modifiers = Modifiers(1 << 2);
    pub const UNDERLINE: Modifiers = Modifiers(1 << 3);
    pub const REVERSE: Modifiers = Modifiers(1 << 4);
    pub const CROSSED_OUT: Modifiers = Modifiers(1 << 5);

    /// Each modifier with its theme name.
    pub const NAMED: &'static [(Modifiers, &'static str)] = &[
        (Modifiers::BOLD, "bold"),
        (Modifiers::DIM, "dim"),
        (Modifiers::ITALIC, "italic"),
        (Modifiers::UNDERLINE, "underline"),
        (Modifiers::REVERSE, "reverse"),
        (Modifiers::CROSSED_OUT, "crossed-out"),
    ];

    pub fn empty() -> Modifiers {
        Modifiers::NONE
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every modifier in `other` is set here.
    pub fn contains(self, other: Modifiers) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn union(self, other: Modifiers) -> Modifiers {
        Modifiers(self.0 | other.0)
    }

    /// The single modifiers set here, in [`Modifiers::NAMED`] order.
    pub fn iter(self) -> impl Iterator<Item = Modifiers> {
        Modifiers::NAMED
            .iter()
            .map(|(m, _)| *m)
            .filter(move |m| self.contains(*m))
    }

    /// Theme names of the modifiers set here.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Modifiers::NAMED
            .iter()
            .filter(move |(m, _)| self.contains(*m))
            .map(|(_, n)| *n)
    }
}

impl BitOr for Modifiers {
    type Output = Modifiers;
    fn bitor(self, other: Modifiers) -> Modifiers {
        self.union(other)
    }
}

impl BitOrAssign for Modifiers {
    fn bitor_assign(&mut self, other: Modifiers) {
        *self = self.union(other);
    }
}

impl FromStr for Modifiers {
    type Err = String;

    /// One modifier name.
    fn from_str(s: &str) -> Result<Modifiers, String> {
        let wanted = s.to_ascii_lowercase().replace('_', "-");
        let wanted = match wanted.as_str() {
            "underlined" => "underline",
            "reversed" => "reverse",
            "strikethrough" | "crossedout" => "crossed-out",
            other => other,
        };
        Modifiers::NAMED
            .iter()
            .find(|(_, n)| *n == wanted)
            .map(|(m, _)| *m)
            .ok_or_else(|| {
                format!(
                    "unknown modifier '{s}': expected bold, dim, italic, underline, reverse or \
                 crossed-out"
                )
            })
    }
}

impl<'de> Deserialize<'de> for Modifiers {
    /// A list of modifier names (`["bold", "italic"]`), or one name.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Modifiers, D::Error> {
        struct ModifiersVisitor;
        impl<'de> Visitor<'de> for ModifiersVisitor {
            type Value = Modifiers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of modifier names such as [\"bold\", \"italic\"]")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Modifiers, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Modifiers, A::Error> {
                let mut all = Modifiers::NONE;
                while let Some(name) = seq.next_element::<String>()? {
                    all |= name.parse::<Modifiers>().map_err(de::Error::custom)?;
                }
                Ok(all)
            }
        }
        deserializer.deserialize_any(ModifiersVisitor)
    }
}

/// How to paint one role: colours (`None`: leave what is below) and modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub modifiers: Modifiers,
}

impl Style {
    pub fn fg(self, color: Color) -> Style {
        Style {
            fg: Some(color),
            ..self
        }
    }

    pub fn bg(self, color: Color) -> Style {
        Style {
            bg: Some(color),
            ..self
        }
    }

    pub fn add_modifiers(self, modifiers: Modifiers) -> Style {
        Style {
            modifiers: self.modifiers | modifiers,
            ..self
        }
    }

    /// `other` laid over `self`: its colours where it has them, and both sets of modifiers.
    /// This is how the TUI stacks an annotation's style over the text and the current
    /// annotation over its kind.
    pub fn patch(self, other: Style) -> Style {
        Style {
            fg: other.fg.or(self.fg),
            bg: other.bg.or(self.bg),
            modifiers: self.modifiers | other.modifiers,
        }
    }
}

impl fmt::Display for Style {
    /// The style as a theme file entry: `{ fg = "#d8dee9", modifiers = ["bold"] }`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut fields = Vec::new();
        if let Some(fg) = self.fg {
            fields.push(format!("fg = \"{fg}\""));
        }
        if let Some(bg) = self.bg {
            fields.push(format!("bg = \"{bg}\""));
        }
        let names: Vec<String> = self.modifiers.names().map(|n| format!("\"{n}\"")).collect();
        fields.push(format!("modifiers = [{}]", names.join(", ")));
        write!(f, "{{ {} }}", fields.join(", "))
    }
}

/// One role's entry in a theme file. Fields left out are inherited from the parent role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a style table such as { fg = \"cyan\", modifiers = [\"bold\"] }"
)]
pub(crate) struct StyleSpec {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub modifiers: Option<Modifiers>,
}

impl StyleSpec {
    /// This entry laid over its parent's resolved style; modifiers given here replace the
    /// parent's, so a child can drop an attribute.
    pub fn over(&self, parent: Style) -> Style {
        Style {
            fg: self.fg.or(parent.fg),
            bg: self.bg.or(parent.bg),
            modifiers: self.modifiers.unwrap_or(parent.modifiers),
        }
    }

    /// `other`'s fields where it has them, else this entry's (a theme over the one it
    /// extends).
    pub fn merged(&self, other: &StyleSpec) -> StyleSpec {
        StyleSpec {
            fg: other.fg.or(self.fg),
            bg: other.bg.or(self.bg),
            modifiers: other.modifiers.or(self.modifiers),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifiers_form_a_set() {
        let m = Modifiers::BOLD | Modifiers::ITALIC;
        assert!(m.contains(Modifiers::BOLD) && !m.contains(Modifiers::DIM));
        assert_eq!(m.names().collect::<Vec<_>>(), ["bold", "italic"]);
        assert_eq!(m.iter().count(), 2);
        assert_eq!("strikethrough".parse(), Ok(Modifiers::CROSSED_OUT));
    }

    #[test]
    fn patch_keeps_colours_below_and_adds_modifiers() {
        let text = Style::default().fg(Color::White).bg(Color::Black);
        let entity = Style::default()
            .fg(Color::Cyan)
            .add_modifiers(Modifiers::BOLD);
        let current = Style::default().add_modifiers(Modifiers::REVERSE);
        let shown = text.patch(entity).patch(current);
        assert_eq!(shown.fg, Some(Color::Cyan));
        assert_eq!(shown.bg, Some(Color::Black));
        assert_eq!(shown.modifiers, Modifiers::BOLD | Modifiers::REVERSE);
    }
}
