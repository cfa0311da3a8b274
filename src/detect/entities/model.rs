//! The entity tagger's model: a greedy left-to-right averaged perceptron over hashed
//! features with BIO tags, its weights in one flat quantised table (`bucket * TAGS + tag`),
//! and the compact file format it ships in (`data/ner-model.bin`, embedded with
//! `include_bytes!` and decoded once).
//!
//! File format (little-endian): `GLOSSNER`, version `u32`, bucket bits `u32`, tag count
//! `u32`, then runs until the end: zero-run length (LEB128), non-zero count (LEB128), that
//! many `i16` weights. Small weights are pruned to zero when the model is written, so most
//! of the table is runs of zeros.

use std::ops::Range;
use std::sync::OnceLock;

use super::features::{DocFeatures, MAX_FEATURES};
use super::gazetteer::Category;
use super::tokens::{Token, UPPER};

/// BIO tags: `O`, then `B-`/`I-` for PERSON, ORG, PLACE, MISC.
pub const TAGS: usize = 9;
pub const O: u8 = 0;

/// The entity type of a tag (`0` PERSON, `1` ORG, `2` PLACE, `3` MISC), `None` for `O`.
pub fn tag_type(tag: u8) -> Option<u8> {
    (tag != O).then(|| (tag - 1) / 2)
}

pub fn is_begin(tag: u8) -> bool {
    tag != O && (tag - 1).is_multiple_of(2)
}

/// The `B-` tag of entity type `ty`.
pub fn begin_of(ty: u8) -> u8 {
    1 + 2 * ty
}

/// Whether `tag` may follow `prev` (an `I-X` only continues a `B-X` or `I-X`).
pub fn allowed(prev: u8, tag: u8) -> bool {
    tag == O || is_begin(tag) || prev == tag || prev + 1 == tag
}

/// Whether the tagger can skip token `t` as `O` without scoring it: after an `O` tag, a word
/// without a capital, or a capitalised closed-class word ("He", "The", "I"; `gaz` is its
/// gazetteer bits), almost never starts an entity, and skipping them keeps a book fast.
pub fn skippable(t: &Token, text: &str, gaz: u32, prev: u8) -> bool {
    if prev != O {
        return false;
    }
    if !t.is(UPPER) {
        return true;
    }
    let function = gaz & (1 << (2 * Category::Function as u32)) != 0;
    // "US" in capitals is not "us": only a lowercase second letter (or none) counts.
    function && t.text(text).chars().nth(1).is_none_or(char::is_lowercase)
}

const MAGIC: &[u8; 8] = b"GLOSSNER";
const VERSION: u32 = 1;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("entity model: expected the GLOSSNER header, found {0:?}")]
    Header(Vec<u8>),
    #[error(
        "entity model: expected version {VERSION} with {TAGS} tags, found version {0} with {1}"
    )]
    Version(u32, u32),
    #[error("entity model: bucket bits must be 8..=24, found {0}")]
    Bits(u32),
    #[error("entity model: truncated or overlong body at byte {0}")]
    Body(usize),
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    bits: u32,
    weights: Vec<i16>,
}

impl Model {
    /// A model from quantised weights (`2^bits * TAGS` of them).
    pub fn from_weights(bits: u32, weights: Vec<i16>) -> Model {
        debug_assert_eq!(weights.len(), (1usize << bits) * TAGS);
        Model { bits, weights }
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    pub fn nonzero(&self) -> usize {
        self.weights.iter().filter(|&&w| w != 0).count()
    }

    /// The bucket of a feature hash.
    pub fn bucket(bits: u32, feature: u64) -> usize {
        (feature >> (64 - bits)) as usize
    }

    /// Tags every token of a document (greedy, BIO-constrained).
    pub fn tag(&self, text: &str, tokens: &[Token], doc: &DocFeatures) -> Vec<u8> {
        let mut tags = Vec::with_capacity(tokens.len());
        self.tag_range(text, tokens, doc, 0..tokens.len(), &mut (O, O), &mut tags);
        tags
    }

    /// Appends the tags of `tokens[range]` to `out`, the tokens around the range serving as
    /// context. `history` holds the tags of the two tokens before the range (previous,
    /// the one before) and is left holding the range's last two, so a text tagged a
    /// chunk at a time is tagged as if whole.
    pub fn tag_range(
        &self,
        text: &str,
        tokens: &[Token],
        doc: &DocFeatures,
        range: Range<usize>,
        history: &mut (u8, u8),
        out: &mut Vec<u8>,
    ) {
        let mut feats = [0u64; MAX_FEATURES];
        let (mut prev, mut prev2) = *history;
        for i in range {
            let Some(t) = tokens.get(i) else { break };
            let tag = if skippable(t, text, doc.gaz(i), prev) {
                O
            } else {
                let n = doc.features(text, tokens, i, prev, prev2, &mut feats);
                let mut scores = [0i32; TAGS];
                for &f in &feats[..n] {
                    let row = Model::bucket(self.bits, f) * TAGS;
                    if let Some(ws) = self.weights.get(row..row + TAGS) {
                        for (s, &w) in scores.iter_mut().zip(ws) {
                            *s += i32::from(w);
                        }
                    }
                }
                best_tag(&scores, prev)
            };
            out.push(tag);
            prev2 = prev;
            prev = tag;
        }
        *history = (prev, prev2);
    }

    /// Serialises the model (see the module doc for the format).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        let w = &self.weights;
        let mut i = 0;
        while i < w.len() {
            let zeros = w[i..].iter().take_while(|&&x| x == 0).count();
            i += zeros;
            let nonzero = w[i..].iter().take_while(|&&x| x != 0).count();
            write_leb(&mut out, zeros as u64);
            write_leb(&mut out, nonzero as u64);
            for &x in &w[i..i + nonzero] {
                out.extend_from_slice(&x.to_le_bytes());
            }
            i += nonzero;
        }
        out
    }

