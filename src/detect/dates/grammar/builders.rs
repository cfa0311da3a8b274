//! The longer rule builders of the date grammar: the code that reads the words around a
//! matched core ("the end of the year", "this past spring", "the 1989 second quarter")
//! and decides whether the match is a date at all.

use super::super::lexicon::{self, NUMBER_WORDS};
use super::rules::{Found, MODIFIERS, back_if, group, int, plausible_year, whole, word_before};
use super::{Expr, Holiday, Season, Shift, Unit, year_value};
use regex::Captures;

/// The count before "years ago": a numeral or a number word ("two", "a", "a few",
/// "a couple of", "several"), with its start.
pub(super) fn number_before(text: &str, pos: usize) -> Option<(usize, String)> {
    let (s, w) = word_before(text, pos)?;
    if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 3 {
        return Some((s, w));
    }
    match w.as_str() {
        "few" => {
            let (s2, a) = word_before(text, s)?;
            (a == "a").then(|| (s2, "a few".to_string()))
        }
        "of" => {
            let (s2, couple) = word_before(text, s)?;
            let (s3, a) = word_before(text, s2)?;
            (couple == "couple" && a == "a").then(|| (s3, "a couple of".to_string()))
        }
        _ => NUMBER_WORDS.split('|').any(|n| n == w).then_some((s, w)),
    }
}

/// Whether `pos` starts a sentence: the text before it (spaces and opening quotes
/// aside) is empty or ends with a full stop, a question or exclamation mark, a colon or
/// a line break.
pub(super) fn sentence_start(text: &str, pos: usize) -> bool {
    let head = text.get(..pos).unwrap_or("");
    let head = head.trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '`']);
    head.is_empty() || head.ends_with(['.', '?', '!', ':', '\n', '_', '-', '—'])
}

