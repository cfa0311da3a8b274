//! Finding who a cue verb attributes speech to: the subject before the verb ("Trump
//! said", "Harjit Sajjan, Canadian defense minister, said"), after it ("said Caddell",
//! "commented the letter"), or after "according to".

use super::phrases::{
    DETERMINERS, description_after, description_before, name_after, name_before, pronoun_at,
};
pub use super::phrases::{Phrase, PhraseKind};
use super::words::{Token, is_cue_verb};

/// Verbs that may come before their subject right after a quote ("said Trump").
fn invertible(lower: &str) -> bool {
    is_cue_verb(lower)
        && !matches!(
            lower,
            "told" | "tells" | "tell" | "say" | "called" | "calling" | "telling"
        )
        && !lower.ends_with("ing")
}

/// Words that may stand between a subject and its verb ("Trump also said").
fn is_adverb(lower: &str) -> bool {
    (lower.ends_with("ly") && lower.len() > 3)
        || matches!(
            lower,
            "also"
                | "later"
                | "then"
                | "again"
                | "further"
                | "has"
                | "had"
                | "have"
                | "was"
                | "is"
                | "would"
                | "will"
                | "once"
                | "just"
                | "never"
                | "often"
                | "ever"
                | "first"
                | "now"
                | "still"
                | "afterward"
                | "afterwards"
                | "soon"
                | "finally"
                | "quickly"
                | "simply"
                | "previously"
        )
}

/// The subject of the verb at token `verb`, looking left: skips adverbs and an appositive
/// set off by commas ("X, the ..., said").
pub fn subject_before(toks: &[Token], verb: usize) -> Option<Phrase> {
    let mut end = verb;
    while end > 0 && is_adverb(&toks[end - 1].lower()) {
        end -= 1;
    }
    let last = toks.get(end.checked_sub(1)?)?;
    if last.text == "," || last.text == ")" {
        // An appositive: the subject ends before the comma that opens it. With several
        // commas ("X, president of Y, which ..., said") the leftmost name not directly
        // followed by another name wins ("In Washington, Smith, the senator, said").
        let mut j = end - 1;
        let limit = j.saturating_sub(40);
        let mut best: Option<Phrase> = None;
        while j > limit {
            j -= 1;
            let t = toks[j].text;
            if t == "," || t == "(" {
                let found = name_before(toks, j)
                    .or_else(|| j.checked_sub(1).and_then(|k| pronoun_at(&toks[k])));
                if let Some(p) = found {
                    let follows_name = best.as_ref().is_some_and(|b| {
                        toks.get(j + 1)
                            .is_some_and(|n| n.span.start == b.span.start)
                    });
                    if best.is_none() || !follows_name {
                        best = Some(p);
                    }
                }
            }
            if matches!(t, "." | "!" | "?" | ";" | ":") {
                break;
            }
        }
        return best;
    }
    if let Some(p) = pronoun_at(last) {
        return Some(p);
    }
    if last.is_capitalised() {
        return name_before(toks, end);
    }
    description_before(toks, end)
}

/// The subject after an inverted verb at token `verb` ("said Trump", "asked the man").
pub fn subject_after(toks: &[Token], verb: usize) -> Option<Phrase> {
    let mut start = verb + 1;
    // Adverbs and verb particles ("went on", "put in", "burst out"), and an adjective
    // before a name ("said old Horace Talbot").
    while let Some(t) = toks.get(start) {
        let lower = t.lower();
        let particle = matches!(
            lower.as_str(),
            "in" | "out" | "forth" | "up" | "on" | "again"
        );
        let adjective = t.is_word()
            && !t.is_capitalised()
            && !DETERMINERS.contains(&lower.as_str())
            && toks
                .get(start + 1)
                .is_some_and(|n| n.is_capitalised() && n.is_word());
        if (is_adverb(&lower) || particle || adjective) && !t.is_capitalised() {
            start += 1;
        } else {
            break;
        }
    }
    let t = toks.get(start)?;
    if let Some(p) = pronoun_at(t) {
        return Some(p);
    }
    if t.is_capitalised() {
        let name = name_after(toks, start)?;
        // "said MSNBC host Chris Matthews": a name after a short descriptor wins.
        let Some(next) = toks.iter().position(|t| t.span.start >= name.span.end) else {
            return Some(name);
        };
        let lower = toks[next..]
            .iter()
            .take(3)
            .take_while(|t| t.is_word() && !t.is_capitalised())
            .count();
        // "wrote Cameron Easley for Morning Consult": a preposition introduces the
        // speaker's employer, not the speaker.
        let preposition = toks.get(next).is_some_and(|t| {
            matches!(
                t.lower().as_str(),
                "for" | "of" | "at" | "in" | "on" | "with" | "from" | "to" | "and" | "by"
            )
        });
        if (1..=2).contains(&lower)
            && !preposition
            && let Some(later) =
                name_after(toks, next + lower).filter(|p| p.kind == PhraseKind::Name)
        {
            return Some(later);
        }
        return Some(name);
    }
    description_after(toks, start)
}

