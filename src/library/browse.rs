//! Reading the article list a page at a time, in three orders and both directions (keyset
//! paging, so the millionth row costs what the first does), and one article: its summary,
//! stored text, tags and a window of its text.

use std::path::PathBuf;

use rusqlite::{OptionalExtension, Row, params};

use super::model::{
    ArticleId, ArticleSummary, Cursor, Page, Position, Sort, SourceRef, StoredArticle,
};
use super::search::non_empty;
use super::{Library, LibraryError, sql, to_i64, to_usize};

impl Library {
    /// A page of `limit` articles in `sort` order, from `after` (a cursor a previous page
    /// returned; `None` for the first page).
    pub fn articles(
        &self,
        sort: Sort,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page<ArticleSummary>, LibraryError> {
        let (sql, first) = match sort {
            Sort::LastRead => (
                sql::PAGE_BY_LAST_OPENED,
                (String::new(), i64::MAX, i64::MAX),
            ),
            Sort::Date => (sql::PAGE_BY_DATE, ("\u{10FFFF}".into(), 0, i64::MAX)),
            Sort::Title => (sql::PAGE_BY_TITLE, (String::new(), 0, i64::MIN)),
        };
        let (text, number, id) = after.map_or(first, |c| (c.text.clone(), c.number, c.id));
        let run = || -> rusqlite::Result<Vec<ArticleSummary>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = match sort {
                Sort::LastRead => stmt.query_map(params![number, id, to_i64(limit)], summary)?,
                _ => stmt.query_map(params![text, id, to_i64(limit)], summary)?,
            };
            rows.collect()
        };
        let items = run().map_err(|e| self.fail(e))?;
        let next = (items.len() == limit)
            .then(|| items.last().map(|last| last.cursor(sort)))
            .flatten();
        Ok(Page { items, next })
    }

    /// The `limit` articles just before `before` in `sort` order (the last `limit` of
    /// the list when `before` is `None`), in list order: for paging up, and for the end
    /// of the list. Pass [`ArticleSummary::cursor`] of the first row shown.
    pub fn articles_before(
        &self,
        sort: Sort,
        before: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, LibraryError> {
        let (sql, last) = match sort {
            Sort::LastRead => (
                sql::PAGE_BEFORE_LAST_OPENED,
                (String::new(), i64::MIN, i64::MIN),
            ),
            Sort::Date => (sql::PAGE_BEFORE_DATE, (String::new(), 0, i64::MIN)),
            Sort::Title => (sql::PAGE_BEFORE_TITLE, ("\u{10FFFF}".into(), 0, i64::MAX)),
        };
        let (text, number, id) = before.map_or(last, |c| (c.text.clone(), c.number, c.id));
        let run = || -> rusqlite::Result<Vec<ArticleSummary>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = match sort {
                Sort::LastRead => stmt.query_map(params![number, id, to_i64(limit)], summary)?,
                _ => stmt.query_map(params![text, id, to_i64(limit)], summary)?,
            };
            rows.collect()
        };
        let mut items = run().map_err(|e| self.fail(e))?;
        items.reverse();
        Ok(items)
    }

    /// A window of article `id`'s text: `len` bytes from byte `start` (cut where it falls,
    /// possibly inside a character: decode with care).
    pub fn text_window(
        &self,
        id: ArticleId,
        start: usize,
        len: usize,
    ) -> Result<Vec<u8>, LibraryError> {
        self.conn
            .prepare_cached(sql::TEXT_WINDOW)
            .and_then(|mut s| s.query_row(params![id.0, to_i64(start), to_i64(len)], |r| r.get(0)))
            .map_err(|e| self.fail(e))
    }

    /// One article's summary.
    pub fn article(&self, id: ArticleId) -> Result<ArticleSummary, LibraryError> {
        self.conn
            .prepare_cached(sql::ARTICLE_SUMMARY)
            .and_then(|mut s| s.query_row([id.0], summary).optional())
            .map_err(|e| self.fail(e))?
            .ok_or_else(|| self.no_article(id))
    }

    /// One article with its stored text (to reopen it when its source is gone: standard
    /// input, a page, a moved file).
    pub fn stored(&self, id: ArticleId) -> Result<StoredArticle, LibraryError> {
        let summary = self.article(id)?;
        let text: String = self
            .conn
            .query_row(sql::ARTICLE_TEXT, [id.0], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        Ok(StoredArticle { summary, text })
    }

    /// The article's tags (from its notes).
    pub fn tags(&self, id: ArticleId) -> Result<Vec<String>, LibraryError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare_cached(sql::ARTICLE_TAGS)?;
            let rows = stmt.query_map([id.0], |r| r.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }

    /// The articles recorded from a path or URL (`gloss library remove PATH`).
    pub fn ids_by_source(&self, source: &str) -> Result<Vec<ArticleId>, LibraryError> {
        let run = || -> rusqlite::Result<Vec<ArticleId>> {
            let mut stmt = self.conn.prepare_cached(sql::ARTICLES_BY_SOURCE)?;
            let rows = stmt.query_map([source], |r| r.get(0).map(ArticleId))?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }

    /// Every article by id, `limit` at a time after id `after` (for exports).
    pub fn articles_by_id(
        &self,
        after: ArticleId,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, LibraryError> {
        let run = || -> rusqlite::Result<Vec<ArticleSummary>> {
            let mut stmt = self.conn.prepare_cached(sql::NOTED_ARTICLES)?;
            let rows = stmt.query_map(params![after.0, to_i64(limit)], summary)?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }

    fn no_article(&self, id: ArticleId) -> LibraryError {
        LibraryError::NoArticle {
            path: self.path.clone(),
            id: id.0,
        }
    }
}

/// Reads the columns of [`sql::summary_columns`].
fn summary(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let last_opened: i64 = r.get(12)?;
    Ok(ArticleSummary {
        id: ArticleId(r.get(0)?),
        title: r.get(1)?,
        source: SourceRef::from_parts(&r.get::<_, String>(3)?, r.get(4)?),
        byline: r.get(5)?,
        site: r.get(6)?,
        url: r.get(7)?,
        pub_date: r.get::<_, String>(8).map(non_empty)?,
        added: r.get(10)?,
        first_opened: r.get(11)?,
        last_opened: (last_opened > 0).then_some(last_opened),
        position: Position {
            byte: to_usize(r.get(13)?),
            text_len: to_usize(r.get(9)?),
        },
        notes_file: r.get::<_, Option<String>>(14)?.map(PathBuf::from),
        notes_count: to_usize(r.get(15)?),
        text_hash: r.get(16)?,
        title_key: r.get(2)?,
    })
}
