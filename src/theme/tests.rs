//! Tests of theme loading, the shipped themes and error messages.

use super::*;

/// The shipped themes with the background they are drawn on when they set none (the
/// terminal's own, which a dark theme assumes dark and a light theme light).
const SHIPPED: &[(&str, (u8, u8, u8))] = &[
    ("dark", (0x1e, 0x1e, 0x1e)),
    ("light", (0xff, 0xff, 0xff)),
    ("high-contrast", (0, 0, 0)),
];

/// The kinds a reader must tell apart at a glance.
const KINDS: &[Role] = &[
    Role::EntityPerson,
    Role::EntityOrg,
    Role::EntityPlace,
    Role::Date,
    Role::Quote,
];

fn shipped(name: &str) -> Theme {
    Theme::load(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn parse_err(source: &str) -> String {
    match Theme::from_toml(source, Path::new("themes/x.toml")) {
        Ok(_) => panic!("should fail:\n{source}"),
        Err(e) => e.to_string(),
    }
}

/// WCAG relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio, 1 to 21.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let d = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
    (d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)).sqrt()
}

/// The colours a role is seen in over the article text: (foreground, background).
fn seen(theme: &Theme, role: Role, terminal_bg: (u8, u8, u8)) -> ((u8, u8, u8), (u8, u8, u8)) {
    let style = theme.style(Role::Text).patch(theme.style(role));
    let bg = style.bg.and_then(Color::approx_rgb).unwrap_or(terminal_bg);
    let default_fg = if luminance(terminal_bg) < 0.5 {
        (0xe0, 0xe0, 0xe0)
    } else {
        (0x20, 0x20, 0x20)
    };
    let fg = style.fg.and_then(Color::approx_rgb).unwrap_or(default_fg);
    if style.modifiers.contains(Modifiers::REVERSE) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

#[test]
fn default_is_dark() {
    assert_eq!(Theme::default().name(), "dark");
    assert_eq!(Theme::default(), shipped("dark"));
}

#[test]
fn shipped_themes_define_every_role() {
    for (name, _) in SHIPPED.iter().chain([&("no-color", (0, 0, 0))]) {
        let theme = shipped(name);
        for role in Role::ALL {
            let mut chain = Some(*role);
            let defined = std::iter::from_fn(|| {
                let r = chain?;
                chain = r.parent();
                Some(r)
            })
            .any(|r| theme.defines(r));
            assert!(defined, "{name} leaves {role} undefined");
        }
    }
}

#[test]
fn shipped_annotation_kinds_are_distinguishable() {
    for (name, terminal_bg) in SHIPPED {
        let theme = shipped(name);
        let text = seen(&theme, Role::Text, *terminal_bg);
        for (i, a) in KINDS.iter().enumerate() {
            let (fg, bg) = seen(&theme, *a, *terminal_bg);
            assert!(
                contrast(fg, bg) >= 4.5,
                "{name}: {a} is hard to read ({:.1}:1)",
                contrast(fg, bg)
            );
            assert!(
                distance(fg, text.0) >= 60.0,
                "{name}: {a} looks like the text"
            );
            for b in &KINDS[i + 1..] {
                let other = seen(&theme, *b, *terminal_bg);
                assert!(
                    distance(fg, other.0) >= 60.0 || bg != other.1,
                    "{name}: {a} and {b} look alike"
                );
            }
        }
    }
}

#[test]
fn shipped_text_is_readable() {
    for (name, terminal_bg) in SHIPPED {
        let theme = shipped(name);
        for role in [
            Role::Text,
            Role::List,
            Role::StatusBar,
            Role::Help,
            Role::SearchMatch,
        ] {
            let (fg, bg) = seen(&theme, role, *terminal_bg);
            assert!(
                contrast(fg, bg) >= 4.5,
                "{name}: {role} contrast {:.1}:1",
                contrast(fg, bg)
            );
        }
    }
}

#[test]
fn current_annotation_and_notes_stand_out_on_every_kind() {
    for (name, _) in SHIPPED {
        let theme = shipped(name);
        for kind in KINDS {
            let plain = theme.style(Role::Text).patch(theme.style(*kind));
            for over in [Role::AnnotationCurrent, Role::SearchMatch, Role::Note] {
                let marked = plain.patch(theme.style(over));
                assert_ne!(plain, marked, "{name}: {over} does not show on {kind}");
            }
        }
    }
}

#[test]
fn without_color_has_no_colour_and_tells_kinds_apart() {
    let theme = shipped("light").without_color();
    for role in Role::ALL {
        let style = theme.style(*role);
        assert_eq!((style.fg, style.bg), (None, None), "{role} has a colour");
    }
    let marks = [
        Role::EntityPerson,
        Role::Date,
        Role::Quote,
        Role::Note,
        Role::SearchMatch,
        Role::AnnotationCurrent,
    ];
    for (i, a) in marks.iter().enumerate() {
        let ma = theme.style(*a).modifiers;
        assert!(!ma.is_empty(), "{a} has no attribute");
        for b in &marks[i + 1..] {
            assert_ne!(ma, theme.style(*b).modifiers, "{a} and {b} look alike");
        }
    }
    assert!(
        theme
            .style(Role::EntityPerson)
            .modifiers
            .contains(Modifiers::BOLD)
    );
    assert!(
        theme
            .style(Role::Date)
            .modifiers
            .contains(Modifiers::UNDERLINE)
    );
    assert!(
        theme
            .style(Role::Quote)
            .modifiers
            .contains(Modifiers::ITALIC)
    );
    assert!(
        theme
            .style(Role::AnnotationCurrent)
            .modifiers
            .contains(Modifiers::REVERSE)
    );
}

#[test]
fn fallbacks_lay_a_role_over_its_parent() {
    let theme = Theme::from_toml(
        r##"
        [styles]
        entity = { fg = "cyan", modifiers = ["bold"] }
        "entity.org" = { fg = "#ff0000" }
        "entity.place" = { modifiers = [] }
        "##,
        Path::new("t.toml"),
    )
    .expect("valid theme");
    let person = theme.style(Role::EntityPerson);
    assert_eq!(
        (person.fg, person.modifiers),
        (Some(Color::Cyan), Modifiers::BOLD)
    );
    let org = theme.style(Role::EntityOrg);
    assert_eq!(
        (org.fg, org.modifiers),
        (Some(Color::Rgb(255, 0, 0)), Modifiers::BOLD)
    );
    assert_eq!(theme.style(Role::EntityPlace).modifiers, Modifiers::NONE);
    assert_eq!(theme.style(Role::Date), Style::default());
    assert!(theme.defines(Role::Entity) && !theme.defines(Role::EntityPerson));
}

#[test]
fn a_file_extends_a_built_in_and_another_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().join("base.toml");
    std::fs::write(
        &base,
        "extends = \"dark\"\n[styles]\ndate = { fg = \"red\" }\n",
    )
    .expect("write");
    let mine = dir.path().join("mine.toml");
    std::fs::write(
        &mine,
        "extends = \"base.toml\"\n[styles]\ndate = { modifiers = [\"bold\"] }\n",
    )
    .expect("write");
    let theme = Theme::load(&mine.display().to_string()).expect("loads");
    assert_eq!(theme.name(), "mine");
    let date = theme.style(Role::Date);
    assert_eq!(
        (date.fg, date.modifiers),
        (Some(Color::Red), Modifiers::BOLD)
    );
    let dark = shipped("dark");
    assert_eq!(theme.style(Role::Quote), dark.style(Role::Quote));
}

