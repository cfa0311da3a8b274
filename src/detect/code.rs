//! What the detectors read of an article: its text with code hidden. Code blocks and inline
//! code (the article's [`InlineStyle::Code`] spans) are program text, not prose: a
//! `println!("hi")` is not a quote and `HashMap` is not an organisation. They are blanked
//! here, byte for byte (every character becomes as many spaces as it has bytes, newlines
//! stay), so offsets into the blanked text are offsets into [`Article::text`] and no
//! detector needs to know about code.

use std::borrow::Cow;

use crate::article::{Article, InlineStyle};

/// The article's text with every code span blanked; borrowed when there is no code.
pub fn without_code(article: &Article) -> Cow<'_, str> {
    let text = article.text.as_str();
    let mut code = article
        .inline
        .iter()
        .filter(|s| s.style == InlineStyle::Code)
        .map(|s| s.span.clone())
        .filter(|r| r.start < r.end && text.get(r.clone()).is_some())
        .peekable();
    if code.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for span in code {
        // Spans are sorted by start; a nested or repeated one is already blanked.
        let start = span.start.max(copied);
        if start >= span.end {
            continue;
        }
        out.push_str(&text[copied..start]);
        for c in text[start..span.end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        copied = span.end;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{InlineSpan, Meta};

    #[test]
    fn code_is_blanked_byte_for_byte_and_the_rest_kept() {
        let mut a = Article::from_verbatim(
            "Say `\"hé\"` now.\n\nfn main() {\n    println!(\"hi\");\n}".to_string(),
            Meta::default(),
        );
        let inline_end = a.text.find(" now").expect("inline code");
        let block = a.blocks[1].span.clone();
        a.inline = vec![
            InlineSpan {
                style: InlineStyle::Code,
                span: 4..inline_end,
            },
            InlineSpan {
                style: InlineStyle::Code,
                span: block.clone(),
            },
        ];
        let shown = without_code(&a);
        assert_eq!(shown.len(), a.text.len());
        assert_eq!(&shown[..4], "Say ");
        assert!(shown[4..inline_end].bytes().all(|b| b == b' '));
        assert_eq!(&shown[inline_end..block.start], " now.\n\n");
        assert_eq!(shown[block].matches('\n').count(), 2);
        assert!(!shown.contains('"') && !shown.contains("println"));
    }

    #[test]
    fn text_without_code_is_borrowed() {
        let mut a = Article::from_verbatim("Plain *text*.".to_string(), Meta::default());
        a.inline = vec![InlineSpan {
            style: InlineStyle::Emphasis,
            span: 7..11,
        }];
        assert!(matches!(without_code(&a), Cow::Borrowed("Plain *text*.")));
    }
}
