//! The tense of the clause around a date expression, read from the nearest verb marker:
//! "voted Sunday" is past, "will meet Friday" is future. A cheap stand-in for a parser:
//! within the clause, the marker closest to the expression wins.

/// What the clause says about when, relative to the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No marker found (or present tense): the resolver picks the nearest reading.
    Unknown,
}

/// How far a clause reaches either side of the expression, in bytes.
const REACH: usize = 160;

fn is_boundary(c: char) -> bool {
    matches!(c, '\n' | '!' | '?' | ';' | '“' | '”' | '"' | '(' | ')')
}

/// Past-tense forms that do not end in -ed.
const IRREGULAR_PAST: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "told",
    "met",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "began",
    "spoke",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "held",
    "led",
    "saw",
    "found",
    "got",
    "ran",
    "paid",
    "sent",
    "spent",
    "built",
    "felt",
    "kept",
    "thought",
    "brought",
    "wrote",
    "became",
    "broke",
    "chose",
    "drew",
    "drove",
    "flew",
    "forgot",
    "grew",
    "knew",
    "meant",
    "heard",
    "stood",
    "struck",
    "swore",
    "taught",
    "threw",
    "understood",
    "woke",
    "wore",
    "sank",
    "shot",
    "slid",
    "hit",
    "quit",
    "ago",
    "earlier",
    "last",
    "former",
    "fought",
    "sought",
    "caught",
    "sat",
    "beat",
    "bid",
    "rang",
    "sang",
    "withdrew",
    "overtook",
];

/// Words that put a clause in the future.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "’ll",
    "going",
    "scheduled",
    "planned",
    "expected",
    "payable",
    "expire",
    "expires",
    "matures",
    "mature",
    "expects",
    "expect",
    "intends",
    "upcoming",
    "next",
    "tomorrow",
    "would",
    "wo",
    "due",
    "coming",
    "slated",
    "hopes",
    "aims",
    "planning",
    "preparing",
    "soon",
    "supposed",
];

/// Words ending in -ed that are not past verbs.
const NOT_PAST: &[&str] = &[
    "need",
    "indeed",
    "proceed",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "shed",
    "breed",
    "creed",
    "greed",
    "hundred",
    "exceed",
    "succeed",
    "united",
    "limited",
    "naked",
    "wicked",
    "sacred",
    "scheduled",
    "planned",
    "expected",
    "based",
];

/// Modal auxiliaries: before the expression they set the tense of the whole verb group
/// ("will be named ... in December"), so they outweigh a nearer participle.
const MODALS: &[&str] = &["will", "shall", "'ll", "’ll"];

/// A word's tense marker and its weight in bytes: a lighter marker wins from further
/// away. A bare -ed word is weak evidence (it may be an adjective: "the reduced dividend").
fn marker(word: &str) -> Option<(Tense, isize)> {
    let lower = word.to_lowercase();
    let w = lower.as_str();
    if MODALS.contains(&w) {
        return Some((Tense::Future, -40));
    }
    if FUTURE.contains(&w) {
        return Some((Tense::Future, 0));
    }
    if IRREGULAR_PAST.contains(&w) {
        return Some((Tense::Past, 0));
    }
    if w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w) {
        return Some((Tense::Past, 30));
    }
    None
}

/// The clause of `text` around `span`: from the last boundary before it to the first
/// after it, at most [`REACH`] bytes each way.
fn clause(text: &str, span: std::ops::Range<usize>) -> (usize, usize) {
    let mut lo = span.start.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (span.end + REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = text[lo..span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_boundary(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let start = sentence_start(&text[start..span.start]).map_or(start, |i| start + i);
    let end = text[span.end..hi]
        .find(|c: char| is_boundary(c))
        .map_or(hi, |i| span.end + i);
    let end = sentence_end(&text[span.end..end]).map_or(end, |i| span.end + i);
    (start, end)
}

/// Where the last sentence of `s` starts: after ". " followed by a capital, where the
/// word before the dot is not an abbreviation ("Jan.", "Mr.").
fn sentence_start(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(2)).rev().find_map(|i| {
        (bytes[i] == b'.' && bytes[i + 1] == b' ' && is_sentence_dot(s, i)).then_some(i + 2)
    })
}

fn sentence_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len()).find(|&i| {
        bytes[i] == b'.' && bytes.get(i + 1).is_none_or(|&b| b == b' ') && is_sentence_dot(s, i)
    })
}

/// A dot ends a sentence unless the word before it is short and capitalised
/// (an abbreviation such as "Jan." or "Gen.").
fn is_sentence_dot(s: &str, dot: usize) -> bool {
    let word: &str = s[..dot]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !(word.len() <= 4 && word.chars().next().is_some_and(char::is_uppercase))
}

