//! Pairing of quotation marks into quoted regions, one paragraph at a time.
//!
//! Handles curly (“…”) and straight ("…") double quotes and the doubled apostrophes
//! (''…'') of some newspaper archives. A mark of another style inside a quote is treated as
//! nested and kept inside; single quotes are never paired (too easily apostrophes), so
//! nested ‘…’ stay part of their enclosing quote. A quote is never allowed past the end of
//! its paragraph: a missing closer ends the region at the paragraph's last character, and
//! when the next paragraph opens with a mark the region is marked as continued there (the
//! conventional way to quote over several paragraphs).

use std::ops::Range;

/// A quoted region: byte span including its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Bytes of the quote, marks included (a missing closer: up to the paragraph's end).
    pub span: Range<usize>,
    /// Bytes between the marks.
    pub inner: Range<usize>,
    /// Index of the paragraph holding the region.
    pub para: usize,
    /// The region continues a quote left open at the end of the previous paragraph.
    pub continues: bool,
    /// The closing mark was found.
    pub closed: bool,
}

/// A paragraph: bytes between blank lines, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
    Doubled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A symmetric mark whose context does not say which side it is on.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    style: Style,
    role: Role,
}

/// Lines longer than this are not hard-wrapped: each line of their block is a paragraph.
const WRAP_WIDTH: usize = 120;

/// Splits `text` into paragraphs: at blank (white-space only) lines, `\r\n` included, and
/// at every line break of a block whose lines are too long to be hard-wrapped prose.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let body = &text[block.span.clone()];
        if body.split('\n').any(|l| l.len() > WRAP_WIDTH) && body.contains('\n') {
            let mut at = block.span.start;
            for line in body.split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    let lead = line.len() - line.trim_start().len();
                    out.push(Paragraph {
                        span: at + lead..at + lead + trimmed.len(),
                    });
                }
                at += line.len();
            }
        } else {
            out.push(block);
        }
    }
    out
}

/// Splits `text` at blank lines.
fn blocks(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push(Paragraph {
                    span: s..last_content_end,
                });
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(line_start + lead);
            }
            last_content_end = line_start + line.trim_end().len();
        }
        line_start += line.len();
    }
    if let Some(s) = start {
        out.push(Paragraph {
            span: s..last_content_end,
        });
    }
    out
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:;".contains(c) || c == '\u{201c}',
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}—–-…".contains(c) || c == '\u{201d}',
    }
}

/// The quotation marks of one paragraph, in order.
fn marks(text: &str, para: &Range<usize>) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        let (len, style, fixed) = match b {
            b'"' => (1, Style::Straight, None),
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => (2, Style::Doubled, None),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) => (3, Style::Curly, Some(Role::Open)),
                Some(0x9D) => (3, Style::Curly, Some(Role::Close)),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let role = fixed.unwrap_or_else(|| {
            let before = text[para.start..i].chars().next_back();
            let after = text[i + len..para.end].chars().next();
            let open = is_open_context(before) && !after.is_some_and(char::is_whitespace);
            let close = is_close_context(after) && !before.is_some_and(char::is_whitespace);
            match (open, close) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            }
        });
        out.push(Mark {
            at: i,
            len,
            style,
            role,
        });
        i += len;
    }
    out
}

