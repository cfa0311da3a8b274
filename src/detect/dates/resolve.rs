//! Resolution: turns an [`Expr`] into a TIMEX3 value against an anchor date (the
//! publication date, or the date of a reported speech), with the clause's tense choosing
//! between the past and the future reading, and says how in words for the side pane.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::grammar::{DayPart, Expr, Mention, Season, Shift, Unit};
use super::lexicon::{month_name, weekday_name};
use super::tense::Tense;

/// The date relative expressions are resolved against, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub date: Date,
    /// "the publication date" or "the date of the speech".
    pub label: &'static str,
}

impl Anchor {
    fn describe(&self) -> String {
        format!(
            "{}, {} {}",
            self.label,
            short_weekday(self.date.weekday()),
            self.date
        )
    }
}

/// Everything a resolution may depend on besides the expression itself.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub anchor: Option<Anchor>,
    pub tense: Tense,
    /// The quarter (year, quarter) the surrounding text reports on, if one was named
    /// shortly before: "a year earlier" then means the same quarter a year before.
    pub quarter: Option<(i16, i8)>,
}

/// A value with its explanation ("the Sunday before the publication date, Mon
/// 2020-01-06"); `value` is None when the expression needs an anchor and has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: Option<String>,
    pub how: String,
}

fn short_weekday(w: Weekday) -> &'static str {
    &weekday_name(w)[..3]
}

fn year_str(y: i16) -> String {
    format!("{y:04}")
}

fn day_str(d: Date, part: Option<DayPart>, time: Option<(i8, i8)>) -> String {
    match (time, part) {
        (Some((24, 0)), _) => format!("{d}T24:00"),
        (Some((h, m)), _) => format!("{d}T{h:02}:{m:02}"),
        (None, Some(p)) => format!("{d}T{}", p.code()),
        (None, None) => d.to_string(),
    }
}

fn week_str(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn quarter_of(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

/// Shifts (year, quarter) by `n` quarters.
fn add_quarters(y: i16, q: i8, n: i32) -> (i16, i8) {
    let idx = i32::from(y) * 4 + i32::from(q) - 1 + n;
    ((idx.div_euclid(4)) as i16, (idx.rem_euclid(4) + 1) as i8)
}

fn add_days(d: Date, n: i32) -> Option<Date> {
    d.checked_add(i64::from(n).days()).ok()
}

/// Which of the candidate periods (start, end) a tense picks, and where it lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    Containing,
    After,
}

impl Side {
    fn word(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::Containing => "containing",
            Side::After => "after",
        }
    }
}

/// Picks the year of a yearless period: in a past clause the latest one that has begun
/// by the anchor, in a future clause the earliest that has not ended, otherwise the one
/// nearest the anchor. `strict` ("last October", "next May") excludes the period that
/// contains the anchor.
fn pick_year(
    anchor: Date,
    tense: Tense,
    strict: Option<Shift>,
    period: impl Fn(i16) -> Option<(Date, Date)>,
) -> Option<(i16, Side)> {
    let y = anchor.year();
    let side = |(s, e): (Date, Date)| {
        if e < anchor {
            Side::Before
        } else if s > anchor {
            Side::After
        } else {
            Side::Containing
        }
    };
    let cands: Vec<(i16, (Date, Date))> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|c| Some((c, period(c)?)))
        .collect();
    let distance = |(s, e): &(Date, Date)| {
        let before = anchor.since(*e).map(|sp| sp.get_days()).unwrap_or(0);
        let after = s.since(anchor).map(|sp| sp.get_days()).unwrap_or(0);
        before.max(after).max(0)
    };
    let nearest = cands.iter().min_by_key(|(_, p)| distance(p));
    let by_tense = match (strict, tense) {
        (Some(Shift::Last), _) => cands.iter().rev().find(|(_, p)| p.1 < anchor),
        (Some(Shift::Next), _) => cands.iter().find(|(_, p)| p.0 > anchor),
        (_, Tense::Past) => cands.iter().rev().find(|(_, p)| p.0 <= anchor),
        (_, Tense::Future) => cands.iter().find(|(_, p)| p.1 >= anchor),
        _ => nearest,
    };
    // The tense reading is a guess from nearby words; when it lands most of a year away
    // while another reading is close ("payable Jan. 2" written on Jan. 6), trust distance.
    let pick = match by_tense {
        Some(c) if strict.is_none() && distance(&c.1) > 300 => nearest,
        other => other,
    };
    pick.map(|(c, p)| (*c, side(*p)))
}

