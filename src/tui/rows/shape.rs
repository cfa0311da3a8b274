//! The words of one row, shaped when it is drawn: an entity's name, mention count and
//! aliases; a date's value, the words that expressed it and how it was resolved; a
//! quote's opening words under its speaker's heading. Costs a few small strings per row
//! on screen, where keeping them for every row cost megabytes on a book.

use std::collections::HashSet;

use crate::annotation::{AnnotationKind, AnnotationSet, EntityLabel};
use crate::article::grapheme_span;

use super::build::TabRows;
use super::{Item, ItemKind};

/// The title of a date row whose expression could not be resolved.
pub(super) const UNRESOLVED: &str = "unresolved";

fn section_name(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "People",
        EntityLabel::Org => "Organisations",
        EntityLabel::Place => "Places",
        EntityLabel::Norp => "Nationalities and groups",
        EntityLabel::Misc => "Other names",
    }
}

/// Row `i` of the Entities tab: the group of its first mention.
pub(super) fn entity(rows: &TabRows, i: usize, set: &AnnotationSet) -> Option<Item> {
    let entry = rows.entry(i)?;
    let anchors = rows.anchors(i);
    let group = set.group(set.get(anchors.first()?)?.group()?)?;
    Some(Item {
        section: entry.section.then(|| section_name(group.label).to_string()),
        kind: ItemKind::Entity(group.label),
        title: group.name.clone(),
        aside: anchors.len().to_string(),
        detail: (!group.aliases.is_empty()).then(|| format!("also {}", group.aliases.join(", "))),
    })
}

/// Row `i` of the Dates tab: the value its expressions share, their distinct words, the
/// first explanation.
pub(super) fn date(rows: &TabRows, i: usize, text: &str, set: &AnnotationSet) -> Option<Item> {
    rows.entry(i)?;
    let infos = rows.anchors(i).iter().filter_map(|a| {
        let a = set.get(a)?;
        match &a.kind {
            AnnotationKind::Date(info) => Some((a, info)),
            _ => None,
        }
    });
    let mut value = None;
    let mut words: Vec<String> = Vec::new();
    // A value said a thousand times is said in a few ways: compare the raw words first,
    // without allocating.
    let mut seen = HashSet::new();
    let mut explanation = None;
    for (n, (a, info)) in infos.enumerate() {
        if n == 0 {
            value = info.value.as_deref();
        }
        let raw = text.get(a.span.clone()).unwrap_or("");
        if seen.insert(raw) {
            let w = collapse(raw);
            if !words.contains(&w) {
                words.push(w);
            }
        }
        if explanation.is_none() {
            explanation = info.explanation.clone();
        }
    }
    Some(Item {
        section: None,
        kind: ItemKind::Date,
        title: value.unwrap_or(UNRESOLVED).to_string(),
        aside: words.join(" · "),
        detail: explanation,
    })
}

/// Row `i` of the Quotes tab: the quote's opening words, under a heading naming its
/// speaker (and how many quotes they have) when it is their first.
pub(super) fn quote(rows: &TabRows, i: usize, text: &str, set: &AnnotationSet) -> Option<Item> {
    let entry = rows.entry(i)?;
    let a = set.get(rows.anchors(i).first()?)?;
    let section = entry.section.then(|| {
        let who = match &a.kind {
            // The name with the role the text gives ("Brian Fallon, Clinton press
            // secretary"), else the name.
            AnnotationKind::Quote(info) => info.speaker_role.as_deref().or(info.speaker.as_deref()),
            _ => None,
        };
        let who = who.unwrap_or("Speaker unknown");
        // The speaker's quotes are the rows up to the next heading.
        let count = 1
            + (i + 1..rows.len())
                .take_while(|&j| rows.entry(j).is_some_and(|e| !e.section))
                .count();
        match count {
            1 => who.to_string(),
            _ => format!("{who} · {count} quotes"),
        }
    });
    Some(Item {
        section,
        kind: ItemKind::Quote,
        title: opening_words(text.get(a.span.clone()).unwrap_or("")),
        aside: String::new(),
        detail: None,
    })
}

/// The start of a quote, whitespace collapsed, cut at a word boundary after ~60 bytes:
/// the side pane truncates further to its width.
pub(super) fn opening_words(quoted: &str) -> String {
    let flat = collapse(quoted);
    if flat.len() <= 80 {
        return flat;
    }
    // The last grapheme boundary at or below 60 bytes (a letter keeps its accent), then
    // the last space before it.
    let limit = grapheme_span(&flat, 60..60).start;
    let cut = flat[..limit].rfind(' ').unwrap_or(limit);
    format!("{}…", flat[..cut].trim_end())
}

/// `s` with every run of whitespace (line breaks included) turned into one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
