//! Line breaking of one block of text: UAX #14 break opportunities (`unicode-linebreak`),
//! measured grapheme by grapheme with the width table ratatui uses (`unicode-width`).
//!
//! The output is a list of byte ranges of the block, one per visual line; the caller turns
//! them into [`super::Line`]s with indent and prefix. Greedy first-fit, like helix's soft
//! wrap and textwrap's `first_fit`: it is linear in the block and never looks back.

use std::ops::Range;

use unicode_linebreak::linebreaks;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// Display width of one grapheme cluster, exactly as ratatui's buffer counts it: graphemes
/// holding a control character (tab, CR, LF) are not drawn at all, a single byte is one
/// cell, halfwidth (han)dakuten marks take a cell of their own.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else if g.len() == 1 {
        1
    } else {
        let marks = g
            .chars()
            .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
            .count();
        g.width() + marks
    }
}

/// Display width of a string: the sum of its graphemes' widths. Printable ASCII takes a
/// fast path (one cell per byte), which is most of any English book: a printable ASCII
/// character followed by ASCII is a cluster of its own, so only the clusters around
/// non-ASCII characters go through the grapheme segmenter.
pub fn str_width(s: &str) -> usize {
    let bytes = s.as_bytes();
    if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        return s.len();
    }
    let mut width = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0x20..0x7f).contains(&b) && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            width += 1;
            i += 1;
            continue;
        }
        // `i` is a cluster boundary: measure the cluster starting here as a whole.
        let Some(g) = s.get(i..).and_then(|rest| rest.graphemes(true).next()) else {
            break;
        };
        width += grapheme_width(g);
        i += g.len();
    }
    width
}

