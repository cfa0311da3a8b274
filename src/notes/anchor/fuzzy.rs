//! Approximate string search: where does a pattern occur in a text with at most `k` edits
//! (Levenshtein: insertions, deletions, substitutions)?
//!
//! The search is Myers' bit-parallel algorithm ("A fast bit-vector algorithm for approximate
//! string matching based on dynamic programming", J. ACM 1999, in Hyyrö's formulation), the
//! algorithm of the `approx-string-match` library that Hypothesis anchors with and the
//! successor of the Bitap search in diff-match-patch. It runs in one pass over the text with
//! one machine word per step, for patterns up to 64 characters; longer patterns are located
//! by their first and last 64 characters and then aligned in full by the textbook dynamic
//! programme ([`align`]) over a small window.

use std::collections::HashMap;

/// Pattern length one `u64` can hold.
pub const WORD: usize = 64;

/// A match of a pattern in a text: character offsets `start..end` into the searched slice
/// and the edit distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub errors: usize,
}

/// Per-character match masks of a pattern (bit `i` set where `pattern[i] == c`).
struct Peq {
    ascii: [u64; 128],
    other: HashMap<char, u64>,
}

impl Peq {
    fn new(pattern: &[char]) -> Peq {
        let mut peq = Peq {
            ascii: [0; 128],
            other: HashMap::new(),
        };
        for (i, &c) in pattern.iter().enumerate() {
            let bit = 1u64 << i;
            match peq.ascii.get_mut(c as usize) {
                Some(mask) => *mask |= bit,
                None => *peq.other.entry(c).or_default() |= bit,
            }
        }
        peq
    }

    fn get(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(&mask) => mask,
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }
}

/// End offsets (exclusive, in characters of `text`) where `pattern` (1..=64 characters)
/// matches with at most `k` errors, one per run of adjacent ends (its best), with the
/// errors. Empty for an empty or too long pattern.
pub fn search_ends(text: &[char], pattern: &[char], k: usize) -> Vec<(usize, usize)> {
    let m = pattern.len();
    if m == 0 || m > WORD {
        return Vec::new();
    }
    let peq = Peq::new(pattern);
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (u64::MAX, 0u64, m);
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut last_end = usize::MAX - 1;
    for (j, &c) in text.iter().enumerate() {
        let eq = peq.get(c);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & high != 0 {
            score += 1;
        } else if mh & high != 0 {
            score -= 1;
        }
        // No carry into bit 0: a match may start anywhere in the text.
        ph <<= 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        if score <= k {
            let end = j + 1;
            match ends.last_mut() {
                Some(last) if last_end + 1 == end => {
                    if score < last.1 {
                        *last = (end, score);
                    }
                }
                _ => ends.push((end, score)),
            }
            last_end = end;
        }
    }
    ends
}

/// The best alignment of the whole `pattern` to a substring of `window` (semi-global edit
/// distance, free start and end in the window), preferring the fewest errors, then the
/// earliest end. O(pattern * window) time, O(window) memory.
pub fn align(window: &[char], pattern: &[char]) -> Option<Match> {
    if pattern.is_empty() {
        return None;
    }
    // Row i holds, for every end j, the distance of pattern[..i] to the best substring
    // ending at j and where that substring starts.
    let n = window.len();
    let mut dist: Vec<usize> = vec![0; n + 1];
    let mut start: Vec<usize> = (0..=n).collect();
    let mut next_dist = vec![0; n + 1];
    let mut next_start = vec![0; n + 1];
    for (i, &p) in pattern.iter().enumerate() {
        next_dist[0] = i + 1;
        next_start[0] = 0;
        for j in 1..=n {
            let diag = dist[j - 1] + usize::from(window[j - 1] != p);
            let up = dist[j] + 1;
            let left = next_dist[j - 1] + 1;
            let (d, s) = if diag <= up && diag <= left {
                (diag, start[j - 1])
            } else if up <= left {
                (up, start[j])
            } else {
                (left, next_start[j - 1])
            };
            next_dist[j] = d;
            next_start[j] = s;
        }
        std::mem::swap(&mut dist, &mut next_dist);
        std::mem::swap(&mut start, &mut next_start);
    }
    let (end, errors) = dist
        .iter()
        .enumerate()
        .min_by_key(|&(j, &d)| (d, j))
        .map(|(j, &d)| (j, d))?;
    Some(Match {
        start: start[end],
        end,
        errors,
    })
}

/// Levenshtein distance of two short strings (for comparing a quote's context).
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut prev_diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let value = (prev_diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev_diag = row[j + 1];
            row[j + 1] = value;
        }
    }
    row[b.len()]
}

