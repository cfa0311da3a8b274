//! The plain-text loader: blank-line paragraphs, hard-wrapped lines joined for display,
//! and three cheap block rules borrowed from e-mail and Markdown habits.
//!
//! A paragraph (a run of non-blank lines) becomes:
//! - a **block quote** when every line starts with `>` (the markers are removed);
//! - **list items** when its first line starts with a bullet (`-`, `*`, `•`) or an ordinal
//!   (`1.`, `2)`) followed by a space: each marked line starts an item, unmarked lines
//!   continue the item before; depth comes from the marker's indentation (two columns a
//!   level);
//! - **preformatted** text when every line is indented by a tab or at least four spaces
//!   (poems, tables, letters in books): line breaks kept, the common indentation removed;
//! - otherwise a **paragraph**: lines trimmed and joined with one space.
//!
//! Title: when the first paragraph is a single short line that reads like a headline (see
//! [`looks_like_headline`]) and more text follows, the caller may take it as the title.

use crate::article::BlockKind;
use crate::ingest::builder::TextBuilder;

/// A headline is shorter than this many characters.
const MAX_HEADLINE_CHARS: usize = 120;

/// What the plain loader built, and whether its first block may serve as the title.
pub(crate) struct Plain {
    pub builder: TextBuilder,
    pub first_is_headline: bool,
}

/// Parses `body` (LF line endings) into blocks.
pub(crate) fn parse(body: &str) -> Plain {
    let mut b = TextBuilder::with_capacity(body.len());
    let mut lines: Vec<&str> = Vec::new();
    let mut first_is_headline = None;
    let mut paragraphs = 0usize;
    for line in lines_of(body) {
        if is_blank(line) {
            if !lines.is_empty() {
                paragraphs += 1;
                let single = lines.len() == 1;
                emit(&mut b, &lines);
                if first_is_headline.is_none() {
                    // An indented line is preformatted text, never a title.
                    first_is_headline = Some(
                        single
                            && indent_width(lines[0]) < 4
                            && looks_like_headline(lines[0].trim()),
                    );
                }
                lines.clear();
            }
        } else {
            lines.push(line);
        }
    }
    if !lines.is_empty() {
        paragraphs += 1;
        emit(&mut b, &lines);
    }
    Plain {
        builder: b,
        first_is_headline: first_is_headline.unwrap_or(false) && paragraphs > 1,
    }
}

/// The lines of `body` split at `\n`, like `body.split('\n')`, found with one SIMD scan
/// (memchr) instead of a char searcher per line.
fn lines_of(body: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', body.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |end| {
            let end = end.unwrap_or(body.len());
            let line = &body[start..end];
            start = end + 1;
            line
        })
}

/// True for an empty or whitespace-only line, deciding on the first byte when it is a
/// printable ASCII character (nearly every line of prose).
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// `line.trim()`, trimming ASCII whitespace bytewise and falling back to Unicode
/// trimming only when what remains starts or ends with a non-ASCII or control byte.
fn trim(line: &str) -> &str {
    let t = line.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => t,
        _ => t.trim(),
    }
}

/// True for a line that reads like a headline, by a rule meant to be predictable (the
/// README states it): shorter than [`MAX_HEADLINE_CHARS`], with a letter, starting with
/// an uppercase letter or a digit (not lower case, not a quotation mark: dialogue opens
/// novels), not ending like a clause that runs on (`,` `;` `:` `…`) and not a list item.
/// A final period is allowed when the line is one clause (no `,` `;` `:` inside): wire
/// headlines end with one ("Truck attack in France kills at least 80."), while a
/// sentence of prose standing alone at the top ("It was a bright cold day in April, and
/// the clocks were striking thirteen.") mostly has a comma. The caller also asks that it
/// be a paragraph of one line with more text after it.
pub(crate) fn looks_like_headline(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    let end = line.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    let sentence_of_clauses = end.ends_with('.') && line.contains([',', ';', ':']);
    line.chars().count() < MAX_HEADLINE_CHARS
        && line.chars().any(char::is_alphabetic)
        && (first.is_uppercase() || first.is_numeric())
        && !end.ends_with([',', ';', ':', '…'])
        && !sentence_of_clauses
        && marker(line).is_none()
}

