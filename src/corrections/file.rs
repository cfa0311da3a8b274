//! The corrections file of an article (TOML, one per article, beside the notes' directory
//! or the article), kept by the notes' store ([`crate::notes::store::FileStore`]): atomic
//! writes, a backup, a lock and a merge, and a file that does not parse is never written
//! over.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::model::{Correction, CorrectionSet};
use crate::notes::store::{FileStore, NotesLocation, OpenedFile, Stored};
use crate::notes::{ArticleIdentity, Tombstone};

/// The version written by this gloss; a file with a higher one is left alone.
pub const FORMAT_VERSION: u32 = 1;

/// The corrections of one article as stored (and as `--export json` writes them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionsFile {
    pub version: u32,
    pub text_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, rename = "correction")]
    pub corrections: Vec<Correction>,
    #[serde(default, rename = "tombstone", skip_serializing_if = "Vec::is_empty")]
    pub tombstones: Vec<Tombstone>,
}

/// The store of an article's corrections.
pub type CorrectionStore = FileStore<CorrectionsFile>;

/// What [`CorrectionStore::open`] found.
pub type OpenedCorrections = OpenedFile<CorrectionsFile>;

impl Stored for CorrectionsFile {
    const WHAT: &'static str = "corrections";
    const BESIDE: &'static str = ".corrections.toml";
    const VERSION: u32 = FORMAT_VERSION;
    type Set = CorrectionSet;

    fn version(&self) -> u32 {
        self.version
    }

    fn text_hash(&self) -> &str {
        &self.text_hash
    }

    fn article_path(&self) -> Option<PathBuf> {
        self.path.as_ref().map(PathBuf::from)
    }

    fn build(identity: &ArticleIdentity, title: Option<&str>, set: &CorrectionSet) -> Self {
        CorrectionsFile {
            version: FORMAT_VERSION,
            text_hash: identity.text_hash.clone(),
            path: identity
                .path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            title: title.map(str::to_owned),
            corrections: set.corrections().to_vec(),
            tombstones: set.tombstones().to_vec(),
        }
    }

    fn into_set(self) -> CorrectionSet {
        CorrectionSet::from_parts(self.corrections, self.tombstones)
    }

    fn merge(set: &mut CorrectionSet, on_disk: CorrectionSet) -> usize {
        set.merge(&on_disk)
    }

    fn mark_saved(set: &mut CorrectionSet) {
        set.mark_saved();
    }
}

/// Where an article's corrections are kept, from where its notes are: a `corrections`
/// directory beside the notes directory (`~/.local/share/gloss/corrections/`), or, for a
/// notes file named with `--notes`, that name followed by `.corrections.toml`; with
/// `--notes-beside`, `ARTICLE.corrections.toml`. Never the notes' own file or directory,
/// so corrections never show among the notes.
pub fn location(notes: &NotesLocation) -> NotesLocation {
    match notes {
        NotesLocation::Directory(dir) => {
            let sibling = dir.file_name().is_some_and(|n| n == "notes");
            match dir.parent() {
                Some(parent) if sibling => NotesLocation::Directory(parent.join("corrections")),
                _ => NotesLocation::Directory(dir.join("corrections")),
            }
        }
        NotesLocation::File(file) => {
            let mut name = file.as_os_str().to_os_string();
            name.push(CorrectionsFile::BESIDE);
            NotesLocation::File(PathBuf::from(name))
        }
        NotesLocation::Beside => NotesLocation::Beside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::EntityLabel;
    use crate::corrections::model::Change;
    use crate::notes::selector::{CodePoints, Target};
    use crate::notes::store::{StoreError, parse_stored};
    use std::path::Path;

    fn set(text: &str) -> CorrectionSet {
        let cps = CodePoints::new(text);
        let mut set = CorrectionSet::default();
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let change = Change::EntityKind {
            label: EntityLabel::Misc,
        };
        set.add(Correction::new(
            Target::from_range(text, 0..16, &cps),
            "PLACE",
            change,
            now,
        ));
        let id = set.add(Correction::new(
            Target::from_range(text, 22..28, &cps),
            "",
            Change::SplitOff,
            now,
        ));
        set.remove(&id, now);
        let speaker = Change::Speaker {
            name: "Ann \"Nan\" Lee".into(),
        };
        set.add(Correction::new(
            Target::from_range(text, 22..28, &cps),
            "",
            speaker,
            now,
        ));
        set
    }

    #[test]
    fn round_trips_through_toml() {
        let text = "Operation Impact and Iraqis said so.";
        let identity = ArticleIdentity::new(text, Some(Path::new("/tmp/a.txt")));
        let file = CorrectionsFile::build(&identity, Some("T"), &set(text));
        let toml = file.to_toml().unwrap();
        assert!(toml.contains("change = \"entity-kind\""), "{toml}");
        assert!(toml.contains("label = \"MISC\""), "{toml}");
        let back: CorrectionsFile = parse_stored(&toml, Path::new("c.toml")).unwrap();
        assert_eq!(back, file);
        assert_eq!(back.into_set().len(), 2);
    }

    #[test]
    fn errors_name_the_corrections_file() {
        let bad = "version = 1\ntext_hash = \"x\"\n[[correction]]\nchange = \"nonsense\"\n";
        let err = parse_stored::<CorrectionsFile>(bad, Path::new("/c/x.toml")).unwrap_err();
        assert!(matches!(err, StoreError::Parse { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("/c/x.toml:3:1: corrections file does not parse"),
            "{err}"
        );
    }

    #[test]
    fn corrections_live_apart_from_notes() {
        let dir = Path::new("/d/gloss/notes");
        assert_eq!(
            location(&NotesLocation::Directory(dir.into())),
            NotesLocation::Directory("/d/gloss/corrections".into())
        );
        assert_eq!(
            location(&NotesLocation::Directory("/mine".into())),
            NotesLocation::Directory("/mine/corrections".into())
        );
        assert_eq!(
            location(&NotesLocation::File("/n.toml".into())),
            NotesLocation::File("/n.toml.corrections.toml".into())
        );
    }
}
