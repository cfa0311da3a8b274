//! Acronyms and their written-out forms over the whole text, a chunk at a time: every
//! chunk records where the spans whose initials spell a possible acronym are
//! ([`Expansions::observe`]); once all chunks are read and the acronyms the text wants
//! expanded are known, [`Expansions::resolve`] picks the expansions as a scan of the whole
//! text would have.
//!
//! The acronyms wanted are the first [`MAX_ACRONYMS`] distinct ones in text order (a
//! mention, or an untagged capitals-only word outside a headline), which no chunk knows
//! until the last is read; so each chunk records the spans of every [`Candidates`] entry
//! (each capitals-only word of the text), found by walking a span's initials once against
//! the candidates' prefixes. Expansions stay within a sentence, so within a chunk.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::annotation::EntityLabel;

use super::super::features::headline_flags;
use super::super::hash::{Fnv, IdentityHasher};
use super::super::located::{AcronymTable, Located};
use super::super::mentions::Mention;
use super::super::tokens::{SENT_START, Token, UPPER, WORD};
use super::{acronym_form, skipped};

/// How many distinct acronyms one text looks for expansions of.
pub const MAX_ACRONYMS: usize = 64;

/// The longest acronym expanded (letters).
const MAX_LETTERS: usize = 8;

/// A chunk's tokens as expansion reads them.
pub struct Chunk<'a> {
    /// The chunk with the tokens around it.
    pub tokens: &'a [Token],
    /// The text's token index of `tokens[0]`.
    pub offset: usize,
    /// The chunk's own tokens in `tokens`.
    pub range: Range<usize>,
    /// Per token of `tokens`: its sentence is a headline in capitals; `None` to have them
    /// worked out if a chunk needs them (few do).
    pub headline: Option<&'a [bool]>,
}

/// The letters of an acronym as written: three to eight letters, capitals only.
fn wanted_letters(word: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = acronym_form(word)?.chars().collect();
    let ok = (3..=MAX_LETTERS).contains(&chars.len()) && chars.iter().all(|c| c.is_alphabetic());
    ok.then_some(chars)
}

/// Every acronym the text could want expanded: each distinct capitals-only word of three
/// to eight letters outside a headline, gathered over the whole text first. Looked up by
/// the hash of its letters, which the walk over a span's initials extends letter by letter.
#[derive(Default)]
pub struct Candidates {
    ids: HashMap<u64, u32, IdentityHasher>,
    letters: Vec<Vec<char>>,
    /// Every proper prefix of a candidate, so a walk over initials stops early.
    prefixes: HashSet<u64, IdentityHasher>,
}

/// The hash of letters pushed one by one.
#[derive(Clone, Copy, Default)]
struct LettersHash(Fnv);

impl LettersHash {
    fn push(&mut self, c: char) -> u64 {
        self.0.push(c);
        self.0.finish()
    }
}

impl Candidates {
    /// Adds the candidates among tokens `range` of `tokens` (`headline` per token).
    pub fn observe(
        &mut self,
        text: &str,
        tokens: &[Token],
        headline: &[bool],
        range: Range<usize>,
    ) {
        for i in range {
            let Some(t) = tokens.get(i) else { break };
            if !t.is(UPPER) || headline.get(i).copied().unwrap_or(false) {
                continue;
            }
            let Some(letters) = wanted_letters(t.text(text)) else {
                continue;
            };
            let mut h = LettersHash::default();
            let mut key = 0;
            for (k, &c) in letters.iter().enumerate() {
                if k > 0 {
                    self.prefixes.insert(key);
                }
                key = h.push(c);
            }
            if self.id(key, &letters).is_none() {
                self.ids.insert(key, self.letters.len() as u32);
                self.letters.push(letters);
            }
        }
    }

    /// The candidate whose letters (hashed to `key`) are `letters`.
    fn id(&self, key: u64, letters: &[char]) -> Option<u32> {
        let id = *self.ids.get(&key)?;
        (self.letters.get(id as usize)?.as_slice() == letters).then_some(id)
    }

