//! Runs the entity detector over a gold JSONL file and writes predictions in the
//! evaluation format (code point offsets), for `python3 /work/shared/eval/score.py`:
//! `cargo run --release --example score_entities -- GOLD.jsonl > PRED.jsonl`.

use std::io::{BufRead, BufReader, Write};

use anyhow::Context;
use gloss::annotation::AnnotationKind;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .context("usage: score_entities GOLD.jsonl")?;
    let file = std::fs::File::open(&path).with_context(|| format!("{path}: cannot open"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{path}:{}: expected JSON", n + 1))?;
        let text = doc["text"].as_str().unwrap_or("");
        let (anns, _) = gloss::detect::entities::detect(text);
        // Byte offset -> code point offset.
        let mut cp = vec![0usize; text.len() + 1];
        let mut k = 0;
        for (b, c) in text.char_indices() {
            cp[b] = k;
            k += 1;
            let _ = c;
        }
        cp[text.len()] = k;
        let annotations: Vec<serde_json::Value> = anns
            .iter()
            .filter_map(|a| match a.kind {
                AnnotationKind::Entity { label, .. } => Some(serde_json::json!({
                    "kind": "entity", "start": cp[a.span.start], "end": cp[a.span.end], "label": label.as_str()
                })),
                _ => None,
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": doc["id"], "annotations": annotations})
        )?;
    }
    Ok(())
}
