//! Acronyms and their expansions: the initials of a name's content words
//! ("Department of National Defense" -> "DND", "Islamic state of Iraq and the Levant" ->
//! "ISIL"), and the search that finds the written-out form of an acronym the tagger found,
//! even where the tagger cut it into pieces.

mod expansion;

pub use expansion::{Candidates, Chunk, Expansions, MAX_ACRONYMS, expand_in_one_chunk};

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

#[cfg(test)]
mod tests {
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
}
