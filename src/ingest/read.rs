//! Reading what gloss is given — articles, standard input, configs, themes, imported
//! notes — with one set of rules, so no input can hang gloss or fill its memory:
//!
//! - only regular files are read: a directory, a named pipe (FIFO), a device such as
//!   `/dev/zero` or a socket is refused by its type before it is opened (opening a FIFO
//!   would block until something writes to it);
//! - at most a limit is read ([`CONFIG_LIMIT`] for configs and themes, [`ARTICLE_LIMIT`]
//!   for articles), then the read stops with an error naming the limit;
//! - standard input is sniffed for binary data (NUL bytes, as a binary file is) before
//!   the rest is read, so `gloss - < /dev/zero` is refused at once.
//!
//! Every failure is a [`ReadError`]: the name and a lowercase, one-line [`Problem`] with no
//! "(os error N)" suffix and no `source` chain to print it twice.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::bytes::{SNIFF_LEN, looks_binary};

/// The largest config or theme file gloss reads (1 MiB: the built-in themes are 2 KB).
pub const CONFIG_LIMIT: u64 = 1024 * 1024;

/// The largest article gloss reads (256 MiB: War and Peace is 3.2 MB, and a 33.6 MB file
/// takes ~100 MiB of memory once annotated, docs/performance.md).
pub const ARTICLE_LIMIT: u64 = 256 * 1024 * 1024;

/// Why something could not be read, as a lowercase phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotFound,
    Directory,
    /// Not a regular file: "a named pipe (FIFO)", "a character device"…
    NotAFile(&'static str),
    /// More than the limit (bytes).
    TooLarge(u64),
    Binary,
    /// Any other I/O error, as [`io_reason`] words it.
    Io(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotFound => f.write_str("no such file or directory"),
            Problem::Directory => f.write_str("it is a directory, not a file"),
            Problem::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            Problem::TooLarge(limit) => write!(
                f,
                "it is larger than {}, the most gloss reads",
                human_size(*limit)
            ),
            Problem::Binary => f.write_str("it looks like a binary file, not text"),
            Problem::Io(reason) => f.write_str(reason),
        }
    }
}

/// A read that failed: what was being read (a path, or `<stdin>`) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read '{name}': {problem}")]
pub struct ReadError {
    pub name: String,
    pub problem: Problem,
    /// Whether it failed on opening (the file's type or existence), not while reading.
    pub opening: bool,
}

impl ReadError {
    fn opening(path: &Path, problem: Problem) -> ReadError {
        ReadError {
            name: path.display().to_string(),
            problem,
            opening: true,
        }
    }
}

/// Reads the whole of the regular file at `path`, at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(ReadError::opening(path, Problem::TooLarge(limit)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    read_rest(file, &mut bytes, limit, &path.display().to_string())?;
    Ok(bytes)
}

/// Opens `path` for reading if it is a regular file (following symbolic links), giving the
/// file and its length. Anything else is refused before it is opened.
pub fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    let metadata = std::fs::metadata(path).map_err(|e| ReadError::opening(path, problem_of(&e)))?;
    if let Some(problem) = not_regular(&metadata.file_type()) {
        return Err(ReadError::opening(path, problem));
    }
    let file = File::open(path).map_err(|e| ReadError::opening(path, problem_of(&e)))?;
    Ok((file, metadata.len()))
}

/// Appends what is left of `reader` to `bytes`, failing once `bytes` would hold more than
/// `limit` bytes.
pub fn read_rest(
    reader: impl Read,
    bytes: &mut Vec<u8>,
    limit: u64,
    name: &str,
) -> Result<(), ReadError> {
    let room = limit.saturating_sub(bytes.len() as u64);
    let read_error = |problem| ReadError {
        name: name.to_owned(),
        problem,
        opening: false,
    };
    reader
        .take(room.saturating_add(1))
        .read_to_end(bytes)
        .map_err(|e| read_error(problem_of(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(read_error(Problem::TooLarge(limit)));
    }
    Ok(())
}

/// Reads a stream (standard input) whole, at most `limit` bytes, refusing it as binary if
/// its first [`SNIFF_LEN`] bytes say so, before reading on.
pub fn read_stream(mut reader: impl Read, name: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    (&mut reader)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError {
            name: name.to_owned(),
            problem: problem_of(&e),
            opening: false,
        })?;
    // UTF-16 text has NUL bytes in its ASCII; its byte-order mark says it is text.
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !utf16 && looks_binary(&bytes) {
        return Err(ReadError {
            name: name.to_owned(),
            problem: Problem::Binary,
            opening: false,
        });
    }
    read_rest(reader, &mut bytes, limit, name)?;
    Ok(bytes)
}

/// Why a file of this type cannot be read as a file, if it cannot.
fn not_regular(file_type: &std::fs::FileType) -> Option<Problem> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(Problem::Directory);
    }
    Some(Problem::NotAFile(special_kind(file_type)))
}

#[cfg(unix)]
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a named pipe (FIFO)"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

fn problem_of(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::NotFound,
        std::io::ErrorKind::IsADirectory => Problem::Directory,
        _ => Problem::Io(io_reason(e)),
    }
}

/// A lowercase, one-line reason for an I/O error, without the "(os error N)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "it is a directory, not a file".to_string(),
        ErrorKind::InvalidData => "the data is not valid".to_string(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

/// `limit` in the largest whole binary unit: "1 MiB", "256 MiB", "900 bytes".
pub fn human_size(limit: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    UNITS
        .iter()
        .find(|(size, _)| limit >= *size && limit.is_multiple_of(*size))
        .map_or_else(
            || format!("{limit} bytes"),
            |(size, unit)| format!("{} {unit}", limit / size),
        )
}

#[cfg(test)]
mod tests;
