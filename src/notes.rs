//! Personal notes and highlights on an article (issue 4): the pure model, W3C selectors and
//! re-anchoring, the article's identity, crash-safe TOML storage, and export/import.
//!
//! Data flow: the shell asks [`store::Store`] for the notes of an article (found by the
//! [`identity::ArticleIdentity`]), gets a [`model::NoteSet`], places each note in the current
//! text with [`anchor::anchor_all`] (byte ranges into `Article::text`), lets the reader add,
//! edit and delete through `NoteSet`, and saves with `Store::save`, which merges with what is
//! on disk. Nothing here knows about the terminal.

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
pub use model::{Motivation, Note, NoteSet, Tombstone};
pub use notebook::Notebook;
pub use selector::{CodePoints, Target, TextPositionSelector, TextQuoteSelector};
pub use store::{NotesLocation, Opened, Saved, Store, StoreError};
