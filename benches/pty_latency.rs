//! Whole-process latency of the real `gloss` binary (and of `less`, for comparison) in a
//! real pseudo-terminal: time to the first screen of text, and for each key the time from
//! sending it to the end of the frame it causes. Issue 5's targets are stated in these terms.
//!
//! `cargo bench --bench pty_latency -- [--runs N] [--less] [--scroll] [FILE...]`
//!
//! Without files it measures War and Peace (`GLOSS_BOOK` or `../shared/eval/...`) and a
//! 30 MB file made from it (ten copies, written once to the system temp directory, never to
//! the repository). Prints a Markdown table of medians (min-max) over the runs, with the
//! load average, and the reader's peak resident memory. `--scroll` measures only plain
//! scrolling, many times over and in microseconds: gloss with and without its side pane,
//! and less.

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};

#[path = "pty_latency/session.rs"]
mod session;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use session::Session;

/// A word on the first screen of the book, in `less` and in gloss alike.
const NEEDLE: &str = "restrictions";
const COLS: u16 = 120;
const ROWS: u16 = 40;
/// A frame is complete when the program has written nothing for this long.
const QUIET: Duration = Duration::from_millis(150);

fn main() -> anyhow::Result<()> {
    let mut runs = 5;
    let mut files = Vec::new();
    let mut with_less = false;
    let mut scroll_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            "--less" => with_less = true,
            "--scroll" => scroll_only = true,
            "--bench" => {}
            f => files.push(PathBuf::from(f)),
        }
    }
    if files.is_empty() {
        let Some(book) = find_book() else {
            eprintln!("pty_latency skipped: ../{BOOK} not found (set GLOSS_BOOK)");
            return Ok(());
        };
        files.push(times_ten(&book)?);
        files.insert(0, book);
        with_less = true;
    }
    println!("machine: {} cores; {}", cores(), load());
    if scroll_only {
        return scroll_table(&files, runs);
    }
    println!("terminal {COLS}x{ROWS}; medians of {runs} runs (min-max), milliseconds\n");
    println!("| program | file | measure | median | min-max | samples |");
    println!("|---|---|---|---|---|---|");
    for file in &files {
        let name = file
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into());
        let mb = std::fs::metadata(file).map_or(0, |m| m.len()) as f64 / 1e6;
        let label = format!("{name} ({mb:.1} MB)");
        let mut gloss = Samples::default();
        for _ in 0..runs {
            gloss_run(file, &mut gloss)?;
        }
        gloss.print("gloss", &label);
        if with_less {
            let mut less = Samples::default();
            for _ in 0..runs {
                less_run(file, &mut less)?;
            }
            less.print("less", &label);
        }
    }
    println!("\nafter: {}", load());
    Ok(())
}

/// Every sample of every measure, in milliseconds, in first-seen order.
#[derive(Default)]
struct Samples {
    order: Vec<String>,
    values: BTreeMap<String, Vec<f64>>,
}

impl Samples {
    fn add(&mut self, what: &str, d: Option<Duration>) {
        let Some(d) = d else {
            eprintln!("{what}: no change seen");
            return;
        };
        if !self.values.contains_key(what) {
            self.order.push(what.to_string());
        }
        self.values
            .entry(what.to_string())
            .or_default()
            .push(d.as_secs_f64() * 1e3);
    }

    fn add_value(&mut self, what: &str, v: f64) {
        self.add(what, Some(Duration::from_secs_f64(v / 1e3)));
    }

    fn print(&self, program: &str, file: &str) {
        for what in &self.order {
            let mut v = self.values[what].clone();
            v.sort_by(f64::total_cmp);
            let median = v[v.len() / 2];
            let (lo, hi) = (v[0], v[v.len() - 1]);
            println!(
                "| {program} | {file} | {what} | {median:.1} | {lo:.1}-{hi:.1} | {} |",
                v.len()
            );
        }
    }

    /// The medians and quartiles in microseconds, for measures well under a millisecond.
    fn print_micros(&self, program: &str, file: &str) {
        for what in &self.order {
            let mut v = self.values[what].clone();
            v.sort_by(f64::total_cmp);
            let at = |q: usize| v[(v.len() - 1) * q / 4] * 1e3;
            println!(
                "| {program} | {file} | {what} | {:.0} | {:.0}-{:.0} | {} |",
                at(2),
                at(1),
                at(3),
                v.len()
            );
        }
    }
}

