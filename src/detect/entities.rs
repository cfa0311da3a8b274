//! Entity detection: people, organisations, places, nationalities (NORP) and other named
//! things (MISC), with mentions of the same entity grouped.
//!
//! The pipeline: [`tokens`] splits the text; [`features`] describes each token (word,
//! shape, affixes, casing, [`gazetteer`] membership, context, hashed by [`hash`]); the
//! averaged-perceptron [`model`] (trained by `src/bin/train-ner.rs` through [`train`] on
//! CoNLL-2003 train, shipped in `data/ner-model.bin`) tags tokens BIO, and a second model
//! (`data/ner-model-doc.bin`) tags them again knowing how the first pass tagged the same
//! words elsewhere in the document ([`wordstats`]); [`mentions`] turns tags into spans and
//! applies the rules a sentence tagger cannot learn (titles out, NORP, [`consistency`]
//! across the document, [`acronyms`] and their expansions); [`grouping`] builds the entity
//! groups. Spans are byte ranges into the text, never including a possessive `'s`. See
//! `data/README.md` for where the data comes from and how to rebuild it.
//!
//! The text is read in [`chunks`] cut at blank lines, in [`passes`] that keep only compact
//! document-wide facts between them, so a book's detection holds a chunk's tokens at a
//! time, not the book's; the result is the same as reading the text whole.

pub mod acronyms;
pub mod chunks;
pub mod consistency;
pub mod features;
pub mod gazetteer;
pub mod grouping;
pub mod hash;
pub mod located;
pub mod mentions;
pub mod model;
pub mod passes;
pub mod tokens;
pub mod train;
pub mod wordstats;

use crate::annotation::{Annotation, EntityGroup};

/// Finds the entity mentions of `text` and the groups they belong to.
pub fn detect(text: &str) -> (Vec<Annotation>, Vec<EntityGroup>) {
    detect_with_progress(text, &mut |_| {})
}

/// [`detect`], calling `progress` with the fraction of the work done (from 0 to 1,
/// never decreasing) after each chunk of each pass, and with 1 at the end. A book of a few
/// MB reports a few dozen times; a news article once or twice.
pub fn detect_with_progress(
    text: &str,
    progress: &mut dyn FnMut(f32),
) -> (Vec<Annotation>, Vec<EntityGroup>) {
    passes::detect(text, chunks::CHUNK_BYTES, progress)
}

/// [`detect`] reading `text` in chunks of about `chunk_bytes` (cut at blank lines) rather
/// than [`chunks::CHUNK_BYTES`]: the result is the same, only the working set differs.
pub fn detect_chunked(text: &str, chunk_bytes: usize) -> (Vec<Annotation>, Vec<EntityGroup>) {
    passes::detect(text, chunk_bytes, &mut |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::AnnotationKind;
    use proptest::prelude::*;

    /// The detector's output as people read it: one line per mention with its group's name.
    fn render(text: &str) -> String {
        let (anns, groups) = detect(text);
        let mut out = String::new();
        for a in &anns {
            if let AnnotationKind::Entity { label, group } = a.kind {
                let name = groups.get(group).map_or("?", |g| g.name.as_str());
                out.push_str(&format!(
                    "{} {:?} -> {name}\n",
                    label.as_str(),
                    &text[a.span.clone()]
                ));
            }
        }
        out
    }

    #[test]
    fn titles_and_surnames() {
        insta::assert_snapshot!(render(
            "US President Donald Trump met Maj. Gen. Jennie Carignan in Ottawa on Monday. \
             Trump said Carignan's mission would go on."
        ), @r#"
        PLACE "US" -> US
        PERSON "Donald Trump" -> Donald Trump
        PERSON "Jennie Carignan" -> Jennie Carignan
        PLACE "Ottawa" -> Ottawa
        PERSON "Trump" -> Donald Trump
        PERSON "Carignan" -> Jennie Carignan
        "#);
    }

    #[test]
    fn acronyms_and_nationalities() {
        insta::assert_snapshot!(render(
            "Canadian officials at the Department of National Defense said on Friday that \
             Iraqis had asked for help. A DND spokesman said Canada’s troops would stay."
        ), @r#"
        NORP "Canadian" -> Canadian
        ORG "Department of National Defense" -> Department of National Defense
        NORP "Iraqis" -> Iraqis
        ORG "DND" -> Department of National Defense
        PLACE "Canada" -> Canada
        "#);
    }

    #[test]
    fn expansion_with_lowercase_words() {
        insta::assert_snapshot!(render(
            "The coalition fights the Islamic state of Iraq and the Levant. ISIL lost ground \
             in Mosul, officials in Baghdad said."
        ), @r#"
        ORG "Islamic state of Iraq and the Levant" -> Islamic state of Iraq and the Levant
        ORG "ISIL" -> Islamic state of Iraq and the Levant
        PLACE "Mosul" -> Mosul
        PLACE "Baghdad" -> Baghdad
        "#);
    }

    #[test]
    fn groups_list_aliases() {
        let (_, groups) = detect("Angela Merkel spoke in Berlin. Later, Merkel left Berlin.");
        let merkel = groups.iter().find(|g| g.name == "Angela Merkel");
        assert_eq!(
            merkel.map(|g| g.aliases.clone()),
            Some(vec!["Merkel".to_string()])
        );
        assert_eq!(groups.iter().filter(|g| g.name == "Berlin").count(), 1);
    }

    #[test]
    fn possessives_stay_outside_spans() {
        for text in ["Canada's army", "Canada’s army"] {
            let (anns, _) = detect(text);
            assert_eq!(
                anns.first().map(|a| &text[a.span.clone()]),
                Some("Canada"),
                "{text}"
            );
        }
    }

    #[test]
    fn empty_and_unlettered_texts_give_nothing() {
        assert_eq!(detect(""), (vec![], vec![]));
        assert_eq!(detect("  \n\n 12 -- ... !").0, vec![]);
    }

    #[test]
    fn long_runs_of_capitals_stay_linear() {
        let text = "Aa Bb Cc of the Dd Inc. ".repeat(5_000);
        let start = std::time::Instant::now();
        let (anns, _) = detect(&text);
        assert!(anns.iter().all(|a| a.span.end <= text.len()));
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_aligned(text in "\\PC{0,200}") {
            let (anns, groups) = detect(&text);
            for a in &anns {
                prop_assert!(a.span.start < a.span.end && a.span.end <= text.len());
                prop_assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
                prop_assert!(a.group().is_some_and(|g| g < groups.len()));
            }
        }

        #[test]
        fn name_like_texts_never_panic(text in "([A-Z][a-z]{0,6}|of|the|[A-Z]{2,4}|'s|’s|[.,\\-\n ]){0,40}") {
            let (anns, groups) = detect(&text);
            for w in anns.windows(2) {
                prop_assert!(w[0].span.end <= w[1].span.start, "mentions do not overlap");
            }
            for (i, g) in groups.iter().enumerate() {
                prop_assert_eq!(g.id, i);
            }
        }
    }
}
