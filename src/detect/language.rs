//! Which language an article is written in, and whether gloss's detectors read it.
//!
//! The detectors are English: their entity model was trained on English, their date
//! grammar and quote cues are English words. On a French or Chinese article they give
//! junk (clause-long "entities", "Les" as a person), so such an article is annotated with
//! nothing and says why, in the status bar and the JSON. The language is told by
//! whatlang's trigram and script model (MIT; chosen over `lingua`, whose models are
//! ~100 MB, and `whichlang`, which knows 16 languages), on a few samples of the text so a
//! 5 MB book costs what a page does. Only a reliable verdict of another language turns
//! the detectors off: a short or mixed text is read as English, as before.

use whatlang::{Detector, Lang};

/// A language told from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    lang: Lang,
}

impl Language {
    /// ISO 639-3 code ("eng", "fra", "cmn").
    pub fn code(self) -> &'static str {
        self.lang.code()
    }

    /// English name ("French").
    pub fn name(self) -> &'static str {
        self.lang.eng_name()
    }

    /// Whether gloss's detectors read this language.
    pub fn supported(self) -> bool {
        self.lang == Lang::Eng
    }

    /// The line the reader's status bar and the JSON's warnings give for an article in a
    /// language the detectors do not read.
    pub fn notice(self) -> String {
        format!(
            "the text is in {}: gloss finds names, dates and quotes in English only, so none are shown",
            self.name()
        )
    }
}

/// Bytes of text looked at in each sample.
const SAMPLE_BYTES: usize = 1024;

/// Samples taken, spread over the text (its start, and further in).
const SAMPLES: usize = 3;

/// The language of `text`, when there is enough of it to tell reliably.
pub fn identify(text: &str) -> Option<Language> {
    assess(text).map(|(language, _)| language)
}

/// The language of `text` (when it can be told reliably) and whether the detectors read
/// the text: one look at the samples for both answers, as the JSON gives them.
pub fn assess(text: &str) -> Option<(Language, bool)> {
    let sample = sample(text);
    let info = Detector::new().detect(&sample)?;
    let language = Language { lang: info.lang() };
    let read = language.supported() || !foreign_prose(&sample);
    info.is_reliable().then_some((language, read))
}

/// The language of `text` when it is one the detectors do not read: they then find
/// nothing in it. Beyond whatlang's verdict, the text must read as prose of that
/// language: English texts that are mostly names and figures (a league table of
/// Yugoslav clubs, a list of Spanish towns) can look like another language to a trigram
/// model, and turning the detectors off on them would hide what they find.
pub fn unsupported(text: &str) -> Option<Language> {
    assess(text).and_then(|(language, read)| (!read).then_some(language))
}

/// English words that other languages written in Latin letters rarely use ("a", "in",
/// "on", "was" are French, Italian, German or Spanish words too).
const ENGLISH_WORDS: &[&str] = &[
    "and", "are", "by", "for", "from", "has", "have", "it", "of", "said", "that", "the", "this",
    "to", "were", "which", "with",
];

/// Whether `sample` reads as running text that is not English: hardly any of English's
/// commonest words, and (in a script with capitals) mostly words in lower case, as prose
/// is, rather than the capitalised names of a table or a list.
fn foreign_prose(sample: &str) -> bool {
    let (mut words, mut english, mut cased, mut lower) = (0usize, 0usize, 0usize, 0usize);
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let first = word.chars().next().unwrap_or(' ');
        if first.is_lowercase() {
            cased += 1;
            lower += 1;
            english += usize::from(ENGLISH_WORDS.binary_search(&word).is_ok());
        } else if first.is_uppercase() {
            cased += 1;
            let folded = word.to_lowercase();
            english += usize::from(ENGLISH_WORDS.binary_search(&folded.as_str()).is_ok());
        }
    }
    let hardly_english = english * 100 < words;
    let like_prose = cased < 20 || lower * 2 >= cased;
    hardly_english && like_prose
}

