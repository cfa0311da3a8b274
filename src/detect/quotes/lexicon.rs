//! The word lists attribution relies on: verbs of saying, titles and ranks kept out of
//! names, and capitalised words that are never names. Written for this project.

/// Verbs of saying (all inflections listed, lowercase).
#[rustfmt::skip]
pub const CUE_VERBS: &[&str] = &[
    "pursued", "burst", "interposed", "chimed", "went", "broke", "drawled", "snorted",
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "wrote",
    "writes", "asked", "asks", "explained", "explains", "noted", "continued", "continues",
    "replied", "replies", "answered", "declared", "declares", "stated", "insisted", "insists",
    "argued", "argues", "claimed", "warned", "warns", "cried", "exclaimed", "remarked",
    "observed", "observes", "whispered", "shouted", "muttered", "murmured", "thought",
    "commented", "responded", "responds", "tweeted", "posted", "recalled", "recalls",
    "acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes", "suggested",
    "suggests", "announced", "announces", "joked", "jokes", "quipped", "countered", "concluded",
    "concludes", "urged", "urges", "demanded", "pleaded", "promised", "vowed", "repeated",
    "returned", "rejoined", "retorted", "interrupted", "sighed", "laughed", "screamed",
    "shrieked", "agreed", "agrees", "began", "begins", "cautioned", "boasted", "complained",
    "complains", "predicted", "predicts", "testified", "reported", "proclaimed", "mused",
    "groaned", "snapped", "explain", "add", "write", "ask", "note", "tweet", "reply", "answer",
    "wondered", "echoed", "assured", "persisted", "resumed", "exclaimed", "faltered",
    "stammered", "gasped", "protested", "objected", "sobbed", "growled", "hissed", "breathed",
    "ventured", "announced", "inquired", "enquired", "demanded", "corrected", "explained",
    "mentioned", "affirmed", "emphasized", "emphasised", "stressed", "wrote", "texted",
    "blasted", "charged", "chided", "reads", "put", "tweeting", "writing", "adding", "noting",
    "telling", "calling", "called", "dismissed", "mocked", "scolded", "described", "describing",
    "labeled", "labelled", "dubbed", "branded", "declaring", "asking", "arguing", "warning",
    "explaining", "insisting", "claiming", "reports", "quoted", "quoting", "joking", "stating",
];

/// Words of office, rank and courtesy that precede a name but are not part of it.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof.", "professor",
    "president", "chancellor", "vice", "prime", "minister", "secretary", "sen.", "senator",
    "rep.", "representative", "del.", "delegate", "gov.", "governor", "mayor", "gen.", "general", "maj.", "major",
    "col.", "colonel", "capt.", "captain", "lt.", "lieutenant", "sgt.", "sergeant", "adm.",
    "admiral", "brig.", "brig.-gen.", "cmdr.", "commander", "rev.", "reverend", "father",
    "sister", "brother", "pope", "king", "queen", "prince", "princess", "duke", "duchess",
    "count", "countess", "lord", "lady", "sir", "dame", "madame", "mme.", "mademoiselle",
    "monsieur", "judge", "justice", "chief", "officer", "detective", "inspector", "ambassador",
    "speaker", "leader", "chairman", "chairwoman", "chair", "director", "spokesman",
    "spokeswoman", "deputy", "attorney", "treasurer", "nominee", "candidate", "former",
    "defense", "defence", "foreign", "state", "health", "finance", "interior", "energy",
    "homeland", "security", "house", "senate", "majority", "minority", "press", "democratic",
    "republican", "democrat", "gop", "u.s.", "us", "uk", "un", "nato", "eu", "executive", "ceo",
    "host", "anchor", "professor", "doctor", "uncle", "aunt", "cousin", "grandfather",
    "grandmother", "saint", "st.", "herr", "frau", "baron", "baroness", "emperor", "empress",
    "tsar", "czar", "field", "marshal", "sheriff", "coach", "rabbi", "imam", "cardinal",
    "bishop", "archbishop",
];

/// Capitalised words that begin sentences or clauses and are never (part of) a name.
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "so", "then", "when", "while", "if", "in", "on", "at",
    "of", "for", "to", "from", "by", "with", "as", "after", "before", "this", "that", "these",
    "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "my", "your", "there", "here", "yes", "no", "oh", "well", "now", "why", "what", "who",
    "how", "where", "earlier", "later", "meanwhile", "still", "yet", "also", "however",
    "although", "though", "because", "since", "during", "according", "asked", "said", "told",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow", "ah", "alas", "indeed", "perhaps", "nor", "not", "all", "some",
    "many", "one", "both", "each", "every", "instead", "do", "does", "did", "is", "was", "are",
    "were", "will", "would", "can", "could", "shall", "should", "only", "even", "whatever",
    "neither", "either", "once", "just", "never", "ever", "dear", "poor", "oh", "ay", "aye",
    "nay", "sir", "madam", "ma'am", "good", "very", "quite", "surely", "certainly", "again",
    "sometimes", "presently", "suddenly", "then", "thus",
];
