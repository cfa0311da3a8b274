//! Export: annotations as JSON for `gloss annotate` (one document) and `gloss annotate
//! --jsonl` (the evaluation format of `shared/eval/FORMAT.md`).
//!
//! Offsets in the JSON are Unicode code points (Python `str` indices) into the text; the
//! byte <-> code point conversion lives here ([`code_points`]) and nowhere else in gloss.

pub mod code_points;
mod gold_doc;
mod jsonl;
pub mod ordered;
pub mod window;

use serde::Serialize;
use serde_json::Value;

use crate::annotation::{Annotation, AnnotationKind, AnnotationSet, EntityGroup, Kind};
use crate::article::Article;
pub use code_points::CodePoints;
pub use gold_doc::{GoldAnnotation, GoldDoc, read_gold_file};
pub use jsonl::{JsonlError, JsonlOptions, annotate_jsonl, annotate_jsonl_with};
pub use window::Limits;

/// The whole document: metadata, the text, every annotation and the entity groups.
///
/// ```json
/// {"title": "...", "date": "2020-01-06", "author": null, "source": null, "url": null,
///  "byline": null, "site": null,
///  "language": {"code": "eng", "name": "English", "annotated": true}, "text": "...",
///  "annotations": [{"kind": "entity", "start": 0, "end": 12, "label": "PERSON", "group": 0},
///                  {"kind": "date", "start": 20, "end": 26, "value": "2020-01-06",
///                   "explanation": "..."},
///                  {"kind": "quote", "start": 40, "end": 90, "speaker": "Donald Trump",
///                   "speaker_group": 0}],
///  "groups": [{"id": 0, "label": "PERSON", "name": "Donald Trump", "aliases": ["Trump"]}],
///  "warnings": []}
/// ```
/// Absent values (`value`, `explanation`, `speaker`, `speaker_group`, `speaker_role`) are
/// left out; a quote's `evidence` says how its speaker was chosen.
/// `language` is null when the text is too short to tell; a text in a language the
/// detectors do not read has `"annotated": false` and no annotations.
/// `byline` and `site` are `author` and `source` under the names web pages give them (a
/// page's byline and site name), so scripts that read pages find them under either.
pub fn document_json(article: &Article, annotations: &AnnotationSet) -> Value {
    let cp = CodePoints::new(&article.text);
    serde_json::to_value(DocumentOut::new(article, annotations, &cp)).unwrap_or(Value::Null)
}

/// Writes [`document_json`] (pretty-printed) straight to `out`, without building the JSON
/// tree first: a book's annotations stream out in a fraction of the time and memory.
pub fn write_document_json(
    article: &Article,
    annotations: &AnnotationSet,
    out: impl std::io::Write,
) -> serde_json::Result<()> {
    let cp = CodePoints::new(&article.text);
    serde_json::to_writer_pretty(out, &DocumentOut::new(article, annotations, &cp))
}

/// [`document_json`] on one line, after a first field `"file": file` (`gloss annotate` over
/// several files or a directory), and a newline.
pub fn document_line(
    file: &str,
    article: &Article,
    annotations: &AnnotationSet,
) -> serde_json::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Line<'a> {
        file: &'a str,
        #[serde(flatten)]
        document: DocumentOut<'a>,
    }
    let cp = CodePoints::new(&article.text);
    let document = DocumentOut::new(article, annotations, &cp);
    let mut bytes = serde_json::to_vec(&Line { file, document })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The document as serde sees it: borrowed, serialised field by field in this order.
#[derive(Serialize)]
struct DocumentOut<'a> {
    title: Option<&'a str>,
    date: Option<String>,
    author: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    byline: Option<&'a str>,
    site: Option<&'a str>,
    language: Option<LanguageOut>,
    text: &'a str,
    annotations: AnnotationsOut<'a>,
    groups: &'a [EntityGroup],
    warnings: &'a [String],
}

impl<'a> DocumentOut<'a> {
    fn new(article: &'a Article, set: &'a AnnotationSet, cp: &'a CodePoints<'a>) -> Self {
        let meta = &article.meta;
        DocumentOut {
            title: meta.title.as_deref(),
            date: meta.date.map(|d| d.to_string()),
            author: meta.author.as_deref(),
            source: meta.source.as_deref(),
            url: meta.url.as_deref(),
            byline: meta.author.as_deref(),
            site: meta.source.as_deref(),
            language: LanguageOut::of(&article.text),
            text: &article.text,
            annotations: AnnotationsOut {
                set,
                cp,
                detail: Detail::Full,
            },
            groups: set.groups(),
            warnings: &article.warnings,
        }
    }
}

