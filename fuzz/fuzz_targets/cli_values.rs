//! Any text as a command-line value, through the functions `main` parses it with: `--date`
//! (`gloss::args::parse_date`, clap's value parser for it), `--theme NAME` (a name that is
//! no path: `Theme::load`) and the file argument's URL test (`fetch::is_url`). Checks:
//! never a panic; every error is one line (the binary prints it after `gloss: `); a date
//! that parses is a real day, written back as `YYYY-MM-DD` it parses to the same day; only
//! a built-in name loads a theme; a URL starts with `http://` or `https://`.
#![no_main]

use gloss::args::parse_date;
use gloss::theme::{Theme, is_built_in, looks_like_path};
use libfuzzer_sys::fuzz_target;

mod check_text;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = std::str::from_utf8(data) else {
        return;
    };
    match parse_date(value) {
        Ok(day) => assert_eq!(parse_date(&day.to_string()), Ok(day), "{value:?}"),
        Err(message) => check_text::one_line(&message),
    }
    if !looks_like_path(value) && !std::path::Path::new(value).exists() {
        match Theme::load(value) {
            Ok(_) => assert!(is_built_in(value), "{value:?} loaded a theme"),
            Err(e) => check_text::one_line(&e.to_string()),
        }
    }
    if gloss::fetch::is_url(value) {
        let lower = value.to_ascii_lowercase();
        assert!(lower.starts_with("http://") || lower.starts_with("https://"));
    }
});
