//! Each kind of correction on a small hand-annotated text, and corrections surviving
//! random edits away from them.

use super::*;
use crate::annotation::{EntityGroup, Kind};
use jiff::Timestamp;
use proptest::prelude::*;

pub(crate) const TEXT: &str = "Operation Impact moved to Baghdad. Iraqi troops and Iraqis \
watched. “We respect your decision,” commented the letter on Sunday. DND said no.";

fn span(text: &str, word: &str) -> Range<usize> {
    let start = text.find(word).unwrap_or(0);
    start..start + word.len()
}

fn ent(text: &str, word: &str, label: EntityLabel, group: usize) -> Annotation {
    Annotation {
        span: span(text, word),
        kind: AnnotationKind::Entity { label, group },
    }
}

fn group(id: usize, label: EntityLabel, name: &str) -> EntityGroup {
    EntityGroup {
        id,
        label,
        name: name.into(),
        aliases: vec![],
    }
}

/// What a detector might find in [`TEXT`], mistakes included.
pub(crate) fn detected(text: &str) -> AnnotationSet {
    use EntityLabel::*;
    let items = vec![
        ent(text, "Operation Impact", Place, 0),
        ent(text, "Baghdad", Place, 1),
        ent(text, "Iraqi", Norp, 2),
        ent(text, "Iraqis", Norp, 3),
        ent(text, "DND", Org, 4),
        Annotation {
            span: span(text, "“We respect your decision,”"),
            kind: QuoteInfo {
                speaker: Some("the letter".into()),
                ..QuoteInfo::default()
            }
            .into(),
        },
        Annotation {
            span: span(text, "Sunday"),
            kind: DateInfo {
                value: Some("2020-01-05".into()),
                explanation: None,
            }
            .into(),
        },
    ];
    let groups = vec![
        group(0, Place, "Operation Impact"),
        group(1, Place, "Baghdad"),
        group(2, Norp, "Iraqi"),
        group(3, Norp, "Iraqis"),
        group(4, Org, "DND"),
    ];
    AnnotationSet::new(items, groups)
}

/// A correction of `word`, made a second after the previous one (later ones win).
pub(crate) fn fix(text: &str, word: &str, change: Change) -> Correction {
    static CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
    let second = CLOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let now = Timestamp::from_second(second).unwrap_or(Timestamp::UNIX_EPOCH);
    let target = Target::from_range(text, span(text, word), &CodePoints::new(text));
    Correction::new(target, "", change, now)
}

fn corrected(corrections: &[Correction]) -> (AnnotationSet, Vec<Placement>) {
    let mut set = detected(TEXT);
    let placed = apply(&mut set, TEXT, corrections, &Lexicon::default());
    (set, placed)
}

fn at<'a>(set: &'a AnnotationSet, word: &str, kind: Kind) -> Option<(usize, &'a Annotation)> {
    let span = span(TEXT, word);
    set.items()
        .iter()
        .enumerate()
        .find(|(_, a)| a.span == span && a.kind() == kind)
}

fn label_of(set: &AnnotationSet, word: &str) -> Option<EntityLabel> {
    match at(set, word, Kind::Entity)?.1.kind {
        AnnotationKind::Entity { label, .. } => Some(label),
        _ => None,
    }
}

fn group_name<'a>(set: &'a AnnotationSet, word: &str) -> Option<&'a str> {
    let g = at(set, word, Kind::Entity)?.1.group()?;
    Some(set.group(g)?.name.as_str())
}

fn quote(set: &AnnotationSet) -> &QuoteInfo {
    match &set.items()[set.of_kind(Kind::Quote).next().unwrap_or(0)].kind {
        AnnotationKind::Quote(q) => q,
        other => panic!("not a quote: {other:?}"),
    }
}

#[test]
fn a_kind_is_corrected_and_marked() {
    let label = EntityLabel::Misc;
    let (set, placed) = corrected(&[fix(TEXT, "Operation Impact", Change::EntityKind { label })]);
    assert!(matches!(placed[..], [Placement::Applied(_)]));
    assert_eq!(label_of(&set, "Operation Impact"), Some(label));
    let (i, _) = at(&set, "Operation Impact", Kind::Entity).unwrap();
    assert!(set.is_corrected(i));
    assert_eq!(set.corrected_count(), 1, "nothing else is marked");
    assert_eq!(
        set.groups()
            .iter()
            .find(|g| g.name == "Operation Impact")
            .map(|g| g.label),
        Some(label)
    );
}

#[test]
fn not_an_entity_not_a_date_not_a_quote_remove() {
    let (set, _) = corrected(&[
        fix(TEXT, "Baghdad", Change::NotEntity),
        fix(TEXT, "Sunday", Change::NotDate),
        fix(TEXT, "“We respect your decision,”", Change::NotQuote),
    ]);
    assert!(at(&set, "Baghdad", Kind::Entity).is_none());
    assert_eq!(
        set.of_kind(Kind::Date).count() + set.of_kind(Kind::Quote).count(),
        0
    );
    assert!(
        set.groups().iter().all(|g| g.name != "Baghdad"),
        "an empty group goes"
    );
    assert!(set.groups().iter().enumerate().all(|(i, g)| g.id == i));
}

