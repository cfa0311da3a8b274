//! The article contract every loader must keep, shared by the ingest fuzz targets.

use gloss::article::Article;

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
}
