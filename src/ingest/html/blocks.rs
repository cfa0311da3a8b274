//! The chosen nodes to the article's blocks: headings, paragraphs, block quotes, list
//! items (with depth and numbers), preformatted text, table rows (cells joined by " | ",
//! one row a paragraph) and figure captions; emphasis, strong, code and link text as
//! inline spans. Whitespace collapses as a browser collapses it, except in `<pre>`. The
//! walk keeps its own stack, so nesting depth costs memory, never the call stack.

use super::dom::{Data, Dom};
use crate::article::{BlockKind, InlineStyle};
use crate::ingest::builder::TextBuilder;

/// Elements that end the running paragraph and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "figure",
    "figcaption",
    "address",
    "center",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "hgroup",
    "form",
    "fieldset",
    "table",
    "caption",
    "hr",
    "body",
    "legend",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "li",
];

/// Elements whose text is never read (controls; scripts and styles are removed earlier).
const SILENT: &[&str] = &[
    "button", "select", "option", "input", "textarea", "img", "picture", "video", "audio", "source",
];

/// What encloses the running text.
#[derive(Clone, Copy)]
enum Container {
    Quote,
    Item(BlockKind),
}

/// One open list: its next number, `None` for bullets.
struct List {
    next: Option<u64>,
}

struct Walker<'a> {
    dom: &'a Dom,
    removed: &'a [bool],
    b: TextBuilder,
    containers: Vec<Container>,
    lists: Vec<List>,
    /// Open inline styles with their start offsets, innermost last, by element index.
    inline: Vec<(usize, InlineStyle, usize)>,
    pre: usize,
    /// Table rows open: block elements inside a row join its one paragraph.
    rows: usize,
    /// Whether the open row already has a cell (the next one gets a separator).
    cell_seen: bool,
}

/// Builds the blocks of `roots` (in order), leaving out removed nodes.
pub(crate) fn build(dom: &Dom, removed: &[bool], roots: &[usize]) -> TextBuilder {
    let mut w = Walker {
        dom,
        removed,
        b: TextBuilder::with_capacity(text_bytes(dom, removed, roots)),
        containers: Vec::new(),
        lists: Vec::new(),
        inline: Vec::new(),
        pre: 0,
        rows: 0,
        cell_seen: false,
    };
    for &root in roots {
        w.walk(root);
    }
    w.b
}

/// About the size of the text `build` makes of `roots`: their kept text, and an eighth
/// more for the breaks and markers between blocks. The builder is made with that room,
/// so a large article's text is not grown by doubling (which can hold twice its size).
fn text_bytes(dom: &Dom, removed: &[bool], roots: &[usize]) -> usize {
    let mut bytes = 0;
    let mut stack = roots.to_vec();
    while let Some(i) = stack.pop() {
        if removed[i] {
            continue;
        }
        match &dom.nodes[i].data {
            Data::Text(t) => bytes += t.len(),
            _ => stack.extend_from_slice(&dom.nodes[i].children),
        }
    }
    bytes + bytes / 8
}

