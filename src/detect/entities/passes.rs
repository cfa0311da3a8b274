//! Entity detection as passes over the text's [`chunks`]: each pass tokenises one chunk at
//! a time and keeps only what later passes need of it, compact and document-wide (per-word
//! maps, mentions), so the working set is bounded by the chunk size, not the text's.
//!
//! 1. casing: how each word is written anywhere ([`Casing`]);
//! 2. first tagging: how the first model tags each capitalised word ([`Hints`]);
//! 3. second tagging, knowing those hints, and the mention rules that read only a mention
//!    and its neighbours ([`mentions::clean`]); the forms the mentions give ([`Known`]) and
//!    the acronym-shaped words ([`Candidates`]) are gathered;
//! 4. consistency and merges ([`mentions::settle`]), and what acronym expansion needs;
//!
//! then, over the whole text's mentions, acronym expansion and [`grouping`]. Each chunk is
//! tagged with the tokens around it as context and the tags of the tokens before it as
//! history, so the result is the whole text's, whatever the chunk size.

use std::borrow::Cow;

use crate::annotation::{Annotation, EntityGroup, EntityLabel};

use super::acronyms::{Candidates, Chunk, Expansions};
use super::chunks::{self, Window, Windows};
use super::consistency::Known;
use super::features::DocFeatures;
use super::located::{AcronymTable, Located};
use super::mentions::{self, Mention};
use super::model::{self, Model, O};
use super::wordstats::{Casing, Hints};
use super::{gazetteer, grouping};

/// Each pass's share of the work, for progress: rough costs measured on a book.
pub const WEIGHTS: [f32; 5] = [1.0, 2.0, 2.5, 1.0, 0.5];

/// Reports the fraction of the work done.
struct Meter<'p> {
    progress: &'p mut dyn FnMut(f32),
    total_bytes: usize,
}

impl Meter<'_> {
    /// Pass `pass` (0-based) has read the text up to byte `done`.
    fn report(&mut self, pass: usize, done: usize) {
        let whole: f32 = WEIGHTS.iter().sum();
        let before: f32 = WEIGHTS[..pass].iter().sum();
        let part = done as f32 / self.total_bytes.max(1) as f32;
        let fraction = (before + WEIGHTS[pass] * part.min(1.0)) / whole;
        (self.progress)(fraction.min(1.0));
    }
}

/// A mention kept between passes 3 and 4: tokens counted from its chunk's first.
#[derive(Clone, Copy)]
struct Kept {
    first: u32,
    last: u32,
    label: EntityLabel,
}

