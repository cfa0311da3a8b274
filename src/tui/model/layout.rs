//! The model's side of lazy layout: laying out only the window on screen when the width
//! changes, taking the complete layout from the loop's worker, and keeping the first
//! visible byte in place across both (see `docs/design.md`, *Instant at any size*).

use crate::layout::Layout;

use super::Model;

/// Layouts this long took milliseconds to free (600k lines of a 30 MB text: about 10 ms,
/// most of a frame's budget on a resize, when a line was 64 bytes; with 16-byte lines it
/// is well under one), so they are still freed on a thread of their own.
const FREE_ELSEWHERE_LINES: usize = 100_000;

/// How many complete layouts at other widths are kept: a resize and back, or the side
/// pane shown and hidden, then the width before. At 16 bytes a line, one layout of a
/// 30 MB text is ~10 MB.
const CACHED_WIDTHS: usize = 2;

/// Drops a layout no longer shown, off the input path when it is big.
fn discard(layout: Layout) {
    if layout.len() >= FREE_ELSEWHERE_LINES {
        std::thread::spawn(move || drop(layout));
    }
}

impl Model {
    /// Lays the article out again if the text column's width changed, keeping the first
    /// visible byte on screen. A big text gets only the window on screen
    /// ([`Layout::partial`]); the loop has the complete layout made on a worker thread and
    /// hands it over with [`Model::install_layout`].
    pub fn relayout(&mut self) {
        let width = match self.text_area() {
            Some(area) => area.width.max(1),
            // No article on screen (the side pane covers it, or the terminal is one row):
            // keep the layout there is, or make a plausible one to start from.
            None if self.view.width > 0 => return,
            None => self
                .settings
                .max_text_width
                .min(self.view.size.0.max(20))
                .max(1),
        };
        if width == self.view.width && !self.view.layout.is_empty() {
            return;
        }
        let top_byte = self.top_byte();
        let next = match self
            .view
            .layout_cache
            .iter()
            .position(|l| l.width() == width)
        {
            Some(i) => self.view.layout_cache.remove(i),
            None => Layout::partial(&self.article, width, top_byte, self.page_height()),
        };
        let old = std::mem::replace(&mut self.view.layout, next);
        if old.is_complete() && !old.is_empty() {
            self.view.layout_cache.push(old);
            if self.view.layout_cache.len() > CACHED_WIDTHS {
                discard(self.view.layout_cache.remove(0));
            }
        } else {
            discard(old);
        }
        self.view.width = width;
        self.anchor(top_byte);
    }

    /// Takes the whole article in place of the head of it the reader opened with (see
    /// `ingest::load_head`), laid out again around the first visible byte: the head's text
    /// is a prefix of the whole text, so the byte means the same in both.
    pub fn replace_article(&mut self, article: crate::article::Article) {
        self.article = std::sync::Arc::new(super::with_language_notice(article));
        // Forget the head's layouts and width, so `relayout` lays out the new text.
        self.view.layout_cache.clear();
        self.view.width = 0;
        self.relayout();
        if let Some((byte, lead)) = self.view.pending_start.take()
            && byte < self.article.text.len()
        {
            self.start_at(byte, lead);
        }
    }

    /// Takes a complete layout made elsewhere, if it is for the current width, keeping
    /// the first visible byte where it is on screen.
    pub fn install_layout(&mut self, layout: Layout) {
        if layout.width() != self.view.width.max(1) || self.view.layout.is_complete() {
            return;
        }
        let top_byte = self.top_byte();
        self.view.layout = layout;
        self.anchor(top_byte);
    }

    /// Opens the view at byte `byte` of the text: its line at the top (a reading position
    /// kept by the library, so reopening shows exactly the same lines), or with `lead` a
    /// quarter down the page so what comes before shows too (a passage chosen in the
    /// library). A byte past the text (the head of a big file, the rest loading) is kept
    /// for when the whole article is in ([`Model::replace_article`]).
    pub fn start_at(&mut self, byte: usize, lead: bool) {
        if byte >= self.article.text.len() {
            self.view.pending_start = Some((byte, lead));
            return;
        }
        if byte == 0 {
            return;
        }
        let width = self.view.width.max(1);
        if !self.view.layout.is_complete() {
            self.view.layout = Layout::partial(&self.article, width, byte, self.page_height());
        }
        self.anchor(byte);
        if lead {
            self.view.top = self.view.top.saturating_sub(self.page_height() / 4);
        }
        self.clamp_top();
    }

