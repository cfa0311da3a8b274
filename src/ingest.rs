//! Ingest: from a file, standard input or the bundled sample to an [`Article`].
//!
//! The flow for every source: bytes -> `bytes` (byte-order marks, UTF-16, binary
//! sniffing, lossy UTF-8 with a warning, LF line endings) -> optional TOML
//! `front_matter` between `+++` lines -> optional scraper `date_header`
//! (`date YYYY-MM-DD` plus page leftovers) -> the `plain` or `markdown` loader -> meta.
//!
//! Format: `.md` / `.markdown` files are Markdown; `.html`, `.htm` and `.xhtml` files, and
//! any other file or standard input that opens like a page (`<!doctype html`, `<html`), go
//! to the HTML reader mode (`html`: the article alone, its metadata from the page);
//! everything else and the sample are plain text. `--input-format` overrides the guess. Title, first found wins: front matter `title`; a Markdown
//! document's leading `# Heading` or a plain text's leading headline-like line (both taken
//! out of the body so the header does not repeat them); the file stem. The date: the
//! `--date` override; front matter `date`; the date header.
//!
//! A fetched page's body comes in through [`from_served`] (`served`), its `Content-Type`
//! choosing the format and its charset the encoding.
//!
//! Only [`load`] and [`load_head`] touch the file system, through [`read`]; everything else is a pure function of bytes.

mod builder;
mod bytes;
mod date_header;
mod front_matter;
mod head;
mod html;
mod links;
mod markdown;
mod plain;
pub mod read;
mod served;
mod table;

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::article::{Article, BlockKind, Meta};

pub use head::{HEAD_BYTES, HEAD_FROM, cut as cut_head};
pub use read::{ARTICLE_LIMIT, CONFIG_LIMIT, Problem, ReadError, read_file};
pub use served::{Served, from_served};

/// The bundled sample article, compiled in so `gloss` with no file shows something real.
const SAMPLE_NAME: &str = "canada-iraq-mission-2020-01-06.txt";
const SAMPLE: &str = include_str!("../sample-data/canada-iraq-mission-2020-01-06.txt");

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Path(PathBuf),
    /// Standard input (`-` on the command line), read as plain text.
    Stdin,
    /// The bundled sample article.
    Sample,
}

/// Options the command line can set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Overrides (or sets) the publication date (`--date`).
    pub date: Option<Date>,
    /// Overrides the format the file name or the content implies (`--input-format`).
    pub format: Option<Format>,
}

/// The text formats the loaders understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    /// A web page, read in reader mode.
    Html,
}

impl Format {
    /// The format a path's extension implies: Markdown for `.md` and `.markdown`, HTML for
    /// `.html`, `.htm` and `.xhtml`.
    pub fn of_path(path: &Path) -> Format {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let is = |e: &str| ext.eq_ignore_ascii_case(e);
        if is("md") || is("markdown") {
            Format::Markdown
        } else if is("html") || is("htm") || is("xhtml") {
            Format::Html
        } else {
            Format::Plain
        }
    }

    /// The format for `bytes` whose name implied `self`: plain text that opens like an HTML
    /// page is one.
    pub fn sniffed(self, bytes: &[u8]) -> Format {
        match self {
            Format::Plain if html::sniff(bytes) => Format::Html,
            other => other,
        }
    }
}

