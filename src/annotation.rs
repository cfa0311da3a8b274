//! Annotations: what the detectors found, as byte ranges into `Article::text`, and the
//! sorted [`AnnotationSet`] that navigation, layout styling and the side pane query.
//!
//! Entities carry the id of their [`EntityGroup`] (all mentions of one entity: "Trump" and
//! "Donald Trump"); quotes may carry the group of their speaker.
//!
//! A book has hundreds of thousands of annotations, most of them entity mentions, and the
//! reader keeps them all: an [`Annotation`] is 32 bytes. The rarer dates and quotes keep
//! their strings behind a `Box` ([`AnnotationKind::Date`], [`AnnotationKind::Quote`]) so
//! that an entity does not pay for their size.

use std::ops::Range;

use serde::{Deserialize, Serialize};

mod evidence;
pub use evidence::Evidence;

/// The coarse kind of an annotation, for filtering and styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Entity,
    Date,
    Quote,
}

/// Entity labels, following the evaluation format (`PERSON`, `ORG`, `PLACE`; nationalities
/// and other groups as `NORP`; named things that are none of these as `MISC`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "PLACE")]
    Place,
    #[serde(rename = "NORP")]
    Norp,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// The label as written in the JSON format.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Place => "PLACE",
            EntityLabel::Norp => "NORP",
            EntityLabel::Misc => "MISC",
        }
    }

    /// A label as a person writes it: the JSON form in any case, or a word for it
    /// ("person", "organisation", "place", "nationality", "group", "other").
    pub fn parse(word: &str) -> Option<EntityLabel> {
        Some(match word.trim().to_lowercase().as_str() {
            "person" | "per" | "people" => EntityLabel::Person,
            "org" | "organisation" | "organization" => EntityLabel::Org,
            "place" | "loc" | "location" | "gpe" => EntityLabel::Place,
            "norp" | "nationality" | "group" | "nationalities" => EntityLabel::Norp,
            "misc" | "other" => EntityLabel::Misc,
            _ => return None,
        })
    }
}

/// One entity: every mention that refers to it shares its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityGroup {
    /// Index of this group in [`AnnotationSet::groups`].
    pub id: usize,
    pub label: EntityLabel,
    /// The fullest name the text gives ("Donald Trump", "Department of National Defense").
    pub name: String,
    /// Other surface forms seen ("Trump", "DND"), without the name itself, deduplicated.
    pub aliases: Vec<String>,
}

/// A resolved (or unresolvable) date expression.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateInfo {
    /// TIMEX3 value (`2020-01-05`, `2014-SU`, `PAST_REF`); `None` when it cannot be resolved,
    /// e.g. a weekday in an article with no publication date.
    pub value: Option<String>,
    /// How the value was reached, for the reader ("Sunday -> 2020-01-05, the Sunday before
    /// the publication date").
    pub explanation: Option<String>,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteInfo {
    /// The speaker's fullest name, `None` when unknown.
    pub speaker: Option<String>,
    /// The entity group of the speaker, when the speaker is a detected entity.
    pub speaker_group: Option<usize>,
    /// Where the speaker is named for this quote (the cue "X said" or a pronoun).
    pub speaker_span: Option<Range<usize>>,
    /// How the speaker was chosen: the kind of evidence that named them.
    pub evidence: Evidence,
    /// The speaker's name with the role the text gives them ("Brian Fallon, Clinton press
    /// secretary"), when it gives one.
    pub speaker_role: Option<String>,
}

/// What an annotation says about its span. Date and quote details are boxed: unboxed,
/// they would make every entity mention 88 bytes instead of 32.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnotationKind {
    Entity { label: EntityLabel, group: usize },
    Date(Box<DateInfo>),
    Quote(Box<QuoteInfo>),
}

impl From<DateInfo> for AnnotationKind {
    fn from(info: DateInfo) -> AnnotationKind {
        AnnotationKind::Date(Box::new(info))
    }
}

impl From<QuoteInfo> for AnnotationKind {
    fn from(info: QuoteInfo) -> AnnotationKind {
        AnnotationKind::Quote(Box::new(info))
    }
}

/// One annotation: a byte range of the article text and what was detected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub span: Range<usize>,
    pub kind: AnnotationKind,
}

impl Annotation {
    pub fn kind(&self) -> Kind {
        match self.kind {
            AnnotationKind::Entity { .. } => Kind::Entity,
            AnnotationKind::Date(_) => Kind::Date,
            AnnotationKind::Quote(_) => Kind::Quote,
        }
    }

    /// The entity group of an entity mention.
    pub fn group(&self) -> Option<usize> {
        match self.kind {
            AnnotationKind::Entity { group, .. } => Some(group),
            _ => None,
        }
    }
}