fn emit(b: &mut TextBuilder, lines: &[&str]) {
    if lines.iter().all(|l| quote_content(l).is_some()) {
        b.begin(BlockKind::BlockQuote);
        join(b, lines.iter().filter_map(|l| quote_content(l)));
    } else if marker(lines[0]).is_some() {
        emit_list(b, lines);
    } else if lines.iter().all(|l| indent_width(l) >= 4) {
        b.begin(BlockKind::Preformatted);
        let common = lines.iter().map(|l| indent_width(l)).min().unwrap_or(0);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                b.push("\n");
            }
            b.push(strip_indent(line, common).trim_end());
        }
    } else {
        b.begin(BlockKind::Paragraph);
        join(b, lines.iter().copied());
    }
    b.end();
}

fn emit_list(b: &mut TextBuilder, lines: &[&str]) {
    for line in lines {
        match marker(line) {
            Some(m) => {
                let depth = u8::try_from(indent_width(line) / 2).unwrap_or(u8::MAX);
                b.begin(BlockKind::ListItem {
                    ordinal: m.ordinal,
                    depth,
                });
                b.push_line(trim(&line[m.text_start..]));
            }
            None => {
                b.space();
                b.push_line(trim(line));
            }
        }
    }
}

/// Pushes trimmed lines joined with single spaces.
fn join<'a>(b: &mut TextBuilder, lines: impl Iterator<Item = &'a str>) {
    for line in lines {
        b.space();
        b.push_line(trim(line));
    }
}

/// The text after a `>` quote marker (up to three spaces before it, one space after).
fn quote_content(line: &str) -> Option<&str> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let rest = trimmed.strip_prefix('>')?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

struct Marker {
    ordinal: Option<u64>,
    /// Byte offset in the line where the item's text starts.
    text_start: usize,
}

/// A list marker at the start of `line`: `- `, `* `, `• `, or `12. ` / `12) `.
fn marker(line: &str) -> Option<Marker> {
    let body = line.trim_start();
    let lead = line.len() - body.len();
    for bullet in ["- ", "* ", "• "] {
        if body.starts_with(bullet) {
            return Some(Marker {
                ordinal: None,
                text_start: lead + bullet.len(),
            });
        }
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &body[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            let ordinal = body[..digits].parse().ok();
            return Some(Marker {
                ordinal,
                text_start: lead + digits + 2,
            });
        }
    }
    None
}

