//! The parsed page as a flat arena: html5ever (`parse`) parses, its tree builder making
//! these nodes itself (`sink` owns them until it renumbers them into a `Vec` in document
//! order; no other tree of the page is made), so every later pass (cleaning, scoring,
//! block building) addresses nodes by index, keeps its per-node figures in plain vectors,
//! and walks the tree with loops instead of recursion: a page of 100,000 nested `<div>`s
//! cannot overflow the stack.
//!
//! Comments, doctypes and processing instructions are left out, and so are attributes no
//! pass reads and the text of scripts and styles (`sink`); element and attribute names
//! are lowercase (html5ever's own normalisation).

use html5ever::LocalName;

use super::sink::ArenaSink;

/// Index of the document node; every other node descends from it.
pub(crate) const ROOT: usize = 0;

/// One node: its parent, its children in order, and what it is.
#[derive(Debug, PartialEq)]
pub(crate) struct Node {
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub data: Data,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Data {
    Document,
    Element(Element),
    Text(String),
}

/// An element: its tag and kept attributes. Names are html5ever's interned atoms, so the
/// tags and attribute names of a large page take no memory of their own.
#[derive(Debug, PartialEq)]
pub(crate) struct Element {
    pub tag: LocalName,
    pub attrs: Vec<(LocalName, String)>,
}

impl Element {
    pub fn tag(&self) -> &str {
        &self.tag
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The page's nodes in document order: a parent always comes before its children, so a
/// reverse walk over the indices visits children before parents.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// Per node, a bit for each of [`ENCLOSING`] that is among its ancestors: asked for
    /// every node by later passes, so computed once (a walk up per node would cost the
    /// depth each time, quadratic on a deeply nested page).
    inside: Vec<u8>,
}

/// The ancestors `Dom::has_ancestor` answers for from its table.
const ENCLOSING: [&str; 3] = ["figure", "code", "pre"];

impl Dom {
    /// Parses `html` as a whole document, as a browser would (html5ever never fails: any
    /// input gives a tree with `<html>`, `<head>` and `<body>`).
    pub fn parse(html: &str) -> Dom {
        let nodes = super::parse::document(html, ArenaSink::with_capacity(html.len() / 32));
        Dom::of(nodes)
    }

    /// [`Dom::parse`] taking the page by value, freed piece by piece as it is parsed.
    pub fn parse_owned(html: String) -> Dom {
        let capacity = html.len() / 32;
        Dom::of(super::parse::document_owned(
            html,
            ArenaSink::with_capacity(capacity),
        ))
    }

    fn of(nodes: Vec<Node>) -> Dom {
        let inside = enclosing(&nodes);
        Dom { nodes, inside }
    }

    pub fn element(&self, i: usize) -> Option<&Element> {
        match &self.nodes.get(i)?.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of node `i`, `""` for text and the document.
    pub fn tag(&self, i: usize) -> &str {
        self.element(i).map_or("", |e| e.tag())
    }

    /// The first element called `tag`, in document order.
    pub fn find(&self, tag: &str) -> Option<usize> {
        (0..self.nodes.len()).find(|&i| self.tag(i) == tag)
    }

    /// Every node under `i` (not `i` itself), in document order, skipping the subtrees
    /// `skip` says to leave out.
    pub fn descendants<'a>(
        &'a self,
        i: usize,
        skip: impl Fn(usize) -> bool + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        let mut stack: Vec<usize> = self.nodes[i].children.iter().rev().copied().collect();
        std::iter::from_fn(move || {
            while let Some(n) = stack.pop() {
                if skip(n) {
                    continue;
                }
                stack.extend(self.nodes[n].children.iter().rev().copied());
                return Some(n);
            }
            None
        })
    }

