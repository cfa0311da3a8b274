//! A line of the evaluation format (`../shared/eval/FORMAT.md`) read back: a gold
//! document's text and annotations, as the trainers (`src/bin/train-ner.rs`,
//! `src/bin/train-quotes.rs`) and the measuring examples read them. Offsets are code
//! points, as written.

use std::io::{BufRead, BufReader};

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

impl GoldDoc {
    /// The gold quotes: code-point span and speaker (when one is given).
    pub fn quotes(&self) -> Vec<(usize, usize, Option<String>)> {
        self.annotations
            .iter()
            .filter(|a| a.kind == "quote")
            .map(|a| (a.start, a.end, a.speaker.clone()))
            .collect()
    }
}

/// Every document of a gold JSONL file, in order (blank lines skipped); a line that
/// cannot be read or is not a document is an error naming the file and the line.
pub fn read_gold_file(path: &str) -> Result<Vec<GoldDoc>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: cannot open: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: cannot read: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = serde_json::from_str(&line)
            .map_err(|e| format!("{path}:{}: expected a JSON document: {e}", n + 1))?;
        docs.push(doc);
    }
    Ok(docs)
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
        assert_eq!(doc.quotes(), vec![(9, 11, Some("Ann".to_string()))]);
        let bare: GoldDoc = serde_json::from_str(r#"{"text": "x"}"#).expect("no annotations");
        assert!(bare.annotations.is_empty());
    }

    #[test]
    fn a_gold_file_reads_line_by_line_and_names_a_bad_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gold.jsonl");
        std::fs::write(&path, "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\nnot json\n").expect("write");
        let path = path.to_string_lossy().into_owned();
        let err = read_gold_file(&path).expect_err("line 4 is not a document");
        assert!(
            err.starts_with(&format!("{path}:4: expected a JSON document")),
            "{err}"
        );
        std::fs::write(&path, "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n").expect("write");
        let texts: Vec<String> = read_gold_file(&path)
            .expect("two documents")
            .into_iter()
            .map(|d| d.text)
            .collect();
        assert_eq!(texts, ["a", "b"]);
    }
}
