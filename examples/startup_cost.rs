//! Where the reader's start-up time goes on a big file: ingest, detection and layout, each
//! timed alone (CPU-bound, single run), and what a resize costs (a window, dropping the
//! old layout).
//! `cargo run --release --example startup_cost -- FILE`

use std::time::Instant;

use gloss::ingest::{LoadOptions, Source, load};
use gloss::layout::Layout;

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: startup_cost FILE");
    };
    let t = Instant::now();
    let article = load(&Source::Path(path.into()), &LoadOptions::default())?;
    println!("ingest: {:.1} ms ({} blocks)", ms(t), article.blocks.len());
    let t = Instant::now();
    let hash = gloss::notes::identity::text_hash(&article.text);
    println!("notes identity hash: {:.1} ms ({})", ms(t), &hash[..8]);
    let t = Instant::now();
    let copy = article.clone();
    println!("clone: {:.1} ms", ms(t));
    drop(copy);
    for width in [76u16, 58] {
        let t = Instant::now();
        let layout = Layout::new(&article, width);
        println!(
            "layout at {width}: {:.1} ms ({} lines)",
            ms(t),
            layout.len()
        );
        let t = Instant::now();
        let window = Layout::partial(&article, width, article.text.len() / 2, 40);
        println!("window at {width}: {:.2} ms", ms(t));
        let t = Instant::now();
        drop(layout);
        println!("dropping the layout: {:.2} ms", ms(t));
        drop(window);
    }
    let t = Instant::now();
    let set = gloss::detect::detect_article(&article);
    println!("detect: {:.1} ms ({} annotations)", ms(t), set.len());
    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}
