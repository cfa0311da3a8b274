//! The speakers proposed for one quote, each with the kinds of evidence that proposed it:
//! the quote's own cue, the quote it continues, another quote of its paragraph, a
//! narration beat, the turns of a dialogue (the person the last turn addressed, the
//! speaker two turns back, the last speaker), the recent speakers of the conversation and
//! the people named in the narration near it. Proposals naming the same person (same
//! last word) are merged into one [`Candidate`].
//!
//! Quotes are walked in text order: a quote's neighbours before it already have their
//! speaker chosen. Every look back is bounded, so a paragraph of a hundred thousand quotes
//! costs a hundred thousand steps, not their square.

use std::ops::Range;

use super::pairing::Paragraph;
use super::people::{People, distance};
use super::quote::{Candidate, Quote, bit};
use super::speaker::Resolver;
use crate::annotation::{Evidence, QuoteInfo};

/// How many paragraphs back a conversation is looked for.
const CONVERSATION_PARAS: usize = 3;

/// How many quotes back the speakers of a conversation are looked for.
const CONVERSATION_QUOTES: usize = 6;

/// How many people named near a quote are proposed.
const NEARBY: usize = 4;

/// What the proposals for every quote draw on.
pub(super) struct Sources<'a> {
    pub(super) paras: &'a [Paragraph],
    pub(super) people: People,
    /// The last quote of each paragraph.
    last_in_para: Vec<Option<usize>>,
    /// For each quote, the nearest later quote of its paragraph whose own cue names a
    /// speaker.
    next_own: Vec<Option<usize>>,
}

impl<'a> Sources<'a> {
    pub(super) fn new(paras: &'a [Paragraph], quotes: &[Quote], people: People) -> Self {
        let mut last_in_para = vec![None; paras.len()];
        for (j, q) in quotes.iter().enumerate() {
            last_in_para[q.region.para] = Some(j);
        }
        let mut next_own = vec![None; quotes.len()];
        let mut next = None;
        for i in (0..quotes.len()).rev() {
            next_own[i] = next.filter(|&j: &usize| quotes[j].region.para == quotes[i].region.para);
            if quotes[i].own.as_ref().is_some_and(|o| o.speaker.is_some()) {
                next = Some(i);
            }
        }
        Sources {
            paras,
            people,
            last_in_para,
            next_own,
        }
    }

    /// The candidates for quote `i`, the quotes before it decided.
    pub(super) fn candidates(
        &self,
        quotes: &[Quote],
        i: usize,
        resolver: &mut Resolver,
    ) -> Vec<Candidate> {
        let mut proposals: Vec<(QuoteInfo, Evidence)> = Vec::new();
        let q = &quotes[i];
        if let (Some(own), Some((_, e))) = (&q.own, &q.context.phrase) {
            proposals.push((own.clone(), *e));
        }
        if let Some(beat) = &q.beat {
            proposals.push((beat.clone(), Evidence::Beat));
        }
        self.neighbours(quotes, i, &mut proposals);
        self.turns(quotes, i, &mut proposals);
        self.nearby(quotes, i, resolver, &mut proposals);
        proposals.retain(|(p, _)| p.speaker.is_some());
        self.merge(proposals, &q.region.span)
    }

    /// The quote this one continues, and the nearest quotes of its paragraph.
    fn neighbours(&self, quotes: &[Quote], i: usize, out: &mut Vec<(QuoteInfo, Evidence)>) {
        let r = &quotes[i].region;
        let chosen = |j: usize| quotes[j].speaker.clone();
        if r.continues && i > 0 {
            out.extend(chosen(i - 1).map(|s| (s, Evidence::Continued)));
        }
        let before = (0..i)
            .rev()
            .take(CONVERSATION_QUOTES)
            .take_while(|&j| quotes[j].region.para == r.para)
            .find(|&j| quotes[j].speaker.is_some());
        out.extend(
            before
                .and_then(chosen)
                .map(|s| (s, Evidence::SameParagraph)),
        );
        let after = self.next_own[i].and_then(|j| quotes[j].own.clone());
        out.extend(after.map(|s| (s, Evidence::SameParagraph)));
    }

