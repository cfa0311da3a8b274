//! Any text as `config.toml`. Checks: never a panic; an error is one line starting with
//! the file's name and a line and column inside the file; a config that loads has its
//! widths in their documented ranges, binds only actions gloss knows, and leaves a key
//! that quits; the keymap built from it (as `main` builds it) resolves every bound key
//! to its action.
#![no_main]

use std::path::Path;

use gloss::config::{Config, MAX_TEXT_WIDTH_RANGE, SIDE_PANE_WIDTH_RANGE};
use gloss::tui::Keymap;
use gloss::tui::action::Action;
use libfuzzer_sys::fuzz_target;

mod check_text;

const ORIGIN: &str = "fuzz/config.toml";

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let names = Action::names();
    match Config::parse(source, Path::new(ORIGIN), &names) {
        Err(e) => check_text::located(&e.to_string(), ORIGIN, source),
        Ok(config) => {
            assert!(SIDE_PANE_WIDTH_RANGE.contains(&config.side_pane_width));
            assert!(MAX_TEXT_WIDTH_RANGE.contains(&config.max_text_width));
            for (action, _) in &config.keys {
                assert!(
                    names.contains(&action.as_str()),
                    "unknown action {action} bound"
                );
            }
            let keymap = Keymap::with_overrides(&config.keys);
            assert!(!keymap.keys_for(Action::Quit).is_empty(), "no key quits");
            keymap_resolves(&config, &keymap);
        }
    }
});

/// Every key the config binds means, in the mode of its action (the select mode's table or
/// the normal one), the action it was bound to last in the file; Ctrl-c always quits.
fn keymap_resolves(config: &Config, keymap: &Keymap) {
    use gloss::keys::ALWAYS_QUITS;
    use gloss::tui::keymap::Mode;
    let actions: Vec<(Action, &[gloss::keys::KeyChord])> = config
        .keys
        .iter()
        .filter_map(|(name, chords)| Some((Action::from_name(name)?, chords.as_slice())))
        .collect();
    for &(_, chords) in &actions {
        for chord in chords {
            if *chord == ALWAYS_QUITS {
                assert_eq!(keymap.resolve(Mode::Normal, chord), Some(Action::Quit));
                continue;
            }
            for select in [false, true] {
                let last = actions
                    .iter()
                    .rev()
                    .find(|(a, c)| a.is_select() == select && c.contains(chord))
                    .map(|(a, _)| *a);
                let mode = if select { Mode::Select } else { Mode::Normal };
                if let Some(action) = last {
                    assert_eq!(keymap.resolve(mode, chord), Some(action), "{chord}");
                }
            }
        }
    }
}
