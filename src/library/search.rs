//! Full-text search over every article (FTS5, ranked by bm25 with the title weighing ten
//! times the body), returning a snippet around the best match with the matched words as
//! byte ranges, so the reader can highlight them.

use std::ops::Range;

use rusqlite::params;

use super::fts_query::fts_query;
use super::model::{ArticleId, SearchHit};
use super::{Library, LibraryError, sql, to_i64};

/// Marks FTS5 puts around a matched word in a snippet: control characters that ingest
/// never keeps in an article's text.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

impl Library {
    /// The articles matching every word of `query`, best first: `limit` hits from
    /// `offset` (a search result is read a screen at a time; the ranking needs every
    /// match scored, so it pages by offset). Any text is a valid query.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<SearchHit>, LibraryError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let run = || -> rusqlite::Result<Vec<SearchHit>> {
            let mut stmt = self.conn.prepare_cached(sql::SEARCH)?;
            let rows = stmt.query_map(
                params![
                    fts,
                    OPEN.to_string(),
                    CLOSE.to_string(),
                    to_i64(limit),
                    to_i64(offset)
                ],
                |r| {
                    let snip: String = r.get(5)?;
                    let (snippet, highlights) = marked(&snip);
                    Ok(SearchHit {
                        id: ArticleId(r.get(0)?),
                        title: r.get(1)?,
                        source: r.get(2)?,
                        site: r.get(3)?,
                        pub_date: r.get::<_, String>(4).map(non_empty)?,
                        snippet,
                        highlights,
                    })
                },
            )?;
            rows.collect()
        };
        run().map_err(|e| self.fail(e))
    }
}

/// `''` (how an unknown date is stored) as `None`.
pub(super) fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// The snippet without its marks, and the byte ranges the marks enclosed.
fn marked(snippet: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(snippet.len());
    let mut ranges = Vec::new();
    let mut open = None;
    for c in snippet.chars() {
        match c {
            OPEN => open = Some(text.len()),
            CLOSE => ranges.extend(open.take().map(|start| start..text.len())),
            c => text.push(c),
        }
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_ranges() {
        let (text, ranges) = marked("…the \u{2}mayor\u{3} said \u{2}Zoë\u{3}");
        assert_eq!(text, "…the mayor said Zoë");
        let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["mayor", "Zoë"]);
    }
}
