//! The short lines of text that read as furniture whatever their markup: teaser cues
//! ("Read more:", "Don't miss"), lines introducing other stories, datelines, lines that
//! are only a date, copyright lines and "Advertisement" labels. Every function takes the
//! block's text in lowercase.

/// Cues that open a teaser block (lowercase; apostrophes as typed or typographic).
const TEASER_CUES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "read next",
    "see more",
    "see also:",
    "more:",
    "related:",
    "related post",
    "related article",
    "related stories",
    "recommended:",
    "don't miss",
    "don’t miss",
    "you may also like",
    "you might also like",
    "click here",
    "sign up",
    "subscribe to",
    "follow us",
    "watch:",
    "listen:",
];

/// The teaser cue `text` opens with, if any (leading punctuation skipped).
pub(super) fn cue(text: &str) -> Option<&'static str> {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    TEASER_CUES
        .iter()
        .copied()
        .find(|cue| text.starts_with(cue))
}

/// A teaser: a block opening with a cue that is mostly links, or the cue alone (a
/// "Don't miss" label over the links).
pub(super) fn is_teaser(text: &str, link_density: f32) -> bool {
    cue(text).is_some_and(|cue| {
        link_density > 0.3 || text.trim().chars().count() <= cue.chars().count() + 3
    })
}

/// Whether a short text introduces a list of other stories: a teaser cue, or a short
/// line naming stories ("More great stories", "Most read").
pub(super) fn introduces_stories(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "stories",
        "articles",
        "posts",
        "most read",
        "popular",
        "trending",
    ];
    cue(text).is_some() || (text.chars().count() <= 40 && WORDS.iter().any(|w| text.contains(w)))
}

/// "Published ... | Updated ...", "Posted on ...": a timestamp line under 100 characters.
pub(super) fn is_dateline(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
    ];
    text.chars().count() < 100
        && OPENERS.iter().any(|o| text.starts_with(o))
        && text.chars().any(|c| c.is_ascii_digit())
}

/// A line that is only a date and time ("Nov. 20, 2019, 9:28 AM UTC"): the header shows
/// the date.
pub(in crate::ingest::html) fn is_date_only(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const OTHERS: &[&str] = &[
        "am",
        "pm",
        "a",
        "m",
        "p",
        "at",
        "on",
        "utc",
        "gmt",
        "et",
        "est",
        "edt",
        "pt",
        "pst",
        "pdt",
        "ct",
        "cst",
        "cdt",
        "bst",
        "cet",
        "cest",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "updated",
        "published",
        "st",
        "nd",
        "rd",
        "th",
    ];
    if text.chars().count() > 60 {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let dated = words.iter().any(|w| MONTHS.contains(w))
        || words
            .iter()
            .any(|w| w.len() == 4 && (w.starts_with("20") || w.starts_with("19")));
    text.chars().any(|c| c.is_ascii_digit())
        && dated
        && words.iter().all(|w| {
            MONTHS.contains(w) || OTHERS.contains(w) || w.chars().all(|c| c.is_ascii_digit())
        })
}

/// A copyright line of up to 100 characters: "© 2019 ...", "Copyright ...", "... All
/// rights reserved." (a longer paragraph may be the agency's terms, read as the article's).
pub(super) fn is_copyright(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 100 && is_copyright_line(text)
}

pub(super) fn is_copyright_line(text: &str) -> bool {
    text.starts_with('©')
        || text.starts_with("copyright")
        || text.starts_with("this document is subject to copyright")
        || text.contains("all rights reserved")
}

pub(super) fn is_label(text: &str) -> bool {
    matches!(text.trim(), "advertisement" | "advert" | "sponsored" | "ad")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_open_teasers_only_when_linked_or_alone() {
        assert!(is_teaser("read more: ferry prices rise again", 0.8));
        assert!(is_teaser("don’t miss", 0.0));
        assert!(!is_teaser(
            "read more widely, the report says, and the case looks weak",
            0.0
        ));
        assert!(introduces_stories("more great stories"));
        assert!(!introduces_stories(
            "the stories the old ferrymen told of the river at night"
        ));
    }

    #[test]
    fn dates_alone_go_and_dated_prose_stays() {
        assert!(is_date_only("nov. 20, 2019, 9:28 am utc"));
        assert!(is_date_only("wednesday 20 november 2019"));
        assert!(!is_date_only("may 2019 was wet"));
        assert!(!is_date_only("20 people"));
        assert!(!is_date_only("may"));
        assert!(is_dateline(
            "published: 10:48, tue, nov 19, 2019 | updated: 11:05"
        ));
        assert!(!is_dateline("published by the council"));
    }

    #[test]
    fn copyright_lines_go_and_long_terms_stay() {
        assert!(is_copyright("© 2019 riverside post. all rights reserved."));
        assert!(is_copyright("copyright 2019 the post"));
        let terms = "© 2019 the agency. all rights reserved. this material may not be \
            published, broadcast, rewritten or redistributed.";
        assert!(!is_copyright(terms));
        assert!(is_label(" advertisement "));
    }
}
