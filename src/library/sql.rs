//! Every SQL statement of the library, in one place: the schema (one step per version,
//! applied by [`super::schema`]) and the queries the other files run. Keeping them
//! together makes the indexes easy to check against the queries that need them.
//!
//! Decisions:
//! - Article text is stored once, in `article`; the FTS5 index is an external-content
//!   table over it (`content='article'`), so the text is not stored twice.
//! - A library-wide `entity` row joins the same person, organisation or place across
//!   articles; each article's own group (`article_entity`) points to one. Names and aliases
//!   are matched through `entity_alias` by a normalised key ([`super::names::key`]).
//! - `article_entity` carries the article's publication date so an entity's articles are
//!   read newest first straight from one index, a page at a time (keyset paging).
//! - Mentions are a packed blob per group (pairs of little-endian `u32` start and end),
//!   since they are always read together: a news article has hundreds, a book chapter
//!   thousands, and one row each would triple the database.

/// Schema steps: `STEPS[n]` brings a database from version `n` to `n + 1`.
pub const STEPS: &[&str] = &[V1];

const V1: &str = "
CREATE TABLE article (
    id INTEGER PRIMARY KEY,
    text_hash TEXT NOT NULL UNIQUE,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('path', 'url', 'stdin')),
    source TEXT,
    title TEXT,
    title_key TEXT NOT NULL,
    byline TEXT,
    site TEXT,
    url TEXT,
    pub_date TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    text_len INTEGER NOT NULL,
    added INTEGER NOT NULL,
    first_opened INTEGER,
    last_opened INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    notes_file TEXT,
    notes_count INTEGER NOT NULL DEFAULT 0,
    annotated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_source ON article (source) WHERE source IS NOT NULL;
CREATE INDEX article_by_last_opened ON article (last_opened DESC, id DESC);
CREATE INDEX article_by_date ON article (pub_date DESC, id DESC);
CREATE INDEX article_by_title ON article (title_key, id);

CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, text, content = 'article', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE tag (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX tag_by_name ON tag (tag);

CREATE TABLE entity (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0,
    mention_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entity_by_key ON entity (key);
CREATE INDEX entity_by_articles ON entity (article_count DESC, id);

CREATE TABLE entity_alias (
    key TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_alias_by_entity ON entity_alias (entity_id);

CREATE TABLE article_entity (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entity (id),
    pub_date TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    mentions BLOB NOT NULL
);
CREATE INDEX article_entity_by_entity ON article_entity (entity_id, pub_date DESC, article_id DESC);
CREATE INDEX article_entity_by_article ON article_entity (article_id);

CREATE TABLE quote (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id INTEGER REFERENCES entity (id),
    speaker TEXT,
    speaker_key TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX quote_by_article ON quote (article_id);
CREATE INDEX quote_by_entity ON quote (entity_id, id DESC) WHERE entity_id IS NOT NULL;
CREATE INDEX quote_by_speaker ON quote (speaker_key, id DESC) WHERE speaker_key IS NOT NULL;

CREATE TABLE date_mention (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value TEXT,
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
";

// ---- Articles ----------------------------------------------------------------------

pub const ARTICLE_BY_HASH: &str =
    "SELECT id, text_hash, position, annotated FROM article WHERE text_hash = ?1";
pub const ARTICLE_BY_SOURCE: &str = "SELECT id, text_hash, position, annotated FROM article
    WHERE source = ?1 AND source_kind = ?2 ORDER BY last_opened DESC, id DESC LIMIT 1";
pub const INSERT_ARTICLE: &str = "INSERT INTO article (text_hash, source_kind, source, title,
    title_key, byline, site, url, pub_date, text, text_len, added, first_opened, last_opened)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, coalesce(?13, 0))";
/// A new text for a known source (the file was edited): the FTS row goes first, with
/// the old text still in place (an external-content index deletes by the old values).
pub const UPDATE_ARTICLE_TEXT: &str = "UPDATE article SET text_hash = ?2, title = ?3,
    title_key = ?4, byline = ?5, site = ?6, url = ?7, pub_date = ?8, text = ?9,
    text_len = ?10, position = min(position, ?10), annotated = 0 WHERE id = ?1";
pub const TOUCH_ARTICLE: &str = "UPDATE article SET last_opened = ?2,
    first_opened = coalesce(first_opened, ?2) WHERE id = ?1";
pub const FTS_INSERT: &str = "INSERT INTO article_fts (rowid, title, text) SELECT id, title, text FROM article WHERE id = ?1";
pub const FTS_DELETE: &str = "INSERT INTO article_fts (article_fts, rowid, title, text)
    SELECT 'delete', id, title, text FROM article WHERE id = ?1";
pub const DELETE_ARTICLE: &str = "DELETE FROM article WHERE id = ?1";
pub const SET_POSITION: &str =
    "UPDATE article SET position = min(max(?2, 0), text_len) WHERE id = ?1";
pub const GET_POSITION: &str = "SELECT position, text_len FROM article WHERE id = ?1";
pub const SET_NOTES: &str = "UPDATE article SET notes_file = ?2, notes_count = ?3 WHERE id = ?1";
pub const DELETE_TAGS: &str = "DELETE FROM tag WHERE article_id = ?1";
pub const INSERT_TAG: &str = "INSERT OR IGNORE INTO tag (article_id, tag) VALUES (?1, ?2)";
pub const ARTICLE_TAGS: &str = "SELECT tag FROM tag WHERE article_id = ?1 ORDER BY tag";
pub const ARTICLE_TEXT: &str = "SELECT text FROM article WHERE id = ?1";
pub const MARK_ANNOTATED: &str = "UPDATE article SET annotated = 1 WHERE id = ?1";
pub const COUNT_ARTICLES: &str = "SELECT count(*) FROM article";

/// The columns of an [`super::ArticleSummary`], in its reading order.
macro_rules! summary_columns {
    () => {
        "id, title, title_key, source_kind, source, byline, site, url, pub_date, text_len,
         added, first_opened, last_opened, position, notes_file, notes_count, text_hash"
    };
}

pub const ARTICLE_SUMMARY: &str =
    concat!("SELECT ", summary_columns!(), " FROM article WHERE id = ?1");
/// A page by last read (never-opened articles last, newest added first among them).
pub const PAGE_BY_LAST_OPENED: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE (last_opened, id) < (?1, ?2)
     ORDER BY last_opened DESC, id DESC LIMIT ?3"
);
/// A page by publication date, newest first; undated articles last.
pub const PAGE_BY_DATE: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE (pub_date, id) < (?1, ?2) ORDER BY pub_date DESC, id DESC LIMIT ?3"
);
/// A page by title, A to Z.
pub const PAGE_BY_TITLE: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE (title_key, id) > (?1, ?2) ORDER BY title_key, id LIMIT ?3"
);
/// The pages before a cursor: the same orders reversed (the caller reverses the rows).
pub const PAGE_BEFORE_LAST_OPENED: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE (last_opened, id) > (?1, ?2)
     ORDER BY last_opened, id LIMIT ?3"
);
pub const PAGE_BEFORE_DATE: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE (pub_date, id) > (?1, ?2) ORDER BY pub_date, id LIMIT ?3"
);
pub const PAGE_BEFORE_TITLE: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE (title_key, id) < (?1, ?2)
     ORDER BY title_key DESC, id DESC LIMIT ?3"
);
/// Articles from a given source (a path or URL), for `gloss library remove`.
pub const ARTICLES_BY_SOURCE: &str = "SELECT id FROM article WHERE source = ?1";
/// Every article with a notes file, a page at a time by id (the notes export).
pub const NOTED_ARTICLES: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM article WHERE id > ?1 ORDER BY id LIMIT ?2"
);

// ---- Full-text search -------------------------------------------------------------

/// Ranked hits: the title weighs ten times the body. The best rows are chosen first by
/// their score alone; only they are joined to their articles and get a snippet (computed
/// for every match, a snippet made "Napoleon" in 350 book chapters ten times slower).
/// `?2` and `?3` are the highlight marks, control characters no article text keeps.
pub const SEARCH: &str = "WITH best AS (
        SELECT rowid AS id, bm25(article_fts, 10.0, 1.0) AS score FROM article_fts
        WHERE article_fts MATCH ?1 ORDER BY score, rowid LIMIT ?4 OFFSET ?5
    )
    SELECT a.id, a.title, a.source, a.site, a.pub_date,
        snippet(article_fts, 1, ?2, ?3, '…', 16)
    FROM best CROSS JOIN article_fts CROSS JOIN article a
    WHERE article_fts.rowid = best.id AND a.id = best.id AND article_fts MATCH ?1
    ORDER BY best.score, best.id";

// ---- Entities ----------------------------------------------------------------------

/// Entities a key names: by their own name first, then by an alias.
pub const ENTITIES_BY_KEY: &str = "SELECT e.id, e.name, e.kind, e.article_count, e.mention_count,
        e.key = ?1 AS exact
    FROM entity_alias al JOIN entity e ON e.id = al.entity_id
    WHERE al.key = ?1 AND (?2 IS NULL OR e.kind = ?2)
    ORDER BY exact DESC, e.article_count DESC, e.id LIMIT ?3";
