//! The reader's lexicon (`lexicon.toml` in the config directory): names that are always of
//! a kind, never an entity, or always one entity, applied to every article after detection.
//!
//! ```toml
//! never = ["Loading"]                          # never an entity
//!
//! [kind]                                       # always this kind
//! "Operation Impact" = "misc"                  # person, org, place, norp, misc
//!
//! [group]                                      # always one entity: name = full name
//! "DND" = "Department of National Defense"
//! ```
//!
//! A plain file a person edits: errors name the file, line and column, and gloss runs
//! without the lexicon. Adding a name from the reader ([`add_entry`]) edits the file in
//! place, keeping its comments.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::work::Work;
use crate::annotation::{AnnotationKind, EntityLabel};
use crate::theme::{Located, TomlRead, read_toml};

/// The lexicon's file name, in the config directory.
pub const FILE_NAME: &str = "lexicon.toml";

/// The names the reader made general.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    never: HashSet<String>,
    kinds: HashMap<String, EntityLabel>,
    /// Name -> the full name of the entity it always is.
    groups: HashMap<String, String>,
}

/// One entry, as the reader adds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Never(String),
    Kind(String, EntityLabel),
    Group(String, String),
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    never: Vec<Spanned<String>>,
    #[serde(default)]
    kind: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    group: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Lexicon {
    /// Parses lexicon text; `path` names it in errors.
    pub fn parse(source: &str, path: &Path) -> Result<Lexicon, Located> {
        let raw: RawLexicon =
            toml::from_str(source).map_err(|e| Located::from_toml(path, source, &e))?;
        let at = |s: &Spanned<String>, message: String| {
            Located::at(path, source, s.span().start, message)
        };
        let name = |s: &Spanned<String>| match s.get_ref().trim() {
            "" => Err(at(s, "a name cannot be empty".into())),
            n => Ok(n.to_owned()),
        };
        let mut lexicon = Lexicon::default();
        for n in &raw.never {
            lexicon.never.insert(name(n)?);
        }
        for (n, label) in &raw.kind {
            let found = EntityLabel::parse(label.get_ref()).ok_or_else(|| {
                at(
                    label,
                    format!(
                        "unknown kind '{}': expected person, org, place, norp or misc",
                        label.get_ref().escape_debug()
                    ),
                )
            })?;
            lexicon.kinds.insert(name(n)?, found);
        }
        for (n, full) in &raw.group {
            lexicon.groups.insert(name(n)?, name(full)?);
        }
        Ok(lexicon)
    }

    /// Reads the lexicon at `path`; a missing file is an empty lexicon.
    pub fn load(path: &Path) -> Result<Lexicon, Located> {
        match read_toml(path) {
            Ok(source) => Lexicon::parse(&source, path),
            Err(TomlRead::NotFound) => Ok(Lexicon::default()),
            Err(TomlRead::Read(problem)) => Err(Located::at(
                path,
                "",
                0,
                format!("cannot read the lexicon: {problem}"),
            )),
            Err(TomlRead::Invalid(located)) => Err(located),
        }
    }

    /// The lexicon beside the config file in use (`config` when given, else the default
    /// config path), or `None` when no config directory can be named.
    pub fn path_beside(config: Option<&Path>) -> Option<PathBuf> {
        let config = config
            .map(Path::to_path_buf)
            .or_else(crate::config::default_path)?;
        Some(crate::notes::store::atomic::parent_dir(&config).join(FILE_NAME))
    }

    pub fn is_empty(&self) -> bool {
        self.never.is_empty() && self.kinds.is_empty() && self.groups.is_empty()
    }

    pub fn len(&self) -> usize {
        self.never.len() + self.kinds.len() + self.groups.len()
    }

    /// Adds an entry in memory (a later entry for the same name wins).
    pub fn insert(&mut self, entry: Entry) {
        match entry {
            Entry::Never(n) => {
                self.never.insert(n);
            }
            Entry::Kind(n, label) => {
                self.kinds.insert(n, label);
            }
            Entry::Group(n, full) => {
                self.groups.insert(n, full);
            }
        }
    }

    /// Applies the lexicon to a set being corrected: names never an entity go, names of
    /// one entity join it, and entities known by a name of a kind take that kind. One
    /// pass over the mentions, one over the groups, then one to relabel.
    pub(super) fn apply(&self, work: &mut Work, text: &str) {
        if self.is_empty() {
            return;
        }
        let mut joined: HashMap<&str, usize> = HashMap::new();
        for i in 0..work.items.len() {
            let Some(item) = &work.items[i] else { continue };
            let AnnotationKind::Entity { group, .. } = item.kind else {
                continue;
            };
            let Some(surface) = text.get(item.span.clone()) else {
                continue;
            };
            if self.never.contains(surface) {
                work.remove(i);
            } else if let Some(full) = self.groups.get(surface) {
                let label = work.groups[group].label;
                let to = *joined
                    .entry(full.as_str())
                    .or_insert_with(|| work.group_or_new(full, label));
                if to != group {
                    work.move_to(i, to, surface);
                }
            }
        }
        if !self.kinds.is_empty() {
            let labels: Vec<Option<EntityLabel>> = work
                .groups
                .iter()
                .map(|g| {
                    let names = std::iter::once(&g.name).chain(&g.aliases);
                    let found = names.filter_map(|n| self.kinds.get(n.as_str())).next();
                    found.copied().filter(|l| *l != g.label)
                })
                .collect();
            work.relabel_groups(&labels);
        }
    }
}

