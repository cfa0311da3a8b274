//! Builds an [`Article`]'s text, blocks and inline spans in one pass, keeping the contract
//! of `article.rs`: blocks are sorted, non-empty, trimmed (except preformatted leading
//! indentation), never contain a blank line, and are separated by exactly `"\n\n"`.

use std::ops::Range;

use crate::article::{Block, BlockKind, InlineSpan, InlineStyle, Link};

#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    blocks: Vec<Block>,
    inline: Vec<InlineSpan>,
    links: Vec<Link>,
    /// The open block: its kind, where its separator starts and where its text starts.
    open: Option<(BlockKind, usize, usize)>,
}

impl TextBuilder {
    pub fn with_capacity(bytes: usize) -> TextBuilder {
        TextBuilder {
            text: String::with_capacity(bytes),
            ..TextBuilder::default()
        }
    }

    /// Opens a block of `kind`, closing any open one.
    pub fn begin(&mut self, kind: BlockKind) {
        self.end();
        let sep = self.text.len();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.open = Some((kind, sep, self.text.len()));
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Appends text to the open block (opening a paragraph if none is). Leading whitespace
    /// of a block is dropped except in preformatted blocks; blank lines inside `s` (which
    /// would read as block separators) are collapsed to one newline.
    pub fn push(&mut self, s: &str) {
        let (kind, _, start) = match self.open {
            Some(open) => open,
            None => {
                self.begin(BlockKind::Paragraph);
                match self.open {
                    Some(open) => open,
                    None => return,
                }
            }
        };
        let s = if self.text.len() == start && kind != BlockKind::Preformatted {
            s.trim_start()
        } else {
            s
        };
        if !s.contains('\n') {
            self.text.push_str(s);
            return;
        }
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                // A line of only spaces would read as a blank line: trim line ends first.
                let kept = self.text[start..]
                    .trim_end_matches(|c: char| c != '\n' && c.is_whitespace())
                    .len();
                self.truncate(start + kept);
                if self.text.len() > start && !self.text.ends_with('\n') {
                    self.text.push('\n');
                }
            }
            self.text.push_str(line);
        }
    }

    /// [`push`](Self::push) for text known to hold no `\n` (a line of a plain paragraph):
    /// skips the newline scan.
    pub fn push_line(&mut self, s: &str) {
        debug_assert!(!s.contains('\n'));
        match self.open {
            Some((kind, _, start))
                if self.text.len() > start || kind == BlockKind::Preformatted =>
            {
                self.text.push_str(s);
            }
            _ => self.push(s),
        }
    }

    /// Cuts the text back to `len`, and the inline spans recorded with it: a span that
    /// ended in the trimmed whitespace (inline code ending in a tab, before a hard break)
    /// would otherwise point into the text that comes next. The spans reaching past `len`
    /// are the last recorded, so the scan stops at the first that does not.
    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        self.clamp_recent(len, 0..len);
    }

    /// Clamps the spans recorded last (inline styles and links) that end after `after`
    /// to `within`. Spans are recorded as their elements close, so those reaching past a
    /// point are the last of each list: each scan stops at the first that does not.
    fn clamp_recent(&mut self, after: usize, within: Range<usize>) {
        let inline = self.inline.iter_mut().rev().map(|s| &mut s.span);
        clamp_spans(inline, after, &within);
        clamp_spans(
            self.links.iter_mut().rev().map(|l| &mut l.span),
            after,
            &within,
        );
    }

    /// Records a link over `range` to `url` (clamped as inline spans are), without the
    /// white space at its ends (`<a> the report </a>` links "the report").
    pub fn link(&mut self, range: Range<usize>, url: String) {
        let Some(words) = self.text.get(range.clone()) else {
            return;
        };
        let start = range.start + (words.len() - words.trim_start().len());
        let end = range.start + words.trim_end().len();
        if start < end {
            self.links.push(Link {
                span: start..end,
                url,
            });
        }
    }

    /// Appends one space unless the block is empty or already ends in whitespace.
    pub fn space(&mut self) {
        if let Some((_, _, start)) = self.open
            && self.text.len() > start
            && !self.text.ends_with(char::is_whitespace)
        {
            self.text.push(' ');
        }
    }

    /// Byte offset where the next pushed text will go (for inline spans).
    pub fn offset(&self) -> usize {
        self.text.len()
    }

    /// Records an inline style over `range` (clamped to the open block when it closes).
    pub fn inline(&mut self, style: InlineStyle, range: Range<usize>) {
        if range.start < range.end {
            self.inline.push(InlineSpan { style, span: range });
        }
    }

    /// Closes the open block: trims trailing whitespace and drops it if empty.
    pub fn end(&mut self) {
        let Some((kind, sep, start)) = self.open.take() else {
            return;
        };
        let trimmed = self.text[start..].trim_end().len();
        self.text.truncate(start + trimmed);
        if trimmed == 0 {
            // Spans recorded in the dropped block (a code block of spaces) shrink to
            // nothing with it (and `finish` drops them).
            self.truncate(sep);
            return;
        }
        let end = self.text.len();
        // Spans of earlier blocks end before this block's separator; spans recorded for
        // this one are clamped to its text (they may have started before it opened).
        self.clamp_recent(sep, start..end);
        self.blocks.push(Block {
            kind,
            span: start..end,
        });
    }

    /// Finishes: closes the open block; inline spans sorted by start, longest first (the
    /// loaders' tests read these three alone).
    #[cfg(test)]
    pub fn finish(self) -> (String, Vec<Block>, Vec<InlineSpan>) {
        let built = self.finish_all();
        (built.text, built.blocks, built.inline)
    }

    /// [`finish`](Self::finish), with the links too (sorted by start, empty ones dropped).
    pub fn finish_all(mut self) -> Built {
        self.end();
        let len = self.text.len();
        self.links
            .retain(|l| l.span.start < l.span.end && l.span.end <= len);
        self.links.sort_by_key(|l| l.span.start);
        let links = whole_graphemes(&self.text, std::mem::take(&mut self.links));
        let (text, blocks, inline) = self.finish_inline();
        Built {
            text,
            blocks,
            inline,
            links,
        }
    }

    fn finish_inline(mut self) -> (String, Vec<Block>, Vec<InlineSpan>) {
        // Empty spans (clamped away, or inside a dropped block) go in one pass here, not
        // per block, which would be quadratic in a long Markdown document.
        let len = self.text.len();
        self.inline
            .retain(|s| s.span.start < s.span.end && s.span.end <= len);
        self.inline.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        (self.text, self.blocks, self.inline)
    }
}

