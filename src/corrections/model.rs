//! The correction model: one [`Correction`] (what the reader said about one annotation, or
//! about a passage the detectors missed) and the [`CorrectionSet`] of an article, with
//! tombstones so that an undone correction stays undone when merged with an older copy.
//!
//! Pure data, no I/O. A correction is anchored by the W3C selectors the notes use
//! ([`Target`]): the annotation's passage as detected, found again after the article is
//! edited. Groups are named, not numbered, because group ids change from one detection
//! to the next.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::annotation::{EntityLabel, Kind};
use crate::notes::Tombstone;
use crate::notes::selector::Target;
use crate::notes::timestamp;

/// What a correction changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// The entity mention is of this kind (and so is its group).
    EntityKind { label: EntityLabel },
    /// The passage is not an entity.
    NotEntity,
    /// The entity mention covers this passage instead.
    EntitySpan { span: Target },
    /// The mention belongs to the group with this name (made if there is none).
    MoveToGroup { group: String },
    /// The mention is an entity of its own, not one of its group's.
    SplitOff,
    /// The mention's whole group is one with the group named `into`.
    MergeGroups { into: String },
    /// The mention's group is shown under this name.
    RenameGroup { name: String },
    /// The passage is not a date.
    NotDate,
    /// The date's TIMEX3 value ([`super::check_timex`] accepted it).
    DateValue { value: String },
    /// The date covers this passage instead.
    DateSpan { span: Target },
    /// The quote was said by this person.
    Speaker { name: String },
    /// The text does not say who said the quote.
    SpeakerUnknown,
    /// The passage is not a quote.
    NotQuote,
    /// The quote covers this passage instead.
    QuoteSpan { span: Target },
    /// A missed entity: the passage is one of this kind.
    AddEntity { label: EntityLabel },
    /// A missed date, with its value when the reader gave one.
    AddDate {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
    },
    /// A missed quote, with its speaker when the reader gave one.
    AddQuote {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
    },
}

impl Change {
    /// The kind of annotation the change is about.
    pub fn kind(&self) -> Kind {
        match self {
            Change::EntityKind { .. }
            | Change::NotEntity
            | Change::EntitySpan { .. }
            | Change::MoveToGroup { .. }
            | Change::SplitOff
            | Change::MergeGroups { .. }
            | Change::RenameGroup { .. }
            | Change::AddEntity { .. } => Kind::Entity,
            Change::NotDate
            | Change::DateValue { .. }
            | Change::DateSpan { .. }
            | Change::AddDate { .. } => Kind::Date,
            Change::Speaker { .. }
            | Change::SpeakerUnknown
            | Change::NotQuote
            | Change::QuoteSpan { .. }
            | Change::AddQuote { .. } => Kind::Quote,
        }
    }

    /// Whether the change adds an annotation the detectors missed (rather than changing
    /// one they found).
    pub fn adds(&self) -> bool {
        matches!(
            self,
            Change::AddEntity { .. } | Change::AddDate { .. } | Change::AddQuote { .. }
        )
    }

    /// What the annotation is now, in a few words for the Corrections view.
    pub fn describe(&self) -> String {
        let or_unknown = |v: &Option<String>| v.clone().unwrap_or_else(|| "unknown".into());
        match self {
            Change::EntityKind { label } => format!("kind {}", label.as_str()),
            Change::NotEntity => "not an entity".into(),
            Change::EntitySpan { span }
            | Change::DateSpan { span }
            | Change::QuoteSpan { span } => {
                format!("span “{}”", span.quote.exact)
            }
            Change::MoveToGroup { group } => format!("in group {group}"),
            Change::SplitOff => "a group of its own".into(),
            Change::MergeGroups { into } => format!("merged into {into}"),
            Change::RenameGroup { name } => format!("named {name}"),
            Change::NotDate => "not a date".into(),
            Change::DateValue { value } => format!("value {value}"),
            Change::Speaker { name } => format!("said by {name}"),
            Change::SpeakerUnknown => "speaker unknown".into(),
            Change::NotQuote => "not a quote".into(),
            Change::AddEntity { label } => format!("added {}", label.as_str()),
            Change::AddDate { value } => format!("added date {}", or_unknown(value)),
            Change::AddQuote { speaker } => format!("added quote, said by {}", or_unknown(speaker)),
        }
    }
}

/// One correction of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// A UUID (v4).
    pub id: String,
    #[serde(with = "timestamp")]
    pub created: Timestamp,
    /// The annotation's passage as detected (for an added one, the reader's selection).
    pub target: Target,
    /// What the detectors said there, for the Corrections view ("PLACE", "said by X").
    #[serde(default)]
    pub detected: String,
    #[serde(flatten)]
    pub change: Change,
}

impl Correction {
    /// A new correction with a fresh id.
    pub fn new(target: Target, detected: &str, change: Change, now: Timestamp) -> Correction {
        Correction {
            id: uuid::Uuid::new_v4().to_string(),
            created: now,
            target,
            detected: detected.to_owned(),
            change,
        }
    }
}

/// The corrections of one article in the order they were made (later ones win), with
/// tombstones of undone ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrectionSet {
    corrections: Vec<Correction>,
    tombstones: Vec<Tombstone>,
    dirty: bool,
}

