//! Features of the entity tagger: for each token, the hashes of what the perceptron
//! weighs (the word and its neighbours, word shape, affixes, casing, gazetteer membership,
//! document-level casing evidence, the previous tags). The facts about a run of tokens (a
//! chunk and its context, or a whole document) are computed once into flat arrays, from
//! the document-level [`wordstats`](super::wordstats); per-token features are written into
//! a fixed stack buffer, so the hot path allocates nothing.

use std::borrow::Cow;

use super::gazetteer::{self, CATEGORIES, Gazetteer};
use super::hash::{Fnv, combine, mix, word_hash_exact, word_hash_lower};
use super::tokens::{DIGIT, SENT_START, Token, UPPER, WORD};
use super::wordstats::{Casing, DOC_LOWER_ELSEWHERE, DOC_UPPER_MID_ELSEWHERE, Hints};

/// Room for every feature of one token.
pub const MAX_FEATURES: usize = 64;

/// Per-token facts the features read, for a run of tokens.
pub struct DocFeatures<'a> {
    /// Each token's lowercased word hash: borrowed from the chunk's window when there is one.
    lower: Cow<'a, [u64]>,
    /// Gazetteer bits: `2*c` the token starts an entry of category `c`, `2*c+1` it is inside.
    gaz: Vec<u32>,
    /// Document-level casing evidence (see the `DOC_*` bits).
    doc: Vec<u8>,
    /// The token's sentence is written in capitals (a headline).
    headline: Vec<bool>,
    /// Second pass only: per token, 1 + the entity type the first pass gave most often to
    /// this word (capitalised) anywhere in the document, 0 for none. Empty in the first pass.
    hints: Vec<u8>,
}

/// Sentinel hashes for positions before the first and after the last token.
const BOS: u64 = 0x5a5a_1234_0000_0001;
const EOS: u64 = 0x5a5a_1234_0000_0002;

/// The shape of a word: letters as X/x, digits as d, other characters kept, runs collapsed
/// ("Trump" -> "Xx", "U.S." -> "X.X.", "1996" -> "d", "al-Baghdadi" -> "x-Xx").
fn shape_hash(word: &str) -> u64 {
    let mut h = Fnv::default();
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            h.push(s);
            last = s;
        }
    }
    h.finish()
}

