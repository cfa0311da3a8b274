//! `gloss library ...`: the library from the command line — add files and directories,
//! list, search, entities, quotes by a speaker, remove, export every article's notes —
//! each with `--json` for scripts. The subcommands' work is in `main/library/`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use gloss::annotation::EntityLabel;
use gloss::config::Config;
use gloss::library::{Library, Sort};
use gloss::tui::action::Action;

#[path = "library/add.rs"]
mod add;
#[path = "library/export.rs"]
mod export;
#[path = "library/show.rs"]
mod show;

/// `gloss library`: its options and subcommand.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = false)]
pub struct LibraryArgs {
    #[command(subcommand)]
    pub command: Option<LibraryCommand>,

    /// The library database instead of $XDG_DATA_HOME/gloss/library.db.
    #[arg(long, value_name = "PATH", global = true)]
    pub library: Option<PathBuf>,

    /// The config file to use (for `[library] path`, `notes_dir` and the lexicon beside it).
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,

    /// Print JSON for scripts instead of text.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Add files and whole directories (text, Markdown, HTML), annotated on every core.
    Add {
        /// Files and directories (directories are walked for .txt, .md, .markdown,
        /// .html, .htm files; hidden ones are skipped).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the articles, most recently read first.
    List {
        /// The order: last read, publication date or title.
        #[arg(long, value_enum, default_value = "last-read")]
        sort: SortArg,
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Full-text search over every article, best match first.
    Search {
        /// The words to find (all of them; any text is accepted).
        #[arg(required = true, value_name = "WORDS")]
        query: Vec<String>,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// The people, organisations and places across the library; with NAME, the
    /// articles that mention it, each mention in its sentence.
    Entities {
        /// A name or alias ("Trump" finds Donald Trump).
        name: Option<String>,
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// At most this many entities (or articles, with NAME).
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Quotes said by a speaker across the library, newest first.
    Quotes {
        /// The speaker's name or alias.
        #[arg(long, required = true, value_name = "NAME")]
        speaker: String,
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Remove articles (by id, or by the file or URL they were read from); their notes
    /// files stay.
    Remove {
        /// Article ids (from `list --json`, `search`) or paths or URLs.
        #[arg(required = true, value_name = "ID|PATH|URL")]
        targets: Vec<String>,
    },
    /// Export every article's notes as Markdown files (for an Obsidian or Logseq vault).
    Export {
        /// The directory to write to (created if needed).
        #[arg(long, required = true, value_name = "DIR")]
        notes: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    LastRead,
    Date,
    Title,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Person,
    Org,
    Place,
    Norp,
    Misc,
}

impl KindArg {
    fn label(self) -> EntityLabel {
        match self {
            KindArg::Person => EntityLabel::Person,
            KindArg::Org => EntityLabel::Org,
            KindArg::Place => EntityLabel::Place,
            KindArg::Norp => EntityLabel::Norp,
            KindArg::Misc => EntityLabel::Misc,
        }
    }
}

/// Runs `gloss library ...`.
pub fn run(args: LibraryArgs) -> anyhow::Result<()> {
    let config = Config::load(args.config.as_deref(), &Action::names())?;
    let path = super::record::library_path(args.library.as_deref(), &config.library)?;
    let mut lib = Library::open(&path)?;
    let json = args.json;
    match args.command {
        Some(LibraryCommand::Add { paths }) => {
            add::run(&mut lib, &paths, &config, args.config.as_deref(), json)
        }
        Some(LibraryCommand::List { sort, limit }) => show::list(&lib, sort.sort(), limit, json),
        // `gloss library` alone: the list (the library view, on a terminal, is the TUI's).
        None => show::list(&lib, Sort::LastRead, 50, json),
        Some(LibraryCommand::Search { query, limit }) => {
            show::search(&lib, &query.join(" "), limit, json)
        }
        Some(LibraryCommand::Entities { name, kind, limit }) => {
            let kind = kind.map(KindArg::label);
            match name {
                Some(name) => show::entity(&lib, &name, kind, limit, json),
                None => show::entities(&lib, kind, limit, json),
            }
        }
        Some(LibraryCommand::Quotes { speaker, limit }) => {
            show::quotes(&lib, &speaker, limit, json)
        }
        Some(LibraryCommand::Remove { targets }) => show::remove(&mut lib, &targets, json),
        Some(LibraryCommand::Export { notes }) => export::run(&lib, &notes, json),
    }
}

impl SortArg {
    fn sort(self) -> Sort {
        match self {
            SortArg::LastRead => Sort::LastRead,
            SortArg::Date => Sort::Date,
            SortArg::Title => Sort::Title,
        }
    }
}
