//! TOML front matter between `+++` lines at the top of any text file: title, date, author,
//! source and url. Unknown keys are rejected by name; every error carries the line and
//! column in the file.

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

/// The delimiter line, alone on its line (trailing whitespace allowed).
const FENCE: &str = "+++";

/// The front matter fields, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<String>,
    /// A TOML date (`date = 2020-01-06`) or a string (`date = "2020-01-06"`).
    date: Option<Spanned<toml::Value>>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// Checked front matter.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// A front matter problem at a 1-based line and column of the file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FrontMatterError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Splits front matter off `text` (LF line endings).
///
/// Returns `Ok(None)` when `text` does not open with a `+++` line, else the parsed front
/// matter and the byte offset where the body starts (just after the closing `+++` line).
pub(crate) fn split(text: &str) -> Result<Option<(FrontMatter, usize)>, FrontMatterError> {
    let Some(first) = text.split('\n').next() else {
        return Ok(None);
    };
    if first.trim_end() != FENCE {
        return Ok(None);
    }
    let toml_start = (first.len() + 1).min(text.len());
    let mut offset = toml_start;
    let mut close = None;
    for line in text[toml_start..].split_inclusive('\n') {
        if line.trim_end() == FENCE {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((toml_end, body_start)) = close else {
        return Err(FrontMatterError {
            line: 1,
            column: 1,
            message: "front matter opened with '+++' is never closed (expected a '+++' line)"
                .to_string(),
        });
    };
    let source = &text[toml_start..toml_end];
    // The TOML starts on line 2 of the file: shift its positions by that one line.
    let at = |byte: usize| position(source, byte, 1);
    let raw: Raw = toml::from_str(source).map_err(|e| {
        let (line, column) = at(e.span().map_or(0, |s| s.start));
        FrontMatterError {
            line,
            column,
            message: format!("invalid front matter: {}", one_line(e.message())),
        }
    })?;
    let date = match raw.date {
        None => None,
        Some(spanned) => {
            let span = spanned.span();
            Some(parse_date(spanned.get_ref()).map_err(|message| {
                let (line, column) = at(span.start);
                FrontMatterError {
                    line,
                    column,
                    message,
                }
            })?)
        }
    };
    let front = FrontMatter {
        title: raw.title,
        date,
        author: raw.author,
        source: raw.source,
        url: raw.url,
    };
    Ok(Some((front, body_start)))
}

fn parse_date(value: &toml::Value) -> Result<Date, String> {
    let found = match value {
        toml::Value::Datetime(dt) => match dt.date {
            Some(d) => {
                let year = i16::try_from(d.year).unwrap_or(i16::MAX);
                return Date::new(year, d.month as i8, d.day as i8)
                    .map_err(|e| format!("invalid front matter date {dt}: {e}"));
            }
            None => dt.to_string(),
        },
        toml::Value::String(s) => match s.trim().parse::<Date>() {
            Ok(d) => return Ok(d),
            Err(_) => format!("'{s}'"),
        },
        other => other.to_string(),
    };
    Err(format!(
        "invalid front matter date: expected YYYY-MM-DD, found {found}"
    ))
}

/// 1-based (line, column) of byte `byte` in `source`, with `line_offset` lines before it.
/// Columns count characters, as editors do.
fn position(source: &str, byte: usize, line_offset: usize) -> (usize, usize) {
    let mut byte = byte.min(source.len());
    while !source.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &source[..byte];
    let line = before.matches('\n').count() + 1 + line_offset;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// toml messages may span lines; an error report is one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> FrontMatterError {
        match split(text) {
            Err(e) => e,
            Ok(other) => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn no_fence_means_no_front_matter() {
        assert_eq!(split("title = 'x'\n").expect("ok"), None);
        assert_eq!(split("").expect("ok"), None);
        assert_eq!(split("++++\n").expect("ok"), None);
    }

    #[test]
    fn all_fields_and_body_offset() {
        let text = "+++\ntitle = \"T\"\ndate = 2020-01-06\nauthor = \"A\"\nsource = \"S\"\nurl = \"u\"\n+++\nBody";
        let (front, body) = split(text).expect("ok").expect("front matter");
        assert_eq!(&text[body..], "Body");
        assert_eq!(front.title.as_deref(), Some("T"));
        assert_eq!(front.date, Some(jiff::civil::date(2020, 1, 6)));
        assert_eq!(front.author.as_deref(), Some("A"));
        assert_eq!(front.source.as_deref(), Some("S"));
        assert_eq!(front.url.as_deref(), Some("u"));
    }

    #[test]
    fn date_may_be_a_string_and_fence_may_end_the_file() {
        let text = "+++\ndate = \"2019-10-27\"\n+++";
        let (front, body) = split(text).expect("ok").expect("fm");
        assert_eq!(front.date, Some(jiff::civil::date(2019, 10, 27)));
        assert_eq!(body, text.len());
    }

    #[test]
    fn unknown_key_is_named_with_its_position() {
        let e = err("+++\ntitle = \"T\"\n  colour = \"red\"\n+++\n");
        assert_eq!((e.line, e.column), (3, 3));
        assert!(
            e.message.contains("unknown field `colour`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = err("+++\ntitle = \"T\"\ndate = \n+++\n");
        assert_eq!(e.line, 3);
        assert!(
            e.message.starts_with("invalid front matter: "),
            "{}",
            e.message
        );
    }

    #[test]
    fn bad_date_points_at_the_value() {
        let e = err("+++\ndate = \"6 Jan 2020\"\n+++\n");
        assert_eq!((e.line, e.column), (2, 8));
        assert_eq!(
            e.message,
            "invalid front matter date: expected YYYY-MM-DD, found '6 Jan 2020'"
        );
        let e = err("+++\ndate = 12\n+++\n");
        assert!(e.message.ends_with("found 12"), "{}", e.message);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = err("+++\ntitle = \"T\"\nno end");
        assert_eq!((e.line, e.column), (1, 1));
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn wrong_type_is_reported() {
        let e = err("+++\ntitle = 3\n+++\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("invalid type"), "{}", e.message);
    }
}
