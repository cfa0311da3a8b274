//! Any text as a key name, alone (`KeyChord::from_str`) and inside a config's `[keys]`
//! table, as a user writes it. Checks: never a panic; a name that parses displays as a
//! name that parses back to the same chord (help and key hints show keys in the form the
//! config accepts); an error is one line; the config binding the name either loads with
//! exactly that chord or fails at line 2, where the name is.
#![no_main]

use std::path::Path;

use gloss::config::Config;
use gloss::keys::KeyChord;
use gloss::tui::action::Action;
use libfuzzer_sys::fuzz_target;

mod check_text;

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = name.parse::<KeyChord>();
    match &parsed {
        Ok(chord) => {
            let shown = chord.to_string();
            assert_eq!(
                shown.parse::<KeyChord>().as_ref(),
                Ok(chord),
                "{name:?} shown as {shown:?}"
            );
        }
        Err(e) => check_text::one_line(&e.to_string()),
    }
    in_a_config(name, parsed.ok());
});

/// `name` bound to `line_down` in a config file, as a TOML basic string.
fn in_a_config(name: &str, chord: Option<KeyChord>) {
    let quoted = toml_string(name);
    let source = format!("[keys]\nline_down = [{quoted}]\n");
    let origin = "fuzz/config.toml";
    match Config::parse(&source, Path::new(origin), &Action::names()) {
        Ok(config) => {
            assert_eq!(
                config.keys_for("line_down"),
                chord.as_ref().map(std::slice::from_ref)
            );
        }
        Err(e) => {
            let message = e.to_string();
            check_text::located(&message, origin, &source);
            assert!(message.starts_with("fuzz/config.toml:2:"), "{message}");
        }
    }
}

/// `s` as a TOML basic string, every character that needs it escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