    /// The text under `i` with runs of whitespace collapsed to one space, trimmed.
    pub fn text(&self, i: usize, skip: impl Fn(usize) -> bool) -> String {
        let mut out = String::new();
        if let Data::Text(t) = &self.nodes[i].data {
            push_collapsed(&mut out, t);
        }
        for n in self.descendants(i, skip) {
            if let Data::Text(t) = &self.nodes[n].data {
                push_collapsed(&mut out, t);
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out
    }

    /// The ancestors of `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[i].parent, |&p| self.nodes[p].parent)
    }

    /// Whether `i` has an ancestor called `tag` (from the table for [`ENCLOSING`] tags,
    /// else by walking up).
    pub fn has_ancestor(&self, i: usize, tag: &str) -> bool {
        match ENCLOSING.iter().position(|t| *t == tag) {
            Some(bit) => self.inside[i] & (1 << bit) != 0,
            None => self.ancestors(i).any(|p| self.tag(p) == tag),
        }
    }
}

/// The [`ENCLOSING`] bits of every node, top-down (parents come first).
fn enclosing(nodes: &[Node]) -> Vec<u8> {
    let mut inside = vec![0u8; nodes.len()];
    for i in 0..nodes.len() {
        let Some(p) = nodes[i].parent else { continue };
        let own = match &nodes[p].data {
            Data::Element(e) => ENCLOSING
                .iter()
                .position(|t| *t == e.tag())
                .map_or(0, |bit| 1 << bit),
            _ => 0,
        };
        inside[i] = inside[p] | own;
    }
    inside
}

/// Appends `text` to `out` with whitespace runs collapsed to one space, no leading space.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    for (k, word) in text.split_whitespace().enumerate() {
        let gap = k > 0 || text.starts_with(char::is_whitespace);
        if gap && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_children_and_text_collapses() {
        let dom = Dom::parse("<p>One <b>two</b>\n  three</p><!-- gone -->");
        let p = dom.find("p").unwrap_or(ROOT);
        assert_eq!(dom.text(p, |_| false), "One two three");
        for (i, n) in dom.nodes.iter().enumerate() {
            assert!(n.parent.is_none_or(|p| p < i));
        }
        assert!(dom.find("html").is_some() && dom.find("body").is_some());
    }

    #[test]
    fn code_to_run_and_unread_attributes_are_not_copied() {
        let dom = Dom::parse(
            "<script>var big = 1;</script><style>p { }</style>\
             <script type=application/ld+json>{\"a\": 1}</script>\
             <p class=c data-track=x onclick=f()>Text</p>",
        );
        let texts: Vec<&str> = dom
            .nodes
            .iter()
            .filter_map(|n| match &n.data {
                Data::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["{\"a\": 1}", "Text"]);
        let p = dom.find("p").and_then(|p| dom.element(p));
        assert_eq!(p.map(|e| e.attrs.len()), Some(1));
    }

    #[test]
    fn enclosing_tags_are_known_below_them_only() {
        let dom = Dom::parse("<figure><p>a<code>b</code></p></figure><pre>c</pre><p>d</p>");
        let text = |t: &str| {
            (0..dom.nodes.len())
                .find(|&i| matches!(&dom.nodes[i].data, Data::Text(x) if x == t))
                .unwrap_or(ROOT)
        };
        assert!(dom.has_ancestor(text("a"), "figure") && !dom.has_ancestor(text("a"), "code"));
        assert!(dom.has_ancestor(text("b"), "code") && dom.has_ancestor(text("b"), "p"));
        assert!(dom.has_ancestor(text("c"), "pre") && !dom.has_ancestor(text("c"), "figure"));
        let figure = dom.find("figure").unwrap_or(ROOT);
        assert!(!dom.has_ancestor(figure, "figure") && !dom.has_ancestor(text("d"), "pre"));
    }

    #[test]
    fn deep_nesting_builds_without_recursion() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&html);
        let body = dom.find("body").unwrap_or(ROOT);
        assert_eq!(dom.text(body, |_| false), "deep");
    }
}
