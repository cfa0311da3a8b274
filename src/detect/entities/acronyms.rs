//! Acronyms and their expansions: the initials of a name's content words
//! ("Department of National Defense" -> "DND", "Islamic state of Iraq and the Levant" ->
//! "ISIL"), and the search that finds the written-out form of an acronym the tagger found,
//! even where the tagger cut it into pieces.

use crate::annotation::EntityLabel;

use super::mentions::Mention;
use super::tokens::{SENT_START, Token, UPPER, WORD};

/// Words left out of an acronym, compared case-insensitively.
const SKIP: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", "de", "du", "des", "la",
    "le", "der",
];

fn skipped(word: &str) -> bool {
    SKIP.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// The acronym of a multi-word name: initials of its content words, uppercased.
pub fn acronym<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    let mut count = 0;
    for w in words {
        if skipped(w) {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_alphabetic() {
            continue;
        }
        out.extend(c.to_uppercase());
        count += 1;
    }
    (count >= 2).then_some(out)
}

/// A token written as an acronym ("DND", "U.N.") with the periods removed.
pub fn acronym_form(word: &str) -> Option<String> {
    let letters: String = word.chars().filter(|&c| c != '.').collect();
    let ok = letters.chars().count() >= 2
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.chars().any(|c| c.is_alphabetic());
    ok.then_some(letters)
}

/// For each acronym of three or more letters that is a mention, finds the spans of the text
/// whose initials spell it (starting and ending with a capitalised word, within a
/// sentence) and makes each one mention with the acronym's label, replacing the pieces
/// the tagger found inside it. `mentions` stays sorted and non-overlapping.
pub fn expand(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let mut wanted: Vec<(Vec<char>, EntityLabel)> = Vec::new();
    for m in mentions.iter() {
        if m.last - m.first != 1 {
            continue;
        }
        if let Some(a) = acronym_form(tokens[m.first].text(text)) {
            let chars: Vec<char> = a.chars().collect();
            if chars.len() >= 3
                && chars.iter().all(|c| c.is_alphabetic())
                && !wanted.iter().any(|(w, _)| *w == chars)
            {
                wanted.push((chars, m.label));
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let mut found: Vec<Mention> = Vec::new();
    for i in 0..tokens.len() {
        if !tokens[i].is(UPPER) || !tokens[i].is(WORD) {
            continue;
        }
        let Some(first) = tokens[i].text(text).chars().next() else {
            continue;
        };
        for (acro, label) in &wanted {
            if first != acro[0] {
                continue;
            }
            if let Some(end) = match_initials(text, tokens, i, acro) {
                found.push(Mention {
                    first: i,
                    last: end,
                    label: *label,
                });
                break;
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // The expansions win over whatever they overlap.
    mentions.retain(|m| !found.iter().any(|f| m.first < f.last && f.first < m.last));
    mentions.extend(found);
    mentions.sort_by_key(|m| (m.first, m.last));
}

/// The end of the span from token `i` whose content words' initials are `acro`.
fn match_initials(text: &str, tokens: &[Token], i: usize, acro: &[char]) -> Option<usize> {
    let mut k = 0;
    let mut j = i;
    while j < tokens.len() && j - i < 3 * acro.len() {
        let t = &tokens[j];
        if !t.is(WORD) || (j > i && t.is(SENT_START)) {
            return None;
        }
        let w = t.text(text);
        if j > i && skipped(w) {
            j += 1;
            continue;
        }
        let c = w.chars().next()?;
        if c.to_uppercase().next() != Some(acro[k]) {
            return None;
        }
        k += 1;
        j += 1;
        if k == acro.len() {
            return t.is(UPPER).then_some(j);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn acronyms_skip_small_words_in_any_case() {
        let words = ["Islamic", "state", "of", "Iraq", "and", "the", "Levant"];
        assert_eq!(acronym(words.into_iter()).as_deref(), Some("ISIL"));
        let words = ["Department", "of", "National", "Defense"];
        assert_eq!(acronym(words.into_iter()).as_deref(), Some("DND"));
        assert_eq!(acronym(["Paris"].into_iter()), None);
        assert_eq!(acronym_form("U.N.").as_deref(), Some("UN"));
        assert_eq!(acronym_form("Nato"), None);
    }

    #[test]
    fn expansion_replaces_the_pieces_inside_it() {
        let text = "the Islamic state of Iraq and the Levant, or ISIL, fell.";
        let toks = tokenize(text);
        let mut ms = vec![
            Mention {
                first: 1,
                last: 2,
                label: EntityLabel::Misc,
            },
            Mention {
                first: 4,
                last: 5,
                label: EntityLabel::Place,
            },
            Mention {
                first: 7,
                last: 8,
                label: EntityLabel::Place,
            },
            Mention {
                first: 10,
                last: 11,
                label: EntityLabel::Org,
            },
        ];
        expand(text, &toks, &mut ms);
        assert_eq!(
            ms[0],
            Mention {
                first: 1,
                last: 8,
                label: EntityLabel::Org
            }
        );
        assert_eq!(ms.len(), 2);
    }

    #[test]
    fn no_expansion_across_sentences_or_without_a_capital_end() {
        let text = "Iraq is far. Levant ISIL. In Iraq, the levant ISIL.";
        let toks = tokenize(text);
        let mut ms = vec![Mention {
            first: 5,
            last: 6,
            label: EntityLabel::Org,
        }];
        expand(text, &toks, &mut ms);
        assert_eq!(ms.len(), 1);
    }
}
