//! One frame of the reader at 200x60 into a ratatui `TestBackend`, on War and Peace with
//! its annotations, after a jump to the middle of the book: the cost of drawing, which
//! must not grow with the book (only the visible lines and side-pane rows are touched).
//! Skipped with a message when the book is not on disk.

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::detect::detect_article;
use gloss::ingest::{LoadOptions, Source, load};
use gloss::layout::Layout;
use gloss::tui::update::{Msg, update};
use gloss::tui::{Keymap, Model, Settings, ui};
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
    let annotations = detect_article(&article);
    let (w, h) = (200, 60);
    let mut m = Model::new(
        article,
        "book".into(),
        Settings::default(),
        Keymap::default(),
        (w, h),
    );
    let full = Layout::new(&m.article, m.layout_width);
    m.install_layout(full);
    update(&mut m, Msg::Annotations(annotations));
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
