//! The model's side of detection results: taking a complete annotation set, or a
//! provisional one for the part of a book on screen while the rest is detected, keeping
//! the reader on the same annotation when one replaces the other.

use crate::annotation::AnnotationSet;

use super::super::rows::Rows;
use super::Model;

impl Model {
    /// Takes the detectors' results (at start-up, or later from a background thread),
    /// kept as they are for corrections made later, and shows them corrected.
    pub fn set_annotations(&mut self, annotations: AnnotationSet) {
        self.corrections.raw = Some(annotations.clone());
        let corrected = self.corrected(annotations);
        self.take_annotations(corrected);
        self.detection.running = false;
        self.detection.progress = None;
    }

    /// Takes provisional results (the part of a book on screen, detected first) while
    /// the whole text is still being detected.
    pub fn set_partial_annotations(&mut self, annotations: AnnotationSet) {
        let corrected = self.corrected(annotations);
        self.take_annotations(corrected);
        self.detection.running = true;
    }

    /// Shows `annotations`, already corrected (after a correction or an undo).
    pub fn install_corrected(&mut self, annotations: AnnotationSet) {
        self.take_annotations(annotations);
    }

    /// `set` with the lexicon and the article's corrections applied.
    pub fn corrected(&mut self, mut set: AnnotationSet) -> AnnotationSet {
        let text = &self.article.text;
        let c = &mut self.corrections;
        match c.book.as_mut() {
            Some(book) => book.apply(&mut set, text, &c.lexicon),
            None => {
                crate::corrections::apply(&mut set, text, &[], &c.lexicon);
            }
        }
        set
    }

    /// Installs a new annotation set; the current annotation and the jump list's stay on
    /// the same spans when the new set has them (provisional results replaced by final
    /// ones), and the side pane's selections start over.
    fn take_annotations(&mut self, annotations: AnnotationSet) {
        let old = std::mem::replace(&mut self.annotations, annotations);
        let new = &self.annotations;
        let same = |index: usize| {
            let a = old.get(index)?;
            new.overlapping(a.span.clone()).find(|&i| {
                new.get(i)
                    .is_some_and(|b| b.span == a.span && b.kind() == a.kind())
            })
        };
        self.current = self.current.and_then(same);
        for position in self.jumps.positions_mut() {
            position.current = position.current.and_then(same);
        }
        self.rows = Rows::new(&self.annotations);
        self.marks.clear();
        self.side.reset_lists();
        self.refresh_notes();
    }
}
