//! Terminal colours as themes name them: ANSI names, `#rrggbb`, palette indexes, the
//! terminal default.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// A terminal colour: one of the sixteen named ANSI colours, a 256-colour palette index, an
/// RGB colour, or the terminal's own default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    /// The terminal's default colour (`default` or `reset` in a theme).
    Reset,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    /// ANSI white (7), a light grey on most terminals.
    Gray,
    /// ANSI bright black (8).
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    /// ANSI bright white (15).
    White,
    /// A palette index, 0-255.
    Indexed(u8),
    /// `#rrggbb`.
    Rgb(u8, u8, u8),
}

/// The named colours and their theme names, first name canonical.
const NAMED: &[(Color, &[&str])] = &[
    (Color::Reset, &["default", "reset"]),
    (Color::Black, &["black"]),
    (Color::Red, &["red"]),
    (Color::Green, &["green"]),
    (Color::Yellow, &["yellow"]),
    (Color::Blue, &["blue"]),
    (Color::Magenta, &["magenta"]),
    (Color::Cyan, &["cyan"]),
    (Color::Gray, &["gray", "grey"]),
    (Color::DarkGray, &["dark-gray", "dark-grey", "bright-black"]),
    (Color::LightRed, &["light-red", "bright-red"]),
    (Color::LightGreen, &["light-green", "bright-green"]),
    (Color::LightYellow, &["light-yellow", "bright-yellow"]),
    (Color::LightBlue, &["light-blue", "bright-blue"]),
    (Color::LightMagenta, &["light-magenta", "bright-magenta"]),
    (Color::LightCyan, &["light-cyan", "bright-cyan"]),
    (Color::White, &["white", "bright-white"]),
];

impl Color {
    /// An approximate RGB value (xterm's palette for the named colours), to compare colours
    /// for legibility in tests and checks; `None` for the terminal default.
    pub fn approx_rgb(self) -> Option<(u8, u8, u8)> {
        const ANSI: [(u8, u8, u8); 16] = [
            (0, 0, 0),
            (205, 0, 0),
            (0, 205, 0),
            (205, 205, 0),
            (0, 0, 238),
            (205, 0, 205),
            (0, 205, 205),
            (229, 229, 229),
            (127, 127, 127),
            (255, 0, 0),
            (0, 255, 0),
            (255, 255, 0),
            (92, 92, 255),
            (255, 0, 255),
            (0, 255, 255),
            (255, 255, 255),
        ];
        let index = match self {
            Color::Reset => return None,
            Color::Rgb(r, g, b) => return Some((r, g, b)),
            Color::Indexed(i) => i,
            named => NAMED
                .iter()
                .position(|(c, _)| *c == named)
                .map_or(0, |p| (p - 1) as u8),
        };
        Some(match index {
            0..=15 => ANSI[usize::from(index)],
            16..=231 => {
                let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
                let i = index - 16;
                (level(i / 36), level((i / 6) % 6), level(i % 6))
            }
            _ => {
                let grey = 8 + (index - 232) * 10;
                (grey, grey, grey)
            }
        })
    }
}

/// A colour a theme names that gloss does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown colour '{0}': expected a colour name (red, light-blue, default, ...), \
     '#rrggbb' or a palette index 0-255"
)]
pub struct UnknownColor(pub String);

impl FromStr for Color {
    type Err = UnknownColor;

    fn from_str(s: &str) -> Result<Color, UnknownColor> {
        let bad = || UnknownColor(s.to_owned());
        if let Some(hex) = s.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad());
            }
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
            return Ok(Color::Rgb(channel(0)?, channel(2)?, channel(4)?));
        }
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse::<u8>().map(Color::Indexed).map_err(|_| bad());
        }
        let wanted = s.to_ascii_lowercase().replace('_', "-");
        NAMED
            .iter()
            .find(|(_, names)| names.contains(&wanted.as_str()))
            .map(|(color, _)| *color)
            .ok_or_else(bad)
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            Color::Indexed(i) => write!(f, "{i}"),
            named => {
                let name = NAMED
                    .iter()
                    .find(|(c, _)| c == named)
                    .map_or("default", |(_, n)| n[0]);
                f.write_str(name)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Color, D::Error> {
        struct ColorVisitor;
        impl Visitor<'_> for ColorVisitor {
            type Value = Color;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a colour name, '#rrggbb' or a palette index 0-255")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Color, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, i: i64) -> Result<Color, E> {
                u8::try_from(i).map(Color::Indexed).map_err(|_| {
                    E::custom(format!("palette index {i} out of range: expected 0-255"))
                })
            }
        }
        deserializer.deserialize_any(ColorVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn colours_parse_by_name_hex_and_index() {
        assert_eq!("red".parse(), Ok(Color::Red));
        assert_eq!("Light_Blue".parse(), Ok(Color::LightBlue));
        assert_eq!("grey".parse(), Ok(Color::Gray));
        assert_eq!("default".parse(), Ok(Color::Reset));
        assert_eq!("#88c0D0".parse(), Ok(Color::Rgb(0x88, 0xc0, 0xd0)));
        assert_eq!("208".parse(), Ok(Color::Indexed(208)));
        assert!("256".parse::<Color>().is_err());
        assert!("#12345".parse::<Color>().is_err());
        assert!("#éé1234".parse::<Color>().is_err());
        assert_eq!("blu".parse::<Color>(), Err(UnknownColor("blu".into())));
    }

    #[test]
    fn colours_display_as_they_parse() {
        for color in [
            Color::Reset,
            Color::DarkGray,
            Color::Indexed(7),
            Color::Rgb(1, 2, 255),
        ] {
            assert_eq!(color.to_string().parse(), Ok(color));
        }
    }

    #[test]
    fn approximate_rgb_follows_the_palette() {
        assert_eq!(Color::Black.approx_rgb(), Some((0, 0, 0)));
        assert_eq!(Color::White.approx_rgb(), Some((255, 255, 255)));
        assert_eq!(Color::Indexed(9).approx_rgb(), Color::LightRed.approx_rgb());
        assert_eq!(Color::Indexed(196).approx_rgb(), Some((255, 0, 0)));
        assert_eq!(Color::Indexed(232).approx_rgb(), Some((8, 8, 8)));
        assert_eq!(Color::Reset.approx_rgb(), None);
    }

    fn any_color() -> impl Strategy<Value = Color> {
        prop_oneof![
            (0..NAMED.len()).prop_map(|i| NAMED[i].0),
            any::<u8>().prop_map(Color::Indexed),
            any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    proptest! {
        #[test]
        fn display_then_parse_gives_the_colour_back(color in any_color()) {
            prop_assert_eq!(color.to_string().parse::<Color>(), Ok(color));
        }
    }
}
