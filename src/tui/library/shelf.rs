//! What the library screens ask of the library, and the rows it answers with: the
//! [`Shelf`] trait (the library module implements it over SQLite) and plain row types the
//! screens draw. Every question is for a page of rows, never the whole list.

use std::fmt;

use crate::annotation::EntityLabel;

/// The order of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Last opened first; never-opened articles last.
    #[default]
    LastRead,
    /// Newest publication date first; undated last.
    Date,
    /// By title, A to Z.
    Title,
}

impl Sort {
    /// The next order, for the sort key: last read, date, title, then last read again.
    pub fn next(self) -> Sort {
        match self {
            Sort::LastRead => Sort::Date,
            Sort::Date => Sort::Title,
            Sort::Title => Sort::LastRead,
        }
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sort::LastRead => "last read",
            Sort::Date => "date",
            Sort::Title => "title",
        })
    }
}

/// Which way from a row a page is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// The rows after it in the list's order.
    After,
    /// The rows before it (returned in the list's order, the nearest last).
    Before,
}

/// One article of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub id: i64,
    pub title: String,
    pub site: Option<String>,
    /// Publication date as `YYYY-MM-DD` (or a prefix of it); empty when unknown.
    pub date: String,
    /// How far the reader got, in percent (`None`: never opened).
    pub progress: Option<u8>,
    pub notes: usize,
    /// Where the row stands in each order, for asking the rows around it.
    pub key: RowKey,
}

/// Where a row stands in the list's order (the library's keyset cursor), opaque to the
/// screens: handed back to ask for the rows around it.
pub type RowKey = crate::library::Cursor;

/// A full-text search hit: the article and the passage that matched, the matched words
/// marked as byte ranges of `snippet`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub id: i64,
    pub title: String,
    pub site: Option<String>,
    pub date: String,
    pub snippet: String,
    pub marks: Vec<std::ops::Range<usize>>,
}

/// One entity of the cross-article index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub id: i64,
    pub name: String,
    pub label: EntityLabel,
    pub articles: usize,
    pub mentions: usize,
    /// Where the row stands in the index, for the rows after it (`None` when not asked).
    pub key: Option<RowKey>,
}

/// A passage of an article: the sentence around a mention or a quote, and the byte the
/// reader is to open the article at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub article: i64,
    pub title: String,
    pub date: String,
    /// The sentence (or the quote), on one line.
    pub text: String,
    /// The mention (or the speaker's name) inside `text`, to mark.
    pub mark: Option<std::ops::Range<usize>>,
    /// Byte offset in the article's text to open at.
    pub at: usize,
}

/// Everything the entity's page shows: its articles (one passage per mention, newest
/// article first), the quotes its person said, and its articles per month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntityPage {
    pub mentions: Vec<Passage>,
    pub quotes: Vec<Passage>,
    /// (`YYYY-MM`, articles that month), oldest first; undated articles are left out.
    pub months: Vec<(String, u64)>,
}

/// A library's answer that went wrong, as the status line says it.
pub type ShelfResult<T> = Result<T, String>;

/// The questions the library screens ask. Each returns a bounded page.
pub trait Shelf {
    /// How many articles there are.
    fn count(&self) -> ShelfResult<usize>;
    /// Up to `limit` articles in `sort` order, in list order: the rows `toward` the row
    /// keyed `from` (exclusive), or without `from` the first (`After`) or last (`Before`)
    /// rows of the list.
    fn articles(
        &self,
        sort: Sort,
        from: Option<&RowKey>,
        toward: Toward,
        limit: usize,
    ) -> ShelfResult<Vec<ArticleRow>>;
    /// The best `limit` hits for `query` after the first `offset`, best first.
    fn search(&self, query: &str, offset: usize, limit: usize) -> ShelfResult<Vec<SearchHit>>;
    /// Up to `limit` entities of the index, most articles first, after the row keyed
    /// `after` (from the start without it); each row carries its key.
    fn entities(&self, after: Option<&RowKey>, limit: usize) -> ShelfResult<Vec<EntityRow>>;
    /// The entities a name (or alias) of `label` means, best match first.
    fn entities_named(&self, name: &str, label: EntityLabel) -> ShelfResult<Vec<EntityRow>>;
    /// The entity's page, with at most `limit` mentions and `limit` quotes.
    fn entity_page(&self, entity: i64, limit: usize) -> ShelfResult<EntityPage>;
}
