//! Detection: runs the entity, date and quote detectors over an article's text and gathers
//! their findings into one [`AnnotationSet`].
//!
//! Each detector is pure (text in, byte-range annotations out) and knows nothing of any
//! particular article. Quotes run after entities so speakers can be linked to entity groups.

pub mod dates;
pub mod entities;
pub mod quotes;

use jiff::civil::Date;

use crate::annotation::AnnotationSet;
use crate::article::Article;

/// Runs every detector over `text`, resolving relative dates against `date`.
pub fn detect(text: &str, date: Option<Date>) -> AnnotationSet {
    let (mut items, groups) = entities::detect(text);
    let quotes = quotes::detect(text, &items, &groups);
    items.extend(dates::detect(text, date));
    items.extend(quotes);
    AnnotationSet::new(items, groups)
}

/// Runs every detector over an article, using its publication date.
pub fn detect_article(article: &Article) -> AnnotationSet {
    detect(&article.text, article.meta.date)
}
