//! Tests of the side pane's rows: grouping, timeline order, quote openings.

use proptest::prelude::*;

use super::build::timeline_key;
use super::shape::opening_words;
use super::*;
use crate::annotation::{Annotation, AnnotationKind, DateInfo, EntityGroup, Kind, QuoteInfo};

/// Every item of `tab`, shaped as the side pane draws them.
fn items(rows: &Rows, tab: Tab, text: &str, set: &AnnotationSet) -> Vec<Item> {
    (0..rows.len(tab))
        .filter_map(|i| rows.item(tab, i, text, set))
        .collect()
}

fn entity(span: std::ops::Range<usize>, label: EntityLabel, group: usize) -> Annotation {
    Annotation {
        span,
        kind: AnnotationKind::Entity { label, group },
    }
}

fn date(span: std::ops::Range<usize>, value: Option<&str>) -> Annotation {
    let info = DateInfo {
        value: value.map(str::to_string),
        explanation: None,
    };
    Annotation {
        span,
        kind: AnnotationKind::Date(Box::new(info)),
    }
}

const TEXT: &str =
    "Ann Lee met Bob in Paris on Monday. Lee said \"hi there\" in 2003. Lee left Monday.";

fn set() -> AnnotationSet {
    let groups = vec![
        EntityGroup {
            id: 0,
            label: EntityLabel::Person,
            name: "Ann Lee".into(),
            aliases: vec!["Lee".into()],
        },
        EntityGroup {
            id: 1,
            label: EntityLabel::Person,
            name: "Bob".into(),
            aliases: vec![],
        },
        EntityGroup {
            id: 2,
            label: EntityLabel::Place,
            name: "Paris".into(),
            aliases: vec![],
        },
    ];
    let speaker = QuoteInfo {
        speaker: None,
        speaker_group: None,
        speaker_span: None,
        ..QuoteInfo::default()
    };
    AnnotationSet::new(
        vec![
            entity(0..7, EntityLabel::Person, 0),
            entity(12..15, EntityLabel::Person, 1),
            entity(19..24, EntityLabel::Place, 2),
            date(28..34, Some("2020-01-06")),
            entity(36..39, EntityLabel::Person, 0),
            Annotation {
                span: 45..55,
                kind: AnnotationKind::Quote(Box::new(speaker)),
            },
            date(59..63, Some("2003")),
            entity(65..68, EntityLabel::Person, 0),
            date(74..80, Some("2020-01-06")),
        ],
        groups,
    )
}

#[test]
fn entities_grouped_by_label_most_mentioned_first() {
    let set = set();
    let rows = Rows::new(&set);
    let items = items(&rows, Tab::Entities, TEXT, &set);
    let titles: Vec<_> = items
        .iter()
        .map(|i| (i.section.as_deref(), i.title.as_str(), i.aside.as_str()))
        .collect();
    assert_eq!(
        titles,
        vec![
            (Some("People"), "Ann Lee", "3"),
            (None, "Bob", "1"),
            (Some("Places"), "Paris", "1")
        ]
    );
    assert_eq!(items[0].detail.as_deref(), Some("also Lee"));
    assert_eq!(rows.item_of(Tab::Entities, 4), Some(0));
}

#[test]
fn dates_form_a_timeline_with_the_words_gathered() {
    let set = set();
    let rows = Rows::new(&set);
    let items = items(&rows, Tab::Dates, TEXT, &set);
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0].title.as_str(), items[0].aside.as_str()),
        ("2003", "2003")
    );
    assert_eq!(
        (items[1].title.as_str(), items[1].aside.as_str()),
        ("2020-01-06", "Monday")
    );
    assert_eq!(rows.anchors(Tab::Dates, 1).len(), 2);
}

#[test]
fn quotes_name_an_unknown_speaker() {
    let set = set();
    let rows = Rows::new(&set);
    let items = items(&rows, Tab::Quotes, TEXT, &set);
    assert_eq!(items[0].section.as_deref(), Some("Speaker unknown"));
    assert_eq!(items[0].title, "\"hi there\"");
    assert!(rows.is_empty(Tab::Notes));
}

fn quote(span: std::ops::Range<usize>, speaker: Option<&str>, group: Option<usize>) -> Annotation {
    let info = QuoteInfo {
        speaker: speaker.map(str::to_string),
        speaker_group: group,
        speaker_span: None,
        ..QuoteInfo::default()
    };
    Annotation {
        span,
        kind: AnnotationKind::Quote(Box::new(info)),
    }
}

#[test]
fn quotes_are_grouped_by_speaker_in_order_of_their_first_quote() {
    let text = "\"a\" \"b\" \"c\" \"d\" \"e\"";
    let set = AnnotationSet::new(
        vec![
            quote(0..3, Some("Ann Lee"), Some(0)),
            quote(4..7, None, None),
            quote(8..11, Some("Bo Chen"), None),
            quote(12..15, Some("Lee"), Some(0)),
            quote(16..19, Some("bo chen"), None),
        ],
        vec![EntityGroup {
            id: 0,
            label: EntityLabel::Person,
            name: "Ann Lee".into(),
            aliases: vec!["Lee".into()],
        }],
    );
    let rows = Rows::new(&set);
    let shaped = items(&rows, Tab::Quotes, text, &set);
    let got: Vec<(Option<&str>, &str)> = shaped
        .iter()
        .map(|i| (i.section.as_deref(), i.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Ann Lee · 2 quotes"), "\"a\""),
            (None, "\"d\""),
            (Some("Bo Chen · 2 quotes"), "\"c\""),
            (None, "\"e\""),
            (Some("Speaker unknown"), "\"b\""),
        ]
    );
}

