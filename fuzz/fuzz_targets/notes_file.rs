//! Any text as a notes file, then as a W3C/Hypothesis import: parse errors are values,
//! never panics, and what parses writes back out and parses again.
#![no_main]

use std::path::Path;

use gloss::notes::store::NotesFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(file) = NotesFile::parse(text, Path::new("fuzz.notes.toml")) {
        let again = file.to_toml().expect("a parsed notes file serialises");
        NotesFile::parse(&again, Path::new("again.notes.toml")).expect("what gloss writes, gloss reads");
    }
    let now = jiff::Timestamp::UNIX_EPOCH;
    let _ = gloss::notes::import::import_str(text, "fuzz.json", "Some article text to anchor on.", now);
});
