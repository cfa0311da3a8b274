//! The command line: `gloss`'s arguments and subcommands as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use gloss::args::parse_date;
use gloss::ingest;

use crate::{cli_docs, corrections_cmd, library_cmd, notes_cmd};

/// A terminal reader for annotated news articles: the article on the left, the people,
/// organisations, places, dates and quotes detected in it on the right.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// The article to read: a text, Markdown or HTML file, an http(s) URL, or '-' for
    /// standard input; without one, the library view opens (once the library has an
    /// article), else the bundled sample article.
    pub(crate) file: Option<PathBuf>,

    /// Any further files: refused with a message saying one file is read at a time (clap
    /// alone would take the second for a subcommand it does not know).
    #[arg(hide = true)]
    pub(crate) more_files: Vec<PathBuf>,

    /// The publication date relative dates are resolved against (overrides the file's).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) date: Option<Date>,

    /// A built-in theme (dark, light, high-contrast, no-color) or a theme file.
    #[arg(long, value_name = "NAME|PATH")]
    pub(crate) theme: Option<String>,

    /// The config file to use instead of $XDG_CONFIG_HOME/gloss/config.toml.
    #[arg(long, value_name = "PATH")]
    pub(crate) config: Option<PathBuf>,

    /// Fetch the URL again instead of opening the copy kept from the last fetch.
    #[arg(long)]
    pub(crate) refresh: bool,

    #[command(flatten)]
    pub(crate) notes: NotesArgs,

    /// Open the bundled sample article.
    #[arg(long, conflicts_with = "file")]
    pub(crate) sample: bool,

    /// The library database instead of $XDG_DATA_HOME/gloss/library.db.
    #[arg(long, value_name = "PATH")]
    pub(crate) library: Option<PathBuf>,

    /// Do not record this article in the library (the config's `[library] enabled =
    /// false` never records).
    #[arg(long, conflicts_with = "library")]
    pub(crate) no_library: bool,
}

/// Where notes are kept (both the reader and `gloss notes` take these).
#[derive(Debug, clap::Args)]
pub(crate) struct NotesArgs {
    /// Keep this article's notes in this file (instead of $XDG_DATA_HOME/gloss/notes/).
    #[arg(long, value_name = "PATH", conflicts_with = "notes_beside")]
    pub(crate) notes: Option<PathBuf>,

    /// Keep this article's notes next to it, as ARTICLE.notes.toml.
    #[arg(long)]
    pub(crate) notes_beside: bool,
}

/// `--input-format`: the article's format when its name and content cannot tell.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum InputFormat {
    Html,
    Markdown,
    Text,
}

impl InputFormat {
    pub(crate) fn format(self) -> ingest::Format {
        match self {
            InputFormat::Html => ingest::Format::Html,
            InputFormat::Markdown => ingest::Format::Markdown,
            InputFormat::Text => ingest::Format::Plain,
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print the article's annotations as JSON (no terminal interface).
    Annotate {
        /// The article: a file, an http(s) URL, or '-' for standard input; without one,
        /// the sample. Several files or a directory: one JSON line per file, in the order
        /// given, a directory's articles sorted by path.
        files: Vec<PathBuf>,

        /// Read {"id","text","date"} lines (or {"id","html","url"} pages) from FILE or
        /// standard input and write one {"id","annotations"} line for each, in order.
        #[arg(long)]
        jsonl: bool,

        /// Documents annotated at once with --jsonl or several files (default: every core).
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,

        /// The publication date relative dates are resolved against (with --jsonl, of the
        /// lines that give none).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<Date>,

        /// How to read the article when its name and content cannot tell (an HTML page is
        /// read in reader mode: the JSON's text is the extracted article).
        #[arg(long, value_enum, value_name = "FORMAT")]
        input_format: Option<InputFormat>,

        /// Fetch the URL again instead of reading the copy kept from the last fetch.
        #[arg(long)]
        refresh: bool,

        /// The detectors' output alone: neither the article's corrections nor the lexicon
        /// (--jsonl is always raw).
        #[arg(long)]
        raw: bool,

        /// The config file to use (for `notes_dir` and the lexicon beside it).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,

        #[command(flatten)]
        notes: NotesArgs,
    },
    /// List an article's corrections of detections, or export them (to standard output).
    Corrections {
        /// The article file.
        file: PathBuf,

        /// `gold`: the corrected annotations as a line of the evaluation format (for
        /// score.py); `json`: the corrections as stored.
        #[arg(long, value_name = "FORMAT")]
        export: Option<corrections_cmd::Format>,

        /// The config file to use (for `notes_dir` and the lexicon beside it).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,

        #[command(flatten)]
        notes: NotesArgs,
    },
    /// List an article's notes, export them (to standard output) or import some.
    Notes {
        /// The article file.
        file: PathBuf,

        /// Write the notes as Markdown, the stored JSON, or W3C Web Annotation JSON-LD.
        #[arg(long, value_name = "FORMAT", conflicts_with = "import")]
        export: Option<notes_cmd::Format>,

        /// Import annotations: `--import w3c FILE.json` (a W3C collection, page or
        /// annotation, or a Hypothesis export), placed on the article and saved.
        #[arg(long, num_args = 2, value_names = ["FORMAT", "FILE"])]
        import: Option<Vec<PathBuf>>,

        /// The config file to use (for `notes_dir`).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,

        #[command(flatten)]
        notes: NotesArgs,
    },
    /// The library of articles read: add, list, search, entities, quotes, remove, export.
    Library(library_cmd::LibraryArgs),
    /// Print a shell completion script: `gloss completions bash > ~/.local/share/bash-completion/completions/gloss`.
    Completions {
        #[arg(value_enum)]
        shell: cli_docs::Shell,
    },
    /// Print the man page (roff): `gloss man > ~/.local/share/man/man1/gloss.1`.
    Man,
}
