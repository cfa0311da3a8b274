//! The article header: the title (wrapped) and a meta line with the date in words, the
//! author and the source. Header lines carry their own text in [`Line::prefix`] (an entry
//! of the layout's decoration table), since the title and the meta are not part of
//! [`Article::text`].

use jiff::civil::Date;

use super::line::Packed;
use super::wrap::wrap;
use super::{Building, LineKind};
use crate::article::Meta;
#[cfg(doc)]
use crate::{article::Article, layout::Line};

/// The date as a reader says it: "Monday 6 January 2020".
pub fn readable_date(date: Date) -> String {
    date.strftime("%A %-d %B %Y").to_string()
}

/// The meta line's text: date, author and source joined by " · "; `None` when all are
/// missing.
pub fn meta_text(meta: &Meta) -> Option<String> {
    let parts: Vec<String> = [
        meta.date.map(readable_date),
        meta.author.clone().filter(|a| !a.trim().is_empty()),
        meta.source.clone().filter(|s| !s.trim().is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Header lines for `meta` at `width` columns: title lines, meta lines, then one blank
/// line; nothing at all when the article has neither title nor meta. Decoration ranges are
/// the empty range at `at` (the start of the first block), so byte lookups skip them.
pub(super) fn header(meta: &Meta, width: usize, at: usize, out: &mut Building) {
    let start = out.lines.len();
    let title = meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(title) = title {
        push_wrapped(title, LineKind::Title, width, at, out);
    }
    if let Some(text) = meta_text(meta) {
        push_wrapped(&text, LineKind::Meta, width, at, out);
    }
    if out.lines.len() > start {
        out.lines.push(Packed::decoration(LineKind::Blank, at, 0));
    }
}

fn push_wrapped(text: &str, kind: LineKind, width: usize, at: usize, out: &mut Building) {
    let mut ranges = Vec::new();
    wrap(text, 0, width, &mut ranges);
    for r in ranges {
        let decor = out.decor.intern(0, text.get(r).unwrap_or(""));
        out.lines.push(Packed::decoration(kind, at, decor));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_words() {
        let d = jiff::civil::date(2020, 1, 6);
        assert_eq!(readable_date(d), "Monday 6 January 2020");
    }

    #[test]
    fn meta_joins_what_is_known() {
        let meta = Meta {
            date: Some(jiff::civil::date(2020, 1, 6)),
            source: Some("CBC News".into()),
            ..Meta::default()
        };
        assert_eq!(
            meta_text(&meta).as_deref(),
            Some("Monday 6 January 2020 · CBC News")
        );
        assert_eq!(meta_text(&Meta::default()), None);
    }

    #[test]
    fn no_header_without_title_or_meta() {
        let mut out = Building::default();
        header(&Meta::default(), 80, 0, &mut out);
        assert!(out.lines.is_empty());
    }
}
