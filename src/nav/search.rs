//! Search in the article text: every match of a query as byte ranges, smart-case
//! (case-insensitive unless the query has an uppercase letter, as in vim and ripgrep),
//! and stepping from a position to the next or previous match, wrapping.
//!
//! A one-letter query matches millions of times in a big book (`e`: 3.1 million in the
//! 33.6 MB test file), so a [`Search`] keeps its matches compact: `u32` starts and, since
//! the matches of a literal query nearly always share one length, that length once
//! (4 bytes a match where `Range<usize>` took 16). Text from 4 GiB on is not searched, as
//! it is not laid out either.

use std::ops::Range;

use regex::RegexBuilder;

/// True when a query should match case-sensitively: it has an uppercase letter.
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Byte ranges of every non-overlapping match of `query` (taken literally, smart-case) in
/// `text`, in order. An empty query matches nothing. Case folding is Unicode's simple
/// folding (via `regex`), so "straße" finds "STRASSE" only when it is spelled with ß.
pub fn find_matches(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let built = RegexBuilder::new(&regex::escape(query))
        .case_insensitive(!is_case_sensitive(query))
        .build();
    match built {
        Ok(re) => re.find_iter(text).map(|m| m.range()).collect(),
        // Only a query too large for the regex engine gets here: it matches nothing.
        Err(_) => Vec::new(),
    }
}

/// A query and its matches in one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    query: String,
    /// Where each match starts, in order (matches do not overlap).
    starts: Vec<u32>,
    ends: Ends,
}

/// Where the matches end.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ends {
    /// Every match is this many bytes long (all but case-folded matches of odd lengths).
    Fixed(u32),
    /// The end of each match, index for index with the starts.
    Each(Vec<u32>),
}

impl Default for Search {
    fn default() -> Search {
        Search {
            query: String::new(),
            starts: Vec::new(),
            ends: Ends::Fixed(0),
        }
    }
}

impl Search {
    /// Finds every match of `query` in `text` (within its first 4 GiB).
    pub fn new(text: &str, query: &str) -> Search {
        let mut found = Search {
            query: query.to_string(),
            ..Search::default()
        };
        let built = RegexBuilder::new(&regex::escape(query))
            .case_insensitive(!is_case_sensitive(query))
            .build();
        // Only a query too large for the regex engine fails to build: it matches nothing.
        let Some(re) = built.ok().filter(|_| !query.is_empty()) else {
            return found;
        };
        for m in re.find_iter(text) {
            let (Ok(start), Ok(end)) = (u32::try_from(m.start()), u32::try_from(m.end())) else {
                break;
            };
            found.push(start, end);
        }
        found.starts.shrink_to_fit();
        if let Ends::Each(ends) = &mut found.ends {
            ends.shrink_to_fit();
        }
        found
    }

    /// A search for `query` known to match nothing (it extends a query that matched
    /// nothing), made without looking at the text.
    pub fn nothing(query: &str) -> Search {
        Search {
            query: query.to_string(),
            ..Search::default()
        }
    }