#[test]
fn extends_loops_are_caught() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.toml");
    std::fs::write(&a, "extends = \"b.toml\"\n").expect("write");
    std::fs::write(dir.path().join("b.toml"), "extends = \"a.toml\"\n").expect("write");
    let error = Theme::load(&a.display().to_string())
        .expect_err("a loop")
        .to_string();
    let error = error.replace(&dir.path().display().to_string(), "DIR");
    insta::assert_snapshot!(error);
}

#[test]
fn missing_and_unknown_themes_are_named() {
    let errors = ["blue", "ligth", "no/such/theme.toml", "./missing.toml"]
        .map(|spec| format!("{spec}: {}", Theme::load(spec).expect_err("fails")));
    insta::assert_snapshot!(errors.join("\n"));
}

/// A `--theme` value with a line break: the error stays one line (found by reasoning from
/// the `cli_values` fuzz target's finding on `--date`, which it also checks).
#[test]
fn an_unknown_theme_is_one_line_whatever_its_name_holds() {
    let error = Theme::load("d\nark\r").expect_err("fails").to_string();
    assert!(!error.contains(['\n', '\r']), "{error}");
    assert!(error.starts_with("unknown theme 'd\\nark\\r'"), "{error}");
}

#[test]
fn error_messages_say_file_line_and_column() {
    let cases = [
        "[styles]\ndate = { fg = \"blu\" }\n",
        "[styles]\n\"entity.persn\" = { fg = \"red\" }\n",
        "[styles]\ndate = { fg = \"red\", modifiers = [\"blink\"] }\n",
        "[styles]\ndate = { fg = 300 }\n",
        "[styles]\ndate = { fg = true }\n",
        "[styles]\ndate = { colour = \"red\" }\n",
        "[styles]\ndate = \"red\"\n",
        "[styles]\nentity.person = { fg = \"red\" }\n",
        "extend = \"dark\"\n",
        "extends = \"nope\"\n",
        "[styles]\ndate = { fg = \"red\" \n",
    ];
    let shown: Vec<String> = cases.iter().map(|c| parse_err(c)).collect();
    insta::assert_snapshot!(shown.join("\n"));
}

