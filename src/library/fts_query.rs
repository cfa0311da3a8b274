//! The user's search words as an FTS5 query that can never be a syntax error: every word
//! becomes a quoted string (`"said"`, with `"` doubled inside), so `AND`, `NEAR`, `*`,
//! `-`, `:` or a stray quote are searched for as text, never read as operators. Words
//! are joined with spaces (FTS5's implicit AND): an article must contain all of them.

/// The FTS5 query for `input`, or `None` when it has no word to search for. Control
/// characters separate words: a NUL inside a quoted string ends the query where SQLite
/// reads it (an "unterminated string", found by the `library_search` fuzz target), and no
/// article's text keeps them.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        // A word of punctuation alone tokenises to nothing: searching for it finds nothing.
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    match terms.is_empty() {
        true => None,
        false => Some(terms.join(" ")),
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn operators_and_quotes_are_searched_as_text() {
        assert_eq!(fts_query("Merkel said"), Some("\"Merkel\" \"said\"".into()));
        assert_eq!(fts_query("a\"b OR"), Some("\"a\"\"b\" \"OR\"".into()));
        assert_eq!(fts_query("  ** -- \" "), None);
        assert_eq!(fts_query(""), None);
        assert_eq!(
            fts_query("café\0x ^title:y"),
            Some("\"café\" \"x\" \"^title:y\"".into())
        );
    }
}
