//! Trains the quote speaker ranker: `train-quotes TRAIN.jsonl OUT.tsv [--epochs N]
//! [--prior P]` (P: the starting weight of the rules' own choice).
//! Reads gold documents in the evaluation JSONL format (code point offsets; quotes with
//! their `speaker`), detects the entities of each once, then runs quote attribution over
//! every document per epoch in a fixed shuffled order, an averaged perceptron choosing
//! each quote's speaker among its candidates. Writes the averaged weights as text; the
//! same inputs give the same file, byte for byte.

use anyhow::{Context, bail};
use gloss::annotation::{Annotation, EntityGroup};
use gloss::detect::entities;
use gloss::detect::quotes::{self, train::GoldQuotes, train::Perceptron};

use gloss::export::read_gold_file;

/// A document with its entities detected and its gold quotes.
struct Prepared {
    text: String,
    entities: Vec<Annotation>,
    groups: Vec<EntityGroup>,
    gold: GoldQuotes,
}

fn load(path: &str) -> anyhow::Result<Vec<Prepared>> {
    let mut out = Vec::new();
    for doc in read_gold_file(path).map_err(anyhow::Error::msg)? {
        let gold = GoldQuotes::new(&doc.text, &doc.quotes());
        let (entities, groups) = entities::detect(&doc.text);
        out.push(Prepared {
            text: doc.text,
            entities,
            groups,
            gold,
        });
    }
    Ok(out)
}

/// A fixed permutation of `0..n` for epoch `epoch` (a linear congruential generator).
fn order(n: usize, epoch: u64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ epoch;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (state >> 33) as usize % (i + 1);
        idx.swap(i, j);
    }
    idx
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut epochs = 6u64;
    let mut prior = 10.0f32;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => {
                epochs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .context("--epochs: expected a number")?;
            }
            "--prior" => {
                prior = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .context("--prior: expected a number")?;
            }
            _ => files.push(a.clone()),
        }
    }
    let [train, out] = files.as_slice() else {
        bail!("usage: train-quotes TRAIN.jsonl OUT.tsv [--epochs N] [--prior P]");
    };
    let docs = load(train)?;
    eprintln!("{} documents", docs.len());
    let mut p = Perceptron::with_prior(prior);
    for epoch in 0..epochs {
        (p.seen, p.right, p.unreachable) = (0, 0, 0);
        for i in order(docs.len(), epoch) {
            let d = &docs[i];
            p.gold = d.gold.clone();
            quotes::prepare(&d.text).attribute_with(&d.entities, &d.groups, &mut p);
        }
        eprintln!(
            "epoch {}: {} quotes with a gold speaker, {} ranked right ({:.3}), {} with no right candidate",
            epoch + 1,
            p.seen,
            p.right,
            p.right as f64 / p.seen.max(1) as f64,
            p.unreachable
        );
    }
    std::fs::write(out, p.averaged().write()).with_context(|| format!("{out}: cannot write"))?;
    Ok(())
}
