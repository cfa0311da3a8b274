//! Speech time: a date expression inside a quotation is said at the time of the speech,
//! not at the publication date. When the attribution beside the quotation dates the
//! speech ("...,” Trump said in his October 27 speech), that date anchors the quote's
//! relative expressions ("Last night" -> 2019-10-26TNI).

use std::ops::Range;

use jiff::civil::Date;

/// How far back from an expression an opening quotation mark is looked for, in bytes.
const QUOTE_REACH: usize = 1500;
/// How far an attribution reaches from its quotation mark, in bytes.
const ATTRIBUTION_REACH: usize = 160;

/// Words that make the text beside a quotation an attribution of speech.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "speech",
    "statement",
    "remarks",
    "wrote",
    "interview",
    "address",
    "announced",
    "added",
    "declared",
    "stated",
    "testified",
    "tweeted",
    "asked",
    "replied",
];

/// The day a value names, when it names one ("2019-10-27", "2019-10-27TNI").
pub fn day_of(value: Option<&str>) -> Option<Date> {
    let v = value?;
    let day = v.get(..10)?;
    if v.len() > 10 && !v[10..].starts_with('T') {
        return None;
    }
    day.parse().ok()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The quotation around `span`, as (opening mark start, closing mark end), looking only
/// within the paragraph.
fn quotation(text: &str, span: &Range<usize>) -> Option<(usize, usize)> {
    let lo = floor_boundary(text, span.start.saturating_sub(QUOTE_REACH));
    let before = &text[lo..span.start];
    let para_start = before.rfind("\n\n").map_or(lo, |i| lo + i + 2);
    let before = &text[para_start..span.start];
    let hi = ceil_boundary(text, span.end + QUOTE_REACH);
    let after = &text[span.end..hi];
    let after = &after[..after.find("\n\n").unwrap_or(after.len())];
    // Curly quotes: the last mark before is an opening one.
    if let Some(open) = before.rfind(['“', '”'])
        && before[open..].starts_with('“')
    {
        let close = after.find(['”', '“'])?;
        after[close..].starts_with('”').then_some(())?;
        return Some((para_start + open, span.end + close + '”'.len_utf8()));
    }
    // Straight quotes: inside when an odd number of marks precede in the paragraph.
    if before.matches('"').count() % 2 == 1 {
        let open = before.rfind('"')?;
        let close = after.find('"')?;
        return Some((para_start + open, span.end + close + 1));
    }
    None
}

fn has_cue(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| CUES.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

/// The dated day of the speech that the quotation around `span` reports, if the
/// attribution right after the closing mark (to the end of its sentence) or right before
/// the opening mark (from the start of its sentence) gives one. `days` are the detected
/// mentions (sorted) with the day each resolved to.
pub fn speech_date(
    text: &str,
    span: Range<usize>,
    days: &[(Range<usize>, Option<Date>)],
) -> Option<Date> {
    let (open, close) = quotation(text, &span)?;
    let after_end = {
        let hi = ceil_boundary(text, close + ATTRIBUTION_REACH);
        let s = &text[close..hi];
        close
            + s.find(['\n', '“', '"'])
                .unwrap_or(s.len())
                .min(s.find(". ").map_or(s.len(), |i| i + 1))
    };
    let before_start = {
        let lo = floor_boundary(text, open.saturating_sub(ATTRIBUTION_REACH));
        let s = &text[lo..open];
        lo + s
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '\n' | '”' | '"' | '.'))
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    for window in [close..after_end, before_start..open] {
        let Some(w) = text.get(window.clone()) else {
            continue;
        };
        if window.is_empty() || !has_cue(w) {
            continue;
        }
        let first = days.partition_point(|(s, _)| s.start < window.start);
        if let Some(date) = days[first..]
            .iter()
            .take_while(|(s, _)| s.end <= window.end)
            .find_map(|(_, d)| *d)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_date_of_the_speech_after_the_quote() {
        let text = "“Last night we won,” Trump said in his October 27 speech. Then more.";
        let at = text.find("October 27").unwrap_or(0);
        let day: Date = "2019-10-27".parse().unwrap_or_default();
        let days = vec![(0..10, None), (at..at + 10, Some(day))];
        assert_eq!(speech_date(text, 3..13, &days), Some(day));
    }

    #[test]
    fn no_attribution_no_speech_date() {
        let text = "“Last night we won.” On October 27 the market fell.";
        let at = text.find("October 27").unwrap_or(0);
        let day: Date = "2019-10-27".parse().unwrap_or_default();
        let days = vec![(3..13, None), (at..at + 10, Some(day))];
        assert_eq!(speech_date(text, 3..13, &days), None);
    }

    #[test]
    fn day_of_reads_days_only() {
        assert!(day_of(Some("2019-10-26TNI")).is_some());
        assert!(day_of(Some("2019-10")).is_none());
        assert!(day_of(Some("2019-W43-WE")).is_none());
    }
}
