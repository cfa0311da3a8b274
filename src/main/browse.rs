//! The binary's side of the library screens: when `gloss` (or `gloss library`) opens
//! them, how an article chosen there is opened (its file as `gloss FILE` would, else the
//! library's kept copy of its text), and "elsewhere in your library" from a reader
//! started on a file.

use std::io::{self, IsTerminal};

use gloss::article::{Article, Meta};
use gloss::config::Config;
use gloss::ingest::Source;
use gloss::library::{ArticleId, Library, SourceRef};
use gloss::theme::Theme;
use gloss::tui::library::run::{self as screens, OpenArticle};
use gloss::tui::{self, Keymap};

pub use gloss::tui::library::run::Start;

use super::{Cli, Input, open_article};

/// What every article opened from the library is opened with: the command line (its
/// options), the config and the theme.
#[derive(Clone, Copy)]
pub(crate) struct Shown<'a> {
    pub cli: &'a Cli,
    pub config: &'a Config,
    pub theme: &'a Theme,
}

/// The library, if gloss is to show it: recording is on, the terminal is one, and the
/// library opens and holds an article. Otherwise `gloss` alone opens the sample, as it
/// always has (a library that does not open is not the sample's business).
pub(crate) fn library_with_articles(shown: &Shown<'_>) -> Option<Library> {
    let (cli, config) = (shown.cli, shown.config);
    if cli.no_library || !config.library.enabled || !io::stdout().is_terminal() {
        return None;
    }
    let path = super::record::library_path(cli.library.as_deref(), &config.library).ok()?;
    if !path.exists() {
        return None;
    }
    let library = Library::open(&path).ok()?;
    (library.count().ok()? > 0).then_some(library)
}

/// Runs the library screens from `start` until the reader quits them.
pub(crate) fn run(shown: &Shown<'_>, library: &Library, start: Start) -> anyhow::Result<()> {
    let keymap = Keymap::with_overrides(&shown.config.keys);
    let mut open = |chosen: OpenArticle| open_from_library(shown, library, chosen);
    let ending = screens::run(library, keymap, shown.theme, start, &mut open)?;
    end(ending)
}

/// After a reader started on a file: "elsewhere in your library" opens the screens on
/// the entity; anything else ends gloss.
pub(crate) fn after_reading(shown: &Shown<'_>, ending: tui::Ending) -> anyhow::Result<()> {
    let tui::Ending::Elsewhere { name, label } = ending else {
        return end(ending);
    };
    let path = super::record::library_path(shown.cli.library.as_deref(), &shown.config.library)?;
    let library = Library::open(&path)?;
    let article = article_of(shown.cli, &library);
    let start = Start::Entity {
        name,
        label,
        article,
    };
    run(shown, &library, start)
}

/// The library id of the article named on the command line, to reopen it on leaving the
/// entity's page.
fn article_of(cli: &Cli, library: &Library) -> Option<i64> {
    let file = cli.file.as_deref()?;
    let source = match super::url_of(Some(file)) {
        Some(url) => SourceRef::Url(url.to_owned()),
        None => SourceRef::Path(file.canonicalize().ok()?),
    };
    Some(library.find_by_source(&source).ok()??.0.0)
}

/// Opens article `chosen` of the library: its file when it is still there, its URL's kept
/// copy, else the library's copy of its text.
fn open_from_library(
    shown: &Shown<'_>,
    library: &Library,
    chosen: OpenArticle,
) -> anyhow::Result<tui::Ending> {
    let stored = library.stored(ArticleId(chosen.id))?;
    let summary = &stored.summary;
    let (src, url, article) = match &summary.source {
        SourceRef::Path(p) if p.is_file() => (Source::Path(p.clone()), None, None),
        SourceRef::Url(u) => (Source::Stdin, Some(u.clone()), None),
        _ => {
            let meta = Meta {
                title: Some(summary.label()),
                date: summary.pub_date.as_deref().and_then(|d| d.parse().ok()),
                author: summary.byline.clone(),
                source: summary.site.clone(),
                url: summary.url.clone(),
                ..Meta::default()
            };
            let text = stored.text;
            (
                Source::Stdin,
                None,
                Some(Article::from_verbatim(text, meta)),
            )
        }
    };
    let input = Input {
        src,
        url,
        article,
        start_at: chosen.at,
    };
    open_article(shown, input)
}

/// Ends gloss as the reader ended: a signal exits as a program killed by it (128 + its
/// number), after saying where unsaved notes went.
fn end(ending: tui::Ending) -> anyhow::Result<()> {
    if let tui::Ending::Signalled { status, notice } = ending {
        if let Some(notice) = notice {
            eprintln!("gloss: {notice}");
        }
        std::process::exit(status);
    }
    Ok(())
}
