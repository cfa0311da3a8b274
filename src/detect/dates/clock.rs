//! Clock times ("3 p.m.", "noon") joined to the day expression beside them, so that
//! "3 p.m. Monday" becomes one mention with the value `2020-01-06T15:00`. A clock time
//! with no day beside it is left alone: its day is too often a guess.

use std::sync::LazyLock;

use regex::Regex;

use super::grammar::{Expr, Mention};

/// The core of a clock time: "a.m.", "pm", "noon", "midnight". The hour before it is
/// read backwards in code, so the regex starts on a literal the engine can skip to.
static CLOCK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)(?:\b[ap]\.m\.|\b[ap]m\b|\bnoon\b|\bmidnight\b)(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|ET)\b)?",
    )
    .ok()
});

/// Reads "3", "3 ", "11:30", "11:30 " before `pos`: (start, hour, minute).
fn hour_before(text: &str, pos: usize) -> Option<(usize, i8, i8)> {
    let head = text.get(..pos)?.trim_end_matches(' ');
    let digits = |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(head);
    let (minute, hour_end) = if n == 2 && head[..head.len() - 2].ends_with(':') {
        let colon = head.len() - 3;
        (head[colon + 1..].parse().ok()?, colon)
    } else {
        (0, head.len())
    };
    let hours = &head[..hour_end];
    let h = digits(hours);
    if !(1..=2).contains(&h) {
        return None;
    }
    let hour_start = hour_end - h;
    if hours[..hour_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',')
    {
        return None;
    }
    Some((hour_start, hours[hour_start..].parse().ok()?, minute))
}

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
    for m in clock.find_iter(text) {
        let core = m.as_str().to_ascii_lowercase();
        let (start, hour, minute) = if core.starts_with("noon") {
            (m.start(), 12, 0)
        } else if core.starts_with("midnight") {
            (m.start(), 24, 0)
        } else {
            let Some((start, h, mi)) = hour_before(text, m.start()) else {
                continue;
            };
            let pm = core.starts_with('p');
            if !(1..=12).contains(&h) || mi > 59 {
                continue;
            }
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            (start, h, mi)
        };
        let whole = start..m.end();
        let after = mentions.partition_point(|d| d.span.start < whole.end);
        // Joining must not make a mention overlap the one before it.
        let free_before = after == 0 || mentions[after - 1].span.end <= whole.start;
        if let Some(m) = mentions.get_mut(after)
            && free_before
            && is_day(m)
            && m.time.is_none()
            && text
                .get(whole.end..m.span.start)
                .is_some_and(|g| is_glue(g, "on"))
        {
            m.span.start = whole.start;
            m.time = Some((hour, minute));
            m.part = None;
            continue;
        }
        if after > 0
            && let Some(m) = mentions.get_mut(after - 1)
            && m.span.end <= whole.start
            && is_day(m)
            && m.time.is_none()
            && text
                .get(m.span.end..whole.start)
                .is_some_and(|g| is_glue(g, "at"))
        {
            m.span.end = whole.end;
            m.time = Some((hour, minute));
            m.part = None;
        }
    }
}