/// The language of the text, when it can be told (`detect::language`), and whether the
/// detectors read it: `"annotated": false` says why a text has no annotations.
#[derive(Serialize)]
pub(crate) struct LanguageOut {
    code: &'static str,
    name: &'static str,
    annotated: bool,
}

impl LanguageOut {
    pub(crate) fn of(text: &str) -> Option<LanguageOut> {
        // As the detectors decide: a table of foreign names in an English story can be
        // identified as another language and still be annotated.
        crate::detect::language::assess(text).map(|(l, read)| LanguageOut {
            code: l.code(),
            name: l.name(),
            annotated: read,
        })
    }
}

/// How much of each annotation to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Everything gloss knows (group ids, explanations).
    Full,
    /// Exactly the evaluation format's fields.
    Eval,
}

/// The article as a gold line of the evaluation format (`shared/eval/FORMAT.md`): `id`,
/// `text`, `date` and the annotations with exactly the format's fields, one line with its
/// newline. `gloss corrections FILE --export gold` writes the corrected annotations so.
pub fn gold_line(id: &str, article: &Article, set: &AnnotationSet) -> serde_json::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Gold<'a> {
        id: &'a str,
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<String>,
        annotations: AnnotationsOut<'a>,
    }
    let cp = CodePoints::new(&article.text);
    let gold = Gold {
        id,
        text: &article.text,
        date: article.meta.date.map(|d| d.to_string()),
        annotations: AnnotationsOut {
            set,
            cp: &cp,
            detail: Detail::Eval,
        },
    };
    let mut bytes = serde_json::to_vec(&gold)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Every annotation of a set, serialised as a JSON array one by one.
struct AnnotationsOut<'a> {
    set: &'a AnnotationSet,
    cp: &'a CodePoints<'a>,
    detail: Detail,
}

impl Serialize for AnnotationsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.set.items().iter().enumerate().map(|(i, a)| {
            let mut out = AnnotationOut::new(a, self.set, self.cp, self.detail);
            out.corrected = self.detail == Detail::Full && self.set.is_corrected(i);
            out
        }))
    }
}

/// One annotation in the JSON form; fields without a value are left out.
#[derive(Serialize)]
struct AnnotationOut<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_group: Option<usize>,
    /// A correction or the lexicon changed or added it (left out when not).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
    /// The speaker with their role ("Brian Fallon, Clinton press secretary").
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_role: Option<&'a str>,
    /// How the speaker was chosen ("cue", "same-paragraph").
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'static str>,
}

impl<'a> AnnotationOut<'a> {
    fn new(a: &'a Annotation, set: &'a AnnotationSet, cp: &CodePoints<'_>, detail: Detail) -> Self {
        let full = detail == Detail::Full;
        let mut out = AnnotationOut {
            kind: a.kind(),
            start: cp.to_code_point(a.span.start),
            end: cp.to_code_point(a.span.end),
            label: None,
            group: None,
            value: None,
            explanation: None,
            speaker: None,
            speaker_group: None,
            corrected: false,
            speaker_role: None,
            evidence: None,
        };
        match &a.kind {
            AnnotationKind::Entity { label, group } => {
                out.label = Some(label.as_str());
                out.group = full.then_some(*group);
            }
            AnnotationKind::Date(info) => {
                out.value = info.value.as_deref();
                out.explanation = info.explanation.as_deref().filter(|_| full);
            }
            AnnotationKind::Quote(info) => {
                // The fullest name: the group's name when the speaker is a known entity
                // and that name ends as the speaker's does (not a headline the entity
                // detector grouped the name into: "Obama Speech").
                let last = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
                let said = info.speaker.as_deref();
                out.speaker = info
                    .speaker_group
                    .and_then(|g| set.group(g))
                    .map(|g| g.name.as_str())
                    .filter(|n| said.is_none_or(|s| last(s) == last(n)))
                    .or(said);
                out.speaker_group = info.speaker_group.filter(|_| full);
                out.speaker_role = info.speaker_role.as_deref().filter(|_| full);
                out.evidence = full.then_some(info.evidence.as_str());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
