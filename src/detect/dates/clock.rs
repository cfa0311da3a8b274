//! Clock times ("3 p.m.", "noon") joined to the day expression beside them, so that
//! "3 p.m. Monday" becomes one mention with the value `2020-01-06T15:00`. A clock time
//! with no day beside it is left alone: its day is too often a guess.

use std::sync::LazyLock;

use regex::Regex;

use super::grammar::{Expr, Mention};

static CLOCK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|ET|local\s+time)(?-u:\b))?|(?-u:\b)(?P<w>noon|midnight)(?-u:\b)",
    )
    .ok()
});

/// Whether a mention names one day, so that a clock time can be attached to it.
fn is_day(m: &Mention) -> bool {
    matches!(
        m.expr,
        Expr::Day { .. } | Expr::Weekday { .. } | Expr::DayOffset(_)
    )
}

/// Glue allowed between a clock time and the day after it ("3 p.m. Monday", "noon on
/// Friday") or before it ("Monday at 3 p.m.", "Jan. 6, 9 a.m.").
fn is_glue(gap: &str, word: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
    gap.len() <= 6 && (g.is_empty() || g.eq_ignore_ascii_case(word))
}

/// Joins clock times to the day mention next to them. `mentions` is sorted and
/// non-overlapping and stays so.
pub fn attach_times(text: &str, mentions: &mut [Mention]) {
    let Some(clock) = CLOCK.as_ref() else { return };
    if mentions.is_empty() {
        return;
    }
    for c in clock.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let (hour, minute) = if let Some(w) = c.name("w") {
            if w.as_str().eq_ignore_ascii_case("noon") {
                (12, 0)
            } else {
                (24, 0)
            }
        } else {
            let h: i8 = c
                .name("h")
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(99);
            let mi: i8 = c
                .name("mi")
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0);
            let pm = c
                .name("ap")
                .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with('p'));
            if !(1..=12).contains(&h) || mi > 59 {
                continue;
            }
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            (h, mi)
        };
        let after = mentions.partition_point(|m| m.span.start < whole.end());
        if let Some(m) = mentions.get_mut(after)
            && is_day(m)
            && m.time.is_none()
            && text
                .get(whole.end()..m.span.start)
                .is_some_and(|g| is_glue(g, "on"))
        {
            m.span.start = whole.start();
            m.time = Some((hour, minute));
            m.part = None;
            continue;
        }
        if after > 0
            && let Some(m) = mentions.get_mut(after - 1)
            && m.span.end <= whole.start()
            && is_day(m)
            && m.time.is_none()
            && text
                .get(m.span.end..whole.start())
                .is_some_and(|g| is_glue(g, "at"))
        {
            m.span.end = whole.end();
            m.time = Some((hour, minute));
            m.part = None;
        }
    }
}
