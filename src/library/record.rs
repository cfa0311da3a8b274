//! Writing to the library: recording an article (new, edited, or already there), storing
//! what was detected in it, joining its entity groups to library-wide entities, tags and
//! notes counts, the reading position, and removal. Each public call is one transaction.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::annotations::{remove_annotations, store_annotations, sweep};
use super::model::{ArticleId, Position, RecordStatus, Recorded, SourceRef};
use super::{Library, LibraryError, sql, to_i64, to_usize};
use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::notes::identity::text_hash;

/// A found row: id, text hash, position, annotated.
type Found = (i64, String, i64, bool);

impl Library {
    /// Records `article`, read from `source`: adds it, updates the row of an edited file
    /// (same path or URL, new text), or finds it already there. `opened` (when the reader
    /// opens it) sets first and last opened. `annotations`, when given and not stored yet
    /// for this text, are stored in the same transaction.
    pub fn record(
        &mut self,
        source: &SourceRef,
        article: &Article,
        annotations: Option<&AnnotationSet>,
        opened: Option<Timestamp>,
    ) -> Result<Recorded, LibraryError> {
        let hash = text_hash(&article.text);
        self.write(|tx| {
            let (id, status, position, mut annotated) = upsert(tx, source, article, &hash)?;
            if let Some(at) = opened {
                tx.prepare_cached(sql::TOUCH_ARTICLE)?
                    .execute(params![id, at.as_second()])?;
            }
            if let (Some(set), false) = (annotations, annotated) {
                store_annotations(tx, id, article, set)?;
                annotated = true;
            }
            Ok(Recorded {
                id: ArticleId(id),
                status,
                position: Position {
                    byte: to_usize(position),
                    text_len: article.text.len(),
                },
                annotated,
            })
        })
    }

    /// Stores (replacing any stored before) the entities, quotes and dates detected in
    /// article `id`, whose text is `article.text`.
    pub fn store_annotations(
        &mut self,
        id: ArticleId,
        article: &Article,
        set: &AnnotationSet,
    ) -> Result<(), LibraryError> {
        self.write(|tx| store_annotations(tx, id.0, article, set))
    }

    /// Runs `f` in one write transaction (taken at once, so it waits for another
    /// writer up to the busy timeout rather than failing halfway), committed if it succeeds.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, LibraryError> {
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        result.map_err(|e| self.fail(e))
    }

    /// Whether the text with this hash is in the library, and its id.
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<ArticleId>, LibraryError> {
        let found = find(&self.conn, sql::ARTICLE_BY_HASH, params![hash]);
        found
            .map(|f| f.map(|(id, ..)| ArticleId(id)))
            .map_err(|e| self.fail(e))
    }

    /// The article last recorded from `source` (a path or URL), with its reading position.
    pub fn find_by_source(
        &self,
        source: &SourceRef,
    ) -> Result<Option<(ArticleId, usize)>, LibraryError> {
        let (kind, value) = source.parts();
        let found = find(&self.conn, sql::ARTICLE_BY_SOURCE, params![value, kind]);
        found
            .map(|f| f.map(|(id, _, position, _)| (ArticleId(id), to_usize(position))))
            .map_err(|e| self.fail(e))
    }

    /// Marks article `id` opened now (first and last opened).
    pub fn touch(&self, id: ArticleId, at: Timestamp) -> Result<(), LibraryError> {
        self.execute(sql::TOUCH_ARTICLE, params![id.0, at.as_second()])
    }

    /// Keeps the reading position of article `id` (clamped to its text).
    pub fn set_position(&self, id: ArticleId, byte: usize) -> Result<(), LibraryError> {
        self.execute(sql::SET_POSITION, params![id.0, to_i64(byte)])
    }

    /// The reading position of article `id`.
    pub fn position(&self, id: ArticleId) -> Result<Position, LibraryError> {
        let row = self
            .conn
            .prepare_cached(sql::GET_POSITION)
            .and_then(|mut s| {
                s.query_row([id.0], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
                    .optional()
            })
            .map_err(|e| self.fail(e))?;
        let (byte, len) = row.ok_or_else(|| LibraryError::NoArticle {
            path: self.path.clone(),
            id: id.0,
        })?;
        Ok(Position {
            byte: to_usize(byte),
            text_len: to_usize(len),
        })
    }

    /// Points article `id` to its notes file and records how many notes it holds and
    /// their tags (the notes stay in that file; this is an index of it).
    pub fn set_notes(
        &mut self,
        id: ArticleId,
        file: Option<&std::path::Path>,
        count: usize,
        tags: &[String],
    ) -> Result<(), LibraryError> {
        self.write(|tx| {
            let file = file.map(|f| f.to_string_lossy().into_owned());
            tx.execute(sql::SET_NOTES, params![id.0, file, to_i64(count)])?;
            tx.execute(sql::DELETE_TAGS, [id.0])?;
            let mut insert = tx.prepare_cached(sql::INSERT_TAG)?;
            for tag in tags {
                insert.execute(params![id.0, tag])?;
            }
            Ok(())
        })
    }

    /// Removes article `id` and everything detected in it (its notes file stays).
    /// Returns whether it was there.
    pub fn remove(&mut self, id: ArticleId) -> Result<bool, LibraryError> {
        self.write(|tx| {
            let touched = remove_annotations(tx, id.0)?;
            tx.execute(sql::FTS_DELETE, [id.0])?;
            let removed = tx.execute(sql::DELETE_ARTICLE, [id.0])? > 0;
            sweep(tx, &touched)?;
            Ok(removed)
        })
    }

    /// Runs one statement that returns no rows.
    fn execute(&self, sql: &str, params: impl rusqlite::Params) -> Result<(), LibraryError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| s.execute(params))
            .map(|_| ())
            .map_err(|e| self.fail(e))
    }
}

