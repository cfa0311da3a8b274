//! Times the entity detector alone on one file (release mode):
//! `cargo run --release --example bench_entities -- FILE [RUNS]`.
//! Prints the wall time of the first run (which includes decoding the model and indexing
//! the gazetteers) and the best of RUNS further runs. On a loaded machine, run it under
//! `time` and divide the user CPU time by RUNS + 1 for a figure that ignores contention.

use std::time::Instant;

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().context("usage: bench_entities FILE [RUNS]")?;
    let runs: usize = args
        .next()
        .map_or(Ok(3), |r| r.parse())
        .context("RUNS: expected a number")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("{path}: cannot read"))?;
    let t0 = Instant::now();
    let (anns, groups) = gloss::detect::entities::detect(&text);
    let first = t0.elapsed();
    let mut best = first;
    for _ in 0..runs {
        let t = Instant::now();
        let _ = gloss::detect::entities::detect(&text);
        best = best.min(t.elapsed());
    }
    println!(
        "{path}: {} bytes, {} mentions, {} groups; first run {:.3} s (with model load), best {:.3} s",
        text.len(),
        anns.len(),
        groups.len(),
        first.as_secs_f64(),
        best.as_secs_f64()
    );
    Ok(())
}
