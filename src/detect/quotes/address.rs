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
    // Candidates start the quote or follow a comma or dash: found by a byte scan, so
    // long speeches cost little.
    let after_marks = quote
        .match_indices([',', '—'])
        .map(|(k, m)| k + m.len())
        .chain(quote.match_indices("--").map(|(k, _)| k + 2));
    std::iter::once(0)
        .chain(after_marks)
        .find_map(|at| name_at(quote, at).map(|r| inner.start + r.start..inner.start + r.end))
}

/// A vocative name (an optional title before it) starting at byte `at` of `quote`.
fn name_at(quote: &str, at: usize) -> Option<Range<usize>> {
    let rest = &quote[at..];
    let mut start = at + (rest.len() - rest.trim_start().len());
    let mut titled = false;
    loop {
        let word = &quote[start..];
        let trimmed = word.trim_start_matches(['_', '(']);
        let start_core = start + (word.len() - trimmed.len());
        let core_len = trimmed
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .unwrap_or(trimmed.len());
        let core = &trimmed[..core_len];
        let after = &trimmed[core_len..];
        if !core.starts_with(char::is_uppercase) {
            return None;
        }
        let lower = core.to_lowercase();
        if is_title(&lower) && !titled {
            // "Mr." or "Mr": the name follows.
            let after_title = after.strip_prefix('.').unwrap_or(after);
            if !after_title.starts_with(' ') {
                return None;
            }
            titled = true;
            start = quote.len() - after_title.trim_start().len();
            continue;
        }
        let ends_quote = after.trim().is_empty();
        let boundary = ends_quote || after.starts_with([',', '!', '?', '.', ';']);
        let ok = core.chars().count() > 1
            && !is_not_name(&lower)
            && !is_title(&lower)
            && boundary
            // A lone word opening the quote must be followed by a comma: "Months!" is
            // an exclamation, "Dorcas, will you" an address.
            && (at > 0 || titled || after.starts_with(','));
        return ok.then(|| start_core..start_core + core.len());
    }
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