/// The tense of the clause around `span`, from the verb marker nearest to it.
pub fn tense_at(text: &str, span: std::ops::Range<usize>) -> Tense {
    let (start, end) = clause(text, span.clone());
    // A preposition right before the expression says it outright: "until March",
    // "through January", "by Friday" look ahead; "since March" looks back.
    if let Some((_, w)) = words(&text[start..span.start]).last()
        && text[start..span.start].trim_end().ends_with(w)
    {
        match w.to_lowercase().as_str() {
            "until" | "till" | "through" => return Tense::Future,
            "since" => return Tense::Past,
            _ => {}
        }
    }
    // "Friday's close", "Saturday night's debate": an event already named is past.
    if text[span.end..].starts_with("'s") || text[span.end..].starts_with("’s") {
        return Tense::Past;
    }
    let mut best: Option<(isize, Tense)> = None;
    let mut consider = |distance: usize, word: &str, before: bool| {
        if let Some((t, weight)) = marker(word) {
            // A modal after the expression belongs to another verb group, and the verb
            // right before it governs it ("announced Friday, holders would receive").
            let weight = match (before, distance <= word.len() + 2) {
                (true, true) => weight.min(0),
                (true, false) => weight,
                (false, _) => weight.max(0) + 10,
            };
            let d = distance as isize + weight;
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, t));
            }
        }
    };
    let before: Vec<(usize, &str)> = words(&text[start..span.start]).collect();
    for (k, &(i, word)) in before.iter().enumerate() {
        // "set to resume", "is to open": an arrangement, so the future.
        let next = before.get(k + 1).map_or("", |&(_, w)| w);
        let word = match (word.to_lowercase().as_str(), next) {
            ("set" | "is" | "are", "to") => "scheduled",
            _ => word,
        };
        consider(span.start.saturating_sub(start + i), word, true);
    }
    for (i, word) in words(&text[span.end..end]) {
        consider(i, word, false);
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// The words of `s` with their byte offsets; apostrophe contractions ("'ll") are words.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_word_bound_indices_ascii()
}

trait AsciiWords {
    fn split_word_bound_indices_ascii(&self) -> std::vec::IntoIter<(usize, &str)>;
}

impl AsciiWords for str {
    fn split_word_bound_indices_ascii(&self) -> std::vec::IntoIter<(usize, &str)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in self.char_indices() {
            let word_char = c.is_alphanumeric() || c == '-';
            let apostrophe = c == '\'' || c == '’';
            match (start, word_char, apostrophe) {
                (None, true, _) => start = Some(i),
                (Some(_), true, _) => {}
                (Some(s), false, true) => {
                    out.push((s, &self[s..i]));
                    start = Some(i);
                }
                (None, false, true) => start = Some(i),
                (Some(s), false, false) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                (None, false, false) => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &self[s..]));
        }
        out.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, word: &str) -> Tense {
        let start = text.find(word).unwrap_or(0);
        tense_at(text, start..start + word.len())
    }

    #[test]
    fn reads_the_nearest_marker() {
        let cases = [
            (
                "The parliament of Iraq voted Sunday on the removal.",
                "Sunday",
                Tense::Past,
            ),
            (
                "The two leaders will meet Friday in Paris.",
                "Friday",
                Tense::Future,
            ),
            (
                "He said the talks would resume Friday.",
                "Friday",
                Tense::Future,
            ),
            (
                "Earlier Monday, Sajjan said he spoke with NATO.",
                "Monday",
                Tense::Past,
            ),
            ("They'll decide Monday.", "Monday", Tense::Future),
            ("Talks on Monday.", "Monday", Tense::Unknown),
            ("He resigned. The vote is Friday.", "Friday", Tense::Unknown),
            (
                "in his October 27 speech. It was said",
                "October 27",
                Tense::Unknown,
            ),
            (
                "Collins will be named commander for a mission in December.",
                "December",
                Tense::Future,
            ),
            (
                "The reduced dividend is payable Jan. 2 to holders.",
                "Jan. 2",
                Tense::Future,
            ),
            (
                "under the terms announced Friday, holders would receive",
                "Friday",
                Tense::Past,
            ),
            (
                "the peace process, set to resume Monday in Belfast",
                "Monday",
                Tense::Future,
            ),
            ("loans extended through January.", "January", Tense::Future),
            (
                "Three days later, as of Friday's close",
                "Friday",
                Tense::Past,
            ),
        ];
        for (text, word, want) in cases {
            assert_eq!(tense_of(text, word), want, "{text}");
        }
    }

    #[test]
    fn abbreviations_do_not_end_the_clause() {
        assert_eq!(
            tense_of("Gen. Smith arrived Jan. 6 in Baghdad.", "6"),
            Tense::Past
        );
    }
}
