//! OSC 8 hyperlinks around the article's link cells, for terminals that understand them
//! (`hyperlinks` in the config). The frame's links are runs of cells (row, columns,
//! target) computed from the model as the article pane draws it; the presenter wraps the
//! cells it writes in `ESC ] 8 ; ; URL ESC \` ... `ESC ] 8 ; ; ESC \`, and rewrites the
//! cells whose link changed even where their text did not.
//!
//! A target is written only for an absolute URL (a scheme; a relative link means nothing
//! to the terminal) of at most [`MAX_TARGET`] bytes, and only printable ASCII reaches the
//! terminal: every other byte (controls, ESC, BEL, the C1 string terminator in UTF-8,
//! spaces, non-ASCII) is percent-encoded, so a link can never end the sequence early or
//! inject one. While an overlay or the note editor covers the article no link is marked.

use std::ops::Range;

use crate::article::grapheme_span;
use crate::layout::display_col;

use super::super::model::Model;
use super::super::update::links::scheme;

/// The longest target written (terminals cap a URI near 2 KiB; VTE at 2083 bytes).
pub const MAX_TARGET: usize = 2000;

/// One run of link cells on a row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    y: u16,
    x: Range<u16>,
    /// Index into the frame's targets.
    target: usize,
}

/// A frame's link cells and their sanitised targets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hyperlinks {
    runs: Vec<Run>,
    targets: Vec<String>,
}

impl Hyperlinks {
    /// The link cells of the model's frame (see the module doc).
    pub fn of(m: &Model) -> Hyperlinks {
        let mut out = Hyperlinks::default();
        let Some(area) = m.text_area() else {
            return out;
        };
        let covered = m.overlay.scroll.is_some()
            || m.notes.editor.is_some()
            || m.panes().side.is_some_and(|s| s.intersects(area));
        if covered || m.article.links.is_empty() {
            return out;
        }
        let (text, links) = (&m.article.text, &m.article.links);
        // Each link's target once, as links are met.
        let mut seen: Vec<(usize, Option<usize>)> = Vec::new();
        let lines = m
            .view
            .layout
            .lines(m.view.top..m.view.top + usize::from(area.height));
        for (row, line) in lines.enumerate() {
            let r = line.range.clone();
            if r.is_empty() {
                continue;
            }
            let first = links.partition_point(|l| l.span.end <= r.start);
            for (i, link) in links.iter().enumerate().skip(first) {
                if link.span.start >= r.end {
                    break;
                }
                let target = match seen.iter().find(|(k, _)| *k == i) {
                    Some(&(_, t)) => t,
                    None => {
                        let t = target(&link.url).map(|t| {
                            out.targets.push(t);
                            out.targets.len() - 1
                        });
                        seen.push((i, t));
                        t
                    }
                };
                let Some(target) = target else { continue };
                let span =
                    grapheme_span(text, link.span.start.max(r.start)..link.span.end.min(r.end));
                let x0 = area.x.saturating_add(display_col(&line, text, span.start));
                let x1 = area.x.saturating_add(display_col(&line, text, span.end));
                let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
                if x0 < x1 {
                    out.runs.push(Run {
                        y,
                        x: x0..x1.min(area.right()),
                        target,
                    });
                }
            }
        }
        out
    }

    /// The sanitised target of the cell at (`x`, `y`), if it is a link's.
    pub fn at(&self, x: u16, y: u16) -> Option<&str> {
        let i = self.runs.partition_point(|r| (r.y, r.x.end) <= (y, x));
        let run = self.runs.get(i).filter(|r| r.y == y && r.x.contains(&x))?;
        self.targets.get(run.target).map(String::as_str)
    }

    /// Every cell of either frame whose link differs between `self` and `next`.
    pub fn changed<'a>(&'a self, next: &'a Hyperlinks) -> impl Iterator<Item = (u16, u16)> + 'a {
        self.runs
            .iter()
            .chain(&next.runs)
            .flat_map(|r| r.x.clone().map(move |x| (x, r.y)))
            .filter(move |&(x, y)| self.at(x, y) != next.at(x, y))
    }
}

