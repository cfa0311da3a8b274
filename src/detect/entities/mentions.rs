//! From tags to mentions: entity spans from the tagger's BIO tags, then the rules the
//! tagger cannot learn from sentence-level data: titles and a leading "the" kept out of
//! names, "US President ..." split into a place and a person, nationalities as NORP,
//! document-level consistency (a name tagged once is tagged everywhere) and acronyms
//! linked to their expansions.
//!
//! Detection applies them a chunk at a time, in the order [`refine`] shows for a whole
//! text: [`clean`] (the rules that read only a mention and its neighbours), then, once
//! every chunk's forms are [`Known`], [`settle`] (consistency and the merges), then acronym
//! expansion over the whole text. No mention crosses a paragraph break.

use std::ops::Range;

use crate::annotation::EntityLabel;

mod merges;

use merges::{extend_org_of, merge_org_heads};

use super::acronyms;
use super::consistency::{self, Known};
use super::features::DocFeatures;
use super::gazetteer::{self, Category};
use super::hash::combine;
use super::model::{is_begin, tag_type};
use super::tokens::{PARA_START, Token, UPPER, WORD};

/// One mention: tokens `first..last` with a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub label: EntityLabel,
}

fn label_of_type(ty: u8) -> EntityLabel {
    match ty {
        0 => EntityLabel::Person,
        1 => EntityLabel::Org,
        2 => EntityLabel::Place,
        _ => EntityLabel::Misc,
    }
}

/// Spans of consecutive `B-X I-X*` tags of `tokens` (`tags[i]` is token `i`'s); a span
/// ends at a paragraph break whatever the tags say.
pub fn from_tags(tokens: &[Token], tags: &[u8]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(ty) = tag_type(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len()
            && !is_begin(tags[j])
            && tag_type(tags[j]) == Some(ty)
            && !tokens.get(j).is_some_and(|t| t.is(PARA_START))
        {
            j += 1;
        }
        out.push(Mention {
            first: i,
            last: j,
            label: label_of_type(ty),
        });
        i = j;
    }
    out
}

/// Applies every rule to the tagger's mentions of a whole text, returning them sorted:
/// what detection does a chunk at a time, on one chunk.
pub fn refine(
    text: &str,
    tokens: &[Token],
    doc: &DocFeatures,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let all = 0..tokens.len();
    let mentions = clean(text, tokens, doc, all.clone(), mentions);
    let mut known = Known::default();
    known.observe(text, tokens, &mentions);
    let lower_elsewhere = |i: usize| doc.lower_elsewhere(i);
    let mentions = settle(text, tokens, lower_elsewhere, &known, all.clone(), mentions);
    acronyms::expand_in_one_chunk(text, tokens, doc.headline(), mentions)
}

