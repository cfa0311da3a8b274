//! Times each stage of the entity detector on one file (release mode), to find the slow one.

use std::time::Instant;

use anyhow::Context;
use gloss::detect::entities::{features, grouping, mentions, model, tokens};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .context("usage: bench_stages FILE")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("{path}: cannot read"))?;
    let t = Instant::now();
    let _ = gloss::detect::entities::gazetteer::get();
    println!("gazetteer index {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let _ = model::shipped();
    println!("model decode {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let toks = tokens::tokenize(&text);
    println!(
        "tokenize {:.3}s ({} tokens)",
        t.elapsed().as_secs_f64(),
        toks.len()
    );
    let t = Instant::now();
    let doc = features::DocFeatures::new(&text, &toks);
    println!("doc features {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let tags = model::shipped()
        .map(|m| m.tag(&text, &toks, &doc))
        .unwrap_or_default();
    println!("tag {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let found = mentions::refine(&text, &toks, &doc, mentions::from_tags(&tags));
    println!("refine {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let (a, g) = grouping::group(&text, &toks, &found);
    println!(
        "group {:.3}s ({} mentions, {} groups)",
        t.elapsed().as_secs_f64(),
        a.len(),
        g.len()
    );
    Ok(())
}
