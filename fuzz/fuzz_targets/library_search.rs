//! The library's queries fed what a user types: the full-text search (`/` in the library
//! view, `gloss library search`), the entity lookup (`gloss library entities NAME`) and the
//! quotes by a speaker (`gloss library quotes --speaker NAME`), over a real SQLite library
//! in a temporary directory holding two annotated articles. Checks: any text is a valid
//! query (never an SQL or FTS5 syntax error, never a panic); every highlight a search hit
//! carries is a range of its snippet on character boundaries; and a word taken from an
//! article, searched alone, finds that article.
#![no_main]

use std::path::PathBuf;

use gloss::article::{Article, Meta};
use gloss::detect::detect_article;
use gloss::library::{Library, SourceRef};
use libfuzzer_sys::fuzz_target;

const ARTICLES: [&str; 2] = [
    "Donald Trump spoke in Washington on Monday. \"We will leave,\" Donald Trump said. \
     The Department of National Defense in Ottawa said the mission would go on.",
    "Ana Ruiz, the mayor of Kelvin Harbour, said on Tuesday that the night ferries return. \
     \"A city by the water should not stop at nine,\" Ruiz said. Norvale Lines will hire crew.",
];

/// The library, opened once per fuzzing process in a directory named by its id.
fn fixture() -> Library {
    let dir = std::env::temp_dir().join(format!("gloss-fuzz-library-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut library = Library::open(&dir.join("library.db")).expect("a new library opens");
    for (i, text) in ARTICLES.iter().enumerate() {
        let article = Article::from_verbatim(text.to_string(), Meta::default());
        let set = detect_article(&article);
        let source = SourceRef::Path(PathBuf::from(format!("/articles/{i}.txt")));
        library
            .record(&source, &article, Some(&set), None)
            .expect("recorded");
    }
    library
}

thread_local! {
    static LIBRARY: Library = fixture();
}

fuzz_target!(|data: &[u8]| {
    LIBRARY.with(|library| check(library, data));
});

fn check(library: &Library, data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let hits = library
        .search(&query, 5, 0)
        .unwrap_or_else(|e| panic!("search {query:?}: {e}"));
    for hit in &hits {
        for range in &hit.highlights {
            assert!(hit.snippet.get(range.clone()).is_some(), "{range:?} in {:?}", hit.snippet);
        }
    }
    library
        .find_entities(&query, None, 5)
        .unwrap_or_else(|e| panic!("entities {query:?}: {e}"));
    library
        .quotes_by(&query, None, 5)
        .unwrap_or_else(|e| panic!("quotes by {query:?}: {e}"));
    // A word of an article, searched alone, finds it.
    if let Some(n) = data.first() {
        let words: Vec<&str> = ARTICLES
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.len() > 3)
            .collect();
        let word = words[usize::from(*n) % words.len()];
        let found = library.search(word, 5, 0).expect("a plain word is a valid query");
        assert!(!found.is_empty(), "{word:?} found nothing");
    }
}
