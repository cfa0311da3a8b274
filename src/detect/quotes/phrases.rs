//! Reading speaker phrases out of narration tokens: names (titles and sentence adverbs
//! left out), personal pronouns and descriptions ("the letter", "officials").

use std::ops::Range;

use super::words::{Gender, Token, is_cue_verb, is_not_name, is_title, pronoun, title_gender};

/// What kind of speaker phrase was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A proper name, titles removed.
    Name,
    /// A personal pronoun, to be resolved to a person named earlier.
    Pronoun,
    /// A description ("the letter", "a campaign spokesman", "sources").
    Description,
}

/// A speaker phrase in the narration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub span: Range<usize>,
    pub kind: PhraseKind,
    /// Gender told by a title or pronoun.
    pub gender: Option<Gender>,
}

pub const DETERMINERS: &[&str] = &[
    "a", "an", "another", "both", "her", "his", "its", "many", "my", "one", "other", "our",
    "several", "some", "that", "the", "their", "these", "this", "those", "three", "two", "your",
];

pub fn is_particle(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "van"
            | "von"
            | "al"
            | "bin"
            | "da"
            | "du"
            | "la"
            | "le"
            | "der"
            | "den"
            | "di"
            | "del"
            | "ter"
            | "st."
    )
}

pub fn is_name_word(t: &Token) -> bool {
    if !t.is_word() {
        return false;
    }
    if t.is_capitalised() {
        return !is_not_name(&t.lower());
    }
    // "al-Baghdadi", "bin-Salman": a lowercase prefix joined to a capitalised name.
    t.text
        .split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase))
}

