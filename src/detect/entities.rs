//! Entity detection: people, organisations, places, nationalities (NORP) and other named
//! things (MISC), with mentions of the same entity grouped.
//!
//! The pipeline: [`tokens`] splits the text; [`features`] describes each token (word,
//! shape, affixes, casing, [`gazetteer`] membership, context); the averaged-perceptron
//! [`model`] (trained by `src/bin/train-ner.rs` through [`train`], shipped in
//! `data/ner-model.bin`) tags tokens BIO; [`mentions`] turns tags into spans and applies the
//! document-level rules (titles out, NORP, consistency, acronyms); [`grouping`] builds the
//! entity groups. Spans are byte ranges into the text, never including a possessive `'s`.

pub mod acronyms;
pub mod features;
pub mod gazetteer;
pub mod grouping;
pub mod hash;
pub mod mentions;
pub mod model;
pub mod tokens;
pub mod train;

use crate::annotation::{Annotation, EntityGroup};

/// Finds the entity mentions of `text` and the groups they belong to.
pub fn detect(text: &str) -> (Vec<Annotation>, Vec<EntityGroup>) {
    let toks = tokens::tokenize(text);
    let doc = features::DocFeatures::new(text, &toks);
    let tags = match model::shipped() {
        Some(m) => m.tag(text, &toks, &doc),
        None => vec![model::O; toks.len()],
    };
    let found = mentions::refine(text, &toks, &doc, mentions::from_tags(&tags));
    grouping::group(text, &toks, &found)
}
