//! One frame of the reader at 200x60 into a ratatui `TestBackend`, on War and Peace with
//! its annotations, after a jump to the middle of the book: the cost of drawing, which
//! must not grow with the book (only the visible lines and side-pane rows are touched).
//! Skipped with a message when the book is not on disk.

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};
#[path = "common/reader.rs"]
mod reader;
use reader::settled_reader;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::ingest::{LoadOptions, Source, load};
use gloss::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn bench(c: &mut Criterion) {
    let Some(path) = find_book() else {
        eprintln!("render bench skipped: ../{BOOK} not found (set GLOSS_BOOK to its path)");
        return;
    };
    let Ok(article) = load(&Source::Path(path), &LoadOptions::default()) else {
        eprintln!("render bench skipped: the book did not load");
        return;
    };
    let (w, h) = (200, 60);
    let mut m = settled_reader(article, (w, h));
    // The middle of the book, with the first annotation there current (highlighted).
    m.top = m.layout.len() / 2;
    m.clamp_top();
    let middle = m.top_byte();
    m.current = m.annotations.next_after(middle, None);
    let theme = gloss::theme::Theme::default();
    // TestBackend's error type is Infallible.
    let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
    c.bench_function("render_200x60_middle_of_war_and_peace", |b| {
        b.iter(|| {
            // A fresh buffer each time, so the whole frame is drawn, not a diff.
            let _ = terminal.clear();
            let _ = terminal.draw(|frame| ui::draw(frame, black_box(&m), &theme));
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
