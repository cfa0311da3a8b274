//! Tests of the tokenizer, against the first char-by-char version of it as an oracle.

use super::*;
use proptest::prelude::*;

fn words(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn splits_possessives_with_either_apostrophe() {
    assert_eq!(words("Canada's army"), ["Canada", "'s", "army"]);
    assert_eq!(words("NATO’s chief"), ["NATO", "’s", "chief"]);
    assert_eq!(
        words("the States' rights"),
        ["the", "States", "'", "rights"]
    );
}

#[test]
fn a_combining_accent_stays_in_its_word() {
    // "Zoë" and "François" written with combining marks are one word each, not "Zoe" and
    // "Franc" with a stray accent after them.
    assert_eq!(
        words("Zoe\u{308} met Franc\u{327}ois."),
        vec!["Zoe\u{308}", "met", "Franc\u{327}ois", "."]
    );
}

#[test]
fn keeps_internal_joiners() {
    assert_eq!(
        words("al-Baghdadi O'Brien AT&T"),
        ["al-Baghdadi", "O'Brien", "AT&T"]
    );
    assert_eq!(
        words("US-trained Anglo-Dutch"),
        ["US", "-", "trained", "Anglo-Dutch"]
    );
}

#[test]
fn periods_join_initials_and_abbreviations_only() {
    assert_eq!(
        words("Maj. Gen. J. Smith of the U.S. left."),
        [
            "Maj.", "Gen.", "J.", "Smith", "of", "the", "U.S.", "left", "."
        ]
    );
    assert_eq!(
        words("troops in the US."),
        ["troops", "in", "the", "US", "."]
    );
}

#[test]
fn flags_sentence_starts() {
    let text = "He left. \"Go.\" She\nWent\n“Ah, well";
    let starts = sentence_starts(text);
    assert_eq!(starts, ["He", "\"", "Go", "\"", "She", "Went", "“", "Ah"]);
}

#[test]
fn hard_wrapped_prose_runs_on_across_line_breaks() {
    let text = "The old prince walked slowly through the long gallery with Anna\r\nMikhaylovna and then\nStopped.";
    let starts = sentence_starts(text);
    // "Stopped" follows a short line, "Mikhaylovna" a long one that runs on.
    assert_eq!(starts, ["The", "Stopped"]);
}

#[test]
fn flags_case_and_digits() {
    let toks = tokenize("Paris 1996 x");
    assert!(toks[0].is(UPPER) && toks[0].is(WORD));
    assert!(toks[1].is(DIGIT) && !toks[1].is(UPPER));
    assert!(!toks[2].is(UPPER));
}

/// The tokenizer as it was written first, char by char: the oracle the faster one is held to
/// (which adds [`PARA_START`] besides).
fn reference(text: &str) -> Vec<Token> {
    let mut cut = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    // English averages about one token per five bytes; room for one per four avoids a
    // reallocation of a book-sized vector.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut chars = text.char_indices().peekable();
    let starts: std::collections::HashSet<usize> = {
        use unicode_segmentation::UnicodeSegmentation;
        text.grapheme_indices(true).map(|(j, _)| j).collect()
    };
    let mut sent_start = true;
    let mut line_start = 0;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' {
                sent_start |= line_ends_sentence(&text[line_start..start], &text[start + 1..]);
                line_start = start + 1;
            }
            continue;
        }
        let mut flags = if sent_start { SENT_START } else { 0 };
        sent_start = false;
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut internal_period = false;
            // Extend over letters/digits and single joiners between them.
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    chars.next();
                    end = i + d.len_utf8();
                    continue;
                }
                // The rest of a cluster (a combining accent) belongs to the word.
                if !d.is_ascii() && !('\u{2010}'..='\u{2027}').contains(&d) && !starts.contains(&i)
                {
                    while let Some(&(j, d)) = chars.peek().filter(|(j, _)| !starts.contains(j)) {
                        chars.next();
                        end = j + d.len_utf8();
                    }
                    continue;
                }
                if matches!(d, '-' | '.' | '&') || is_apostrophe(d) {
                    let next = text[i + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        // A possessive or contraction after an apostrophe is split off below.
                        if is_apostrophe(d) && is_clitic(&text[i + d.len_utf8()..]) {
                            break;
                        }
                        // "US-trained": an acronym before a lowercase word stands alone;
                        // "anti-ISIL": so does a name after a prefix.
                        let head = &text[start..i];
                        let acronym_head = next.is_some_and(char::is_lowercase)
                            && head.chars().count() >= 2
                            && head.chars().all(|h| h.is_uppercase());
                        let prefix_head = next.is_some_and(char::is_uppercase)
                            && HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(head));
                        if d == '-' && (acronym_head || prefix_head) {
                            break;
                        }
                        internal_period |= d == '.';
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            let word = &text[start..end];
            // A trailing period belongs to initials, dotted acronyms and abbreviations.
            if let Some(&(i, '.')) = chars.peek() {
                let single = word.chars().count() == 1 && c.is_alphabetic();
                if single || internal_period || is_abbreviation(word) {
                    chars.next();
                    end = i + 1;
                }
            }
            flags |= WORD;
            if c.is_uppercase() {
                flags |= UPPER;
            }
            if text[start..end].bytes().any(|b| b.is_ascii_digit()) {
                flags |= DIGIT;
            }
            tokens.push(Token::new(start, end, flags));
        } else if is_apostrophe(c) && is_clitic(&text[start + c.len_utf8()..]) {
            // "'s", "’s", "'ll": the clitic letters join the apostrophe.
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                chars.next();
                end = i + d.len_utf8();
            }
            tokens.push(Token::new(start, end, flags));
        } else {
            // Punctuation: a run of the same mark is one token ("--", "...").
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if d != c {
                    break;
                }
                chars.next();
                end = i + d.len_utf8();
            }
            tokens.push(Token::new(start, end, flags));
            if matches!(c, '.' | '!' | '?') || sent_start_pending(&tokens, text) {
                sent_start = true;
            }
        }
    }
    tokens
}

