//! Checks that entity detection finds the same mentions and groups on FILE whatever the
//! chunk size: `cargo run --release --example chunk_agreement -- FILE [CHUNK_BYTES...]`
//! (default sizes: 200 bytes, 4 KiB, 64 KiB). Exits non-zero on the first difference.

use anyhow::Context;
use gloss::detect::entities;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: chunk_agreement FILE [CHUNK_BYTES...]")?;
    let mut sizes = args
        .map(|a| a.parse::<usize>())
        .collect::<Result<Vec<_>, _>>()
        .context("CHUNK_BYTES: expected numbers")?;
    if sizes.is_empty() {
        sizes = vec![200, 4096, 65536];
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("{path}: cannot read"))?;
    let whole = entities::detect_chunked(&text, usize::MAX);
    for size in sizes {
        let chunked = entities::detect_chunked(&text, size);
        if chunked != whole {
            let first = whole.0.iter().zip(&chunked.0).position(|(a, b)| a != b);
            anyhow::bail!(
                "{path}: chunks of {size} bytes differ ({} vs {} mentions, {} vs {} groups; first different mention {first:?})",
                chunked.0.len(),
                whole.0.len(),
                chunked.1.len(),
                whole.1.len()
            );
        }
        println!(
            "{path}: chunks of {size} bytes agree ({} mentions)",
            whole.0.len()
        );
    }
    Ok(())
}