fn find(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Option<Found>> {
    conn.prepare_cached(sql)?
        .query_row(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()
}

/// The article's row: found by text, found by source and updated, or inserted.
fn upsert(
    tx: &Transaction<'_>,
    source: &SourceRef,
    article: &Article,
    hash: &str,
) -> rusqlite::Result<(i64, RecordStatus, i64, bool)> {
    if let Some((id, _, position, annotated)) = find(tx, sql::ARTICLE_BY_HASH, params![hash])? {
        return Ok((id, RecordStatus::AlreadyThere, position, annotated));
    }
    let (kind, value) = source.parts();
    let meta = &article.meta;
    let title_key = title_key(article, source);
    let date = meta.date.map(|d| d.to_string()).unwrap_or_default();
    let len = to_i64(article.text.len());
    if kind != "stdin"
        && let Some((id, ..)) = find(tx, sql::ARTICLE_BY_SOURCE, params![value, kind])?
    {
        tx.execute(sql::FTS_DELETE, [id])?;
        let touched = remove_annotations(tx, id)?;
        sweep(tx, &touched)?;
        tx.prepare_cached(sql::UPDATE_ARTICLE_TEXT)?
            .execute(params![
                id,
                hash,
                meta.title,
                title_key,
                meta.author,
                meta.source,
                meta.url,
                date,
                article.text,
                len
            ])?;
        tx.execute(sql::FTS_INSERT, [id])?;
        let position: i64 = tx.query_row(sql::GET_POSITION, [id], |r| r.get(0))?;
        return Ok((id, RecordStatus::Updated, position, false));
    }
    let now = Timestamp::now().as_second();
    tx.prepare_cached(sql::INSERT_ARTICLE)?.execute(params![
        hash,
        kind,
        value,
        meta.title,
        title_key,
        meta.author,
        meta.source,
        meta.url,
        date,
        article.text,
        len,
        now,
        Option::<i64>::None
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached(sql::FTS_INSERT)?.execute([id])?;
    Ok((id, RecordStatus::Added, 0, false))
}

/// What the title sort compares: the title (else the source's name), lowercased.
fn title_key(article: &Article, source: &SourceRef) -> String {
    let label = match (&article.meta.title, source) {
        (Some(t), _) if !t.trim().is_empty() => t.clone(),
        (_, SourceRef::Path(p)) => p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        (_, SourceRef::Url(u)) => u.clone(),
        (_, SourceRef::Stdin) => String::new(),
    };
    label.trim().to_lowercase()
}
