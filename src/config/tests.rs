//! Tests of config parsing, lookup and error messages.

use super::*;
use crate::keys::Key;

const ACTIONS: &[&str] = &[
    "quit",
    "scroll_down",
    "half_page_down",
    "help",
    "next_annotation",
];

fn parse(source: &str) -> Result<Config, ConfigError> {
    Config::parse(source, Path::new("config.toml"), ACTIONS)
}

#[test]
fn empty_file_gives_defaults() {
    let config = parse("").expect("empty config");
    assert_eq!(
        Config {
            path: None,
            ..config
        },
        Config::default()
    );
    assert_eq!(Config::default().side_pane_width, DEFAULT_SIDE_PANE_WIDTH);
    assert_eq!(Config::default().max_text_width, DEFAULT_MAX_TEXT_WIDTH);
}

#[test]
fn reads_every_field() {
    let config = parse(
        r#"
        theme = "light"
        side_pane_width = 50
        max_text_width = 80

        [keys]
        quit = ["q", "ctrl-c"]
        help = "?"
        scroll_down = []
        "#,
    )
    .expect("valid config");
    assert_eq!(config.theme.as_deref(), Some("light"));
    assert_eq!((config.side_pane_width, config.max_text_width), (50, 80));
    assert_eq!(
        config.keys,
        vec![
            (
                "quit".to_owned(),
                vec![KeyChord::char('q'), KeyChord::ctrl('c')]
            ),
            ("help".to_owned(), vec![KeyChord::char('?')]),
            ("scroll_down".to_owned(), vec![]),
        ]
    );
    assert_eq!(
        config.keys_for("quit"),
        Some(&[KeyChord::char('q'), KeyChord::ctrl('c')][..])
    );
    assert_eq!(config.keys_for("next_annotation"), None);
}

#[test]
fn a_relative_theme_path_is_found_beside_the_config() {
    let config = Config::parse(
        "theme = \"themes/mine.toml\"",
        Path::new("/home/me/.config/gloss/config.toml"),
        ACTIONS,
    )
    .expect("valid");
    assert_eq!(
        config.theme.as_deref(),
        Some("/home/me/.config/gloss/themes/mine.toml")
    );
    for spec in ["dark", "no-color", "/abs/mine.toml"] {
        let config = Config::parse(
            &format!("theme = \"{spec}\""),
            Path::new("/etc/config.toml"),
            ACTIONS,
        )
        .expect("valid");
        assert_eq!(config.theme.as_deref(), Some(spec));
    }
}

#[test]
fn the_same_key_twice_for_one_action_is_kept_once() {
    let config = parse("[keys]\nquit = [\"q\", \"q\"]").expect("valid");
    assert_eq!(config.keys_for("quit"), Some(&[KeyChord::char('q')][..]));
}

#[test]
fn error_messages_say_file_line_and_column() {
    let cases = [
        "colour = \"dark\"\n",
        "side_pane_width = 5\n",
        "max_text_width = 100000\n",
        "side_pane_width = \"wide\"\n",
        "theme = 3\n",
        "theme = \"ligth\"\n",
        "[keys]\nquit = [\"q\", \"ctrl-foo\"]\n",
        "[keys]\nquit = \"\"\n",
        "[keys]\nexplode = \"x\"\n",
        "[keys]\nqiut = \"x\"\n",
        "[keys]\nquit = 7\n",
        "[keys]\nquit = [\"q\", 7]\n",
        "[keys]\nquit = \"q\"\nhelp = [\"?\", \"q\"]\n",
        "keys = \"q\"\n",
        "side_pane_width = 40\nside_pane_width = 41\n",
        "[keys\n",
    ];
    let shown: Vec<String> = cases
        .iter()
        .map(|c| match parse(c) {
            Ok(_) => panic!("should fail:\n{c}"),
            Err(e) => e.to_string(),
        })
        .collect();
    for line in &shown {
        assert!(!line.contains('\n'), "one line: {line}");
    }
    insta::assert_snapshot!(shown.join("\n"));
}

