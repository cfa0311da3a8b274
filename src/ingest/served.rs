//! A body served over HTTP (fetched now or kept from an earlier fetch) to an [`Article`]:
//! its `Content-Type` chooses the loader and its charset the encoding, where the body
//! itself does not say. Pure: the fetching is `crate::fetch`'s.
//!
//! The format: `--input-format` first; then `text/html` and `application/xhtml+xml` are
//! pages, `text/markdown` is Markdown, `text/plain` is plain text (Markdown when the URL's
//! path ends in `.md`, as raw files on code hosts are served); any other or no type is
//! sniffed as standard input is. A type that is neither text nor a page (an image, a PDF)
//! is refused, naming the type.

use encoding_rs::{Encoding, UTF_8};

use crate::article::Article;

use super::{Format, IngestError, LoadOptions, from_html, from_vec};

/// What the server said about a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Served {
    /// The URL the body came from (after redirects): names it in messages and is the
    /// article's URL when the page gives no canonical one.
    pub url: String,
    /// The media type, lowercase, without parameters (`text/html`).
    pub mime: Option<String>,
    /// The `charset` parameter of the `Content-Type`, as given.
    pub charset: Option<String>,
}

/// Builds the article of a served body (see the module doc).
pub fn from_served(
    bytes: Vec<u8>,
    served: &Served,
    options: &LoadOptions,
) -> Result<Article, IngestError> {
    let name = served.url.as_str();
    let format = match options.format {
        Some(format) => format,
        None => format_of(served, &bytes)?,
    };
    let transport = served
        .charset
        .as_deref()
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    let mut article = match format {
        Format::Html => from_html(
            std::borrow::Cow::Owned(bytes),
            transport,
            Some(name),
            name,
            options,
        )?,
        _ => from_vec(transcode(bytes, transport), format, name, options)?,
    };
    if article.meta.url.is_none() {
        article.meta.url = Some(served.url.clone());
    }
    // A served Markdown or text page's relative links lead to the server's pages.
    let base = super::links::base(Some(&served.url), None);
    super::links::resolve(&mut article.links, base.as_ref());
    if article.meta.title.is_none() {
        article.meta.title = Some(title_of_url(&served.url));
    }
    Ok(article)
}

/// The loader for a body of `served`'s type.
fn format_of(served: &Served, bytes: &[u8]) -> Result<Format, IngestError> {
    let Some(mime) = served.mime.as_deref() else {
        return Ok(Format::Plain.sniffed(bytes));
    };
    Ok(match mime {
        "text/html" | "application/xhtml+xml" => Format::Html,
        "text/markdown" | "text/x-markdown" => Format::Markdown,
        "text/plain" if url_path(&served.url).ends_with(".md") => Format::Markdown,
        "text/plain" => Format::Plain,
        _ if is_text(mime) => Format::Plain.sniffed(bytes),
        _ => {
            return Err(IngestError::Read {
                path: served.url.clone(),
                reason: format!("it is served as {mime}, not a web page or text"),
            });
        }
    })
}

/// Whether a media type is text a reader can show.
fn is_text(mime: &str) -> bool {
    mime.starts_with("text/")
        || mime.ends_with("+xml")
        || mime.ends_with("+json")
        || matches!(mime, "application/xml" | "application/json")
}

/// A text body in a legacy charset the header named, as UTF-8 (a byte-order mark, which
/// the text loader reads, wins over the header).
fn transcode(bytes: Vec<u8>, transport: Option<&'static Encoding>) -> Vec<u8> {
    match transport {
        Some(encoding) if encoding != UTF_8 && Encoding::for_bom(&bytes).is_none() => {
            encoding.decode(&bytes).0.into_owned().into_bytes()
        }
        _ => bytes,
    }
}

/// The path of a URL, without its query or fragment (`/a/b.md` of `https://h/a/b.md?x`).
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// A title for a body that gives none: the URL's last path segment, else its host.
fn title_of_url(url: &str) -> String {
    let segment = url_path(url).rsplit('/').find(|s| !s.is_empty());
    match segment {
        Some(segment) => segment.to_string(),
        None => {
            let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
            after_scheme.split('/').next().unwrap_or(url).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served(mime: Option<&str>, charset: Option<&str>) -> Served {
        Served {
            url: "http://example.test/news/story".to_string(),
            mime: mime.map(str::to_string),
            charset: charset.map(str::to_string),
        }
    }

    fn load(bytes: &[u8], served: &Served) -> Result<Article, IngestError> {
        from_served(bytes.to_vec(), served, &LoadOptions::default())
    }

    #[test]
    fn the_content_type_chooses_the_loader() {
        let markup = b"<p>One <b>bold</b> claim.</p>";
        let page = load(markup, &served(Some("text/html"), None)).expect("page");
        assert_eq!(page.text, "One bold claim.");
        // The same bytes served as text are shown as they are.
        let text = load(markup, &served(Some("text/plain"), None)).expect("text");
        assert!(text.text.contains("<b>bold</b>"), "{}", text.text);
        let md = load(
            b"Some *emphasis* here.",
            &served(Some("text/markdown"), None),
        );
        assert_eq!(md.expect("markdown").text, "Some emphasis here.");
        // No type: sniffed.
        let sniffed = load(b"<!doctype html><p>Hi there.</p>", &served(None, None));
        assert_eq!(sniffed.expect("sniffed").text, "Hi there.");
    }

    #[test]
    fn a_type_that_is_not_text_is_refused_naming_it() {
        let err = load(b"%PDF-1.4", &served(Some("application/pdf"), None)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot read 'http://example.test/news/story': it is served as application/pdf, \
             not a web page or text"
        );
    }

    #[test]
    fn the_header_charset_decodes_text_and_undeclared_pages() {
        let latin = b"Caf\xe9 \x93quoted\x94";
        let text = load(latin, &served(Some("text/plain"), Some("windows-1252")));
        assert_eq!(text.expect("text").text, "Café \u{201c}quoted\u{201d}");
        let page = load(
            b"<p>na\xefve</p>",
            &served(Some("text/html"), Some("ISO-8859-1")),
        );
        assert_eq!(page.expect("page").text, "naïve");
    }

    #[test]
    fn the_url_fills_in_what_the_body_does_not_say() {
        let article = load(b"Plain words.", &served(Some("text/plain"), None)).expect("text");
        assert_eq!(
            article.meta.url.as_deref(),
            Some("http://example.test/news/story")
        );
        assert_eq!(article.meta.title.as_deref(), Some("story"));
        assert_eq!(title_of_url("https://example.test/"), "example.test");
        assert_eq!(url_path("https://h/a/b.md?x=1#y"), "/a/b.md");
    }
}
