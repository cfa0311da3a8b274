//! `gloss library ...` through the real binary with `XDG_DATA_HOME` in a temporary
//! directory: add (files, directories, unreadable files), list, search, entities, quotes,
//! remove, export of notes, `--json` everywhere, one-line errors; and `gloss completions`
//! and `gloss man`.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;

struct Env {
    dir: tempfile::TempDir,
}

const FIRST: &str = "Donald Trump spoke in Washington on Monday. \"We will leave,\" Donald \
                     Trump said. Then he flew to Florida, where Trump played golf.\n";
const SECOND: &str = "The minister met reporters in Ottawa. They asked about Trump, who was \
                      not there. \"Nothing changes,\" said Justin Trudeau.\n";

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        env.write("articles/first.txt", FIRST);
        env.write("articles/more/second.md", SECOND);
        env.write("articles/more/ignored.csv", "a,b\n1,2\n");
        env.write("articles/.hidden.txt", "Hidden Person spoke.\n");
        std::fs::write(
            env.path("articles/binary.txt"),
            [0u8, 159, 146, 150, 0, 1, 2],
        )
        .expect("write");
        env
    }

    fn path(&self, name: &str) -> String {
        self.dir
            .path()
            .join(name)
            .to_str()
            .expect("utf-8")
            .to_owned()
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("utf-8").to_owned()
    }

    fn gloss(&self, args: &[&str]) -> Output {
        cli::gloss_in(self.dir.path(), Some(self.dir.path()), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        cli::stdout_of_success(self.gloss(args), args)
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        serde_json::from_str(&self.ok(&args)).expect("JSON output")
    }
}

fn error_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("gloss: "), "{err}");
    err
}

#[test]
fn add_a_directory_then_again_with_a_summary() {
    let env = Env::new();
    let said = env.ok(&["library", "add", "articles"]);
    assert_eq!(
        said.lines().next(),
        Some("added 2, already there 0, updated 0, unreadable 1"),
        "{said}"
    );
    assert!(said.contains("binary.txt"), "{said}");
    assert!(env.dir.path().join("data/gloss/library.db").is_file());
    let again = env.json(&["library", "add", "articles/first.txt"]);
    assert_eq!(
        again["already_there"].as_array().map(Vec::len),
        Some(1),
        "{again}"
    );
    assert_eq!(again["added"].as_array().map(Vec::len), Some(0), "{again}");
    let list = env.json(&["library", "list"]);
    let titles: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{list}");
}