#[test]
fn color_depth_is_auto_or_a_depth() {
    use crate::theme::{ColorDepth, DepthSetting};
    assert_eq!(parse("").expect("empty").color_depth, DepthSetting::Auto);
    let fixed = parse("color_depth = \"256\"").expect("valid");
    assert_eq!(fixed.color_depth, DepthSetting::Fixed(ColorDepth::Ansi256));
    let e = parse("side_pane_width = 40\ncolor_depth = \"8\"\n").expect_err("unknown depth");
    assert_eq!(
        e.to_string(),
        "config.toml:2:15: unknown colour depth '8': expected \"auto\", \"truecolor\" (or \
         \"24bit\"), \"256\" or \"16\""
    );
}

#[test]
fn opener_and_hyperlinks_are_read_and_checked_with_their_place() {
    use super::links::Hyperlinks;
    let c =
        parse("opener = [\"firefox\", \"--new-tab\"]\nhyperlinks = \"never\"\n").expect("valid");
    assert_eq!(c.opener, vec!["firefox", "--new-tab"]);
    assert_eq!(c.hyperlinks, Hyperlinks::Never);
    assert_eq!(parse("").expect("empty").hyperlinks, Hyperlinks::Auto);
    let e = parse("hyperlinks = \"on\"\n").expect_err("unknown setting");
    assert_eq!(
        e.to_string(),
        "config.toml:1:14: unknown hyperlinks setting 'on': expected \"auto\", \"always\" \
         or \"never\""
    );
    let e = parse("\nopener = []\n").expect_err("no program");
    assert!(
        e.to_string()
            .starts_with("config.toml:2:10: opener: expected a program"),
        "{e}"
    );
}

#[test]
fn a_config_cannot_take_away_every_way_to_quit() {
    let shown = |source: &str| match parse(source) {
        Ok(_) => panic!("should fail:\n{source}"),
        Err(e) => e.to_string(),
    };
    assert_eq!(
        shown("[keys]\nquit = []\n"),
        "config.toml:2:8: quit = []: no key would quit gloss; expected at least one key, \
         such as [\"q\"]"
    );
    assert_eq!(
        shown("[keys]\nhelp = [\"?\", \"ctrl-c\"]\n"),
        "config.toml:2:14: key 'Ctrl-c' always quits gloss: it cannot be bound to 'help'"
    );
    // Ctrl-c may be named for quit itself, alone or with others.
    assert!(parse("[keys]\nquit = \"ctrl-c\"\n").is_ok());
}

#[test]
fn located_errors_expose_their_place() {
    let error = parse("\n\n  side_pane_width = 1").expect_err("out of range");
    let place = error.location().expect("a place");
    assert_eq!((place.line, place.col), (3, 21));
}

#[test]
fn an_explicit_file_must_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.toml");
    let error = Config::load(Some(&missing), ACTIONS).expect_err("missing");
    assert!(matches!(error, ConfigError::NotFound { .. }));
    assert_eq!(
        error.to_string(),
        format!("{}: config file not found", missing.display())
    );
}

#[test]
fn an_explicit_file_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\nnext_annotation = \"tab\"\n").expect("write");
    let config = Config::load(Some(&path), ACTIONS).expect("loads");
    assert_eq!(config.path.as_deref(), Some(path.as_path()));
    assert_eq!(
        config.keys_for("next_annotation"),
        Some(&[KeyChord::plain(Key::Tab)][..])
    );
}

#[test]
fn a_directory_is_not_a_config_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let error = Config::load(Some(dir.path()), ACTIONS).expect_err("a directory");
    assert!(
        error
            .to_string()
            .starts_with(&dir.path().display().to_string())
    );
}

#[test]
fn default_path_follows_xdg() {
    let some = |s: &str| Some(OsString::from(s));
    assert_eq!(
        default_path_from(some("/xdg"), some("/home/me")),
        Some(PathBuf::from("/xdg/gloss/config.toml"))
    );
    assert_eq!(
        default_path_from(None, some("/home/me")),
        Some(PathBuf::from("/home/me/.config/gloss/config.toml"))
    );
    assert_eq!(
        default_path_from(some("relative"), some("/home/me")),
        Some(PathBuf::from("/home/me/.config/gloss/config.toml")),
        "XDG says a relative path is ignored"
    );
    assert_eq!(default_path_from(some(""), None), None);
}

