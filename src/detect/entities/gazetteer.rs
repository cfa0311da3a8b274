//! Gazetteers: lists of countries, regions, cities, nationalities (demonyms), first names and
//! surnames built from openly licensed data by `scripts/build_gazetteers.py` (see
//! `data/README.md`), plus short hand-written lists of English titles and organisation
//! words. Compiled in with `include_str!` and indexed once, by the hash of each entry's
//! lowercased tokens, so a phrase of the text is looked up without building strings.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::hash::{IdentityHasher, combine, word_hash_lower};
use super::tokens::tokenize;

/// A gazetteer category, one bit each in a [`Gazetteer`] lookup result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Category {
    Country = 0,
    Region = 1,
    City = 2,
    Demonym = 3,
    FirstName = 4,
    Surname = 5,
    OrgWord = 6,
    Title = 7,
    /// Closed-class words ("he", "how", "the"): never a name on their own.
    Function = 8,
}

pub const CATEGORIES: usize = 9;

impl Category {
    pub fn bit(self) -> u16 {
        1 << self as u8
    }
}

/// Titles and roles that precede a name and are kept out of it ("Maj. Gen.", "President").
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "governor",
    "gov",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rev",
    "reverend",
    "father",
    "sister",
    "brother",
    "rabbi",
    "imam",
    "ayatollah",
    "sheikh",
    "judge",
    "justice",
    "chief",
    "general",
    "gen",
    "lieutenant",
    "lt",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "sergeant",
    "sgt",
    "corporal",
    "cpl",
    "private",
    "pvt",
    "admiral",
    "adm",
    "commander",
    "cmdr",
    "brig",
    "brigadier",
    "marshal",
    "ambassador",
    "envoy",
    "commissioner",
    "director",
    "chairman",
    "chairwoman",
    "ceo",
    "spokesman",
    "spokeswoman",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "count",
    "countess",
    "duke",
    "duchess",
    "baron",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "herr",
    "frau",
    "senor",
    "senora",
    "officer",
    "agent",
    "inspector",
    "detective",
    "deputy",
    "defense",
    "defence",
    "foreign",
    "interior",
    "finance",
    "attorney",
    "former",
    "acting",
];

/// Words that end or mark an organisation's name ("Inc", "Party", "Ministry").
const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "ag",
    "gmbh",
    "sa",
    "nv",
    "bv",
    "spa",
    "group",
    "holdings",
    "company",
    "bank",
    "party",
    "union",
    "association",
    "institute",
    "university",
    "college",
    "council",
    "committee",
    "commission",
    "ministry",
    "department",
    "agency",
    "bureau",
    "office",
    "federation",
    "foundation",
    "organisation",
    "organization",
    "society",
    "league",
    "club",
    "fc",
    "united",
    "airlines",
    "airways",
    "motors",
    "industries",
    "systems",
    "technologies",
    "press",
    "news",
    "times",
    "post",
    "journal",
    "court",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "service",
    "services",
    "board",
    "authority",
    "exchange",
    "fund",
    "trust",
    "network",
    "television",
    "radio",
    "church",
    "school",
    "magazine",
    "weekly",
    "daily",
    "paper",
    "academy",
    "review",
    "gazette",
    "herald",
    "tribune",
    "telegraph",
    "guardian",
    "observer",
];

/// Closed-class English words (pronouns, determiners, conjunctions, interjections) and
/// the headings of books, which a capital at a sentence start can make look like names.
pub const FUNCTION_WORDS: &[&str] = &[
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
    "its", "they", "them", "their", "this", "that", "these", "those", "who", "whom", "whose",
    "which", "what", "when", "where", "why", "how", "here", "there", "then", "now", "if", "but",
    "and", "or", "nor", "so", "yet", "as", "a", "an", "the", "all", "some", "no", "not", "yes",
    "oh", "ah", "eh", "alas", "well", "go", "come", "let", "do", "is", "was", "be", "are", "were",
    "have", "has", "had", "can", "will", "shall", "may", "must", "would", "should", "could", "one",
    "every", "each", "both", "either", "neither", "after", "before", "while", "though", "although",
    "because", "since", "until", "perhaps", "chapter", "book", "part", "volume", "section",
    "contents", "preface", "epilogue", "prologue", "during", "in", "on", "at", "for", "with", "by",
    "from", "to", "of", "under", "over", "against", "between", "among", "through", "without",
    "within", "about", "into", "upon", "like", "despite", "unlike", "near", "towards", "toward",
    "across", "behind", "beyond",
];

