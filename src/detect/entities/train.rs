//! Training of the entity tagger (used by `src/bin/train-ner.rs`): gold BIO tags from
//! labelled spans, the averaged perceptron's updates with lazy averaging, and pruning and
//! quantisation of the averaged weights into a [`Model`].

use std::ops::Range;

use super::features::{DocFeatures, MAX_FEATURES};
use super::model::{Model, O, TAGS, begin_of, best_tag, skippable};
use super::tokens::{Token, tokenize};

/// The entity type index of a gold label (`PERSON` 0, `ORG` 1, `PLACE` 2, anything else
/// named 3), as the tags count them.
pub fn label_type(label: &str) -> u8 {
    match label {
        "PERSON" | "PER" => 0,
        "ORG" => 1,
        "PLACE" | "LOC" | "GPE" => 2,
        _ => 3,
    }
}

/// Gold tags for `tokens` from entity spans (byte ranges with type index). Returns the tags
/// and how many spans did not fall on token boundaries (those are left `O`).
pub fn gold_tags(tokens: &[Token], spans: &[(Range<usize>, u8)]) -> (Vec<u8>, usize) {
    let mut tags = vec![O; tokens.len()];
    let mut misaligned = 0;
    for (span, ty) in spans {
        let first = tokens.partition_point(|t| t.start() < span.start);
        let last = tokens.partition_point(|t| t.end() <= span.end);
        let aligned = first < last
            && tokens[first].start() == span.start
            && tokens[last - 1].end() == span.end;
        if !aligned {
            misaligned += 1;
            continue;
        }
        tags[first] = begin_of(*ty);
        for t in &mut tags[first + 1..last] {
            *t = begin_of(*ty) + 1;
        }
    }
    (tags, misaligned)
}

/// An averaged perceptron being trained.
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        let len = (1usize << bits) * TAGS;
        Trainer {
            bits,
            weights: vec![0.0; len],
            totals: vec![0.0; len],
            stamps: vec![0; len],
            step: 0,
        }
    }

    fn update(&mut self, index: usize, delta: f32) {
        let elapsed = f64::from(self.step - self.stamps[index]);
        self.totals[index] += elapsed * f64::from(self.weights[index]);
        self.stamps[index] = self.step;
        self.weights[index] += delta;
    }

    /// One pass over one document with the current weights, updating on each wrong tag.
    /// `first_pass` (the first-pass tagger's tags of this document) trains a second-pass
    /// model on document hints. Returns (correct, scored) token counts.
    pub fn learn(&mut self, text: &str, gold: &[u8], first_pass: Option<&[u8]>) -> (usize, usize) {
        let tokens = tokenize(text);
        let mut doc = DocFeatures::new(text, &tokens);
        if let Some(tags) = first_pass {
            doc.set_hints(&tokens, tags);
        }
        let mut feats = [0u64; MAX_FEATURES];
        let (mut prev, mut prev2) = (O, O);
        let (mut correct, mut scored) = (0, 0);
        for (i, t) in tokens.iter().enumerate() {
            self.step += 1;
            let g = gold.get(i).copied().unwrap_or(O);
            if skippable(t, text, doc.gaz(i), prev) {
                prev2 = prev;
                prev = O;
                continue;
            }
            let n = doc.features(text, &tokens, i, prev, prev2, &mut feats);
            let mut scores = [0f32; TAGS];
            for &f in &feats[..n] {
                let row = Model::bucket(self.bits, f) * TAGS;
                for (s, w) in scores.iter_mut().zip(&self.weights[row..row + TAGS]) {
                    *s += w;
                }
            }
            let guess = best_tag(&scores, prev);
            scored += 1;
            if guess == g {
                correct += 1;
            } else {
                for &f in &feats[..n] {
                    let row = Model::bucket(self.bits, f) * TAGS;
                    self.update(row + g as usize, 1.0);
                    self.update(row + guess as usize, -1.0);
                }
            }
            prev2 = prev;
            // Learn from its own history, as it will run.
            prev = guess;
        }
        (correct, scored)
    }

    /// The averaged weights, pruned below `prune` (in averaged-weight units) and quantised
    /// to `i16`.
    pub fn finish(mut self, prune: f32) -> Model {
        let step = f64::from(self.step.max(1));
        let mut avg = vec![0f32; self.weights.len()];
        for (k, a) in avg.iter_mut().enumerate() {
            let elapsed = f64::from(self.step - self.stamps[k]);
            self.totals[k] += elapsed * f64::from(self.weights[k]);
            *a = (self.totals[k] / step) as f32;
        }
        let max = avg
            .iter()
            .fold(0f32, |m, &w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = f32::from(i16::MAX) / max;
        let quantised = avg
            .iter()
            .map(|&w| {
                if w.abs() < prune {
                    0
                } else {
                    (w * scale).round() as i16
                }
            })
            .collect();
        Model::from_weights(self.bits, quantised)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_tags_follow_token_boundaries() {
        let text = "US President Donald Trump spoke.";
        let toks = tokenize(text);
        let (tags, bad) = gold_tags(&toks, &[(0..2, 2), (13..25, 0), (3..6, 1)]);
        assert_eq!(tags, [5, 0, 1, 2, 0, 0]);
        assert_eq!(bad, 1);
    }

    #[test]
    fn learns_a_tiny_pattern() {
        let text = "Yesterday Zorblat spoke to Quimby in Paris.";
        let toks = tokenize(text);
        let (gold, _) = gold_tags(&toks, &[(10..17, 0), (27..33, 0), (37..42, 2)]);
        let mut t = Trainer::new(12);
        for _ in 0..5 {
            t.learn(text, &gold, None);
        }
        let model = t.finish(0.0);
        let doc = DocFeatures::new(text, &toks);
        assert_eq!(model.tag(text, &toks, &doc), gold);
    }
}
