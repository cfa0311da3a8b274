//! The learned part of speaker attribution: a linear ranker over a quote's candidates.
//!
//! Each candidate is described by binary features ([`features`]): which kinds of evidence
//! proposed it (alone and with the shape of the quote: opening its paragraph, standing
//! alone in it, having a cue of its own, in a dialogue), how many did, whether it is a
//! person entity, how often and how near it is named. The weights were fitted by an
//! averaged perceptron on news attribution (`src/bin/train-quotes.rs`, data/README.md)
//! and are embedded from `data/quote-ranker.tsv`. Ties go to the candidate with the
//! strongest evidence, so a model without weights is the plain cascade of the rules.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::quote::Candidate;
use crate::annotation::Evidence;

/// The shape of a quote, shared by its candidates' features.
#[derive(Debug, Clone, Copy, Default)]
pub struct Situation {
    /// The quote opens its paragraph.
    pub opens_para: bool,
    /// The quote is its whole paragraph (no narration beside it).
    pub whole_para: bool,
    /// The quote has a cue of its own ("X said", "she said").
    pub has_cue: bool,
    /// The paragraph before holds a quote too: a dialogue.
    pub dialogue: bool,
}

const KINDS: usize = Evidence::ALL.len();
/// Conjunctions of each evidence kind: alone, and with each flag of [`Situation`].
const CONJ: [&str; 5] = ["", "&opens-para", "&whole-para", "&own-cue", "&dialogue"];
const N_SOURCES: usize = KINDS * CONJ.len();
const SOURCES_COUNT: usize = N_SOURCES;
const LABEL: usize = SOURCES_COUNT + 3;
const MENTIONS: usize = LABEL + 4;
const NEAR: usize = MENTIONS + 5;
const NEAR_BUCKETS: [usize; 5] = [20, 100, 300, 1000, usize::MAX];
const ONE_WORD: usize = NEAR + 1 + 2 * NEAR_BUCKETS.len();
const NEAREST: usize = ONE_WORD + 1;
const MOST_MENTIONED: usize = NEAREST + 1;
/// The candidate the cascade of the rules takes: the one with the strongest evidence.
pub const STRONGEST: usize = MOST_MENTIONED + 1;
/// How many features there are.
pub const N_FEATURES: usize = STRONGEST + 1;

/// The name of feature `f` in the weights file.
pub fn feature_name(f: usize) -> String {
    match f {
        _ if f < N_SOURCES => format!(
            "src:{}{}",
            Evidence::ALL[f % KINDS].as_str(),
            CONJ[f / KINDS]
        ),
        _ if f < LABEL => format!("sources:{}", f - SOURCES_COUNT + 1),
        _ if f < MENTIONS => [
            "label:person",
            "label:other",
            "label:name",
            "label:description",
        ][f - LABEL]
            .to_string(),
        _ if f < NEAR => format!("mentions:{}", ["0", "1", "2-3", "4-9", "10+"][f - MENTIONS]),
        _ if f == NEAR => "near:none".to_string(),
        _ if f < ONE_WORD => {
            let k = f - NEAR - 1;
            let side = if k.is_multiple_of(2) {
                "before"
            } else {
                "after"
            };
            match NEAR_BUCKETS[k / 2] {
                usize::MAX => format!("near:far:{side}"),
                b => format!("near:{b}:{side}"),
            }
        }
        ONE_WORD => "one-word".to_string(),
        NEAREST => "nearest".to_string(),
        MOST_MENTIONED => "most-mentioned".to_string(),
        STRONGEST => "strongest".to_string(),
        _ => format!("unknown:{f}"),
    }
}

/// The features of candidate `c` among `all`, for a quote of shape `s`.
pub fn features(c: &Candidate, all: &[Candidate], s: Situation) -> Vec<u16> {
    let mut out = Vec::with_capacity(24);
    let flags = [true, s.opens_para, s.whole_para, s.has_cue, s.dialogue];
    for (k, e) in Evidence::ALL.into_iter().enumerate() {
        if c.has(e) {
            for (j, _) in flags.iter().enumerate().filter(|(_, on)| **on) {
                out.push(j * KINDS + k);
            }
        }
    }
    out.push(SOURCES_COUNT + (c.sources.count_ones() as usize).clamp(1, 3) - 1);
    let name = c.info.speaker.as_deref().unwrap_or("");
    let capitalised = name.starts_with(char::is_uppercase);
    out.push(LABEL + label(c, capitalised));
    out.push(MENTIONS + bucket(c.mentions as usize, &[0, 1, 3, 9]));
    out.push(match c.near {
        None => NEAR,
        Some((d, before)) => NEAR + 1 + 2 * bucket(d, &NEAR_BUCKETS[..4]) + usize::from(!before),
    });
    if name.split_whitespace().count() == 1 {
        out.push(ONE_WORD);
    }
    let dist = |c: &Candidate| c.near.map_or(usize::MAX, |n| n.0);
    if c.near.is_some() && all.iter().all(|o| dist(o) >= dist(c)) {
        out.push(NEAREST);
    }
    if c.mentions > 0 && all.iter().all(|o| o.mentions <= c.mentions) {
        out.push(MOST_MENTIONED);
    }
    if all.first().is_some_and(|f| std::ptr::eq(f, c)) {
        out.push(STRONGEST);
    }
    out.into_iter().map(|f| f as u16).collect()
}

