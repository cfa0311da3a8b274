//! The sentence around a mention, cut from a window of the stored text (never the whole
//! text: a book chapter is read a few hundred bytes at a time).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::model::MentionContext;

/// How many bytes either side of a mention are read to find its sentence.
pub const WINDOW: usize = 400;
/// The longest sentence shown; a longer one is cut around the mention with `…`.
const MAX_SENTENCE: usize = 300;

/// The mention at `span` of the article, given `window` = its text from byte
/// `window_start` (possibly cut inside a character at either end).
pub fn mention_context(window: &[u8], window_start: usize, span: Range<usize>) -> MentionContext {
    let (text, text_start) = valid_utf8(window, window_start);
    // Line breaks become spaces byte for byte (so offsets hold): a hard-wrapped line is
    // not the end of a sentence, and the sentence is shown on one line.
    let text: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let text = text.as_str();
    let local = span.start.saturating_sub(text_start).min(text.len())
        ..span.end.saturating_sub(text_start).min(text.len());
    let sentence = sentence_around(text, local.clone());
    let sentence = trim_to(text, sentence, &local);
    let in_sentence = local.start - sentence.start..local.end - sentence.start;
    MentionContext {
        span,
        sentence: text[sentence].to_owned(),
        in_sentence,
    }
}

/// The longest valid UTF-8 inside `window`, and where it starts in the article.
fn valid_utf8(window: &[u8], start: usize) -> (&str, usize) {
    let skip = window
        .iter()
        .take(4)
        .take_while(|&&b| (0x80..0xC0).contains(&b))
        .count();
    let rest = &window[skip..];
    let text = match std::str::from_utf8(rest) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
    };
    (text, start + skip)
}

/// The byte range of the sentence of `text` that holds `mention`.
fn sentence_around(text: &str, mention: Range<usize>) -> Range<usize> {
    let mut found = 0..text.len();
    for (start, sentence) in text.split_sentence_bound_indices() {
        let end = start + sentence.len();
        if start <= mention.start && mention.start < end.max(start + 1) {
            found = start..end.max(mention.end);
            break;
        }
    }
    let body = &text[found.clone()];
    let lead = body.len() - body.trim_start().len();
    let trail = body.len() - body.trim_end().len();
    (found.start + lead).min(mention.start)..(found.end - trail).max(mention.end)
}

/// `sentence` cut to at most [`MAX_SENTENCE`] bytes centred on the mention, on character
/// boundaries.
fn trim_to(text: &str, sentence: Range<usize>, mention: &Range<usize>) -> Range<usize> {
    if sentence.len() <= MAX_SENTENCE {
        return sentence;
    }
    let spare = MAX_SENTENCE.saturating_sub(mention.len()) / 2;
    let mut start = mention.start.saturating_sub(spare).max(sentence.start);
    let mut end = (mention.end + spare).min(sentence.end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_mention_on_one_line() {
        let text = "First one. Then Angela Merkel\nspoke in Berlin. Last one.";
        let at = text.find("Merkel").unwrap();
        let c = mention_context(text.as_bytes(), 0, at..at + 6);
        assert_eq!(c.sentence, "Then Angela Merkel spoke in Berlin.");
        assert_eq!(&c.sentence[c.in_sentence.clone()], "Merkel");
        assert_eq!(c.span, at..at + 6);
    }

    #[test]
    fn a_window_cut_inside_characters_still_finds_the_mention() {
        let text = "Ça déjà. Où est Zoë aujourd’hui? Fin.";
        let at = text.find("Zoë").unwrap();
        // Start one byte into 'Ç' and stop one byte into '’'.
        let end = text.find('’').unwrap() + 1;
        let c = mention_context(&text.as_bytes()[1..end], 1, at..at + "Zoë".len());
        assert_eq!(&c.sentence[c.in_sentence.clone()], "Zoë");
        assert!(c.sentence.starts_with("Où est"), "{c:?}");
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_mention() {
        let text = format!("{} Trump {}", "word ".repeat(200), "more ".repeat(200));
        let at = text.find("Trump").unwrap();
        let c = mention_context(text.as_bytes(), 0, at..at + 5);
        assert!(c.sentence.len() <= MAX_SENTENCE);
        assert_eq!(&c.sentence[c.in_sentence.clone()], "Trump");
    }
}
