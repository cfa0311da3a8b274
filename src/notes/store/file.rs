//! The notes file format (TOML, one file per article), the [`Stored`] trait through which
//! the store keeps other per-article files the same way (the corrections), and their
//! parsing, with errors that name the file, line and column.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::notes::identity::ArticleIdentity;
use crate::notes::model::{Note, NoteSet, Tombstone};

/// The version written by this gloss; a file with a higher one is left alone.
pub const FORMAT_VERSION: u32 = 1;

/// A notes file as stored (and as `--export json` writes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    pub version: u32,
    /// The article's [`crate::notes::identity::text_hash`] when last saved.
    pub text_hash: String,
    /// The article's canonical path when last saved (lossy UTF-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, rename = "note")]
    pub notes: Vec<Note>,
    #[serde(default, rename = "tombstone", skip_serializing_if = "Vec::is_empty")]
    pub tombstones: Vec<Tombstone>,
}

/// A per-article file the store keeps: its TOML form, the set the reader changes, and how
/// two copies of that set merge.
pub trait Stored: Sized + Serialize + DeserializeOwned {
    /// What the file holds, in messages: "notes", "corrections".
    const WHAT: &'static str;
    /// The name beside the article is the article's file name followed by this.
    const BESIDE: &'static str;
    /// The highest format version this gloss reads (and the one it writes).
    const VERSION: u32;
    /// The set the reader changes.
    type Set: Default;

    fn version(&self) -> u32;
    /// The article's text hash when the file was last saved.
    fn text_hash(&self) -> &str;
    /// The article's path when the file was last saved.
    fn article_path(&self) -> Option<PathBuf>;
    fn build(identity: &ArticleIdentity, title: Option<&str>, set: &Self::Set) -> Self;
    fn into_set(self) -> Self::Set;
    /// Takes what another process saved into `set`; how many items that changed.
    fn merge(set: &mut Self::Set, on_disk: Self::Set) -> usize;
    /// Called once `set` is safely on disk.
    fn mark_saved(set: &mut Self::Set);

    fn to_toml(&self) -> Result<String, StoreError> {
        toml::to_string(self).map_err(|e| StoreError::Serialize(e.to_string()))
    }
}

/// Parses a stored file's text; `file` names it in errors, which give the line and column.
pub fn parse_stored<F: Stored>(text: &str, file: &Path) -> Result<F, StoreError> {
    let parsed: F = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        StoreError::Parse {
            what: F::WHAT,
            file: file.to_path_buf(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })?;
    if parsed.version() > F::VERSION {
        return Err(StoreError::Version {
            what: F::WHAT,
            file: file.to_path_buf(),
            found: parsed.version(),
            supported: F::VERSION,
        });
    }
    Ok(parsed)
}

impl Stored for NotesFile {
    const WHAT: &'static str = "notes";
    const BESIDE: &'static str = ".notes.toml";
    const VERSION: u32 = FORMAT_VERSION;
    type Set = NoteSet;

    fn version(&self) -> u32 {
        self.version
    }

    fn text_hash(&self) -> &str {
        &self.text_hash
    }

    fn article_path(&self) -> Option<PathBuf> {
        NotesFile::article_path(self)
    }

    fn build(identity: &ArticleIdentity, title: Option<&str>, set: &NoteSet) -> Self {
        NotesFile::new(identity, title, set)
    }

    fn into_set(self) -> NoteSet {
        NotesFile::into_set(self)
    }

    fn merge(set: &mut NoteSet, on_disk: NoteSet) -> usize {
        set.merge(&on_disk)
    }

    fn mark_saved(set: &mut NoteSet) {
        set.mark_saved();
    }
}

impl NotesFile {
    pub fn new(identity: &ArticleIdentity, title: Option<&str>, notes: &NoteSet) -> NotesFile {
        NotesFile {
            version: FORMAT_VERSION,
            text_hash: identity.text_hash.clone(),
            path: identity
                .path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            title: title.map(str::to_owned),
            notes: notes.notes().to_vec(),
            tombstones: notes.tombstones().to_vec(),
        }
    }

    pub fn into_set(self) -> NoteSet {
        NoteSet::from_parts(self.notes, self.tombstones)
    }

    /// The stored path, if any.
    pub fn article_path(&self) -> Option<PathBuf> {
        self.path.as_ref().map(PathBuf::from)
    }

    /// Parses a notes file's text; `file` names it in errors.
    pub fn parse(text: &str, file: &Path) -> Result<NotesFile, StoreError> {
        parse_stored(text, file)
    }

    pub fn to_toml(&self) -> Result<String, StoreError> {
        Stored::to_toml(self)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let byte = crate::notes::selector::floor_boundary(text, byte);
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::Motivation;
    use crate::notes::selector::{CodePoints, Target};

    #[test]
    fn round_trips_through_toml() {
        let text = "Some article text to note.";
        let target = Target::from_range(text, 5..12, &CodePoints::new(text));
        let mut set = NoteSet::default();
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let id = set.add(Note::new(
            Motivation::Commenting,
            "why #this\nline two",
            target,
            now,
        ));
        set.delete(&id, now);
        set.add(Note::new(Motivation::Highlighting, "", set_target(), now));
        let identity = ArticleIdentity::new(text, Some(Path::new("/tmp/a.txt")));
        let file = NotesFile::new(&identity, Some("A title"), &set);
        let toml = file.to_toml().unwrap();
        assert_eq!(NotesFile::parse(&toml, Path::new("n.toml")).unwrap(), file);
        assert!(
            toml.contains("[[note]]") && toml.contains("[[tombstone]]"),
            "{toml}"
        );
    }

    fn set_target() -> Target {
        let text = "abc";
        Target::from_range(text, 0..3, &CodePoints::new(text))
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let bad = "version = 1\ntext_hash = \"x\"\n[[note]]\nid = \n";
        let err = NotesFile::parse(bad, Path::new("/n/x.toml")).unwrap_err();
        let StoreError::Parse { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (4, 6));
        assert!(err.to_string().starts_with("/n/x.toml:4:6: "), "{err}");
        let newer = "version = 9\ntext_hash = \"x\"\n";
        assert!(matches!(
            NotesFile::parse(newer, Path::new("x")),
            Err(StoreError::Version { found: 9, .. })
        ));
    }

    proptest::proptest! {
        /// Whatever is in the file, parsing returns (no panic), and errors carry a position
        /// inside the text.
        #[test]
        fn parse_never_panics(text in "(version = 1\ntext_hash = \"x\"\n)?[\\[\\]a-z =\"\n0-9.#é]{0,200}") {
            if let Err(StoreError::Parse { line, column, .. }) = NotesFile::parse(&text, Path::new("f")) {
                proptest::prop_assert!(line >= 1 && line <= text.lines().count() + 1 && column >= 1);
            }
        }
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\néé=x", 7), (2, 3));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
