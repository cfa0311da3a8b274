//! `gloss annotate`: the JSON of one article (a file, a URL, standard input or the
//! sample), the JSONL protocol (`--jsonl`), or one JSON line per file for several files and
//! directories. The last two run on `--jobs` threads through the library's ordered window
//! (`gloss::export::ordered`): output in input order, memory bounded, and on an error
//! every line before it written whole and nothing after.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use gloss::detect::detect_article;
use gloss::export::{self, JsonlOptions, Limits, annotate_jsonl_with, write_document_json};
use gloss::ingest::{self, LoadOptions, Source};

use crate::corpus;
use crate::corrections_cmd::Corrector;
use crate::progress::Progress;

/// What `gloss annotate` was asked.
pub struct Request {
    pub files: Vec<PathBuf>,
    pub jsonl: bool,
    pub refresh: bool,
    /// `--jobs`; all cores when not given.
    pub jobs: Option<usize>,
    pub options: LoadOptions,
    /// Applies the corrections and the lexicon; `None` with `--raw` (and `--jsonl`).
    pub corrector: Option<Corrector>,
}

impl Request {
    fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        })
    }
}

/// Runs `gloss annotate`.
pub fn run(request: Request) -> anyhow::Result<()> {
    let many = request.files.len() > 1 || request.files.first().is_some_and(|f| f.is_dir());
    if request.jsonl {
        jsonl(&request)
    } else if many {
        many_files(&request)
    } else {
        one(request.files.first().map(PathBuf::as_path), &request)
    }
}

/// One article, pretty-printed.
fn one(file: Option<&Path>, request: &Request) -> anyhow::Result<()> {
    // The detectors' set-up overlaps reading the article (for a page, its extraction).
    let _ = gloss::detect::warm_up();
    let url = crate::url_of(file);
    let article = match url {
        Some(url) => crate::load_url(url, request.refresh, &request.options)?.article,
        None => ingest::load(&crate::source(file), &request.options)?,
    };
    let mut annotations = detect_article(&article);
    if let Some(corrector) = &request.corrector {
        let path = file.filter(|f| url.is_none() && *f != Path::new("-"));
        corrector.correct(&article, path, &mut annotations);
    }
    let mut out = BufWriter::new(crate::output::stdout());
    write_document_json(&article, &annotations, &mut out)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// `--jsonl`: lines from the one file named, or standard input.
fn jsonl(request: &Request) -> anyhow::Result<()> {
    let options = JsonlOptions {
        format: request.options.format,
        date: request.options.date,
        ..JsonlOptions::with_jobs(request.jobs())
    };
    let out = BufWriter::new(crate::output::stdout());
    match request.files.as_slice() {
        [] => jsonl_from(io::stdin().lock(), out, options, Progress::new(None)),
        [file] if file == Path::new("-") => {
            jsonl_from(io::stdin().lock(), out, options, Progress::new(None))
        }
        [file] => {
            let (f, size) = ingest::read::open_regular(file)?;
            let input = io::BufReader::with_capacity(1 << 16, f);
            jsonl_from(input, out, options, Progress::new(Some(size)))
        }
        [_, more @ ..] => anyhow::bail!(
            "--jsonl reads one file or standard input, found {} more: join them with cat",
            more.len()
        ),
    }
}

fn jsonl_from(
    input: impl io::BufRead,
    out: impl Write,
    options: JsonlOptions,
    mut progress: Progress,
) -> anyhow::Result<()> {
    let result = annotate_jsonl_with(input, out, options, |bytes| progress.document(bytes));
    progress.finish();
    result?;
    Ok(())
}

/// Several files, directories: one line per file, `{"file": PATH, ...the document}`.
fn many_files(request: &Request) -> anyhow::Result<()> {
    if let Some(arg) = request
        .files
        .iter()
        .find(|f| *f == Path::new("-") || crate::url_of(Some(f)).is_some())
    {
        anyhow::bail!(
            "'{}': several articles are read from files and directories only",
            arg.display()
        );
    }
    let entries = corpus::files(&request.files)?;
    let total = entries.iter().map(|e| e.size).sum();
    let mut progress = Progress::new(Some(total));
    let mut out = BufWriter::new(crate::output::stdout());
    let jobs = request.jobs();
    let options = request.options;
    let corrector = request.corrector.as_ref();
    let result = export::ordered::ordered_map(
        entries.into_iter().map(|e| {
            let size = usize::try_from(e.size).unwrap_or(usize::MAX);
            Ok((e.path, size))
        }),
        jobs,
        Limits::for_jobs(jobs),
        |path: PathBuf| annotate_file(&path, &options, corrector),
        |line: Vec<u8>, size| {
            out.write_all(&line)?;
            progress.document(size);
            Ok(())
        },
    );
    progress.finish();
    let flushed = out.flush();
    result?;
    flushed?;
    Ok(())
}

/// One file's output line.
fn annotate_file(
    path: &Path,
    options: &LoadOptions,
    corrector: Option<&Corrector>,
) -> anyhow::Result<Vec<u8>> {
    let article = ingest::load(&Source::Path(path.to_path_buf()), options)?;
    let mut annotations = detect_article(&article);
    if let Some(corrector) = corrector {
        corrector.correct(&article, Some(path), &mut annotations);
    }
    export::document_line(&path.to_string_lossy(), &article, &annotations)
        .with_context(|| format!("cannot write the annotations of '{}'", path.display()))
}