/// Adds `entry` to the lexicon file at `path` (made if missing), keeping the rest of the
/// file as written, and returns the lexicon it now holds. A file that does not parse is
/// left untouched.
pub fn add_entry(path: &Path, entry: &Entry) -> Result<Lexicon, String> {
    let source = match read_toml(path) {
        Ok(source) => source,
        Err(TomlRead::NotFound) => String::new(),
        Err(TomlRead::Read(problem)) => {
            return Err(format!(
                "{}: cannot read the lexicon: {problem}",
                path.display()
            ));
        }
        Err(TomlRead::Invalid(located)) => return Err(located.to_string()),
    };
    Lexicon::parse(&source, path).map_err(|e| e.to_string())?;
    let mut doc: toml_edit::DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| format!("{}: {}", path.display(), e.message()))?;
    edit(&mut doc, entry).ok_or_else(|| {
        format!(
            "{}: 'never', 'kind' or 'group' is not of the expected type",
            path.display()
        )
    })?;
    let text = doc.to_string();
    let lexicon = Lexicon::parse(&text, path).map_err(|e| e.to_string())?;
    let dir = crate::notes::store::atomic::parent_dir(path);
    std::fs::create_dir_all(&dir)
        .and_then(|()| crate::notes::store::atomic::write_atomic(path, text.as_bytes()))
        .map_err(|e| format!("cannot write the lexicon {}: {e}", path.display()))?;
    Ok(lexicon)
}

/// The document with `entry` in it; `None` when the file holds something of another
/// shape under one of the lexicon's keys.
fn edit(doc: &mut toml_edit::DocumentMut, entry: &Entry) -> Option<()> {
    use toml_edit::{Array, value};
    match entry {
        Entry::Never(name) => {
            let item = doc.entry("never").or_insert(value(Array::new()));
            let list = item.as_array_mut()?;
            if !list.iter().any(|v| v.as_str() == Some(name)) {
                list.push(name.as_str());
            }
        }
        Entry::Kind(name, label) => {
            table(doc, "kind")?[name.as_str()] = value(label.as_str().to_lowercase());
        }
        Entry::Group(name, full) => {
            table(doc, "group")?[name.as_str()] = value(full.as_str());
        }
    }
    Some(())
}

/// The table `key` of the document, made when missing; `None` when `key` is not a table.
fn table<'d>(doc: &'d mut toml_edit::DocumentMut, key: &str) -> Option<&'d mut toml_edit::Table> {
    let item = doc
        .entry(key)
        .or_insert(toml_edit::Item::Table(toml_edit::Table::new()));
    item.as_table_mut()
}

#[cfg(test)]
#[path = "lexicon/tests.rs"]
mod tests;
