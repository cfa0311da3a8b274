//! The shape the design promises, checked on the source: the core (all of `src/` but the
//! TUI, `src/tui.rs` and `src/tui/`, and the binary's `src/main.rs` and `src/main/`) knows
//! nothing of the terminal: no file of it imports ratatui or crossterm or names a path in
//! them. Comments may mention them (the layout's docs say it measures as ratatui does).

use std::path::{Path, PathBuf};

/// The crates only the terminal shell may use, as their names appear in paths (the
/// `ratatui-textarea` crate is `ratatui_textarea`, which this catches too).
const TERMINAL_CRATES: [&str; 2] = ["ratatui", "crossterm"];

/// Whether `path` (relative to `src/`) belongs to the terminal shell.
fn is_shell(path: &Path) -> bool {
    let first = path
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    ["tui", "tui.rs", "main", "main.rs"].contains(&first.as_str())
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The terminal crate `line` of Rust uses, if any: a `use` or `extern crate` of one, or a
/// path through one (`ratatui::text::Line`, `crossterm::terminal::size()`). Comment lines
/// and the part of a line after `//` are not code.
fn terminal_use(line: &str) -> Option<&'static str> {
    let code = line.split("//").next().unwrap_or("").trim();
    let statement = ["use ", "pub use ", "pub(crate) use ", "extern crate "]
        .iter()
        .any(|s| code.starts_with(s));
    TERMINAL_CRATES.into_iter().find(|krate| {
        code.match_indices(krate).any(|(at, _)| {
            let starts_word = !code[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let rest = code[at + krate.len()..]
                .trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
            starts_word && (statement || rest.starts_with("::"))
        })
    })
}

#[test]
fn the_core_stays_terminal_free() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let core: Vec<_> = files
        .iter()
        .filter(|f| !is_shell(f.strip_prefix(&src).expect("a file under src/")))
        .collect();
    // The walk really found the core (a broken walk would check nothing and pass).
    for expected in [
        "lib.rs",
        "layout.rs",
        "theme.rs",
        "config.rs",
        "keys.rs",
        "notes.rs",
    ] {
        assert!(
            core.iter().any(|f| f.ends_with(expected)),
            "{expected} not checked"
        );
    }
    assert!(
        !core.iter().any(|f| f.ends_with("tui.rs")),
        "the TUI is not core"
    );
    let mut offences = Vec::new();
    for file in core {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            if let Some(krate) = terminal_use(line) {
                let path = file.strip_prefix(&src).unwrap_or(file).display();
                offences.push(format!(
                    "src/{path}:{}: uses {krate}: {}",
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "only src/tui/ and src/main.rs may use the terminal crates:\n{}",
        offences.join("\n")
    );
}

#[test]
fn imports_and_paths_are_caught_and_mentions_are_not() {
    let caught = [
        "use ratatui::text::Line;",
        "pub use crossterm::event::KeyCode;",
        "use ratatui;",
        "use {ratatui::Frame, std::fmt};",
        "    let size = ratatui::crossterm::terminal::size();",
        "fn f(e: crossterm::event::Event) {}",
        "use ratatui_textarea::TextArea;",
        "extern crate crossterm;",
    ];
    for line in caught {
        assert!(terminal_use(line).is_some(), "missed: {line}");
    }
    let allowed = [
        "//! measured with the width table ratatui uses",
        "/// exactly as ratatui's buffer counts it: `ratatui::buffer::Buffer`",
        "fn widths_follow_ratatui() {",
        "let x = 1; // ratatui::Frame would be wrong here",
        "use crate::layout::Line;",
    ];
    for line in allowed {
        assert_eq!(terminal_use(line), None, "flagged: {line}");
    }
}
