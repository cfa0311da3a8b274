//! `gloss URL`: the article of a web page, from the copy kept under the data directory
//! when there is one (so it reopens offline, with the same text and so the same notes),
//! else fetched and kept. `--refresh` fetches it again and replaces the kept copy.
//! `GLOSS_FETCH_TIMEOUT` (seconds) sets the fetch's timeouts.

use std::time::Duration;

use anyhow::Context;
use gloss::article::Article;
use gloss::fetch::kept::{Kept, KeptPage};
use gloss::fetch::{self, DEFAULT_TIMEOUT, FetchOptions};
use gloss::ingest::{self, ARTICLE_LIMIT, LoadOptions};

/// The variable that sets the fetch timeout, in seconds.
const TIMEOUT_VAR: &str = "GLOSS_FETCH_TIMEOUT";

/// A page's article and, when it is the kept copy or could not be kept, a notice saying so
/// (for the status bar and standard error).
pub struct Opened {
    pub article: Article,
    pub notice: Option<String>,
}

/// The article at `url` (see the module doc).
pub fn open(url: &str, refresh: bool, options: &LoadOptions) -> anyhow::Result<Opened> {
    let kept = Kept::data_dir();
    if !refresh && let Some(page) = kept.as_ref().and_then(|k| k.load(url)) {
        let notice = kept_notice(url, &page);
        let article = ingest::from_served(page.fetched.bytes, &page.fetched.served, options)?;
        return Ok(Opened {
            article,
            notice: Some(notice),
        });
    }
    let fetch_options = FetchOptions {
        timeout: timeout()?,
        limit: ARTICLE_LIMIT,
    };
    let fetched = fetch::fetch(url, &fetch_options)?;
    let now = jiff::Timestamp::now().as_second();
    let notice = match &kept {
        Some(kept) => kept.keep(url, &fetched, now).err().map(|e| e.to_string()),
        None => Some("the page is not kept: neither XDG_DATA_HOME nor HOME is set".to_string()),
    };
    let article = ingest::from_served(fetched.bytes, &fetched.served, options)?;
    Ok(Opened { article, notice })
}

/// What the reader is told when the kept copy is shown.
fn kept_notice(url: &str, page: &KeptPage) -> String {
    let when = jiff::Timestamp::from_second(page.fetched_at)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| "earlier".to_string());
    format!("showing the copy of '{url}' kept on {when}: --refresh fetches it again")
}

/// The fetch timeout: `GLOSS_FETCH_TIMEOUT` seconds, else the default.
fn timeout() -> anyhow::Result<Duration> {
    match std::env::var(TIMEOUT_VAR) {
        Err(_) => Ok(DEFAULT_TIMEOUT),
        Ok(value) => parse_timeout(&value).with_context(|| {
            format!("{TIMEOUT_VAR}: expected a number of seconds, found '{value}'")
        }),
    }
}

fn parse_timeout(value: &str) -> Option<Duration> {
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds > 0.0)
        .then(|| Duration::try_from_secs_f64(seconds).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeout_is_positive_seconds() {
        assert_eq!(parse_timeout("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_timeout(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse_timeout("0"), None);
        assert_eq!(parse_timeout("-1"), None);
        assert_eq!(parse_timeout("soon"), None);
        assert_eq!(parse_timeout("inf"), None);
    }
}
