//! The editable form of an [`AnnotationSet`] while corrections and the lexicon are applied:
//! items that can be removed, marked or added, and groups that can be renamed, merged and
//! made. [`Work::finish`] drops the groups left without a mention and builds the set again.

use std::ops::Range;

use crate::annotation::{
    Annotation, AnnotationKind, AnnotationSet, EntityGroup, EntityLabel, Kind,
};

/// An annotation set taken apart for editing.
#[derive(Debug)]
pub struct Work {
    /// `None`: removed.
    pub items: Vec<Option<Annotation>>,
    pub marked: Vec<bool>,
    pub groups: Vec<EntityGroup>,
    /// Whether anything changed (else [`Work::finish`] gives the set back as it was).
    pub changed: bool,
    /// The starts of the items as taken in (sorted), to find an item by its span with a
    /// binary search rather than a walk over a book's mentions.
    starts: Vec<usize>,
    /// Items whose span was changed since, and so are out of `starts`' order.
    moved: Vec<usize>,
}

impl Work {
    /// Takes `set` apart (leaving it empty).
    pub fn new(set: &mut AnnotationSet) -> Work {
        let (items, groups, corrected) = std::mem::take(set).into_parts();
        let mut marked = vec![false; items.len()];
        for i in corrected {
            if let Some(m) = marked.get_mut(i) {
                *m = true;
            }
        }
        Work {
            starts: items.iter().map(|a| a.span.start).collect(),
            items: items.into_iter().map(Some).collect(),
            marked,
            groups,
            changed: false,
            moved: Vec::new(),
        }
    }

    /// The live item of `kind` whose span is exactly `span`.
    pub fn find(&self, span: &Range<usize>, kind: Kind) -> Option<usize> {
        let is = |i: &usize| {
            self.items[*i]
                .as_ref()
                .is_some_and(|a| a.span == *span && a.kind() == kind)
        };
        let from = self.starts.partition_point(|&s| s < span.start);
        let same_start = (from..self.starts.len()).take_while(|&i| self.starts[i] == span.start);
        let added = self.starts.len()..self.items.len();
        same_start
            .chain(self.moved.iter().copied())
            .chain(added)
            .find(is)
    }

    /// Gives item `index` the span `to`.
    pub fn respan(&mut self, index: usize, to: Range<usize>) {
        if let Some(a) = self.edit(index) {
            a.span = to;
            self.moved.push(index);
        }
    }

    /// The live item at `index`, marked as corrected, to change.
    pub fn edit(&mut self, index: usize) -> Option<&mut Annotation> {
        self.changed = true;
        self.marked[index] = true;
        self.items[index].as_mut()
    }

    pub fn remove(&mut self, index: usize) {
        self.changed = true;
        self.items[index] = None;
    }

    pub fn add(&mut self, annotation: Annotation) -> usize {
        self.changed = true;
        self.items.push(Some(annotation));
        self.marked.push(true);
        self.items.len() - 1
    }

    /// The group of a live entity item.
    pub fn group_of(&self, index: usize) -> Option<usize> {
        self.items.get(index)?.as_ref()?.group()
    }

    /// The group with this name (or, failing that, with this alias).
    pub fn group_named(&self, name: &str) -> Option<usize> {
        let by_name = self.groups.iter().position(|g| g.name == name);
        by_name.or_else(|| {
            self.groups
                .iter()
                .position(|g| g.aliases.iter().any(|a| a == name))
        })
    }

    /// The group named `name`, made (with `label`) when there is none.
    pub fn group_or_new(&mut self, name: &str, label: EntityLabel) -> usize {
        self.group_named(name)
            .unwrap_or_else(|| self.new_group(name, label))
    }

    pub fn new_group(&mut self, name: &str, label: EntityLabel) -> usize {
        self.changed = true;
        self.groups.push(EntityGroup {
            id: self.groups.len(),
            label,
            name: name.to_owned(),
            aliases: Vec::new(),
        });
        self.groups.len() - 1
    }

    /// Puts entity item `index` (with surface text `surface`) in group `to`.
    pub fn move_to(&mut self, index: usize, to: usize, surface: &str) {
        if let Some(AnnotationKind::Entity { group, .. }) = self.edit(index).map(|a| &mut a.kind) {
            *group = to;
        }
        add_alias(&mut self.groups[to], surface);
    }