/// Indentation in columns (a tab counts as four).
fn indent_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// `line` without its first `width` columns of indentation.
fn strip_indent(line: &str, width: usize) -> &str {
    let mut cols = 0;
    for (i, c) in line.char_indices() {
        if cols >= width || (c != ' ' && c != '\t') {
            return &line[i..];
        }
        cols += if c == '\t' { 4 } else { 1 };
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn blocks(body: &str) -> Vec<(BlockKind, String)> {
        let (text, blocks, _) = parse(body).builder.finish();
        blocks
            .iter()
            .map(|Block { kind, span }| (*kind, text[span.clone()].to_string()))
            .collect()
    }

    fn text(body: &str) -> String {
        parse(body).builder.finish().0
    }

    #[test]
    fn hard_wrapped_lines_join_with_one_space() {
        assert_eq!(
            text("One line\n  wrapped here \nand here.\n\n\n\nNext."),
            "One line wrapped here and here.\n\nNext."
        );
    }

    #[test]
    fn whitespace_only_lines_separate_paragraphs() {
        assert_eq!(blocks("a\n \t \nb").len(), 2);
    }

    #[test]
    fn quote_lines_make_a_block_quote() {
        assert_eq!(
            blocks("> To be or\n> not to be.\n>\n\nSaid."),
            vec![
                (BlockKind::BlockQuote, "To be or not to be.".into()),
                (BlockKind::Paragraph, "Said.".into())
            ]
        );
        assert_eq!(blocks("> quoted\nnot quoted")[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn lists_with_bullets_ordinals_depth_and_continuations() {
        assert_eq!(
            blocks("- one\n  more\n  * nested\n2. two"),
            vec![
                (
                    BlockKind::ListItem {
                        ordinal: None,
                        depth: 0
                    },
                    "one more".into()
                ),
                (
                    BlockKind::ListItem {
                        ordinal: None,
                        depth: 1
                    },
                    "nested".into()
                ),
                (
                    BlockKind::ListItem {
                        ordinal: Some(2),
                        depth: 0
                    },
                    "two".into()
                ),
            ]
        );
    }

    #[test]
    fn indented_block_is_preformatted_with_its_line_breaks() {
        assert_eq!(
            blocks("    Roses are red,\n      violets blue.  \n\nProse."),
            vec![
                (
                    BlockKind::Preformatted,
                    "Roses are red,\n  violets blue.".into()
                ),
                (BlockKind::Paragraph, "Prose.".into())
            ]
        );
        assert_eq!(
            blocks("  two-space indent\n  is prose")[0].0,
            BlockKind::Paragraph
        );
    }

    /// The edges of the rule the README states, one assertion each.
    #[test]
    fn headline_rule() {
        let title = |s: &str| parse(s).first_is_headline;
        assert!(title("Canada weighs its Iraq mission\n\nBody."));
        assert!(title("Will troops leave?\n\nBody."));
        // A final period, as wire headlines have.
        assert!(title("Truck attack in France kills at least 80.\n\nBody."));
        assert!(title(
            "Truck attack in France kills at least 80.  \n\nBody."
        ));
        assert!(title("2020: a year in review\n\nBody."));
        assert!(title("Éire votes\n\nBody."));
        // 119 characters is short enough; 120 is not.
        let at = |n: usize| format!("{}\n\nBody.", "W".repeat(n));
        assert!(title(&at(119)));
        assert!(!title(&at(120)));
        assert!(
            !title("Canada weighs its Iraq mission\n\n"),
            "nothing follows"
        );
        assert!(!title("Two lines\nof a paragraph\n\nBody."));
        assert!(!title("“He is dead.”\n\nBody."), "dialogue");
        assert!(!title("\"He is dead.\"\n\nBody."), "dialogue");
        assert!(!title("lower case start\n\nBody."));
        assert!(!title("1. A list item\n\nBody."));
        assert!(!title("- A list item\n\nBody."));
        assert!(!title("> A quote\n\nBody."));
        assert!(!title("    Indented text\n\nBody."));
        assert!(!title("2020 1984\n\nBody."), "no letter");
        // A period ends a headline of one clause, not a sentence of several.
        assert!(!title(
            "It was a cold day in April, and it rained.\n\nBody."
        ));
        assert!(!title("Paris: a truck kills 80.\n\nBody."));
        assert!(title("Paris: a truck kills 80\n\nBody."));
        assert!(title("Attack kills 80 (updated).\n\nBody."));
        for end in [",", ";", ":", "…"] {
            assert!(
                !title(&format!("When the war began{end}\n\nBody.")),
                "{end}"
            );
        }
    }

    #[test]
    fn empty_and_blank_bodies_have_no_blocks() {
        assert!(blocks("").is_empty());
        assert!(blocks("\n \n\t\n").is_empty());
    }

    proptest::proptest! {
        /// The byte-level fast paths agree with the straightforward `str` operations they
        /// replace, on paragraph-shaped text with Unicode and control whitespace.
        #[test]
        fn fast_paths_equal_the_reference(
            text in "([ \t\u{b}\u{a0}\u{3000}>*0-9.a-zé中]{0,10}\n{0,3}){0,20}"
        ) {
            let ours: Vec<&str> = lines_of(&text).collect();
            let reference: Vec<&str> = text.split('\n').collect();
            proptest::prop_assert_eq!(&ours, &reference);
            for line in reference {
                proptest::prop_assert_eq!(is_blank(line), line.trim().is_empty());
                proptest::prop_assert_eq!(trim(line), line.trim());
            }
        }
    }
}
