//! Detection on a whole book (War and Peace, 3.4 MB) and on the seed news article: each
//! detector alone and all three through `gloss::detect::detect` (which runs dates and quote
//! pairing on a second thread). The book is skipped with a message when it is not on disk
//! (set `GLOSS_BOOK` to its path).

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::article::Article;
use gloss::detect::{dates, entities, quotes};
use gloss::ingest::{self, LoadOptions, Source};

const SEED: &str = "sample-data/canada-iraq-mission-2020-01-06.txt";

/// The article `gloss annotate` would see for `path`.
fn load(path: &str) -> Option<Article> {
    ingest::load(&Source::Path(path.into()), &LoadOptions::default()).ok()
}

/// The book, loaded as `gloss annotate` would load it.
fn book() -> Option<Article> {
    load(find_book()?.to_str()?)
}

fn detectors(c: &mut Criterion, name: &str, article: &Article, samples: usize) {
    let text = article.text.as_str();
    let date = article.meta.date;
    let (ents, groups) = entities::detect(text);
    let mut group = c.benchmark_group(name);
    group.sample_size(samples);
    group.bench_function("entities", |b| b.iter(|| entities::detect(black_box(text))));
    group.bench_function("dates", |b| {
        b.iter(|| dates::detect(black_box(text), black_box(date)))
    });
    group.bench_function("quotes", |b| {
        b.iter(|| quotes::detect(black_box(text), &ents, &groups))
    });
    group.bench_function("all", |b| {
        b.iter(|| gloss::detect::detect(black_box(text), black_box(date)))
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    match load(&format!("{}/{SEED}", env!("CARGO_MANIFEST_DIR"))) {
        Some(seed) => detectors(c, "detect_seed_article", &seed, 50),
        None => eprintln!("detect bench: seed article {SEED} not found"),
    }
    match book() {
        Some(book) => detectors(c, "detect_war_and_peace", &book, 10),
        None => eprintln!("detect bench skipped the book: ../{BOOK} not found (set GLOSS_BOOK)"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