/// An article's text and structure, as the builder made them.
#[derive(Debug, Default)]
pub(crate) struct Built {
    pub text: String,
    pub blocks: Vec<Block>,
    pub inline: Vec<InlineSpan>,
    pub links: Vec<Link>,
}

/// Links widened to whole grapheme clusters (`article::grapheme_span`, the rule every
/// drawn span follows), so a link's text never loses an accent that follows it; a link
/// the widening would run into the one before it is dropped (links stay apart).
fn whole_graphemes(text: &str, links: Vec<Link>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::with_capacity(links.len());
    for mut link in links {
        link.span = crate::article::grapheme_span(text, link.span);
        if out
            .last()
            .is_none_or(|prev| prev.span.end <= link.span.start)
        {
            out.push(link);
        }
    }
    out
}

/// Clamps spans (latest first) that end after `after` to `within`, stopping at the first
/// that does not (see `TextBuilder::clamp_recent`). A span clamped away becomes empty.
fn clamp_spans<'a>(
    spans: impl Iterator<Item = &'a mut Range<usize>>,
    after: usize,
    within: &Range<usize>,
) {
    for span in spans {
        if span.end <= after {
            break;
        }
        span.start = span.start.clamp(within.start, within.end);
        span.end = span.end.min(within.end);
    }
}