/// A short all-capitals word ("US", "U.N."), a qualifier before a name.
pub fn is_acronym(t: &Token) -> bool {
    t.text.len() <= 4 && t.text.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Capitalised words opening a sentence before a name that are not part of it
/// ("Presently Lucy", "Poor Alice", "Cold-hearted Elinor").
pub fn is_sentence_adverb(lower: &str) -> bool {
    (lower.ends_with("ly") && lower.len() >= 8)
        || (lower.ends_with("ed") && lower.len() >= 5)
        || (lower.ends_with("ing") && lower.len() >= 6)
        || matches!(
            lower,
            "again" | "sometimes" | "poor" | "dear" | "little" | "young" | "old"
        )
}

/// Builds a name phrase from tokens `range`, removing leading titles (their gender kept).
/// A phrase of titles only ("the President") becomes a description.
pub fn name_phrase(toks: &[Token], range: Range<usize>) -> Option<Phrase> {
    if range.is_empty() {
        return None;
    }
    let mut gender = None;
    let mut start = range.start;
    while start < range.end {
        let lower = toks[start].lower();
        let qualifier = is_title(&lower)
            || ((is_acronym(&toks[start]) || is_sentence_adverb(&lower)) && range.end - start > 1);
        if qualifier {
            gender = gender.or(title_gender(&lower));
            start += 1;
        } else {
            break;
        }
    }
    // "German Chancellor Angela Merkel": the name follows the last title.
    if let Some(t) = (start..range.end)
        .rev()
        .find(|&k| is_title(&toks[k].lower()) && toks[k].is_capitalised())
        && t + 1 < range.end
    {
        gender = gender.or(title_gender(&toks[t].lower()));
        start = t + 1;
    }
    // Possessives ("Trump's") are owners, not speakers.
    let last = &toks[range.end - 1];
    if last.text.ends_with("'s") || last.text.ends_with("’s") {
        return None;
    }
    if start == range.end {
        let span = toks[range.start].span.start..toks[range.end - 1].span.end;
        return Some(Phrase {
            span,
            kind: PhraseKind::Description,
            gender,
        });
    }
    let span = toks[start].span.start..toks[range.end - 1].span.end;
    Some(Phrase {
        span,
        kind: PhraseKind::Name,
        gender,
    })
}

/// The name ending just before token `end`, if any.
pub fn name_before(toks: &[Token], end: usize) -> Option<Phrase> {
    let mut i = end;
    while i > 0 {
        let t = &toks[i - 1];
        let name_part = is_name_word(t) || (is_title(&t.lower()) && t.is_capitalised());
        let particle = is_particle(&t.lower()) && i < end && i >= 2 && is_name_word(&toks[i - 2]);
        if name_part || particle {
            i -= 1;
        } else {
            break;
        }
    }
    name_phrase(toks, i..end)
}

/// The name starting at token `start`, if any.
pub fn name_after(toks: &[Token], start: usize) -> Option<Phrase> {
    let mut i = start;
    while i < toks.len() {
        let t = &toks[i];
        let name_part = is_name_word(t) || (is_title(&t.lower()) && t.is_capitalised());
        let particle =
            is_particle(&t.lower()) && i > start && toks.get(i + 1).is_some_and(is_name_word);
        if name_part || particle {
            i += 1;
        } else {
            break;
        }
    }
    name_phrase(toks, start..i)
}

pub fn pronoun_at(t: &Token) -> Option<Phrase> {
    let lower = t.lower();
    let gender = pronoun(&lower)?;
    if matches!(lower.as_str(), "him" | "her") {
        return None;
    }
    Some(Phrase {
        span: t.span.clone(),
        kind: PhraseKind::Pronoun,
        gender,
    })
}

pub(super) const DESCRIPTION_STOPS: &[&str] = &[
    "after", "and", "as", "at", "be", "because", "before", "but", "by", "during", "if", "in", "is",
    "it", "not", "on", "said", "so", "than", "that", "to", "was", "what", "when", "where", "which",
    "while", "who", "with",
];

/// A lowercase noun phrase ending just before `end` ("the source", "officials").
pub fn description_before(toks: &[Token], end: usize) -> Option<Phrase> {
    let mut i = end;
    while i > 0 && end - i < 6 {
        let t = &toks[i - 1];
        let lower = t.lower();
        if !t.is_word() || DESCRIPTION_STOPS.contains(&lower.as_str()) || pronoun(&lower).is_some()
        {
            break;
        }
        i -= 1;
        if DETERMINERS.contains(&lower.as_str()) {
            let span = toks[i].span.start..toks[end - 1].span.end;
            return Some(Phrase {
                span,
                kind: PhraseKind::Description,
                gender: None,
            });
        }
    }
    // No determiner: accept a bare plural ("officials said", "sources say") or a
    // possessive ("Obama's former strategist").
    let head = toks.get(end.checked_sub(1)?)?;
    let possessive = toks[i..end]
        .first()
        .is_some_and(|t| t.text.ends_with("'s") || t.text.ends_with("’s"));
    if i < end
        && !head.is_capitalised()
        && (possessive || (head.text.ends_with('s') && head.text.len() > 3))
    {
        let span = toks[i].span.start..head.span.end;
        return Some(Phrase {
            span,
            kind: PhraseKind::Description,
            gender: None,
        });
    }
    None
}

/// A noun phrase starting with a determiner at `start` ("the letter", "a spokesman for X").
pub fn description_after(toks: &[Token], start: usize) -> Option<Phrase> {
    let first = toks.get(start)?;
    if !DETERMINERS.contains(&first.lower().as_str()) {
        return None;
    }
    let mut i = start + 1;
    while i < toks.len() && i - start < 7 {
        let t = &toks[i];
        let lower = t.lower();
        // A place in an organisation belongs to the description ("one source on the
        // panel", "his partner at Lenox"), a time or manner does not ("on Monday").
        let place = matches!(lower.as_str(), "on" | "at")
            && i > start + 1
            && toks.get(i + 1).is_some_and(|n| {
                matches!(n.lower().as_str(), "the" | "a")
                    || (n.is_capitalised() && !is_not_name(&n.lower()))
            });
        if !t.is_word() || (DESCRIPTION_STOPS.contains(&lower.as_str()) && lower != "to" && !place)
        {
            break;
        }
        // The phrase's verb ends it: "The New York Times reports", "the piece used",
        // "the nominee also outlined" (a participle right after the determiner is an
        // adjective: "the retired general").
        let verb = is_cue_verb(&lower)
            || (i > start + 1 && !t.is_capitalised() && (lower.ends_with("ed") || lower == "also"));
        if verb {
            break;
        }
        i += 1;
    }
    (i > start + 1).then(|| Phrase {
        span: first.span.start..toks[i - 1].span.end,
        kind: PhraseKind::Description,
        gender: None,
    })
}
