//! What one key costs the reader on War and Peace at 120x40, split into the update and
//! the frame (presented as the reader presents it, through crossterm into memory), with
//! the bytes the frame writes:
//! `cargo run --release --example key_frame -- FILE [KEYS]` (default keys: `j`).

#[path = "../benches/common/reader.rs"]
mod reader;
use reader::settled_reader;

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

use gloss::ingest::{LoadOptions, Source, load};
use gloss::keys::KeyChord;
use gloss::layout::Layout;
use gloss::tui::present::Presenter;
use gloss::tui::update::{Msg, Redraw, keys, update};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        anyhow::bail!("usage: key_frame FILE [KEYS]");
    };
    let key = args.next().unwrap_or_else(|| "j".to_string());
    let article = load(&Source::Path(path.into()), &LoadOptions::default())?;
    let (w, h) = (120, 40);
    let mut m = settled_reader(article, (w, h));
    if let Ok(setup) = std::env::var("SETUP") {
        keys(&mut m, &setup);
        let full = Layout::new(&m.article, m.view.width);
        m.install_layout(full);
    }
    m.view.top = m.view.layout.len() / 3;
    m.clamp_top();
    let theme = gloss::theme::Theme::default();
    let written = Rc::new(Cell::new(0usize));
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(Counter(Rc::clone(&written))),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
        },
    )?;
    let mut presenter = Presenter::default();
    presenter.present(&mut terminal, &m, &theme, false)?;
    let chords: Vec<KeyChord> = key
        .split_whitespace()
        .map(|k| k.parse())
        .collect::<Result<_, _>>()?;
    let runs: u32 = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(300);
    let (mut t_update, mut t_draw, mut bytes) = (0.0, 0.0, 0usize);
    for _ in 0..runs {
        written.set(0);
        let t = Instant::now();
        let mut only_scrolled = true;
        for chord in &chords {
            let msg = Msg::Key(*chord);
            only_scrolled &= update(&mut m, msg).redraw == Redraw::Scrolled;
        }
        t_update += t.elapsed().as_secs_f64();
        let t = Instant::now();
        presenter.present(&mut terminal, &m, &theme, only_scrolled)?;
        t_draw += t.elapsed().as_secs_f64();
        bytes += written.get();
    }
    let n = f64::from(runs);
    println!(
        "key {key:?}: update {:.1} us, draw {:.1} us, {} bytes written per frame",
        t_update / n * 1e6,
        t_draw / n * 1e6,
        bytes / runs as usize
    );
    Ok(())
}

/// A writer that only counts the bytes written to it.
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
