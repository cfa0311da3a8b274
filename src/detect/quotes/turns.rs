//! Speakers for quotes with no cue of their own, taken from their neighbours: another quote
//! of the same paragraph, the paragraph a quote continues, a narration beat, the turns of
//! a dialogue, and finally a guess from the conversation around it.
//!
//! Both passes walk the quotes once in text order. What a quote needs from its neighbours
//! (the nearest quote of its paragraph with a speaker, the last quote of each paragraph, the
//! latest speakers of the conversation) is carried along the walk instead of looked for
//! again from each quote, so a paragraph of a hundred thousand quotes costs a hundred
//! thousand steps, not their square.

use super::pairing::{Paragraph, Region};
use crate::annotation::QuoteInfo;

/// How many paragraphs back a conversation is looked for.
const CONVERSATION_PARAS: usize = 3;

/// How many quotes back the other party of a conversation is looked for.
const OTHER_PARTY_WINDOW: usize = 6;

/// The quotes of a text and what attribution found for each, for the two passes.
pub(super) struct Turns<'a> {
    pub(super) paras: &'a [Paragraph],
    pub(super) regions: &'a [Region],
    pub(super) beats: &'a [Option<Box<QuoteInfo>>],
    pub(super) addressees: &'a [Option<Box<QuoteInfo>>],
}

fn has_speaker(info: &Option<QuoteInfo>) -> bool {
    info.as_ref().is_some_and(|q| q.speaker.is_some())
}

/// The word that tells people apart: the last one of a name (a surname, or a first name
/// said alone).
fn surname(info: &Option<QuoteInfo>) -> Option<&str> {
    info.as_ref()
        .and_then(|q| q.speaker.as_deref())
        .and_then(|s| s.split_whitespace().last())
}

/// Two speaker names denote the same person: same last word.
fn same_person(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.split_whitespace().last() == b.split_whitespace().last(),
        _ => false,
    }
}

impl Turns<'_> {
    /// Gives each quote with no speaker phrase the speaker of a neighbour (see
    /// [`Turns::inherited`]), in text order: a quote inherits from one already given one.
    pub(super) fn inherit(&self, infos: &mut [Option<QuoteInfo>]) {
        let regions = self.regions;
        // The nearest later quote of the same paragraph with a speaker: later quotes are
        // not filled yet when a quote looks at them, so their phrases are what counts.
        let mut after = vec![None; regions.len()];
        let mut next = None;
        for i in (0..regions.len()).rev() {
            after[i] = next.filter(|&j: &usize| regions[j].para == regions[i].para);
            if has_speaker(&infos[i]) {
                next = Some(i);
            }
        }
        let mut last_in_para = vec![None; self.paras.len()];
        for (j, r) in regions.iter().enumerate() {
            last_in_para[r.para] = Some(j);
        }
        let mut before: Option<usize> = None;
        for i in 0..regions.len() {
            if infos[i].is_none() {
                let near = (
                    before.filter(|&j| regions[j].para == regions[i].para),
                    after[i],
                );
                infos[i] = self.inherited(infos, &last_in_para, near, i);
            }
            if has_speaker(&infos[i]) {
                before = Some(i);
            }
        }
    }

    /// The speaker of quote `i`, which has no cue of its own, from its neighbours. `near`
    /// holds the nearest quotes of its paragraph with a speaker, before and after it.
    fn inherited(
        &self,
        infos: &[Option<QuoteInfo>],
        last_in_para: &[Option<usize>],
        near: (Option<usize>, Option<usize>),
        i: usize,
    ) -> Option<QuoteInfo> {
        let r = &self.regions[i];
        let known = |j: usize| infos[j].clone().filter(|q| q.speaker.is_some());
        if r.continues && i > 0 {
            return infos[i - 1].clone();
        }
        // Another quote of the same paragraph: before it first, then after it.
        if let Some(j) = near.0.or(near.1) {
            return known(j);
        }
        if let Some(beat) = self.beats[i]
            .as_deref()
            .cloned()
            .filter(|q| q.speaker.is_some())
        {
            return Some(beat);
        }
        // A paragraph opening with a quote right after a quoted paragraph: a dialogue turn.
        if r.span.start != self.paras[r.para].span.start || r.para == 0 {
            return None;
        }
        let prev_j = last_in_para[r.para - 1]?;
        let prev_speaker = known(prev_j).and_then(|q| q.speaker);
        let own_addressee = self.addressees[i].as_ref().and_then(|q| q.speaker.clone());
        // Someone the quote speaks to is not its speaker.
        let fits = |q: &QuoteInfo| {
            !same_person(q.speaker.as_deref(), own_addressee.as_deref())
                && !same_person(q.speaker.as_deref(), prev_speaker.as_deref())
        };
        // The person the last turn addressed answers it ("Dorcas, will you ...?" "Yes, sir.").
        if let Some(a) = self.addressees[prev_j]
            .as_deref()
            .cloned()
            .filter(|a| fits(a))
        {
            return Some(a);
        }
        // Turns alternate: the speaker two turns back, else the one of the last turn.
        if r.para >= 2
            && let Some(b) = last_in_para[r.para - 2].and_then(known).filter(|b| fits(b))
        {
            return Some(b);
        }
        // Otherwise the reply comes from the other party of the conversation: the last
        // speaker before who is not the one of the last turn.
        let prev = known(prev_j)?;
        let other = (prev_j.saturating_sub(OTHER_PARTY_WINDOW)..prev_j)
            .rev()
            .filter_map(known)
            .find(|q| fits(q));
        Some(other.unwrap_or(prev))
    }

    /// Guesses the speaker of every quote still without one, in a conversation (quotes in
    /// the last few paragraphs): the most recent speaker who is neither the last quote's
    /// nor the one this quote addresses, else the last quote's. A guess, but a guess that
    /// turns usually take.
    pub(super) fn guess(&self, infos: &mut [Option<QuoteInfo>]) {
        // The latest quote of each of the three people who spoke last, latest first: the
        // last speaker, and the two that can be the other party when one of them is the
        // person addressed.
        let mut latest: Vec<usize> = Vec::with_capacity(4);
        for i in 0..self.regions.len() {
            if !has_speaker(&infos[i]) {
                infos[i] = self
                    .conversation_guess(infos, &latest, i)
                    .or(infos[i].take());
            }
            if has_speaker(&infos[i]) {
                let who = surname(&infos[i]);
                latest.retain(|&j| surname(&infos[j]) != who);
                latest.insert(0, i);
                latest.truncate(3);
            }
        }
    }

    fn conversation_guess(
        &self,
        infos: &[Option<QuoteInfo>],
        latest: &[usize],
        i: usize,
    ) -> Option<QuoteInfo> {
        let para = self.regions[i].para;
        let recent = |j: &&usize| self.regions[**j].para + CONVERSATION_PARAS >= para;
        let mut before = latest.iter().take_while(recent).map(|&j| &infos[j]);
        let last = before.next()?;
        let own = self.addressees[i]
            .as_ref()
            .and_then(|q| q.speaker.as_deref());
        let other = before.find(|q| {
            let q = q.as_ref().and_then(|q| q.speaker.as_deref());
            !same_person(q, own)
        });
        other.unwrap_or(last).clone()
    }
}
