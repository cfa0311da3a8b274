//! Colour depth: how many colours the terminal shows, told by the environment (or the
//! config's `color_depth`), and a theme's colours mapped down to it, so a theme written in
//! `#rrggbb` still draws right on a 256- or 16-colour terminal. Pure: detection is a
//! function of the variables' values, passed in.

use std::fmt;
use std::str::FromStr;

use super::color::Color;

/// The colours a terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColorDepth {
    /// The sixteen ANSI colours (whatever the terminal's palette makes of them).
    Ansi16,
    /// The xterm 256-colour palette: the sixteen, a 6x6x6 cube and 24 greys.
    Ansi256,
    /// Any RGB colour ("truecolor", 24-bit).
    TrueColor,
}

/// A `color_depth` value that is not one gloss knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown colour depth '{0}': expected \"auto\", \"truecolor\" (or \"24bit\"), \"256\" or \"16\""
)]
pub struct UnknownDepth(pub String);

impl ColorDepth {
    /// The depth the environment tells: `COLORTERM` of `truecolor` or `24bit` (the
    /// convention terminals that take RGB colours follow), else a `TERM` naming a
    /// 256-colour (`xterm-256color`) or direct-colour (`xterm-direct`) terminal, else the
    /// sixteen colours every colour terminal has.
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> ColorDepth {
        let colorterm = colorterm.unwrap_or_default().trim().to_ascii_lowercase();
        let term = term.unwrap_or_default().to_ascii_lowercase();
        if matches!(colorterm.as_str(), "truecolor" | "24bit") || term.ends_with("-direct") {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Ansi256
        } else {
            ColorDepth::Ansi16
        }
    }

    /// [`ColorDepth::detect`] from this process's `COLORTERM` and `TERM`.
    pub fn from_env() -> ColorDepth {
        let var = |name: &str| std::env::var(name).ok();
        ColorDepth::detect(var("COLORTERM").as_deref(), var("TERM").as_deref())
    }

    /// `color` as this depth can show it: RGB colours become the nearest of the 256-colour
    /// cube and greys, or of the sixteen; palette colours past the sixteen become one of
    /// them on a 16-colour terminal. Named colours and the default stay.
    pub fn map(self, color: Color) -> Color {
        match (self, color) {
            (ColorDepth::TrueColor, c) => c,
            (ColorDepth::Ansi256, Color::Rgb(r, g, b)) => {
                Color::Indexed(ansi_colours::ansi256_from_rgb((r, g, b)))
            }
            (ColorDepth::Ansi16, Color::Indexed(i)) if i < 16 => named(i),
            (ColorDepth::Ansi16, c @ (Color::Rgb(..) | Color::Indexed(_))) => {
                let (r, g, b) = c.approx_rgb().unwrap_or_default();
                ansi16(r, g, b)
            }
            (_, c) => c,
        }
    }
}

/// The sixteen by palette index.
const SIXTEEN: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// Palette index `i` (below 16) as the named colour it is.
fn named(i: u8) -> Color {
    SIXTEEN[usize::from(i & 15)]
}

/// Below this chroma (max - min channel) a colour reads as a grey.
const GREY_CHROMA: u8 = 48;

/// The one of the sixteen that keeps what a theme colour says: a grey stays a grey of about
/// its lightness, a colour keeps its hue (red, yellow, green, cyan, blue, magenta), bright
/// when it is light. Nearest-by-distance would turn the pastel tints themes use for
/// annotations into the grey of the text, and the sixteen's real values differ from one
/// terminal palette to the next anyway: the hue is what survives.
fn ansi16(r: u8, g: u8, b: u8) -> Color {
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let chroma = max - min;
    let lightness = (u16::from(max) + u16::from(min)) / 2;
    if chroma < GREY_CHROMA {
        return match lightness {
            0..=63 => Color::Black,
            64..=111 => Color::DarkGray,
            112..=231 => Color::Gray,
            _ => Color::White,
        };
    }
    // Palette index of the hue's colour: sixths of the circle centred on red (0°), yellow,
    // green, cyan, blue and magenta, but yellow ends at 75°, where the eye already sees a
    // yellowish green (#9ece6a) as green.
    let base = match hue_degrees(r, g, b, max, chroma) {
        30..75 => 3,
        75..150 => 2,
        150..210 => 6,
        210..270 => 4,
        270..330 => 5,
        _ => 1,
    };
    // Bright when light, or at full strength as the bright sixteen are (#ff0000).
    let bright = lightness >= 140 || max > 240;
    named(if bright { base + 8 } else { base })
}

/// The HSV hue of a colour with some chroma, in degrees 0..360.
fn hue_degrees(r: u8, g: u8, b: u8, max: u8, chroma: u8) -> u16 {
    let (r, g, b, c) = (i32::from(r), i32::from(g), i32::from(b), i32::from(chroma));
    let max = i32::from(max);
    let degrees = if max == r {
        60 * (g - b) / c
    } else if max == g {
        120 + 60 * (b - r) / c
    } else {
        240 + 60 * (r - g) / c
    };
    u16::try_from(degrees.rem_euclid(360)).unwrap_or(0)
}

impl FromStr for ColorDepth {
    type Err = UnknownDepth;

    /// Reads `truecolor` (`24bit`), `256`, `16`; `auto` is not a depth, see
    /// [`DepthSetting`].
    fn from_str(s: &str) -> Result<ColorDepth, UnknownDepth> {
        match s.trim().to_ascii_lowercase().as_str() {
            "truecolor" | "24bit" | "24-bit" => Ok(ColorDepth::TrueColor),
            "256" => Ok(ColorDepth::Ansi256),
            "16" => Ok(ColorDepth::Ansi16),
            _ => Err(UnknownDepth(s.to_owned())),
        }
    }
}

impl fmt::Display for ColorDepth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ColorDepth::TrueColor => "truecolor",
            ColorDepth::Ansi256 => "256",
            ColorDepth::Ansi16 => "16",
        })
    }
}

/// The config's `color_depth`: detected from the environment, or one depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DepthSetting {
    #[default]
    Auto,
    Fixed(ColorDepth),
}

impl DepthSetting {
    /// The depth to draw with, given what the environment says.
    pub fn resolve(self, detected: impl FnOnce() -> ColorDepth) -> ColorDepth {
        match self {
            DepthSetting::Auto => detected(),
            DepthSetting::Fixed(depth) => depth,
        }
    }
}

impl FromStr for DepthSetting {
    type Err = UnknownDepth;

    fn from_str(s: &str) -> Result<DepthSetting, UnknownDepth> {
        if s.trim().eq_ignore_ascii_case("auto") {
            return Ok(DepthSetting::Auto);
        }
        s.parse().map(DepthSetting::Fixed)
    }
}

#[cfg(test)]
mod tests;