    /// Gives group `group` and every one of its mentions the label `label`.
    pub fn relabel_group(&mut self, group: usize, label: EntityLabel) {
        let mut labels = vec![None; self.groups.len()];
        labels[group] = Some(label);
        self.relabel_groups(&labels);
    }

    /// Gives each group with `Some` label in `labels` (by group id) that label, and its
    /// mentions too, in one pass over the items.
    pub fn relabel_groups(&mut self, labels: &[Option<EntityLabel>]) {
        if labels.iter().all(Option::is_none) {
            return;
        }
        self.changed = true;
        for (g, label) in self.groups.iter_mut().zip(labels) {
            g.label = label.unwrap_or(g.label);
        }
        for (i, item) in self.items.iter_mut().enumerate() {
            if let Some(Annotation {
                kind: AnnotationKind::Entity { label: l, group },
                ..
            }) = item
                && let Some(Some(label)) = labels.get(*group)
            {
                *l = *label;
                self.marked[i] = true;
            }
        }
    }

    /// Every mention of group `from` (and every quote it said) goes to group `to`, whose
    /// aliases take in `from`'s names.
    pub fn merge_groups(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        self.changed = true;
        for (i, item) in self.items.iter_mut().enumerate() {
            match item.as_mut().map(|a| &mut a.kind) {
                Some(AnnotationKind::Entity { group, label }) if *group == from => {
                    *group = to;
                    *label = self.groups[to].label;
                    self.marked[i] = true;
                }
                Some(AnnotationKind::Quote(q)) if q.speaker_group == Some(from) => {
                    q.speaker_group = Some(to);
                    self.marked[i] = true;
                }
                _ => {}
            }
        }
        let old = std::mem::take(&mut self.groups[from].aliases);
        let name = self.groups[from].name.clone();
        for alias in std::iter::once(name).chain(old) {
            add_alias(&mut self.groups[to], &alias);
        }
    }

    /// Shows group `group` under `name`, its old name kept as an alias.
    pub fn rename_group(&mut self, group: usize, name: &str) {
        self.changed = true;
        let g = &mut self.groups[group];
        let old = std::mem::replace(&mut g.name, name.to_owned());
        g.aliases.retain(|a| a != name);
        add_alias(g, &old);
        for (i, item) in self.items.iter().enumerate() {
            if item.as_ref().and_then(Annotation::group) == Some(group) {
                self.marked[i] = true;
            }
        }
    }

    /// The set again: groups without a mention or a quote are dropped and the rest
    /// numbered anew.
    pub fn finish(self) -> AnnotationSet {
        let Work {
            items,
            marked,
            groups,
            ..
        } = self;
        let mut used = vec![false; groups.len()];
        for a in items.iter().flatten() {
            match &a.kind {
                AnnotationKind::Entity { group, .. } => used[*group] = true,
                AnnotationKind::Quote(q) => {
                    q.speaker_group.into_iter().for_each(|g| used[g] = true)
                }
                AnnotationKind::Date(_) => {}
            }
        }
        // Old id -> new id; every id an item names is kept, so each lookup finds one.
        let mut renumber = vec![0; groups.len()];
        let mut kept = Vec::new();
        for (old, mut g) in groups.into_iter().enumerate().filter(|(i, _)| used[*i]) {
            renumber[old] = kept.len();
            g.id = kept.len();
            kept.push(g);
        }
        let items = items
            .into_iter()
            .zip(marked)
            .filter_map(|(a, m)| Some((renumbered(a?, &renumber), m)))
            .collect();
        AnnotationSet::new_marked(items, kept)
    }
}

/// An annotation with its group ids mapped to the kept groups' new ids.
fn renumbered(mut a: Annotation, renumber: &[usize]) -> Annotation {
    match &mut a.kind {
        AnnotationKind::Entity { group, .. } => *group = renumber[*group],
        AnnotationKind::Quote(q) => q.speaker_group = q.speaker_group.map(|g| renumber[g]),
        AnnotationKind::Date(_) => {}
    }
    a
}

/// Records `alias` as another name of `group`, unless it is its name or already there.
fn add_alias(group: &mut EntityGroup, alias: &str) {
    if group.name != alias && !group.aliases.iter().any(|a| a == alias) {
        group.aliases.push(alias.to_owned());
    }
}
