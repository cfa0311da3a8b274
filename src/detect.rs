//! Detection: runs the entity, date and quote detectors over an article's text and gathers
//! their findings into one [`AnnotationSet`].
//!
//! Each detector is pure (text in, byte-range annotations out) and knows nothing of any
//! particular article. They read English: a text reliably in another language
//! (`language`) gets no annotations rather than wrong ones. Quotes run after entities so speakers can be linked to entity groups.

mod code;
pub mod dates;
pub mod entities;
pub mod language;
pub mod quotes;

use std::ops::Range;

use jiff::civil::Date;

use crate::annotation::{Annotation, AnnotationKind, AnnotationSet};
use crate::article::{Article, grapheme_span};

pub use code::without_code;

/// Runs every detector over `text`, resolving relative dates against `date`.
///
/// Dates and the entity-free part of quote detection (pairing marks, reading cues) run on a
/// second thread while entities run on this one; quotes then only link their speakers to
/// the entity groups. Texts too short to gain from a thread run on one.
pub fn detect(text: &str, date: Option<Date>) -> AnnotationSet {
    if language::unsupported(text).is_some() {
        return AnnotationSet::default();
    }
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
    on_graphemes(text, &mut items);
    AnnotationSet::new(items, groups)
}

/// Starts the detectors' one-time set-up (the entity models decoded, the gazetteer and
/// word lists built, the date grammar compiled) on a thread of its own, by detecting a
/// short sentence that takes every detector down its paths. Called as a process starts,
/// it overlaps that set-up (several milliseconds) with reading the article, which for a
/// web page means parsing and extracting it: the first detection then finds it done.
/// Callers need not wait for the thread (if the process ends first, it ends with it);
/// the handle gives the sentence's annotations, for the test that it reaches every detector.
pub fn warm_up() -> Option<std::thread::JoinHandle<AnnotationSet>> {
    std::thread::Builder::new()
        .name("warm-up".into())
        .spawn(|| detect_sequential(WARM_UP, None))
        .ok()
}

/// A sentence with a quote and its speaker, a date, an organisation and a place.
const WARM_UP: &str =
    "\"We will meet on Tuesday, March 3,\" said Ada Lovelace of the Royal Society in London.";

/// Widens every span (and quote speaker span) to whole grapheme clusters, whatever the
/// detector's own units: a name followed by a combining accent ("Zoe\u{308}") must not
/// leave the accent out, on screen or in the JSON. The one place all detectors pass.
fn on_graphemes(text: &str, items: &mut [Annotation]) {
    for a in items {
        a.span = grapheme_span(text, a.span.clone());
        if let AnnotationKind::Quote(quote) = &mut a.kind
            && let Some(span) = &mut quote.speaker_span
        {
            *span = grapheme_span(text, span.clone());
        }
    }
}

/// Texts shorter than this (bytes) are detected on one thread: spawning one costs more
/// than it saves on a news article.
const PARALLEL_FROM: usize = 64 * 1024;

/// Runs every detector over `text` on the calling thread, one after the other, so only one
/// detector's per-token working set is alive at a time. The TUI detects in the background
/// this way: the side pane fills a little later, but the process peaks lower than with
/// [`detect`], where entities and quote preparation tokenise the whole text at once.
pub fn detect_sequential(text: &str, date: Option<Date>) -> AnnotationSet {
    detect_sequential_with(text, date, &mut |_| {})
}

/// [`detect_sequential`], telling `percent` how far it is (0 to 100; a rough share of the
/// work: entities are about half of it, reported chunk by chunk and pass by pass, dates a
/// fifth, quotes the rest).
fn detect_sequential_with(
    text: &str,
    date: Option<Date>,
    percent: &mut dyn FnMut(u8),
) -> AnnotationSet {
    if language::unsupported(text).is_some() {
        percent(100);
        return AnnotationSet::default();
    }
    percent(0);
    let (mut items, groups) =
        entities::detect_with_progress(text, &mut |done| percent((done * 50.0) as u8));
    percent(50);
    let found_dates = dates::detect(text, date);
    percent(70);
    let found_quotes = quotes::prepare(text).attribute(&items, &groups);
    // Exactly: `reserve` may double the entity annotations' room, on a big text the peak.
    items.reserve_exact(found_dates.len() + found_quotes.len());
    items.extend(found_dates);
    items.extend(found_quotes);
    on_graphemes(text, &mut items);
    let set = AnnotationSet::new(items, groups);
    percent(100);
    set
}

/// What [`detect_visible_first`] reports, in this order.
#[derive(Debug)]
pub enum Detection {
    /// The annotations of the part of the text on screen, detected alone: provisional
    /// (mentions are grouped within that part only; a quote's speaker named outside it is
    /// not found).
    Visible(AnnotationSet),
    /// How far the detection of the whole text is, in percent.
    Progress(u8),
    /// The annotations of the whole text.
    Done(AnnotationSet),
}

