//! gloss: a terminal reader for annotated articles.
//!
//! The data flow: file bytes -> [`ingest`] -> [`article::Article`] -> [`detect`] ->
//! [`annotation::AnnotationSet`] -> [`layout`] (cached per width) -> the TUI in [`tui`],
//! which maps layout roles to styles through the [`theme`]. Everything except `tui` is pure
//! and knows nothing of the terminal.

pub mod annotation;
pub mod args;
pub mod article;
pub mod config;
pub mod corrections;
pub mod detect;
pub mod export;
pub mod fetch;
pub mod ingest;
pub mod keys;
pub mod layout;
pub mod library;
pub mod nav;
pub mod notes;
pub mod theme;
pub mod tui;
