//! The note model: [`Note`] (text, tags, motivation, times, W3C selectors) and [`NoteSet`],
//! the in-memory collection with tombstones for deletions.
//!
//! Pure data: no I/O. Anchoring lives in `anchor`, persistence in `store`. Notes carry their
//! W3C selectors ([`Target`]) rather than byte ranges, because byte ranges do not survive an
//! edit of the article; the current byte range of each note is an `anchor::Anchoring`.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::{SignedDuration, Timestamp};
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::selector::Target;

/// Why a note was made, as the W3C Web Annotation `motivation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Motivation {
    /// A note with text.
    Commenting,
    /// A highlight: a marked passage, usually without text.
    Highlighting,
}

impl Motivation {
    /// The W3C vocabulary word.
    pub fn as_str(self) -> &'static str {
        match self {
            Motivation::Commenting => "commenting",
            Motivation::Highlighting => "highlighting",
        }
    }
}

/// One note (or highlight) on a passage of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// A UUID (v4) for notes made here; imported notes keep the id they came with.
    pub id: String,
    pub motivation: Motivation,
    /// What the reader wrote; empty for a plain highlight.
    #[serde(default)]
    pub text: String,
    /// The `#tags` of [`Note::text`], without the `#`, in order of first appearance. Stored
    /// (although derivable) so that other tools reading the file see them.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(with = "timestamp")]
    pub created: Timestamp,
    #[serde(with = "timestamp")]
    pub modified: Timestamp,
    /// Where the note is, as W3C selectors into the text it was last anchored on.
    pub target: Target,
    /// When the note was last brought back after a deletion (undo, or importing it again):
    /// a tombstone older than this does not remove it. This is how an undone delete wins
    /// over its own tombstone in every later merge, while a deletion made afterwards (here
    /// or in another gloss) still wins over the note.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_timestamp"
    )]
    pub restored: Option<Timestamp>,
}

impl Note {
    /// A new note with a fresh UUID, tags parsed from `text`.
    pub fn new(motivation: Motivation, text: &str, target: Target, now: Timestamp) -> Note {
        Note {
            id: uuid::Uuid::new_v4().to_string(),
            motivation,
            text: text.to_owned(),
            tags: parse_tags(text),
            created: now,
            modified: now,
            target,
            restored: None,
        }
    }

    /// Whether this note outlives `tomb`: only a restore made after the deletion does.
    pub fn survives(&self, tomb: &Tombstone) -> bool {
        self.restored.is_some_and(|r| r > tomb.deleted)
    }

    /// The first line of the text, for lists ("(highlight)" when there is none).
    pub fn first_line(&self) -> &str {
        self.text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }
}

/// A deleted note's id, kept so that merging with an older copy on disk does not bring the
/// note back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    #[serde(with = "timestamp")]
    pub deleted: Timestamp,
}

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // A tag starts after a start or a non-word character, as in Obsidian; it must hold a
    // non-digit so that "issue #12" is not a tag.
    Regex::new(r"(?:^|[^\w#&/])#([\w][\w\-/]*)").ok()
});

