//! Writing styled text into ratatui's buffer: [`set_line`] does what `Buffer::set_line`
//! does, cell for cell, with a fast path for printable ASCII and the accented letters and
//! typographic punctuation of prose, which is most of what a frame shows. ratatui segments every span into graphemes and measures each; for ASCII
//! every byte is one grapheme one column wide, so the cells are written straight away.
//! A scrolled frame of War and Peace is ~4,000 cells of text: this is a third of its
//! drawing time (`cargo run --release --example key_frame -- FILE j`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Patches `style` onto every cell of `area`, as `Buffer::set_style` does, a row slice at
/// a time (ratatui finds each cell's index afresh: a tenth of a page-down frame).
pub fn set_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + width] {
            cell.set_style(style);
        }
    }
}

/// Writes `spans` from (`x`, `y`), at most `max_width` columns, as
/// `Buffer::set_line(x, y, &Line::from(spans), max_width)` would; returns where it stopped.
pub fn set_line(buf: &mut Buffer, x: u16, y: u16, spans: &[Span], max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in spans {
        if remaining == 0 {
            break;
        }
        let end = set_str(buf, x, y, &span.content, remaining, span.style);
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

/// [`set_line`] for a ratatui `Line` (its own style patched under each span's).
pub fn set_text_line(buf: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) -> (u16, u16) {
    if line.style == Style::default() {
        return set_line(buf, x, y, &line.spans, max_width);
    }
    buf.set_line(x, y, line, max_width)
}

/// Characters one column wide that are a grapheme of their own beside one another:
/// printable ASCII, the Latin-1 and Latin Extended-A letters and signs (not the soft
/// hyphen), and the dashes, quotes and ellipsis of General Punctuation. Accented names
/// and typographic quotes are common in prose; they need not go through segmentation.
fn simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{17F}' | '\u{2010}'..='\u{2027}')
}

/// Writes one span's text; returns the column after it.
fn set_str(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let ascii = text.bytes().all(|b| (b' '..=b'~').contains(&b));
    let area = buf.area;
    if !(ascii || text.chars().all(simple))
        || y < area.top()
        || y >= area.bottom()
        || x < area.left()
    {
        return buf.set_stringn(x, y, text, usize::from(max_width), style).0;
    }
    let room = usize::from(area.right().saturating_sub(x).min(max_width));
    if room == 0 || text.is_empty() {
        return x;
    }
    let start = buf.index_of(x, y);
    let mut n = 0;
    if ascii {
        n = text.len().min(room);
        for (cell, byte) in buf.content[start..start + n].iter_mut().zip(text.bytes()) {
            cell.set_char(char::from(byte)).set_style(style);
        }
    } else {
        for (cell, c) in buf.content[start..start + room]
            .iter_mut()
            .zip(text.chars())
        {
            cell.set_char(c).set_style(style);
            n += 1;
        }
    }
    // `n` is at most `room`, a u16.
    x + u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    fn both(
        spans: &[Span],
        x: u16,
        y: u16,
        width: u16,
    ) -> (Buffer, Buffer, (u16, u16), (u16, u16)) {
        let area = Rect::new(2, 1, 12, 3);
        let mut ours = Buffer::empty(area);
        let mut theirs = Buffer::empty(area);
        // Something under the text, so styles are patched rather than set.
        for b in [&mut ours, &mut theirs] {
            b.set_style(area, Style::default().bg(Color::Blue));
        }
        let a = set_line(&mut ours, x, y, spans, width);
        let b = theirs.set_line(x, y, &Line::from(spans.to_vec()), width);
        (ours, theirs, a, b)
    }

    #[test]
    fn writes_ascii_and_unicode_like_ratatui() {
        let spans = [
            Span::raw("  "),
            Span::styled("Anna", Style::default().fg(Color::Red)),
            Span::styled(
                " Pávlovna 世界",
                Style::default().add_modifier(Modifier::BOLD),
            ),
        ];
        let (ours, theirs, a, b) = both(&spans, 2, 1, 12);
        assert_eq!(ours, theirs);
        assert_eq!(a, b);
    }

    proptest! {
        /// Any style over any area, clipped to the buffer: the same cells as ratatui's.
        #[test]
        fn set_style_equals_ratatui(x in 0u16..16, y in 0u16..6, w in 0u16..16, h in 0u16..6, fg in 0u8..8, bold in any::<bool>()) {
            let area = Rect::new(2, 1, 12, 3);
            let mut style = Style::default().fg(Color::Indexed(fg));
            if bold {
                style = style.add_modifier(Modifier::BOLD);
            }
            let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
            for b in [&mut ours, &mut theirs] {
                b.set_string(2, 2, "ab", Style::default().bg(Color::Blue));
            }
            let target = Rect::new(x, y, w, h);
            set_style(&mut ours, target, style);
            theirs.set_style(target, style);
            prop_assert_eq!(ours, theirs);
        }

        /// Any spans, anywhere in the buffer (to its right edge), any width: the same
        /// cells and the same end as ratatui's own `set_line`.
        #[test]
        fn equals_ratatui_set_line(
            texts in proptest::collection::vec("[a-z ~!]{0,6}|[é世\t a]{0,4}|[aéłÀ’…— \u{301}\u{AD}]{0,6}", 0..5),
            x in 2u16..=14,
            y in 1u16..4,
            width in 0u16..20,
        ) {
            let spans: Vec<Span> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| Span::styled(t.clone(), Style::default().fg(Color::Indexed(i as u8))))
                .collect();
            let (ours, theirs, a, b) = both(&spans, x, y, width);
            prop_assert_eq!(ours, theirs);
            prop_assert_eq!(a, b);
        }
    }
}
