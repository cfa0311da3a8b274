//! Export tests: the document JSON on a tiny article (the JSONL driver's are in
//! `jsonl/tests.rs`).

use super::*;
use crate::annotation::{DateInfo, EntityGroup, EntityLabel, Evidence, QuoteInfo};
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
                    evidence: Evidence::Cue,
                    ..QuoteInfo::default()
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

#[test]
fn a_document_line_is_the_document_on_one_line_after_its_file() {
    let (article, set) = tiny();
    let bytes = document_line("dir/a.txt", &article, &set).unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    assert!(
        text.ends_with("}\n") && text.matches('\n').count() == 1,
        "{text}"
    );
    assert!(
        text.starts_with("{\"file\":\"dir/a.txt\",\"title\":\"Tiny\""),
        "{text}"
    );
    let mut value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    value.as_object_mut().map(|o| o.remove("file"));
    assert_eq!(value, document_json(&article, &set));
}
