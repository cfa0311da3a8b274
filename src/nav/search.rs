//! Search in the article text: every match of a query as byte ranges, smart-case
//! (case-insensitive unless the query has an uppercase letter, as in vim and ripgrep),
//! and stepping from a position to the next or previous match, wrapping.

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    query: String,
    matches: Vec<Range<usize>>,
}

impl Search {
    /// Finds every match of `query` in `text`.
    pub fn new(text: &str, query: &str) -> Search {
        Search {
            query: query.to_string(),
            matches: find_matches(text, query),
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The matches, sorted and non-overlapping.
    pub fn matches(&self) -> &[Range<usize>] {
        &self.matches
    }

    pub fn len(&self) -> usize {
        self.matches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }

    /// Match `i`.
    pub fn get(&self, i: usize) -> Option<&Range<usize>> {
        self.matches.get(i)
    }

    /// The first match starting at or after `pos`, wrapping to the first match (where a
    /// fresh search lands).
    pub fn first_from(&self, pos: usize) -> Option<usize> {
        self.wrap_forward(self.matches.partition_point(|m| m.start < pos))
    }

    /// The first match starting strictly after `pos`, wrapping (`n`).
    pub fn next_after(&self, pos: usize) -> Option<usize> {
        self.wrap_forward(self.matches.partition_point(|m| m.start <= pos))
    }

    /// The last match starting strictly before `pos`, wrapping to the last (`N`).
    pub fn prev_before(&self, pos: usize) -> Option<usize> {
        let at = self.matches.partition_point(|m| m.start < pos);
        match at.checked_sub(1) {
            Some(i) => Some(i),
            None => self.matches.len().checked_sub(1),
        }
    }

    /// The match containing byte `pos`, if any.
    pub fn at(&self, pos: usize) -> Option<usize> {
        let i = self.matches.partition_point(|m| m.end <= pos);
        self.matches.get(i).filter(|m| m.start <= pos).map(|_| i)
    }

    fn wrap_forward(&self, i: usize) -> Option<usize> {
        if i < self.matches.len() {
            Some(i)
        } else {
            (!self.matches.is_empty()).then_some(0)
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
}
