//! The text a chunk at a time: where entity detection cuts a text (at blank lines, about
//! [`CHUNK_BYTES`] apart) and the tokens of each chunk with the few tokens around it that
//! the tagger's features read, so no pass holds more than a chunk or two of tokens.
//!
//! A blank line is a boundary the tokenizer does not see across (every token after one
//! starts a sentence and a paragraph), so a text tokenised chunk by chunk gives the same
//! tokens as the text tokenised whole; see [`super::tokens::tokenize_into`].

use std::ops::Range;

use memchr::memchr;

use super::hash::word_hash_lower;
use super::tokens::{Token, tokenize_into};

/// Text per chunk (bytes). A pass holds one chunk's tokens and their features, some 30
/// bytes a token or 6 a byte of text: about 25 MB for a chunk of 4 MiB, whatever the text's
/// size. Every pass tokenises each chunk again, except in a text of one chunk, which is
/// tokenised once: at 4 MiB a book the size of War and Peace (3.2 MiB) is one chunk and
/// costs what it did before chunking, while a bigger text takes about half as long again
/// (detection runs in the background). A text without blank lines is one chunk however
/// long it is.
pub const CHUNK_BYTES: usize = 4 << 20;

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
    /// The lowercased word hash of each of `tokens`, if asked for (else empty).
    pub lower: &'w [u64],
    /// Where the chunk's own tokens are in `tokens`.
    pub chunk: Range<usize>,
    /// The text's token index of `tokens[0]` (tokens counted from the start of the text).
    pub offset: usize,
    /// The chunk's bytes.
    pub bytes: Range<usize>,
}

/// Tokenises a text chunk by chunk, handing out each chunk in a [`Window`], as many walks
/// over the chunks as asked. It keeps only the current chunk's tokens with the context
/// around it: the last tokens before it, and the paragraphs after it that give enough
/// tokens (tokenised again with the next chunk). A text of one chunk is tokenised once for
/// all walks.
pub struct Windows<'t> {
    text: &'t str,
    chunks: &'t [Range<usize>],
    context: usize,
    /// The window of chunk `held`, from the text's token `base` on.
    buf: Vec<Token>,
    lower: Vec<u64>,
    base: usize,
    held: Option<usize>,
    /// Where chunk `held`'s own tokens are in `buf`, and where its window ends.
    chunk: Range<usize>,
    end: usize,
    /// The next chunk to hand out.
    next: usize,
}

impl<'t> Windows<'t> {
    /// Walks over `chunks` (from [`cut`]) with `context` tokens on either side.
    pub fn new(text: &'t str, chunks: &'t [Range<usize>], context: usize) -> Windows<'t> {
        Windows {
            text,
            chunks,
            context,
            buf: Vec::new(),
            lower: Vec::new(),
            base: 0,
            held: None,
            chunk: 0..0,
            end: 0,
            next: 0,
        }
    }

    /// Starts the next walk from the first chunk.
    pub fn restart(&mut self) {
        self.next = 0;
    }

    /// The next chunk's window (with its tokens' lowercased hashes if `hashes`), or `None`
    /// after the last.
    pub fn next_window(&mut self, hashes: bool) -> Option<Window<'_>> {
        let k = self.next;
        let bytes = self.chunks.get(k)?.clone();
        self.next += 1;
        if self.held != Some(k) {
            self.tokenize(k, bytes.clone());
        }
        if hashes && self.lower.len() != self.end {
            self.lower.clear();
            self.lower.reserve_exact(self.end);
            let text = self.text;
            let words = self.buf[..self.end]
                .iter()
                .map(|t| word_hash_lower(t.text(text)));
            self.lower.extend(words);
        }
        Some(Window {
            tokens: &self.buf[..self.end],
            lower: if hashes { &self.lower } else { &[] },
            chunk: self.chunk.clone(),
            offset: self.base,
            bytes,
        })
    }

    /// Fills the window of chunk `k` (`bytes`), the window of chunk `k - 1` being held.
    fn tokenize(&mut self, k: usize, bytes: Range<usize>) {
        if k == 0 {
            self.buf.clear();
            self.base = 0;
            self.chunk = 0..0;
        }
        // The last chunk's final tokens are this one's left context and the tokenizer's
        // history (it looks back two tokens).
        self.buf.truncate(self.chunk.end);
        let keep_from = self.buf.len().saturating_sub(self.context);
        self.buf.drain(..keep_from);
        self.base += keep_from;
        let start = self.buf.len();
        self.tokenize_range(bytes.clone());
        let end = self.buf.len();
        let mut from = bytes.end;
        while self.buf.len() < end + self.context && from < self.text.len() {
            let to = next_paragraph(self.text, from).unwrap_or(self.text.len());
            self.tokenize_range(from..to);
            from = to;
        }
        self.chunk = start..end;
        self.end = self.buf.len().min(end + self.context);
        self.lower.clear();
        self.held = Some(k);
    }

    /// Appends the tokens of `range`, first making room for them exactly: a buffer grown
    /// by doubling could hold twice the tokens of a chunk.
    fn tokenize_range(&mut self, range: Range<usize>) {
        // English has about one token per five bytes: room for one per four is enough.
        self.buf.reserve_exact(range.len() / 4 + 1);
        tokenize_into(self.text, range, &mut self.buf);
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
        assert_eq!(cut(text, 1000).len(), 1);
        assert!(cut("", 10).is_empty());
        assert_eq!(cut("no blank line\nat all\n", 1).len(), 1);
    }

    /// Every token of every window, at its place in the text, is the whole text's token.
    fn windows_agree(text: &str, size: usize, context: usize) -> Result<(), TestCaseError> {
        let whole = tokenize(text);
        let chunks = cut(text, size);
        let mut walk = Windows::new(text, &chunks, context);
        // A second walk gives the same windows, with hashes.
        for hashes in [false, true] {
            walk.restart();
            let mut seen = 0;
            while let Some(w) = walk.next_window(hashes) {
                let at = w.offset..w.offset + w.tokens.len();
                prop_assert_eq!(w.tokens, &whole[at]);
                if hashes {
                    let lower: Vec<u64> = w
                        .tokens
                        .iter()
                        .map(|t| word_hash_lower(t.text(text)))
                        .collect();
                    prop_assert_eq!(w.lower, &lower[..]);
                }
                seen += w.chunk.len();
            }
            prop_assert_eq!(seen, whole.len());
        }
        walk.restart();
        let mut seen = 0;
        while let Some(w) = walk.next_window(false) {
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
