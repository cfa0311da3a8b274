//! The library view's first frame at scale (issue 13; docs/performance.md, "Library"):
//! opens the library at DB, builds the view and draws its first frame (the count, the
//! first page of the list by last read, the drawing) on a 120x40 test terminal, RUNS
//! times, each with the library opened afresh, and prints the median and the worst.
//!
//! ```sh
//! cargo build --release --example library_first_frame
//! target/release/examples/library_first_frame /tmp/gloss-frame/10000.db 20 --fill 10000
//! ```
//! `--fill N` first tops the library up to N articles (short invented texts, recorded
//! without annotations: the list's frame reads the article table only). Use a library
//! built by `examples/library_scale` to measure on real texts.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use gloss::article::{Article, Meta};
use gloss::library::{Library, SourceRef};
use gloss::theme::Theme;
use gloss::tui::Keymap;
use gloss::tui::library::update::Msg;
use gloss::tui::library::{LibraryView, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: library_first_frame DB [RUNS] [--fill N]";
    let db = PathBuf::from(args.first().ok_or(usage)?);
    let runs: usize = args.get(1).map_or(Ok(20), |r| r.parse())?;
    if let Some(i) = args.iter().position(|a| a == "--fill") {
        let n: usize = args.get(i + 1).ok_or(usage)?.parse()?;
        fill(&db, n)?;
    }
    let mut times: Vec<Duration> = (0..runs).map(|_| first_frame(&db)).collect::<Result<_>>()?;
    times.sort();
    let n = Library::open(&db)?.count()?;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{n} articles: first frame median {:.2} ms, worst {:.2} ms ({runs} runs)",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
    Ok(())
}

/// Opens the library and draws the view's first frame: what `gloss library` does before
/// its first frame reaches the terminal.
fn first_frame(db: &std::path::Path) -> Result<Duration> {
    let start = Instant::now();
    let library = Library::open(db)?;
    let mut view = LibraryView::new(Keymap::default(), (120, 40));
    update(&mut view, &library, Msg::Refresh);
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    terminal.draw(|f| ui::draw(f, &view, &Theme::default()))?;
    let took = start.elapsed();
    if view.articles.rows().is_empty() {
        return Err("the first frame listed no article".into());
    }
    Ok(took)
}

/// Tops the library at `db` up to `n` articles, each dated and opened at its own time.
fn fill(db: &std::path::Path, n: usize) -> Result<()> {
    let mut library = Library::open(db)?;
    let have = library.count()?;
    for i in have..n {
        let meta = Meta {
            title: Some(format!(
                "Article {i}: the council, the harbour and the budget"
            )),
            date: format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28)
                .parse()
                .ok(),
            ..Meta::default()
        };
        let text = format!(
            "Article {i}. The council met on Tuesday to discuss the harbour.\n\n\
             Mayor Ana Ruiz said the budget for article {i} was fair."
        );
        let source = SourceRef::Path(PathBuf::from(format!("/scale/{i}.txt")));
        let opened = jiff::Timestamp::from_second(1_600_000_000 + i as i64)?;
        library.record(
            &source,
            &Article::from_verbatim(text, meta),
            None,
            Some(opened),
        )?;
    }
    Ok(())
}
