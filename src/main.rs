//! The `gloss` binary: command-line parsing and dispatch to the reader, `annotate` (in
//! `main/annotate.rs`) or `notes` (in `main/notes_cmd.rs`).
//!
//! Everything that can fail for a reason the user can fix — the article, the config, the
//! theme, a terminal that is not one — is checked here, before the reader takes over the
//! terminal, so an error is one line `gloss: <message>` on stderr with exit status 2 and
//! a terminal left exactly as it was.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use gloss::config::Config;
use gloss::corrections::{Corrector, Lexicon};
use gloss::ingest::{self, LoadOptions, Source};
use gloss::theme::{ColorDepth, Theme};
use gloss::tui::action::Action;
use gloss::tui::session::{Opening, Origin};
use gloss::tui::{self, Keymap, Launch, Settings};

#[path = "main/annotate.rs"]
mod annotate;
#[path = "main/browse.rs"]
mod browse;
#[path = "main/cli.rs"]
mod cli;
#[path = "main/cli_docs.rs"]
mod cli_docs;
#[path = "main/corpus.rs"]
mod corpus;
#[path = "main/corrections_cmd.rs"]
mod corrections_cmd;
#[path = "main/failure.rs"]
mod failure;
#[path = "main/library_cmd.rs"]
mod library_cmd;
#[path = "main/notes_cmd.rs"]
mod notes_cmd;
#[path = "main/output.rs"]
mod output;
#[path = "main/progress.rs"]
mod progress;
#[path = "main/record.rs"]
mod record;
#[path = "main/web.rs"]
mod web;

use cli::{Cli, Command, InputFormat, NotesArgs};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: clap's own output, to stdout.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            output::say(&format!("{first} (see 'gloss --help')"));
            return ExitCode::from(2);
        }
    };
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The program reading the output ended (`gloss annotate a.txt | head`): nothing
        // more is wanted, so stop quietly and successfully, as ripgrep does.
        Err(e) if failure::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::say(&failure::message(&e));
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<()> {
    if let Some(file) = &cli.file
        && !cli.more_files.is_empty()
    {
        let names: Vec<String> = std::iter::once(file)
            .chain(&cli.more_files)
            .map(|f| format!("'{}'", f.display()))
            .collect();
        anyhow::bail!(
            "one file at a time: run gloss once for each of {}",
            names.join(", ")
        );
    }
    // `gloss library` on a terminal: the library screens (a pipe gets the list).
    if let Some(Command::Library(args)) = &cli.command
        && args.command.is_none()
        && !args.json
        && io::stdout().is_terminal()
    {
        let (library, config) = (args.library.clone(), args.config.clone());
        let cli = Cli {
            command: None,
            library: library.or(cli.library),
            config: config.or(cli.config),
            ..cli
        };
        return read(cli, true);
    }
    match cli.command {
        Some(Command::Annotate {
            files,
            jsonl,
            jobs,
            date,
            input_format,
            refresh,
            raw,
            config,
            notes,
        }) => annotate::run(annotate::Request {
            corrector: (!raw && !jsonl)
                .then(|| corrections_cmd::Corrector::load(config.as_deref(), &notes)),
            files,
            jsonl,
            refresh,
            jobs: jobs.map(usize::from),
            options: LoadOptions {
                date,
                format: input_format.map(InputFormat::format),
            },
        }),
        Some(Command::Notes {
            file,
            export,
            import,
            config,
            notes,
        }) => {
            let config = Config::load(config.as_deref(), &Action::names())?;
            let task = match (export, import.as_deref()) {
                (Some(format), _) => notes_cmd::Task::Export(format),
                (None, Some([format, json])) if format.as_os_str() == "w3c" => {
                    notes_cmd::Task::Import(json.clone())
                }
                (None, Some([format, _])) => anyhow::bail!(
                    "--import: expected the format 'w3c', found '{}'",
                    format.display()
                ),
                _ => notes_cmd::Task::List,
            };
            let location = notes_location(&notes, &config);
            notes_cmd::run(&file, location, task)
        }
        Some(Command::Corrections {
            file,
            export,
            config,
            notes,
        }) => {
            let corrector = corrections_cmd::Corrector::load(config.as_deref(), &notes);
            corrections_cmd::run(&file, export, &corrector)
        }
        Some(Command::Library(args)) => library_cmd::run(args),
        Some(Command::Completions { shell }) => cli_docs::completions(shell, Cli::command()),
        Some(Command::Man) => cli_docs::man(Cli::command()),
        None => read(cli, false),
    }
}