/// How much text around the screen is detected first: a screen or two of prose with
/// the paragraphs before it, for names and speakers introduced just above. On War and
/// Peace this takes a few milliseconds, against ~0.3 s for the whole book.
pub const VISIBLE_BYTES: usize = 16 * 1024;

/// Detection for the reader of a long text: first the part around byte `from` (the top
/// of the screen), reported at once so the screen is highlighted within milliseconds,
/// then the whole text one detector after the other ([`detect_sequential`]), with
/// progress. Texts no longer than the visible part are detected once.
pub fn detect_visible_first(article: &Article, from: usize, report: &mut dyn FnMut(Detection)) {
    let date = article.meta.date;
    let text = without_code(article);
    let part = visible_part(article, from);
    if part.len() < text.len() {
        let found = detect(&text[part.clone()], date);
        report(Detection::Visible(shifted(found, part.start)));
    }
    let set = detect_sequential_with(&text, date, &mut |p| {
        report(Detection::Progress(p));
    });
    report(Detection::Done(set));
}

/// The blocks around byte `from`: the one before it (where a name or a speaker is often
/// introduced) and those after, up to [`VISIBLE_BYTES`] of text.
fn visible_part(article: &Article, from: usize) -> Range<usize> {
    let blocks = &article.blocks;
    let first = blocks
        .partition_point(|b| b.span.end <= from)
        .saturating_sub(1);
    let Some(start) = blocks.get(first).map(|b| b.span.start) else {
        return 0..0;
    };
    let end = blocks[first..]
        .iter()
        .map(|b| b.span.end)
        .find(|&end| end - start >= VISIBLE_BYTES)
        .or_else(|| blocks.last().map(|b| b.span.end))
        .unwrap_or(start);
    start..end
}

/// `set`, found in a slice of the text starting at byte `offset`, with its byte ranges
/// moved to the whole text.
fn shifted(set: AnnotationSet, offset: usize) -> AnnotationSet {
    // A screenful of annotations: copying them is cheaper than a new accessor is worth.
    let items = set
        .items()
        .iter()
        .cloned()
        .map(|mut a: Annotation| {
            a.span = a.span.start + offset..a.span.end + offset;
            if let AnnotationKind::Quote(quote) = &mut a.kind
                && let Some(span) = &mut quote.speaker_span
            {
                *span = span.start + offset..span.end + offset;
            }
            a
        })
        .collect();
    AnnotationSet::new(items, set.groups().to_vec())
}

