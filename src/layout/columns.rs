//! Helpers for drawing and pointing at a laid-out line: split its range at annotation
//! boundaries for styling, and convert between bytes and screen columns (cursor, mouse).
//!
//! Columns count from the start of the row, indent and prefix included, in the cells
//! ratatui draws ([`grapheme_width`]).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::Line;
use super::wrap::{grapheme_width, str_width};
use crate::annotation::AnnotationSet;

/// Splits `line.range` at the byte offsets `cuts` (sorted ascending; offsets outside the
/// range or repeated are ignored), yielding non-empty consecutive ranges that cover the
/// line's range exactly. The TUI feeds the starts and ends of the annotations overlapping
/// the line and styles each piece by what covers it.
pub fn segments<I>(line: &Line<'_>, cuts: I) -> Segments<I::IntoIter>
where
    I: IntoIterator<Item = usize>,
{
    Segments {
        pos: line.range.start,
        end: line.range.end,
        cuts: cuts.into_iter(),
    }
}

/// The byte offsets inside `line` where an annotation of `set` starts or ends, sorted and
/// deduplicated: the cuts to feed [`segments`] so every piece has one set of covering
/// annotations.
pub fn annotation_cuts(set: &AnnotationSet, line: &Line<'_>) -> Vec<usize> {
    let r = &line.range;
    let mut cuts: Vec<usize> = set
        .overlapping(r.clone())
        .filter_map(|i| set.get(i))
        .flat_map(|a| [a.span.start, a.span.end])
        .filter(|&c| c > r.start && c < r.end)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Iterator returned by [`segments`].
#[derive(Debug, Clone)]
pub struct Segments<I> {
    pos: usize,
    end: usize,
    cuts: I,
}

impl<I: Iterator<Item = usize>> Iterator for Segments<I> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        let stop = loop {
            match self.cuts.next() {
                Some(c) if c > start && c < self.end => break c,
                Some(_) => continue,
                None => break self.end,
            }
        };
        self.pos = stop;
        Some(start..stop)
    }
}

/// The screen column (from the row start, indent and prefix included) where byte `byte` of
/// the article `text` is drawn on `line`; bytes before the line give its first text column,
/// bytes after it the column after its last grapheme.
pub fn display_col(line: &Line<'_>, text: &str, byte: usize) -> u16 {
    let mut b = byte.clamp(line.range.start, line.range.end.max(line.range.start));
    while b > line.range.start && !text.is_char_boundary(b) {
        b -= 1;
    }
    let w = line.text_col() + text.get(line.range.start..b).map_or(0, str_width);
    u16::try_from(w).unwrap_or(u16::MAX)
}

/// The byte of the article `text` drawn at screen column `col` of `line` (inverse of
/// [`display_col`]): the start of the grapheme covering the column; the line's start for a
/// column in the indent or prefix, its end for a column past the text.
pub fn byte_at_col(line: &Line<'_>, text: &str, col: u16) -> usize {
    let start = line.text_col();
    let col = usize::from(col);
    if col < start {
        return line.range.start;
    }
    let Some(shown) = text.get(line.range.clone()) else {
        return line.range.start;
    };
    let mut x = start;
    for (i, g) in shown.grapheme_indices(true) {
        let w = grapheme_width(g);
        if col < x + w {
            return line.range.start + i;
        }
        x += w;
    }
    line.range.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LineKind;

    fn line(range: Range<usize>, indent: u16, prefix: &str) -> Line<'_> {
        Line {
            kind: LineKind::Text { block: 0 },
            range,
            indent,
            prefix,
        }
    }

    #[test]
    fn segments_cut_at_boundaries_inside_the_line() {
        let l = line(10..20, 0, "");
        let got: Vec<_> = segments(&l, [5, 12, 12, 15, 20, 25]).collect();
        assert_eq!(got, vec![10..12, 12..15, 15..20]);
        let whole: Vec<_> = segments(&l, []).collect();
        assert_eq!(whole, vec![10..20]);
        assert_eq!(segments(&line(3..3, 0, ""), [3]).count(), 0);
    }

    #[test]
    fn annotation_cuts_split_a_line_where_styles_change() {
        use crate::annotation::{Annotation, AnnotationKind};
        let quote = |span| Annotation {
            span,
            kind: AnnotationKind::Quote(Box::default()),
        };
        let set = AnnotationSet::new(vec![quote(0..12), quote(14..16), quote(18..30)], vec![]);
        let l = line(10..20, 0, "");
        let cuts = annotation_cuts(&set, &l);
        assert_eq!(cuts, vec![12, 14, 16, 18]);
        let pieces: Vec<_> = segments(&l, cuts).collect();
        assert_eq!(pieces, vec![10..12, 12..14, 14..16, 16..18, 18..20]);
    }

    #[test]
    fn columns_count_wide_characters_and_the_prefix() {
        let text = "ab日本cd";
        let l = line(0..text.len(), 1, "│ ");
        assert_eq!(display_col(&l, text, 0), 3);
        assert_eq!(display_col(&l, text, 2), 5);
        assert_eq!(display_col(&l, text, 5), 7);
        assert_eq!(display_col(&l, text, 4), 5, "inside a character snaps back");
        assert_eq!(byte_at_col(&l, text, 0), 0);
        assert_eq!(byte_at_col(&l, text, 5), 2);
        assert_eq!(
            byte_at_col(&l, text, 6),
            2,
            "right half of a wide character"
        );
        assert_eq!(byte_at_col(&l, text, 7), 5);
        assert_eq!(byte_at_col(&l, text, 60), text.len());
    }

    #[test]
    fn byte_and_column_round_trip() {
        let text = "x e\u{301} \u{1F468}\u{200D}\u{1F469} 日";
        let l = line(0..text.len(), 2, "");
        for (i, _) in text.grapheme_indices(true) {
            assert_eq!(byte_at_col(&l, text, display_col(&l, text, i)), i);
        }
    }
}
