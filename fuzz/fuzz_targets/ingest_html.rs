//! Any bytes through the HTML reader mode: never a panic, always the block contract.
#![no_main]

use gloss::ingest::{Format, LoadOptions, from_bytes};
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = from_bytes(data, Format::Html, "fuzz.html", &LoadOptions::default()) {
        check::article_contract(&article);
    }
});
