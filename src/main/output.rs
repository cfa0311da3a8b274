//! Everything the `gloss` binary prints goes through here, so nothing from a document, a
//! note, a file name or a config value reaches the terminal as a control sequence: an
//! `ESC ] 0 ; … BEL` in an article must not rename the window, nor an OSC 52 write the
//! clipboard.
//!
//! [`Visible`] is a writer that shows control characters the way `cat -v` does (`^[` for
//! ESC, `^G` for BEL, `M-^[` for the C1 CSI) instead of sending them. Standard error always
//! goes through it; standard output does when it is a terminal, and is left byte for byte
//! as it is when it is a file or a pipe (a Markdown export keeps its text). Line feeds and
//! tabs pass: they are layout, not commands.

use std::io::{self, IsTerminal, Write};

/// A writer that makes control characters visible (when `active`).
pub struct Visible<W: Write> {
    inner: W,
    active: bool,
    /// The last byte written was 0xC2, the lead byte of the two-byte UTF-8 forms of the C1
    /// controls U+0080..U+009F, held until the next byte says which it was.
    after_c2: bool,
}

impl<W: Write> Visible<W> {
    /// Wraps `inner`; an inactive writer passes bytes through unchanged.
    pub fn new(inner: W, active: bool) -> Visible<W> {
        Visible {
            inner,
            active,
            after_c2: false,
        }
    }

    fn write_visible(&mut self, buf: &[u8]) -> io::Result<()> {
        // buf[plain..i] is passed through as it is when something is shown in its place.
        let mut plain = 0;
        for (i, &b) in buf.iter().enumerate() {
            let held = std::mem::take(&mut self.after_c2);
            let shown = match b {
                0x80..=0x9F if held => Some(Shown::As(format!("M-^{}", char::from(b - 0x40)))),
                _ if held => {
                    // Not a C1 control: the held lead byte goes out first (plain == i).
                    self.inner.write_all(&[0xC2])?;
                    shown(b)
                }
                _ => shown(b),
            };
            match shown {
                Some(Shown::Hold) => {
                    self.inner.write_all(&buf[plain..i])?;
                    self.after_c2 = true;
                }
                Some(Shown::As(text)) => {
                    self.inner.write_all(&buf[plain..i])?;
                    self.inner.write_all(text.as_bytes())?;
                }
                None => continue,
            }
            plain = i + 1;
        }
        self.inner.write_all(&buf[plain..])
    }
}

/// What a byte outside a C1 sequence becomes.
enum Shown {
    /// 0xC2: held until the next byte.
    Hold,
    /// A control, written as this text.
    As(String),
}

/// How byte `b` is shown, if not as itself.
fn shown(b: u8) -> Option<Shown> {
    match b {
        0xC2 => Some(Shown::Hold),
        b'\n' | b'\t' => None,
        0x00..=0x1F => Some(Shown::As(format!("^{}", char::from(b + 0x40)))),
        0x7F => Some(Shown::As("^?".to_owned())),
        _ => None,
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.active {
            self.write_visible(buf)?;
            Ok(buf.len())
        } else {
            self.inner.write(buf)
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Standard output, made visible when it is a terminal.
pub fn stdout() -> Visible<io::StdoutLock<'static>> {
    let stdout = io::stdout();
    let active = stdout.is_terminal();
    Visible::new(stdout.lock(), active)
}

/// `text` as [`Visible`] shows it.
pub fn visible(text: &str) -> String {
    let mut out = Visible::new(Vec::new(), true);
    // Writing to a Vec cannot fail.
    let _ = out.write_all(text.as_bytes());
    String::from_utf8_lossy(&out.inner).into_owned()
}

/// Prints `gloss: {message}` on standard error, controls made visible. A standard error
/// that cannot be written to has nowhere left to report to.
pub fn say(message: &str) {
    let _ = writeln!(io::stderr().lock(), "gloss: {}", visible(message));
}

#[cfg(test)]
#[path = "output_tests.rs"]
mod tests;
