//! The `[library]` table of the config: where the library database lives, whether opened
//! articles are recorded, and whether reading positions are kept.
//!
//! ```toml
//! [library]
//! path = "~/gloss/library.db"   # default: $XDG_DATA_HOME/gloss/library.db
//! enabled = true                # false: never record opened articles
//! remember_position = true      # false: reopen articles at the top
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// The resolved `[library]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryConfig {
    /// The database file instead of the default (`~/` expanded, a relative path joined to
    /// the config file's directory).
    pub path: Option<PathBuf>,
    /// Whether the reader records the articles it opens.
    pub enabled: bool,
    /// Whether an article reopens where it was left.
    pub remember_position: bool,
}

impl Default for LibraryConfig {
    fn default() -> LibraryConfig {
        LibraryConfig {
            path: None,
            enabled: true,
            remember_position: true,
        }
    }
}

/// The table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLibrary {
    path: Option<Spanned<String>>,
    enabled: Option<bool>,
    remember_position: Option<bool>,
}

impl RawLibrary {
    /// The settings, or the span and message of a bad path.
    pub(super) fn resolve(
        self,
        config_path: &Path,
    ) -> Result<LibraryConfig, (std::ops::Range<usize>, String)> {
        let defaults = LibraryConfig::default();
        let path = match self.path {
            Some(p) => Some(resolve_file(p.get_ref(), config_path).map_err(|m| (p.span(), m))?),
            None => None,
        };
        Ok(LibraryConfig {
            path,
            enabled: self.enabled.unwrap_or(defaults.enabled),
            remember_position: self.remember_position.unwrap_or(defaults.remember_position),
        })
    }
}

/// `library.path` as a path: `~/` expanded, a relative path joined to the config's directory.
fn resolve_file(spec: &str, config_path: &Path) -> Result<PathBuf, String> {
    if spec.trim().is_empty() {
        return Err("library.path: expected a file, found an empty string".to_owned());
    }
    if let Some(rest) = spec.strip_prefix("~/") {
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .ok_or_else(|| {
                format!("library.path: '{spec}' starts with '~/' but HOME is not set")
            })?;
        return Ok(PathBuf::from(home).join(rest));
    }
    Ok(config_path.parent().unwrap_or(Path::new(".")).join(spec))
}