/// The rules that read only each mention and the tokens next to it, for the mentions of
/// the chunk `range` of `tokens`: titles, "the" and punctuation out, persons cut at
/// lowercase words, lone titles dropped, organisations and nationalities relabelled,
/// untagged nationalities added.
pub fn clean(
    text: &str,
    tokens: &[Token],
    doc: &DocFeatures,
    range: Range<usize>,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let g = gazetteer::get();
    let word = |i: usize| tokens[i].text(text);
    let cats = |i: usize| g.word(word(i));

    // Punctuation never starts or ends a name ("US-" of "US-trained").
    for m in &mut mentions {
        while m.first < m.last && !tokens[m.first].is(WORD) {
            m.first += 1;
        }
        while m.last > m.first && !tokens[m.last - 1].is(WORD) {
            m.last -= 1;
        }
    }
    mentions.retain(|m| m.first < m.last);

    // Titles and "the" out of names; a country before a title becomes its own mention.
    let mut extra = Vec::new();
    for m in &mut mentions {
        // An honorific before a capitalised word makes a person, whatever the tagger said.
        if m.last - m.first > 1 && is_honorific(word(m.first)) && tokens[m.first + 1].is(UPPER) {
            m.label = EntityLabel::Person;
        }
        while m.last - m.first > 1 {
            let w = word(m.first);
            let c = cats(m.first);
            let title = m.label == EntityLabel::Person && gazetteer::is_title(w);
            let common = doc.common_word_at_sentence_start(tokens, m.first);
            if w.eq_ignore_ascii_case("the") || title || common || is_function_word(w) {
                m.first += 1;
            } else if m.label == EntityLabel::Person
                && c & Category::Country.bit() != 0
                && m.first + 1 < m.last - 1
                && gazetteer::is_title(word(m.first + 1))
            {
                extra.push(Mention {
                    first: m.first,
                    last: m.first + 1,
                    label: EntityLabel::Place,
                });
                m.first += 1;
            } else {
                break;
            }
        }
    }
    mentions.extend(extra);

    // A person's name holds no lowercase word but a particle ("de", "van", "al-"): the
    // tagger running on past the name ("Tyson in Las Vegas") is cut back, and a known place
    // after the cut is kept as one.
    let mut tails = Vec::new();
    for m in &mut mentions {
        if m.label != EntityLabel::Person {
            continue;
        }
        let Some(cut) = (m.first + 1..m.last)
            .find(|&i| tokens[i].is(WORD) && !tokens[i].is(UPPER) && !is_name_particle(word(i)))
        else {
            continue;
        };
        let tail = cut + 1..m.last;
        m.last = cut;
        let geo = Category::Country.bit() | Category::City.bit() | Category::Region.bit();
        if !tail.is_empty() && tokens[tail.start].is(UPPER) {
            let h = tail
                .clone()
                .fold(0, |h, i| combine(h, super::hash::word_hash_lower(word(i))));
            if g.lookup(h) & geo != 0 {
                tails.push(Mention {
                    first: tail.start,
                    last: tail.end,
                    label: EntityLabel::Place,
                });
            }
        }
    }
    mentions.extend(tails);

    // A lone title, function word or chapter number is no name ("Prince", "How", "XIV").
    mentions.retain(|m| {
        let w = word(m.first);
        m.last - m.first > 1
            || !(gazetteer::is_title(w) || is_function_word(w) || is_roman_numeral(w))
    });

    // A "person" holding an organisation word ("Watson Institute", "Ministry"), or a
    // "place" or other name ending in one ("New York Times", "World Health Organization"),
    // is an organisation.
    let org_word = |i: usize| tokens[i].is(UPPER) && cats(i) & Category::OrgWord.bit() != 0;
    for m in &mut mentions {
        let person = m.label == EntityLabel::Person && (m.first..m.last).any(org_word);
        let place = matches!(m.label, EntityLabel::Place | EntityLabel::Misc)
            && m.last - m.first >= 2
            && org_word(m.last - 1);
        if person || place {
            m.label = EntityLabel::Org;
        }
    }

    // Nationalities: a single demonym the tagger called MISC (or missed) is NORP, and so
    // is a single MISC word shaped like one ("Europeans", "Sunnis", "Danish").
    for m in &mut mentions {
        if m.last - m.first == 1
            && matches!(m.label, EntityLabel::Misc | EntityLabel::Norp)
            && (cats(m.first) & Category::Demonym.bit() != 0 || demonym_shaped(word(m.first)))
        {
            m.label = EntityLabel::Norp;
        }
    }
    let mut covered = covered_by(&mentions, tokens.len());
    for i in range.start..range.end.min(tokens.len()) {
        if !covered[i] && tokens[i].is(UPPER) && cats(i) & Category::Demonym.bit() != 0 {
            let next_upper = tokens.get(i + 1).is_some_and(|t| t.is(UPPER));
            if !next_upper {
                mentions.push(Mention {
                    first: i,
                    last: i + 1,
                    label: EntityLabel::Norp,
                });
                covered[i] = true;
            }
        }
    }

    mentions
}

/// Which of `len` tokens are inside one of `mentions`.
fn covered_by(mentions: &[Mention], len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for m in mentions {
        if let Some(c) = covered.get_mut(m.first..m.last) {
            c.iter_mut().for_each(|c| *c = true);
        }
    }
    covered
}

/// The rules that need the whole document's forms, for the [`clean`]ed mentions of the
/// chunk `range` of `tokens`: names tagged elsewhere tagged here too ([`consistency`]),
/// overlaps dropped, adjacent names merged and organisations extended over "of". Returns
/// them sorted.
pub fn settle(
    text: &str,
    tokens: &[Token],
    lower_elsewhere: impl Fn(usize) -> bool,
    known: &Known,
    range: Range<usize>,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut covered = covered_by(&mentions, tokens.len());
    let (m, c) = (&mut mentions, &mut covered);
    consistency::spread(text, tokens, lower_elsewhere, known, range, m, c);
    mentions.sort_by_key(|m| (m.first, m.last));
    mentions.dedup_by(|b, a| b.first < a.last);
    let mut mentions = merge_org_heads(text, tokens, mentions);
    extend_org_of(text, tokens, &mut mentions);
    mentions
}

/// A capitalised word with a nationality's ending ("-an(s)", "-ese", "-ish", "-is").
fn demonym_shaped(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().nth(1).is_some_and(char::is_lowercase)
        && ["an", "ans", "ese", "ish", "is"]
            .iter()
            .any(|s| lower.ends_with(s))
}

/// Titles that only ever precede a person's name.
fn is_honorific(word: &str) -> bool {
    const HONORIFICS: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "miss",
        "mme",
        "mlle",
        "madame",
        "mademoiselle",
        "monsieur",
        "dr",
        "sir",
        "dame",
        "herr",
        "frau",
        "senor",
        "senora",
    ];
    let w = word.trim_end_matches('.');
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

/// Lowercase words that belong inside personal names.
fn is_name_particle(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos",
        "das", "y", "e", "bin", "ibn", "al", "el", "ben", "ter", "zu", "st", "st.",
    ];
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word)) || word.contains('-')
}

fn is_function_word(word: &str) -> bool {
    // "US" in capitals is a place, not "us".
    acronyms::acronym_form(word).is_none()
        && gazetteer::FUNCTION_WORDS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(word))
}

/// A chapter number in capitals ("XIV", "IV"): roman digits with an I, V or X.
fn is_roman_numeral(word: &str) -> bool {
    word.len() >= 2
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
        && word.bytes().any(|b| matches!(b, b'I' | b'V' | b'X'))
}

#[cfg(test)]
mod tests;
