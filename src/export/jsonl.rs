//! `gloss annotate --jsonl`: `{"id","text","date"?}` lines in, `{"id","annotations"}` lines
//! out, as `shared/eval/FORMAT.md` describes. The text is used verbatim, so offsets index
//! the text exactly as given.
//!
//! A line may instead carry a page, `{"id","html","url"?,"date"?}` (or a `text` that opens
//! like one, or any `text` under `--input-format html`): it is read in reader mode, and its
//! output line also gives what the offsets index and what the page said of itself,
//! `{"id","title","date","byline","site","url","text","annotations"}`; so does a `text`
//! read as Markdown. A line's `date` overrides the page's own.
//!
//! Documents are annotated on `jobs` threads ([`super::ordered`]), a bounded window of
//! them in flight, and written in input order. No partial garbage: a malformed line (bad
//! JSON, missing or mistyped fields, a bad `date`, invalid UTF-8) stops the run with its
//! line number after every line before it is written, each whole, and nothing after it,
//! whatever the number of jobs. Blank lines are skipped.

mod line;

use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::Value;

use super::window::Limits;
use super::{AnnotationsOut, CodePoints, Detail, LanguageOut, ordered};
use crate::annotation::AnnotationSet;
use crate::ingest::{self, Format, IngestError, LoadOptions};
use line::{Body, Document};

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

/// How to run `annotate --jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonlOptions {
    /// Threads annotating at once.
    pub jobs: usize,
    /// How much may be in flight.
    pub limits: Limits,
    /// `--input-format`: how every `text` is read (else verbatim, or as a page when it
    /// opens like one).
    pub format: Option<Format>,
    /// `--date`: the publication date of every document whose line gives none.
    pub date: Option<jiff::civil::Date>,
}

impl JsonlOptions {
    /// `jobs` threads, the window [`Limits::for_jobs`] gives them.
    pub fn with_jobs(jobs: usize) -> JsonlOptions {
        JsonlOptions {
            jobs,
            limits: Limits::for_jobs(jobs),
            format: None,
            date: None,
        }
    }
}

/// Annotates every document of `input` on one thread, writing one output line each;
/// returns how many.
pub fn annotate_jsonl(input: impl BufRead, output: impl Write) -> Result<usize, JsonlError> {
    annotate_jsonl_with(input, output, JsonlOptions::with_jobs(1), |_| {})
}

/// Annotates every document of `input` as `options` say, writing one output line each in
/// input order and calling `progress` with each written document's input size; returns
/// how many. On an error, the lines written are flushed before it is returned.
pub fn annotate_jsonl_with(
    input: impl BufRead,
    mut output: impl Write,
    options: JsonlOptions,
    mut progress: impl FnMut(usize),
) -> Result<usize, JsonlError> {
    let mut count = 0;
    let result = ordered::ordered_map(
        documents(input, options.format, options.date),
        options.jobs,
        options.limits,
        annotate,
        |bytes: Vec<u8>, size| {
            output.write_all(&bytes).map_err(JsonlError::Write)?;
            count += 1;
            progress(size);
            Ok(())
        },
    );
    let flushed = output.flush().map_err(JsonlError::Write);
    result.and(flushed).map(|()| count)
}

/// The documents of `input` with their sizes in bytes, blank lines skipped; a line that
/// cannot be read or parsed ends them with its error.
fn documents(
    mut input: impl BufRead,
    format: Option<Format>,
    date: Option<jiff::civil::Date>,
) -> impl Iterator<Item = Result<(Document, usize), JsonlError>> {
    let mut line = 0;
    let mut ended = false;
    std::iter::from_fn(move || {
        while !ended {
            let mut buf = Vec::new();
            line += 1;
            let parsed = match input.read_until(b'\n', &mut buf) {
                Ok(0) => None,
                Ok(_) => match line::parse(&buf, line, format) {
                    Ok(None) => continue,
                    Ok(Some(mut doc)) => {
                        doc.date = doc.date.or(date);
                        Some(Ok((doc, buf.len())))
                    }
                    Err(message) => Some(Err(JsonlError::Malformed { line, message })),
                },
                Err(source) => Some(Err(JsonlError::Read { line, source })),
            };
            ended = !matches!(parsed, Some(Ok(_)));
            return parsed;
        }
        None
    })
}

/// One output line (with its newline) for `doc`.
fn annotate(doc: Document) -> Result<Vec<u8>, JsonlError> {
    let malformed = |message: String| JsonlError::Malformed {
        line: doc.line,
        message,
    };
    let options = LoadOptions {
        date: doc.date,
        format: None,
    };
    let article = match doc.body {
        Body::Verbatim(text) => {
            let set = crate::detect::detect(&text, doc.date);
            return line_bytes(&doc.id, None, &text, &set).map_err(malformed);
        }
        Body::Page { html, url } => {
            // Marked UTF-8 by a byte-order mark: the JSON string is already decoded, and a
            // `<meta charset>` in it must not decode it a second time.
            let bytes = [&b"\xEF\xBB\xBF"[..], html.as_bytes()].concat();
            let mut article = ingest::from_bytes(&bytes, Format::Html, "html", &options)
                .map_err(|e| malformed(ingest_message(e)))?;
            article.meta.url = article.meta.url.or(url);
            article
        }
        Body::Markdown(text) => {
            ingest::from_bytes(text.as_bytes(), Format::Markdown, "text", &options)
                .map_err(|e| malformed(ingest_message(e)))?
        }
    };
    let set = crate::detect::detect_article(&article);
    let meta = &article.meta;
    let about = About {
        title: meta.title.as_deref(),
        date: meta.date.map(|d| d.to_string()),
        byline: meta.author.as_deref(),
        site: meta.source.as_deref(),
        url: meta.url.as_deref(),
        text: &article.text,
    };
    line_bytes(&doc.id, Some(about), &article.text, &set).map_err(malformed)
}

/// What a line that was not annotated verbatim says of its document.
#[derive(Serialize)]
struct About<'a> {
    title: Option<&'a str>,
    date: Option<String>,
    byline: Option<&'a str>,
    site: Option<&'a str>,
    url: Option<&'a str>,
    text: &'a str,
}

/// An output line, its fields in this order (`id` first, as in the format's examples).
#[derive(Serialize)]
struct LineOut<'a> {
    id: &'a Value,
    #[serde(flatten)]
    about: Option<About<'a>>,
    /// Left out when the text is too short to tell, as evaluation lines often are.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<LanguageOut>,
    annotations: AnnotationsOut<'a>,
}

fn line_bytes(
    id: &Value,
    about: Option<About<'_>>,
    text: &str,
    set: &AnnotationSet,
) -> Result<Vec<u8>, String> {
    let cp = CodePoints::new(text);
    let out = LineOut {
        id,
        about,
        language: LanguageOut::of(text),
        annotations: AnnotationsOut {
            set,
            cp: &cp,
            detail: Detail::Eval,
        },
    };
    let mut bytes = Vec::with_capacity(64 + 64 * set.len());
    serde_json::to_writer(&mut bytes, &out).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// An ingest error about a line's `html` or `text`, without the file-name framing.
fn ingest_message(e: IngestError) -> String {
    match e {
        IngestError::Binary { path } => format!("\"{path}\" looks like binary data, not a page"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
