//! The note model: tags, edits, deletions with undo, and merging two copies with
//! tombstones and restores.

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

/// The file as this process last saved it, then merged into the set, as a save does.
fn saved_then_merged(set: &mut NoteSet, on_disk: &NoteSet) -> usize {
    let n = set.merge(on_disk);
    set.mark_saved();
    n
}

#[test]
fn an_undone_delete_wins_over_its_own_tombstone_and_counts_as_nothing_merged() {
    let note = Note::new(
        Motivation::Highlighting,
        "",
        target(),
        t("2026-01-01T00:00:00Z"),
    );
    let other = Note::new(
        Motivation::Commenting,
        "b",
        target(),
        t("2026-01-01T00:00:00Z"),
    );
    let mut ours = NoteSet::from_parts(vec![note.clone(), other.clone()], vec![]);
    let before_delete = ours.clone();
    let deleted = ours.delete(&note.id, t("2026-01-02T00:00:00Z")).unwrap();
    // The file still holds the note: our own deletion is not something from elsewhere.
    assert_eq!(saved_then_merged(&mut ours, &before_delete), 0);
    assert!(ours.get(&note.id).is_none());
    let after_delete = ours.clone();
    ours.restore(deleted, t("2026-01-02T00:00:01Z"));
    // The file now holds the tombstone: the restore wins over it, and says nothing merged.
    assert_eq!(saved_then_merged(&mut ours, &after_delete), 0);
    assert!(ours.get(&note.id).is_some(), "the undone delete was lost");
    assert!(ours.tombstone(&note.id).is_none(), "the tombstone stays");
    // Read back from what would be written: still there, and delete + undo works again.
    let reread = NoteSet::from_parts(ours.notes().to_vec(), ours.tombstones().to_vec());
    assert!(reread.get(&note.id).is_some());
    let again = ours.delete(&note.id, t("2026-01-02T00:00:02Z")).unwrap();
    let on_disk = ours.clone();
    ours.restore(again, t("2026-01-02T00:00:03Z"));
    assert_eq!(saved_then_merged(&mut ours, &on_disk), 0);
    assert_eq!(ours.len(), 2);
}

#[test]
fn a_deletion_after_a_restore_still_wins_and_an_edit_never_beats_a_tombstone() {
    let now = t("2026-01-01T00:00:00Z");
    let note = Note::new(Motivation::Commenting, "a", target(), now);
    let mut a = NoteSet::from_parts(vec![note.clone()], vec![]);
    let mut b = a.clone();
    // A deletes then undoes; B, which still had the note, deletes it later.
    let gone = a.delete(&note.id, t("2026-01-02T00:00:00Z")).unwrap();
    a.restore(gone, t("2026-01-03T00:00:00Z"));
    b.delete(&note.id, t("2026-01-04T00:00:00Z"));
    let mut a2 = a.clone();
    assert_eq!(a2.merge(&b), 1);
    assert!(a2.get(&note.id).is_none(), "the later deletion must win");
    b.merge(&a);
    assert!(b.get(&note.id).is_none(), "both sides agree");
    // An edit elsewhere (not a restore) does not bring a deleted note back.
    let mut c = NoteSet::from_parts(vec![note.clone()], vec![]);
    let mut d = c.clone();
    c.delete(&note.id, t("2026-01-02T00:00:00Z"));
    d.edit(&note.id, "edited later", t("2026-01-05T00:00:00Z"));
    assert_eq!(c.merge(&d), 0);
    assert!(c.get(&note.id).is_none());
    assert_eq!(d.merge(&c), 1);
    assert!(d.get(&note.id).is_none());
}

#[test]
fn a_restore_elsewhere_brings_the_note_back_here() {
    let note = Note::new(
        Motivation::Commenting,
        "a",
        target(),
        t("2026-01-01T00:00:00Z"),
    );
    let mut a = NoteSet::from_parts(vec![note.clone()], vec![]);
    let gone = a.delete(&note.id, t("2026-01-02T00:00:00Z")).unwrap();
    // B read the file while the tombstone was in it.
    let mut b = a.clone();
    a.restore(gone, t("2026-01-03T00:00:00Z"));
    assert_eq!(b.merge(&a), 1);
    assert!(b.get(&note.id).is_some() && b.tombstone(&note.id).is_none());
    // A file holding both (edited by hand) keeps whichever came last.
    let tomb = Tombstone {
        id: note.id.clone(),
        deleted: t("2026-01-04T00:00:00Z"),
    };
    let restored = a.get(&note.id).unwrap().clone();
    let set = NoteSet::from_parts(vec![restored.clone()], vec![tomb.clone()]);
    assert!(set.get(&note.id).is_none() && set.tombstones().len() == 1);
    let early = Tombstone {
        deleted: t("2026-01-02T12:00:00Z"),
        ..tomb
    };
    let set = NoteSet::from_parts(vec![restored], vec![early]);
    assert!(set.get(&note.id).is_some() && set.tombstones().is_empty());
}

