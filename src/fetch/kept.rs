//! Fetched pages kept under the data directory (`$XDG_DATA_HOME/gloss/pages/`, else
//! `~/.local/share/gloss/pages/`), so a URL read once reopens offline with the same text
//! (and so the same notes). Each URL has two files named by the SHA-256 of the URL:
//! `<hash>.body`, the bytes as served, and `<hash>.json`, what the server said (final
//! URL, type, charset) and when. Both are written atomically (temporary file + rename),
//! the body first, so a kept page is whole or absent.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Fetched;
use crate::ingest::Served;
use crate::notes::store::atomic::write_atomic;
use crate::notes::store::location::xdg_dir;

/// The directory of kept pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    dir: PathBuf,
}

/// A page read back from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptPage {
    pub fetched: Fetched,
    /// When it was fetched (seconds since the Unix epoch).
    pub fetched_at: i64,
}

/// The `<hash>.json` beside a body.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    url: String,
    final_url: String,
    mime: Option<String>,
    charset: Option<String>,
    fetched_at: i64,
}

/// Why a page could not be kept, naming the file.
#[derive(Debug, thiserror::Error)]
#[error("cannot keep the page in '{path}': {reason}")]
pub struct KeepError {
    pub path: String,
    pub reason: String,
}

impl Kept {
    /// The store in the default data directory (`None` when neither `XDG_DATA_HOME` nor
    /// `HOME` is set).
    pub fn data_dir() -> Option<Kept> {
        Kept::data_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
    }

    /// The store for given `XDG_DATA_HOME` and `HOME` values.
    pub fn data_dir_from(xdg: Option<OsString>, home: Option<OsString>) -> Option<Kept> {
        let dir = xdg_dir(xdg, home, ".local/share")?
            .join("gloss")
            .join("pages");
        Some(Kept::in_dir(dir))
    }

    /// The store in `dir`.
    pub fn in_dir(dir: PathBuf) -> Kept {
        Kept { dir }
    }

    /// The page kept for `url`, if one is (a missing or unreadable pair of files is none:
    /// the page is then fetched again).
    pub fn load(&self, url: &str) -> Option<KeptPage> {
        let (body, record) = self.paths(url);
        let record: Record = serde_json::from_slice(&std::fs::read(record).ok()?).ok()?;
        if record.url != url {
            return None;
        }
        let bytes = std::fs::read(body).ok()?;
        Some(KeptPage {
            fetched: Fetched {
                bytes,
                served: Served {
                    url: record.final_url,
                    mime: record.mime,
                    charset: record.charset,
                },
            },
            fetched_at: record.fetched_at,
        })
    }

    /// Keeps `fetched` as the page for `url`, fetched at `fetched_at` (Unix seconds).
    pub fn keep(&self, url: &str, fetched: &Fetched, fetched_at: i64) -> Result<(), KeepError> {
        let (body, record_path) = self.paths(url);
        let failed = |path: &Path, e: std::io::Error| KeepError {
            path: path.display().to_string(),
            reason: crate::ingest::read::io_reason(&e),
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| failed(&self.dir, e))?;
        write_atomic(&body, &fetched.bytes).map_err(|e| failed(&body, e))?;
        let record = Record {
            url: url.to_string(),
            final_url: fetched.served.url.clone(),
            mime: fetched.served.mime.clone(),
            charset: fetched.served.charset.clone(),
            fetched_at,
        };
        let json = serde_json::to_vec_pretty(&record).map_err(|e| KeepError {
            path: record_path.display().to_string(),
            reason: e.to_string(),
        })?;
        write_atomic(&record_path, &json).map_err(|e| failed(&record_path, e))
    }

    /// The body and record files for `url`.
    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let hash = Sha256::digest(url.as_bytes());
        let name: String = hash.iter().take(16).map(|b| format!("{b:02x}")).collect();
        (
            self.dir.join(format!("{name}.body")),
            self.dir.join(format!("{name}.json")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Fetched {
        Fetched {
            bytes: text.as_bytes().to_vec(),
            served: Served {
                url: "http://example.test/final".to_string(),
                mime: Some("text/html".to_string()),
                charset: Some("utf-8".to_string()),
            },
        }
    }

    #[test]
    fn a_kept_page_comes_back_whole_and_a_new_one_replaces_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let kept = Kept::in_dir(dir.path().join("pages"));
        let url = "http://example.test/start";
        assert_eq!(kept.load(url), None);
        kept.keep(url, &page("<p>first</p>"), 100).expect("kept");
        let back = kept.load(url).expect("loaded");
        assert_eq!(back.fetched, page("<p>first</p>"));
        assert_eq!(back.fetched_at, 100);
        kept.keep(url, &page("<p>second</p>"), 200)
            .expect("kept again");
        assert_eq!(
            kept.load(url).expect("loaded").fetched.bytes,
            b"<p>second</p>"
        );
        // Another URL has its own files; no temporary file is left behind.
        assert_eq!(kept.load("http://example.test/other"), None);
        let names = std::fs::read_dir(dir.path().join("pages"))
            .expect("dir")
            .count();
        assert_eq!(names, 2);
    }

    #[test]
    fn the_default_directory_is_under_the_data_directory() {
        let kept = Kept::data_dir_from(Some("/data".into()), Some("/home/u".into()));
        assert_eq!(kept, Some(Kept::in_dir(PathBuf::from("/data/gloss/pages"))));
        let kept = Kept::data_dir_from(None, Some("/home/u".into()));
        assert_eq!(
            kept,
            Some(Kept::in_dir(PathBuf::from(
                "/home/u/.local/share/gloss/pages"
            )))
        );
    }
}
