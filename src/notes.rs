//! Personal notes and highlights on an article (issue 4): the pure model, W3C selectors and
//! re-anchoring, the article's identity, crash-safe TOML storage, and export/import. Nothing
//! here knows about the terminal; the TUI holds a [`Notebook`].
//!
//! Data flow: the shell opens a [`Notebook`] for the article (the [`Store`] finds its file
//! from the [`ArticleIdentity`] and [`NotesLocation`]); every note is placed on the current
//! text by [`anchor`] as a byte range into `Article::text` (or detached); the reader adds,
//! edits, deletes and re-attaches notes through the notebook; the shell runs
//! [`Notebook::save`] as an effect, which merges with what another gloss process saved.
//!
//! ```
//! use gloss::notes::{ArticleIdentity, Motivation, Notebook, NotesLocation};
//!
//! let dir = tempfile::tempdir()?;
//! let article = dir.path().join("article.txt");
//! let location = NotesLocation::Directory(dir.path().join("notes"));
//! let text = "The mayor said the bridge would open in spring.";
//! let identity = ArticleIdentity::new(text, Some(&article));
//! let (mut book, problem) = Notebook::open(&location, identity, None, text)?;
//! assert!(problem.is_none());
//! let now = jiff::Timestamp::now();
//! book.add(text, 19..25, Motivation::Commenting, "Which one? #bridges", now);
//! book.save(text)?;
//!
//! // The article file is edited: its notes are found by path and stay on the same words.
//! let edited = format!("Updated at noon.\n\n{text}");
//! let identity = ArticleIdentity::new(&edited, Some(&article));
//! let (book, _) = Notebook::open(&location, identity, None, &edited)?;
//! let (range, note) = book.placed().next().ok_or("the note was not placed")?;
//! assert_eq!((&edited[range], note.tags.as_slice()), ("bridge", &["bridges".to_owned()][..]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Decisions:
//! - Notes store W3C selectors ([`Target`]: quote with 32 characters of context, code point
//!   position), never byte ranges, because byte ranges do not survive an edit.
//! - Tags live in the note text (`#like-this`), so editing the text is the only way to tag
//!   and the Markdown export reads naturally in Obsidian and Logseq.
//! - Deletions leave tombstones so a merge with an older copy cannot resurrect a note; a
//!   tombstone wins over an edit of the same note made elsewhere, and loses only to a
//!   restore (undo, or importing the note again) made after it, which the note records.
//! - A notes file that does not parse is never written over: the store turns read-only and
//!   the notes stay in memory.

pub mod anchor;
pub mod export;
pub mod identity;
pub mod import;
pub mod model;
pub mod notebook;
pub mod selector;
pub mod store;

pub use anchor::{Anchoring, anchor_all, retarget};
pub use identity::ArticleIdentity;
pub use import::{ImportError, Imported};
pub use model::{Motivation, Note, NoteSet, Tombstone};
pub use notebook::{ImportCount, Notebook};
pub use selector::{CodePoints, Target, TextPositionSelector, TextQuoteSelector};
pub use store::{NotesLocation, Opened, Saved, Store, StoreError};

pub(crate) use model::timestamp;
