//! The `gloss` binary: command-line parsing and dispatch to the reader or `annotate`.

fn main() {}
