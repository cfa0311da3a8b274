//! The side pane's content, shaped from an [`AnnotationSet`]: one list of selectable items
//! per tab (entities grouped by label, dates as a timeline, quotes in text order).
//!
//! Pure data, built once per annotation set; the side pane widget only draws it and
//! `update` only indexes it. Each item knows the annotations it stands for (`anchors`), so
//! choosing a row can show its passage and cycle through an entity's mentions.

use std::collections::HashMap;

use crate::annotation::{AnnotationKind, AnnotationSet, EntityLabel, Kind};
use crate::detect::dates::{self, TimelineKey};

use super::notes::NoteRef;

/// The side pane's tabs, in the order of their keys `1`-`4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Entities,
    Dates,
    Quotes,
    Notes,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Entities, Tab::Dates, Tab::Quotes, Tab::Notes];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Entities => "Entities",
            Tab::Dates => "Dates",
            Tab::Quotes => "Quotes",
            Tab::Notes => "Notes",
        }
    }

    pub fn index(self) -> usize {
        match self {
            Tab::Entities => 0,
            Tab::Dates => 1,
            Tab::Quotes => 2,
            Tab::Notes => 3,
        }
    }
}

/// What an item stands for, so the side pane can colour it like the article does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Entity(EntityLabel),
    Date,
    Quote,
    /// A note (or highlight) on the Notes tab.
    Note {
        highlight: bool,
        detached: bool,
    },
}

/// One selectable row of a tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A section heading drawn above this item when it starts a section ("People", or a
    /// speaker on the Quotes tab).
    pub section: Option<String>,
    pub kind: ItemKind,
    /// The entity's name, the date's value, the quote's speaker.
    pub title: String,
    /// Beside the title: the mention count of an entity, the words a date was written as.
    pub aside: String,
    /// A second line: an entity's aliases, a date's explanation, a quote's opening words.
    pub detail: Option<String>,
    /// The annotations this item stands for, in text order (never empty).
    pub anchors: Vec<usize>,
}

impl Item {
    /// Lines the item takes in the side pane (its section heading included). The first
    /// item's heading has no blank line above it.
    pub fn height(&self, first: bool) -> usize {
        let section = match (self.section.is_some(), first) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2,
        };
        section + 1 + usize::from(self.detail.is_some())
    }
}

/// The items of every tab, and which item each annotation belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    tabs: [Vec<Item>; 3],
    /// Annotation index -> item index, per tab (quotes: only the quote annotations).
    owner: [HashMap<usize, usize>; 3],
    /// Entity group id -> its item on the Entities tab.
    by_group: HashMap<usize, usize>,
    /// The Notes tab (set by [`Rows::set_notes`]): its items and the notes they stand for.
    notes: Vec<Item>,
    note_refs: Vec<NoteRef>,
}

impl Rows {
    /// Shapes the rows of `set`; `text` is the article text the spans point into.
    pub fn new(text: &str, set: &AnnotationSet) -> Rows {
        let tabs = [
            entity_items(set),
            date_items(text, set),
            quote_items(text, set),
        ];
        let owner = std::array::from_fn(|t| {
            let mut map = HashMap::new();
            for (i, item) in tabs[t].iter().enumerate() {
                for &a in &item.anchors {
                    map.insert(a, i);
                }
            }
            map
        });
        let by_group = tabs[0]
            .iter()
            .enumerate()
            .filter_map(|(i, item)| Some((set.get(*item.anchors.first()?)?.group()?, i)))
            .collect();
        Rows {
            tabs,
            owner,
            by_group,
            notes: Vec::new(),
            note_refs: Vec::new(),
        }
    }

    /// The Entities item of entity group `group`.
    pub fn entity_item(&self, group: usize) -> Option<usize> {
        self.by_group.get(&group).copied()
    }

    /// The first line of item `index` in `tab`'s list (section headings included).
    pub fn line_of_item(&self, tab: Tab, index: usize) -> usize {
        self.items(tab)
            .iter()
            .take(index)
            .enumerate()
            .map(|(i, it)| it.height(i == 0))
            .sum()
    }

    /// Total lines of `tab`'s list.
    pub fn total_lines(&self, tab: Tab) -> usize {
        self.line_of_item(tab, usize::MAX)
    }

    /// The item drawn on `line` of `tab`'s list (its heading lines included).
    pub fn item_at_line(&self, tab: Tab, line: usize) -> Option<usize> {
        let mut start = 0;
        for (i, item) in self.items(tab).iter().enumerate() {
            let end = start + item.height(i == 0);
            if line < end {
                return Some(i);
            }
            start = end;
        }
        None
    }

    /// Replaces the Notes tab's rows (after any change to the notes or the tag filter).
    pub fn set_notes(&mut self, rows: Vec<(Item, NoteRef)>) {
        (self.notes, self.note_refs) = rows.into_iter().unzip();
    }

    /// The notes the Notes tab's items stand for, index for index.
    pub fn note_refs(&self) -> &[NoteRef] {
        &self.note_refs
    }

    /// The items of `tab`.
    pub fn items(&self, tab: Tab) -> &[Item] {
        match tab {
            Tab::Notes => &self.notes,
            t => &self.tabs[t.index()],
        }
    }

