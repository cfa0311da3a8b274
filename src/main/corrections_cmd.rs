//! `gloss corrections FILE`: the article's corrections of detections without the reader —
//! a listing, the corrected annotations as a gold line of the evaluation format
//! (`--export gold`) or the corrections themselves as JSON (`--export json`); and the
//! [`Corrector`] `gloss annotate` applies after detection.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use gloss::annotation::AnnotationSet;
use gloss::article::Article;
use gloss::config::Config;
use gloss::corrections::{CorrectionBook, CorrectionsFile, Lexicon, Placement};
use gloss::detect::detect_article;
use gloss::ingest::{self, LoadOptions};
use gloss::notes::store::Stored;
use gloss::notes::{ArticleIdentity, NotesLocation};
use gloss::tui::action::Action;

use super::output::say;
use crate::cli::NotesArgs;

/// The formats `--export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The corrected annotations as one line of the evaluation format (score.py's gold).
    Gold,
    /// The corrections as stored, as JSON.
    Json,
}

/// What corrects detections (the library's [`gloss::corrections::Corrector`]), loaded
/// from the config, with its problems said on standard error.
pub struct Corrector(gloss::corrections::Corrector);

impl Corrector {
    /// Reads the config (for `notes_dir`) and the lexicon beside it; a problem with either
    /// is said on standard error and gloss goes on without it.
    pub fn load(config: Option<&Path>, notes: &NotesArgs) -> Corrector {
        let loaded = Config::load(config, &Action::names()).unwrap_or_else(|e| {
            say(&format!("warning: {e}; corrections use the default places"));
            Config::default()
        });
        let location = crate::notes_location(notes, &loaded)
            .map_err(|e| say(&format!("warning: {e}; no corrections applied")))
            .ok();
        Corrector::with_config(&loaded, config, location)
    }

    /// The corrections at `location`, with the lexicon beside `config` (the config as
    /// loaded from `flag`); a lexicon that does not parse is said and not used.
    pub fn with_config(
        config: &Config,
        flag: Option<&Path>,
        location: Option<NotesLocation>,
    ) -> Corrector {
        let lexicon_path = Lexicon::path_beside(config.path.as_deref().or(flag));
        let lexicon =
            lexicon_path.map_or_else(|| Ok(Lexicon::default()), |path| Lexicon::load(&path));
        let lexicon = lexicon.unwrap_or_else(|e| {
            say(&format!("warning: {e}; the lexicon is not used"));
            Lexicon::default()
        });
        Corrector(gloss::corrections::Corrector::new(location, lexicon))
    }

    /// The library's corrector inside.
    pub fn inner(&self) -> &gloss::corrections::Corrector {
        &self.0
    }

    /// Applies the lexicon and the article's corrections to `set`, saying a problem with
    /// its corrections file; the article's file (`None` for standard input, a URL or the
    /// sample) helps find them.
    pub fn correct(
        &self,
        article: &Article,
        file: Option<&Path>,
        set: &mut AnnotationSet,
    ) -> Option<CorrectionBook> {
        let corrected = self.0.correct(article, file, set);
        if let Some(p) = &corrected.problem {
            say(&format!("warning: {p}"));
        }
        corrected.book
    }
}

/// Runs `gloss corrections FILE`.
pub fn run(file: &Path, export: Option<Format>, corrector: &Corrector) -> anyhow::Result<()> {
    let article = ingest::load(
        &ingest::Source::Path(file.to_path_buf()),
        &LoadOptions::default(),
    )?;
    let mut set = detect_article(&article);
    let book = corrector.correct(&article, Some(file), &mut set);
    let mut out = super::output::stdout();
    match export {
        Some(Format::Gold) => {
            let id = file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            out.write_all(&gloss::export::gold_line(&id, &article, &set)?)?;
        }
        Some(Format::Json) => {
            let identity = ArticleIdentity::new(&article.text, Some(file));
            let empty = Default::default();
            let corrections = book.as_ref().map_or(&empty, |b| b.corrections());
            let stored =
                CorrectionsFile::build(&identity, article.meta.title.as_deref(), corrections);
            out.write_all((serde_json::to_string_pretty(&stored)? + "\n").as_bytes())?;
        }
        None => list(&mut out, file, book.as_ref())?,
    }
    out.flush()?;
    Ok(())
}

/// One line per correction: what was detected, what it is now, the passage; detached
/// ones say so.
fn list(out: &mut impl Write, file: &Path, book: Option<&CorrectionBook>) -> anyhow::Result<()> {
    let Some(book) = book.filter(|b| !b.corrections().is_empty()) else {
        say(&format!("no corrections on {}", file.display()));
        return Ok(());
    };
    for (c, placed) in book.placed() {
        let state = match placed {
            Some(Placement::Detached) => "  (detached)",
            Some(Placement::Unmatched(_)) => "  (nothing to correct there now)",
            _ => "",
        };
        let was = if c.detected.is_empty() {
            "missed".to_owned()
        } else {
            c.detected.clone()
        };
        writeln!(
            out,
            "“{}”: {was} -> {}{state}",
            c.target.quote.exact,
            c.change.describe()
        )?;
    }
    Ok(())
}
