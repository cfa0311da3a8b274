//! Any bytes as the first bytes of a big file, cut where the reader cuts the head it shows
//! first (`ingest::cut_head`, used by `ingest::load_head`). Checks: never a panic; the cut
//! is inside the bytes; it falls after a line break, or (one long line) leaves out only an
//! incomplete UTF-8 sequence at the end; what comes before it loads (plain text and
//! Markdown) keeping the article contract; and when the cut is at a blank line, the plain
//! article of the head is a prefix of the whole one (same text, same blocks): the reader
//! swaps one for the other without moving what is on screen.
#![no_main]

use gloss::ingest::{Format, LoadOptions, cut_head, from_bytes};
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let at = cut_head(data);
    assert!(at <= data.len());
    let head = &data[..at];
    match data.contains(&b'\n') {
        true => assert_eq!(head.last(), Some(&b'\n'), "cut in the middle of a line"),
        false => assert!(
            data.len() - at < 4,
            "one long line cut {} bytes short",
            data.len() - at
        ),
    }
    if std::str::from_utf8(data).is_ok() {
        assert!(std::str::from_utf8(head).is_ok(), "cut inside a character");
    }
    let options = LoadOptions::default();
    let load = |bytes: &[u8], format| from_bytes(bytes, format, "fuzz.txt", &options);
    for format in [Format::Plain, Format::Markdown] {
        if let Ok(article) = load(head, format) {
            check::article_contract(&article);
        }
    }
    // UTF-16 files load whole, never head first (`ingest::load_head`): their head is no
    // prefix to compare.
    let utf16 = data.starts_with(b"\xFF\xFE") || data.starts_with(b"\xFE\xFF");
    if utf16 || !at_blank_line(data, at) {
        return;
    }
    if let (Ok(part), Ok(whole)) = (load(head, Format::Plain), load(data, Format::Plain)) {
        // A first line taken as the title needs a second paragraph to be one; a warning
        // (a date header the head alone cannot read) is the loader's, not the cut's.
        if part.meta.title == whole.meta.title && part.warnings.is_empty() {
            assert!(
                whole.text.starts_with(&part.text),
                "{:?} / {:?}",
                part.text,
                whole.text
            );
            assert!(
                whole.blocks.starts_with(&part.blocks),
                "{:?} / {:?}",
                part.blocks,
                whole.blocks
            );
        }
    }
});

/// Whether the line starting at `at` is blank (ASCII white space only) and ends.
fn at_blank_line(data: &[u8], at: usize) -> bool {
    data[at..]
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|end| data[at..at + end].iter().all(u8::is_ascii_whitespace))
}
