//! Export: annotations as JSON for `gloss annotate` (one document) and `gloss annotate
//! --jsonl` (the evaluation format of `shared/eval/FORMAT.md`).
//!
//! Offsets in the JSON are Unicode code points (Python `str` indices) into the text; the
//! byte <-> code point conversion lives here ([`code_points`]) and nowhere else in gloss.

pub mod code_points;
mod jsonl;

use serde_json::{Map, Value, json};

use crate::annotation::{Annotation, AnnotationKind, AnnotationSet};
use crate::article::Article;
pub use code_points::CodePoints;
pub use jsonl::{JsonlError, annotate_jsonl};

/// The whole document: metadata, the text, every annotation and the entity groups.
///
/// ```json
/// {"title": "...", "date": "2020-01-06", "author": null, "source": null, "url": null,
///  "text": "...",
///  "annotations": [{"kind": "entity", "start": 0, "end": 12, "label": "PERSON", "group": 0},
///                  {"kind": "date", "start": 20, "end": 26, "value": "2020-01-06",
///                   "explanation": "..."},
///                  {"kind": "quote", "start": 40, "end": 90, "speaker": "Donald Trump",
///                   "speaker_group": 0}],
///  "groups": [{"id": 0, "label": "PERSON", "name": "Donald Trump", "aliases": ["Trump"]}],
///  "warnings": []}
/// ```
/// Absent values (`value`, `explanation`, `speaker`, `speaker_group`) are left out.
pub fn document_json(article: &Article, annotations: &AnnotationSet) -> Value {
    let cp = CodePoints::new(&article.text);
    let meta = &article.meta;
    let groups: Vec<Value> = annotations
        .groups()
        .iter()
        .map(|g| json!({"id": g.id, "label": g.label.as_str(), "name": g.name, "aliases": g.aliases}))
        .collect();
    json!({
        "title": meta.title,
        "date": meta.date.map(|d| d.to_string()),
        "author": meta.author,
        "source": meta.source,
        "url": meta.url,
        "text": article.text,
        "annotations": annotations_json(annotations, &cp, Detail::Full),
        "groups": groups,
        "warnings": article.warnings,
    })
}

/// How much of each annotation to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Everything gloss knows (group ids, explanations).
    Full,
    /// Exactly the evaluation format's fields.
    Eval,
}

fn annotations_json(set: &AnnotationSet, cp: &CodePoints<'_>, detail: Detail) -> Vec<Value> {
    set.items()
        .iter()
        .map(|a| annotation_json(a, set, cp, detail))
        .collect()
}

fn annotation_json(
    a: &Annotation,
    set: &AnnotationSet,
    cp: &CodePoints<'_>,
    detail: Detail,
) -> Value {
    let mut o = Map::new();
    o.insert("kind".into(), json!(a.kind()));
    o.insert("start".into(), json!(cp.to_code_point(a.span.start)));
    o.insert("end".into(), json!(cp.to_code_point(a.span.end)));
    let full = detail == Detail::Full;
    match &a.kind {
        AnnotationKind::Entity { label, group } => {
            o.insert("label".into(), json!(label.as_str()));
            if full {
                o.insert("group".into(), json!(group));
            }
        }
        AnnotationKind::Date(info) => {
            if let Some(value) = &info.value {
                o.insert("value".into(), json!(value));
            }
            if let (true, Some(why)) = (full, &info.explanation) {
                o.insert("explanation".into(), json!(why));
            }
        }
        AnnotationKind::Quote(info) => {
            // The fullest name: the group's name when the speaker is a known entity.
            let speaker = info
                .speaker_group
                .and_then(|g| set.group(g))
                .map(|g| g.name.as_str())
                .or(info.speaker.as_deref());
            if let Some(speaker) = speaker {
                o.insert("speaker".into(), json!(speaker));
            }
            if let (true, Some(g)) = (full, info.speaker_group) {
                o.insert("speaker_group".into(), json!(g));
            }
        }
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests;
