//! "Did you mean" for misspelt names in theme and config files.

/// The candidate closest to `word` when it is close enough to be a likely typo: at most one
/// edit in three characters (and at least one).
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (did you mean 'x'?)`, or nothing.
pub(crate) fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!(" (did you mean '{c}'?)"))
}

/// Edit distance in characters counting a swap of neighbours as one edit (optimal string
/// alignment), since swapped letters are the commonest typo; names are short, so a full
/// table does.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("entity.persn", "entity.person"), 1);
        assert_eq!(edit_distance("qiut", "quit"), 1);
    }

    #[test]
    fn suggests_only_near_misses() {
        let roles = ["entity.person", "entity.place", "date"];
        assert_eq!(closest("entity.persn", roles), Some("entity.person"));
        assert_eq!(closest("dat", roles), Some("date"));
        assert_eq!(closest("colour", roles), None);
        assert_eq!(hint("qiut", ["quit", "help"]), " (did you mean 'quit'?)");
        assert_eq!(hint("zzz", ["quit"]), "");
    }
}
