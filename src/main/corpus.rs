//! The files `gloss annotate FILE... DIR...` annotates, in the order their lines are
//! written: the arguments in the order given, each directory replaced by the articles in
//! it and its subdirectories, sorted by path (component by component, byte order, as
//! `find | sort` would give with `LC_ALL=C` for names of letters and digits), whatever
//! order the file system lists them in. In a directory an article is a file named `.txt`,
//! `.md`, `.markdown`, `.html`, `.htm` or `.xhtml`; hidden files and directories (a name
//! starting with `.`) are left out. A file named on the command line is taken whatever
//! its name.

use std::path::{Path, PathBuf};

use anyhow::Context;
use walkdir::WalkDir;

/// The extensions of the articles taken from a directory.
const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "xhtml"];

/// A file to annotate and its size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub size: u64,
}

/// Every file `args` name, in order (see the module doc).
pub fn files(args: &[PathBuf]) -> anyhow::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for arg in args {
        if arg.is_dir() {
            walk(arg, &mut entries)?;
        } else {
            // A missing or unreadable file is reported when its turn comes, by name.
            let size = std::fs::metadata(arg).map_or(0, |m| m.len());
            entries.push(Entry {
                path: arg.clone(),
                size,
            });
        }
    }
    Ok(entries)
}

/// The articles under `dir`, sorted by path.
fn walk(dir: &Path, entries: &mut Vec<Entry>) -> anyhow::Result<()> {
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot list '{}'", dir.display()))?;
        if entry.file_type().is_file() && is_article(entry.path()) {
            let size = entry.metadata().map_or(0, |m| m.len());
            entries.push(Entry {
                path: entry.into_path(),
                size,
            });
        }
    }
    Ok(())
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_gives_its_articles_sorted_by_path_without_hidden_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for name in [
            "b.txt",
            "a.md",
            "sub/z.html",
            "sub/a.htm",
            "c.png",
            ".hidden.txt",
            ".git/x.txt",
            "a2/x.xhtml",
            "notes.toml",
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(&path, name).expect("write");
        }
        let extra = root.join("c.png");
        let listed = files(&[root.to_path_buf(), extra.clone()]).expect("listed");
        let names: Vec<String> = listed
            .iter()
            .map(|e| {
                let rel = e.path.strip_prefix(root).unwrap_or(&e.path);
                rel.to_string_lossy().into_owned()
            })
            .collect();
        // Sorted component by component: "a.md" < "a2/..." < "b.txt" < "sub/...".
        assert_eq!(
            names,
            [
                "a.md",
                "a2/x.xhtml",
                "b.txt",
                "sub/a.htm",
                "sub/z.html",
                "c.png"
            ]
        );
        assert_eq!(listed[0].size, "a.md".len() as u64);
    }
}
