//! How a layout stores its lines, and the view of one line it hands out.
//!
//! A book has hundreds of thousands of visual lines, so a stored line ([`Packed`]) is 16
//! bytes: `u32` byte offsets (the layout covers the first 4 GiB of text, see
//! [`MAX_TEXT`]), the block as a `u32` (with three values kept for the header and blank
//! lines) and an index into the layout's small table of distinct decorations
//! ([`Decorations`]: indent plus prefix — "│ ", "• ", "3. " — or a title or meta line's
//! text). Users never see that: [`Layout::line`](super::Layout::line) and
//! [`Layout::lines`](super::Layout::lines) hand out [`Line`], a view with the fields spelt
//! out, borrowing its prefix from the table.

use std::collections::HashMap;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::str_width;

/// Bytes of text a layout can address: offsets are stored as `u32`. Blocks ending beyond
/// this are not laid out (a 4 GiB article would not fit in memory with its annotations
/// anyway); nothing panics.
pub const MAX_TEXT: usize = u32::MAX as usize;

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

/// One visual line as the layout hands it out: `indent` spaces, then `prefix`, then
/// `Article::text[range]`. A view: the layout stores it packed, with the prefix in a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub kind: LineKind,
    /// Bytes of `Article::text` shown on this line; empty for decoration lines (title,
    /// meta, blank), where it sits at the start of the next block so lookups skip it.
    pub range: Range<usize>,
    /// Columns of blank space before the prefix.
    pub indent: u16,
    /// Decoration drawn after the indent ("│ ", "• ", "1. "), or the whole text of a title
    /// or meta line. Empty on most lines.
    pub prefix: &'a str,
}

impl Line<'_> {
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

/// `Packed::block` of the header and blank lines; text lines hold their block index, which
/// is always below these (a block has at least one byte, and text stops at [`MAX_TEXT`]).
const TITLE: u32 = u32::MAX;
const META: u32 = u32::MAX - 1;
const BLANK: u32 = u32::MAX - 2;

/// One stored line: 16 bytes where the view is 56.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Packed {
    start: u32,
    end: u32,
    /// The block of a text line, or [`TITLE`], [`META`], [`BLANK`].
    block: u32,
    /// Index of the indent and prefix in the layout's [`Decorations`].
    decor: u32,
}

impl Packed {
    /// Whether block index `block` can be stored (it must stay below the header values).
    pub(super) fn block_fits(block: usize) -> bool {
        u32::try_from(block).is_ok_and(|b| b < BLANK)
    }

    /// A text line of block `block` showing `range`, or `None` when either does not fit
    /// in `u32` (the caller stops laying out there).
    pub(super) fn text(block: usize, range: Range<usize>, decor: u32) -> Option<Packed> {
        let block = u32::try_from(block).ok().filter(|&b| b < BLANK)?;
        Some(Packed {
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
            block,
            decor,
        })
    }

    /// A header or blank line at byte `at` (clamped to [`MAX_TEXT`]); `kind` is not
    /// `Text`.
    pub(super) fn decoration(kind: LineKind, at: usize, decor: u32) -> Packed {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        let block = match kind {
            LineKind::Title => TITLE,
            LineKind::Meta => META,
            LineKind::Blank | LineKind::Text { .. } => BLANK,
        };
        Packed {
            start: at,
            end: at,
            block,
            decor,
        }
    }

    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    pub(super) fn is_text(&self) -> bool {
        self.block < BLANK
    }

    pub(super) fn kind(&self) -> LineKind {
        match self.block {
            TITLE => LineKind::Title,
            META => LineKind::Meta,
            BLANK => LineKind::Blank,
            block => LineKind::Text {
                block: block as usize,
            },
        }
    }

    /// The view of this line, its decoration looked up in `table`.
    pub(super) fn view<'a>(&self, table: &'a [Decor]) -> Line<'a> {
        let (indent, prefix) = table
            .get(self.decor as usize)
            .map_or((0, ""), |d| (d.indent, &*d.prefix));
        Line {
            kind: self.kind(),
            range: self.start as usize..self.end as usize,
            indent,
            prefix,
        }
    }

    /// The same line with its decoration index passed through `remap` (when joining the
    /// lines of two tables).
    pub(super) fn remapped(self, remap: &[u32]) -> Packed {
        Packed {
            decor: remap.get(self.decor as usize).copied().unwrap_or(0),
            ..self
        }
    }
}

