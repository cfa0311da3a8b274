//! Any text as a corrections file and as a lexicon (`lexicon.toml`): errors are values,
//! never panics (a lexicon error is one line naming a place inside the file); a
//! corrections file that parses writes back out and parses again to the same file, and a
//! lexicon that parses applies to detected annotations without a panic.
#![no_main]

use std::path::Path;

use gloss::corrections::{CorrectionsFile, Lexicon, apply};
use gloss::notes::store::{Stored, parse_stored};
use libfuzzer_sys::fuzz_target;

/// A few names the lexicons the fuzzer writes can hit.
const TEXT: &str = "Operation Impact moved to Baghdad. Iraqi troops and Iraqis watched. \
DND said “we respect your decision,” on Sunday.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(file) = parse_stored::<CorrectionsFile>(text, Path::new("fuzz.corrections.toml")) {
        let again = file.to_toml().expect("a parsed corrections file serialises");
        let reread = parse_stored::<CorrectionsFile>(&again, Path::new("again.toml"))
            .expect("what gloss writes, gloss reads");
        assert_eq!(reread, file, "a corrections file changed on a round trip");
        let mut set = gloss::detect::detect(TEXT, None);
        let placed = apply(&mut set, TEXT, &reread.corrections, &Lexicon::default());
        assert_eq!(placed.len(), reread.corrections.len());
    }
    match Lexicon::parse(text, Path::new("lexicon.toml")) {
        Ok(lexicon) => {
            let mut set = gloss::detect::detect(TEXT, None);
            apply(&mut set, TEXT, &[], &lexicon);
            assert!(set.items().iter().all(|a| a.group().is_none_or(|g| g < set.groups().len())));
        }
        Err(e) => {
            let line = e.to_string();
            assert!(!line.contains('\n'), "a lexicon error on two lines: {line}");
            assert!(e.line >= 1 && e.line <= text.lines().count() + 1, "{line}");
        }
    }
});