/// Why an article could not be loaded. Each message is one line naming the source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("cannot open '{path}': {reason}")]
    Open { path: String, reason: String },
    #[error("cannot read '{path}': {reason}")]
    Read { path: String, reason: String },
    #[error("cannot open '{path}': it is a directory, not a file")]
    Directory { path: String },
    #[error("'{path}' looks like a binary file, not text")]
    Binary { path: String },
    #[error("{path}:{line}:{column}: {message}")]
    FrontMatter {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Loads an article from `source`.
pub fn load(source: &Source, options: &LoadOptions) -> Result<Article, IngestError> {
    match source {
        Source::Sample => {
            let mut article = sample();
            article.meta.date = options.date.or(article.meta.date);
            Ok(article)
        }
        Source::Stdin => {
            let name = "<stdin>";
            let bytes = read::read_stream(std::io::stdin().lock(), name, ARTICLE_LIMIT)
                .map_err(IngestError::from)?;
            let format = options.format.unwrap_or(Format::Plain.sniffed(&bytes));
            from_vec(bytes, format, name, options)
        }
        Source::Path(path) => {
            let (file, mut bytes, name) = open_file(path, None)?;
            read::read_rest(file, &mut bytes, ARTICLE_LIMIT, &name)?;
            let format = options
                .format
                .unwrap_or(Format::of_path(path).sniffed(&bytes));
            let article = from_vec(bytes, format, &name, options)?;
            Ok(with_stem_title(article, path))
        }
    }
}

/// For a file of at least [`HEAD_FROM`] bytes, the article made from its first
/// [`HEAD_BYTES`] only, cut at a paragraph break, for the reader's first screen while
/// [`load`] reads the whole file (`None` for smaller files, and for UTF-16 ones, which
/// load whole). Every error [`load`] could give about the file's start (missing, a
/// directory, binary, bad front matter) is given here.
///
/// For plain text the head's article is a prefix of the whole one: the same text up to
/// its end, the same blocks. Markdown may differ (a link definition at the end of a file
/// changes the text of a reference earlier on), so the reader only shows the head until
/// the whole article is in, and swaps it in before any key acts on it.
pub fn load_head(path: &Path, options: &LoadOptions) -> Result<Option<Article>, IngestError> {
    let (_, mut head, name) = open_file(path, Some(HEAD_FROM))?;
    if head.is_empty() || head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Ok(None);
    }
    let format = options
        .format
        .unwrap_or(Format::of_path(path).sniffed(&head));
    // A page's article is chosen from the whole page: no head of it stands for it.
    if format == Format::Html {
        return Ok(None);
    }
    head.truncate(head::cut(&head));
    let article = from_vec(head, format, &name, options)?;
    Ok(Some(with_stem_title(article, path)))
}

/// Opens `path` and reads its first [`bytes::SNIFF_LEN`] bytes — or [`HEAD_BYTES`] when
/// `head_from` is given, then only if the file is at least that big (else no bytes) —
/// refusing directories and binary files; gives the open file, the bytes read (with room
/// for the rest) and the name for messages.
fn open_file(
    path: &Path,
    head_from: Option<u64>,
) -> Result<(std::fs::File, Vec<u8>, String), IngestError> {
    let name = path.display().to_string();
    let (file, len) = read::open_regular(path)?;
    if len > ARTICLE_LIMIT {
        // Also for the head: the reader would show it, then fail on the whole.
        return Err(IngestError::from(ReadError {
            name,
            problem: Problem::TooLarge(ARTICLE_LIMIT),
            opening: true,
        }));
    }
    let (take, capacity) = match head_from {
        Some(from) if len < from => return Ok((file, Vec::new(), name)),
        Some(_) => (HEAD_BYTES, HEAD_BYTES),
        // Room for the whole file, read after the sniffed head.
        None => (
            bytes::SNIFF_LEN,
            usize::try_from(len).unwrap_or(0).saturating_add(1),
        ),
    };
    let mut bytes = Vec::with_capacity(capacity);
    // Sniff the head before reading the rest, so a large binary file is refused at once
    // instead of read whole.
    (&file)
        .take(take as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::Read {
            path: name.clone(),
            reason: read::io_reason(&e),
        })?;
    if bytes::looks_binary(&bytes) {
        return Err(IngestError::Binary { path: name });
    }
    Ok((file, bytes, name))
}

/// A file's article titled by the file's stem when the text gives no title.
fn with_stem_title(mut article: Article, path: &Path) -> Article {
    if article.meta.title.is_none() {
        article.meta.title = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    }
    article
}

/// The bundled sample article, loaded by the plain loader like any file.
pub fn sample() -> Article {
    let mut article = from_bytes(
        SAMPLE.as_bytes(),
        Format::Plain,
        SAMPLE_NAME,
        &LoadOptions::default(),
    )
    // The sample has no front matter, so this cannot fail; keep the text readable anyway.
    .unwrap_or_else(|e| {
        let mut a = Article::from_verbatim(SAMPLE.to_string(), Meta::default());
        a.warnings.push(e.to_string());
        a
    });
    if article.meta.title.is_none() {
        article.meta.title = Path::new(SAMPLE_NAME)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
    }
    article
}

/// Builds an article from raw bytes in `format`; `name` (a path or `<stdin>`) is used in
/// error messages. The title is left `None` when the text gives none (callers with a file
/// name fall back to its stem).
pub fn from_bytes(
    bytes: &[u8],
    format: Format,
    name: &str,
    options: &LoadOptions,
) -> Result<Article, IngestError> {
    if format == Format::Html {
        // Read where they are: a page is parsed from its bytes, never changed.
        return from_html(Cow::Borrowed(bytes), None, None, name, options);
    }
    from_vec(bytes.to_vec(), format, name, options)
}

