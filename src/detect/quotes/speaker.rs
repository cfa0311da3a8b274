//! Turning a speaker phrase into a speaker: linking names to entity groups (the fullest
//! name), resolving "he"/"she" to the nearest fitting person, and falling back to the
//! fullest capitalised name in the text when no entity covers the phrase.

use std::collections::HashMap;
use std::ops::Range;

use super::cues::{Phrase, PhraseKind};
use super::words::{Gender, is_not_name, is_title, title_gender};
use crate::annotation::{Annotation, AnnotationKind, EntityGroup, EntityLabel, QuoteInfo};

/// How far back (bytes) a pronoun may look for its person.
const PRONOUN_WINDOW: usize = 3000;

/// A person already named as a speaker, for pronoun resolution.
#[derive(Debug, Clone)]
struct Named {
    at: usize,
    info: QuoteInfo,
    gender: Option<Gender>,
}

/// Resolves speaker phrases in text order, remembering who was named.
pub struct Resolver<'a> {
    text: &'a str,
    /// Entity mentions (span, group, label), sorted by start.
    mentions: Vec<(Range<usize>, usize, EntityLabel)>,
    groups: &'a [EntityGroup],
    group_gender: Vec<Option<Gender>>,
    /// Quoted regions, sorted: mentions inside quotes are not antecedents.
    quoted: &'a [Range<usize>],
    named: Vec<Named>,
    /// Person groups by the last word of their name and by their aliases.
    by_surname: HashMap<&'a str, usize>,
    /// Last word of a capitalised name -> the fullest such name in the text (built lazily).
    fullest: Option<HashMap<&'a str, &'a str>>,
}

fn word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end();
    let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    &head[start..]
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        entities: &[Annotation],
        groups: &'a [EntityGroup],
        quoted: &'a [Range<usize>],
    ) -> Resolver<'a> {
        let mut mentions: Vec<(Range<usize>, usize, EntityLabel)> = entities
            .iter()
            .filter_map(|a| match a.kind {
                AnnotationKind::Entity { label, group }
                    if group < groups.len() && a.span.end <= text.len() =>
                {
                    Some((a.span.clone(), group, label))
                }
                _ => None,
            })
            .collect();
        mentions.sort_by_key(|m| m.0.start);
        let mut group_gender = vec![None; groups.len()];
        for (span, group, label) in &mentions {
            if *label == EntityLabel::Person && group_gender[*group].is_none() {
                let before = word_before(text, span.start).to_lowercase();
                group_gender[*group] = title_gender(&before);
            }
        }
        let mut by_surname = HashMap::new();
        for g in groups
            .iter()
            .filter(|g| g.label == EntityLabel::Person && g.id < groups.len())
        {
            for key in g
                .aliases
                .iter()
                .map(String::as_str)
                .chain(g.name.rsplit(' ').next())
            {
                by_surname.entry(key).or_insert(g.id);
            }
        }
        Resolver {
            text,
            mentions,
            groups,
            group_gender,
            quoted,
            named: Vec::new(),
            by_surname,
            fullest: None,
        }
    }

    fn in_quote(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|r| r.start <= pos);
        i > 0 && self.quoted[i - 1].end > pos
    }

    /// The speaker a phrase names. Names and pronouns that resolve are remembered.
    pub fn resolve(&mut self, phrase: &Phrase) -> QuoteInfo {
        let span = phrase.span.clone();
        match phrase.kind {
            PhraseKind::Description => {
                let name = self.text[span.clone()].trim();
                let name = name.strip_prefix("the ").unwrap_or(name);
                let info = QuoteInfo {
                    speaker: Some(name.to_string()),
                    speaker_group: None,
                    speaker_span: Some(span),
                };
                info
            }
            PhraseKind::Name => {
                let (info, gender) = self.name(span, phrase.gender);
                self.named.push(Named {
                    at: phrase.span.start,
                    info: info.clone(),
                    gender,
                });
                info
            }
            PhraseKind::Pronoun => {
                if span.is_empty() || phrase.gender.is_none() {
                    return QuoteInfo {
                        speaker: None,
                        speaker_group: None,
                        speaker_span: None,
                    };
                }
                match self.antecedent(span.start, phrase.gender) {
                    Some(mut info) => {
                        info.speaker_span = Some(span);
                        info
                    }
                    None => QuoteInfo {
                        speaker: None,
                        speaker_group: None,
                        speaker_span: Some(span),
                    },
                }
            }
        }
    }

    fn name(&mut self, span: Range<usize>, gender: Option<Gender>) -> (QuoteInfo, Option<Gender>) {
        let i = self.mentions.partition_point(|m| m.0.end <= span.start);
        if let Some((_, g, _)) = self.mentions[i..]
            .iter()
            .take_while(|m| m.0.start < span.end)
            .find(|m| m.0.end > span.start)
        {
            let gender = gender.or(self.group_gender[*g]);
            let info = QuoteInfo {
                speaker: Some(self.groups[*g].name.clone()),
                speaker_group: Some(*g),
                speaker_span: Some(span),
            };
            return (info, gender);
        }
        let surface = &self.text[span.clone()];
        let last = surface.rsplit(' ').next().unwrap_or(surface);
        // A person group the entity detector found elsewhere under this surname.
        // A person group the entity detector found elsewhere under this surname.
        let group = self
            .by_surname
            .get(surface)
            .or_else(|| self.by_surname.get(last))
            .map(|&g| &self.groups[g]);
        if let Some(g) = group {
            let gender =
                gender.or(self.group_gender[g.id.min(self.group_gender.len().saturating_sub(1))]);
            let info = QuoteInfo {
                speaker: Some(g.name.clone()),
                speaker_group: (g.id < self.groups.len()).then_some(g.id),
                speaker_span: Some(span),
            };
            return (info, gender);
        }
        let mut name = surface;
        // A title names a particular bearer of the surname ("Mrs. Hilbery"): keep it short.
        let titled = self.text[..span.start].trim_end().ends_with('.') || gender.is_some();
        if !surface.contains(' ') && !titled {
            let text = self.text;
            let fullest = self.fullest.get_or_insert_with(|| fullest_names(text));
            if let Some(full) = fullest.get(surface) {
                name = full;
            }
        }
        let info = QuoteInfo {
            speaker: Some(name.to_string()),
            speaker_group: None,
            speaker_span: Some(span),
        };
        (info, gender)
    }

    /// The nearest person before `pos` (outside quotes) whose gender fits.
    fn antecedent(&self, pos: usize, gender: Option<Gender>) -> Option<QuoteInfo> {
        let fits = |g: Option<Gender>| g.is_none() || gender.is_none() || g == gender;
        let floor = pos.saturating_sub(PRONOUN_WINDOW);
        let i = self.mentions.partition_point(|m| m.0.start < pos);
        let mention = self.mentions[..i]
            .iter()
            .rev()
            .take_while(|m| m.0.start >= floor)
            .find(|m| {
                m.2 == EntityLabel::Person
                    && !self.in_quote(m.0.start)
                    && fits(self.group_gender[m.1])
            });
        let named = self
            .named
            .iter()
            .rev()
            .skip_while(|n| n.at >= pos)
            .take_while(|n| n.at >= floor)
            .find(|n| fits(n.gender));
        match (mention, named) {
            (Some(m), Some(n)) if n.at > m.0.start => Some(n.info.clone()),
            (Some((_, g, _)), _) => Some(QuoteInfo {
                speaker: Some(self.groups[*g].name.clone()),
                speaker_group: Some(*g),
                speaker_span: None,
            }),
            (None, Some(n)) => Some(n.info.clone()),
            (None, None) => None,
        }
    }
}

