//! The HTML loader, a reader mode: a web page's bytes to its article alone, with the
//! article's structure and the page's metadata.
//!
//! The flow: `encoding` (BOM, `<meta charset>`, UTF-8, else Windows-1252) -> `dom`
//! (html5ever building an index arena, `sink`) -> `metadata` (JSON-LD, `<meta>`, `<title>`)
//! -> per attempt: `clean` (scripts, hidden nodes, boilerplate by class and role) ->
//! `grab` (the byline, headings repeating the title) -> `stats` -> `score` (Readability's
//! scoring picks the article's nodes) -> `prune` (furniture inside them) -> `blocks`.
//! As in Readability, an attempt that finds under 500 characters is retried with fewer
//! rules (keeping unlikely-looking nodes, then ignoring class weights, then not pruning)
//! and the longest result wins. A page where no article stands out (an index, a search
//! page) gives its whole readable text, and says so.
//!
//! The measurements that chose this design are in docs/quality.md ("HTML reader mode").

mod blocks;
mod boilerplate;
mod clean;
mod dom;
mod encoding;
mod grab;
mod jsonld;
mod metadata;
mod parse;
mod prune;
mod score;
mod sink;
mod stats;
mod title;

use std::borrow::Cow;

use dom::Dom;
pub(crate) use metadata::PageMeta;

use super::builder::TextBuilder;

/// An article shorter than this (in bytes of text) makes the next, more lenient attempt.
const ENOUGH_TEXT: usize = 500;

/// Chosen text this long (in bytes) is an article even where Readability's
/// `isProbablyReaderable` test finds no long paragraph.
const ARTICLE_TEXT: usize = 1500;

/// The rules of one attempt, strictest first.
#[derive(Clone, Copy)]
struct Rules {
    strip_unlikely: bool,
    weigh_classes: bool,
    prune: bool,
}

const ATTEMPTS: [Rules; 4] = [
    Rules {
        strip_unlikely: true,
        weigh_classes: true,
        prune: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: true,
        prune: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: false,
        prune: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: false,
        prune: false,
    },
];

/// A read page: its article's text builder, metadata, and whether no article stood out
/// (the text is then the whole page's readable text).
pub(crate) struct Page {
    pub builder: TextBuilder,
    pub meta: PageMeta,
    pub whole_page: bool,
    pub warnings: Vec<String>,
    /// The page's `<base href>`, which its relative links resolve against.
    pub base_href: Option<String>,
}

/// Whether bytes given without a file name (standard input) are an HTML page: after a
/// byte-order mark and whitespace they open with `<!doctype html` or `<html`.
pub(crate) fn sniff(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 14)];
    let head = head.to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Reads a page's bytes (see the module doc).
#[cfg(test)]
pub(crate) fn read(bytes: &[u8]) -> Page {
    read_with(Cow::Borrowed(bytes), None)
}

/// Reads a page's bytes; `transport` is the encoding the HTTP header named for a fetched
/// page, used where the page itself declares none. Bytes given by value are freed once
/// the page is parsed, before the article is looked for.
pub(crate) fn read_with(
    bytes: Cow<'_, [u8]>,
    transport: Option<&'static encoding_rs::Encoding>,
) -> Page {
    let (dom, warning) = match bytes {
        Cow::Borrowed(bytes) => {
            let decoded = encoding::decode_with(bytes, transport);
            (Dom::parse(&decoded.text), decoded.warning)
        }
        Cow::Owned(bytes) => {
            let (text, warning) = encoding::decode_owned(bytes, transport);
            (Dom::parse_owned(text), warning)
        }
    };
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let mut meta = metadata::read(&dom);
    let mut best: Option<(TextBuilder, Option<String>)> = None;
    for rules in ATTEMPTS {
        let Some((builder, byline)) = attempt(&dom, &meta, rules) else {
            continue;
        };
        let enough = builder.offset() >= ENOUGH_TEXT;
        if best
            .as_ref()
            .is_none_or(|(b, _)| builder.offset() > b.offset())
        {
            best = Some((builder, byline));
        }
        if enough {
            break;
        }
    }
    // An article is what Reader View would offer, or a long enough run of chosen text:
    // some articles set their paragraphs as short lines or <div>s the test misses.
    let chosen = best.as_ref().map_or(0, |(b, _)| b.offset());
    let readerable = chosen >= ARTICLE_TEXT || (chosen > 0 && readerable(&dom));
    let builder = match best {
        Some((builder, byline)) if readerable => {
            meta.byline = meta.byline.or(byline.map(clean_byline));
            builder
        }
        _ => {
            warnings.push("no article found in this page: showing all of its text".to_string());
            whole_page(&dom)
        }
    };
    let base_href = dom
        .find("base")
        .and_then(|i| dom.element(i))
        .and_then(|e| e.attr("href"))
        .map(str::to_string);
    Page {
        builder,
        meta,
        whole_page: !readerable,
        warnings,
        base_href,
    }
}

fn attempt(dom: &Dom, meta: &PageMeta, rules: Rules) -> Option<(TextBuilder, Option<String>)> {
    let mut removed = clean::removed(dom, rules.strip_unlikely);
    let byline = grab::take_byline_and_title(dom, &mut removed, meta.title.as_deref());
    let stats = stats::Stats::compute(dom, &removed);
    let roots = score::choose(dom, &removed, &stats, rules.weigh_classes)?;
    if rules.prune {
        prune::prune(dom, &mut removed, &stats, &roots);
        boilerplate::remove(dom, &mut removed, &stats, &roots);
    }
    // The figures are not needed to lay the text out: freed before it is made.
    drop(stats);
    Some((blocks::build(dom, &removed, &roots), byline))
}

/// The page's whole readable text: everything but scripts, styles and hidden nodes.
fn whole_page(dom: &Dom) -> TextBuilder {
    let removed = clean::removed(dom, false);
    let body = dom.find("body").unwrap_or(dom::ROOT);
    blocks::build(dom, &removed, &[body])
}

/// Readability's `isProbablyReaderable`: paragraphs of 140 characters or more, not named
/// as boilerplate themselves, add up to a score above 20 (each the square root of its length past 140).
fn readerable(dom: &Dom) -> bool {
    let removed = clean::removed(dom, false);
    let stats = stats::Stats::compute(dom, &removed);
    let mut score = 0.0f32;
    for (i, &gone) in removed.iter().enumerate() {
        if gone
            || !matches!(dom.tag(i), "p" | "pre" | "article")
            || dom.element(i).is_some_and(clean::is_unlikely)
        {
            continue;
        }
        let chars = stats.chars[i];
        if chars >= 140 {
            score += ((chars - 140) as f32).sqrt();
            if score > 20.0 {
                return true;
            }
        }
    }
    false
}

/// A byline found in the text, on one line. "By" stays: "By Ann Lee" reads as a byline,
/// and it is what Reader View shows.
fn clean_byline(byline: String) -> String {
    byline.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
