//! Tests of colour depth detection and of the mapping to 256 and 16 colours.

use proptest::prelude::*;

use super::*;

#[test]
fn detection_follows_colorterm_then_term() {
    let cases = [
        (
            Some("truecolor"),
            Some("xterm-256color"),
            ColorDepth::TrueColor,
        ),
        (Some("24bit"), Some("xterm"), ColorDepth::TrueColor),
        (Some("TrueColor"), None, ColorDepth::TrueColor),
        (None, Some("xterm-direct"), ColorDepth::TrueColor),
        (None, Some("xterm-256color"), ColorDepth::Ansi256),
        (Some(""), Some("screen-256color"), ColorDepth::Ansi256),
        // COLORTERM saying only "colour is on" is no promise of RGB.
        (Some("yes"), Some("tmux-256color"), ColorDepth::Ansi256),
        (None, Some("xterm"), ColorDepth::Ansi16),
        (None, Some("linux"), ColorDepth::Ansi16),
        (None, None, ColorDepth::Ansi16),
    ];
    for (colorterm, term, depth) in cases {
        assert_eq!(
            ColorDepth::detect(colorterm, term),
            depth,
            "COLORTERM={colorterm:?} TERM={term:?}"
        );
    }
}

#[test]
fn settings_read_auto_and_each_depth() {
    assert_eq!("auto".parse(), Ok(DepthSetting::Auto));
    assert_eq!(
        "24bit".parse(),
        Ok(DepthSetting::Fixed(ColorDepth::TrueColor))
    );
    assert_eq!("256".parse(), Ok(DepthSetting::Fixed(ColorDepth::Ansi256)));
    assert_eq!("16".parse(), Ok(DepthSetting::Fixed(ColorDepth::Ansi16)));
    assert!("8".parse::<DepthSetting>().is_err());
    assert_eq!(
        DepthSetting::Auto.resolve(|| ColorDepth::Ansi256),
        ColorDepth::Ansi256
    );
    for depth in [
        ColorDepth::Ansi16,
        ColorDepth::Ansi256,
        ColorDepth::TrueColor,
    ] {
        assert_eq!(depth.to_string().parse(), Ok(DepthSetting::Fixed(depth)));
    }
}

#[test]
fn rgb_maps_into_the_cube_and_greys() {
    let at256 = |r, g, b| ColorDepth::Ansi256.map(Color::Rgb(r, g, b));
    assert_eq!(at256(255, 0, 0), Color::Indexed(196));
    assert_eq!(at256(0, 0, 0), Color::Indexed(16));
    assert_eq!(at256(128, 128, 128), Color::Indexed(244));
    assert_eq!(at256(0x87, 0xaf, 0xff), Color::Indexed(111));
}

#[test]
fn every_cube_and_grey_colour_maps_to_itself() {
    for i in 16..=255u8 {
        let (r, g, b) = Color::Indexed(i).approx_rgb().unwrap_or_default();
        assert_eq!(
            ColorDepth::Ansi256.map(Color::Rgb(r, g, b)),
            Color::Indexed(i)
        );
    }
}

#[test]
fn sixteen_colours_keep_hue_and_greys() {
    let at16 = |hex: &str| {
        let color: Color = hex.parse().unwrap_or_else(|e| panic!("{e}"));
        ColorDepth::Ansi16.map(color)
    };
    // The dark theme's title and text, a pastel blue (persons), a pastel green (places), a pastel red
    // (quotes), an orange (dates) and two of its dark backgrounds.
    assert_eq!(at16("#eceff4"), Color::White);
    assert_eq!(at16("#d8dee9"), Color::Gray);
    assert_eq!(at16("#7dcfff"), Color::LightCyan);
    assert_eq!(at16("#9ece6a"), Color::LightGreen);
    assert_eq!(at16("#f7768e"), Color::LightRed);
    assert_eq!(at16("#e0af68"), Color::LightYellow);
    assert_eq!(at16("#313846"), Color::Black);
    assert_eq!(at16("#4c566a"), Color::DarkGray);
    assert_eq!(at16("#cd0000"), Color::Red);
    assert_eq!(at16("#0000ee"), Color::Blue);
    assert_eq!(ColorDepth::Ansi16.map(Color::Indexed(9)), Color::LightRed);
    assert_eq!(ColorDepth::Ansi16.map(Color::Indexed(196)), Color::LightRed);
    assert_eq!(ColorDepth::Ansi16.map(Color::Indexed(232)), Color::Black);
}

fn any_color() -> impl Strategy<Value = Color> {
    prop_oneof![
        (0u8..16).prop_map(named),
        Just(Color::Reset),
        any::<u8>().prop_map(Color::Indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

/// Whether a 16-colour terminal can show `color` as it is.
fn in_sixteen(color: Color) -> bool {
    !matches!(color, Color::Rgb(..) | Color::Indexed(_))
}

proptest! {
    #[test]
    fn each_depth_sends_only_what_it_can_show(color in any_color()) {
        prop_assert_eq!(ColorDepth::TrueColor.map(color), color);
        let at256 = ColorDepth::Ansi256.map(color);
        prop_assert!(!matches!(at256, Color::Rgb(..)), "{:?} -> {:?}", color, at256);
        prop_assert!(in_sixteen(ColorDepth::Ansi16.map(color)));
    }

    #[test]
    fn mapping_twice_changes_nothing(color in any_color()) {
        for depth in [ColorDepth::Ansi16, ColorDepth::Ansi256, ColorDepth::TrueColor] {
            let once = depth.map(color);
            prop_assert_eq!(depth.map(once), once);
        }
    }

    #[test]
    fn rgb_in_256_avoids_the_sixteen(r: u8, g: u8, b: u8) {
        // The sixteen's real colours depend on the terminal's palette; the cube's do not.
        let shown = ColorDepth::Ansi256.map(Color::Rgb(r, g, b));
        prop_assert!(matches!(shown, Color::Indexed(16..)), "#{r:02x}{g:02x}{b:02x} -> {shown:?}");
    }

    #[test]
    fn greys_map_to_greys_of_about_their_lightness(v: u8) {
        let shown = ColorDepth::Ansi16.map(Color::Rgb(v, v, v));
        let expected = match v {
            0..=63 => Color::Black,
            64..=111 => Color::DarkGray,
            112..=231 => Color::Gray,
            _ => Color::White,
        };
        prop_assert_eq!(shown, expected);
    }

    #[test]
    fn detection_never_panics(colorterm in "\\PC{0,12}", term in "\\PC{0,20}") {
        let _ = ColorDepth::detect(Some(&colorterm), Some(&term));
    }
}
