//! Pure movement for the TUI: scrolling a viewport over a [`Layout`], keeping a passage
//! visible, stepping between annotations and between the mentions of one entity, search
//! ([`search`]) and the jump list ([`jump`]).
//!
//! Positions are byte offsets of `Article::text` or annotation indices of the
//! [`AnnotationSet`]; viewports are a top line and a height in lines. Nothing here
//! changes state behind the caller's back: every function maps data to a new position.

pub mod jump;
pub mod search;

use std::ops::Range;

use crate::annotation::{AnnotationSet, Kind};
use crate::layout::Layout;

pub use jump::JumpList;
pub use search::{Search, find_matches, is_case_sensitive};

/// Which way to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
}

/// A scroll request, in the reader's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// Lines down (positive) or up (negative).
    Lines(isize),
    /// Half pages (Ctrl-d / Ctrl-u).
    HalfPages(isize),
    /// Whole pages (Space / b).
    Pages(isize),
    Top,
    Bottom,
}

/// The largest useful top line: the last page shows the last line at the bottom.
pub fn max_top(len: usize, height: usize) -> usize {
    len.saturating_sub(height)
}

/// `top` clamped to `0..=len-height`.
pub fn clamp_top(top: usize, len: usize, height: usize) -> usize {
    top.min(max_top(len, height))
}

/// Lines moved by a page: the whole height less one line of context, as `less` keeps.
pub fn page_lines(height: usize) -> usize {
    height.saturating_sub(1).max(1)
}

/// Lines moved by half a page.
pub fn half_page_lines(height: usize) -> usize {
    (height / 2).max(1)
}

/// The top line after `scroll` from `top` in a layout of `len` lines shown `height` high.
pub fn scroll(top: usize, how: Scroll, len: usize, height: usize) -> usize {
    let by = |n: isize, unit: usize| {
        let delta = n.unsigned_abs().saturating_mul(unit);
        if n < 0 {
            top.saturating_sub(delta)
        } else {
            top.saturating_add(delta)
        }
    };
    let target = match how {
        Scroll::Lines(n) => by(n, 1),
        Scroll::HalfPages(n) => by(n, half_page_lines(height)),
        Scroll::Pages(n) => by(n, page_lines(height)),
        Scroll::Top => 0,
        Scroll::Bottom => usize::MAX,
    };
    clamp_top(target, len, height)
}

/// The visual lines showing byte `range` (an empty range: the line of its position).
pub fn lines_of(layout: &Layout, range: &Range<usize>) -> Range<usize> {
    let first = layout.line_of_byte(range.start);
    let last = layout.line_of_byte(range.end.saturating_sub(1).max(range.start));
    first..last.max(first) + 1
}

/// The top line that makes `range` visible with `context` lines around it, moving as
/// little as possible from `top` (nothing when it is already comfortably in view). A range
/// taller than the viewport shows its start.
pub fn ensure_visible(
    layout: &Layout,
    top: usize,
    height: usize,
    range: &Range<usize>,
    context: usize,
) -> usize {
    let len = layout.len();
    if height == 0 {
        return clamp_top(top, len, height);
    }
    let lines = lines_of(layout, range);
    let ctx = context.min(height.saturating_sub(1) / 2);
    let want_first = lines.start.saturating_sub(ctx);
    let target = if lines.start < top + ctx {
        want_first
    } else if lines.end + ctx > top + height {
        ((lines.end + ctx).saturating_sub(height)).min(want_first)
    } else {
        top
    };
    clamp_top(target, len, height)
}

/// The top line that puts `range` in the middle of the viewport (jumps from the side pane).
pub fn center_on(layout: &Layout, height: usize, range: &Range<usize>) -> usize {
    let lines = lines_of(layout, range);
    let rows = lines.len().min(height);
    let top = lines.start.saturating_sub(height.saturating_sub(rows) / 2);
    clamp_top(top, layout.len(), height)
}

/// Where an annotation search starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A byte position (the cursor, or the top of the screen): the next annotation starts
    /// strictly after it, the previous strictly before.
    Byte(usize),
    /// The current annotation: its neighbours in the set's order (so a mention nested at
    /// the very start of a quote is not skipped).
    Annotation(usize),
}

/// The next annotation (of `kind`, if given) after `from`, wrapping round to the first.
pub fn next_annotation(set: &AnnotationSet, from: Origin, kind: Option<Kind>) -> Option<usize> {
    let fits = |i: &usize| {
        set.get(*i)
            .is_some_and(|a| kind.is_none_or(|k| a.kind() == k))
    };
    let found = match from {
        Origin::Byte(pos) => set.next_after(pos, kind),
        Origin::Annotation(i) => (i.saturating_add(1)..set.len()).find(fits),
    };
    found.or_else(|| (0..set.len()).find(fits))
}

/// The previous annotation (of `kind`, if given) before `from`, wrapping round to the last.
pub fn prev_annotation(set: &AnnotationSet, from: Origin, kind: Option<Kind>) -> Option<usize> {
    let fits = |i: &usize| {
        set.get(*i)
            .is_some_and(|a| kind.is_none_or(|k| a.kind() == k))
    };
    let found = match from {
        Origin::Byte(pos) => set.prev_before(pos, kind),
        Origin::Annotation(i) => (0..i.min(set.len())).rev().find(fits),
    };
    found.or_else(|| (0..set.len()).rev().find(fits))
}

/// The next or previous mention of the entity that annotation `current` mentions
/// (`*` / `#`), wrapping; `None` when `current` is not an entity mention.
pub fn cycle_mention(set: &AnnotationSet, current: usize, dir: Direction) -> Option<usize> {
    let group = set.get(current)?.group()?;
    let mentions = set.mentions_of(group);
    let at = mentions.partition_point(|&i| i < current);
    let pick = match dir {
        Direction::Forward => match mentions.get(at) {
            Some(&i) if i == current => at + 1,
            _ => at,
        },
        Direction::Backward => at
            .checked_sub(1)
            .unwrap_or(mentions.len().saturating_sub(1)),
    };
    mentions.get(pick).or(mentions.first()).copied()
}

/// The mention of entity group `group` after (or before) byte `pos`, wrapping: what Enter
/// on an entity row of the side pane steps through.
pub fn mention_from(
    set: &AnnotationSet,
    group: usize,
    pos: usize,
    dir: Direction,
) -> Option<usize> {
    let mentions = set.mentions_of(group);
    let start = |i: &usize| set.get(*i).map_or(0, |a| a.span.start);
    match dir {
        Direction::Forward => {
            let at = mentions.partition_point(|i| start(i) <= pos);
            mentions.get(at).or(mentions.first()).copied()
        }
        Direction::Backward => {
            let at = mentions.partition_point(|i| start(i) < pos);
            at.checked_sub(1)
                .and_then(|k| mentions.get(k))
                .or(mentions.last())
                .copied()
        }
    }
}

#[cfg(test)]
mod tests;