/// Walks over the chunks once more, calling `f` on each window (with its tokens' hashes
/// if `hashes`), then reporting the pass's progress.
fn walk(
    windows: &mut Windows<'_>,
    hashes: bool,
    pass: usize,
    meter: &mut Meter<'_>,
    mut f: impl FnMut(usize, &Window<'_>),
) {
    windows.restart();
    let mut k = 0;
    while let Some(w) = windows.next_window(hashes) {
        f(k, &w);
        meter.report(pass, w.bytes.end);
        k += 1;
    }
}

/// Finds the entity mentions of `text` and their groups, reading it in chunks of about
/// `chunk_bytes`; `progress` is called with the fraction of the work done (0 to 1) after
/// each chunk of each pass.
pub fn detect(
    text: &str,
    chunk_bytes: usize,
    progress: &mut dyn FnMut(f32),
) -> (Vec<Annotation>, Vec<EntityGroup>) {
    let chunks = chunks::cut(text, chunk_bytes);
    let mut windows = Windows::new(text, &chunks, context());
    let mut meter = Meter {
        progress,
        total_bytes: text.len(),
    };
    let casing = casing_pass(&mut windows, &mut meter);
    let (first, second) = (model::shipped(), model::shipped_second());
    // The second model reads the first one's tags of the whole document as hints.
    let hints = match (first, second) {
        (Some(m), Some(_)) => Some(hints_pass(text, &mut windows, &casing, m, &mut meter)),
        (None, Some(_)) => Some(Hints::default()),
        _ => None,
    };
    let tagger = second.or(first);
    let tagged = tagging_pass(
        text,
        &mut windows,
        &casing,
        hints.as_ref(),
        tagger,
        &mut meter,
    );
    drop(hints);
    let (located, table) = settling_pass(text, &mut windows, &casing, tagged, &mut meter);
    drop((windows, casing));
    let found = grouping::group(text, &located, &table);
    meter.report(4, text.len());
    found
}

/// The tokens of context each side of a chunk: the features read two tokens either side,
/// and gazetteer entries up to `max_len` tokens long around the token and its neighbours.
fn context() -> usize {
    gazetteer::get().max_len.max(2)
}

/// Pass 1: how the document writes each word.
fn casing_pass(windows: &mut Windows<'_>, meter: &mut Meter<'_>) -> Casing {
    let mut casing = Casing::default();
    walk(windows, true, 0, meter, |_, w| {
        let range = w.chunk.clone();
        casing.observe_hashed(&w.tokens[range.clone()], &w.lower[range]);
    });
    casing
}

/// Pass 2: the first model's tags of the whole document, as votes per word.
fn hints_pass(
    text: &str,
    windows: &mut Windows<'_>,
    casing: &Casing,
    model: &Model,
    meter: &mut Meter<'_>,
) -> Hints {
    let mut votes = Hints::default();
    let mut history = (O, O);
    let mut tags = Vec::new();
    walk(windows, true, 1, meter, |_, w| {
        let range = w.chunk.clone();
        let doc = DocFeatures::with(text, w.tokens, Cow::Borrowed(w.lower), casing, None);
        tags.clear();
        model.tag_range(text, w.tokens, &doc, range.clone(), &mut history, &mut tags);
        votes.observe(&w.tokens[range.clone()], &w.lower[range], &tags);
    });
    votes
}

/// What the tagging pass leaves for the next: each chunk's mentions, the forms they give,
/// the acronym-shaped words.
struct Tagged {
    kept: Vec<Vec<Kept>>,
    known: Known,
    candidates: Candidates,
}

/// Pass 3: the final tags, their mentions and the rules that read only a mention and its
/// neighbours.
fn tagging_pass(
    text: &str,
    windows: &mut Windows<'_>,
    casing: &Casing,
    hints: Option<&Hints>,
    tagger: Option<&Model>,
    meter: &mut Meter<'_>,
) -> Tagged {
    let mut out = Tagged {
        kept: Vec::new(),
        known: Known::default(),
        candidates: Candidates::default(),
    };
    let mut history = (O, O);
    let mut tags = Vec::new();
    walk(windows, true, 2, meter, |_, w| {
        let range = w.chunk.clone();
        let doc = DocFeatures::with(text, w.tokens, Cow::Borrowed(w.lower), casing, hints);
        tags.clear();
        match tagger {
            Some(m) => m.tag_range(text, w.tokens, &doc, range.clone(), &mut history, &mut tags),
            None => tags.resize(range.len(), O),
        }
        let mut found = mentions::from_tags(&w.tokens[range.clone()], &tags);
        for m in &mut found {
            m.first += range.start;
            m.last += range.start;
        }
        let found = mentions::clean(text, w.tokens, &doc, range.clone(), found);
        out.known.observe(text, w.tokens, &found);
        out.candidates
            .observe(text, w.tokens, doc.headline(), range.clone());
        let at = |i: usize| (i - range.start) as u32;
        let kept = found.iter().map(|m| Kept {
            first: at(m.first),
            last: at(m.last),
            label: m.label,
        });
        out.kept.push(kept.collect());
    });
    out
}

/// Pass 4: document-wide consistency and the merges, then acronym expansion over the whole
/// text. Returns the text's mentions, sorted, and their acronyms.
fn settling_pass(
    text: &str,
    windows: &mut Windows<'_>,
    casing: &Casing,
    tagged: Tagged,
    meter: &mut Meter<'_>,
) -> (Vec<Located>, AcronymTable) {
    let Tagged {
        mut kept,
        known,
        candidates,
    } = tagged;
    let mut table = AcronymTable::default();
    let mut expansions = Expansions::default();
    let mut located: Vec<Located> = Vec::new();
    walk(windows, false, 3, meter, |k, w| {
        let range = w.chunk.clone();
        let kept = kept.get_mut(k).map(std::mem::take).unwrap_or_default();
        let found = kept.iter().map(|m| Mention {
            first: m.first as usize + range.start,
            last: m.last as usize + range.start,
            label: m.label,
        });
        let lower_elsewhere = |i: usize| casing.lower_elsewhere(text, &w.tokens[i]);
        let (tokens, r) = (w.tokens, range.clone());
        let found = mentions::settle(text, tokens, lower_elsewhere, &known, r, found.collect());
        let chunk = Chunk {
            tokens: w.tokens,
            offset: w.offset,
            range,
            headline: None,
        };
        expansions.observe(text, &chunk, &found, &candidates, &mut table);
        located.reserve_exact(found.len());
        located.extend(
            found
                .iter()
                .map(|m| Located::of(text, w.tokens, w.offset, m, &mut table)),
        );
    });
    drop((kept, known, candidates));
    expansions.resolve(&mut located);
    (located, table)
}

#[cfg(test)]
mod tests;
