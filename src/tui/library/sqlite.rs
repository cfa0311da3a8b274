//! The library screens' [`Shelf`] over the SQLite library ([`crate::library::Library`]):
//! each question is one of its paged queries, its rows turned into the screens' rows.

use crate::annotation::EntityLabel;
use crate::library::{
    ArticleSummary, EntityArticle, EntityId, EntitySummary, Library, QuoteHit, Sort as LibSort,
};

use super::shelf::{
    ArticleRow, EntityPage, EntityRow, Passage, RowKey, SearchHit, Shelf, ShelfResult, Sort, Toward,
};

/// Mentions shown per article on an entity's page.
const PER_ARTICLE: usize = 3;

fn sort(s: Sort) -> LibSort {
    match s {
        Sort::LastRead => LibSort::LastRead,
        Sort::Date => LibSort::Date,
        Sort::Title => LibSort::Title,
    }
}

fn article_row(a: ArticleSummary, s: Sort) -> ArticleRow {
    let progress = a
        .last_opened
        .map(|_| (a.position.fraction() * 100.0).round().clamp(0.0, 100.0) as u8);
    ArticleRow {
        id: a.id.0,
        title: a.label(),
        site: a.site.clone(),
        date: a.pub_date.clone().unwrap_or_default(),
        progress,
        notes: a.notes_count,
        key: a.cursor(sort(s)),
    }
}

fn entity_row(e: EntitySummary, key: Option<RowKey>) -> EntityRow {
    EntityRow {
        id: e.id.0,
        name: e.name,
        label: e.kind,
        articles: e.article_count,
        mentions: e.mention_count,
        key,
    }
}

/// One passage per mention the library gave, each opening its article at the mention.
fn mention_passages(a: EntityArticle) -> impl Iterator<Item = Passage> {
    let title = a.title.unwrap_or_else(|| a.source.unwrap_or_default());
    let date = a.pub_date.unwrap_or_default();
    a.mentions.into_iter().map(move |m| Passage {
        article: a.article.0,
        title: title.clone(),
        date: date.clone(),
        text: m.sentence,
        mark: Some(m.in_sentence),
        at: m.span.start,
    })
}

fn quote_passage(q: QuoteHit) -> Passage {
    Passage {
        article: q.article.0,
        title: q.title.unwrap_or_default(),
        date: q.pub_date.unwrap_or_default(),
        text: q.text.split_whitespace().collect::<Vec<_>>().join(" "),
        mark: None,
        at: q.span.start,
    }
}

impl Shelf for Library {
    fn count(&self) -> ShelfResult<usize> {
        Library::count(self).map_err(|e| e.to_string())
    }

    fn articles(
        &self,
        s: Sort,
        from: Option<&RowKey>,
        toward: Toward,
        limit: usize,
    ) -> ShelfResult<Vec<ArticleRow>> {
        let rows = match toward {
            Toward::After => Library::articles(self, sort(s), from, limit).map(|p| p.items),
            Toward::Before => self.articles_before(sort(s), from, limit),
        };
        let rows = rows.map_err(|e| e.to_string())?;
        Ok(rows.into_iter().map(|a| article_row(a, s)).collect())
    }

    fn search(&self, query: &str, offset: usize, limit: usize) -> ShelfResult<Vec<SearchHit>> {
        let hits = Library::search(self, query, limit, offset).map_err(|e| e.to_string())?;
        Ok(hits
            .into_iter()
            .map(|h| SearchHit {
                id: h.id.0,
                title: h.title.or(h.source).unwrap_or_default(),
                site: h.site,
                date: h.pub_date.unwrap_or_default(),
                // Paragraph breaks as spaces (one byte for one: the marks stay put).
                snippet: h.snippet.replace(['\n', '\r', '\t'], " "),
                marks: h.highlights,
            })
            .collect())
    }

    fn entities(&self, after: Option<&RowKey>, limit: usize) -> ShelfResult<Vec<EntityRow>> {
        let page = Library::entities(self, None, after, limit).map_err(|e| e.to_string())?;
        let last = page.items.len().saturating_sub(1);
        let mut next = page.next;
        Ok(page
            .items
            .into_iter()
            .enumerate()
            .map(|(i, e)| entity_row(e, if i == last { next.take() } else { None }))
            .collect())
    }

    fn entities_named(&self, name: &str, label: EntityLabel) -> ShelfResult<Vec<EntityRow>> {
        let found = self
            .find_entities(name, Some(label), 8)
            .map_err(|e| e.to_string())?;
        Ok(found.into_iter().map(|e| entity_row(e, None)).collect())
    }

    fn entity_page(&self, entity: i64, limit: usize) -> ShelfResult<EntityPage> {
        let id = EntityId(entity);
        let fail = |e: crate::library::LibraryError| e.to_string();
        let articles = self
            .entity_articles(id, None, limit, PER_ARTICLE)
            .map_err(fail)?;
        let mut mentions: Vec<Passage> = articles
            .items
            .into_iter()
            .flat_map(mention_passages)
            .collect();
        mentions.truncate(limit);
        let quotes = self.quotes_of_entity(id, None, limit).map_err(fail)?;
        let months = self.entity_timeline(id).map_err(fail)?;
        Ok(EntityPage {
            mentions,
            quotes: quotes.items.into_iter().map(quote_passage).collect(),
            months: months
                .into_iter()
                .filter_map(|m| Some((m.month?, m.articles as u64)))
                .collect(),
        })
    }
}
