//! Where the people of a text are named in its narration: the entity mentions outside
//! quotes, by position and by group, for the candidates near a quote and for how far a
//! candidate's nearest mention is.

use std::ops::Range;

use crate::annotation::{Annotation, AnnotationKind, EntityGroup, EntityLabel};

/// The entity mentions of a text outside its quotes.
pub(super) struct People {
    /// Person mentions outside quotes: (start, end, group), sorted by start.
    persons: Vec<(u32, u32, u32)>,
    /// Mentions of any label outside quotes: (group, start), sorted.
    by_group: Vec<(u32, u32)>,
    /// Mentions per group, quotes included.
    counts: Vec<u32>,
    /// Whether each group is a person.
    person: Vec<bool>,
}

/// Whether `pos` falls inside one of the sorted, disjoint `quoted` ranges.
fn in_quote(quoted: &[Range<usize>], pos: usize) -> bool {
    let i = quoted.partition_point(|r| r.start <= pos);
    i > 0 && quoted[i - 1].end > pos
}

impl People {
    pub(super) fn new(
        entities: &[Annotation],
        groups: &[EntityGroup],
        quoted: &[Range<usize>],
    ) -> People {
        let mut persons = Vec::new();
        let mut by_group = Vec::new();
        let mut counts = vec![0u32; groups.len()];
        for a in entities {
            let AnnotationKind::Entity { label, group } = a.kind else {
                continue;
            };
            let (Ok(g), Ok(start), Ok(end)) = (
                u32::try_from(group),
                u32::try_from(a.span.start),
                u32::try_from(a.span.end),
            ) else {
                continue;
            };
            let Some(count) = counts.get_mut(group) else {
                continue;
            };
            *count += 1;
            if in_quote(quoted, a.span.start) {
                continue;
            }
            by_group.push((g, start));
            if label == EntityLabel::Person {
                persons.push((start, end, g));
            }
        }
        persons.sort_unstable();
        by_group.sort_unstable();
        let person = groups
            .iter()
            .map(|g| g.label == EntityLabel::Person)
            .collect();
        People {
            persons,
            by_group,
            counts,
            person,
        }
    }

    /// How many times group `g` is mentioned.
    pub(super) fn count(&self, g: usize) -> u32 {
        self.counts.get(g).copied().unwrap_or(0)
    }

    /// Group `g` is a person.
    pub(super) fn is_person(&self, g: usize) -> bool {
        self.person.get(g).copied().unwrap_or(false)
    }

    /// The person mentions (span, group) in the narration of `range`.
    pub(super) fn persons_in(
        &self,
        range: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = (Range<usize>, usize)> + '_ {
        let from = self
            .persons
            .partition_point(|p| (p.0 as usize) < range.start);
        let to = self.persons.partition_point(|p| (p.0 as usize) < range.end);
        self.persons[from..to.max(from)]
            .iter()
            .filter(move |p| (p.1 as usize) <= range.end)
            .map(|p| (p.0 as usize..p.1 as usize, p.2 as usize))
    }

    /// Bytes from `quote` to the nearest narration mention of group `g`, and whether it
    /// is before the quote.
    pub(super) fn nearest(&self, g: usize, quote: &Range<usize>) -> Option<(usize, bool)> {
        let g = u32::try_from(g).ok()?;
        let lo = self.by_group.partition_point(|m| m.0 < g);
        let hi = self.by_group.partition_point(|m| m.0 <= g);
        let mine = &self.by_group[lo..hi];
        let k = mine.partition_point(|m| (m.1 as usize) < quote.start);
        let before = k
            .checked_sub(1)
            .map(|j| (quote.start - mine[j].1 as usize, true));
        let after = mine
            .get(k)
            .map(|m| ((m.1 as usize).saturating_sub(quote.end), false));
        match (before, after) {
            (Some(b), Some(a)) => Some(if a.0 < b.0 { a } else { b }),
            (b, a) => b.or(a),
        }
    }
}

/// Bytes from `quote` to `span`, and whether `span` is before it.
pub(super) fn distance(quote: &Range<usize>, span: &Range<usize>) -> (usize, bool) {
    if span.end <= quote.start {
        (quote.start - span.end, true)
    } else {
        (span.start.saturating_sub(quote.end), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(span: Range<usize>, group: usize) -> Annotation {
        Annotation {
            span,
            kind: AnnotationKind::Entity {
                label: EntityLabel::Person,
                group,
            },
        }
    }

    fn group(id: usize) -> EntityGroup {
        EntityGroup {
            id,
            label: EntityLabel::Person,
            name: format!("P{id}"),
            aliases: Vec::new(),
        }
    }

    #[test]
    fn mentions_inside_quotes_are_not_narration() {
        let ents = [person(0..5, 0), person(20..25, 1), person(60..65, 0)];
        let people = People::new(&ents, &[group(0), group(1)], &[18..30, 90..91]);
        assert_eq!(people.count(1), 1);
        assert_eq!(people.persons_in(0..100).count(), 2);
        assert_eq!(people.nearest(0, &(40..50)), Some((10, false)));
        assert_eq!(people.nearest(0, &(10..12)), Some((10, true)));
        assert_eq!(people.nearest(1, &(40..50)), None);
    }
}
