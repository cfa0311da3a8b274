//! `annotate --jsonl` tests: the output lines, their order on several threads, pages in
//! lines, and what a malformed line leaves behind.

use serde_json::Value;

use super::*;

fn run_with(input: &str, jobs: usize) -> (Result<usize, String>, String) {
    let mut out = Vec::new();
    let options = JsonlOptions::with_jobs(jobs);
    let result =
        annotate_jsonl_with(input.as_bytes(), &mut out, options, |_| {}).map_err(|e| e.to_string());
    (result, String::from_utf8(out).unwrap_or_default())
}

fn run(input: &str) -> (Result<usize, String>, String) {
    run_with(input, 1)
}

fn values(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
        .collect()
}

/// The text of `value`'s annotation `a`, by code points.
fn covered(value: &Value, a: &Value) -> String {
    let text: Vec<char> = value["text"].as_str().unwrap_or("").chars().collect();
    let (start, end) = (
        a["start"].as_u64().unwrap_or(0) as usize,
        a["end"].as_u64().unwrap_or(0) as usize,
    );
    text.get(start..end)
        .map(String::from_iter)
        .unwrap_or_default()
}

#[test]
fn jsonl_writes_one_line_per_document() {
    let input = "{\"id\": \"a\", \"text\": \"it was quiet.\", \"date\": \"2020-01-06\"}\n\n{\"id\": 7, \"text\": \"中\", \"annotations\": []}\n";
    let (result, out) = run(input);
    assert_eq!(result, Ok(2));
    let lines = values(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        out.lines().next(),
        Some("{\"id\":\"a\",\"annotations\":[]}")
    );
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
    assert!(lines.iter().all(|l| l["annotations"].is_array()));
}

#[test]
fn jsonl_accepts_a_last_line_without_newline_and_null_date() {
    assert_eq!(
        run("{\"id\": \"a\", \"text\": \"x\", \"date\": null}").0,
        Ok(1)
    );
    assert_eq!(run("").0, Ok(0));
}

/// Documents of different lengths (so they finish out of order on several threads), each
/// naming its own person.
fn many_documents(n: usize) -> String {
    (0..n)
        .map(|i| {
            let filler = "The council met again. ".repeat(i % 13 * 20);
            let text = format!("{filler}Mayor Jane Ortiz{i} said on Friday that it was over.");
            format!(
                "{}\n",
                serde_json::json!({"id": i, "text": text, "date": "2024-03-04"})
            )
        })
        .collect()
}

#[test]
fn four_jobs_write_exactly_what_one_job_writes_in_input_order() {
    let input = many_documents(120);
    let (one, serial) = run_with(&input, 1);
    let (four, parallel) = run_with(&input, 4);
    assert_eq!((one, four), (Ok(120), Ok(120)));
    let ids: Vec<Value> = values(&parallel).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, (0..120).map(Value::from).collect::<Vec<_>>());
    assert!(
        serial == parallel,
        "the four-job output differs from the one-job output"
    );
}

#[test]
fn a_malformed_line_stops_after_every_line_before_it_whatever_the_jobs() {
    let good = "{\"id\": \"a\", \"text\": \"Jane Ortiz spoke.\"}\n";
    // (input, how many good lines come before the bad one)
    let cases = [
        (format!("{good}{{\"id\": \"b\", \"text\": \"x\"\n{good}"), 1),
        (format!("{good}{good}{{\"id\": \"b\"}}\n{good}"), 2),
        (format!("{{\"text\": \"x\"}}\n{good}"), 0),
        (format!("{good}{{\"id\": \"b\", \"text\": 3}}\n"), 1),
        (
            format!("{good}{{\"id\": \"b\", \"text\": \"x\", \"date\": \"2020-02-30\"}}\n"),
            1,
        ),
        (format!("{good}{{\"id\": null, \"text\": \"x\"}}\n"), 1),
        (format!("{good}[1, 2]\n"), 1),
        (
            format!("{good}{{\"id\": 1, \"text\": \"x\", \"html\": \"<p>x</p>\"}}\n"),
            1,
        ),
        (format!("{good}{{\"id\": 1, \"html\": 5}}\n"), 1),
        (
            format!("{good}{{\"id\": 1, \"html\": \"<p>x</p>\", \"url\": 5}}\n"),
            1,
        ),
        (
            format!("{}{{\"id\": \"b\"}}\n{}", good.repeat(40), good.repeat(40)),
            40,
        ),
    ];
    let (_, one_line) = run(good);
    let mut report = String::new();
    for (input, before) in &cases {
        let mut messages = Vec::new();
        for jobs in [1, 4] {
            let (result, out) = run_with(input, jobs);
            assert_eq!(
                out,
                one_line.repeat(*before),
                "jobs {jobs}, input {input:?}"
            );
            messages.push(result.err().unwrap_or_default());
        }
        assert_eq!(messages[0], messages[1], "the same error whatever the jobs");
        report.push_str(&messages[0]);
        report.push('\n');
    }
    let bad_utf8 = run_with("{\"id\": \"a\", \"text\": \"\u{FFFD}\"}\n", 1).0;
    assert_eq!(bad_utf8, Ok(1), "U+FFFD itself is fine");
    let mut out = Vec::new();
    let bad_utf8 = annotate_jsonl(&b"{\"id\": \"a\", \"text\": \"\xFF\"}\n"[..], &mut out)
        .map_err(|e| e.to_string());
    assert!(out.is_empty());
    report.push_str(&bad_utf8.err().unwrap_or_default());
    insta::assert_snapshot!(report);
}

