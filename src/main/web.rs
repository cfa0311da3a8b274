//! `gloss URL`: the article of a web page through `gloss::fetch::page` (the kept copy, else
//! fetched and kept; `--refresh` fetches it again), with the fetch's timeouts read from
//! `GLOSS_FETCH_TIMEOUT` (seconds) at the binary's edge.

use std::time::Duration;

use anyhow::Context;
use gloss::fetch::DEFAULT_TIMEOUT;
use gloss::fetch::page;
pub use gloss::fetch::page::Opened;
use gloss::ingest::LoadOptions;

/// The variable that sets the fetch timeout, in seconds.
const TIMEOUT_VAR: &str = "GLOSS_FETCH_TIMEOUT";

/// The article at `url` (see `gloss::fetch::page`), with the timeout the environment sets.
pub fn open(url: &str, refresh: bool, options: &LoadOptions) -> anyhow::Result<Opened> {
    Ok(page::open(url, refresh, options, timeout()?)?)
}

/// The fetch timeout: `GLOSS_FETCH_TIMEOUT` seconds, else the default.
pub fn timeout() -> anyhow::Result<Duration> {
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
