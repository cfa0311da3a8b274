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

/// How many distinct acronyms one text looks for expansions of.
const MAX_ACRONYMS: usize = 64;

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
    // Cheap rejection first: most capitalised words have a lowercase second letter.
    if word.chars().nth(1).is_none_or(char::is_lowercase) {
        return None;
    }
    let letters: String = word.chars().filter(|&c| c != '.').collect();
    let ok = letters.chars().count() >= 2
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.chars().any(|c| c.is_alphabetic());
    ok.then_some(letters)
}

/// For each acronym of three or more letters (a mention, or an untagged capitals-only word
/// outside a headline), finds the spans of the text whose initials spell it (starting and
/// ending with a capitalised word, within a sentence) and makes each one mention with the
/// acronym's label (ORG for an untagged acronym, which then becomes a mention too),
/// replacing the pieces the tagger found inside it. `mentions` stays sorted and
/// non-overlapping.
pub fn expand(text: &str, tokens: &[Token], headline: &[bool], mentions: &mut Vec<Mention>) {
    let mut tagged = vec![None; tokens.len()];
    let mut single_mention = vec![false; tokens.len()];
    for m in mentions.iter() {
        for t in &mut tagged[m.first..m.last] {
            *t = Some(m.label);
        }
        single_mention[m.first] = m.last == m.first + 1;
    }
    // (letters, label, whether the acronym itself still needs tagging)
    let mut wanted: Vec<(Vec<char>, EntityLabel, bool)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is(UPPER) || headline.get(i).copied().unwrap_or(false) {
            continue;
        }
        if tagged[i].is_some() && !single_mention[i] {
            continue;
        }
        let Some(a) = acronym_form(t.text(text)) else {
            continue;
        };
        let chars: Vec<char> = a.chars().collect();
        if chars.len() >= 3
            && chars.len() <= 8
            && chars.iter().all(|c| c.is_alphabetic())
            && !wanted.iter().any(|(w, _, _)| *w == chars)
        {
            wanted.push((
                chars,
                tagged[i].unwrap_or(EntityLabel::Org),
                tagged[i].is_none(),
            ));
        }
    }
    // A book in capitals-heavy style could list many; the first few dozen are plenty.
    wanted.truncate(MAX_ACRONYMS);
    if wanted.is_empty() {
        return;
    }
    // Acronyms by first letter, so most capitalised words are passed over at once.
    let mut by_first: std::collections::HashMap<char, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, (acro, _, _)) in wanted.iter().enumerate() {
        by_first.entry(acro[0]).or_default().push(k);
    }
    let mut found: Vec<Mention> = Vec::new();
    let mut expanded = vec![false; wanted.len()];
    let mut next_free = 0;
    for i in 0..tokens.len() {
        if i < next_free || !tokens[i].is(UPPER) || !tokens[i].is(WORD) {
            continue;
        }
        let Some(first) = tokens[i].text(text).chars().next() else {
            continue;
        };
        let Some(candidates) = by_first.get(&first) else {
            continue;
        };
        for &k in candidates {
            let (acro, label, _) = &wanted[k];
            if let Some(end) = match_initials(text, tokens, i, acro) {
                found.push(Mention {
                    first: i,
                    last: end,
                    label: *label,
                });
                expanded[k] = true;
                next_free = end;
                break;
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let mut in_found = vec![false; tokens.len()];
    for f in &found {
        in_found[f.first..f.last].iter_mut().for_each(|x| *x = true);
    }
    // Untagged acronyms whose expansion was found are mentions wherever they stand.
    for (i, t) in tokens.iter().enumerate() {
        if tagged[i].is_some() || !t.is(UPPER) {
            continue;
        }
        let Some(a) = acronym_form(t.text(text)) else {
            continue;
        };
        if let Some(k) = wanted
            .iter()
            .position(|(w, _, untagged)| *untagged && w.iter().copied().eq(a.chars()))
            && expanded[k]
            && !in_found[i]
        {
            found.push(Mention {
                first: i,
                last: i + 1,
                label: wanted[k].1,
            });
        }
    }
    // The expansions win over whatever they overlap.
    mentions.retain(|m| !in_found[m.first..m.last].iter().any(|&x| x));
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
        expand(text, &toks, &vec![false; toks.len()], &mut ms);
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
    fn an_untagged_acronym_with_an_expansion_becomes_an_org() {
        let text = "The Reactive Oxygen Species rose. ROS fell.";
        let toks = tokenize(text);
        let mut ms = vec![];
        expand(text, &toks, &vec![false; toks.len()], &mut ms);
        assert_eq!(
            ms,
            [
                Mention {
                    first: 1,
                    last: 4,
                    label: EntityLabel::Org
                },
                Mention {
                    first: 6,
                    last: 7,
                    label: EntityLabel::Org
                },
            ]
        );
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
        expand(text, &toks, &vec![false; toks.len()], &mut ms);
        assert_eq!(ms.len(), 1);
    }
}
