//! The article pane draws the text as it is, whatever is styled over it.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::annotation::{Annotation, AnnotationKind, AnnotationSet, EntityGroup, EntityLabel};
use crate::article::{Article, InlineSpan, InlineStyle, Meta};
use crate::theme::Theme;
use crate::tui::keymap::Keymap;
use crate::tui::model::{Model, Settings};
use crate::tui::update::{Msg, update};

/// The cells of the article's text area, as drawn for `m`.
fn text_cells(m: &Model) -> Vec<String> {
    let (w, h) = m.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| super::super::draw(f, m, &Theme::default()))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf: &Buffer = terminal.backend().buffer();
    let area = m.text_area().unwrap_or_default();
    let mut rows = Vec::new();
    for y in area.top()..area.bottom() {
        let row: String = (area.left()..area.right())
            .filter_map(|x| buf.cell((x, y)).map(|c| c.symbol().to_string()))
            .collect();
        rows.push(row);
    }
    rows
}

/// The one entity group the tests' entities belong to.
fn places() -> Vec<EntityGroup> {
    vec![EntityGroup {
        id: 0,
        label: EntityLabel::Place,
        name: "somewhere".into(),
        aliases: Vec::new(),
    }]
}

fn reader(article: Article, set: AnnotationSet) -> Model {
    let mut m = Model::new(
        article,
        "t.txt".into(),
        Settings::default(),
        Keymap::default(),
        (40, 12),
    );
    update(&mut m, Msg::Annotations(set));
    m
}

/// `text`'s char boundaries, to place random spans on.
fn char_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// The case: an entity ending before a combining diaeresis ("Zoe" of "Zoë").
#[test]
fn an_accent_after_an_entity_stays_on_screen() {
    let article = Article::from_verbatim("Zoe\u{308} went home.".into(), Meta::default());
    let plain = text_cells(&reader(article.clone(), AnnotationSet::default()));
    let entity = Annotation {
        span: 0..3,
        kind: AnnotationKind::Entity {
            label: EntityLabel::Place,
            group: 0,
        },
    };
    let styled = text_cells(&reader(article, AnnotationSet::new(vec![entity], places())));
    assert!(plain[0].starts_with("Zoe\u{308} went"), "{:?}", plain[0]);
    assert_eq!(styled, plain);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Random text of combining marks, emoji ZWJ sequences, CJK and prepended marks, with
    /// entities and emphasis over random char ranges (inside clusters too): the cells drawn
    /// are exactly those drawn without any styling. Nothing dropped, nothing changed.
    #[test]
    fn styling_never_drops_or_alters_a_character(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "Zoe", "e", "\u{301}", "\u{308}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
            "\u{200D}", "日本語", "東", " ", " ", "\u{601}", "\u{1F1EB}\u{1F1F7}", "Fran", "ç", "\n\n",
        ]), 1..40),
        cuts in proptest::collection::vec((any::<proptest::sample::Index>(), any::<proptest::sample::Index>(), any::<bool>()), 0..8),
    ) {
        let text: String = pieces.concat();
        let mut article = Article::from_verbatim(text.clone(), Meta::default());
        let plain = text_cells(&reader(article.clone(), AnnotationSet::default()));
        let offsets = char_offsets(&text);
        let mut items = Vec::new();
        for (a, b, emphasis) in cuts {
            let (x, y) = (*a.get(&offsets), *b.get(&offsets));
            let span = x.min(y)..x.max(y);
            if span.is_empty() {
                continue;
            }
            if emphasis {
                article.inline.push(InlineSpan { style: InlineStyle::Emphasis, span });
            } else {
                items.push(Annotation {
                    span,
                    kind: AnnotationKind::Entity { label: EntityLabel::Place, group: 0 },
                });
            }
        }
        article.inline.sort_by_key(|s| s.span.start);
        let styled = text_cells(&reader(article, AnnotationSet::new(items, places())));
        prop_assert_eq!(styled, plain);
    }
}
