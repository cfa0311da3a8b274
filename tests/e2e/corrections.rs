//! The corrections tour of issue 15: in a copy of the sample, correct a kind ("Operation
//! Impact" is not a place), a speaker (the letter's quote is William Seely's) and a
//! grouping ("Iraqis" are the "Iraqi" group), quit, reopen: the side pane shows the
//! corrected forms. Then make one correction general ("Taji" is a place) and open a second
//! article naming it: corrected there too, though the detectors call it a person. The
//! library's index follows a correction made and undone in the reader; a lexicon that does
//! not parse is named (file:line:col) in the status bar and the reader runs without it.

use std::path::Path;
use std::process::Command;

use super::harness::{Session, gloss_bin, sample_path};

/// Opens `article` with data and config under `dir` (outliving each session).
fn open(article: &Path, dir: &Path) -> Session {
    let data = dir.join("data");
    let config = dir.join("config");
    let env = [
        ("XDG_DATA_HOME", data.to_str().expect("utf-8 temp path")),
        ("XDG_CONFIG_HOME", config.to_str().expect("utf-8 temp path")),
    ];
    let article = article.to_str().expect("utf-8 temp path");
    let s = Session::spawn(gloss_bin(), &[article], &env, 120, 35);
    s.wait_for("the article annotated", |s| {
        let text = s.contents();
        text.contains("Ent ") && !text.contains("etecting…")
    });
    s
}

fn quit(mut s: Session) {
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());
}

/// The side pane's part of the screen (the columns right of the article), line by line.
fn side(s: &Session) -> Vec<String> {
    s.text()
        .lines()
        .map(|l| l.chars().skip(79).collect::<String>())
        .collect()
}

/// Every row of the Entities list, paging the focused side pane down from its top.
fn all_rows(s: &mut Session) -> Vec<String> {
    s.send("1\r");
    let mut rows = Vec::new();
    for _ in 0..4 {
        rows.extend(side(s));
        s.send(" ");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    rows
}

/// Esc alone: sent with the next key at once, a terminal reads it as Alt and that key.
fn esc(s: &mut Session) {
    s.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(200));
}

/// Searches `words`, then corrects the annotation there with `keys`.
fn correct(s: &mut Session, words: &str, keys: &str, said: &str) {
    s.send(&format!("/{words}"));
    s.wait_for_text(&format!("/{words}"));
    s.send("\r");
    s.wait_for("the search prompt closed", |screen| {
        !screen.contents().contains(&format!("/{words}"))
    });
    s.send("c");
    s.wait_for_text("Correct: “");
    s.send(keys);
    s.wait_for_text(said);
}

#[test]
fn corrections_stay_and_a_general_one_reaches_another_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");

    let mut s = open(&article, dir.path());
    correct(&mut s, "Operation Impact", "m", "kind MISC");
    correct(
        &mut s,
        "We respect your",
        "sWilliam Seely\r",
        "said by William Seely",
    );
    correct(&mut s, "Iraqis", "MIraqi\r", "merged into Iraqi");
    s.wait_for_text("corrections saved");
    quit(s);

    let mut s = open(&article, dir.path());
    // The side pane at its last rows: the Other names section.
    s.send("1\rG");
    s.wait_for_text("Other names");
    let entities = side(&s);
    let other = entities.iter().position(|l| l.contains("Other names"));
    let impact = entities.iter().position(|l| l.contains("Operation Impact"));
    assert!(
        other.is_some() && impact > other,
        "Operation Impact is not under Other names:\n{}",
        entities.join("\n")
    );
    esc(&mut s);
    s.send("g");
    let listed = all_rows(&mut s);
    assert!(
        !listed
            .iter()
            .any(|l| l.trim_start_matches(['▸', '✎', ' ']).starts_with("Iraqis ")),
        "Iraqis still a group of its own:\n{}",
        listed.join("\n")
    );
    esc(&mut s);
    s.send("3");
    s.wait_for("the quote's speaker corrected", |screen| {
        screen
            .contents()
            .lines()
            .any(|l| l.get(78..).is_some_and(|r| r.contains("William Seely")))
    });
    s.send("C");
    s.wait_for_text("Corrections 3");

    esc(&mut s);
    correct(&mut s, "Taji", "!l", "in every article");
    quit(s);
    let lexicon = dir.path().join("config/gloss/lexicon.toml");
    let written = std::fs::read_to_string(&lexicon).expect("the lexicon was written");
    assert!(written.contains("Taji = \"place\""), "{written}");

    let second = dir.path().join("second.txt");
    std::fs::write(
        &second,
        "Training at Taji resumed.\n\nCanadian trainers returned to Taji on Monday, \
         officials in Baghdad said. Taji is north of the capital.\n",
    )
    .expect("write the second article");
    let raw = Command::new(gloss_bin())
        .args(["annotate", "--raw", second.to_str().expect("utf-8")])
        .output()
        .expect("gloss annotate --raw");
    let raw = String::from_utf8_lossy(&raw.stdout);
    assert!(
        raw.contains("\"PERSON\""),
        "the detectors call Taji a person:\n{raw}"
    );
    let s = open(&second, dir.path());
    s.wait_for_text("Places");
    let screen = s.text();
    assert!(
        !screen.contains("People"),
        "Taji is still a person:\n{screen}"
    );
    assert!(
        screen.contains("✎Taji") || screen.contains("▸Taji"),
        "{screen}"
    );
    quit(s);
}

