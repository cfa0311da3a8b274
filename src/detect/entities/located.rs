//! Mentions placed in the whole text: what is kept of each mention once its chunk's tokens
//! are gone (token indices counted from the text's start, byte offsets, the acronym of its
//! words), which is all that [`acronyms`](super::acronyms) expansion and
//! [`grouping`](super::grouping) read. A few dozen bytes a mention, nothing per token.

use std::collections::HashMap;
use std::ops::Range;

use crate::annotation::EntityLabel;

use super::acronyms::acronym;
use super::mentions::Mention;
use super::tokens::Token;

/// A mention of the whole text. Offsets are `u32`, as tokens' are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// Tokens `first..last`, counted from the text's first token.
    pub first: u32,
    pub last: u32,
    /// Its bytes.
    pub start: u32,
    pub end: u32,
    /// Where its first token ends and its last token starts (the parts a surname or a first
    /// name is matched against).
    pub head_end: u32,
    pub tail_start: u32,
    pub label: EntityLabel,
    /// The acronym of its words in an [`AcronymTable`], [`AcronymTable::NONE`] for none.
    pub acronym: u32,
}

impl Located {
    /// Places mention `m` of `tokens`, whose first token is the text's token `offset`.
    pub fn of(
        text: &str,
        tokens: &[Token],
        offset: usize,
        m: &Mention,
        acronyms: &mut AcronymTable,
    ) -> Located {
        let (head, tail) = (tokens[m.first], tokens[m.last - 1]);
        let acronym = if m.last - m.first >= 2 {
            acronyms.intern(acronym((m.first..m.last).map(|i| tokens[i].text(text))))
        } else {
            AcronymTable::NONE
        };
        let at = |i: usize| i as u32;
        Located {
            first: at(offset + m.first),
            last: at(offset + m.last),
            start: at(head.start()),
            end: at(tail.end()),
            head_end: at(head.end()),
            tail_start: at(tail.start()),
            label: m.label,
            acronym,
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// How many tokens it spans.
    pub fn len(&self) -> usize {
        (self.last - self.first) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.last == self.first
    }

    /// Its text (empty for offsets outside `text`).
    pub fn surface<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span()).unwrap_or("")
    }

    /// Its first and its last token's text.
    pub fn head<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.head_end as usize)
            .unwrap_or("")
    }

    pub fn tail<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.tail_start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// As a mention of the text's tokens.
    pub fn mention(&self) -> Mention {
        Mention {
            first: self.first as usize,
            last: self.last as usize,
            label: self.label,
        }
    }
}

/// The distinct acronyms of the text's multi-word mentions, each stored once.
#[derive(Default)]
pub struct AcronymTable {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl AcronymTable {
    /// The id of no acronym.
    pub const NONE: u32 = u32::MAX;

    pub fn intern(&mut self, acronym: Option<String>) -> u32 {
        let Some(a) = acronym else {
            return Self::NONE;
        };
        if let Some(&id) = self.ids.get(&a) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(a.clone());
        self.ids.insert(a, id);
        id
    }

    pub fn get(&self, id: u32) -> Option<&str> {
        self.names.get(id as usize).map(String::as_str)
    }
}