impl CorrectionSet {
    /// A set as read from storage (not dirty); a correction with a tombstone is left out.
    pub fn from_parts(corrections: Vec<Correction>, tombstones: Vec<Tombstone>) -> Self {
        let mut set = CorrectionSet {
            corrections: Vec::new(),
            tombstones,
            dirty: false,
        };
        for c in corrections {
            if set.tombstone(&c.id).is_none() && set.get(&c.id).is_none() {
                set.corrections.push(c);
            }
        }
        set.sort();
        set
    }

    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    pub fn tombstones(&self) -> &[Tombstone] {
        &self.tombstones
    }

    pub fn len(&self) -> usize {
        self.corrections.len()
    }

    pub fn is_empty(&self) -> bool {
        self.corrections.is_empty()
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Called by the store once the set is safely on disk.
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    pub fn get(&self, id: &str) -> Option<&Correction> {
        self.corrections.iter().find(|c| c.id == id)
    }

    fn tombstone(&self, id: &str) -> Option<&Tombstone> {
        self.tombstones.iter().find(|t| t.id == id)
    }

    /// Adds a correction; returns its id.
    pub fn add(&mut self, correction: Correction) -> String {
        let id = correction.id.clone();
        self.tombstones.retain(|t| t.id != id);
        self.corrections.retain(|c| c.id != id);
        self.corrections.push(correction);
        self.sort();
        self.dirty = true;
        id
    }

    /// Undoes a correction: it goes, leaving a tombstone. Returns it.
    pub fn remove(&mut self, id: &str, now: Timestamp) -> Option<Correction> {
        let index = self.corrections.iter().position(|c| c.id == id)?;
        let removed = self.corrections.remove(index);
        self.tombstones.push(Tombstone {
            id: id.to_owned(),
            deleted: now,
        });
        self.dirty = true;
        Some(removed)
    }

    /// Merges another copy (what another process saved): the union by id, a tombstone on
    /// either side removing. Corrections are never edited, only made and undone, so there
    /// is no newer version to choose. Returns how many corrections changed here.
    pub fn merge(&mut self, other: &CorrectionSet) -> usize {
        let mut changed = 0;
        for tomb in &other.tombstones {
            if self.tombstone(&tomb.id).is_none() {
                self.tombstones.push(tomb.clone());
            }
            let before = self.corrections.len();
            self.corrections.retain(|c| c.id != tomb.id);
            changed += before - self.corrections.len();
        }
        for theirs in &other.corrections {
            if self.get(&theirs.id).is_none() && self.tombstone(&theirs.id).is_none() {
                self.corrections.push(theirs.clone());
                changed += 1;
            }
        }
        self.sort();
        changed
    }

    /// Creation order, so that later corrections are applied last and win.
    fn sort(&mut self) {
        self.corrections
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::selector::CodePoints;

    fn target(text: &str, word: &str) -> Target {
        let start = text.find(word).unwrap_or(0);
        Target::from_range(text, start..start + word.len(), &CodePoints::new(text))
    }

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + seconds).unwrap()
    }

    #[test]
    fn undone_corrections_stay_undone_through_a_merge() {
        let text = "Operation Impact went on.";
        let mut ours = CorrectionSet::default();
        let kind = Change::EntityKind {
            label: EntityLabel::Misc,
        };
        let id = ours.add(Correction::new(
            target(text, "Operation Impact"),
            "PLACE",
            kind,
            at(0),
        ));
        let theirs = ours.clone();
        ours.remove(&id, at(5));
        assert_eq!(ours.merge(&theirs), 0);
        assert!(ours.is_empty() && ours.is_dirty());
        let mut other = theirs.clone();
        assert_eq!(other.merge(&ours), 1, "their copy loses the undone one");
        assert!(other.is_empty());
    }

    #[test]
    fn merge_keeps_both_sides_in_creation_order() {
        let text = "Iraqi and Iraqis.";
        let mut a = CorrectionSet::default();
        let mut b = CorrectionSet::default();
        b.add(Correction::new(
            target(text, "Iraqis"),
            "",
            Change::NotEntity,
            at(2),
        ));
        a.add(Correction::new(
            target(text, "Iraqi"),
            "",
            Change::SplitOff,
            at(1),
        ));
        assert_eq!(a.merge(&b), 1);
        let changes: Vec<&Change> = a.corrections().iter().map(|c| &c.change).collect();
        assert_eq!(changes, vec![&Change::SplitOff, &Change::NotEntity]);
    }

    #[test]
    fn every_change_names_its_kind_and_says_what_it_made() {
        let t = target("a b", "b");
        assert_eq!(Change::DateSpan { span: t.clone() }.kind(), Kind::Date);
        assert_eq!(Change::AddQuote { speaker: None }.kind(), Kind::Quote);
        assert!(
            Change::AddEntity {
                label: EntityLabel::Org
            }
            .adds()
        );
        assert!(!Change::SplitOff.adds());
        assert_eq!(Change::QuoteSpan { span: t }.describe(), "span “b”");
        assert_eq!(
            Change::Speaker {
                name: "Ann Lee".into()
            }
            .describe(),
            "said by Ann Lee"
        );
    }
}
