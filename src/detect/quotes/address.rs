//! Who a quote speaks to: a name set off by commas as a vocative ("Dorcas, will you
//! ...", "How long has this been known to you, Elinor?", "Oh, Mr. Beebe,"). In a
//! dialogue the person addressed is the one who answers, and never the one speaking.

use std::ops::Range;

use super::words::{is_not_name, is_title};

/// The first vocative name in the quote `inner` (a byte range of `text`): a capitalised
/// word (titles before it skipped) opening the quote or following a comma, and followed
/// by a comma, "!", "?", "." or the end of the quote. Returns its byte span in `text`.
pub fn vocative(text: &str, inner: Range<usize>) -> Option<Range<usize>> {
    let quote = &text[inner.clone()];
    let mut at = 0;
    let mut prev_comma = true; // the quote's start counts as a boundary
    let mut title = false;
    for word in quote.split(' ') {
        let start = at;
        at += word.len() + 1;
        let trimmed = word.trim_start_matches(['_', '(']);
        let lead = word.len() - trimmed.len();
        let core_len = trimmed
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .unwrap_or(trimmed.len());
        let core = &trimmed[..core_len];
        let rest = &trimmed[core_len..];
        let capitalised = core.starts_with(char::is_uppercase);
        // Only a capitalised word after a boundary can address someone: the rest of the
        // quote is skipped without allocating.
        if !(capitalised && (prev_comma || title)) {
            title = false;
            prev_comma = word.ends_with(',') || word.ends_with("--") || word.ends_with('—');
            continue;
        }
        let lower = core.to_lowercase();
        if is_title(&lower) {
            // "Mr." or "Mr": the name follows.
            title = rest.is_empty() || rest == ".";
            prev_comma = title;
            continue;
        }
        let boundary_after = rest.is_empty() && start + word.len() >= quote.trim_end().len()
            || rest.starts_with([',', '!', '?', '.', ';']);
        if core.chars().count() > 1
            && !is_not_name(&lower)
            && !is_title(&lower)
            && boundary_after
            // A lone word opening the quote must be followed by a comma: "Months!" is
            // an exclamation, "Dorcas, will you" an address.
            && (start > 0 || rest.starts_with(','))
        {
            let s = inner.start + start + lead;
            return Some(s..s + core.len());
        }
        title = false;
        prev_comma = word.ends_with(',') || word.ends_with("--") || word.ends_with('—');
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voc(q: &str) -> Option<&str> {
        vocative(q, 0..q.len()).map(|r| &q[r])
    }

    #[test]
    fn names_set_off_by_commas() {
        assert_eq!(
            voc("Dorcas, will you tell Manning to come."),
            Some("Dorcas")
        );
        assert_eq!(voc("How long has this been known, Elinor?"), Some("Elinor"));
        assert_eq!(voc("Oh, Mr. Beebe, indeed."), Some("Beebe"));
        assert_eq!(voc("Well, Joe, you go over there."), Some("Joe"));
        assert_eq!(voc("That is absurd, Mr. Inglethorp,"), Some("Inglethorp"));
    }

    #[test]
    fn names_talked_about_are_not_vocatives() {
        assert_eq!(voc("I saw Manning in the garden."), None);
        assert_eq!(voc("Yes, sir."), None);
        assert_eq!(voc("London is far, and Paris farther."), None);
        assert_eq!(voc("Well, I never."), None);
        assert_eq!(voc("Months! No."), None);
    }
}
