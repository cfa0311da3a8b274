//! Merges of neighbouring mentions within a paragraph: a name run into the organisation
//! after it ("Watson" + "Institute of ..."), two halves of a person's name, and an
//! organisation extended over "of"/"for" and the capitalised words after it.

use crate::annotation::EntityLabel;

use super::super::gazetteer::{self, Category};
use super::super::tokens::{PARA_START, SENT_START, Token, UPPER, WORD};
use super::Mention;

/// An organisation whose name ends in an organisation word continues over "of"/"for" and
/// the capitalised words after it ("Watson Institute" + "of International and Public
/// Affairs", "Bank" + "of England"), absorbing what the tagger found there.
pub(super) fn extend_org_of(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let g = gazetteer::get();
    let word = |i: usize| tokens[i].text(text);
    let mut k = 0;
    while k < mentions.len() {
        let m = mentions[k];
        let joiner = tokens.get(m.last).filter(|t| !t.is(PARA_START));
        let extendable = m.label == EntityLabel::Org
            && g.word(word(m.last - 1)) & Category::OrgWord.bit() != 0
            && joiner.is_some_and(|j| matches!(j.text(text), "of" | "for"));
        if !extendable {
            k += 1;
            continue;
        }
        // Capitalised words, joined by small words, ending on a capitalised word.
        let mut end = None;
        let mut j = m.last + 1;
        while j < tokens.len() && !tokens[j].is(SENT_START) {
            let t = &tokens[j];
            if t.is(UPPER) && t.is(WORD) {
                j += 1;
                end = Some(j);
            } else if matches!(word(j), "and" | "&" | "for" | "the" | "of") {
                j += 1;
            } else {
                break;
            }
        }
        let Some(end) = end else {
            k += 1;
            continue;
        };
        mentions[k].last = end;
        // Drop what the extension swallowed.
        let mut r = k + 1;
        while r < mentions.len() && mentions[r].first < end {
            r += 1;
        }
        mentions.drain(k + 1..r);
        k += 1;
    }
}

/// A name followed at once by an organisation that opens with an organisation word is one
/// organisation ("Watson" + "Institute of ..." -> "Watson Institute of ..."); two person
/// mentions separated by a single space are one name ("Noam" + "Chomsky"). Not across a
/// paragraph break.
pub(super) fn merge_org_heads(
    text: &str,
    tokens: &[Token],
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let g = gazetteer::get();
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut()
            && prev.last == m.first
            && !tokens[m.first].is(PARA_START)
            && m.label == EntityLabel::Org
            && matches!(
                prev.label,
                EntityLabel::Person | EntityLabel::Place | EntityLabel::Misc
            )
            && g.word(tokens[m.first].text(text)) & Category::OrgWord.bit() != 0
            && tokens[m.first].is(UPPER)
        {
            prev.last = m.last;
            prev.label = EntityLabel::Org;
            continue;
        }
        if let Some(prev) = out.last_mut()
            && prev.last == m.first
            && prev.label == EntityLabel::Person
            && m.label == EntityLabel::Person
            && text.get(tokens[prev.last - 1].end()..tokens[m.first].start()) == Some(" ")
        {
            prev.last = m.last;
            continue;
        }
        out.push(m);
    }
    out
}
