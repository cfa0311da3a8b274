//! `gloss notes FILE`: the article's notes without the reader — a listing, an export to
//! Markdown, JSON or W3C Web Annotation JSON-LD (stdout), or an import of a W3C collection
//! (Hypothesis exports included) placed on the article and saved.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::ValueEnum;
use jiff::Timestamp;

use gloss::article::Article;
use gloss::ingest::{self, LoadOptions};
use gloss::notes::export::{self, w3c};
use gloss::notes::{ArticleIdentity, ImportCount, Notebook, NotesLocation, import};

use super::output::say;

/// The formats `--export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown: each passage as a block quote, then the note and its tags.
    Md,
    /// The stored form, as JSON.
    Json,
    /// A W3C Web Annotation JSON-LD AnnotationCollection.
    W3c,
}

/// What `gloss notes` was asked to do.
#[derive(Debug)]
pub enum Task {
    List,
    Export(Format),
    Import(PathBuf),
}

/// Where the notes are: `--notes PATH`, `--notes-beside`, the config's `notes_dir`, else
/// the XDG data directory.
pub fn location(
    notes: Option<&Path>,
    beside: bool,
    notes_dir: Option<&Path>,
) -> Result<NotesLocation, String> {
    match (notes, beside, notes_dir) {
        (Some(file), _, _) => Ok(NotesLocation::File(file.to_path_buf())),
        (None, true, _) => Ok(NotesLocation::Beside),
        (None, false, Some(dir)) => Ok(NotesLocation::Directory(dir.to_path_buf())),
        (None, false, None) => NotesLocation::data_dir().map_err(|e| e.to_string()),
    }
}

pub fn run(file: &Path, location: Result<NotesLocation, String>, task: Task) -> anyhow::Result<()> {
    let location = location.map_err(anyhow::Error::msg)?;
    let article: Article = ingest::load(
        &ingest::Source::Path(file.to_path_buf()),
        &LoadOptions::default(),
    )?;
    let text = &article.text;
    let identity = ArticleIdentity::new(text, Some(file));
    let (mut book, problem) = Notebook::open(
        &location,
        identity.clone(),
        article.meta.title.clone(),
        text,
    )?;
    // Note bodies and the article's text are shown, not obeyed, on a terminal.
    let mut out = super::output::stdout();
    match task {
        Task::List => {
            if let Some(p) = &problem {
                say(&format!("warning: {p}"));
            }
            if book.notes().is_empty() {
                say(&format!("no notes on {}", file.display()));
            }
            write!(
                out,
                "{}",
                export::listing(text, book.notes(), book.anchors())
            )?;
        }
        Task::Export(format) => {
            if let Some(p) = &problem {
                bail!("{p}");
            }
            let written = match format {
                Format::Md => {
                    export::markdown(&identity, &article.meta, book.notes(), book.anchors())
                }
                Format::Json => pretty(&export::json(&identity, &article.meta, book.notes()))?,
                Format::W3c => {
                    let label = article
                        .meta
                        .title
                        .clone()
                        .unwrap_or_else(|| file.display().to_string());
                    pretty(&w3c::collection(
                        &identity,
                        &label,
                        book.notes(),
                        Timestamp::now(),
                    ))?
                }
            };
            out.write_all(written.as_bytes())?;
        }
        Task::Import(json_file) => {
            if let Some(p) = &problem {
                bail!("{p}");
            }
            let json = ingest::read_file(&json_file, ingest::ARTICLE_LIMIT)?;
            let json = String::from_utf8(json)
                .with_context(|| format!("cannot read '{}'", json_file.display()))?;
            let context = json_file.display().to_string();
            let imported = import::import_str(&json, &context, text, Timestamp::now())?;
            let skipped = imported.skipped.clone();
            let count = book.add_imported(imported, Timestamp::now());
            book.save(text)?;
            writeln!(out, "{}", import_summary(&count, book.store().file()))?;
            for why in skipped {
                say(&format!("skipped: {why}"));
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// "imported 3 notes into FILE: 1 new, 1 updated, 1 already there; 1 detached", the parts
/// that apply ("0 new" always, so a second import of a file says nothing was added).
fn import_summary(count: &ImportCount, file: &Path) -> String {
    let total = count.new + count.updated + count.already;
    let mut parts = vec![format!("{} new", count.new)];
    if count.updated > 0 {
        parts.push(format!("{} updated", count.updated));
    }
    if count.already > 0 {
        parts.push(format!("{} already there", count.already));
    }
    let mut said = format!(
        "imported {total} note{} into {}: {}",
        if total == 1 { "" } else { "s" },
        file.display(),
        parts.join(", ")
    );
    if count.detached > 0 {
        said.push_str(&format!("; {} detached", count.detached));
    }
    said
}

fn pretty(value: &serde_json::Value) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}
