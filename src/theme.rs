//! Themes: which colours and attributes paint each [`Role`] the TUI draws.
//!
//! A theme is a TOML file (`themes/*.toml` are built in with `include_str!`) that names
//! roles by meaning (`entity.person`, `status.bar`), may `extends` another theme and
//! override some of its roles. Loading resolves every role once, following each role's
//! fallback ([`Role::parent`]), so [`Theme::style`] is a table lookup. [`Theme::without_color`]
//! is the `NO_COLOR` form, told apart by attributes alone. Nothing here knows the terminal:
//! the TUI converts [`Style`] into its own type.

mod color;
mod depth;
mod role;
mod span;
mod style;
pub(crate) mod suggest;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

pub use color::{Color, UnknownColor};
pub use depth::{ColorDepth, DepthSetting, UnknownDepth};
pub use role::{Role, UnknownRole};
pub use span::Located;
pub(crate) use span::{TomlRead, read_toml};
use style::StyleSpec;
pub use style::{Modifiers, Style};

/// The built-in themes: name and TOML source.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("dark", include_str!("../themes/dark.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
];

/// The `NO_COLOR` theme, used by [`Theme::without_color`].
const NO_COLOR: (&str, &str) = ("no-color", include_str!("../themes/no-color.toml"));

/// How many themes `extends` may chain.
const MAX_EXTENDS: usize = 8;

/// A resolved theme: one style for every role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    name: String,
    /// The entries as written (after `extends`), kept to tell which roles a file defines.
    specs: BTreeMap<Role, StyleSpec>,
    resolved: Vec<Style>,
}

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error(
        "unknown theme '{}'{}: not a built-in theme ({}) nor an existing file",
        crate::args::one_line(spec),
        suggest::hint(spec, names()),
        built_in_names()
    )]
    Unknown { spec: String },
    #[error("{}: theme file not found", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: 'extends' comes back to this theme (or nests too deep)", path.display())]
    Loop { path: PathBuf },
    /// Not a regular file, too large, or an I/O error: the reason in words, not a
    /// `source` (which `{:#}` would print a second time).
    #[error("{}: cannot read theme: {problem}", path.display())]
    Read {
        path: PathBuf,
        problem: crate::ingest::Problem,
    },
    /// A parse or validation error at a place in a theme file.
    #[error("{0}")]
    Invalid(Located),
}

/// The names of every built-in theme, `no-color` included, as listed to the user.
pub fn names() -> impl Iterator<Item = &'static str> + Clone {
    BUILT_IN.iter().chain([&NO_COLOR]).map(|(name, _)| *name)
}

fn built_in_names() -> String {
    names().collect::<Vec<_>>().join(", ")
}

/// A theme file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    /// The theme this one starts from: a built-in name or a path relative to this file.
    extends: Option<Spanned<String>>,
    #[serde(default)]
    styles: BTreeMap<Spanned<String>, StyleSpec>,
}

impl Default for Theme {
    /// The built-in dark theme.
    fn default() -> Theme {
        // The built-in themes are checked by tests; should one ever fail, an unstyled theme
        // still draws.
        built_in("dark").unwrap_or_else(|_| Theme::from_specs("dark", BTreeMap::new()))
    }
}

impl Theme {
    /// Loads a built-in theme by name (`dark`, `light`, `high-contrast`, `no-color`) or a theme file by
    /// path.
    pub fn load(spec: &str) -> Result<Theme, ThemeError> {
        if let Ok(theme) = built_in(spec) {
            return Ok(theme);
        }
        let path = Path::new(spec);
        if !path.is_file() && !looks_like_path(spec) {
            return Err(ThemeError::Unknown {
                spec: spec.to_owned(),
            });
        }
        load_file(path, &[])
    }

