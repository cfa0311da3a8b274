//! [`Notebook`]: the notes of the open article as the reader sees them — the stored set,
//! where each note sits in the current text, and the store they are saved to. This is what
//! the TUI holds; every method is a plain function of data except [`Notebook::open`] and
//! [`Notebook::save`], which the shell runs as effects.

use std::collections::HashMap;
use std::ops::Range;

use jiff::Timestamp;

use super::anchor::{self, Anchoring};
use super::identity::ArticleIdentity;
use super::import::Imported;
use super::model::{Motivation, Note, NoteSet};
use super::selector::{CodePoints, Target};
use super::store::{NotesLocation, Opened, Saved, Store, StoreError};

/// The open article's notes, anchored on its current text.
#[derive(Debug)]
pub struct Notebook {
    store: Store,
    notes: NoteSet,
    anchors: HashMap<String, Anchoring>,
    /// Anchored notes sorted by passage start: (range, id).
    placed: Vec<(Range<usize>, String)>,
}

impl Notebook {
    /// Loads the notes of the article with `text` and `identity` and anchors them. The
    /// second value is a problem with the notes file for the status bar (the notebook is
    /// then read-only); the error is only for a location that cannot be named.
    pub fn open(
        location: &NotesLocation,
        identity: ArticleIdentity,
        title: Option<String>,
        text: &str,
    ) -> Result<(Notebook, Option<StoreError>), StoreError> {
        let Opened {
            store,
            notes,
            problem,
        } = Store::open(location, identity, title)?;
        Ok((Notebook::new(store, notes, text), problem))
    }

    /// A notebook over an opened store (for tests and for callers that open stores
    /// themselves).
    pub fn new(store: Store, notes: NoteSet, text: &str) -> Notebook {
        let mut book = Notebook {
            store,
            notes,
            anchors: HashMap::new(),
            placed: Vec::new(),
        };
        book.reanchor(text);
        book
    }

    /// Places every note on `text` again (after a reload of the article or a merge), and
    /// records the new selectors for the next save.
    pub fn reanchor(&mut self, text: &str) {
        self.anchors = anchor::anchor_all(&self.notes, text);
        anchor::retarget(&mut self.notes, text, &self.anchors);
        self.index();
    }

    fn index(&mut self) {
        self.placed = self
            .anchors
            .iter()
            .filter_map(|(id, a)| Some((a.range()?, id.clone())))
            .collect();
        self.placed.sort_by_key(|(r, _)| (r.start, r.end));
    }

