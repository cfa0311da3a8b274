//! Runs the date detector over a gold JSONL file and writes predictions JSONL for
//! `/work/shared/eval/score.py` (offsets in code points, as FORMAT.md says).
//!
//! `cargo run --release --example score_dates -- GOLD.jsonl PRED.jsonl`
//! `cargo run --release --example score_dates -- --time BOOK.txt` times detection alone.

use std::io::{BufRead, BufReader, BufWriter, Write};

use anyhow::{Context, Result, bail};
use gloss::annotation::AnnotationKind;
use gloss::detect::dates;
use serde_json::{Value, json};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice()
        && flag == "--time"
    {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
        let start = std::time::Instant::now();
        let found = dates::detect(&text, "2020-01-06".parse().ok());
        let took = start.elapsed();
        // The second run leaves out the one-off compilation of the regexes.
        let again = std::time::Instant::now();
        dates::detect(&text, "2020-01-06".parse().ok());
        println!("second run: {:.1} ms", again.elapsed().as_secs_f64() * 1e3);
        println!(
            "{} dates in {} bytes, {:.1} ms",
            found.len(),
            text.len(),
            took.as_secs_f64() * 1e3
        );
        return Ok(());
    }
    let [gold, pred] = args.as_slice() else {
        bail!("usage: score_dates GOLD.jsonl PRED.jsonl");
    };
    let input =
        BufReader::new(std::fs::File::open(gold).with_context(|| format!("opening {gold}"))?);
    let mut out =
        BufWriter::new(std::fs::File::create(pred).with_context(|| format!("creating {pred}"))?);
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("{gold}:{}: reading", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value =
            serde_json::from_str(&line).with_context(|| format!("{gold}:{}: bad JSON", n + 1))?;
        let text = doc["text"].as_str().unwrap_or_default();
        let date = doc["date"].as_str().and_then(|d| d.parse().ok());
        // Byte offset -> code point offset, by one pass over the text.
        let mut cp_of = vec![0usize; text.len() + 1];
        let mut cp = 0;
        for (b, ch) in text.char_indices() {
            for slot in &mut cp_of[b..b + ch.len_utf8()] {
                *slot = cp;
            }
            cp += 1;
        }
        cp_of[text.len()] = cp;
        let annotations: Vec<Value> = dates::detect(text, date)
            .into_iter()
            .filter_map(|a| match a.kind {
                AnnotationKind::Date(info) => Some(json!({
                    "kind": "date",
                    "start": cp_of[a.span.start],
                    "end": cp_of[a.span.end],
                    "value": info.value,
                    "explanation": info.explanation,
                })),
                _ => None,
            })
            .collect();
        writeln!(
            out,
            "{}",
            json!({"id": doc["id"], "annotations": annotations})
        )?;
    }
    Ok(())
}