    fn id_of(&self, letters: &[char]) -> Option<u32> {
        let mut h = LettersHash::default();
        let key = letters.iter().fold(0, |_, &c| h.push(c));
        self.id(key, letters)
    }
}

/// An acronym the text wants expanded.
struct Wanted {
    id: u32,
    /// The label its expansion takes: the acronym's own mention's, or ORG.
    label: EntityLabel,
    /// The acronym was no mention where first seen: it becomes one where it stands.
    untagged: bool,
}

/// What the chunks record for expansion, in text order.
#[derive(Default)]
pub struct Expansions {
    wanted: Vec<Wanted>,
    /// Spans whose initials spell candidate `id` (`first` is where the span starts).
    spans: Vec<(u32, Located)>,
    /// Untagged capitals-only words that are candidate `id`.
    untagged: Vec<(u32, Located)>,
}

impl Expansions {
    /// Records what chunk `c` holds, given its mentions after [`super::super::mentions::settle`]
    /// (indices into `c.tokens`, sorted, non-overlapping).
    pub fn observe(
        &mut self,
        text: &str,
        c: &Chunk<'_>,
        mentions: &[Mention],
        candidates: &Candidates,
        table: &mut AcronymTable,
    ) {
        let tokens = c.tokens;
        let place = |table: &mut AcronymTable, first, last, label| {
            let m = Mention { first, last, label };
            Located::of(text, tokens, c.offset, &m, table)
        };
        let mut computed: Option<Vec<bool>> = None;
        // The mention holding token `i`, if any: `mentions` are sorted, and so is `i`.
        let mut next = 0;
        for i in c.range.clone() {
            let Some(t) = tokens.get(i) else { break };
            while mentions.get(next).is_some_and(|m| m.last <= i) {
                next += 1;
            }
            if !t.is(UPPER) {
                continue;
            }
            let holder = mentions.get(next).filter(|m| m.first <= i);
            let tagged = holder.map(|m| m.label);
            let single_mention = holder.is_some_and(|m| m.first == i && m.last == i + 1);
            let word = t.text(text);
            let acronym = if tagged.is_none() || single_mention {
                wanted_letters(word).and_then(|l| candidates.id_of(&l))
            } else {
                None
            };
            let mut in_headline = || match c.headline {
                Some(flags) => flags.get(i).copied().unwrap_or(false),
                None => computed
                    .get_or_insert_with(|| headline_flags(text, tokens))
                    .get(i)
                    .copied()
                    .unwrap_or(false),
            };
            if let Some(id) = acronym
                && !in_headline()
                && self.wanted.len() < MAX_ACRONYMS
                && !self.wanted.iter().any(|w| w.id == id)
            {
                self.wanted.push(Wanted {
                    id,
                    label: tagged.unwrap_or(EntityLabel::Org),
                    untagged: tagged.is_none(),
                });
            }
            if tagged.is_none()
                && let Some(id) = acronym
            {
                let at = place(table, i, i + 1, EntityLabel::Org);
                self.untagged.push((id, at));
            }
            if t.is(WORD) {
                for (id, end) in spelled(text, tokens, i, candidates) {
                    let at = place(table, i, end, EntityLabel::Org);
                    self.spans.push((id, at));
                }
            }
        }
    }

