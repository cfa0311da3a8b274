//! Word-level view of the narration around a quote: a small tokenizer and lookups in
//! the word lists of [`super::lexicon`] (cue verbs, titles, pronouns, words that start
//! sentences but are never names).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{CUE_VERBS, NOT_NAMES, TITLES};

/// A word list as a set, built on first use.
fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static CUES: LazyLock<HashSet<&str>> = LazyLock::new(|| set(CUE_VERBS));
static TITLE_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(TITLES));
static NOT_NAME_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(NOT_NAMES));

/// One token of narration: a word or a single punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Range<usize>,
    pub text: &'a str,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Abbreviations whose final dot belongs to the word (and does not end a sentence).
pub(super) const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "atty", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "dec", "del", "det",
    "dr", "etc", "feb", "fr", "ft", "gen", "gov", "hon", "inc", "insp", "jan", "jr", "lt", "ltd",
    "maj", "mar", "messrs", "mlle", "mme", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres",
    "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || word.contains('.')
}

/// Splits `text[range]` into tokens. Words keep inner hyphens, apostrophes and dots
/// ("Holtz-Eakin", "al-Baghdadi", "U.S."), and the final dot of an abbreviation ("Mr.").
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let s = &text[range.clone()];
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let start = range.start + i;
            let end = start + c.len_utf8();
            out.push(Token {
                span: start..end,
                text: &text[start..end],
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if matches!(d, '-' | '\'' | '’' | '.') {
                // Keep the joiner only when a letter follows it.
                let next = s[j + d.len_utf8()..].chars().next();
                if next.is_some_and(char::is_alphanumeric) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if d == '.'
                    && (is_abbreviation(&s[i..end]) || s[j + 1..].starts_with([',', ')', ';']))
                {
                    end = j + 1;
                    iter.next();
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let start = range.start + i;
        out.push(Token {
            span: start..range.start + end,
            text: &text[start..range.start + end],
        });
    }
    out
}

/// The char boundary at or before byte `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after byte `i`.
pub fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub fn is_cue_verb(lower: &str) -> bool {
    CUES.contains(lower)
}

pub fn is_title(lower: &str) -> bool {
    TITLE_SET.contains(lower)
}

/// Honorifics that tell a person's gender.
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower {
        "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "duke" | "father" | "brother"
        | "monsieur" | "uncle" | "count" | "baron" | "emperor" | "herr" => Some(Gender::Male),
        "mrs" | "mrs." | "ms" | "ms." | "miss" | "lady" | "queen" | "princess" | "duchess"
        | "madame" | "mme." | "mademoiselle" | "sister" | "aunt" | "countess" | "baroness"
        | "empress" | "dame" | "frau" => Some(Gender::Female),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Personal pronouns that can be the subject of a cue, with the gender they imply.
pub fn pronoun(lower: &str) -> Option<Option<Gender>> {
    match lower {
        "he" | "him" => Some(Some(Gender::Male)),
        "she" | "her" => Some(Some(Gender::Female)),
        "i" | "we" | "they" | "you" | "it" => Some(None),
        _ => None,
    }
}

pub fn is_not_name(lower: &str) -> bool {
    NOT_NAME_SET.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokens(t, 0..t.len()).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_names_and_abbreviations_whole() {
        assert_eq!(
            words("Mr. Holtz-Eakin, U.S. envoy, said."),
            vec!["Mr.", "Holtz-Eakin", ",", "U.S.", "envoy", ",", "said", "."]
        );
        assert_eq!(
            words("Leonard E. Burman's"),
            vec!["Leonard", "E.", "Burman's"]
        );
        assert_eq!(
            words("al-Baghdadi is dead."),
            vec!["al-Baghdadi", "is", "dead", "."]
        );
    }
}
