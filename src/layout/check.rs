//! The layout's invariants as a checker, shared by the property tests and the fuzz target:
//! text ranges in order and on grapheme boundaries, every non-whitespace byte of every
//! block shown exactly once, no line wider than the width, byte lookups landing back on
//! the line.

use thiserror::Error;
use unicode_segmentation::GraphemeCursor;

use super::{Layout, LineKind, str_width};
use crate::article::{Article, Block, BlockKind, Meta};

/// A broken layout invariant: which line, at which width, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("layout at width {width}, line {line}: {what}")]
pub struct InvariantError {
    pub width: u16,
    pub line: usize,
    pub what: String,
}

fn is_boundary(text: &str, at: usize) -> bool {
    text.is_char_boundary(at)
        && GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(false)
}

/// Checks every invariant of `layout` over `article`; the first violation is returned.
pub fn check_invariants(article: &Article, layout: &Layout) -> Result<(), InvariantError> {
    let width = layout.width();
    let fail = |line: usize, what: String| Err(InvariantError { width, line, what });
    let text = article.text.as_str();
    // Where the previous text line of the current block ended (None before its first).
    let mut block_pos: Option<(usize, usize)> = None;
    let mut last_start: Option<usize> = None;
    for (i, line) in layout.lines(0..layout.len()).enumerate() {
        let block_index = match line.kind {
            LineKind::Text { block } => block,
            _ => {
                if !line.range.is_empty() {
                    return fail(i, format!("decoration line with text {:?}", line.range));
                }
                let w = line.text_col();
                if w > usize::from(width) && line.prefix.chars().count() > 1 {
                    return fail(i, format!("header line {w} columns wide"));
                }
                continue;
            }
        };
        let Some(block) = article.blocks.get(block_index) else {
            return fail(
                i,
                format!("line of block {block_index}, which does not exist"),
            );
        };
        let r = line.range.clone();
        if r.start < block.span.start || r.end > block.span.end || r.start > r.end {
            return fail(i, format!("range {r:?} outside its block {:?}", block.span));
        }
        // Grapheme boundaries within the block: a block may itself start inside a cluster
        // of the whole text (a combining mark after the trimmed space).
        let block_text = &text[block.span.clone()];
        let (s, e) = (r.start - block.span.start, r.end - block.span.start);
        if !is_boundary(block_text, s) || !is_boundary(block_text, e) {
            return fail(i, format!("range {r:?} splits a grapheme"));
        }
        if last_start.is_some_and(|s| r.start <= s)
            && !(r.is_empty() && last_start == Some(r.start))
        {
            return fail(
                i,
                format!("range {r:?} does not start after the previous line"),
            );
        }
        last_start = Some(r.start);
        // The gap since the previous line of the block (or the block start) is whitespace.
        let gap_from = match block_pos {
            Some((b, end)) if b == block_index => end,
            Some((b, _)) if b + 1 != block_index || !block_closed(text, article, b, None) => {
                return fail(i, format!("block {b} is not followed by block {}", b + 1));
            }
            _ => block.span.start,
        };
        if gap_from > r.start {
            return fail(
                i,
                format!("range {r:?} overlaps the previous line (ends at {gap_from})"),
            );
        }
        if !text[gap_from..r.start].chars().all(char::is_whitespace) {
            return fail(
                i,
                format!("bytes {gap_from}..{} are shown on no line", r.start),
            );
        }
        block_pos = Some((block_index, r.end));
        let shown = &text[r.clone()];
        let w = line.width(text);
        let single = shown.is_empty() || is_single_grapheme(shown);
        if w > usize::from(width)
            && !(single && str_width(shown) > usize::from(width).saturating_sub(line.text_col()))
        {
            return fail(i, format!("{w} columns wide: {shown:?}"));
        }
        if !r.is_empty() && layout.line_of_byte(r.start) != i {
            return fail(
                i,
                format!(
                    "line_of_byte({}) = {}",
                    r.start,
                    layout.line_of_byte(r.start)
                ),
            );
        }
    }
    if let Some((b, end)) = block_pos {
        if !block_closed(text, article, b, Some(end)) || b + 1 != article.blocks.len() {
            return fail(
                layout.len(),
                format!("the layout ends inside or after block {b}"),
            );
        }
    } else if !article.blocks.is_empty() {
        return fail(0, "no text line at all".to_string());
    }
    Ok(())
}

/// True when block `b` is fully shown: only whitespace after its last line (`end`, or the
/// block end when unknown).
fn block_closed(text: &str, article: &Article, b: usize, end: Option<usize>) -> bool {
    article.blocks.get(b).is_some_and(|block| {
        let from = end.unwrap_or(block.span.end).min(block.span.end);
        text[from..block.span.end].chars().all(char::is_whitespace)
    })
}

fn is_single_grapheme(s: &str) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    s.graphemes(true).nth(1).is_none()
}

/// Fuzz entry: builds an article from arbitrary bytes (first byte: width, second: the
/// block kinds to cycle through), lays it out and checks every invariant. A fuzz target
/// only has to call this and panic on `Err`.
pub fn fuzz_layout(data: &[u8]) -> Result<(), InvariantError> {
    let (width, kinds, rest) = match data {
        [w, k, rest @ ..] => (u16::from(*w % 130), *k, rest),
        _ => (80, 0, data),
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let mut article = Article::from_verbatim(text, Meta::default());
    for (i, block) in article.blocks.iter_mut().enumerate() {
        *block = Block {
            kind: kind_of(kinds.rotate_left(i as u32 % 8)),
            span: block.span.clone(),
        };
    }
    let layout = Layout::new(&article, width);
    check_invariants(&article, &layout)
}

fn kind_of(k: u8) -> BlockKind {
    match k % 6 {
        0 => BlockKind::Paragraph,
        1 => BlockKind::Heading(k / 6 % 6 + 1),
        2 => BlockKind::BlockQuote,
        3 => BlockKind::ListItem {
            ordinal: None,
            depth: k / 6 % 4,
        },
        4 => BlockKind::ListItem {
            ordinal: Some(u64::from(k)),
            depth: k / 6 % 4,
        },
        _ => BlockKind::Preformatted,
    }
}