/// "according to X".
fn according_to(toks: &[Token], i: usize) -> Option<Phrase> {
    if toks[i].lower() != "according" || toks.get(i + 1)?.lower() != "to" {
        return None;
    }
    let t = toks.get(i + 2)?;
    if t.is_capitalised() {
        name_after(toks, i + 2)
    } else {
        description_after(toks, i + 2)
    }
}

/// The speaker named in narration right after a quote (`toks` = one sentence of it):
/// "said X", "X said", "X, the ..., said", "according to X".
pub fn in_trailer(toks: &[Token]) -> Option<Phrase> {
    let skip = toks
        .iter()
        .take_while(|t| matches!(t.text, "," | "—" | "–" | "-" | "―"))
        .count();
    let first = toks.get(skip)?;
    if invertible(&first.lower()) {
        return subject_after(toks, skip).or_else(|| Some(unknown_at(first)));
    }
    if let Some(p) = according_to(toks, skip) {
        return Some(p);
    }
    // A signature after a dash: "“...” ― Carlos Raúl".
    if skip > 0 && toks[0].text != "," {
        let signature = name_after(toks, skip)
            .filter(|p| toks.last().is_some_and(|t| t.span.end == p.span.end));
        if signature.is_some() {
            return signature;
        }
    }
    // The first cue whose subject opens the trailer.
    for v in skip..toks.len().min(skip + 45) {
        if !is_cue_verb(&toks[v].lower()) {
            continue;
        }
        let p = subject_before(toks, v)?;
        // Only descriptive words may stand between the start of the trailer and the
        // subject ("IMF chief economist Maury Obstfeld said").
        let between: Vec<&Token> = toks[skip..v]
            .iter()
            .take_while(|t| t.span.start < p.span.start)
            .collect();
        let opens = between
            .iter()
            .all(|t| t.is_word() && !is_cue_verb(&t.lower()));
        // A quote that runs on into a phrase of its sentence before the cue ("“...” of
        // the plan, Mr. Holtz-Eakin said."): the subject follows the phrase's comma.
        let after_phrase = skip == 0
            && toks
                .first()
                .is_some_and(|t| t.is_word() && !t.is_capitalised())
            && between
                .iter()
                .rposition(|t| t.text == ",")
                .is_some_and(|k| between[k + 1..].iter().all(|t| t.is_capitalised()))
            && between.iter().filter(|t| !t.is_word()).count() == 1
            && between.iter().all(|t| !is_cue_verb(&t.lower()));
        return (opens || after_phrase).then_some(p);
    }
    None
}

/// A cue verb with no subject to be found: the speaker is unknown.
fn unknown_at(t: &Token) -> Phrase {
    Phrase {
        span: t.span.start..t.span.start,
        kind: PhraseKind::Pronoun,
        gender: None,
    }
}

/// The speaker named in the narration before a quote within its sentence (`toks`):
/// the last cue verb with a subject ("Trump said that Soleimani was “...”"), or
/// "according to X".
pub fn in_lead_in(toks: &[Token]) -> Option<Phrase> {
    let mut found = None;
    for v in 0..toks.len() {
        let lower = toks[v].lower();
        if is_cue_verb(&lower) {
            let participle = lower.ends_with("ing");
            // ", arguing that ...": the participle's subject is the sentence's, not the
            // name before its comma ("Clinton spoke about Tulsa, arguing ...").
            let after_comma = v > 0 && toks[v - 1].text == ",";
            if participle
                && after_comma
                && let Some(p) = sentence_subject(&toks[..v - 1])
            {
                found = Some(p);
            } else if let Some(p) =
                subject_before(toks, v).filter(|p| !participle || p.kind != PhraseKind::Description)
            {
                // The outer speaker of nested speech is the source ("Flynn said Trump was
                // right when he said ..."): a named subject is not replaced by a later one.
                // Only a main clause's subject is outer: not one after "When" or "As".
                let outer = found.as_ref().is_some_and(|f: &Phrase| {
                    f.kind == PhraseKind::Name
                        && !toks
                            .iter()
                            .take_while(|t| t.span.start < f.span.start)
                            .any(|t| is_subordinator(&t.lower()))
                });
                if !outer {
                    found = Some(p);
                }
            } else if participle && let Some(p) = sentence_subject(&toks[..v]) {
                // "Dean poked at Trump, tweeting, “...”": the clause's subject speaks.
                found = Some(p);
            } else if v == 0 || toks[v - 1].text == "," {
                found = subject_after(toks, v)
                    .filter(|p| p.kind != PhraseKind::Description)
                    .or(found);
            }
        } else if let Some(p) = according_to(toks, v) {
            found = Some(p);
        }
    }
    // "Sanders made the following comment:" introduces what follows.
    if found.is_none() && toks.last().is_some_and(|t| t.text == ":") {
        found = sentence_subject(toks);
    }
    found
}