    /// The item of `tab` that annotation `anno` belongs to.
    pub fn item_of(&self, tab: Tab, anno: usize) -> Option<usize> {
        match tab {
            Tab::Notes => None,
            t => self.owner[t.index()].get(&anno).copied(),
        }
    }
}

fn section_name(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "People",
        EntityLabel::Org => "Organisations",
        EntityLabel::Place => "Places",
        EntityLabel::Norp => "Nationalities and groups",
        EntityLabel::Misc => "Other names",
    }
}

/// Entities by label (people first), most mentioned first within a label, ties in order
/// of first mention.
fn entity_items(set: &AnnotationSet) -> Vec<Item> {
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
    let mut items = Vec::with_capacity(groups.len());
    let mut last_label = None;
    for (group, anchors) in groups {
        let section =
            (last_label != Some(group.label)).then(|| section_name(group.label).to_string());
        last_label = Some(group.label);
        let detail =
            (!group.aliases.is_empty()).then(|| format!("also {}", group.aliases.join(", ")));
        items.push(Item {
            section,
            kind: ItemKind::Entity(group.label),
            title: group.name.clone(),
            aside: anchors.len().to_string(),
            detail,
            anchors,
        });
    }
    items
}

/// Where a TIMEX3 value sits on the timeline: the dates module's calendar order (coarser
/// periods first on the same day, the `*_REF` values after every dated one), then values
/// it cannot place, then what could not be resolved at all.
fn timeline_key(value: Option<&str>) -> (u8, Option<TimelineKey>, &str) {
    match value {
        Some(v) => match dates::timeline_key(v) {
            Some(key) => (0, Some(key), v),
            None => (1, None, v),
        },
        None => (2, None, ""),
    }
}

/// Dates on a timeline: one item per resolved value (the words that expressed it gathered
/// together), one per unresolved expression.
fn date_items(text: &str, set: &AnnotationSet) -> Vec<Item> {
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
    by_value
        .into_iter()
        .map(|(value, anchors)| {
            let mut words: Vec<String> = Vec::new();
            for &a in &anchors {
                let w = set
                    .get(a)
                    .map_or("", |a| text.get(a.span.clone()).unwrap_or(""));
                let w = collapse(w);
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            let explanation = anchors
                .iter()
                .find_map(|&a| match set.get(a).map(|a| &a.kind) {
                    Some(AnnotationKind::Date(info)) => info.explanation.clone(),
                    _ => None,
                });
            Item {
                section: None,
                kind: ItemKind::Date,
                title: value.unwrap_or("unresolved").to_string(),
                aside: words.join(" · "),
                detail: explanation,
                anchors,
            }
        })
        .collect()
}

/// Quotes grouped by speaker (one section per person, in order of their first quote, the
/// quotes of unknown speakers last), each quote by its opening words, in text order.
fn quote_items(text: &str, set: &AnnotationSet) -> Vec<Item> {
    // A speaker is one entity group when the detector linked one, else one name.
    let mut speakers: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(Option<usize>, String), usize> = HashMap::new();
    for i in set.of_kind(Kind::Quote) {
        let Some(AnnotationKind::Quote(info)) = set.get(i).map(|a| &a.kind) else {
            continue;
        };
        let name = info.speaker.clone();
        let key = match (info.speaker_group, &name) {
            (Some(g), _) => (Some(g), String::new()),
            (None, Some(n)) => (None, n.to_lowercase()),
            (None, None) => (None, "\0unknown".to_string()),
        };
        let slot = *index.entry(key).or_insert_with(|| {
            speakers.push((name, Vec::new()));
            speakers.len() - 1
        });
        speakers[slot].1.push(i);
    }
    // Unknown speakers last; the sort is stable, so the rest keep their first-quote order.
    speakers.sort_by_key(|(name, _)| name.is_none());
    let mut items = Vec::new();
    for (name, quotes) in speakers {
        let count = quotes.len();
        for (n, i) in quotes.into_iter().enumerate() {
            let quoted = set
                .get(i)
                .and_then(|a| text.get(a.span.clone()))
                .unwrap_or("");
            let section = (n == 0).then(|| {
                let who = name.as_deref().unwrap_or("Speaker unknown");
                match count {
                    1 => who.to_string(),
                    _ => format!("{who} · {count} quotes"),
                }
            });
            items.push(Item {
                section,
                kind: ItemKind::Quote,
                title: opening_words(quoted),
                aside: String::new(),
                detail: None,
                anchors: vec![i],
            });
        }
    }
    items
}

/// The start of a quote, whitespace collapsed, cut at a word boundary after ~60 bytes:
/// the side pane truncates further to its width.
fn opening_words(quoted: &str) -> String {
    let flat = collapse(quoted);
    if flat.len() <= 80 {
        return flat;
    }
    // The largest char boundary at or below 60 bytes, then the last space before it.
    let limit = (0..=60)
        .rev()
        .find(|&c| flat.is_char_boundary(c))
        .unwrap_or(0);
    let cut = flat[..limit].rfind(' ').unwrap_or(limit);
    format!("{}…", flat[..cut].trim_end())
}

/// `s` with every run of whitespace (line breaks included) turned into one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
