//! A W3C Web Annotation or Hypothesis import (`notes::import::import_str`) placed on real
//! article text: the fuzzer chooses both the JSON and the text, or picks one of a few
//! articles (`articles.rs`: the bundled sample and small texts made for fuzzing) for the
//! JSON to land on. Input: a byte choosing the article, then (for the fuzzer's own text)
//! the text up to a NUL byte, then the JSON. Checks: never a panic; an error is one line
//! naming the file; every placed note covers a non-empty range of the text on char
//! boundaries, and an exact or moved one covers exactly its quote; a detached one keeps
//! its quote; each note's selectors, written back out as W3C and imported again on the
//! same text, land on the same range.
#![no_main]

use gloss::notes::import::import_str;
use gloss::notes::model::NoteSet;
use gloss::notes::{Anchoring, ArticleIdentity};
use libfuzzer_sys::fuzz_target;

mod articles;
mod check_text;

const NAME: &str = "fuzz.json";

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let (text, json) = match articles::text(choice) {
        Some(text) => (text, rest),
        None => {
            let nul = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let Ok(text) = std::str::from_utf8(&rest[..nul]) else {
                return;
            };
            (text.to_owned(), rest.get(nul + 1..).unwrap_or_default())
        }
    };
    let Ok(json) = std::str::from_utf8(json) else {
        return;
    };
    let now = jiff::Timestamp::UNIX_EPOCH;
    let imported = match import_str(json, NAME, &text, now) {
        Ok(imported) => imported,
        Err(e) => {
            let message = e.to_string();
            check_text::one_line(&message);
            assert!(message.starts_with(NAME), "{message}");
            return;
        }
    };
    for (note, anchoring) in &imported.notes {
        placed_on_the_text(&text, &note.target.quote.exact, anchoring);
    }
    again_in_the_same_place(&text, &imported.notes, now);
});

fn placed_on_the_text(text: &str, exact: &str, anchoring: &Anchoring) {
    let Some(range) = anchoring.range() else {
        return;
    };
    assert!(
        range.start < range.end && range.end <= text.len(),
        "{range:?} of {}",
        text.len()
    );
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    if let Anchoring::Exact(r) | Anchoring::Moved(r) = anchoring {
        assert_eq!(
            &text[r.clone()],
            exact,
            "an exact anchoring elsewhere than its quote"
        );
    }
}

/// The imported notes exported as a W3C collection and imported again land where they did.
fn again_in_the_same_place(
    text: &str,
    notes: &[(gloss::notes::Note, Anchoring)],
    now: jiff::Timestamp,
) {
    let mut set = NoteSet::default();
    for (note, _) in notes {
        set.add(note.clone());
    }
    let identity = ArticleIdentity::new(text, None);
    let collection = gloss::notes::export::w3c::collection(&identity, "fuzz", &set, now);
    let again = import_str(&collection.to_string(), "again.json", text, now)
        .unwrap_or_else(|e| panic!("gloss does not read its own export: {e}"));
    assert_eq!(again.notes.len(), set.len(), "skipped: {:?}", again.skipped);
    for (note, anchoring) in &again.notes {
        // Two annotations with one id are one note: the later one.
        let before = notes
            .iter()
            .rev()
            .find(|(n, _)| n.id == note.id)
            .unwrap_or_else(|| panic!("note {} lost", note.id));
        assert_eq!(
            before.1.range(),
            anchoring.range(),
            "note {} moved",
            note.id
        );
    }
}
