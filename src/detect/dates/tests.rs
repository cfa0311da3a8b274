//! Tests of the whole date detector: which expressions are found (one table row per
//! grammar rule), snapshots of short paragraphs, and properties on arbitrary input.

use super::*;

use proptest::prelude::*;

fn day(s: &str) -> Date {
    s.parse().unwrap_or_default()
}

/// (surface, value) of every date found.
fn found(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>)> {
    detect(text, anchor.map(day))
        .into_iter()
        .map(|a| {
            let value = match a.kind {
                AnnotationKind::Date(info) => info.value,
                _ => None,
            };
            (text[a.span].to_string(), value)
        })
        .collect()
}

/// One line per date: surface, value, explanation.
fn render(text: &str, anchor: Option<&str>) -> String {
    detect(text, anchor.map(day))
        .into_iter()
        .map(|a| match a.kind {
            AnnotationKind::Date(info) => {
                format!(
                    "{:?} = {}",
                    &text[a.span],
                    info.explanation.unwrap_or_default()
                )
            }
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Grammar rules: the expression found and its value, in a piece dated Mon 2020-01-06.
#[test]
fn grammar_rules() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "a letter dated January 6 was sent",
            "January 6",
            "2020-01-06",
        ),
        ("on Jan. 6, 2020, he left", "Jan. 6, 2020", "2020-01-06"),
        ("on 6 January 2020 he left", "6 January 2020", "2020-01-06"),
        (
            "In October 2014, Harper deployed jets",
            "October 2014",
            "2014-10",
        ),
        ("until November 2020.", "November 2020", "2020-11"),
        ("The US invaded Iraq in 2003 and", "2003", "2003"),
        (
            "In the summer of 2014, ISIL rolled",
            "summer of 2014",
            "2014-SU",
        ),
        ("music of the 1990s was", "the 1990s", "199X"),
        ("in the late '70s it", "the late '70s", "197X"),
        ("published on 2019-05-04 by", "2019-05-04", "2019-05-04"),
        ("growth slowed by mid-2019 as", "mid-2019", "2019"),
        (
            "profit in the third quarter rose",
            "the third quarter",
            "2019-Q3",
        ),
        ("third-quarter profit rose", "third-quarter", "2019-Q3"),
        (
            "in the first quarter of 2018 sales",
            "the first quarter of 2018",
            "2018-Q1",
        ),
        ("Prices fell last week.", "last week", "2020-W01"),
        ("Prices will rise next month.", "next month", "2020-02"),
        (
            "Earlier this month, he left.",
            "Earlier this month",
            "2020-01",
        ),
        ("It grew two years ago.", "two years ago", "2018"),
        ("He left recently.", "recently", "PAST_REF"),
        ("They are currently in talks.", "currently", "PRESENT_REF"),
        ("in the future we will", "the future", "FUTURE_REF"),
        ("The vote was yesterday.", "yesterday", "2020-01-05"),
        ("The vote is today.", "today", "2020-01-06"),
        ("The vote is tonight.", "tonight", "2020-01-06TNI"),
        ("It rained last night.", "last night", "2020-01-05TNI"),
        (
            "They met Monday morning.",
            "Monday morning",
            "2020-01-06TMO",
        ),
        (
            "It was built in the 19th century.",
            "the 19th century",
            "18",
        ),
        ("in nineteen ninety-six it", "nineteen ninety-six", "1996"),
        ("by the year two thousand", "the year two thousand", "2000"),
        (
            "The meeting was at 3 p.m. Sunday.",
            "3 p.m. Sunday",
            "2020-01-05T15:00",
        ),
        (
            "a recession in the first half of 2008",
            "the first half of 2008",
            "2008-H1",
        ),
        ("Sales rose last year.", "last year", "2019"),
        (
            "It happened this past spring.",
            "this past spring",
            "2019-SP",
        ),
    ];
    for (text, surface, value) in cases {
        let got = found(text, Some("2020-01-06"));
        assert!(
            got.iter()
                .any(|(s, v)| s == surface && v.as_deref() == Some(*value)),
            "{text:?}: wanted {surface:?} = {value}, got {got:?}"
        );
    }
}

/// Numbers that are not years, and words that are not dates.
#[test]
fn not_dates() {
    let cases = [
        "more than 182,000 Iraqi civilians",
        "a total of 2,003 votes",
        "it cost $2003 in all",
        "they sent 2003 troops",
        "the price rose 3.2003 points",
        "Now that the country has voted",
        "The future of Canada's mission",
        "June Carter sang",
        "You may go. They march on.",
        "in his forties he",
        "Sundays are quiet",
        "a quarter of the vote",
        "This is VOA Today.",
        "He watched This Week on ABC.",
    ];
    for text in cases {
        assert_eq!(found(text, Some("2020-01-06")), vec![], "{text:?}");
    }
}

