//! Reading the library's entities: the index (most articles first), the entities a name
//! means, an entity's articles newest first with each mention in its sentence, its
//! timeline, one article's entities, and quotes by a speaker. Keyset paging throughout.

use rusqlite::{OptionalExtension, Row, params};

use super::context::{WINDOW, mention_context};
use super::model::{
    ArticleEntity, ArticleId, Cursor, EntityArticle, EntityId, EntitySummary, MentionContext,
    MonthCount, Page, QuoteHit, label_from_str,
};
use super::search::non_empty;
use super::{Library, LibraryError, names, sql, to_i64, to_usize};
use crate::annotation::EntityLabel;

impl Library {
    /// The entity index: entities in the most articles first, optionally of one kind.
    pub fn entities(
        &self,
        kind: Option<EntityLabel>,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page<EntitySummary>, LibraryError> {
        let (count, id) = after.map_or((i64::MAX, 0), |c| (c.number, c.id));
        let kind = kind.map(EntityLabel::as_str);
        let run = || -> rusqlite::Result<Vec<EntitySummary>> {
            let mut stmt = self.conn.prepare_cached(sql::ENTITY_PAGE)?;
            let rows = stmt.query_map(params![count, id, kind, to_i64(limit)], entity_row)?;
            rows.collect()
        };
        let items = run().map_err(|e| self.fail(e))?;
        let next = (items.len() == limit)
            .then(|| items.last())
            .flatten()
            .map(|last| Cursor {
                text: String::new(),
                number: to_i64(last.article_count),
                id: last.id.0,
            });
        Ok(Page { items, next })
    }

    /// The entities a name means (its own name or an alias, compared by
    /// [`names::key`]): the one so named first, then by number of articles.
    pub fn find_entities(
        &self,
        name: &str,
        kind: Option<EntityLabel>,
        limit: usize,
    ) -> Result<Vec<EntitySummary>, LibraryError> {
        let key = names::key(name);
        let kind = kind.map(EntityLabel::as_str);
        let run = || -> rusqlite::Result<Vec<EntitySummary>> {
            let mut stmt = self.conn.prepare_cached(sql::ENTITIES_BY_KEY)?;
            let rows = stmt.query_map(params![key, kind, to_i64(limit)], entity_row)?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }

    /// One entity, and every name it is known by (as keys).
    pub fn entity(&self, id: EntityId) -> Result<(EntitySummary, Vec<String>), LibraryError> {
        let run = || -> rusqlite::Result<Option<(EntitySummary, Vec<String>)>> {
            let Some(found) = self
                .conn
                .prepare_cached(sql::ENTITY_BY_ID)?
                .query_row([id.0], entity_row)
                .optional()?
            else {
                return Ok(None);
            };
            let mut stmt = self.conn.prepare_cached(sql::ENTITY_ALIASES)?;
            let aliases = stmt
                .query_map([id.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Some((found, aliases)))
        };
        run()
            .map_err(|e| self.fail(e))?
            .ok_or_else(|| LibraryError::Sqlite {
                path: self.path.clone(),
                reason: format!("no entity {} in the library", id.0),
            })
    }

    /// The articles that mention entity `id`, newest first, each with its first
    /// `per_article` mentions in their sentences.
    pub fn entity_articles(
        &self,
        id: EntityId,
        after: Option<&Cursor>,
        limit: usize,
        per_article: usize,
    ) -> Result<Page<EntityArticle>, LibraryError> {
        let (date, article) = after.map_or(("\u{10FFFF}".to_owned(), i64::MAX), |c| {
            (c.text.clone(), c.id)
        });
        let run = || -> rusqlite::Result<Vec<(EntityArticle, Vec<u8>)>> {
            let mut stmt = self.conn.prepare_cached(sql::ENTITY_ARTICLES)?;
            let rows = stmt.query_map(params![id.0, date, article, to_i64(limit)], |r| {
                let found = EntityArticle {
                    article: ArticleId(r.get(0)?),
                    title: r.get(1)?,
                    source: r.get(2)?,
                    site: r.get(3)?,
                    pub_date: r.get::<_, String>(4).map(non_empty)?,
                    mention_count: to_usize(r.get(5)?),
                    mentions: Vec::new(),
                };
                Ok((found, r.get(6)?))
            })?;
            rows.collect()
        };
        let rows = run().map_err(|e| self.fail(e))?;
        let mut items = Vec::with_capacity(rows.len());
        for (mut found, blob) in rows {
            found.mentions = self.contexts(found.article, &blob, per_article)?;
            items.push(found);
        }
        let next = (items.len() == limit)
            .then(|| items.last())
            .flatten()
            .map(|last| Cursor {
                text: last.pub_date.clone().unwrap_or_default(),
                number: 0,
                id: last.article.0,
            });
        Ok(Page { items, next })
    }

    /// The first `n` mentions packed in `blob`, each in its sentence.
    fn contexts(
        &self,
        article: ArticleId,
        blob: &[u8],
        n: usize,
    ) -> Result<Vec<MentionContext>, LibraryError> {
        let mut out = Vec::new();
        for pair in blob.chunks_exact(8).take(n) {
            let (start, end) = pair.split_at(4);
            let word = |b: &[u8]| b.try_into().map(u32::from_le_bytes).unwrap_or(0) as usize;
            let span = word(start)..word(end);
            let from = span.start.saturating_sub(WINDOW);
            let window = self.text_window(article, from, span.end + WINDOW - from)?;
            out.push(mention_context(&window, from, span));
        }
        Ok(out)
    }

    /// How many articles mention entity `id`, month by month (undated ones first).
    pub fn entity_timeline(&self, id: EntityId) -> Result<Vec<MonthCount>, LibraryError> {
        let run = || -> rusqlite::Result<Vec<MonthCount>> {
            let mut stmt = self.conn.prepare_cached(sql::ENTITY_TIMELINE)?;
            let rows = stmt.query_map([id.0], |r| {
                Ok(MonthCount {
                    month: r.get::<_, String>(0).map(non_empty)?,
                    articles: to_usize(r.get(1)?),
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }

    /// The entities of article `id` with their library-wide counts, most mentioned first
    /// (the reader's "elsewhere in your library").
    pub fn article_entities(&self, id: ArticleId) -> Result<Vec<ArticleEntity>, LibraryError> {
        let run = || -> rusqlite::Result<Vec<ArticleEntity>> {
            let mut stmt = self.conn.prepare_cached(sql::ARTICLE_ENTITIES)?;
            let rows = stmt.query_map([id.0], |r| {
                Ok(ArticleEntity {
                    entity: EntityId(r.get(0)?),
                    name: r.get(1)?,
                    kind: label_from_str(&r.get::<_, String>(2)?),
                    mention_count: to_usize(r.get(3)?),
                    article_count: to_usize(r.get(4)?),
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }

    /// Quotes said by `speaker` (the entities that name means, or a speaker so named
    /// who is no detected entity), most recently recorded first.
    pub fn quotes_by(
        &self,
        speaker: &str,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page<QuoteHit>, LibraryError> {
        let entities: Vec<i64> = self
            .find_entities(speaker, Some(EntityLabel::Person), 16)?
            .iter()
            .map(|e| e.id.0)
            .collect();
        self.quotes_of(&entities, &names::key(speaker), after, limit)
    }

    /// Quotes by entity `id` (and by speakers so named).
    pub fn quotes_of_entity(
        &self,
        id: EntityId,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page<QuoteHit>, LibraryError> {
        let (entity, _) = self.entity(id)?;
        self.quotes_of(&[id.0], &names::key(&entity.name), after, limit)
    }

    /// The newest `limit` quotes of `entities` or of speakers keyed `key`, below the
    /// cursor: the newest ids of each (one index range apiece) merged, then those read.
    fn quotes_of(
        &self,
        entities: &[i64],
        key: &str,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page<QuoteHit>, LibraryError> {
        let below = after.map_or(i64::MAX, |c| c.id);
        let run = || -> rusqlite::Result<Vec<(i64, QuoteHit)>> {
            let mut ids: Vec<i64> = Vec::new();
            let mut by_entity = self.conn.prepare_cached(sql::QUOTE_IDS_BY_ENTITY)?;
            for entity in entities {
                let rows =
                    by_entity.query_map(params![entity, below, to_i64(limit)], |r| r.get(0))?;
                ids.extend(rows.collect::<rusqlite::Result<Vec<i64>>>()?);
            }
            let mut by_speaker = self.conn.prepare_cached(sql::QUOTE_IDS_BY_SPEAKER)?;
            let rows = by_speaker.query_map(params![key, below, to_i64(limit)], |r| r.get(0))?;
            ids.extend(rows.collect::<rusqlite::Result<Vec<i64>>>()?);
            ids.sort_unstable_by(|a, b| b.cmp(a));
            ids.dedup();
            ids.truncate(limit);
            let mut one = self.conn.prepare_cached(sql::QUOTE_BY_ID)?;
            ids.iter()
                .map(|id| one.query_row([id], |r| Ok((r.get(0)?, quote_hit(r)?))))
                .collect()
        };
        let rows = run().map_err(|e| self.fail(e))?;
        let next = (rows.len() == limit)
            .then(|| rows.last())
            .flatten()
            .map(|(id, _)| Cursor {
                text: String::new(),
                number: 0,
                id: *id,
            });
        let items = rows.into_iter().map(|(_, hit)| hit).collect();
        Ok(Page { items, next })
    }
}

fn quote_hit(r: &Row<'_>) -> rusqlite::Result<QuoteHit> {
    Ok(QuoteHit {
        article: ArticleId(r.get(1)?),
        title: r.get(2)?,
        pub_date: r.get::<_, String>(3).map(non_empty)?,
        speaker: r.get(4)?,
        span: to_usize(r.get(5)?)..to_usize(r.get(6)?),
        text: r.get(7)?,
    })
}

fn entity_row(r: &Row<'_>) -> rusqlite::Result<EntitySummary> {
    Ok(EntitySummary {
        id: EntityId(r.get(0)?),
        name: r.get(1)?,
        kind: label_from_str(&r.get::<_, String>(2)?),
        article_count: to_usize(r.get(3)?),
        mention_count: to_usize(r.get(4)?),
    })
}
