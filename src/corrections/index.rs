//! [`FileIndex`]: which file of a corrections directory holds which article's
//! corrections, read once for many articles (`gloss library add`, `gloss annotate` on a
//! directory). Looking an article up in the directory itself reads every file when the
//! article has none, and most have none: that made importing many articles cost a
//! directory's worth of reads each. The rules are the notes store's
//! (`notes::store::find_in_dir`): the file named by the text hash, else one that recorded
//! the hash, else one that recorded the article's path.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::file::CorrectionsFile;
use crate::notes::store::{Stored, parse_stored};

/// The corrections files of one directory, by name, recorded text hash and article path.
#[derive(Debug, Clone, Default)]
pub struct FileIndex {
    names: HashMap<OsString, PathBuf>,
    by_hash: HashMap<String, PathBuf>,
    by_path: HashMap<PathBuf, PathBuf>,
}

impl FileIndex {
    /// Reads every corrections file of `dir` (none when it is missing). Hidden files,
    /// other extensions and files that do not parse are skipped, as the store skips them.
    pub fn read(dir: &Path) -> FileIndex {
        let mut index = FileIndex::default();
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| (e.file_name(), e.path()))
            .filter(|(name, path)| {
                !name.to_string_lossy().starts_with('.')
                    && path.extension().is_some_and(|e| e == "toml")
            })
            .collect();
        entries.sort();
        for (name, path) in entries {
            index.names.insert(name, path.clone());
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(found) = parse_stored::<CorrectionsFile>(&text, &path) else {
                continue;
            };
            let hash = found.text_hash().to_owned();
            index.by_hash.entry(hash).or_insert_with(|| path.clone());
            if let Some(article) = found.article_path() {
                index.by_path.entry(article).or_insert(path);
            }
        }
        index
    }

    /// The file holding the corrections of the article with this text hash and path.
    pub fn find(&self, text_hash: &str, path: Option<&Path>) -> Option<&Path> {
        let named = OsString::from(format!("{text_hash}.toml"));
        self.names
            .get(&named)
            .or_else(|| self.by_hash.get(text_hash))
            .or_else(|| self.by_path.get(path?))
            .map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, hash: &str, path: Option<&str>) -> PathBuf {
        let file = dir.join(name);
        let path = path.map_or(String::new(), |p| format!("path = \"{p}\"\n"));
        std::fs::write(
            &file,
            format!("version = 1\ntext_hash = \"{hash}\"\n{path}"),
        )
        .expect("write");
        file
    }

    #[test]
    fn files_are_found_by_name_then_recorded_hash_then_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let named = write(d, "h1.toml", "other", None);
        let renamed = write(d, "renamed.toml", "h2", Some("/a/two.txt"));
        let edited = write(d, "edited.toml", "old", Some("/a/three.txt"));
        std::fs::write(d.join("broken.toml"), "version = [").expect("write");
        write(d, ".hidden.toml", "h4", None);
        let index = FileIndex::read(d);
        assert_eq!(index.find("h1", None), Some(named.as_path()));
        assert_eq!(
            index.find("h2", Some(Path::new("/a/three.txt"))),
            Some(renamed.as_path())
        );
        assert_eq!(
            index.find("new", Some(Path::new("/a/three.txt"))),
            Some(edited.as_path())
        );
        assert_eq!(
            index.find("broken", None),
            Some(d.join("broken.toml").as_path()),
            "its own file, broken, is still the article's (and read-only)"
        );
        assert_eq!(
            index.find("h4", None),
            None,
            "hidden files are not looked at"
        );
        assert_eq!(index.find("new", Some(Path::new("/a/one.txt"))), None);
        assert_eq!(FileIndex::read(&d.join("missing")).find("h1", None), None);
    }
}