/// Maps the first and the last word of the capitalised names of two or three words to the
/// most frequent such name ("Trump" -> "Donald Trump", "Katharine" -> "Katharine Hilbery"),
/// titles left out. One pass over the text.
fn fullest_names(text: &str) -> HashMap<&str, &str> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    for (at, word) in word_spans(text) {
        let trimmed = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = word.len() - trimmed.len();
        let core = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        let ends_run = core.len() < trimmed.len() || lead > 0;
        let is_name = core.starts_with(char::is_uppercase) && {
            let lower = core.to_lowercase();
            !is_not_name(&lower) && !is_title(&lower)
        };
        if is_name && lead == 0 {
            run = Some(match run {
                Some((s, _, n)) => (s, at + core.len(), n + 1),
                None => (at, at + core.len(), 1),
            });
        } else {
            record(text, run.take(), &mut counts);
            if is_name {
                run = Some((at + lead, at + lead + core.len(), 1));
            }
        }
        if ends_run {
            record(text, run.take(), &mut counts);
        }
    }
    record(text, run, &mut counts);
    let mut best: HashMap<&str, (&str, u32)> = HashMap::new();
    for (&name, &n) in &counts {
        let first = name.split(' ').next().unwrap_or(name);
        let last = name.rsplit(' ').next().unwrap_or(name);
        for key in [first, last] {
            let e = best.entry(key).or_insert((name, n));
            if n > e.1 || (n == e.1 && name > e.0) {
                *e = (name, n);
            }
        }
    }
    best.into_iter().map(|(k, (name, _))| (k, name)).collect()
}

fn record<'a>(text: &'a str, run: Option<(usize, usize, usize)>, out: &mut HashMap<&'a str, u32>) {
    let Some((s, e, n)) = run else { return };
    if !(2..=3).contains(&n) {
        return;
    }
    let name = &text[s..e];
    if name.contains(['\n', '\r', '\t']) || name.contains("  ") {
        return;
    }
    let first = name.split(' ').next().unwrap_or(name).to_lowercase();
    if super::cues::is_sentence_adverb(&first) {
        return;
    }
    *out.entry(name).or_insert(0) += 1;
}

/// Whitespace-separated words with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split([' ', '\n', '\r', '\t'])
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullest_name_by_surname() {
        let t = "US President Donald Trump spoke. Later, Trump said so. Mr. Burman agreed.";
        let map = fullest_names(t);
        assert_eq!(map.get("Trump"), Some(&"Donald Trump"));
        assert_eq!(map.get("Burman"), None);
    }
}