    /// The turns of a dialogue, for a quote opening its paragraph, and the last speakers.
    fn turns(&self, quotes: &[Quote], i: usize, out: &mut Vec<(QuoteInfo, Evidence)>) {
        let r = &quotes[i].region;
        let opens = quotes[i].opens_para(self.paras[r.para].span.start);
        let prev_para = |k: usize| r.para.checked_sub(k).and_then(|p| self.last_in_para[p]);
        if opens && let Some(j) = prev_para(1).filter(|&j| j < i) {
            out.extend(
                quotes[j]
                    .addressee
                    .clone()
                    .map(|a| (a, Evidence::Addressed)),
            );
            if let Some(k) = prev_para(2).filter(|&k| k < j) {
                out.extend(
                    quotes[k]
                        .speaker
                        .clone()
                        .map(|s| (s, Evidence::Alternation)),
                );
            }
        }
        // The last speakers of the conversation, latest first.
        let mut seen: Vec<&str> = Vec::new();
        for j in (0..i).rev().take(CONVERSATION_QUOTES) {
            if quotes[j].region.para + CONVERSATION_PARAS < r.para {
                break;
            }
            let (Some(who), Some(s)) = (quotes[j].who(), &quotes[j].speaker) else {
                continue;
            };
            if seen.contains(&who) {
                continue;
            }
            let e = if seen.is_empty() {
                Evidence::LastSpeaker
            } else {
                Evidence::Conversation
            };
            seen.push(who);
            out.push((s.clone(), e));
        }
    }

    /// The people named in the narration of the quote's paragraph and the one before.
    fn nearby(
        &self,
        quotes: &[Quote],
        i: usize,
        resolver: &mut Resolver,
        out: &mut Vec<(QuoteInfo, Evidence)>,
    ) {
        let r = &quotes[i].region;
        let para = &self.paras[r.para].span;
        let from = r
            .para
            .checked_sub(1)
            .map_or(para.start, |p| self.paras[p].span.start);
        let before = self.people.persons_in(from..r.span.start).rev();
        let after = self.people.persons_in(r.span.end..para.end);
        let mut found: Vec<(usize, Range<usize>, usize)> = before
            .take(NEARBY)
            .chain(after.take(NEARBY))
            .map(|(span, g)| (distance(&r.span, &span).0, span, g))
            .collect();
        found.sort_by_key(|f| f.0);
        let mut groups: Vec<usize> = Vec::new();
        for (_, span, g) in found {
            if groups.len() < NEARBY && !groups.contains(&g) {
                groups.push(g);
                out.push((resolver.person(g, span), Evidence::Nearby));
            }
        }
    }

    /// Proposals naming the same person merged: the name and span of the strongest.
    fn merge(
        &self,
        mut proposals: Vec<(QuoteInfo, Evidence)>,
        quote: &Range<usize>,
    ) -> Vec<Candidate> {
        proposals.sort_by_key(|p| p.1);
        let mut out: Vec<Candidate> = Vec::new();
        for (info, e) in proposals {
            let key = info.surname().map(str::to_lowercase);
            if let Some(c) = out
                .iter_mut()
                .find(|c| c.info.surname().map(str::to_lowercase) == key)
            {
                c.sources |= bit(e);
                if c.info.speaker_group.is_none() {
                    c.info.speaker_group = info.speaker_group;
                }
                continue;
            }
            out.push(Candidate {
                info,
                sources: bit(e),
                near: None,
                mentions: 0,
                person: false,
            });
        }
        for c in &mut out {
            if let Some(g) = c.info.speaker_group {
                c.mentions = self.people.count(g);
                c.near = self.people.nearest(g, quote);
                c.person = self.people.is_person(g);
            }
            let own_span = c
                .info
                .speaker_span
                .as_ref()
                .filter(|s| s.end <= quote.start || s.start >= quote.end);
            if let Some(span) = own_span {
                let d = distance(quote, span);
                if c.near.is_none_or(|n| d.0 < n.0) {
                    c.near = Some(d);
                }
            }
        }
        out
    }
}
