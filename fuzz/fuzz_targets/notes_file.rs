//! Any text as a notes file: parse errors are values, never panics, and what parses writes
//! back out and parses again to the same file. (Imports have their own target,
//! `notes_import`, anchored on real article text.)
#![no_main]

use std::path::Path;

use gloss::notes::store::NotesFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(file) = NotesFile::parse(text, Path::new("fuzz.notes.toml")) {
        let again = file.to_toml().expect("a parsed notes file serialises");
        let reread = NotesFile::parse(&again, Path::new("again.notes.toml"))
            .expect("what gloss writes, gloss reads");
        assert_eq!(reread, file, "a notes file changed on a round trip");
    }
});
