//! Quote detection and speaker attribution.
//!
//! Runs after entity detection. Quotation marks are paired paragraph by paragraph
//! ([`pairing`]); each quoted region is then attributed from the narration around it
//! ([`cues`]: "X said", "said X", "X, the ..., said", "according to X", a cue in the
//! sentence before or after, a paragraph ending in a colon), and the phrase found is turned
//! into a speaker ([`speaker`]: entity group and fullest name, pronoun resolution). Quotes
//! with no cue of their own take the speaker of a neighbouring quote: the same paragraph,
//! the paragraph they continue, or the alternation of a dialogue. Short quoted phrases
//! inside a sentence with no cue (scare quotes, titles) are not quotes.

mod address;
mod context;
mod cues;
mod lexicon;
mod narrator;
mod pairing;
mod phrases;
mod speaker;
mod turns;
mod words;

use std::ops::Range;

use crate::annotation::{Annotation, AnnotationKind, EntityGroup, EntityLabel, QuoteInfo};
use context::Context;
use pairing::{Paragraph, Region};

/// Finds the direct quotations of `text`; `entities` (entity mentions) and `groups` let
/// speakers be linked to people. Spans include the quotation marks.
pub fn detect(text: &str, entities: &[Annotation], groups: &[EntityGroup]) -> Vec<Annotation> {
    prepare(text).attribute(entities, groups)
}

/// The quotes of a text and the narration cues around them, found before the entities are
/// known: everything but the speakers' link to entity groups. [`detect`](crate::detect)
/// prepares quotes on one thread while the entity detector runs on another.
pub struct Prepared<'a> {
    text: &'a str,
    paras: Vec<Paragraph>,
    regions: Vec<Region>,
    contexts: Vec<Context>,
    /// The fullest form of each name in the text, for speakers named by one word. It needs
    /// only the text, so it is built here (off the entity thread) when any quote has a cue.
    fullest: Option<speaker::FullestNames<'a>>,
}

/// Pairs the quotation marks of `text` and reads the cues around each quote.
pub fn prepare(text: &str) -> Prepared<'_> {
    let paras = pairing::paragraphs(text);
    let regions = pairing::regions(text, &paras);
    let contexts: Vec<Context> = (0..regions.len())
        .map(|i| Context::of(text, &paras, &regions, i))
        .collect();
    let fullest = contexts
        .iter()
        .any(|c| c.phrase.is_some() || c.beat.is_some())
        .then(|| speaker::fullest_names(text));
    Prepared {
        text,
        paras,
        regions,
        contexts,
        fullest,
    }
}

impl Prepared<'_> {
    /// Turns the cues into speakers linked to `groups` and returns the quotes.
    pub fn attribute(self, entities: &[Annotation], groups: &[EntityGroup]) -> Vec<Annotation> {
        let Prepared {
            text,
            paras,
            regions,
            contexts,
            fullest,
        } = self;
        let spans: Vec<Range<usize>> = regions.iter().map(|r| r.span.clone()).collect();
        let mut resolver = speaker::Resolver::new(text, entities, groups, &spans, fullest);
        let mut infos: Vec<Option<QuoteInfo>> = contexts
            .iter()
            .map(|c| c.phrase.as_ref().map(|p| resolver.resolve(p)))
            .collect();
        first_person(text, &regions, &contexts, &mut infos);
        // Few quotes have a beat or address someone: boxed, the rest cost a pointer each.
        let beats: Vec<Option<Box<QuoteInfo>>> = contexts
            .iter()
            .map(|c| c.beat.as_ref().map(|p| Box::new(resolver.resolve(p))))
            .collect();
        // A word opening a quote before a comma may be a verb ("Stay, stay"): there a
        // vocative must be a known person's name.
        let known: std::collections::HashSet<&str> = infos
            .iter()
            .flatten()
            .filter_map(|q| q.speaker.as_deref())
            .chain(
                groups
                    .iter()
                    .filter(|g| g.label == EntityLabel::Person)
                    .map(|g| g.name.as_str()),
            )
            .flat_map(str::split_whitespace)
            .collect();
        let addressees: Vec<Option<Box<QuoteInfo>>> = regions
            .iter()
            .map(|r| {
                address::vocative(text, r.inner.clone())
                    .filter(|v| v.start > r.inner.start || known.contains(&text[v.clone()]))
                    .map(|v| Box::new(resolver.addressee(v)))
            })
            .collect();
        let turns = turns::Turns {
            paras: &paras,
            regions: &regions,
            beats: &beats,
            addressees: &addressees,
        };
        turns.inherit(&mut infos);
        turns.guess(&mut infos);

        drop((beats, addressees, resolver));
        // Sized once: a filtered collect would grow by doubling, up to twice the room.
        let mut quotes = Vec::with_capacity(regions.len());
        quotes.extend(
            regions
                .iter()
                .zip(contexts)
                .zip(infos)
                .filter(|((r, c), _)| !is_scare_quote(text, &paras, r, c))
                .map(|((r, _), info)| Annotation {
                    span: r.span.clone(),
                    kind: AnnotationKind::Quote(Box::new(info.unwrap_or_default())),
                }),
        );
        quotes
    }
}

/// Gives the quotes a first-person narrator speaks ("“Poirot!” I exclaimed") the
/// narrator's name, when the text is told in the first person and names its narrator.
fn first_person(
    text: &str,
    regions: &[Region],
    contexts: &[Context],
    infos: &mut [Option<QuoteInfo>],
) {
    let is_i = |c: &Context| {
        c.phrase
            .as_ref()
            .is_some_and(|p| &text[p.span.clone()] == "I")
    };
    if contexts.iter().filter(|c| is_i(c)).count() < narrator::MIN_FIRST_PERSON_CUES {
        return;
    }
    let speakers: std::collections::HashSet<&str> = infos
        .iter()
        .flatten()
        .filter_map(|q| q.speaker.as_deref())
        .flat_map(str::split_whitespace)
        .collect();
    let inners: Vec<Range<usize>> = regions.iter().map(|r| r.inner.clone()).collect();
    let Some(name) = narrator::narrator(text, &inners, &speakers) else {
        return;
    };
    for (c, info) in contexts.iter().zip(infos.iter_mut()) {
        if is_i(c) {
            let span = c.phrase.as_ref().map(|p| p.span.clone());
            *info = Some(QuoteInfo {
                speaker: Some(name.to_string()),
                speaker_group: None,
                speaker_span: span,
            });
        }
    }
}

/// Words that stay lowercase in titles ("Keepin' It Real", "Secretary of State").
fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
    )
}

/// A short quoted phrase inside a sentence that is not someone's words: a title
/// ("“Morning Joe”", "''A Change Is Gonna Come,''") or a short scare quote with no cue.
fn is_scare_quote(text: &str, paras: &[Paragraph], r: &Region, c: &Context) -> bool {
    let inner = &text[r.inner.clone()];
    // Only the first words matter: a longer quote is never a title or a scare quote.
    let words: Vec<&str> = inner.split_whitespace().take(8).collect();
    let whole_para = paras[r.para].span == r.span;
    if whole_para || c.opens_sentence {
        return false;
    }
    let title_case = words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
            || is_minor_word(w)
    });
    if title_case && words.len() <= 6 {
        return true;
    }
    c.phrase.is_none() && words.len() <= SCARE_WORDS
}

/// Quoted phrases up to this many words with no cue are taken as scare quotes (PolNeAR
/// counts most short quoted phrases as quotes: one word is where they start to be ironic).
const SCARE_WORDS: usize = 1;

#[cfg(test)]
mod tests;