/// What an OSC 8 sequence may carry for `url`: an absolute URL of at most [`MAX_TARGET`]
/// bytes, every byte outside printable ASCII (and the space) percent-encoded.
pub fn target(url: &str) -> Option<String> {
    scheme(url)?;
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        match b {
            0x21..=0x7E => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    (out.len() <= MAX_TARGET).then_some(out)
}

/// Appends the OSC 8 sequence that starts a link to `target` (already sanitised by
/// [`target`]), or ends the open one when `target` is empty.
pub fn osc8(out: &mut Vec<u8>, target: &str) {
    out.extend_from_slice(b"\x1b]8;;");
    out.extend_from_slice(target.as_bytes());
    out.extend_from_slice(b"\x1b\\");
}

#[cfg(test)]
mod tests {
    use std::io::{self, Write};
    use std::sync::{Arc, Mutex};

    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use super::*;
    use crate::theme::Theme;
    use crate::tui::present::Presenter;
    use crate::tui::tests::links::linked;
    use crate::tui::ui::article::byte_at;

    #[derive(Clone, Default)]
    struct Bytes(Arc<Mutex<Vec<u8>>>);

    impl Write for Bytes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if let Ok(mut b) = self.0.lock() {
                b.extend_from_slice(buf);
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// The bytes of `m`'s frames, one per model, through one presenter.
    fn frames(models: &[&Model], hyperlinks: bool) -> Vec<Vec<u8>> {
        let bytes = Bytes::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::default()),
        };
        let mut terminal = Terminal::with_options(CrosstermBackend::new(bytes.clone()), options)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut p = Presenter {
            hyperlinks,
            ..Presenter::default()
        };
        let theme = Theme::default();
        models
            .iter()
            .map(|m| {
                p.present(&mut terminal, m, &theme, false)
                    .unwrap_or_else(|e| panic!("{e}"));
                bytes
                    .0
                    .lock()
                    .map(|mut b| std::mem::take(&mut *b))
                    .unwrap_or_default()
            })
            .collect()
    }

    fn has(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn link_cells_are_where_the_article_draws_each_link() {
        let m = linked(70, 16);
        let links = Hyperlinks::of(&m);
        let area = m.text_area().unwrap_or_default();
        let mut cells = 0;
        for y in area.y..area.bottom() {
            for x in area.x..area.right() {
                let want = byte_at(&m, x, y)
                    .and_then(|b| m.article.link_at(b))
                    .and_then(|l| target(&l.url));
                assert_eq!(links.at(x, y), want.as_deref(), "cell {x},{y}");
                cells += usize::from(want.is_some());
            }
        }
        // Two web links and a mail address have targets; the relative link has none.
        let words = "Kelvin Harbour Bridge".len() + "Port Authority".len() + "Norvale Steel".len();
        assert_eq!(cells, words);
    }

    #[test]
    fn the_presenter_wraps_link_cells_in_osc8_only_when_asked() {
        let m = linked(70, 16);
        let on = &frames(&[&m], true)[0];
        let open = b"\x1b]8;;https://bridge.example/reopening\x1b\\";
        let at = on
            .windows(open.len())
            .position(|w| w == open)
            .expect("opened");
        let text = on[at..]
            .windows(6)
            .position(|w| w == b"Kelvin")
            .expect("link text");
        assert!(
            !has(&on[at..at + text], b"\x1b]8;;\x1b\\"),
            "open until its text"
        );
        assert!(has(on, b"\x1b]8;;mailto:press@port.example\x1b\\"));
        assert!(!has(on, b"okafor.html"), "a relative link is no hyperlink");
        let opened = on.windows(5).filter(|w| w == b"\x1b]8;;").count();
        let closed = on.windows(7).filter(|w| w == b"\x1b]8;;\x1b\\").count();
        assert!(closed >= 1 && opened >= 4, "{opened} {closed}");
        // The last OSC 8 written closes the link.
        let last = on.windows(5).rposition(|w| w == b"\x1b]8;;").unwrap_or(0);
        assert_eq!(&on[last..last + 7], b"\x1b]8;;\x1b\\", "closed at the end");
        let off = &frames(&[&m], false)[0];
        assert!(!has(off, b"\x1b]8"), "no OSC 8 when off");
    }

    #[test]
    fn a_cell_whose_link_changed_is_written_again() {
        let m = linked(70, 16);
        let mut moved = linked(70, 16);
        let mut article = (*moved.article).clone();
        article.links[0].url = "https://bridge.example/other".into();
        moved.article = std::sync::Arc::new(article);
        let out = frames(&[&m, &moved], true);
        assert!(has(&out[1], b"\x1b]8;;https://bridge.example/other\x1b\\"));
        assert!(
            has(&out[1], b"Kelvin"),
            "the same text, rewritten for its new link"
        );
        assert!(!has(&out[1], b"Norvale"), "unchanged cells are not");
    }

    #[test]
    fn targets_are_absolute_printable_ascii_and_bounded() {
        assert_eq!(
            target("https://example.org/a?b=c#d").as_deref(),
            Some("https://example.org/a?b=c#d")
        );
        // ESC, BEL, ST (C1 in UTF-8), spaces and non-ASCII cannot end the sequence.
        assert_eq!(
            target("https://x.example/\u{1b}\\\u{7}\u{9c} é").as_deref(),
            Some("https://x.example/%1B\\%07%C2%9C%20%C3%A9")
        );
        assert_eq!(target("relative/page.html"), None);
        assert_eq!(
            target(&format!("https://x.example/{}", "a".repeat(MAX_TARGET))),
            None
        );
        let mut out = Vec::new();
        osc8(&mut out, "https://x.example/");
        osc8(&mut out, "");
        assert_eq!(out, b"\x1b]8;;https://x.example/\x1b\\\x1b]8;;\x1b\\");
    }
}
