//! Contracts on text gloss writes: error messages are one line naming their origin.
// Shared by several targets, each using part of it.
#![allow(dead_code)]

/// Panics when `message` is not one non-empty line.
pub fn one_line(message: &str) {
    assert!(!message.is_empty(), "an empty message");
    assert!(
        !message.contains('\n'),
        "a message over several lines: {message:?}"
    );
}

/// Panics when `message` does not start with `origin` followed by `:line:col: `, with
/// `line` inside `source`.
pub fn located(message: &str, origin: &str, source: &str) {
    one_line(message);
    let rest = message
        .strip_prefix(origin)
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or_else(|| panic!("does not start with '{origin}:': {message:?}"));
    let mut parts = rest.splitn(3, ':');
    let line: usize = parts
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| panic!("no line: {message:?}"));
    let col: usize = parts
        .next()
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no column: {message:?}"));
    let lines = source.split('\n').count();
    assert!(
        line >= 1 && line <= lines,
        "line {line} of {lines}: {message:?}"
    );
    assert!(col >= 1, "column 0: {message:?}");
}