    /// Parses a theme from TOML text; `origin` names it in error messages and anchors a
    /// relative `extends` path.
    pub fn from_toml(source: &str, origin: &Path) -> Result<Theme, ThemeError> {
        let name = origin.file_stem().map_or_else(
            || origin.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let specs = parse(source, origin, &[])?;
        Ok(Theme::from_specs(&name, specs))
    }

    /// The theme's name: a built-in name or the file's stem.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How to paint `role`. The style already includes its fallbacks (`list.selected`
    /// over `list`, `entity.person` over `entity`), so callers stack only roles that are not
    /// each other's parents: an annotation's style over the text's, the current
    /// annotation's over its kind's, with [`Style::patch`].
    pub fn style(&self, role: Role) -> Style {
        self.resolved.get(role.index()).copied().unwrap_or_default()
    }

    /// The theme as a self-contained theme file: every role with its resolved style, so
    /// it loads back to the same theme and serves as a starting point for one's own.
    pub fn to_toml(&self) -> String {
        let mut out = format!(
            "# gloss theme '{}', every role resolved.\n\n[styles]\n",
            self.name
        );
        for role in Role::ALL {
            let key = role.key();
            let key = if key.contains('.') {
                format!("\"{key}\"")
            } else {
                key.to_owned()
            };
            out.push_str(&format!("{key} = {}\n", self.style(*role)));
        }
        out
    }

    /// Whether the theme file (or one it extends) gives `role` an entry of its own.
    pub fn defines(&self, role: Role) -> bool {
        self.specs.contains_key(&role)
    }

    /// The `NO_COLOR` form: no colours at all, kinds told apart by attributes (entities
    /// bold, dates underlined, quotes italic, the current annotation reversed, ...). It is a
    /// theme designed for this (`themes/no-color.toml`), not this theme with colours
    /// stripped, since colours stripped would leave most kinds looking alike.
    pub fn without_color(&self) -> Theme {
        let specs = parse(NO_COLOR.1, Path::new(NO_COLOR.0), &[]).unwrap_or_default();
        let mut theme = Theme::from_specs(&format!("{} (no colour)", self.name), specs);
        // The file has no colours; this makes sure of it whatever it says.
        for style in &mut theme.resolved {
            style.fg = None;
            style.bg = None;
        }
        theme
    }

    /// The theme as a terminal of `depth` shows it: every colour mapped with
    /// [`ColorDepth::map`] (nothing changes at true colour).
    pub fn at_depth(&self, depth: ColorDepth) -> Theme {
        let mut theme = self.clone();
        for style in &mut theme.resolved {
            style.fg = style.fg.map(|c| depth.map(c));
            style.bg = style.bg.map(|c| depth.map(c));
        }
        theme
    }

    fn from_specs(name: &str, specs: BTreeMap<Role, StyleSpec>) -> Theme {
        let mut resolved: Vec<Style> = Vec::with_capacity(Role::ALL.len());
        for role in Role::ALL {
            // Parents come before children in `Role::ALL`, so theirs are already resolved.
            let parent = role.parent().and_then(|p| resolved.get(p.index()).copied());
            let base = parent.unwrap_or_default();
            resolved.push(specs.get(role).map_or(base, |spec| spec.over(base)));
        }
        Theme {
            name: name.to_owned(),
            specs,
            resolved,
        }
    }
}

/// A hint for the likeliest slip in a theme file: an unquoted dotted role key
/// (`entity.person = {..}`), which TOML reads as a table `entity` with a field `person`.
fn dotted_key_hint(message: &str) -> String {
    let field = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| format!(".{field}"));
    let role = field.and_then(|suffix| Role::ALL.iter().find(|r| r.key().ends_with(&suffix)));
    match role {
        Some(role) => format!(
            " (a dotted role name must be quoted: \"{}\" = {{ ... }})",
            role.key()
        ),
        None => String::new(),
    }
}

/// Whether the environment asks for no colour: `NO_COLOR` set and not empty
/// (<https://no-color.org>).
pub fn no_color_requested() -> bool {
    no_color_from(std::env::var_os("NO_COLOR"))
}

