//! Layout tests: examples, plain-text snapshots and property tests of the invariants.

use super::*;
use crate::article::{Block, Meta};

fn article(blocks: &[(BlockKind, &str)], meta: Meta) -> Article {
    let mut text = String::new();
    let mut out = Vec::new();
    for (kind, t) in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(t);
        out.push(Block {
            kind: *kind,
            span: start..text.len(),
        });
    }
    Article {
        meta,
        text,
        blocks: out,
        ..Article::default()
    }
}

/// The layout as plain text, one row per line, with a `|` marking the width.
fn render(article: &Article, layout: &Layout) -> String {
    let mut s = String::new();
    for line in layout.lines(0..layout.len()) {
        let row = format!(
            "{}{}{}",
            " ".repeat(line.indent.into()),
            line.prefix,
            &article.text[line.range.clone()]
        );
        let pad = usize::from(layout.width()).saturating_sub(line.width(&article.text));
        s.push_str(&format!("{row}{}|\n", " ".repeat(pad)));
    }
    s
}

#[test]
fn header_then_blocks_separated_by_blanks() {
    let meta = Meta {
        title: Some("A title".into()),
        date: Some(jiff::civil::date(2020, 1, 6)),
        source: Some("CBC".into()),
        ..Meta::default()
    };
    let a = article(
        &[
            (BlockKind::Paragraph, "one two"),
            (BlockKind::Paragraph, "three"),
        ],
        meta,
    );
    let l = Layout::new(&a, 40);
    let kinds: Vec<LineKind> = l.lines(0..l.len()).map(|l| l.kind).collect();
    let text = |block| LineKind::Text { block };
    let expected = [
        LineKind::Title,
        LineKind::Meta,
        LineKind::Blank,
        text(0),
        LineKind::Blank,
        text(1),
    ];
    assert_eq!(kinds, expected);
    assert_eq!(
        l.line(1).map(|l| l.prefix),
        Some("Monday 6 January 2020 · CBC")
    );
    assert_eq!(l.block_lines(1), 5..6);
    assert_eq!(check_invariants(&a, &l), Ok(()));
}

#[test]
fn line_of_byte_maps_gaps_to_the_line_before() {
    let a = article(
        &[
            (BlockKind::Paragraph, "aaa bbb"),
            (BlockKind::Paragraph, "ccc"),
        ],
        Meta::default(),
    );
    let l = Layout::new(&a, 3);
    // lines: aaa | bbb | blank | ccc
    assert_eq!(l.len(), 4);
    assert_eq!(l.line_of_byte(0), 0);
    assert_eq!(l.line_of_byte(3), 0, "the dropped space");
    assert_eq!(l.line_of_byte(4), 1);
    assert_eq!(l.line_of_byte(8), 1, "the blank between blocks");
    assert_eq!(l.line_of_byte(9), 3);
    assert_eq!(l.line_of_byte(999), 3);
}

#[test]
fn empty_article_has_no_lines() {
    let l = Layout::new(&Article::default(), 80);
    assert!(l.is_empty());
    assert_eq!(l.line_of_byte(5), 0);
    assert!(l.line(0).is_none());
    assert_eq!(l.lines(3..9).len(), 0);
}

#[test]
fn snapshot_of_every_block_kind() {
    let meta = Meta {
        title: Some("Gloss lays out a rather long title over two lines".into()),
        date: Some(jiff::civil::date(2020, 1, 6)),
        author: Some("A. Writer".into()),
        ..Meta::default()
    };
    let a = article(
        &[
            (BlockKind::Heading(1), "A heading"),
            (
                BlockKind::Paragraph,
                "Plain words wrap where they may, and averyveryverylongwordthatneverends is broken.",
            ),
            (
                BlockKind::BlockQuote,
                "Quoted text keeps its bar on every line it takes.",
            ),
            (
                BlockKind::ListItem {
                    ordinal: None,
                    depth: 0,
                },
                "A bullet item with a hanging indent under it.",
            ),
            (
                BlockKind::ListItem {
                    ordinal: Some(12),
                    depth: 1,
                },
                "A nested numbered item that wraps too.",
            ),
            (
                BlockKind::Preformatted,
                "fn main() {\n    println!(\"a long line of code that will not fit\");\n}",
            ),
            (
                BlockKind::Paragraph,
                "日本語の文章は空白なしで折り返す。👨‍👩‍👧 e\u{301}",
            ),
        ],
        meta,
    );
    let l = Layout::new(&a, 28);
    assert_eq!(check_invariants(&a, &l), Ok(()));
    insta::assert_snapshot!(render(&a, &l));
}

