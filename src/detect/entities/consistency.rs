//! Document-level consistency of entity mentions: a name tagged once is tagged wherever
//! else it appears untagged (with the label most of its mentions have), and so are a
//! person's surname and the acronym of a multi-word name; a single-word mention that is a
//! person's surname takes the person's label. The forms are gathered over the whole
//! document first ([`Known`]), then looked for a chunk at a time ([`spread`]).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::annotation::EntityLabel;

use super::acronyms::{self, acronym};
use super::gazetteer::{self, Category};
use super::hash::{IdentityHasher, combine, word_hash_exact};
use super::mentions::Mention;
use super::tokens::{PARA_START, SENT_START, Token, UPPER, WORD};

/// The longest form (in tokens) looked for again elsewhere.
const MAX_FORM_TOKENS: usize = 12;

/// The forms the document's mentions give, gathered over the whole document before any
/// untagged occurrence is looked for: each form's label votes (a whole mention, a person's
/// surname, the acronym of a multi-word name), persons' surnames, and every proper prefix of
/// a known form, so the scan stops early.
pub struct Known {
    votes: HashMap<u64, [u32; 5], IdentityHasher>,
    surnames: HashSet<u64, IdentityHasher>,
    prefixes: HashSet<u64, IdentityHasher>,
    max_len: usize,
}

impl Default for Known {
    fn default() -> Self {
        Known {
            votes: HashMap::default(),
            surnames: HashSet::default(),
            prefixes: HashSet::default(),
            max_len: 1,
        }
    }
}

impl Known {
    /// Adds the forms of `mentions` (of `tokens`).
    pub fn observe(&mut self, text: &str, tokens: &[Token], mentions: &[Mention]) {
        let g = gazetteer::get();
        let word = |i: usize| tokens[i].text(text);
        let mut vote = |h, label: EntityLabel, w| {
            self.votes.entry(h).or_insert([0; 5])[label_index(label)] += w;
        };
        for m in mentions {
            let phrase = (m.first..m.last).fold(0, |h, i| combine(h, word_hash_exact(word(i))));
            vote(phrase, m.label, 2);
            if m.label == EntityLabel::Person && m.last - m.first >= 2 {
                let surname = m.last - 1;
                if g.word(word(surname)) & Category::Country.bit() == 0 {
                    let h = combine(0, word_hash_exact(word(surname)));
                    vote(h, EntityLabel::Person, 1);
                    self.surnames.insert(h);
                }
            }
            if m.last - m.first >= 2
                && matches!(
                    m.label,
                    EntityLabel::Org | EntityLabel::Misc | EntityLabel::Place
                )
                && let Some(a) = acronym((m.first..m.last).map(word))
            {
                vote(combine(0, word_hash_exact(&a)), m.label, 1);
            }
            // Capped so a pathological run of capitals cannot make the scan quadratic.
            self.max_len = self.max_len.max(m.last - m.first).min(MAX_FORM_TOKENS);
            let mut h = 0;
            for i in m.first..m.last - 1 {
                h = combine(h, word_hash_exact(word(i)));
                self.prefixes.insert(h);
            }
        }
    }
}

/// Adds the mentions the document's `known` forms imply among tokens `range` (a chunk) of
/// `tokens`; `covered` marks tokens already inside a mention and is kept up to date;
/// `lower_elsewhere(i)` says whether token `i` is also written in lower case in the
/// document. A form never runs on past a paragraph break.
pub fn spread(
    text: &str,
    tokens: &[Token],
    lower_elsewhere: impl Fn(usize) -> bool,
    known: &Known,
    range: Range<usize>,
    mentions: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let g = gazetteer::get();
    let word = |i: usize| tokens[i].text(text);
    let cats = |i: usize| g.word(word(i));
    let mut i = range.start;
    while i < range.end.min(tokens.len()) {
        if covered[i] || !tokens[i].is(UPPER) {
            i += 1;
            continue;
        }
        let mut h = 0;
        let mut found = None;
        for len in 1..=known.max_len.min(tokens.len() - i) {
            let t = &tokens[i + len - 1];
            if covered[i + len - 1] || !t.is(WORD) || (len > 1 && t.is(PARA_START)) {
                break;
            }
            h = combine(h, word_hash_exact(word(i + len - 1)));
            if let Some(votes) = known.votes.get(&h) {
                found = Some((len, best_label(votes)));
            }
            if !known.prefixes.contains(&h) {
                break;
            }
        }
        match found {
            // A lone capitalised word at a sentence start that is also a common word is
            // too risky to tag from another mention.
            Some((1, _))
                if tokens[i].is(SENT_START)
                    && lower_elsewhere(i)
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
    for m in mentions.iter_mut() {
        if m.last - m.first == 1 && m.label != EntityLabel::Person && m.label != EntityLabel::Norp {
            let h = combine(0, word_hash_exact(word(m.first)));
            let geo = Category::Country.bit() | Category::City.bit() | Category::Region.bit();
            if known.surnames.contains(&h) && cats(m.first) & geo == 0 {
                m.label = EntityLabel::Person;
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn majority_label_wins() {
        let mut votes = [0u32; 5];
        votes[label_index(EntityLabel::Org)] = 3;
        votes[label_index(EntityLabel::Place)] = 2;
        assert_eq!(best_label(&votes), EntityLabel::Org);
    }

    #[test]
    fn a_tagged_name_is_tagged_again_but_not_a_sentence_initial_common_word() {
        let text = "Hope Smith spoke. Hope is gone, hope Smith. Later Hope Smith left.";
        let toks = tokenize(text);
        let doc = super::super::features::DocFeatures::new(text, &toks);
        let mut ms = vec![Mention {
            first: 0,
            last: 2,
            label: EntityLabel::Person,
        }];
        let mut covered = vec![false; toks.len()];
        covered[0..2].iter_mut().for_each(|c| *c = true);
        let mut known = Known::default();
        known.observe(text, &toks, &ms);
        let all = 0..toks.len();
        spread(
            text,
            &toks,
            |i| doc.lower_elsewhere(i),
            &known,
            all,
            &mut ms,
            &mut covered,
        );
        let got: Vec<&str> = ms
            .iter()
            .map(|m| &text[toks[m.first].start()..toks[m.last - 1].end()])
            .collect();
        // "Hope" at a sentence start is also written "hope": left alone; the surname
        // "Smith" and the full name are tagged.
        assert_eq!(got, ["Hope Smith", "Smith", "Hope Smith"]);
    }
}