fn notes_location(
    args: &NotesArgs,
    config: &Config,
) -> Result<gloss::notes::NotesLocation, String> {
    notes_cmd::location(
        args.notes.as_deref(),
        args.notes_beside,
        config.notes_dir.as_deref(),
    )
}

/// The URL `file` is, if it is one rather than a file's path.
fn url_of(file: Option<&Path>) -> Option<&str> {
    file.and_then(Path::to_str)
        .filter(|f| gloss::fetch::is_url(f))
}

/// The article at a URL, its notice (kept copy, not kept) said on standard error.
fn load_url(url: &str, refresh: bool, options: &LoadOptions) -> anyhow::Result<web::Opened> {
    let opened = web::open(url, refresh, options)?;
    if let Some(notice) = &opened.notice {
        output::say(notice);
    }
    Ok(opened)
}

fn source(file: Option<&Path>) -> Source {
    match file {
        None => Source::Sample,
        Some(p) if p == Path::new("-") => Source::Stdin,
        Some(p) => Source::Path(p.to_path_buf()),
    }
}

/// `gloss [FILE]`: loads and checks everything, then hands the terminal to the reader;
/// with `library`, to the library screens (`gloss library`).
fn read(cli: Cli, library: bool) -> anyhow::Result<()> {
    if !library {
        // While the article is read (a page parsed and extracted) and the terminal set up.
        let _ = gloss::detect::warm_up();
    }
    let config = Config::load(cli.config.as_deref(), &Action::names())?;
    let mut theme = match cli.theme.as_deref().or(config.theme.as_deref()) {
        Some(spec) => Theme::load(spec)?,
        None => Theme::default(),
    };
    // https://no-color.org: set and not empty means no colour at all.
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.without_color();
    }
    // Colours the terminal cannot show are mapped to ones it can (COLORTERM, TERM, or the
    // config's color_depth).
    theme = theme.at_depth(config.color_depth.resolve(ColorDepth::from_env));
    let shown = browse::Shown {
        cli: &cli,
        config: &config,
        theme: &theme,
    };
    if library {
        let path = record::library_path(cli.library.as_deref(), &config.library)?;
        let library = gloss::library::Library::open(&path)?;
        return browse::run(&shown, &library, browse::Start::List);
    }
    // `gloss` alone opens the library once it has articles (`--sample` the sample).
    if cli.file.is_none()
        && !cli.sample
        && let Some(library) = browse::library_with_articles(&shown)
    {
        return browse::run(&shown, &library, browse::Start::List);
    }
    let input = Input {
        src: source(cli.file.as_deref()),
        url: url_of(cli.file.as_deref()).map(str::to_owned),
        article: None,
        start_at: None,
    };
    let ending = open_article(&shown, input)?;
    browse::after_reading(&shown, ending)
}

/// An article to open: from a file, a URL or standard input, or already in hand (the
/// library's kept copy of one whose file is gone), and where to open it.
pub(crate) struct Input {
    pub src: Source,
    pub url: Option<String>,
    pub article: Option<gloss::article::Article>,
    pub start_at: Option<usize>,
}

