//! Tests of scrolling, visibility and annotation stepping.

use super::*;
use crate::annotation::{Annotation, AnnotationKind, EntityGroup, EntityLabel};
use crate::article::{Article, Meta};

fn ent(span: Range<usize>, group: usize) -> Annotation {
    Annotation {
        span,
        kind: AnnotationKind::Entity {
            label: EntityLabel::Person,
            group,
        },
    }
}

fn group(id: usize) -> EntityGroup {
    EntityGroup {
        id,
        label: EntityLabel::Person,
        name: format!("g{id}"),
        aliases: vec![],
    }
}

/// A quote 10..40 and a mention of group 0 both starting at 10; group 1 at 30; group 0
/// again at 50 and 70.
fn set() -> AnnotationSet {
    let quote = Annotation {
        span: 10..40,
        kind: AnnotationKind::Quote(Box::default()),
    };
    AnnotationSet::new(
        vec![
            quote,
            ent(10..15, 0),
            ent(30..33, 1),
            ent(50..55, 0),
            ent(70..75, 0),
        ],
        vec![group(0), group(1)],
    )
}

/// Twenty paragraphs of one line each at width 20: lines are p0, blank, p1, blank, ...
fn layout() -> (Article, Layout) {
    let text: Vec<String> = (0..20).map(|i| format!("paragraph {i:02}")).collect();
    let a = Article::from_verbatim(text.join("\n\n"), Meta::default());
    let l = Layout::new(&a, 20);
    (a, l)
}

#[test]
fn scrolling_is_clamped() {
    assert_eq!(scroll(0, Scroll::Lines(-3), 100, 10), 0);
    assert_eq!(scroll(5, Scroll::Lines(3), 100, 10), 8);
    assert_eq!(scroll(85, Scroll::Lines(30), 100, 10), 90);
    assert_eq!(scroll(0, Scroll::HalfPages(1), 100, 10), 5);
    assert_eq!(scroll(20, Scroll::Pages(-1), 100, 10), 11);
    assert_eq!(scroll(20, Scroll::Bottom, 100, 10), 90);
    assert_eq!(scroll(20, Scroll::Top, 100, 10), 0);
    assert_eq!(
        scroll(3, Scroll::Pages(1), 5, 10),
        0,
        "short text never scrolls"
    );
    assert_eq!(scroll(0, Scroll::Lines(isize::MAX), 5, 0), 5);
}

#[test]
fn ensure_visible_moves_only_when_needed() {
    let (a, l) = layout();
    assert_eq!(l.len(), 39);
    let p = |i: usize| {
        let b = &a.blocks[i];
        b.span.clone()
    };
    // Paragraph 3 is line 6: visible from top 0 with height 10.
    assert_eq!(ensure_visible(&l, 0, 10, &p(3), 2), 0);
    // Paragraph 10 is line 20: scroll so it sits 2 lines above the bottom.
    assert_eq!(ensure_visible(&l, 0, 10, &p(10), 2), 13);
    // Back up to paragraph 1 (line 2) with context 2.
    assert_eq!(ensure_visible(&l, 13, 10, &p(1), 2), 0);
    assert_eq!(
        ensure_visible(&l, 13, 10, &p(19), 2),
        29,
        "clamped to the last page"
    );
    assert_eq!(center_on(&l, 10, &p(10)), 16);
}

#[test]
fn annotation_stepping_wraps_and_does_not_skip_nested_starts() {
    let s = set();
    assert_eq!(next_annotation(&s, Origin::Byte(0), None), Some(0));
    assert_eq!(
        next_annotation(&s, Origin::Annotation(0), None),
        Some(1),
        "same start"
    );
    assert_eq!(
        next_annotation(&s, Origin::Annotation(4), None),
        Some(0),
        "wraps"
    );
    assert_eq!(
        next_annotation(&s, Origin::Byte(10), Some(Kind::Quote)),
        Some(0),
        "wraps to the only quote"
    );
    assert_eq!(prev_annotation(&s, Origin::Annotation(1), None), Some(0));
    assert_eq!(
        prev_annotation(&s, Origin::Annotation(0), Some(Kind::Entity)),
        Some(4)
    );
    assert_eq!(
        prev_annotation(&s, Origin::Byte(50), Some(Kind::Entity)),
        Some(2)
    );
    assert_eq!(
        next_annotation(&AnnotationSet::default(), Origin::Byte(0), None),
        None
    );
}

#[test]
fn mentions_cycle_within_their_group() {
    let s = set();
    assert_eq!(cycle_mention(&s, 1, Direction::Forward), Some(3));
    assert_eq!(cycle_mention(&s, 4, Direction::Forward), Some(1));
    assert_eq!(cycle_mention(&s, 1, Direction::Backward), Some(4));
    assert_eq!(
        cycle_mention(&s, 2, Direction::Forward),
        Some(2),
        "a lone mention stays"
    );
    assert_eq!(
        cycle_mention(&s, 0, Direction::Forward),
        None,
        "a quote has no group"
    );
    assert_eq!(mention_from(&s, 0, 10, Direction::Forward), Some(3));
    assert_eq!(mention_from(&s, 0, 80, Direction::Forward), Some(1));
    assert_eq!(mention_from(&s, 0, 10, Direction::Backward), Some(4));
    assert_eq!(mention_from(&s, 7, 10, Direction::Backward), None);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn scroll_stays_in_bounds(top in 0usize..200, n in -50isize..50, len in 0usize..150, height in 0usize..60) {
            for how in [Scroll::Lines(n), Scroll::HalfPages(n), Scroll::Pages(n), Scroll::Top, Scroll::Bottom] {
                prop_assert!(scroll(top, how, len, height) <= max_top(len, height));
            }
        }

        #[test]
        fn ensure_visible_shows_the_start(top in 0usize..60, height in 1usize..30, block in 0usize..20, context in 0usize..5) {
            let (a, l) = layout();
            let range = a.blocks[block].span.clone();
            let t = ensure_visible(&l, top, height, &range, context);
            let first = l.line_of_byte(range.start);
            prop_assert!(t <= first && first < t + height, "top {} first {}", t, first);
            let c = center_on(&l, height, &range);
            prop_assert!(c <= first && first < c + height);
        }
    }
}