#[test]
fn search_entities_and_quotes_across_articles() {
    let env = Env::new();
    env.ok(&["library", "add", "articles"]);
    let hits = env.json(&["library", "search", "reporters"]);
    assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");
    assert!(
        hits[0]["snippet"]
            .as_str()
            .unwrap_or("")
            .contains("reporters"),
        "{hits}"
    );
    // Any text is a query: no FTS5 syntax error reaches the user.
    env.ok(&["library", "search", "\"", "AND", "NEAR("]);
    let trump = env.json(&["library", "entities", "Trump"]);
    assert_eq!(trump["entity"]["name"], "Donald Trump", "{trump}");
    assert_eq!(
        trump["articles"].as_array().map(Vec::len),
        Some(2),
        "{trump}"
    );
    let sentences: Vec<&str> = trump["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["mentions"][0]["sentence"].as_str())
        .collect();
    assert!(
        sentences.contains(&"They asked about Trump, who was not there."),
        "{trump}"
    );
    assert!(
        sentences.contains(&"Donald Trump spoke in Washington on Monday."),
        "{trump}"
    );
    let text = env.ok(&["library", "entities", "--kind", "person"]);
    assert!(
        text.lines().any(|l| l.ends_with("PERSON  Donald Trump")),
        "{text}"
    );
    let quotes = env.json(&["library", "quotes", "--speaker", "trump"]);
    assert_eq!(quotes[0]["text"], "\"We will leave,\"", "{quotes}");
    let err = error_line(&env.gloss(&["library", "entities", "Nobody Here"]));
    assert!(err.contains("no entity named 'Nobody Here'"), "{err}");
}

#[test]
fn remove_by_path_and_by_id() {
    let env = Env::new();
    env.ok(&["library", "add", "articles"]);
    let removed = env.json(&["library", "remove", "articles/first.txt"]);
    assert_eq!(
        removed["removed"].as_array().map(Vec::len),
        Some(1),
        "{removed}"
    );
    let list = env.json(&["library", "list"]);
    let id = list[0]["id"].as_i64().expect("an id").to_string();
    assert_eq!(env.ok(&["library", "remove", &id]), "removed 1 article\n");
    assert_eq!(env.json(&["library", "list"]), Value::Array(Vec::new()));
    let err = error_line(&env.gloss(&["library", "remove", "12345"]));
    assert!(err.contains("not in the library: 12345"), "{err}");
}

#[test]
fn export_writes_each_articles_notes_as_markdown() {
    let env = Env::new();
    let annotation = r##"{"type": "Annotation", "motivation": "commenting",
      "body": {"type": "TextualBody", "value": "Which week? #when"},
      "target": {"source": "urn:x", "selector": [{"type": "TextQuoteSelector",
        "exact": "on Monday", "prefix": "Washington ", "suffix": ". "}]}}"##;
    let json = env.write("note.json", annotation);
    env.ok(&[
        "notes",
        &env.path("articles/first.txt"),
        "--import",
        "w3c",
        &json,
    ]);
    env.ok(&["library", "add", "articles"]);
    let listed = env.json(&["library", "list"]);
    let first = listed
        .as_array()
        .and_then(|a| a.iter().find(|x| x["title"] == "first"))
        .expect("first is listed");
    assert_eq!(first["notes_count"], 1, "{listed}");
    let vault = env.path("vault");
    let said = env.json(&["library", "export", "--notes", &vault]);
    let written = said["written"].as_array().expect("written");
    assert_eq!(written.len(), 1, "{said}");
    let file = written[0].as_str().expect("a path");
    assert!(Path::new(file).starts_with(&vault));
    let md = std::fs::read_to_string(file).expect("the Markdown file");
    assert!(md.starts_with("# Notes on first"), "{md}");
    assert!(
        md.contains("> on Monday") && md.contains("Which week? #when"),
        "{md}"
    );
}

#[test]
fn a_library_that_does_not_open_is_one_line_naming_it() {
    let env = Env::new();
    let bad = env.write("bad.db", &"not a database\n".repeat(100));
    let err = error_line(&env.gloss(&["library", "list", "--library", &bad]));
    assert!(err.contains(&bad) && err.contains("damaged"), "{err}");
    let newer = env.path("newer.db");
    let conn = rusqlite::Connection::open(&newer).expect("sqlite");
    conn.pragma_update(None, "user_version", 7)
        .expect("set the version");
    drop(conn);
    let err = error_line(&env.gloss(&["library", "add", "articles", "--library", &newer]));
    assert!(
        err.contains(&newer) && err.contains("newer gloss (schema version 7"),
        "{err}"
    );
    // A config entry moves the library.
    env.write(
        "config/gloss/config.toml",
        "[library]\npath = \"elsewhere.db\"\n",
    );
    env.ok(&["library", "add", "articles/first.txt"]);
    assert!(env.dir.path().join("config/gloss/elsewhere.db").is_file());
}

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = env.ok(&["completions", shell]);
        assert!(
            script.contains("library") && script.contains("no-library"),
            "{shell}"
        );
    }
    let man = env.ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH gloss"),
        "{}",
        &man[..200.min(man.len())]
    );
    for needle in [
        "GLOSS LIBRARY",
        "GLOSS LIBRARY ADD",
        "\\-\\-speaker",
        "\\-\\-no\\-library",
    ] {
        assert!(man.contains(needle), "the man page lacks {needle}");
    }
    let err = error_line(&env.gloss(&["completions", "tcsh"]));
    assert!(err.contains("tcsh"), "{err}");
}
