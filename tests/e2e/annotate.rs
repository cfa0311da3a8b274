//! `gloss annotate` over many documents, the real binary: `--jsonl` and `--jobs` (order,
//! a malformed line), several files and directories, pages in lines, and the progress
//! shown on a terminal only.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::harness::{Session, gloss_bin, sample_path};

/// Runs `gloss ARGS` in `dir` with `stdin` as its input.
fn gloss(args: &[&str], stdin: &[u8], dir: &Path) -> Output {
    let mut child = Command::new(gloss_bin())
        .args(args)
        .current_dir(dir)
        .env("XDG_DATA_HOME", dir.join(".data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gloss");
    let mut input = child.stdin.take().expect("stdin piped");
    let stdin = stdin.to_vec();
    // Written beside the reading of the output, which may fill its pipe first; gloss may
    // stop reading at a malformed line: a closed pipe here is expected.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("wait for gloss");
    let _ = writer.join();
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `n` documents cut from the sample article at different lengths, so they take different
/// times and finish out of order on several threads.
fn documents(n: usize) -> String {
    let sample = std::fs::read_to_string(sample_path()).expect("the sample");
    let paragraphs: Vec<&str> = sample.split("\n\n").collect();
    (0..n)
        .map(|i| {
            let text = paragraphs[..1 + (i * 7) % paragraphs.len()].join("\n\n");
            format!(
                "{}\n",
                serde_json::json!({"id": format!("d{i}"), "text": text, "date": "2020-01-06"})
            )
        })
        .collect()
}

#[test]
fn jsonl_on_four_jobs_writes_the_one_job_output_in_input_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = documents(48);
    let one = gloss(
        &["annotate", "--jsonl", "--jobs", "1"],
        input.as_bytes(),
        dir.path(),
    );
    let four = gloss(
        &["annotate", "--jsonl", "-j", "4"],
        input.as_bytes(),
        dir.path(),
    );
    assert!(
        one.status.success() && four.status.success(),
        "{}",
        text(&four.stderr)
    );
    assert!(
        one.stdout == four.stdout,
        "--jobs 4 wrote something else than --jobs 1"
    );
    let ids: Vec<String> = text(&four.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).map_or(String::new(), |v| v["id"].to_string()))
        .collect();
    let expected: Vec<String> = (0..48).map(|i| format!("\"d{i}\"")).collect();
    assert_eq!(ids, expected);
    assert!(
        text(&four.stdout).contains("\"speaker\""),
        "the documents have quotes"
    );
    assert_eq!(
        text(&four.stderr),
        "",
        "no progress when stderr is not a terminal"
    );
}

#[test]
fn a_malformed_line_stops_with_its_number_after_the_lines_before_it_whatever_the_jobs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = documents(40);
    let lines: Vec<&str> = good.lines().collect();
    let whole = gloss(
        &["annotate", "--jsonl", "-j", "1"],
        good.as_bytes(),
        dir.path(),
    );
    let expected: String = text(&whole.stdout)
        .lines()
        .take(30)
        .map(|l| format!("{l}\n"))
        .collect();
    let input = format!(
        "{}\n{{\"id\": \"bad\", \"text\": 5}}\n{}\n",
        lines[..30].join("\n"),
        lines[30..].join("\n")
    );
    for jobs in ["1", "4"] {
        let out = gloss(
            &["annotate", "--jsonl", "--jobs", jobs],
            input.as_bytes(),
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "jobs {jobs}");
        assert_eq!(
            text(&out.stderr),
            "gloss: jsonl input line 31: expected \"text\" to be a string, found a number\n"
        );
        // Exactly the 30 lines before it, each whole: no half line, nothing after.
        assert!(
            text(&out.stdout) == expected,
            "jobs {jobs}: not the 30 lines before the bad one"
        );
    }
}

/// A corpus directory: `b.txt`, `a/two.md`, `a/one.txt`, a hidden file and an image.
fn corpus(dir: &Path) {
    let sample = std::fs::read_to_string(sample_path()).expect("the sample");
    std::fs::create_dir_all(dir.join("corpus/a")).expect("mkdir");
    std::fs::write(dir.join("corpus/b.txt"), &sample).expect("write");
    std::fs::write(dir.join("corpus/a/two.md"), format!("# Two\n\n{sample}")).expect("write");
    std::fs::write(dir.join("corpus/a/one.txt"), "Jane Ortiz spoke on Friday.").expect("write");
    std::fs::write(dir.join("corpus/.hidden.txt"), "hidden").expect("write");
    std::fs::write(dir.join("corpus/logo.png"), [0x89, b'P', b'N', b'G', 0]).expect("write");
}

