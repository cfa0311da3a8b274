//! The article model: one owned text plus its metadata and block structure.
//!
//! Everything downstream (detectors, layout, navigation, notes) speaks byte ranges into
//! [`Article::text`]. Ingest (`crate::ingest`) builds an `Article` from a file; nothing here
//! reads files or knows about the terminal.

use std::ops::Range;

use jiff::civil::Date;

/// Descriptive metadata of an article, from a date header, front matter, a web page's own
/// metadata or the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Title shown in the header; `None` when the source gives none.
    pub title: Option<String>,
    /// Publication date: the anchor for relative dates ("Sunday", "last year").
    pub date: Option<Date>,
    /// Who wrote it (a web page's byline).
    pub author: Option<String>,
    /// Where it was published (a web page's site name).
    pub source: Option<String>,
    /// Where it lives (a web page's canonical URL).
    pub url: Option<String>,
    /// The language the source declares (`<html lang>`), as given.
    pub language: Option<String>,
    /// True when the source is a web page in which no article stood out (an index, a
    /// search page): the text is then all of the page's readable text.
    pub whole_page: bool,
}

/// What a block of text is, so the layout can indent or decorate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A heading with its level (1 = top).
    Heading(u8),
    /// A paragraph inside a block quote.
    BlockQuote,
    /// A list item; `ordinal` is `Some(n)` for numbered lists.
    ListItem {
        ordinal: Option<u64>,
        depth: u8,
    },
    /// Preformatted text (code blocks): shown without re-wrapping joins.
    Preformatted,
}

/// A block: a byte range of [`Article::text`] that is laid out as one unit.
///
/// Blocks are sorted, do not overlap, and never contain the blank line that separates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Range<usize>,
}

/// Inline emphasis carried over from Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InlineStyle {
    Emphasis,
    Strong,
    Code,
    Link,
}

/// A styled inline range of [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineSpan {
    pub style: InlineStyle,
    pub span: Range<usize>,
}

/// A loaded article, ready for detection and layout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    /// The readable text: blocks separated by a blank line (`"\n\n"`).
    pub text: String,
    pub blocks: Vec<Block>,
    /// Emphasis, links and code from Markdown, sorted by start.
    pub inline: Vec<InlineSpan>,
    /// Problems that did not stop loading (e.g. invalid UTF-8 replaced), for the status bar.
    pub warnings: Vec<String>,
}

impl Article {
    /// An article over `text` as given, split into paragraphs at blank lines without
    /// changing a byte (what `annotate --jsonl` needs: offsets into the text as given).
    pub fn from_verbatim(text: String, meta: Meta) -> Article {
        let blocks = paragraph_spans(&text)
            .into_iter()
            .map(|span| Block {
                kind: BlockKind::Paragraph,
                span,
            })
            .collect();
        Article {
            meta,
            text,
            blocks,
            inline: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The text of one block.
    pub fn block_text(&self, index: usize) -> &str {
        self.blocks
            .get(index)
            .map_or("", |b| &self.text[b.span.clone()])
    }
}

/// Byte ranges of the paragraphs of `text`: maximal runs of non-blank lines, trimmed of
/// surrounding whitespace.
pub fn paragraph_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                spans.push(s..end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + line.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(s..end);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines_and_trim() {
        let text = "  One\ntwo \n\n \n Three\n";
        let spans = paragraph_spans(text);
        let got: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, vec!["One\ntwo", "Three"]);
    }

    #[test]
    fn verbatim_keeps_every_byte() {
        let a = Article::from_verbatim("a\r\n\r\nb".to_string(), Meta::default());
        assert_eq!(a.text, "a\r\n\r\nb");
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.block_text(1), "b");
    }
}
