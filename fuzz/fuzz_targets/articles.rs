//! Articles for the targets that need real text under them (imports anchored on it, the
//! reader driven by keys): the bundled sample and a few small texts written for the fuzz
//! targets, each with what trips readers up (curly and straight quotes, dates, CJK, emoji,
//! combining marks, a tab, CRLF line ends). The fuzzer picks one with a byte, or hands its
//! own text instead.
// Shared by several targets, each using part of it.
#![allow(dead_code)]

use gloss::article::Article;
use gloss::ingest::{Format, LoadOptions, from_bytes};

/// Small articles made for the fuzz targets.
const TEXTS: [&str; 3] = [
    "Harbour talks resume\n\n\
     The ferry operator Lumen Lines said on Monday that talks with the union would resume \
     next week. “We want the boats running by 3 June,” said Ida Brandt, its director.\n\n\
     Union members met in Portsmouth on 12 May 2024; \"no deal yet\", one said.",
    "東京で会議\n\n\
     The Tokyo meeting drew 40 delegates 👩‍🔬 from Kyōto and Zoë Müller\u{301}'s team.\r\n\r\n\
     ''We will be back in the spring,'' said Ken Sato.\tThe next round is on Friday.",
    "A\n\nB \"unclosed quote\n\n\"and a paragraph that continues it.\n\nYesterday, 1999.",
];

/// The text of the article `choice` names: the sample (0), one of [`TEXTS`] (1-3), or
/// `None` (any other value: the caller uses text of its own).
pub fn text(choice: u8) -> Option<String> {
    match choice {
        0 => Some(gloss::ingest::sample().text),
        n @ 1..=3 => Some(TEXTS[usize::from(n) - 1].to_owned()),
        _ => None,
    }
}

/// The article `choice` names, or `own` read as plain text (`None` when the loader
/// refuses it, which the ingest targets cover).
pub fn article(choice: u8, own: &[u8]) -> Option<Article> {
    match choice {
        0 => Some(gloss::ingest::sample()),
        1..=3 => article_of(text(choice)?.as_bytes()),
        _ => article_of(own),
    }
}

fn article_of(bytes: &[u8]) -> Option<Article> {
    from_bytes(bytes, Format::Plain, "fuzz.txt", &LoadOptions::default()).ok()
}
