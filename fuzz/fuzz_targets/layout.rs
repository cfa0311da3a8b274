//! Any bytes as an article laid out at any width: every layout invariant holds (each byte
//! of text shown once and in order, no line wider than the width, grapheme boundaries).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = gloss::layout::fuzz_layout(data) {
        panic!("layout invariant broken: {e}");
    }
});
