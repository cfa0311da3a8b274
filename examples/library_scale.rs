//! The library at scale (issue 13; docs/performance.md, "Library"): builds a library of N
//! articles from real texts — the news articles of the evaluation data and the chapters
//! of War and Peace, read at run time from DATA_DIR and repeated with distinct ids (a line
//! "Copy N." is added, so each has its own text hash) — through the same import pipeline
//! as `gloss library add`, then times the queries the library view and the CLI run.
//!
//! ```sh
//! cargo build --release --example library_scale
//! RAYON_NUM_THREADS=2 target/release/examples/library_scale ../shared/eval/data 10000 /tmp/gloss-scale/10000.db
//! ```
//! An existing database with enough articles is only queried (so the 100,000 library is
//! built once). Prints one JSON object with every figure.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gloss::article::{Article, Meta};
use gloss::library::import::{Outcome, import};
use gloss::library::{Library, Sort, SourceRef};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: library_scale DATA_DIR COUNT DB";
    let data = PathBuf::from(args.next().ok_or(usage)?);
    let count: usize = args.next().ok_or(usage)?.parse()?;
    let db = PathBuf::from(args.next().ok_or(usage)?);
    let mut lib = Library::open(&db)?;
    let have = lib.count()?;
    let mut import_figures = serde_json::Value::Null;
    if have < count {
        let texts = texts(&data)?;
        import_figures = build(&mut lib, &texts, have, count)?;
    }
    let queries = measure(&lib)?;
    let size = std::fs::metadata(&db)?.len()
        + std::fs::metadata(db.with_extension("db-wal")).map_or(0, |m| m.len());
    let n = lib.count()?;
    let report = serde_json::json!({
        "articles": n,
        "db_bytes": size,
        "db_bytes_per_article": size / n.max(1) as u64,
        "import": import_figures,
        "queries": queries,
        "peak_rss_kib": peak_rss_kib(),
    });
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

/// A source text: title, text, publication date.
type Text = (String, String, Option<String>);
type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// (title, text, date) of every news article and every chapter of the book.
fn texts(data: &Path) -> Result<Vec<Text>> {
    let mut out = Vec::new();
    for name in [
        "entities-dev.jsonl",
        "entities-train-conll2003.jsonl",
        "dates-dev.jsonl",
        "quotes-dev.jsonl",
        "quotes-train-polnear.jsonl",
    ] {
        let body = std::fs::read_to_string(data.join(name))?;
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            let text = v["text"].as_str().unwrap_or_default().to_owned();
            let title = text
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect();
            let date = v["date"].as_str().map(str::to_owned);
            out.push((title, text, date));
        }
    }
    let book = std::fs::read_to_string(data.join("big/war-and-peace-pg2600.txt"))?;
    for chapter in book.split("\nCHAPTER ").skip(1) {
        let title = format!(
            "War and Peace, chapter {}",
            chapter.lines().next().unwrap_or_default().trim()
        );
        out.push((title, chapter.to_owned(), None));
    }
    Ok(out)
}