impl<'a> DocFeatures<'a> {
    /// The facts of a whole document's `tokens`, its own casing evidence, no hints (as the
    /// trainer sees one document; see [`DocFeatures::set_hints`]).
    pub fn new(text: &str, tokens: &[Token]) -> DocFeatures<'static> {
        let mut casing = Casing::default();
        casing.observe(text, tokens);
        let lower: Vec<u64> = tokens
            .iter()
            .map(|t| word_hash_lower(t.text(text)))
            .collect();
        DocFeatures::with(text, tokens, Cow::Owned(lower), &casing, None)
    }

    /// The facts of `tokens` (a chunk with its context, their lowercased word hashes
    /// `lower`) given the document's `casing` and, in the second pass, the first pass's
    /// `hints`.
    pub fn with(
        text: &str,
        tokens: &[Token],
        lower: Cow<'a, [u64]>,
        casing: &Casing,
        hints: Option<&Hints>,
    ) -> DocFeatures<'a> {
        let gaz = gazetteer_bits(gazetteer::get(), tokens, &lower);
        let doc = tokens
            .iter()
            .zip(lower.iter())
            .map(|(t, &h)| casing.bits(t, h))
            .collect();
        let hints = hints.map_or_else(Vec::new, |v| {
            tokens
                .iter()
                .zip(lower.iter())
                .map(|(t, &h)| v.hint(t, h))
                .collect()
        });
        DocFeatures {
            headline: headline_flags(text, tokens),
            lower,
            gaz,
            doc,
            hints,
        }
    }

    /// Token `i` opens its sentence in capitals, is written in lower case elsewhere in the
    /// document and never capitalised mid-sentence: a common word ("Again", "Meanwhile")
    /// that only the sentence start capitalised.
    pub fn common_word_at_sentence_start(&self, tokens: &[Token], i: usize) -> bool {
        tokens[i].is(SENT_START)
            && self.doc[i] & DOC_LOWER_ELSEWHERE != 0
            && self.doc[i] & DOC_UPPER_MID_ELSEWHERE == 0
    }

    pub fn lower(&self, i: usize) -> u64 {
        self.lower[i]
    }

    /// Token `i`'s second-pass hint (0 in the first pass; see [`Hints::hint`]).
    pub fn hint(&self, i: usize) -> u8 {
        self.hints.get(i).copied().unwrap_or(0)
    }

    /// Every token's lowercased word hash.
    pub fn lower_hashes(&self) -> &[u64] {
        &self.lower
    }

    /// Whether token `i` is capitalised but also written in lower case in the document.
    pub fn lower_elsewhere(&self, i: usize) -> bool {
        self.doc
            .get(i)
            .is_some_and(|d| d & DOC_LOWER_ELSEWHERE != 0)
    }

    /// Per token: its sentence is a headline in capitals.
    pub fn headline(&self) -> &[bool] {
        &self.headline
    }

    pub fn gaz(&self, i: usize) -> u32 {
        self.gaz[i]
    }

    /// Writes the feature hashes of token `i` (given the two previous tags) into `out` and
    /// returns how many there are.
    pub fn features(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        prev: u8,
        prev2: u8,
        out: &mut [u64; MAX_FEATURES],
    ) -> usize {
        let mut n = 0;
        let mut push = |template: u64, value: u64| {
            if n < MAX_FEATURES {
                out[n] = mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ value);
                n += 1;
            }
        };
        let tok = tokens[i];
        let at = |j: isize, arr: &[u64]| -> u64 {
            if j < 0 {
                BOS
            } else {
                arr.get(j as usize).copied().unwrap_or(EOS)
            }
        };
        let ii = i as isize;
        let w0 = self.lower[i];
        push(0, 0);
        push(1, w0);
        // Exact form and shapes are computed here, for the few tokens the tagger scores.
        let word = tok.text(text);
        push(2, word_hash_exact(word));
        push(3, at(ii - 1, &self.lower));
        push(4, at(ii + 1, &self.lower));
        push(5, at(ii - 2, &self.lower));
        push(6, at(ii + 2, &self.lower));
        let shape_at = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else {
                tokens
                    .get(j as usize)
                    .map_or(EOS, |t| shape_hash(t.text(text)))
            }
        };
        let s0 = shape_hash(word);
        let sp = shape_at(ii - 1);
        let sn = shape_at(ii + 1);
        push(7, s0);
        push(8, sp);
        push(9, sn);
        push(10, combine(combine(sp, s0), sn));
        // Affixes of the lowercased word.
        let mut pre = Fnv::default();
        for (k, c) in word.chars().take(3).enumerate() {
            pre.push_lower(c);
            push(11 + k as u64, pre.finish());
        }
        let mut last = ['\0'; 4];
        let mut len = 0usize;
        for c in word.chars() {
            last.rotate_left(1);
            last[3] = c;
            len += 1;
        }
        for k in 1..=len.min(4) {
            let mut suf = Fnv::default();
            for &c in &last[4 - k..] {
                suf.push_lower(c);
            }
            push(14 + k as u64, suf.finish());
        }
        push(19, len.min(12) as u64);
        // Previous tags (the greedy history).
        push(20, u64::from(prev));
        push(21, u64::from(prev) << 8 | u64::from(prev2));
        push(22, combine(u64::from(prev), w0));
        push(23, combine(u64::from(prev), s0));
        // Word bigrams.
        push(24, combine(at(ii - 1, &self.lower), w0));
        push(25, combine(w0, at(ii + 1, &self.lower)));
        // Position and casing context.
        let start = tok.is(SENT_START);
        push(26, combine(u64::from(start), s0));
        let head = self.headline.get(i).copied().unwrap_or(false);
        push(27, combine(u64::from(head), s0));
        if head {
            push(28, w0);
        }
        let d = self.doc[i];
        push(29, combine(u64::from(d), u64::from(start)));
        push(30, combine(u64::from(d), s0));
        push(31, u64::from(tok.flags & (DIGIT | UPPER | WORD)));
        // Gazetteer membership of the token and its neighbours.
        for (template, j) in [(32u64, ii), (33, ii - 1), (34, ii + 1)] {
            let bits = if j < 0 {
                0
            } else {
                self.gaz.get(j as usize).copied().unwrap_or(0)
            };
            for b in 0..(2 * CATEGORIES) as u32 {
                if bits & (1 << b) != 0 {
                    push(template, u64::from(b));
                }
            }
        }
        let g0 = self.gaz[i];
        if g0 != 0 {
            push(35, combine(u64::from(g0), s0));
            push(36, combine(u64::from(g0), u64::from(prev)));
        }
        if !self.hints.is_empty() {
            let hint = |j: isize| -> u64 {
                if j < 0 {
                    99
                } else {
                    self.hints.get(j as usize).map_or(99, |&h| u64::from(h))
                }
            };
            let h0 = hint(ii);
            push(40, h0);
            push(41, combine(h0, s0));
            push(42, combine(hint(ii - 1), h0));
            push(43, combine(h0, hint(ii + 1)));
            push(44, combine(h0, u64::from(prev)));
        }
        n
    }

    /// Sets the second pass's document hints from the first pass's tags of the whole
    /// document `tokens`: for each capitalised word, the entity type it was tagged with
    /// most often in the document.
    pub fn set_hints(&mut self, tokens: &[Token], tags: &[u8]) {
        let mut votes = Hints::default();
        votes.observe(tokens, &self.lower, tags);
        self.hints = tokens
            .iter()
            .zip(self.lower.iter())
            .map(|(t, &h)| votes.hint(t, h))
            .collect();
    }
}

