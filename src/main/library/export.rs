//! `gloss library export --notes DIR`: every article's notes as one Markdown file each
//! (the same Markdown as `gloss notes FILE --export md`), named after the article, for an
//! Obsidian or Logseq vault. The notes files are read, never changed.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use gloss::article::Meta;
use gloss::library::{ArticleId, ArticleSummary, Library, SourceRef};
use gloss::notes::export::markdown;
use gloss::notes::{ArticleIdentity, NotesLocation, Store};

use super::super::output::{say, stdout};

/// Articles read from the library at a time.
const BATCH: usize = 500;

pub fn run(lib: &Library, dir: &Path, json: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create '{}'", dir.display()))?;
    let mut written = Vec::new();
    let mut after = ArticleId(0);
    loop {
        let batch = lib.articles_by_id(after, BATCH)?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        for article in batch.iter().filter(|a| a.notes_count > 0) {
            match export_one(article, dir) {
                Ok(Some(file)) => written.push(file),
                Ok(None) => {}
                Err(e) => say(&format!("warning: {e:#}")),
            }
        }
    }
    let mut out = stdout();
    match json {
        true => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "written": written }))?
        )?,
        false => writeln!(
            out,
            "wrote {} notes file{} to {}",
            written.len(),
            if written.len() == 1 { "" } else { "s" },
            dir.display()
        )?,
    }
    out.flush()?;
    Ok(())
}

/// Writes one article's notes; `None` when its notes file is gone or empty.
fn export_one(article: &ArticleSummary, dir: &Path) -> anyhow::Result<Option<PathBuf>> {
    let Some(file) = article.notes_file.as_ref().filter(|f| f.is_file()) else {
        return Ok(None);
    };
    let identity = ArticleIdentity {
        text_hash: article.text_hash.clone(),
        path: match &article.source {
            SourceRef::Path(p) => Some(p.clone()),
            _ => None,
        },
    };
    let opened = Store::open(&NotesLocation::File(file.clone()), identity.clone(), None)?;
    if let Some(problem) = opened.problem {
        anyhow::bail!("{problem}");
    }
    if opened.notes.is_empty() {
        return Ok(None);
    }
    let meta = Meta {
        title: article.title.clone(),
        date: article.pub_date.as_deref().and_then(|d| d.parse().ok()),
        author: article.byline.clone(),
        source: article.site.clone(),
        url: article.url.clone(),
        ..Meta::default()
    };
    let text = markdown(&identity, &meta, &opened.notes, &HashMap::new());
    let target = dir.join(file_name(article));
    std::fs::write(&target, text)
        .with_context(|| format!("cannot write '{}'", target.display()))?;
    Ok(Some(target))
}

/// `Title of the article-1a2b3c4d.md`: the title made safe for every file system, and
/// the start of the text hash so two articles with one title do not collide.
fn file_name(article: &ArticleSummary) -> String {
    let safe: String = article
        .label()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let safe: String = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    let safe: String = safe.chars().take(80).collect();
    let hash = article.text_hash.get(..8).unwrap_or(&article.text_hash);
    format!("{}-{hash}.md", safe.trim_start_matches('.'))
}