fn month_period(y: i16, m: i8) -> Option<(Date, Date)> {
    let s = Date::new(y, m, 1).ok()?;
    Some((s, s.last_of_month()))
}

fn season_period(y: i16, s: Season) -> Option<(Date, Date)> {
    let start = Date::new(y, s.start_month(), 1).ok()?;
    let end = start.checked_add(3.months()).ok()?.yesterday().ok()?;
    Some((start, end))
}

fn quarter_period(y: i16, q: i8) -> Option<(Date, Date)> {
    let start = Date::new(y, (q - 1) * 3 + 1, 1).ok()?;
    let end = start.checked_add(3.months()).ok()?.yesterday().ok()?;
    Some((start, end))
}

fn plural(n: i32, unit: &str) -> String {
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let count = usize::try_from(n)
        .ok()
        .and_then(|i| words.get(i))
        .map_or(n.to_string(), |w| w.to_string());
    if n == 1 {
        format!("one {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

fn unit_word(u: Unit) -> &'static str {
    match u {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Weekend => "weekend",
        Unit::Month => "month",
        Unit::Quarter => "quarter",
        Unit::Year => "year",
        Unit::Decade => "decade",
    }
}

/// Resolves a mention. Expressions that name their own date resolve without an anchor.
pub fn resolve(m: &Mention, ctx: &Context) -> Option<Resolved> {
    let absolute = |value: String, how: &str| {
        Some(Resolved {
            value: Some(value),
            how: how.to_string(),
        })
    };
    match m.expr {
        Expr::Day {
            year: Some(y),
            month,
            day,
        } => {
            let d = Date::new(y, month, day).ok()?;
            return absolute(day_str(d, m.part, m.time), "as written");
        }
        Expr::Month {
            year: Some(y),
            month,
            ..
        } => {
            month_period(y, month)?;
            return absolute(format!("{}-{month:02}", year_str(y)), "as written");
        }
        Expr::Year(y) => return absolute(year_str(y), "a year"),
        Expr::Holiday {
            holiday,
            year: Some(y),
        } => return absolute(holiday.date(y)?.to_string(), "a holiday of that year"),
        Expr::Decade(d) => return absolute(format!("{d:03}X"), "a decade"),
        Expr::Century(c) => return absolute(format!("{c:02}"), "a century"),
        Expr::Season {
            year: Some(y),
            season,
            ..
        } => {
            return absolute(format!("{}-{}", year_str(y), season.code()), "a season");
        }
        Expr::Quarter {
            year: Some(y),
            quarter,
            ..
        } => {
            return absolute(format!("{}-Q{quarter}", year_str(y)), "a quarter");
        }
        Expr::Half {
            year: Some(y),
            half,
        } => return absolute(format!("{}-H{half}", year_str(y)), "a half year"),
        Expr::Reference(r) => {
            let how = match r {
                super::grammar::Reference::Past => "the past, without a date",
                super::grammar::Reference::Present => "the present, without a date",
                super::grammar::Reference::Future => "the future, without a date",
            };
            return absolute(r.value().to_string(), how);
        }
        _ => {}
    }
    let Some(anchor) = ctx.anchor else {
        return Some(Resolved {
            value: None,
            how: "the article has no publication date".to_string(),
        });
    };
    let a = anchor.date;
    let about = anchor.describe();
    let (value, how) = match m.expr {
        Expr::Holiday { holiday, .. } => {
            let (y, side) = pick_year(a, ctx.tense, None, |y| {
                let d = holiday.date(y)?;
                Some((d, d))
            })?;
            let d = holiday.date(y)?;
            let how = format!("the {} {} {about}", holiday.name(), side.word());
            (day_str(d, m.part, m.time), how)
        }
        Expr::Day { month, day, .. } => {
            let (y, side) = pick_year(a, ctx.tense, None, |y| {
                let d = Date::new(y, month, day).ok()?;
                Some((d, d))
            })?;
            let d = Date::new(y, month, day).ok()?;
            let how = if side == Side::Containing {
                about.clone()
            } else {
                format!("the {} {day} {} {about}", month_name(month), side.word())
            };
            (day_str(d, m.part, m.time), how)
        }
        Expr::Month {
            month,
            year_shift: Some(off),
            ..
        } => {
            let y = a.year() + off as i16;
            (
                format!("{}-{month:02}", year_str(y)),
                format!("{} of the year of {about}", month_name(month)),
            )
        }
        Expr::Month {
            month,
            shift: Some(Shift::Last),
            ..
        } => {
            // "last February" said in March is a year back: the month just gone would be
            // "last month". Earlier months of this year are this year's.
            let y = if month >= a.month() - 1 {
                a.year() - 1
            } else {
                a.year()
            };
            (
                format!("{}-{month:02}", year_str(y)),
                format!("the last {} before {about}", month_name(month)),
            )
        }
        Expr::Month { month, shift, .. } => {
            let (y, side) = pick_year(a, ctx.tense, shift, |y| month_period(y, month))?;
            let how = format!("the {} {} {about}", month_name(month), side.word());
            (format!("{}-{month:02}", year_str(y)), how)
        }
        Expr::Season { season, shift, .. } => {
            let (y, side) = match shift {
                Some(Shift::This) | None => (a.year(), Side::Containing),
                s => pick_year(a, ctx.tense, s, |y| season_period(y, season))?,
            };
            let how = format!("the {} {} {about}", season_word(season), side.word());
            (format!("{}-{}", year_str(y), season.code()), how)
        }
        Expr::Quarter { quarter, .. } => {
            let (s, _) = quarter_period(a.year(), quarter)?;
            let y = if s > a && ctx.tense != Tense::Future {
                a.year() - 1
            } else {
                a.year()
            };
            (
                format!("{}-Q{quarter}", year_str(y)),
                format!("the Q{quarter} reported on at {about}"),
            )
        }
        Expr::Half { half, .. } => (
            format!("{}-H{half}", year_str(a.year())),
            format!("in the year of {about}"),
        ),
        Expr::Weekday { weekday, shift } => {
            let d = pick_weekday(a, weekday, shift, ctx.tense)?;
            let name = weekday_name(weekday);
            let how = if d == a {
                about.clone()
            } else if d < a {
                format!("the {name} before {about}")
            } else {
                format!("the {name} after {about}")
            };
            (day_str(d, m.part, m.time), how)
        }
        Expr::DayOffset(n) => {
            let d = add_days(a, n)?;
            let how = match n {
                -1 => format!("the day before {about}"),
                1 => format!("the day after {about}"),
                _ => about.clone(),
            };
            (day_str(d, m.part, m.time), how)
        }
        Expr::Unit { unit, shift } => unit_value(a, unit, shift.offset(), ctx.tense, &about)?,
        Expr::Ago {
            unit,
            count: None,
            forward,
        } => {
            let r = if forward { "FUTURE_REF" } else { "PAST_REF" };
            (
                r.to_string(),
                format!(
                    "some {}s {} {about}",
                    unit_word(unit),
                    if forward { "after" } else { "before" }
                ),
            )
        }
        Expr::Ago {
            unit,
            count: Some(n),
            forward,
        } => {
            let n = if forward { n } else { -n };
            let dir = if forward { "after" } else { "before" };
            if let (Unit::Year, Some((qy, q))) = (unit, ctx.quarter) {
                let y = i32::from(qy) + n;
                (
                    format!("{y:04}-Q{q}"),
                    format!(
                        "{} {dir} Q{q} {qy}, the quarter reported on",
                        plural(n.abs(), "year")
                    ),
                )
            } else {
                let (v, _) = unit_value(a, unit, n, ctx.tense, &about)?;
                (
                    v,
                    format!("{} {dir} {about}", plural(n.abs(), unit_word(unit))),
                )
            }
        }
        Expr::QuarterRef { year } => {
            let (y, q) = ctx
                .quarter
                .unwrap_or_else(|| add_quarters(a.year(), quarter_of(a), -1));
            let y = year.unwrap_or(y);
            (
                format!("{y:04}-Q{q}"),
                format!("the quarter reported on at {about}"),
            )
        }
        _ => return None,
    };
    Some(Resolved {
        value: Some(value),
        how,
    })
}

fn season_word(s: Season) -> &'static str {
    match s {
        Season::Spring => "spring",
        Season::Summer => "summer",
        Season::Fall => "fall",
        Season::Winter => "winter",
    }
}

/// The day a weekday name points to. In a past (or tenseless) clause the most recent such
/// day on or before the anchor ("Earlier Monday" on a Monday is that Monday), in a future
/// clause the next one on or after it; "last"/"next" exclude the anchor's own day and
/// "this" stays in the anchor's week.
fn pick_weekday(a: Date, w: Weekday, shift: Option<Shift>, tense: Tense) -> Option<Date> {
    match shift {
        Some(Shift::Last) => a.nth_weekday(-1, w).ok(),
        Some(Shift::Next) => a.nth_weekday(1, w).ok(),
        Some(Shift::This) => {
            let monday = add_days(a, -i32::from(a.weekday().to_monday_zero_offset()))?;
            add_days(monday, i32::from(w.to_monday_zero_offset()))
        }
        None if a.weekday() == w => Some(a),
        None if tense == Tense::Future => a.nth_weekday(1, w).ok(),
        None => a.nth_weekday(-1, w).ok(),
    }
}

/// The value of the `unit` that is `n` units away from the one holding the anchor.
fn unit_value(a: Date, unit: Unit, n: i32, tense: Tense, about: &str) -> Option<(String, String)> {
    let rel = |what: &str| match n {
        0 => format!("the {what} of {about}"),
        -1 => format!("the {what} before that of {about}"),
        1 => format!("the {what} after that of {about}"),
        n if n < 0 => format!("{} before {about}", plural(-n, what)),
        n => format!("{} after {about}", plural(n, what)),
    };
    Some(match unit {
        Unit::Day => (add_days(a, n)?.to_string(), rel("day")),
        Unit::Week => {
            // News counts weeks from Sunday: on a Sunday, "last week" is the week just
            // ended, which is the ISO week holding the anchor.
            let base = if a.weekday() == Weekday::Sunday {
                add_days(a, 1)?
            } else {
                a
            };
            (week_str(add_days(base, 7 * n)?), rel("week"))
        }
        Unit::Weekend => {
            let sat = match (n, tense) {
                (0, Tense::Future) | (1.., _) => {
                    if a.weekday() == Weekday::Saturday {
                        a
                    } else {
                        a.nth_weekday(1, Weekday::Saturday).ok()?
                    }
                }
                _ => {
                    if a.weekday() == Weekday::Saturday {
                        a
                    } else {
                        a.nth_weekday(-1, Weekday::Saturday).ok()?
                    }
                }
            };
            (
                format!("{}-WE", week_str(sat)),
                format!("the weekend of {sat}, near {about}"),
            )
        }
        Unit::Month => {
            let d = a.first_of_month().checked_add(n.months()).ok()?;
            (format!("{:04}-{:02}", d.year(), d.month()), rel("month"))
        }
        Unit::Quarter => {
            let (y, q) = add_quarters(a.year(), quarter_of(a), n);
            (format!("{y:04}-Q{q}"), rel("quarter"))
        }
        Unit::Year => (year_str(a.year() + n as i16), rel("year")),
        Unit::Decade => (format!("{:03}X", a.year() / 10 + n as i16), rel("decade")),
    })
}

#[cfg(test)]
mod tests;