/// Marks the tokens covered by gazetteer entries (longest match from each capitalised
/// token).
fn gazetteer_bits(g: &Gazetteer, tokens: &[Token], lower: &[u64]) -> Vec<u32> {
    let mut bits = vec![0u32; tokens.len()];
    for i in 0..tokens.len() {
        if !tokens[i].is(UPPER) {
            continue;
        }
        let mut h = 0;
        for len in 1..=g.max_len.min(tokens.len() - i) {
            h = combine(h, lower[i + len - 1]);
            let cats = g.lookup(h);
            for c in 0..CATEGORIES {
                if cats & (1 << c) != 0 {
                    bits[i] |= 1 << (2 * c);
                    for b in &mut bits[i + 1..i + len] {
                        *b |= 1 << (2 * c + 1);
                    }
                }
            }
            if !g.is_prefix(h) {
                break;
            }
        }
    }
    bits
}

/// For each token, whether its sentence (tokens up to the next sentence start) has at least
/// three words and no lowercase letter: a headline in capitals, where casing says nothing.
/// The tokens before the first sentence start count as a sentence of their own.
pub fn headline_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut s = 0;
    while s < tokens.len() {
        let mut e = s + 1;
        while e < tokens.len() && !tokens[e].is(SENT_START) {
            e += 1;
        }
        let words = tokens[s..e]
            .iter()
            .filter(|t| t.is(WORD) && !t.is(DIGIT))
            .count();
        let any_lower = tokens[s..e]
            .iter()
            .any(|t| t.text(text).chars().any(|c| c.is_lowercase()));
        if words >= 3 && !any_lower {
            flags[s..e].iter_mut().for_each(|f| *f = true);
        }
        s = e;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn a_common_word_capitalised_only_by_the_sentence_start_is_told_apart() {
        let text = "Again Pierre smiled. He said it again. Then Pierre left.";
        let toks = tokenize(text);
        let doc = DocFeatures::new(text, &toks);
        let at = |w: &str| toks.iter().position(|t| t.text(text) == w).unwrap_or(0);
        assert!(doc.common_word_at_sentence_start(&toks, at("Again")));
        assert!(!doc.common_word_at_sentence_start(&toks, at("Pierre")));
        assert!(!doc.common_word_at_sentence_start(&toks, at("He")));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_hash("Trump"), shape_hash("Xy"));
        assert_eq!(shape_hash("U.S."), shape_hash("E.U."));
        assert_ne!(shape_hash("US"), shape_hash("Us"));
        assert_eq!(shape_hash("1996"), shape_hash("7"));
    }

    #[test]
    fn features_fit_the_buffer_and_differ_by_word() {
        let text = "President Donald Trump visited Canada.";
        let toks = tokenize(text);
        let doc = DocFeatures::new(text, &toks);
        let mut a = [0u64; MAX_FEATURES];
        let mut b = [0u64; MAX_FEATURES];
        let na = doc.features(text, &toks, 2, 0, 0, &mut a);
        let nb = doc.features(text, &toks, 4, 0, 0, &mut b);
        assert!(nb > na, "a gazetteer word (Canada) adds features");
        assert!(na > 20 && na < MAX_FEATURES);
        assert_ne!(a[1], b[1]);
        assert_eq!(a[0], b[0], "the bias feature is shared");
    }

    #[test]
    fn gazetteer_marks_multi_word_places() {
        let text = "He flew to the United States and met John.";
        let toks = tokenize(text);
        let doc = DocFeatures::new(text, &toks);
        let country = 2 * super::super::gazetteer::Category::Country as u32;
        assert_ne!(doc.gaz(4) & (1 << country), 0);
        assert_ne!(doc.gaz(5) & (1 << (country + 1)), 0);
        assert_eq!(doc.gaz(3), 0);
    }

    #[test]
    fn headlines_in_capitals_are_flagged() {
        let text = "SOCCER - LEEDS WIN AT HOME.\nLeeds won at home.";
        let toks = tokenize(text);
        let flags = headline_flags(text, &toks);
        assert!(flags[0] && flags[3]);
        assert!(!flags[flags.len() - 2]);
    }
}