impl Walker<'_> {
    fn walk(&mut self, root: usize) {
        // (node, closing): a node is pushed once to open and once to close.
        let mut stack = vec![(root, false)];
        while let Some((i, closing)) = stack.pop() {
            if closing {
                self.close(i);
                continue;
            }
            if self.removed[i] {
                continue;
            }
            match &self.dom.nodes[i].data {
                Data::Text(t) => self.text(t),
                Data::Element(e) if SILENT.contains(&e.tag()) => {}
                Data::Element(_) => {
                    self.open(i);
                    stack.push((i, true));
                    stack.extend(self.dom.nodes[i].children.iter().rev().map(|&c| (c, false)));
                }
                Data::Document => {
                    stack.extend(self.dom.nodes[i].children.iter().rev().map(|&c| (c, false)));
                }
            }
        }
    }

    /// The kind loose text takes where it stands.
    fn kind(&self) -> BlockKind {
        match self.containers.last() {
            Some(Container::Item(kind)) => *kind,
            Some(Container::Quote) => BlockKind::BlockQuote,
            None => BlockKind::Paragraph,
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            if !self.b.is_open() {
                self.b.begin(BlockKind::Preformatted);
            }
            self.b.push(t);
            return;
        }
        if t.trim().is_empty() {
            self.b.space();
            return;
        }
        if !self.b.is_open() {
            self.b.begin(self.kind());
        }
        if t.starts_with(char::is_whitespace) {
            self.b.space();
        }
        for (k, word) in t.split_whitespace().enumerate() {
            if k > 0 {
                self.b.space();
            }
            self.b.push_line(word);
        }
        if t.ends_with(char::is_whitespace) {
            self.b.space();
        }
    }

    /// Ends the running block, unless the element stands inside a table row or is the
    /// first paragraph of a list item (which continues the item's block).
    fn break_block(&mut self) {
        let in_item = matches!(self.containers.last(), Some(Container::Item(_)));
        if self.rows > 0 || (in_item && self.b.is_open()) {
            self.b.space();
        } else {
            self.b.end();
        }
    }

    fn open(&mut self, i: usize) {
        let tag = self.dom.tag(i);
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.rows == 0 => {
                let level = tag.as_bytes()[1] - b'0';
                self.b.begin(BlockKind::Heading(level));
            }
            "pre" if self.rows == 0 => {
                self.b.begin(BlockKind::Preformatted);
                self.pre += 1;
            }
            "blockquote" if self.rows == 0 => {
                self.b.end();
                self.containers.push(Container::Quote);
            }
            "ul" | "ol" if self.rows == 0 => {
                self.b.end();
                let next = (tag == "ol").then(|| {
                    self.dom
                        .element(i)
                        .and_then(|e| e.attr("start"))
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1)
                });
                self.lists.push(List { next });
            }
            "li" if self.rows == 0 => self.open_item(),
            "tr" => {
                self.b.end();
                self.b.begin(self.kind());
                self.rows += 1;
                self.cell_seen = false;
            }
            "td" | "th" if self.rows > 0 => {
                if self.cell_seen {
                    self.b.space();
                    self.b.push_line("| ");
                }
                self.cell_seen = true;
            }
            "br" => {
                if self.pre > 0 || self.rows > 0 {
                    self.b.space();
                } else if self.b.is_open() {
                    self.b.push("\n");
                }
            }
            "a" => self.inline.push((i, InlineStyle::Link, self.b.offset())),
            "em" | "i" | "cite" => self
                .inline
                .push((i, InlineStyle::Emphasis, self.b.offset())),
            "strong" | "b" => self.inline.push((i, InlineStyle::Strong, self.b.offset())),
            "code" | "kbd" | "samp" if self.pre == 0 => {
                self.inline.push((i, InlineStyle::Code, self.b.offset()))
            }
            _ if BLOCKS.contains(&tag) => self.break_block(),
            _ => {}
        }
    }

    fn open_item(&mut self) {
        let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
        let ordinal = match self.lists.last_mut() {
            Some(List { next: Some(n) }) => {
                let this = *n;
                *n = n.saturating_add(1);
                Some(this)
            }
            _ => None,
        };
        let kind = BlockKind::ListItem { ordinal, depth };
        self.containers.push(Container::Item(kind));
        self.b.begin(kind);
    }

    /// Where link `i` leads, if anywhere worth keeping (resolved later, with the page).
    fn href(&self, i: usize) -> Option<String> {
        let href = self.dom.element(i).and_then(|e| e.attr("href"))?;
        crate::ingest::links::keep(href)
    }

    fn close(&mut self, i: usize) {
        let tag = self.dom.tag(i);
        if let Some(&(open, style, start)) = self.inline.last()
            && open == i
        {
            self.inline.pop();
            self.b.inline(style, start..self.b.offset());
            if style == InlineStyle::Link
                && let Some(url) = self.href(i)
            {
                self.b.link(start..self.b.offset(), url);
            }
            return;
        }
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.rows == 0 => self.b.end(),
            "pre" if self.pre > 0 && self.rows == 0 => {
                self.pre -= 1;
                self.b.end();
            }
            "blockquote" if self.rows == 0 => {
                self.b.end();
                self.containers.pop();
            }
            "ul" | "ol" if self.rows == 0 => {
                self.b.end();
                self.lists.pop();
            }
            "li" if self.rows == 0 => {
                self.b.end();
                self.containers.pop();
            }
            "tr" if self.rows > 0 => {
                self.rows -= 1;
                self.b.end();
            }
            _ if BLOCKS.contains(&tag) => self.break_block(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let dom = Dom::parse(html);
        let removed = vec![false; dom.nodes.len()];
        let body = dom.find("body").unwrap_or(0);
        let (text, blocks, _) = build(&dom, &removed, &[body]).finish();
        blocks
            .into_iter()
            .map(|b| (b.kind, text[b.span].to_string()))
            .collect()
    }

    #[test]
    fn structure_survives() {
        let got = blocks(
            "<h2>Head</h2><p>One <em>two</em>\n three</p><blockquote><p>Quoted</p></blockquote>\
             <ol start=3><li><p>First</p><ul><li>Inner</li></ul></li><li>Second</li></ol>\
             <pre>  a\n  b</pre><table><tr><th>Year</th><th>Sales</th></tr>\
             <tr><td><p>2020</p></td><td>5</td></tr></table><figure><figcaption>Cap</figcaption></figure>",
        );
        let item = |ordinal, depth| BlockKind::ListItem { ordinal, depth };
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(2), "Head".into()),
                (BlockKind::Paragraph, "One two three".into()),
                (BlockKind::BlockQuote, "Quoted".into()),
                (item(Some(3), 0), "First".into()),
                (item(None, 1), "Inner".into()),
                (item(Some(4), 0), "Second".into()),
                (BlockKind::Preformatted, "  a\n  b".into()),
                (BlockKind::Paragraph, "Year | Sales".into()),
                (BlockKind::Paragraph, "2020 | 5".into()),
                (BlockKind::Paragraph, "Cap".into()),
            ]
        );
    }

    #[test]
    fn links_keep_their_text_as_inline_spans() {
        let dom = Dom::parse("<p>See <a href='/x'>the report</a> now</p>");
        let removed = vec![false; dom.nodes.len()];
        let body = dom.find("body").unwrap_or(0);
        let (text, _, inline) = build(&dom, &removed, &[body]).finish();
        assert_eq!(text, "See the report now");
        assert_eq!(inline[0].style, InlineStyle::Link);
        assert_eq!(&text[inline[0].span.clone()], "the report");
    }

    #[test]
    fn links_keep_where_they_lead() {
        let dom = Dom::parse(
            "<p>See <a href=' /x '>the <em>report</em> </a>, <a href='#n'>a note</a>, \
             <a href='javascript:void(0)'>menu</a> and <a>no href</a>.</p><p><a href=y>Y</a></p>",
        );
        let removed = vec![false; dom.nodes.len()];
        let body = dom.find("body").unwrap_or(0);
        let built = build(&dom, &removed, &[body]).finish_all();
        let got: Vec<_> = built
            .links
            .iter()
            .map(|l| (&built.text[l.span.clone()], l.url.as_str()))
            .collect();
        assert_eq!(got, vec![("the report", "/x"), ("Y", "y")]);
    }
}
