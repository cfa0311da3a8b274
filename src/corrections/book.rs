//! [`CorrectionBook`]: the corrections of the open article as the reader and the scripts
//! use them — the stored set, where each one was placed on the current text, and the store
//! they are saved to. [`CorrectionBook::open`] and [`CorrectionBook::save`] do I/O (the
//! shell runs them as effects); the rest is plain data.

use std::path::Path;

use jiff::Timestamp;

use super::apply::{Placement, apply};
use super::file::{self, CorrectionStore, OpenedCorrections};
use super::lexicon::Lexicon;
use super::model::{Correction, CorrectionSet};
use crate::annotation::AnnotationSet;
use crate::notes::{ArticleIdentity, NotesLocation, Saved, StoreError};

/// The open article's corrections.
#[derive(Debug)]
pub struct CorrectionBook {
    store: CorrectionStore,
    set: CorrectionSet,
    /// Where each correction of `set` was placed by the last [`CorrectionBook::apply`].
    placements: Vec<Placement>,
}

impl CorrectionBook {
    /// Loads the corrections of the article `identity`, kept apart from its notes at
    /// `notes` ([`file::location`]). The second value is a problem with the file for the
    /// status bar or standard error (the book is then read-only).
    pub fn open(
        notes: &NotesLocation,
        identity: ArticleIdentity,
        title: Option<String>,
    ) -> Result<(CorrectionBook, Option<StoreError>), StoreError> {
        let opened = CorrectionStore::open(&file::location(notes), identity, title)?;
        Ok(CorrectionBook::from_opened(opened))
    }

    /// Loads the corrections in `file`, found already (`index::FileIndex`).
    pub fn open_file(
        file: &Path,
        identity: ArticleIdentity,
        title: Option<String>,
    ) -> Result<(CorrectionBook, Option<StoreError>), StoreError> {
        let location = NotesLocation::File(file.to_path_buf());
        let opened = CorrectionStore::open(&location, identity, title)?;
        Ok(CorrectionBook::from_opened(opened))
    }

    fn from_opened(opened: OpenedCorrections) -> (CorrectionBook, Option<StoreError>) {
        let OpenedCorrections {
            store,
            notes: set,
            problem,
        } = opened;
        let book = CorrectionBook {
            store,
            set,
            placements: Vec::new(),
        };
        (book, problem)
    }

    /// Applies the lexicon and the corrections to `set`, the detectors' annotations of
    /// `text`, and records where each correction was placed.
    pub fn apply(&mut self, set: &mut AnnotationSet, text: &str, lexicon: &Lexicon) {
        self.placements = apply(set, text, self.set.corrections(), lexicon);
    }

    pub fn corrections(&self) -> &CorrectionSet {
        &self.set
    }

    /// Each correction with where it was placed (`None` before the first apply).
    pub fn placed(&self) -> impl Iterator<Item = (&Correction, Option<&Placement>)> {
        let placements = &self.placements;
        self.set
            .corrections()
            .iter()
            .enumerate()
            .map(move |(i, c)| (c, placements.get(i)))
    }

    /// How many corrections could not be placed on the text.
    pub fn detached(&self) -> usize {
        self.placements
            .iter()
            .filter(|p| **p == Placement::Detached)
            .count()
    }

    pub fn store(&self) -> &CorrectionStore {
        &self.store
    }

    pub fn add(&mut self, correction: Correction) -> String {
        self.set.add(correction)
    }

    /// Undoes a correction (the latest when `id` is `None`); returns it.
    pub fn undo(&mut self, id: Option<&str>, now: Timestamp) -> Option<Correction> {
        let id = match id {
            Some(id) => id.to_owned(),
            None => self
                .set
                .corrections()
                .iter()
                .max_by_key(|c| c.created)?
                .id
                .clone(),
        };
        self.set.remove(&id, now)
    }

    pub fn is_dirty(&self) -> bool {
        self.set.is_dirty()
    }