    /// Appends the match `start..end` (after every match so far).
    fn push(&mut self, start: u32, end: u32) {
        let len = end.saturating_sub(start);
        match &mut self.ends {
            Ends::Fixed(l) if self.starts.is_empty() => *l = len,
            Ends::Fixed(l) if *l == len => {}
            Ends::Fixed(l) => {
                let l = *l;
                let ends = self.starts.iter().map(|&s| s.saturating_add(l)).collect();
                self.ends = Ends::Each(ends);
                return self.push(start, end);
            }
            Ends::Each(ends) => ends.push(end),
        }
        self.starts.push(start);
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Match `i`.
    pub fn get(&self, i: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(i)? as usize;
        let end = match &self.ends {
            Ends::Fixed(len) => start + *len as usize,
            Ends::Each(ends) => *ends.get(i)? as usize,
        };
        Some(start..end)
    }

    /// The index of the first match ending after byte `pos`.
    fn first_ending_after(&self, pos: usize) -> usize {
        match &self.ends {
            Ends::Fixed(len) => self
                .starts
                .partition_point(|&s| s as usize + *len as usize <= pos),
            Ends::Each(ends) => ends.partition_point(|&e| e as usize <= pos),
        }
    }

    /// The matches overlapping `range` (what one line of the view shows), with their
    /// indices, in order.
    pub fn overlapping(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        (self.first_ending_after(range.start)..self.len())
            .map_while(move |i| self.get(i).filter(|r| r.start < range.end).map(|r| (i, r)))
    }

    /// The first match starting at or after `pos`, wrapping to the first match (where a
    /// fresh search lands).
    pub fn first_from(&self, pos: usize) -> Option<usize> {
        self.wrap_forward(self.starts.partition_point(|&s| (s as usize) < pos))
    }

    /// The first match starting strictly after `pos`, wrapping (`n`).
    pub fn next_after(&self, pos: usize) -> Option<usize> {
        self.wrap_forward(self.starts.partition_point(|&s| s as usize <= pos))
    }

    /// The last match starting strictly before `pos`, wrapping to the last (`N`).
    pub fn prev_before(&self, pos: usize) -> Option<usize> {
        let at = self.starts.partition_point(|&s| (s as usize) < pos);
        match at.checked_sub(1) {
            Some(i) => Some(i),
            None => self.starts.len().checked_sub(1),
        }
    }

    /// The match containing byte `pos`, if any.
    pub fn at(&self, pos: usize) -> Option<usize> {
        let i = self.first_ending_after(pos);
        self.get(i).filter(|m| m.start <= pos).map(|_| i)
    }

    fn wrap_forward(&self, i: usize) -> Option<usize> {
        if i < self.starts.len() {
            Some(i)
        } else {
            (!self.starts.is_empty()).then_some(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let text = "Trump met trump. TRUMP!";
        assert_eq!(find_matches(text, "trump"), vec![0..5, 10..15, 17..22]);
        assert_eq!(find_matches(text, "Trump"), vec![0..5]);
        assert!(find_matches(text, "").is_empty());
    }

    #[test]
    fn queries_are_literal_and_unicode_aware() {
        assert_eq!(find_matches("a.b axb", "a.b"), vec![0..3]);
        assert_eq!(find_matches("ÉCOLE école", "école"), vec![0..6, 7..13]);
        assert_eq!(find_matches("日本語 日本", "日本"), vec![0..6, 10..16]);
    }

    #[test]
    fn next_and_previous_wrap() {
        let s = Search::new("ab ab ab", "ab");
        assert_eq!(s.len(), 3);
        assert_eq!(s.first_from(3), Some(1));
        assert_eq!(s.next_after(3), Some(2));
        assert_eq!(s.next_after(6), Some(0), "wraps to the first");
        assert_eq!(s.prev_before(3), Some(0));
        assert_eq!(s.prev_before(0), Some(2), "wraps to the last");
        assert_eq!(s.at(4), Some(1));
        assert_eq!(s.at(2), None);
        let none = Search::new("ab", "zz");
        assert_eq!(
            (none.next_after(0), none.prev_before(0), none.first_from(0)),
            (None, None, None)
        );
    }

    #[test]
    fn a_search_agrees_with_find_matches() {
        let text = "Kelvin \u{212A} k K ab ſ s S ß ẞ ss";
        for query in ["k", "s", "ss", "ab", "zz", "", "ß"] {
            let s = Search::new(text, query);
            let want = find_matches(text, query);
            let got: Vec<_> = (0..s.len()).filter_map(|i| s.get(i)).collect();
            assert_eq!(got, want, "{query:?}");
            let all: Vec<_> = s.overlapping(0..text.len()).map(|(_, r)| r).collect();
            assert_eq!(all, want, "{query:?}");
        }
    }

    #[test]
    fn matches_of_different_lengths_are_kept_exactly() {
        // "k" folds to the three-byte Kelvin sign as well as to "K".
        let text = "k \u{212A} K k";
        let s = Search::new(text, "k");
        assert!(matches!(s.ends, Ends::Each(_)));
        assert_eq!(s.get(1), Some(2..5));
        assert_eq!(s.get(2), Some(6..7));
        assert_eq!(s.at(3), Some(1));
        assert_eq!(s.at(5), None);
        let lines: Vec<_> = s.overlapping(3..7).collect();
        assert_eq!(lines, vec![(1, 2..5), (2, 6..7)]);
        let same = Search::new("ab ab", "ab");
        assert!(matches!(same.ends, Ends::Fixed(2)));
        assert_eq!(same.overlapping(1..3).collect::<Vec<_>>(), vec![(0, 0..2)]);
    }
}