/// All annotations of an article, sorted by start (then longest first), with the entity
/// groups they refer to. Queries by position are O(log n).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
    groups: Vec<EntityGroup>,
    /// `max_end[i]` = the largest `span.end` among `items[..=i]`, for overlap queries;
    /// `u32` to halve it, with `u32::MAX` standing for any end from 4 GiB on.
    max_end: Vec<u32>,
    /// Indices (sorted) of the items a reader's correction or the lexicon changed or
    /// added: kept beside the items so that an [`Annotation`] stays 32 bytes.
    corrected: Vec<usize>,
}

impl AnnotationSet {
    /// Builds the set; sorts `items` and checks that entity group ids are in range
    /// (an out-of-range group is a detector bug, reported by panic in debug builds only).
    /// The set keeps `items` without spare capacity: it lives as long as the reader.
    pub fn new(mut items: Vec<Annotation>, groups: Vec<EntityGroup>) -> AnnotationSet {
        items.sort_by(item_order);
        debug_assert!(
            items
                .iter()
                .all(|a| a.group().is_none_or(|g| g < groups.len()))
        );
        items.shrink_to_fit();
        let mut max_end = Vec::with_capacity(items.len());
        let mut m = 0;
        for a in &items {
            m = m.max(u32::try_from(a.span.end).unwrap_or(u32::MAX));
            max_end.push(m);
        }
        AnnotationSet {
            items,
            groups,
            max_end,
            corrected: Vec::new(),
        }
    }

    /// Builds the set as [`AnnotationSet::new`] does, each item with whether a correction
    /// made it what it is ([`AnnotationSet::is_corrected`]).
    pub fn new_marked(items: Vec<(Annotation, bool)>, groups: Vec<EntityGroup>) -> AnnotationSet {
        let mut items = items;
        items.sort_by(|a, b| item_order(&a.0, &b.0));
        let corrected = (0..items.len()).filter(|&i| items[i].1).collect();
        let items = items.into_iter().map(|(a, _)| a).collect();
        let mut set = AnnotationSet::new(items, groups);
        set.corrected = corrected;
        set
    }

    /// Whether item `index` was changed or added by a correction or the lexicon.
    pub fn is_corrected(&self, index: usize) -> bool {
        self.corrected.binary_search(&index).is_ok()
    }

    /// The items (sorted), the groups and the indices of the corrected items, for a
    /// pass that rebuilds the set ([`AnnotationSet::new_marked`]) without copying it.
    pub fn into_parts(self) -> (Vec<Annotation>, Vec<EntityGroup>, Vec<usize>) {
        (self.items, self.groups, self.corrected)
    }

    /// How many items were changed or added by corrections.
    pub fn corrected_count(&self) -> usize {
        self.corrected.len()
    }

    pub fn items(&self) -> &[Annotation] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Annotation> {
        self.items.get(index)
    }

    pub fn groups(&self) -> &[EntityGroup] {
        &self.groups
    }

    pub fn group(&self, id: usize) -> Option<&EntityGroup> {
        self.groups.get(id)
    }

    /// Indices of the annotations whose span overlaps `range` (or, for an empty range,
    /// contains its position), in sorted order.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        // Items starting at or after range.end cannot overlap (unless the range is empty).
        let upper = self
            .items
            .partition_point(|a| a.span.start < range.end.max(range.start + 1));
        // Items whose prefix max end is <= range.start cannot overlap: max_end is monotone.
        // A saturated end (4 GiB on) is never ruled out.
        let lower =
            self.max_end[..upper].partition_point(|&e| e != u32::MAX && e as usize <= range.start);
        (lower..upper).filter(move |&i| {
            let s = &self.items[i].span;
            s.end > range.start && s.start < range.end.max(range.start + 1)
        })
    }

    /// The innermost annotation containing byte `pos`, preferring `kind` when given.
    pub fn at(&self, pos: usize, kind: Option<Kind>) -> Option<usize> {
        self.overlapping(pos..pos)
            .filter(|&i| kind.is_none_or(|k| self.items[i].kind() == k))
            .min_by_key(|&i| self.items[i].span.len())
    }

    /// The first annotation (of `kind`, if given) starting strictly after byte `pos`.
    pub fn next_after(&self, pos: usize, kind: Option<Kind>) -> Option<usize> {
        let from = self.items.partition_point(|a| a.span.start <= pos);
        (from..self.items.len()).find(|&i| kind.is_none_or(|k| self.items[i].kind() == k))
    }

    /// The last annotation (of `kind`, if given) starting strictly before byte `pos`.
    pub fn prev_before(&self, pos: usize, kind: Option<Kind>) -> Option<usize> {
        let to = self.items.partition_point(|a| a.span.start < pos);
        (0..to)
            .rev()
            .find(|&i| kind.is_none_or(|k| self.items[i].kind() == k))
    }

    /// Indices of every mention of entity group `group`, in text order.
    pub fn mentions_of(&self, group: usize) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.items[i].group() == Some(group))
            .collect()
    }

    /// Indices of every annotation of `kind`, in text order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = usize> + '_ {
        (0..self.items.len()).filter(move |&i| self.items[i].kind() == kind)
    }
}

