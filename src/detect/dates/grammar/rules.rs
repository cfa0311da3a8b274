//! The rules of the date grammar. Each regex matches the core of an expression, which
//! starts with a required word ("quarter", "Monday", a month name) so the regex engine
//! can skip ahead by literal search; the optional words before the core ("last",
//! "the", "early", "fiscal") are read backwards in code. A 5 MB book then takes a few
//! milliseconds per rule instead of tens.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::super::lexicon::{self, MONTH_ANY, MONTH_DOT, MONTH_FULL, NUMBER_WORDS, WEEKDAYS};
use super::{DayPart, Expr, Reference, Season, Shift, Unit, YEAR, YEAR_WORDS, year_value};

pub type Found = (Range<usize>, Expr, Option<DayPart>);
type Build = fn(&Captures, &str) -> Option<Found>;

pub struct Rule {
    pub regex: Regex,
    pub build: Build,
}

/// Compiles a rule; ASCII word boundaries keep the regex engine on its fast path for
/// non-English text.
fn rule(pattern: &str, build: Build) -> Option<Rule> {
    // ASCII-only case folding: Unicode folding ("k" also matches the Kelvin sign)
    // defeats the literal search that lets the engine skip most of the text. ASCII
    // classes (\d, \s, \b) also keep the automata small and quick to build; English
    // date words are ASCII, so nothing is lost.
    let pattern = format!("(?-u){}", pattern.replace("(?i)", "(?i-u)").replace("(?i:", "(?i-u:"));
    match Regex::new(&pattern) {
        Ok(regex) => Some(Rule { regex, build }),
        Err(e) => {
            debug_assert!(false, "date rule does not compile: {e}");
            None
        }
    }
}

fn whole(c: &Captures) -> Range<usize> {
    c.get(0).map_or(0..0, |m| m.range())
}

fn group<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

fn int<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    group(c, name).and_then(|s| s.parse().ok())
}

fn part(c: &Captures) -> Option<DayPart> {
    group(c, "part").and_then(DayPart::parse)
}

/// A four-digit number read as a year only in the range news and novels talk about.
pub fn plausible_year(y: i16) -> bool {
    (1500..=2099).contains(&y)
}

