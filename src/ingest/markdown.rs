//! The Markdown loader (CommonMark via pulldown-cmark): headings, paragraphs, block quotes,
//! lists with their nesting depth, code blocks; emphasis, strong, code and links recorded as
//! inline spans (a link shows its text), and each link's destination kept as a
//! [`crate::article::Link`] (in table cells too).
//!
//! Choices, so the text reads well in a terminal:
//! - soft line breaks become one space, hard breaks a newline;
//! - a list item is one block; text that follows a nested list inside the same item starts
//!   a new block of the item's kind;
//! - a paragraph inside a block quote is a `BlockQuote` block (headings, items and code keep
//!   their own kind there);
//! - code blocks are `Preformatted` and covered by an inline `Code` span, as inline code is
//!   (so the detectors, which skip code, know them: `crate::detect::without_code`); blank
//!   lines inside them are dropped, since a blank line separates blocks in
//!   [`crate::article::Article::text`];
//! - GFM tables are aligned rows of text (`ingest/table.rs`);
//! - `<br>` is a line break (a space inside a table cell); other raw HTML, thematic breaks
//!   and images' URLs are left out (an image shows its alt text).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::article::{BlockKind, InlineStyle};
use crate::ingest::builder::TextBuilder;
use crate::ingest::table::Table;

/// One open list: its next ordinal (`None` for bullets).
struct List {
    next: Option<u64>,
}

/// Parses `body` into blocks and inline spans.
pub(crate) fn parse(body: &str) -> TextBuilder {
    let mut b = TextBuilder::with_capacity(body.len());
    let mut lists: Vec<List> = Vec::new();
    // Open containers, innermost last: `Some(kind)` a list item, `None` a block quote.
    let mut containers: Vec<Option<BlockKind>> = Vec::new();
    // Open inline styles: the style, where it starts, and a link's destination.
    let mut inline_starts: Vec<(InlineStyle, usize, Option<String>)> = Vec::new();

    // The kind a paragraph or loose text takes in the innermost container.
    let container_kind = |containers: &[Option<BlockKind>]| match containers.last() {
        Some(Some(item)) => *item,
        Some(None) => BlockKind::BlockQuote,
        None => BlockKind::Paragraph,
    };

    // The code block being read: where its text starts.
    let mut code_from: Option<usize> = None;
    // The table being read: its cells take the text until it ends.
    let mut table: Option<Table> = None;

    for event in Parser::new_ext(body, Options::ENABLE_TABLES) {
        if let Some(t) = &mut table {
            match event {
                Event::End(TagEnd::Table) => {
                    if let Some(t) = table.take() {
                        t.emit(&mut b, container_kind(&containers));
                    }
                }
                Event::Start(Tag::TableHead) => t.start_row(true),
                Event::Start(Tag::TableRow) => t.start_row(false),
                Event::Start(Tag::TableCell) => t.start_cell(),
                Event::Start(tag) => {
                    if let Some(style) = inline_style(&tag) {
                        inline_starts.push((style, t.offset(), destination(&tag)));
                    }
                }
                Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                    if let Some((style, start, url)) = inline_starts.pop() {
                        let end = t.offset();
                        t.inline(style, start..end);
                        if let Some(url) = url {
                            t.link(start..end, url);
                        }
                    }
                }
                Event::Text(text) => t.push(&text),
                Event::Code(code) => {
                    let start = t.offset();
                    t.push(&code);
                    let end = t.offset();
                    t.inline(InlineStyle::Code, start..end);
                }
                Event::SoftBreak | Event::HardBreak => t.push(" "),
                Event::InlineHtml(html) | Event::Html(html) if is_br(&html) => t.push(" "),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    // The first paragraph of an item continues the item's block.
                    let in_item = matches!(containers.last(), Some(Some(_)));
                    if !(in_item && b.is_open()) {
                        b.begin(container_kind(&containers));
                    } else {
                        b.space();
                    }
                }
                Tag::Heading { level, .. } => b.begin(BlockKind::Heading(heading_level(level))),
                Tag::BlockQuote(_) => {
                    b.end();
                    containers.push(None);
                }
                Tag::CodeBlock(_) => {
                    b.begin(BlockKind::Preformatted);
                    code_from = Some(b.offset());
                }
                Tag::Table(aligns) => {
                    b.end();
                    table = Some(Table::new(aligns));
                }
                Tag::List(start) => {
                    b.end();
                    lists.push(List { next: start });
                }
                Tag::Item => {
                    let depth = u8::try_from(lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                    let ordinal = match lists.last_mut() {
                        Some(List { next: Some(n) }) => {
                            let this = *n;
                            *n = n.saturating_add(1);
                            Some(this)
                        }
                        _ => None,
                    };
                    let kind = BlockKind::ListItem { ordinal, depth };
                    containers.push(Some(kind));
                    b.begin(kind);
                }
                tag => {
                    if let Some(style) = inline_style(&tag) {
                        inline_starts.push((style, b.offset(), destination(&tag)));
                    }
                }
            },
            Event::End(tag) => match tag {
                // Inside an item, paragraphs continue the item's block.
                TagEnd::Paragraph if !matches!(containers.last(), Some(Some(_))) => b.end(),
                TagEnd::Heading(_) => b.end(),
                TagEnd::CodeBlock => {
                    // The whole block is code (clamped to its trimmed text as it closes).
                    if let Some(start) = code_from.take() {
                        b.inline(InlineStyle::Code, start..b.offset());
                    }
                    b.end();
                }
                TagEnd::BlockQuote(_) | TagEnd::Item => {
                    b.end();
                    containers.pop();
                }
                TagEnd::List(_) => {
                    b.end();
                    lists.pop();
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                    if let Some((style, start, url)) = inline_starts.pop() {
                        b.inline(style, start..b.offset());
                        if let Some(url) = url {
                            b.link(start..b.offset(), url);
                        }
                    }
                }
                _ => {}
            },
            Event::Text(text) => {
                if !b.is_open() {
                    b.begin(container_kind(&containers));
                }
                b.push(&text);
            }
            Event::Code(code) => {
                if !b.is_open() {
                    b.begin(container_kind(&containers));
                }
                let start = b.offset();
                b.push(&code);
                b.inline(InlineStyle::Code, start..b.offset());
            }
            Event::SoftBreak => b.space(),
            Event::HardBreak => b.push("\n"),
            Event::InlineHtml(html) | Event::Html(html) if is_br(&html) && b.is_open() => {
                b.push("\n")
            }
            _ => {}
        }
    }
    b
}

/// The inline style a tag opens, if it is one the article keeps.
fn inline_style(tag: &Tag) -> Option<InlineStyle> {
    match tag {
        Tag::Emphasis => Some(InlineStyle::Emphasis),
        Tag::Strong => Some(InlineStyle::Strong),
        Tag::Link { .. } => Some(InlineStyle::Link),
        _ => None,
    }
}

/// Where a link tag leads, if it is a link worth keeping (`crate::ingest::links::keep`).
fn destination(tag: &Tag) -> Option<String> {
    match tag {
        Tag::Link { dest_url, .. } => crate::ingest::links::keep(dest_url),
        _ => None,
    }
}

/// True for a `<br>` tag in any of its spellings (`<br/>`, `<BR />`).
fn is_br(html: &str) -> bool {
    let tag = html.trim().to_ascii_lowercase();
    let Some(inner) = tag.strip_prefix("<br").and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    inner.trim_end_matches('/').trim().is_empty()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
