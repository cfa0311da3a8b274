//! What the whole document says about each word, gathered before any chunk is tagged: how
//! it is written ([`Casing`]: in lower case somewhere, capitalised mid-sentence somewhere)
//! and how the first tagging pass tagged it ([`Hints`]). Both are keyed by the word's
//! lowercased hash, so they grow with the vocabulary, not with the text.

use std::collections::{HashMap, HashSet};

use super::hash::{IdentityHasher, word_hash_lower};
use super::tokens::{SENT_START, Token, UPPER, WORD};

/// Token `i`'s word is capitalised here but written in lower case elsewhere.
pub const DOC_LOWER_ELSEWHERE: u8 = 1;
/// Token `i`'s word is capitalised here and capitalised mid-sentence elsewhere.
pub const DOC_UPPER_MID_ELSEWHERE: u8 = 2;

/// Casing seen anywhere in the document: a capitalised word also written in lower case is
/// likely a common word; a sentence-initial word also capitalised mid-sentence is likely a
/// name.
#[derive(Default)]
pub struct Casing {
    lowercase: HashSet<u64, IdentityHasher>,
    upper_mid: HashSet<u64, IdentityHasher>,
}

impl Casing {
    /// Adds the words of `tokens`.
    pub fn observe(&mut self, text: &str, tokens: &[Token]) {
        for t in tokens {
            if t.is(WORD) {
                self.add(t, word_hash_lower(t.text(text)));
            }
        }
    }

    /// Adds the words of `tokens`, whose lowercased hashes are `lower`.
    pub fn observe_hashed(&mut self, tokens: &[Token], lower: &[u64]) {
        for (t, &h) in tokens.iter().zip(lower) {
            if t.is(WORD) {
                self.add(t, h);
            }
        }
    }

    fn add(&mut self, t: &Token, lower: u64) {
        if !t.is(UPPER) {
            self.lowercase.insert(lower);
        } else if !t.is(SENT_START) {
            self.upper_mid.insert(lower);
        }
    }

    /// The `DOC_*` bits of token `t`, whose lowercased hash is `lower`.
    pub fn bits(&self, t: &Token, lower: u64) -> u8 {
        let mut d = 0;
        if t.is(UPPER) && self.lowercase.contains(&lower) {
            d |= DOC_LOWER_ELSEWHERE;
        }
        if t.is(UPPER) && self.upper_mid.contains(&lower) {
            d |= DOC_UPPER_MID_ELSEWHERE;
        }
        d
    }

    /// Whether `t` is capitalised but also written in lower case in the document.
    pub fn lower_elsewhere(&self, text: &str, t: &Token) -> bool {
        t.is(UPPER) && self.lowercase.contains(&word_hash_lower(t.text(text)))
    }
}

/// The first tagging pass's votes: for each capitalised word, how often it was tagged
/// outside any entity and as each entity type.
#[derive(Default)]
pub struct Hints {
    votes: HashMap<u64, [u16; 5], IdentityHasher>,
}

impl Hints {
    /// Counts the first-pass `tags` of `tokens` (whose lowercased hashes are `lower`).
    pub fn observe(&mut self, tokens: &[Token], lower: &[u64], tags: &[u8]) {
        for ((t, &h), &tag) in tokens.iter().zip(lower).zip(tags) {
            if t.is(UPPER) {
                let v = self.votes.entry(h).or_insert([0; 5]);
                let k = if tag == 0 {
                    0
                } else {
                    1 + (tag as usize - 1) / 2
                };
                v[k] = v[k].saturating_add(1);
            }
        }
    }

    /// The second pass's hint for token `t` (lowercased hash `lower`): 1 + the entity type
    /// its word was tagged with most often, plus 4 if it was also tagged outside entities;
    /// 0 for a lowercase word or one never tagged as an entity.
    pub fn hint(&self, t: &Token, lower: u64) -> u8 {
        if !t.is(UPPER) {
            return 0;
        }
        let Some(v) = self.votes.get(&lower) else {
            return 0;
        };
        // The commonest entity type, if it was tagged as an entity at all.
        let (best, &count) = v[1..]
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| **c)
            .unwrap_or((0, &0));
        if count == 0 {
            0
        } else {
            // Distinguish "always an entity" from "sometimes".
            let always = v[0] == 0;
            (1 + best as u8) + if always { 0 } else { 4 }
        }
    }
}
