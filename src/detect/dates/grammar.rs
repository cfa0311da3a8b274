//! The grammar of date expressions: regex rules that find candidate spans and read them
//! into an [`Expr`] (what was said, not yet resolved against any date), then keep the
//! longest non-overlapping candidates. Resolution lives in `resolve`.

mod builders;
mod rules;

use std::ops::Range;

use jiff::civil::Weekday;

pub use super::holiday::Holiday;
use super::lexicon;
use rules::{Found, RULES, plausible_year, word_before};

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

    pub(super) fn parse(word: &str) -> Option<DayPart> {
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
    pub(super) fn parse(word: &str) -> Option<Shift> {
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
    /// With a year: "the 1988 quarter", "the 1989 period" (that year's such quarter).
    QuarterRef {
        year: Option<i16>,
    },
    Reference(Reference),
    /// A holiday named without its year ("Thanksgiving", "Christmas Eve"); a year may follow.
    Holiday {
        holiday: Holiday,
        year: Option<i16>,
    },
}

impl Expr {
    /// Whether the value depends on an anchor date.
    pub fn is_relative(&self) -> bool {
        match self {
            Expr::Day { year, .. }
            | Expr::Month { year, .. }
            | Expr::Season { year, .. }
            | Expr::Quarter { year, .. }
            | Expr::Half { year, .. }
            | Expr::Holiday { year, .. } => year.is_none(),
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

/// A year in words only.
const YEAR_WORDS: &str = r"(?i:nineteen\s+(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)";

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

/// Four-digit years and decades ("2003", "mid-2019", "fiscal 1989", "the 1990s"), read
/// by a hand scan: digits are no literal a regex engine can skip to.
fn years(text: &str, found: &mut Vec<Mention>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if i - start != 4 || glued(start.checked_sub(1).and_then(|j| bytes.get(j))) {
            continue;
        }
        if let Some(f) = decade_at(text, start..i).or_else(|| year_at(text, start..i)) {
            found.push(Mention {
                span: f.0,
                expr: f.1,
                part: f.2,
                time: None,
            });
        }
    }
}

fn decade_at(text: &str, digits: Range<usize>) -> Option<Found> {
    let rest = text.get(digits.end..)?;
    let len = if rest.starts_with("s") {
        1
    } else if rest.starts_with("'s") || rest.starts_with("’s") {
        rest.chars().next()?.len_utf8() + 1
    } else {
        return None;
    };
    let end = digits.end + len;
    if text
        .as_bytes()
        .get(end)
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let y: i16 = text.get(digits.clone())?.parse().ok()?;
    (plausible_year(y) && y % 10 == 0).then_some(())?;
    let mut start = digits.start;
    if let Some((s, w)) = word_before(text, start)
        && matches!(w.as_str(), "early" | "late" | "mid")
    {
        start = s;
    }
    if let Some((s, w)) = word_before(text, start)
        && w == "the"
    {
        start = s;
    }
    Some((start..end, Expr::Decade(y / 10), None))
}

/// A four-digit year, kept only where it reads as one: not part of a bigger number
/// ("182,000", "2,003", "3.2003"), not a sum ("$2003"), not a count ("2003 people").
fn year_at(text: &str, digits: Range<usize>) -> Option<Found> {
    let value: i16 = text.get(digits.clone())?.parse().ok()?;
    if !plausible_year(value) {
        return None;
    }
    let before = &text[..digits.start];
    let after = &text[digits.end..];
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
    let prev_word = word_before(text, digits.start)
        .map(|(_, w)| w)
        .unwrap_or_default();
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
    ) {
        return None;
    }
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .take(16)
        .collect();
    let counted = next_word.len() > 3
        && next_word
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_lowercase())
        && (next_word.ends_with('s') && !next_word.ends_with("ss") && !next_word.ends_with("us")
            || matches!(next_word.as_str(), "people" | "men" | "women" | "children"))
        && !matches!(
            next_word.as_str(),
            "was"
                | "has"
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
    let mut start = digits.start;
    if let Some((s, w)) = word_before(text, start)
        && matches!(w.as_str(), "early" | "late" | "mid" | "fiscal")
    {
        start = s;
    }
    Some((start..digits.end, Expr::Year(value), None))
}

/// Every date expression of `text`, longest first where candidates overlap, in text order.
pub fn scan(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    years(text, &mut found);
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
