//! One quote as attribution sees it: its region, the narration around it, the speakers
//! proposed for it (each with the kinds of evidence that proposed it), and the speaker
//! chosen, with how. Built in text order by [`super::candidates`] and decided by
//! [`super::ranker`].

use super::context::Context;
use super::pairing::Region;
use crate::annotation::{Evidence, QuoteInfo};

/// One quote and everything attribution knows of it.
pub(super) struct Quote {
    pub(super) region: Region,
    pub(super) context: Context,
    /// The speaker the quote's own cue names, resolved ("Trump said", "she said").
    pub(super) own: Option<QuoteInfo>,
    /// The subject of a narration sentence next to a quote with no cue of its own.
    pub(super) beat: Option<QuoteInfo>,
    /// The person the quote speaks to (a vocative: "Dorcas, will you ...").
    pub(super) addressee: Option<QuoteInfo>,
    /// The chosen speaker and how it was chosen.
    pub(super) speaker: Option<QuoteInfo>,
    pub(super) evidence: Evidence,
}

impl Quote {
    /// The last word of the chosen speaker's name: what tells people apart.
    pub(super) fn who(&self) -> Option<&str> {
        self.speaker.as_ref().and_then(QuoteInfo::surname)
    }

    /// The quote opens its paragraph.
    pub(super) fn opens_para(&self, para_start: usize) -> bool {
        self.region.span.start == para_start
    }
}

/// A speaker proposed for a quote.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The speaker as the most telling of its sources named them.
    pub info: QuoteInfo,
    /// The kinds of evidence that proposed this speaker (bits by [`Evidence`] index).
    pub sources: u32,
    /// Bytes from the quote to the nearest mention of the speaker in the narration, and
    /// whether it is before the quote; `None` when the speaker is not mentioned near.
    pub near: Option<(usize, bool)>,
    /// How many times the speaker's entity is mentioned in the text.
    pub mentions: u32,
    /// The speaker is a person entity (not an organisation, not a description).
    pub person: bool,
}

impl Candidate {
    pub fn has(&self, e: Evidence) -> bool {
        self.sources & bit(e) != 0
    }

    /// The strongest kind of evidence for this speaker (the first in [`Evidence::ALL`]).
    pub fn evidence(&self) -> Evidence {
        Evidence::ALL
            .into_iter()
            .find(|&e| self.has(e))
            .unwrap_or_default()
    }
}

/// The bit of evidence kind `e` in [`Candidate::sources`].
pub fn bit(e: Evidence) -> u32 {
    1 << (e as u32)
}

/// The word that tells speakers apart: the last one of a name.
pub fn surname(name: &str) -> Option<&str> {
    name.split_whitespace().last()
}

impl QuoteInfo {
    /// The last word of the speaker's name.
    pub(super) fn surname(&self) -> Option<&str> {
        self.speaker.as_deref().and_then(surname)
    }
}
