//! Fetching a URL: the only module that touches the network. A URL goes in; the body's
//! bytes, the final URL (after redirects) and what the `Content-Type` said come out, for
//! `ingest::from_served` to read. `kept` keeps each fetched page under the data directory
//! so it reopens offline; `page` opens a URL as an article through both.
//!
//! The client is `ureq` (blocking, rustls with the `ring` provider, which builds from
//! crates.io with a C compiler alone): connect and read timeouts, at most
//! [`MAX_REDIRECTS`] redirects, gzip bodies decompressed, a cap on the (decompressed)
//! body, and a User-Agent naming gloss and its version. Every failure is a [`FetchError`]:
//! the URL and a lowercase, one-line cause.

pub mod kept;
pub mod page;

use std::time::Duration;

use ureq::ResponseExt;

use crate::ingest::Served;

/// Redirects followed before giving up (browsers allow 20; a page needs far fewer).
pub const MAX_REDIRECTS: u32 = 10;

/// The time allowed to connect, and then for each wait for the server, by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// The User-Agent sent: gloss and its version, with where it comes from.
pub const USER_AGENT: &str = concat!(
    "gloss/",
    env!("CARGO_PKG_VERSION"),
    " (terminal article reader)"
);

/// How a fetch is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// Allowed for resolving and connecting, for the response's head, and for the body.
    pub timeout: Duration,
    /// The most bytes of body read (after decompression).
    pub limit: u64,
}

/// A fetched body and what the server said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The URL after redirects, the type and the charset.
    pub served: Served,
}

/// A fetch that failed: the URL asked for and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot fetch '{url}': {cause}")]
pub struct FetchError {
    pub url: String,
    pub cause: String,
}

/// Whether a command-line argument names a web page rather than a file.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `url` with a GET (see the module doc for the bounds).
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let failed = |cause: String| FetchError {
        url: url.to_string(),
        cause,
    };
    let agent = agent(options);
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| failed(cause(&e, options)))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("error");
        return Err(failed(format!(
            "the server answered {} {}",
            status.as_u16(),
            reason.to_lowercase()
        )));
    }
    let final_url = response.get_uri().to_string();
    let body = response.body_mut();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_string);
    let bytes = body
        .with_config()
        .limit(options.limit)
        .read_to_vec()
        .map_err(|e| failed(cause(&e, options)))?;
    Ok(Fetched {
        bytes,
        served: Served {
            url: final_url,
            mime,
            charset,
        },
    })
}

fn agent(options: &FetchOptions) -> ureq::Agent {
    let timeout = Some(options.timeout);
    ureq::Agent::config_builder()
        .timeout_resolve(timeout)
        .timeout_connect(timeout)
        .timeout_recv_response(timeout)
        .timeout_recv_body(timeout)
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        // A 404 is a response to report with its status, not a transport error.
        .http_status_as_error(false)
        .build()
        .into()
}

/// A lowercase, one-line cause for a ureq error.
fn cause(error: &ureq::Error, options: &FetchOptions) -> String {
    use ureq::Error;
    match error {
        Error::Timeout(_) => format!("no answer within {} (timed out)", seconds(options.timeout)),
        Error::HostNotFound => "the host was not found".to_string(),
        Error::ConnectionFailed => "the connection failed".to_string(),
        Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        Error::RedirectFailed => "a redirect could not be followed".to_string(),
        Error::BodyExceedsLimit(_) => format!(
            "the page is larger than {}, the most gloss reads",
            crate::ingest::read::human_size(options.limit)
        ),
        Error::BadUri(uri) => format!("not a valid URL ({uri})"),
        Error::Io(e) => crate::ingest::read::io_reason(e),
        other => lowercase_first(&other.to_string()),
    }
}

/// A duration as people say it: "20 s", "0.3 s".
fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests;
