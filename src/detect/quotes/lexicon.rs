//! The word lists attribution relies on: verbs of saying, titles and ranks kept out of
//! names, and capitalised words that are never names. Written for this project.

/// Verbs of saying (all inflections listed, lowercase).
#[rustfmt::skip]
pub const CUE_VERBS: &[&str] = &[
    "acknowledged", "acknowledges", "add", "added", "adding", "adds", "admits", "admitted",
    "affirmed", "agreed", "agrees", "announced", "announces", "answer", "answered", "argued",
    "argues", "arguing", "ask", "asked", "asking", "asks", "assured", "began", "begins",
    "blasted", "boasted", "branded", "breathed", "broke", "burst", "called", "calling",
    "cautioned", "charged", "chided", "chimed", "claimed", "claiming", "commented",
    "complained", "complains", "conceded", "concedes", "concluded", "concludes", "continued",
    "continues", "corrected", "countered", "cried", "declared", "declares", "declaring",
    "demanded", "described", "describing", "dismissed", "drawled", "dubbed", "echoed",
    "emphasised", "emphasized", "enquired", "exclaimed", "explain", "explained", "explaining",
    "explains", "faltered", "gasped", "groaned", "growled", "hissed", "inquired", "insisted",
    "insisting", "insists", "interposed", "interrupted", "joked", "jokes", "joking", "labeled",
    "labelled", "laughed", "mentioned", "mocked", "murmured", "mused", "muttered", "note",
    "noted", "noting", "objected", "observed", "observes", "persisted", "pleaded", "posted",
    "predicted", "predicts", "proclaimed", "promised", "protested", "pursued", "put",
    "quipped", "quoted", "quoting", "reads", "recalled", "recalls", "rejoined", "remarked",
    "repeated", "replied", "replies", "reply", "reported", "reports", "responded", "responds",
    "resumed", "retorted", "returned", "said", "say", "saying", "says", "scolded", "screamed",
    "shouted", "shrieked", "sighed", "snapped", "snorted", "sobbed", "stammered", "stated",
    "stating", "stressed", "suggested", "suggests", "tell", "telling", "tells", "testified",
    "texted", "thought", "told", "tweet", "tweeted", "tweeting", "urged", "urges", "ventured",
    "vowed", "warned", "warning", "warns", "went", "whispered", "wondered", "write", "writes",
    "writing", "wrote",
];

/// Words of office, rank and courtesy that precede a name but are not part of it.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "adm.", "admiral", "ambassador", "anchor", "archbishop", "attorney", "aunt", "baron",
    "baroness", "bishop", "brig.", "brig.-gen.", "brother", "candidate", "capt.", "captain",
    "cardinal", "ceo", "chair", "chairman", "chairwoman", "chancellor", "chief", "cmdr.",
    "coach", "col.", "colonel", "commander", "count", "countess", "cousin", "czar", "dame",
    "defence", "defense", "del.", "delegate", "democrat", "democratic", "deputy", "detective",
    "director", "doctor", "dr", "dr.", "duchess", "duke", "emperor", "empress", "energy", "eu",
    "executive", "father", "field", "finance", "foreign", "former", "frau", "gen.", "general",
    "gop", "gov.", "governor", "grandfather", "grandmother", "health", "herr", "homeland",
    "host", "house", "imam", "inspector", "interior", "judge", "justice", "king", "lady",
    "leader", "lieutenant", "lord", "lt.", "madame", "mademoiselle", "maj.", "major",
    "majority", "marshal", "mayor", "minister", "minority", "miss", "mme.", "monsieur", "mr",
    "mr.", "mrs", "mrs.", "ms", "ms.", "nato", "nominee", "officer", "pope", "president",
    "press", "prime", "prince", "princess", "prof.", "professor", "queen", "rabbi", "rep.",
    "representative", "republican", "rev.", "reverend", "saint", "secretary", "security",
    "sen.", "senate", "senator", "sergeant", "sgt.", "sheriff", "sir", "sister", "speaker",
    "spokesman", "spokeswoman", "st.", "state", "treasurer", "tsar", "u.s.", "uk", "un",
    "uncle", "us", "vice",
];

/// Capitalised words that begin sentences or clauses and are never (part of) a name.
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "a", "according", "after", "again", "ah", "alas", "all", "also", "although", "an", "and",
    "are", "as", "asked", "at", "ay", "aye", "because", "before", "both", "but", "by", "can",
    "certainly", "could", "dear", "did", "do", "does", "during", "each", "earlier", "either",
    "even", "ever", "every", "for", "friday", "from", "good", "he", "her", "here", "his",
    "how", "however", "i", "if", "in", "indeed", "instead", "is", "it", "its", "just", "later",
    "ma'am", "madam", "many", "meanwhile", "monday", "my", "nay", "neither", "never", "no",
    "nor", "not", "now", "of", "oh", "on", "once", "one", "only", "or", "our", "perhaps",
    "poor", "presently", "quite", "said", "saturday", "shall", "she", "should", "since", "sir",
    "so", "some", "sometimes", "still", "suddenly", "sunday", "surely", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "though", "thursday", "thus", "to",
    "today", "told", "tomorrow", "tuesday", "very", "was", "we", "wednesday", "well", "were",
    "what", "whatever", "when", "where", "while", "who", "why", "will", "with", "would", "yes",
    "yesterday", "yet", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::super::{phrases, words};
    use super::*;

    /// Every word list is sorted and holds each word once: a word added twice, or out of
    /// place, is one a reader would miss.
    #[test]
    fn lists_are_sorted_and_unique() {
        let lists: [(&str, &[&str]); 6] = [
            ("CUE_VERBS", CUE_VERBS),
            ("TITLES", TITLES),
            ("NOT_NAMES", NOT_NAMES),
            ("ABBREVIATIONS", words::ABBREVIATIONS),
            ("DETERMINERS", phrases::DETERMINERS),
            ("DESCRIPTION_STOPS", phrases::DESCRIPTION_STOPS),
        ];
        for (name, list) in lists {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}
