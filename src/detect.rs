//! Detection: runs the entity, date and quote detectors over an article's text and gathers
//! their findings into one [`AnnotationSet`].
//!
//! Each detector is pure (text in, byte-range annotations out) and knows nothing of any
//! particular article. Quotes run after entities so speakers can be linked to entity groups.

pub mod dates;
pub mod entities;
pub mod quotes;

use jiff::civil::Date;

use crate::annotation::AnnotationSet;
use crate::article::Article;

/// Runs every detector over `text`, resolving relative dates against `date`.
///
/// Dates and the entity-free part of quote detection (pairing marks, reading cues) run on a
/// second thread while entities run on this one; quotes then only link their speakers to
/// the entity groups. Texts too short to gain from a thread run on one.
pub fn detect(text: &str, date: Option<Date>) -> AnnotationSet {
    let ((mut items, groups), (found_dates, prepared)) = if text.len() < PARALLEL_FROM {
        (
            entities::detect(text),
            (dates::detect(text, date), quotes::prepare(text)),
        )
    } else {
        std::thread::scope(|s| {
            let side = s.spawn(|| (dates::detect(text, date), quotes::prepare(text)));
            let ents = entities::detect(text);
            // A panic on the side thread is a detector bug: run that work again here so
            // it surfaces the same way it would without threads.
            let side = side
                .join()
                .unwrap_or_else(|_| (dates::detect(text, date), quotes::prepare(text)));
            (ents, side)
        })
    };
    let found_quotes = prepared.attribute(&items, &groups);
    items.reserve(found_dates.len() + found_quotes.len());
    items.extend(found_dates);
    items.extend(found_quotes);
    AnnotationSet::new(items, groups)
}

/// Texts shorter than this (bytes) are detected on one thread: spawning one costs more
/// than it saves on a news article.
const PARALLEL_FROM: usize = 64 * 1024;

/// Runs every detector over an article, using its publication date.
pub fn detect_article(article: &Article) -> AnnotationSet {
    detect(&article.text, article.meta.date)
}