/// The whole text's tokens are the oracle's, flags and all, and paragraph starts are the
/// tokens after a blank line (and the first).
fn agrees_with_the_reference(text: &str) -> Result<(), TestCaseError> {
    let got = tokenize(text);
    let want = reference(text);
    prop_assert_eq!(got.len(), want.len());
    let mut prev_end = 0;
    for (g, w) in got.iter().zip(&want) {
        prop_assert_eq!(
            (g.span(), g.flags & !PARA_START),
            (w.span(), w.flags),
            "{:?}",
            g.text(text)
        );
        let gap = &text[prev_end..g.start()];
        let para = prev_end == 0 || gap.matches('\n').count() >= 2;
        prop_assert_eq!(g.is(PARA_START), para, "{:?}", g.text(text));
        prev_end = g.end();
    }
    Ok(())
}

#[test]
fn agrees_with_the_reference_on_the_sample() {
    let text = include_str!("../../../../sample-data/canada-iraq-mission-2020-01-06.txt");
    agrees_with_the_reference(text).unwrap();
}

proptest! {
    #[test]
    fn agrees_with_the_reference_on_any_text(text in "\\PC{0,80}") {
        agrees_with_the_reference(&text)?;
    }

    #[test]
    fn agrees_with_the_reference_on_prose(
        text in "([A-Za-z]{1,7}|[ÉéŒœß]|[0-9]{1,3}|St|Mr|U|S|J|US|anti|[-.&'’,;:!?\"“”()—]|[ \\n\\t\\r]){0,60}"
    ) {
        agrees_with_the_reference(&text)?;
    }
}

/// On War and Peace too, when the evaluation data is beside the checkout (as in CI).
#[test]
fn agrees_with_the_reference_on_the_book() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let book = ["../shared", "../../shared"]
        .iter()
        .map(|s| format!("{dir}/{s}/eval/data/big/war-and-peace-pg2600.txt"))
        .find_map(|p| std::fs::read_to_string(p).ok());
    if let Some(text) = book {
        agrees_with_the_reference(&text).unwrap();
    }
}

/// The tokens of `text` that start a sentence.
fn sentence_starts(text: &str) -> Vec<&str> {
    tokenize(text)
        .iter()
        .filter(|t| t.is(SENT_START))
        .map(|t| t.text(text))
        .collect()
}
