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
mod candidates;
mod context;
mod cues;
mod fullest;
mod lexicon;
mod narrator;
mod pairing;
mod people;
mod phrases;
mod quote;
pub mod ranker;
mod role;
mod speaker;
pub mod train;
mod words;

use std::collections::HashSet;
use std::ops::Range;

use crate::annotation::{
    Annotation, AnnotationKind, EntityGroup, EntityLabel, Evidence, QuoteInfo,
};
use candidates::Sources;
use context::Context;
use pairing::{Paragraph, Region};
pub use quote::Candidate;
use quote::Quote;
use ranker::{Chooser, Ranker, Situation};

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
    /// Turns the cues into speakers linked to `groups`, chosen by the embedded ranker, and
    /// returns the quotes.
    pub fn attribute(self, entities: &[Annotation], groups: &[EntityGroup]) -> Vec<Annotation> {
        self.attribute_with(entities, groups, &mut Ranker::embedded())
    }

    /// [`Prepared::attribute`] with the speakers chosen by `chooser` (a trainer's).
    pub fn attribute_with(
        self,
        entities: &[Annotation],
        groups: &[EntityGroup],
        chooser: &mut dyn Chooser,
    ) -> Vec<Annotation> {
        let Prepared {
            text,
            paras,
            regions,
            contexts,
            fullest,
        } = self;
        let spans: Vec<Range<usize>> = regions.iter().map(|r| r.span.clone()).collect();
        let mut resolver = speaker::Resolver::new(text, entities, groups, &spans, fullest);
        let mut quotes: Vec<Quote> = regions
            .into_iter()
            .zip(contexts)
            .map(|(region, context)| Quote {
                region,
                context,
                own: None,
                beat: None,
                addressee: None,
                speaker: None,
                evidence: Evidence::Unattributed,
            })
            .collect();
        resolve_cues(&mut quotes, &mut resolver);
        first_person(text, &mut quotes);
        address(text, groups, &mut quotes, &mut resolver);
        let people = people::People::new(entities, groups, &spans);
        let sources = Sources::new(&paras, &quotes, people);
        for i in 0..quotes.len() {
            decide(&sources, &mut quotes, i, &mut resolver, chooser);
        }
        drop(resolver);
        add_roles(text, &mut quotes);
        into_annotations(text, &paras, quotes)
    }
}

/// Resolves each quote's own cue, then the narration beats (in text order each, as the
/// pronouns' antecedents are remembered).
fn resolve_cues(quotes: &mut [Quote], resolver: &mut speaker::Resolver) {
    for q in quotes.iter_mut() {
        q.own = q.context.own().map(|p| resolver.resolve(p));
    }
    for q in quotes.iter_mut() {
        q.beat = q
            .context
            .beat
            .as_ref()
            .map(|p| resolver.resolve(p))
            .filter(|b| b.speaker.is_some());
    }
}