/// An indent and prefix shared by lines of a layout.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Decor {
    indent: u16,
    prefix: Box<str>,
}

/// The distinct decorations of a layout while it is built: entry 0 is no decoration at
/// all (every paragraph and blank line), the rest are interned as blocks need them, in
/// first-use order so that the same blocks laid out the same way give the same table.
#[derive(Debug, Clone)]
pub(super) struct Decorations {
    table: Vec<Decor>,
    index: HashMap<Decor, u32>,
}

impl Default for Decorations {
    fn default() -> Decorations {
        let plain = Decor {
            indent: 0,
            prefix: Box::from(""),
        };
        Decorations {
            index: HashMap::from([(plain.clone(), 0)]),
            table: vec![plain],
        }
    }
}

impl Decorations {
    /// The index of `indent` + `prefix`, added if new.
    pub(super) fn intern(&mut self, indent: u16, prefix: &str) -> u32 {
        if indent == 0 && prefix.is_empty() {
            return 0;
        }
        let key = Decor {
            indent,
            prefix: Box::from(prefix),
        };
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        // A table of 4 billion distinct prefixes cannot be built from a text under 4 GiB;
        // should it happen anyway the line loses its decoration, not the reader.
        let Ok(i) = u32::try_from(self.table.len()) else {
            return 0;
        };
        self.table.push(key.clone());
        self.index.insert(key, i);
        i
    }

    /// Adds every entry of `other` (in its order), returning where each one went: the
    /// remapping for lines made against `other`.
    pub(super) fn absorb(&mut self, other: &Decorations) -> Vec<u32> {
        other
            .table
            .iter()
            .map(|d| self.intern(d.indent, &d.prefix))
            .collect()
    }

    /// The finished table.
    pub(super) fn into_table(self) -> Vec<Decor> {
        self.table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_line_is_small() {
        assert!(size_of::<Packed>() <= 16);
    }

    #[test]
    fn packed_lines_round_trip_through_the_view() {
        let mut d = Decorations::default();
        let bar = d.intern(0, "│ ");
        let bullet = d.intern(2, "• ");
        assert_eq!((bar, bullet), (1, 2));
        assert_eq!(d.intern(0, "│ "), bar, "interned once");
        assert_eq!(d.intern(0, ""), 0);
        let table = d.into_table();
        let line = Packed::text(7, 10..25, bullet).map(|p| p.view(&table));
        let want = Line {
            kind: LineKind::Text { block: 7 },
            range: 10..25,
            indent: 2,
            prefix: "• ",
        };
        assert_eq!(line, Some(want));
        for kind in [LineKind::Title, LineKind::Meta, LineKind::Blank] {
            let line = Packed::decoration(kind, 30, bar).view(&table);
            assert_eq!((line.kind, line.range, line.prefix), (kind, 30..30, "│ "));
        }
        // An index outside the table shows no decoration rather than panicking.
        let stray = Packed::decoration(LineKind::Blank, 0, 99).view(&table);
        assert_eq!((stray.indent, stray.prefix), (0, ""));
    }

    #[test]
    fn offsets_beyond_four_gib_are_refused_not_truncated() {
        assert!(Packed::text(0, 0..MAX_TEXT, 0).is_some());
        assert!(Packed::text(0, 0..MAX_TEXT + 1, 0).is_none());
        assert!(Packed::text(BLANK as usize, 0..1, 0).is_none());
        assert!(Packed::block_fits(BLANK as usize - 1) && !Packed::block_fits(BLANK as usize));
        let far = Packed::decoration(LineKind::Blank, MAX_TEXT + 10, 0);
        assert_eq!(far.start(), MAX_TEXT);
    }

    #[test]
    fn absorbing_a_table_remaps_its_lines() {
        let mut first = Decorations::default();
        first.intern(0, "│ ");
        let mut second = Decorations::default();
        let two = second.intern(0, "2. ");
        let bar = second.intern(0, "│ ");
        let remap = first.absorb(&second);
        let table = first.into_table();
        let line = |decor| Packed::decoration(LineKind::Blank, 0, decor).remapped(&remap);
        assert_eq!(line(two).view(&table).prefix, "2. ");
        assert_eq!(line(bar).view(&table).prefix, "│ ");
        assert_eq!(line(0).view(&table).prefix, "");
    }
}
