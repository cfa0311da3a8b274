//! Peak memory of the reader's background detection alone (one thread, as the TUI runs it),
//! for heap profiling: `valgrind --tool=massif target/release/examples/detect_memory FILE`.

use gloss::ingest::{LoadOptions, Source, load};

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: detect_memory FILE");
    };
    let article = load(&Source::Path(path.into()), &LoadOptions::default())?;
    let set = gloss::detect::detect_sequential(&article.text, article.meta.date);
    println!("{} annotations", set.len());
    Ok(())
}
