//! Progress of `gloss annotate` over many documents, on standard error: documents done,
//! MB/s and, when the input's size is known, the ETA. Drawn by indicatif only when standard
//! error is a terminal and standard output is not (the annotations go to a file or a pipe:
//! a bar redrawn between JSON lines on the same screen would garble them); silent
//! otherwise, so scripts and logs see nothing but errors.

use std::io::{self, IsTerminal};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    documents: u64,
}

impl Progress {
    /// A bar for an input of `total` bytes (`None` when unknown: standard input), shown
    /// when standard error is a terminal and standard output is not.
    pub fn new(total: Option<u64>) -> Progress {
        let shown = io::stderr().is_terminal() && !io::stdout().is_terminal();
        Progress {
            bar: shown.then(|| bar(total)),
            documents: 0,
        }
    }

    /// One more document of `bytes` written.
    pub fn document(&mut self, bytes: usize) {
        self.documents += 1;
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
            bar.set_message(format!("{} documents", self.documents));
        }
    }

    /// Leaves the bar's last state on screen (after an error too: it says how far it got).
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.abandon();
        }
    }
}

fn bar(total: Option<u64>) -> ProgressBar {
    let template = match total {
        Some(_) => {
            "{spinner} {msg}  {decimal_bytes}/{decimal_total_bytes}  {decimal_bytes_per_sec}  ETA {eta}"
        }
        None => "{spinner} {msg}  {decimal_bytes}  {decimal_bytes_per_sec}",
    };
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner());
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr()).with_style(style);
    bar.set_message("0 documents");
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
