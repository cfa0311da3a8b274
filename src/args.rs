//! Values given on the command line that need more than clap's own parsing: the `--date`
//! of the reader and of `gloss annotate`, and how a value is quoted in a one-line error.
//! They live in the library, not the binary, so the `cli_values` fuzz target parses them
//! with the very functions `main` hands to clap.

use jiff::civil::Date;

/// Reads `--date YYYY-MM-DD`; the error says which part is wrong (a day the month does not
/// have, a month that does not exist) or what shape was expected.
pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|_| match date_fields(s) {
        Some(fields) => not_a_day(fields),
        None => format!("expected a date as YYYY-MM-DD, found '{}'", one_line(s)),
    })
}

/// Year and month of text shaped `YYYY-MM-DD`, whether or not that day exists.
fn date_fields(s: &str) -> Option<(i16, i8)> {
    let mut parts = s.split('-');
    let mut field = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i16>().ok())
    };
    let (year, month, _day) = (field(4)?, field(2)?, field(2)?);
    if parts.next().is_some() {
        return None;
    }
    Some((year, i8::try_from(month).ok()?))
}

/// Why `s`, shaped like a date, names no day: jiff refused it, this says which part.
fn not_a_day((year, month): (i16, i8)) -> String {
    match Date::new(year, month, 1) {
        Err(_) => format!("the date does not exist: there is no month {month}"),
        Ok(first) => format!(
            "the date does not exist: {} {year} has days 1 to {}",
            first.strftime("%B"),
            first.days_in_month()
        ),
    }
}

/// `value` as quoted in a one-line message: its line breaks written `\n` and `\r`, so the
/// message stays one line. Other control characters are left as they are: whatever prints
/// the message shows them (`^[` on standard error, see `main/output.rs`).
pub fn one_line(value: &str) -> String {
    value.replace('\n', "\\n").replace('\r', "\\r")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `cli_values` fuzz target: a value with a line break made the error two
    /// lines.
    #[test]
    fn a_bad_date_is_one_line_whatever_it_holds() {
        let message = parse_date("d\n\0ark").unwrap_err();
        assert_eq!(message, "expected a date as YYYY-MM-DD, found 'd\\n\0ark'");
        assert_eq!(
            parse_date("2023-02-29").unwrap_err(),
            "the date does not exist: February 2023 has days 1 to 28"
        );
        assert_eq!(parse_date("2024-02-29"), Ok(jiff::civil::date(2024, 2, 29)));
    }
}
