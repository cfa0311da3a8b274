//! `gloss annotate` with corrections and the lexicon (and `--raw` without), and
//! `gloss corrections FILE` (listing, `--export gold` checked by the shared `score.py`,
//! `--export json`). Runs the real binary with `XDG_DATA_HOME`, `XDG_CONFIG_HOME` and
//! `HOME` in a temporary directory; corrections are written as a reader's file would be.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;

struct Env {
    dir: tempfile::TempDir,
    article: PathBuf,
}

/// The sample article, with a corrections file beside it: "Operation Impact" is not a
/// place, the letter's quote is William Seely's, "Iraqis" are the "Iraqi" group, and one
/// correction whose words are not in the article.
const CORRECTIONS: &str = r#"version = 1
text_hash = "written by hand"

[[correction]]
id = "kind"
created = "2026-01-01T00:00:00Z"
detected = "PLACE"
change = "entity-kind"
label = "MISC"
target = { quote = { exact = "Operation Impact" }, position = { start = 0, end = 0 } }

[[correction]]
id = "speaker"
created = "2026-01-01T00:00:01Z"
change = "speaker"
name = "William Seely"
target = { quote = { exact = "“We respect your sovereign decision to order our departure,”" }, position = { start = 0, end = 0 } }

[[correction]]
id = "group"
created = "2026-01-01T00:00:02Z"
change = "merge-groups"
into = "Iraqi"
target = { quote = { exact = "Iraqis" }, position = { start = 0, end = 0 } }

[[correction]]
id = "gone"
created = "2026-01-01T00:00:03Z"
change = "not-entity"
target = { quote = { exact = "words that are not there" }, position = { start = 0, end = 0 } }
"#;

fn setup() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/canada-iraq-mission-2020-01-06.txt"
    );
    std::fs::copy(sample, &article).expect("copy the sample");
    let beside = dir.path().join("article.txt.corrections.toml");
    std::fs::write(beside, CORRECTIONS).expect("write");
    Env { dir, article }
}