/// The person each quote addresses. A word opening a quote before a comma may be a verb
/// ("Stay, stay"): there a vocative must be a known person's name.
fn address(
    text: &str,
    groups: &[EntityGroup],
    quotes: &mut [Quote],
    resolver: &mut speaker::Resolver,
) {
    let known: HashSet<String> = quotes
        .iter()
        .filter_map(|q| q.own.as_ref()?.speaker.clone())
        .chain(
            groups
                .iter()
                .filter(|g| g.label == EntityLabel::Person)
                .map(|g| g.name.clone()),
        )
        .flat_map(|n| n.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    for q in quotes.iter_mut() {
        let r = &q.region;
        q.addressee = address::vocative(text, r.inner.clone())
            .filter(|v| v.start > r.inner.start || known.contains(&text[v.clone()]))
            .map(|v| resolver.addressee(v));
    }
}

/// Chooses the speaker of quote `i` among its candidates. A quote a first-person narrator
/// speaks keeps the narrator; one whose cue is "I" with no narrator named keeps none (it
/// is nobody else's); nobody is the speaker of a quote addressed to them.
fn decide(
    sources: &Sources,
    quotes: &mut [Quote],
    i: usize,
    resolver: &mut speaker::Resolver,
    chooser: &mut dyn Chooser,
) {
    if quotes[i].evidence == Evidence::Narrator || first_person_cue(&quotes[i]) {
        return;
    }
    // A speaker named by the grammar of the quote's own clause ("X said", "she said" and
    // the person it agrees with, "said the letter", "WALLACE: ...", "X continued:") is
    // the speaker: nothing to weigh.
    let own_named = quotes[i].own.as_ref().is_some_and(|o| o.speaker.is_some());
    let grammar = quotes[i].context.phrase.as_ref().map(|p| p.1).filter(|e| {
        matches!(
            e,
            Evidence::Cue
                | Evidence::Pronoun
                | Evidence::Description
                | Evidence::Transcript
                | Evidence::Introduction
        )
    });
    if own_named && let Some(e) = grammar {
        let q = &mut quotes[i];
        (q.speaker, q.evidence) = (q.own.clone(), e);
        return;
    }
    let mut cands = sources.candidates(quotes, i, resolver);
    let q = &quotes[i];
    let addressed = q.addressee.as_ref().and_then(QuoteInfo::surname);
    cands.retain(|c| c.has(Evidence::Cue) || c.info.surname().is_none_or(|s| Some(s) != addressed));
    let para = &sources.paras[q.region.para].span;
    let s = Situation {
        opens_para: q.opens_para(para.start),
        whole_para: q.region.span == *para,
        has_cue: q.context.phrase.is_some(),
        dialogue: i > 0 && quotes[i - 1].region.para + TURN_PARAS >= q.region.para,
    };
    // A turn of a dialogue with no cue of its own takes the order of the turns (they
    // alternate): news, which the ranker learned from, quotes one speaker over several
    // paragraphs, and novels do not.
    let turn = s.opens_para && s.whole_para && s.dialogue && !s.has_cue;
    let chosen = if turn {
        cands.first()
    } else {
        let feats: Vec<Vec<u16>> = cands
            .iter()
            .map(|c| ranker::features(c, &cands, s))
            .collect();
        chooser
            .choose(q.region.span.clone(), &cands, &feats)
            .and_then(|k| cands.get(k))
    };
    if let Some(c) = chosen {
        let q = &mut quotes[i];
        q.evidence = c.evidence();
        let mut info = c.info.clone();
        if !matches!(
            q.evidence,
            Evidence::Cue | Evidence::Pronoun | Evidence::Description
        ) {
            // The span names the speaker for this quote only when its own cue does.
            info.speaker_span = q.own.as_ref().and_then(|o| o.speaker_span.clone());
        }
        q.speaker = Some(info);
    }
}

/// How many paragraphs apart two quotes may be and still be turns of one dialogue (a
/// paragraph of narration may stand between).
const TURN_PARAS: usize = 2;

/// The quote's own cue is "I" (or "we"): a first-person speaker.
fn first_person_cue(q: &Quote) -> bool {
    q.own.as_ref().is_some_and(|o| o.speaker.is_none())
        && matches!(q.context.phrase, Some((ref p, Evidence::Pronoun)) if p.gender.is_none() && !p.span.is_empty())
}

/// Gives the quotes a first-person narrator speaks ("“Poirot!” I exclaimed") the
/// narrator's name, when the text is told in the first person and names its narrator.
fn first_person(text: &str, quotes: &mut [Quote]) {
    let is_i = |q: &Quote| {
        q.context
            .own()
            .is_some_and(|p| &text[p.span.clone()] == "I")
    };
    if quotes.iter().filter(|q| is_i(q)).count() < narrator::MIN_FIRST_PERSON_CUES {
        return;
    }
    let speakers: HashSet<&str> = quotes
        .iter()
        .filter_map(|q| q.own.as_ref()?.speaker.as_deref())
        .flat_map(str::split_whitespace)
        .collect();
    let inners: Vec<Range<usize>> = quotes.iter().map(|q| q.region.inner.clone()).collect();
    let Some(name) = narrator::narrator(text, &inners, &speakers) else {
        return;
    };
    for q in quotes.iter_mut().filter(|q| is_i(q)) {
        q.speaker = Some(QuoteInfo {
            speaker: Some(name.to_string()),
            speaker_span: q.context.own().map(|p| p.span.clone()),
            ..QuoteInfo::default()
        });
        q.evidence = Evidence::Narrator;
    }
}

/// The role the text gives each speaker where a cue names them ("Brian Fallon, Clinton
/// press secretary"), shown with every quote of that speaker.
fn add_roles(text: &str, quotes: &mut [Quote]) {
    let mut roles: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for q in quotes.iter() {
        let Some(info) = q.own.as_ref().filter(|_| q.evidence == Evidence::Cue) else {
            continue;
        };
        let (Some(name), Some(span)) = (&info.speaker, &info.speaker_span) else {
            continue;
        };
        if !roles.contains_key(name)
            && let Some(role) = role::role(text, span.clone())
        {
            roles.insert(name.clone(), format!("{name}, {role}"));
        }
    }
    for q in quotes.iter_mut() {
        if let Some(info) = &mut q.speaker {
            info.speaker_role = info.speaker.as_ref().and_then(|n| roles.get(n)).cloned();
        }
    }
}

/// The quotes as annotations, scare quotes and titles left out.
fn into_annotations(text: &str, paras: &[Paragraph], quotes: Vec<Quote>) -> Vec<Annotation> {
    // Sized once: a filtered collect would grow by doubling, up to twice the room.
    let mut out = Vec::with_capacity(quotes.len());
    out.extend(
        quotes
            .into_iter()
            .filter(|q| !is_scare_quote(text, paras, &q.region, &q.context))
            .map(|q| {
                let mut info = q.speaker.unwrap_or_default();
                info.evidence = q.evidence;
                Annotation {
                    span: q.region.span,
                    kind: AnnotationKind::Quote(Box::new(info)),
                }
            }),
    );
    out
}

/// Words that stay lowercase in titles ("Keepin' It Real", "Secretary of State").
pub(super) fn is_minor_word(w: &str) -> bool {
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