/// One gloss session: first frame, detection, every key, resize, peak memory.
fn gloss_run(file: &Path, out: &mut Samples) -> anyhow::Result<()> {
    let path = file.to_string_lossy();
    let mut s = Session::spawn(env!("CARGO_BIN_EXE_gloss"), &[&path], COLS, ROWS)?;
    let long = Duration::from_secs(300);
    let first = s.wait_until(long, |sc| sc.contents().contains(NEEDLE));
    out.add("first frame", first.map(|t| t - s.spawned));
    let done = s.wait_until(long, |sc| {
        let text = sc.contents();
        !text.contains("detecting…") && !text.contains("Detecting…")
    });
    out.add("detection done (background)", done.map(|t| t - s.spawned));
    scroll_keys(&mut s, out)?;
    for _ in 0..3 {
        out.add("Tab (next annotation)", s.key("\t", QUIET)?);
    }
    for _ in 0..3 {
        out.add("] (side-pane jump)", s.key("]", QUIET)?);
    }
    s.send("g")?;
    out.add("/ (open prompt)", s.key("/", QUIET)?);
    s.send("Borodin")?;
    out.add("search: last letter of 'Borodino'", s.key("o", QUIET)?);
    out.add("search: Enter", s.key("\r", QUIET)?);
    s.send("g")?;
    s.settle(QUIET);
    // Half way into the book, so a resize must keep a deep position on screen.
    {
        s.send("G")?;
        s.settle(QUIET);
        for (cols, what) in [
            (100, "resize 120->100 cols"),
            (COLS, "resize 100->120 cols"),
        ] {
            let times = s.resize(cols, ROWS, QUIET);
            out.add(&format!("{what}: first frame"), times.map(|t| t.0));
            out.add(&format!("{what}: settled"), times.map(|t| t.1));
        }
    }
    if let Some(kib) = s.pid().and_then(peak_kib) {
        out.add_value("peak RSS (MB, not ms)", kib as f64 / 1024.0);
    }
    s.send("q")?;
    Ok(())
}

/// One `less` session: first screen, line, page, end, top.
fn less_run(file: &Path, out: &mut Samples) -> anyhow::Result<()> {
    let path = file.to_string_lossy();
    let mut s = Session::spawn("less", &[&path], COLS, ROWS)?;
    let first = s.wait_until(Duration::from_secs(60), |sc| sc.contents().contains(NEEDLE));
    out.add("first frame", first.map(|t| t - s.spawned));
    scroll_keys(&mut s, out)?;
    if let Some(kib) = s.pid().and_then(peak_kib) {
        out.add_value("peak RSS (MB, not ms)", kib as f64 / 1024.0);
    }
    s.send("q")?;
    Ok(())
}

/// The keys both programs have, measured the same way: line and page down, end, top.
fn scroll_keys(s: &mut Session, out: &mut Samples) -> anyhow::Result<()> {
    for _ in 0..3 {
        out.add("j (line down)", s.key("j", QUIET)?);
    }
    for _ in 0..3 {
        out.add("space (page down)", s.key(" ", QUIET)?);
    }
    out.add("G (end)", s.key("G", QUIET)?);
    out.add("g (top)", s.key("g", QUIET)?);
    Ok(())
}

/// Plain scrolling only, `SCROLLS` presses of each key per run, in microseconds: gloss
/// as it opens, gloss with its side pane hidden (`s`), and less.
fn scroll_table(files: &[PathBuf], runs: usize) -> anyhow::Result<()> {
    const SCROLLS: usize = 20;
    println!("terminal {COLS}x{ROWS}; {runs} runs of {SCROLLS} presses; microseconds\n");
    println!("| program | file | measure | median | p25-p75 | samples |");
    println!("|---|---|---|---|---|---|");
    for file in files {
        let path = file.to_string_lossy();
        let name = file
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into());
        let gloss = env!("CARGO_BIN_EXE_gloss");
        for (program, label, bin, setup) in [
            ("gloss", "side pane shown", gloss, ""),
            ("gloss", "side pane hidden", gloss, "s"),
            ("less", "", "less", ""),
        ] {
            let mut samples = Samples::default();
            for _ in 0..runs {
                let mut s = Session::spawn(bin, &[&path], COLS, ROWS)?;
                s.wait_until(Duration::from_secs(300), |sc| {
                    let text = sc.contents();
                    text.contains(NEEDLE) && !text.contains("detecting…")
                });
                if !setup.is_empty() {
                    s.send(setup)?;
                }
                for (key, what) in [("j", "j (line down)"), (" ", "space (page down)")] {
                    for _ in 0..SCROLLS {
                        samples.add(what, s.key(key, QUIET)?);
                    }
                }
                s.send("q")?;
            }
            samples.print_micros(&format!("{program} {label}"), &name);
        }
    }
    println!("\nafter: {}", load());
    Ok(())
}

/// Peak resident set of a live process, from `/proc` (Linux), in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The book ten times over (about 33 MB), made once in the temp directory.
fn times_ten(book: &Path) -> anyhow::Result<PathBuf> {
    let path = std::env::temp_dir().join("gloss-war-and-peace-x10.txt");
    let text = std::fs::read(book)?;
    if std::fs::metadata(&path).map_or(0, |m| m.len()) != 10 * text.len() as u64 {
        std::fs::write(&path, text.repeat(10))?;
    }
    Ok(path)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn load() -> String {
    let avg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let avg: Vec<&str> = avg.split_whitespace().take(3).collect();
    format!("load average {}", avg.join(" "))
}
