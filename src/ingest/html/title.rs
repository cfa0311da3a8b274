//! The title from `<title>`, as Readability cuts it: a site's suffix or prefix after a
//! separator (`|`, `-`, `–`, `—`, `/`, `\`, `>`, `»`, `:`) goes when what is left still reads
//! as a title (more than four words, or the separator shows a hierarchy); a `<title>` too
//! short or too long gives way to the page's only `<h1>`. Also the word-overlap similarity
//! used to match headings and titles.

use super::dom::Dom;

const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

/// The article title the document's `<title>` (and headings) give.
pub(crate) fn from_document(dom: &Dom, document_title: &str) -> Option<String> {
    let original = document_title.trim();
    let mut title = original.to_string();
    let mut hierarchical = false;
    if let Some((before_last, _)) = split_at_separator(original, true) {
        hierarchical = separator_positions(original).any(|(_, c)| HIERARCHICAL.contains(&c));
        title = before_last.to_string();
        if words(&title) < 3 {
            title = split_at_separator(original, false)
                .map_or(title, |(_, after_first)| after_first.to_string());
        }
    } else if original.contains(": ") {
        let headings_match = headings(dom).iter().any(|h| h.trim() == original);
        if !headings_match {
            let after_last = original.rsplit(':').next().unwrap_or("").trim();
            title = after_last.to_string();
            if words(&title) < 3 {
                title = original
                    .split_once(':')
                    .map_or("", |(_, a)| a)
                    .trim()
                    .to_string();
            } else if words(original.split(':').next().unwrap_or("")) > 5 {
                title = original.to_string();
            }
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        let h1s: Vec<usize> = (0..dom.nodes.len())
            .filter(|&i| dom.tag(i) == "h1")
            .collect();
        if let [h1] = h1s.as_slice() {
            title = dom.text(*h1, |_| false);
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let without_separators = original
        .split(|c| SEPARATORS.contains(&c))
        .map(words)
        .sum::<usize>();
    let title = if words(&title) <= 4 && (!hierarchical || words(&title) + 1 != without_separators)
    {
        original.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        title
    };
    (!title.is_empty()).then_some(title)
}

/// Positions of separators standing between spaces (" | ").
fn separator_positions(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    s.char_indices().filter(move |&(i, c)| {
        SEPARATORS.contains(&c) && s[..i].ends_with(' ') && s[i + c.len_utf8()..].starts_with(' ')
    })
}

/// The text before the last (`last`) or after the first separator.
fn split_at_separator(s: &str, last: bool) -> Option<(&str, &str)> {
    let mut positions = separator_positions(s);
    let (i, c) = if last {
        positions.last()?
    } else {
        positions.next()?
    };
    Some((s[..i].trim(), s[i + c.len_utf8()..].trim()))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn headings(dom: &Dom) -> Vec<String> {
    (0..dom.nodes.len())
        .filter(|&i| matches!(dom.tag(i), "h1" | "h2"))
        .map(|i| dom.text(i, |_| false))
        .collect()
}

/// How much of `b`'s words `a` also has (Readability's `_textSimilarity`): 1 when every
/// word of `b` is in `a`.
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let joined = |v: &[&String]| {
        v.iter().map(|s| s.chars().count()).sum::<usize>() + v.len().saturating_sub(1)
    };
    let all: Vec<&String> = tb.iter().collect();
    1.0 - joined(&unique) as f32 / joined(&all) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(t: &str, body: &str) -> Option<String> {
        from_document(&Dom::parse(body), t)
    }

    #[test]
    fn site_suffixes_go_when_a_title_remains() {
        assert_eq!(
            title("Rain falls on the plain in Spain | The Daily", "").as_deref(),
            Some("Rain falls on the plain in Spain")
        );
        assert_eq!(
            title("The Daily — Rain falls on the plain in Spain", "").as_deref(),
            Some("Rain falls on the plain in Spain")
        );
        // Too little would be left: keep the whole title.
        assert_eq!(
            title("Rain | The Daily", "").as_deref(),
            Some("Rain | The Daily")
        );
        assert_eq!(
            title("Home", "<h1>The one true heading of this page</h1>").as_deref(),
            Some("The one true heading of this page")
        );
        assert!(similarity("Rain in Spain", "rain in spain!") > 0.99);
        assert!(similarity("Rain in Spain", "Snow in Norway") < 0.5);
    }
}
