//! `gloss notes FILE`: listing, `--export md|json|w3c` to standard output, `--import w3c`,
//! the notes location flags, and one-line errors with exit status 2. Runs the real binary
//! with `XDG_DATA_HOME` (and `HOME`) in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;

struct Env {
    dir: tempfile::TempDir,
    article: PathBuf,
}

fn setup() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/canada-iraq-mission-2020-01-06.txt"
    );
    std::fs::copy(sample, &article).expect("copy the sample");
    Env { dir, article }
}

impl Env {
    fn gloss(&self, args: &[&str]) -> Output {
        cli::gloss_in(self.dir.path(), None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        cli::stdout_of_success(self.gloss(args), args)
    }

    fn art(&self) -> &str {
        self.article.to_str().expect("utf-8 path")
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("utf-8 path").to_owned()
    }
}

/// A Hypothesis-like W3C annotation on words of the sample.
const ONE: &str = r##"{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "type": "Annotation",
  "motivation": "commenting",
  "body": {"type": "TextualBody", "value": "How many exactly? #numbers", "format": "text/plain"},
  "target": {"source": "urn:x-test", "selector": [
    {"type": "TextQuoteSelector", "exact": "Canadian personnel", "prefix": "More than 300 ", "suffix": " are in Iraq"}
  ]}
}"##;

fn errors_on_one_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("gloss: "), "{err}");
    err
}

#[test]
fn import_then_list_and_export_every_format() {
    let env = setup();
    let json = env.write("one.json", ONE);
    let said = env.ok(&["notes", env.art(), "--import", "w3c", &json]);
    assert!(said.starts_with("imported 1 note into "), "{said}");
    assert!(said.ends_with(": 1 new\n"), "{said}");
    assert!(said.contains("/data/gloss/notes/"), "{said}");

    let list = env.ok(&["notes", env.art()]);
    assert!(list.contains("\"Canadian personnel\""), "{list}");
    assert!(list.contains("How many exactly? #numbers"), "{list}");
    assert!(list.trim_start().starts_with("line "), "{list}");

    let md = env.ok(&["notes", env.art(), "--export", "md"]);
    assert!(md.starts_with("# Notes on "), "{md}");
    assert!(md.contains("> Canadian personnel"), "{md}");
    assert!(md.contains("How many exactly?"), "{md}");

    let stored: Value = serde_json::from_str(&env.ok(&["notes", env.art(), "--export", "json"]))
        .expect("json export parses");
    assert_eq!(stored["note"][0]["tags"][0], "numbers");

    let w3c: Value = serde_json::from_str(&env.ok(&["notes", env.art(), "--export", "w3c"]))
        .expect("w3c export parses");
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["total"], 1);
    let item = &w3c["first"]["items"][0];
    assert_eq!(item["motivation"], "commenting");
}

/// Two annotations with ids (Hypothesis-like), one on words the sample does not have.
const TWO: &str = r##"[
  {"id": "urn:x-test:one", "motivation": "commenting", "bodyValue": "first",
   "target": {"selector": {"type": "TextQuoteSelector", "exact": "Canadian personnel"}}},
  {"id": "urn:x-test:two", "motivation": "highlighting",
   "target": {"selector": {"type": "TextQuoteSelector", "exact": "words not in the sample"}}}
]"##;

/// Issue 10: importing a file again adds nothing and says so, with or without ids.
#[test]
fn importing_again_says_nothing_new_and_adds_nothing() {
    let env = setup();
    let two = env.write("two.json", TWO);
    let said = env.ok(&["notes", env.art(), "--import", "w3c", &two]);
    assert!(said.starts_with("imported 2 notes into "), "{said}");
    assert!(said.ends_with(": 2 new; 1 detached\n"), "{said}");
    let said = env.ok(&["notes", env.art(), "--import", "w3c", &two]);
    assert!(said.ends_with(": 0 new, 2 already there\n"), "{said}");
    // An annotation without an id is the same note when passage, kind and text are.
    let one = env.write("one.json", ONE);
    env.ok(&["notes", env.art(), "--import", "w3c", &one]);
    let said = env.ok(&["notes", env.art(), "--import", "w3c", &one]);
    assert!(said.ends_with(": 0 new, 1 already there\n"), "{said}");
    let stored: Value = serde_json::from_str(&env.ok(&["notes", env.art(), "--export", "json"]))
        .expect("json export parses");
    assert_eq!(stored["note"].as_array().map(Vec::len), Some(3), "{stored}");
    // A later version of a note replaces it.
    let edited = TWO.replace(
        "\"first\"",
        "\"first, edited\", \"modified\": \"2099-01-01T00:00:00Z\"",
    );
    let edited = env.write("edited.json", &edited);
    let said = env.ok(&["notes", env.art(), "--import", "w3c", &edited]);
    assert!(
        said.ends_with(": 0 new, 1 updated, 1 already there\n"),
        "{said}"
    );
    assert!(env.ok(&["notes", env.art()]).contains("first, edited"));
}

