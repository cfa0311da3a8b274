//! Holidays that name a day without a number ("Thanksgiving", "Christmas Eve"): their
//! date in a given year, so the resolver can pick the year as it does for "October 27".

use jiff::civil::{Date, Weekday};

/// Holidays whose date follows from the year (US ones where countries differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ValentinesDay,
    IndependenceDay,
    Halloween,
    ChristmasEve,
    Christmas,
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// US Labor Day: the first Monday of September.
    LaborDay,
    /// US Memorial Day: the last Monday of May.
    MemorialDay,
}

impl Holiday {
    /// The holiday's date in year `y`.
    pub fn date(self, y: i16) -> Option<jiff::civil::Date> {
        let fixed = |m, d| Date::new(y, m, d).ok();
        match self {
            Holiday::NewYearsDay => fixed(1, 1),
            Holiday::NewYearsEve => fixed(12, 31),
            Holiday::ValentinesDay => fixed(2, 14),
            Holiday::IndependenceDay => fixed(7, 4),
            Holiday::Halloween => fixed(10, 31),
            Holiday::ChristmasEve => fixed(12, 24),
            Holiday::Christmas => fixed(12, 25),
            Holiday::Thanksgiving => fixed(11, 1)?
                .nth_weekday_of_month(4, Weekday::Thursday)
                .ok(),
            Holiday::LaborDay => fixed(9, 1)?.nth_weekday_of_month(1, Weekday::Monday).ok(),
            Holiday::MemorialDay => fixed(5, 1)?.nth_weekday_of_month(-1, Weekday::Monday).ok(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::NewYearsEve => "New Year's Eve",
            Holiday::ValentinesDay => "Valentine's Day",
            Holiday::IndependenceDay => "Independence Day",
            Holiday::Halloween => "Halloween",
            Holiday::ChristmasEve => "Christmas Eve",
            Holiday::Christmas => "Christmas",
            Holiday::Thanksgiving => "Thanksgiving",
            Holiday::LaborDay => "Labor Day",
            Holiday::MemorialDay => "Memorial Day",
        }
    }

    /// Reads a holiday's name as the grammar matched it ("Thanksgiving Day",
    /// "New Year's Eve", "Fourth of July").
    pub fn parse(name: &str) -> Option<Holiday> {
        let h = name.to_ascii_lowercase();
        let h = h.as_str();
        Some(if h.starts_with("thanksgiving") {
            Holiday::Thanksgiving
        } else if h.starts_with("christmas") {
            if h.ends_with("eve") {
                Holiday::ChristmasEve
            } else {
                Holiday::Christmas
            }
        } else if h.starts_with("new") {
            if h.ends_with("eve") {
                Holiday::NewYearsEve
            } else {
                Holiday::NewYearsDay
            }
        } else if h.starts_with("valentine") {
            Holiday::ValentinesDay
        } else if h.starts_with("independence") || h.starts_with("fourth") {
            Holiday::IndependenceDay
        } else if h.starts_with("halloween") {
            Holiday::Halloween
        } else if h.starts_with("labor") {
            Holiday::LaborDay
        } else if h.starts_with("memorial") {
            Holiday::MemorialDay
        } else {
            return None;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_moving_holidays() {
        let cases = [
            (Holiday::Thanksgiving, 1998, "1998-11-26"),
            (Holiday::LaborDay, 1999, "1999-09-06"),
            (Holiday::MemorialDay, 2020, "2020-05-25"),
            (Holiday::Christmas, 2019, "2019-12-25"),
        ];
        for (h, y, want) in cases {
            assert_eq!(
                h.date(y).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{h:?}"
            );
        }
        assert_eq!(Holiday::parse("New Year's Eve"), Some(Holiday::NewYearsEve));
        assert_eq!(
            Holiday::parse("Fourth of July"),
            Some(Holiday::IndependenceDay)
        );
    }
}