/// How many tokens into a sentence an introductory phrase may run before its subject
/// ("With Democratic leaders increasingly worried about ..., President Obama is ...").
const SUBJECT_REACH: usize = 24;

/// Words opening a subordinate clause.
fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "when"
            | "as"
            | "after"
            | "while"
            | "if"
            | "because"
            | "though"
            | "although"
            | "since"
            | "before"
            | "until"
            | "once"
            | "whereas"
    )
}

/// The subject opening a sentence, after an introductory phrase set off by a comma
/// ("On July 6, 2015, Sanders made ...").
pub fn sentence_subject(toks: &[Token]) -> Option<Phrase> {
    let starts = std::iter::once(0).chain(
        toks.iter()
            .enumerate()
            .take(SUBJECT_REACH)
            .filter(|(_, t)| t.text == ",")
            .map(|(i, _)| i + 1),
    );
    for start in starts {
        let Some(t) = toks.get(start) else { continue };
        if let Some(p) = pronoun_at(t) {
            return Some(p);
        }
        if let Some(p) = description_after(toks, start) {
            return Some(p);
        }
        let verb_like = |w: &str| w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
        if verb_like(t.text) {
            continue;
        }
        if let Some(p) = name_after(toks, start).filter(|p| p.kind == PhraseKind::Name) {
            // A name followed by a verb-like lowercase word, not a preposition's object.
            let next = toks.iter().find(|t| t.span.start >= p.span.end);
            if next.is_some_and(|n| {
                n.is_word() && !n.is_capitalised() || n.text == "(" || n.text == ","
            }) {
                return Some(p);
            }
        }
    }
    None
}

/// A transcript label opening a quote ("WALLACE: Let’s start ...").
pub fn transcript_label(toks: &[Token]) -> Option<Phrase> {
    let colon = toks.iter().take(4).position(|t| t.text == ":")?;
    let label = &toks[..colon];
    let all_caps = |t: &Token| {
        t.is_word()
            && t.text.chars().all(|c| !c.is_lowercase())
            && t.text.chars().any(char::is_uppercase)
    };
    if label.is_empty()
        || !label.iter().all(all_caps)
        || label.iter().map(|t| t.text.len()).sum::<usize>() < 3
    {
        return None;
    }
    let span = label[0].span.start..label[colon - 1].span.end;
    Some(Phrase {
        span,
        kind: PhraseKind::Name,
        gender: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::words::tokens;
    use super::*;

    fn trailer(t: &str) -> Option<String> {
        in_trailer(&tokens(t, 0..t.len())).map(|p| format!("{:?} {}", p.kind, &t[p.span]))
    }

    fn lead_in(t: &str) -> Option<String> {
        in_lead_in(&tokens(t, 0..t.len())).map(|p| format!("{:?} {}", p.kind, &t[p.span]))
    }

    #[test]
    fn trailer_patterns() {
        assert_eq!(trailer(" Trump said."), Some("Name Trump".into()));
        assert_eq!(
            trailer(" said Caddell, speaking of it."),
            Some("Name Caddell".into())
        );
        assert_eq!(
            trailer(" commented the letter."),
            Some("Description the letter".into())
        );
        assert_eq!(trailer(" said Mr. Burman."), Some("Name Burman".into()));
        assert_eq!(
            trailer(" Leonard E. Burman, director of the Tax Policy Center, said of the plan."),
            Some("Name Leonard E. Burman".into())
        );
        assert_eq!(trailer(" she added."), Some("Pronoun she".into()));
        assert_eq!(
            trailer(", according to Sen. Bernie Sanders."),
            Some("Name Bernie Sanders".into())
        );
        assert_eq!(
            trailer(" US President Donald Trump wrote."),
            Some("Name Donald Trump".into())
        );
        assert_eq!(trailer(" The weather was fine."), None);
        assert_eq!(
            trailer(" sources said."),
            Some("Description sources".into())
        );
        assert_eq!(
            trailer(" ― Oscar P. Quintero"),
            Some("Name Oscar P. Quintero".into())
        );
    }

    #[test]
    fn lead_in_patterns() {
        assert_eq!(
            lead_in(
                "Earlier Monday, Harjit Sajjan, Canadian defense minister, said he spoke with Jens Stoltenberg and hoped to train personnel "
            ),
            Some("Name Harjit Sajjan".into())
        );
        assert_eq!(
            lead_in("Trump said that Soleimani was "),
            Some("Name Trump".into())
        );
        assert_eq!(lead_in("Caddell continued:"), Some("Name Caddell".into()));
        assert_eq!(
            lead_in("The report, according to Hillary Clinton, was "),
            Some("Name Hillary Clinton".into())
        );
        assert_eq!(lead_in("Trump told reporters "), Some("Name Trump".into()));
        assert_eq!(lead_in("The weather was "), None);
    }
}
