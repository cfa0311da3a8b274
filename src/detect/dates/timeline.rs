//! Timeline order for TIMEX3 values: the side pane lists dates in calendar order, by the
//! first day of the period each value denotes, coarser periods first where two start on
//! the same day ("2014" before "2014-01" before "2014-01-01" before "2014-01-01TMO").
//! The `*_REF` values sort after every dated value, past before present before future.

use jiff::civil::{Date, ISOWeekDate, Weekday};

/// How long a period a value denotes, finest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Weekend,
    Day,
    PartOfDay,
    Time,
}

/// An orderable key for a TIMEX3 value; see [`timeline_key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimelineKey {
    /// A value that denotes a period of the calendar: its first day, then the clock time
    /// in minutes (or part of day) within the day, then its granularity.
    Dated {
        start: Date,
        within_day: u16,
        granularity: Granularity,
    },
    /// `PAST_REF` (0), `PRESENT_REF` (1), `FUTURE_REF` (2): after every dated value.
    Reference(u8),
}

/// The timeline key of a TIMEX3 value, or `None` when the value is not one this module
/// can place ("XXXX-10", "P1D", garbage).
pub fn timeline_key(value: &str) -> Option<TimelineKey> {
    let v = value.trim();
    match v {
        "PAST_REF" => return Some(TimelineKey::Reference(0)),
        "PRESENT_REF" => return Some(TimelineKey::Reference(1)),
        "FUTURE_REF" => return Some(TimelineKey::Reference(2)),
        _ => {}
    }
    let dated = |start: Date, granularity| {
        Some(TimelineKey::Dated {
            start,
            granularity,
            within_day: 0,
        })
    };
    let num = |s: &str| -> Option<i16> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    // Centuries and decades: "19XX", "19", "199X", "199".
    if let Some(c) = v.strip_suffix("XX").and_then(num).filter(|_| v.len() == 4) {
        return dated(Date::new(c * 100, 1, 1).ok()?, Granularity::Century);
    }
    if let Some(d) = v.strip_suffix('X').and_then(num).filter(|_| v.len() == 4) {
        return dated(Date::new(d * 10, 1, 1).ok()?, Granularity::Decade);
    }
    match v.len() {
        2 => return dated(Date::new(num(v)? * 100, 1, 1).ok()?, Granularity::Century),
        3 => return dated(Date::new(num(v)? * 10, 1, 1).ok()?, Granularity::Decade),
        _ => {}
    }
    let year = num(v.get(..4)?)?;
    let rest = &v[4..];
    if rest.is_empty() {
        return dated(Date::new(year, 1, 1).ok()?, Granularity::Year);
    }
    let rest = rest.strip_prefix('-')?;
    let first = |m: i8| Date::new(year, m, 1).ok();
    match rest {
        "SP" => return dated(first(3)?, Granularity::Season),
        "SU" => return dated(first(6)?, Granularity::Season),
        "FA" => return dated(first(9)?, Granularity::Season),
        "WI" => return dated(first(12)?, Granularity::Season),
        "H1" => return dated(first(1)?, Granularity::Half),
        "H2" => return dated(first(7)?, Granularity::Half),
        _ => {}
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: i8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return dated(first((q - 1) * 3 + 1)?, Granularity::Quarter);
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (week, weekend) = match w.strip_suffix("-WE") {
            Some(week) => (week, true),
            None => (w, false),
        };
        let week: i8 = week.parse().ok()?;
        let day = if weekend {
            Weekday::Saturday
        } else {
            Weekday::Monday
        };
        let start = ISOWeekDate::new(year, week, day).ok()?.date();
        let g = if weekend {
            Granularity::Weekend
        } else {
            Granularity::Week
        };
        return dated(start, g);
    }
    let month: i8 = num(rest.get(..2)?)? as i8;
    let rest = &rest[2..];
    if rest.is_empty() {
        return dated(first(month)?, Granularity::Month);
    }
    let day: i8 = num(rest.strip_prefix('-')?.get(..2)?)? as i8;
    let start = Date::new(year, month, day).ok()?;
    let rest = &rest[3..];
    if rest.is_empty() {
        return dated(start, Granularity::Day);
    }
    let t = rest.strip_prefix('T')?;
    // Parts of day sort by when they fall: morning 6h, afternoon 12h, evening 18h, night 21h.
    let part = match t {
        "MO" => Some(6 * 60),
        "MI" => Some(12 * 60),
        "AF" => Some(13 * 60),
        "EV" => Some(18 * 60),
        "NI" => Some(21 * 60),
        "DT" => Some(9 * 60),
        _ => None,
    };
    if let Some(minutes) = part {
        return Some(TimelineKey::Dated {
            start,
            granularity: Granularity::PartOfDay,
            within_day: minutes,
        });
    }
    let h: u16 = num(t.get(..2)?)? as u16;
    let m: u16 = t.get(3..5).and_then(num).map_or(0, |m| m as u16);
    (h <= 24 && m < 60).then_some(())?;
    Some(TimelineKey::Dated {
        start,
        granularity: Granularity::Time,
        within_day: h * 60 + m,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_in_calendar_order() {
        let values = [
            "FUTURE_REF",
            "2020-01-05",
            "2019-10-26TNI",
            "2014-10",
            "PAST_REF",
            "2014-SU",
            "2014",
            "199X",
            "2020-W01",
            "2019-Q3",
            "19XX",
            "2019-10-26",
            "2019-10-26T14:30",
            "PRESENT_REF",
        ];
        let mut sorted: Vec<&str> = values.to_vec();
        sorted.sort_by_key(|v| timeline_key(v));
        assert_eq!(
            sorted,
            vec![
                "19XX",
                "199X",
                "2014",
                "2014-SU",
                "2014-10",
                "2019-Q3",
                "2019-10-26",
                "2019-10-26T14:30",
                "2019-10-26TNI",
                "2020-W01",
                "2020-01-05",
                "PAST_REF",
                "PRESENT_REF",
                "FUTURE_REF",
            ]
        );
    }

    #[test]
    fn unknown_values_have_no_key() {
        for v in [
            "",
            "XXXX-10",
            "P1D",
            "2019-13",
            "2019-02-30",
            "20x9",
            "2019-Q5",
            "2019-10-26Tzz",
        ] {
            assert_eq!(timeline_key(v), None, "{v}");
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        let key = timeline_key("2020-W01");
        let monday: Date = "2019-12-30".parse().unwrap_or_default();
        assert_eq!(
            key,
            Some(TimelineKey::Dated {
                start: monday,
                granularity: Granularity::Week,
                within_day: 0
            })
        );
    }
}
