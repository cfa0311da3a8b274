//! Layout: the article as visual lines for one text width.
//!
//! A [`Layout`] turns an [`Article`] into rows: a header (title, date and source, a blank),
//! then each block wrapped to the width ([`wrap`]) with its indent and prefix (quote bar,
//! bullet), a blank line between blocks. Every text line holds a byte range of
//! [`Article::text`] (never a copy), so the TUI styles it by intersecting with the
//! `AnnotationSet` ([`segments`]) and maps cursor and mouse positions with [`display_col`]
//! and [`byte_at_col`]. Nothing here knows about the terminal; widths come from the same
//! `unicode-width` table ratatui draws with.
//!
//! The TUI keeps one `Layout` per width and builds a new one on resize.
//!
//! ## Speed (issue 5)
//! Blocks are independent, so a layout is a concatenation of per-block line lists; lines
//! are stored flat, making `line(i)` O(1) and `line_of_byte` a binary search. Wrapping a
//! block measures each line grapheme by grapheme (printable ASCII without the segmenter)
//! and asks UAX #14 only about the word or two before the margin ([`wrap`]); books
//! (512 KiB and more) are laid out on two threads. War and Peace (3.4 MB, 59k lines at 80
//! columns) takes about 20 ms of CPU. For the first frame and after a resize the reader
//! first lays out only the blocks on screen ([`Layout::partial`]: a window of lines with
//! estimated counts before and after it), draws, and swaps in the whole layout when a
//! worker thread has made it (see `docs/design.md`).

mod check;
mod columns;
mod header;
mod partial;
mod wrap;

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::article::{Article, BlockKind};

pub use check::{InvariantError, check_invariants, fuzz_layout};
pub use columns::{Segments, annotation_cuts, byte_at_col, display_col, segments};
pub use header::{meta_text, readable_date};
pub use wrap::{grapheme_width, str_width};

/// What a visual line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line of the title (its text is in [`Line::prefix`]).
    Title,
    /// The date / author / source line (its text is in [`Line::prefix`]).
    Meta,
    /// An empty separator line.
    Blank,
    /// A line of block `block` of the article (`Article::blocks[block]`).
    Text { block: usize },
}

/// One visual line: `indent` spaces, then `prefix`, then `Article::text[range]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// Bytes of `Article::text` shown on this line; empty for decoration lines (title,
    /// meta, blank), where it sits at the start of the next block so lookups skip it.
    pub range: Range<usize>,
    /// Columns of blank space before the prefix.
    pub indent: u16,
    /// Decoration drawn after the indent ("│ ", "• ", "1. "), or the whole text of a title
    /// or meta line. Empty (no allocation) on most lines.
    pub prefix: String,
}

impl Line {
    fn decoration(kind: LineKind, at: usize) -> Line {
        Line {
            kind,
            range: at..at,
            indent: 0,
            prefix: String::new(),
        }
    }

    /// The block this line belongs to, for text lines.
    pub fn block(&self) -> Option<usize> {
        match self.kind {
            LineKind::Text { block } => Some(block),
            _ => None,
        }
    }

    /// Columns taken by the indent and prefix, before the text starts.
    pub fn text_col(&self) -> usize {
        usize::from(self.indent) + self.prefix.width()
    }

    /// Display width of the whole line (indent, prefix and text) over the article `text`.
    pub fn width(&self, text: &str) -> usize {
        self.text_col() + text.get(self.range.clone()).map_or(0, str_width)
    }
}

/// An article laid out at one width. Lookups by line index are O(1), by byte O(log n).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    width: u16,
    lines: Vec<Line>,
    /// Index in `lines` of the first line of each laid-out block (one more entry than
    /// blocks laid out, the last being `lines.len()` of the text part).
    block_first: Vec<usize>,
    /// Block of `block_first[0]`: 0 unless this is a window ([`Layout::partial`]).
    first_block: usize,
    /// Lines before `lines[0]`: 0, or for a window an estimate.
    offset: usize,
    /// Lines estimated after the last laid-out block: 0 for a complete layout.
    tail: usize,
}