/// True for the characters that end a line on their own (the UAX #14 mandatory breaks).
fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The first line-end character at or after byte `from`, found on bytes: only 0x0A-0x0D
/// and the lead bytes of U+0085 (0xC2) and U+2028/U+2029 (0xE2) can start one.
fn find_line_end(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(k) = bytes
        .get(i..)?
        .iter()
        .position(|b| matches!(b, 0x0A..=0x0D | 0xC2 | 0xE2))
    {
        let at = i + k;
        if text[at..].chars().next().is_some_and(is_line_end) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// True when `at` is not inside a grapheme cluster of `text`. ASCII on both sides of the
/// position is the fast path (only CR LF joins two ASCII characters, and UAX #14 never
/// breaks there); an ASCII character after a non-ASCII one may be joined to it (U+0601 and
/// the other prepended marks take the character after them into their cluster).
fn grapheme_boundary(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes.get(at) {
        None => true,
        Some(b) if b.is_ascii() && (at == 0 || bytes[at - 1].is_ascii()) => true,
        Some(_) => GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true),
    }
}

/// The first grapheme boundary of `text` at or after `at` (a char boundary).
fn boundary_at_or_after(text: &str, at: usize) -> usize {
    if grapheme_boundary(text, at) {
        return at;
    }
    GraphemeCursor::new(at, text.len(), true)
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// Breaks `text` (a block starting at byte `base` of the article text) into lines at most
/// `avail` columns wide, pushing the absolute byte range of each line onto `out`.
///
/// - Breaks where UAX #14 allows; newlines are hard breaks.
/// - Whitespace at a soft break is dropped from both lines; leading whitespace after a
///   hard break (indentation of preformatted text) is kept.
/// - A word wider than the line is broken between graphemes; a single grapheme wider than
///   the line (a wide CJK character at width 1) gets a line of its own.
/// - An empty line (two newlines in a row) is an empty range at its newline.
/// - Empty text gives one empty line, so every block is visible.
pub fn wrap(text: &str, base: usize, avail: usize, out: &mut Vec<Range<usize>>) {
    let avail = avail.max(1);
    // A short block without hard breaks is one line: skip the break search.
    if text.len() <= 4 * avail && find_line_end(text, 0).is_none() && str_width(text) <= avail {
        // Whitespace alone is indentation, kept as the hard-line path keeps it.
        // Trailing whitespace goes, unless a prepended mark holds it in its grapheme.
        let end = match text.trim_end().len() {
            0 => text.len(),
            n => boundary_at_or_after(text, n),
        };
        out.push(base..base + end);
        return;
    }
    let first = out.len();
    let mut hs = 0;
    loop {
        let he = find_line_end(text, hs).unwrap_or(text.len());
        wrap_hard_line(text, hs, he, avail, base, out);
        if he >= text.len() {
            break;
        }
        // "\r\n" ends one line; any other line-end character ends one on its own.
        hs = if text[he..].starts_with("\r\n") {
            he + 2
        } else {
            he + char_len(text, he)
        };
        if hs >= text.len() {
            break;
        }
    }
    if out.len() == first {
        out.push(base..base);
    }
}

/// How far back a word start is looked for: longer runs without a space (CJK, URLs) start
/// their window there, which keeps long runs linear.
const WORD_REACH: usize = 64;

fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Wraps one hard line `hs..he` of `text` (no line-end character inside): measures from the
/// line start until the first grapheme that overflows, then asks UAX #14 only about the
/// few characters before it (`split_at_safe`), so the break search costs a word per line
/// rather than the whole text.
fn wrap_hard_line(
    text: &str,
    hs: usize,
    he: usize,
    avail: usize,
    base: usize,
    out: &mut Vec<Range<usize>>,
) {
    if hs == he {
        out.push(base + hs..base + hs);
        return;
    }
    // Leading whitespace is indentation: content, never dropped or hung.
    let indent_end = pos_after_ws(text, hs, he);
    let mut pos = hs;
    while pos < he {
        let p = fit(text, pos, he, avail);
        if p >= he {
            push_line(text, pos, he, indent_end, base, out);
            return;
        }
        // Whitespace hangs past the margin: the break comes after the whole run.
        let q = if p < indent_end {
            p
        } else {
            pos_after_ws(text, p, he)
        };
        if q >= he {
            push_line(text, pos, he, indent_end, base, out);
            return;
        }
        match last_break(text, hs, pos, q) {
            Some(b) => {
                push_line(text, pos, b, indent_end, base, out);
                pos = b;
            }
            None => {
                // No break opportunity in reach: cut between graphemes, at least one.
                let cut = if p > pos {
                    p
                } else {
                    pos + first_grapheme_len(&text[pos..he])
                };
                out.push(base + pos..base + cut);
                // Whitespace after the cut hangs too when a break follows it.
                let r = pos_after_ws(text, cut, he);
                pos = if cut >= indent_end
                    && r > cut
                    && r < he
                    && last_break(text, hs, cut, r) == Some(r)
                {
                    r
                } else {
                    cut
                };
            }
        }
    }
}

/// Pushes the line `pos..end` without its trailing whitespace, except indentation (before
/// `indent_end`), which is content; a line of dropped whitespace only is not pushed.
fn push_line(
    text: &str,
    pos: usize,
    end: usize,
    indent_end: usize,
    base: usize,
    out: &mut Vec<Range<usize>>,
) {
    let mut content = pos + text[pos..end].trim_end().len();
    if pos < indent_end {
        content = content.max(end.min(indent_end));
    }
    // Never cut a grapheme: a prepended mark (U+0601) holds the space after it.
    let content = boundary_at_or_after(text, content).min(end);
    if content > pos {
        out.push(base + pos..base + content);
    }
}

fn pos_after_ws(text: &str, from: usize, he: usize) -> usize {
    let rest = &text[from..he];
    from + (rest.len() - rest.trim_start().len())
}

fn first_grapheme_len(s: &str) -> usize {
    s.graphemes(true).next().map_or(s.len(), str::len)
}

/// The end of the graphemes from `pos` that fit in `avail` columns (`he` when all do).
fn fit(text: &str, pos: usize, he: usize, avail: usize) -> usize {
    let bytes = &text.as_bytes()[..he];
    let mut col = 0;
    let mut i = pos;
    while let Some(&b) = bytes.get(i) {
        let (len, w) = if (0x20..0x7f).contains(&b) && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            (1, 1)
        } else {
            match text[i..he].graphemes(true).next() {
                Some(g) => (g.len(), grapheme_width(g)),
                None => break,
            }
        };
        if col + w > avail {
            return i;
        }
        col += w;
        i += len;
    }
    he
}

/// The last UAX #14 break opportunity in `pos+1..=q` that is also a grapheme boundary.
///
/// Only a window before `q` is handed to `linebreaks`: from the start of the word before
/// the one holding `q` (words being runs without U+0020). The pair rules of UAX #14 look
/// back at most across a run of spaces to the character before it (LB14-LB17), and a word
/// start after a space behaves as a start of text, so the window sees all the context
/// that decides breaks inside it.
/// Each line thus costs a word or two, not the whole paragraph.
fn last_break(text: &str, hs: usize, pos: usize, q: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Start of the word holding byte `x` (the context may reach before `pos`, the line
    // start, but not before the hard line); at most WORD_REACH bytes back.
    let word_start = |x: usize| {
        let floor = hs.max(x.saturating_sub(WORD_REACH));
        let mut y = x;
        while y > floor && bytes[y - 1] != b' ' {
            y -= 1;
        }
        while !text.is_char_boundary(y) {
            y += 1;
        }
        y
    };
    let mut hi = q;
    loop {
        let word = word_start(hi);
        let mut spaces = word;
        while spaces > hs && bytes[spaces - 1] == b' ' {
            spaces -= 1;
        }
        let from = if spaces < word {
            word_start(spaces)
        } else {
            word
        };
        // Include the character at `hi`: whether a break precedes it depends on it.
        let end = (hi + char_len(text, hi)).min(text.len());
        let mut best = None;
        for (i, _) in linebreaks(&text[from..end]) {
            let b = from + i;
            if b > hi {
                break;
            }
            if b > pos && grapheme_boundary(text, b) {
                best = Some(b);
            }
        }
        // Nothing in this window: the break may precede it, down to the line start.
        if best.is_some() || from <= pos {
            return best;
        }
        hi = from;
    }
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
