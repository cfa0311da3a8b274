//! How the binary ends when something failed: the one-line message of an error chain, and
//! the quiet end when the reader of gloss's output went away (`gloss annotate | head`).

use std::io;

/// The error and its causes on one line, `outer: inner: …`, leaving out a cause whose
/// text is already in the message.
///
/// A thiserror variant such as `#[error("cannot write notes file {file}: {source}")]`
/// says its source in its own message and also gives it as `source()`, so anyhow's `{:#}`
/// printed it twice ("No space left on device (os error 28): No space left on device (os
/// error 28)"). Messages that say their cause are what the reader's status line needs,
/// so the chain is joined here, once, rather than each error deciding.
pub fn message(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if text.is_empty() || message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// Whether `error` is a write to a closed pipe: the program reading gloss's output ended
/// (`head -c 80`). Command-line tools then stop quietly with status 0, as ripgrep does.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        // serde_json's error hides the io::Error it wraps, but tells its kind.
        let kind = cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
#[path = "failure_tests.rs"]
mod tests;