/// [`from_bytes`] taking the bytes by value, so a file's buffer becomes the decoded text
/// without a copy.
fn from_vec(
    bytes: Vec<u8>,
    format: Format,
    name: &str,
    options: &LoadOptions,
) -> Result<Article, IngestError> {
    if format == Format::Html {
        return from_html(Cow::Owned(bytes), None, None, name, options);
    }
    let decoded =
        bytes::decode_vec(bytes).map_err(|bytes::NotText::Binary| IngestError::Binary {
            path: name.to_string(),
        })?;
    let mut article = from_text(&decoded.text, format, name, options)?;
    let mut warnings = decoded.warnings;
    warnings.append(&mut article.warnings);
    article.warnings = warnings;
    Ok(article)
}

/// Builds an article from text with LF line endings.
fn from_text(
    text: &str,
    format: Format,
    name: &str,
    options: &LoadOptions,
) -> Result<Article, IngestError> {
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let mut body = text;
    let front = front_matter::split(text).map_err(|e| IngestError::FrontMatter {
        path: name.to_string(),
        line: e.line,
        column: e.column,
        message: e.message,
    })?;
    if let Some((front, body_start)) = front {
        body = &text[body_start..];
        meta = Meta {
            title: front.title,
            date: front.date,
            author: front.author,
            source: front.source,
            url: front.url,
            ..Meta::default()
        };
    }
    // Text the date header line kept after the date, rejoined with the body.
    let rejoined;
    if let Some(header) = date_header::parse(body) {
        meta.date = meta.date.or(header.date);
        warnings.extend(header.warning);
        body = &body[header.body_start..];
        if let Some(kept) = header.kept {
            rejoined = format!("{kept}\n{body}");
            body = &rejoined;
        }
    }
    // HTML never comes here (`from_vec` reads it in reader mode); as text it would be plain.
    let (builder, title_candidate) = match format {
        Format::Plain | Format::Html => {
            let plain = plain::parse(body);
            (plain.builder, plain.first_is_headline)
        }
        Format::Markdown => (markdown::parse(body), false),
    };
    let mut built = builder.finish_all();
    let first_is_title = match format {
        Format::Plain | Format::Html => title_candidate,
        Format::Markdown => built.blocks.len() > 1 && built.blocks[0].kind == BlockKind::Heading(1),
    };
    if meta.title.is_none() && first_is_title {
        meta.title = builder::take_first_block(&mut built);
    }
    meta.date = options.date.or(meta.date);
    Ok(Article {
        meta,
        text: built.text,
        blocks: built.blocks,
        inline: built.inline,
        links: built.links,
        warnings,
    })
}

/// Builds an article from a web page's bytes in reader mode (`html`).
/// `transport` is the encoding a fetched page's HTTP header named; `address` the URL it
/// was fetched from, which its relative links resolve against (else its canonical URL).
/// Bytes given by value (a file's, a fetched page's) are freed as soon as the page is
/// parsed, so a large page is not held beside its tree while the article is found.
fn from_html(
    bytes: Cow<'_, [u8]>,
    transport: Option<&'static encoding_rs::Encoding>,
    address: Option<&str>,
    name: &str,
    options: &LoadOptions,
) -> Result<Article, IngestError> {
    // A binary body (an image, an archive) served or saved as a page is not one.
    if bytes::looks_binary(&bytes[..bytes.len().min(bytes::SNIFF_LEN)]) {
        return Err(IngestError::Binary {
            path: name.to_string(),
        });
    }
    let page = html::read_with(bytes, transport);
    let mut built = page.builder.finish_all();
    let address = address.or(page.meta.url.as_deref());
    let base = links::base(address, page.base_href.as_deref());
    links::resolve(&mut built.links, base.as_ref());
    let meta = Meta {
        title: page.meta.title,
        date: options.date.or(page.meta.date),
        author: page.meta.byline,
        source: page.meta.site,
        url: page.meta.url,
        language: page.meta.language,
        whole_page: page.whole_page,
    };
    Ok(Article {
        meta,
        text: built.text,
        blocks: built.blocks,
        inline: built.inline,
        links: built.links,
        warnings: page.warnings,
    })
}

impl From<ReadError> for IngestError {
    /// The file's own problems keep the words they always had; the rest say "cannot open"
    /// or "cannot read" with the reason.
    fn from(e: ReadError) -> IngestError {
        let ReadError {
            name: path,
            problem,
            opening,
        } = e;
        match problem {
            Problem::Directory => IngestError::Directory { path },
            Problem::Binary => IngestError::Binary { path },
            problem if opening => IngestError::Open {
                path,
                reason: problem.to_string(),
            },
            problem => IngestError::Read {
                path,
                reason: problem.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests;
