//! Schema.org metadata from `<script type="application/ld+json">`: the first object whose
//! `@type` is an article kind (looking into arrays and `@graph`) gives a headline, the
//! author names, the publisher's name and `datePublished`. Parsed with serde_json; a
//! script that is not valid JSON is skipped.

use serde_json::Value;

/// What JSON-LD says about the article.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct LinkedData {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// Schema.org types of articles (Readability's list).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "DiscussionForumPosting",
    "LiveBlogPosting",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "TechArticle",
];

/// The article object of the first script (of `scripts`) that has one.
pub(crate) fn parse<'a>(scripts: impl IntoIterator<Item = &'a str>) -> Option<LinkedData> {
    scripts.into_iter().find_map(|s| {
        // Some pages wrap the JSON in a CDATA section or an HTML comment.
        let s = s
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let value: Value = serde_json::from_str(s.trim()).ok()?;
        find_article(&value).map(read)
    })
}

fn find_article(value: &Value) -> Option<&Value> {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if is_article(map.get("@type")) {
                    return Some(v);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_article(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(types)) => types.iter().any(|t| is_article(Some(t))),
        _ => false,
    }
}

fn read(article: &Value) -> LinkedData {
    let text = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    LinkedData {
        headline: text("headline"),
        name: text("name"),
        authors: article.get("author").and_then(names),
        publisher: article
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        published: text("datePublished"),
        language: text("inLanguage"),
    }
}

/// An author value as names: a string, an object's `name`, or a list joined by ", ".
fn names(author: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    let list: Vec<String> = match author {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.is_empty()).collect();
    (!list.is_empty()).then(|| list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_object_is_found_in_a_graph() {
        let script = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"A headline","datePublished":"2021-03-04T05:06:07Z",
             "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],
             "publisher":{"name":"The Daily"}}]}"#;
        let ld = parse(["not json", script]).unwrap_or_default();
        assert_eq!(ld.headline.as_deref(), Some("A headline"));
        assert_eq!(ld.authors.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(ld.publisher.as_deref(), Some("The Daily"));
        assert_eq!(ld.published.as_deref(), Some("2021-03-04T05:06:07Z"));
        assert_eq!(parse([r#"{"@type":"WebPage","name":"x"}"#]), None);
    }
}
