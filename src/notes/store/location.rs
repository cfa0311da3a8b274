//! Where an article's notes file lives: the XDG data directory (default), an explicit
//! file (`--notes PATH`) or beside the article (`--notes-beside`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::StoreError;

/// The reader's choice of where notes are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotesLocation {
    /// One file per article in this directory, found by text hash then by path. The default
    /// is [`NotesLocation::data_dir`].
    Directory(PathBuf),
    /// Exactly this file (`--notes PATH` or the config entry).
    File(PathBuf),
    /// `ARTICLE.notes.toml` next to the article file (the article's full file name followed
    /// by `.notes.toml`, so `a.txt` and `a.md` keep separate notes).
    Beside,
}

impl NotesLocation {
    /// The default: `$XDG_DATA_HOME/gloss/notes/`, else `~/.local/share/gloss/notes/`.
    pub fn data_dir() -> Result<NotesLocation, StoreError> {
        data_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
            .map(NotesLocation::Directory)
            .ok_or(StoreError::NoDataDir)
    }
}

/// The notes directory for given `XDG_DATA_HOME` and `HOME` values. The XDG spec says a
/// relative `XDG_DATA_HOME` is invalid and must be ignored.
pub fn data_dir_from(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    Some(
        xdg_dir(xdg, home, ".local/share")?
            .join("gloss")
            .join("notes"),
    )
}

/// An XDG base directory: the variable's value when it is absolute (the spec says a
/// relative one is invalid and must be ignored), else `default` under `HOME`.
pub fn xdg_dir(xdg: Option<OsString>, home: Option<OsString>, default: &str) -> Option<PathBuf> {
    match xdg.map(PathBuf::from).filter(|p| p.is_absolute()) {
        Some(dir) => Some(dir),
        None => Some(PathBuf::from(home.filter(|h| !h.is_empty())?).join(default)),
    }
}

/// The notes file beside an article file.
pub fn beside(article: &Path) -> Option<PathBuf> {
    beside_with(article, ".notes.toml")
}

/// The file beside an article whose name is the article's followed by `suffix`.
pub fn beside_with(article: &Path, suffix: &str) -> Option<PathBuf> {
    let name = article.file_name()?;
    let mut name = name.to_os_string();
    name.push(suffix);
    Some(article.with_file_name(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_then_home_and_relative_xdg_ignored() {
        let d = |x: Option<&str>, h: Option<&str>| {
            data_dir_from(x.map(OsString::from), h.map(OsString::from))
        };
        assert_eq!(
            d(Some("/x"), Some("/h")),
            Some(PathBuf::from("/x/gloss/notes"))
        );
        assert_eq!(
            d(Some("rel"), Some("/h")),
            Some(PathBuf::from("/h/.local/share/gloss/notes"))
        );
        assert_eq!(d(None, None), None);
    }

    #[test]
    fn beside_appends_to_the_file_name() {
        assert_eq!(
            beside(Path::new("/a/b.txt")),
            Some(PathBuf::from("/a/b.txt.notes.toml"))
        );
        assert_eq!(beside(Path::new("/")), None);
    }
}
