//! The side pane's tab bar at the widths the pane can have: beside the article from its
//! narrowest (20 columns) to wide, and full width on a narrow terminal. The counts stay on
//! screen at every one of them, the names shortening instead.

use crate::theme::Theme;

use super::super::keymap::Keymap;
use super::super::model::{Model, Settings};
use super::super::update::{Msg, keys, update};
use super::{annotations, article, screen};

/// The test article in a `w`x30 terminal whose config asks for a side pane of `side`.
fn reader(w: u16, side: u16) -> Model {
    let settings = Settings {
        side_pane_width: side,
        ..Settings::default()
    };
    let mut m = Model::new(
        article(),
        "harbour.txt".into(),
        settings,
        Keymap::default(),
        (w, 30),
    );
    update(&mut m, Msg::Annotations(annotations()));
    m
}

/// The tab bar's row as drawn, with the pane's width.
fn tab_row(m: &Model) -> String {
    let tabs = m.side_areas().expect("a side pane").tabs;
    let row = screen(m, &Theme::default());
    let first = row.lines().next().unwrap_or_default();
    let text: String = first.chars().skip(usize::from(tabs.x)).collect();
    format!("{:>3} │{text}", tabs.width)
}

#[test]
fn tab_bar_keeps_its_counts_at_every_pane_width() {
    let mut rows = Vec::new();
    // Beside the article: the config's width, clamped to 20 columns at least.
    for side in [20, 26, 32, 40, 42, 60] {
        rows.push(tab_row(&reader(160, side)));
    }
    // A narrow terminal shows the pane full width (`s`).
    for w in [69, 30, 16, 12] {
        let mut m = reader(w, 40);
        keys(&mut m, "s");
        rows.push(tab_row(&m));
    }
    insta::assert_snapshot!(rows.join("\n"));
}
