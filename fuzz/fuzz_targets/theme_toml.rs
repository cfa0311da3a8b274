//! Any text as a theme file. Checks: never a panic; an error in the file is one line
//! starting with the file's name and a line and column inside it (other errors, such as a
//! theme it extends that does not exist, are one line); a theme that loads writes itself
//! out (`Theme::to_toml`, "a starting point for one's own") as a file
//! that loads back to the same style for every role, also at each colour depth.
#![no_main]

use std::path::Path;

use gloss::theme::{ColorDepth, Role, Theme, ThemeError};
use libfuzzer_sys::fuzz_target;

mod check_text;

const ORIGIN: &str = "fuzz/theme.toml";

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match Theme::from_toml(source, Path::new(ORIGIN)) {
        Err(ThemeError::Invalid(located)) if located.path == Path::new(ORIGIN) => {
            check_text::located(&located.to_string(), ORIGIN, source);
        }
        Err(e) => check_text::one_line(&e.to_string()),
        Ok(theme) => {
            let written = theme.to_toml();
            let again = Theme::from_toml(&written, Path::new("fuzz/again.toml"))
                .unwrap_or_else(|e| panic!("a written theme does not load: {e}\n{written}"));
            for role in Role::ALL {
                assert_eq!(theme.style(*role), again.style(*role), "{role:?} changed");
            }
            for depth in [
                ColorDepth::Ansi16,
                ColorDepth::Ansi256,
                ColorDepth::TrueColor,
            ] {
                let (a, b) = (theme.at_depth(depth), again.at_depth(depth));
                for role in Role::ALL {
                    assert_eq!(a.style(*role), b.style(*role));
                }
            }
            let _ = theme.without_color();
        }
    }
});