/// The word (letters or digits) just before `pos`, separated from it by spaces or a
/// hyphen ("mid-2019"), with its start, lowercased.
pub fn word_before(text: &str, pos: usize) -> Option<(usize, String)> {
    let head = text.get(..pos)?;
    let trimmed = head.trim_end_matches([' ', '\t', '\n', '\r', '-']);
    if trimmed.len() == head.len() || head.len() - trimmed.len() > 3 {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &trimmed[start..];
    (!w.is_empty()).then(|| (start, w.to_ascii_lowercase()))
}

/// Extends `start` back over one word before it that `accept` takes.
fn back_if(text: &str, start: usize, accept: &[&str]) -> usize {
    match word_before(text, start) {
        Some((s, w)) if accept.contains(&w.as_str()) => s,
        _ => start,
    }
}

const MODIFIERS: &[&str] = &["early", "late", "mid"];

pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rules: Vec<Option<Rule>> = vec![
        // 2020-01-06
        rule(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", |c, _| {
            Some((
                whole(c),
                Expr::Day {
                    year: int(c, "y"),
                    month: int(c, "m")?,
                    day: int(c, "d")?,
                },
                None,
            ))
        }),
        // 1/6/2020 (US order)
        rule(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b", |c, _| {
            Some((
                whole(c),
                Expr::Day {
                    year: int(c, "y"),
                    month: int(c, "m")?,
                    day: int(c, "d")?,
                },
                None,
            ))
        }),
        // (Monday,) Jan. 6(, 2020) (morning)
        rule(
            &format!(
                r"\b(?P<mon>{MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
            ),
            |c, text| {
                let mut span = whole(c);
                span.start = weekday_before(text, span.start);
                let day = Expr::Day {
                    year: int(c, "y"),
                    month: lexicon::month_number(group(c, "mon")?)?,
                    day: int(c, "d")?,
                };
                Some((span, day, part(c)))
            },
        ),
        // 6 January 2020, the 6th of January
        rule(
            &format!(
                r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_FULL}|{MONTH_DOT})(?:,?\s+(?P<y>\d{{4}})\b)?"
            ),
            |c, text| {
                let mut span = whole(c);
                span.start = back_if(text, span.start, &["the"]);
                let day = Expr::Day {
                    year: int(c, "y"),
                    month: lexicon::month_number(group(c, "mon")?)?,
                    day: int(c, "d")?,
                };
                Some((span, day, None))
            },
        ),
        // (early) October (of) 2014, January nineteen ninety-seven
        rule(
            &format!(r"\b(?P<mon>{MONTH_FULL}|{MONTH_DOT}),?\s+(?:of\s+)?(?P<y>{YEAR})\b"),
            |c, text| {
                let mut span = whole(c);
                span.start = back_if(text, span.start, MODIFIERS);
                let month = lexicon::month_number(group(c, "mon")?)?;
                Some((
                    span,
                    Expr::Month {
                        year: group(c, "y").and_then(year_value),
                        month,
                        year_shift: None,
                        shift: None,
                    },
                    None,
                ))
            },
        ),
        // January this year, June last year
        rule(
            &format!(r"\b(?P<mon>{MONTH_FULL})\s+(?P<shift>last|this|next)\s+year\b"),
            |c, _| {
                let shift = Shift::parse(group(c, "shift")?)?;
                let month = lexicon::month_number(group(c, "mon")?)?;
                Some((
                    whole(c),
                    Expr::Month {
                        year: None,
                        month,
                        year_shift: Some(shift.offset()),
                        shift: None,
                    },
                    None,
                ))
            },
        ),
        // (last|early|in) October: a month on its own
        rule(&format!(r"\b(?P<mon>{MONTH_FULL})\b"), month_alone),
        // seasons: (this|last|next) (early) summer (of) (2014)
        rule(
            &format!(
                r"(?i)\b(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+of)?(?:\s+(?P<y>{YEAR})\b)?"
            ),
            season,
        ),
        // quarters: the third quarter (of 1989), the 1989 second quarter, third-quarter
        rule(
            r"(?i)\bquarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<y2>\d{4})\b)?",
            quarter,
        ),
        // Q3 2019
        rule(r"\bQ(?P<q>[1-4])\s+(?P<y>\d{4})\b", |c, _| {
            Some((
                whole(c),
                Expr::Quarter {
                    year: int(c, "y"),
                    quarter: int(c, "q")?,
                    shift: None,
                },
                None,
            ))
        }),
        // the first half of 2019
        rule(
            r"(?i)\b(?P<h>first|second)[-\s]half\s+of\s+(?P<y>\d{4})\b",
            |c, text| {
                let half = if group(c, "h")?.eq_ignore_ascii_case("first") {
                    1
                } else {
                    2
                };
                let mut span = whole(c);
                span.start = back_if(text, span.start, &["the"]);
                Some((
                    span,
                    Expr::Half {
                        year: int(c, "y"),
                        half,
                    },
                    None,
                ))
            },
        ),
        // nineteen ninety-six
        rule(&format!(r"\b(?:{YEAR_WORDS})\b"), |c, _| {
            Some((whole(c), Expr::Year(year_value(c.get(0)?.as_str())?), None))
        }),
        // decades: the late '70s, the nineties (digit decades are read by the year scanner)
        rule(r"'(?P<d2>\d0)s\b", decade_word),
        rule(
            r"(?i)\b(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            decade_word,
        ),
    ];
    rules.into_iter().flatten().chain(more_rules()).collect()
});

fn decade_word(c: &Captures, text: &str) -> Option<Found> {
    let decade = if let Some(d) = int::<i16>(c, "d2") {
        190 + d / 10
    } else {
        190 + lexicon::tens(group(c, "w")?)? as i16
    };
    let mut span = whole(c);
    span.start = back_if(text, span.start, MODIFIERS);
    let before = back_if(text, span.start, &["the"]);
    if c.name("w").is_some() && before == span.start {
        // "in his forties" is an age, "the nineties" a decade.
        return None;
    }
    span.start = before;
    Some((span, Expr::Decade(decade), None))
}

