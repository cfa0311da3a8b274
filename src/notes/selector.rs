//! W3C Web Annotation selectors for a passage: [`TextQuoteSelector`] (the exact text with
//! 32 characters of context either side) and [`TextPositionSelector`] (code point offsets),
//! built from a byte range of `Article::text` and turned back into byte ranges.
//!
//! The rest of gloss speaks byte ranges; code points exist here because the W3C model counts
//! characters, and [`CodePoints`] makes the conversion cheap on a 5 MB book.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How many characters of context a quote selector keeps either side (as Hypothesis does).
pub const CONTEXT_CHARS: usize = 32;

/// The quoted passage and its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// The passage as code point offsets `start..end` into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// Both selectors of a note: what it quotes and where that was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub quote: TextQuoteSelector,
    pub position: TextPositionSelector,
}

/// Byte <-> code point conversion for one text, with a checkpoint every
/// 1024 characters so each conversion walks at most that many.
#[derive(Debug, Clone)]
pub struct CodePoints<'a> {
    text: &'a str,
    /// Byte offset of code point `i * STRIDE`.
    checkpoints: Vec<usize>,
    len: usize,
}

impl<'a> CodePoints<'a> {
    const STRIDE: usize = 1024;

    pub fn new(text: &'a str) -> CodePoints<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        let mut len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % Self::STRIDE == 0 {
                checkpoints.push(byte);
            }
            len = i + 1;
        }
        CodePoints {
            text,
            checkpoints,
            len,
        }
    }

    /// Number of code points in the text.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code point offset of a byte offset (rounded down to a character boundary,
    /// clamped to the text).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte);
        let block = self
            .checkpoints
            .partition_point(|&b| b <= byte)
            .saturating_sub(1);
        let from = self.checkpoints.get(block).copied().unwrap_or(0);
        block * Self::STRIDE + self.text[from..byte].chars().count()
    }

    /// The byte offset of a code point offset (clamped to the end of the text).
    pub fn to_byte(&self, char: usize) -> usize {
        if char >= self.len {
            return self.text.len();
        }
        let block = char / Self::STRIDE;
        let from = self.checkpoints.get(block).copied().unwrap_or(0);
        self.text[from..]
            .char_indices()
            .nth(char - block * Self::STRIDE)
            .map_or(self.text.len(), |(b, _)| from + b)
    }
}

/// The largest character boundary `<= byte`, clamped to the text.
pub fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// The smallest character boundary `>= byte`, clamped to the text.
pub fn ceil_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

/// Up to `n` characters of `text` ending at byte `end`.
pub fn chars_before(text: &str, end: usize, n: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(b, _)| b);
    if n == 0 { "" } else { &text[start..end] }
}

/// Up to `n` characters of `text` starting at byte `start`.
pub fn chars_after(text: &str, start: usize, n: usize) -> &str {
    let rest = &text[start..];
    let end = rest.char_indices().nth(n).map_or(rest.len(), |(b, _)| b);
    &rest[..end]
}

impl Target {
    /// The selectors of the byte range `range` of `text` (widened to character boundaries
    /// and clamped to the text, so any range is accepted).
    pub fn from_range(text: &str, range: Range<usize>, cps: &CodePoints<'_>) -> Target {
        let start = floor_boundary(text, range.start);
        let end = ceil_boundary(text, range.end.max(start));
        Target {
            quote: TextQuoteSelector {
                exact: text[start..end].to_owned(),
                prefix: chars_before(text, start, CONTEXT_CHARS).to_owned(),
                suffix: chars_after(text, end, CONTEXT_CHARS).to_owned(),
            },
            position: TextPositionSelector {
                start: cps.to_char(start),
                end: cps.to_char(end),
            },
        }
    }

    /// The byte range the position selector names in `text` (clamped to the text).
    pub fn position_bytes(&self, cps: &CodePoints<'_>) -> Range<usize> {
        let start = cps.to_byte(self.position.start);
        start..cps.to_byte(self.position.end.max(self.position.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn selectors_count_code_points_and_keep_32_chars_of_context() {
        let text = format!("{}é😀 quoted words here{}", "a".repeat(40), "z".repeat(40));
        let start = text.find("quoted").unwrap();
        let range = start..start + "quoted words".len();
        let cps = CodePoints::new(&text);
        let target = Target::from_range(&text, range.clone(), &cps);
        assert_eq!(target.quote.exact, "quoted words");
        assert_eq!(target.quote.prefix.chars().count(), 32);
        assert!(target.quote.prefix.ends_with("é😀 "));
        assert_eq!(target.quote.suffix, format!(" here{}", "z".repeat(27)));
        assert_eq!(target.position.start, 43);
        assert_eq!(target.position.end, 55);
        assert_eq!(target.position_bytes(&cps), range);
    }

    #[test]
    fn ranges_inside_characters_are_widened_not_panicking() {
        let text = "añb";
        let cps = CodePoints::new(text);
        let target = Target::from_range(text, 2..2, &cps);
        assert_eq!(target.quote.exact, "ñ");
        let target = Target::from_range(text, 2..99, &cps);
        assert_eq!(target.quote.exact, "ñb");
        assert_eq!(cps.to_byte(99), 4);
    }

    proptest! {
        // Few cases: each one converts every offset of a text longer than two strides.
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn byte_char_round_trip(text in "[a-zé😀\u{301} ]{0,3000}") {
            let cps = CodePoints::new(&text);
            prop_assert_eq!(cps.len(), text.chars().count());
            for (i, (b, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(cps.to_char(b), i);
                prop_assert_eq!(cps.to_byte(i), b);
            }
            prop_assert_eq!(cps.to_char(text.len()), cps.len());
        }
    }
}
