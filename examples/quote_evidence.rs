//! Speaker accuracy per kind of evidence on a gold file: `cargo run --release --example
//! quote_evidence -- GOLD.jsonl`. Runs gloss's detectors over each gold document, matches
//! its quotes to the gold ones (half of the shorter span overlapping, as the scorer does)
//! and, for each kind of evidence a speaker was chosen on, prints how many matched quotes
//! with a gold speaker it decided and how many of those have the right surname. With
//! `--errors`, the wrong ones are listed first.

use std::collections::BTreeMap;

use anyhow::Context;
use gloss::annotation::{AnnotationKind, Evidence};
use gloss::detect::quotes::train::{GoldQuotes, surname_key};

use gloss::export::read_gold_file;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .context("usage: quote_evidence GOLD.jsonl")?;
    // With --errors, every quote whose speaker is wrong is listed first.
    let errors = std::env::args().any(|a| a == "--errors");
    // Evidence -> (decided, right).
    let mut table: BTreeMap<Evidence, (u32, u32)> = BTreeMap::new();
    for doc in read_gold_file(&path).map_err(anyhow::Error::msg)? {
        let gold = GoldQuotes::new(&doc.text, &doc.quotes());
        let set = gloss::detect::detect(&doc.text, None);
        for a in set.items() {
            let AnnotationKind::Quote(info) = &a.kind else {
                continue;
            };
            let Some(Some(want)) = gold.speaker(&a.span) else {
                continue;
            };
            // As the JSON export names the speaker.
            let last = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
            let said = info
                .speaker_group
                .and_then(|g| set.group(g))
                .map(|g| g.name.as_str())
                .filter(|n| info.speaker.as_deref().is_none_or(|s| last(s) == last(n)))
                .or(info.speaker.as_deref());
            let row = table.entry(info.evidence).or_default();
            let right = said.and_then(surname_key).as_deref() == Some(want);
            row.0 += 1;
            row.1 += u32::from(right);
            if errors && !right {
                let quote: String = doc.text[a.span.clone()].chars().take(70).collect();
                println!(
                    "{:<16} want {want:<12} said {:<24} {quote:?}",
                    info.evidence.as_str(),
                    said.unwrap_or("-")
                );
            }
        }
    }
    let (all, right) = table.values().fold((0, 0), |t, r| (t.0 + r.0, t.1 + r.1));
    println!(
        "{:<18} {:>7} {:>7} {:>8}",
        "evidence", "quotes", "right", "accuracy"
    );
    for (e, (n, r)) in &table {
        println!(
            "{:<18} {n:>7} {r:>7} {:>8.3}",
            e.as_str(),
            f64::from(*r) / f64::from((*n).max(1))
        );
    }
    println!(
        "{:<18} {all:>7} {right:>7} {:>8.3}",
        "all",
        f64::from(right) / f64::from(all.max(1))
    );
    Ok(())
}
