//! The library screens: the list of every article read (sorted by last read, date or
//! title, paged around the cursor), a full-text search over them, and the index of the
//! people, organisations and places across them with each one's page (its articles over
//! time, the sentence around each mention, the quotes it said).
//!
//! Shaped like the reader: keys resolve to actions in the keymap's library table,
//! [`update`] is the only code that changes a [`LibraryView`] and asks the library (a
//! [`Shelf`]) for the pages it needs, and [`ui::draw`] reads the view. Opening an article
//! is an [`Effect`] the session carries out.

pub mod chart;
pub mod model;
pub mod run;
pub mod shelf;
pub mod sqlite;
pub mod ui;
pub mod update;
pub mod window;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_wired;

pub use model::{LibraryView, Screen};
pub use shelf::{
    ArticleRow, EntityPage, EntityRow, Passage, RowKey, SearchHit, Shelf, ShelfResult, Sort, Toward,
};
pub use update::{Effect, update};
