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
//! The TUI keeps the layout of the current width (and a few complete ones of widths it used
//! before) and builds a new one on resize.
//!
//! ## Speed (issue 5)
//! Blocks are independent, so a layout is a concatenation of per-block line lists; lines
//! are stored flat, making `line(i)` O(1) and `line_of_byte` a binary search, and packed in
//! 16 bytes each (`layout/line.rs`: `u32` offsets, decorations in a per-layout table), since a
//! book's layout is kept for as long as it is read. Wrapping a
//! block measures each line grapheme by grapheme (printable ASCII without the segmenter)
//! and asks UAX #14 only about the word or two before the margin ([`wrap`]); books
//! (512 KiB and more) are laid out on two threads. War and Peace (3.4 MB, 59k lines at 80
//! columns) takes about 20 ms of CPU. For the first frame and after a resize the reader
//! first lays out only the blocks on screen ([`Layout::partial`]: a window of lines with
//! estimated counts before and after it), draws, and swaps in the whole layout when a
//! worker thread has made it (see `docs/performance.md`, *How the reader stays instant*).

mod check;
mod columns;
mod header;
mod line;
mod partial;
mod wrap;

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::article::{Article, BlockKind};
use line::{Decor, Decorations, Packed};

pub use check::{InvariantError, check_invariants, fuzz_layout};
pub use columns::{Segments, annotation_cuts, byte_at_col, display_col, segments};
pub use header::{meta_text, readable_date};
pub use line::{Line, LineKind, MAX_TEXT};
pub use wrap::{grapheme_width, str_width};

/// An article laid out at one width. Lookups by line index are O(1), by byte O(log n).
///
/// Lines are stored packed (16 bytes each, see `layout/line.rs`) and handed out as
/// [`Line`] views.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    width: u16,
    lines: Vec<Packed>,
    /// The distinct indents and prefixes the lines point into.
    decor: Vec<Decor>,
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

/// Layouts are equal when they show the same lines at the same places; how the
/// decoration table happens to be ordered does not matter.
impl PartialEq for Layout {
    fn eq(&self, other: &Layout) -> bool {
        self.width == other.width
            && self.block_first == other.block_first
            && self.first_block == other.first_block
            && self.offset == other.offset
            && self.tail == other.tail
            && self.lines.len() == other.lines.len()
            && self.all_lines().eq(other.all_lines())
    }
}

impl Eq for Layout {}

/// Lines being laid out: the packed lines, their decoration table, and the first line of
/// each block.
#[derive(Default)]
struct Building {
    lines: Vec<Packed>,
    decor: Decorations,
    block_first: Vec<usize>,
}

impl Building {
    /// Appends `other` (laid out separately, e.g. on another thread) after these lines.
    fn append(&mut self, other: Building) {
        let remap = self.decor.absorb(&other.decor);
        let shift = self.lines.len();
        self.block_first
            .extend(other.block_first.into_iter().map(|f| f + shift));
        self.lines
            .extend(other.lines.into_iter().map(|l| l.remapped(&remap)));
    }

    fn finish(mut self, width: u16, first_block: usize, offset: usize, tail: usize) -> Layout {
        self.block_first.push(self.lines.len());
        Layout {
            width,
            lines: self.lines,
            decor: self.decor.into_table(),
            block_first: self.block_first,
            first_block,
            offset,
            tail,
        }
    }
}

impl Layout {
    /// Lays `article` out for a text `width` in columns (0 is treated as 1). Only the
    /// first [`MAX_TEXT`] bytes are laid out (blocks ending beyond are left out).
    pub fn new(article: &Article, width: u16) -> Layout {
        let width = width.max(1);
        let w = usize::from(width);
        let at = article.blocks.first().map_or(0, |b| b.span.start);
        let mut b = Building {
            lines: Vec::with_capacity(
                article.text.len() / w.max(20) + 2 * article.blocks.len() + 4,
            ),
            block_first: Vec::with_capacity(article.blocks.len() + 1),
            ..Building::default()
        };
        header::header(&article.meta, w, at, &mut b);
        let all = 0..article.blocks.len();
        match split_for_threads(article) {
            Some(mid) => {
                // A book: the second half on another core. Blocks are independent, so the
                // halves only need their line and decoration indices shifted when joined.
                let second = std::thread::scope(|scope| {
                    let handle = std::thread::Builder::new()
                        .spawn_scoped(scope, || lay_blocks(article, width, mid..all.end));
                    lay_out(article, width, 0..mid, &mut b);
                    handle.ok().and_then(|h| h.join().ok())
                });
                let second =
                    second.unwrap_or_else(|| lay_blocks(article, width, mid..article.blocks.len()));
                b.append(second);
            }
            None => lay_out(article, width, all, &mut b),
        }
        b.finish(width, 0, 0, 0)
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
    pub fn line(&self, i: usize) -> Option<Line<'_>> {
        let p = self.lines.get(i.checked_sub(self.offset)?)?;
        Some(p.view(&self.decor))
    }