#[test]
fn restored_is_stored_only_when_set() {
    let note = Note::new(
        Motivation::Commenting,
        "a",
        target(),
        t("2026-01-01T00:00:00Z"),
    );
    let plain = toml::to_string(&note).unwrap();
    assert!(!plain.contains("restored"), "{plain}");
    let mut set = NoteSet::default();
    let id = set.add(note);
    let gone = set.delete(&id, t("2026-01-02T00:00:00Z")).unwrap();
    set.restore(gone, t("2026-01-03T00:00:00Z"));
    let text = toml::to_string(set.get(&id).unwrap()).unwrap();
    assert!(
        text.contains("restored = \"2026-01-03T00:00:00Z\""),
        "{text}"
    );
    let back: Note = toml::from_str(&text).unwrap();
    assert_eq!(&back, set.get(&id).unwrap());
}

/// One reader's gloss in the merge property: its notes and its session's undo list.
#[derive(Clone)]
struct Replica {
    set: NoteSet,
    undo: Vec<Note>,
}

impl Replica {
    /// Applies operation `op` (0 delete, 1 undo, else edit) on note `i` at `now`; returns
    /// the id when it deleted (`Some(false)`) or restored (`Some(true)`) a note.
    fn apply(&mut self, op: u8, i: usize, now: Timestamp) -> Option<(String, bool)> {
        let id = format!("n{i}");
        match op {
            0 => {
                let note = self.set.delete(&id, now)?;
                self.undo.push(note);
                Some((id, false))
            }
            1 => {
                let note = self.undo.pop()?;
                let id = self.set.restore(note, now);
                Some((id, true))
            }
            _ => {
                self.set.edit(&id, &format!("edited at {now}"), now);
                None
            }
        }
    }
}

proptest::proptest! {
    /// Two glosses on the same notes delete, undo and edit in any interleaving, then each
    /// merges the other's copy: both end with the same notes, never a note beside its own
    /// tombstone, and for each note the last deletion or undo made anywhere decides.
    #[test]
    fn merging_converges_and_the_last_delete_or_undo_decides(
        ops in proptest::collection::vec((proptest::bool::ANY, 0u8..3, 0usize..3), 0..24)
    ) {
        let start = t("2026-01-01T00:00:00Z");
        let notes = (0..3).map(|i| {
            let mut n = Note::new(Motivation::Commenting, "x", target(), start);
            n.id = format!("n{i}");
            n
        });
        let base = Replica { set: NoteSet::from_parts(notes.collect(), vec![]), undo: vec![] };
        let (mut a, mut b) = (base.clone(), base);
        let mut last = std::collections::HashMap::new();
        for (k, (on_a, op, i)) in ops.into_iter().enumerate() {
            let now = start
                .checked_add(SignedDuration::from_secs(k as i64 + 1))
                .unwrap();
            let replica = if on_a { &mut a } else { &mut b };
            if let Some((id, present)) = replica.apply(op, i, now) {
                last.insert(id, present);
            }
        }
        let mut ab = a.set.clone();
        ab.merge(&b.set);
        let mut ba = b.set.clone();
        ba.merge(&a.set);
        let ids = |s: &NoteSet| {
            let mut v: Vec<String> = s.notes().iter().map(|n| n.id.clone()).collect();
            v.sort();
            v
        };
        proptest::prop_assert_eq!(ids(&ab), ids(&ba));
        for set in [&ab, &ba] {
            for n in set.notes() {
                proptest::prop_assert!(set.tombstone(&n.id).is_none(), "{} beside its tombstone", n.id);
            }
        }
        for (id, present) in last {
            proptest::prop_assert_eq!(ab.get(&id).is_some(), present, "{}", id);
        }
    }
}
