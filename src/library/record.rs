//! Writing to the library: recording an article (new, edited, or already there), storing
//! what was detected in it, joining its entity groups to library-wide entities, tags and
//! notes counts, the reading position, and removal. Each public call is one transaction.

use std::collections::HashMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::model::{ArticleId, Position, RecordStatus, Recorded, SourceRef};
use super::{Library, LibraryError, names, sql, to_i64, to_usize};
use crate::annotation::{AnnotationKind, AnnotationSet, EntityGroup};
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

/// Takes away what article `id` contributed to entity counts, then its groups, quotes
/// and dates. Returns the entities it touched, for the caller to [`sweep`] once its own
/// writes are done (an entity the article names again keeps its id).
fn remove_annotations(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Vec<i64>> {
    let totals: Vec<(i64, i64)> = tx
        .prepare_cached(sql::ARTICLE_ENTITY_TOTALS)?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut counts = tx.prepare_cached(sql::ENTITY_COUNTS)?;
    for &(entity, mentions) in &totals {
        counts.execute(params![entity, -1, -mentions])?;
    }
    tx.execute(sql::DELETE_ARTICLE_ENTITIES, [id])?;
    tx.execute(sql::DELETE_QUOTES, [id])?;
    tx.execute(sql::DELETE_DATES, [id])?;
    Ok(totals.into_iter().map(|(entity, _)| entity).collect())
}

/// Removes those of `entities` that no article mentions any more.
fn sweep(tx: &Transaction<'_>, entities: &[i64]) -> rusqlite::Result<()> {
    let mut delete = tx.prepare_cached(sql::DELETE_IF_UNUSED)?;
    for entity in entities {
        delete.execute([entity])?;
    }
    Ok(())
}

/// Stores the entity groups (joined to library entities), quotes and dates of article `id`.
fn store_annotations(
    tx: &Transaction<'_>,
    id: i64,
    article: &Article,
    set: &AnnotationSet,
) -> rusqlite::Result<()> {
    let touched = remove_annotations(tx, id)?;
    let date = article.meta.date.map(|d| d.to_string()).unwrap_or_default();
    let mentions = mentions_by_group(set);
    let mut entity_of_group = HashMap::new();
    let mut per_entity: HashMap<i64, i64> = HashMap::new();
    let mut insert = tx.prepare_cached(sql::INSERT_ARTICLE_ENTITY)?;
    for group in set.groups() {
        let Some(spans) = mentions.get(&group.id) else {
            continue;
        };
        let entity = entity_for(tx, group)?;
        entity_of_group.insert(group.id, entity);
        let count = to_i64(spans.len() / 8);
        *per_entity.entry(entity).or_default() += count;
        let aliases = serde_json::to_string(&group.aliases).unwrap_or_else(|_| "[]".into());
        let kind = group.label.as_str();
        insert.execute(params![
            id, entity, date, group.name, kind, aliases, count, spans
        ])?;
    }
    let mut counts = tx.prepare_cached(sql::ENTITY_COUNTS)?;
    for (entity, mentions) in per_entity {
        counts.execute(params![entity, 1, mentions])?;
    }
    store_quotes_and_dates(tx, id, article, set, &entity_of_group)?;
    tx.execute(sql::MARK_ANNOTATED, [id])?;
    sweep(tx, &touched)
}

/// Each group's mentions, packed as little-endian `u32` start and end pairs.
fn mentions_by_group(set: &AnnotationSet) -> HashMap<usize, Vec<u8>> {
    let mut packed: HashMap<usize, Vec<u8>> = HashMap::new();
    for a in set.items() {
        if let AnnotationKind::Entity { group, .. } = a.kind {
            let (Ok(start), Ok(end)) = (u32::try_from(a.span.start), u32::try_from(a.span.end))
            else {
                continue;
            };
            let blob = packed.entry(group).or_default();
            blob.extend_from_slice(&start.to_le_bytes());
            blob.extend_from_slice(&end.to_le_bytes());
        }
    }
    packed
}

fn store_quotes_and_dates(
    tx: &Transaction<'_>,
    id: i64,
    article: &Article,
    set: &AnnotationSet,
    entity_of_group: &HashMap<usize, i64>,
) -> rusqlite::Result<()> {
    let mut quote = tx.prepare_cached(sql::INSERT_QUOTE)?;
    let mut date = tx.prepare_cached(sql::INSERT_DATE)?;
    for a in set.items() {
        let (start, end) = (to_i64(a.span.start), to_i64(a.span.end));
        match &a.kind {
            AnnotationKind::Quote(info) => {
                let entity = info.speaker_group.and_then(|g| entity_of_group.get(&g));
                let key = info.speaker.as_deref().map(names::key);
                let text = article.text.get(a.span.clone()).unwrap_or_default();
                quote.execute(params![id, entity, info.speaker, key, start, end, text])?;
            }
            AnnotationKind::Date(info) => {
                date.execute(params![id, start, end, info.value])?;
            }
            AnnotationKind::Entity { .. } => {}
        }
    }
    Ok(())
}

/// The library entity a group of one article belongs to: the entity named like it (or
/// having its name as an alias), else one whose name is among its aliases (which then
/// takes the group's fuller name), else a new one. All of the group's names become
/// aliases of the entity, so later articles naming it either way meet it.
fn entity_for(tx: &Transaction<'_>, group: &EntityGroup) -> rusqlite::Result<i64> {
    let kind = group.label.as_str();
    let key = names::key(&group.name);
    let alias_keys: Vec<String> = group
        .aliases
        .iter()
        .map(|a| names::key(a))
        .filter(|k| !k.is_empty() && *k != key)
        .collect();
    let mut lookup = tx.prepare_cached(sql::ENTITIES_BY_KEY)?;
    let mut first = |k: &str, exact_only: bool| -> rusqlite::Result<Option<i64>> {
        lookup
            .query_row(params![k, kind, 1], |r| {
                Ok((r.get(0)?, r.get::<_, bool>(5)?))
            })
            .optional()
            .map(|found| {
                found
                    .filter(|(_, exact)| *exact || !exact_only)
                    .map(|(id, _)| id)
            })
    };
    let mut entity = first(&key, false)?;
    if entity.is_none() {
        for alias in &alias_keys {
            if let Some(found) = first(alias, true)? {
                tx.prepare_cached(sql::RENAME_ENTITY)?
                    .execute(params![found, group.name, key])?;
                entity = Some(found);
                break;
            }
        }
    }
    let entity = match entity {
        Some(id) => id,
        None => {
            tx.prepare_cached(sql::INSERT_ENTITY)?
                .execute(params![group.name, key, kind])?;
            tx.last_insert_rowid()
        }
    };
    let mut alias = tx.prepare_cached(sql::INSERT_ALIAS)?;
    for k in std::iter::once(&key).chain(&alias_keys) {
        alias.execute(params![k, entity])?;
    }
    Ok(entity)
}
