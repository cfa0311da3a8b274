//! Export tests: Markdown snapshot, JSON = stored form, and the W3C collection checked
//! against every MUST assertion of the W3C Web Annotation test suite.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde_json::Value;

use super::*;
use crate::notes::anchor::anchor_all;
use crate::notes::selector::{CodePoints, Target};

pub(crate) const TEXT: &str = "The council met on Tuesday to discuss the budget.\n\n\
The mayor said the new bridge — «le pont» — would open next spring.\n\n\
Residents asked whether the library hours would be cut.";

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Three notes: a comment with tags, a highlight, and one on non-ASCII text.
pub(crate) fn sample_notes() -> NoteSet {
    let cps = CodePoints::new(TEXT);
    let target = |passage: &str| {
        let start = TEXT.find(passage).unwrap();
        Target::from_range(TEXT, start..start + passage.len(), &cps)
    };
    let mut set = NoteSet::default();
    let mut n = Note::new(
        Motivation::Commenting,
        "Late again. #infrastructure #follow-up\nAsk the press office.",
        target("would open next spring"),
        at("2026-03-01T10:00:00Z"),
    );
    n.modified = at("2026-03-02T11:30:00.5Z");
    set.add(n);
    set.add(Note::new(
        Motivation::Highlighting,
        "",
        target("discuss the budget"),
        at("2026-03-01T10:05:00Z"),
    ));
    set.add(Note::new(
        Motivation::Commenting,
        "French quote",
        target("«le pont»"),
        at("2026-03-01T10:06:00Z"),
    ));
    set
}

fn meta() -> Meta {
    Meta {
        title: Some("Council news".into()),
        date: Some("2026-02-28".parse().unwrap()),
        source: Some("The Daily Example".into()),
        ..Meta::default()
    }
}

fn identity() -> ArticleIdentity {
    ArticleIdentity::new(TEXT, Some(Path::new("/news/council today.txt")))
}

#[test]
fn markdown_reads_as_passages_and_notes() {
    let notes = sample_notes();
    let mut anchors = anchor_all(&notes, TEXT);
    let md = markdown(&identity(), &meta(), &notes, &anchors);
    insta::assert_snapshot!(md);
    // A detached note is last and says so.
    let id = notes.notes()[0].id.clone();
    anchors.insert(id, Anchoring::Detached);
    let md = markdown(&identity(), &meta(), &notes, &anchors);
    let pos = |s: &str| md.find(s).unwrap();
    assert!(pos("> would open") > pos("«le pont»"), "{md}");
    assert!(pos("*(detached") > pos("> would open"), "{md}");
}

#[test]
fn listing_gives_line_passage_and_first_line() {
    let notes = sample_notes();
    let mut anchors = anchor_all(&notes, TEXT);
    anchors.insert(notes.notes()[2].id.clone(), Anchoring::Detached);
    insta::assert_snapshot!(listing(TEXT, &notes, &anchors), @r#"
        line 1  "discuss the budget"  (highlight)
        line 3  "would open next spring"  Late again. #infrastructure #follow-up
      detached  "«le pont»"  French quote
    "#);
}

#[test]
fn json_is_the_stored_form() {
    let notes = sample_notes();
    let value = json(&identity(), &meta(), &notes);
    let back: NotesFile = serde_json::from_value(value).unwrap();
    assert_eq!(back.notes, notes.notes());
    assert_eq!(back.title.as_deref(), Some("Council news"));
    assert_eq!(back.path.as_deref(), Some("/news/council today.txt"));
}

#[test]
fn w3c_collection_shape() {
    let notes = sample_notes();
    let c = w3c::collection(
        &identity(),
        "Council news",
        &notes,
        at("2026-03-03T00:00:00Z"),
    );
    assert_eq!(c["total"], 3);
    let items = c["first"]["items"].as_array().unwrap();
    let first = &items[0];
    assert_eq!(first["motivation"], "commenting");
    assert!(first["id"].as_str().unwrap().starts_with("urn:uuid:"));
    assert_eq!(
        first["target"]["source"],
        "file:///news/council%20today.txt"
    );
    assert_eq!(first["body"][1]["purpose"], "tagging");
    assert_eq!(items[1]["motivation"], "highlighting");
    assert!(items[1].get("body").is_none());
    // Code points, not bytes: «le pont» starts after multi-byte characters.
    let pos = &items[2]["target"]["selector"][1];
    let start = TEXT.find("«le pont»").unwrap();
    assert_eq!(pos["start"], TEXT[..start].chars().count());
    assert_eq!(pos["end"], TEXT[..start].chars().count() + 9);
}

/// The W3C test suite beside the checkout (CI has `../shared`), or `GLOSS_W3C_TESTS`.
fn w3c_suite() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("GLOSS_W3C_TESTS")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../shared/w3c-annotation-tests"),
            manifest.join("../../shared/w3c-annotation-tests"),
        ])
        .find(|p| p.join("definitions").is_dir())
}

