//! The note model: [`Note`] (text, tags, motivation, times, W3C selectors) and [`NoteSet`],
//! the in-memory collection with tombstones for deletions.
//!
//! Pure data: no I/O. Anchoring lives in `anchor`, persistence in `store`. Notes carry their
//! W3C selectors ([`Target`]) rather than byte ranges, because byte ranges do not survive an
//! edit of the article; the current byte range of each note is an `anchor::Anchoring`.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::Timestamp;
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
        }
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
    /// A set as read from storage (not dirty).
    pub fn from_parts(notes: Vec<Note>, tombstones: Vec<Tombstone>) -> NoteSet {
        let mut set = NoteSet {
            notes: Vec::new(),
            tombstones,
            dirty: false,
        };
        for note in notes {
            set.upsert(note);
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

    /// Adds a note, or replaces the note with the same id. Returns its id.
    pub fn add(&mut self, note: Note) -> String {
        let id = note.id.clone();
        self.tombstones.retain(|t| t.id != id);
        self.upsert(note);
        self.dirty = true;
        id
    }

    fn upsert(&mut self, note: Note) {
        match self.notes.iter_mut().find(|n| n.id == note.id) {
            Some(old) => *old = note,
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
        self.tombstones.push(Tombstone {
            id: id.to_owned(),
            deleted: now,
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
    /// the later `modified` winning, and tombstones from either side removing notes. Returns
    /// how many notes changed here. Does not mark the set dirty by itself.
    pub fn merge(&mut self, other: &NoteSet) -> usize {
        let mut changed = 0;
        for tomb in &other.tombstones {
            if !self.tombstones.iter().any(|t| t.id == tomb.id) {
                self.tombstones.push(tomb.clone());
            }
        }
        for theirs in &other.notes {
            match self.notes.iter_mut().find(|n| n.id == theirs.id) {
                Some(ours) if theirs.modified > ours.modified => {
                    *ours = theirs.clone();
                    changed += 1;
                }
                Some(_) => {}
                None => {
                    self.notes.push(theirs.clone());
                    changed += 1;
                }
            }
        }
        let before = self.notes.len();
        let tombstones = &self.tombstones;
        self.notes
            .retain(|n| !tombstones.iter().any(|t| t.id == n.id));
        changed + (before - self.notes.len())
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
mod tests {
    use super::*;
    use crate::notes::selector::{TextPositionSelector, TextQuoteSelector};

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    pub(crate) fn target() -> Target {
        Target {
            quote: TextQuoteSelector {
                exact: "x".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            position: TextPositionSelector { start: 0, end: 1 },
        }
    }

    #[test]
    fn tags_are_hash_words_not_numbers_or_anchors() {
        assert_eq!(
            parse_tags("#first see issue #12, a#b and #Two-words/x. #first #TWO-words/x"),
            vec!["first", "Two-words/x"]
        );
        assert_eq!(parse_tags("#été\n#a_b- #Été"), vec!["été", "a_b"]);
        assert!(parse_tags("no tags # here").is_empty());
    }

    #[test]
    fn edit_updates_tags_and_time_delete_leaves_tombstone_add_undoes() {
        let mut set = NoteSet::default();
        let id = set.add(Note::new(
            Motivation::Commenting,
            "one",
            target(),
            t("2026-01-01T00:00:00Z"),
        ));
        assert!(set.edit(&id, "two #tag", t("2026-01-02T00:00:00Z")));
        assert_eq!(set.get(&id).unwrap().tags, vec!["tag"]);
        assert_eq!(set.tags(), vec![("tag".to_owned(), 1)]);
        let note = set.delete(&id, t("2026-01-03T00:00:00Z")).unwrap();
        assert!(set.is_empty());
        assert_eq!(set.tombstones().len(), 1);
        set.add(note);
        assert_eq!(set.len(), 1);
        assert!(set.tombstones().is_empty());
    }

    #[test]
    fn merge_takes_union_later_edit_and_tombstones() {
        let now = t("2026-01-01T00:00:00Z");
        let a = Note::new(Motivation::Commenting, "a", target(), now);
        let b = Note::new(Motivation::Highlighting, "", target(), now);
        let mut ours = NoteSet::from_parts(vec![a.clone(), b.clone()], vec![]);
        let mut theirs = ours.clone();
        theirs.edit(&a.id, "a2", t("2026-01-02T00:00:00Z"));
        theirs.delete(&b.id, t("2026-01-02T00:00:00Z"));
        let c = Note::new(Motivation::Commenting, "c", target(), now);
        theirs.add(c.clone());
        ours.merge(&theirs);
        assert_eq!(ours.get(&a.id).unwrap().text, "a2");
        assert!(ours.get(&b.id).is_none());
        assert!(ours.get(&c.id).is_some());
        // Merging the other way round converges to the same notes.
        let mut back = theirs.clone();
        back.merge(&ours);
        assert_eq!(back.notes().len(), ours.notes().len());
    }
}