    /// The laid-out lines in `range`, clamped to the layout (what a viewport draws); a
    /// window gives only the part it holds.
    pub fn lines(
        &self,
        range: Range<usize>,
    ) -> impl ExactSizeIterator<Item = Line<'_>> + DoubleEndedIterator + Clone {
        let end = range.end.saturating_sub(self.offset).min(self.lines.len());
        let start = range.start.saturating_sub(self.offset).min(end);
        let table = &self.decor;
        self.lines[start..end].iter().map(move |p| p.view(table))
    }

    /// Every line this layout holds (a window's laid-out part).
    fn all_lines(&self) -> impl Iterator<Item = Line<'_>> {
        self.lines.iter().map(|p| p.view(&self.decor))
    }

    /// The line showing byte `byte` of the article text: the text line whose range holds
    /// it, or for a byte dropped at a break (whitespace, the blank between blocks) the text
    /// line before it. Bytes before the first text line map to it; 0 for an empty layout.
    pub fn line_of_byte(&self, byte: usize) -> usize {
        self.offset + self.local_line_of_byte(byte)
    }

    fn local_line_of_byte(&self, byte: usize) -> usize {
        let after = self.lines.partition_point(|l| l.start() <= byte);
        let mut i = after.saturating_sub(1);
        // Decoration lines share the start of the block after them; step onto text.
        while i < self.lines.len() && !self.lines[i].is_text() {
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
        while end > s && !self.lines[end - 1].is_text() {
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

/// Lays out `blocks` on their own (lines, decorations, first line of each block).
fn lay_blocks(article: &Article, width: u16, blocks: Range<usize>) -> Building {
    let mut b = Building {
        block_first: Vec::with_capacity(blocks.len()),
        ..Building::default()
    };
    lay_out(article, width, blocks, &mut b);
    b
}

/// Lays out `blocks` of `article`, appending to `out` (a blank line before every block
/// but the article's first, two before a heading) and the index of each block's first
/// line. Stops before a block that ends beyond [`MAX_TEXT`].
fn lay_out(article: &Article, width: u16, blocks: Range<usize>, out: &mut Building) {
    let w = usize::from(width);
    let mut ranges = Vec::new();
    for index in blocks {
        let Some(block) = article.blocks.get(index) else {
            break;
        };
        // Past 4 GiB offsets do not fit a packed line: the layout ends at the last block
        // that does (checked here, so a block is laid out whole or not at all).
        if block.span.end > MAX_TEXT || !Packed::block_fits(index) {
            break;
        }
        let start = block.span.start;
        let lines = &mut out.lines;
        if index > 0 {
            lines.push(Packed::decoration(LineKind::Blank, start, 0));
            if matches!(block.kind, BlockKind::Heading(_)) {
                lines.push(Packed::decoration(LineKind::Blank, start, 0));
            }
        }
        out.block_first.push(lines.len());
        let deco = Decoration::of(block.kind, width);
        let avail = w
            .saturating_sub(deco.width_first().max(deco.width_rest()))
            .max(1);
        let first = out.decor.intern(deco.indent, &deco.first);
        let rest = out.decor.intern(deco.rest_indent, &deco.rest);
        ranges.clear();
        let text = article.text.get(block.span.clone()).unwrap_or("");
        wrap::wrap(text, start, avail, &mut ranges);
        for (i, range) in ranges.drain(..).enumerate() {
            let decor = if i == 0 { first } else { rest };
            lines.extend(Packed::text(index, range, decor));
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
