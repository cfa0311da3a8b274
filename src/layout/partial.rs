//! Windows of a layout: only the blocks around one place in the text, so the first frame
//! and the frame after a resize wait for a screenful of wrapping, not for a whole book.
//!
//! A window holds exact lines for a run of blocks and estimates the lines before and after
//! it from the bytes per line of the run itself. Line numbers in a window are therefore
//! approximate (the scrollbar and percentage are close, not exact); the reader swaps in
//! the complete layout from a worker thread and re-anchors on the first visible byte, so
//! the text on screen does not move when the estimate is corrected.

use crate::article::Article;

use super::{Building, Layout, header, lay_out};

/// Texts shorter than this are laid out whole: it takes less than a millisecond.
pub const WHOLE_BELOW: usize = 256 * 1024;

impl Layout {
    /// The layout to show first at byte `at` in a view of `rows` rows: the whole layout
    /// for texts under [`WHOLE_BELOW`] bytes, otherwise a [`Layout::window`].
    pub fn partial(article: &Article, width: u16, at: usize, rows: usize) -> Layout {
        if article.text.len() < WHOLE_BELOW {
            return Layout::new(article, width);
        }
        Layout::window(article, width, at, rows)
    }

    /// The blocks from the one holding byte `at` (or before it, for a byte between blocks;
    /// from the header when that is the first
    /// block) on, until at least two screens of `rows` lines follow `at`'s line; the lines
    /// before and after are estimated. Complete when that covers the whole article.
    pub fn window(article: &Article, width: u16, at: usize, rows: usize) -> Layout {
        let n = article.blocks.len();
        if n == 0 {
            return Layout::new(article, width);
        }
        let width = width.max(1);
        // The block holding `at`, or before the gap holding it (as `line_of_byte` maps it).
        let first = article
            .blocks
            .partition_point(|b| b.span.start <= at)
            .saturating_sub(1);
        let mut b = Building::default();
        if first == 0 {
            let start = article.blocks[0].span.start;
            header::header(&article.meta, usize::from(width), start, &mut b);
        }
        let mut end = first;
        let mut want = usize::MAX;
        while end < n && b.lines.len() < want {
            let blocks = b.block_first.len();
            lay_out(article, width, end..end + 1, &mut b);
            if b.block_first.len() == blocks {
                // A block beyond `MAX_TEXT`: the layout ends before it.
                break;
            }
            if end == first {
                let at_line = b.lines.partition_point(|l| l.start() <= at);
                want = at_line + 2 * rows.max(1);
            }
            end += 1;
        }
        // Bytes per line of this run, to estimate the lines outside it.
        let from = if first == 0 {
            0
        } else {
            article.blocks[first].span.start
        };
        let to = article
            .blocks
            .get(end.wrapping_sub(1))
            .map_or(from, |b| b.span.end);
        let per_line = (to.saturating_sub(from) / b.lines.len().max(1)).max(1);
        let offset = from.div_ceil(per_line);
        let tail = match end == n {
            true => 0,
            false => article.text.len().saturating_sub(to).div_ceil(per_line),
        };
        b.finish(width, first, offset, tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, BlockKind, Meta};
    use proptest::prelude::*;

    fn article(blocks: &[String], title: Option<String>) -> Article {
        let mut text = String::new();
        let mut out = Vec::new();
        for (i, t) in blocks.iter().enumerate() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(t);
            let kind = match i % 4 {
                3 => BlockKind::BlockQuote,
                2 => BlockKind::Heading(2),
                _ => BlockKind::Paragraph,
            };
            out.push(Block {
                kind,
                span: start..text.len(),
            });
        }
        let meta = Meta {
            title,
            ..Meta::default()
        };
        Article {
            meta,
            text,
            blocks: out,
            ..Article::default()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// A window's lines are exactly the complete layout's lines for the same blocks,
        /// the line holding `at` is among them with two screens after it (or the end), and
        /// a window that reaches both ends is the complete layout.
        #[test]
        fn a_window_is_a_run_of_the_complete_layout(
            blocks in proptest::collection::vec("[a-z]{1,9}( [a-z]{1,12}){0,40}", 1..40),
            title in proptest::option::of("[a-z ]{1,30}"),
            width in 1u16..60,
            at_frac in 0.0f64..1.0,
            rows in 1usize..12,
        ) {
            let a = article(&blocks, title);
            let full = Layout::new(&a, width);
            let at = (a.text.len() as f64 * at_frac) as usize;
            let w = Layout::window(&a, width, at, rows);
            let local: Vec<_> = w.all_lines().collect();
            prop_assert!(!local.is_empty());
            let every: Vec<_> = full.lines(0..full.len()).collect();
            let start = every
                .windows(local.len())
                .position(|run| run == &local[..]);
            prop_assert!(start.is_some(), "window lines are not a run of the full layout");
            let at_local = w.local_line_of_byte(at);
            let full_at = full.line_of_byte(at);
            prop_assert_eq!(&local[at_local], &full.line(full_at).unwrap_or(local[at_local].clone()));
            prop_assert!(local.len() - at_local >= (2 * rows).min(full.len() - full_at));
            if w.is_complete() {
                prop_assert_eq!(&w, &full);
            }
            for b in w.first_block..w.first_block + w.block_first.len() - 1 {
                let got = w.block_lines(b);
                let want = full.block_lines(b);
                prop_assert_eq!(got.len(), want.len());
                prop_assert_eq!(w.line(got.start), full.line(want.start));
            }
        }
    }

    #[test]
    fn short_texts_are_laid_out_whole() {
        let a = article(&["one two three".to_string(), "four".to_string()], None);
        let p = Layout::partial(&a, 10, 5, 3);
        assert!(p.is_complete());
        assert_eq!(p, Layout::new(&a, 10));
    }
}