/// The compiled-in gazetteer index: phrase hash -> category bits.
pub struct Gazetteer {
    entries: HashMap<u64, u16, IdentityHasher>,
    /// The hash of every proper prefix of a multi-word entry, so a phrase that starts no
    /// entry is given up after its first words.
    prefixes: HashSet<u64, IdentityHasher>,
    /// The longest entry, in tokens.
    pub max_len: usize,
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            entries: HashMap::default(),
            prefixes: HashSet::default(),
            max_len: 1,
        };
        let files: [(&str, Category); 6] = [
            (
                include_str!("../../../data/gazetteer/countries.txt"),
                Category::Country,
            ),
            (
                include_str!("../../../data/gazetteer/regions.txt"),
                Category::Region,
            ),
            (
                include_str!("../../../data/gazetteer/cities.txt"),
                Category::City,
            ),
            (
                include_str!("../../../data/gazetteer/demonyms.txt"),
                Category::Demonym,
            ),
            (
                include_str!("../../../data/gazetteer/first_names.txt"),
                Category::FirstName,
            ),
            (
                include_str!("../../../data/gazetteer/surnames.txt"),
                Category::Surname,
            ),
        ];
        for (list, cat) in files {
            for line in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
                g.add(line, cat);
            }
        }
        for w in TITLES {
            g.add(w, Category::Title);
        }
        for w in ORG_WORDS {
            g.add(w, Category::OrgWord);
        }
        for w in FUNCTION_WORDS {
            g.add(w, Category::Function);
        }
        g
    }

    fn add(&mut self, phrase: &str, cat: Category) {
        let toks = tokenize(phrase);
        if toks.is_empty() {
            return;
        }
        let mut h = 0;
        for (k, t) in toks.iter().enumerate() {
            if k > 0 {
                self.prefixes.insert(h);
            }
            h = combine(h, word_hash_lower(t.text(phrase)));
        }
        self.max_len = self.max_len.max(toks.len());
        *self.entries.entry(h).or_insert(0) |= cat.bit();
    }

    /// The categories of the phrase whose token hashes were folded into `phrase_hash` with
    /// [`combine`] (starting from 0).
    pub fn lookup(&self, phrase_hash: u64) -> u16 {
        self.entries.get(&phrase_hash).copied().unwrap_or(0)
    }

    /// Whether some longer entry starts with the phrase whose hash is `phrase_hash`.
    pub fn is_prefix(&self, phrase_hash: u64) -> bool {
        self.prefixes.contains(&phrase_hash)
    }

    /// The categories of a single word.
    pub fn word(&self, word: &str) -> u16 {
        self.lookup(combine(0, word_hash_lower(word)))
    }
}

/// The gazetteer, indexed on first use.
pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

/// Whether `word` (any case, trailing period ignored) is a title such as "Gen." or "President".
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_single_words_in_any_case() {
        let g = get();
        assert_ne!(g.word("Canada") & Category::Country.bit(), 0);
        assert_ne!(g.word("CANADIAN") & Category::Demonym.bit(), 0);
        assert_ne!(g.word("Iraqis") & Category::Demonym.bit(), 0);
        assert_ne!(g.word("John") & Category::FirstName.bit(), 0);
        assert_eq!(g.word("however"), 0);
    }

    #[test]
    fn finds_multi_word_entries() {
        let g = get();
        let phrase = "United States";
        let mut h = 0;
        for t in tokenize(phrase) {
            h = combine(h, word_hash_lower(t.text(phrase)));
        }
        assert_ne!(g.lookup(h) & Category::Country.bit(), 0);
        assert!(g.max_len >= 2);
    }

    #[test]
    fn titles_ignore_case_and_period() {
        assert!(is_title("Gen."));
        assert!(is_title("PRESIDENT"));
        assert!(!is_title("Donald"));
    }
}