/// Issue 10: a file that is not JSON is named once with the parser's one message.
#[test]
fn a_parse_error_is_said_once() {
    let env = setup();
    let bad = env.write("bad.json", "{\"a\": ");
    let err = errors_on_one_line(&env.gloss(&["notes", env.art(), "--import", "w3c", &bad]));
    assert!(err.contains("bad.json: not JSON: "), "{err}");
    assert_eq!(err.matches("EOF while parsing").count(), 1, "{err}");
}

#[test]
fn w3c_export_imports_back_with_nothing_lost() {
    let env = setup();
    let json = env.write("one.json", ONE);
    env.ok(&["notes", env.art(), "--import", "w3c", &json]);
    let exported = env.ok(&["notes", env.art(), "--export", "w3c"]);
    let back = env.write("back.json", &exported);
    let other = env.dir.path().join("other.notes.toml");
    let other = other.to_str().expect("utf-8");
    env.ok(&[
        "notes",
        env.art(),
        "--notes",
        other,
        "--import",
        "w3c",
        &back,
    ]);
    assert_eq!(
        env.ok(&["notes", env.art(), "--notes", other]),
        env.ok(&["notes", env.art()])
    );
    let a: Value =
        serde_json::from_str(&env.ok(&["notes", env.art(), "--export", "json"])).unwrap();
    let b: Value =
        serde_json::from_str(&env.ok(&["notes", env.art(), "--notes", other, "--export", "json"]))
            .unwrap();
    for key in [
        "id",
        "text",
        "tags",
        "created",
        "modified",
        "motivation",
        "target",
    ] {
        assert!(!a["note"][0][key].is_null(), "{key}");
        assert_eq!(a["note"][0][key], b["note"][0][key], "{key}");
    }
}

#[test]
fn notes_beside_keeps_the_file_next_to_the_article() {
    let env = setup();
    let json = env.write("one.json", ONE);
    env.ok(&[
        "notes",
        env.art(),
        "--notes-beside",
        "--import",
        "w3c",
        &json,
    ]);
    assert!(Path::new(&format!("{}.notes.toml", env.art())).is_file());
    assert!(
        !env.dir.path().join("data").exists(),
        "nothing in the data dir"
    );
    let list = env.ok(&["notes", env.art(), "--notes-beside"]);
    assert!(list.contains("Canadian personnel"));
}

#[test]
fn no_notes_lists_nothing_and_says_so_on_stderr() {
    let env = setup();
    let out = env.gloss(&["notes", env.art()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no notes on "));
}

#[test]
fn errors_are_one_line_with_status_2() {
    let env = setup();
    let json = env.write("one.json", ONE);
    let err = errors_on_one_line(&env.gloss(&["notes", env.art(), "--import", "xml", &json]));
    assert!(
        err.contains("expected the format 'w3c', found 'xml'"),
        "{err}"
    );
    let err = errors_on_one_line(&env.gloss(&["notes", env.art(), "--export", "pdf"]));
    assert!(err.contains("pdf"), "{err}");
    let err = errors_on_one_line(&env.gloss(&["notes", "/no/such/article.txt"]));
    assert!(err.contains("/no/such/article.txt"), "{err}");
    let bad = env.write("bad.json", "{\"nope\": 1}");
    let err = errors_on_one_line(&env.gloss(&["notes", env.art(), "--import", "w3c", &bad]));
    assert!(err.contains("bad.json"), "{err}");
    let err =
        errors_on_one_line(&env.gloss(&["notes", env.art(), "--notes", "x", "--notes-beside"]));
    assert!(err.contains("--notes-beside"), "{err}");
    // A notes file that does not parse is never written over.
    let broken = env.write("broken.toml", "version = 1\n[[notes]\n");
    let err = errors_on_one_line(&env.gloss(&[
        "notes",
        env.art(),
        "--notes",
        &broken,
        "--import",
        "w3c",
        &json,
    ]));
    assert!(err.contains("broken.toml:2:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "version = 1\n[[notes]\n"
    );
}
