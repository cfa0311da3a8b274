//! Words and sentences of the article text as byte ranges, by Unicode segmentation
//! (UAX #29), for making selections and for "the sentence at the top of the view".
//!
//! Each query segments only the paragraph around the byte it starts from (paragraphs are
//! separated by a blank line), so a selection step in a 5 MB book costs one paragraph.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The paragraph around byte `pos` (clamped to the text, on a character boundary).
fn paragraph(text: &str, pos: usize) -> Range<usize> {
    let pos = floor(text, pos);
    let start = text[..pos].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[pos..].find("\n\n").map_or(text.len(), |i| pos + i);
    start..end
}

fn floor(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The words (segments holding a letter or digit) of the paragraph around `pos`.
fn words(text: &str, pos: usize) -> Vec<Range<usize>> {
    let para = paragraph(text, pos);
    text[para.clone()]
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| para.start + i..para.start + i + w.len())
        .collect()
}

/// The sentences of the paragraph around `pos`, trailing white space left out.
fn sentences(text: &str, pos: usize) -> Vec<Range<usize>> {
    let para = paragraph(text, pos);
    text[para.clone()]
        .split_sentence_bound_indices()
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(i, s)| {
            let start = para.start + i + (s.len() - s.trim_start().len());
            start..para.start + i + s.trim_end().len()
        })
        .collect()
}

/// The next paragraph's start after the one around `pos`, if any.
fn next_paragraph(text: &str, pos: usize) -> Option<usize> {
    let end = paragraph(text, pos).end;
    let rest = text.get(end..)?;
    let skip = rest.len() - rest.trim_start().len();
    (end + skip < text.len()).then_some(end + skip)
}

/// The word at or after byte `pos` (the next paragraph's first word at a paragraph's end);
/// an empty range at `pos` when no word follows.
pub fn word_at(text: &str, pos: usize) -> Range<usize> {
    let pos = floor(text, pos);
    let mut at = pos;
    for _ in 0..3 {
        if let Some(w) = words(text, at).into_iter().find(|w| w.end > pos) {
            return w;
        }
        match next_paragraph(text, at) {
            Some(next) => at = next,
            None => break,
        }
    }
    pos..pos
}

/// The end of the first word ending after `end` (crossing into the next paragraph).
pub fn word_end_after(text: &str, end: usize) -> usize {
    let w = word_at(text, end);
    if w.is_empty() { end } else { w.end }
}

/// The end of the last word ending before `end` but after `start`; `end` when there is none
/// (a selection keeps at least its first word).
pub fn word_end_before(text: &str, end: usize, start: usize) -> usize {
    last_before(text, end, start, words)
}

/// The last end of a unit (from `units`) before `end` and after `start`, looking back
/// through a few paragraphs; `end` when there is none.
fn last_before(
    text: &str,
    end: usize,
    start: usize,
    units: fn(&str, usize) -> Vec<Range<usize>>,
) -> usize {
    let mut at = end.saturating_sub(1);
    for _ in 0..3 {
        if let Some(u) = units(text, at)
            .into_iter()
            .rev()
            .find(|u| u.end < end && u.end > start)
        {
            return u.end;
        }
        // The previous paragraph: just before the blank line that starts this one.
        let para = paragraph(text, at);
        if para.start < 2 || para.start <= start {
            break;
        }
        at = para.start - 2;
    }
    end
}

/// The sentence holding byte `pos` (or the next one when `pos` is between sentences).
pub fn sentence_at(text: &str, pos: usize) -> Range<usize> {
    let pos = floor(text, pos);
    let mut at = pos;
    for _ in 0..3 {
        if let Some(s) = sentences(text, at).into_iter().find(|s| s.end > pos) {
            return s;
        }
        match next_paragraph(text, at) {
            Some(next) => at = next,
            None => break,
        }
    }
    pos..pos
}

/// The end of the first sentence ending after `end`.
pub fn sentence_end_after(text: &str, end: usize) -> usize {
    let s = sentence_at(text, end);
    if s.is_empty() { end } else { s.end }
}

/// The end of the last sentence ending before `end` and after `start`; `end` when none.
pub fn sentence_end_before(text: &str, end: usize, start: usize) -> usize {
    last_before(text, end, start, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "First one here. Second, with “quotes”! Third?\n\nNext para starts. Done";

    fn at(needle: &str) -> usize {
        T.find(needle).unwrap()
    }

    #[test]
    fn words_move_by_word_and_cross_paragraphs() {
        assert_eq!(&T[word_at(T, 0)], "First");
        assert_eq!(&T[word_at(T, 5)], "one");
        assert_eq!(&T[..word_end_after(T, 5)], "First one");
        let third = at("Third") + 5;
        assert_eq!(&T[at("Next")..word_end_after(T, third + 1)], "Next");
        assert_eq!(&T[..word_end_before(T, at(" here") + 5, 0)], "First one");
        assert_eq!(word_end_before(T, 5, 0), 5, "keeps the first word");
        assert_eq!(word_at(T, T.len()), T.len()..T.len());
    }

    #[test]
    fn sentences_are_unicode_sentences_without_trailing_space() {
        assert_eq!(&T[sentence_at(T, 3)], "First one here.");
        assert_eq!(&T[sentence_at(T, at("with"))], "Second, with “quotes”!");
        assert_eq!(&T[sentence_at(T, at("\n\n"))], "Next para starts.");
        let end = sentence_end_after(T, at("First") + 15);
        assert_eq!(&T[..end], "First one here. Second, with “quotes”!");
        assert_eq!(sentence_end_before(T, end, 0), at(" Second"));
        assert_eq!(sentence_end_before(T, at(" Second"), 0), at(" Second"));
    }

    #[test]
    fn any_position_is_safe() {
        for pos in 0..=T.len() + 2 {
            let w = word_at(T, pos);
            let s = sentence_at(T, pos);
            assert!(T.get(w).is_some() && T.get(s).is_some());
            let _ = word_end_before(T, pos, 0);
            let _ = sentence_end_before(T, pos, 0);
        }
    }
}