/// The library's entity found by `name`, as "NAME KIND" (`gloss library entities --json`
/// with the data and config under `dir`).
fn library_entity(dir: &Path, name: &str) -> String {
    let out = Command::new(gloss_bin())
        .args(["library", "entities", name, "--json"])
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .expect("gloss library entities");
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    format!(
        "{} {}",
        found["entity"]["name"].as_str().unwrap_or("?"),
        found["entity"]["kind"].as_str().unwrap_or("?")
    )
}

#[test]
fn the_library_sees_corrections_made_and_undone_in_the_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    quit(open(&article, dir.path()));
    let entity = || library_entity(dir.path(), "Operation Impact");
    assert_eq!(entity(), "Operation Impact PLACE", "as detected");

    let mut s = open(&article, dir.path());
    correct(&mut s, "Operation Impact", "m", "kind MISC");
    s.wait_for_text("corrections saved");
    quit(s);
    assert_eq!(
        entity(),
        "Operation Impact MISC",
        "the correction is indexed"
    );

    let mut s = open(&article, dir.path());
    s.send("U");
    s.wait_for_text("corrections saved");
    quit(s);
    assert_eq!(entity(), "Operation Impact PLACE", "the undo is indexed");
}

#[test]
fn a_lexicon_that_does_not_parse_is_named_in_the_status_bar_and_gloss_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    let lexicon = dir.path().join("config/gloss/lexicon.toml");
    std::fs::create_dir_all(lexicon.parent().expect("parent")).expect("config dir");
    std::fs::write(
        &lexicon,
        "never = [\"Baghdad\"]\n[kind]\nBesmaya = \"plcae\"\n",
    )
    .expect("write the lexicon");

    let mut s = open(&article, dir.path());
    let said = format!(
        "lexicon not used: {}:3:11: unknown kind 'plcae'",
        lexicon.display()
    );
    s.wait_for_text(&said);
    let screen = s.text();
    let status = screen.lines().rev().find(|l| !l.trim().is_empty());
    assert!(
        status.is_some_and(|l| l.contains(&said)),
        "not in the status bar:\n{screen}"
    );
    // Without the lexicon: Baghdad is still an entity, and corrections still work.
    correct(&mut s, "Operation Impact", "m", "kind MISC");
    s.wait_for_text("corrections saved");
    esc(&mut s);
    let rows = all_rows(&mut s);
    assert!(
        rows.iter()
            .any(|l| l.split_whitespace().any(|w| w == "Baghdad")),
        "the broken lexicon applied:\n{}",
        rows.join("\n")
    );
    quit(s);
    assert_eq!(
        std::fs::read_to_string(&lexicon).ok().as_deref(),
        Some("never = [\"Baghdad\"]\n[kind]\nBesmaya = \"plcae\"\n"),
        "the broken lexicon is left as it was"
    );
}