    /// Saves (merging what another gloss saved meanwhile).
    pub fn save(&mut self) -> Result<Saved, StoreError> {
        self.store.save(&mut self.set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::apply::tests::{TEXT, detected, fix};
    use crate::corrections::model::Change;

    #[test]
    fn saved_corrections_are_applied_on_the_next_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notes = NotesLocation::Directory(dir.path().join("notes"));
        let identity = ArticleIdentity::new(TEXT, None);
        let (mut book, problem) =
            CorrectionBook::open(&notes, identity.clone(), None).expect("open");
        assert!(problem.is_none());
        book.add(fix(TEXT, "Baghdad", Change::NotEntity));
        let undone = book.add(fix(TEXT, "Iraqis", Change::SplitOff));
        book.add(fix(TEXT, "Sunday", Change::NotDate));
        assert_eq!(
            book.undo(None, Timestamp::now()).map(|c| c.change),
            Some(Change::NotDate)
        );
        assert!(book.undo(Some(&undone), Timestamp::now()).is_some());
        book.save().expect("save");
        assert!(
            book.store()
                .file()
                .starts_with(dir.path().join("corrections"))
        );
        assert!(
            !dir.path().join("notes").exists(),
            "nothing among the notes"
        );

        let (mut again, _) = CorrectionBook::open(&notes, identity, None).expect("reopen");
        let mut set = detected(TEXT);
        again.apply(&mut set, TEXT, &Lexicon::default());
        assert_eq!(again.corrections().len(), 1);
        assert!(matches!(
            again.placed().next(),
            Some((_, Some(Placement::Applied(_))))
        ));
        assert_eq!(
            set.groups().iter().filter(|g| g.name == "Baghdad").count(),
            0
        );
        assert_eq!(again.detached(), 0);
    }

    #[test]
    fn two_readers_keep_each_others_corrections_and_undos() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notes = NotesLocation::Directory(dir.path().join("notes"));
        let identity = ArticleIdentity::new(TEXT, None);
        let open = || {
            CorrectionBook::open(&notes, identity.clone(), None)
                .expect("open")
                .0
        };
        let (mut one, mut two) = (open(), open());
        let shared = one.add(fix(TEXT, "Baghdad", Change::NotEntity));
        one.save().expect("first save");
        two.add(fix(TEXT, "Iraqis", Change::SplitOff));
        assert_eq!(two.save().expect("second save").merged, 1);
        one.undo(Some(&shared), Timestamp::now());
        assert_eq!(one.save().expect("third save").merged, 1);
        let ids: Vec<Change> = open()
            .corrections()
            .corrections()
            .iter()
            .map(|c| c.change.clone())
            .collect();
        assert_eq!(ids, vec![Change::SplitOff], "the undone one stays undone");
        assert!(
            dir.path()
                .join("corrections")
                .read_dir()
                .expect("dir")
                .any(|e| {
                    e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".toml.bak"))
                }),
            "the previous version is kept as a backup"
        );
    }

    #[test]
    fn a_file_that_does_not_parse_is_never_written_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("article.txt.corrections.toml");
        std::fs::write(&file, "version = 1\n[[correction]\n").expect("write");
        let identity = ArticleIdentity::new(TEXT, Some(&dir.path().join("article.txt")));
        let notes = NotesLocation::File(dir.path().join("article.txt"));
        let (mut book, problem) = CorrectionBook::open(&notes, identity, None).expect("open");
        let problem = problem.map(|p| p.to_string()).unwrap_or_default();
        assert!(
            problem.contains("corrections file does not parse"),
            "{problem}"
        );
        assert!(
            problem.starts_with(&format!("{}:2:", file.display())),
            "{problem}"
        );
        book.add(fix(TEXT, "Baghdad", Change::NotEntity));
        let refused = book.save().map(|_| ()).unwrap_err().to_string();
        assert!(
            refused.starts_with("corrections are read-only"),
            "{refused}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).ok().as_deref(),
            Some("version = 1\n[[correction]\n")
        );
    }
}
