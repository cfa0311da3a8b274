//! The side pane's tab bar labels: each tab's name with its count, in the longest form
//! that fits the pane ("Entities 36", "Ent 36", "E36"), so the counts stay visible at every
//! width the pane can have beside the article. Shared by drawing and by mouse hits.

use super::super::super::model::Model;
use super::super::super::rows::Tab;
use super::super::width;

/// How the tabs are named, longest first: the first form whose labels fit is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// ` Entities 36 `
    Full,
    /// ` Ent 36 `
    Three,
    /// ` E36 `
    Letter,
    /// `E36 `
    Spaced,
    /// `E36`: the narrowest, clipped by the pane when even it does not fit.
    Tight,
}

const FORMS: [Form; 5] = [
    Form::Full,
    Form::Three,
    Form::Letter,
    Form::Spaced,
    Form::Tight,
];

/// One tab's label in `form`; `count` is `None` while it is not known (detecting).
fn label(tab: Tab, form: Form, count: Option<usize>) -> String {
    let title = tab.title();
    let name = match form {
        Form::Full => title,
        Form::Three => &title[..3],
        Form::Letter | Form::Spaced | Form::Tight => &title[..1],
    };
    let count = count.map(|n| n.to_string());
    match (form, count) {
        (Form::Full | Form::Three, Some(n)) => format!(" {name} {n} "),
        (Form::Full | Form::Three, None) => format!(" {name} "),
        (Form::Letter, n) => format!(" {name}{} ", n.unwrap_or_default()),
        (Form::Spaced, n) => format!("{name}{} ", n.unwrap_or_default()),
        (Form::Tight, n) => format!("{name}{}", n.unwrap_or_default()),
    }
}

/// The labels of the tabs with these counts (`None`: not known yet), in the longest form
/// that fits `width` columns.
fn fit_labels(counts: [Option<usize>; 4], width_cols: u16) -> Vec<(Tab, String)> {
    let labels = |form: Form| -> Vec<(Tab, String)> {
        Tab::ALL
            .iter()
            .map(|&t| (t, label(t, form, counts[t.index()])))
            .collect()
    };
    FORMS
        .iter()
        .map(|&form| labels(form))
        .find(|ls| ls.iter().map(|(_, s)| width(s)).sum::<usize>() <= usize::from(width_cols))
        .unwrap_or_else(|| labels(Form::Tight))
}

/// The tab bar's labels at `width` columns: every tab with its count (the notes listed,
/// and, once detection is done, the items of each other tab).
pub fn tab_labels(m: &Model, width_cols: u16) -> Vec<(Tab, String)> {
    let counts =
        Tab::ALL.map(|tab| (tab == Tab::Notes || !m.detection.running).then(|| m.rows.len(tab)));
    fit_labels(counts, width_cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(counts: [Option<usize>; 4], w: u16) -> String {
        fit_labels(counts, w).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn the_forms_shrink_with_the_width() {
        let counts = [Some(36), Some(9), Some(8), Some(2)];
        assert_eq!(bar(counts, 60), " Entities 36  Dates 9  Quotes 8  Notes 2 ");
        assert_eq!(bar(counts, 39), " Ent 36  Dat 9  Quo 8  Not 2 ");
        assert_eq!(bar(counts, 19), " E36  D9  Q8  N2 ");
        assert_eq!(bar(counts, 13), "E36 D9 Q8 N2 ");
        assert_eq!(bar(counts, 9), "E36D9Q8N2");
        assert_eq!(bar(counts, 5), "E36D9Q8N2", "clipped by the pane");
    }

    #[test]
    fn unknown_counts_are_left_out_not_shown_as_zero() {
        let counts = [None, None, None, Some(0)];
        assert_eq!(bar(counts, 39), " Entities  Dates  Quotes  Notes 0 ");
        assert_eq!(bar(counts, 19), " E  D  Q  N0 ");
    }

    /// Beside the article the tab bar has at least 19 columns: every count up to four
    /// digits (and a thousand notes) is shown whole there and at any wider width.
    #[test]
    fn counts_are_whole_at_every_width_beside_the_article() {
        let samples = [0, 42, 1000, 9999];
        for &e in &samples {
            for &d in &samples {
                for &q in &samples {
                    for n in [0, 42, 999] {
                        let counts = [Some(e), Some(d), Some(q), Some(n)];
                        for w in 19..=200 {
                            let labels = fit_labels(counts, w);
                            let total: usize = labels.iter().map(|(_, s)| width(s)).sum();
                            assert!(total <= usize::from(w), "{counts:?} at {w}: {labels:?}");
                            for ((_, s), c) in labels.iter().zip(counts) {
                                let c = c.unwrap_or_default().to_string();
                                assert!(s.contains(&c), "{counts:?} at {w}: {labels:?}");
                            }
                        }
                    }
                }
            }
        }
    }
}
