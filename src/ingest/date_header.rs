//! The scraped-article date header: an optional first line `date YYYY-MM-DD`, possibly
//! indented and possibly followed by leftovers of the web page it was scraped from
//! ("Loading...", "Advertisement") that are not article text.
//!
//! The header line is removed and its date becomes the publication date. What follows the
//! date on that line is dropped when every word of it is scraper noise (the list below),
//! and kept as the start of the article otherwise; whole lines of noise right after the
//! header are dropped too. Nothing here is specific to one article: the noise list is the
//! chrome that page scrapers commonly leave behind.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// `date 2020-01-06`, `Date: 2020-01-06`, with anything after it on the line.
static HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?i:date)[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*)|[ \t]*)$").ok()
});

/// Web-page chrome a scraper leaves around the article, compared case-insensitively after
/// trimming trailing dots, ellipses and separators. Only whole noise phrases count.
const NOISE: &[&str] = &[
    "loading",
    "please wait",
    "advertisement",
    "ad",
    "skip to content",
    "skip to main content",
    "share",
    "share this",
    "share this article",
    "print",
    "email",
    "comments",
    "subscribe",
    "sign in",
    "log in",
    "menu",
    "close",
    "read more",
];

/// The result of looking for a header at the top of a body.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Header {
    /// `None` when the header's date is not a real calendar date (then `warning` says so).
    pub date: Option<Date>,
    /// Byte offset in the body where the article text starts.
    pub body_start: usize,
    /// Text kept from the header line after the date (not noise), to prepend to the body.
    pub kept: Option<String>,
    pub warning: Option<String>,
}

/// Looks for the date header on the first non-blank line of `body` (LF line endings).
pub(crate) fn parse(body: &str) -> Option<Header> {
    let regex = HEADER.as_ref()?;
    let lead = body.len() - body.trim_start_matches('\n').len();
    let first_end = body[lead..].find('\n').map_or(body.len(), |i| lead + i);
    let caps = regex.captures(&body[lead..first_end])?;
    let iso = caps.get(1)?.as_str();
    let (date, warning) = match iso.parse::<Date>() {
        Ok(d) => (Some(d), None),
        Err(_) => (
            None,
            Some(format!("date header '{iso}' is not a valid date; ignored")),
        ),
    };
    let rest = caps.get(2).map_or("", |m| m.as_str().trim());
    let kept = (!is_noise_line(rest)).then(|| rest.to_string());
    let mut body_start = (first_end + 1).min(body.len());
    if kept.is_none() {
        // Skip blank lines and whole lines of noise that follow the header.
        for line in body[body_start..].split_inclusive('\n') {
            if !is_noise_line(line) {
                break;
            }
            body_start += line.len();
        }
    }
    Some(Header {
        date,
        body_start,
        kept,
        warning,
    })
}

/// True for a blank line or one made only of noise phrases separated by `|`, `·`, `•`.
fn is_noise_line(line: &str) -> bool {
    line.split(['|', '·', '•']).all(|part| {
        let phrase = part.trim().trim_end_matches(['.', '…', ':', '!']).trim();
        phrase.is_empty() || NOISE.iter().any(|n| n.eq_ignore_ascii_case(phrase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn header(body: &str) -> Header {
        match parse(body) {
            Some(h) => h,
            None => panic!("no header in {body:?}"),
        }
    }

    #[test]
    fn indented_header_with_loading_noise() {
        let body = " date 2020-01-06 Loading...\n\nThe future.";
        let h = header(body);
        assert_eq!(h.date, Some(date(2020, 1, 6)));
        assert_eq!(&body[h.body_start..], "The future.");
        assert_eq!(h.kept, None);
    }

    #[test]
    fn bare_header_and_colon_form() {
        assert_eq!(
            header("date 2019-10-27\nText").date,
            Some(date(2019, 10, 27))
        );
        let h = header("Date: 2019-10-27   \nText");
        assert_eq!(h.date, Some(date(2019, 10, 27)));
        assert_eq!(h.body_start, 20);
    }

    #[test]
    fn noise_lines_after_the_header_are_dropped() {
        let body = "date 2020-01-06\nAdvertisement\nShare | Print | Email\n\nLoading…\nReal text";
        let h = header(body);
        assert_eq!(&body[h.body_start..], "Real text");
    }

    #[test]
    fn real_text_after_the_date_is_kept() {
        let body = "date 2020-01-06 Ottawa was quiet.\nMore.";
        let h = header(body);
        assert_eq!(h.kept.as_deref(), Some("Ottawa was quiet."));
        assert_eq!(&body[h.body_start..], "More.");
    }

    #[test]
    fn invalid_calendar_date_warns() {
        let h = header("date 2020-02-30\nText");
        assert_eq!(h.date, None);
        assert_eq!(
            h.warning.as_deref(),
            Some("date header '2020-02-30' is not a valid date; ignored")
        );
    }

    #[test]
    fn ordinary_first_lines_are_not_headers() {
        assert_eq!(parse("The date 2020-01-06 was a Monday."), None);
        assert_eq!(parse("date of birth: unknown"), None);
        assert_eq!(parse("dated 2020-01-06"), None);
        assert_eq!(parse(""), None);
    }
}