fn files_of(out: &Output) -> Vec<String> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).map_or(String::new(), |v| v["file"].to_string()))
        .collect()
}

#[test]
fn files_and_directories_give_one_line_per_file_in_a_defined_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    corpus(dir.path());
    let one = gloss(
        &["annotate", "-j", "1", "corpus/b.txt", "corpus"],
        b"",
        dir.path(),
    );
    let two = gloss(
        &["annotate", "-j", "2", "corpus/b.txt", "corpus"],
        b"",
        dir.path(),
    );
    assert!(one.status.success(), "{}", text(&one.stderr));
    assert!(
        one.stdout == two.stdout,
        "--jobs 2 wrote something else than --jobs 1"
    );
    // The arguments in order; the directory's articles sorted by path, hidden ones and
    // other files left out.
    assert_eq!(
        files_of(&two),
        [
            "\"corpus/b.txt\"",
            "\"corpus/a/one.txt\"",
            "\"corpus/a/two.md\"",
            "\"corpus/b.txt\""
        ]
    );
    let first: Value =
        serde_json::from_str(text(&two.stdout).lines().nth(2).unwrap_or("")).unwrap_or(Value::Null);
    assert_eq!(first["title"], "Two");
    assert!(
        first["annotations"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert!(first["groups"].is_array());
}

#[test]
fn a_file_that_cannot_be_read_stops_the_lines_at_it_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    corpus(dir.path());
    for jobs in ["1", "4"] {
        let out = gloss(
            &[
                "annotate",
                "-j",
                jobs,
                "corpus/a",
                "corpus/logo.png",
                "corpus/b.txt",
            ],
            b"",
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            files_of(&out),
            ["\"corpus/a/one.txt\"", "\"corpus/a/two.md\""],
            "jobs {jobs}"
        );
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("corpus/logo.png") && stderr.lines().count() == 1,
            "{stderr}"
        );
    }
}

#[test]
fn a_page_in_a_jsonl_line_gives_its_article_and_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = "<!doctype html><html><head><title>Vote - The Gazette</title>\
        <meta name=\"author\" content=\"Ann Lee\"></head><body><nav><a href=\"/\">Home</a> \
        <a href=\"/sport\">Sport</a></nav><article><h1>Vote</h1><p>Mayor Jane Ortiz said on \
        Friday that the council would vote next week on the budget, after months of \
        debate in the city.</p><p>The council has met every week since the spring, and \
        the vote is expected to pass by a wide margin.</p></article></body></html>";
    let line = serde_json::json!({"id": 1, "html": page, "url": "https://example.org/vote"});
    let out = gloss(
        &["annotate", "--jsonl"],
        format!("{line}\n").as_bytes(),
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    assert_eq!(value["byline"], "Ann Lee");
    assert_eq!(value["url"], "https://example.org/vote");
    let article = value["text"].as_str().unwrap_or("");
    assert!(
        article.contains("Jane Ortiz") && !article.contains("Sport"),
        "{article}"
    );
}

#[test]
fn jsonl_takes_one_input_and_jobs_at_least_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["annotate", "--jsonl", "a.jsonl", "b.jsonl"][..],
        &["annotate", "--jsonl", "--jobs", "0"][..],
    ] {
        let out = gloss(args, b"", dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr).lines().count(),
            1,
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn progress_is_shown_on_a_terminal_while_the_output_goes_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, documents(30)).expect("write");
    let script = format!(
        "'{}' annotate --jsonl -j 2 '{}' > '{}'; echo \"exit=$?\"",
        gloss_bin(),
        input.display(),
        dir.path().join("out.jsonl").display()
    );
    let s = Session::spawn("sh", &["-c", &script], &[], 120, 10);
    s.wait_for_output("exit=0");
    s.wait_for_text("30 documents");
    let screen = s.text();
    assert!(screen.contains("B/s"), "no throughput shown: {screen}");
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).expect("output");
    assert_eq!(written.lines().count(), 30);
}