fn more_rules() -> Vec<Rule> {
    let rules: Vec<Option<Rule>> = vec![
        // centuries: the 20th century, the nineteenth century
        rule(r"(?i)\bcentury\b", |c, text| {
            let span = whole(c);
            let (mut start, w) = word_before(text, span.start)?;
            let mut n = lexicon::ordinal(&w)?;
            if w == "first"
                && text[..start].ends_with('-')
                && let Some((s, tw)) = word_before(text, start)
                && tw == "twenty"
            {
                n = 21;
                start = s;
            }
            (1..=21).contains(&n).then_some(())?;
            start = back_if(text, start, &["the"]);
            Some((start..span.end, Expr::Century((n - 1) as i16), None))
        }),
        // yesterday, today, tomorrow, tonight (+ part of day)
        rule(
            r"(?i)\b(?P<w>yesterday|today|tomorrow|tonight)\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?",
            |c, _| {
                let w = group(c, "w")?.to_ascii_lowercase();
                let (offset, part) = match w.as_str() {
                    "yesterday" => (-1, part(c)),
                    "tomorrow" => (1, part(c)),
                    "tonight" => (0, Some(DayPart::Night)),
                    _ => (0, part(c)),
                };
                Some((whole(c), Expr::DayOffset(offset), part))
            },
        ),
        // last night, this morning
        rule(
            r"(?i)\b(?P<w>last|this)\s+(?P<part>morning|afternoon|evening|night)\b",
            |c, _| {
                let last = group(c, "w")?.eq_ignore_ascii_case("last");
                Some((
                    whole(c),
                    Expr::DayOffset(if last { -1 } else { 0 }),
                    part(c),
                ))
            },
        ),
        // weekdays: (last|next|this) Monday (morning)
        rule(
            &format!(r"\b(?P<wd>{WEEKDAYS})\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"),
            |c, text| {
                let weekday = lexicon::weekday(group(c, "wd")?)?;
                let mut span = whole(c);
                let (start, shift) = shift_before(text, span.start);
                span.start = start;
                Some((span, Expr::Weekday { weekday, shift }, part(c)))
            },
        ),
        // last week, this month, next year, earlier this month, the weekend, the quarter
        rule(
            r"(?i)\b(?P<u>week|weekend|month|quarter|year|decade)\b",
            unit_phrase,
        ),
        // the latest period
        rule(r"(?i)\blatest\s+period\b", |c, text| {
            let start = back_if(text, whole(c).start, &["the"]);
            (start < whole(c).start).then(|| (start..whole(c).end, Expr::QuarterRef, None))
        }),
        // two years ago, a year earlier, several months ago
        rule(
            r"(?i)\b(?P<u>day|week|month|quarter|year|decade)s?\s+(?P<dir>ago|earlier|from\s+now)\b",
            |c, text| {
                let unit = unit(group(c, "u")?)?;
                let (n_start, n) = number_before(text, whole(c).start)?;
                let count = lexicon::number(&n);
                let dir = group(c, "dir")?.to_ascii_lowercase();
                let forward = dir.starts_with("from");
                // "a few months earlier" is earlier than some narrative time, not the
                // anchor; only "ago" counts back from the time of writing when vague.
                if count.is_none() && dir == "earlier" {
                    return None;
                }
                let mut span = n_start..whole(c).end;
                span.start = back_if(
                    text,
                    span.start,
                    &[
                        "nearly", "almost", "about", "some", "over", "just", "only", "roughly",
                    ],
                );
                Some((
                    span,
                    Expr::Ago {
                        unit,
                        count,
                        forward,
                    },
                    None,
                ))
            },
        ),
        // the year-earlier quarter, year-ago, the year-ago period
        rule(
            r"(?i)\byear-(?:earlier|ago|before)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))?",
            |c, text| {
                let mut span = whole(c);
                span.start = back_if(text, span.start, &["comparable", "same", "latest"]);
                span.start = back_if(text, span.start, &["the"]);
                Some((
                    span,
                    Expr::Ago {
                        unit: Unit::Year,
                        count: Some(1),
                        forward: false,
                    },
                    None,
                ))
            },
        ),
        // recent years, the past few months, the coming decades
        rule(
            r"(?i)\b(?P<w>recent|few|several|coming)\s+(?P<u>days|weeks|months|quarters|years|decades)\b",
            |c, text| {
                let w = group(c, "w")?.to_ascii_lowercase();
                let u = group(c, "u")?.to_ascii_lowercase();
                let span = whole(c);
                let (start, r) = match w.as_str() {
                    "recent" => (span.start, Reference::Past),
                    // "the coming days" reads as a duration in news, not a time.
                    "coming" if matches!(u.as_str(), "years" | "decades") => {
                        let s = back_if(text, span.start, &["the"]);
                        (s < span.start).then_some(())?;
                        (s, Reference::Future)
                    }
                    "few" | "several" => {
                        let s = back_if(text, span.start, &["past", "last"]);
                        let the = back_if(text, s, &["the"]);
                        (s < span.start && the < s).then_some(())?;
                        (the, Reference::Past)
                    }
                    _ => return None,
                };
                Some((start..span.end, Expr::Reference(r), None))
            },
        ),
        // now, currently, recently, the future
        rule(
            r"(?i)\b(?:now|currently|current|recently|nowadays|future|past)\b",
            |c, text| {
                let w = c.get(0)?.as_str().to_ascii_lowercase();
                let span = whole(c);
                let next = word_after(text, span.end);
                let r = match w.as_str() {
                    // "now that" is a conjunction.
                    "now" if next == "that" => return None,
                    "recently" => Reference::Past,
                    "past" => {
                        // "the past" as a noun; "the past few years" is a duration and
                        // "past years" an adjective.
                        let the = back_if(text, span.start, &["the"]);
                        let unit_next = next.trim_end_matches('s');
                        if the == span.start
                            || lexicon::number(&next).is_some()
                            || matches!(next.as_str(), "few" | "several" | "decade" | "century")
                            || unit(unit_next).is_some()
                        {
                            return None;
                        }
                        return Some((the..span.end, Expr::Reference(Reference::Past), None));
                    }
                    "future" => {
                        // "the future of X" is X's fate; "future" alone is mostly an adjective.
                        if next == "of" {
                            return None;
                        }
                        let s = back_if(text, span.start, &["near", "distant", "foreseeable"]);
                        let the = back_if(text, s, &["the"]);
                        (the < s).then_some(())?;
                        return Some((the..span.end, Expr::Reference(Reference::Future), None));
                    }
                    _ => Reference::Present,
                };
                Some((span, Expr::Reference(r), None))
            },
        ),
    ];
    rules.into_iter().flatten().collect()
}

