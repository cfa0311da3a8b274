//! Import tests: the W3C round trip, Hypothesis exports, and errors.

use super::*;
use crate::notes::export::tests::{TEXT, sample_notes};
use crate::notes::export::w3c;
use crate::notes::identity::ArticleIdentity;

fn now() -> Timestamp {
    "2026-04-01T00:00:00Z".parse().unwrap()
}

#[test]
fn w3c_round_trip_loses_nothing() {
    let notes = sample_notes();
    let identity = ArticleIdentity::new(TEXT, None);
    let collection = w3c::collection(&identity, "t", &notes, now());
    let json = serde_json::to_string_pretty(&collection).unwrap();
    let imported = import_str(&json, "export.json", TEXT, now()).unwrap();
    assert!(imported.skipped.is_empty());
    let back: Vec<Note> = imported.notes.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(back, notes.notes());
    assert!(
        imported
            .notes
            .iter()
            .all(|(_, a)| matches!(a, Anchoring::Exact(_)))
    );
}

#[test]
fn imported_notes_are_anchored_on_the_edited_text() {
    let notes = sample_notes();
    let collection = w3c::collection(&ArticleIdentity::new(TEXT, None), "t", &notes, now());
    let edited = format!("Breaking: a new first paragraph.\n\n{TEXT}");
    let imported = import(&collection, "export.json", &edited, now()).unwrap();
    for ((note, anchoring), old) in imported.notes.iter().zip(notes.notes()) {
        let range = anchoring.range().unwrap();
        assert_eq!(&edited[range], old.target.quote.exact);
        assert_eq!(note.target.quote.exact, old.target.quote.exact);
        assert!(note.target.position.start > old.target.position.start);
    }
}

/// The shape of a Hypothesis export (client "Export annotations", JSON format).
const HYPOTHESIS: &str = r#"{
  "export_date": "2026-03-05T09:00:00.000000+00:00",
  "export_userid": "acct:reader@hypothes.is",
  "client_version": "1.1500.0",
  "annotations": [
    {
      "id": "Zx3kV0abEe-abc123",
      "created": "2026-03-04T12:00:00.123456+00:00",
      "updated": "2026-03-04T12:30:00.000000+00:00",
      "user": "acct:reader@hypothes.is",
      "uri": "https://example.org/council",
      "text": "Check this date",
      "tags": ["bridges", "to check"],
      "target": [{
        "source": "https://example.org/council",
        "selector": [
          {"type": "RangeSelector", "endOffset": 30, "startOffset": 9,
           "endContainer": "/main[1]/p[2]", "startContainer": "/main[1]/p[2]"},
          {"type": "TextPositionSelector", "start": 1000, "end": 1022},
          {"type": "TextQuoteSelector", "exact": "would open next spring",
           "prefix": "«le pont» — ", "suffix": "."}
        ]
      }]
    },
    {
      "id": "Hl-only",
      "created": "2026-03-04T12:01:00+00:00",
      "updated": "2026-03-04T12:01:00+00:00",
      "text": "",
      "tags": [],
      "target": [{"source": "https://example.org/council",
                  "selector": [{"type": "TextQuoteSelector", "exact": "library hours"}]}]
    },
    { "id": "page-note", "text": "A page note", "target": [{"source": "https://example.org/council"}] }
  ]
}"#;

#[test]
fn hypothesis_export_is_imported_and_anchored() {
    let imported = import_str(HYPOTHESIS, "hypothesis.json", TEXT, now()).unwrap();
    assert_eq!(imported.notes.len(), 2);
    assert_eq!(imported.skipped.len(), 1);
    assert!(
        imported.skipped[0].contains("page-note"),
        "{:?}",
        imported.skipped
    );
    let (note, anchoring) = &imported.notes[0];
    assert_eq!(note.id, "Zx3kV0abEe-abc123");
    assert_eq!(note.text, "Check this date\n\n#bridges #to-check");
    assert_eq!(note.tags, vec!["bridges", "to-check"]);
    assert_eq!(note.motivation, Motivation::Commenting);
    assert_eq!(note.modified.to_string(), "2026-03-04T12:30:00Z");
    assert!(matches!(anchoring, Anchoring::Moved(_)), "{anchoring:?}");
    assert_eq!(&TEXT[anchoring.range().unwrap()], "would open next spring");
    let (highlight, _) = &imported.notes[1];
    assert_eq!(highlight.motivation, Motivation::Highlighting);
    // A non-UUID id survives export and import.
    assert_eq!(w3c::note_id(&w3c::note_iri(&note.id)), note.id);
}

#[test]
fn errors_name_the_input_and_what_was_found() {
    let err = import_str("{", "x.json", TEXT, now()).unwrap_err();
    assert!(err.to_string().starts_with("x.json: not JSON"), "{err}");
    let err = import_str(r#"{"hello": 1}"#, "y.json", TEXT, now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "y.json: expected a W3C annotation collection, page or annotation, or a Hypothesis \
         export; found an object with keys hello"
    );
    let single = r#"{"type": "Annotation", "target": {"selector": {"type": "TextPositionSelector", "start": 4, "end": 11}}}"#;
    let imported = import_str(single, "z.json", TEXT, now()).unwrap();
    assert_eq!(imported.notes[0].0.target.quote.exact, "council");
}

proptest::proptest! {
    /// Any JSON shape is either imported or refused with an error; nothing panics, and
    /// every imported note is placed inside the text or detached.
    #[test]
    fn import_never_panics(json in r#"\{"(items|annotations|target|type|first)": \[?(\{"(selector|target|type|start|end|exact|body|text)": ("[a-z ]{0,12}"|[0-9]{1,4}|\{\}|null|\[\])\}[, ]*){0,4}\]?\}"#) {
        if let Ok(imported) = import_str(&json, "p.json", TEXT, now()) {
            for (_, anchoring) in imported.notes {
                if let Some(r) = anchoring.range() {
                    proptest::prop_assert!(r.end <= TEXT.len() && TEXT.is_char_boundary(r.start));
                }
            }
        }
    }
}
