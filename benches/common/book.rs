//! Where the benches find War and Peace: `GLOSS_BOOK`, else `../shared/...` beside the
//! repository (CI's layout), else one level further up (a git worktree). Included by each
//! bench with `#[path]`; not a bench of its own.

use std::path::PathBuf;

/// The book's path under the shared directory.
pub const BOOK: &str = "shared/eval/data/big/war-and-peace-pg2600.txt";

/// The book's path, if it is on disk.
pub fn find_book() -> Option<PathBuf> {
    let dir = env!("CARGO_MANIFEST_DIR");
    [
        std::env::var("GLOSS_BOOK").unwrap_or_default(),
        format!("{dir}/../{BOOK}"),
        format!("{dir}/../../{BOOK}"),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .map(PathBuf::from)
    .find(|p| p.is_file())
}
