//! Reading annotations made elsewhere and placing them on the article: a W3C Web
//! Annotation `AnnotationCollection` (as [`super::export::w3c`] writes), an
//! `AnnotationPage`, a single annotation or an array of them, and Hypothesis exports
//! (`{"annotations": [...]}` or API `{"rows": [...]}`, with `text`, `tags`, `updated` and
//! `target[].selector` arrays).
//!
//! Every imported note is re-anchored on the current text ([`super::anchor`]); its selectors
//! are rewritten to where it was found, or kept as they came when it is detached.

use jiff::Timestamp;
use serde_json::Value;
use thiserror::Error;

use super::anchor::{self, Anchoring};
use super::export::w3c;
use super::model::{Motivation, Note, parse_tags, same_tag};
use super::selector::{CodePoints, Target, TextPositionSelector, TextQuoteSelector};

#[derive(Debug, Error)]
pub enum ImportError {
    /// The parser's message (with its line and column) is part of this one, so it is not
    /// also given as the error's source: a chain printed with `{:#}` would say it twice.
    #[error("{context}: not JSON: {error}")]
    Json {
        context: String,
        error: serde_json::Error,
    },
    #[error(
        "{context}: expected a W3C annotation collection, page or annotation, or a Hypothesis \
         export; found {found}"
    )]
    Shape { context: String, found: String },
}

/// The result of an import: the notes (placed on the text) and what was left out.
#[derive(Debug, Default)]
pub struct Imported {
    /// Each note with how it was anchored on the text.
    pub notes: Vec<(Note, Anchoring)>,
    /// One line per annotation that could not be imported (no text selector, ...).
    pub skipped: Vec<String>,
}

/// Parses `json` (named `context` in errors, e.g. the file name) and anchors every
/// annotation on `text`. `now` stands in for missing times.
pub fn import_str(
    json: &str,
    context: &str,
    text: &str,
    now: Timestamp,
) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(json).map_err(|error| ImportError::Json {
        context: context.to_owned(),
        error,
    })?;
    import(&value, context, text, now)
}

/// As [`import_str`], from parsed JSON.
pub fn import(
    value: &Value,
    context: &str,
    text: &str,
    now: Timestamp,
) -> Result<Imported, ImportError> {
    let items = annotations_of(value).ok_or_else(|| ImportError::Shape {
        context: context.to_owned(),
        found: describe(value),
    })?;
    let cps = CodePoints::new(text);
    let mut imported = Imported::default();
    for (i, item) in items.iter().enumerate() {
        match note_of(item, text, &cps, now) {
            Some(note) => {
                let anchoring = anchor::anchor(text, &cps, &note.target);
                let mut note = note;
                if let Some(range) = anchoring.range() {
                    note.target = Target::from_range(text, range, &cps);
                }
                imported.notes.push((note, anchoring));
            }
            None => imported.skipped.push(format!(
                "{context}: annotation {} ({}) has no text quote or position to anchor",
                i + 1,
                item.get("id").and_then(Value::as_str).unwrap_or("no id")
            )),
        }
    }
    Ok(imported)
}

/// The annotations of any of the accepted shapes.
fn annotations_of(value: &Value) -> Option<Vec<&Value>> {
    if let Some(array) = value.as_array() {
        return Some(array.iter().collect());
    }
    let obj = value.as_object()?;
    for key in ["annotations", "rows", "items"] {
        if let Some(array) = obj.get(key).and_then(Value::as_array) {
            return Some(array.iter().collect());
        }
    }
    if let Some(first) = obj.get("first").filter(|f| f.is_object()) {
        return annotations_of(first);
    }
    if has_type(value, "Annotation") || obj.contains_key("target") {
        return Some(vec![value]);
    }
    // An empty collection has no `first`.
    has_type(value, "AnnotationCollection").then(Vec::new)
}

fn has_type(value: &Value, ty: &str) -> bool {
    match value.get("type") {
        Some(Value::String(s)) => s == ty,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(ty)),
        _ => false,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().take(6).map(String::as_str).collect();
            format!("an object with keys {}", keys.join(", "))
        }
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "a boolean".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(_) => "a string".to_owned(),
        Value::Array(_) => "an array".to_owned(),
    }
}

/// Values of a key that may hold one value or an array of them.
fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

