//! Storing what was detected in an article: its entity groups joined to library-wide
//! entities (by normalised name and alias keys), their mentions, quotes and dates, and
//! taking them away again (with the entity counts) when the article changes or goes.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::{names, sql, to_i64};
use crate::annotation::{AnnotationKind, AnnotationSet, EntityGroup};
use crate::article::Article;

/// Takes away what article `id` contributed to entity counts, then its groups, quotes
/// and dates. Returns the entities it touched, for the caller to [`sweep`] once its own
/// writes are done (an entity the article names again keeps its id).
pub(super) fn remove_annotations(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Vec<i64>> {
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
pub(super) fn sweep(tx: &Transaction<'_>, entities: &[i64]) -> rusqlite::Result<()> {
    let mut delete = tx.prepare_cached(sql::DELETE_IF_UNUSED)?;
    for entity in entities {
        delete.execute([entity])?;
    }
    Ok(())
}

/// Stores the entity groups (joined to library entities), quotes and dates of article `id`.
pub(super) fn store_annotations(
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
    // The best entity under key `k`: (id, named exactly so, its name).
    let mut first = |k: &str| -> rusqlite::Result<Option<(i64, bool, String)>> {
        lookup
            .query_row(params![k, kind, 1], |r| {
                Ok((r.get(0)?, r.get(5)?, r.get(1)?))
            })
            .optional()
    };
    let mut rename = None;
    let mut entity = None;
    if let Some((id, exact, name)) = first(&key)? {
        // A dateline's "LONDON" gives way to "London" when an article writes it so.
        if exact && is_shouting(&name) && !is_shouting(&group.name) {
            rename = Some(id);
        }
        entity = Some(id);
    } else {
        for alias in &alias_keys {
            if let Some((id, true, _)) = first(alias)? {
                rename = Some(id);
                entity = Some(id);
                break;
            }
        }
    }
    if let Some(id) = rename {
        tx.prepare_cached(sql::RENAME_ENTITY)?
            .execute(params![id, group.name, key])?;
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

/// A name written in capitals only ("UNITED STATES", a dateline's "LONDON").
fn is_shouting(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}
