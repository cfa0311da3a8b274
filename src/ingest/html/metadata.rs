//! The page's own description of its article: title, byline, site name, publication
//! date, language and canonical URL, from JSON-LD first, then `<meta>` tags (Open Graph,
//! Dublin Core, Twitter, Parse.ly), then the document itself (`<title>` without the site's
//! suffix, `<time datetime>`, a date in the URL). The order is Readability's, so titles and
//! bylines match what Firefox's Reader View shows.

use std::collections::HashMap;

use jiff::civil::Date;

use super::dom::Dom;
use super::jsonld::{self, LinkedData};
use super::title;

/// Metadata found in the page; every field may be missing.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site: Option<String>,
    pub date: Option<Date>,
    pub language: Option<String>,
    pub url: Option<String>,
}

/// Reads the metadata of the whole page (before any cleaning).
pub(crate) fn read(dom: &Dom) -> PageMeta {
    let metas = meta_tags(dom);
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.get(*k))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let ld = jsonld::parse(scripts(dom)).unwrap_or_default();
    let document_title = dom
        .find("title")
        .map(|t| dom.text(t, |_| false))
        .unwrap_or_default();
    let title = ld_title(&ld, &document_title)
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| title::from_document(dom, &document_title));
    let byline = ld.authors.clone().or_else(|| {
        get(&["dc:creator", "dcterm:creator", "author", "parsely-author"])
            .or_else(|| get(&["article:author"]).filter(|a| !a.starts_with("http")))
    });
    let url = link_href(dom, "canonical").or_else(|| get(&["og:url"]));
    let date = ld
        .published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            get(&[
                "article:published_time",
                "dcterms:available",
                "dcterms:created",
                "dcterms:issued",
                "dc:date",
                "weibo:article:create_at",
                "parsely-pub-date",
                "datepublished",
                "date",
                "pubdate",
            ])
            .as_deref()
            .and_then(parse_date)
        })
        .or_else(|| time_element(dom))
        .or_else(|| url.as_deref().and_then(date_in_url));
    let language = dom
        .find("html")
        .and_then(|h| dom.element(h))
        .and_then(|e| e.attr("lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or(ld.language)
        .or_else(|| get(&["content-language", "og:locale"]));
    PageMeta {
        title,
        byline,
        site: ld.publisher.or_else(|| get(&["og:site_name"])),
        date,
        language,
        url,
    }
}

/// JSON-LD's title: `name`, unless `headline` differs and alone matches `<title>`.
fn ld_title(ld: &LinkedData, document_title: &str) -> Option<String> {
    match (&ld.name, &ld.headline) {
        (Some(name), Some(headline)) if name != headline => {
            let name_matches = title::similarity(name, document_title) > 0.75;
            let headline_matches = title::similarity(headline, document_title) > 0.75;
            Some(
                if headline_matches && !name_matches {
                    headline
                } else {
                    name
                }
                .clone(),
            )
        }
        (Some(name), _) => Some(name.clone()),
        (None, headline) => headline.clone(),
    }
}

/// `<meta>` values by normalised key (lowercase, no spaces, `.` as `:`), first one wins.
fn meta_tags(dom: &Dom) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for i in 0..dom.nodes.len() {
        let Some(e) = dom.element(i).filter(|e| e.tag() == "meta") else {
            continue;
        };
        let Some(content) = e.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            let Some(names) = e.attr(key) else { continue };
            // `property` may hold several names separated by spaces.
            for name in names.split_whitespace() {
                let name = name.to_lowercase().replace('.', ":");
                map.entry(name).or_insert_with(|| content.to_string());
            }
        }
    }
    map
}

fn scripts(dom: &Dom) -> Vec<&str> {
    (0..dom.nodes.len())
        .filter(|&i| {
            dom.element(i).is_some_and(|e| {
                e.tag() == "script"
                    && e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            })
        })
        .filter_map(|i| dom.nodes[i].children.first())
        .filter_map(|&c| match &dom.nodes[c].data {
            super::dom::Data::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

fn link_href(dom: &Dom, rel: &str) -> Option<String> {
    (0..dom.nodes.len()).find_map(|i| {
        let e = dom.element(i).filter(|e| e.tag() == "link")?;
        e.attr("rel")?
            .split_whitespace()
            .any(|r| r.eq_ignore_ascii_case(rel))
            .then(|| e.attr("href").map(|h| h.trim().to_string()))
            .flatten()
            .filter(|h| !h.is_empty())
    })
}

/// The first `<time datetime>` (or an element marked `itemprop=datePublished`).
fn time_element(dom: &Dom) -> Option<Date> {
    (0..dom.nodes.len()).find_map(|i| {
        let e = dom.element(i)?;
        let value = if e.tag() == "time" {
            e.attr("datetime")?
        } else if e
            .attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
        {
            e.attr("datetime").or(e.attr("content"))?
        } else {
            return None;
        };
        parse_date(value)
    })
}

/// A date from an ISO 8601 or RFC 2822 timestamp, or a bare `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(day) = s
        .get(..10)
        .and_then(|d| d.replace('/', "-").parse::<Date>().ok())
    {
        return Some(day);
    }
    jiff::fmt::rfc2822::parse(s).ok().map(|z| z.date())
}

/// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`) path in a URL.
pub(crate) fn date_in_url(url: &str) -> Option<Date> {
    let parts: Vec<&str> = url.split('/').collect();
    parts
        .windows(3)
        .find_map(|w| {
            let (y, m, d) = (w[0], w[1], w[2]);
            let d: String = d.chars().take_while(char::is_ascii_digit).collect();
            (y.len() == 4 && m.len() <= 2 && (1..=2).contains(&d.len()))
                .then(|| Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok())
                .flatten()
        })
        .or_else(|| {
            parts
                .iter()
                .find_map(|p| p.get(..10).and_then(|d| d.parse::<Date>().ok()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_and_json_ld_give_the_metadata() {
        let html = r#"<html lang="fr"><head><title>Rain falls mainly on the plain | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta name="author" content="Ann Lee">
            <meta property="article:published_time" content="2021-03-04T05:06:07+01:00">
            <link rel="canonical" href="https://daily.example/2021/03/04/rain"></head>
            <body><h1>Rain falls mainly on the plain</h1></body></html>"#;
        let meta = read(&Dom::parse(html));
        assert_eq!(
            meta.title.as_deref(),
            Some("Rain falls mainly on the plain")
        );
        assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(meta.site.as_deref(), Some("The Daily"));
        assert_eq!(meta.date, Some(jiff::civil::date(2021, 3, 4)));
        assert_eq!(meta.language.as_deref(), Some("fr"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://daily.example/2021/03/04/rain")
        );
    }

    #[test]
    fn dates_come_from_time_elements_and_urls() {
        let dom = Dom::parse("<p>Posted <time datetime='2019-12-31'>New Year's Eve</time></p>");
        assert_eq!(read(&dom).date, Some(jiff::civil::date(2019, 12, 31)));
        assert_eq!(
            date_in_url("https://x.example/news/2020/01/06/story.html"),
            Some(jiff::civil::date(2020, 1, 6))
        );
        assert_eq!(date_in_url("https://x.example/a/b"), None);
        assert_eq!(
            parse_date("Tue, 1 Jul 2003 10:52:37 +0200"),
            Some(jiff::civil::date(2003, 7, 1))
        );
    }
}
