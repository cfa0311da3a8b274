//! Any text through the detectors (`detect::detect`, with or without a publication date).
//! Checks what the reader, the side pane and the JSON rely on: never a panic; every span
//! (and quote speaker span) non-empty, inside the text, on whole grapheme clusters; the set
//! sorted by start, longest first; every entity's group exists and has its label, and
//! every group has at least one mention; a speaker's group exists; every quote opens with
//! its quotation mark; the same text gives the same annotations twice.
#![no_main]

use gloss::annotation::{AnnotationKind, AnnotationSet};
use gloss::article::grapheme_span;
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let day = match choice % 3 {
        0 => None,
        1 => Some(date(2024, 2, 29)),
        _ => Some(date(1999, 12, 31)),
    };
    let set = gloss::detect::detect(text, day);
    spans_hold(text, &set);
    groups_hold(&set);
    quotes_hold(text, &set);
    assert_eq!(set, gloss::detect::detect(text, day), "not deterministic");
});

fn spans_hold(text: &str, set: &AnnotationSet) {
    let whole = |r: &std::ops::Range<usize>| {
        r.start < r.end && r.end <= text.len() && grapheme_span(text, r.clone()) == *r
    };
    for pair in set.items().windows(2) {
        let (a, b) = (&pair[0].span, &pair[1].span);
        assert!(
            a.start < b.start || (a.start == b.start && a.end >= b.end),
            "{a:?} before {b:?}"
        );
    }
    for a in set.items() {
        assert!(whole(&a.span), "span {:?} of {}", a.span, text.len());
        if let AnnotationKind::Quote(q) = &a.kind
            && let Some(s) = &q.speaker_span
        {
            assert!(whole(s), "speaker span {s:?}");
        }
    }
}

fn groups_hold(set: &AnnotationSet) {
    for (i, g) in set.groups().iter().enumerate() {
        assert_eq!(g.id, i, "group {i} says it is {}", g.id);
        assert!(!g.name.is_empty(), "group {i} has no name");
        assert!(
            !set.mentions_of(i).is_empty(),
            "group {i} ({}) has no mention",
            g.name
        );
    }
    for a in set.items() {
        match &a.kind {
            AnnotationKind::Entity { label, group } => {
                let g = set
                    .group(*group)
                    .unwrap_or_else(|| panic!("entity of group {group}"));
                assert_eq!(g.label, *label, "entity {:?} of group {}", a.span, g.name);
            }
            AnnotationKind::Quote(q) => {
                if let Some(g) = q.speaker_group {
                    assert!(set.group(g).is_some(), "speaker of group {g}");
                }
            }
            AnnotationKind::Date(_) => {}
        }
    }
}

/// A quote's span begins with its opening mark (within its first grapheme cluster: a mark
/// after a prepended character belongs to that character's cluster).
fn quotes_hold(text: &str, set: &AnnotationSet) {
    for a in set.items() {
        if let AnnotationKind::Quote(_) = a.kind {
            let quoted = &text[a.span.clone()];
            let first_char = quoted.chars().next().map_or(0, char::len_utf8);
            let first = grapheme_span(quoted, 0..first_char).end;
            let opens = quoted[..first].contains(['"', '\u{201c}', '\'']);
            assert!(opens, "quote {:?} without its mark: {quoted:?}", a.span);
        }
    }
}
