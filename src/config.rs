//! The user's configuration file: theme, pane widths, key bindings, and how links open
//! (`links.rs`).
//!
//! `config.toml` is read from `--config PATH`, else `$XDG_CONFIG_HOME/gloss/config.toml`,
//! else `~/.config/gloss/config.toml`. The raw file is parsed with serde
//! (`deny_unknown_fields`, spans kept) and resolved into a checked [`Config`] over the
//! built-in defaults; every error names the file, line and column. Key bindings are checked
//! against the actions the TUI knows, which it passes in, so this module stays free of the
//! TUI's types.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::ops::{Range, RangeInclusive};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

pub mod links;

use crate::keys::{ALWAYS_QUITS, KeyChord};

mod library;
use crate::theme::{self, DepthSetting, Located, TomlRead, read_toml};
pub use library::LibraryConfig;

/// The side pane's width in columns when the config says nothing.
pub const DEFAULT_SIDE_PANE_WIDTH: u16 = 40;
/// The widest the article text is wrapped when the config says nothing.
pub const DEFAULT_MAX_TEXT_WIDTH: u16 = 100;
/// Accepted side pane widths.
pub const SIDE_PANE_WIDTH_RANGE: RangeInclusive<u16> = 16..=200;
/// Accepted maximum text widths.
pub const MAX_TEXT_WIDTH_RANGE: RangeInclusive<u16> = 20..=1000;

/// The action that quits: the config may rebind it, never leave it without a key.
const QUIT: &str = "quit";

/// Key bindings by action name, each with its keys.
pub type Bindings = Vec<(String, Vec<KeyChord>)>;

/// The resolved configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// A theme name or path (a relative path already joined to the config file's directory);
    /// `None`: the built-in default.
    pub theme: Option<String>,
    /// Width of the side pane in columns.
    pub side_pane_width: u16,
    /// The widest the article text is wrapped, in columns.
    pub max_text_width: u16,
    /// Key bindings the file sets, in file order. Each replaces the action's
    /// default keys; an empty list unbinds the action.
    pub keys: Bindings,
    /// Where notes are kept instead of `$XDG_DATA_HOME/gloss/notes/` (`notes_dir`; `~/` is
    /// the home directory, a relative path is relative to the config file's directory).
    pub notes_dir: Option<PathBuf>,
    /// The terminal's colour depth (`color_depth`): detected from `COLORTERM` and `TERM`,
    /// or set.
    pub color_depth: DepthSetting,
    /// The `[library]` table: where the library is, whether to record, keep positions.
    pub library: LibraryConfig,
    /// The command that opens a link outside gloss (`opener`), the link appended.
    pub opener: Vec<String>,
    /// Whether links are OSC 8 hyperlinks (`hyperlinks`).
    pub hyperlinks: links::Hyperlinks,
    /// The file read, if any.
    pub path: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: None,
            side_pane_width: DEFAULT_SIDE_PANE_WIDTH,
            max_text_width: DEFAULT_MAX_TEXT_WIDTH,
            keys: Vec::new(),
            notes_dir: None,
            color_depth: DepthSetting::Auto,
            library: LibraryConfig::default(),
            opener: links::default_opener(),
            hyperlinks: links::Hyperlinks::Auto,
            path: None,
        }
    }
}

/// Why the configuration could not be loaded. Displayed on one line, starting with the path.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: config file not found", path.display())]
    NotFound { path: PathBuf },
    /// Not a regular file, too large, or an I/O error: the reason in words, not a
    /// `source` (which `{:#}` would print a second time).
    #[error("{}: cannot read config: {problem}", path.display())]
    Read {
        path: PathBuf,
        problem: crate::ingest::Problem,
    },
    /// A parse or validation error at a place in the file: `path:line:col: message`.
    #[error("{0}")]
    Invalid(Located),
}

impl ConfigError {
    /// The place in the file, for errors that have one.
    pub fn location(&self) -> Option<&Located> {
        match self {
            ConfigError::Invalid(located) => Some(located),
            _ => None,
        }
    }
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    side_pane_width: Option<Spanned<Columns>>,
    max_text_width: Option<Spanned<Columns>>,
    notes_dir: Option<Spanned<String>>,
    color_depth: Option<Spanned<String>>,
    opener: Option<Spanned<Vec<String>>>,
    hyperlinks: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeySpec>>,
    library: Option<library::RawLibrary>,
}

/// A width as written: any integer, range-checked once its place is known.
#[derive(Debug, Clone, Copy)]
struct Columns(i64);

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Columns, D::Error> {
        struct ColumnsVisitor;
        impl Visitor<'_> for ColumnsVisitor {
            type Value = Columns;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a width in columns, such as 40")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Columns, E> {
                Ok(Columns(n))
            }
        }
        deserializer.deserialize_any(ColumnsVisitor)
    }
}

