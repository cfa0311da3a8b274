//! Notes as a W3C Web Annotation JSON-LD `AnnotationCollection` (Web Annotation Data Model,
//! sections 3-5), with every annotation embedded in its first page.
//!
//! Each note becomes an `Annotation` with `motivation` commenting or highlighting, its text
//! as a `TextualBody` (purpose commenting) and each tag as a `TextualBody` with purpose
//! tagging, and a target whose `selector` holds a `TextQuoteSelector` and a
//! `TextPositionSelector` (code points, as the model counts). Ids are `urn:uuid:` URIs.

use std::fmt::Write as _;
use std::path::Path;

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::notes::identity::ArticleIdentity;
use crate::notes::model::{Motivation, Note, NoteSet};

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Prefix for note ids that are not UUIDs (e.g. imported from Hypothesis), so every id is
/// a URI and comes back unchanged on import.
pub const NOTE_URN: &str = "urn:x-gloss:note:";

/// The annotation id (a URI) of a note id.
pub fn note_iri(id: &str) -> String {
    if uuid::Uuid::parse_str(id).is_ok() {
        format!("urn:uuid:{id}")
    } else if id.contains(':') {
        id.to_owned()
    } else {
        format!("{NOTE_URN}{id}")
    }
}

/// The note id of an annotation id: the inverse of [`note_iri`].
pub fn note_id(iri: &str) -> String {
    iri.strip_prefix("urn:uuid:")
        .or_else(|| iri.strip_prefix(NOTE_URN))
        .unwrap_or(iri)
        .to_owned()
}

/// The IRI of the annotated article: its file as a `file://` URI, else its text hash.
pub fn source_iri(identity: &ArticleIdentity) -> String {
    match &identity.path {
        Some(path) if path.is_absolute() => file_uri(path),
        _ => format!("urn:x-gloss:sha256:{}", identity.text_hash),
    }
}

/// A `file://` URI with every byte outside RFC 3986's unreserved set and `/` escaped.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for &b in path.to_string_lossy().as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    uri
}

/// One note as a W3C annotation targeting `source`.
pub fn annotation(note: &Note, source: &str) -> Value {
    let quote = &note.target.quote;
    let position = note.target.position;
    let mut body: Vec<Value> = Vec::new();
    if !note.text.is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "value": note.text,
            "format": "text/plain",
            "purpose": "commenting",
        }));
    }
    for tag in &note.tags {
        body.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    let mut annotation = json!({
        "@context": CONTEXT,
        "id": note_iri(&note.id),
        "type": "Annotation",
        "motivation": note.motivation.as_str(),
        "created": note.created.to_string(),
        "modified": note.modified.to_string(),
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": quote.exact,
                    "prefix": quote.prefix,
                    "suffix": quote.suffix,
                },
                { "type": "TextPositionSelector", "start": position.start, "end": position.end },
            ],
        },
    });
    if !body.is_empty()
        && let Some(map) = annotation.as_object_mut()
    {
        map.insert("body".to_owned(), Value::Array(body));
    }
    annotation
}

/// The notes as an `AnnotationCollection` with all annotations in its embedded first page.
/// `label` names the collection (the article's title); `now` is its `modified` time.
pub fn collection(
    identity: &ArticleIdentity,
    label: &str,
    notes: &NoteSet,
    now: Timestamp,
) -> Value {
    let source = source_iri(identity);
    let id = format!("urn:x-gloss:notes:{}", identity.text_hash);
    let items: Vec<Value> = notes
        .notes()
        .iter()
        .map(|n| annotation(n, &source))
        .collect();
    let created = notes.notes().iter().map(|n| n.created).min().unwrap_or(now);
    let mut collection = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "created": created.to_string(),
        "modified": now.to_string(),
        "generator": { "type": "Software", "name": "gloss" },
    });
    if !items.is_empty()
        && let Some(map) = collection.as_object_mut()
    {
        let page = format!("{id}:page:1");
        map.insert(
            "first".to_owned(),
            json!({
                "id": page,
                "type": "AnnotationPage",
                "partOf": id,
                "startIndex": 0,
                "items": items,
            }),
        );
        map.insert("last".to_owned(), Value::String(page));
    }
    collection
}

/// The motivation named by a W3C `motivation` value (anything but highlighting comments).
pub fn motivation_of(value: Option<&str>) -> Motivation {
    match value {
        Some("highlighting") => Motivation::Highlighting,
        _ => Motivation::Commenting,
    }
}
