//! What `update` takes in and gives back: the messages every source of change becomes
//! (keys, the mouse, a resize, signals, and what background work and effects report), the
//! effect the loop is to run, and what changed on screen.

use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::keys::KeyChord;
use crate::layout::Layout;

use super::super::notes::Notes;

/// Something that happened, for the model to take in.
#[derive(Debug)]
pub enum Msg {
    Key(KeyChord),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Text pasted into the terminal (bracketed paste): typed into the search prompt or
    /// the note editor as one piece, ignored elsewhere.
    Paste(String),
    /// The whole article, loaded in the background, in place of the head shown so far.
    ArticleLoaded(Box<Article>),
    /// A complete layout made in the background (taken only if it is for the current
    /// width and the layout is not complete already).
    LayoutReady(Box<Layout>),
    /// The notebook, opened in the background.
    NotesOpened(Box<Notes>),
    /// The detectors' results.
    Annotations(AnnotationSet),
    /// Provisional annotations (the part on screen) while detection goes on.
    PartialAnnotations(AnnotationSet),
    /// Background detection's progress, in percent.
    DetectionProgress(u8),
    /// The text `$EDITOR` gave back, or why it could not run.
    EditorText(Result<String, String>),
    /// How the last save of the notes went: what to say, or the error.
    Saved(Result<String, String>),
    /// How the last save of the corrections (or of the lexicon) went.
    CorrectionsSaved(Result<String, String>),
    /// Quitting with unsaved notes after a failed save: the notes were written to this
    /// recovery file (or could not be: the error).
    Unsaved(Result<String, String>),
    /// A terminating signal (its number) ends gloss: what is pending (a note being
    /// written) joins the notes, which the loop then saves.
    Terminating(i32),
    /// A SIGTSTP from outside: suspend as the `suspend` action does.
    Suspend,
    /// The document asked for with [`Effect::Open`] is shown over this one (`Ok`), or
    /// could not be opened (the reason).
    Opened(Result<(), String>),
    /// This document is shown again after the one over it was closed, with what to say
    /// (where that one's notes went when they could not be saved).
    Returned(Option<String>),
    /// How handing a link to the system opener went: what to say, or the error.
    OpenedOutside(Result<String, String>),
}

impl Msg {
    /// Whether the loop must finish the background work the model relies on (the whole
    /// article, its complete layout, the notebook; never detection) before this message is
    /// taken in: keys and the mouse act on exact lines and on notes, a resize never waits.
    pub fn waits(&self) -> bool {
        matches!(
            self,
            Msg::Key(_) | Msg::Click { .. } | Msg::Wheel { .. } | Msg::Paste(_)
        )
    }
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Save the notes (after every change; a failed save is retried with the next one).
    Save,
    /// Save the corrections, and add this entry to the lexicon file when one is given (a
    /// correction made general).
    SaveCorrections(Option<crate::corrections::Entry>),
    /// Save the notes, then quit if that worked (otherwise see [`Msg::Unsaved`]).
    SaveThenQuit,
    /// Hand the editor's text to `$EDITOR` and send back [`Msg::EditorText`].
    ExternalEditor,
    /// Give the terminal back and stop the process until it is continued (Ctrl-z).
    Suspend,
    /// Save the notes (or copy them to a recovery file) and end on this signal.
    Exit(i32),
    /// Show this entity group of the article across the library ("elsewhere in your
    /// library").
    Elsewhere(usize),
    /// Open this link (a URL or a path) as a document over this one (`tui::session`);
    /// the answer comes back as [`Msg::Opened`].
    Open(String),
    /// Close this document and show the one it was opened from.
    Back,
    /// Hand this URL to the system opener (`opener` in the config), detached; the answer
    /// comes back as [`Msg::OpenedOutside`].
    OpenOutside(String),
}

/// What an update changed on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redraw {
    /// Only the article's position (and the status bar): the presenter may have the
    /// terminal scroll (`tui::present`).
    Scrolled,
    /// Anything else: the frame is painted from the model.
    Full,
}

impl Redraw {
    /// What two updates in a row changed.
    pub fn and(self, other: Redraw) -> Redraw {
        match (self, other) {
            (Redraw::Scrolled, Redraw::Scrolled) => Redraw::Scrolled,
            _ => Redraw::Full,
        }
    }
}

/// What `update` gives back: the effect to run and what changed on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub effect: Effect,
    pub redraw: Redraw,
}

impl Outcome {
    /// `effect`, after a change drawn as a whole frame.
    pub fn full(effect: Effect) -> Outcome {
        Outcome {
            effect,
            redraw: Redraw::Full,
        }
    }
}
