//! Times each detector and the whole of `gloss::detect::detect` on one file (release mode):
//! `cargo run --release --example bench_detect -- FILE [RUNS] [COPIES]`.
//!
//! COPIES concatenates the file with itself that many times first (1x, 2x, 4x, 8x show
//! whether detection scales linearly). Prints the start-up cost (decoding the shipped models
//! and indexing the gazetteers, paid once per process), then the median and the best of RUNS
//! runs of each detector and of all three, and the process's peak resident memory.

use std::time::{Duration, Instant};

use anyhow::Context;
use gloss::detect::{dates, entities, quotes};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: bench_detect FILE [RUNS] [COPIES]")?;
    let runs: usize = args
        .next()
        .map_or(Ok(5), |r| r.parse())
        .context("RUNS: expected a number")?;
    let copies: usize = args
        .next()
        .map_or(Ok(1), |r| r.parse())
        .context("COPIES: expected a number")?;
    let one = std::fs::read_to_string(&path).with_context(|| format!("{path}: cannot read"))?;
    let text = one.repeat(copies.max(1));
    let date = "2020-01-06".parse().ok();

    let t = Instant::now();
    let (anns, groups) = entities::detect("Warm up.");
    let startup = t.elapsed();
    drop((anns, groups));

    let (ents, groups) = entities::detect(&text);
    let report = |name: &str, mut times: Vec<Duration>, found: usize| {
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{name:<9} median {:.3} s  best {:.3} s  ({found} found)",
            median.as_secs_f64(),
            times[0].as_secs_f64()
        );
    };
    println!(
        "{path} x{copies}: {} bytes, {runs} runs; start-up (models, gazetteers) {:.3} s",
        text.len(),
        startup.as_secs_f64()
    );
    let time = |f: &mut dyn FnMut() -> usize| {
        let mut times = Vec::with_capacity(runs);
        let mut found = 0;
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            found = f();
            times.push(t.elapsed());
        }
        (times, found)
    };
    let (t, n) = time(&mut || entities::tokens::tokenize(&text).len());
    report("tokenize", t, n);
    let (t, n) = time(&mut || entities::detect(&text).0.len());
    report("entities", t, n);
    let (t, n) = time(&mut || dates::detect(&text, date).len());
    report("dates", t, n);
    let (t, n) = time(&mut || quotes::detect(&text, &ents, &groups).len());
    report("quotes", t, n);
    let (t, n) = time(&mut || quotes::prepare(&text).attribute(&[], &[]).len());
    report("q-prepare", t, n);
    let (t, n) = time(&mut || gloss::detect::detect(&text, date).items().len());
    report("all", t, n);
    // The rest of `gloss annotate`, to see what detection's share of the whole process is.
    let t = Instant::now();
    let article = gloss::ingest::from_bytes(
        text.as_bytes(),
        gloss::ingest::Format::Plain,
        &path,
        &gloss::ingest::LoadOptions::default(),
    )?;
    let load = t.elapsed();
    let t = Instant::now();
    let set = gloss::detect::detect_article(&article);
    let detect = t.elapsed();
    let t = Instant::now();
    let json = gloss::export::document_json(&article, &set);
    let export = t.elapsed();
    let t = Instant::now();
    let out = serde_json::to_vec_pretty(&json)?;
    let write = t.elapsed();
    println!(
        "annotate: ingest {:.3} s, detect {:.3} s, document_json {:.3} s, serialise {:.3} s ({} bytes)",
        load.as_secs_f64(),
        detect.as_secs_f64(),
        export.as_secs_f64(),
        write.as_secs_f64(),
        out.len()
    );
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}

/// The process's peak resident set, from `/proc/self/status` (Linux); `None` elsewhere.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
