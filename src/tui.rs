//! The terminal reader, on top of the pure core: the elm-shaped loop in [`app`] (event ->
//! [`keymap`] -> [`action::Action`] -> [`update`] -> effects -> [`ui::draw`]), the state in
//! [`model`], the side pane's data in [`rows`], and terminal set-up in [`terminal`].
//!
//! Only this module and `main.rs` know about ratatui and crossterm.

pub mod action;
pub mod app;
pub mod keymap;
pub mod model;
pub mod rows;
pub mod terminal;
pub mod ui;
pub mod update;

#[cfg(test)]
mod tests;

use crate::article::Article;
use crate::theme::Theme;

pub use keymap::Keymap;
pub use model::{Model, Settings};

/// Everything the reader needs, prepared (and checked) before the terminal is touched.
#[derive(Debug, Clone)]
pub struct Launch {
    pub article: Article,
    /// The file as the reader named it ("-" for standard input, "sample" for the sample).
    pub file_label: String,
    pub theme: Theme,
    pub settings: Settings,
    pub keymap: Keymap,
}

/// Runs the reader: takes over the terminal, and gives it back on every way out.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let Launch {
        article,
        file_label,
        theme,
        settings,
        keymap,
    } = launch;
    // Laid out at the terminal's size at once, so the first frame does not lay out twice.
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let model = Model::new(article, file_label, settings, keymap, size);
    app::run(model, &theme)
}