#[test]
fn opening_words_cut_long_quotes_at_a_word() {
    let long = "“".to_string() + &"word ".repeat(40);
    let got = opening_words(&long);
    assert!(got.ends_with('…') && got.len() <= 64, "{got}");
}

/// A long quote without spaces (CJK, or decomposed accents) is cut between clusters: the
/// letter before the cut keeps its accent.
#[test]
fn opening_words_never_cut_a_letter_from_its_accent() {
    let long = "a".to_string() + &"e\u{301}".repeat(60);
    let got = opening_words(&long);
    let kept = got.trim_end_matches('…');
    assert!(got.ends_with('…') && kept.len() < long.len(), "{got}");
    assert_eq!(kept, "a".to_string() + &"e\u{301}".repeat(kept.len() / 3));
}

#[test]
fn timeline_order_is_the_calendar_then_references_then_the_unplaceable() {
    let mut v = vec![
        None,
        Some("FUTURE_REF"),
        Some("2014-10"),
        Some("XXXX-10"),
        Some("2014"),
        Some("2003-SU"),
    ];
    v.sort_by_key(|v| timeline_key(*v));
    let want = vec![
        Some("2003-SU"),
        Some("2014"),
        Some("2014-10"),
        Some("FUTURE_REF"),
        Some("XXXX-10"),
        None,
    ];
    assert_eq!(v, want);
}

proptest! {
    #[test]
    fn opening_words_never_panic_and_stay_short(s in "\\PC{0,200}") {
        let got = opening_words(&s);
        prop_assert!(got.len() <= 80, "{got}");
    }
}

/// Any annotations: `(kind, start, len, variant)` with the kind 0-2 (entity, date, quote).
fn any_set() -> impl Strategy<Value = AnnotationSet> {
    let groups = proptest::collection::vec((0u8..5, 0usize..3), 0..6);
    let items = proptest::collection::vec((0u8..3, 0usize..200, 1usize..20, 0usize..8), 0..60);
    (groups, items).prop_map(|(groups, items)| {
        let labels = [
            EntityLabel::Person,
            EntityLabel::Org,
            EntityLabel::Place,
            EntityLabel::Norp,
            EntityLabel::Misc,
        ];
        let groups: Vec<EntityGroup> = groups
            .into_iter()
            .enumerate()
            .map(|(id, (label, aliases))| EntityGroup {
                id,
                label: labels[usize::from(label)],
                name: format!("name {id}"),
                aliases: (0..aliases).map(|k| format!("alias {k}")).collect(),
            })
            .collect();
        let n = groups.len();
        let annotations = items
            .into_iter()
            .filter(|&(kind, ..)| kind != 0 || n > 0)
            .map(|(kind, start, len, v)| Annotation {
                span: start..start + len,
                kind: match kind {
                    0 => AnnotationKind::Entity {
                        label: labels[v % 5],
                        group: v % n.max(1),
                    },
                    1 => DateInfo {
                        value: (v % 4 != 0).then(|| format!("20{:02}", v % 3)),
                        explanation: (v % 2 == 0).then(|| "because".to_string()),
                    }
                    .into(),
                    _ => QuoteInfo {
                        speaker: (v % 3 != 0).then(|| format!("Speaker {}", v % 2)),
                        speaker_group: (v % 4 == 1 && n > 0).then_some(0),
                        speaker_span: None,
                        ..QuoteInfo::default()
                    }
                    .into(),
                },
            })
            .collect();
        AnnotationSet::new(annotations, groups)
    })
}

proptest! {
    /// The compact rows agree with the items shaped from them: every annotation belongs to
    /// the one item of its tab that lists it, heights (what scrolling uses) match the
    /// shaped text, and the line lookups invert each other.
    #[test]
    fn compact_rows_agree_with_their_shaped_items(set in any_set()) {
        let text = "x".repeat(256);
        let rows = Rows::new(&set);
        for tab in [Tab::Entities, Tab::Dates, Tab::Quotes] {
            let shaped = items(&rows, tab, &text, &set);
            prop_assert_eq!(shaped.len(), rows.len(tab));
            let mut line = 0;
            for (i, item) in shaped.iter().enumerate() {
                prop_assert_eq!(rows.height(tab, i), item.height(i == 0));
                prop_assert_eq!(rows.line_of_item(tab, i), line);
                prop_assert_eq!(rows.item_at_line(tab, line), Some(i));
                line += item.height(i == 0);
                let anchors = rows.anchors(tab, i);
                prop_assert!(!anchors.is_empty());
                for a in anchors.iter() {
                    prop_assert_eq!(rows.item_of(tab, a), Some(i));
                }
            }
            prop_assert_eq!(rows.total_lines(tab), line);
            prop_assert_eq!(rows.item_at_line(tab, line), None);
        }
        for (a, annotation) in set.items().iter().enumerate() {
            let tab = match annotation.kind() {
                Kind::Entity => Tab::Entities,
                Kind::Date => Tab::Dates,
                Kind::Quote => Tab::Quotes,
            };
            let item = rows.item_of(tab, a);
            prop_assert!(item.is_some(), "annotation {} in no item", a);
            let others = Tab::ALL.iter().filter(|&&t| t != tab);
            for &t in others {
                prop_assert_eq!(rows.item_of(t, a), None);
            }
            if let Some(g) = annotation.group() {
                prop_assert_eq!(rows.entity_item(g), item);
            }
        }
    }
}
