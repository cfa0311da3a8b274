//! Ordering the rows of the annotation tabs into their compact form: which annotations
//! each row stands for, in the tab's order, and what scrolling needs to know of its shape
//! (a heading above it, a second line). The words are left to [`super::shape`].

use std::collections::HashMap;

use crate::annotation::{AnnotationKind, AnnotationSet, Kind};
use crate::detect::dates::{self, TimelineKey};
use crate::layout::str_width;

use super::{Anchors, Tab};

/// One row, compact: 8 bytes instead of an `Item`'s strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    /// End of this row's anchors in [`TabRows::anchors`]; they start where the previous
    /// row's end.
    end: u32,
    /// A section heading is drawn above the row.
    pub(super) section: bool,
    /// The row has a second line.
    pub(super) detail: bool,
}

/// The rows of one annotation tab.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct TabRows {
    entries: Vec<Entry>,
    /// Every row's annotation indices, one row after the other.
    anchors: Vec<u32>,
    /// Columns of the widest title, at most 14, on the Dates tab (see
    /// [`super::Rows::title_width`]).
    pub(super) title_width: usize,
}

impl TabRows {
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(super) fn entry(&self, i: usize) -> Option<Entry> {
        self.entries.get(i).copied()
    }

    pub(super) fn anchors(&self, i: usize) -> Anchors<'_> {
        let start = match i.checked_sub(1) {
            Some(p) => self.entries.get(p).map_or(0, |e| e.end as usize),
            None => 0,
        };
        let end = self.entries.get(i).map_or(start, |e| e.end as usize);
        Anchors(self.anchors.get(start..end).unwrap_or(&[]))
    }

    /// Each row's anchors, in order.
    pub(super) fn anchor_lists(&self) -> impl Iterator<Item = Anchors<'_>> {
        (0..self.len()).map(|i| self.anchors(i))
    }

    /// Adds a row standing for `anchors` (annotation indices that do not fit `u32` are
    /// left out: four billion annotations would not fit in memory anyway).
    fn push(&mut self, anchors: &[usize], section: bool, detail: bool) {
        self.anchors
            .extend(anchors.iter().filter_map(|&a| u32::try_from(a).ok()));
        let end = u32::try_from(self.anchors.len()).unwrap_or(u32::MAX);
        self.entries.push(Entry {
            end,
            section,
            detail,
        });
    }

    /// Drops spare capacity: the rows live as long as the reader.
    fn done(mut self) -> TabRows {
        self.entries.shrink_to_fit();
        self.anchors.shrink_to_fit();
        self
    }
}

/// Entities by label (people first), most mentioned first within a label, ties in order
/// of first mention; a heading where the label changes, a second line for aliases.
pub(super) fn entities(set: &AnnotationSet) -> TabRows {
    let mut mentions: Vec<Vec<usize>> = vec![Vec::new(); set.groups().len()];
    for i in set.of_kind(Kind::Entity) {
        if let Some(list) = set
            .get(i)
            .and_then(|a| a.group())
            .and_then(|g| mentions.get_mut(g))
        {
            list.push(i);
        }
    }
    let mut groups: Vec<_> = set
        .groups()
        .iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .collect();
    groups.sort_by_key(|(g, m)| (g.label, std::cmp::Reverse(m.len()), m[0]));
    let mut rows = TabRows::default();
    let mut last_label = None;
    for (group, anchors) in groups {
        let section = last_label != Some(group.label);
        last_label = Some(group.label);
        rows.push(&anchors, section, !group.aliases.is_empty());
    }
    rows.done()
}

/// Where a TIMEX3 value sits on the timeline: the dates module's calendar order (coarser
/// periods first on the same day, the `*_REF` values after every dated one), then values
/// it cannot place, then what could not be resolved at all.
pub(super) fn timeline_key(value: Option<&str>) -> (u8, Option<TimelineKey>, &str) {
    match value {
        Some(v) => match dates::timeline_key(v) {
            Some(key) => (0, Some(key), v),
            None => (1, None, v),
        },
        None => (2, None, ""),
    }
}