/// The `#like-this` tags of a note's text, without `#`, deduplicated case-insensitively in
/// order of first appearance.
pub fn parse_tags(text: &str) -> Vec<String> {
    let Some(re) = TAG.as_ref() else {
        return Vec::new();
    };
    let mut tags: Vec<String> = Vec::new();
    for cap in re.captures_iter(text) {
        let Some(m) = cap.get(1) else { continue };
        let tag = m.as_str().trim_end_matches(['-', '/']);
        if tag.is_empty() || tag.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if !tags.iter().any(|t| same_tag(t, tag)) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// Tags compare without case, in any script (`#Été` is `#été`).
pub fn same_tag(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// The notes of one article, plus tombstones of deleted ones.
///
/// Kept in creation order. `dirty` says whether something changed since the last save, so
/// the shell knows to retry a save that failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteSet {
    notes: Vec<Note>,
    tombstones: Vec<Tombstone>,
    dirty: bool,
}

impl NoteSet {
    /// A set as read from storage (not dirty). A note and a tombstone with the same id
    /// (a file edited by hand) are settled as a merge would: the later of the deletion and
    /// the restore wins.
    pub fn from_parts(notes: Vec<Note>, tombstones: Vec<Tombstone>) -> NoteSet {
        let mut set = NoteSet::default();
        for note in notes {
            set.upsert(note);
        }
        for tomb in tombstones {
            set.merge_tombstone(&tomb);
        }
        set.dirty = false;
        set
    }

    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    pub fn tombstones(&self) -> &[Tombstone] {
        &self.tombstones
    }

    pub fn len(&self) -> usize {
        self.notes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// True when there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Called by the store once the set is safely on disk.
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Note> {
        self.notes.iter_mut().find(|n| n.id == id)
    }

    /// Adds a note, or replaces the note with the same id. Returns its id. A note with
    /// the id of a deleted one comes back: see [`NoteSet::restore`].
    pub fn add(&mut self, mut note: Note) -> String {
        let id = note.id.clone();
        if let Some(tomb) = self.tombstone(&id) {
            note.restored = note.restored.max(Some(just_after(tomb.deleted)));
            self.tombstones.retain(|t| t.id != id);
        }
        self.upsert(note);
        self.dirty = true;
        id
    }

    /// Brings a deleted note back at `now` (undo of [`NoteSet::delete`]): its tombstone is
    /// lifted and the note marked restored, so merging with a file that still holds the
    /// tombstone keeps the note, and a deletion made after `now` still removes it.
    pub fn restore(&mut self, mut note: Note, now: Timestamp) -> String {
        note.restored = note.restored.max(Some(now));
        self.add(note)
    }

    /// The tombstone of a deleted note.
    pub fn tombstone(&self, id: &str) -> Option<&Tombstone> {
        self.tombstones.iter().find(|t| t.id == id)
    }

    fn upsert(&mut self, mut note: Note) {
        match self.notes.iter_mut().find(|n| n.id == note.id) {
            Some(old) => {
                // A new version of the note keeps the time it was last brought back.
                note.restored = note.restored.max(old.restored);
                *old = note;
            }
            None => self.notes.push(note),
        }
    }

    /// Replaces a note's selectors after re-anchoring: not an edit by the reader, so
    /// neither `modified` nor the dirty flag change.
    pub fn set_target(&mut self, id: &str, target: Target) {
        if let Some(note) = self.get_mut(id) {
            note.target = target;
        }
    }

    /// Replaces a note's text (and so its tags). False when there is no such note.
    pub fn edit(&mut self, id: &str, text: &str, now: Timestamp) -> bool {
        let Some(note) = self.get_mut(id) else {
            return false;
        };
        note.text = text.to_owned();
        note.tags = parse_tags(text);
        note.modified = now;
        self.dirty = true;
        true
    }

    /// Deletes a note, leaving a tombstone; returns the note so the shell can offer undo
    /// (undo = [`NoteSet::add`] of the returned note, which lifts the tombstone).
    pub fn delete(&mut self, id: &str, now: Timestamp) -> Option<Note> {
        let index = self.notes.iter().position(|n| n.id == id)?;
        let note = self.notes.remove(index);
        self.tombstones.retain(|t| t.id != id);
        // Later than the note's last restore even if the clock went back since.
        let deleted = match note.restored {
            Some(r) if r >= now => just_after(r),
            _ => now,
        };
        self.tombstones.push(Tombstone {
            id: id.to_owned(),
            deleted,
        });
        self.dirty = true;
        Some(note)
    }

    /// Every tag with the number of notes carrying it, sorted by tag.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for tag in self.notes.iter().flat_map(|n| &n.tags) {
            *counts.entry(tag.to_lowercase()).or_default() += 1;
        }
        let mut tags: Vec<_> = counts.into_iter().collect();
        tags.sort();
        tags
    }

    /// The notes carrying `tag` (case-insensitive).
    pub fn with_tag<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes
            .iter()
            .filter(move |n| n.tags.iter().any(|t| same_tag(t, tag)))
    }

    /// Merges another copy of the same notes (what another process saved): the union by id,
    /// the later `modified` winning, and a tombstone on either side removing the note unless
    /// the note was restored after that deletion ([`Note::survives`]). Returns how many notes
    /// changed here: what came from the other copy, never this set's own deletions or
    /// restores. Does not mark the set dirty by itself.
    pub fn merge(&mut self, other: &NoteSet) -> usize {
        let notes = other.notes.iter().filter(|n| self.merge_note(n)).count();
        let removed = other
            .tombstones
            .iter()
            .filter(|t| self.merge_tombstone(t))
            .count();
        notes + removed
    }

    /// Takes in another copy's note; true when that changed a note here.
    fn merge_note(&mut self, theirs: &Note) -> bool {
        if let Some(ours) = self.get_mut(&theirs.id) {
            let restored = ours.restored.max(theirs.restored);
            let newer = theirs.modified > ours.modified;
            if newer {
                *ours = theirs.clone();
            }
            ours.restored = restored;
            return newer;
        }
        // Deleted here after the other copy last brought it back: it stays deleted.
        if self
            .tombstone(&theirs.id)
            .is_some_and(|t| !theirs.survives(t))
        {
            return false;
        }
        self.tombstones.retain(|t| t.id != theirs.id);
        self.notes.push(theirs.clone());
        true
    }

    /// Takes in another copy's tombstone; true when it removed a note here.
    fn merge_tombstone(&mut self, tomb: &Tombstone) -> bool {
        let index = self.notes.iter().position(|n| n.id == tomb.id);
        if index.is_some_and(|i| self.notes[i].survives(tomb)) {
            return false;
        }
        match self.tombstones.iter_mut().find(|t| t.id == tomb.id) {
            Some(ours) => ours.deleted = ours.deleted.max(tomb.deleted),
            None => self.tombstones.push(tomb.clone()),
        }
        index.map(|i| self.notes.remove(i)).is_some()
    }
}

/// The instant right after `t`: a restore or deletion must be strictly later than what it
/// overrides, even when both happen within the clock's resolution.
fn just_after(t: Timestamp) -> Timestamp {
    t.checked_add(SignedDuration::from_nanos(1)).unwrap_or(t)
}

/// Serde for an optional [`Timestamp`] (absent when `None`), as [`timestamp`] does.
mod optional_timestamp {
    use jiff::Timestamp;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::timestamp::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        super::timestamp::deserialize(d).map(Some)
    }
}

/// Serde for [`Timestamp`] as an RFC 3339 string (jiff's `Display`/`FromStr`), so that the
/// crate-wide jiff dependency needs no serde feature.
pub(crate) mod timestamp {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(t)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e| {
            serde::de::Error::custom(format!("expected an RFC 3339 time, found '{s}': {e}"))
        })
    }
}

#[cfg(test)]
#[path = "model/tests.rs"]
mod tests;
