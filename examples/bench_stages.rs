//! Times each pass of the entity detector on one file (release mode), to find the slow one:
//! `cargo run --release --example bench_stages -- FILE [CHUNK_BYTES]`. The passes are told
//! apart by the progress the detector reports (see `gloss::detect::entities::passes`).

use std::time::Instant;

use anyhow::Context;
use gloss::detect::entities::{chunks, passes, tokens};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: bench_stages FILE [CHUNK_BYTES]")?;
    let chunk: usize = args
        .next()
        .map_or(Ok(chunks::CHUNK_BYTES), |c| c.parse())
        .context("CHUNK_BYTES: expected a number")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("{path}: cannot read"))?;
    let t = Instant::now();
    let _ = gloss::detect::entities::gazetteer::get();
    let _ = gloss::detect::entities::model::shipped();
    let _ = gloss::detect::entities::model::shipped_second();
    println!(
        "gazetteer index and models {:.3}s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n = tokens::tokenize(&text).len();
    println!(
        "tokenize whole {:.3}s ({n} tokens)",
        t.elapsed().as_secs_f64()
    );
    let names = [
        "casing",
        "first tagging",
        "second tagging",
        "consistency",
        "grouping",
    ];
    let whole: f32 = passes::WEIGHTS.iter().sum();
    let bounds: Vec<f32> = passes::WEIGHTS
        .iter()
        .scan(0.0, |s, w| {
            *s += w;
            Some(*s / whole)
        })
        .collect();
    let mut pass = 0;
    let start = Instant::now();
    let mut last = start;
    let (anns, groups) = passes::detect(&text, chunk, &mut |done| {
        // A pass ends when the reported fraction reaches its bound.
        while pass < bounds.len() && done >= bounds[pass] - 1e-6 {
            println!("{:<15} {:.3}s", names[pass], last.elapsed().as_secs_f64());
            last = Instant::now();
            pass += 1;
        }
    });
    println!(
        "entities {:.3}s ({} mentions, {} groups)",
        start.elapsed().as_secs_f64(),
        anns.len(),
        groups.len()
    );
    Ok(())
}
