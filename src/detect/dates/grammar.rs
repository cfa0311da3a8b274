//! The grammar of date expressions: regex rules that find candidate spans and read them
//! into an [`Expr`] (what was said, not yet resolved against any date), then keep the
//! longest non-overlapping candidates. Resolution lives in `resolve`.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Weekday;
use regex::{Captures, Regex};

use super::lexicon::{self, MONTH_ANY, MONTH_DOT, MONTH_FULL, NUMBER_WORDS, WEEKDAYS};

/// Calendar units that relative expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month a season starts in (meteorological seasons; winter starts in December).
    pub fn start_month(self) -> i8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Parts of the day, TIMEX3 `TMO`, `TAF`, `TEV`, `TNI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    fn parse(word: &str) -> Option<DayPart> {
        Some(match word.to_ascii_lowercase().as_str() {
            "morning" => DayPart::Morning,
            "afternoon" | "mid-afternoon" | "mid afternoon" => DayPart::Afternoon,
            "evening" => DayPart::Evening,
            "night" | "tonight" | "overnight" => DayPart::Night,
            _ => return None,
        })
    }
}

/// The deictic words that move a unit or a weekday: "last", "this", "next".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    Last,
    This,
    Next,
}

impl Shift {
    fn parse(word: &str) -> Option<Shift> {
        let w = word.to_ascii_lowercase();
        let last = w.rsplit(' ').next().unwrap_or("");
        match last {
            "last" | "past" | "previous" => Some(Shift::Last),
            "this" | "current" => Some(Shift::This),
            "next" | "coming" | "following" => Some(Shift::Next),
            _ => None,
        }
    }

    pub fn offset(self) -> i32 {
        match self {
            Shift::Last => -1,
            Shift::This => 0,
            Shift::Next => 1,
        }
    }
}

/// The three TIMEX3 reference values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Past,
    Present,
    Future,
}

impl Reference {
    pub fn value(self) -> &'static str {
        match self {
            Reference::Past => "PAST_REF",
            Reference::Present => "PRESENT_REF",
            Reference::Future => "FUTURE_REF",
        }
    }
}

/// A date expression as written, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A calendar day; the year is missing in "January 6".
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    /// A month; with a year, or a year offset from the anchor ("January last year"), or
    /// neither (inferred from tense, or from "last"/"next": the nearest past/future one).
    Month {
        year: Option<i16>,
        month: i8,
        year_shift: Option<i32>,
        shift: Option<Shift>,
    },
    Year(i16),
    /// The decade starting at `10 * .0` ("the 1990s" = Decade(199)).
    Decade(i16),
    /// The century by its first two digits ("the 20th century" = Century(19)).
    Century(i16),
    Season {
        year: Option<i16>,
        season: Season,
        shift: Option<Shift>,
    },
    Quarter {
        year: Option<i16>,
        quarter: i8,
        shift: Option<Shift>,
    },
    Half {
        year: Option<i16>,
        half: i8,
    },
    Weekday {
        weekday: Weekday,
        shift: Option<Shift>,
    },
    /// "yesterday" (-1), "today" (0), "tomorrow" (1).
    DayOffset(i32),
    /// "last week", "this month", "next year".
    Unit {
        unit: Unit,
        shift: Shift,
    },
    /// "two years ago", "a year earlier", "in three weeks"; `count` is None when vague.
    Ago {
        unit: Unit,
        count: Option<i32>,
        forward: bool,
    },
    /// "the quarter", "the latest period": the quarter being reported on.
    QuarterRef,
    Reference(Reference),
}

impl Expr {
    /// Whether the value depends on an anchor date.
    pub fn is_relative(&self) -> bool {
        match self {
            Expr::Day { year, .. }
            | Expr::Month { year, .. }
            | Expr::Season { year, .. }
            | Expr::Quarter { year, .. }
            | Expr::Half { year, .. } => year.is_none(),
            Expr::Year(_) | Expr::Decade(_) | Expr::Century(_) | Expr::Reference(_) => false,
            _ => true,
        }
    }
}

/// A candidate date expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    pub expr: Expr,
    pub part: Option<DayPart>,
    /// Clock time (hour, minute) when one is attached ("3 p.m. Monday").
    pub time: Option<(i8, i8)>,
}

/// A year as digits or as words ("nineteen ninety-four").
const YEAR: &str = r"\d{4}|(?i:nineteen\s+(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)";

/// Reads a [`YEAR`] match.
fn year_value(s: &str) -> Option<i16> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty());
    words
        .next()?
        .eq_ignore_ascii_case("nineteen")
        .then_some(())?;
    let t = lexicon::tens(words.next()?)?;
    let u = words.next().and_then(lexicon::number).unwrap_or(0);
    Some((1900 + 10 * t + u) as i16)
}

fn year_of(c: &Captures, name: &str) -> Option<i16> {
    group(c, name).and_then(year_value)
}

type Build = fn(&Captures, &str) -> Option<(Range<usize>, Expr, Option<DayPart>)>;

struct Rule {
    regex: Regex,
    build: Build,
}

/// Compiles a rule; ASCII word boundaries keep the regex engine on its fast path for
/// non-English text.
fn rule(pattern: &str, build: Build) -> Option<Rule> {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
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
fn plausible_year(y: i16) -> bool {
    (1500..=2099).contains(&y)
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let rules: Vec<Option<Rule>> = vec![
        // 2020-01-06, 2020-01-06T14:30
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
                r"(?:\b(?:{WEEKDAYS}),?\s+)?\b(?P<mon>{MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
            ),
            |c, _| {
                let year = int(c, "y");
                Some((
                    whole(c),
                    Expr::Day {
                        year,
                        month: lexicon::month_number(group(c, "mon")?)?,
                        day: int(c, "d")?,
                    },
                    part(c),
                ))
            },
        ),
        // 6 January 2020, the 6th of January
        rule(
            &format!(
                r"\b(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_FULL}|{MONTH_DOT})(?:,?\s+(?P<y>\d{{4}})\b)?"
            ),
            |c, _| {
                Some((
                    whole(c),
                    Expr::Day {
                        year: int(c, "y"),
                        month: lexicon::month_number(group(c, "mon")?)?,
                        day: int(c, "d")?,
                    },
                    None,
                ))
            },
        ),
        // (early) October (of) 2014, the end of November 1989
        rule(
            &format!(
                r"(?:\b(?:early|late|mid-?)\s*)?\b(?P<mon>{MONTH_FULL}|{MONTH_DOT}),?\s+(?:of\s+)?(?P<y>{YEAR})\b"
            ),
            |c, _| {
                Some((
                    whole(c),
                    Expr::Month {
                        year: year_of(c, "y"),
                        month: lexicon::month_number(group(c, "mon")?)?,
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
                Some((
                    whole(c),
                    Expr::Month {
                        year: None,
                        month: lexicon::month_number(group(c, "mon")?)?,
                        year_shift: Some(shift.offset()),
                        shift: None,
                    },
                    None,
                ))
            },
        ),
        // (last|early|in) October: a month on its own
        rule(
            &format!(
                r"(?:\b(?P<pre>[A-Za-z]+)\s+)?\b(?P<mon>{MONTH_FULL})\b(?P<after>\s+[A-Z]\w*)?"
            ),
            month_alone,
        ),
        // seasons: (this|last|next) (early) summer (of) (2014)
        rule(
            &format!(
                r"(?i:\b(?P<shift>this past|this coming|this|last|next)\s+|\b(?P<the>the)\s+)?(?P<mod>(?i:early|late|mid-?)\s*)?\b(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+of)?(?:\s+(?P<y>{YEAR})\b)?"
            ),
            season,
        ),
        // quarters: the third quarter (of 1989), the 1989 second quarter, third-quarter, fiscal first quarter
        rule(
            r"(?i)\b(?:(?P<det>the|this|last|next|its|a)\s+)?(?:(?P<y1>\d{4})\s+)?(?:fiscal[-\s]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal\s+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<y2>\d{4})\b)?",
            |c, _| {
                let q = lexicon::ordinal(group(c, "q")?)?;
                let year = int(c, "y1").or_else(|| int(c, "y2"));
                let shift = group(c, "det").and_then(Shift::parse);
                let mut span = whole(c);
                if let Some(det) = c.name("det") {
                    // "its" and "a" belong to the sentence, not the date.
                    if matches!(det.as_str().to_ascii_lowercase().as_str(), "its" | "a") {
                        span.start = c
                            .name("y1")
                            .or(c.name("q"))
                            .map_or(span.start, |m| m.start());
                    }
                }
                Some((
                    span,
                    Expr::Quarter {
                        year,
                        quarter: q as i8,
                        shift,
                    },
                    None,
                ))
            },
        ),
        // Q3 2019, 2019-Q3
        rule(
            r"\bQ(?P<q>[1-4])\s+(?P<y>\d{4})\b|\b(?P<y2>\d{4})-Q(?P<q2>[1-4])\b",
            |c, _| {
                let q: i8 = int(c, "q").or_else(|| int(c, "q2"))?;
                let year = int(c, "y").or_else(|| int(c, "y2"));
                Some((
                    whole(c),
                    Expr::Quarter {
                        year,
                        quarter: q,
                        shift: None,
                    },
                    None,
                ))
            },
        ),
        // the first half of 2019, the second half
        rule(
            r"(?i)\b(?:the\s+)?(?P<h>first|second|last)[-\s]half\b(?:\s+of\s+(?P<y>\d{4})\b)?",
            |c, _| {
                let half = if group(c, "h")?.eq_ignore_ascii_case("first") {
                    1
                } else {
                    2
                };
                let year = int(c, "y");
                year?;
                Some((whole(c), Expr::Half { year, half }, None))
            },
        ),
        // years: 2003, mid-2019, fiscal 1989
        rule(
            r"(?:\b(?i:early|late|mid-?|fiscal)[\s-]*)?\b(?P<y>\d{4})\b",
            year,
        ),
        // nineteen ninety-six
        rule(
            r"(?i)\bnineteen\s+(?P<t>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?P<u>one|two|three|four|five|six|seven|eight|nine))?\b",
            |c, _| {
                let t = lexicon::tens(group(c, "t")?)?;
                let u = group(c, "u").and_then(lexicon::number).unwrap_or(0);
                Some((whole(c), Expr::Year((1900 + 10 * t + u) as i16), None))
            },
        ),
        // decades: the 1990s, the late '70s, the nineties
        rule(
            r"(?i)\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?P<d>1[5-9]\d0|20\d0)'?s|'(?P<d2>\d0)s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
            |c, _| {
                let decade = if let Some(d) = int::<i16>(c, "d") {
                    d / 10
                } else if let Some(d) = int::<i16>(c, "d2") {
                    190 + d / 10
                } else {
                    190 + lexicon::tens(group(c, "w")?)? as i16
                };
                Some((whole(c), Expr::Decade(decade), None))
            },
        ),
        // centuries: the 20th century, the nineteenth century
        rule(
            r"(?i)\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-first)?)\s+century\b",
            |c, _| {
                let n = lexicon::ordinal(group(c, "n")?)?;
                (1..=21).contains(&n).then_some(())?;
                Some((whole(c), Expr::Century((n - 1) as i16), None))
            },
        ),
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
        // last night, this morning, (later) this afternoon
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
            &format!(
                r"(?:\b(?P<shift>(?i:this past|this coming|last|next|this))\s+)?\b(?P<wd>{WEEKDAYS})\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
            ),
            |c, _| {
                let weekday = lexicon::weekday(group(c, "wd")?)?;
                let shift = group(c, "shift").and_then(Shift::parse);
                Some((whole(c), Expr::Weekday { weekday, shift }, part(c)))
            },
        ),
        // last week, this month, next year, earlier this month, the current quarter
        rule(
            r"(?i)\b(?:(?:early|late|earlier|later)\s+|the\s+end\s+of\s+)?(?P<shift>last|this|next|the\s+current|the(?:\s+fiscal)?)\s+(?P<u>week|weekend|month|quarter|year|decade|fiscal\s+year)\b",
            |c, _| {
                let det = group(c, "shift")?.to_ascii_lowercase();
                let u = group(c, "u")?.to_ascii_lowercase();
                // "the" alone is anaphoric ("the year" may be any year) except in
                // "the weekend" and "the end of the month/year".
                let shift = if det.starts_with("the") && !det.contains("current") {
                    let end_of = c
                        .get(0)
                        .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with("the end of"));
                    if u != "weekend" && !end_of {
                        return None;
                    }
                    Shift::This
                } else {
                    Shift::parse(&det)?
                };
                let unit = unit(group(c, "u")?)?;
                Some((whole(c), Expr::Unit { unit, shift }, None))
            },
        ),
        // two years ago, a year earlier, several months ago
        rule(
            &format!(
                r"(?i)\b(?:(?:nearly|almost|about|some|more\s+than|over|just|only|roughly)\s+)?(?P<n>\d{{1,3}}|{NUMBER_WORDS})\s+(?P<u>day|week|month|quarter|year|decade)s?\s+(?P<dir>ago|earlier|from\s+now)\b"
            ),
            |c, _| {
                let unit = unit(group(c, "u")?)?;
                let count = lexicon::number(group(c, "n")?);
                let dir = group(c, "dir")?.to_ascii_lowercase();
                let forward = dir.starts_with("from");
                // "a few months earlier" is earlier than some narrative time, not the
                // anchor; only "ago" counts back from the time of writing when vague.
                if count.is_none() && dir == "earlier" {
                    return None;
                }
                Some((
                    whole(c),
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
            r"(?i)\b(?:the\s+)?(?:(?:comparable|same|latest)\s+)?year-(?:earlier|ago|before)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))?",
            |c, _| {
                Some((
                    whole(c),
                    Expr::Ago {
                        unit: Unit::Year,
                        count: Some(1),
                        forward: false,
                    },
                    None,
                ))
            },
        ),
        // the quarter, the latest quarter, the latest period
        rule(
            r"(?i)\bthe\s+(?:(?:latest|most\s+recent|recent)\s+)?(?:fiscal\s+)?quarter\b|(?i)\bthe\s+latest\s+period\b",
            |c, _| Some((whole(c), Expr::QuarterRef, None)),
        ),
        // recent years, the past few months, the coming decades
        rule(
            r"(?i)\b(?:(?:in\s+)?recent|the\s+(?:past|last)\s+(?:few|several)|the\s+coming)\s+(?P<u>days|weeks|months|quarters|years|decades)\b",
            |c, _| {
                let w = c.get(0)?.as_str().to_ascii_lowercase();
                if w.starts_with("the coming") && !matches!(group(c, "u")?, "years" | "decades") {
                    // "the coming days" reads as a duration in news, not tagged by TimeBank.
                    return None;
                }
                let r = if w.starts_with("the coming") {
                    Reference::Future
                } else {
                    Reference::Past
                };
                let start = if w.starts_with("in ") {
                    c.get(0)?.start() + 3
                } else {
                    c.get(0)?.start()
                };
                Some((start..c.get(0)?.end(), Expr::Reference(r), None))
            },
        ),
        // now, currently, recently, the future
        rule(
            r"(?i)\b(?P<w>now|currently|current|recently|nowadays|these\s+days|(?:the|the\s+near|the\s+distant|the\s+foreseeable)\s+future)\b(?P<after>\s+(?:that|of)\b)?",
            |c, _| {
                // "now that" is a conjunction; "the future of X" is X's fate, not a time.
                if c.name("after").is_some() {
                    return None;
                }
                let w = group(c, "w")?.to_ascii_lowercase();
                let r = if w.ends_with("future") {
                    Reference::Future
                } else if w == "recently" {
                    Reference::Past
                } else {
                    Reference::Present
                };
                let span = c.name("w")?.range();
                Some((span, Expr::Reference(r), None))
            },
        ),
    ];
    rules.into_iter().flatten().collect()
});

fn unit(word: &str) -> Option<Unit> {
    let word = word.to_ascii_lowercase();
    let word = word
        .strip_prefix("fiscal")
        .map_or(word.as_str(), str::trim_start);
    Some(match word {
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

/// A month with neither day nor year. "May" and "March" are words too, so they need a
/// word before them that only a month takes; a capitalised word after a month ("June
/// Carter") makes it a name.
fn month_alone(c: &Captures, _text: &str) -> Option<(Range<usize>, Expr, Option<DayPart>)> {
    let name = c.name("mon")?;
    let month = lexicon::month_number(name.as_str())?;
    if c.name("after").is_some() {
        return None;
    }
    let pre = group(c, "pre").map(str::to_ascii_lowercase);
    let pre = pre.as_deref().unwrap_or("");
    let shift = match pre {
        "last" => Some(Shift::Last),
        "this" => Some(Shift::This),
        "next" => Some(Shift::Next),
        _ => None,
    };
    let keeps_pre = shift.is_some() || matches!(pre, "early" | "late" | "mid");
    let month_prep = keeps_pre
        || matches!(
            pre,
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
                | "last"
                | "each"
                | "every"
        );
    if matches!(month, 3 | 5) && !month_prep {
        return None;
    }
    let start = if keeps_pre {
        c.get(0)?.start()
    } else {
        name.start()
    };
    let expr = Expr::Month {
        year: None,
        month,
        year_shift: None,
        shift,
    };
    Some((start..name.end(), expr, None))
}

fn season(c: &Captures, _text: &str) -> Option<(Range<usize>, Expr, Option<DayPart>)> {
    let s = match group(c, "s")?.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        _ => Season::Winter,
    };
    let year: Option<i16> = year_of(c, "y");
    let shift = group(c, "shift").and_then(Shift::parse);
    if year.is_none() && shift.is_none() {
        // A bare "the fall" or "summer" is too often not a date ("the fall of the wall").
        return None;
    }
    if year.is_some_and(|y| !plausible_year(y)) {
        return None;
    }
    let start = if c.name("the").is_some() {
        c.name("mod").or(c.name("s"))?.start()
    } else {
        c.get(0)?.start()
    };
    Some((
        start..c.get(0)?.end(),
        Expr::Season {
            year,
            season: s,
            shift,
        },
        None,
    ))
}

/// A four-digit year, kept only where it reads as one: not part of a bigger number
/// ("182,000", "2,003", "3.2003"), not a sum ("$2003"), not a count ("2003 people").
fn year(c: &Captures, text: &str) -> Option<(Range<usize>, Expr, Option<DayPart>)> {
    let y = c.name("y")?;
    let value: i16 = y.as_str().parse().ok()?;
    if !plausible_year(value) {
        return None;
    }
    let before = &text[..y.start()];
    let after = &text[y.end()..];
    let mut prev = before.chars().rev();
    let p1 = prev.next();
    let p2 = prev.next();
    if matches!(p1, Some('$' | '#' | '£' | '€' | '+' | '/' | ':' | '°'))
        || (matches!(p1, Some(',' | '.')) && p2.is_some_and(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let mut next = after.chars();
    let n1 = next.next();
    let n2 = next.next();
    if matches!(n1, Some('%' | '/' | ':' | '-'))
        || (matches!(n1, Some(',' | '.')) && n2.is_some_and(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let prev_word = before
        .trim_end()
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(
        prev_word.as_str(),
        "than"
            | "about"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "around"
            | "approximately"
            | "roughly"
            | "least"
            | "only"
            | "just"
            | "no"
            | "number"
            | "page"
            | "pages"
            | "room"
            | "flight"
            | "route"
            | "chapter"
            | "vol"
            | "p"
            | "pp"
            | "no."
    ) {
        return None;
    }
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect();
    let counted = next_word.len() > 3
        && next_word
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_lowercase())
        && (next_word.ends_with('s') && !next_word.ends_with("ss") && !next_word.ends_with("us")
            || matches!(next_word.as_str(), "people" | "men" | "women" | "children"));
    let counted = counted
        && !matches!(
            next_word.as_str(),
            "was"
                | "has"
                | "is"
                | "as"
                | "this"
                | "his"
                | "its"
                | "seems"
                | "shows"
                | "proves"
                | "marks"
                | "sees"
                | "brings"
                | "comes"
                | "goes"
                | "makes"
                | "gives"
                | "saw"
                | "levels"
                | "figures"
                | "results"
                | "earnings"
                | "sales"
                | "profits"
                | "elections"
                | "olympics"
        );
    if counted {
        return None;
    }
    Some((whole(c), Expr::Year(value), None))
}

/// Every date expression of `text`, longest first where candidates overlap, in text order.
pub fn scan(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for rule in RULES.iter() {
        for c in rule.regex.captures_iter(text) {
            if let Some((span, expr, part)) = (rule.build)(&c, text)
                && !span.is_empty()
            {
                found.push(Mention {
                    span,
                    expr,
                    part,
                    time: None,
                });
            }
        }
    }
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    for m in found {
        match kept.last_mut() {
            Some(last) if m.span.start < last.span.end => {
                if m.span.len() > last.span.len() {
                    *last = m;
                }
            }
            _ => kept.push(m),
        }
    }
    super::clock::attach_times(text, &mut kept);
    kept
}