/// Serves the suite's `definitions/` to the validator: every schema id is relative
/// (`id.json`), so they are all resolved under one base URI.
struct Definitions(PathBuf);

impl jsonschema::Retrieve for Definitions {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default();
        let text = std::fs::read_to_string(self.0.join("definitions").join(name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// Checks `instance` against every assertion listed by the suite's `test_file`: how many
/// were checked, and the failures.
fn check_musts(suite: &Path, test_file: &str, instance: &Value) -> (usize, Vec<String>) {
    let list: Value =
        serde_json::from_str(&std::fs::read_to_string(suite.join(test_file)).unwrap()).unwrap();
    let assertions = list["assertions"].as_array().unwrap();
    let mut failures = Vec::new();
    for assertion in assertions {
        let path = suite.join(assertion.as_str().unwrap());
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .with_base_uri("file:///w3c-annotation-tests/")
            .with_retriever(Definitions(suite.to_path_buf()))
            .build(&schema)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let expected = schema["expectedResult"].as_str() != Some("invalid");
        let errors: Vec<String> = validator
            .iter_errors(instance)
            .map(|e| e.to_string())
            .collect();
        if errors.is_empty() != expected {
            failures.push(format!(
                "{}: {}\n{errors:#?}",
                path.display(),
                schema["errorMessage"]
            ));
        }
    }
    (assertions.len(), failures)
}

#[test]
fn w3c_export_passes_every_must_of_the_w3c_test_suite() {
    let Some(suite) = w3c_suite() else {
        println!("skipped: ../shared/w3c-annotation-tests not found (set GLOSS_W3C_TESTS)");
        return;
    };
    let notes = sample_notes();
    let now = at("2026-03-03T00:00:00Z");
    let collection = w3c::collection(&identity(), "Council news", &notes, now);
    let (checked, failures) = check_musts(&suite, "collections/collectionMusts.test", &collection);
    assert!(
        checked >= 10 && failures.is_empty(),
        "{failures:#?}\n{collection:#}"
    );
    for item in collection["first"]["items"].as_array().unwrap() {
        let (checked, failures) = check_musts(&suite, "annotations/annotationMusts.test", item);
        assert!(
            checked >= 50 && failures.is_empty(),
            "{failures:#?}\n{item:#}"
        );
    }
    // The empty collection (no notes yet) is valid too.
    let empty = w3c::collection(&identity(), "Empty", &NoteSet::default(), now);
    let (_, failures) = check_musts(&suite, "collections/collectionMusts.test", &empty);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_validator_does_reject_a_broken_annotation() {
    // Guards against a check that cannot fail (e.g. schemas not resolving).
    let Some(suite) = w3c_suite() else {
        println!("skipped: ../shared/w3c-annotation-tests not found");
        return;
    };
    let notes = sample_notes();
    let collection = w3c::collection(&identity(), "x", &notes, at("2026-03-03T00:00:00Z"));
    let mut bad = collection["first"]["items"][0].clone();
    bad["created"] = Value::String("last Tuesday".into());
    let (_, failures) = check_musts(&suite, "annotations/annotationMusts.test", &bad);
    assert_eq!(failures.len(), 1, "{failures:#?}");
    assert!(
        failures[0].contains("3.3.1-annotationCreatedValidated"),
        "{failures:#?}"
    );
}
