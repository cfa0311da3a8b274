//! Where a link leads: an `href` or a Markdown destination cleaned, kept or dropped, and
//! resolved against the page it is on.
//!
//! Dropped: empty destinations, fragment-only ones (`#notes`, a place in the same page,
//! which the reader has no use for as a link elsewhere) and script URLs (`javascript:`,
//! `vbscript:`, `data:`), which a reader must never hand to a browser. Control characters
//! are removed (a URL cannot hold them; the terminal must never receive them). A web
//! page's links are resolved as a browser does (WHATWG URL, the `url` crate): against
//! `<base href>` (itself resolved against the page's address), else the page's address
//! (the URL it was fetched from, else its canonical URL). Without an address a relative
//! link stays relative, for the reader to resolve against the file it came from.

use url::Url;

use crate::article::Link;

/// Schemes whose links run code or embed data rather than lead anywhere.
const SCRIPT_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// `href` cleaned for keeping, or `None` when it leads nowhere worth following.
pub(crate) fn keep(href: &str) -> Option<String> {
    let cleaned: String = href.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim();
    let lower = cleaned.to_ascii_lowercase();
    let script = SCRIPT_SCHEMES.iter().any(|s| lower.starts_with(s));
    (!cleaned.is_empty() && !cleaned.starts_with('#') && !script).then(|| cleaned.to_string())
}

/// The URL relative links on a page resolve against: `<base href>` resolved against the
/// page's address, else the address; `None` when neither is an absolute URL.
pub(crate) fn base(address: Option<&str>, base_href: Option<&str>) -> Option<Url> {
    let address = address.and_then(|a| Url::parse(a.trim()).ok());
    let href = base_href.map(str::trim).filter(|h| !h.is_empty());
    match (address, href) {
        (Some(address), Some(href)) => address.join(href).ok().or(Some(address)),
        (None, Some(href)) => Url::parse(href).ok(),
        (address, None) => address,
    }
}

/// Resolves every link against `base` (a link that does not parse stays as it is); links
/// that turn out to be scripts are dropped.
pub(crate) fn resolve(links: &mut Vec<Link>, base: Option<&Url>) {
    if let Some(base) = base {
        for link in links.iter_mut() {
            if let Ok(url) = base.join(&link.url) {
                link.url = url.into();
            }
        }
    }
    links.retain(|l| keep(&l.url).is_some());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(hrefs: &[&str], base: Option<&Url>) -> Vec<String> {
        let mut links: Vec<Link> = hrefs
            .iter()
            .filter_map(|h| keep(h))
            .map(|url| Link { span: 0..1, url })
            .collect();
        resolve(&mut links, base);
        links.into_iter().map(|l| l.url).collect()
    }

    #[test]
    fn empty_fragment_and_script_links_are_dropped_and_control_bytes_removed() {
        assert_eq!(keep(""), None);
        assert_eq!(keep("  "), None);
        assert_eq!(keep("#notes"), None);
        assert_eq!(keep(" JavaScript:alert(1)"), None);
        assert_eq!(keep("java\tscript:alert(1)"), None);
        assert_eq!(keep("data:text/html,<b>x</b>"), None);
        assert_eq!(keep("vbscript:msgbox"), None);
        assert_eq!(keep(" /a\u{1b}]8;;x\u{7}b "), Some("/a]8;;xb".into()));
        assert_eq!(
            keep("mailto:ann@example.org").as_deref(),
            Some("mailto:ann@example.org")
        );
        assert_eq!(keep("page.html#part").as_deref(), Some("page.html#part"));
    }

    #[test]
    fn links_resolve_against_the_base_then_the_address() {
        let page = "https://news.example/world/2024/story.html";
        let b = base(Some(page), None);
        assert_eq!(
            resolved(
                &["../more.html", "/about", "?p=2", "//cdn.example/x"],
                b.as_ref()
            ),
            vec![
                "https://news.example/world/more.html",
                "https://news.example/about",
                "https://news.example/world/2024/story.html?p=2",
                "https://cdn.example/x",
            ]
        );
        // <base href> wins, resolved against the address when relative itself.
        let b = base(Some(page), Some("/archive/"));
        assert_eq!(
            resolved(&["a.html"], b.as_ref()),
            vec!["https://news.example/archive/a.html"]
        );
        let b = base(None, Some("https://mirror.example/x/"));
        assert_eq!(
            resolved(&["a.html"], b.as_ref()),
            vec!["https://mirror.example/x/a.html"]
        );
        // No address: relative links stay relative, absolute ones as they are.
        assert_eq!(base(None, Some("/relative/")), None);
        assert_eq!(
            resolved(&["b.md", "https://x.example/"], None),
            vec!["b.md", "https://x.example/"]
        );
        // Other schemes are kept as they are, for the system opener.
        let b = base(Some(page), None);
        assert_eq!(
            resolved(&["mailto:a@b.c"], b.as_ref()),
            vec!["mailto:a@b.c"]
        );
    }
}

/// A web page's links, through the whole loader: resolved against `<base href>` and the
/// address it was served from, the menu's links gone with the menu.
#[cfg(test)]
mod page_tests {
    use crate::ingest::{LoadOptions, Served, from_served};

    #[test]
    fn a_served_page_keeps_its_article_links_resolved() {
        let para = "The council met on Tuesday to discuss the harbour and its bridges. ";
        let html = format!(
            "<html><head><base href='/news/'><link rel=canonical href='https://canon.example/a'>\
             </head><body><nav><a href='/home'>Home</a></nav><article><h1>Title</h1>\
             <p>{}<a href='more.html'>More here</a> and \
             <a href='https://x.example/b'>there</a>.</p><p>{}</p></article></body></html>",
            para.repeat(5),
            para.repeat(5)
        );
        let served = Served {
            url: "https://site.example/2024/story".into(),
            mime: Some("text/html".into()),
            charset: None,
        };
        let a = from_served(html.into_bytes(), &served, &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<_> = a
            .links
            .iter()
            .map(|l| (&a.text[l.span.clone()], l.url.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("More here", "https://site.example/news/more.html"),
                ("there", "https://x.example/b"),
            ]
        );
    }
}