/// Removes the first block from `built`, shifting the rest, and returns its text (used
/// when the first block becomes the title).
pub(crate) fn take_first_block(built: &mut Built) -> Option<String> {
    let Built {
        text,
        blocks,
        inline,
        links,
    } = built;
    let first = blocks.first()?.span.clone();
    let cut = blocks.get(1).map_or(text.len(), |b| b.span.start);
    let taken = text[first].to_string();
    text.replace_range(..cut, "");
    blocks.remove(0);
    for b in blocks.iter_mut() {
        b.span = b.span.start - cut..b.span.end - cut;
    }
    inline.retain(|s| s.span.start >= cut);
    for s in inline.iter_mut() {
        s.span = s.span.start - cut..s.span.end - cut;
    }
    links.retain(|l| l.span.start >= cut);
    for l in links.iter_mut() {
        l.span = l.span.start - cut..l.span.end - cut;
    }
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_one_blank_line_and_trimmed() {
        let mut b = TextBuilder::default();
        b.begin(BlockKind::Heading(1));
        b.push("  Title  ");
        b.begin(BlockKind::Paragraph);
        b.push("   ");
        b.end();
        b.push("Body");
        b.space();
        b.space();
        b.push("text ");
        let (text, blocks, _) = b.finish();
        assert_eq!(text, "Title\n\nBody text");
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            blocks[0],
            Block {
                kind: BlockKind::Heading(1),
                span: 0..5
            }
        );
        assert_eq!(&text[blocks[1].span.clone()], "Body text");
    }

    #[test]
    fn blank_lines_inside_pushed_text_collapse() {
        let mut b = TextBuilder::default();
        b.begin(BlockKind::Preformatted);
        b.push("  a  \n\n \t \nb\n");
        let (text, blocks, _) = b.finish();
        assert_eq!(text, "  a\nb");
        assert_eq!(blocks[0].span, 0..5);
    }

    #[test]
    fn inline_spans_are_clamped_sorted_and_dropped_when_empty() {
        let mut b = TextBuilder::default();
        b.push("ab ");
        let inner = b.offset();
        b.push("cd  ");
        b.inline(InlineStyle::Emphasis, inner..b.offset());
        b.inline(InlineStyle::Strong, 0..b.offset());
        b.begin(BlockKind::Paragraph);
        b.inline(InlineStyle::Code, b.offset()..b.offset());
        let (text, _, inline) = b.finish();
        assert_eq!(text, "ab cd");
        let spans: Vec<_> = inline.iter().map(|s| (s.style, s.span.clone())).collect();
        assert_eq!(
            spans,
            vec![(InlineStyle::Strong, 0..5), (InlineStyle::Emphasis, 3..5)]
        );
    }

    #[test]
    fn taking_the_first_block_shifts_the_rest() {
        let mut b = TextBuilder::default();
        b.push("Head");
        b.begin(BlockKind::Paragraph);
        let at = b.offset();
        b.push("body");
        b.inline(InlineStyle::Link, at..at + 4);
        b.link(at..at + 4, "https://example.org/".into());
        let mut built = b.finish_all();
        assert_eq!(take_first_block(&mut built).as_deref(), Some("Head"));
        assert_eq!(built.text, "body");
        assert_eq!(built.blocks[0].span, 0..4);
        assert_eq!(built.inline[0].span, 0..4);
        assert_eq!(built.links[0].span, 0..4);
    }

    #[test]
    fn links_cover_whole_graphemes_and_stay_apart() {
        let mut b = TextBuilder::default();
        b.push("Zoe\u{308} and x\u{301}y");
        // "Zoe" without its diaeresis; then two links sharing the cluster "x\u{301}".
        b.link(0..3, "https://a.example/".into());
        let x = "Zoe\u{308} and ".len();
        b.link(x..x + 1, "https://b.example/".into());
        b.link(x + 1..x + 4, "https://c.example/".into());
        let built = b.finish_all();
        let got: Vec<_> = built
            .links
            .iter()
            .map(|l| (&built.text[l.span.clone()], l.url.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Zoe\u{308}", "https://a.example/"),
                ("x\u{301}", "https://b.example/")
            ]
        );
    }

    #[test]
    fn links_are_clamped_to_their_block_and_sorted() {
        let mut b = TextBuilder::default();
        b.push("See ");
        let at = b.offset();
        b.push("the report ");
        // Recorded as it closes: after the trailing space, which the block's end trims.
        b.link(at..b.offset(), "https://example.org/r".into());
        b.begin(BlockKind::Paragraph);
        let second = b.offset();
        b.push("Two");
        b.link(second..b.offset(), "b.md".into());
        b.link(0..0, "empty".into());
        let built = b.finish_all();
        assert_eq!(built.text, "See the report\n\nTwo");
        let got: Vec<_> = built
            .links
            .iter()
            .map(|l| (&built.text[l.span.clone()], l.url.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![("the report", "https://example.org/r"), ("Two", "b.md")]
        );
    }
}
