//! Any bytes through the Markdown loader: never a panic, always the block contract;
//! the detectors' spans on whole graphemes and never inside code.
#![no_main]

use gloss::ingest::{Format, LoadOptions, from_bytes};
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = from_bytes(data, Format::Markdown, "fuzz.md", &LoadOptions::default()) {
        check::article_contract(&article);
        check::detection_contract(&article);
    }
});
