//! The entity page's chart data: articles per month made into an even time axis, every
//! month from the first to the last with an article (the empty ones as zero), so a gap in
//! the chart is a gap in time. Pure.

/// The months of `counts` (`YYYY-MM`, ascending; other keys such as undated are skipped)
/// as a dense run from the first to the last, the latest `max` of them.
pub fn months(counts: &[(String, u64)], max: usize) -> Vec<(String, u64)> {
    let parsed: Vec<((i32, u32), u64)> = counts
        .iter()
        .filter_map(|(m, n)| Some((parse(m)?, *n)))
        .collect();
    let (Some(&(first, _)), Some(&(last, _))) = (parsed.first(), parsed.last()) else {
        return Vec::new();
    };
    let index = |(y, m): (i32, u32)| i64::from(y) * 12 + i64::from(m) - 1;
    let span = usize::try_from(index(last) - index(first) + 1).unwrap_or(0);
    let skip = span.saturating_sub(max);
    let mut out: Vec<(String, u64)> = (skip..span)
        .map(|i| {
            let at = index(first) + i64::try_from(i).unwrap_or(0);
            (
                format!("{:04}-{:02}", at.div_euclid(12), at.rem_euclid(12) + 1),
                0,
            )
        })
        .collect();
    for (month, n) in parsed {
        let i = usize::try_from(index(month) - index(first)).unwrap_or(0);
        if let Some(slot) = i.checked_sub(skip).and_then(|i| out.get_mut(i)) {
            slot.1 += n;
        }
    }
    out
}

fn parse(month: &str) -> Option<(i32, u32)> {
    let (y, m) = month.split_once('-')?;
    let (y, m) = (y.parse().ok()?, m.get(..2)?.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

#[cfg(test)]
mod tests {
    use super::months;

    fn counts(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(m, n)| (m.to_string(), *n)).collect()
    }

    #[test]
    fn empty_months_are_filled_across_a_year_end() {
        let got = months(&counts(&[("", 4), ("2020-11", 2), ("2021-02", 1)]), 80);
        assert_eq!(
            got,
            counts(&[
                ("2020-11", 2),
                ("2020-12", 0),
                ("2021-01", 0),
                ("2021-02", 1)
            ])
        );
    }

    #[test]
    fn only_the_latest_months_that_fit_are_kept() {
        let got = months(&counts(&[("2019-01", 5), ("2021-03", 1)]), 3);
        assert_eq!(
            got,
            counts(&[("2021-01", 0), ("2021-02", 0), ("2021-03", 1)])
        );
        assert!(months(&counts(&[("", 3)]), 10).is_empty());
    }
}
