//! The arena the sink builds, against scraper's tree of the same page (the path it
//! replaced) as the oracle.

use super::*;
use crate::ingest::html::parse::{self, MAX_DEPTH};
use ego_tree::iter::Edge;
use proptest::prelude::*;
use scraper::{Html, HtmlTreeSink};

fn arena(html: &str) -> Vec<Node> {
    parse::document(html, ArenaSink::with_capacity(16))
}

/// The arena as it was made before this sink: scraper's tree, copied in document
/// order with the same attributes and text left out. The oracle the sink must match.
fn copied_from_scraper(html: &str) -> Vec<Node> {
    let parsed = parse::document(html, HtmlTreeSink::new(Html::new_document()));
    let mut nodes: Vec<Node> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for edge in parsed.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let data = match node.value() {
                    scraper::Node::Document | scraper::Node::Fragment => Data::Document,
                    scraper::Node::Element(e) => Data::Element(Element {
                        tag: e.name.local.clone(),
                        attrs: e
                            .attrs()
                            .filter(|(n, _)| KEPT_ATTRIBUTES.contains(n))
                            .map(|(n, v)| (n.into(), v.to_string()))
                            .collect(),
                    }),
                    scraper::Node::Text(_)
                        if open.last().is_some_and(|&p| match &nodes[p].data {
                            Data::Element(e) => {
                                e.tag() == "style"
                                    || (e.tag() == "script"
                                        && !e.attr("type").is_some_and(|t| t.contains("ld+json")))
                            }
                            _ => false,
                        }) =>
                    {
                        continue;
                    }
                    scraper::Node::Text(t) => Data::Text(t.to_string()),
                    _ => continue,
                };
                let is_parent = !matches!(data, Data::Text(_));
                let index = nodes.len();
                let parent = open.last().copied();
                if let Some(p) = parent {
                    nodes[p].children.push(index);
                }
                nodes.push(Node {
                    parent,
                    children: Vec::new(),
                    data,
                });
                if is_parent {
                    open.push(index);
                }
            }
            Edge::Close(node) => {
                if matches!(
                    node.value(),
                    scraper::Node::Document | scraper::Node::Fragment | scraper::Node::Element(_)
                ) {
                    open.pop();
                }
            }
        }
    }
    nodes
}

/// The tree as one line: `tag(children)`, text quoted, a document `#`.
fn outline(nodes: &[Node]) -> String {
    let mut out = String::new();
    let mut stack = vec![(0, false)];
    while let Some((i, closing)) = stack.pop() {
        if closing {
            out.push(')');
            continue;
        }
        match &nodes[i].data {
            Data::Document => out.push('#'),
            Data::Element(e) => out.push_str(e.tag()),
            Data::Text(t) => {
                out.push_str(&format!("{t:?}"));
                continue;
            }
        }
        out.push('(');
        stack.push((i, true));
        stack.extend(nodes[i].children.iter().rev().map(|&c| (c, false)));
    }
    out
}

/// The same arena as the scraper path, and parents before children.
fn check(html: &str) -> Vec<Node> {
    let nodes = arena(html);
    assert_eq!(nodes, copied_from_scraper(html), "{html:?}");
    for (i, n) in nodes.iter().enumerate() {
        assert!(
            n.parent
                .is_none_or(|p| p < i && nodes[p].children.contains(&i))
        );
    }
    nodes
}

fn body(html: &str) -> String {
    let out = outline(&check(html));
    let start = out.find("body(").unwrap_or(0);
    out[start..out.len() - 2].to_string()
}

