//! The values the library hands out: ids, article summaries, search hits, entities, their
//! mentions in context, quotes, and the cursors that page through them. Byte offsets are
//! into the article's text as stored (the text the reader shows).

use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

use crate::annotation::EntityLabel;

/// An article's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

/// A library-wide entity's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EntityId(pub i64);

/// Where an article was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "at", rename_all = "lowercase")]
pub enum SourceRef {
    /// A file (its absolute path).
    Path(PathBuf),
    /// A web page.
    Url(String),
    /// Standard input.
    Stdin,
}

impl SourceRef {
    /// The kind as stored (`path`, `url`, `stdin`) and the path or URL.
    pub fn parts(&self) -> (&'static str, Option<String>) {
        match self {
            SourceRef::Path(p) => ("path", Some(p.to_string_lossy().into_owned())),
            SourceRef::Url(u) => ("url", Some(u.clone())),
            SourceRef::Stdin => ("stdin", None),
        }
    }

    /// The file it was read from, if it was one.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            SourceRef::Path(p) => Some(p),
            SourceRef::Url(_) | SourceRef::Stdin => None,
        }
    }

    /// The stored kind and value back as a source.
    pub fn from_parts(kind: &str, value: Option<String>) -> SourceRef {
        match (kind, value) {
            ("path", Some(p)) => SourceRef::Path(PathBuf::from(p)),
            ("url", Some(u)) => SourceRef::Url(u),
            _ => SourceRef::Stdin,
        }
    }
}

/// What recording an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    /// A new article.
    Added,
    /// A known source with a new text (the file was edited): its row was updated.
    Updated,
    /// The same text was already in the library.
    AlreadyThere,
}

/// The result of recording an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub id: ArticleId,
    pub status: RecordStatus,
    /// The reading position kept for it (0 for a new article).
    pub position: Position,
    /// Whether its entities, quotes and dates are in the library already.
    pub annotated: bool,
}

/// A reading position: a byte offset into the text (the top of the screen), with the
/// text's length for progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Position {
    pub byte: usize,
    pub text_len: usize,
}

impl Position {
    /// How far through the text, from 0.0 to 1.0.
    pub fn fraction(&self) -> f64 {
        match self.text_len {
            0 => 0.0,
            len => (self.byte.min(len) as f64) / len as f64,
        }
    }
}

/// The orders of the library list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Most recently opened first; never-opened articles last, newest added first.
    #[default]
    LastRead,
    /// Newest publication date first; undated last.
    Date,
    /// By title, A to Z (case-insensitive).
    Title,
}

/// Where the next page of a list starts (opaque: pass back what a page returned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub(crate) text: String,
    pub(crate) number: i64,
    pub(crate) id: i64,
}

/// One page of a list and the cursor to the next, `None` on the last page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    #[serde(skip)]
    pub next: Option<Cursor>,
}

/// An article as the library list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: Option<String>,
    pub source: SourceRef,
    pub byline: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// `YYYY-MM-DD`, when known.
    pub pub_date: Option<String>,
    pub text_hash: String,
    /// When it was added, first and last opened (seconds since the Unix epoch).
    pub added: i64,
    pub first_opened: Option<i64>,
    pub last_opened: Option<i64>,
    pub position: Position,
    /// The notes file the reader last used for it, and how many notes it held.
    pub notes_file: Option<PathBuf>,
    pub notes_count: usize,
    /// What the title order compares (for the next page's cursor).
    #[serde(skip)]
    pub(crate) title_key: String,
}

impl ArticleSummary {
    /// This row's place in `sort` order: pass it to [`super::Library::articles`] for the
    /// rows after it, or to [`super::Library::articles_before`] for those before it.
    pub fn cursor(&self, sort: Sort) -> Cursor {
        let (text, number) = match sort {
            Sort::LastRead => (String::new(), self.last_opened.unwrap_or(0)),
            Sort::Date => (self.pub_date.clone().unwrap_or_default(), 0),
            Sort::Title => (self.title_key.clone(), 0),
        };
        Cursor {
            text,
            number,
            id: self.id.0,
        }
    }

    /// What to call it: its title, else its file's name or URL, else "standard input".
    pub fn label(&self) -> String {
        if let Some(title) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return title.to_owned();
        }
        match &self.source {
            SourceRef::Path(p) => p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into()),
            SourceRef::Url(u) => u.clone(),
            SourceRef::Stdin => "standard input".to_owned(),
        }
    }
}

/// A full-text search hit, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: Option<String>,
    pub source: Option<String>,
    pub site: Option<String>,
    pub pub_date: Option<String>,
    /// A passage around the best match (`…` where it was cut).
    pub snippet: String,
    /// The matched words, as byte ranges of `snippet`.
    pub highlights: Vec<Range<usize>>,
}

/// A library-wide entity: one person, organisation, place... across articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    pub id: EntityId,
    /// The fullest name seen.
    pub name: String,
    pub kind: EntityLabel,
    /// In how many articles, and how many mentions in all.
    pub article_count: usize,
    pub mention_count: usize,
}

/// One mention with the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionContext {
    /// The mention, as bytes of the article's text (open the article here).
    pub span: Range<usize>,
    /// The sentence around it, on one line.
    pub sentence: String,
    /// The mention as bytes of `sentence`.
    pub in_sentence: Range<usize>,
}

/// An article that mentions an entity, with its first mentions in context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityArticle {
    pub article: ArticleId,
    pub title: Option<String>,
    pub source: Option<String>,
    pub site: Option<String>,
    pub pub_date: Option<String>,
    pub mention_count: usize,
    pub mentions: Vec<MentionContext>,
}

/// An entity of one article (from its side pane) with its library-wide counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleEntity {
    pub entity: EntityId,
    /// The name as this article gives it.
    pub name: String,
    pub kind: EntityLabel,
    pub mention_count: usize,
    /// In how many articles of the library the entity appears (this one included).
    pub article_count: usize,
}

/// A quotation found in an article of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteHit {
    pub article: ArticleId,
    pub title: Option<String>,
    pub pub_date: Option<String>,
    pub speaker: Option<String>,
    /// The quote as bytes of the article's text.
    pub span: Range<usize>,
    pub text: String,
}

/// Articles per month that mention an entity (`YYYY-MM`; `None` for undated articles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    pub month: Option<String>,
    pub articles: usize,
}

/// A stored article, enough to open it in the reader again.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub summary: ArticleSummary,
    pub text: String,
}

/// The entity label as stored back as a label (unknown words read as `MISC`).
pub fn label_from_str(s: &str) -> EntityLabel {
    match s {
        "PERSON" => EntityLabel::Person,
        "ORG" => EntityLabel::Org,
        "PLACE" => EntityLabel::Place,
        "NORP" => EntityLabel::Norp,
        _ => EntityLabel::Misc,
    }
}
