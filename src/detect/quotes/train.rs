//! Fitting the speaker ranker ([`super::ranker`]) on gold quotes: the gold documents of
//! the evaluation format, matched to the quotes gloss finds, and an averaged perceptron
//! that learns, quote by quote in text order, to rank a gold speaker first. Used by
//! `src/bin/train-quotes.rs` and `examples/quote_evidence.rs`.

use std::ops::Range;

use super::quote::Candidate;
use super::ranker::{Chooser, N_FEATURES, Ranker, STRONGEST};

/// The gold quotes of one document: byte spans and the speaker's surname key.
#[derive(Debug, Clone, Default)]
pub struct GoldQuotes {
    quotes: Vec<(Range<usize>, Option<String>)>,
}

/// The key two speaker names are compared by, as the scorer does: the last word,
/// case-folded, punctuation left out.
pub fn surname_key(name: &str) -> Option<String> {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    folded.split_whitespace().last().map(str::to_string)
}

impl GoldQuotes {
    /// `quotes` are (start, end, speaker) in code points of `text`.
    pub fn new(text: &str, quotes: &[(usize, usize, Option<String>)]) -> GoldQuotes {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let quotes = quotes
            .iter()
            .filter(|q| q.0 < q.1 && q.1 < bytes.len())
            .map(|(s, e, who)| (bytes[*s]..bytes[*e], who.as_deref().and_then(surname_key)))
            .collect();
        GoldQuotes { quotes }
    }

    /// The gold quote matching `span` (overlapping at least half of the shorter), if any:
    /// `Some(None)` when it has no speaker.
    pub fn speaker(&self, span: &Range<usize>) -> Option<Option<&str>> {
        self.quotes
            .iter()
            .find(|(g, _)| {
                let overlap = g.end.min(span.end).saturating_sub(g.start.max(span.start));
                2 * overlap >= g.len().min(span.len()) && overlap > 0
            })
            .map(|(_, who)| who.as_deref())
    }
}

/// The candidates of `cands` naming the gold speaker `gold`.
pub fn correct(cands: &[Candidate], gold: &str) -> Vec<usize> {
    (0..cands.len())
        .filter(|&k| {
            cands[k]
                .info
                .speaker
                .as_deref()
                .and_then(surname_key)
                .is_some_and(|s| s == gold)
        })
        .collect()
}

/// An averaged perceptron ranking the candidates of each quote of one document at a time
/// ([`Perceptron::gold`] set before each).
pub struct Perceptron {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    steps: u64,
    pub gold: GoldQuotes,
    /// Quotes with a gold speaker seen, those ranked right, those with no right candidate.
    pub seen: u64,
    pub right: u64,
    pub unreachable: u64,
}

impl Default for Perceptron {
    fn default() -> Self {
        Perceptron {
            weights: vec![0.0; N_FEATURES],
            totals: vec![0.0; N_FEATURES],
            stamps: vec![0; N_FEATURES],
            steps: 0,
            gold: GoldQuotes::default(),
            seen: 0,
            right: 0,
            unreachable: 0,
        }
    }
}

impl Perceptron {
    /// A perceptron starting from the cascade of the rules: the candidate with the
    /// strongest evidence weighted `prior`, so that only evidence against it repeated
    /// over many quotes moves the choice.
    pub fn with_prior(prior: f32) -> Perceptron {
        let mut p = Perceptron::default();
        p.weights[STRONGEST] = prior;
        p
    }

    fn bump(&mut self, f: usize, delta: f32) {
        self.totals[f] += f64::from(self.weights[f]) * (self.steps - self.stamps[f]) as f64;
        self.stamps[f] = self.steps;
        self.weights[f] += delta;
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Ranker {
        let steps = self.steps.max(1) as f64;
        let weights = (0..N_FEATURES)
            .map(|f| {
                let total = self.totals[f]
                    + f64::from(self.weights[f]) * (self.steps - self.stamps[f]) as f64;
                (total / steps) as f32
            })
            .collect();
        Ranker { weights }
    }

    fn current(&self) -> Ranker {
        Ranker {
            weights: self.weights.clone(),
        }
    }
}

impl Chooser for Perceptron {
    fn choose(
        &mut self,
        span: Range<usize>,
        cands: &[Candidate],
        feats: &[Vec<u16>],
    ) -> Option<usize> {
        let model = self.current();
        let pred = model.best(feats);
        let Some(Some(gold)) = self.gold.speaker(&span) else {
            return pred;
        };
        self.steps += 1;
        self.seen += 1;
        let good = correct(cands, gold);
        let Some(target) = good.iter().copied().max_by(|&a, &b| {
            model
                .score(&feats[a])
                .total_cmp(&model.score(&feats[b]))
                .then(b.cmp(&a))
        }) else {
            self.unreachable += 1;
            return pred;
        };
        match pred {
            Some(p) if good.contains(&p) => self.right += 1,
            Some(p) => {
                for &f in &feats[target] {
                    self.bump(f as usize, 1.0);
                }
                for &f in &feats[p] {
                    self.bump(f as usize, -1.0);
                }
            }
            None => {}
        }
        pred
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_compare_as_the_scorer_does() {
        assert_eq!(surname_key("Donald J. Trump").as_deref(), Some("trump"));
        assert_eq!(surname_key("O'Neill").as_deref(), Some("neill"));
        assert_eq!(surname_key("  "), None);
    }

    #[test]
    fn gold_matches_by_half_overlap() {
        let text = "ab “cdef” gh";
        let g = GoldQuotes::new(text, &[(3, 9, Some("Ann Lee".into()))]);
        assert_eq!(g.speaker(&(3..13)), Some(Some("lee")));
        assert_eq!(g.speaker(&(0..2)), None);
    }
}
