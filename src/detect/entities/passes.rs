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

use std::ops::Range;

use crate::annotation::{Annotation, EntityGroup, EntityLabel};

use super::acronyms::{Candidates, Chunk, Expansions};
use super::chunks::{self, Window, Windows};
use super::consistency::Known;
use super::features::DocFeatures;
use super::located::{AcronymTable, Located};
use super::mentions::{self, Mention};
use super::model::{self, O};
use super::wordstats::{Casing, Hints};
use super::{gazetteer, grouping};

/// Each pass's share of the work, for progress: rough costs measured on a book.
pub const WEIGHTS: [f32; 5] = [1.0, 3.0, 4.0, 2.0, 1.0];

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

/// Calls `f` on each chunk's window, then reports the pass's progress.
fn walk(
    text: &str,
    chunks: &[Range<usize>],
    context: usize,
    pass: usize,
    meter: &mut Meter<'_>,
    mut f: impl FnMut(usize, &Window<'_>),
) {
    let mut windows = Windows::new(text, chunks, context);
    let mut k = 0;
    while let Some(w) = windows.next_window() {
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
    // The features read two tokens either side, and gazetteer entries up to `max_len`
    // tokens long around the token and its neighbours.
    let context = gazetteer::get().max_len.max(2);
    let mut meter = Meter {
        progress,
        total_bytes: text.len(),
    };
    let mut casing = Casing::default();
    walk(text, &chunks, context, 0, &mut meter, |_, w| {
        casing.observe(text, &w.tokens[w.chunk.clone()]);
    });

    let (first, second) = (model::shipped(), model::shipped_second());
    let mut tags = Vec::new();
    // The second model reads the first one's tags of the whole document as hints.
    let hints = match (first, second) {
        (Some(m), Some(_)) => {
            let mut votes = Hints::default();
            let mut history = (O, O);
            walk(text, &chunks, context, 1, &mut meter, |_, w| {
                let doc = DocFeatures::with(text, w.tokens, &casing, None);
                tags.clear();
                m.tag_range(
                    text,
                    w.tokens,
                    &doc,
                    w.chunk.clone(),
                    &mut history,
                    &mut tags,
                );
                let lower = &doc.lower_hashes()[w.chunk.clone()];
                votes.observe(&w.tokens[w.chunk.clone()], lower, &tags);
            });
            Some(votes)
        }
        (None, Some(_)) => Some(Hints::default()),
        _ => None,
    };

    let tagger = second.or(first);
    let mut known = Known::default();
    let mut candidates = Candidates::default();
    let mut kept: Vec<Vec<Kept>> = Vec::with_capacity(chunks.len());
    let mut history = (O, O);
    walk(text, &chunks, context, 2, &mut meter, |_, w| {
        let doc = DocFeatures::with(text, w.tokens, &casing, hints.as_ref());
        let range = w.chunk.clone();
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
        known.observe(text, w.tokens, &found);
        candidates.observe(text, w.tokens, doc.headline(), range.clone());
        let at = |i: usize| (i - range.start) as u32;
        kept.push(
            found
                .iter()
                .map(|m| Kept {
                    first: at(m.first),
                    last: at(m.last),
                    label: m.label,
                })
                .collect(),
        );
    });
    drop(tags);

    let mut table = AcronymTable::default();
    let mut expansions = Expansions::default();
    let mut located: Vec<Located> = Vec::new();
    walk(text, &chunks, context, 3, &mut meter, |k, w| {
        let range = w.chunk.clone();
        let found = kept.get_mut(k).map(std::mem::take).unwrap_or_default();
        let found: Vec<Mention> = found
            .iter()
            .map(|m| Mention {
                first: m.first as usize + range.start,
                last: m.last as usize + range.start,
                label: m.label,
            })
            .collect();
        let lower_elsewhere = |i: usize| casing.lower_elsewhere(text, &w.tokens[i]);
        let found = mentions::settle(
            text,
            w.tokens,
            lower_elsewhere,
            &known,
            range.clone(),
            found,
        );
        let chunk = Chunk {
            tokens: w.tokens,
            offset: w.offset,
            range,
            headline: None,
        };
        expansions.observe(text, &chunk, &found, &candidates, &mut table);
        located.extend(
            found
                .iter()
                .map(|m| Located::of(text, w.tokens, w.offset, m, &mut table)),
        );
    });
    drop((kept, known, candidates, casing, hints));
    expansions.resolve(&mut located);
    let found = grouping::group(text, &located, &table);
    meter.report(4, text.len());
    found
}
