//! The narration around one quote: the cue phrase of its own ("X said"), the subject of
//! a neighbouring sentence for a quote with none, and whether the quote opens its
//! sentence. Read from at most [`CONTEXT`] bytes on either side of the quote, in named
//! steps ([`Window`]): the quote's own cue, the subject of its sentence, a transcript
//! label, an introduction ending the paragraph before, and a narration beat.

use super::cues::{self, Phrase, PhraseKind};
use super::pairing::{Paragraph, Region};
use super::words::{self, Token, ceil_boundary, floor_boundary, tokens};
use crate::annotation::Evidence;

/// How far (bytes) narration is read on either side of a quote.
const CONTEXT: usize = 400;

/// What the narration next to one quote says about it.
pub(super) struct Context {
    /// The speaker phrase of the quote's own cue, if any, and which kind of cue it is.
    pub(super) phrase: Option<(Phrase, Evidence)>,
    /// The subject of a neighbouring narration sentence, for a quote with no cue.
    pub(super) beat: Option<Phrase>,
    /// The quote opens its sentence (no narration before it in the sentence).
    pub(super) opens_sentence: bool,
}

impl Context {
    /// The phrase of the quote's own cue.
    pub(super) fn own(&self) -> Option<&Phrase> {
        self.phrase.as_ref().map(|(p, _)| p)
    }
}

fn ends_sentence(t: &Token) -> bool {
    matches!(t.text, "." | "!" | "?")
}

/// The narration read around quote `i`: its sentence before and after it.
struct Window<'t> {
    text: &'t str,
    paras: &'t [Paragraph],
    regions: &'t [Region],
    i: usize,
    /// Where the narration before the quote may start (the previous quote of the
    /// paragraph, else the paragraph).
    prev: usize,
    /// Start of the tokens of `before`.
    l_start: usize,
    /// The narration before the quote, and the index where its sentence starts.
    before: Vec<Token<'t>>,
    from: usize,
    /// The narration after the quote, up to the end of its sentence or the next quote.
    trailer: Vec<Token<'t>>,
}

impl<'t> Window<'t> {
    fn new(text: &'t str, paras: &'t [Paragraph], regions: &'t [Region], i: usize) -> Self {
        let r = &regions[i];
        let para = &paras[r.para].span;
        let next = regions
            .get(i + 1)
            .filter(|n| n.para == r.para)
            .map_or(para.end, |n| n.span.start);
        let t_end = floor_boundary(text, next.min(r.span.end + CONTEXT)).max(r.span.end);
        let mut trailer = tokens(text, r.span.end..t_end);
        let cut = trailer
            .iter()
            .position(|t| ends_sentence(t) || matches!(t.text, ":" | ";"))
            .unwrap_or(trailer.len());
        trailer.truncate(cut);
        let prev = match i.checked_sub(1).map(|j| &regions[j]) {
            Some(p) if p.para == r.para => p.span.end,
            _ => para.start,
        };
        let l_start = ceil_boundary(text, prev.max(r.span.start.saturating_sub(CONTEXT)));
        let before = tokens(text, l_start..r.span.start);
        let from = before.iter().rposition(ends_sentence).map_or(0, |k| k + 1);
        Window {
            text,
            paras,
            regions,
            i,
            prev,
            l_start,
            before,
            from,
            trailer,
        }
    }

    fn region(&self) -> &Region {
        &self.regions[self.i]
    }

    fn lead_in(&self) -> &[Token<'t>] {
        &self.before[self.from..]
    }

    fn opens_sentence(&self) -> bool {
        self.lead_in().iter().all(|t| !t.is_word())
    }

    fn opens_paragraph(&self) -> bool {
        let r = self.region();
        r.span.start == self.paras[r.para].span.start
    }

    /// The quote ends a clause its trailer attributes ("“...,” he said", "“...” said
    /// X"), not one that runs on past it ("as “unhinged” a Trump tweet attacking ...").
    fn ends_clause(&self) -> bool {
        let inner = self.text[self.region().inner.clone()].trim_end();
        let runs_on = self.trailer.first().is_some_and(|t| {
            let lower = t.lower();
            t.is_word()
                && !t.is_capitalised()
                && !words::is_cue_verb(&lower)
                && words::pronoun(&lower).is_none()
                && !inner.ends_with(['?', '!', '—', '-'])
        });
        inner.ends_with(',')
            || (self.trailer.first().is_some_and(|t| !t.is_capitalised()) && !runs_on)
    }

    /// The cue of the quote's own clause: the trailer's for a quote ending a clause (a
    /// gendered pronoun there yields to a name in the lead-in: "X scolded him: “...,” she
    /// said"), else the lead-in's.
    fn own_cue(&self) -> Option<Phrase> {
        let from_trailer = || {
            if self.region().closed {
                cues::in_trailer(&self.trailer)
            } else {
                None
            }
        };
        let lead = cues::in_lead_in(self.lead_in());
        if !self.ends_clause() {
            return lead.or_else(from_trailer);
        }
        match from_trailer() {
            Some(p)
                if p.kind == PhraseKind::Pronoun
                    && p.gender.is_some()
                    && lead.as_ref().is_some_and(|l| l.kind == PhraseKind::Name) =>
            {
                lead
            }
            Some(p) => Some(p),
            None => lead,
        }
    }

