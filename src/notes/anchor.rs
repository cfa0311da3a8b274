//! Re-anchoring: finding a note's passage again in the current text of the article.
//!
//! The strategy follows Hypothesis: (1) the exact quote at the recorded position; (2) the
//! exact quote elsewhere, preferring occurrences whose recorded context (prefix/suffix) still
//! surrounds them, then the one nearest the old position; (3) an approximate match of the
//! quote with at most a quarter of its characters edited ([`fuzzy`]), scored by how well
//! the quote, its prefix and suffix and its position agree; (4) otherwise the note is
//! [`Anchoring::Detached`] and keeps its old passage. Results are byte ranges into the text.

pub mod fuzzy;

use std::collections::HashMap;
use std::ops::Range;

use super::model::NoteSet;
use super::selector::{CodePoints, Target, chars_after, chars_before};

/// How far (in characters, either side of the old position) the fuzzy search looks. Whole
/// articles fit; in a book, a passage that moved further than this and was also edited is
/// reported detached rather than searched for in every chapter.
pub const FUZZY_WINDOW: usize = 200_000;

/// The most edits a fuzzy match may have, whatever the quote's length.
pub const MAX_ERRORS: usize = 256;

/// Where a note was found in the current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchoring {
    /// The exact quote at its recorded position: nothing changed.
    Exact(Range<usize>),
    /// The exact quote, found elsewhere (the text around it changed).
    Moved(Range<usize>),
    /// An approximate match of the quote, `errors` edits away.
    Fuzzy { range: Range<usize>, errors: usize },
    /// Not found: the note is kept, with its old passage, to be re-attached by the reader.
    Detached,
}

impl Anchoring {
    /// The byte range of the passage, `None` when detached.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Anchoring::Exact(r) | Anchoring::Moved(r) | Anchoring::Fuzzy { range: r, .. } => {
                Some(r.clone())
            }
            Anchoring::Detached => None,
        }
    }

    pub fn is_detached(&self) -> bool {
        matches!(self, Anchoring::Detached)
    }
}

/// Finds one target in `text` (`cps` must index the same text).
pub fn anchor(text: &str, cps: &CodePoints<'_>, target: &Target) -> Anchoring {
    let exact = target.quote.exact.as_str();
    let old = target.position_bytes(cps);
    if exact.is_empty() {
        return Anchoring::Detached;
    }
    if text.get(old.clone()) == Some(exact) {
        // A short quote can be at its old position by chance after an edit before it:
        // unless its context is intact there, an occurrence with better context wins.
        let here = context_misses(text, old.clone(), target);
        if here == 0 {
            return Anchoring::Exact(old);
        }
        return match nearest_exact(text, target, old.start) {
            Some(range) if context_misses(text, range.clone(), target) < here => {
                Anchoring::Moved(range)
            }
            _ => Anchoring::Exact(old),
        };
    }
    if let Some(range) = nearest_exact(text, target, old.start) {
        return Anchoring::Moved(range);
    }
    fuzzy_anchor(text, cps, target).unwrap_or(Anchoring::Detached)
}

/// How many sides (0..=2) of the recorded context differ around `range`.
fn context_misses(text: &str, range: Range<usize>, target: &Target) -> usize {
    let quote = &target.quote;
    usize::from(!text[..range.start].ends_with(quote.prefix.as_str()))
        + usize::from(!text[range.end..].starts_with(quote.suffix.as_str()))
}

/// How far (in bytes, either side of the old position) the exact search looks first: an
/// occurrence there with its context intact is the answer without scanning a whole book.
const EXACT_NEAR: usize = 64 * 1024;

/// The exact quote's occurrence with the most of its context intact, then nearest `near`.
fn nearest_exact(text: &str, target: &Target, near: usize) -> Option<Range<usize>> {
    let lo = super::selector::floor_boundary(text, near.saturating_sub(EXACT_NEAR));
    let hi = super::selector::ceil_boundary(text, near.saturating_add(EXACT_NEAR));
    // Any intact occurrence outside the window is further than one inside it.
    if let Some((0, range)) = best_exact(text, lo..hi, target, near) {
        return Some(range);
    }
    best_exact(text, 0..text.len(), target, near).map(|(_, range)| range)
}

/// The best occurrence of the exact quote starting in `within`, with how many of its
/// two context sides differ (0 = intact).
fn best_exact(
    text: &str,
    within: Range<usize>,
    target: &Target,
    near: usize,
) -> Option<(usize, Range<usize>)> {
    let quote = &target.quote;
    let end_of_search = super::selector::ceil_boundary(text, within.end + quote.exact.len());
    text[within.start..end_of_search]
        .match_indices(quote.exact.as_str())
        .map(|(offset, m)| {
            let start = within.start + offset;
            let end = start + m.len();
            let context = context_misses(text, start..end, target);
            ((context, start.abs_diff(near)), start..end)
        })
        .min_by_key(|(key, _)| *key)
        .map(|((context, _), range)| (context, range))
}

