//! Headless tests of the reader: a small invented article with hand-built annotations (no
//! detector output, so these tests change only when the reader does), keys-to-state tours,
//! whole-screen snapshots with ratatui's `TestBackend`, and a no-panic property.

mod corrections;
mod item_jumps;
mod keys;
pub(super) mod links;
mod messages;
mod notes;
mod notes_cursor;
mod notes_editor;
mod props;
mod render;
mod search_typing;
mod tab_bar;

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::annotation::{
    Annotation, AnnotationKind, AnnotationSet, DateInfo, EntityGroup, EntityLabel, QuoteInfo,
};
use crate::article::{Article, Meta};
use crate::theme::Theme;

use super::keymap::Keymap;
use super::model::{Model, Settings};
use super::ui;
use super::update::{Msg, update};

pub const TEXT: &str = "The Kelvin Harbour Bridge reopened on Tuesday after eight months of repairs, the city said.\n\n\
Mayor Ana Ruiz told reporters: “It has been a long winter for everyone who crosses the water.” Ruiz thanked the Port Authority for its patience.\n\n\
Engineers from Norvale Steel had worked on the deck since October 2020. “We are proud of it,” said Tom Okafor, the lead engineer.\n\n\
Ruiz said the bridge would carry forty thousand cars a day by next year.";

/// Every key the reader knows in the default keymap, for tours that press anything.
pub const KEYS: &[&str] = &[
    "q",
    "j",
    "k",
    "down",
    "up",
    "ctrl-d",
    "ctrl-u",
    "space",
    "b",
    "pgdn",
    "pgup",
    "g",
    "G",
    "tab",
    "shift-tab",
    "]",
    "[",
    "*",
    "#",
    "1",
    "2",
    "3",
    "4",
    "enter",
    "esc",
    "ctrl-o",
    "/",
    "n",
    "N",
    "s",
    "?",
    "x",
    "backspace",
];

/// The byte range of the `nth` (0-based) occurrence of `needle` in [`TEXT`].
pub fn span(needle: &str, nth: usize) -> Range<usize> {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle} #{nth}"));
    start..start + needle.len()
}

fn entity(needle: &str, nth: usize, label: EntityLabel, group: usize) -> Annotation {
    Annotation {
        span: span(needle, nth),
        kind: AnnotationKind::Entity { label, group },
    }
}

fn date_ann(needle: &str, value: &str, explanation: &str) -> Annotation {
    let info = DateInfo {
        value: Some(value.to_string()),
        explanation: Some(explanation.to_string()),
    };
    Annotation {
        span: span(needle, 0),
        kind: AnnotationKind::Date(Box::new(info)),
    }
}

fn quote(needle: &str, speaker: &str, group: usize, cue: Range<usize>) -> Annotation {
    let info = QuoteInfo {
        speaker: Some(speaker.to_string()),
        speaker_group: Some(group),
        speaker_span: Some(cue),
        ..QuoteInfo::default()
    };
    Annotation {
        span: span(needle, 0),
        kind: AnnotationKind::Quote(Box::new(info)),
    }
}

fn group(id: usize, label: EntityLabel, name: &str, aliases: &[&str]) -> EntityGroup {
    EntityGroup {
        id,
        label,
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

pub fn article() -> Article {
    let meta = Meta {
        title: Some("Harbour bridge reopens".into()),
        date: Some(date(2021, 3, 4)),
        ..Meta::default()
    };
    Article::from_verbatim(TEXT.to_string(), meta)
}

pub fn annotations() -> AnnotationSet {
    use EntityLabel::*;
    let groups = vec![
        group(0, Place, "Kelvin Harbour Bridge", &[]),
        group(1, Person, "Ana Ruiz", &["Ruiz"]),
        group(2, Org, "Port Authority", &[]),
        group(3, Org, "Norvale Steel", &[]),
        group(4, Person, "Tom Okafor", &[]),
        group(5, Norp, "Engineers", &[]),
    ];
    let items = vec![
        entity("Kelvin Harbour Bridge", 0, Place, 0),
        date_ann(
            "Tuesday",
            "2021-03-02",
            "Tuesday -> 2021-03-02, the Tuesday before the publication date",
        ),
        entity("Ana Ruiz", 0, Person, 1),
        quote(
            "“It has been a long winter for everyone who crosses the water.”",
            "Ana Ruiz",
            1,
            span("Ana Ruiz", 0),
        ),
        entity("Ruiz", 1, Person, 1),
        entity("Port Authority", 0, Org, 2),
        entity("Norvale Steel", 0, Org, 3),
        date_ann("October 2020", "2020-10", "a month and year"),
        quote(
            "“We are proud of it,”",
            "Tom Okafor",
            4,
            span("Tom Okafor", 0),
        ),
        entity("Tom Okafor", 0, Person, 4),
        entity("Ruiz", 2, Person, 1),
        date_ann(
            "next year",
            "2022",
            "next year -> 2022, the year after the publication date",
        ),
    ];
    AnnotationSet::new(items, groups)
}

/// A reader over the test article in a `w`x`h` terminal, still detecting.
pub fn detecting_model(w: u16, h: u16) -> Model {
    Model::new(
        article(),
        "harbour.txt".into(),
        Settings::default(),
        Keymap::default(),
        (w, h),
    )
}

/// A reader over the test article in a `w`x`h` terminal, annotations in.
pub fn model(w: u16, h: u16) -> Model {
    let mut m = detecting_model(w, h);
    update(&mut m, Msg::Annotations(annotations()));
    m
}

/// The bundled sample with the real detectors' output, made once: no snapshot depends on
/// it, but real annotations (nested, overlapping, non-ASCII) must not panic either.
pub fn sample_model(w: u16, h: u16) -> Model {
    static SAMPLE: OnceLock<(Article, AnnotationSet)> = OnceLock::new();
    let (article, set) = SAMPLE.get_or_init(|| {
        let article = crate::ingest::sample();
        let set = crate::detect::detect_article(&article);
        (article, set)
    });
    let mut m = Model::new(
        article.clone(),
        "sample".into(),
        Settings::default(),
        Keymap::default(),
        (w, h),
    );
    update(&mut m, Msg::Annotations(set.clone()));
    m
}

/// The screen as text, one line per row.
pub fn screen(m: &Model, theme: &Theme) -> String {
    let (w, h) = m.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| ui::draw(f, m, theme))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            if let Some(cell) = buf.cell((x, y)) {
                line.push_str(cell.symbol());
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The index of the annotation spanning the `nth` occurrence of `needle`.
pub fn index_of(m: &Model, needle: &str, nth: usize) -> usize {
    let s = span(needle, nth);
    m.annotations
        .items()
        .iter()
        .position(|a| a.span == s)
        .unwrap_or_else(|| panic!("{needle}"))
}
