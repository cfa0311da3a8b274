//! HTML reader mode: extraction per page (bytes -> `Article`, as `gloss page.html` and
//! `gloss annotate page.html` ingest it; no detection) over the dev pages of
//! `../shared/html-dev` (see `common/html_dev.rs`; skipped with a message when they are
//! not on disk).
//!
//! First a survey: every page extracted `SURVEY_RUNS` times, its fastest run kept, and the
//! median, 90th percentile and slowest across pages printed (the target is the
//! median under 10 ms). Then criterion on the page at the median, on the largest page, and
//! on all pages in one go.

#[path = "common/html_dev.rs"]
mod html_dev;
use html_dev::{HTML_DEV, case_name, dev_pages, find_html_dev};

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::ingest::{Format, LoadOptions, from_bytes};

const SURVEY_RUNS: usize = 5;

struct Page {
    name: String,
    bytes: Vec<u8>,
    fastest: Duration,
}

fn extract(bytes: &[u8]) -> usize {
    from_bytes(bytes, Format::Html, "page.html", &LoadOptions::default())
        .map_or(0, |a| a.text.len())
}

/// Every page timed `SURVEY_RUNS` times; sorted by its fastest run.
fn survey(paths: &[PathBuf]) -> Vec<Page> {
    let mut pages: Vec<Page> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let fastest = (0..SURVEY_RUNS)
                .map(|_| {
                    let start = Instant::now();
                    black_box(extract(black_box(&bytes)));
                    start.elapsed()
                })
                .min()?;
            Some(Page {
                name: case_name(p),
                bytes,
                fastest,
            })
        })
        .collect();
    pages.sort_by_key(|p| p.fastest);
    pages
}

fn print_survey(pages: &[Page]) {
    let at = |q: f64| &pages[((pages.len() - 1) as f64 * q).round() as usize];
    let ms = |p: &Page| p.fastest.as_secs_f64() * 1e3;
    let (median, p90, slowest) = (at(0.5), at(0.9), at(1.0));
    println!(
        "html extraction over {} dev pages (fastest of {SURVEY_RUNS} runs each): \
         median {:.2} ms ({}), p90 {:.2} ms, slowest {:.2} ms ({}, {} KB)",
        pages.len(),
        ms(median),
        median.name,
        ms(p90),
        ms(slowest),
        slowest.name,
        slowest.bytes.len() / 1000
    );
}

fn bench(c: &mut Criterion) {
    let Some(root) = find_html_dev() else {
        eprintln!("html bench skipped: ../{HTML_DEV} not found (set GLOSS_HTML_DEV)");
        return;
    };
    let pages = survey(&dev_pages(&root));
    if pages.is_empty() {
        eprintln!(
            "html bench skipped: no source.html under {}",
            root.display()
        );
        return;
    }
    print_survey(&pages);
    let median = &pages[pages.len() / 2];
    let largest = pages.iter().max_by_key(|p| p.bytes.len()).unwrap_or(median);
    let mut group = c.benchmark_group("html_extract");
    group.sample_size(20);
    for (label, page) in [("median page", median), ("largest page", largest)] {
        let id = format!("{label} {} ({} KB)", page.name, page.bytes.len() / 1000);
        group.bench_function(id, |b| b.iter(|| extract(black_box(&page.bytes))));
    }
    group.sample_size(10);
    group.bench_function(format!("all {} pages", pages.len()), |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| extract(black_box(&p.bytes)))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