fn no_color_from(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// Whether `name` names a built-in theme (the three of [`BUILT_IN`] or `no-color`).
pub fn is_built_in(name: &str) -> bool {
    BUILT_IN.iter().chain([&NO_COLOR]).any(|(n, _)| *n == name)
}

/// Whether a theme spec that is not a built-in name was meant as a file: it has a slash or
/// ends in `.toml`.
pub fn looks_like_path(spec: &str) -> bool {
    spec.contains(['/', '\\']) || spec.ends_with(".toml")
}

fn built_in(name: &str) -> Result<Theme, ThemeError> {
    let (name, source) = BUILT_IN
        .iter()
        .chain(std::iter::once(&NO_COLOR))
        .find(|(n, _)| *n == name)
        .ok_or_else(|| ThemeError::Unknown {
            spec: name.to_owned(),
        })?;
    let origin = PathBuf::from(format!("themes/{name}.toml"));
    Ok(Theme::from_specs(name, parse(source, &origin, &[])?))
}

fn load_file(path: &Path, chain: &[PathBuf]) -> Result<Theme, ThemeError> {
    let source = read_toml(path).map_err(|e| match e {
        TomlRead::NotFound => ThemeError::NotFound {
            path: path.to_owned(),
        },
        TomlRead::Read(problem) => ThemeError::Read {
            path: path.to_owned(),
            problem,
        },
        TomlRead::Invalid(located) => ThemeError::Invalid(located),
    })?;
    let specs = parse(&source, path, chain)?;
    let name = path
        .file_stem()
        .map_or_else(|| "theme".into(), |s| s.to_string_lossy().into_owned());
    Ok(Theme::from_specs(&name, specs))
}

/// Parses one theme file into its entries, with those of the theme it extends beneath.
/// `chain` holds the files that extend this one, to catch a loop.
fn parse(
    source: &str,
    origin: &Path,
    chain: &[PathBuf],
) -> Result<BTreeMap<Role, StyleSpec>, ThemeError> {
    let at = |span: std::ops::Range<usize>, message: String| {
        ThemeError::Invalid(Located::at(origin, source, span.start, message))
    };
    let raw: RawTheme = toml::from_str(source).map_err(|e| {
        let mut located = Located::from_toml(origin, source, &e);
        located.message.push_str(&dotted_key_hint(&located.message));
        ThemeError::Invalid(located)
    })?;
    let mut specs = match &raw.extends {
        None => BTreeMap::new(),
        Some(base) => {
            extended(base.get_ref(), origin, chain)
                .map_err(|e| match e {
                    // It already names its own file and place.
                    ThemeError::Invalid(_) => e,
                    ThemeError::Loop { .. } => at(
                        base.span(),
                        format!(
                            "'{}' extends this theme again: themes cannot extend in a loop",
                            base.get_ref()
                        ),
                    ),
                    ThemeError::NotFound { .. } if !looks_like_path(base.get_ref()) => at(
                        base.span(),
                        format!(
                            "unknown theme '{}' in extends: expected a built-in theme ({}) or \
                             a path to a theme file",
                            crate::args::one_line(base.get_ref()),
                            built_in_names()
                        ),
                    ),
                    ThemeError::Read { problem, .. } => at(
                        base.span(),
                        format!("cannot extend '{}': {problem}", base.get_ref()),
                    ),
                    other => at(
                        base.span(),
                        format!("cannot extend '{}': {other}", base.get_ref()),
                    ),
                })?
                .specs
        }
    };
    for (key, spec) in raw.styles {
        let role: Role = key.get_ref().parse().map_err(|e: UnknownRole| {
            let hint = suggest::hint(key.get_ref(), Role::ALL.iter().map(|r| r.key()));
            at(key.span(), format!("{e}{hint}"))
        })?;
        let merged = specs
            .get(&role)
            .map_or_else(|| spec.clone(), |base| base.merged(&spec));
        specs.insert(role, merged);
    }
    Ok(specs)
}

/// The theme named by an `extends` value in `origin`: a built-in name, or a path relative to
/// the file.
fn extended(spec: &str, origin: &Path, chain: &[PathBuf]) -> Result<Theme, ThemeError> {
    if let Ok(theme) = built_in(spec) {
        return Ok(theme);
    }
    let path = origin
        .parent()
        .map_or_else(|| PathBuf::from(spec), |dir| dir.join(spec));
    let mut chain = chain.to_vec();
    chain.push(identity(origin));
    if chain.len() > MAX_EXTENDS || chain.contains(&identity(&path)) {
        return Err(ThemeError::Loop {
            path: path.to_owned(),
        });
    }
    load_file(&path, &chain)
}

/// A path as compared for loops: canonical when it exists.
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod doc_tests;
#[cfg(test)]
mod tests;