impl Env {
    fn gloss(&self, args: &[&str]) -> Output {
        cli::gloss_in(self.dir.path(), None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        cli::stdout_of_success(self.gloss(args), args)
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }

    fn art(&self) -> &str {
        self.article.to_str().expect("utf-8 path")
    }

    fn lexicon(&self, text: &str) {
        let dir = self.dir.path().join("config").join("gloss");
        std::fs::create_dir_all(&dir).expect("config dir");
        std::fs::write(dir.join("lexicon.toml"), text).expect("write the lexicon");
    }
}

/// The group name and label of the annotation over `words`, and whether it is marked.
fn entity(doc: &Value, words: &str) -> Option<(String, String, bool)> {
    let text: Vec<char> = doc["text"].as_str()?.chars().collect();
    let a = doc["annotations"].as_array()?.iter().find(|a| {
        let (s, e) = (
            a["start"].as_u64().unwrap_or(0),
            a["end"].as_u64().unwrap_or(0),
        );
        a["kind"] == "entity" && text[s as usize..e as usize].iter().collect::<String>() == words
    })?;
    let group = &doc["groups"][a["group"].as_u64()? as usize];
    Some((
        group["name"].as_str()?.to_owned(),
        a["label"].as_str()?.to_owned(),
        a["corrected"] == true,
    ))
}

fn speaker_of_the_letter(doc: &Value) -> Option<(String, bool)> {
    let q = doc["annotations"].as_array()?.iter().find(|a| {
        a["kind"] == "quote"
            && a["speaker"]
                .as_str()
                .is_some_and(|s| s.contains("Seely") || s.contains("letter"))
    })?;
    Some((q["speaker"].as_str()?.to_owned(), q["corrected"] == true))
}

#[test]
fn annotate_applies_corrections_and_raw_does_not() {
    let env = setup();
    let doc = env.json(&["annotate", "--notes-beside", env.art()]);
    let want = |n: &str, l: &str| Some((n.to_owned(), l.to_owned(), true));
    assert_eq!(
        entity(&doc, "Operation Impact"),
        want("Operation Impact", "MISC")
    );
    assert_eq!(entity(&doc, "Iraqis"), want("Iraqi", "NORP"));
    assert_eq!(
        speaker_of_the_letter(&doc),
        Some(("William Seely".into(), true))
    );
    let unmarked = entity(&doc, "Baghdad").map(|e| e.2);
    assert_eq!(
        unmarked,
        Some(false),
        "what was not corrected carries no mark"
    );

    let raw = env.json(&["annotate", "--raw", "--notes-beside", env.art()]);
    let place = Some(("Operation Impact".to_owned(), "PLACE".to_owned(), false));
    assert_eq!(entity(&raw, "Operation Impact"), place);
    assert_eq!(speaker_of_the_letter(&raw).map(|s| s.1), Some(false));
    assert!(
        !env.ok(&["annotate", "--raw", "--notes-beside", env.art()])
            .contains("\"corrected\"")
    );
}

#[test]
fn the_lexicon_corrects_every_article_and_a_bad_one_is_named() {
    let env = setup();
    env.lexicon("never = [\"Baghdad\"]\n[kind]\nBesmaya = \"place\"\n[group]\nUS = \"Department of National Defense\"\n");
    let doc = env.json(&["annotate", env.art()]);
    assert_eq!(entity(&doc, "Baghdad"), None);
    assert_eq!(entity(&doc, "Besmaya").map(|e| e.1), Some("PLACE".into()));
    assert_eq!(
        entity(&doc, "US").map(|e| e.0),
        Some("Department of National Defense".into())
    );

    env.lexicon("[kind]\nBesmaya = \"plcae\"\n");
    let out = env.gloss(&["annotate", env.art()]);
    assert!(out.status.success(), "gloss still runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let lexicon = env.dir.path().join("config/gloss/lexicon.toml");
    assert!(
        err.contains(&format!("{}:2:11: unknown kind 'plcae'", lexicon.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn corrections_are_listed_with_the_detached_one() {
    let env = setup();
    let listing = env.ok(&["corrections", "--notes-beside", env.art()]);
    assert!(
        listing.contains("“Operation Impact”: PLACE -> kind MISC\n"),
        "{listing}"
    );
    assert!(
        listing.contains("“Iraqis”: missed -> merged into Iraqi\n")
            || listing.contains("merged into Iraqi"),
        "{listing}"
    );
    assert!(
        listing.contains("“words that are not there”: missed -> not an entity  (detached)"),
        "{listing}"
    );
    let json = env.json(&[
        "corrections",
        "--notes-beside",
        env.art(),
        "--export",
        "json",
    ]);
    assert_eq!(json["correction"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["correction"][1]["change"], "speaker");
}

#[test]
fn the_gold_export_is_scored_by_score_py() {
    let env = setup();
    let gold = env.ok(&[
        "corrections",
        "--notes-beside",
        env.art(),
        "--export",
        "gold",
    ]);
    assert_eq!(gold.lines().count(), 1);
    let line: Value = serde_json::from_str(&gold).expect("one JSON line");
    assert_eq!(line["id"], "article.txt");
    assert_eq!(line["date"], "2020-01-06");
    assert!(
        line["annotations"]
            .as_array()
            .is_some_and(|a| a.iter().all(|a| a.get("group").is_none()))
    );
    let gold_file = env.dir.path().join("gold.jsonl");
    std::fs::write(&gold_file, &gold).expect("write gold");
    // ../shared beside the repository (a clone), or beside its worktree directory.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(score) = ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("eval/score.py"))
        .find(|p| p.is_file())
    else {
        eprintln!("skipped: no ../shared/eval/score.py beside the repository");
        return;
    };
    let gold_arg = gold_file.to_str().unwrap_or_default();
    let Ok(out) = Command::new("python3")
        .arg(&score)
        .args(["--json", gold_arg, gold_arg])
        .output()
    else {
        eprintln!("skipped: no python3 to run score.py");
        return;
    };
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let figures: Value = serde_json::from_str(&report).expect("score.py --json");
    let documents = &figures["documents"];
    assert_eq!(documents["scored"], 1, "{figures}");
    assert_eq!(documents["malformed"], 0, "{figures}");
    assert_eq!(
        documents["gold_problems"],
        serde_json::json!([]),
        "{figures}"
    );
    assert_eq!(
        figures["entities"]["exact"]["PLACE"]["f1"], 1.0,
        "{figures}"
    );
}

/// The kind of the library's entity found by `name`, or the one line saying there is none.
fn library_kind(env: &Env, name: &str) -> Result<String, String> {
    let out = env.gloss(&["library", "entities", name, "--json"]);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
    }
    let found: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    Ok(format!(
        "{} {}",
        found["entity"]["name"].as_str().unwrap_or("?"),
        found["entity"]["kind"].as_str().unwrap_or("?")
    ))
}

#[test]
fn library_add_stores_the_corrected_annotations() {
    let env = setup();
    // In the data directory, where `gloss library add` looks (found by the article's path).
    let kept = env.dir.path().join("data/gloss/corrections");
    std::fs::create_dir_all(&kept).expect("corrections dir");
    let path = env.article.canonicalize().expect("canonical path");
    let file = CORRECTIONS.replacen(
        "text_hash = \"written by hand\"\n",
        &format!("text_hash = \"written by hand\"\npath = {:?}\n", path),
        1,
    );
    std::fs::write(kept.join("article.toml"), file).expect("write");
    env.lexicon("never = [\"Baghdad\"]\n");

    env.ok(&["library", "add", env.art()]);
    assert_eq!(
        library_kind(&env, "Operation Impact"),
        Ok("Operation Impact MISC".into())
    );
    assert_eq!(library_kind(&env, "Iraqis"), Ok("Iraqi NORP".into()));
    let baghdad = library_kind(&env, "Baghdad").unwrap_err();
    assert!(baghdad.contains("no entity named 'Baghdad'"), "{baghdad}");
    let speaker = env.json(&["library", "quotes", "--speaker", "William Seely", "--json"]);
    assert_eq!(speaker.as_array().map(Vec::len), Some(1), "{speaker}");
}
