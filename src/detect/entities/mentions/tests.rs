//! Tests of the document-level rules applied to the tagger's mentions.

use super::super::tokens::tokenize;
use super::*;

#[test]
fn spans_from_bio_tags() {
    let text = "a b c d e f g h";
    let m = from_tags(&tokenize(text), &[0, 1, 2, 0, 5, 5, 6, 8]);
    let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.first, m.last)).collect();
    // A stray I- tag starts a mention of its own.
    assert_eq!(spans, [(1, 3), (4, 5), (5, 7), (7, 8)]);
    assert_eq!(m[1].label, EntityLabel::Place);
}

fn mention(text: &str, toks: &[Token], m: &Mention) -> String {
    text[toks[m.first].start()..toks[m.last - 1].end()].to_string()
}

/// Refines tagger mentions given as (first token, last token, label) and returns the
/// resulting mentions as (text, label).
fn refined(text: &str, tagged: &[(usize, usize, EntityLabel)]) -> Vec<(String, EntityLabel)> {
    let toks = tokenize(text);
    let doc = DocFeatures::new(text, &toks);
    let tagged = tagged
        .iter()
        .map(|&(first, last, label)| Mention { first, last, label })
        .collect();
    refine(text, &toks, &doc, tagged)
        .iter()
        .map(|m| (mention(text, &toks, m), m.label))
        .collect()
}

#[test]
fn titles_and_countries_come_out_of_person_names() {
    let text = "US President Donald Trump met Maj. Gen. Jennie Carignan.";
    let got = refined(
        text,
        &[(0, 4, EntityLabel::Person), (5, 9, EntityLabel::Person)],
    );
    assert_eq!(
        got,
        [
            ("US".to_string(), EntityLabel::Place),
            ("Donald Trump".to_string(), EntityLabel::Person),
            ("Jennie Carignan".to_string(), EntityLabel::Person),
        ]
    );
}

#[test]
fn surnames_and_acronyms_are_tagged_everywhere() {
    let text = "Donald Trump met the Department of National Defense. Later Trump and DND spoke.";
    let got = refined(
        text,
        &[(0, 2, EntityLabel::Person), (4, 8, EntityLabel::Org)],
    );
    assert!(got.contains(&("Trump".to_string(), EntityLabel::Person)));
    assert!(got.contains(&("DND".to_string(), EntityLabel::Org)));
}

#[test]
fn lone_titles_function_words_and_numerals_are_dropped() {
    let text = "Prince said How XIV Paris";
    let toks = tokenize(text);
    let doc = DocFeatures::new(text, &toks);
    let all = (0..5).filter(|&i| i != 1).map(|i| Mention {
        first: i,
        last: i + 1,
        label: EntityLabel::Place,
    });
    let ms = refine(text, &toks, &doc, all.collect());
    assert_eq!(
        ms,
        [Mention {
            first: 4,
            last: 5,
            label: EntityLabel::Place
        }]
    );
}

#[test]
fn person_spans_stop_at_lowercase_words_but_not_particles() {
    let text = "Tyson in Las Vegas met Vincent van Gogh.";
    let got = refined(
        text,
        &[(0, 4, EntityLabel::Person), (5, 8, EntityLabel::Person)],
    );
    assert_eq!(
        got,
        [
            ("Tyson".to_string(), EntityLabel::Person),
            ("Las Vegas".to_string(), EntityLabel::Place),
            ("Vincent van Gogh".to_string(), EntityLabel::Person),
        ]
    );
}

#[test]
fn organisations_extend_over_of() {
    let text = "the Watson Institute of International and Public Affairs said";
    let toks = tokenize(text);
    let mut ms = vec![
        Mention {
            first: 1,
            last: 3,
            label: EntityLabel::Org,
        },
        Mention {
            first: 4,
            last: 5,
            label: EntityLabel::Org,
        },
        Mention {
            first: 6,
            last: 8,
            label: EntityLabel::Org,
        },
    ];
    extend_org_of(text, &toks, &mut ms);
    assert_eq!(
        ms,
        [Mention {
            first: 1,
            last: 8,
            label: EntityLabel::Org
        }]
    );
}

#[test]
fn demonym_shapes() {
    assert!(demonym_shaped("Europeans") && demonym_shaped("Sunnis") && demonym_shaped("Danish"));
    assert!(!demonym_shaped("Olympic") && !demonym_shaped("NBA") && !demonym_shaped("Taji"));
}

#[test]
fn demonyms_become_norp() {
    let got = refined("Canadian troops met Iraqis.", &[(0, 1, EntityLabel::Misc)]);
    let labels: Vec<EntityLabel> = got.iter().map(|(_, label)| *label).collect();
    assert_eq!(labels, [EntityLabel::Norp, EntityLabel::Norp]);
}
