//! A line of the evaluation format (`../shared/eval/FORMAT.md`) read back: a gold
//! document's text and annotations, as the trainers (`src/bin/train-ner.rs`,
//! `src/bin/train-quotes.rs`) and the measuring examples read them. Offsets are code
//! points, as written.

use serde::Deserialize;

/// One gold document: its text and the annotations people made on it.
#[derive(Debug, Deserialize)]
pub struct GoldDoc {
    pub text: String,
    #[serde(default)]
    pub annotations: Vec<GoldAnnotation>,
}

/// One gold annotation: its kind (`entity`, `date`, `quote`) and code-point span, with
/// the entity's label or the quote's speaker where it has one.
#[derive(Debug, Deserialize)]
pub struct GoldAnnotation {
    pub kind: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub speaker: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gold_line_reads_with_and_without_optional_fields() {
        let line = r#"{"id": "d1", "text": "Ann said hi.", "annotations": [
            {"kind": "entity", "start": 0, "end": 3, "label": "PERSON"},
            {"kind": "quote", "start": 9, "end": 11, "speaker": "Ann"},
            {"kind": "date", "start": 4, "end": 8}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).expect("a gold line");
        assert_eq!(doc.annotations.len(), 3);
        assert_eq!(doc.annotations[0].label, "PERSON");
        assert_eq!(doc.annotations[1].speaker.as_deref(), Some("Ann"));
        assert!(doc.annotations[2].label.is_empty() && doc.annotations[2].speaker.is_none());
        let bare: GoldDoc = serde_json::from_str(r#"{"text": "x"}"#).expect("no annotations");
        assert!(bare.annotations.is_empty());
    }
}
