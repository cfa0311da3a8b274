//! The role the narration gives a speaker where it names them: an appositive after the
//! name ("Brian Fallon, Clinton press secretary, said") or the words of office before it
//! ("said MSNBC host Chris Matthews"), for the Quotes tab's "Name, role".

use std::ops::Range;

use super::phrases::{DESCRIPTION_STOPS, DETERMINERS};
use super::words::{Token, is_cue_verb, is_title, pronoun, tokens};

/// How far (bytes) a role is read on either side of the name.
const REACH: usize = 120;

/// Most words a role may have.
const MAX_WORDS: usize = 10;

/// The role of the speaker named at `name` (a byte span of `text`), if the text gives one.
pub(super) fn role(text: &str, name: Range<usize>) -> Option<String> {
    after(text, name.end).or_else(|| before(text, name.start))
}

fn is_stop(t: &Token) -> bool {
    let lower = t.lower();
    is_cue_verb(&lower)
        || pronoun(&lower).is_some()
        || DESCRIPTION_STOPS.contains(&lower.as_str()) && !matches!(lower.as_str(), "at" | "on")
        || matches!(
            lower.as_str(),
            "who" | "whose" | "speaking" | "for" | "of" | "in"
        )
}

/// A role is a noun phrase of office: it holds a title or a lowercase word, and is not
/// a run of names.
fn is_role(words: &[Token]) -> bool {
    (1..=MAX_WORDS).contains(&words.len())
        && words.iter().all(Token::is_word)
        // A time or a number is not a role ("Trump, 8:15 p.m.").
        && words.iter().all(|t| !t.text.contains(|c: char| c.is_ascii_digit()))
        && words.iter().all(|t| !is_cue_verb(&t.lower()))
        && words.iter().any(|t| {
            let lower = t.lower();
            is_title(&lower) || (!t.is_capitalised() && !super::is_minor_word(&lower))
        })
        && !words[0].lower().ends_with("ing")
        // One word alone is a role only as a title ("prominent" is not).
        && (words.len() > 1 || is_title(&words[0].lower()))
}

/// ", Clinton press secretary," after the name.
fn after(text: &str, end: usize) -> Option<String> {
    let stop = super::words::floor_boundary(text, (end + REACH).min(text.len()));
    let toks = tokens(text, end..stop);
    if toks.first()?.text != "," {
        return None;
    }
    let close = toks[1..]
        .iter()
        .position(|t| !t.is_word() && t.text != "'")
        .map(|k| k + 1)?;
    let words = &toks[1..close];
    if !matches!(toks[close].text, "," | "." | ";") || words.first().is_none_or(is_stop) {
        return None;
    }
    let first = words[0].lower();
    let words = if DETERMINERS.contains(&first.as_str()) && first != "the" {
        words
    } else if first == "the" {
        &words[1..]
    } else {
        words
    };
    is_role(words).then(|| span_text(text, words))
}

/// "MSNBC host" right before the name, back to a cue verb, a determiner or punctuation.
fn before(text: &str, start: usize) -> Option<String> {
    let from = super::words::ceil_boundary(text, start.saturating_sub(REACH));
    let toks = tokens(text, from..start);
    let k = toks
        .iter()
        .rposition(|t| !t.is_word() || is_stop(t) || DETERMINERS.contains(&t.lower().as_str()))
        .map_or(0, |k| k + 1);
    let mut words = &toks[k..];
    // A title right before the name is its own ("nominee Gov. Mike Pence"): the role
    // ends before it.
    while let Some((last, rest)) = words.split_last()
        && last.is_capitalised()
        && is_title(&last.lower())
        && !rest.is_empty()
    {
        words = rest;
    }
    let single_title = words.len() == 1 && words[0].is_capitalised();
    // Capitalised words right before the name that are no title are the name's own
    // ("Rep. G.K. Butterfield").
    let ends_well = words
        .last()
        .is_some_and(|t| !t.is_capitalised() || is_title(&t.lower()));
    (!single_title && ends_well && is_role(words)).then(|| span_text(text, words))
}

fn span_text(text: &str, words: &[Token]) -> String {
    let (first, last) = (&words[0], &words[words.len() - 1]);
    text[first.span.start..last.span.end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(text: &str, name: &str) -> Option<String> {
        let at = text.find(name).unwrap();
        role(text, at..at + name.len())
    }

    #[test]
    fn appositives_and_titles() {
        assert_eq!(
            role_of(
                "Brian Fallon, Clinton press secretary, said on Monday.",
                "Brian Fallon"
            ),
            Some("Clinton press secretary".into())
        );
        assert_eq!(
            role_of("“Yes,” said MSNBC host Chris Matthews.", "Chris Matthews"),
            Some("MSNBC host".into())
        );
        assert_eq!(
            role_of(
                "Leonard E. Burman, director of the Tax Policy Center, said.",
                "Leonard E. Burman"
            ),
            Some("director of the Tax Policy Center".into())
        );
    }

    #[test]
    fn no_role_is_invented() {
        assert_eq!(
            role_of("“No,” said Caddell, speaking of it.", "Caddell"),
            None
        );
        assert_eq!(role_of("“No,” Trump said.", "Trump"), None);
        assert_eq!(role_of("Sen. Bernie Sanders said.", "Bernie Sanders"), None);
        assert_eq!(role_of("Smith, Jones and Brown said.", "Smith"), None);
        assert_eq!(role_of("Donald Trump, 8:15 p.m. ET.", "Donald Trump"), None);
        assert_eq!(role_of("said Rep. G.K. Butterfield.", "Butterfield"), None);
        assert_eq!(
            role_of("Republicans, prominent, said.", "Republicans"),
            None
        );
        assert_eq!(
            role_of(
                "said Republican vice-presidential nominee Gov. Mike Pence.",
                "Mike Pence"
            ),
            Some("Republican vice-presidential nominee".into())
        );
    }
}
