//! The README tells the truth: its set-up commands name files that exist, and its key table
//! is the one generated from the live keymap (run with `GLOSS_UPDATE_DOCS=1` to rewrite it
//! after changing a key or an action's doc), and its screen capture is what the real binary
//! draws in a pseudo-terminal at the size, on the file and after the keys each
//! `<!-- screen: … -->` marker names (`GLOSS_UPDATE_README=1` rewrites them; each key must
//! change the screen).

use gloss::tui::Keymap;
use gloss::tui::ui::help::markdown_table;

const START: &str = "<!-- keys:start -->\n";
const END: &str = "<!-- keys:end -->";

fn readme_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

#[test]
fn the_key_table_is_generated_from_the_keymap() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let start = readme.find(START).expect("README has a keys:start marker") + START.len();
    let end = readme.find(END).expect("README has a keys:end marker");
    let expected = markdown_table(&Keymap::default());
    if readme[start..end] != expected {
        if std::env::var_os("GLOSS_UPDATE_DOCS").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(readme_path(), updated).expect("README.md is writable");
        } else {
            panic!(
                "the README's key table is out of date: run \
                 `GLOSS_UPDATE_DOCS=1 cargo test --test readme` to regenerate it"
            );
        }
    }
}

#[test]
fn the_first_lines_give_the_two_set_up_commands() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let head: Vec<&str> = readme.lines().take(6).collect();
    let run = head
        .iter()
        .find(|l| l.starts_with("cargo run --release -- "))
        .expect("a `cargo run --release -- FILE` line near the top");
    let file = run
        .trim_start_matches("cargo run --release -- ")
        .split_whitespace()
        .next()
        .expect("the run line names a file");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    assert!(path.is_file(), "the README's sample {file} does not exist");
    assert!(
        head.iter().any(|l| l.starts_with("cargo test")),
        "no `cargo test` line near the top"
    );
}

#[test]
fn every_built_in_theme_is_listed_in_the_readme_and_help() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let listed = readme
        .lines()
        .find(|l| l.starts_with("Built-in themes:"))
        .expect("a 'Built-in themes:' line");
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("--help")
        .output()
        .expect("run gloss --help");
    let help = String::from_utf8_lossy(&help.stdout).replace('\n', " ");
    for name in gloss::theme::names() {
        assert!(
            listed.contains(&format!("`{name}`")),
            "README misses {name}"
        );
        assert!(help.contains(name), "--help misses {name}: {help}");
    }
}

/// The real binary in a pseudo-terminal (the end-to-end tests' harness).
#[allow(dead_code)]
#[path = "e2e/harness.rs"]
mod harness;

const SCREEN: &str = "<!-- screen: ";

/// A README screen capture: the file it shows, where its marker says to make it, and the
/// text block after the marker.
struct Capture {
    /// The article, relative to the crate: the sample unless the marker names one
    /// (`file: PATH, `).
    file: String,
    cols: u16,
    rows: u16,
    keys: Vec<String>,
    /// Byte range of the block's lines in the README (between the fences).
    block: std::ops::Range<usize>,
}

/// Finds every `<!-- screen: COLSxROWS, [file: PATH, ]keys: K K … -->` and the ```text
/// block after each, in README order.
fn captures(readme: &str) -> Vec<Capture> {
    let found: Vec<Capture> = readme
        .match_indices(SCREEN)
        .map(|(marker, _)| capture_at(readme, marker))
        .collect();
    assert!(!found.is_empty(), "README has a `<!-- screen: ` marker");
    found
}

fn capture_at(readme: &str, marker: usize) -> Capture {
    let line_end = marker + readme[marker..].find('\n').expect("the marker line ends");
    let spec = &readme[marker + SCREEN.len()..line_end];
    let (size, rest) = spec.split_once(", ").expect("`COLSxROWS, …`");
    let (file, rest) = match rest.strip_prefix("file: ") {
        Some(rest) => rest.split_once(", ").expect("`file: PATH, keys: …`"),
        None => ("sample-data/canada-iraq-mission-2020-01-06.txt", rest),
    };
    let rest = rest.strip_prefix("keys: ").expect("`keys: …`");
    let (cols, rows) = size.split_once('x').expect("a COLSxROWS size");
    let keys = rest.split(" (").next().unwrap_or(rest);
    let fence = "```text\n";
    assert!(
        readme[line_end + 1..].starts_with(fence),
        "the screen marker is followed by a ```text block"
    );
    let start = line_end + 1 + fence.len();
    let end = start + readme[start..].find("```").expect("the block is closed");
    Capture {
        file: file.to_string(),
        cols: cols.parse().expect("columns"),
        rows: rows.parse().expect("rows"),
        keys: keys.split_whitespace().map(str::to_owned).collect(),
        block: start..end,
    }
}

/// What a key name in the marker types.
fn key_bytes(name: &str) -> String {
    match name {
        "Tab" => "\t".into(),
        "Enter" => "\r".into(),
        "Esc" => "\u{1b}".into(),
        "Space" => " ".into(),
        other => other.into(),
    }
}

/// Waits until the screen has not changed for a while, and gives it.
fn settled(session: &harness::Session) -> String {
    let quiet = std::time::Duration::from_millis(400);
    let start = std::time::Instant::now();
    let mut last = session.text();
    let mut since = std::time::Instant::now();
    while since.elapsed() < quiet {
        assert!(
            start.elapsed() < harness::PATIENCE,
            "the screen never settled"
        );
        std::thread::sleep(std::time::Duration::from_millis(25));
        let now = session.text();
        if now != last {
            last = now;
            since = std::time::Instant::now();
        }
    }
    last
}

/// The capture's file as gloss draws it at the capture's size after its keys, each row
/// without trailing blanks.
fn draw(capture: &Capture) -> String {
    let mut session = harness::Session::gloss(&[&capture.file], capture.cols, capture.rows);
    // Detection runs beside the first frame: the keys must find the annotations there.
    session.wait_for("the article annotated", |s| {
        let text = s.contents();
        // The side pane's tab bar is drawn, and detection no longer says it runs.
        (text.contains(" Not ") || text.contains(" Notes ")) && !text.contains("etecting…")
    });
    for key in &capture.keys {
        let before = settled(&session);
        session.send(&key_bytes(key));
        session.wait_for(&format!("{key} to change the screen"), |s| {
            s.contents() != before
        });
    }
    let screen = settled(&session);
    session.send("q");
    session.wait_exit();
    let mut rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    rows.resize(usize::from(capture.rows), "");
    rows.iter().map(|row| format!("{row}\n")).collect()
}

#[test]
fn the_screen_captures_are_what_gloss_draws() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let update = ["GLOSS_UPDATE_README", "GLOSS_UPDATE_DOCS"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    let mut updated = readme.clone();
    // Last first, so the earlier blocks' places hold while later ones change.
    for capture in captures(&readme).iter().rev() {
        let drawn = draw(capture);
        let written = &readme[capture.block.clone()];
        if written == drawn {
            continue;
        }
        if update {
            updated.replace_range(capture.block.clone(), &drawn);
            continue;
        }
        let diff = similar::TextDiff::from_lines(written, drawn.as_str());
        panic!(
            "the README's screen capture of {} is not what gloss draws at {}x{} after {:?} \
             (- README, + gloss); run `GLOSS_UPDATE_README=1 cargo test --test readme` to \
             regenerate it:\n{}",
            capture.file,
            capture.cols,
            capture.rows,
            capture.keys,
            diff.unified_diff().context_radius(2)
        );
    }
    if updated != readme {
        std::fs::write(readme_path(), updated).expect("README.md is writable");
    }
}