/// Every place `pattern` occurs in `text` with at most `k` errors, the best of overlapping
/// ones, sorted by start: the
/// candidates the anchorer scores. Patterns longer than [`WORD`] are found by their first
/// and last 64 characters, then aligned in full.
pub fn find_all(text: &[char], pattern: &[char], k: usize) -> Vec<Match> {
    let m = pattern.len();
    let mut found: Vec<Match> = Vec::new();
    let push = |found: &mut Vec<Match>, lo: usize, hi: usize| {
        let lo = lo.min(text.len());
        let hi = hi.clamp(lo, text.len());
        if let Some(mut hit) = align(&text[lo..hi], pattern) {
            hit.start += lo;
            hit.end += lo;
            if hit.errors <= k
                && !found
                    .iter()
                    .any(|f| f.start == hit.start && f.end == hit.end)
            {
                found.push(hit);
            }
        }
    };
    if m == 0 {
        return found;
    }
    if m <= WORD {
        for (end, _) in search_ends(text, pattern, k) {
            push(&mut found, end.saturating_sub(m + k), end);
        }
    } else {
        let probe_k = k.min(WORD / 4);
        let head = &pattern[..WORD];
        let tail = &pattern[m - WORD..];
        for (end, _) in search_ends(text, head, probe_k) {
            let start = end.saturating_sub(WORD);
            push(&mut found, start.saturating_sub(k), start + m + k);
        }
        for (end, _) in search_ends(text, tail, probe_k) {
            push(&mut found, end.saturating_sub(m + k), end + k);
        }
    }
    // Near-repetitive text gives several overlapping alignments of one place: keep the best.
    found.sort_by_key(|h| (h.errors, h.start));
    let mut kept: Vec<Match> = Vec::with_capacity(found.len());
    for hit in found {
        if !kept.iter().any(|k| k.start < hit.end && hit.start < k.end) {
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn myers_finds_ends_within_k() {
        let text = chars("the quick brown fox jumps over the lazy dog");
        let ends = search_ends(&text, &chars("quikc brown"), 2);
        assert_eq!(ends.len(), 1);
        let (end, errors) = ends[0];
        assert_eq!(end, "the quick brown".chars().count());
        assert!(errors <= 2);
        assert!(search_ends(&text, &chars("zzzzzzzz"), 2).is_empty());
    }

    #[test]
    fn myers_agrees_with_the_dynamic_programme() {
        let text = chars("abcabdabcdeabxcdeabc ééé abccde");
        for pat in ["abcde", "abd", "éé", "xcd", "abccde"] {
            let p = chars(pat);
            for k in 0..3 {
                let ends = search_ends(&text, &p, k);
                for &(end, errors) in &ends {
                    let best = (0..=end)
                        .map(|s| distance(&text[s..end], &p))
                        .min()
                        .unwrap();
                    assert_eq!(best, errors, "{pat} k={k} end={end}");
                }
            }
        }
    }

    #[test]
    fn align_finds_start_and_end() {
        let text = chars("xxxx hello wrold yyyy");
        let hit = align(&text, &chars("hello world")).unwrap();
        assert_eq!((hit.start, hit.end, hit.errors), (5, 16, 2));
    }

    #[test]
    fn long_patterns_are_found_by_head_or_tail() {
        let passage: String = (0..30).map(|i| format!("word{i} ")).collect();
        let edited = passage
            .replace("word3 ", "wrd3 ")
            .replace("word27", "word twenty-seven");
        let text = chars(&format!(
            "{}{}{}",
            "filler ".repeat(50),
            edited,
            "end ".repeat(20)
        ));
        let hits = find_all(&text, &chars(&passage), passage.chars().count() / 4);
        assert_eq!(hits.len(), 1, "{hits:?}");
        let found: String = text[hits[0].start..hits[0].end].iter().collect();
        assert!(
            found.starts_with("word0") && found.contains("twenty-seven"),
            "{found}"
        );
    }

    proptest::proptest! {
        /// Myers' reported errors are the true best distance of a substring ending there,
        /// and it reports something whenever some substring is within `k`.
        #[test]
        fn myers_is_exact(text in "[abc]{0,60}", pat in "[abc]{1,8}", k in 0usize..3) {
            let (text, p) = (chars(&text), chars(&pat));
            // With k >= m the empty string matches everywhere: not a case the anchorer makes.
            proptest::prop_assume!(k < p.len());
            let best_at = |end: usize| (0..=end).map(|s| distance(&text[s..end], &p)).min();
            let ends = search_ends(&text, &p, k);
            for &(end, errors) in &ends {
                proptest::prop_assert_eq!(best_at(end), Some(errors));
            }
            let any = (0..=text.len()).any(|end| best_at(end).is_some_and(|d| d <= k));
            proptest::prop_assert_eq!(any, !ends.is_empty());
        }
    }

    #[test]
    fn levenshtein() {
        assert_eq!(distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(distance(&[], &chars("abc")), 3);
    }
}