/// The lowercased word right after `pos` (after spaces), or "".
pub(super) fn word_after(text: &str, pos: usize) -> String {
    text.get(pos..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Extends a date back over "Monday, " before it.
pub(super) fn weekday_before(text: &str, start: usize) -> usize {
    let head = text.get(..start).unwrap_or("");
    let trimmed = head.trim_end_matches(' ').trim_end_matches(',');
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &trimmed[word_start..];
    if trimmed.len() < head.len() && w.ends_with("day") && lexicon::weekday(w).is_some() {
        word_start
    } else {
        start
    }
}

/// Reads "last", "next", "this", "this past", "this coming" before `start`.
pub(super) fn shift_before(text: &str, start: usize) -> (usize, Option<Shift>) {
    match word_before(text, start) {
        Some((s, w)) => match w.as_str() {
            "last" => (s, Some(Shift::Last)),
            "next" => (s, Some(Shift::Next)),
            "this" => (s, Some(Shift::This)),
            "past" | "coming" => match word_before(text, s) {
                Some((s2, w2)) if w2 == "this" => (
                    s2,
                    Some(if w == "past" {
                        Shift::Last
                    } else {
                        Shift::Next
                    }),
                ),
                _ => (start, None),
            },
            _ => (start, None),
        },
        None => (start, None),
    }
}

pub(super) fn unit(word: &str) -> Option<Unit> {
    Some(match word.to_ascii_lowercase().as_str() {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

/// "last week", "this (fiscal) year", "the current quarter", "earlier this month",
/// "the weekend", "the end of the year", "the (latest) quarter".
pub(super) fn unit_phrase(c: &Captures, text: &str) -> Option<Found> {
    let word = group(c, "u")?;
    // "This Week", "Next Year" with a capital are titles of shows and sections.
    if word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let unit = unit(word)?;
    let span = whole(c);
    let mut start = back_if(text, span.start, &["fiscal", "full"]);
    let (s, w) = word_before(text, start)?;
    let shift = match w.as_str() {
        "last" => Shift::Last,
        "this" => Shift::This,
        "next" => Shift::Next,
        "current" | "latest" | "recent" if back_if(text, s, &["the", "most"]) < s => {
            start = back_if(text, back_if(text, s, &["most"]), &["the"]);
            if unit == Unit::Quarter && w != "current" {
                return Some((start..span.end, Expr::QuarterRef { year: None }, None));
            }
            if w != "current" {
                return None;
            }
            Shift::This
        }
        "the" => {
            start = s;
            let end_of = the_end_of(text, s).is_some();
            if unit == Unit::Quarter {
                return Some((start..span.end, Expr::QuarterRef { year: None }, None));
            }
            // "the weekend", "the end of the month" and "(for) the year" standing alone
            // are the anchor's; "the year before", "the year of X" are some other year.
            let next = word_after(text, span.end);
            let year_alone = unit == Unit::Year
                && !text[span.end..].starts_with('-')
                && !matches!(
                    next.as_str(),
                    "earlier"
                        | "ago"
                        | "before"
                        | "after"
                        | "ended"
                        | "ending"
                        | "two"
                        | "in"
                        | "when"
                        | "of"
                        | "that"
                        | "which"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                );
            if unit != Unit::Weekend && !end_of && !year_alone {
                return None;
            }
            Shift::This
        }
        _ => return None,
    };
    if matches!(w.as_str(), "last" | "this" | "next") {
        start = s;
    }
    start = back_if(text, start, &["early", "late", "earlier", "later"]);
    if let Some(s) = the_end_of(text, start) {
        start = s;
    }
    Some((start..span.end, Expr::Unit { unit, shift }, None))
}

/// Where "the end of" starts, when it ends (before spaces) at `pos`.
fn the_end_of(text: &str, pos: usize) -> Option<usize> {
    let (s, of) = word_before(text, pos)?;
    let (s, end) = word_before(text, s)?;
    let (s, the) = word_before(text, s)?;
    (of == "of" && end == "end" && the == "the").then_some(s)
}

/// A month with neither day nor year. "May" and "March" are words too, so they need a
/// word before them that only a month takes; a capitalised word after a month ("June
/// Carter") makes it a name.
pub(super) fn month_alone(c: &Captures, text: &str) -> Option<Found> {
    let name = c.name("mon")?;
    let month = lexicon::month_number(name.as_str())?;
    let after = text.get(name.end()..).unwrap_or("");
    let next = after.trim_start_matches(' ');
    if next.len() < after.len() && next.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let (s, pre) = word_before(text, name.start()).unwrap_or((name.start(), String::new()));
    let shift = match pre.as_str() {
        "last" => Some(Shift::Last),
        "this" => Some(Shift::This),
        "next" => Some(Shift::Next),
        _ => None,
    };
    let keeps_pre = shift.is_some() || MODIFIERS.contains(&pre.as_str());
    let month_prep = keeps_pre
        || matches!(
            pre.as_str(),
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "of"
                | "before"
                | "after"
                | "during"
                | "through"
                | "from"
                | "to"
                | "between"
                | "and"
                | "or"
                | "each"
                | "every"
        );
    if matches!(month, 3 | 5) && !month_prep {
        return None;
    }
    let start = if keeps_pre { s } else { name.start() };
    Some((
        start..name.end(),
        Expr::Month {
            year: None,
            month,
            year_shift: None,
            shift,
        },
        None,
    ))
}

pub(super) fn season(c: &Captures, text: &str) -> Option<Found> {
    let s = match group(c, "s")?.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        _ => Season::Winter,
    };
    let year: Option<i16> = group(c, "y").and_then(year_value);
    if year.is_some_and(|y| !plausible_year(y)) {
        return None;
    }
    let span = whole(c);
    let core = back_if(text, span.start, MODIFIERS);
    let (start, shift) = shift_before(text, core);
    if year.is_none() && shift.is_none() {
        // A bare "the fall" or "summer" is too often not a date ("the fall of the wall").
        return None;
    }
    Some((
        start..span.end,
        Expr::Season {
            year,
            season: s,
            shift,
        },
        None,
    ))
}

/// "the 1988 quarter", "the 1989 period": the quarter reported on, in the year named.
pub(super) fn year_quarter(c: &Captures, text: &str) -> Option<Found> {
    let span = whole(c);
    let (s, w) = word_before(text, span.start)?;
    let year: i16 = w
        .parse()
        .ok()
        .filter(|y| w.len() == 4 && plausible_year(*y))?;
    let start = back_if(text, s, &["the"]);
    (start < s).then_some((start..span.end, Expr::QuarterRef { year: Some(year) }, None))
}

pub(super) fn quarter(c: &Captures, text: &str) -> Option<Found> {
    let span = whole(c);
    let (start, w) = word_before(text, back_if(text, span.start, &["fiscal"]))?;
    let q = lexicon::ordinal(&w).filter(|q| (1..=4).contains(q) && w != "last")? as i8;
    let mut start = back_if(text, start, &["fiscal"]);
    let mut year: Option<i16> = int(c, "y2");
    if let Some((s, w)) = word_before(text, start)
        && w.len() == 4
        && let Ok(y) = w.parse::<i16>()
        && plausible_year(y)
    {
        year = year.or(Some(y));
        start = s;
    }
    start = back_if(text, start, &["fiscal"]);
    let (s, shift) = shift_before(text, start);
    start = back_if(text, s, &["the"]);
    Some((
        start..span.end,
        Expr::Quarter {
            year,
            quarter: q,
            shift,
        },
        None,
    ))
}

/// "Thanksgiving", "Christmas Eve 1997", "last Christmas".
pub(super) fn holiday(c: &Captures, text: &str) -> Option<Found> {
    let holiday = Holiday::parse(group(c, "h")?)?;
    let year: Option<i16> = int(c, "y").filter(|y| plausible_year(*y));
    let mut span = whole(c);
    if year.is_none() {
        span.end = c.name("h")?.end();
    }
    span.start = shift_before(text, span.start).0;
    Some((span, Expr::Holiday { holiday, year }, None))
}