/// Dates on a timeline: one row per resolved value (the expressions of it gathered
/// together), one per unresolved expression; a second line when one has an explanation.
pub(super) fn dates(set: &AnnotationSet) -> TabRows {
    let mut by_value: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for i in set.of_kind(Kind::Date) {
        let Some(AnnotationKind::Date(info)) = set.get(i).map(|a| &a.kind) else {
            continue;
        };
        match info.value.as_deref() {
            Some(v) => match index.get(v) {
                Some(&slot) => by_value[slot].1.push(i),
                None => {
                    index.insert(v, by_value.len());
                    by_value.push((Some(v), vec![i]));
                }
            },
            None => by_value.push((None, vec![i])),
        }
    }
    // Stable: unresolved expressions and equal keys stay in text order.
    by_value.sort_by_key(|(v, _)| timeline_key(*v));
    let mut rows = TabRows::default();
    for (value, anchors) in by_value {
        let explained = anchors.iter().any(|&a| {
            matches!(set.get(a).map(|a| &a.kind),
                Some(AnnotationKind::Date(info)) if info.explanation.is_some())
        });
        rows.push(&anchors, false, explained);
        let title = value.unwrap_or(super::shape::UNRESOLVED);
        rows.title_width = rows.title_width.max(str_width(title));
    }
    rows.title_width = rows.title_width.min(14);
    rows.done()
}

/// Quotes grouped by speaker (one section per person, in order of their first quote, the
/// quotes of unknown speakers last), each quote its own row, in text order.
pub(super) fn quotes(set: &AnnotationSet) -> TabRows {
    // A speaker is one entity group when the detector linked one, else one name.
    let mut speakers: Vec<(bool, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(Option<usize>, String), usize> = HashMap::new();
    for i in set.of_kind(Kind::Quote) {
        let Some(AnnotationKind::Quote(info)) = set.get(i).map(|a| &a.kind) else {
            continue;
        };
        let key = match (info.speaker_group, &info.speaker) {
            (Some(g), _) => (Some(g), String::new()),
            (None, Some(n)) => (None, n.to_lowercase()),
            (None, None) => (None, "\0unknown".to_string()),
        };
        let named = info.speaker.is_some();
        let slot = *index.entry(key).or_insert_with(|| {
            speakers.push((named, Vec::new()));
            speakers.len() - 1
        });
        speakers[slot].1.push(i);
    }
    // Unknown speakers last (a speaker is named by its first quote); the sort is stable,
    // so the rest keep their first-quote order.
    speakers.sort_by_key(|(named, _)| !named);
    let mut rows = TabRows::default();
    for (_, quotes) in speakers {
        for (n, &i) in quotes.iter().enumerate() {
            rows.push(&[i], n == 0, false);
        }
    }
    rows.done()
}

/// Annotation index -> its tab and item there, one `u32` per annotation: the tab's number
/// plus one in the top two bits, the item below (0: in no item; an item number from
/// 2^30 on is not recorded).
pub(super) fn owner(tabs: &[TabRows; 3], annotations: usize) -> Vec<u32> {
    let mut owner = vec![0; annotations];
    for (t, rows) in tabs.iter().enumerate() {
        for (i, anchors) in rows.anchor_lists().enumerate() {
            let Some(packed) = u32::try_from(i)
                .ok()
                .filter(|&i| i < ITEM_LIMIT)
                .map(|i| ((t as u32 + 1) << 30) | i)
            else {
                continue;
            };
            for a in anchors.iter() {
                if let Some(slot) = owner.get_mut(a) {
                    *slot = packed;
                }
            }
        }
    }
    owner
}

const ITEM_LIMIT: u32 = 1 << 30;

/// The tab and item of an [`owner`] entry, if any.
pub(super) fn unpack_owner(packed: u32) -> Option<(Tab, usize)> {
    let tab = match packed >> 30 {
        1 => Tab::Entities,
        2 => Tab::Dates,
        3 => Tab::Quotes,
        _ => return None,
    };
    Some((tab, (packed & (ITEM_LIMIT - 1)) as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_small() {
        assert!(size_of::<Entry>() <= 8);
    }

    #[test]
    fn owners_pack_tab_and_item() {
        let mut tabs: [TabRows; 3] = Default::default();
        tabs[0].push(&[0, 2], true, false);
        tabs[1].push(&[1], false, true);
        tabs[2].push(&[3], true, false);
        tabs[2].push(&[4], false, false);
        let owner = owner(&tabs, 6);
        let got: Vec<_> = owner.iter().map(|&p| unpack_owner(p)).collect();
        assert_eq!(
            got,
            [
                Some((Tab::Entities, 0)),
                Some((Tab::Dates, 0)),
                Some((Tab::Entities, 0)),
                Some((Tab::Quotes, 0)),
                Some((Tab::Quotes, 1)),
                None,
            ]
        );
        assert_eq!(tabs[2].anchors(1).iter().collect::<Vec<_>>(), [4]);
        assert!(tabs[2].anchors(2).is_empty());
    }
}
