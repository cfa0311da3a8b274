//! Word-level view of the narration around a quote: a small tokenizer and the word
//! lists attribution relies on (cue verbs, titles, pronouns, words that start sentences
//! but never names).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

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
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "gen", "maj", "col", "capt", "lt", "sgt", "adm",
    "cmdr", "rev", "sen", "rep", "gov", "prof", "gen", "brig", "pres", "hon", "messrs", "mme",
    "mlle", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "mt", "ft", "fr", "supt", "insp", "det", "atty",
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
                } else if d == '.' && is_abbreviation(&s[i..end]) {
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

/// Verbs of saying (all inflections listed, lowercase).
const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "explained",
    "explains",
    "noted",
    "notes",
    "continued",
    "continues",
    "replied",
    "replies",
    "answered",
    "answers",
    "declared",
    "declares",
    "stated",
    "states",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "warned",
    "warns",
    "cried",
    "exclaimed",
    "remarked",
    "remarks",
    "observed",
    "observes",
    "whispered",
    "shouted",
    "muttered",
    "murmured",
    "thought",
    "commented",
    "comments",
    "responded",
    "responds",
    "tweeted",
    "tweets",
    "posted",
    "recalled",
    "recalls",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "suggested",
    "suggests",
    "announced",
    "announces",
    "joked",
    "jokes",
    "quipped",
    "countered",
    "counters",
    "concluded",
    "concludes",
    "urged",
    "urges",
    "demanded",
    "pleaded",
    "promised",
    "promises",
    "vowed",
    "vows",
    "repeated",
    "returned",
    "rejoined",
    "retorted",
    "interrupted",
    "sighed",
    "laughed",
    "screamed",
    "shrieked",
    "agreed",
    "agrees",
    "began",
    "begins",
    "cautioned",
    "boasted",
    "complained",
    "complains",
    "predicted",
    "predicts",
    "testified",
    "reported",
    "reports",
    "proclaimed",
    "mused",
    "groaned",
    "snapped",
    "explain",
    "add",
    "write",
    "ask",
    "note",
    "tweet",
    "reply",
    "answer",
    "wondered",
    "echoed",
    "assured",
    "persisted",
    "resumed",
    "exclaimed",
    "faltered",
    "stammered",
    "gasped",
    "protested",
    "objected",
    "sobbed",
    "growled",
    "hissed",
    "breathed",
    "ventured",
    "announced",
    "inquired",
    "enquired",
    "demanded",
    "corrected",
    "explained",
    "mentioned",
    "affirmed",
    "emphasized",
    "emphasised",
    "stressed",
    "wrote",
    "texted",
    "blasted",
    "charged",
    "chided",
    "reads",
    "put",
    "tweeting",
    "writing",
    "adding",
    "noting",
    "telling",
    "calling",
    "called",
    "dismissed",
    "mocked",
    "scolded",
    "described",
    "describing",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "declaring",
    "asking",
    "arguing",
    "warning",
    "explaining",
    "insisting",
    "claiming",
    "quoted",
    "quoting",
    "joking",
    "stating",
];

pub fn is_cue_verb(lower: &str) -> bool {
    CUES.contains(lower)
}

/// Words of office, rank and courtesy that precede a name but are not part of it.
const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "prof.",
    "professor",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "gen.",
    "general",
    "maj.",
    "major",
    "col.",
    "colonel",
    "capt.",
    "captain",
    "lt.",
    "lieutenant",
    "sgt.",
    "sergeant",
    "adm.",
    "admiral",
    "brig.",
    "brig.-gen.",
    "cmdr.",
    "commander",
    "rev.",
    "reverend",
    "father",
    "sister",
    "brother",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "duchess",
    "count",
    "countess",
    "lord",
    "lady",
    "sir",
    "dame",
    "madame",
    "mme.",
    "mademoiselle",
    "monsieur",
    "judge",
    "justice",
    "chief",
    "officer",
    "detective",
    "inspector",
    "ambassador",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "spokesman",
    "spokeswoman",
    "deputy",
    "attorney",
    "treasurer",
    "nominee",
    "candidate",
    "former",
    "defense",
    "defence",
    "foreign",
    "state",
    "health",
    "finance",
    "interior",
    "energy",
    "homeland",
    "security",
    "house",
    "senate",
    "majority",
    "minority",
    "press",
    "democratic",
    "republican",
    "democrat",
    "gop",
    "u.s.",
    "us",
    "uk",
    "un",
    "nato",
    "eu",
    "executive",
    "ceo",
    "host",
    "anchor",
    "professor",
    "doctor",
    "uncle",
    "aunt",
    "cousin",
    "grandfather",
    "grandmother",
    "saint",
    "st.",
    "herr",
    "frau",
    "baron",
    "baroness",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "field",
    "marshal",
    "sheriff",
    "coach",
    "rabbi",
    "imam",
    "cardinal",
    "bishop",
    "archbishop",
];

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

/// Capitalised words that begin sentences or clauses and are never (part of) a name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "so",
    "then",
    "when",
    "while",
    "if",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "as",
    "after",
    "before",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "yes",
    "no",
    "oh",
    "well",
    "now",
    "why",
    "what",
    "who",
    "how",
    "where",
    "earlier",
    "later",
    "meanwhile",
    "still",
    "yet",
    "also",
    "however",
    "although",
    "though",
    "because",
    "since",
    "during",
    "according",
    "asked",
    "said",
    "told",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "ah",
    "alas",
    "indeed",
    "perhaps",
    "nor",
    "not",
    "all",
    "some",
    "many",
    "one",
    "both",
    "each",
    "every",
    "instead",
    "do",
    "does",
    "did",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "can",
    "could",
    "shall",
    "should",
    "only",
    "even",
    "whatever",
    "neither",
    "either",
    "once",
    "just",
    "never",
    "ever",
    "dear",
    "poor",
    "oh",
    "ay",
    "aye",
    "nay",
    "sir",
    "madam",
    "ma'am",
    "good",
    "very",
    "quite",
    "surely",
    "certainly",
    "again",
    "sometimes",
    "presently",
    "suddenly",
    "then",
    "thus",
];

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