fn time_of(item: &Value, keys: &[&str]) -> Option<Timestamp> {
    keys.iter()
        .find_map(|k| item.get(*k).and_then(Value::as_str))
        .and_then(|s| s.parse().ok())
}

/// One annotation as a note, its target from the selectors as given (not yet anchored).
fn note_of(item: &Value, text: &str, cps: &CodePoints<'_>, now: Timestamp) -> Option<Note> {
    let mut quote: Option<TextQuoteSelector> = None;
    let mut position: Option<TextPositionSelector> = None;
    for target in one_or_many(item.get("target")) {
        for selector in one_or_many(target.get("selector")) {
            let field = |k: &str| selector.get(k).and_then(Value::as_str).map(str::to_owned);
            let number = |k: &str| {
                let n = selector.get(k).and_then(Value::as_u64)?;
                usize::try_from(n).ok()
            };
            match selector.get("type").and_then(Value::as_str) {
                Some("TextQuoteSelector") if quote.is_none() => {
                    quote = field("exact").map(|exact| TextQuoteSelector {
                        exact,
                        prefix: field("prefix").unwrap_or_default(),
                        suffix: field("suffix").unwrap_or_default(),
                    });
                }
                Some("TextPositionSelector") if position.is_none() => {
                    if let (Some(start), Some(end)) = (number("start"), number("end")) {
                        position = Some(TextPositionSelector { start, end });
                    }
                }
                _ => {}
            }
        }
    }
    let target = match (quote, position) {
        (Some(quote), Some(position)) => Target { quote, position },
        (Some(quote), None) => Target {
            position: TextPositionSelector { start: 0, end: 0 },
            quote,
        },
        // Only a position: quote what is there now.
        (None, Some(p)) => {
            let range = cps.to_byte(p.start)..cps.to_byte(p.end.max(p.start));
            Target::from_range(text, range, cps)
        }
        (None, None) => return None,
    };

    let (mut body_text, mut tags, mut motivation) = (Vec::new(), Vec::new(), None);
    if let Some(value) = item.get("bodyValue").and_then(Value::as_str) {
        body_text.push(value.to_owned());
    }
    for body in one_or_many(item.get("body")) {
        let Some(value) = body.get("value").and_then(Value::as_str) else {
            continue;
        };
        match body.get("purpose").and_then(Value::as_str) {
            Some("tagging") => tags.push(value.to_owned()),
            Some("highlighting") => motivation = Some(Motivation::Highlighting),
            _ => body_text.push(value.to_owned()),
        }
    }
    // Hypothesis's own fields.
    if let Some(value) = item.get("text").and_then(Value::as_str) {
        body_text.push(value.to_owned());
    }
    tags.extend(
        one_or_many(item.get("tags"))
            .into_iter()
            .filter_map(|t| t.as_str().map(str::to_owned)),
    );
    let mut text_out = body_text.join("\n\n");
    // Tags live in the text (`#tag`), so tags the text does not already carry are added.
    let present = parse_tags(&text_out);
    let missing: Vec<String> = tags
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join("-"))
        .filter(|t| !t.is_empty() && !present.iter().any(|p| same_tag(p, t)))
        .map(|t| format!("#{t}"))
        .collect();
    if !missing.is_empty() {
        if !text_out.is_empty() {
            text_out.push_str("\n\n");
        }
        text_out.push_str(&missing.join(" "));
    }
    let motivation = motivation.unwrap_or_else(|| {
        match item.get("motivation").and_then(Value::as_str) {
            Some(m) => w3c::motivation_of(Some(m)),
            // Hypothesis marks no motivation: a highlight is an annotation without text.
            None if text_out.is_empty() => Motivation::Highlighting,
            None => Motivation::Commenting,
        }
    });
    let created = time_of(item, &["created"]).unwrap_or(now);
    let id = item.get("id").and_then(Value::as_str).map(w3c::note_id);
    let mut note = Note::new(motivation, &text_out, target, created);
    if let Some(id) = id.filter(|id| !id.is_empty()) {
        note.id = id;
    }
    note.modified = time_of(item, &["modified", "updated"]).unwrap_or(created);
    Some(note)
}

#[cfg(test)]
#[path = "import/tests.rs"]
mod tests;
