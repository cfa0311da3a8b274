//! Tests of the resolver: one table per rule, (text, anchor, expected value) through the
//! whole detector so the tense of the clause plays its part.

use crate::annotation::AnnotationKind;
use crate::detect::dates::detect;

/// The value of the first date in `text` against `anchor`.
fn value(text: &str, anchor: &str) -> Option<String> {
    let a = detect(text, anchor.parse().ok()).into_iter().next()?;
    match a.kind {
        AnnotationKind::Date(info) => info.value,
        _ => None,
    }
}

fn check(cases: &[(&str, &str, &str)]) {
    for (text, anchor, want) in cases {
        assert_eq!(
            value(text, anchor).as_deref(),
            Some(*want),
            "{text:?} at {anchor}"
        );
    }
}

#[test]
fn weekdays_follow_the_tense() {
    check(&[
        // Mon 2020-01-06
        (
            "Earlier Monday, Sajjan said he spoke.",
            "2020-01-06",
            "2020-01-06",
        ),
        ("The parliament voted Sunday.", "2020-01-06", "2020-01-05"),
        (
            "The ministers will meet Friday.",
            "2020-01-06",
            "2020-01-10",
        ),
        ("Talks on Wednesday.", "2020-01-06", "2020-01-01"),
        ("He left last Monday.", "2020-01-06", "2019-12-30"),
        ("He leaves next Monday.", "2020-01-06", "2020-01-13"),
        ("It ends this Friday.", "2020-01-06", "2020-01-10"),
        ("They met Sunday night.", "2020-01-06", "2020-01-05TNI"),
    ]);
}

#[test]
fn month_days_take_the_year_the_tense_asks() {
    check(&[
        (
            "Trump said in his October 27 speech",
            "2020-01-06",
            "2019-10-27",
        ),
        (
            "The summit will open February 3.",
            "2020-01-06",
            "2020-02-03",
        ),
        ("The summit opens February 3.", "2020-01-06", "2020-02-03"),
        ("The vote took place Dec. 30.", "2020-01-06", "2019-12-30"),
        ("It happened in March, he said.", "2020-01-06", "2019-03"),
        ("Talks resume in March.", "2020-01-06", "2020-03"),
        ("Sales fell last February.", "1998-03-01", "1997-02"),
        ("Sales fell last July.", "1998-10-01", "1998-07"),
        ("in January this year", "2020-06-06", "2020-01"),
    ]);
}

#[test]
fn relative_units_count_from_the_anchor() {
    check(&[
        ("Prices fell last week.", "2020-01-06", "2020-W01"),
        ("Prices fell last week.", "1998-03-22", "1998-W12"),
        ("this week", "2020-01-08", "2020-W02"),
        ("last month", "2020-01-06", "2019-12"),
        ("next year", "2020-01-06", "2021"),
        ("this quarter", "2020-05-06", "2020-Q2"),
        ("the weekend", "1990-08-13", "1990-W32-WE"),
        ("the end of the year", "1989-10-30", "1989"),
        ("the current fiscal year", "1989-11-02", "1989"),
        ("two weeks ago", "2020-01-06", "2019-W52"),
        ("three months ago", "2020-01-06", "2019-10"),
        ("five years ago", "2020-01-06", "2015"),
        ("a decade ago", "2020-01-06", "201X"),
        ("several years ago", "2020-01-06", "PAST_REF"),
        ("yesterday afternoon", "2020-01-06", "2020-01-05TAF"),
        ("tomorrow", "2019-12-31", "2020-01-01"),
    ]);
}

#[test]
fn quarters_and_seasons() {
    check(&[
        ("profit in the fourth quarter rose", "2020-01-20", "2019-Q4"),
        (
            "profit in the fourth quarter will rise",
            "2019-10-26",
            "2019-Q4",
        ),
        ("the quarter ended", "1989-10-26", "1989-Q3"),
        ("the 1989 second quarter", "1989-10-26", "1989-Q2"),
        ("this summer", "1998-03-22", "1998-SU"),
        ("last summer", "2020-01-06", "2019-SU"),
        ("next spring", "2020-01-06", "2020-SP"),
        (
            "the winter of nineteen ninety-four",
            "1998-02-23",
            "1994-WI",
        ),
    ]);
}

#[test]
fn holidays_take_the_year_the_tense_asks() {
    check(&[
        (
            "shoppers flocked to stores after Thanksgiving",
            "1998-12-02",
            "1998-11-26",
        ),
        (
            "The plant will reopen after Christmas.",
            "1998-12-02",
            "1998-12-25",
        ),
        ("on Christmas Eve 1997", "1998-12-02", "1997-12-24"),
        ("He resigned on Labor Day.", "1999-10-01", "1999-09-06"),
    ]);
}
