//! `gloss library add PATH...`: files and directories (walked for text, Markdown and
//! HTML), loaded and annotated on every core, written one transaction each, with a
//! progress bar on standard error when it is a terminal and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use gloss::config::Config;
use gloss::ingest::{self, LoadOptions, Source};
use gloss::library::import::{Outcome, import};
use gloss::library::{ArticleId, Library, RecordStatus, SourceRef};

use super::super::corrections_cmd::Corrector;
use super::super::output::{say, stdout};
use super::super::{notes_cmd, record};

/// The extensions a directory is searched for.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// What the import did, item by item.
#[derive(Default)]
struct Summary {
    added: Vec<(PathBuf, ArticleId)>,
    updated: Vec<(PathBuf, ArticleId)>,
    already: Vec<(PathBuf, ArticleId)>,
    unreadable: Vec<(PathBuf, String)>,
}

pub fn run(
    lib: &mut Library,
    paths: &[PathBuf],
    config: &Config,
    config_flag: Option<&Path>,
    json: bool,
) -> anyhow::Result<()> {
    let mut summary = Summary::default();
    let mut files = Vec::new();
    for path in paths {
        collect(path, true, &mut files, &mut summary.unreadable);
    }
    // Stored as the reader shows them: the lexicon and each article's corrections.
    let location = notes_cmd::location(None, false, config.notes_dir.as_deref()).ok();
    let corrector = Corrector::with_config(config, config_flag, location);
    let bar = progress_bar(files.len());
    let options = LoadOptions::default();
    let load = |file: &PathBuf| -> Result<(SourceRef, gloss::article::Article), String> {
        let article =
            ingest::load(&Source::Path(file.clone()), &options).map_err(|e| e.to_string())?;
        let absolute = file.canonicalize().unwrap_or_else(|_| file.clone());
        Ok((SourceRef::Path(absolute), article))
    };
    import(lib, &files, corrector.inner(), load, |i, outcome| {
        let file = files[i].clone();
        match outcome {
            Outcome::Recorded(id, RecordStatus::Added) => summary.added.push((file, *id)),
            Outcome::Recorded(id, RecordStatus::Updated) => summary.updated.push((file, *id)),
            Outcome::Recorded(id, RecordStatus::AlreadyThere) => summary.already.push((file, *id)),
            Outcome::Unreadable(why) => summary.unreadable.push((file, why.clone())),
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    index_notes(lib, config, &summary);
    report(&summary, json)
}

/// Files under `path`: the file itself (whatever its name, when named on the command
/// line), or a directory's article files, recursively, sorted, hidden ones skipped.
fn collect(
    path: &Path,
    named: bool,
    files: &mut Vec<PathBuf>,
    unreadable: &mut Vec<(PathBuf, String)>,
) {
    if !path.is_dir() {
        let wanted = named
            || path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if wanted {
            files.push(path.to_path_buf());
        }
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            return unreadable.push((
                path.to_path_buf(),
                format!("cannot read the directory: {e}"),
            ));
        }
    };
    let mut inside: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    inside.sort();
    for entry in inside {
        collect(&entry, false, files, unreadable);
    }
}

/// A bar on standard error when it is a terminal (nothing in a pipe or a log).
fn progress_bar(len: usize) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() || len < 2 {
        return None;
    }
    let bar = ProgressBar::new(len as u64);
    let style =
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

/// Records each new or edited article's notes file and count (the notes stay there).
fn index_notes(lib: &mut Library, config: &Config, summary: &Summary) {
    let Ok(location) = notes_cmd::location(None, false, config.notes_dir.as_deref()) else {
        return;
    };
    for (file, id) in summary.added.iter().chain(&summary.updated) {
        let path = file.canonicalize().unwrap_or_else(|_| file.clone());
        if let Err(e) = record::index_notes(lib, *id, &location, Some(&path)) {
            say(&format!("warning: {e}"));
        }
    }
}

fn report(summary: &Summary, json: bool) -> anyhow::Result<()> {
    let mut out = stdout();
    if json {
        let list = |items: &[(PathBuf, ArticleId)]| -> Vec<serde_json::Value> {
            items
                .iter()
                .map(|(p, id)| json!({ "id": id, "path": p }))
                .collect()
        };
        let unreadable: Vec<_> = summary
            .unreadable
            .iter()
            .map(|(p, why)| json!({ "path": p, "reason": why }))
            .collect();
        let value = json!({
            "added": list(&summary.added),
            "updated": list(&summary.updated),
            "already_there": list(&summary.already),
            "unreadable": unreadable,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        writeln!(
            out,
            "added {}, already there {}, updated {}, unreadable {}",
            summary.added.len(),
            summary.already.len(),
            summary.updated.len(),
            summary.unreadable.len()
        )?;
        for (path, why) in &summary.unreadable {
            writeln!(out, "unreadable: {}: {why}", path.display())?;
        }
    }
    out.flush()?;
    Ok(())
}