/// The first, cheap fuzzy search radius (characters either side of the old position).
const FUZZY_NEAR: usize = 8 * 1024;

/// A near match whose context agrees this well (prefix + suffix similarity, out of 2) is
/// taken without searching the whole [`FUZZY_WINDOW`].
const NEAR_CONTEXT_ENOUGH: f64 = 1.0;

/// The best approximate match: first within [`FUZZY_NEAR`] of the old position, then, unless
/// that match's context agreed, within [`FUZZY_WINDOW`].
fn fuzzy_anchor(text: &str, cps: &CodePoints<'_>, target: &Target) -> Option<Anchoring> {
    let pattern: Vec<char> = target.quote.exact.chars().collect();
    let k = (pattern.len() / 4).min(MAX_ERRORS);
    if k == 0 {
        return None;
    }
    let near = fuzzy_in(text, cps, target, &pattern, k, FUZZY_NEAR);
    let best = match near {
        Some(hit) if hit.context >= NEAR_CONTEXT_ENOUGH => Some(hit),
        _ if cps.len() <= 2 * FUZZY_NEAR => near,
        _ => fuzzy_in(text, cps, target, &pattern, k, FUZZY_WINDOW),
    };
    best.map(|hit| Anchoring::Fuzzy {
        range: hit.range,
        errors: hit.errors,
    })
}

/// A scored fuzzy candidate.
struct Scored {
    score: f64,
    /// Prefix + suffix similarity (0..=2).
    context: f64,
    range: Range<usize>,
    errors: usize,
}

/// The best-scoring approximate match within `radius` characters of the old position.
fn fuzzy_in(
    text: &str,
    cps: &CodePoints<'_>,
    target: &Target,
    pattern: &[char],
    k: usize,
    radius: usize,
) -> Option<Scored> {
    let quote = &target.quote;
    let old = target.position.start.min(cps.len());
    let lo = old.saturating_sub(radius + pattern.len());
    let hi = old.saturating_add(radius + pattern.len()).min(cps.len());
    let window: Vec<char> = text[cps.to_byte(lo)..cps.to_byte(hi)].chars().collect();
    let prefix: Vec<char> = quote.prefix.chars().collect();
    let suffix: Vec<char> = quote.suffix.chars().collect();
    let similarity = |want: &[char], got: &str| -> f64 {
        if want.is_empty() {
            return 1.0;
        }
        let got: Vec<char> = got.chars().collect();
        1.0 - fuzzy::distance(want, &got) as f64 / want.len() as f64
    };
    let mut best: Option<Scored> = None;
    for hit in fuzzy::find_all(&window, pattern, k) {
        let start = cps.to_byte(lo + hit.start);
        let end = cps.to_byte(lo + hit.end);
        // Weights as in Hypothesis's match-quote: the quote matters most, then its
        // context, and the position only breaks ties.
        let quote_sim = 1.0 - hit.errors as f64 / pattern.len() as f64;
        let prefix_sim = similarity(&prefix, chars_before(text, start, prefix.len()));
        let suffix_sim = similarity(&suffix, chars_after(text, end, suffix.len()));
        let distance = (lo + hit.start).abs_diff(old) as f64;
        let pos_sim = 1.0 - distance / cps.len().max(1) as f64;
        let score = 50.0 * quote_sim + 20.0 * prefix_sim + 20.0 * suffix_sim + 2.0 * pos_sim;
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Scored {
                score,
                context: prefix_sim + suffix_sim,
                range: start..end,
                errors: hit.errors,
            });
        }
    }
    best
}

/// The anchoring of every note of a set, by note id.
pub fn anchor_all(notes: &NoteSet, text: &str) -> HashMap<String, Anchoring> {
    let cps = CodePoints::new(text);
    notes
        .notes()
        .iter()
        .map(|n| (n.id.clone(), anchor(text, &cps, &n.target)))
        .collect()
}

/// Rewrites the selectors of every anchored note to describe its passage in `text`, so the
/// next save records where the notes are now (detached notes keep their old passage). Not
/// an edit: neither `modified` nor the dirty flag change.
pub fn retarget(notes: &mut NoteSet, text: &str, anchors: &HashMap<String, Anchoring>) {
    let cps = CodePoints::new(text);
    for (id, anchoring) in anchors {
        if let Some(range) = anchoring.range() {
            notes.set_target(id, Target::from_range(text, range, &cps));
        }
    }
}

#[cfg(test)]
#[path = "anchor/tests.rs"]
mod tests;
