//! [`Corrector`]: the detectors' output corrected outside the reader — where the articles'
//! corrections are kept, and the lexicon. `gloss annotate`, `gloss corrections` and the
//! library's index (recording an opened article, `gloss library add`) all go through it, so
//! what they write is what the reader shows.

use std::path::Path;
use std::sync::OnceLock;

use super::apply::apply;
use super::book::CorrectionBook;
use super::file;
use super::index::FileIndex;
use super::lexicon::Lexicon;
use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::detect::detect_article;
use crate::notes::{ArticleIdentity, NotesLocation, StoreError};

/// Where to find each article's corrections, and the lexicon. The default corrects
/// nothing: the detectors' output as it is.
#[derive(Debug, Clone, Default)]
pub struct Corrector {
    /// The articles' notes location (their corrections are kept beside it); `None`:
    /// nowhere to look, the lexicon still applies.
    location: Option<NotesLocation>,
    lexicon: Lexicon,
    /// The corrections directory's files, read at the first article (a directory
    /// location only).
    index: OnceLock<FileIndex>,
}

/// What [`Corrector::correct`] found.
#[derive(Debug, Default)]
pub struct Corrected {
    /// The article's corrections, when there is a place for them.
    pub book: Option<CorrectionBook>,
    /// A problem with the corrections file (read-only, or not found), in one line.
    pub problem: Option<String>,
}

impl Corrector {
    pub fn new(location: Option<NotesLocation>, lexicon: Lexicon) -> Corrector {
        Corrector {
            location,
            lexicon,
            index: OnceLock::new(),
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Applies the lexicon and the corrections of `article` (whose file, `None` for
    /// standard input, a URL or the sample, helps find them) to `set`, its annotations.
    pub fn correct(
        &self,
        article: &Article,
        file: Option<&Path>,
        set: &mut AnnotationSet,
    ) -> Corrected {
        match self.open(article, file) {
            Some(Ok((mut book, problem))) => {
                book.apply(set, &article.text, &self.lexicon);
                Corrected {
                    book: Some(book),
                    problem: problem.map(|p| p.to_string()),
                }
            }
            Some(Err(e)) => {
                apply(set, &article.text, &[], &self.lexicon);
                Corrected {
                    book: None,
                    problem: Some(format!("{e}; no corrections applied")),
                }
            }
            None => {
                apply(set, &article.text, &[], &self.lexicon);
                Corrected::default()
            }
        }
    }

    /// The corrections of `article`: `None` when there is nowhere to look, or, in a
    /// corrections directory, no file of its own.
    fn open(
        &self,
        article: &Article,
        file: Option<&Path>,
    ) -> Option<Result<(CorrectionBook, Option<StoreError>), StoreError>> {
        let location = self.location.as_ref()?;
        let identity = ArticleIdentity::new(&article.text, file);
        let title = article.meta.title.clone();
        let NotesLocation::Directory(dir) = file::location(location) else {
            return Some(CorrectionBook::open(location, identity, title));
        };
        let index = self.index.get_or_init(|| FileIndex::read(&dir));
        let found = index.find(&identity.text_hash, identity.path.as_deref())?;
        Some(CorrectionBook::open_file(found, identity, title))
    }

    /// The annotations of `article` as the reader shows them: detected, then corrected.
    /// A problem with its corrections file is left for the reader to say.
    pub fn annotate(&self, article: &Article, file: Option<&Path>) -> AnnotationSet {
        let mut set = detect_article(article);
        self.correct(article, file, &mut set);
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationKind, EntityLabel};
    use crate::corrections::Entry;
    use crate::corrections::apply::tests::{TEXT, fix};
    use crate::corrections::model::Change;

    fn article() -> Article {
        Article {
            text: TEXT.to_owned(),
            ..Article::default()
        }
    }

    fn label_of(set: &AnnotationSet, words: &str) -> Option<EntityLabel> {
        set.items().iter().find_map(|a| match a.kind {
            AnnotationKind::Entity { label, .. } if &TEXT[a.span.clone()] == words => Some(label),
            _ => None,
        })
    }

    #[test]
    fn the_default_corrects_nothing() {
        let article = article();
        assert_eq!(
            Corrector::default().annotate(&article, None),
            detect_article(&article)
        );
    }

    #[test]
    fn the_articles_corrections_and_the_lexicon_are_applied() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notes = NotesLocation::Directory(dir.path().join("notes"));
        let identity = ArticleIdentity::new(TEXT, None);
        let (mut book, _) = CorrectionBook::open(&notes, identity, None).expect("open");
        book.add(fix(TEXT, "Baghdad", Change::NotEntity));
        book.save().expect("save");
        let mut lexicon = Lexicon::default();
        lexicon.insert(Entry::Kind("Iraqis".into(), EntityLabel::Org));
        let set = Corrector::new(Some(notes), lexicon).annotate(&article(), None);
        assert_eq!(label_of(&set, "Baghdad"), None);
        assert_eq!(label_of(&set, "Iraqis"), Some(EntityLabel::Org));
        assert!(label_of(&detect_article(&article()), "Baghdad").is_some());
    }
}
