//! Word lists of the date grammar: month, weekday, season and number words, and the
//! regex fragments built from them. Kept apart so the grammar rules read as patterns.

use jiff::civil::Weekday;

/// Month names as the grammar accepts them. Capitalised only: "may" and "march" are
/// far more often a verb than a month, and news writes months capitalised.
pub const MONTH_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// Months written in full or abbreviated with a dot ("Jan.", "Sept."); the bare
/// abbreviations ("Jan", "Dec") only where a day number follows, see [`MONTH_ANY`].
pub const MONTH_DOT: &str = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.";

/// Every written form of a month, for patterns where a day number follows.
pub const MONTH_ANY: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?";

pub const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Small cardinal numbers as words, for "two years ago".
pub const NUMBER_WORDS: &str = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several|some|many";

/// The month number (1-12) of a month word or abbreviation.
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The full English name of month `m` (1-12).
pub fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m.clamp(1, 12) - 1) as usize]
}

pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The value of a small number word or numeral; `None` for vague amounts ("several").
pub fn number(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase();
    if let Ok(n) = w.parse::<i32>() {
        return Some(n);
    }
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" | "a couple of" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

/// Ordinals as words or numerals ("third", "3rd") for quarters, halves and centuries.
pub fn ordinal(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    Some(match w.as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" | "last" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => return None,
    })
}

/// Tens as words ("ninety" -> 9), for "the nineties" and "nineteen ninety-six".
pub fn tens(word: &str) -> Option<i32> {
    Some(match word.to_ascii_lowercase().as_str() {
        "ten" => 1,
        "twenty" | "twenties" => 2,
        "thirty" | "thirties" => 3,
        "forty" | "forties" => 4,
        "fifty" | "fifties" => 5,
        "sixty" | "sixties" => 6,
        "seventy" | "seventies" => 7,
        "eighty" | "eighties" => 8,
        "ninety" | "nineties" => 9,
        _ => return None,
    })
}
