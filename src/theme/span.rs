//! Places in TOML sources: byte offsets turned into `file:line:column` for error messages
//! shared by themes and the config, and the reading of those sources ([`read_toml`]).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::ingest::{CONFIG_LIMIT, Problem, read_file};

/// The 1-based line and column (in characters) of byte `offset` in `source`.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// A message about a place in a file: displayed as `path:line:col: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Located {
    pub(crate) fn at(path: &Path, source: &str, offset: usize, message: String) -> Located {
        let (line, col) = line_col(source, offset);
        Located {
            path: path.to_owned(),
            line,
            col,
            message,
        }
    }

    /// A TOML error at its span (the file's start when it has none), with toml's message
    /// cut to its first line so the whole error stays on one line.
    pub(crate) fn from_toml(path: &Path, source: &str, error: &toml::de::Error) -> Located {
        let offset = error.span().map_or(0, |span| span.start);
        let message = error
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .trim()
            .to_owned();
        Located::at(path, source, offset, message)
    }
}

/// Why a TOML file could not be read as text.
#[derive(Debug)]
pub(crate) enum TomlRead {
    NotFound,
    /// Not a regular file, too large, or an I/O error.
    Read(Problem),
    /// Not UTF-8: where the first invalid byte is.
    Invalid(Located),
}

/// Reads a config or theme file as text, through the one bounded reader
/// ([`crate::ingest::read_file`], at most [`CONFIG_LIMIT`]); invalid UTF-8 is an error at
/// its line and column.
pub(crate) fn read_toml(path: &Path) -> Result<String, TomlRead> {
    let bytes = read_file(path, CONFIG_LIMIT).map_err(|e| match e.problem {
        Problem::NotFound => TomlRead::NotFound,
        problem => TomlRead::Read(problem),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // The text before the bad byte is valid, so line and column can be counted in it.
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        TomlRead::Invalid(Located::at(
            path,
            before,
            valid,
            format!(
                "invalid UTF-8 (byte 0x{:02X}): the file must be UTF-8 text",
                bytes[valid]
            ),
        ))
    })
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

impl std::error::Error for Located {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let source = "a = 1\nbé = 2\n";
        assert_eq!(line_col(source, 0), (1, 1));
        assert_eq!(line_col(source, 6), (2, 1));
        assert_eq!(line_col(source, 9), (2, 3));
        assert_eq!(line_col(source, 8), (2, 2), "inside a character: its start");
        assert_eq!(line_col(source, 999), (3, 1));
    }
}