    /// Where the reader is, for the library to keep: the first byte on screen, or the
    /// place still waiting for the whole of a big file.
    pub fn reading_position(&self) -> usize {
        self.view
            .pending_start
            .map_or_else(|| self.top_byte(), |(byte, _)| byte)
    }

    /// Puts the line showing `top_byte` at the top of the view.
    fn anchor(&mut self, top_byte: usize) {
        self.view.top = if top_byte == 0 {
            0
        } else {
            self.view.layout.line_of_byte(top_byte)
        };
        self.clamp_top();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Meta};
    use crate::tui::{Keymap, Settings};

    fn book() -> Article {
        let para = "It was the best of times, it was the worst of times, it was the age of wisdom.";
        let text = (0..6000)
            .map(|i| format!("{i} {}", para.repeat(i % 5 + 1)))
            .collect::<Vec<_>>()
            .join("\n\n");
        Article::from_verbatim(text, Meta::default())
    }

    #[test]
    fn a_big_text_shows_a_window_then_the_complete_layout_without_moving() {
        let article = book();
        let mut m = Model::new(
            article,
            "book".into(),
            Settings::default(),
            Keymap::default(),
            (120, 40),
        );
        assert!(!m.view.layout.is_complete(), "a book starts with a window");
        assert!(m.view.layout.line(m.view.top).is_some());
        let full = Layout::new(&m.article, m.view.width);
        m.install_layout(full.clone());
        assert!(m.view.layout.is_complete());
        m.view.top = m.view.layout.len() / 2;
        let before = m.top_byte();
        m.view.size = (100, 40);
        m.relayout();
        assert!(
            !m.view.layout.is_complete(),
            "a resize shows a window first"
        );
        let shown = m.top_byte();
        assert!(
            shown <= before && before - shown < 100,
            "{shown} vs {before}"
        );
        // A layout for a width no longer wanted is refused.
        m.install_layout(full);
        assert!(!m.view.layout.is_complete());
        let right = Layout::new(&m.article, m.view.width);
        m.install_layout(right);
        assert!(m.view.layout.is_complete());
        assert_eq!(m.top_byte(), shown, "the text on screen does not move");
    }

    /// Going back to a width seen before takes its complete layout from the cache at
    /// once, exact (no window, no worker), with the text on screen where it was.
    #[test]
    fn a_width_seen_before_comes_back_complete_from_the_cache() {
        let mut m = Model::new(
            book(),
            "book".into(),
            Settings::default(),
            Keymap::default(),
            (120, 40),
        );
        let wide = m.view.width;
        let full = Layout::new(&m.article, wide);
        m.install_layout(full);
        m.view.top = m.view.layout.len() / 3;
        let before = m.top_byte();
        m.view.size = (90, 40);
        m.relayout();
        assert!(!m.view.layout.is_complete());
        assert_eq!(
            m.view.layout_cache.len(),
            1,
            "the complete wide layout is kept"
        );
        m.view.size = (120, 40);
        m.relayout();
        assert_eq!(m.view.width, wide);
        assert!(m.view.layout.is_complete(), "taken from the cache");
        assert!(
            m.view.layout_cache.is_empty(),
            "the narrow window was not complete: not kept"
        );
        let back = m.top_byte();
        assert!(back <= before && before - back < 200, "{back} vs {before}");
        // Only the last few widths are kept.
        for (i, width) in [70u16, 80, 100, 110].into_iter().enumerate() {
            let full = Layout::new(&m.article, m.view.width);
            m.install_layout(full);
            m.view.size = (width, 40);
            m.relayout();
            assert!(
                m.view.layout_cache.len() <= CACHED_WIDTHS,
                "after {i} resizes"
            );
        }
    }
}
