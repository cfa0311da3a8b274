//! Extraction alone of one web page (bytes -> `Article`, no detection), for its peak memory
//! under `/usr/bin/time -v`: `cargo run --release --example html_extract_rss -- PAGE.html`.
//! scripts/html_robustness.sh runs it beside `gloss annotate` on the 50 MB page.

use gloss::ingest::{Format, LoadOptions, from_bytes};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: html_extract_rss PAGE.html"))?;
    let bytes = std::fs::read(&path)?;
    let article = from_bytes(&bytes, Format::Html, &path, &LoadOptions::default())?;
    drop(bytes);
    println!("{} bytes of text", article.text.len());
    Ok(())
}
