//! From tags to mentions: entity spans from the tagger's BIO tags, then the rules the
//! tagger cannot learn from sentence-level data: titles and a leading "the" kept out of
//! names, "US President ..." split into a place and a person, nationalities as NORP,
//! document-level consistency (a name tagged once is tagged everywhere) and acronyms
//! linked to their expansions.

use std::collections::{HashMap, HashSet};

use crate::annotation::EntityLabel;

use super::acronyms::{self, acronym};
use super::features::DocFeatures;
use super::gazetteer::{self, Category};
use super::hash::{IdentityHasher, combine, word_hash_exact};
use super::model::{O, is_begin, tag_type};
use super::tokens::{SENT_START, Token, UPPER, WORD};

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

/// Spans of consecutive `B-X I-X*` tags.
pub fn from_tags(tags: &[u8]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(ty) = tag_type(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && !is_begin(tags[j]) && tag_type(tags[j]) == Some(ty) {
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

/// Applies the document-level rules to the tagger's mentions, returning them sorted.
pub fn refine(
    text: &str,
    tokens: &[Token],
    doc: &DocFeatures,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let g = gazetteer::get();
    let word = |i: usize| tokens[i].text(text);
    let cats = |i: usize| g.word(word(i));

    // Titles and "the" out of names; a country before a title becomes its own mention.
    let mut extra = Vec::new();
    for m in &mut mentions {
        while m.last - m.first > 1 {
            let w = word(m.first);
            let c = cats(m.first);
            if w.eq_ignore_ascii_case("the") {
                m.first += 1;
            } else if m.label == EntityLabel::Person && gazetteer::is_title(w) {
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

    // Nationalities: a single demonym the tagger called MISC (or missed) is NORP.
    for m in &mut mentions {
        if m.last - m.first == 1
            && matches!(m.label, EntityLabel::Misc | EntityLabel::Norp)
            && cats(m.first) & Category::Demonym.bit() != 0
        {
            m.label = EntityLabel::Norp;
        }
    }
    let mut covered = vec![false; tokens.len()];
    for m in &mentions {
        covered[m.first..m.last].iter_mut().for_each(|c| *c = true);
    }
    for i in 0..tokens.len() {
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

    // Document consistency: every surface form tagged somewhere, its surname parts and
    // its acronym, tagged wherever else it appears untagged.
    let phrase =
        |m: &Mention| (m.first..m.last).fold(0, |h, i| combine(h, word_hash_exact(word(i))));
    let mut known: HashMap<u64, [u32; 5], IdentityHasher> = HashMap::default();
    let mut surnames: HashSet<u64, IdentityHasher> = HashSet::default();
    let mut max_len = 1;
    let vote = |known: &mut HashMap<u64, [u32; 5], IdentityHasher>, h, label: EntityLabel, w| {
        known.entry(h).or_insert([0; 5])[label_index(label)] += w;
    };
    for m in &mentions {
        max_len = max_len.max(m.last - m.first);
        vote(&mut known, phrase(m), m.label, 2);
        if m.label == EntityLabel::Person && m.last - m.first >= 2 {
            let surname = m.last - 1;
            if cats(surname) & Category::Country.bit() == 0 {
                let h = combine(0, word_hash_exact(word(surname)));
                vote(&mut known, h, EntityLabel::Person, 1);
                surnames.insert(h);
            }
        }
        if m.last - m.first >= 2
            && matches!(
                m.label,
                EntityLabel::Org | EntityLabel::Misc | EntityLabel::Place
            )
            && let Some(a) = acronym((m.first..m.last).map(word))
        {
            vote(&mut known, combine(0, word_hash_exact(&a)), m.label, 1);
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        if covered[i] || !tokens[i].is(UPPER) {
            i += 1;
            continue;
        }
        let mut h = 0;
        let mut found = None;
        for len in 1..=max_len.min(tokens.len() - i) {
            if covered[i + len - 1] || !tokens[i + len - 1].is(WORD) {
                break;
            }
            h = combine(h, word_hash_exact(word(i + len - 1)));
            if let Some(votes) = known.get(&h) {
                found = Some((len, best_label(votes)));
            }
        }
        match found {
            // A lone capitalised word at a sentence start that is also a common word is
            // too risky to tag from another mention.
            Some((1, _))
                if tokens[i].is(SENT_START)
                    && doc.lower_elsewhere(i)
                    && acronyms::acronym_form(word(i)).is_none() =>
            {
                i += 1
            }
            Some((len, label)) => {
                mentions.push(Mention {
                    first: i,
                    last: i + len,
                    label,
                });
                covered[i..i + len].iter_mut().for_each(|c| *c = true);
                i += len;
            }
            None => i += 1,
        }
    }
    // A person's surname keeps the person's label wherever the tagger said otherwise
    // (unless the word is a known place).
    for m in &mut mentions {
        if m.last - m.first == 1 && m.label != EntityLabel::Person && m.label != EntityLabel::Norp {
            let h = combine(0, word_hash_exact(word(m.first)));
            let geo = Category::Country.bit() | Category::City.bit() | Category::Region.bit();
            if surnames.contains(&h) && cats(m.first) & geo == 0 {
                m.label = EntityLabel::Person;
            }
        }
    }
    mentions.sort_by_key(|m| (m.first, m.last));
    mentions.dedup_by(|b, a| b.first < a.last);
    let mut mentions = merge_org_heads(text, tokens, mentions);
    acronyms::expand(text, tokens, &mut mentions);
    mentions
}

/// A name followed at once by an organisation that opens with an organisation word is one
/// organisation ("Watson" + "Institute of ..." -> "Watson Institute of ...").
fn merge_org_heads(text: &str, tokens: &[Token], mentions: Vec<Mention>) -> Vec<Mention> {
    let g = gazetteer::get();
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut()
            && prev.last == m.first
            && m.label == EntityLabel::Org
            && matches!(
                prev.label,
                EntityLabel::Person | EntityLabel::Place | EntityLabel::Misc
            )
            && g.word(tokens[m.first].text(text)) & Category::OrgWord.bit() != 0
            && tokens[m.first].is(UPPER)
        {
            prev.last = m.last;
            prev.label = EntityLabel::Org;
            continue;
        }
        out.push(m);
    }
    out
}

fn label_index(label: EntityLabel) -> usize {
    match label {
        EntityLabel::Person => 0,
        EntityLabel::Org => 1,
        EntityLabel::Place => 2,
        EntityLabel::Norp => 3,
        EntityLabel::Misc => 4,
    }
}

fn best_label(votes: &[u32; 5]) -> EntityLabel {
    const LABELS: [EntityLabel; 5] = [
        EntityLabel::Person,
        EntityLabel::Org,
        EntityLabel::Place,
        EntityLabel::Norp,
        EntityLabel::Misc,
    ];
    let mut best = 0;
    for k in 1..5 {
        if votes[k] > votes[best] {
            best = k;
        }
    }
    LABELS[best]
}

/// Whether a tag sequence is all `O` (nothing found).
pub fn is_empty(tags: &[u8]) -> bool {
    tags.iter().all(|&t| t == O)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn spans_from_bio_tags() {
        let m = from_tags(&[0, 1, 2, 0, 5, 5, 6, 8]);
        let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.first, m.last)).collect();
        // A stray I- tag starts a mention of its own.
        assert_eq!(spans, [(1, 3), (4, 5), (5, 7), (7, 8)]);
        assert_eq!(m[1].label, EntityLabel::Place);
    }

    fn mention(text: &str, toks: &[Token], m: &Mention) -> String {
        text[toks[m.first].start..toks[m.last - 1].end].to_string()
    }

    #[test]
    fn titles_and_countries_come_out_of_person_names() {
        let text = "US President Donald Trump met Maj. Gen. Jennie Carignan.";
        let toks = tokenize(text);
        let doc = DocFeatures::new(text, &toks);
        let ms = refine(
            text,
            &toks,
            &doc,
            vec![
                Mention {
                    first: 0,
                    last: 4,
                    label: EntityLabel::Person,
                },
                Mention {
                    first: 5,
                    last: 9,
                    label: EntityLabel::Person,
                },
            ],
        );
        let got: Vec<(String, EntityLabel)> = ms
            .iter()
            .map(|m| (mention(text, &toks, m), m.label))
            .collect();
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
        let text =
            "Donald Trump met the Department of National Defense. Later Trump and DND spoke.";
        let toks = tokenize(text);
        let doc = DocFeatures::new(text, &toks);
        let ms = refine(
            text,
            &toks,
            &doc,
            vec![
                Mention {
                    first: 0,
                    last: 2,
                    label: EntityLabel::Person,
                },
                Mention {
                    first: 4,
                    last: 8,
                    label: EntityLabel::Org,
                },
            ],
        );
        let got: Vec<(String, EntityLabel)> = ms
            .iter()
            .map(|m| (mention(text, &toks, m), m.label))
            .collect();
        assert!(got.contains(&("Trump".to_string(), EntityLabel::Person)));
        assert!(got.contains(&("DND".to_string(), EntityLabel::Org)));
    }

    #[test]
    fn demonyms_become_norp() {
        let text = "Canadian troops met Iraqis.";
        let toks = tokenize(text);
        let doc = DocFeatures::new(text, &toks);
        let ms = refine(
            text,
            &toks,
            &doc,
            vec![Mention {
                first: 0,
                last: 1,
                label: EntityLabel::Misc,
            }],
        );
        let labels: Vec<EntityLabel> = ms.iter().map(|m| m.label).collect();
        assert_eq!(labels, [EntityLabel::Norp, EntityLabel::Norp]);
    }
}