    /// Reads a model written by [`Model::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        let header = bytes
            .get(..20)
            .ok_or_else(|| ModelError::Header(bytes.to_vec()))?;
        if &header[..8] != MAGIC {
            return Err(ModelError::Header(header[..8].to_vec()));
        }
        let word =
            |k: usize| u32::from_le_bytes([header[k], header[k + 1], header[k + 2], header[k + 3]]);
        let (version, bits, tags) = (word(8), word(12), word(16));
        if version != VERSION || tags as usize != TAGS {
            return Err(ModelError::Version(version, tags));
        }
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Bits(bits));
        }
        let len = (1usize << bits) * TAGS;
        let mut weights = vec![0i16; len];
        let mut pos = 20;
        let mut i: usize = 0;
        while pos < bytes.len() {
            let zeros = read_leb(bytes, &mut pos)? as usize;
            let nonzero = read_leb(bytes, &mut pos)? as usize;
            i = i
                .checked_add(zeros)
                .filter(|&k| k <= len)
                .ok_or(ModelError::Body(pos))?;
            let end = i
                .checked_add(nonzero)
                .filter(|&k| k <= len)
                .ok_or(ModelError::Body(pos))?;
            let body = bytes
                .get(pos..pos + 2 * nonzero)
                .ok_or(ModelError::Body(pos))?;
            for (w, b) in weights[i..end].iter_mut().zip(body.chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            pos += 2 * nonzero;
            i = end;
        }
        Ok(Model { bits, weights })
    }
}

/// The best tag allowed after `prev`.
pub fn best_tag<T: PartialOrd + Copy>(scores: &[T; TAGS], prev: u8) -> u8 {
    let mut best = O;
    for tag in 1..TAGS as u8 {
        if allowed(prev, tag) && scores[tag as usize] > scores[best as usize] {
            best = tag;
        }
    }
    best
}

fn write_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_leb(bytes: &[u8], pos: &mut usize) -> Result<u64, ModelError> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos).ok_or(ModelError::Body(*pos))?;
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(ModelError::Body(*pos))
}

/// The shipped model, decoded on first use. A model that fails to decode (a build with a
/// damaged data file) yields `None`, and detection falls back to gazetteers and rules.
pub fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::decode(include_bytes!("../../../data/ner-model.bin")).ok())
        .as_ref()
}

/// The shipped second-pass model (document hints from the first pass), decoded on first use.
pub fn shipped_second() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::decode(include_bytes!("../../../data/ner-model-doc.bin")).ok())
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        assert!(allowed(O, 1));
        assert!(!allowed(O, 2));
        assert!(allowed(1, 2) && allowed(2, 2));
        assert!(!allowed(3, 2));
        assert_eq!(tag_type(4), Some(1));
        assert!(is_begin(begin_of(3)));
    }

    #[test]
    fn best_tag_respects_constraints() {
        let mut scores = [0i32; TAGS];
        scores[2] = 10;
        scores[1] = 5;
        assert_eq!(best_tag(&scores, O), 1);
        assert_eq!(best_tag(&scores, 1), 2);
    }

    #[test]
    fn encode_decode_round_trip() {
        let mut w = vec![0i16; (1 << 8) * TAGS];
        w[3] = 7;
        w[4] = -300;
        w[1000] = 1;
        let m = Model::from_weights(8, w);
        let bytes = m.encode();
        assert_eq!(Model::decode(&bytes), Ok(m));
    }

    #[test]
    fn decode_rejects_bad_input() {
        assert!(matches!(Model::decode(b"nope"), Err(ModelError::Header(_))));
        let m = Model::from_weights(8, vec![1; (1 << 8) * TAGS]);
        let bytes = m.encode();
        assert!(matches!(
            Model::decode(&bytes[..bytes.len() - 1]),
            Err(ModelError::Body(_))
        ));
    }

    #[test]
    fn shipped_models_decode() {
        assert!(shipped().is_some());
        assert!(shipped_second().is_some());
    }
}
