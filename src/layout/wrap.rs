//! Line breaking of one block of text: UAX #14 break opportunities (`unicode-linebreak`),
//! measured grapheme by grapheme with the width table ratatui uses (`unicode-width`).
//!
//! The output is a list of byte ranges of the block, one per visual line; the caller turns
//! them into [`super::Line`]s with indent and prefix. Greedy first-fit, like helix's soft
//! wrap and textwrap's `first_fit`: it is linear in the block and never looks back.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};
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

/// True when `at` is not inside a grapheme cluster of `text`. ASCII after the position is
/// the fast path (only CR LF joins two ASCII characters, and UAX #14 never breaks there).
fn grapheme_boundary(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => true,
        Some(b) if b.is_ascii() => true,
        Some(_) => GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true),
    }
}

/// The visual line being filled.
struct Open {
    start: usize,
    /// End of the last content put on the line (trailing whitespace excluded).
    end: usize,
    /// Width of `start..end`.
    col: usize,
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
    if text.len() <= 4 * avail && !text.contains(is_line_end) && str_width(text) <= avail {
        out.push(base..base + text.trim_end().len());
        return;
    }
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
        if content_end == prev && hard_start && open.is_none() {
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
            hard_start = false;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, avail: usize) -> Vec<&str> {
        let mut out = Vec::new();
        wrap(text, 0, avail, &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_fill_the_line_and_spaces_at_breaks_are_dropped() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(lines("a  b", 1), vec!["a", "b"]);
    }

    #[test]
    fn cjk_without_spaces_wraps_at_two_columns_per_character() {
        assert_eq!(
            lines("日本語の文章です", 6),
            vec!["日本語", "の文章", "です"]
        );
    }

    #[test]
    fn a_long_word_is_broken_between_graphemes() {
        assert_eq!(lines("abcdefgh xy", 3), vec!["abc", "def", "gh", "xy"]);
        // e + combining acute stays one cluster.
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301}", 2),
            vec!["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    #[test]
    fn a_wide_grapheme_at_width_one_gets_its_own_line() {
        assert_eq!(lines("日本", 1), vec!["日", "本"]);
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(lines(&format!("{family}{family}"), 1), vec![family, family]);
    }

    #[test]
    fn newlines_are_hard_breaks_and_keep_indentation() {
        assert_eq!(
            lines("fn x() {\n    y\n\n}", 40),
            vec!["fn x() {", "    y", "", "}"]
        );
        assert_eq!(lines("a\r\nb", 40), vec!["a", "b"]);
    }

    #[test]
    fn a_combining_mark_after_a_space_stays_with_it() {
        assert_eq!(lines("ab \u{6DF}!", 1), vec!["a", "b", " \u{6DF}", "!"]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), vec![""]);
    }

    #[test]
    fn widths_follow_ratatui() {
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("日本"), 4);
        assert_eq!(str_width("\t"), 0);
        assert_eq!(str_width("\u{1F468}\u{200D}\u{1F469}"), 2);
        assert_eq!(str_width("e\u{301}x\t"), 2);
    }

    #[test]
    fn str_width_is_the_sum_of_grapheme_widths() {
        let samples = [
            "“Well, Prince,” said he — «voilà» 日本 e\u{301}\r\n",
            "\u{600}a\u{301}b",
            "#\u{FE0F}\u{20E3}!",
            "x\u{200D}\u{1F600}",
            "a\u{FF9E}b\u{FF76}\u{FF9F}",
            "1\u{FE0F}2",
        ];
        for s in samples {
            assert_eq!(
                str_width(s),
                s.graphemes(true).map(grapheme_width).sum::<usize>(),
                "{s:?}"
            );
        }
    }
}
