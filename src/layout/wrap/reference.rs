//! The straightforward wrapper, kept as the reference the fast [`super::wrap`] is
//! checked against: every UAX #14 opportunity of the block in order, segment by segment.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use super::{grapheme_boundary, grapheme_width, is_line_end, str_width};

/// The visual line being filled.
struct Open {
    start: usize,
    /// End of the last content put on the line (trailing whitespace excluded).
    end: usize,
    /// Width of `start..end`.
    col: usize,
}

/// Starts a new line with `content` (at byte `at` of the block, `w` wide), breaking it
/// between graphemes when it is wider than the line; returns the line left open.
fn place(
    content: &str,
    at: usize,
    w: usize,
    avail: usize,
    base: usize,
    out: &mut Vec<Range<usize>>,
) -> Open {
    if w <= avail {
        return Open {
            start: at,
            end: at + content.len(),
            col: w,
        };
    }
    let mut start = at;
    let mut col = 0;
    for (i, g) in content.grapheme_indices(true) {
        let gw = grapheme_width(g);
        if col + gw > avail && at + i > start {
            out.push(base + start..base + at + i);
            start = at + i;
            col = 0;
        }
        col += gw;
    }
    Open {
        start,
        end: at + content.len(),
        col,
    }
}

/// The straightforward wrapper (every UAX #14 opportunity of the block, in order): the
/// reference the fast [`wrap`] is checked against.
pub fn wrap_by_segments(text: &str, base: usize, avail: usize, out: &mut Vec<Range<usize>>) {
    let avail = avail.max(1);
    let first = out.len();
    let mut open: Option<Open> = None;
    // Width of the whitespace between `open.end` and the next content.
    let mut pending = 0usize;
    let mut hard_start = true;
    let mut prev = 0usize;
    for (brk, op) in linebreaks(text) {
        if !grapheme_boundary(text, brk) {
            // UAX #14 allows a break between a space and a combining mark (LB10); a
            // grapheme cluster is never split, so wait for the next opportunity.
            continue;
        }
        let seg = &text[prev..brk];
        let body = seg.trim_end_matches(is_line_end);
        let mut content_end = prev + body.trim_end().len();
        if content_end == prev && hard_start {
            // Indentation only (or an empty line): keep it as content.
            content_end = prev + body.len();
        }
        if content_end > prev {
            let content = &text[prev..content_end];
            let w = str_width(content);
            if let Some(line) = open.as_mut() {
                if line.col + pending + w <= avail {
                    line.end = content_end;
                    line.col += pending + w;
                } else {
                    out.push(base + line.start..base + line.end);
                    open = None;
                }
            }
            if open.is_none() {
                open = Some(place(content, prev, w, avail, base, out));
            }
            pending = str_width(&text[content_end..brk]);
            if !text[prev..content_end].chars().all(char::is_whitespace) {
                hard_start = false;
            }
        } else {
            pending += str_width(seg);
        }
        let ends_line = op == BreakOpportunity::Mandatory && body.len() < seg.len();
        if ends_line {
            match open.take() {
                Some(line) => out.push(base + line.start..base + line.end),
                None => out.push(base + prev..base + prev),
            }
            pending = 0;
            hard_start = true;
        }
        prev = brk;
    }
    if let Some(line) = open {
        out.push(base + line.start..base + line.end);
    }
    if out.len() == first {
        out.push(base..base);
    }
}