fn label(c: &Candidate, capitalised: bool) -> usize {
    match (c.person, c.info.speaker_group.is_some(), capitalised) {
        (true, _, _) => 0,
        (false, true, _) => 1,
        (false, false, true) => 2,
        (false, false, false) => 3,
    }
}

/// The index of the first bound `x` is at most, else one past the last.
fn bucket(x: usize, bounds: &[usize]) -> usize {
    bounds.iter().position(|&b| x <= b).unwrap_or(bounds.len())
}

/// Chooses a quote's speaker among its candidates: the embedded model, or a trainer.
pub trait Chooser {
    /// The index of the chosen candidate (`None`: no speaker) of the quote at `span`;
    /// `feats[k]` are the features of `cands[k]`.
    fn choose(
        &mut self,
        span: Range<usize>,
        cands: &[Candidate],
        feats: &[Vec<u16>],
    ) -> Option<usize>;
}

/// A linear model: one weight per feature.
#[derive(Debug, Clone)]
pub struct Ranker {
    pub weights: Vec<f32>,
}

impl Ranker {
    /// The model embedded in gloss (no weights, the rule cascade, if it cannot be read).
    pub fn embedded() -> &'static Ranker {
        static MODEL: OnceLock<Ranker> = OnceLock::new();
        MODEL.get_or_init(|| {
            Ranker::parse(include_str!("../../../data/quote-ranker.tsv"))
                .unwrap_or_else(|_| Ranker::zero())
        })
    }

    pub fn zero() -> Ranker {
        Ranker {
            weights: vec![0.0; N_FEATURES],
        }
    }

    pub fn score(&self, feats: &[u16]) -> f32 {
        feats.iter().map(|&f| self.weights[f as usize]).sum()
    }

    /// The best-scoring candidate; ties go to the first (the strongest evidence).
    pub fn best(&self, feats: &[Vec<u16>]) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (k, f) in feats.iter().enumerate() {
            let s = self.score(f);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((k, s));
            }
        }
        best.map(|(k, _)| k)
    }

    /// Reads a weights file: `name<TAB>weight` lines, `#` comments.
    pub fn parse(src: &str) -> Result<Ranker, String> {
        let names: HashMap<String, usize> = (0..N_FEATURES).map(|f| (feature_name(f), f)).collect();
        let mut r = Ranker::zero();
        for (n, line) in src.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || format!("quote-ranker.tsv:{}: expected `feature<TAB>weight`", n + 1);
            let (name, w) = line.split_once('\t').ok_or_else(bad)?;
            let f = *names.get(name).ok_or_else(bad)?;
            r.weights[f] = w.trim().parse().map_err(|_| bad())?;
        }
        Ok(r)
    }

    /// The weights file: every non-zero weight, in feature order, to 4 decimals.
    pub fn write(&self) -> String {
        let mut out =
            String::from("# gloss quote ranker: feature<TAB>weight (src/bin/train-quotes.rs)\n");
        for (f, w) in self.weights.iter().enumerate() {
            let w = format!("{w:.4}");
            if w.trim_start_matches('-')
                .trim_matches(['0', '.'])
                .is_empty()
            {
                continue;
            }
            out.push_str(&format!("{}\t{w}\n", feature_name(f)));
        }
        out
    }
}

impl Chooser for &Ranker {
    fn choose(&mut self, _: Range<usize>, _: &[Candidate], feats: &[Vec<u16>]) -> Option<usize> {
        self.best(feats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_distinct_and_read_back() {
        let names: std::collections::HashSet<String> = (0..N_FEATURES).map(feature_name).collect();
        assert_eq!(names.len(), N_FEATURES);
        assert!(names.iter().all(|n| !n.starts_with("unknown")));
        let mut r = Ranker::zero();
        r.weights[3] = 1.5;
        r.weights[N_FEATURES - 1] = -0.25;
        let back = Ranker::parse(&r.write()).unwrap();
        assert_eq!(back.weights, r.weights);
        assert!(Ranker::parse("nonsense\t1").is_err());
    }

    #[test]
    fn the_embedded_model_reads() {
        let src = include_str!("../../../data/quote-ranker.tsv");
        assert!(Ranker::parse(src).is_ok());
    }

    #[test]
    fn ties_go_to_the_first() {
        let r = Ranker::zero();
        assert_eq!(r.best(&[vec![1], vec![2]]), Some(0));
        assert_eq!(r.best(&[]), None);
    }
}
