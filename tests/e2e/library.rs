//! Recording on open (issue 13): the reader records the article it opens in the library
//! under `XDG_DATA_HOME` (with its entities, even when quit at once), `--no-library`
//! leaves the library alone, and a library that cannot be opened does not stop the
//! reader.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::harness::{Session, gloss_bin, sample_path};

fn library_json(data: &Path, args: &[&str]) -> Value {
    let out = Command::new(gloss_bin())
        .args(["library"])
        .args(args)
        .arg("--json")
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env("XDG_CONFIG_HOME", data.join("config"))
        .output()
        .expect("run gloss library");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn read_and_quit(args: &[&str], data: &Path) {
    let data = data.to_str().expect("utf-8 temp path");
    let mut s = Session::spawn(gloss_bin(), args, &[("XDG_DATA_HOME", data)], 120, 35);
    s.wait_for_text("Donald Trump");
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());
}

#[test]
fn opening_an_article_records_it_with_its_entities() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    let data = dir.path().join("data");
    read_and_quit(&[article.to_str().expect("utf-8")], &data);
    let list = library_json(&data, &["list"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert!(list[0]["first_opened"].is_i64(), "{list}");
    assert_eq!(
        list[0]["source"]["at"],
        article
            .canonicalize()
            .expect("exists")
            .to_str()
            .expect("utf-8")
    );
    let trump = library_json(&data, &["entities", "Trump"]);
    assert_eq!(trump["entity"]["name"], "Donald Trump", "{trump}");
    // The bundled sample is not recorded (`gloss` alone now opens the library view, which
    // has an article: `--sample` is the way to the sample).
    read_and_quit(&["--sample"], &data);
    assert_eq!(
        library_json(&data, &["list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn no_library_leaves_it_alone_and_a_broken_one_does_not_stop_the_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    let data = dir.path().join("data");
    let path = article.to_str().expect("utf-8");
    read_and_quit(&[path, "--no-library"], &data);
    assert!(!data.join("gloss/library.db").exists());
    let broken = dir.path().join("broken.db");
    std::fs::write(&broken, "not a database\n".repeat(100)).expect("write");
    read_and_quit(&[path, "--library", broken.to_str().expect("utf-8")], &data);
    assert_eq!(
        std::fs::read_to_string(&broken).expect("still there"),
        "not a database\n".repeat(100)
    );
}
