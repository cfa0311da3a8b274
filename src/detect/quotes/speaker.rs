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
    /// Entity mentions, sorted by start.
    mentions: Vec<Mention>,
    groups: &'a [EntityGroup],
    group_gender: Vec<Option<Gender>>,
    /// Quoted regions, sorted: mentions inside quotes are not antecedents.
    quoted: &'a [Range<usize>],
    named: Vec<Named>,
    /// Person groups by the last word of their name and by their aliases.
    by_surname: HashMap<&'a str, usize>,
    /// Last word of a capitalised name -> the fullest such name in the text (built lazily,
    /// unless given to [`Resolver::new`]).
    fullest: Option<FullestNames<'a>>,
}

/// An entity mention as the resolver reads it: offsets as `u32`, like the entity
/// tokenizer's, so a book's hundreds of thousands of mentions take 16 bytes each, not 32.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: u32,
    end: u32,
    group: u32,
    label: EntityLabel,
}

impl Mention {
    fn start(&self) -> usize {
        self.start as usize
    }

    fn end(&self) -> usize {
        self.end as usize
    }

    fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }

    fn group(&self) -> usize {
        self.group as usize
    }
}

fn word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end();
    head.rsplit(char::is_whitespace).next().unwrap_or(head)
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        entities: &[Annotation],
        groups: &'a [EntityGroup],
        quoted: &'a [Range<usize>],
        fullest: Option<FullestNames<'a>>,
    ) -> Resolver<'a> {
        let mut mentions: Vec<Mention> = entities
            .iter()
            .filter_map(|a| match a.kind {
                AnnotationKind::Entity { label, group }
                    if group < groups.len() && a.span.end <= text.len() =>
                {
                    Some(Mention {
                        start: u32::try_from(a.span.start).ok()?,
                        end: u32::try_from(a.span.end).ok()?,
                        group: u32::try_from(group).ok()?,
                        label,
                    })
                }
                _ => None,
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        let group_gender = genders(text, &mentions, groups.len());
        let mut by_surname = HashMap::new();
        for g in groups.iter().filter(|g| {
            g.label == EntityLabel::Person && g.id < groups.len() && looks_like_name(&g.name)
        }) {
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
            fullest,
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
                QuoteInfo {
                    speaker: Some(name.to_string()),
                    speaker_group: None,
                    speaker_span: Some(span),
                    ..QuoteInfo::default()
                }
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
                        ..QuoteInfo::default()
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
                        ..QuoteInfo::default()
                    },
                }
            }
        }
    }

    /// The speaker a person group names, mentioned at `span`.
    pub fn person(&self, g: usize, span: Range<usize>) -> QuoteInfo {
        QuoteInfo {
            speaker: Some(self.group_name(g, &self.text[span.clone()])),
            speaker_group: Some(g),
            speaker_span: Some(span),
            ..QuoteInfo::default()
        }
    }

    /// The person a vocative (`span`, a name inside a quote) addresses. Not remembered as
    /// an antecedent: people spoken to inside quotes are not what narration's pronouns
    /// refer to.
    pub fn addressee(&mut self, span: Range<usize>) -> QuoteInfo {
        self.name(span, None).0
    }

    fn name(&mut self, span: Range<usize>, gender: Option<Gender>) -> (QuoteInfo, Option<Gender>) {
        let i = self.mentions.partition_point(|m| m.end() <= span.start);
        // The person (or organisation) mention covering the end of the phrase: the head of
        // "German Chancellor Angela Merkel" is the person, not the nationality.
        if let Some(g) = self.mentions[i..]
            .iter()
            .take_while(|m| m.start() < span.end)
            .filter(|m| m.end() > span.start)
            .max_by_key(|m| {
                (
                    m.label == EntityLabel::Person,
                    m.label != EntityLabel::Norp,
                    m.end,
                )
            })
            .map(Mention::group)
        {
            let gender = gender.or(self.group_gender[g]);
            let surface = &self.text[span.clone()];
            let mut name = self.group_name(g, surface);
            // After a title ("Mr. Obama") the word is a surname: a group name ending in
            // another word ("Obama Speech") is a name run into other words.
            let titled = is_title(&word_before(self.text, span.start).to_lowercase());
            let surname = surface.rsplit(' ').next().unwrap_or(surface);
            if titled && name.rsplit(' ').next() != Some(surname) {
                // Unless the word is a first name ("Miss Lucy" of "Lucy Honeychurch"): a
                // word that never ends a longer name in the text.
                let text = self.text;
                let fullest = self.fullest.get_or_insert_with(|| fullest_names(text));
                if fullest.surnames.contains(surname) || !fullest.by_word.contains_key(surname) {
                    name = surface.to_string();
                }
            }
            let info = QuoteInfo {
                speaker: Some(name),
                speaker_group: Some(g),
                speaker_span: Some(span),
                ..QuoteInfo::default()
            };
            return (info, gender);
        }
        let surface = &self.text[span.clone()];
        let last = surface.rsplit(' ').next().unwrap_or(surface);
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
                speaker: Some(self.group_name(g.id, surface)),
                speaker_group: (g.id < self.groups.len()).then_some(g.id),
                speaker_span: Some(span),
                ..QuoteInfo::default()
            };
            return (info, gender);
        }
        let mut name = surface;
        // A title names a particular bearer of the surname ("Mrs. Hilbery"): keep it short.
        let titled = self.text[..span.start].trim_end().ends_with('.') || gender.is_some();
        if !surface.contains(' ') && !titled {
            let text = self.text;
            let fullest = self.fullest.get_or_insert_with(|| fullest_names(text));
            if let Some(full) = fullest.by_word.get(surface) {
                name = full;
            }
        }
        let info = QuoteInfo {
            speaker: Some(name.to_string()),
            speaker_group: None,
            speaker_span: Some(span),
            ..QuoteInfo::default()
        };
        (info, gender)
    }

    /// The name to show for group `g`: its fullest name when that reads as a name, else
    /// its longest alias that does, else the words of the text (`surface`). Guards against
    /// a group named "Alice was" or "Marianne s".
    fn group_name(&self, g: usize, surface: &str) -> String {
        let group = &self.groups[g];
        std::iter::once(&group.name)
            .chain(group.aliases.iter().filter(|a| a.len() > surface.len()))
            .find(|n| looks_like_name(n))
            .map_or_else(|| surface.to_string(), String::clone)
    }

    /// The nearest person before `pos` (outside quotes) whose gender fits.
    fn antecedent(&self, pos: usize, gender: Option<Gender>) -> Option<QuoteInfo> {
        let fits = |g: Option<Gender>| g.is_none() || gender.is_none() || g == gender;
        let floor = pos.saturating_sub(PRONOUN_WINDOW);
        let i = self.mentions.partition_point(|m| m.start() < pos);
        let mention = self.mentions[..i]
            .iter()
            .rev()
            .take_while(|m| m.start() >= floor)
            .find(|m| {
                m.label == EntityLabel::Person
                    && !self.in_quote(m.start())
                    && fits(self.group_gender[m.group()])
            });
        let named = self
            .named
            .iter()
            .rev()
            .skip_while(|n| n.at >= pos)
            .take_while(|n| n.at >= floor)
            .find(|n| fits(n.gender));
        match (mention, named) {
            (Some(m), Some(n)) if n.at > m.start() => Some(n.info.clone()),
            (Some(m), _) => Some(QuoteInfo {
                speaker: Some(self.group_name(m.group(), &self.text[m.span()])),
                speaker_group: Some(m.group()),
                speaker_span: None,
                ..QuoteInfo::default()
            }),
            (None, Some(n)) => Some(n.info.clone()),
            (None, None) => None,
        }
    }
}