#[test]
fn no_anchor_leaves_relative_dates_unresolved() {
    let got = found("He spoke Monday about October 2014.", None);
    assert_eq!(
        got,
        vec![
            ("Monday".to_string(), None),
            ("October 2014".to_string(), Some("2014-10".to_string()))
        ]
    );
    let text = render("He spoke Monday.", None);
    assert_eq!(
        text,
        r#""Monday" = Monday -> unresolved (the article has no publication date)"#
    );
}

#[test]
fn explanations_say_how() {
    let text = render(
        "The parliament of Iraq voted Sunday on the removal.",
        Some("2020-01-06"),
    );
    assert_eq!(
        text,
        r#""Sunday" = Sunday -> 2020-01-05 (the Sunday before the publication date, Mon 2020-01-06)"#
    );
}

#[test]
fn speech_time_anchors_the_quote() {
    let text = "“Last night the United States tried the world’s number one terrorist leader,” \
                Trump said in his October 27 speech.";
    let got = found(text, Some("2020-01-06"));
    assert_eq!(
        got,
        vec![
            ("Last night".to_string(), Some("2019-10-26TNI".to_string())),
            ("October 27".to_string(), Some("2019-10-27".to_string())),
        ]
    );
}

#[test]
fn quarter_context_carries_to_a_year_earlier() {
    let text = "Third-quarter profit rose 5%. A year earlier, it fell. The quarter was strong.";
    let got = found(text, Some("1989-10-26"));
    let values: Vec<_> = got
        .iter()
        .map(|(_, v)| v.clone().unwrap_or_default())
        .collect();
    assert_eq!(values, vec!["1989-Q3", "1988-Q3", "1989-Q3"]);
}

#[test]
fn snapshot_of_a_news_paragraph() {
    let text = "Earlier Monday, Sajjan said he spoke with NATO. The parliament of Iraq voted \
                Sunday. Canada will lead the mission until November 2020, and the ministers \
                will meet Friday. Iran has been in turmoil since 2003.";
    insta::assert_snapshot!(render(text, Some("2020-01-06")), @r#"
    "Monday" = Monday -> 2020-01-06 (the publication date, Mon 2020-01-06)
    "Sunday" = Sunday -> 2020-01-05 (the Sunday before the publication date, Mon 2020-01-06)
    "November 2020" = November 2020 -> 2020-11 (as written)
    "Friday" = Friday -> 2020-01-10 (the Friday after the publication date, Mon 2020-01-06)
    "2003" = 2003 -> 2003 (a year)
    "#);
}

#[test]
fn snapshot_of_month_days_by_tense() {
    let text = "Trump said in his October 27 speech that he won. The summit will open February 3. \
                The dividend is payable Jan. 2 to holders of record Dec. 15.";
    insta::assert_snapshot!(render(text, Some("2020-01-06")), @r#"
    "October 27" = October 27 -> 2019-10-27 (the October 27 before the publication date, Mon 2020-01-06)
    "February 3" = February 3 -> 2020-02-03 (the February 3 after the publication date, Mon 2020-01-06)
    "Jan. 2" = Jan. 2 -> 2020-01-02 (the January 2 before the publication date, Mon 2020-01-06)
    "Dec. 15" = Dec. 15 -> 2019-12-15 (the December 15 before the publication date, Mon 2020-01-06)
    "#);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_spans_are_char_boundaries(text in "\\PC{0,200}") {
        for a in detect(&text, Some(day("2020-01-06"))) {
            prop_assert!(a.span.start < a.span.end && a.span.end <= text.len());
            prop_assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
        }
    }

    #[test]
    fn date_like_soup_never_panics(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Monday"), Just("last"), Just("the"), Just("“"), Just("”"), Just("\""),
                Just("2003"), Just("Jan."), Just("6,"), Just("quarter"), Just("third"),
                Just("ago"), Just("two"), Just("years"), Just("said"), Just("will"), Just("é"),
                Just("p.m."), Just("3"), Just("summer"), Just("of"), Just("1990s"), Just("\n\n"),
                Just("century"), Just("twenty-first"), Just("-"), Just("now"), Just("future"),
            ],
            0..40,
        ),
        anchor in proptest::option::of(0i64..200_000),
    ) {
        let text = words.join(" ");
        let anchor = anchor.and_then(|d| day("1500-01-01").checked_add(jiff::Span::new().days(d)).ok());
        for a in detect(&text, anchor) {
            prop_assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
            prop_assert!(a.span.start < a.span.end);
        }
    }
}
