//! Applying corrections to what the detectors found: the lexicon first (what the reader
//! said of every article), then the article's own corrections in the order they were made,
//! so the most specific and the latest win. Each correction is placed on the current text
//! with the notes' re-anchoring; one that cannot be placed is [`Placement::Detached`].

use std::ops::Range;

use super::lexicon::Lexicon;
use super::model::{Change, Correction};
use super::work::Work;
use crate::annotation::{
    Annotation, AnnotationKind, AnnotationSet, DateInfo, EntityLabel, QuoteInfo,
};
use crate::notes::anchor::anchor;
use crate::notes::selector::{CodePoints, Target};

/// What became of one correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Applied to the passage at this byte range.
    Applied(Range<usize>),
    /// Placed, but there is nothing there to change any more (the detectors no longer
    /// find the annotation, or the group it names is gone).
    Unmatched(Range<usize>),
    /// Its passage is not in the text any more: kept, and listed as detached.
    Detached,
}

impl Placement {
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Placement::Applied(r) | Placement::Unmatched(r) => Some(r.clone()),
            Placement::Detached => None,
        }
    }
}

/// The explanation a date whose value the reader gave carries.
pub const READER_VALUE: &str = "value given by the reader";

/// Applies `lexicon`, then `corrections`, to `set` (the annotations of `text`), marking
/// every annotation they change or add. Returns where each correction was placed, in the
/// order given.
pub fn apply(
    set: &mut AnnotationSet,
    text: &str,
    corrections: &[Correction],
    lexicon: &Lexicon,
) -> Vec<Placement> {
    if corrections.is_empty() && lexicon.is_empty() {
        return Vec::new();
    }
    let mut work = Work::new(set);
    lexicon.apply(&mut work, text);
    // Indexing a book's code points costs milliseconds: only when there is one to place.
    let placements = match corrections {
        [] => Vec::new(),
        _ => {
            let cps = CodePoints::new(text);
            let mut place = |c| apply_one(&mut work, text, &cps, c);
            corrections.iter().map(&mut place).collect()
        }
    };
    *set = work.finish();
    placements
}

/// Places one correction and applies it.
fn apply_one(work: &mut Work, text: &str, cps: &CodePoints<'_>, c: &Correction) -> Placement {
    let Some(range) = place(text, cps, &c.target) else {
        return Placement::Detached;
    };
    let surface = &text[range.clone()];
    let found = work.find(&range, c.change.kind());
    let done = match (found, &c.change) {
        (None, Change::EntityKind { label } | Change::AddEntity { label }) => {
            add_entity(work, range.clone(), *label, surface);
            true
        }
        (None, Change::DateValue { value }) => add_date(work, range.clone(), Some(value)),
        (None, Change::AddDate { value }) => add_date(work, range.clone(), value.as_ref()),
        (None, Change::AddQuote { speaker }) => add_quote(work, range.clone(), speaker.as_deref()),
        (None, _) => false,
        (Some(i), change) => {
            change_entity(work, i, change, surface)
                || change_date(work, text, cps, i, change)
                || change_quote(work, i, change)
        }
    };
    if done {
        Placement::Applied(range)
    } else {
        Placement::Unmatched(range)
    }
}

/// The byte range of a passage in the current text, if it is still there.
fn place(text: &str, cps: &CodePoints<'_>, target: &Target) -> Option<Range<usize>> {
    anchor(text, cps, target).range().filter(|r| !r.is_empty())
}

fn add_entity(work: &mut Work, span: Range<usize>, label: EntityLabel, surface: &str) {
    let group = work.group_or_new(surface, label);
    let i = work.add(Annotation {
        span,
        kind: AnnotationKind::Entity { label, group },
    });
    work.move_to(i, group, surface);
}

fn add_date(work: &mut Work, span: Range<usize>, value: Option<&String>) -> bool {
    work.add(Annotation {
        span,
        kind: DateInfo {
            value: value.cloned(),
            explanation: value.map(|_| READER_VALUE.to_owned()),
        }
        .into(),
    });
    true
}

fn add_quote(work: &mut Work, span: Range<usize>, speaker: Option<&str>) -> bool {
    let i = work.add(Annotation {
        span,
        kind: QuoteInfo::default().into(),
    });
    set_speaker(work, i, speaker);
    true
}

/// An entity change on entity item `i`; false when `change` is not one or cannot apply.
fn change_entity(work: &mut Work, i: usize, change: &Change, surface: &str) -> bool {
    let Some(group) = work.group_of(i) else {
        return false;
    };
    let label = work.groups[group].label;
    match change {
        Change::EntityKind { label } => work.relabel_group(group, *label),
        Change::NotEntity => work.remove(i),
        Change::EntitySpan { .. } => return false,
        Change::MoveToGroup { group: name } => {
            let to = work.group_or_new(name, label);
            work.move_to(i, to, surface);
        }
        Change::SplitOff => {
            let to = work.new_group(surface, label);
            work.move_to(i, to, surface);
        }
        Change::MergeGroups { into } => match work.group_named(into) {
            Some(to) => work.merge_groups(group, to),
            None => return false,
        },
        Change::RenameGroup { name } => work.rename_group(group, name),
        _ => return false,
    }
    true
}

/// A date change on date item `i`, or a span change on any item.
fn change_date(
    work: &mut Work,
    text: &str,
    cps: &CodePoints<'_>,
    i: usize,
    change: &Change,
) -> bool {
    match change {
        Change::EntitySpan { span } | Change::DateSpan { span } | Change::QuoteSpan { span } => {
            let Some(to) = place(text, cps, span) else {
                return false;
            };
            work.respan(i, to);
        }
        Change::NotDate => work.remove(i),
        Change::DateValue { value } => {
            if let Some(AnnotationKind::Date(info)) = work.edit(i).map(|a| &mut a.kind) {
                info.value = Some(value.clone());
                info.explanation = Some(READER_VALUE.to_owned());
            }
        }
        _ => return false,
    }
    true
}

/// A quote change on quote item `i`.
fn change_quote(work: &mut Work, i: usize, change: &Change) -> bool {
    match change {
        Change::Speaker { name } => set_speaker(work, i, Some(name)),
        Change::SpeakerUnknown => set_speaker(work, i, None),
        Change::NotQuote => work.remove(i),
        _ => return false,
    }
    true
}

/// Gives quote item `i` the speaker `name` (linked to the group of that name, if any), or
/// none.
fn set_speaker(work: &mut Work, i: usize, name: Option<&str>) {
    let group = name.and_then(|n| work.group_named(n));
    let full = group.map(|g| work.groups[g].name.clone());
    if let Some(AnnotationKind::Quote(q)) = work.edit(i).map(|a| &mut a.kind) {
        q.speaker = full.or(name.map(str::to_owned));
        q.speaker_group = group;
        q.speaker_span = None;
    }
}

#[cfg(test)]
#[path = "apply/tests.rs"]
pub(crate) mod tests;
