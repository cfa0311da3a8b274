//! `]` and `[` on the sample article (real detectors): quote to quote and date to date in
//! reading order from where the reader is, whatever order the side pane lists them in
//! (quotes grouped by speaker, dates on a timeline), with the pane's row selected.

use crate::annotation::Kind;

use super::super::model::Model;
use super::super::rows::Tab;
use super::super::update::keys;
use super::sample_model;

/// The starts of the annotations of `kind`, in text order.
fn starts_of(m: &Model, kind: Kind) -> Vec<usize> {
    m.annotations
        .of_kind(kind)
        .filter_map(|i| m.annotations.get(i))
        .map(|a| a.span.start)
        .collect()
}

/// Presses `key` until the reader says there is no more, recording where each press went
/// and checking that the tab's selected row is the current annotation's.
fn walk(m: &mut Model, tab: Tab, key: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    for _ in 0..100 {
        m.status.message = None;
        keys(m, key);
        if m.status
            .message
            .as_deref()
            .is_some_and(|s| s.starts_with("no more"))
        {
            return starts;
        }
        let c = m.current.expect("a press makes an annotation current");
        assert_eq!(m.side.tab, tab, "the pane stays on its tab");
        assert_eq!(
            m.side.list(tab).selected,
            m.rows.item_of(tab, c),
            "the row of the annotation shown is selected"
        );
        starts.push(m.annotations.get(c).map(|a| a.span.start).unwrap_or(0));
    }
    panic!("{key} never reached the end: {starts:?}");
}

fn walks_in_reading_order(tab_key: &str, tab: Tab, kind: Kind) {
    let mut m = sample_model(100, 30);
    keys(&mut m, tab_key);
    let order = starts_of(&m, kind);
    assert!(order.len() > 3, "the sample has several of them");
    assert_eq!(walk(&mut m, tab, "]"), order, "] goes down the text");
    assert_eq!(
        m.status.message.as_deref(),
        Some(format!("no more {} below", tab.title().to_lowercase()).as_str())
    );
    let back: Vec<usize> = order.iter().rev().skip(1).copied().collect();
    assert_eq!(walk(&mut m, tab, "["), back, "[ goes back up the text");
}

#[test]
fn bracket_walks_quotes_in_reading_order_not_by_speaker() {
    walks_in_reading_order("3", Tab::Quotes, Kind::Quote);
}

#[test]
fn bracket_walks_dates_in_reading_order_not_on_the_timeline() {
    walks_in_reading_order("2", Tab::Dates, Kind::Date);
}

/// With nothing current in view, `[` starts from the top of the view: the date above it,
/// not "no more dates above" because the timeline's first row is selected.
#[test]
fn bracket_starts_from_the_view_when_nothing_current_is_in_it() {
    let mut m = sample_model(100, 30);
    keys(&mut m, "2 G");
    let top = m.visible_bytes().start;
    let above: Vec<usize> = starts_of(&m, Kind::Date)
        .into_iter()
        .filter(|&s| s < top)
        .collect();
    let last_above = *above.last().expect("dates above the last screen");
    keys(&mut m, "[");
    let c = m.current.expect("a date above is shown");
    assert_eq!(m.annotations.get(c).map(|a| a.span.start), Some(last_above));
    assert_eq!(
        m.side.list(Tab::Dates).selected,
        m.rows.item_of(Tab::Dates, c)
    );
    // Scrolled back to the top with that date out of view, `]` starts from the top again.
    keys(&mut m, "g ]");
    let first = starts_of(&m, Kind::Date)[0];
    let c = m.current.expect("the first date is shown");
    assert_eq!(m.annotations.get(c).map(|a| a.span.start), Some(first));
}
