//! The side pane's content, shaped from an [`AnnotationSet`]: one list of selectable items
//! per tab (entities grouped by label, dates as a timeline, quotes in text order).
//!
//! Pure data, built once per annotation set; the side pane widget only draws it and
//! `update` only indexes it. Each item knows the annotations it stands for
//! ([`Rows::anchors`]), so choosing a row can show its passage and cycle through an
//! entity's mentions.
//!
//! A book has tens of thousands of rows, and the reader keeps them for its whole life, so
//! they are stored compact (`rows/build.rs`): per row, where its anchors end in one flat list of
//! `u32` annotation indices and whether it has a heading and a second line (all that
//! scrolling needs); the row's text — names, counts, words, opening words — is shaped only
//! for the rows drawn ([`Rows::item`], `rows/shape.rs`). The Notes tab, a few rows the user
//! wrote, keeps its [`Item`]s as they are.

mod build;
mod shape;

use crate::annotation::{AnnotationSet, EntityLabel};

use super::notes::NoteRef;
use build::TabRows;

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

/// One row of a tab as it is drawn: its text, shaped on demand ([`Rows::item`]).
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
}

impl Item {
    /// Lines the item takes in the side pane (its section heading included). The first
    /// item's heading has no blank line above it.
    pub fn height(&self, first: bool) -> usize {
        row_height(self.section.is_some(), self.detail.is_some(), first)
    }
}

/// Lines of a row with or without a heading and a second line; the first row's heading
/// has no blank line above it.
fn row_height(section: bool, detail: bool, first: bool) -> usize {
    let section = match (section, first) {
        (false, _) => 0,
        (true, true) => 1,
        (true, false) => 2,
    };
    section + 1 + usize::from(detail)
}

/// The annotations an item stands for, in text order (never empty for an annotation tab;
/// empty for a note): indices into the [`AnnotationSet`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Anchors<'a>(&'a [u32]);

impl<'a> Anchors<'a> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `k`-th annotation (0-based).
    pub fn get(&self, k: usize) -> Option<usize> {
        self.0.get(k).map(|&a| a as usize)
    }

    pub fn first(&self) -> Option<usize> {
        self.get(0)
    }

    /// Where annotation `anno` is among them.
    pub fn position(&self, anno: usize) -> Option<usize> {
        let anno = u32::try_from(anno).ok()?;
        self.0.iter().position(|&a| a == anno)
    }

    pub fn iter(self) -> impl ExactSizeIterator<Item = usize> + 'a {
        self.0.iter().map(|&a| a as usize)
    }
}

/// The items of every tab, and which item each annotation belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Entities, Dates, Quotes.
    tabs: [TabRows; 3],
    /// Annotation index -> its tab and item there, packed by [`build::owner`].
    owner: Vec<u32>,
    /// Entity group id -> its item on the Entities tab (`u32::MAX`: none).
    by_group: Vec<u32>,
    /// The Notes tab (set by [`Rows::set_notes`]): its items and the notes they stand for.
    notes: Vec<Item>,
    note_refs: Vec<NoteRef>,
}

impl Rows {
    /// Orders the rows of `set`. Their words are taken from the article text only when
    /// drawn ([`Rows::item`]).
    pub fn new(set: &AnnotationSet) -> Rows {
        let tabs = [build::entities(set), build::dates(set), build::quotes(set)];
        let owner = build::owner(&tabs, set.len());
        let mut by_group = vec![u32::MAX; set.groups().len()];
        for (i, anchors) in tabs[0].anchor_lists().enumerate() {
            let group = anchors.first().and_then(|a| set.get(a)?.group());
            if let (Some(slot), Ok(i)) = (group.and_then(|g| by_group.get_mut(g)), u32::try_from(i))
            {
                *slot = i;
            }
        }
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
        let i = *self.by_group.get(group)?;
        (i != u32::MAX).then_some(i as usize)
    }

    /// Number of items of `tab`.
    pub fn len(&self, tab: Tab) -> usize {
        match tab {
            Tab::Notes => self.notes.len(),
            t => self.tabs[t.index()].len(),
        }
    }

    pub fn is_empty(&self, tab: Tab) -> bool {
        self.len(tab) == 0
    }

    /// Item `index` of `tab`, its text shaped from `set` and `text` (the ones the rows were
    /// made from) for drawing.
    pub fn item(&self, tab: Tab, index: usize, text: &str, set: &AnnotationSet) -> Option<Item> {
        match tab {
            Tab::Notes => self.notes.get(index).cloned(),
            Tab::Entities => shape::entity(&self.tabs[0], index, set),
            Tab::Dates => shape::date(&self.tabs[1], index, text, set),
            Tab::Quotes => shape::quote(&self.tabs[2], index, text, set),
        }
    }

    /// The annotations item `index` of `tab` stands for (none for a note, or out of range).
    pub fn anchors(&self, tab: Tab, index: usize) -> Anchors<'_> {
        match tab {
            Tab::Notes => Anchors::default(),
            t => self.tabs[t.index()].anchors(index),
        }
    }

    /// Lines item `index` of `tab` takes in the list (heading included); 0 out of range.
    pub fn height(&self, tab: Tab, index: usize) -> usize {
        match tab {
            Tab::Notes => self.notes.get(index).map_or(0, |it| it.height(index == 0)),
            t => self.tabs[t.index()]
                .entry(index)
                .map_or(0, |e| row_height(e.section, e.detail, index == 0)),
        }
    }

    /// Columns of the widest date value (the Dates tab's titles), at most 14: the timeline
    /// lines its values up on this.
    pub fn title_width(&self) -> usize {
        self.tabs[Tab::Dates.index()].title_width
    }

    /// The first line of item `index` in `tab`'s list (section headings included).
    pub fn line_of_item(&self, tab: Tab, index: usize) -> usize {
        (0..index.min(self.len(tab)))
            .map(|i| self.height(tab, i))
            .sum()
    }

    /// Total lines of `tab`'s list.
    pub fn total_lines(&self, tab: Tab) -> usize {
        self.line_of_item(tab, usize::MAX)
    }

    /// The item drawn on `line` of `tab`'s list (its heading lines included).
    pub fn item_at_line(&self, tab: Tab, line: usize) -> Option<usize> {
        let mut start = 0;
        for i in 0..self.len(tab) {
            let end = start + self.height(tab, i);
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

    /// The Notes tab's items.
    pub fn notes(&self) -> &[Item] {
        &self.notes
    }

    /// The notes the Notes tab's items stand for, index for index.
    pub fn note_refs(&self) -> &[NoteRef] {
        &self.note_refs
    }

    /// The item of `tab` that annotation `anno` belongs to.
    pub fn item_of(&self, tab: Tab, anno: usize) -> Option<usize> {
        let packed = *self.owner.get(anno)?;
        build::unpack_owner(packed).and_then(|(t, i)| (t == tab).then_some(i))
    }
}

#[cfg(test)]
mod tests;
