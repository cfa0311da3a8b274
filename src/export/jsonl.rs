//! `gloss annotate --jsonl`: `{"id","text","date"?}` lines in, `{"id","annotations"}` lines
//! out, as `shared/eval/FORMAT.md` describes. The text is used verbatim, so offsets index
//! the text exactly as given.
//!
//! No partial garbage: the whole input is read and validated first; a malformed line (bad
//! JSON, missing or mistyped `id`/`text`, a bad `date`, invalid UTF-8) is reported by line
//! number before anything is written. Only then is each document annotated and its output
//! line written whole. Blank lines are skipped.

use std::io::{BufRead, Write};

use jiff::civil::Date;
use serde_json::Value;

use super::{AnnotationsOut, CodePoints, Detail};

/// Why `annotate --jsonl` stopped.
#[derive(Debug, thiserror::Error)]
pub enum JsonlError {
    #[error("jsonl input line {line}: {message}")]
    Malformed { line: usize, message: String },
    #[error("jsonl input line {line}: cannot read: {source}")]
    Read { line: usize, source: std::io::Error },
    #[error("cannot write the annotations: {0}")]
    Write(#[source] std::io::Error),
}

struct Document {
    id: Value,
    text: String,
    date: Option<Date>,
}

/// Annotates every document of `input`, writing one output line each; returns how many.
pub fn annotate_jsonl(
    mut input: impl BufRead,
    mut output: impl Write,
) -> Result<usize, JsonlError> {
    let mut documents = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        line += 1;
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(source) => return Err(JsonlError::Read { line, source }),
        }
        if let Some(doc) =
            parse_line(&buf).map_err(|message| JsonlError::Malformed { line, message })?
        {
            documents.push(doc);
        }
    }
    for doc in &documents {
        let set = crate::detect::detect(&doc.text, doc.date);
        let cp = CodePoints::new(&doc.text);
        let annotations = AnnotationsOut {
            set: &set,
            cp: &cp,
            detail: Detail::Eval,
        };
        // Written by hand so `id` comes first, as in the format's examples (a JSON object
        // built with serde_json sorts its keys).
        let mut bytes = Vec::with_capacity(64 + 64 * set.len());
        bytes.extend_from_slice(b"{\"id\":");
        serde_json::to_writer(&mut bytes, &doc.id).map_err(|e| JsonlError::Write(e.into()))?;
        bytes.extend_from_slice(b",\"annotations\":");
        serde_json::to_writer(&mut bytes, &annotations).map_err(|e| JsonlError::Write(e.into()))?;
        bytes.extend_from_slice(b"}\n");
        output.write_all(&bytes).map_err(JsonlError::Write)?;
    }
    output.flush().map_err(JsonlError::Write)?;
    Ok(documents.len())
}

/// Parses one line; `Ok(None)` for a blank line.
fn parse_line(bytes: &[u8]) -> Result<Option<Document>, String> {
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
    let text = match object.remove("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            return Err(format!(
                "expected \"text\" to be a string, found {}",
                type_name(&other)
            ));
        }
        None => return Err("missing \"text\"".to_string()),
    };
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
    Ok(Some(Document { id, text, date }))
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