proptest::proptest! {
    #[test]
    fn any_text_loads_or_errors_on_one_line(source in "\\PC{0,80}") {
        if let Err(e) = parse(&source) {
            let shown = e.to_string();
            proptest::prop_assert!(!shown.contains('\n'), "{}", shown);
            proptest::prop_assert!(shown.starts_with("config.toml:"), "{}", shown);
        }
    }
}

#[test]
fn notes_dir_is_relative_to_the_config_file_and_not_empty() {
    let config = Config::parse(
        "notes_dir = \"notes\"",
        Path::new("/etc/gloss/config.toml"),
        ACTIONS,
    )
    .expect("notes_dir");
    assert_eq!(config.notes_dir, Some(PathBuf::from("/etc/gloss/notes")));
    let abs = parse("notes_dir = \"/data/n\"").expect("absolute");
    assert_eq!(abs.notes_dir, Some(PathBuf::from("/data/n")));
    let err = parse("notes_dir = \"\"").expect_err("empty").to_string();
    assert_eq!(
        err,
        "config.toml:1:13: notes_dir: expected a directory, found an empty string"
    );
}

/// A config file's error with its directory written `DIR`.
fn load_error(path: &Path, dir: &Path) -> String {
    Config::load(Some(path), ACTIONS)
        .expect_err("refused")
        .to_string()
        .replace(&dir.display().to_string(), "DIR")
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.expect("run mkfifo").success());
    // Before: opening the FIFO blocked forever, /dev/zero grew memory without bound.
    let shown = [
        load_error(&fifo, dir.path()),
        load_error(Path::new("/dev/zero"), dir.path()),
        load_error(dir.path(), dir.path()),
    ];
    insta::assert_snapshot!(shown.join("\n"), @r"
    DIR/fifo.toml: cannot read config: it is a named pipe (FIFO), not a regular file
    /dev/zero: cannot read config: it is a character device, not a regular file
    DIR: cannot read config: it is a directory, not a file
    ");
}

#[test]
fn a_config_past_a_mebibyte_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "#".repeat(1024 * 1024 + 1)).expect("write");
    insta::assert_snapshot!(load_error(&path, dir.path()), @"DIR/config.toml: cannot read config: it is larger than 1 MiB, the most gloss reads");
}

#[test]
fn invalid_utf8_is_placed_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"side_pane_width = 40\n# caf\xE9\n").expect("write");
    insta::assert_snapshot!(load_error(&path, dir.path()), @"DIR/config.toml:2:6: invalid UTF-8 (byte 0xE9): the file must be UTF-8 text");
}

#[test]
fn the_library_table_sets_path_recording_and_positions() {
    let config = Config::parse(
        "[library]\npath = \"lib.db\"\nenabled = false\nremember_position = false",
        Path::new("/etc/gloss/config.toml"),
        ACTIONS,
    )
    .expect("library");
    assert_eq!(
        config.library,
        LibraryConfig {
            path: Some(PathBuf::from("/etc/gloss/lib.db")),
            enabled: false,
            remember_position: false,
        }
    );
    assert_eq!(parse("").expect("empty").library, LibraryConfig::default());
    let err = parse("[library]\nremember = true")
        .expect_err("unknown")
        .to_string();
    assert!(
        err.starts_with("config.toml:2:1: unknown field `remember`"),
        "{err}"
    );
    let err = parse("[library]\npath = \"\"")
        .expect_err("empty")
        .to_string();
    assert_eq!(
        err,
        "config.toml:2:8: library.path: expected a file, found an empty string"
    );
}

/// Found by the `config_toml` fuzz target (10-minute campaign): a theme name written as a
/// multi-line string made the error several lines; so could an action name in `[keys]`.
#[test]
fn names_with_line_breaks_in_errors_stay_on_one_line() {
    for source in [
        "theme = \"\"\"ght\"?\nsihH = 90\"\"\"",
        "[keys]\n\"line_\\ndown\" = \"j\"",
    ] {
        let shown = parse(source).map(|_| ()).unwrap_err().to_string();
        assert!(!shown.contains('\n'), "{shown}");
        assert!(shown.contains("\\n"), "the break is shown escaped: {shown}");
    }
}
