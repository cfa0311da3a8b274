//! Where the current entity's mentions fall along the article, as rows of the article's
//! scrollbar: the marks the scrollbar draws beside its track.
//!
//! Finding every mention of an entity and its line is work in the number of mentions, so
//! it is done once per entity, layout and scrollbar height ([`MentionMarks::refresh`],
//! called by `update` after every message) and never by a frame: drawing reads the rows.

use crate::annotation::AnnotationSet;
use crate::layout::Layout;

use super::Model;

/// What the marks were computed for: when any of it changes they are computed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MarksFor {
    group: usize,
    lines: usize,
    width: u16,
    complete: bool,
    height: u16,
}

/// The scrollbar rows (0 at the top of its column) beside which a mention of the current
/// entity falls, sorted and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionMarks {
    made_for: Option<MarksFor>,
    rows: Vec<u16>,
}

impl MentionMarks {
    /// The rows to mark, top first (empty when no entity is current).
    pub fn rows(&self) -> &[u16] {
        &self.rows
    }

    /// Forgets the marks, so the next refresh computes them (new annotations).
    pub fn clear(&mut self) {
        *self = MentionMarks::default();
    }

    /// Brings the marks up to date with `group`'s mentions laid out by `layout` on a
    /// scrollbar `height` rows tall; does nothing when nothing they depend on changed.
    fn refresh(&mut self, group: Option<usize>, set: &AnnotationSet, layout: &Layout, height: u16) {
        let Some(group) = group else {
            self.clear();
            return;
        };
        let wanted = MarksFor {
            group,
            lines: layout.len(),
            width: layout.width(),
            complete: layout.is_complete(),
            height,
        };
        if self.made_for == Some(wanted) {
            return;
        }
        self.made_for = Some(wanted);
        self.rows = mention_rows(set, group, layout, height);
    }
}

/// The scrollbar row of each line holding a mention of `group`: line `l` of `len` falls
/// on row `l * height / len`, as the scrollbar's thumb places the top line.
pub fn mention_rows(set: &AnnotationSet, group: usize, layout: &Layout, height: u16) -> Vec<u16> {
    let len = layout.len();
    if len == 0 || height == 0 {
        return Vec::new();
    }
    let mut rows: Vec<u16> = set
        .mentions_of(group)
        .into_iter()
        .filter_map(|i| set.get(i))
        .map(|a| {
            let line = layout.line_of_byte(a.span.start);
            let row = line * usize::from(height) / len;
            u16::try_from(row.min(usize::from(height) - 1)).unwrap_or(height - 1)
        })
        .collect();
    rows.dedup();
    rows
}

impl Model {
    /// The entity group whose mentions the scrollbar marks: the current annotation's.
    pub fn marked_group(&self) -> Option<usize> {
        let a = self.annotations.get(self.current?)?;
        a.group()
    }

    /// Recomputes the scrollbar's mention marks if the current entity, the layout or the
    /// scrollbar's height changed.
    pub fn refresh_marks(&mut self) {
        let height = self.scrollbar_column().map_or(0, |c| c.height);
        let group = self.marked_group();
        self.marks
            .refresh(group, &self.annotations, &self.view.layout, height);
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{index_of, model};
    use super::super::super::update::{Msg, keys, update};

    #[test]
    fn marks_follow_the_current_entity_and_the_height() {
        let mut m = model(100, 30);
        assert!(m.marks.rows().is_empty(), "no current entity, no marks");
        keys(&mut m, "Tab Tab Tab");
        assert_eq!(m.current, Some(index_of(&m, "Ana Ruiz", 0)));
        let len = m.view.layout.len();
        let height = usize::from(m.scrollbar_column().map_or(0, |c| c.height));
        // Ana Ruiz is named on the paragraph after the header and twice more below.
        let expected: Vec<u16> = ["Ana Ruiz", "Ruiz", "Ruiz"]
            .iter()
            .zip([0, 1, 2])
            .map(|(needle, nth)| {
                let s = super::super::super::tests::span(needle, nth);
                let line = m.view.layout.line_of_byte(s.start);
                (line * height / len) as u16
            })
            .collect::<Vec<_>>();
        let mut expected = expected;
        expected.dedup();
        assert_eq!(m.marks.rows(), expected.as_slice());
        update(&mut m, Msg::Resize(100, 12));
        let rows = m.marks.rows().to_vec();
        assert!(rows.iter().all(|&r| r < 11), "{rows:?} past a shorter bar");
        keys(&mut m, "Esc g");
        m.current = None;
        update(&mut m, Msg::Resize(100, 12));
        assert!(m.marks.rows().is_empty());
    }
}
