//! One frame of the reader at 200x60 into a ratatui `TestBackend`, on War and Peace with
//! its annotations, after a jump to the middle of the book: the cost of drawing, which
//! must not grow with the book (only the visible lines and side-pane rows are touched).
//! Skipped with a message when the book is not on disk.
//!
//! The `encode` group measures the last step of a frame, turning the cells of a diff into
//! terminal bytes: `tui::ansi::write_cells` beside ratatui's `CrosstermBackend::draw`, on
//! a 120x40 frame of ASCII text, one colour a line (needs no book).

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};
#[path = "common/reader.rs"]
mod reader;
use reader::settled_reader;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::ingest::{LoadOptions, Source, load};
use gloss::tui::{ansi, ui};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

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
    m.view.top = m.view.layout.len() / 2;
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

/// A 120x40 frame whose rows hold 76 cells of prose each, every row in a colour of its
/// own, against a blank one: 3,040 cells to send, one move and one colour change a row.
fn text_frame() -> (Buffer, Buffer) {
    let area = Rect::new(0, 0, 120, 40);
    let prose = "Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes. "
        .repeat(2);
    let colours = [Color::White, Color::Gray, Color::LightYellow, Color::Cyan];
    let mut frame = Buffer::empty(area);
    for y in 0..area.height {
        let start = usize::from(y) % 8;
        let style = Style::new().fg(colours[usize::from(y) % colours.len()]);
        frame.set_stringn(0, y, &prose[start..], 76, style);
    }
    (Buffer::empty(area), frame)
}

/// The frame's cells in bytes, by `write_cells` and by ratatui's backend, into a `Vec`.
fn encode(c: &mut Criterion) {
    let (blank, frame) = text_frame();
    let cells = blank.diff(&frame);
    let n = cells.len();
    let mut group = c.benchmark_group("encode");
    group.throughput(Throughput::Elements(n as u64));
    let mut out = Vec::with_capacity(64 * 1024);
    group.bench_function(format!("write_cells {n} cells"), |b| {
        b.iter(|| {
            out.clear();
            ansi::write_cells(&mut out, black_box(&cells).iter().copied());
            black_box(&out);
        })
    });
    group.bench_function(format!("crossterm draw {n} cells"), |b| {
        b.iter(|| {
            out.clear();
            // Writing into a Vec cannot fail.
            let _ = CrosstermBackend::new(&mut out).draw(black_box(&cells).iter().copied());
            black_box(&out);
        })
    });
    group.finish();
}

criterion_group!(benches, bench, encode);
criterion_main!(benches);
