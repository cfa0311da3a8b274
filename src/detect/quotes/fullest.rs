//! The fullest form of each name in a text: the first and the last word of the
//! capitalised names of two or three words mapped to the most frequent such name, for
//! speakers named by one word ("Trump" -> "Donald Trump").

use std::collections::{HashMap, HashSet};

use super::words::{is_not_name, is_title};

/// What [`fullest_names`] builds: a first or last name -> the fullest name in the text.
pub type FullestNames<'a> = Fullest<'a>;

/// Maps the first and the last word of the capitalised names of two or three words to the
/// most frequent such name ("Trump" -> "Donald Trump", "Katharine" -> "Katharine Hilbery"),
/// titles left out. One pass over the text.
pub fn fullest_names(text: &str) -> FullestNames<'_> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    for (at, word) in word_spans(text) {
        let trimmed = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = word.len() - trimmed.len();
        let core = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        let ends_run = core.len() < trimmed.len() || lead > 0;
        let is_name = core.starts_with(char::is_uppercase) && {
            let lower = core.to_lowercase();
            !is_not_name(&lower) && !is_title(&lower)
        };
        if is_name && lead == 0 {
            run = Some(match run {
                Some((s, _, n)) => (s, at + core.len(), n + 1),
                None => (at, at + core.len(), 1),
            });
        } else {
            record(text, run.take(), &mut counts);
            if is_name {
                run = Some((at + lead, at + lead + core.len(), 1));
            }
        }
        if ends_run {
            record(text, run.take(), &mut counts);
        }
    }
    record(text, run, &mut counts);
    let mut best: HashMap<&str, (&str, u32)> = HashMap::new();
    for (&name, &n) in &counts {
        let first = name.split(' ').next().unwrap_or(name);
        let last = name.rsplit(' ').next().unwrap_or(name);
        for key in [first, last] {
            let e = best.entry(key).or_insert((name, n));
            if n > e.1 || (n == e.1 && name > e.0) {
                *e = (name, n);
            }
        }
    }
    let surnames = counts
        .keys()
        .filter_map(|name| name.rsplit(' ').next())
        .collect();
    Fullest {
        by_word: best.into_iter().map(|(k, (name, _))| (k, name)).collect(),
        surnames,
    }
}

/// The capitalised names of two or three words in a text.
pub struct Fullest<'a> {
    /// First or last word -> the most frequent such name.
    pub(super) by_word: HashMap<&'a str, &'a str>,
    /// Words that end one of the names (surnames, as against first names).
    pub(super) surnames: HashSet<&'a str>,
}

fn record<'a>(text: &'a str, run: Option<(usize, usize, usize)>, out: &mut HashMap<&'a str, u32>) {
    let Some((s, e, n)) = run else { return };
    if !(2..=3).contains(&n) {
        return;
    }
    let name = &text[s..e];
    if name.contains(['\n', '\r', '\t']) || name.contains("  ") {
        return;
    }
    let first = name.split(' ').next().unwrap_or(name).to_lowercase();
    if super::phrases::is_sentence_adverb(&first) {
        return;
    }
    *out.entry(name).or_insert(0) += 1;
}

/// Whitespace-separated words with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split([' ', '\n', '\r', '\t'])
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullest_name_by_surname() {
        let t = "US President Donald Trump spoke. Later, Trump said so. Mr. Burman agreed.";
        let map = fullest_names(t).by_word;
        assert_eq!(map.get("Trump"), Some(&"Donald Trump"));
        assert_eq!(map.get("Burman"), None);
    }
}
