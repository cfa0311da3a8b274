//! The links list's part of `update`: opening the list (on the first link at or below the
//! top of the view), moving through it, and what a link's keys ask for: Enter opens an
//! http(s) or relative link in gloss itself (over this article; Ctrl-o comes back) and
//! hands any other scheme (`mailto:`) to the system opener, `o` always hands it to the
//! opener, `p` closes the list and shows the link's passage.

use crate::nav;

use super::super::action::Action;
use super::super::model::{Model, Overlay};
use super::{Effect, jump, overlay};

/// Opens the list, or says the article has none.
pub fn open_list(m: &mut Model) {
    if m.article.links.is_empty() {
        m.status.message = Some("this article has no links".to_string());
        return;
    }
    let top = m.top_byte();
    let first = m.article.links.partition_point(|l| l.span.end <= top);
    overlay::open(m, Overlay::Links);
    m.overlay.scroll = Some(first.min(m.article.links.len() - 1));
}

/// The link keys outside the list: they say where they work.
pub fn outside_the_list(m: &mut Model, action: Action) {
    let list = m.keymap.label(Action::Links);
    let key = m.keymap.label(action);
    m.status.message = Some(format!("{key} acts on the links list: {list} opens it"));
}

/// An action while the list is open, `selected` the selected link.
pub fn act(m: &mut Model, selected: usize, action: Action) -> Effect {
    let len = m.article.links.len();
    let last = len.saturating_sub(1);
    let page = nav::half_page_lines(m.page_height()).max(1);
    let moved = match action {
        Action::LineDown => selected + 1,
        Action::LineUp => selected.saturating_sub(1),
        Action::HalfPageDown | Action::PageDown => selected + page,
        Action::HalfPageUp | Action::PageUp => selected.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected,
    };
    m.overlay.scroll = Some(moved.min(last));
    let Some(link) = m.article.links.get(selected).cloned() else {
        m.overlay.scroll = None;
        return Effect::None;
    };
    match action {
        Action::Quit | Action::Back | Action::Links | Action::Help | Action::Messages => {
            m.overlay.scroll = None;
        }
        Action::Enter if opens_in_gloss(&link.url) => {
            m.overlay.scroll = None;
            m.status.fetching = Some(link.url.clone());
            return Effect::Open(link.url);
        }
        Action::Enter | Action::OpenExternal => {
            m.overlay.scroll = None;
            return Effect::OpenOutside(link.url);
        }
        Action::ShowLink => {
            m.overlay.scroll = None;
            jump::record(m);
            jump::reveal(m, link.span, true);
        }
        _ => {}
    }
    Effect::None
}

/// Whether gloss opens `url` itself: http(s), `file:` and relative links (a page or a
/// file beside this one); other schemes (`mailto:`, `tel:`) are the system's.
pub fn opens_in_gloss(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => ["http", "https", "file"].contains(&s.to_ascii_lowercase().as_str()),
    }
}

/// A URL's scheme, if it starts with one (`mailto:` -> `mailto`).
pub fn scheme(url: &str) -> Option<&str> {
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_say_who_opens_a_link() {
        assert!(opens_in_gloss("https://example.org/"));
        assert!(opens_in_gloss("HTTP://example.org/"));
        assert!(opens_in_gloss("other.md"));
        assert!(opens_in_gloss("/abs/path.html"));
        assert!(opens_in_gloss("file:///tmp/x.html"));
        assert!(!opens_in_gloss("mailto:ann@example.org"));
        assert!(!opens_in_gloss("tel:+4412345"));
        assert_eq!(scheme("a b:c"), None);
        assert_eq!(scheme("1x:y"), None);
    }
}