#[test]
fn narrow_widths_drop_decoration_but_keep_the_text() {
    let a = article(
        &[
            (BlockKind::BlockQuote, "ab"),
            (
                BlockKind::ListItem {
                    ordinal: Some(3),
                    depth: 2,
                },
                "cd",
            ),
        ],
        Meta::default(),
    );
    for w in 1..6 {
        let l = Layout::new(&a, w);
        assert_eq!(check_invariants(&a, &l), Ok(()));
    }
    let l = Layout::new(&a, 1);
    assert_eq!(render(&a, &l), "a|\nb|\n |\nc|\nd|\n");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z]{1,12}",
            "[a-zA-Z]{20,60}",
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("\t".to_string()),
            Just("\n".to_string()),
            Just("日本語の文章".to_string()),
            Just("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}".to_string()),
            Just("\u{1F1EB}\u{1F1F7}".to_string()),
            Just("e\u{301}\u{308}".to_string()),
            Just("—".to_string()),
            Just("-".to_string()),
            Just("«\u{a0}".to_string()),
            Just("한국어".to_string()),
            Just("\u{FF76}\u{FF9E}".to_string()),
            Just("\u{200B}".to_string()),
            Just("\r\n".to_string()),
            any::<char>().prop_map(String::from),
        ]
    }

    fn kind() -> impl Strategy<Value = BlockKind> {
        prop_oneof![
            Just(BlockKind::Paragraph),
            (1u8..4).prop_map(BlockKind::Heading),
            Just(BlockKind::BlockQuote),
            (proptest::option::of(0u64..200), 0u8..4)
                .prop_map(|(ordinal, depth)| BlockKind::ListItem { ordinal, depth }),
            Just(BlockKind::Preformatted),
        ]
    }

    fn block() -> impl Strategy<Value = (BlockKind, String)> {
        (kind(), proptest::collection::vec(piece(), 1..30)).prop_map(|(k, p)| {
            let t = p.concat();
            let t = t.trim();
            (
                k,
                if t.is_empty() {
                    "x".to_string()
                } else {
                    t.to_string()
                },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn invariants_hold(blocks in proptest::collection::vec(block(), 0..6), width in 1u16..120, title in proptest::option::of("[a-z ]{0,80}")) {
            let refs: Vec<(BlockKind, &str)> = blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
            let meta = Meta { title, ..Meta::default() };
            let a = article(&refs, meta);
            let l = Layout::new(&a, width);
            if let Err(e) = check_invariants(&a, &l) {
                prop_assert!(false, "{e}\n{}", render(&a, &l));
            }
        }

        #[test]
        fn fuzz_entry_accepts_any_bytes(data in proptest::collection::vec(any::<u8>(), 0..400)) {
            prop_assert_eq!(fuzz_layout(&data), Ok(()));
        }
    }
}

#[test]
fn a_book_laid_out_on_two_threads_equals_one_thread() {
    let para = "It was the best of times, it was the worst of times — 日本語 — \u{1F468}\u{200D}\u{1F469} e\u{301}. ";
    let blocks: Vec<String> = (0..1200).map(|i| para.repeat(i % 13 + 1)).collect();
    let refs: Vec<(BlockKind, &str)> = blocks
        .iter()
        .map(|b| (BlockKind::Paragraph, b.as_str()))
        .collect();
    let a = article(&refs, Meta::default());
    assert!(a.text.len() >= PARALLEL_MIN);
    let l = Layout::new(&a, 37);
    let mut one = Building::default();
    lay_out(&a, 37, 0..a.blocks.len(), &mut one);
    let firsts = one.block_first.clone();
    let one = one.finish(37, 0, 0, 0);
    assert!(l.lines(0..l.len()).eq(one.lines(0..one.len())));
    assert_eq!(l.block_lines(700).start, firsts[700]);
    assert_eq!(check_invariants(&a, &l), Ok(()));
}

/// The two halves of a book have decoration tables of their own; joined, every line keeps
/// its prefix, and the table holds each distinct decoration once.
#[test]
fn decorations_survive_the_two_thread_join() {
    let para = "Quoted and listed words, enough of them to wrap a few times at forty columns. ";
    let kinds = [
        BlockKind::BlockQuote,
        BlockKind::ListItem {
            ordinal: None,
            depth: 1,
        },
        BlockKind::Paragraph,
    ];
    let blocks: Vec<(BlockKind, String)> = (0..3000u64)
        .map(|i| {
            let kind = match i % 4 {
                3 => BlockKind::ListItem {
                    ordinal: Some(i % 50),
                    depth: 0,
                },
                k => kinds[k as usize],
            };
            (kind, para.repeat(i as usize % 5 + 1))
        })
        .collect();
    let refs: Vec<(BlockKind, &str)> = blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let a = article(&refs, Meta::default());
    assert!(a.text.len() >= PARALLEL_MIN);
    let l = Layout::new(&a, 40);
    let mut one = Building::default();
    lay_out(&a, 40, 0..a.blocks.len(), &mut one);
    let one = one.finish(40, 0, 0, 0);
    assert!(l.lines(0..l.len()).eq(one.lines(0..one.len())));
    assert_eq!(l, one);
    let distinct: std::collections::HashSet<_> = l.decor.iter().collect();
    assert_eq!(distinct.len(), l.decor.len());
    // "• " hanging, "│ ", 50 ordinals and their hangs: a table, not a copy per line.
    assert!(l.decor.len() < 120, "{} decorations", l.decor.len());
    assert_eq!(check_invariants(&a, &l), Ok(()));
}

/// Offsets are stored as `u32`: a block ending past 4 GiB is left out, without a panic.
#[test]
fn blocks_beyond_four_gib_are_not_laid_out() {
    let mut a = article(
        &[
            (BlockKind::Paragraph, "one two"),
            (BlockKind::Paragraph, "three"),
        ],
        Meta::default(),
    );
    a.blocks.push(Block {
        kind: BlockKind::Paragraph,
        span: MAX_TEXT - 2..MAX_TEXT + 5,
    });
    let l = Layout::new(&a, 20);
    assert_eq!(l.len(), 3);
    assert_eq!(l.block_lines(2), 0..0);
    let w = Layout::window(&a, 20, MAX_TEXT, 5);
    assert!(w.lines(0..w.len()).all(|l| l.range.end <= MAX_TEXT));
}

mod column_props {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    proptest! {
        #[test]
        fn byte_col_round_trip_on_every_grapheme(
            text in "([a-z ]|日本|e\u{301}|\u{1F468}\u{200D}\u{1F469}|\t){1,40}",
            width in 1u16..40,
        ) {
            let text = text.trim().to_string();
            prop_assume!(!text.is_empty());
            let a = Article::from_verbatim(text, Meta::default());
            let l = Layout::new(&a, width);
            for line in l.lines(0..l.len()) {
                let shown = &a.text[line.range.clone()];
                let mut last_col = 0;
                for (i, g) in shown.grapheme_indices(true) {
                    let byte = line.range.start + i;
                    let col = display_col(&line, &a.text, byte);
                    prop_assert!(col >= last_col);
                    last_col = col;
                    if grapheme_width(g) > 0 {
                        prop_assert_eq!(byte_at_col(&line, &a.text, col), byte);
                    }
                }
            }
        }
    }
}

/// Inputs the `layout` fuzz target broke, minimised by `cargo fuzz tmin`: each must keep
/// every invariant. The first is U+0601 (a prepended mark, which joins the character after
/// it into one grapheme) before a space: trimming the space off the line's end split them.
#[test]
fn fuzz_crashes_keep_the_invariants() {
    let crashes: &[&[u8]] = &[&[17, 168, 216, 129, 32, 13, 98]];
    for data in crashes {
        assert_eq!(fuzz_layout(data), Ok(()), "{data:?}");
    }
}