/// Loads and checks `input`, then hands the terminal to the reader until it ends.
pub(crate) fn open_article(shown: &browse::Shown<'_>, input: Input) -> anyhow::Result<tui::Ending> {
    let browse::Shown { cli, config, theme } = *shown;
    let theme = theme.clone();
    let Input {
        src,
        url,
        article: in_hand,
        start_at,
    } = input;
    let url = url.as_deref();
    // The library's copy of an article whose file is gone (or that came from a pipe).
    let kept = in_hand.as_ref().and_then(|a| a.meta.title.clone());
    let options = LoadOptions {
        date: cli.date,
        ..LoadOptions::default()
    };
    if !io::stdout().is_terminal() {
        // The file's own problems first: they are what the user most needs to hear.
        match url {
            Some(url) => drop(load_url(url, cli.refresh, &options)?),
            None => drop(ingest::load(&src, &options)?),
        }
        anyhow::bail!("standard output is not a terminal: use 'gloss annotate' for JSON output");
    }
    // A big file shows its head first while a thread loads the whole of it.
    let (article, whole) = match (&src, url) {
        _ if in_hand.is_some() => (in_hand.unwrap_or_default(), None),
        // A page's notice (its kept copy is shown) goes first in the status bar.
        (_, Some(url)) => {
            let opened = web::open(url, cli.refresh, &options)?;
            let mut article = opened.article;
            article.warnings.splice(0..0, opened.notice);
            (article, None)
        }
        (Source::Path(path), None) => match ingest::load_head(path, &options)? {
            Some(head) => (head, Some(tui::WholeArticle::new(path.clone(), options))),
            None => (ingest::load(&src, &options)?, None),
        },
        _ => (ingest::load(&src, &options)?, None),
    };
    let file_label = match (&src, url) {
        _ if kept.is_some() => kept.unwrap_or_default(),
        (_, Some(url)) => url.to_string(),
        (Source::Sample, None) => "sample article".to_string(),
        (Source::Stdin, _) => "standard input".to_string(),
        // The name is what tells files apart in a status bar; the directories rarely do.
        (Source::Path(p), _) => p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    let settings = Settings {
        side_pane_width: config.side_pane_width,
        max_text_width: config.max_text_width,
    };
    let keymap = Keymap::with_overrides(&config.keys);
    let article_path = match &src {
        Source::Path(p) if url.is_none() => {
            Some(std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        }
        _ => None,
    };
    let notes = match (&src, cli.notes.notes_beside) {
        (Source::Path(_), _) if url.is_none() => notes_location(&cli.notes, config),
        (_, false) => notes_location(&cli.notes, config),
        _ => Err("notes beside the article need an article file".to_owned()),
    };
    let (lexicon, corrector) = reader_corrector(config, cli, &notes);
    let (library, recorder) = record::for_reader(record::Reader {
        flag: cli.library.as_deref(),
        off: cli.no_library,
        config: &config.library,
        source: &src,
        url,
        article: &article,
        head_of: whole.is_some().then_some(options),
        corrector,
        article_path: article_path.as_deref(),
    });
    let origin = match (&src, url, &article_path) {
        (_, Some(url), _) => Origin::Url(url.to_string()),
        (_, None, Some(path)) => Origin::Path(path.clone()),
        _ => Origin::Other,
    };
    // Articles opened from links keep their notes where notes go by default (`--notes
    // FILE` names this article's file only).
    let opening = Opening {
        options,
        notes: notes_cmd::location(None, cli.notes.notes_beside, config.notes_dir.as_deref()),
        timeout: web::timeout()?,
    };
    let ended = tui::run(Launch {
        article,
        whole,
        file_label,
        theme,
        settings,
        keymap,
        notes: notes.clone(),
        article_path: article_path.clone(),
        library,
        origin,
        opening,
        start_at,
        opener: config.opener.clone(),
        hyperlinks: config.hyperlinks.resolve(|name| std::env::var(name).ok()),
        lexicon,
    })?;
    if let Some(recorder) = recorder {
        let corrected = ended.corrected.as_ref();
        recorder.after_reading(notes.ok().as_ref(), article_path.as_deref(), corrected);
    }
    Ok(ended.ending)
}

/// The lexicon file the reader uses, and what corrects the annotations the library keeps
/// of the article (its notes location, the lexicon). The reader's status bar says what is
/// wrong with the lexicon; the library's copy of the annotations goes without it then, as
/// the reader does.
fn reader_corrector(
    config: &Config,
    cli: &Cli,
    notes: &Result<gloss::notes::NotesLocation, String>,
) -> (Option<std::path::PathBuf>, Corrector) {
    let lexicon = Lexicon::path_beside(config.path.as_deref().or(cli.config.as_deref()));
    let read = lexicon.as_deref().and_then(|p| Lexicon::load(p).ok());
    let corrector = Corrector::new(notes.clone().ok(), read.unwrap_or_default());
    (lexicon, corrector)
}
