//! The name of a first-person narrator, for quotes attributed to "I" ("“Poirot!” I
//! exclaimed"): the name other speakers most often address in the vocative ("Well,
//! Hastings?", "mon ami Hastings!") that is never itself named at a cue.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::words::{is_not_name, is_title};

/// Fewer "I said" cues than this: not a first-person narration.
pub const MIN_FIRST_PERSON_CUES: usize = 10;

/// Fewer vocatives than this: no name to trust.
const MIN_VOCATIVES: u32 = 5;

/// The narrator's name: the most frequent vocative in the quotes `inners` that is not one
/// of the `speakers` named at cues.
pub fn narrator<'a>(
    text: &'a str,
    inners: &[Range<usize>],
    speakers: &HashSet<&str>,
) -> Option<&'a str> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for inner in inners {
        let quote = &text[inner.clone()];
        for (at, _) in quote.match_indices(|c: char| c.is_uppercase()) {
            let word_end = quote[at..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(quote.len(), |e| at + e);
            let word = &quote[at..word_end];
            let before = quote[..at].trim_end_matches(' ');
            let after = quote[word_end..].chars().next();
            // Set off by a comma before it, and followed by punctuation.
            let vocative =
                before.ends_with(',') && matches!(after, Some(',' | '!' | '?' | '.') | None);
            let lower = word.to_lowercase();
            if vocative
                && word.len() > 2
                && !is_not_name(&lower)
                && !is_title(&lower)
                && !speakers.contains(word)
            {
                *counts.entry(word).or_insert(0) += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_VOCATIVES)
        .max_by_key(|&(w, n)| (n, w))
        .map(|(w, _)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_addressed_unnamed_person() {
        let text = "“Well, Hastings?” “Yes, Hastings.” “No, Hastings!” “So, Hastings.” “Ah, Hastings?” “Hm, Poirot.”";
        let inners: Vec<Range<usize>> = text
            .match_indices('“')
            .map(|(i, _)| i + 3..text[i..].find('”').map_or(text.len(), |e| i + e))
            .collect();
        assert_eq!(narrator(text, &inners, &HashSet::new()), Some("Hastings"));
        assert_eq!(narrator(text, &inners, &HashSet::from(["Hastings"])), None);
    }
}
