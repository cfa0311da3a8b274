//! Detection never holds the reader: the first frame is drawn and `q` quits while the
//! detectors are still at work, on a pathological text as on one whose detection never
//! ends (a test hook). The waits are the harness's generous patience: these tests fail on a
//! hang, not on a slow machine.

use super::harness::{Session, sample_path};

/// 200,000 straight quotation marks on one line: a text every mark of which may open or
/// close a quote (pairing them took 23 s with a quadratic walk, before the first frame).
#[test]
fn a_file_of_quotation_marks_draws_at_once_and_quits_with_q() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("quotes.txt");
    std::fs::write(&path, format!("{}\n", "\"".repeat(200_000))).expect("write the file");
    let mut s = Session::gloss(&[path.to_str().expect("utf-8 temp path")], 100, 30);
    s.wait_for_text(&"\"".repeat(40));
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());
}

#[test]
fn the_reader_draws_and_quits_with_q_while_detection_never_ends() {
    let sample = sample_path();
    let env = [("GLOSS_TEST_SLOW_DETECT", "1")];
    let mut s = Session::spawn(super::harness::gloss_bin(), &[&sample], &env, 120, 35);
    s.wait_for_text("Iraq");
    s.wait_for_text("detecting…");
    s.send("j");
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());
}

/// An article in French (a language the detectors do not read): the reader shows it and
/// says why the side pane is empty; `gloss annotate` gives no annotations and names the
/// language.
#[test]
fn an_article_in_another_language_is_shown_without_annotations_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("conseil.txt");
    let french = "Le conseil municipal a voté mardi la construction d'un second pont sur la \
        rivière, mettant fin à un débat qui durait depuis près de dix ans. « Ce pont réunit \
        les deux moitiés de notre ville », a déclaré la maire, Léna Brandt, le 14 mai. Les \
        ingénieurs étudieront les berges cet été, et les habitants choisiront entre deux \
        projets, l'un en acier et l'autre en pierre.\n";
    std::fs::write(&path, french).expect("write the file");
    let file = path.to_str().expect("utf-8 temp path");
    let mut s = Session::gloss(&[file], 160, 30);
    s.wait_for_text("in French");
    assert!(s.text().contains("Le conseil municipal"), "{}", s.text());
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());

    let out = std::process::Command::new(super::harness::gloss_bin())
        .args(["annotate", file])
        .env("XDG_DATA_HOME", dir.path().join(".data"))
        .output()
        .expect("run gloss annotate");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["annotations"], serde_json::json!([]));
    assert_eq!(json["language"]["code"], "fra");
    assert_eq!(json["language"]["annotated"], false);
}
