//! Layout of a whole book (War and Peace, 3.4 MB) at 80 and 120 columns: the cost of the
//! first frame and of a resize. Skipped with a message when the book is not on disk.

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::article::{Article, Meta};
use gloss::layout::Layout;

/// The book as plain-text ingest would give it: hard-wrapped lines of a paragraph joined.
fn book() -> Option<Article> {
    let raw = std::fs::read_to_string(find_book()?).ok()?;
    let raw = raw.replace("\r\n", "\n");
    let paragraphs: Vec<String> = raw
        .split("\n\n")
        .map(|p| {
            p.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    Some(Article::from_verbatim(
        paragraphs.join("\n\n"),
        Meta::default(),
    ))
}

fn bench(c: &mut Criterion) {
    let Some(article) = book() else {
        eprintln!("layout bench skipped: ../{BOOK} not found (set GLOSS_BOOK to its path)");
        return;
    };
    let mut group = c.benchmark_group("layout_war_and_peace");
    group.sample_size(10);
    for width in [80u16, 120] {
        group.bench_function(format!("width_{width}"), |b| {
            b.iter(|| Layout::new(black_box(&article), black_box(width)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
