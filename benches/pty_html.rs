//! First frame of a saved web page against the same article as plain text, in a real
//! pseudo-terminal (the target: the page within 2x of the text). For a few dev
//! pages of `../shared/html-dev` (smallest, median, 90th percentile and largest by size;
//! skipped with a message when they are not on disk), the article gloss extracts is
//! written as a `.txt` to the system temp directory, and `gloss page.html` and
//! `gloss article.txt` are each timed from spawn to the first screen showing a word of
//! the article's first paragraph.
//!
//! `cargo bench --bench pty_html -- [--runs N]`

#[path = "common/html_dev.rs"]
mod html_dev;
use html_dev::{HTML_DEV, case_name, dev_pages, find_html_dev};

// Shared with pty_latency, which uses the keys, resizes and memory this bench does not.
#[allow(dead_code)]
#[path = "pty_latency/session.rs"]
mod session;

use std::path::{Path, PathBuf};
use std::time::Duration;

use gloss::ingest::{Format, LoadOptions, from_bytes};
use session::Session;

const COLS: u16 = 120;
const ROWS: u16 = 40;

fn main() -> anyhow::Result<()> {
    let mut runs = 5;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        }
    }
    let Some(root) = find_html_dev() else {
        eprintln!("pty_html skipped: ../{HTML_DEV} not found (set GLOSS_HTML_DEV)");
        return Ok(());
    };
    let mut pages = dev_pages(&root);
    pages.sort_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()));
    if pages.is_empty() {
        eprintln!("pty_html skipped: no source.html under {}", root.display());
        return Ok(());
    }
    let picks = [0.0, 0.5, 0.9, 1.0].map(|q| &pages[((pages.len() - 1) as f64 * q) as usize]);
    println!("terminal {COLS}x{ROWS}; first frame, medians of {runs} runs (min-max), ms\n");
    println!("| page | size | as a page | as plain text | ratio |");
    println!("|---|---|---|---|---|");
    for page in picks {
        let Some((text_file, needle)) = plain_twin(page)? else {
            eprintln!("{}: no article text", case_name(page));
            continue;
        };
        let html = first_frames(page, &needle, runs)?;
        let text = first_frames(&text_file, &needle, runs)?;
        let kb = std::fs::metadata(page).map_or(0, |m| m.len()) / 1000;
        println!(
            "| {} | {kb} KB | {} | {} | {:.2} |",
            case_name(page),
            html.show(),
            text.show(),
            html.median() / text.median()
        );
    }
    Ok(())
}

/// The page's article as plain text in the temp directory, and a word of its first
/// paragraph to wait for (the first of seven letters or more, else its first word).
fn plain_twin(page: &Path) -> anyhow::Result<Option<(PathBuf, String)>> {
    let bytes = std::fs::read(page)?;
    let article = from_bytes(&bytes, Format::Html, "page.html", &LoadOptions::default())?;
    let first = article.text.split("\n\n").next().unwrap_or("");
    let words: Vec<&str> = first
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(needle) = words
        .iter()
        .find(|w| w.chars().count() >= 7)
        .or(words.first())
    else {
        return Ok(None);
    };
    let name = case_name(page).replace('/', "-");
    let path = std::env::temp_dir().join(format!("gloss-pty-html-{name}.txt"));
    std::fs::write(&path, &article.text)?;
    Ok(Some((path, needle.to_string())))
}

struct Times(Vec<f64>);

impl Times {
    fn median(&self) -> f64 {
        self.0.get(self.0.len() / 2).copied().unwrap_or(f64::NAN)
    }

    fn show(&self) -> String {
        let (lo, hi) = (self.0.first(), self.0.last());
        match (lo, hi) {
            (Some(lo), Some(hi)) => format!("{:.1} ({lo:.1}-{hi:.1})", self.median()),
            _ => "no frame".into(),
        }
    }
}

/// Spawn to the first frame showing `needle`, `runs` times, sorted, in milliseconds.
fn first_frames(file: &Path, needle: &str, runs: usize) -> anyhow::Result<Times> {
    let path = file.to_string_lossy();
    let mut times = Vec::new();
    for _ in 0..runs {
        let mut s = Session::spawn(env!("CARGO_BIN_EXE_gloss"), &[&path], COLS, ROWS)?;
        let first = s.wait_until(Duration::from_secs(60), |sc| sc.contents().contains(needle));
        if let Some(t) = first {
            times.push((t - s.spawned).as_secs_f64() * 1e3);
        }
        s.send("q")?;
    }
    times.sort_by(f64::total_cmp);
    Ok(Times(times))
}