/// Up to [`SAMPLES`] pieces of [`SAMPLE_BYTES`] from across `text`, cut on character
/// boundaries and joined by a space (the whole text when it is short).
fn sample(text: &str) -> String {
    if text.len() <= SAMPLE_BYTES * SAMPLES {
        return text.to_string();
    }
    let step = text.len() / SAMPLES;
    (0..SAMPLES)
        .map(|i| {
            let start = floor_boundary(text, i * step);
            let end = floor_boundary(text, (start + SAMPLE_BYTES).min(text.len()));
            &text[start..end]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The city council voted on Tuesday to build a second bridge over the \
        river, ending a debate that had run for nearly a decade. Engineers will survey the banks \
        this summer, the mayor said, and residents will choose between two designs.";
    const FRENCH: &str = "Le conseil municipal a voté mardi la construction d'un second pont \
        sur la rivière, mettant fin à un débat qui durait depuis près de dix ans. Les ingénieurs \
        étudieront les berges cet été, a déclaré la maire, et les habitants choisiront.";
    const CHINESE: &str = "市议会周二投票决定在河上修建第二座桥，结束了一场持续近十年的辩论。\
        市长说，工程师们今年夏天将勘察河岸，居民们将在两种设计中做出选择。";

    #[test]
    fn english_is_read_and_other_languages_are_named() {
        assert_eq!(identify(ENGLISH).map(Language::code), Some("eng"));
        assert!(unsupported(ENGLISH).is_none());
        let french = unsupported(FRENCH).expect("French is told reliably");
        assert_eq!((french.code(), french.name()), ("fra", "French"));
        assert!(french.notice().contains("French"));
        assert_eq!(unsupported(CHINESE).map(Language::code), Some("cmn"));
    }

    #[test]
    fn english_made_of_foreign_names_is_still_read() {
        // A results table: names and figures, few English words, in no language's prose.
        let table = "Results of league matches played on Saturday:\n\
            Hajduk 2 Proleter 0\nZemun 1 Rad 0\nBorac 1 Mladost 2\nCukaricki 1 Vojvodina 0\n\
            Buducnost 1 Crvena Zvezda 3\nPartizan 6 Becej 0\nSloboda 4 Mladost 0\n\
            Obilic 2 Zeleznik 0\nSutjeska 1 Loznica 0\nRudar 0 Kikinda 1\n";
        assert!(unsupported(table).is_none());
        assert!(!foreign_prose(table));
        let spanish_clubs = "Spanish first division results on Sunday: Real Sociedad 2 Rayo \
            Vallecano 1, Atletico de Madrid 0 Deportivo de La Coruna 0, Sporting de Gijon 3 Real \
            Betis 1, Celta de Vigo 1 Real Oviedo 1, Compostela 2 Tenerife 2, Valladolid 0 \
            Zaragoza 1, Hercules de Alicante 1 Espanyol de Barcelona 2, Racing de Santander 1.";
        assert!(unsupported(spanish_clubs).is_none());
        assert!(foreign_prose(FRENCH) && foreign_prose(CHINESE));
        // English prose quoting a French sentence is English.
        let quoting =
            format!("{ENGLISH} She read out the decree: \"{FRENCH}\" and then she left the room.");
        assert!(unsupported(&quoting).is_none());
    }

    #[test]
    fn the_english_word_list_is_sorted_and_unique() {
        assert!(ENGLISH_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn too_little_text_to_tell_is_read_as_english() {
        for text in ["", "OK", "Paris 2024", "12:30"] {
            assert!(unsupported(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn a_long_text_is_told_from_samples_across_it() {
        let book = FRENCH.repeat(5_000);
        assert!(sample(&book).len() <= SAMPLES * (SAMPLE_BYTES + 1));
        assert_eq!(unsupported(&book).map(Language::code), Some("fra"));
        // Samples end on character boundaries, whatever the bytes.
        let accents = "é".repeat(10_000);
        assert!(sample(&accents).chars().all(|c| c == 'é' || c == ' '));
    }
}
