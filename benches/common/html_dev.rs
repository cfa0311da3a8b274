//! Where the HTML benches find the dev pages: `GLOSS_HTML_DEV`, else
//! `../shared/html-dev` beside the repository, else one level further up (a git
//! worktree). The pages are read where they are, never copied into the repository.
//! Included by each bench with `#[path]`; not a bench of its own.

use std::path::{Path, PathBuf};

/// The pages' directory under the shared directory.
pub const HTML_DEV: &str = "shared/html-dev";

/// The dev pages' directory, if it is on disk.
pub fn find_html_dev() -> Option<PathBuf> {
    let dir = env!("CARGO_MANIFEST_DIR");
    [
        std::env::var("GLOSS_HTML_DEV").unwrap_or_default(),
        format!("{dir}/../{HTML_DEV}"),
        format!("{dir}/../../{HTML_DEV}"),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .map(PathBuf::from)
    .find(|p| p.join("pages").is_dir())
}

/// Every `source.html` of both sets (`aeb-pages/`, `pages/`), sorted by path.
pub fn dev_pages(root: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for set in ["aeb-pages", "pages"] {
        let Ok(cases) = std::fs::read_dir(root.join(set)) else {
            continue;
        };
        pages.extend(
            cases
                .flatten()
                .map(|c| c.path().join("source.html"))
                .filter(|p| p.is_file()),
        );
    }
    pages.sort();
    pages
}

/// A page's case name: `set/case`.
pub fn case_name(page: &Path) -> String {
    let case = page.parent();
    let set = case.and_then(Path::parent);
    let name = |p: Option<&Path>| {
        p.and_then(Path::file_name)
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    };
    format!("{}/{}", name(set), name(case))
}