    /// A quote inside a sentence with no cue: the sentence's subject is its source
    /// ("Reid has gone after Trump as a “spoiled brat.”").
    fn sentence_subject(&self) -> Option<Phrase> {
        let para = &self.paras[self.region().para].span;
        let at_sentence_start =
            self.from > 0 || (self.prev == para.start && self.l_start == self.prev);
        if self.opens_sentence() || !at_sentence_start {
            return None;
        }
        cues::sentence_subject(self.lead_in())
    }

    /// A transcript: "WALLACE: Let’s start ..." names its speaker inside the quote.
    fn transcript(&self) -> Option<Phrase> {
        let inner = &self.region().inner;
        let head_end = floor_boundary(self.text, inner.end.min(inner.start + 60));
        cues::transcript_label(&tokens(self.text, inner.start..head_end))
    }

    /// "Caddell continued:" closing the previous paragraph introduces this one.
    fn introduction(&self) -> Option<Phrase> {
        let r = self.region();
        if !self.opens_sentence() || !self.opens_paragraph() || r.para == 0 {
            return None;
        }
        let prev = &self.paras[r.para - 1].span;
        if !self.text[prev.clone()].ends_with(':') {
            return None;
        }
        let start = ceil_boundary(self.text, prev.start.max(prev.end.saturating_sub(CONTEXT)));
        let toks = tokens(self.text, start..prev.end);
        let from = toks.iter().rposition(ends_sentence).map_or(0, |k| k + 1);
        cues::in_lead_in(&toks[from..])
    }

    /// A narration beat: the subject of the sentence just before the quote in its
    /// paragraph ("She shook her head. “Go, please.”"), else of the sentence after it,
    /// else of the last sentence of a paragraph of narration before it.
    fn beat(&self) -> Option<Phrase> {
        let person = |p: &Phrase| p.kind != PhraseKind::Description;
        let para_start = self.paras[self.region().para].span.start;
        if self.opens_sentence() && self.from > 0 {
            let before = &self.before[..self.from - 1];
            let start = before.iter().rposition(ends_sentence).map_or(0, |k| k + 1);
            if (start > 0 || self.prev == para_start)
                && let Some(p) = cues::sentence_subject(&before[start..]).filter(person)
            {
                return Some(p);
            }
        }
        if self.trailer.first().is_some_and(Token::is_capitalised)
            && let Some(p) = cues::sentence_subject(&self.trailer).filter(person)
        {
            return Some(p);
        }
        self.narration_before().filter(person)
    }

    /// The subject of the last sentence of the paragraph of narration before a quote
    /// that opens its own paragraph ("Cynthia nodded." / "“Yes. ...”").
    fn narration_before(&self) -> Option<Phrase> {
        let (r, i) = (self.region(), self.i);
        let after_narration = r.para > 0
            && self.opens_paragraph()
            && i.checked_sub(1)
                .is_none_or(|j| self.regions[j].para + 1 < r.para);
        if !self.opens_sentence() || !after_narration {
            return None;
        }
        let prev = &self.paras[r.para - 1].span;
        // Only the last sentence is tokenized (books have thousands of such quotes): its
        // start is found by a scan for the end of the sentence before it.
        let text = self.text;
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
        (from > 0 || start > reach || start == prev.start)
            .then(|| cues::sentence_subject(&toks[from..]))
            .flatten()
    }
}

/// The evidence kind of a phrase found at the quote's own cue.
fn cue_evidence(p: &Phrase) -> Evidence {
    match p.kind {
        PhraseKind::Name => Evidence::Cue,
        PhraseKind::Pronoun => Evidence::Pronoun,
        PhraseKind::Description => Evidence::Description,
    }
}

impl Context {
    pub(super) fn of(text: &str, paras: &[Paragraph], regions: &[Region], i: usize) -> Context {
        let w = Window::new(text, paras, regions, i);
        let mut phrase = w
            .own_cue()
            .map(|p| {
                let e = cue_evidence(&p);
                (p, e)
            })
            .or_else(|| w.sentence_subject().map(|p| (p, Evidence::SentenceSubject)));
        if let Some(label) = w.transcript() {
            phrase = Some((label, Evidence::Transcript));
        }
        if phrase.is_none() {
            phrase = w.introduction().map(|p| (p, Evidence::Introduction));
        }
        let beat = if phrase.is_none() { w.beat() } else { None };
        Context {
            phrase,
            beat,
            opens_sentence: w.opens_sentence(),
        }
    }
}
