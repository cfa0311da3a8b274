//! The notes exports (`gloss notes FILE --export markdown|json|w3c` and the plain listing)
//! of notes made on real article text: the fuzzer picks an article (`articles.rs`) or
//! gives its own text, then the notes (passage, highlight or comment, text, time, some
//! deleted). Checks: never a panic; a note made on a passage anchors exactly there; the
//! listing has one line per note; the Markdown says how many notes there are under a
//! one-line title; the JSON export reads back as the same notes file, and so does its
//! TOML (the stored form); the W3C export imports back, on the same text, as the same
//! notes at the same places.
#![no_main]

use std::collections::HashMap;

use gloss::article::Meta;
use gloss::notes::store::NotesFile;
use gloss::notes::{
    Anchoring, ArticleIdentity, CodePoints, Motivation, Note, NoteSet, Target, anchor_all,
};
use jiff::Timestamp;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

mod articles;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok((text, title, set)) = notes_on_text(&mut u) else {
        return;
    };
    let anchors = anchor_all(&set, &text);
    for note in set.notes() {
        if !note.target.quote.exact.is_empty() {
            assert!(
                matches!(anchors.get(&note.id), Some(Anchoring::Exact(_))),
                "{:?}",
                anchors.get(&note.id)
            );
        }
    }
    let identity = ArticleIdentity::new(&text, None);
    let meta = Meta {
        title,
        ..Meta::default()
    };
    exports_hold(&text, &identity, &meta, &set, &anchors);
});

/// An article's text, a title and notes on it, as the fuzzer chooses.
fn notes_on_text(u: &mut Unstructured<'_>) -> Result<(String, Option<String>, NoteSet)> {
    let choice: u8 = u.arbitrary()?;
    let text = match articles::text(choice) {
        Some(text) => text,
        None => u.arbitrary::<String>()?,
    };
    let title: Option<String> = u.arbitrary()?;
    let cps = CodePoints::new(&text);
    let mut set = NoteSet::default();
    for i in 0..u.int_in_range(0..=8)? {
        let start = u.int_in_range(0..=text.len())?;
        let end = u.int_in_range(start..=text.len())?;
        let motivation = if u.arbitrary()? {
            Motivation::Highlighting
        } else {
            Motivation::Commenting
        };
        let at = Timestamp::from_second(u.int_in_range(0..=2_000_000_000)?)
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let mut note = Note::new(
            motivation,
            &u.arbitrary::<String>()?,
            Target::from_range(&text, start..end, &cps),
            at,
        );
        note.id = format!("note-{i}");
        set.add(note);
        if u.ratio(1, 5)? {
            set.delete(&format!("note-{i}"), at);
        }
    }
    Ok((text, title, set))
}

fn exports_hold(
    text: &str,
    identity: &ArticleIdentity,
    meta: &Meta,
    set: &NoteSet,
    anchors: &HashMap<String, Anchoring>,
) {
    let listing = gloss::notes::export::listing(text, set, anchors);
    assert_eq!(listing.lines().count(), set.len(), "{listing}");

    let markdown = gloss::notes::export::markdown(identity, meta, set, anchors);
    assert!(markdown.starts_with("# Notes on "), "{markdown}");
    assert!(
        markdown.lines().nth(1) == Some(""),
        "the title is one line: {markdown}"
    );
    assert!(markdown.contains(&format!("\n- Notes: {}\n", set.len())));

    let json = gloss::notes::export::json(identity, meta, set);
    let file: NotesFile = serde_json::from_value(json).expect("the JSON export reads back");
    assert_eq!(file, NotesFile::new(identity, meta.title.as_deref(), set));
    let toml = file.to_toml().expect("a notes file writes as TOML");
    let again =
        NotesFile::parse(&toml, std::path::Path::new("fuzz.notes.toml")).expect("and reads back");
    assert_eq!(again, file);

    let now = Timestamp::UNIX_EPOCH;
    let w3c = gloss::notes::export::w3c::collection(identity, "fuzz", set, now);
    let imported = gloss::notes::import::import_str(&w3c.to_string(), "fuzz.json", text, now)
        .unwrap_or_else(|e| panic!("gloss does not read its own W3C export: {e}"));
    assert_eq!(
        imported.notes.len(),
        set.len(),
        "skipped: {:?}",
        imported.skipped
    );
    for (note, anchoring) in &imported.notes {
        let before = set
            .get(&note.id)
            .unwrap_or_else(|| panic!("{} is not an exported note", note.id));
        assert_eq!(
            (&note.text, note.motivation),
            (&before.text, before.motivation)
        );
        assert_eq!(
            anchoring.range(),
            anchors.get(&note.id).and_then(Anchoring::range),
            "{} moved",
            note.id
        );
    }
}
