//! Runs every detector over a gold JSONL file and writes the predictions as JSONL (code
//! point offsets, as `/work/shared/eval/FORMAT.md` asks), for `score.py`.
//!
//! `cargo run --release --example score_quotes -- GOLD.jsonl PRED.jsonl [--quotes-only]`
//! `cargo run --release --example score_quotes -- --time BOOK.txt` times the detectors.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

use anyhow::{Context, Result};
use gloss::annotation::AnnotationKind;
use serde_json::{Value, json};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        return time(args.get(1).context("usage: score_quotes --time FILE.txt")?);
    }
    let (Some(gold), Some(pred)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: score_quotes GOLD.jsonl PRED.jsonl [--quotes-only]");
    };
    let quotes_only = args.iter().any(|a| a == "--quotes-only");
    let input = BufReader::new(std::fs::File::open(gold).with_context(|| format!("open {gold}"))?);
    let mut out =
        BufWriter::new(std::fs::File::create(pred).with_context(|| format!("create {pred}"))?);
    let started = Instant::now();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value =
            serde_json::from_str(&line).with_context(|| format!("{gold}:{}", n + 1))?;
        let text = doc["text"].as_str().unwrap_or_default();
        let date = doc["date"].as_str().and_then(|d| d.parse().ok());
        let set = gloss::detect::detect(text, date);
        // Byte offset -> code point offset, by one walk over the text.
        let mut cp = vec![0usize; text.len() + 1];
        let mut k = 0;
        for (i, c) in text.char_indices() {
            for b in 0..c.len_utf8() {
                cp[i + b] = k;
            }
            k += 1;
        }
        cp[text.len()] = k;
        let mut anns = Vec::new();
        for a in set.items() {
            let (s, e) = (cp[a.span.start], cp[a.span.end]);
            match &a.kind {
                AnnotationKind::Quote(q) => {
                    anns.push(json!({"kind": "quote", "start": s, "end": e, "speaker": q.speaker}))
                }
                AnnotationKind::Entity { label, .. } if !quotes_only => anns
                    .push(json!({"kind": "entity", "start": s, "end": e, "label": label.as_str()})),
                AnnotationKind::Date(d) if !quotes_only => {
                    anns.push(json!({"kind": "date", "start": s, "end": e, "value": d.value}))
                }
                _ => {}
            }
        }
        writeln!(out, "{}", json!({"id": doc["id"], "annotations": anns}))?;
    }
    eprintln!("detected in {:.3} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Times the quote detector alone (no entities) and all detectors on one plain-text file.
fn time(path: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read {path}"))?;
    let started = Instant::now();
    let quotes = gloss::detect::quotes::detect(&text, &[], &[]);
    let alone = started.elapsed().as_secs_f64();
    let (entities, groups) = gloss::detect::entities::detect(&text);
    let started = Instant::now();
    let linked = gloss::detect::quotes::detect(&text, &entities, &groups);
    let with_entities = started.elapsed().as_secs_f64();
    println!(
        "quotes given {} entity mentions: {with_entities:.3} s ({} quotes)",
        entities.len(),
        linked.len()
    );
    let started = Instant::now();
    let set = gloss::detect::detect(&text, None);
    let all = started.elapsed().as_secs_f64();
    let n = set
        .items()
        .iter()
        .filter(|a| matches!(a.kind, AnnotationKind::Quote(_)))
        .count();
    println!(
        "{path}: {} bytes; quotes alone {alone:.3} s ({} quotes); all detectors {all:.3} s ({} annotations, {n} quotes)",
        text.len(),
        quotes.len(),
        set.len()
    );
    Ok(())
}