    /// Replaces `mentions` (the whole text's, sorted, non-overlapping) by the expansions
    /// found and what they leave: each span whose initials spell a wanted acronym (the first
    /// wanted that fits, scanning the text in order) becomes one mention with the acronym's
    /// label, in place of whatever it overlaps; an untagged acronym whose expansion was
    /// found becomes a mention wherever it stands. `mentions` stays sorted.
    pub fn resolve(self, mentions: &mut Vec<Located>) {
        let Expansions {
            wanted,
            spans,
            untagged,
        } = self;
        let mut found: Vec<Located> = Vec::new();
        let mut expanded = vec![false; wanted.len()];
        let mut next_free = 0;
        for site in spans.chunk_by(|a, b| a.1.first == b.1.first) {
            if site[0].1.first < next_free {
                continue;
            }
            let hit = wanted.iter().enumerate().find_map(|(k, w)| {
                let span = site.iter().find(|(id, _)| *id == w.id)?;
                Some((k, span.1))
            });
            if let Some((k, mut span)) = hit {
                span.label = wanted[k].label;
                expanded[k] = true;
                next_free = span.last;
                found.push(span);
            }
        }
        if found.is_empty() {
            return;
        }
        // The expansions are sorted and disjoint: the one that could hold or overlap a
        // span is the first ending after the span's start.
        let overlaps = |first: u32, last: u32| {
            let k = found.partition_point(|f| f.last <= first);
            found.get(k).is_some_and(|f| f.first < last)
        };
        let mut acronyms = Vec::new();
        for (id, mut at) in untagged {
            if let Some(k) = wanted.iter().position(|w| w.id == id)
                && wanted[k].untagged
                && expanded[k]
                && !overlaps(at.first, at.last)
            {
                at.label = wanted[k].label;
                acronyms.push(at);
            }
        }
        mentions.retain(|m| !overlaps(m.first, m.last));
        mentions.reserve_exact(found.len() + acronyms.len());
        mentions.extend(found);
        mentions.extend(acronyms);
        mentions.sort_by_key(|m| (m.first, m.last));
    }
}

/// The candidates whose letters the initials of the span from token `i` spell, each with
/// where its span ends: the span stays within a sentence, skips small words after its first
/// (see [`skipped`]), ends on a capitalised word and is under three tokens per letter.
fn spelled(text: &str, tokens: &[Token], i: usize, candidates: &Candidates) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    // The site's first letter must be its own capital (the candidates are found by it).
    let first = tokens[i].text(text).chars().next();
    if first.is_none_or(|f| f.to_uppercase().next() != Some(f)) {
        return out;
    }
    let mut letters = ['\0'; MAX_LETTERS];
    let mut hash = LettersHash::default();
    let mut k = 0;
    let mut j = i;
    while j < tokens.len() && j - i < 3 * MAX_LETTERS && k < MAX_LETTERS {
        let t = &tokens[j];
        if !t.is(WORD) || (j > i && t.is(SENT_START)) {
            break;
        }
        let w = t.text(text);
        if j > i && skipped(w) {
            j += 1;
            continue;
        }
        let Some(c) = w.chars().next().and_then(|c| c.to_uppercase().next()) else {
            break;
        };
        letters[k] = c;
        let key = hash.push(c);
        k += 1;
        if k >= 3
            && j - i < 3 * k
            && t.is(UPPER)
            && let Some(id) = candidates.id(key, &letters[..k])
        {
            out.push((id, j + 1));
        }
        j += 1;
        if !candidates.prefixes.contains(&key) {
            break;
        }
    }
    out
}

/// Expansion over a text read as one chunk (`tokens` all of it, `headline` one flag per
/// token): observe, then resolve, as the chunked passes do over many chunks.
pub fn expand_in_one_chunk(
    text: &str,
    tokens: &[Token],
    headline: &[bool],
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let all = 0..tokens.len();
    let mut candidates = Candidates::default();
    candidates.observe(text, tokens, headline, all.clone());
    let (mut table, mut expansions) = (AcronymTable::default(), Expansions::default());
    let chunk = Chunk {
        tokens,
        offset: 0,
        range: all,
        headline: Some(headline),
    };
    expansions.observe(text, &chunk, &mentions, &candidates, &mut table);
    let mut located: Vec<Located> = mentions
        .iter()
        .map(|m| Located::of(text, tokens, 0, m, &mut table))
        .collect();
    expansions.resolve(&mut located);
    located.iter().map(Located::mention).collect()
}

#[cfg(test)]
mod tests;
