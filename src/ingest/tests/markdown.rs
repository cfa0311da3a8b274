//! The Markdown loader: its blocks, inline spans, tables and line breaks.

use super::*;

#[test]
fn markdown_structures() {
    let a = md(concat!(
        "# The title\n\nIntro with *em*, **strong**, `code` and [a link](https://x.test).\n",
        "soft wrapped.\n\n## Section\n\n> Quoted\n> text.\n\n",
        "- one\n- two\n  1. inner\n  2. second\n\n",
        "```\nfn main() {\n\n    x\n}\n```\n",
    ));
    assert_eq!(a.meta.title.as_deref(), Some("The title"));
    assert_eq!(
        kinds(&a),
        vec![
            (
                BlockKind::Paragraph,
                "Intro with em, strong, code and a link. soft wrapped."
            ),
            (BlockKind::Heading(2), "Section"),
            (BlockKind::BlockQuote, "Quoted text."),
            (
                BlockKind::ListItem {
                    ordinal: None,
                    depth: 0
                },
                "one"
            ),
            (
                BlockKind::ListItem {
                    ordinal: None,
                    depth: 0
                },
                "two"
            ),
            (
                BlockKind::ListItem {
                    ordinal: Some(1),
                    depth: 1
                },
                "inner"
            ),
            (
                BlockKind::ListItem {
                    ordinal: Some(2),
                    depth: 1
                },
                "second"
            ),
            (BlockKind::Preformatted, "fn main() {\n    x\n}"),
        ]
    );
    assert_eq!(
        styled(&a),
        vec![
            (InlineStyle::Emphasis, "em"),
            (InlineStyle::Strong, "strong"),
            (InlineStyle::Code, "code"),
            (InlineStyle::Link, "a link"),
            // A code block is code as a whole, so the detectors skip it.
            (InlineStyle::Code, "fn main() {\n    x\n}"),
        ]
    );
    assert_invariants(&a);
}

/// A GFM table is rows of aligned cells, not one line of pipes: columns padded to their
/// widest cell (by display width: CJK takes two columns), aligned as the delimiter row
/// says, the header bold and ruled off, inline styles kept in the cells.
#[test]
fn markdown_tables_are_aligned_rows() {
    let a = md(concat!(
        "Before.\n\n",
        "| City | Population | Note |\n",
        "|:-----|-----------:|:----:|\n",
        "| Paris | 2,100,000 | *capital* |\n",
        "| 東京 | 14,000,000 | `x` |\n",
        "| Lyon |\n\n",
        "After.\n",
    ));
    let table = a.block_text(1);
    assert_eq!(
        table,
        concat!(
            "│ City  │ Population │  Note   │\n",
            "├───────┼────────────┼─────────┤\n",
            "│ Paris │  2,100,000 │ capital │\n",
            "│ 東京  │ 14,000,000 │    x    │\n",
            "│ Lyon  │            │         │",
        )
    );
    assert_eq!(kinds(&a)[1].0, BlockKind::Paragraph);
    assert_eq!(a.block_text(2), "After.");
    assert_eq!(
        styled(&a),
        vec![
            (InlineStyle::Strong, "City"),
            (InlineStyle::Strong, "Population"),
            (InlineStyle::Strong, "Note"),
            (InlineStyle::Emphasis, "capital"),
            (InlineStyle::Code, "x"),
        ]
    );
    assert_invariants(&a);
}

/// `<br>` is a line break, not nothing: "Term<br>with" must not read "Termwith".
#[test]
fn markdown_br_breaks_the_line() {
    let a = md("Term<br>with a<BR/>break and<br />more.\n\n| a<br>b |\n|---|\n| c |\n");
    assert_eq!(a.block_text(0), "Term\nwith a\nbreak and\nmore.");
    assert!(
        a.block_text(1).starts_with("│ a b │"),
        "{:?}",
        a.block_text(1)
    );
    assert_invariants(&a);
}

#[test]
fn markdown_loose_items_and_nested_emphasis() {
    let a = md("3. first para\n\n   second para\n4. ***both*** end\n");
    assert_eq!(
        kinds(&a),
        vec![
            (
                BlockKind::ListItem {
                    ordinal: Some(3),
                    depth: 0
                },
                "first para second para"
            ),
            (
                BlockKind::ListItem {
                    ordinal: Some(4),
                    depth: 0
                },
                "both end"
            ),
        ]
    );
    assert_eq!(a.inline.len(), 2);
    assert!(a.inline.iter().all(|s| &a.text[s.span.clone()] == "both"));
}

#[test]
fn markdown_quote_inside_an_item_and_item_inside_a_quote() {
    let a = md("- item\n\n  > quoted in item\n\n> - item in quote\n>\n>   more\n");
    assert_eq!(
        kinds(&a),
        vec![
            (
                BlockKind::ListItem {
                    ordinal: None,
                    depth: 0
                },
                "item"
            ),
            (BlockKind::BlockQuote, "quoted in item"),
            (
                BlockKind::ListItem {
                    ordinal: None,
                    depth: 0
                },
                "item in quote more"
            ),
        ]
    );
}

#[test]
fn markdown_single_heading_stays_in_the_body() {
    let a = md("# Only a heading\n");
    assert_eq!(a.meta.title, None);
    assert_eq!(kinds(&a), vec![(BlockKind::Heading(1), "Only a heading")]);
}

#[test]
fn markdown_hard_break_and_front_matter() {
    let a = md("+++\ntitle = \"T\"\n+++\n# Not the title\n\nline one  \nline two\n");
    assert_eq!(a.meta.title.as_deref(), Some("T"));
    assert_eq!(kinds(&a)[1], (BlockKind::Paragraph, "line one\nline two"));
}

/// A Markdown link keeps where it leads, relative or not; empty, fragment-only and script
/// links keep only their text; the title taken from the first heading shifts the links.
#[test]
fn markdown_links_keep_their_destinations() {
    let a = md(concat!(
        "# Title\n\n",
        "See [the *report*](https://example.org/r \"t\"), [next](b.md#x), ",
        "[here](#top), [bad](javascript:alert(1)) and <https://auto.example/>.\n\n",
        "| Source | Note |\n|---|---|\n|  [the data](data.csv) | x |\n",
    ));
    assert_eq!(a.meta.title.as_deref(), Some("Title"));
    let got: Vec<_> = a
        .links
        .iter()
        .map(|l| (&a.text[l.span.clone()], l.url.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("the report", "https://example.org/r"),
            ("next", "b.md#x"),
            ("https://auto.example/", "https://auto.example/"),
            // A link in a table cell, where the cell's text is placed in the aligned row.
            ("the data", "data.csv"),
        ]
    );
    assert_invariants(&a);
}