#[test]
fn misnested_formatting_is_adopted_as_a_browser_does() {
    assert_eq!(body("<b><p>x</b>y</p>"), r#"body(b()p(b("x")"y"))"#);
    assert_eq!(
        body("<a href=1>a<div>b</a>c</div>"),
        r#"body(a("a")div(a("b")"c"))"#
    );
}

#[test]
fn text_in_a_table_is_fostered_before_it() {
    assert_eq!(
        body("<table>text<tr><td>a</table>"),
        r#"body("text"table(tbody(tr(td("a")))))"#
    );
    // Fostered text next to text already before the table merges with it.
    assert_eq!(
        body("<p>x</p>before<table>after<tr><td>a</table>"),
        r#"body(p("x")"beforeafter"table(tbody(tr(td("a")))))"#
    );
}

#[test]
fn adjacent_text_merges_but_not_across_a_comment() {
    assert_eq!(body("<p>a &amp; b</p>"), r#"body(p("a & b"))"#);
    assert_eq!(body("<p>a<!-- c -->b</p>"), r#"body(p("a""b"))"#);
    assert_eq!(body("<p>a<?pi x?>b</p>"), r#"body(p("a""b"))"#);
}

#[test]
fn scripts_styles_and_unread_attributes_are_left_out() {
    let html = "<body class=a><script>var x;</script><style>p{}</style>\
                <script type=application/ld+json>{}</script>\
                <body id=b data-x=1 class=ignored><p onclick=f() class=c>t</p>";
    let nodes = check(html);
    assert_eq!(body(html), r#"body(script()style()script("{}")p("t"))"#);
    let attrs = |tag: &str| {
        nodes.iter().find_map(|n| match &n.data {
            Data::Element(e) if e.tag() == tag => Some(e.attrs.clone()),
            _ => None,
        })
    };
    let pair = |n: &str, v: &str| (html5ever::LocalName::from(n), v.to_string());
    assert_eq!(
        attrs("body"),
        Some(vec![pair("class", "a"), pair("id", "b")])
    );
    assert_eq!(attrs("p"), Some(vec![pair("class", "c")]));
}

#[test]
fn template_contents_stay_under_the_template() {
    assert_eq!(
        body("<p>a</p><template><p>t</p></template>b<template><td>c</td></template>"),
        r#"body(p("a")template(#(p("t")))"b"template(#(td("c"))))"#
    );
}

#[test]
fn nesting_past_the_depth_cap_is_flattened() {
    let html = "<div>".repeat(MAX_DEPTH + 50) + "deep" + &"</div>".repeat(MAX_DEPTH + 50);
    let nodes = check(&html);
    let divs = nodes
        .iter()
        .filter(|n| matches!(&n.data, Data::Element(e) if e.tag() == "div"))
        .count();
    assert_eq!(divs, MAX_DEPTH);
}

#[test]
fn a_tree_100000_deep_is_renumbered_without_recursion() {
    // Past the parser's depth cap, so built through the sink's own calls.
    let sink = ArenaSink::with_capacity(0);
    let div = || QualName::new(None, ns!(html), local_name!("div"));
    let mut parent = sink.get_document();
    for _ in 0..100_000 {
        let child = sink.create_element(div(), Vec::new(), ElementFlags::default());
        sink.append(&parent, NodeOrText::AppendNode(child));
        parent = child;
    }
    sink.append(&parent, NodeOrText::AppendText("deep".into()));
    let nodes = sink.finish();
    assert_eq!(nodes.len(), 100_002);
    for (i, n) in nodes.iter().enumerate().skip(1) {
        assert_eq!(n.parent, Some(i - 1));
    }
    assert_eq!(nodes[100_001].data, Data::Text("deep".to_string()));
}

/// Tag soup: a few tags that make the tree builder move nodes (formatting, tables,
/// paragraphs, templates, foreign content), text, comments, misnested end tags.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href=x>",
        "</a>",
        "<p>",
        "</p>",
        "<div class=c>",
        "</div>",
        "<table>",
        "</table>",
        "<tr>",
        "<td>",
        "</td>",
        "<th>",
        "<caption>",
        "<li>",
        "<ul>",
        "</ul>",
        "<template>",
        "</template>",
        "<script>s",
        "</script>",
        "<style>",
        "</style>",
        "<svg>",
        "</svg>",
        "<math>",
        "<title>t",
        "</title>",
        "<select>",
        "<option>",
        "<form>",
        "</form>",
        "<h1>",
        "</h1>",
        "<nobr>",
        "<font>",
        "<body id=x>",
        "<html lang=en>",
        "<br>",
        "<img src=i>",
        "<!--c-->",
        "text ",
        " ",
        "&amp;",
        "<pre>",
        "\n",
        "<head>",
        "<frameset>",
        "<noscript>",
        "<frame>",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn tag_soup_builds_the_same_arena_as_the_scraper_path(html in soup()) {
        check(&html);
    }
}
