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
    items.reserve_exact(found_dates.len() + found_quotes.len());
    items.extend(found_dates);
    items.extend(found_quotes);
    AnnotationSet::new(items, groups)
}

/// Texts shorter than this (bytes) are detected on one thread: spawning one costs more
/// than it saves on a news article.
const PARALLEL_FROM: usize = 64 * 1024;

/// Runs every detector over `text` on the calling thread, one after the other, so only one
/// detector's per-token working set is alive at a time. The TUI detects in the background
/// this way: the side pane fills a little later, but the process peaks lower than with
/// [`detect`], where entities and quote preparation tokenise the whole text at once.
pub fn detect_sequential(text: &str, date: Option<Date>) -> AnnotationSet {
    let (mut items, groups) = entities::detect(text);
    let found_dates = dates::detect(text, date);
    let found_quotes = quotes::prepare(text).attribute(&items, &groups);
    // Exactly: `reserve` may double the entity annotations' room, on a big text the peak.
    items.reserve_exact(found_dates.len() + found_quotes.len());
    items.extend(found_dates);
    items.extend(found_quotes);
    AnnotationSet::new(items, groups)
}

/// Runs every detector over an article, using its publication date.
pub fn detect_article(article: &Article) -> AnnotationSet {
    detect(&article.text, article.meta.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TUI's one-thread detection finds exactly what the two-thread one does.
    #[test]
    fn sequential_detection_matches_the_parallel_one() {
        let sample = include_str!("../sample-data/canada-iraq-mission-2020-01-06.txt");
        let text = sample.repeat(PARALLEL_FROM / sample.len() + 1);
        assert!(text.len() >= PARALLEL_FROM);
        let date = Date::new(2020, 1, 6).ok();
        assert_eq!(detect_sequential(&text, date), detect(&text, date));
    }
}
