//! A web page as an article: the copy kept under the data directory when there is one (so
//! it reopens offline, with the same text and so the same notes), else fetched and kept.
//! `refresh` fetches it again and replaces the kept copy. The binary (`gloss URL`) and the
//! reader (a link opened in gloss) both open pages through [`open`].

use std::time::Duration;

use super::kept::{Kept, KeptPage};
use super::{FetchError, FetchOptions};
use crate::article::Article;
use crate::ingest::{self, ARTICLE_LIMIT, IngestError, LoadOptions};

/// A page's article and, when it is the kept copy or could not be kept, a notice saying so
/// (for the status bar and standard error).
#[derive(Debug)]
pub struct Opened {
    pub article: Article,
    pub notice: Option<String>,
}

/// Why a page could not be opened: the fetch failed, or its body is no article.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
}

/// The article at `url` (see the module doc); `timeout` bounds each step of a fetch.
pub fn open(
    url: &str,
    refresh: bool,
    options: &LoadOptions,
    timeout: Duration,
) -> Result<Opened, PageError> {
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
        timeout,
        limit: ARTICLE_LIMIT,
    };
    let fetched = super::fetch(url, &fetch_options)?;
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
