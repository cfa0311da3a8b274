//! Grouping of mentions into entities: the same name (any case, either apostrophe), a
//! person's surname or first name to the full name mentioned nearest before it, and an
//! acronym to its expansion ("DND" <-> "Department of National Defense"). Each group is
//! named by its fullest form and lists the other forms as aliases.

use std::collections::HashMap;

use crate::annotation::{Annotation, AnnotationKind, EntityGroup, EntityLabel};

use super::acronyms::acronym_form;
use super::located::{AcronymTable, Located};

/// A group under construction.
struct Draft {
    label: EntityLabel,
    name: String,
    forms: Vec<String>,
    /// `key` of each form, to deduplicate without re-normalising.
    form_keys: Vec<String>,
    /// Byte offsets where its mentions start, in processing order.
    starts: Vec<usize>,
    first_start: usize,
}

fn key(label: EntityLabel, surface: &str) -> (EntityLabel, String) {
    (label, one_line(&surface.replace('’', "'").to_lowercase()))
}

/// A surface form with line breaks and runs of spaces as single spaces ("Anna\r\nPavlovna").
fn one_line(surface: &str) -> String {
    surface.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the annotations and groups of `mentions` (the whole text's, sorted,
/// non-overlapping; their acronyms in `acronyms`).
pub fn group(
    text: &str,
    mentions: &[Located],
    acronyms: &AcronymTable,
) -> (Vec<Annotation>, Vec<EntityGroup>) {
    // Longest names first, so short forms find the full name already grouped.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(mentions[k].len()), k));

    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_surface: HashMap<(EntityLabel, String), usize> = HashMap::new();
    let mut by_part: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_acronym: HashMap<String, usize> = HashMap::new();
    let mut assigned = vec![0usize; mentions.len()];
    let mut labels: Vec<EntityLabel> = mentions.iter().map(|m| m.label).collect();

    for &k in &order {
        let m = &mentions[k];
        let s = m.surface(text);
        let start = m.start as usize;
        let single = m.len() == 1;
        let k_surface = key(m.label, s);
        let mut target = by_surface.get(&k_surface).copied();
        if target.is_none() && single && m.label == EntityLabel::Person {
            // The full name whose part this is, mentioned nearest before (or else first after).
            if let Some(cands) = by_part.get(&s.to_lowercase()) {
                let before = cands
                    .iter()
                    .filter_map(|&g| {
                        drafts[g]
                            .starts
                            .iter()
                            .filter(|&&p| p < start)
                            .max()
                            .map(|&p| (p, g))
                    })
                    .max();
                target = before.map(|(_, g)| g).or_else(|| cands.first().copied());
            }
        }
        if target.is_none()
            && single
            && let Some(a) = acronym_form(s)
        {
            target = by_acronym.get(&a).copied();
        }
        let g = match target {
            Some(g) => g,
            None => {
                drafts.push(Draft {
                    label: m.label,
                    name: one_line(s),
                    forms: Vec::new(),
                    form_keys: Vec::new(),
                    starts: Vec::new(),
                    first_start: start,
                });
                let g = drafts.len() - 1;
                if m.label == EntityLabel::Person && !single {
                    for part in [m.head(text), m.tail(text)] {
                        let part = part.to_lowercase();
                        let list = by_part.entry(part).or_default();
                        if !list.contains(&g) {
                            list.push(g);
                        }
                    }
                }
                if !single
                    && m.label != EntityLabel::Person
                    && let Some(a) = acronyms.get(m.acronym)
                {
                    by_acronym.entry(a.to_string()).or_insert(g);
                }
                g
            }
        };
        let d = &mut drafts[g];
        d.starts.push(start);
        d.first_start = d.first_start.min(start);
        if !d.form_keys.contains(&k_surface.1) {
            d.forms.push(one_line(s));
            d.form_keys.push(k_surface.1.clone());
        }
        by_surface.entry(k_surface).or_insert(g);
        labels[k] = d.label;
        assigned[k] = g;
    }

    // Number groups by first mention, for stable output.
    let mut ids: Vec<usize> = (0..drafts.len()).collect();
    ids.sort_by_key(|&g| drafts[g].first_start);
    let mut renumber = vec![0; drafts.len()];
    for (new, &old) in ids.iter().enumerate() {
        renumber[old] = new;
    }
    let groups = ids
        .iter()
        .enumerate()
        .map(|(id, &g)| {
            let d = &drafts[g];
            let name = d.name.clone();
            let name_key = key(d.label, &name).1;
            let aliases = d
                .forms
                .iter()
                .zip(&d.form_keys)
                .filter(|(_, k)| **k != name_key)
                .map(|(f, _)| f.clone())
                .collect();
            EntityGroup {
                id,
                label: d.label,
                name,
                aliases,
            }
        })
        .collect();
    let annotations = mentions
        .iter()
        .enumerate()
        .map(|(k, m)| Annotation {
            span: m.span(),
            kind: AnnotationKind::Entity {
                label: labels[k],
                group: renumber[assigned[k]],
            },
        })
        .collect();
    (annotations, groups)
}

#[cfg(test)]
mod tests {
    use super::super::mentions::Mention;
    use super::super::tokens::tokenize;
    use super::*;

    fn run(
        text: &str,
        spans: &[(usize, usize, EntityLabel)],
    ) -> (Vec<Annotation>, Vec<EntityGroup>) {
        let toks = tokenize(text);
        let mut table = AcronymTable::default();
        let ms: Vec<Located> = spans
            .iter()
            .map(|&(first, last, label)| {
                Located::of(text, &toks, 0, &Mention { first, last, label }, &mut table)
            })
            .collect();
        group(text, &ms, &table)
    }

    #[test]
    fn surnames_join_the_nearest_full_name() {
        let text = "Donald Trump and Melania Trump. Trump spoke. Donald left.";
        let (anns, groups) = run(
            text,
            &[
                (0, 2, EntityLabel::Person),
                (3, 5, EntityLabel::Person),
                (6, 7, EntityLabel::Person),
                (9, 10, EntityLabel::Person),
            ],
        );
        assert_eq!(groups.len(), 2);
        assert_eq!(
            anns[2].group(),
            Some(1),
            "Trump -> Melania Trump, the nearest before"
        );
        assert_eq!(anns[3].group(), Some(0), "Donald -> Donald Trump");
        assert_eq!(groups[0].name, "Donald Trump");
        assert_eq!(groups[0].aliases, ["Donald"]);
    }

    #[test]
    fn acronyms_join_expansions_either_way_round() {
        let text = "DND said the Department of National Defense would act.";
        let (anns, groups) = run(text, &[(0, 1, EntityLabel::Org), (3, 7, EntityLabel::Org)]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].name, "Department of National Defense");
        assert_eq!(groups[0].aliases, ["DND"]);
        assert_eq!(anns[0].group(), anns[1].group());
    }

    #[test]
    fn line_breaks_inside_a_name_do_not_split_its_group() {
        let text = "Anna Pavlovna and Anna\r\nPavlovna";
        let (_, groups) = run(
            text,
            &[(0, 2, EntityLabel::Person), (3, 5, EntityLabel::Person)],
        );
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].name, "Anna Pavlovna");
        assert!(groups[0].aliases.is_empty());
    }

    #[test]
    fn same_name_in_any_case_or_apostrophe_is_one_group() {
        let text = "Islamic State of Iraq and Islamic state of Iraq.";
        let (_, groups) = run(text, &[(0, 4, EntityLabel::Org), (5, 9, EntityLabel::Org)]);
        assert_eq!(groups.len(), 1);
        assert!(groups[0].aliases.is_empty());
    }
}