/// The gender of each person group: told by a title before a mention ("Mrs. Jones"), or
/// else voted by the first personal pronoun after its mentions ("Lucy ... she"), kept when
/// one side has at least two votes and twice the other's.
fn genders(text: &str, mentions: &[Mention], n: usize) -> Vec<Option<Gender>> {
    let mut titled = vec![None; n];
    let mut votes = vec![(0u32, 0u32); n];
    for m in mentions {
        if m.label != EntityLabel::Person {
            continue;
        }
        let (span, group) = (m.span(), m.group());
        if titled[group].is_none() {
            titled[group] = title_gender(&word_before(text, span.start).to_lowercase());
        }
        let len: usize = text[span.end..]
            .chars()
            .take(GENDER_WINDOW)
            .map(char::len_utf8)
            .sum();
        let first = text[span.end..span.end + len]
            .split(|c: char| !c.is_alphabetic())
            .find_map(|w| match w {
                "he" | "his" | "him" | "himself" => Some(Gender::Male),
                "she" | "her" | "hers" | "herself" => Some(Gender::Female),
                _ => None,
            });
        match first {
            Some(Gender::Male) => votes[group].0 += 1,
            Some(Gender::Female) => votes[group].1 += 1,
            None => {}
        }
    }
    titled
        .into_iter()
        .zip(votes)
        .map(|(t, (m, f))| {
            t.or(if m >= 2 && m >= 2 * f {
                Some(Gender::Male)
            } else if f >= 2 && f >= 2 * m {
                Some(Gender::Female)
            } else {
                None
            })
        })
        .collect()
}

/// How many characters after a mention are read for a pronoun that tells its gender.
const GENDER_WINDOW: usize = 60;

/// One to three words, every one capitalised (or a name particle) and none a function word.
fn looks_like_name(name: &str) -> bool {
    // Longer is more often a name run into other words ("Lucy Honeychurch Drive Out")
    // than a long name; a long name still shows through a shorter alias.
    (1..=3).contains(&name.split_whitespace().count())
        && name.split_whitespace().all(|w| {
            let lower = w.to_lowercase();
            (w.starts_with(char::is_uppercase) && !is_not_name(&lower))
                || matches!(
                    lower.as_str(),
                    "de" | "van" | "von" | "al" | "bin" | "da" | "du" | "la" | "le" | "der" | "of"
                )
                || w.split_once('-')
                    .is_some_and(|(_, r)| r.starts_with(char::is_uppercase))
        })
}

pub use super::fullest::{FullestNames, fullest_names};
