//! Trains the entity tagger: `train-ner TRAIN.jsonl OUT.bin [--dev DEV.jsonl] [--epochs N]
//! [--bits B] [--prune P]`. Reads documents in the evaluation JSONL format (code point
//! offsets), trains the averaged perceptron with a fixed document order per epoch
//! (deterministic shuffle), and writes the pruned, quantised model. With `--dev`, prints
//! token accuracy on it after each epoch.

use std::ops::Range;

use anyhow::{Context, bail};
use gloss::detect::entities::features::DocFeatures;
use gloss::detect::entities::model::Model;
use gloss::detect::entities::tokens::tokenize;
use gloss::detect::entities::train::{Trainer, gold_tags, label_type};

use gloss::export::read_gold_file;

/// Documents as (text, gold tags).
fn load(path: &str) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut misaligned = 0;
    for doc in read_gold_file(path).map_err(anyhow::Error::msg)? {
        // Code point offsets -> byte offsets.
        let mut bytes: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
        bytes.push(doc.text.len());
        let spans: Vec<(Range<usize>, u8)> = doc
            .annotations
            .iter()
            .filter(|a| a.kind == "entity" && a.end < bytes.len() && a.start < a.end)
            .map(|a| (bytes[a.start]..bytes[a.end], label_type(&a.label)))
            .collect();
        let tokens = tokenize(&doc.text);
        let (tags, bad) = gold_tags(&tokens, &spans);
        misaligned += bad;
        out.push((doc.text, tags));
    }
    eprintln!(
        "{path}: {} documents, {misaligned} entity spans off token boundaries",
        out.len()
    );
    Ok(out)
}

/// The first pass's tags of every document.
fn first_pass_tags(model: &Model, docs: &[&(String, Vec<u8>)]) -> Vec<Vec<u8>> {
    docs.iter()
        .map(|(text, _)| {
            let tokens = tokenize(text);
            let doc = DocFeatures::new(text, &tokens);
            model.tag(text, &tokens, &doc)
        })
        .collect()
}

/// Trains one model for `epochs` over `docs` (with first-pass tags for a second pass).
fn train_model(
    docs: &[&(String, Vec<u8>)],
    first: Option<&[Vec<u8>]>,
    epochs: usize,
    bits: u32,
    prune: f32,
    label: &str,
) -> Model {
    let mut trainer = Trainer::new(bits);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for epoch in 0..epochs {
        // Deterministic Fisher-Yates shuffle (xorshift), so a rebuild is byte-identical.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut ok, mut n) = (0, 0);
        for &d in &order {
            let hints = first.map(|f| f[d].as_slice());
            let (c, s) = trainer.learn(&docs[d].0, &docs[d].1, hints);
            ok += c;
            n += s;
        }
        eprintln!(
            "{label} epoch {}: train accuracy on scored tokens {:.4}",
            epoch + 1,
            ok as f64 / n.max(1) as f64
        );
    }
    trainer.finish(prune)
}

fn accuracy(model: &Model, docs: &[(String, Vec<u8>)]) -> (f64, f64) {
    let (mut ok, mut n, mut ent_ok, mut ent_n) = (0usize, 0usize, 0usize, 0usize);
    for (text, gold) in docs {
        let tokens = tokenize(text);
        let doc = DocFeatures::new(text, &tokens);
        let tags = model.tag(text, &tokens, &doc);
        for (p, g) in tags.iter().zip(gold) {
            n += 1;
            ok += usize::from(p == g);
            if *g != 0 || *p != 0 {
                ent_n += 1;
                ent_ok += usize::from(p == g);
            }
        }
    }
    (
        ok as f64 / n.max(1) as f64,
        ent_ok as f64 / ent_n.max(1) as f64,
    )
}

/// Where the second-pass model goes: `ner-model.bin` -> `ner-model-doc.bin`.
fn second_path(first: &str) -> String {
    match first.strip_suffix(".bin") {
        Some(stem) => format!("{stem}-doc.bin"),
        None => format!("{first}-doc"),
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let (mut dev, mut epochs, mut bits, mut prune) = (None, 10usize, 17u32, 0.05f32);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().with_context(|| format!("{a}: expected a value"));
        match a.as_str() {
            "--dev" => dev = Some(value()?.clone()),
            "--epochs" => epochs = value()?.parse().context("--epochs: expected a number")?,
            "--bits" => bits = value()?.parse().context("--bits: expected a number")?,
            "--prune" => prune = value()?.parse().context("--prune: expected a number")?,
            _ => positional.push(a.clone()),
        }
    }
    let [train_path, out_path] = positional.as_slice() else {
        bail!(
            "usage: train-ner TRAIN.jsonl OUT.bin [--dev DEV.jsonl] [--epochs N] [--bits B] [--prune P]"
        );
    };
    let train = load(train_path)?;
    let dev = dev.map(|p| load(&p)).transpose()?;
    let all: Vec<&(String, Vec<u8>)> = train.iter().collect();
    let model = train_model(&all, None, epochs, bits, prune, "first pass");
    // The second pass learns from first-pass tags it has not been trained on: each half of
    // the training set is tagged by a model trained on the other half (two-fold jackknife).
    let mut first: Vec<Vec<u8>> = vec![Vec::new(); all.len()];
    for fold in 0..2 {
        let (held, rest): (Vec<usize>, Vec<usize>) = (0..all.len()).partition(|i| i % 2 == fold);
        let rest_docs: Vec<&(String, Vec<u8>)> = rest.iter().map(|&i| all[i]).collect();
        let m = train_model(&rest_docs, None, epochs, bits, prune, "jackknife");
        let held_docs: Vec<&(String, Vec<u8>)> = held.iter().map(|&i| all[i]).collect();
        for (i, tags) in held.iter().zip(first_pass_tags(&m, &held_docs)) {
            first[*i] = tags;
        }
    }
    let second = train_model(&all, Some(&first), epochs, bits, prune, "second pass");
    if let Some(dev) = &dev {
        let (acc, ent) = accuracy(&model, dev);
        eprintln!("dev: token accuracy {acc:.4}, entity-token accuracy {ent:.4}");
    }
    for (path, m) in [(out_path.clone(), &model), (second_path(out_path), &second)] {
        let bytes = m.encode();
        std::fs::write(&path, &bytes).with_context(|| format!("{path}: cannot write"))?;
        eprintln!(
            "{path}: {} bytes, {} non-zero weights",
            bytes.len(),
            m.nonzero()
        );
    }
    Ok(())
}
