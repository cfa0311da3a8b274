//! The reader's side of personal notes (issue 4): the open [`Notebook`], the selection
//! being made, the editor popup's state, the session's undo list and the Notes tab's tag
//! filter, plus the pure text units a selection moves by (word, sentence, line).
//!
//! The notebook itself (anchoring, storage) is `crate::notes`; this module only holds what
//! the reader is doing with it. Saving is an `Effect` run by the loop, never done here.

mod text_units;

use std::ops::Range;

use ratatui_textarea::TextArea;

use crate::notes::model::same_tag;
use crate::notes::{Motivation, Note, Notebook};

use super::rows::{Item, ItemKind};

pub use text_units::{sentence_at, sentence_end_after, sentence_end_before, word_at};
pub use text_units::{word_end_after, word_end_before};

/// A passage being selected with `v`: it starts at `start` and its end moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub range: Range<usize>,
}

/// What the editor's text will become when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A new note on `range`.
    New {
        range: Range<usize>,
        motivation: Motivation,
    },
    /// The text of an existing note.
    Edit { id: String },
}

/// The editor popup while it is open.
#[derive(Debug, Clone)]
pub struct Editor {
    pub area: TextArea<'static>,
    pub target: EditTarget,
    /// The text it opened with: Esc asks for confirmation only when this changed.
    pub original: String,
    /// Esc was pressed once on changed text: a second Esc discards, any other key goes on.
    pub confirm_cancel: bool,
}

impl Editor {
    pub fn new(target: EditTarget, text: &str) -> Editor {
        let lines: Vec<String> = match text.is_empty() {
            true => vec![String::new()],
            false => text.lines().map(str::to_owned).collect(),
        };
        let mut area = TextArea::new(lines);
        area.set_placeholder_text("Write your note; #tags are words like #this");
        // The cursor goes to the end of what is there, where one goes on writing.
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            area,
            target,
            original: text.to_owned(),
            confirm_cancel: false,
        }
    }

    /// The text as typed so far.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Replaces the text (taken back from `$EDITOR`).
    pub fn set_text(&mut self, text: &str) {
        let target = self.target.clone();
        let original = std::mem::take(&mut self.original);
        *self = Editor::new(target, text.trim_end_matches('\n'));
        self.original = original;
    }

    pub fn changed(&self) -> bool {
        self.text() != self.original
    }
}

/// One row of the Notes tab: the note's id and where its passage is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRef {
    pub id: String,
    /// `None` for a detached note.
    pub range: Option<Range<usize>>,
}

/// Everything the reader does with notes, in the model.
#[derive(Debug, Default)]
pub struct Notes {
    /// `None` when notes could not be opened at all (no data directory): the reason is in
    /// `problem`.
    pub book: Option<Notebook>,
    /// Why notes cannot be saved (a notes file that does not parse, with file:line:col),
    /// shown in the status bar for as long as it holds.
    pub problem: Option<String>,
    pub selection: Option<Selection>,
    pub editor: Option<Editor>,
    /// Deleted notes, latest last, for `u`.
    pub undo: Vec<Note>,
    /// The Notes tab shows only notes with this tag.
    pub tag: Option<String>,
    /// The last save failed (its message): quitting must not lose the notes.
    pub save_failed: Option<String>,
    /// A quit was refused because notes are unsaved; the next quit goes through.
    pub quit_armed: bool,
    /// The placed notes' passages sorted by start, with their motivation: what the article
    /// pane paints, rebuilt with the Notes tab (see `Model::refresh_notes`) so drawing a
    /// line is a binary search, not a walk over every note.
    pub marks: Vec<(Range<usize>, Motivation)>,
    /// The article's corrections, opened with the notes (from the same place, in files of
    /// their own) and handed to the model's [`super::corrections::Corrections`].
    pub corrections: Option<super::corrections::Opened>,
}

impl Notes {
    pub fn new(book: Option<Notebook>, problem: Option<String>) -> Notes {
        Notes {
            book,
            problem,
            ..Notes::default()
        }
    }

    /// Whether there are changes not on disk.
    pub fn dirty(&self) -> bool {
        self.book.as_ref().is_some_and(Notebook::is_dirty)
    }

    /// Recomputes [`Notes::marks`] from the notebook.
    pub fn index_marks(&mut self) {
        self.marks = match &self.book {
            Some(book) => book.placed().map(|(r, n)| (r, n.motivation)).collect(),
            None => Vec::new(),
        };
    }

    /// The placed notes overlapping `range`, with whether each is a highlight.
    pub fn overlapping(&self, range: Range<usize>) -> Vec<(Range<usize>, Motivation)> {
        let upto = self.marks.partition_point(|(r, _)| r.start < range.end);
        self.marks[..upto]
            .iter()
            .filter(|(r, _)| r.end > range.start)
            .cloned()
            .collect()
    }
}

/// The Notes tab's rows: placed notes in text order, then the detached ones under their
/// own heading; only notes tagged `tag` when a filter is set.
pub fn rows(book: &Notebook, text: &str, tag: Option<&str>) -> Vec<(Item, NoteRef)> {
    let wanted = |n: &Note| tag.is_none_or(|t| n.tags.iter().any(|x| same_tag(x, t)));
    let item = |n: &Note, passage: &str, detached: bool, section: Option<&'static str>| Item {
        section: section.map(str::to_owned),
        kind: ItemKind::Note {
            highlight: n.motivation == Motivation::Highlighting,
            detached,
        },
        title: format!(
            "“{}”",
            passage.split_whitespace().collect::<Vec<_>>().join(" ")
        ),
        aside: n
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" "),
        detail: Some(match n.first_line() {
            "" => "(highlight)".to_owned(),
            line => line.to_owned(),
        }),
    };
    let mut out: Vec<(Item, NoteRef)> = book
        .placed()
        .filter(|(_, n)| wanted(n))
        .map(|(range, n)| {
            let passage = text.get(range.clone()).unwrap_or("");
            let id = n.id.clone();
            (
                item(n, passage, false, None),
                NoteRef {
                    id,
                    range: Some(range),
                },
            )
        })
        .collect();
    let mut section = Some("Detached");
    for n in book.detached().filter(|n| wanted(n)) {
        let row = item(n, &n.target.quote.exact, true, section.take());
        out.push((
            row,
            NoteRef {
                id: n.id.clone(),
                range: None,
            },
        ));
    }
    // The tags head the list, so they can be seen before filtering by one.
    let tags: Vec<String> = book
        .notes()
        .tags()
        .into_iter()
        .map(|(t, _)| format!("#{t}"))
        .collect();
    if let Some((first, _)) = out.first_mut()
        && !tags.is_empty()
    {
        let all = tags.join(" ");
        let head = match tag {
            Some(t) => format!("Only #{t} · tags {all}"),
            None => format!("Tags {all}"),
        };
        first.section = Some(match first.section.take() {
            Some(detached) => format!("{head} · {detached}"),
            None => head,
        });
    }
    out
}