/// The order of a set: by start, then longest first, then by kind. A stable sort keeps
/// equal items in the order given.
fn item_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    a.span
        .start
        .cmp(&b.span.start)
        .then(b.span.end.cmp(&a.span.end))
        .then(a.kind().cmp(&b.kind()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_follow_their_items_through_sorting() {
        let set = AnnotationSet::new_marked(
            vec![
                (ent(30..33, 1), true),
                (quote(10..40), false),
                (ent(12..15, 0), true),
            ],
            vec![group(0), group(1)],
        );
        let marked: Vec<usize> = (0..set.len()).filter(|&i| set.is_corrected(i)).collect();
        assert_eq!(marked, vec![1, 2]);
        assert_eq!(set.corrected_count(), 2);
        assert!(!set.is_corrected(0) && !set.is_corrected(9));
    }

    fn ent(span: Range<usize>, group: usize) -> Annotation {
        Annotation {
            span,
            kind: AnnotationKind::Entity {
                label: EntityLabel::Person,
                group,
            },
        }
    }

    fn quote(span: Range<usize>) -> Annotation {
        Annotation {
            span,
            kind: QuoteInfo::default().into(),
        }
    }

    fn group(id: usize) -> EntityGroup {
        EntityGroup {
            id,
            label: EntityLabel::Person,
            name: format!("g{id}"),
            aliases: vec![],
        }
    }

    /// A quote 10..40 holding a mention 12..15; mentions at 30..33 and 50..55.
    fn set() -> AnnotationSet {
        AnnotationSet::new(
            vec![
                ent(30..33, 1),
                quote(10..40),
                ent(12..15, 0),
                ent(50..55, 0),
            ],
            vec![group(0), group(1)],
        )
    }

    #[test]
    fn sorted_by_start_then_longest_first() {
        let s = set();
        let starts: Vec<usize> = s.items().iter().map(|a| a.span.start).collect();
        assert_eq!(starts, vec![10, 12, 30, 50]);
    }

    #[test]
    fn at_prefers_the_innermost() {
        let s = set();
        assert_eq!(s.at(13, None), Some(1));
        assert_eq!(s.at(20, None), Some(0));
        assert_eq!(s.at(13, Some(Kind::Quote)), Some(0));
        assert_eq!(s.at(45, None), None);
    }

    #[test]
    fn overlapping_finds_long_spans_that_start_early() {
        let s = set();
        assert_eq!(s.overlapping(35..36).collect::<Vec<_>>(), vec![0]);
        assert_eq!(s.overlapping(0..100).count(), 4);
        assert_eq!(s.overlapping(40..50).count(), 0);
    }

    #[test]
    fn next_and_previous_by_kind() {
        let s = set();
        assert_eq!(s.next_after(10, None), Some(1));
        assert_eq!(s.next_after(10, Some(Kind::Quote)), None);
        assert_eq!(s.prev_before(50, Some(Kind::Entity)), Some(2));
        assert_eq!(s.prev_before(10, None), None);
        assert_eq!(s.mentions_of(0), vec![1, 3]);
    }

    #[test]
    fn an_entity_mention_is_small() {
        assert!(size_of::<AnnotationKind>() <= 16);
        assert!(size_of::<Annotation>() <= 32);
    }

    #[test]
    fn boxed_details_round_trip() {
        let date = DateInfo {
            value: Some("2020-01-05".into()),
            explanation: Some("Sunday before".into()),
        };
        let quote = QuoteInfo {
            speaker: Some("Trump".into()),
            speaker_group: Some(1),
            speaker_span: Some(3..8),
            ..QuoteInfo::default()
        };
        let d = Annotation {
            span: 0..6,
            kind: date.clone().into(),
        };
        let q = Annotation {
            span: 10..40,
            kind: AnnotationKind::from(quote.clone()),
        };
        assert_eq!((d.kind(), q.kind()), (Kind::Date, Kind::Quote));
        assert!(matches!(&d.kind, AnnotationKind::Date(info) if **info == date));
        assert!(matches!(&q.kind, AnnotationKind::Quote(info) if **info == quote));
        let set = AnnotationSet::new(vec![q, d], vec![group(0), group(1)]);
        assert_eq!(set.at(20, None), Some(1));
        assert_eq!(set.get(0).map(|a| a.span.clone()), Some(0..6));
    }

    #[test]
    fn ends_beyond_four_gib_are_still_found() {
        let far = u32::MAX as usize;
        let s = AnnotationSet::new(
            vec![quote(far - 10..far + 10), ent(far + 20..far + 30, 0)],
            vec![group(0)],
        );
        assert_eq!(s.overlapping(far + 5..far + 6).collect::<Vec<_>>(), vec![0]);
        assert_eq!(s.at(far + 25, None), Some(1));
        assert_eq!(s.overlapping(0..far - 20).count(), 0);
    }
}