/// The count before "years ago": a numeral or a number word ("two", "a", "a few",
/// "a couple of", "several"), with its start.
fn number_before(text: &str, pos: usize) -> Option<(usize, String)> {
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

/// The lowercased word right after `pos` (after spaces), or "".
fn word_after(text: &str, pos: usize) -> String {
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
fn weekday_before(text: &str, start: usize) -> usize {
    let head = text.get(..start).unwrap_or("");
    let trimmed = head.trim_end_matches(' ').trim_end_matches(',');
    match word_before(text, trimmed.len() + 1).filter(|_| trimmed.len() < head.len()) {
        Some((s, w)) if lexicon::weekday(&w).is_some() && w.ends_with("day") => s,
        _ => start,
    }
}

/// Reads "last", "next", "this", "this past", "this coming" before `start`.
fn shift_before(text: &str, start: usize) -> (usize, Option<Shift>) {
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

fn unit(word: &str) -> Option<Unit> {
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
fn unit_phrase(c: &Captures, text: &str) -> Option<Found> {
    let unit = unit(group(c, "u")?)?;
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
                return Some((start..span.end, Expr::QuarterRef, None));
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
                return Some((start..span.end, Expr::QuarterRef, None));
            }
            // "the weekend", "the end of the month" and "(for) the year" standing alone
            // are the anchor's; "the year before", "the year of X" are some other year.
            let next = word_after(text, span.end);
            let year_alone = unit == Unit::Year
                && !text[span.end..].starts_with('-')
                && !matches!(
                    next.as_str(),
                    "earlier" | "ago" | "before" | "after" | "ended" | "ending" | "two" | "in"
                        | "when" | "of" | "that" | "which" | "he" | "she" | "they" | "we" | "i"
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
fn month_alone(c: &Captures, text: &str) -> Option<Found> {
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

fn season(c: &Captures, text: &str) -> Option<Found> {
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

fn quarter(c: &Captures, text: &str) -> Option<Found> {
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