impl Layout {
    /// Lays `article` out for a text `width` in columns (0 is treated as 1).
    pub fn new(article: &Article, width: u16) -> Layout {
        let width = width.max(1);
        let w = usize::from(width);
        let at = article.blocks.first().map_or(0, |b| b.span.start);
        let mut lines =
            Vec::with_capacity(article.text.len() / w.max(20) + 2 * article.blocks.len() + 4);
        header::header(&article.meta, w, at, &mut lines);
        let mut block_first = Vec::with_capacity(article.blocks.len() + 1);
        let all = 0..article.blocks.len();
        match split_for_threads(article) {
            Some(mid) => {
                // A book: the second half on another core. Blocks are independent, so the
                // halves only need their line indices shifted when joined.
                let second = std::thread::scope(|scope| {
                    let handle = std::thread::Builder::new()
                        .spawn_scoped(scope, || lay_blocks(article, width, mid..all.end));
                    lay_out(article, width, 0..mid, &mut lines, &mut block_first);
                    handle.ok().and_then(|h| h.join().ok())
                });
                let (more, firsts) =
                    second.unwrap_or_else(|| lay_blocks(article, width, mid..article.blocks.len()));
                let shift = lines.len();
                block_first.extend(firsts.into_iter().map(|f| f + shift));
                lines.extend(more);
            }
            None => lay_out(article, width, all, &mut lines, &mut block_first),
        }
        block_first.push(lines.len());
        Layout {
            width,
            lines,
            block_first,
            first_block: 0,
            offset: 0,
            tail: 0,
        }
    }

    /// The width this layout was made for.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Number of visual lines (estimated where a window leaves lines out).
    pub fn len(&self) -> usize {
        self.offset + self.lines.len() + self.tail
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Whether every block is laid out (line numbers are exact).
    pub fn is_complete(&self) -> bool {
        self.offset == 0 && self.tail == 0
    }

    /// Line `i`, if it exists (and, in a window, is laid out).
    pub fn line(&self, i: usize) -> Option<&Line> {
        self.lines.get(i.checked_sub(self.offset)?)
    }

    /// The laid-out lines in `range`, clamped to the layout (what a viewport draws); a
    /// window gives only the part it holds.
    pub fn lines(&self, range: Range<usize>) -> &[Line] {
        let end = range.end.saturating_sub(self.offset).min(self.lines.len());
        let start = range.start.saturating_sub(self.offset).min(end);
        &self.lines[start..end]
    }

    /// The line showing byte `byte` of the article text: the text line whose range holds
    /// it, or for a byte dropped at a break (whitespace, the blank between blocks) the text
    /// line before it. Bytes before the first text line map to it; 0 for an empty layout.
    pub fn line_of_byte(&self, byte: usize) -> usize {
        self.offset + self.local_line_of_byte(byte)
    }

    fn local_line_of_byte(&self, byte: usize) -> usize {
        let after = self.lines.partition_point(|l| l.range.start <= byte);
        let mut i = after.saturating_sub(1);
        // Decoration lines share the start of the block after them; step onto text.
        while i < self.lines.len() && self.lines[i].block().is_none() {
            i += 1;
        }
        if i == self.lines.len() {
            after.saturating_sub(1)
        } else {
            i
        }
    }

    /// The lines of block `block` (empty when out of range).
    pub fn block_lines(&self, block: usize) -> Range<usize> {
        let Some(b) = block.checked_sub(self.first_block) else {
            return 0..0;
        };
        match (self.block_first.get(b), self.block_first.get(b + 1)) {
            (Some(&s), Some(&e)) => self.offset + s..self.offset + self.last_text_line(s, e),
            _ => 0..0,
        }
    }

    /// End of the text lines of a block whose lines start at `s` and whose next block
    /// starts at `e` (the blanks before the next block are not the block's).
    fn last_text_line(&self, s: usize, e: usize) -> usize {
        let mut end = e;
        while end > s && self.lines[end - 1].block().is_none() {
            end -= 1;
        }
        end
    }
}

/// Texts from this size on are laid out on two threads.
const PARALLEL_MIN: usize = 512 * 1024;

/// The block where a second thread should start, for a text big enough to be worth it.
fn split_for_threads(article: &Article) -> Option<usize> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if article.text.len() < PARALLEL_MIN || cores < 2 {
        return None;
    }
    let half = article.text.len() / 2;
    let mid = article.blocks.partition_point(|b| b.span.start < half);
    (mid > 0 && mid < article.blocks.len()).then_some(mid)
}

