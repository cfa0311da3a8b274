//! Which parts of the page can never be article text: scripts, styles, forms' controls,
//! hidden nodes (the `hidden` attribute, `aria-hidden`, `display: none`), dialogs; and,
//! while unlikely candidates are stripped, nodes whose class or id names boilerplate
//! (menus, sidebars, comments, share bars, cookie and newsletter boxes, "related" lists)
//! or whose ARIA role is navigation. The word lists are Mozilla Readability's, so a
//! reader sees the same article Firefox's Reader View finds; `class_weight` is its
//! class/id score.

use super::dom::{Dom, Element};

/// Tags whose content is never text to read.
const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "link", "meta", "select", "textarea", "button", "input", "dialog", "nav",
    "aside",
];

/// Class or id fragments of boilerplate (Readability's `unlikelyCandidates`).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "cookie",
    "newsletter",
];

/// Fragments that keep an unlikely-looking node (Readability's `okMaybeItsACandidate`).
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// ARIA roles of page furniture.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Marks every node that is left out of the article (a removed node's whole subtree is
/// removed). `strip_unlikely` also removes boilerplate by class, id and role.
pub(crate) fn removed(dom: &Dom, strip_unlikely: bool) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut removed = vec![false; n];
    // Inside a table or code, class names are the page's data, not its furniture.
    let mut protected = vec![false; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        if let Some(p) = parent {
            if removed[p] {
                removed[i] = true;
                continue;
            }
            protected[i] = protected[p] || matches!(dom.tag(p), "table" | "code" | "pre");
        }
        let Some(e) = dom.element(i) else { continue };
        removed[i] = NEVER.contains(&e.tag())
            || is_hidden(e)
            || (strip_unlikely && !protected[i] && is_unlikely(e));
    }
    removed
}

/// Hidden from every reader: `hidden`, `aria-hidden="true"` (not Wikipedia-style fallback
/// images), `display: none` or `visibility: hidden` in the style attribute.
fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true")
        && !e
            .attr("class")
            .is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    e.attr("style").is_some_and(|style| {
        let squeezed: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
    })
}

pub(crate) fn is_unlikely(e: &Element) -> bool {
    if matches!(e.tag(), "html" | "body" | "a" | "article" | "main") {
        return false;
    }
    if e.attr("role")
        .is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim()))
    {
        return true;
    }
    if e.attr("aria-modal") == Some("true") {
        return true;
    }
    let names = class_and_id(e);
    UNLIKELY.iter().any(|w| names.contains(w)) && !MAYBE.iter().any(|w| names.contains(w))
}

/// The element's class and id, lowercase, joined by a space.
pub(crate) fn class_and_id(e: &Element) -> String {
    let mut s = e.attr("class").unwrap_or("").to_ascii_lowercase();
    s.push(' ');
    s.push_str(&e.attr("id").unwrap_or("").to_ascii_lowercase());
    s
}

/// Readability's class weight: -25 for a class (and again for an id) naming boilerplate,
/// +25 for one naming content.
pub(crate) fn class_weight(e: &Element) -> i32 {
    let mut weight = 0;
    for value in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        let value = value.to_ascii_lowercase();
        if value.is_empty() {
            continue;
        }
        let hid = value.split_whitespace().any(|t| t == "hid");
        if hid || NEGATIVE.iter().any(|w| value.contains(w)) {
            weight -= 25;
        }
        if POSITIVE.iter().any(|w| value.contains(w)) {
            weight += 25;
        }
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_text(html: &str, strip: bool) -> String {
        let dom = Dom::parse(html);
        let removed = removed(&dom, strip);
        let body = dom.find("body").unwrap_or(0);
        dom.text(body, |i| removed[i])
    }

    #[test]
    fn scripts_hidden_nodes_and_controls_go() {
        let html = "<p>Kept</p><script>var x</script><p hidden>h</p>\
            <p style='display : none'>d</p><div aria-hidden=true>a</div><button>Share</button>";
        assert_eq!(kept_text(html, false), "Kept");
    }

    #[test]
    fn boilerplate_by_class_goes_unless_it_names_content() {
        let html = "<div class='sidebar'>side</div> <div id='comments'>c</div> \
            <div class='main-sidebar'>kept</div> <table><tr><td class='menu'>data</td></tr></table> \
            <div role=navigation>nav</div>";
        assert_eq!(kept_text(html, true), "kept data");
        assert_eq!(kept_text(html, false), "side c kept data nav");
    }

    #[test]
    fn weights_count_class_and_id() {
        let dom = Dom::parse("<div class='post-body' id='share-bar'></div>");
        let div = dom.find("div").unwrap_or(0);
        assert_eq!(dom.element(div).map(class_weight), Some(0));
        let dom = Dom::parse("<div class='comment hid'></div>");
        let div = dom.find("div").unwrap_or(0);
        assert_eq!(dom.element(div).map(class_weight), Some(-25));
    }
}