#[test]
fn no_color_means_set_and_not_empty() {
    assert!(!no_color_from(None));
    assert!(!no_color_from(Some("".into())));
    assert!(no_color_from(Some("1".into())));
    assert!(no_color_from(Some("0".into())), "any value counts, even 0");
}

#[test]
fn unknown_roles_suggest_the_near_miss() {
    let error = parse_err("[styles]\n\"entity.persn\" = { fg = \"red\" }\n");
    assert!(
        error.ends_with("(did you mean 'entity.person'?)"),
        "{error}"
    );
}

proptest::proptest! {
    #[test]
    fn any_text_loads_or_errors_on_one_line(source in "\\PC{0,80}") {
        if let Err(e) = Theme::from_toml(&source, Path::new("t.toml")) {
            let shown = e.to_string();
            proptest::prop_assert!(!shown.contains('\n'), "{}", shown);
        }
    }
}

#[test]
fn to_toml_loads_back_to_the_same_styles() {
    for name in ["dark", "light", "high-contrast", "no-color"] {
        let theme = shipped(name);
        let text = theme.to_toml();
        let back = Theme::from_toml(&text, Path::new("dump.toml"))
            .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        for role in Role::ALL {
            assert_eq!(back.style(*role), theme.style(*role), "{name}: {role}");
        }
    }
}

#[test]
fn no_color_theme_snapshot() {
    insta::assert_snapshot!(shipped("no-color").to_toml());
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_as_themes_and_as_bases() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.expect("run mkfifo").success());
    let base = dir.path().join("base.toml");
    std::fs::write(&base, "extends = \"/dev/zero\"\n").expect("write");
    // Before: /dev/zero (directly or as a base) grew memory without bound, a FIFO blocked.
    let shown = [
        fifo.display().to_string(),
        "/dev/zero".into(),
        base.display().to_string(),
    ]
    .map(|spec| Theme::load(&spec).expect_err("refused").to_string())
    .map(|e| e.replace(&dir.path().display().to_string(), "DIR"));
    insta::assert_snapshot!(shown.join("\n"), @r"
    DIR/fifo.toml: cannot read theme: it is a named pipe (FIFO), not a regular file
    /dev/zero: cannot read theme: it is a character device, not a regular file
    DIR/base.toml:1:11: cannot extend '/dev/zero': it is a character device, not a regular file
    ");
}

#[test]
fn invalid_utf8_in_a_theme_is_placed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.toml");
    std::fs::write(&path, b"[styles]\ndate = { fg = \"r\xFFd\" }\n").expect("write");
    let error = Theme::load(&path.display().to_string())
        .expect_err("not UTF-8")
        .to_string()
        .replace(&dir.path().display().to_string(), "DIR");
    insta::assert_snapshot!(error, @"DIR/t.toml:2:17: invalid UTF-8 (byte 0xFF): the file must be UTF-8 text");
}

/// The `extends` of a theme file, as the `config_toml` finding showed for `theme`: a name
/// with a line break is shown escaped, on one line.
#[test]
fn an_unknown_extends_is_one_line_whatever_it_holds() {
    let error = parse_err("extends = \"\"\"no\nsuch\"\"\"\n");
    assert!(!error.contains('\n'), "{error}");
    assert!(error.contains("'no\\nsuch'"), "{error}");
}
