//! Per-node text figures, computed once bottom-up over the arena (children come after
//! their parent, so a reverse walk sees children first): visible characters, characters
//! inside links, commas, and whether a block-level element lies below. Removed nodes count
//! for nothing.

use super::dom::{Data, Dom};

/// Tags whose presence below a `<div>` makes it a container rather than a paragraph
/// (Readability's `DIV_TO_P_ELEMS`).
const BLOCKISH: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "section",
    "article",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "header",
    "footer",
    "main",
];

#[derive(Debug, Default)]
pub(crate) struct Stats {
    /// Visible characters, whitespace runs counted as one.
    pub chars: Vec<u32>,
    /// Characters inside links (in-page `#` links count 0.3 each, as in Readability).
    pub link_chars: Vec<f32>,
    pub commas: Vec<u32>,
    /// Whether a block-level element is below the node.
    pub has_block: Vec<bool>,
    /// Characters of the node's own text children (not of its child elements).
    pub direct_chars: Vec<u32>,
}

impl Stats {
    pub fn compute(dom: &Dom, removed: &[bool]) -> Stats {
        let n = dom.nodes.len();
        let mut s = Stats {
            chars: vec![0; n],
            link_chars: vec![0.0; n],
            commas: vec![0; n],
            has_block: vec![false; n],
            direct_chars: vec![0; n],
        };
        for i in (0..n).rev() {
            if removed[i] {
                continue;
            }
            match &dom.nodes[i].data {
                Data::Text(t) => {
                    s.chars[i] = visible_chars(t);
                    s.commas[i] = t.chars().filter(|c| is_comma(*c)).count() as u32;
                }
                Data::Element(e) => {
                    if e.tag() == "a" {
                        let weight = if e.attr("href").is_some_and(|h| h.starts_with('#')) {
                            0.3
                        } else {
                            1.0
                        };
                        s.link_chars[i] = s.chars[i] as f32 * weight;
                    }
                }
                Data::Document => {}
            }
            let Some(p) = dom.nodes[i].parent else {
                continue;
            };
            s.chars[p] += s.chars[i];
            s.commas[p] += s.commas[i];
            s.link_chars[p] += s.link_chars[i];
            if matches!(dom.nodes[i].data, Data::Text(_)) {
                s.direct_chars[p] += s.chars[i];
            }
            if s.has_block[i] || BLOCKISH.contains(&dom.tag(i)) {
                s.has_block[p] = true;
            }
        }
        s
    }

    /// Share of the node's text inside links, 0 for an empty node.
    pub fn link_density(&self, i: usize) -> f32 {
        match self.chars[i] {
            0 => 0.0,
            c => (self.link_chars[i] / c as f32).min(1.0),
        }
    }
}

fn visible_chars(text: &str) -> u32 {
    let mut count = 0u32;
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = count > 0;
        } else {
            count += 1 + u32::from(gap);
            gap = false;
        }
    }
    count
}

/// Commas of the scripts Readability knows (Latin, Arabic, CJK).
pub(crate) fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_add_up_from_the_leaves() {
        let dom = Dom::parse("<div><p>one, two</p><a href='/x'>link text</a></div>");
        let removed = vec![false; dom.nodes.len()];
        let s = Stats::compute(&dom, &removed);
        let div = dom.find("div").unwrap_or(0);
        assert_eq!(s.chars[div], 8 + 9);
        assert_eq!(s.commas[div], 1);
        assert!((s.link_density(div) - 9.0 / 17.0).abs() < 1e-6);
        assert!(s.has_block[div]);
        assert!(!s.has_block[dom.find("p").unwrap_or(0)]);
    }
}
