//! The text a chunk at a time: where entity detection cuts a text (at blank lines, about
//! [`CHUNK_BYTES`] apart) and the tokens of each chunk with the few tokens around it that
//! the tagger's features read, so no pass holds more than a chunk or two of tokens.
//!
//! A blank line is a boundary the tokenizer does not see across (every token after one
//! starts a sentence and a paragraph), so a text tokenised chunk by chunk gives the same
//! tokens as the text tokenised whole; see [`super::tokens::tokenize_into`].

use std::ops::Range;

use memchr::memchr;

use super::tokens::{Token, tokenize_into};

/// Text per chunk (bytes). A pass over a chunk of 1 MiB holds about 200 000 tokens and
/// their features (some 25 bytes each, twice over with the chunk tokenised ahead): a few
/// MB, whatever the text's size, and few enough chunks that the work at their edges is
/// nothing. A text without blank lines is one chunk however long it is.
pub const CHUNK_BYTES: usize = 1 << 20;

/// Cuts `text` into consecutive byte ranges covering it, each but the last ending just
/// after the line break that closes the first blank line (whitespace only) at least `size`
/// bytes after its start.
pub fn cut(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = next_paragraph(text, start.saturating_add(size.max(1))).unwrap_or(text.len());
        chunks.push(start..end);
        start = end;
    }
    chunks
}

/// The first paragraph start at or after `from`: just after a `\n` that ends a line of
/// whitespace following another `\n`.
fn next_paragraph(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line_end = from + memchr(b'\n', bytes.get(from..)?)?;
    loop {
        let next = line_end + 1 + memchr(b'\n', &bytes[line_end + 1..])?;
        // Both ends are `\n` bytes, so char boundaries.
        if text
            .get(line_end + 1..next)
            .is_some_and(|l| l.trim().is_empty())
        {
            return Some(next + 1);
        }
        line_end = next;
    }
}

/// One chunk's tokens in context.
pub struct Window<'w> {
    /// Up to `context` tokens before the chunk, the chunk's tokens, up to `context` after.
    pub tokens: &'w [Token],
    /// Where the chunk's own tokens are in `tokens`.
    pub chunk: Range<usize>,
    /// The text's token index of `tokens[0]` (tokens counted from the start of the text).
    pub offset: usize,
    /// The chunk's bytes.
    pub bytes: Range<usize>,
}

/// Tokenises a text chunk by chunk, handing out each chunk in a [`Window`]. It keeps only
/// the current chunk's tokens with the context around it: the last tokens before it, and
/// the paragraphs after it that give enough tokens (tokenised again with the next chunk).
pub struct Windows<'t> {
    text: &'t str,
    chunks: &'t [Range<usize>],
    context: usize,
    /// The last window's tokens, from the text's token `base` on.
    buf: Vec<Token>,
    base: usize,
    /// Where the last window's chunk ends in `buf` (its right context follows).
    chunk_end: usize,
    /// The next chunk to hand out.
    next: usize,
}

impl<'t> Windows<'t> {
    /// A walk over `chunks` (from [`cut`]) with `context` tokens on either side.
    pub fn new(text: &'t str, chunks: &'t [Range<usize>], context: usize) -> Windows<'t> {
        Windows {
            text,
            chunks,
            context,
            buf: Vec::new(),
            base: 0,
            chunk_end: 0,
            next: 0,
        }
    }

    /// The next chunk's window, or `None` after the last.
    pub fn next_window(&mut self) -> Option<Window<'_>> {
        let bytes = self.chunks.get(self.next)?.clone();
        self.next += 1;
        // The last chunk's final tokens are this one's left context and the tokenizer's
        // history (it looks back two tokens).
        self.buf.truncate(self.chunk_end);
        let keep_from = self.buf.len().saturating_sub(self.context);
        self.buf.drain(..keep_from);
        self.base += keep_from;
        let start = self.buf.len();
        tokenize_into(self.text, bytes.clone(), &mut self.buf);
        let end = self.buf.len();
        self.chunk_end = end;
        let mut from = bytes.end;
        while self.buf.len() < end + self.context && from < self.text.len() {
            let to = next_paragraph(self.text, from).unwrap_or(self.text.len());
            tokenize_into(self.text, from..to, &mut self.buf);
            from = to;
        }
        let hi = self.buf.len().min(end + self.context);
        Some(Window {
            tokens: &self.buf[..hi],
            chunk: start..end,
            offset: self.base,
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{PARA_START, tokenize};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chunks_end_after_blank_lines() {
        let text = "One two.\nThree.\n\nFour five.\n \t\nSix.\n\n\nSeven.";
        let chunks = cut(text, 3);
        let starts: Vec<&str> = chunks.iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(
            starts,
            [
                "One two.\nThree.\n\n",
                "Four five.\n \t\n",
                "Six.\n\n",
                "\nSeven."
            ]
        );
        assert_eq!(cut(text, 1000), [0..text.len()]);
        assert!(cut("", 10).is_empty());
        assert_eq!(cut("no blank line\nat all\n", 1), [0..21]);
    }

    /// Every token of every window, at its place in the text, is the whole text's token.
    fn windows_agree(text: &str, size: usize, context: usize) -> Result<(), TestCaseError> {
        let whole = tokenize(text);
        let chunks = cut(text, size);
        let mut walk = Windows::new(text, &chunks, context);
        let mut seen = 0;
        while let Some(w) = walk.next_window() {
            prop_assert_eq!(w.offset + w.chunk.start, seen);
            prop_assert!(w.chunk.start <= context && w.tokens.len() - w.chunk.end <= context);
            let at = w.offset..w.offset + w.tokens.len();
            prop_assert_eq!(w.tokens, &whole[at]);
            if let Some(first) = w.tokens.get(w.chunk.start).filter(|_| !w.chunk.is_empty()) {
                prop_assert!(first.is(PARA_START));
                prop_assert!(first.start() >= w.bytes.start);
            }
            seen += w.chunk.len();
        }
        prop_assert_eq!(seen, whole.len());
        Ok(())
    }

    #[test]
    fn a_closing_quote_after_a_paragraph_break_reads_the_token_before() {
        let text = "He left.\n\n” Then she came.\n\nShe stayed.";
        windows_agree(text, 1, 2)
            .map_err(|e| e.to_string())
            .unwrap();
    }

    proptest! {
        #[test]
        fn windows_are_the_whole_texts_tokens(
            paras in prop::collection::vec("[A-Za-z’'\".,” \n]{0,40}", 0..12),
            sep in "\n[ \t]{0,2}\n\n?",
            size in 1usize..60,
            context in 2usize..5,
        ) {
            windows_agree(&paras.join(&sep), size, context)?;
        }
    }
}