#[test]
fn groups_merge_move_split_and_rename() {
    let (set, _) = corrected(&[
        fix(
            TEXT,
            "Iraqis",
            Change::MergeGroups {
                into: "Iraqi".into(),
            },
        ),
        fix(
            TEXT,
            "DND",
            Change::RenameGroup {
                name: "Department of National Defense".into(),
            },
        ),
    ]);
    assert_eq!(group_name(&set, "Iraqis"), Some("Iraqi"));
    let g = &set.groups()[at(&set, "Iraqis", Kind::Entity).unwrap().1.group().unwrap()];
    assert_eq!(g.aliases, vec!["Iraqis".to_owned()]);
    assert_eq!(
        group_name(&set, "DND"),
        Some("Department of National Defense")
    );
    let (set, _) = corrected(&[
        fix(
            TEXT,
            "Baghdad",
            Change::MoveToGroup {
                group: "Operation Impact".into(),
            },
        ),
        fix(TEXT, "Baghdad", Change::SplitOff),
    ]);
    assert_eq!(
        group_name(&set, "Baghdad"),
        Some("Baghdad"),
        "the later correction wins"
    );
    let (set, placed) = corrected(&[fix(
        TEXT,
        "Iraqis",
        Change::MergeGroups {
            into: "Nobody".into(),
        },
    )]);
    assert!(matches!(placed[..], [Placement::Unmatched(_)]));
    assert_eq!(group_name(&set, "Iraqis"), Some("Iraqis"));
}

#[test]
fn a_speaker_is_named_linked_or_unknown() {
    let (set, _) = corrected(&[fix(
        TEXT,
        "“We respect your decision,”",
        Change::Speaker { name: "DND".into() },
    )]);
    let q = quote(&set);
    assert_eq!(q.speaker.as_deref(), Some("DND"));
    assert_eq!(
        q.speaker_group
            .and_then(|g| set.group(g))
            .map(|g| g.name.as_str()),
        Some("DND")
    );
    let (set, _) = corrected(&[fix(
        TEXT,
        "“We respect your decision,”",
        Change::SpeakerUnknown,
    )]);
    assert_eq!(quote(&set).speaker, None);
}

#[test]
fn a_date_value_and_spans_change() {
    let value = Change::DateValue {
        value: "2020-01-12".into(),
    };
    let wider = Target::from_range(TEXT, span(TEXT, "on Sunday"), &CodePoints::new(TEXT));
    let (set, _) = corrected(&[
        fix(TEXT, "Sunday", value),
        fix(TEXT, "Sunday", Change::DateSpan { span: wider }),
    ]);
    let (i, a) = at(&set, "on Sunday", Kind::Date).expect("the date grew by a word");
    assert!(set.is_corrected(i));
    assert!(matches!(&a.kind, AnnotationKind::Date(d) if d.value.as_deref() == Some("2020-01-12")));
    let shorter = Target::from_range(TEXT, span(TEXT, "Impact"), &CodePoints::new(TEXT));
    let (set, _) = corrected(&[fix(
        TEXT,
        "Operation Impact",
        Change::EntitySpan { span: shorter },
    )]);
    assert!(at(&set, "Impact", Kind::Entity).is_some());
}

#[test]
fn missed_annotations_are_added_from_a_selection() {
    let (set, _) = corrected(&[
        fix(
            TEXT,
            "troops",
            Change::AddEntity {
                label: EntityLabel::Org,
            },
        ),
        fix(
            TEXT,
            "watched",
            Change::AddDate {
                value: Some("2020".into()),
            },
        ),
        fix(
            TEXT,
            "DND said no",
            Change::AddQuote {
                speaker: Some("Baghdad".into()),
            },
        ),
    ]);
    assert_eq!(label_of(&set, "troops"), Some(EntityLabel::Org));
    assert!(at(&set, "watched", Kind::Date).is_some());
    let (i, _) = at(&set, "DND said no", Kind::Quote).unwrap();
    assert!(set.is_corrected(i));
}

#[test]
fn a_correction_whose_words_are_gone_is_detached() {
    let c = fix(TEXT, "Operation Impact", Change::NotEntity);
    let edited = TEXT.replace("Operation Impact", "Something else entirely");
    let mut set = detected(&edited);
    let placed = apply(&mut set, &edited, &[c], &Lexicon::default());
    assert_eq!(placed, vec![Placement::Detached]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Text inserted or removed away from the corrected passages (before, between or after
    /// them): every correction is still applied, to the same words.
    #[test]
    fn corrections_survive_edits_away_from_them(
        insert in "[A-Za-z ,.]{0,60}",
        at_sentence in 0usize..3,
        delete_tail in proptest::bool::ANY,
    ) {
        let corrections = [
            fix(TEXT, "Operation Impact", Change::EntityKind { label: EntityLabel::Misc }),
            fix(TEXT, "Iraqis", Change::MergeGroups { into: "Iraqi".into() }),
            fix(TEXT, "“We respect your decision,”", Change::Speaker { name: "Baghdad".into() }),
        ];
        let cuts: Vec<usize> = TEXT.match_indices(". ").map(|(i, _)| i + 2).collect();
        let cut = cuts[at_sentence.min(cuts.len() - 1)];
        let mut edited = format!("{}{} {}", &TEXT[..cut], insert, &TEXT[cut..]);
        if delete_tail {
            edited = edited.replace(" DND said no.", "");
        }
        let mut set = detected(&edited);
        let placed = apply(&mut set, &edited, &corrections, &Lexicon::default());
        for (p, word) in placed.iter().zip(["Operation Impact", "Iraqis", "“We respect your decision,”"]) {
            let range = match p {
                Placement::Applied(r) => r.clone(),
                other => return Err(TestCaseError::fail(format!("{word}: {other:?}"))),
            };
            prop_assert_eq!(&edited[range], word);
        }
    }
}
