//! The reader's side of corrections of detections (issue 15): the open
//! [`CorrectionBook`], the lexicon, the detectors' own annotations (so a correction can be
//! undone by applying the rest again), and the correction popup's state. The keys are in
//! `update/correct.rs`, the drawing in `ui/correct.rs`.

use std::ops::Range;
use std::path::PathBuf;

use unicode_segmentation::UnicodeSegmentation;

use crate::annotation::AnnotationSet;
use crate::corrections::{CorrectionBook, Lexicon};

/// Everything the reader does with corrections, in the model.
#[derive(Debug, Default)]
pub struct Corrections {
    /// `None` when there is nowhere to keep them (the reason is in `problem`).
    pub book: Option<CorrectionBook>,
    /// Why corrections cannot be kept (a file that does not parse), for the status bar.
    pub problem: Option<String>,
    pub lexicon: Lexicon,
    /// Where "make it general" writes; `None`: no config directory.
    pub lexicon_path: Option<PathBuf>,
    /// The detectors' annotations, before any correction.
    pub raw: Option<AnnotationSet>,
    pub popup: Option<Popup>,
    /// Whether the reader made or undid a correction in this session (the library then
    /// stores the article's annotations again on the way out).
    pub changed: bool,
}

impl Corrections {
    pub fn dirty(&self) -> bool {
        self.book.as_ref().is_some_and(CorrectionBook::is_dirty)
    }
}

/// The article's corrections as opened with its notes (`tui::open_notes`).
#[derive(Debug)]
pub struct Opened {
    pub book: Option<CorrectionBook>,
    pub problem: Option<String>,
}

/// The correction popup: what it corrects, whether the next choice goes to the lexicon,
/// and the line being typed for a choice that needs one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Popup {
    pub about: About,
    /// `!` pressed: the next kind, not-an-entity or group choice goes to the lexicon.
    pub general: bool,
    pub input: Option<Input>,
    /// A problem with what was typed (a TIMEX3 value that does not parse).
    pub error: Option<String>,
}

/// What the popup corrects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// The annotation at this index of the model's set.
    Annotation(usize),
    /// The reader's selection: a missed entity, date or quote.
    Selection(Range<usize>),
}

/// A line being typed in the popup, and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub purpose: Purpose,
    pub text: String,
    /// Tab's place in the article's people, for a speaker.
    pub cycle: usize,
}

/// What a typed line becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    MoveToGroup,
    MergeInto,
    Rename,
    Speaker,
    DateValue,
    /// The value of a date added from the selection (empty: none).
    AddDate,
    /// The speaker of a quote added from the selection (empty: unknown).
    AddQuote,
}

impl Purpose {
    /// The prompt shown before the typed text.
    pub fn prompt(self) -> &'static str {
        match self {
            Purpose::MoveToGroup => "move to the group named",
            Purpose::MergeInto => "merge the group into",
            Purpose::Rename => "name the group",
            Purpose::Speaker | Purpose::AddQuote => "said by (Tab: the article's people)",
            Purpose::DateValue | Purpose::AddDate => "TIMEX3 value",
        }
    }
}

/// Whether a word segment is a word (not spaces or punctuation).
fn is_word(segment: &str) -> bool {
    segment.chars().next().is_some_and(char::is_alphanumeric)
}

/// The words of `s` (no spaces or punctuation), with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    s.split_word_bound_indices()
        .filter(|(_, w)| is_word(w))
        .collect()
}

/// `span` grown or shrunk by a word at its start (`start`) or end, within `text`; the
/// same span when there is no word to take or give (a span keeps at least one word).
pub fn by_word(text: &str, span: Range<usize>, start: bool, grow: bool) -> Range<usize> {
    let inner = text.get(span.clone()).unwrap_or("");
    match (start, grow) {
        (true, true) => match words(&text[..span.start]).last() {
            Some((i, _)) => *i..span.end,
            None => span,
        },
        (false, true) => match words(&text[span.end..]).first() {
            Some((i, w)) => span.start..span.end + i + w.len(),
            None => span,
        },
        (true, false) => match words(inner).get(1) {
            Some((i, _)) => span.start + i..span.end,
            None => span,
        },
        (false, false) => {
            let inside = words(inner);
            match inside.len().checked_sub(2).and_then(|n| inside.get(n)) {
                Some((i, w)) => span.start..span.start + i + w.len(),
                None => span,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_grow_and_shrink_by_a_word() {
        let text = "the American Brig.-Gen. William Seely, of the";
        let s = text.find("William").unwrap_or(0);
        let name = s..s + "William Seely".len();
        let grown = by_word(text, name.clone(), true, true);
        assert_eq!(&text[grown.clone()], "Gen. William Seely");
        assert_eq!(
            &text[by_word(text, name.clone(), false, true)],
            "William Seely, of"
        );
        assert_eq!(&text[by_word(text, grown, true, false)], "William Seely");
        assert_eq!(&text[by_word(text, name.clone(), false, false)], "William");
        let one = s..s + "William".len();
        assert_eq!(
            by_word(text, one.clone(), false, false),
            one,
            "one word stays"
        );
        assert_eq!(by_word(text, 0..3, true, true), 0..3, "nothing before");
    }
}
