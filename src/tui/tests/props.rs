//! Properties: no key sequence, at any terminal size, with resizes and mouse events mixed
//! in, makes the reader panic while updating or drawing — on the invented article and on
//! the bundled sample with real detector output.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::keys::KeyChord;
use crate::theme::Theme;

use super::super::model::Model;
use super::super::ui;
use super::super::update::{Msg, update};
use super::{KEYS, model, sample_model};

fn msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        8 => prop::sample::select(KEYS).prop_map(|k| Msg::Key(k.parse::<KeyChord>().unwrap_or_else(|e| panic!("{e}")))),
        1 => (0u16..130, 0u16..45).prop_map(|(w, h)| Msg::Resize(w, h)),
        1 => (0u16..130, 0u16..45).prop_map(|(column, row)| Msg::Click { column, row }),
        1 => (0u16..130, 0u16..45, any::<bool>()).prop_map(|(column, row, down)| Msg::Wheel { column, row, down }),
    ]
}

/// Feeds `msgs` to the model, drawing a frame into a `TestBackend` after each, as the
/// loop does; a panic anywhere fails the property.
fn drive(mut m: Model, w: u16, h: u16, msgs: Vec<Msg>) {
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    for msg in msgs {
        if let Msg::Resize(w, h) = msg
            && w > 0
            && h > 0
        {
            terminal.backend_mut().resize(w, h);
        }
        update(&mut m, msg);
        terminal
            .draw(|f| ui::draw(f, &m, &theme))
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_key_sequence_at_any_size_panics(w in 1u16..130, h in 1u16..45, msgs in prop::collection::vec(msg(), 0..40)) {
        drive(model(w, h), w, h, msgs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_sample_survives_any_keys(w in 1u16..130, h in 1u16..45, msgs in prop::collection::vec(msg(), 0..60)) {
        drive(sample_model(w, h), w, h, msgs);
    }
}

#[test]
fn every_size_down_to_one_by_one_draws() {
    let theme = Theme::default();
    for w in [1u16, 2, 3, 5, 8, 13, 20, 21, 24, 25, 40, 69, 70, 71, 100] {
        for h in [1u16, 2, 3, 4, 5, 8, 30] {
            for script in ["", "Tab", "s", "?", "/ x", "4", "3 ] Enter"] {
                let mut m = model(w, h);
                super::super::update::keys(&mut m, script);
                let mut terminal =
                    Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
                terminal
                    .draw(|f| ui::draw(f, &m, &theme))
                    .unwrap_or_else(|e| panic!("{w}x{h} {script}: {e}"));
            }
        }
    }
}
