//! What the article's own nodes say about the article and must not repeat in its text:
//! the byline (an element marked `rel=author`, `itemprop=author`, or with a class or id
//! naming a byline, of under 100 characters) and headings that repeat the title (the
//! reader's header shows both).

use super::clean::class_and_id;
use super::dom::Dom;
use super::title::similarity;

const BYLINE_NAMES: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Marks the first byline element and every `<h1>`/`<h2>` repeating `title` as removed;
/// gives the byline's text.
pub(crate) fn take_byline_and_title(
    dom: &Dom,
    removed: &mut [bool],
    title: Option<&str>,
) -> Option<String> {
    let mut byline = None;
    let body = dom.find("body")?;
    let nodes: Vec<usize> = dom.descendants(body, |i| removed[i]).collect();
    for i in nodes {
        if removed[i] || dom.nodes[i].parent.is_some_and(|p| removed[p]) {
            removed[i] = true;
            continue;
        }
        let Some(e) = dom.element(i) else { continue };
        if byline.is_none() && is_byline(e) {
            let text = dom.text(i, |n| removed[n]);
            let len = text.chars().count();
            if len > 0 && len < 100 {
                byline = Some(text);
                removed[i] = true;
                continue;
            }
        }
        if let Some(title) = title
            && matches!(e.tag.as_str(), "h1" | "h2")
            && similarity(title, &dom.text(i, |n| removed[n])) > 0.75
        {
            removed[i] = true;
        }
    }
    byline
}

fn is_byline(e: &super::dom::Element) -> bool {
    e.attr("rel") == Some("author") || e.attr("itemprop").is_some_and(|p| p.contains("author")) || {
        let names = class_and_id(e);
        BYLINE_NAMES.iter().any(|w| names.contains(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byline_and_the_repeated_title_leave_the_text() {
        let dom = Dom::parse(
            "<article><h1>Rain in Spain</h1><p class=byline>By Ann Lee</p><p>Body.</p></article>",
        );
        let mut removed = vec![false; dom.nodes.len()];
        let byline = take_byline_and_title(&dom, &mut removed, Some("Rain in Spain"));
        assert_eq!(byline.as_deref(), Some("By Ann Lee"));
        let body = dom.find("body").unwrap_or(0);
        assert_eq!(dom.text(body, |i| removed[i]), "Body.");
    }
}
