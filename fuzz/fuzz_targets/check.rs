//! The article contract every loader must keep, shared by the ingest fuzz targets.

use gloss::annotation::AnnotationKind;
use gloss::article::{Article, InlineStyle, grapheme_span};

/// Panics (a fuzzer finding) when `article` breaks the block contract of `article.rs`.
pub fn article_contract(article: &Article) {
    let text = &article.text;
    let mut prev_end = 0;
    for (i, block) in article.blocks.iter().enumerate() {
        let span = block.span.clone();
        assert!(span.start < span.end && span.end <= text.len(), "block {i} out of bounds");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(i == 0 || span.start >= prev_end + 2, "blocks overlap");
        assert!(!text[span].contains("\n\n"), "blank line inside a block");
        prev_end = block.span.end;
    }
    for s in &article.inline {
        assert!(s.span.start < s.span.end && s.span.end <= text.len(), "inline out of bounds");
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    // Links: in bounds, sorted and apart, and their URLs free of control characters (the
    // reader writes them to the terminal in OSC 8 sequences).
    for l in &article.links {
        assert!(l.span.start < l.span.end && l.span.end <= text.len(), "link out of bounds");
        assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
        assert!(!l.url.chars().any(char::is_control), "control character in a link");
    }
    assert!(
        article.links.windows(2).all(|w| w[0].span.end <= w[1].span.start),
        "links overlap"
    );
}

/// Panics when the detectors' output on `article` breaks what the reader relies on: every
/// span (and quote speaker span) covers whole grapheme clusters of the text they read
/// (the article's, code blanked), and nothing is found inside code.
pub fn detection_contract(article: &Article) {
    let text = gloss::detect::without_code(article);
    let set = gloss::detect::detect_article(article);
    let whole = |r: &std::ops::Range<usize>| grapheme_span(&text, r.clone()) == *r;
    for a in set.items() {
        assert!(whole(&a.span), "span {:?} splits a grapheme", a.span);
        if let AnnotationKind::Quote(q) = &a.kind
            && let Some(s) = &q.speaker_span
        {
            assert!(whole(s), "speaker span {s:?} splits a grapheme");
        }
        // Inside code: within a code span, or starting or ending inside one. A quote may
        // hold inline code whole (He said "run `ls` now").
        let inside = |at: usize, c: &std::ops::Range<usize>| c.start < at && at < c.end;
        let in_code = article
            .inline
            .iter()
            .filter(|s| s.style == InlineStyle::Code)
            .any(|s| {
                let c = &s.span;
                inside(a.span.start, c)
                    || inside(a.span.end, c)
                    || (c.start <= a.span.start && a.span.end <= c.end)
            });
        assert!(!in_code, "annotation {:?} inside code", a.span);
    }
}
