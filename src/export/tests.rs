//! Export tests: the document JSON on a tiny article, the JSONL driver and its errors.

use super::*;
use crate::annotation::{DateInfo, EntityGroup, EntityLabel, QuoteInfo};
use crate::article::Meta;

fn tiny() -> (Article, AnnotationSet) {
    // Multi-byte text before the annotations so byte and code point offsets differ.
    let text = "中文 Trump: “We stay,” Donald Trump said on Monday.";
    let meta = Meta {
        title: Some("Tiny".into()),
        date: Some(jiff::civil::date(2020, 1, 6)),
        ..Meta::default()
    };
    let article = Article::from_verbatim(text.to_string(), meta);
    let span = |s: &str, nth: usize| {
        let start = text.match_indices(s).nth(nth).map_or(0, |(i, _)| i);
        start..start + s.len()
    };
    let set = AnnotationSet::new(
        vec![
            Annotation {
                span: span("Trump", 0),
                kind: AnnotationKind::Entity {
                    label: EntityLabel::Person,
                    group: 0,
                },
            },
            Annotation {
                span: span("Donald Trump", 0),
                kind: AnnotationKind::Entity {
                    label: EntityLabel::Person,
                    group: 0,
                },
            },
            Annotation {
                span: span("Monday", 0),
                kind: AnnotationKind::Date(Box::new(DateInfo {
                    value: Some("2020-01-06".into()),
                    explanation: Some("the publication day".into()),
                })),
            },
            Annotation {
                span: span("“We stay,”", 0),
                kind: AnnotationKind::Quote(Box::new(QuoteInfo {
                    speaker: Some("Trump".into()),
                    speaker_group: Some(0),
                    speaker_span: Some(span("Donald Trump", 0)),
                })),
            },
            Annotation {
                span: span("Trump", 1),
                kind: AnnotationKind::Quote(Box::default()),
            },
        ],
        vec![EntityGroup {
            id: 0,
            label: EntityLabel::Person,
            name: "Donald Trump".into(),
            aliases: vec!["Trump".into()],
        }],
    );
    (article, set)
}

#[test]
fn document_json_of_a_tiny_article() {
    let (article, set) = tiny();
    let value = document_json(&article, &set);
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap_or_default());
}

#[test]
fn document_offsets_are_code_points() {
    let (article, set) = tiny();
    let value = document_json(&article, &set);
    let chars: Vec<char> = article.text.chars().collect();
    for a in value["annotations"].as_array().into_iter().flatten() {
        let (start, end) = (
            a["start"].as_u64().unwrap_or(0) as usize,
            a["end"].as_u64().unwrap_or(0) as usize,
        );
        let s: String = chars[start..end].iter().collect();
        assert!(
            ["Trump", "Donald Trump", "Monday", "“We stay,”"].contains(&s.as_str()),
            "{s}"
        );
    }
}

fn run(input: &str) -> (Result<usize, String>, String) {
    let mut out = Vec::new();
    let result = annotate_jsonl(input.as_bytes(), &mut out).map_err(|e| e.to_string());
    (result, String::from_utf8(out).unwrap_or_default())
}

#[test]
fn jsonl_writes_one_line_per_document() {
    let input = "{\"id\": \"a\", \"text\": \"it was quiet.\", \"date\": \"2020-01-06\"}\n\n{\"id\": 7, \"text\": \"中\", \"annotations\": []}\n";
    let (result, out) = run(input);
    assert_eq!(result, Ok(2));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
        .collect();
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

#[test]
fn jsonl_errors_name_the_line_and_write_nothing() {
    let good = "{\"id\": \"a\", \"text\": \"x\"}\n";
    let cases = [
        format!("{good}{{\"id\": \"b\", \"text\": \"x\"\n"),
        format!("{good}{good}{{\"id\": \"b\"}}\n"),
        format!("{{\"text\": \"x\"}}\n{good}"),
        format!("{good}{{\"id\": \"b\", \"text\": 3}}\n"),
        format!("{good}{{\"id\": \"b\", \"text\": \"x\", \"date\": \"2020-02-30\"}}\n"),
        format!("{good}{{\"id\": null, \"text\": \"x\"}}\n"),
        format!("{good}[1, 2]\n"),
    ];
    let mut report = String::new();
    for input in &cases {
        let (result, out) = run(input);
        assert_eq!(out, "", "nothing written for {input:?}");
        report.push_str(&result.err().unwrap_or_default());
        report.push('\n');
    }
    let mut out = Vec::new();
    let bad_utf8 = annotate_jsonl(&b"{\"id\": \"a\", \"text\": \"\xFF\"}\n"[..], &mut out)
        .map_err(|e| e.to_string());
    report.push_str(&bad_utf8.err().unwrap_or_default());
    insta::assert_snapshot!(report);
}