/// Runs every detector over an article, using its publication date. Code (blocks and
/// inline) is hidden from them ([`without_code`]).
pub fn detect_article(article: &Article) -> AnnotationSet {
    detect(&without_code(article), article.meta.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The warm-up sentence takes every detector through its work (so their set-up is
    /// done by the time an article is detected): it finds a quote with its speaker, a
    /// date, and entities.
    #[test]
    fn the_warm_up_reaches_every_detector() {
        let found = warm_up()
            .and_then(|t| t.join().ok())
            .expect("the warm-up runs");
        let kinds =
            |f: fn(&AnnotationKind) -> bool| found.items().iter().filter(|a| f(&a.kind)).count();
        assert_eq!(kinds(|k| matches!(k, AnnotationKind::Date(_))), 1);
        assert!(kinds(|k| matches!(k, AnnotationKind::Entity { .. })) >= 2);
        let speaker = found.items().iter().find_map(|a| match &a.kind {
            AnnotationKind::Quote(q) => q.speaker.clone(),
            _ => None,
        });
        assert_eq!(speaker.as_deref(), Some("Ada Lovelace"));
    }

    /// The TUI's one-thread detection finds exactly what the two-thread one does.
    #[test]
    fn sequential_detection_matches_the_parallel_one() {
        let sample = include_str!("../sample-data/canada-iraq-mission-2020-01-06.txt");
        let text = sample.repeat(PARALLEL_FROM / sample.len() + 1);
        assert!(text.len() >= PARALLEL_FROM);
        let date = Date::new(2020, 1, 6).ok();
        assert_eq!(detect_sequential(&text, date), detect(&text, date));
    }

    /// A long text: the part on screen comes first, with spans in the whole text's
    /// coordinates, then rising progress, then exactly what `detect_sequential` finds.
    #[test]
    fn the_visible_part_is_reported_first_then_progress_then_everything() {
        let sample = include_str!("../sample-data/canada-iraq-mission-2020-01-06.txt");
        let text = sample.repeat(2 * VISIBLE_BYTES / sample.len() + 2);
        let article = Article::from_verbatim(text, crate::article::Meta::default());
        let from = article.text.len() / 2;
        let mut reports = Vec::new();
        detect_visible_first(&article, from, &mut |d| reports.push(d));
        let Some(Detection::Visible(first)) = reports.first() else {
            panic!("the visible part first: {:?}", reports.first());
        };
        let part = visible_part(&article, from);
        assert!(part.start <= from && from < part.end && part.len() >= VISIBLE_BYTES);
        assert!(!first.is_empty());
        for a in first.items() {
            assert!(part.start <= a.span.start && a.span.end <= part.end);
            let found = detect(&article.text[part.clone()], None);
            let shifted_back = a.span.start - part.start..a.span.end - part.start;
            assert!(found.items().iter().any(|b| b.span == shifted_back));
        }
        let progress: Vec<u8> = reports
            .iter()
            .filter_map(|d| match d {
                Detection::Progress(p) => Some(*p),
                _ => None,
            })
            .collect();
        assert!(progress.windows(2).all(|w| w[0] <= w[1]) && progress.last() == Some(&100));
        let Some(Detection::Done(all)) = reports.last() else {
            panic!("everything last");
        };
        assert_eq!(all, &detect_sequential(&article.text, None));
    }

    /// A name, a date or a quote followed by a combining accent, half an emoji sequence
    /// or a prepended mark: whatever a detector's units, every span covers whole clusters.
    #[test]
    fn spans_start_and_end_on_grapheme_boundaries() {
        let text =
            "T\n\nZoe\u{308} went home. Angela Merkel\u{301} said \"no\u{301}\" on Monday\u{301}.";
        let set = detect(text, Date::new(2020, 1, 6).ok());
        assert!(set.len() >= 2, "{set:?}");
        for a in set.items() {
            assert_eq!(grapheme_span(text, a.span.clone()), a.span, "{a:?}");
        }
        let shown: Vec<&str> = set.items().iter().map(|a| &text[a.span.clone()]).collect();
        assert!(shown.contains(&"Monday\u{301}"), "{shown:?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Random prose of names, dates and quotes mixed with combining marks, emoji ZWJ
        /// sequences, CJK and prepended marks: no span, speaker span included, splits one.
        #[test]
        fn no_span_splits_a_grapheme(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "Angela", "Merkel", "Zoe", "Berlin", "said", "told", "\"", "“", "”", "Monday", "January",
            "5,", "2020", "\u{301}", "\u{308}", "\u{1F468}\u{200D}\u{1F469}", "\u{200D}", "日本",
            "東京", " ", " ", " ", ". ", ", ", "\n\n", "\u{601}", "e", "Mr.",
        ]), 0..40)) {
            let text: String = pieces.concat();
            let set = detect(&text, Date::new(2020, 1, 6).ok());
            for a in set.items() {
                proptest::prop_assert_eq!(grapheme_span(&text, a.span.clone()), a.span.clone());
                if let AnnotationKind::Quote(q) = &a.kind
                    && let Some(s) = &q.speaker_span
                {
                    proptest::prop_assert_eq!(grapheme_span(&text, s.clone()), s.clone());
                }
            }
        }
    }

    /// Code blocks and inline code are not prose: nothing is detected inside them.
    #[test]
    fn nothing_is_detected_in_code() {
        let md = "# Notes\n\nAngela Merkel said \"we will\" on Monday. Run `\"Paris\"` here.\n\n```\nprintln!(\"Barack Obama\");\n```\n";
        let article = crate::ingest::from_bytes(
            md.as_bytes(),
            crate::ingest::Format::Markdown,
            "t.md",
            &crate::ingest::LoadOptions::default(),
        )
        .expect("markdown");
        let code_from = article.text.find("\"Paris").expect("inline code");
        let set = detect_article(&article);
        let shown: Vec<&str> = set
            .items()
            .iter()
            .map(|a| &article.text[a.span.clone()])
            .collect();
        assert!(shown.contains(&"Angela Merkel"), "{shown:?}");
        assert!(
            set.items().iter().all(|a| a.span.end <= code_from),
            "{shown:?}"
        );
        let mut reports = Vec::new();
        detect_visible_first(&article, 0, &mut |d| reports.push(d));
        let Some(Detection::Done(all)) = reports.last() else {
            panic!("everything last");
        };
        assert_eq!(all.items(), set.items());
    }

    #[test]
    fn a_short_text_is_detected_once() {
        let article = Article::from_verbatim(
            "Angela Merkel spoke in Berlin.".to_string(),
            crate::article::Meta::default(),
        );
        let mut reports = Vec::new();
        detect_visible_first(&article, 0, &mut |d| reports.push(d));
        assert!(matches!(reports.first(), Some(Detection::Progress(0))));
        assert!(matches!(reports.last(), Some(Detection::Done(set)) if set.len() == 2));
    }

    #[test]
    fn the_visible_part_starts_a_block_early_and_ends_at_a_block_end() {
        let text = "One.\n\nTwo.\n\nThree.".to_string();
        let article = Article::from_verbatim(text, crate::article::Meta::default());
        // From inside "Three.": "Two." before it is included; the text is short, so all
        // blocks to the end are.
        assert_eq!(visible_part(&article, 12), 6..18);
        assert_eq!(visible_part(&article, 0), 0..18);
        let empty = Article::from_verbatim(String::new(), crate::article::Meta::default());
        assert_eq!(visible_part(&empty, 0), 0..0);
    }
}
