//! Writing an article's notes out: Markdown for reading (Obsidian, Logseq), JSON (the stored
//! form) and a W3C Web Annotation JSON-LD `AnnotationCollection` ([`w3c`]) that other
//! annotation tools (and [`crate::notes::import`]) read.

pub mod w3c;

use std::collections::HashMap;
use std::fmt::Write as _;

use super::anchor::Anchoring;
use super::identity::ArticleIdentity;
use super::model::{Motivation, Note, NoteSet};
use super::store::NotesFile;
use crate::article::Meta;

/// The notes file form as JSON (what `--export json` writes).
pub fn json(identity: &ArticleIdentity, meta: &Meta, notes: &NoteSet) -> serde_json::Value {
    let file = NotesFile::new(identity, meta.title.as_deref(), notes);
    serde_json::to_value(file).unwrap_or(serde_json::Value::Null)
}

/// The notes in article order (position of their passage), detached ones last.
fn in_article_order<'a>(
    notes: &'a NoteSet,
    anchors: &HashMap<String, Anchoring>,
) -> Vec<(&'a Note, bool)> {
    let mut list: Vec<(&Note, bool)> = notes
        .notes()
        .iter()
        .map(|n| (n, anchors.get(&n.id).is_some_and(Anchoring::is_detached)))
        .collect();
    list.sort_by_key(|(n, detached)| (*detached, n.target.position.start, n.created));
    list
}

/// Markdown: a title, the article's source and date, then each passage as a block quote
/// followed by the note and its tags, in article order. `anchors` marks detached notes
/// (pass an empty map when unknown).
pub fn markdown(
    identity: &ArticleIdentity,
    meta: &Meta,
    notes: &NoteSet,
    anchors: &HashMap<String, Anchoring>,
) -> String {
    let mut out = String::new();
    let title = meta
        .title
        .clone()
        .or_else(|| {
            let stem = identity.path.as_ref()?.file_stem()?;
            Some(stem.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "Untitled article".to_owned());
    let _ = writeln!(out, "# Notes on {}\n", one_line(&title));
    let source = meta
        .url
        .as_ref()
        .or(meta.source.as_ref())
        .cloned()
        .or_else(|| {
            identity
                .path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned())
        });
    if let Some(source) = source {
        let _ = writeln!(out, "- Source: {}", one_line(&source));
    }
    if let Some(author) = &meta.author {
        let _ = writeln!(out, "- Author: {}", one_line(author));
    }
    if let Some(date) = meta.date {
        let _ = writeln!(out, "- Date: {date}");
    }
    let _ = writeln!(out, "- Notes: {}", notes.len());
    for (note, detached) in in_article_order(notes, anchors) {
        out.push('\n');
        for line in note.target.quote.exact.lines() {
            let line = line.trim_end();
            if line.is_empty() {
                out.push_str(">\n");
            } else {
                let _ = writeln!(out, "> {line}");
            }
        }
        if detached {
            out.push_str(">\n> *(detached: this passage is no longer in the article)*\n");
        }
        out.push('\n');
        let text = note.text.trim();
        if text.is_empty() && note.motivation == Motivation::Highlighting {
            out.push_str("*(highlight)*\n");
        } else if !text.is_empty() {
            let _ = writeln!(out, "{text}");
        }
        if !note.tags.is_empty() {
            let tags: Vec<String> = note.tags.iter().map(|t| format!("#{t}")).collect();
            let _ = writeln!(out, "\nTags: {}", tags.join(" "));
        }
        let _ = writeln!(
            out,
            "\n*{}*\n\n---",
            note.created.strftime("%Y-%m-%d %H:%M UTC")
        );
    }
    out
}

/// A plain listing for `gloss notes FILE`: one line per note in article order, with the
/// line of `text` its passage starts on (or "detached"), its first line and tags.
pub fn listing(text: &str, notes: &NoteSet, anchors: &HashMap<String, Anchoring>) -> String {
    let mut out = String::new();
    for (note, _) in in_article_order(notes, anchors) {
        let place = match anchors.get(&note.id).and_then(Anchoring::range) {
            Some(range) => {
                let line = text
                    .get(..range.start)
                    .map_or(0, |t| t.matches('\n').count())
                    + 1;
                format!("line {line}")
            }
            None => "detached".to_owned(),
        };
        let passage = one_line(&note.target.quote.exact);
        let passage = match passage.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &passage[..cut]),
            None => passage,
        };
        let what = match (note.first_line(), note.motivation) {
            ("", Motivation::Highlighting) => "(highlight)".to_owned(),
            (first, _) => first.to_owned(),
        };
        let _ = writeln!(out, "{place:>10}  \"{passage}\"  {what}");
    }
    out
}

/// A metadata value on one line (Markdown headings and list items cannot span lines).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "export/tests.rs"]
pub(crate) mod tests;
