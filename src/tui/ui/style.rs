//! gloss's terminal-free theme types converted to ratatui's, and the stacking of roles
//! (text, then quote, then entity, then "current") the panes paint with.

use ratatui::style::{Color as RColor, Modifier, Style as RStyle};

use crate::theme::{Color, Modifiers, Role, Style, Theme};

pub fn color(c: Color) -> RColor {
    match c {
        Color::Reset => RColor::Reset,
        Color::Black => RColor::Black,
        Color::Red => RColor::Red,
        Color::Green => RColor::Green,
        Color::Yellow => RColor::Yellow,
        Color::Blue => RColor::Blue,
        Color::Magenta => RColor::Magenta,
        Color::Cyan => RColor::Cyan,
        Color::Gray => RColor::Gray,
        Color::DarkGray => RColor::DarkGray,
        Color::LightRed => RColor::LightRed,
        Color::LightGreen => RColor::LightGreen,
        Color::LightYellow => RColor::LightYellow,
        Color::LightBlue => RColor::LightBlue,
        Color::LightMagenta => RColor::LightMagenta,
        Color::LightCyan => RColor::LightCyan,
        Color::White => RColor::White,
        Color::Indexed(i) => RColor::Indexed(i),
        Color::Rgb(r, g, b) => RColor::Rgb(r, g, b),
    }
}

pub fn modifiers(m: Modifiers) -> Modifier {
    let table = [
        (Modifiers::BOLD, Modifier::BOLD),
        (Modifiers::DIM, Modifier::DIM),
        (Modifiers::ITALIC, Modifier::ITALIC),
        (Modifiers::UNDERLINE, Modifier::UNDERLINED),
        (Modifiers::REVERSE, Modifier::REVERSED),
        (Modifiers::CROSSED_OUT, Modifier::CROSSED_OUT),
    ];
    table
        .iter()
        .filter(|(g, _)| m.contains(*g))
        .fold(Modifier::empty(), |acc, (_, r)| acc | *r)
}

/// A gloss style as ratatui's: colours left `None` let what is below show through.
pub fn convert(s: Style) -> RStyle {
    let mut out = RStyle::default().add_modifier(modifiers(s.modifiers));
    if let Some(fg) = s.fg {
        out = out.fg(color(fg));
    }
    if let Some(bg) = s.bg {
        out = out.bg(color(bg));
    }
    out
}

/// The ratatui style of `role` in `theme`.
pub fn role(theme: &Theme, role: Role) -> RStyle {
    convert(theme.style(role))
}

/// `roles` laid over each other in order (later ones win colours, modifiers add up).
pub fn stack(theme: &Theme, roles: &[Role]) -> RStyle {
    convert(
        roles
            .iter()
            .fold(Style::default(), |acc, &r| acc.patch(theme.style(r))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifiers_and_colours_carry_over() {
        let s = Style::default()
            .fg(Color::Rgb(1, 2, 3))
            .add_modifiers(Modifiers::BOLD.union(Modifiers::ITALIC));
        let r = convert(s);
        assert_eq!(r.fg, Some(RColor::Rgb(1, 2, 3)));
        assert_eq!(r.bg, None);
        assert!(r.add_modifier.contains(Modifier::BOLD | Modifier::ITALIC));
    }
}
