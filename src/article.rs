//! The article model: one owned text plus its metadata and block structure.
//!
//! Everything downstream (detectors, layout, navigation, notes) speaks byte ranges into
//! [`Article::text`]. Ingest (`crate::ingest`) builds an `Article` from a file; nothing here
//! reads files or knows about the terminal.

use std::ops::Range;

use jiff::civil::Date;
use unicode_segmentation::GraphemeCursor;

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

/// A link: the byte range of its text in [`Article::text`] and where it leads, as the
/// source gave it (a web page's links resolved against its address; a Markdown file's
/// relative links kept relative, for the reader to resolve against the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub span: Range<usize>,
    pub url: String,
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
    /// The links, sorted by start; they do not overlap.
    pub links: Vec<Link>,
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
            links: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The link whose text holds byte `at`, if any.
    pub fn link_at(&self, at: usize) -> Option<&Link> {
        let i = self.links.partition_point(|l| l.span.end <= at);
        self.links.get(i).filter(|l| l.span.start <= at)
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

/// `range` widened to whole grapheme clusters of `text`: the start moved back and the end
/// moved forward to the nearest cluster boundaries (clamped to the text and to char
/// boundaries). A span that ends inside a cluster ("Zoe" of "Zoe\u{308}") would cut a
/// letter from its accent; every span drawn or reported covers whole clusters.
pub fn grapheme_span(text: &str, range: Range<usize>) -> Range<usize> {
    let end = snap(text, range.end.min(text.len()), true);
    let start = snap(text, range.start.min(end), false);
    start..end
}

/// The grapheme boundary at `at`, or the nearest one after (`forward`) or before it.
fn snap(text: &str, at: usize, forward: bool) -> usize {
    let bytes = text.as_bytes();
    // ASCII on both sides: a boundary (only CR LF joins two ASCII characters).
    let ascii = |i: usize| bytes.get(i).is_none_or(u8::is_ascii);
    if (at == 0 || ascii(at - 1)) && ascii(at) && !text[..at].ends_with('\r') {
        return at;
    }
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return at;
    }
    let next = if forward {
        cursor.next_boundary(text, 0)
    } else {
        cursor.prev_boundary(text, 0)
    };
    next.ok()
        .flatten()
        .unwrap_or(if forward { text.len() } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_widen_to_whole_graphemes() {
        let text = "Zoe\u{308} went; Fran\u{0327}ois \u{1F468}\u{200D}\u{1F469} \u{601} x\r\n";
        // "Zoe" ends before the combining diaeresis: the span takes it.
        assert_eq!(&text[grapheme_span(text, 0..3)], "Zoe\u{308}");
        let c = text.find('\u{327}').expect("cedilla");
        assert_eq!(&text[grapheme_span(text, c..c + 2)], "n\u{327}");
        // Half an emoji ZWJ sequence becomes all of it.
        let man = text.find('\u{1F468}').expect("emoji");
        let r = grapheme_span(text, man..man + 4);
        assert_eq!(&text[r], "\u{1F468}\u{200D}\u{1F469}");
        // A prepended mark holds the space after it; CR LF is one cluster.
        let p = text.find('\u{601}').expect("mark");
        assert_eq!(&text[grapheme_span(text, p..p + 2)], "\u{601} ");
        let cr = text.len() - 2;
        assert_eq!(grapheme_span(text, cr..cr + 1), cr..cr + 2);
        // Whole clusters stay as they are; out of range clamps.
        assert_eq!(grapheme_span(text, 0..5), 0..5);
        assert_eq!(grapheme_span(text, 7..9), 7..9);
        assert_eq!(grapheme_span(text, 0..999), 0..text.len());
    }

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