/// One action's keys as written: a key string or a list of them.
#[derive(Debug)]
enum KeySpec {
    One(String),
    /// Each with its own place in the file.
    Many(Vec<Spanned<String>>),
}

impl KeySpec {
    /// The key strings with their places; a lone string has the place of the whole value.
    fn into_keys(spec: Spanned<KeySpec>) -> Vec<(String, Range<usize>)> {
        let span = spec.span();
        match spec.into_inner() {
            KeySpec::One(key) => vec![(key, span)],
            KeySpec::Many(keys) => keys
                .into_iter()
                .map(|k| (k.get_ref().clone(), k.span()))
                .collect(),
        }
    }
}

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KeySpec, D::Error> {
        struct KeySpecVisitor;
        impl<'de> Visitor<'de> for KeySpecVisitor {
            type Value = KeySpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key such as \"q\" or a list of keys such as [\"q\", \"ctrl-c\"]")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<KeySpec, E> {
                Ok(KeySpec::One(s.to_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeySpec, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<Spanned<String>>()? {
                    keys.push(key);
                }
                Ok(KeySpec::Many(keys))
            }
        }
        deserializer.deserialize_any(KeySpecVisitor)
    }
}

impl Config {
    /// Loads the configuration: `explicit` if given (it must exist), else the default path
    /// (a missing default file gives the defaults). Key bindings must name one of
    /// `known_actions`.
    pub fn load(explicit: Option<&Path>, known_actions: &[&str]) -> Result<Config, ConfigError> {
        match explicit {
            Some(path) => Config::load_file(path, known_actions),
            None => match default_path() {
                Some(path) if path.is_file() => Config::load_file(&path, known_actions),
                _ => Ok(Config::default()),
            },
        }
    }

    /// Reads and parses one config file, which must exist.
    pub fn load_file(path: &Path, known_actions: &[&str]) -> Result<Config, ConfigError> {
        let source = read_toml(path).map_err(|e| match e {
            TomlRead::NotFound => ConfigError::NotFound {
                path: path.to_owned(),
            },
            TomlRead::Read(problem) => ConfigError::Read {
                path: path.to_owned(),
                problem,
            },
            TomlRead::Invalid(located) => ConfigError::Invalid(located),
        })?;
        Config::parse(&source, path, known_actions)
    }

    /// Parses config text; `path` names it in errors and anchors a relative theme path.
    pub fn parse(source: &str, path: &Path, known_actions: &[&str]) -> Result<Config, ConfigError> {
        let at = |span: Range<usize>, message: String| {
            ConfigError::Invalid(Located::at(path, source, span.start, message))
        };
        let raw: RawConfig = toml::from_str(source)
            .map_err(|e| ConfigError::Invalid(Located::from_toml(path, source, &e)))?;
        let mut config = Config {
            path: Some(path.to_owned()),
            ..Config::default()
        };

        if let Some(theme) = raw.theme {
            let resolved = resolve_theme(theme.get_ref(), path).map_err(|m| at(theme.span(), m))?;
            config.theme = Some(resolved);
        }
        if let Some(width) = raw.side_pane_width {
            config.side_pane_width = in_range(&width, SIDE_PANE_WIDTH_RANGE, "side_pane_width")
                .map_err(|m| at(width.span(), m))?;
        }
        if let Some(width) = raw.max_text_width {
            config.max_text_width = in_range(&width, MAX_TEXT_WIDTH_RANGE, "max_text_width")
                .map_err(|m| at(width.span(), m))?;
        }

        if let Some(dir) = raw.notes_dir {
            config.notes_dir =
                Some(resolve_dir(dir.get_ref(), path).map_err(|m| at(dir.span(), m))?);
        }

        if let Some(depth) = raw.color_depth {
            config.color_depth = depth
                .get_ref()
                .parse()
                .map_err(|e: theme::UnknownDepth| at(depth.span(), e.to_string()))?;
        }

        if let Some(table) = raw.library {
            config.library = table.resolve(path).map_err(|(span, m)| at(span, m))?;
        }
        if let Some(opener) = raw.opener {
            let span = opener.span();
            config.opener = links::check_opener(opener.into_inner()).map_err(|m| at(span, m))?;
        }
        if let Some(setting) = raw.hyperlinks {
            config.hyperlinks = setting
                .get_ref()
                .parse()
                .map_err(|e: links::UnknownHyperlinks| at(setting.span(), e.to_string()))?;
        }

        config.keys = resolve_keys(raw.keys, known_actions).map_err(|(span, m)| at(span, m))?;
        Ok(config)
    }

    /// The keys the file binds to `action`, if it binds any.
    pub fn keys_for(&self, action: &str) -> Option<&[KeyChord]> {
        self.keys
            .iter()
            .find(|(a, _)| a == action)
            .map(|(_, keys)| keys.as_slice())
    }
}

