//! What the article's own nodes say about the article and must not repeat in its text:
//! the byline (an element marked `rel=author`, `itemprop=author`, or with a class or id
//! naming a byline, of under 100 characters) and headings that repeat the title (the
//! reader's header shows both).

use super::boilerplate::is_date_only;
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
            let text = if text.len() < 400 {
                without_date(&text)
            } else {
                text
            };
            let len = text.chars().count();
            if len > 0 && len < 100 {
                byline = Some(text);
                removed[i] = true;
                continue;
            }
        }
        if let Some(title) = title
            && matches!(e.tag(), "h1" | "h2")
            && similarity(title, &dom.text(i, |n| removed[n])) > 0.75
        {
            removed[i] = true;
        }
    }
    byline
}

/// The byline without the date and time that often follow the name ("Ann Lee - Apr 16,
/// 2015 8:02 pm UTC"): the header shows the date. A byline that is only a date is empty.
fn without_date(text: &str) -> String {
    let lower = text.to_lowercase();
    let cut = lower
        .char_indices()
        .filter(|&(k, c)| k == 0 || (c.is_whitespace() && k + 1 < lower.len()))
        .map(|(k, _)| k)
        .find(|&k| is_date_only(&lower[k..]))
        .unwrap_or(text.len());
    // Lowercasing keeps these byte offsets for the scripts bylines are written in; where
    // it would not, the byline stays whole.
    match text.get(..cut) {
        Some(name) if lower.len() == text.len() => name
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '|' | '·' | ',' | '–' | '—')
            })
            .to_string(),
        _ => text.to_string(),
    }
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

    #[test]
    fn a_date_after_the_name_leaves_the_byline_and_a_date_alone_is_no_byline() {
        assert_eq!(
            without_date("Dan Lee - Apr 16, 2015 8:02 pm UTC"),
            "Dan Lee"
        );
        assert_eq!(without_date("By Ann Lee, May 3 2020"), "By Ann Lee");
        assert_eq!(without_date("Ann May"), "Ann May");
        assert_eq!(without_date("Sunday, Feb 1, 2015 11:57 AM UTC"), "");
        let dom = Dom::parse(
            "<p class=byline>Sunday, Feb 1, 2015</p><p class=author>Joan Ray</p><p>Body.</p>",
        );
        let mut removed = vec![false; dom.nodes.len()];
        let byline = take_byline_and_title(&dom, &mut removed, None);
        assert_eq!(byline.as_deref(), Some("Joan Ray"));
    }
}
