//! The narration around one quote: the cue phrase of its own ("X said"), the subject of
//! a neighbouring sentence for a quote with none, and whether the quote opens its
//! sentence. Read from at most [`CONTEXT`] bytes on either side of the quote.

use super::cues::{self, Phrase};
use super::pairing::{Paragraph, Region};
use super::words::{self, Token, tokens};

/// How far (bytes) narration is read on either side of a quote.
const CONTEXT: usize = 400;

/// What the narration next to one quote says about it.
pub(super) struct Context {
    /// The speaker phrase of the quote's own cue, if any.
    pub(super) phrase: Option<Phrase>,
    /// The subject of a neighbouring narration sentence, for a quote with no cue.
    pub(super) beat: Option<Phrase>,
    /// The quote opens its sentence (no narration before it in the sentence).
    pub(super) opens_sentence: bool,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn ends_sentence(t: &Token) -> bool {
    matches!(t.text, "." | "!" | "?")
}

impl Context {
    pub(super) fn of(text: &str, paras: &[Paragraph], regions: &[Region], i: usize) -> Context {
        let r = &regions[i];
        let para = &paras[r.para].span;

        // The narration after the quote, up to the end of its sentence or the next quote.
        let next = regions
            .get(i + 1)
            .filter(|n| n.para == r.para)
            .map_or(para.end, |n| n.span.start);
        let t_end = floor_boundary(text, next.min(r.span.end + CONTEXT)).max(r.span.end);
        let after = tokens(text, r.span.end..t_end);
        let cut = after
            .iter()
            .position(|t| ends_sentence(t) || matches!(t.text, ":" | ";"))
            .unwrap_or(after.len());
        let trailer = &after[..cut];

        // The narration before the quote, back to the start of its sentence.
        let prev = match i.checked_sub(1).map(|j| &regions[j]) {
            Some(p) if p.para == r.para => p.span.end,
            _ => para.start,
        };
        let l_start = ceil_boundary(text, prev.max(r.span.start.saturating_sub(CONTEXT)));
        let before = tokens(text, l_start..r.span.start);
        let from = before.iter().rposition(ends_sentence).map_or(0, |k| k + 1);
        let lead_in = &before[from..];
        let opens_sentence = lead_in.iter().all(|t| !t.is_word());

        let inner = text[r.inner.clone()].trim_end();
        // The quote ends a clause its trailer attributes ("“...,” he said", "“...” said
        // X"), not one that runs on past it ("as “unhinged” a Trump tweet attacking ..."):
        // a quote mid-sentence keeps the cue of its lead-in.
        let runs_on = trailer.first().is_some_and(|t| {
            let lower = t.lower();
            t.is_word()
                && !t.is_capitalised()
                && !words::is_cue_verb(&lower)
                && words::pronoun(&lower).is_none()
                && !inner.ends_with(['?', '!', '—', '-'])
        });
        let ends_clause = inner.ends_with(',')
            || (trailer.first().is_some_and(|t| !t.is_capitalised()) && !runs_on);
        let from_trailer = || {
            if r.closed {
                cues::in_trailer(trailer)
            } else {
                None
            }
        };
        let mut phrase = if ends_clause {
            let lead = cues::in_lead_in(lead_in);
            match from_trailer() {
                // "X scolded him: “...,” she said": the pronoun is the lead-in's name.
                Some(p)
                    if p.kind == cues::PhraseKind::Pronoun
                        && p.gender.is_some()
                        && lead
                            .as_ref()
                            .is_some_and(|l| l.kind == cues::PhraseKind::Name) =>
                {
                    lead
                }
                Some(p) => Some(p),
                None => lead,
            }
        } else {
            cues::in_lead_in(lead_in).or_else(from_trailer)
        };
        // A quote inside a sentence with no cue: the sentence's subject is its source
        // ("Reid has gone after Trump as a “spoiled brat.”").
        let at_sentence_start = from > 0 || (prev == para.start && l_start == prev);
        if phrase.is_none() && !opens_sentence && at_sentence_start {
            phrase = cues::sentence_subject(lead_in);
        }
        // A transcript: "WALLACE: Let’s start ..." names its speaker inside the quote.
        let head_end = floor_boundary(text, r.inner.end.min(r.inner.start + 60));
        if let Some(label) = cues::transcript_label(&tokens(text, r.inner.start..head_end)) {
            phrase = Some(label);
        }
        // "Caddell continued:" closing the previous paragraph introduces this one.
        if phrase.is_none() && opens_sentence && r.span.start == para.start && r.para > 0 {
            let prev = &paras[r.para - 1].span;
            if text[prev.clone()].ends_with(':') {
                let start = ceil_boundary(text, prev.start.max(prev.end.saturating_sub(CONTEXT)));
                let toks = tokens(text, start..prev.end);
                let from = toks.iter().rposition(ends_sentence).map_or(0, |k| k + 1);
                phrase = cues::in_lead_in(&toks[from..]);
            }
        }
        // A narration beat: the subject of the sentence just before the quote in its
        // paragraph ("She shook her head. “Go, please.”"), else of the sentence after it.
        let person = |p: &Phrase| p.kind != cues::PhraseKind::Description;
        let mut beat = None;
        if phrase.is_none() && opens_sentence && from > 0 {
            let start = before[..from - 1]
                .iter()
                .rposition(ends_sentence)
                .map_or(0, |k| k + 1);
            if start > 0 || prev == para.start {
                beat = cues::sentence_subject(&before[start..from - 1]).filter(person);
            }
        }
        if phrase.is_none() && beat.is_none() && trailer.first().is_some_and(Token::is_capitalised)
        {
            beat = cues::sentence_subject(trailer).filter(person);
        }
        // A paragraph of narration before a quote that opens its own paragraph: the
        // subject of its last sentence ("Cynthia nodded." / "“Yes. ...”").
        let after_narration = r.para > 0
            && r.span.start == para.start
            && i.checked_sub(1)
                .is_none_or(|j| regions[j].para + 1 < r.para);
        if phrase.is_none() && beat.is_none() && opens_sentence && after_narration {
            let prev = &paras[r.para - 1].span;
            // Only the last sentence is tokenized (books have thousands of such quotes):
            // its start is found by a scan for the end of the sentence before it.
            let reach = ceil_boundary(text, prev.start.max(prev.end.saturating_sub(CONTEXT)));
            let body_end = floor_boundary(text, prev.end.saturating_sub(1)).max(reach);
            let start = text[reach..body_end]
                .rfind(['.', '!', '?'])
                .map_or(reach, |k| reach + k + 1);
            let toks = tokens(text, start..prev.end);
            let body = toks.len().saturating_sub(1);
            let from = toks[..body]
                .iter()
                .rposition(ends_sentence)
                .map_or(0, |k| k + 1);
            if from > 0 || start > reach || start == prev.start {
                beat = cues::sentence_subject(&toks[from..]).filter(person);
            }
        }
        Context {
            phrase,
            beat,
            opens_sentence,
        }
    }
}
