//! The rules of the date grammar. Each regex matches the core of an expression, which
//! starts with a required word ("quarter", "Monday", a month name) so the regex engine
//! can skip ahead by literal search; the optional words before the core ("last",
//! "the", "early", "fiscal") are read backwards in code. A 5 MB book then takes a few
//! milliseconds per rule instead of tens.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::super::lexicon::{self, MONTH_ANY, MONTH_DOT, MONTH_FULL, WEEKDAYS};
use super::builders::{
    holiday, month_alone, number_before, quarter, season, sentence_start, shift_before, unit,
    unit_phrase, weekday_before, word_after, year_quarter,
};
use super::{DayPart, Expr, Reference, Shift, Unit, YEAR, YEAR_WORDS, year_value};

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
    let pattern = format!(
        "(?-u){}",
        pattern.replace("(?i)", "(?i-u)").replace("(?i:", "(?i-u:")
    );
    match Regex::new(&pattern) {
        Ok(regex) => Some(Rule { regex, build }),
        Err(e) => {
            debug_assert!(false, "date rule does not compile: {e}");
            None
        }
    }
}

pub(super) fn whole(c: &Captures) -> Range<usize> {
    c.get(0).map_or(0..0, |m| m.range())
}

pub(super) fn group<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

pub(super) fn int<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    group(c, name).and_then(|s| s.parse().ok())
}

pub(super) fn part(c: &Captures) -> Option<DayPart> {
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
pub(super) fn back_if(text: &str, start: usize, accept: &[&str]) -> usize {
    match word_before(text, start) {
        Some((s, w)) if accept.contains(&w.as_str()) => s,
        _ => start,
    }
}

pub(super) const MODIFIERS: &[&str] = &["early", "late", "mid"];

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
        // the year two thousand (and one): only after "the year", since "two thousand"
        // alone is far more often a count
        rule(
            r"(?i)\byear\s+two\s+thousand(?:\s+and\s+(?P<u>one|two|three|four|five|six|seven|eight|nine))?\b",
            |c, text| {
                let u = group(c, "u").and_then(lexicon::number).unwrap_or(0);
                let start = back_if(text, whole(c).start, &["the"]);
                Some((start..whole(c).end, Expr::Year(2000 + u as i16), None))
            },
        ),
        // holidays: Thanksgiving (Day), Christmas Eve, New Year's Day (of) (1998)
        rule(
            r"\b(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Eve|\s+Day)?|New\s+Year(?:'s|’s)\s+(?:Day|Eve)|Valentine(?:'s|’s)\s+Day|Independence\s+Day|Fourth\s+of\s+July|Halloween|Labor\s+Day|Memorial\s+Day)(?:,?\s+(?P<y>\d{4})\b)?",
            holiday,
        ),
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
            |c, text| {
                let raw = group(c, "w")?;
                // "USA Today", "VOA Today": a capital inside a sentence makes a name.
                if raw.starts_with(|c: char| c.is_ascii_uppercase())
                    && !sentence_start(text, whole(c).start)
                {
                    return None;
                }
                let w = raw.to_ascii_lowercase();
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
        // the latest period, the 1989 period
        rule(r"(?i)\blatest\s+period\b", |c, text| {
            let start = back_if(text, whole(c).start, &["the"]);
            (start < whole(c).start)
                .then(|| (start..whole(c).end, Expr::QuarterRef { year: None }, None))
        }),
        rule(r"(?i)\b(?:quarter|period)\b", year_quarter),
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