/// Lays out `blocks` into fresh vectors (lines, first line of each block).
fn lay_blocks(article: &Article, width: u16, blocks: Range<usize>) -> (Vec<Line>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut firsts = Vec::with_capacity(blocks.len());
    lay_out(article, width, blocks, &mut lines, &mut firsts);
    (lines, firsts)
}

/// Lays out `blocks` of `article`, appending to `lines` (a blank line before every block
/// but the article's first, two before a heading) and the index of each block's first
/// line to `block_first`.
fn lay_out(
    article: &Article,
    width: u16,
    blocks: Range<usize>,
    lines: &mut Vec<Line>,
    block_first: &mut Vec<usize>,
) {
    let w = usize::from(width);
    let mut ranges = Vec::new();
    for index in blocks {
        let Some(block) = article.blocks.get(index) else {
            break;
        };
        let start = block.span.start;
        if index > 0 {
            lines.push(Line::decoration(LineKind::Blank, start));
            if matches!(block.kind, BlockKind::Heading(_)) {
                lines.push(Line::decoration(LineKind::Blank, start));
            }
        }
        block_first.push(lines.len());
        let deco = Decoration::of(block.kind, width);
        let avail = w
            .saturating_sub(deco.width_first().max(deco.width_rest()))
            .max(1);
        ranges.clear();
        let text = article.text.get(block.span.clone()).unwrap_or("");
        wrap::wrap(text, start, avail, &mut ranges);
        for (i, range) in ranges.drain(..).enumerate() {
            let (indent, prefix) = if i == 0 {
                (deco.indent, deco.first.clone())
            } else {
                (deco.rest_indent, deco.rest.clone())
            };
            lines.push(Line {
                kind: LineKind::Text { block: index },
                range,
                indent,
                prefix,
            });
        }
    }
}

/// Indent and prefix of a block's first and following lines.
struct Decoration {
    indent: u16,
    first: String,
    rest_indent: u16,
    rest: String,
}

impl Decoration {
    /// The decoration of a block kind, shrunk on narrow widths so that text keeps at least
    /// a few columns (at width 1 nothing but the text is shown).
    fn of(kind: BlockKind, width: u16) -> Decoration {
        let plain = Decoration {
            indent: 0,
            first: String::new(),
            rest_indent: 0,
            rest: String::new(),
        };
        let mut d = match kind {
            BlockKind::Paragraph | BlockKind::Heading(_) => return plain,
            BlockKind::BlockQuote => Decoration {
                indent: 0,
                first: "│ ".into(),
                rest_indent: 0,
                rest: "│ ".into(),
            },
            BlockKind::ListItem { ordinal, depth } => {
                let marker = match ordinal {
                    Some(n) => format!("{n}. "),
                    None => "• ".to_string(),
                };
                let indent = 2 * u16::from(depth);
                let hang = u16::try_from(marker.width()).unwrap_or(u16::MAX);
                Decoration {
                    indent,
                    first: marker,
                    rest_indent: indent.saturating_add(hang),
                    rest: String::new(),
                }
            }
            BlockKind::Preformatted => Decoration {
                indent: 2,
                first: String::new(),
                rest_indent: 2,
                rest: String::new(),
            },
        };
        let min_text = (width / 2).clamp(1, 8);
        if d.width_first().max(d.width_rest()) + usize::from(min_text) > usize::from(width) {
            let hang = d.rest_indent.saturating_sub(d.indent);
            d.indent = 0;
            d.rest_indent = if d.rest.is_empty() && !d.first.is_empty() {
                hang
            } else {
                0
            };
        }
        if d.width_first().max(d.width_rest()) + usize::from(min_text) > usize::from(width) {
            return plain;
        }
        d
    }

    fn width_first(&self) -> usize {
        usize::from(self.indent) + self.first.width()
    }

    fn width_rest(&self) -> usize {
        usize::from(self.rest_indent) + self.rest.width()
    }
}

#[cfg(test)]
mod tests;