pub const INSERT_ENTITY: &str = "INSERT INTO entity (name, key, kind) VALUES (?1, ?2, ?3)";
pub const RENAME_ENTITY: &str = "UPDATE entity SET name = ?2, key = ?3 WHERE id = ?1";
pub const INSERT_ALIAS: &str =
    "INSERT OR IGNORE INTO entity_alias (key, entity_id) VALUES (?1, ?2)";
pub const ENTITY_COUNTS: &str = "UPDATE entity SET article_count = article_count + ?2,
    mention_count = mention_count + ?3 WHERE id = ?1";
/// Removes entity `?1` if no article mentions it any more.
pub const DELETE_IF_UNUSED: &str = "DELETE FROM entity WHERE id = ?1 AND article_count <= 0
    AND NOT EXISTS (SELECT 1 FROM quote WHERE entity_id = ?1)";
pub const INSERT_ARTICLE_ENTITY: &str = "INSERT INTO article_entity
    (article_id, entity_id, pub_date, name, kind, aliases, mention_count, mentions)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
/// Per entity, what one article contributes (to take away before its groups go).
pub const ARTICLE_ENTITY_TOTALS: &str = "SELECT entity_id, sum(mention_count)
    FROM article_entity WHERE article_id = ?1 GROUP BY entity_id";
pub const DELETE_ARTICLE_ENTITIES: &str = "DELETE FROM article_entity WHERE article_id = ?1";
pub const DELETE_QUOTES: &str = "DELETE FROM quote WHERE article_id = ?1";
pub const DELETE_DATES: &str = "DELETE FROM date_mention WHERE article_id = ?1";
pub const INSERT_QUOTE: &str = "INSERT INTO quote
    (article_id, entity_id, speaker, speaker_key, start, end, text)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
pub const INSERT_DATE: &str =
    "INSERT OR IGNORE INTO date_mention (article_id, start, end, value) VALUES (?1, ?2, ?3, ?4)";

pub const ENTITY_BY_ID: &str =
    "SELECT id, name, kind, article_count, mention_count FROM entity WHERE id = ?1";
pub const ENTITY_ALIASES: &str = "SELECT key FROM entity_alias WHERE entity_id = ?1 ORDER BY key";
/// The index: most-mentioned-in first, a page at a time, optionally of one kind.
pub const ENTITY_PAGE: &str = "SELECT id, name, kind, article_count, mention_count FROM entity
    WHERE (article_count < ?1 OR (article_count = ?1 AND id > ?2))
        AND (?3 IS NULL OR kind = ?3) AND article_count > 0
    ORDER BY article_count DESC, id LIMIT ?4";
/// An entity's articles, newest first.
pub const ENTITY_ARTICLES: &str = "SELECT ae.article_id, a.title, a.source, a.site, a.pub_date,
        ae.mention_count, ae.mentions
    FROM article_entity ae JOIN article a ON a.id = ae.article_id
    WHERE ae.entity_id = ?1 AND (ae.pub_date, ae.article_id) < (?2, ?3)
    ORDER BY ae.pub_date DESC, ae.article_id DESC LIMIT ?4";
/// Articles per month (`YYYY-MM`, '' for undated) that mention an entity, for its chart.
pub const ENTITY_TIMELINE: &str = "SELECT substr(pub_date, 1, 7) AS month,
        count(DISTINCT article_id)
    FROM article_entity WHERE entity_id = ?1 GROUP BY month ORDER BY month";
/// The groups of one article, for the reader's side pane to find library entities.
pub const ARTICLE_ENTITIES: &str = "SELECT ae.entity_id, ae.name, ae.kind, ae.mention_count,
        e.article_count
    FROM article_entity ae JOIN entity e ON e.id = ae.entity_id
    WHERE ae.article_id = ?1 ORDER BY ae.mention_count DESC, ae.id";
/// A window of an article's text as bytes (SQLite's `substr` on a blob counts bytes).
pub const TEXT_WINDOW: &str =
    "SELECT substr(CAST(text AS BLOB), ?2 + 1, ?3) FROM article WHERE id = ?1";

// ---- Quotes ------------------------------------------------------------------------

/// The newest quotes of one entity below an id (one index range, however many it has).
pub const QUOTE_IDS_BY_ENTITY: &str =
    "SELECT id FROM quote WHERE entity_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3";
/// The newest quotes of a speaker so named below an id.
pub const QUOTE_IDS_BY_SPEAKER: &str =
    "SELECT id FROM quote WHERE speaker_key = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3";
/// One quote with its article's title and date.
pub const QUOTE_BY_ID: &str = "SELECT q.id, q.article_id, a.title, a.pub_date, q.speaker,
        q.start, q.end, q.text
    FROM quote q JOIN article a ON a.id = q.article_id WHERE q.id = ?1";