/// Imports articles `from..to` and returns the throughput.
fn build(lib: &mut Library, texts: &[Text], from: usize, to: usize) -> Result<serde_json::Value> {
    let ids: Vec<usize> = (from..to).collect();
    let bytes = std::sync::atomic::AtomicUsize::new(0);
    let load = |&i: &usize| -> std::result::Result<(SourceRef, Article), String> {
        let (title, text, date) = &texts[i % texts.len()];
        let text = format!("{text}\n\nCopy {i}.");
        bytes.fetch_add(text.len(), std::sync::atomic::Ordering::Relaxed);
        // Dates spread over ten years, so date order and timelines have something to sort.
        let date = date.as_deref().and_then(|d| d.parse().ok()).or_else(|| {
            jiff::civil::date(2015, 1, 1)
                .checked_add(jiff::Span::new().days((i % 3650) as i64))
                .ok()
        });
        let meta = Meta {
            title: Some(format!("{title} #{i}")),
            date,
            ..Meta::default()
        };
        Ok((
            SourceRef::Path(PathBuf::from(format!("/scale/{i}.txt"))),
            Article::from_verbatim(text, meta),
        ))
    };
    let start = Instant::now();
    let mut done = 0usize;
    // The detectors' output as it is: no corrections to look for.
    let corrector = gloss::corrections::Corrector::default();
    import(lib, &ids, &corrector, load, |_, outcome| {
        if matches!(outcome, Outcome::Recorded(..)) {
            done += 1;
        }
        if done.is_multiple_of(5000) {
            eprintln!("{done} articles, {:.0} s", start.elapsed().as_secs_f64());
        }
    })?;
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1e6;
    Ok(serde_json::json!({
        "added": done,
        "seconds": secs,
        "articles_per_second": done as f64 / secs,
        "mb_per_second": mb / secs,
        "threads": rayon::current_num_threads(),
    }))
}

/// p50 and p99 (ms) of each query kind, over a fixed set of inputs, each run 5 times.
fn measure(lib: &Library) -> Result<serde_json::Value> {
    // What a reader searches for: names, places, topics (one or two words).
    let words = [
        "minister",
        "Iraq",
        "Moscow",
        "Napoleon",
        "election",
        "prince",
        "bank",
        "troops",
        "Clinton",
        "government",
        "war and peace",
        "football",
        "oil prices",
        "Natasha",
        "Pierre",
        "Trump",
        "police",
        "market",
    ];
    let search = timed(5, &words, |w| lib.search(w, 20, 0).map(drop))?;
    // The worst case: words in most articles, every one of which bm25 must score.
    let common = timed(5, &["said", "the"], |w| lib.search(w, 20, 0).map(drop))?;
    let top = lib.entities(None, None, 20)?.items;
    let names: Vec<String> = top.iter().map(|e| e.name.clone()).collect();
    let entity = timed(5, &top, |e| {
        lib.entity_articles(e.id, None, 20, 3).map(drop)
    })?;
    let find = timed(5, &names, |n| lib.find_entities(n, None, 10).map(drop))?;
    let quotes = timed(5, &names, |n| lib.quotes_by(n, None, 20).map(drop))?;
    let sorts = [Sort::LastRead, Sort::Date, Sort::Title];
    let first_page = timed(20, &sorts, |s| lib.articles(*s, None, 60).map(drop))?;
    let last_page = timed(20, &sorts, |s| lib.articles_before(*s, None, 60).map(drop))?;
    let index = timed(20, &[()], |_| lib.entities(None, None, 60).map(drop))?;
    let count = timed(20, &[()], |_| lib.count().map(drop))?;
    Ok(serde_json::json!({
        "search_18_words": search,
        "search_said_the": common,
        "entity_articles_top20": entity,
        "find_entities": find,
        "quotes_by_top20": quotes,
        "first_page_60_rows": first_page,
        "last_page_60_rows": last_page,
        "entity_index_first_page": index,
        "count": count,
        "top_entities": top.iter().take(5).map(|e| format!("{} ({} articles)", e.name, e.article_count)).collect::<Vec<_>>(),
    }))
}

fn timed<T, E>(
    runs: usize,
    inputs: &[T],
    mut f: impl FnMut(&T) -> std::result::Result<(), E>,
) -> std::result::Result<serde_json::Value, E> {
    let mut times: Vec<Duration> = Vec::new();
    for input in inputs {
        f(input)?; // warm: the first run reads pages from disk
        for _ in 0..runs {
            let start = Instant::now();
            f(input)?;
            times.push(start.elapsed());
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    Ok(
        serde_json::json!({ "p50_ms": at(0.5), "p99_ms": at(0.99), "max_ms": at(1.0), "n": times.len() }),
    )
}

/// The process's peak resident memory, from /proc (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
