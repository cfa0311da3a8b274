//! One `annotate --jsonl` input line -> a [`Document`]: its `id`, what to annotate (a text
//! taken verbatim, a page's HTML, or Markdown) and its date. Every way a line can be wrong
//! is a message for the user, the caller adding the line number.

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::ingest::Format;

/// A line of input, parsed.
#[derive(Debug)]
pub struct Document {
    /// Its line number, from 1.
    pub line: usize,
    pub id: Value,
    pub body: Body,
    pub date: Option<Date>,
}

/// What a line gives to annotate.
#[derive(Debug)]
pub enum Body {
    /// A `text` annotated exactly as given (the evaluation format).
    Verbatim(String),
    /// A page (`html`, or a `text` that is one): read in reader mode; `url` is the line's
    /// `url`, the page's address when it names none itself.
    Page { html: String, url: Option<String> },
    /// A `text` read as Markdown (`--input-format markdown`).
    Markdown(String),
}

/// Parses line `line` (its bytes); `Ok(None)` for a blank line. `format` is
/// `--input-format`: how a `text` is read (else verbatim, or as a page when it opens like
/// one).
pub fn parse(
    bytes: &[u8],
    line: usize,
    format: Option<Format>,
) -> Result<Option<Document>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (at byte {})", e.valid_up_to() + 1))?;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        // serde_json ends with "at line 1 column N": the line is ours, the column useful.
        format!("invalid JSON: {e}").replace(" at line 1 column ", " at column ")
    })?;
    let Value::Object(mut object) = value else {
        return Err(format!(
            "expected a JSON object, found {}",
            type_name(&value)
        ));
    };
    let id = match object.remove("id") {
        Some(id @ (Value::String(_) | Value::Number(_))) => id,
        Some(other) => {
            return Err(format!(
                "expected \"id\" to be a string or a number, found {}",
                type_name(&other)
            ));
        }
        None => return Err("missing \"id\"".to_string()),
    };
    let body = body(&mut object, format)?;
    let date = match object.remove("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(
            s.parse::<Date>()
                .map_err(|_| format!("invalid \"date\": expected YYYY-MM-DD, found '{s}'"))?,
        ),
        Some(other) => {
            return Err(format!(
                "expected \"date\" to be a string, found {}",
                type_name(&other)
            ));
        }
    };
    Ok(Some(Document {
        line,
        id,
        body,
        date,
    }))
}

/// The line's `text` or `html` (exactly one of them) and how to read it.
fn body(object: &mut Map<String, Value>, format: Option<Format>) -> Result<Body, String> {
    let url = optional_string(object, "url")?;
    match (string(object, "text")?, string(object, "html")?) {
        (Some(_), Some(_)) => Err("expected \"text\" or \"html\", found both".to_string()),
        (None, None) => Err("missing \"text\" (or \"html\" for a page)".to_string()),
        (None, Some(html)) => Ok(Body::Page { html, url }),
        (Some(text), None) => {
            let format = format.unwrap_or_else(|| Format::Plain.sniffed(text.as_bytes()));
            Ok(match format {
                Format::Plain => Body::Verbatim(text),
                Format::Markdown => Body::Markdown(text),
                Format::Html => Body::Page { html: text, url },
            })
        }
    }
}

/// The string field `key`, if present.
fn string(object: &mut Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.remove(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "expected \"{key}\" to be a string, found {}",
            type_name(&other)
        )),
    }
}

/// [`string`], a `null` counting as absent.
fn optional_string(object: &mut Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        Some(Value::Null) => Ok(None),
        _ => string(object, key),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