/// The `[keys]` table checked against the known actions, in file order: an error carries
/// the place of the offending name or key.
fn resolve_keys(
    table: BTreeMap<Spanned<String>, Spanned<KeySpec>>,
    known_actions: &[&str],
) -> Result<Bindings, (Range<usize>, String)> {
    let mut entries: Vec<_> = table.into_iter().collect();
    entries.sort_by_key(|(action, _)| action.span().start);
    // Which action each chord went to, to refuse one chord bound to two actions. The
    // selection actions (`select_word_forward`...) have a table of their own: their keys
    // only mean them while a selection is being made, so `j` can be both `line_down` and
    // `select_line_down`. So do the library screens' own actions (`library_sort`...).
    let mut bound: BTreeMap<(u8, KeyChord), String> = BTreeMap::new();
    let mut keys = Vec::with_capacity(entries.len());
    for (action, list) in entries {
        let span = action.span();
        let name = action.into_inner();
        if !known_actions.contains(&name.as_str()) {
            let mut known = known_actions.to_vec();
            known.sort_unstable();
            let hint = theme::suggest::hint(&name, known.iter().copied());
            let message = format!(
                "unknown action '{}' in [keys]{hint}: expected one of {}",
                crate::args::one_line(&name),
                known.join(", ")
            );
            return Err((span, message));
        }
        let list_span = list.span();
        let mut chords = Vec::new();
        for (key, span) in KeySpec::into_keys(list) {
            let chord: KeyChord = key
                .parse()
                .map_err(|e| (span.clone(), format!("key for '{name}': {e}")))?;
            if chord == ALWAYS_QUITS && name != QUIT {
                let message =
                    format!("key '{chord}' always quits gloss: it cannot be bound to '{name}'");
                return Err((span, message));
            }
            let table = match name {
                _ if name.starts_with("select_") => 1,
                _ if name.starts_with("library_") => 2,
                _ => 0,
            };
            match bound.insert((table, chord), name.clone()) {
                Some(other) if other != name => {
                    let message = format!("key '{chord}' is bound to both '{other}' and '{name}'");
                    return Err((span, message));
                }
                Some(_) => {}
                None => chords.push(chord),
            }
        }
        if name == QUIT && chords.is_empty() {
            let message = "quit = []: no key would quit gloss; expected at least one key, \
                           such as [\"q\"]"
                .to_owned();
            return Err((list_span, message));
        }
        keys.push((name, chords));
    }
    Ok(keys)
}

fn in_range(
    value: &Spanned<Columns>,
    range: RangeInclusive<u16>,
    field: &str,
) -> Result<u16, String> {
    let n = value.get_ref().0;
    u16::try_from(n)
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            format!(
                "{field} {n} out of range: expected {} to {} columns",
                range.start(),
                range.end()
            )
        })
}

/// A theme named in the config: a built-in name as is, a relative path against the config
/// file's directory (where the user keeps it, whatever the current directory). A name that
/// is neither is refused here, where its place in the file is known.
/// `notes_dir` as a path: `~/` expanded, a relative path joined to the config's directory.
fn resolve_dir(spec: &str, config_path: &Path) -> Result<PathBuf, String> {
    if spec.trim().is_empty() {
        return Err("notes_dir: expected a directory, found an empty string".to_owned());
    }
    if let Some(rest) = spec.strip_prefix("~/") {
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .ok_or_else(|| {
                format!(
                    "notes_dir: '{}' starts with '~/' but HOME is not set",
                    crate::args::one_line(spec)
                )
            })?;
        return Ok(PathBuf::from(home).join(rest));
    }
    let dir = config_path.parent().unwrap_or(Path::new("."));
    Ok(dir.join(spec))
}

fn resolve_theme(spec: &str, config_path: &Path) -> Result<String, String> {
    if theme::is_built_in(spec) {
        return Ok(spec.to_owned());
    }
    if !theme::looks_like_path(spec) {
        let names = theme::names();
        return Err(format!(
            "unknown theme '{}'{}: expected a built-in theme ({}) or a path to a theme \
             file (ending in .toml)",
            crate::args::one_line(spec),
            theme::suggest::hint(spec, names.clone()),
            names.collect::<Vec<_>>().join(", ")
        ));
    }
    let path = Path::new(spec);
    Ok(match config_path.parent() {
        Some(dir) if path.is_relative() && !dir.as_os_str().is_empty() => {
            dir.join(path).display().to_string()
        }
        _ => spec.to_owned(),
    })
}

/// Where the config is looked for when no path is given.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// [`default_path`] from the two variables it reads. XDG says a relative
/// `$XDG_CONFIG_HOME` is to be ignored.
fn default_path_from(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let config_dir = xdg_config_home
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| {
            home.filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(config_dir.join("gloss").join("config.toml"))
}

#[cfg(test)]
mod tests;