/// Pairs the quotation marks of every paragraph into regions.
pub fn regions(text: &str, paras: &[Paragraph]) -> Vec<Region> {
    let mut out = Vec::new();
    // Style of a quote left open at the end of the previous paragraph.
    let mut carried: Option<Style> = None;
    for (p, para) in paras.iter().enumerate() {
        let marks = marks(text, &para.span);
        let first_opens = marks
            .first()
            .is_some_and(|m| m.at == para.span.start && m.role != Role::Close);
        let continues_from = carried.take().filter(|_| first_opens);
        let mut open: Option<(Mark, bool)> = None;
        let mut nested: Option<Style> = None;
        for m in marks {
            match open {
                None => {
                    if m.role != Role::Close {
                        let cont = out.last().is_none_or(|r: &Region| r.para != p)
                            && continues_from.is_some();
                        open = Some((m, cont));
                    }
                }
                Some((o, cont)) => {
                    if m.style != o.style {
                        // Another style inside a quote is nested: track it so its marks
                        // do not close ours.
                        nested = match nested {
                            Some(s) if s == m.style && m.role != Role::Open => None,
                            None if m.role != Role::Close => Some(m.style),
                            n => n,
                        };
                        continue;
                    }
                    let reopens = match o.style {
                        Style::Curly => m.role == Role::Open,
                        _ => m.role == Role::Open && nested.is_none(),
                    };
                    if reopens {
                        // An opener while open: the previous quote lost its closer.
                        push_unclosed(text, &mut out, o, cont, p, m.at);
                        open = Some((m, false));
                        nested = None;
                    } else {
                        let end = m.at + m.len;
                        out.push(Region {
                            span: o.at..end,
                            inner: o.at + o.len..m.at,
                            para: p,
                            continues: cont,
                            closed: true,
                        });
                        open = None;
                        nested = None;
                    }
                }
            }
        }
        if let Some((o, cont)) = open {
            push_unclosed(text, &mut out, o, cont, p, para.span.end);
            if out.last().is_some_and(|r| !r.closed) {
                carried = Some(o.style);
            }
        }
    }
    out
}

/// Records a quote whose closer is missing, ending it at `end` (white space trimmed).
fn push_unclosed(text: &str, out: &mut Vec<Region>, o: Mark, cont: bool, para: usize, end: usize) {
    let end = o.at + o.len + text[o.at + o.len..end].trim_end().len();
    if end > o.at + o.len {
        out.push(Region {
            span: o.at..end,
            inner: o.at + o.len..end,
            para,
            continues: cont,
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        regions(text, &paragraphs(text))
            .iter()
            .map(|r| &text[r.span.clone()])
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(quoted("He said “yes” and \"no\"."), vec!["“yes”", "\"no\""]);
    }

    #[test]
    fn doubled_apostrophes_pair() {
        assert_eq!(
            quoted("''This isn't reform,'' said Mr. Holtz-Eakin. ''It's anti-reform.''"),
            vec!["''This isn't reform,''", "''It's anti-reform.''"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let t = "\"I read the question: “Do you?” Yes,\" he said. “It’s ‘in their heads.’”";
        assert_eq!(
            quoted(t),
            vec![
                "\"I read the question: “Do you?” Yes,\"",
                "“It’s ‘in their heads.’”"
            ]
        );
    }

    #[test]
    fn missing_closer_stops_at_the_paragraph() {
        let t = "“We will win, he said.\n\nNext paragraph has “a quote” here.";
        assert_eq!(quoted(t), vec!["“We will win, he said.", "“a quote”"]);
        let rs = regions(t, &paragraphs(t));
        assert!(!rs[0].closed && !rs[1].continues);
    }

    #[test]
    fn missing_closer_before_a_new_opener() {
        assert_eq!(quoted("“One. “Two,” he said."), vec!["“One.", "“Two,”"]);
    }

    #[test]
    fn quotes_continue_over_paragraphs() {
        let t = "“First part.\r\n\r\n“Second part.\n\n“Third,” she said.";
        let rs = regions(t, &paragraphs(t));
        let flags: Vec<(bool, bool)> = rs.iter().map(|r| (r.closed, r.continues)).collect();
        assert_eq!(flags, vec![(false, false), (false, true), (true, true)]);
        assert_eq!(&t[rs[1].span.clone()], "“Second part.");
    }

    #[test]
    fn straight_quotes_over_hard_wrapped_lines() {
        let t = "\"Mother wouldn't mind,\" said Lucy, \"I'm\nsure.\"";
        assert_eq!(
            quoted(t),
            vec!["\"Mother wouldn't mind,\"", "\"I'm\nsure.\""]
        );
    }

    #[test]
    fn long_lines_are_paragraphs() {
        let long = "x".repeat(130);
        let t = format!("“{long}\n“Next,” he said.\nShort line.");
        let ps = paragraphs(&t);
        assert_eq!(ps.len(), 3);
        let wrapped = "“Short\nwrapped line,” he said.";
        assert_eq!(paragraphs(wrapped).len(), 1);
    }

    #[test]
    fn stray_closer_is_ignored() {
        assert_eq!(quoted("a” b “c”"), vec!["“c”"]);
    }
}