    pub fn notes(&self) -> &NoteSet {
        &self.notes
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// How a note was placed (`None` for an unknown id).
    pub fn anchoring(&self, id: &str) -> Option<&Anchoring> {
        self.anchors.get(id)
    }

    pub fn anchors(&self) -> &HashMap<String, Anchoring> {
        &self.anchors
    }

    /// The placed notes in text order: what the margin marks and the Notes tab list.
    pub fn placed(&self) -> impl Iterator<Item = (Range<usize>, &Note)> {
        self.placed
            .iter()
            .filter_map(|(r, id)| Some((r.clone(), self.notes.get(id)?)))
    }

    /// Notes that could not be placed, with their old passage in `target.quote.exact`.
    pub fn detached(&self) -> impl Iterator<Item = &Note> {
        self.notes
            .notes()
            .iter()
            .filter(|n| self.anchors.get(&n.id).is_none_or(Anchoring::is_detached))
    }

    /// The notes whose passage contains byte `at` (for styling and "note under cursor").
    pub fn at(&self, at: usize) -> impl Iterator<Item = &Note> {
        self.placed
            .iter()
            .take_while(move |(r, _)| r.start <= at)
            .filter(move |(r, _)| r.contains(&at))
            .filter_map(|(_, id)| self.notes.get(id))
    }

    /// The first placed note starting after byte `at` (`]` on the Notes tab).
    pub fn next_after(&self, at: usize) -> Option<(Range<usize>, &Note)> {
        let i = self.placed.partition_point(|(r, _)| r.start <= at);
        let (r, id) = self.placed.get(i)?;
        Some((r.clone(), self.notes.get(id)?))
    }

    /// The last placed note starting before byte `at` (`[`).
    pub fn prev_before(&self, at: usize) -> Option<(Range<usize>, &Note)> {
        let i = self.placed.partition_point(|(r, _)| r.start < at);
        let (r, id) = self.placed.get(i.checked_sub(1)?)?;
        Some((r.clone(), self.notes.get(id)?))
    }

    /// Adds a note (or a highlight, with empty `note_text`) on the byte range `range` of
    /// `text` (widened to character boundaries; an empty range gives a detached note, so
    /// the caller passes at least a word); returns its id.
    pub fn add(
        &mut self,
        text: &str,
        range: Range<usize>,
        motivation: Motivation,
        note_text: &str,
        now: Timestamp,
    ) -> String {
        let target = Target::from_range(text, range, &CodePoints::new(text));
        let note = Note::new(motivation, note_text, target, now);
        self.insert_placed(text, note)
    }

    fn insert_placed(&mut self, text: &str, note: Note) -> String {
        let id = self.notes.add(note);
        self.place(text, &id);
        id
    }

    /// Anchors the stored note `id` on `text` and indexes it.
    fn place(&mut self, text: &str, id: &str) {
        let Some(note) = self.notes.get(id) else {
            return;
        };
        let anchoring = anchor::anchor(text, &CodePoints::new(text), &note.target);
        self.anchors.insert(id.to_owned(), anchoring);
        self.index();
    }

    /// Replaces a note's text (tags follow). False for an unknown id.
    pub fn edit(&mut self, id: &str, note_text: &str, now: Timestamp) -> bool {
        self.notes.edit(id, note_text, now)
    }

    /// Deletes a note; keep the returned note to [`Notebook::restore`] it (undo).
    pub fn delete(&mut self, id: &str, now: Timestamp) -> Option<Note> {
        let note = self.notes.delete(id, now)?;
        self.anchors.remove(id);
        self.index();
        Some(note)
    }

    /// Brings a deleted note back at `now` (undo of [`Notebook::delete`]): it wins over
    /// its tombstone in the file, see [`NoteSet::restore`].
    pub fn restore(&mut self, text: &str, note: Note, now: Timestamp) -> String {
        let id = self.notes.restore(note, now);
        self.place(text, &id);
        id
    }

    /// Attaches a (detached) note to a new passage. False for an unknown id.
    pub fn reattach(&mut self, text: &str, id: &str, range: Range<usize>, now: Timestamp) -> bool {
        let Some(note) = self.notes.get(id) else {
            return false;
        };
        let mut note = note.clone();
        note.target = Target::from_range(text, range, &CodePoints::new(text));
        note.modified = now;
        self.insert_placed(text, note);
        true
    }

    /// Adds imported notes at `now` and says what that changed. An imported note is the
    /// same note as one here when it has its id, or else the same passage, motivation and
    /// text; it replaces it only when it was modified later. An imported note that was
    /// deleted here comes back, as an explicit import asks.
    pub fn add_imported(&mut self, imported: Imported, now: Timestamp) -> ImportCount {
        let mut count = ImportCount::default();
        for (note, anchoring) in imported.notes {
            let known = self
                .notes
                .get(&note.id)
                .or_else(|| self.same_note(&note, &anchoring));
            let detached = anchoring.is_detached();
            match known {
                Some(here) if note.modified <= here.modified || same_content(here, &note) => {
                    count.already += 1;
                    continue;
                }
                Some(_) => count.updated += 1,
                None => count.new += 1,
            }
            count.detached += usize::from(detached);
            self.anchors.insert(note.id.clone(), anchoring);
            match self.notes.tombstone(&note.id) {
                Some(_) => self.notes.restore(note, now),
                None => self.notes.add(note),
            };
        }
        self.index();
        count
    }

    /// A note here on the same passage with the same motivation and text as `note`.
    fn same_note(&self, note: &Note, anchoring: &Anchoring) -> Option<&Note> {
        self.notes.notes().iter().find(|here| {
            same_content(here, note)
                && match (anchoring.range(), self.anchors.get(&here.id)) {
                    (Some(range), Some(a)) => a.range() == Some(range),
                    _ => here.target.quote.exact == note.target.quote.exact,
                }
        })
    }

    /// True when there are unsaved changes (after a failed save too: retry later).
    pub fn is_dirty(&self) -> bool {
        self.notes.is_dirty()
    }

    /// Saves (merging with the file on disk). Notes another process added are anchored on
    /// `text`. On error nothing is lost: the notebook stays dirty for a retry.
    pub fn save(&mut self, text: &str) -> Result<Saved, StoreError> {
        let saved = self.store.save(&mut self.notes)?;
        if saved.merged > 0 {
            self.reanchor(text);
        }
        Ok(saved)
    }
}

/// What an import changed: notes added, notes replaced by a later version, notes already
/// here (the same or a later version), and how many of the added or replaced ones could
/// not be placed on the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCount {
    pub new: usize,
    pub updated: usize,
    pub already: usize,
    pub detached: usize,
}

/// Whether two versions of a note say the same thing.
fn same_content(a: &Note, b: &Note) -> bool {
    a.motivation == b.motivation && a.text == b.text
}

#[cfg(test)]
#[path = "notebook/tests.rs"]
mod tests;