const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="windows-1252">
<title>Budget vote - The Gazette</title><meta name="author" content="Ann Lee">
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2024-03-04T09:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Budget vote</h1>
<p>Mayor Jane Ortiz said on Friday that the council in Montréal would vote next week on the budget, after months of debate.</p>
<p>“We are ready,” Ortiz said at the city hall, where the council has met since the spring.</p>
</article><footer>Copyright The Gazette. All rights reserved.</footer></body></html>"#;

#[test]
fn a_page_in_a_line_is_read_as_its_article() {
    let line = serde_json::json!({"id": "p", "html": PAGE, "url": "https://example.org/budget"});
    let (result, out) = run(&format!("{line}\n"));
    assert_eq!(result, Ok(1));
    let value = &values(&out)[0];
    let text = value["text"].as_str().unwrap_or("");
    assert!(
        text.contains("Jane Ortiz") && text.contains("Montréal"),
        "{text}"
    );
    assert!(!text.contains("Sport"), "the menu is left out: {text}");
    assert_eq!(value["byline"], "Ann Lee");
    assert_eq!(value["site"], "The Gazette");
    assert_eq!(value["url"], "https://example.org/budget");
    assert_eq!(value["date"], "2024-03-04");
    let keys: Vec<&str> = value
        .as_object()
        .map_or(vec![], |o| o.keys().map(String::as_str).collect());
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "date",
            "byline",
            "site",
            "url",
            "text",
            "language",
            "annotations"
        ]
    );
    let names: Vec<String> = value["annotations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| covered(value, a))
        .collect();
    assert!(names.iter().any(|n| n == "Jane Ortiz"), "{names:?}");
}

#[test]
fn a_text_is_read_as_a_page_when_it_is_one_or_when_told() {
    let sniffed = serde_json::json!({"id": 1, "text": PAGE, "date": "2024-01-01"});
    let (_, out) = run(&format!("{sniffed}\n"));
    let value = &values(&out)[0];
    assert_eq!(value["byline"], "Ann Lee");
    assert_eq!(
        value["date"], "2024-01-01",
        "the line's date overrides the page's"
    );
    // Told it is text, the same line is annotated verbatim, in the evaluation format.
    let mut out = Vec::new();
    let options = JsonlOptions {
        format: Some(Format::Plain),
        ..JsonlOptions::with_jobs(1)
    };
    let result = annotate_jsonl_with(format!("{sniffed}\n").as_bytes(), &mut out, options, |_| {});
    assert!(result.is_ok());
    let value = &values(&String::from_utf8(out).unwrap_or_default())[0];
    assert!(value.get("text").is_none() && value["annotations"].is_array());
}

#[test]
fn markdown_text_gives_the_text_its_offsets_index() {
    let line = serde_json::json!({"id": 1, "text": "# Vote\n\nMayor **Jane Ortiz** spoke."});
    let mut out = Vec::new();
    let options = JsonlOptions {
        format: Some(Format::Markdown),
        ..JsonlOptions::with_jobs(1)
    };
    let result = annotate_jsonl_with(format!("{line}\n").as_bytes(), &mut out, options, |_| {});
    assert_eq!(result.map_err(|e| e.to_string()), Ok(1));
    let value = &values(&String::from_utf8(out).unwrap_or_default())[0];
    assert_eq!(value["title"], "Vote");
    assert!(!value["text"].as_str().unwrap_or("*").contains('*'));
}

#[test]
fn the_date_given_resolves_the_lines_that_give_none() {
    let input = "{\"id\": \"a\", \"text\": \"The mayor spoke on Friday.\"}\n\
                 {\"id\": \"b\", \"text\": \"The mayor spoke on Friday.\", \"date\": \"2021-06-07\"}\n";
    let mut out = Vec::new();
    let options = JsonlOptions {
        date: Some(jiff::civil::date(2020, 1, 6)),
        ..JsonlOptions::with_jobs(1)
    };
    assert_eq!(
        annotate_jsonl_with(input.as_bytes(), &mut out, options, |_| {}).map_err(|e| e.to_string()),
        Ok(2)
    );
    let lines = values(&String::from_utf8(out).unwrap_or_default());
    let value = |line: &Value| line["annotations"][0]["value"].clone();
    assert_eq!(
        value(&lines[0]),
        "2020-01-03",
        "the day given, for the line without one"
    );
    assert_eq!(value(&lines[1]), "2021-06-04", "a line's own date wins");
    // Without it, the line without a date has a date but no day to resolve it to.
    let (_, out) = run("{\"id\": \"a\", \"text\": \"The mayor spoke on Friday.\"}\n");
    assert_eq!(value(&values(&out)[0]), Value::Null);
}
