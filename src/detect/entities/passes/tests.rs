//! Reading a text in chunks finds what reading it whole finds: the document-wide facts
//! (second-pass hints, consistency, acronyms, grouping) cross chunk boundaries.

use super::super::hash::word_hash_lower;
use super::super::tokens::{Token, tokenize};
use super::*;
use crate::annotation::AnnotationKind;
use proptest::prelude::*;

/// Paragraphs that refer to one another: an acronym spelled out in the first and used in
/// the last, a full name first and the surname alone later, words tagged in one paragraph
/// and met again in another.
const STORY: &str = "Canadian officials at the Department of National Defense said on Friday \
that the mission would go on. Maj. Gen. Jennie Carignan leads it from Baghdad.\n\n\
The weather was cold and the roads were closed for most of the week, so little else \
happened in the city that anyone would remember later.\n\n\
Nobody in the small town by the river had heard the news, and the market opened as it \
did every other morning of the year.\n\n\
A DND spokesman said Carignan would stay in Iraq until the spring. National pride \
matters, Carignan agreed.";

/// A chunk size that gives each paragraph of [`STORY`] a chunk of its own.
const SMALL: usize = 100;

fn whole(text: &str) -> (Vec<Annotation>, Vec<EntityGroup>) {
    detect(text, usize::MAX, &mut |_| {})
}

fn in_chunks(text: &str, size: usize) -> (Vec<Annotation>, Vec<EntityGroup>) {
    detect(text, size, &mut |_| {})
}

/// Each mention's text and its group's name.
fn named(text: &str, found: &(Vec<Annotation>, Vec<EntityGroup>)) -> Vec<(String, String)> {
    let (anns, groups) = found;
    anns.iter()
        .filter_map(|a| match a.kind {
            AnnotationKind::Entity { group, .. } => Some((
                text[a.span.clone()].to_string(),
                groups.get(group).map_or(String::new(), |g| g.name.clone()),
            )),
            _ => None,
        })
        .collect()
}

/// The chunk (of `size` bytes) holding the first occurrence of `word`.
fn chunk_of(text: &str, size: usize, word: &str) -> Option<usize> {
    let at = text.find(word)?;
    chunks::cut(text, size).iter().position(|c| c.contains(&at))
}

#[test]
fn the_story_spans_chunks() {
    assert_eq!(chunks::cut(STORY, SMALL).len(), 4);
    assert_ne!(
        chunk_of(STORY, SMALL, "Department"),
        chunk_of(STORY, SMALL, "DND")
    );
    assert_ne!(
        chunk_of(STORY, SMALL, "Jennie"),
        chunk_of(STORY, SMALL, "said Carignan")
    );
}

#[test]
fn an_acronym_defined_in_one_chunk_is_found_in_another() {
    let found = in_chunks(STORY, SMALL);
    let named = named(STORY, &found);
    let dnd = (
        "DND".to_string(),
        "Department of National Defense".to_string(),
    );
    assert!(named.contains(&dnd), "{named:?}");
    assert_eq!(found, whole(STORY));
}

#[test]
fn a_surname_joins_the_full_name_from_another_chunk() {
    let found = in_chunks(STORY, SMALL);
    let named = named(STORY, &found);
    let surname = ("Carignan".to_string(), "Jennie Carignan".to_string());
    assert_eq!(
        named.iter().filter(|m| **m == surname).count(),
        2,
        "{named:?}"
    );
    assert_eq!(found, whole(STORY));
}

/// Each token's second-pass hint, from the first pass run in chunks of `size` bytes.
fn hints_in_chunks(text: &str, size: usize) -> Vec<u8> {
    let chunks = chunks::cut(text, size);
    let mut windows = Windows::new(text, &chunks, context());
    let mut progress = |_| {};
    let mut meter = Meter {
        progress: &mut progress,
        total_bytes: text.len(),
    };
    let casing = casing_pass(&mut windows, &mut meter);
    let Some(first) = model::shipped() else {
        return vec![];
    };
    let hints = hints_pass(text, &mut windows, &casing, first, &mut meter);
    let tokens = tokenize(text);
    let hint = |t: &Token| hints.hint(t, word_hash_lower(t.text(text)));
    tokens.iter().map(hint).collect()
}

#[test]
fn second_pass_hints_count_every_chunk() {
    // The hints of the whole document, as the trainer computes them.
    let tokens = tokenize(STORY);
    let mut doc = DocFeatures::new(STORY, &tokens);
    let whole: Vec<u8> = match model::shipped() {
        Some(m) => {
            let tags = m.tag(STORY, &tokens, &doc);
            doc.set_hints(&tokens, &tags);
            (0..tokens.len()).map(|i| doc.hint(i)).collect()
        }
        None => vec![],
    };
    assert_eq!(hints_in_chunks(STORY, SMALL), whole);
    assert_eq!(hints_in_chunks(STORY, 1), whole);
    // "National" in the last paragraph is hinted by its tags in the first ("Department of
    // National Defense"): alone, the last paragraph does not hint it.
    let last = &STORY[STORY.rfind("\n\n").unwrap_or(0)..];
    let at = |text: &str| {
        let toks = tokenize(text);
        toks.iter().rposition(|t| t.text(text) == "National")
    };
    let alone = hints_in_chunks(last, usize::MAX);
    let (here, there) = (at(STORY).unwrap(), at(last).unwrap());
    assert_ne!(whole[here], alone[there], "the hint crosses paragraphs");
}

#[test]
fn progress_rises_to_one() {
    let mut seen = vec![];
    let _ = detect(STORY, SMALL, &mut |p| seen.push(p));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&1.0));
    assert!(seen.len() > 4 * chunks::cut(STORY, SMALL).len());
}

#[test]
fn tiny_odd_texts_agree() {
    for text in [
        "",
        "\n\n",
        "A\n\nB",
        "NATO\n\n\n\nNorth Atlantic Treaty Organization",
        "”\n\n’s",
    ] {
        assert_eq!(in_chunks(text, 1), whole(text), "{text:?}");
    }
}

/// A paragraph of sentences made of names, acronyms, their expansions and common words.
fn paragraph() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Pierre",
        "Bezukhov",
        "Anna Pavlovna",
        "Prince Andrew",
        "Moscow",
        "Russian",
        "NATO",
        "North Atlantic Treaty Organization",
        "UN",
        "United Nations",
        "the",
        "of",
        "and",
        "said",
        "went",
        "to",
        "he",
        "Mr.",
        "St.",
        "’s",
        "'s",
        "General",
        "Kutuzov",
        "war",
        "peace",
        "“",
        "”",
        ",",
        "-",
        "Again",
        "again",
        "ISIL",
        "Islamic state of Iraq and the Levant",
    ]);
    let sentence = prop::collection::vec(word, 1..12).prop_map(|w| w.join(" ") + ".");
    prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn chunking_never_changes_the_result(
        paras in prop::collection::vec(paragraph(), 1..8),
        sep in prop::sample::select(vec!["\n\n", "\n \n", "\r\n\r\n", "\n\n\n"]),
        size in 1usize..400,
    ) {
        let text = paras.join(sep);
        prop_assert_eq!(in_chunks(&text, size), whole(&text));
    }
}
