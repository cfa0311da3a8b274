//! Tests of acronym expansion, over one chunk holding the whole text.

use super::super::super::tokens::tokenize;
use super::*;

/// Expansion over one chunk holding the whole text (no headlines).
fn expand(text: &str, tokens: &[Token], mentions: Vec<Mention>) -> Vec<Mention> {
    expand_in_one_chunk(text, tokens, &vec![false; tokens.len()], mentions)
}

#[test]
fn expansion_replaces_the_pieces_inside_it() {
    let text = "the Islamic state of Iraq and the Levant, or ISIL, fell.";
    let toks = tokenize(text);
    let ms = vec![
        Mention {
            first: 1,
            last: 2,
            label: EntityLabel::Misc,
        },
        Mention {
            first: 4,
            last: 5,
            label: EntityLabel::Place,
        },
        Mention {
            first: 7,
            last: 8,
            label: EntityLabel::Place,
        },
        Mention {
            first: 10,
            last: 11,
            label: EntityLabel::Org,
        },
    ];
    let ms = expand(text, &toks, ms);
    assert_eq!(
        ms[0],
        Mention {
            first: 1,
            last: 8,
            label: EntityLabel::Org
        }
    );
    assert_eq!(ms.len(), 2);
}

#[test]
fn an_untagged_acronym_with_an_expansion_becomes_an_org() {
    let text = "The Reactive Oxygen Species rose. ROS fell.";
    let toks = tokenize(text);
    let ms = vec![];
    let ms = expand(text, &toks, ms);
    assert_eq!(
        ms,
        [
            Mention {
                first: 1,
                last: 4,
                label: EntityLabel::Org
            },
            Mention {
                first: 6,
                last: 7,
                label: EntityLabel::Org
            },
        ]
    );
}

#[test]
fn no_expansion_across_sentences_or_without_a_capital_end() {
    let text = "Iraq is far. Levant ISIL. In Iraq, the levant ISIL.";
    let toks = tokenize(text);
    let ms = vec![Mention {
        first: 5,
        last: 6,
        label: EntityLabel::Org,
    }];
    let ms = expand(text, &toks, ms);
    assert_eq!(ms.len(), 1);
}
