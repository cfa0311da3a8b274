//! Boilerplate that sits inside the article's own container, where Readability's scoring
//! and pruning let it through and people reading the article skip it (the
//! article-extraction-benchmark's people-marked bodies leave it out):
//!
//! - teasers: a short block opening with a cue such as "Read more:", "Related:", "Don't
//!   miss" or "Sign up", mostly links or the cue alone, the way news sites put links to
//!   other stories between paragraphs;
//! - lists of three or more items, largely links, introduced as other stories ("More
//!   great stories", "You may also like"), with the line that introduces them;
//! - boxes whose class or id names furniture no article is made of (newsletter sign-ups,
//!   subscriptions, promos, related stories, author bios, galleries of images), judged by
//!   the part of a BEM-style name after its block name, so `article-body__newsletter` is a
//!   newsletter box, and only when they hold under half of the article's text;
//! - datelines and lines that are only a date (the header shows the date), short
//!   copyright lines, "Advertisement" labels (`lines`);
//! - a caption repeating an earlier caption word for word (galleries repeat them).
//!
//! Every rule is on the shape of the page, never on one site's markup.

use std::collections::HashSet;

use super::clean::class_and_id;
use super::dom::Dom;
use super::stats::Stats;
pub(in crate::ingest::html) use lines::is_date_only;
use lines::{cue, introduces_stories, is_copyright, is_dateline, is_label, is_teaser};

mod lines;

/// Words that name furniture in a class or id (a word of the name starting with one).
const FURNITURE_WORDS: &[&str] = &[
    "newsletter",
    "signup",
    "subscribe",
    "subscription",
    "related",
    "recommend",
    "readmore",
    "outbrain",
    "taboola",
];

/// Words that name a gallery of images; a box so named goes only if it holds images (a
/// slideshow's description alone may be the article's lead).
const GALLERY_WORDS: &[&str] = &["gallery", "slideshow", "carousel", "lightbox"];

/// Words that name furniture only whole ("promo", not "promotion"), and pairs of words.
const FURNITURE_WHOLE: &[&str] = &["promo", "promos"];
const FURNITURE_PAIRS: &[(&str, &str)] = &[
    ("sign", "up"),
    ("read", "more"),
    ("more", "stories"),
    ("author", "bio"),
    ("author", "info"),
    ("about", "author"),
];

/// A teaser, dateline or label is a short block: at most this many characters.
const SHORT_BLOCK: u32 = 300;

/// Marks, in `removed`, the boilerplate inside `roots`.
pub(crate) fn remove(dom: &Dom, removed: &mut [bool], stats: &Stats, roots: &[usize]) {
    let mut seen: HashSet<String> = HashSet::new();
    let total: u32 = roots.iter().map(|&r| stats.chars[r]).sum();
    for &root in roots {
        let nodes: Vec<usize> = dom.descendants(root, |i| removed[i]).collect();
        for i in nodes {
            // Parents come first: a removed parent has passed its state down already.
            if removed[i] || dom.nodes[i].parent.is_some_and(|p| removed[p]) {
                removed[i] = true;
                continue;
            }
            if is_boilerplate(dom, removed, stats, i, total)
                || is_repeat(dom, removed, stats, i, &mut seen)
            {
                removed[i] = true;
                if matches!(dom.tag(i), "ul" | "ol") {
                    remove_list_heading(dom, removed, stats, i);
                }
            }
        }
    }
}

fn is_boilerplate(dom: &Dom, removed: &[bool], stats: &Stats, i: usize, total: u32) -> bool {
    let Some(e) = dom.element(i) else {
        return false;
    };
    let tag = e.tag();
    if !is_block(tag) || stats.chars[i] == 0 {
        return false;
    }
    if stats.chars[i] * 2 < total {
        let names = class_and_id(e);
        if names_any(&names, FURNITURE_WORDS)
            || names_pair(&names)
            || (names_any(&names, GALLERY_WORDS) && holds_images(dom, i))
        {
            return true;
        }
    }
    if matches!(tag, "ul" | "ol") {
        return is_link_list(dom, removed, stats, i);
    }
    if stats.chars[i] > SHORT_BLOCK || tag == "li" {
        return false;
    }
    let text = lower_text(dom, removed, i);
    is_teaser(&text, stats.link_density(i))
        || is_dateline(&text)
        || is_date_only(&text)
        || is_label(&text)
        || is_copyright(&text)
}

fn lower_text(dom: &Dom, removed: &[bool], i: usize) -> String {
    dom.text(i, |n| removed[n]).to_lowercase()
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "ul"
            | "ol"
            | "li"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
    )
}

/// The words of each class or id name, judged by its last BEM part (after `__`), so a
/// block named for the article does not shield its parts.
fn name_words(names: &str) -> impl Iterator<Item = Vec<&str>> {
    names.split_whitespace().map(|name| {
        let part = name.rsplit("__").next().unwrap_or(name);
        part.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect()
    })
}

/// Whether a word of a name starts with one of `words` (or is a whole furniture word).
fn names_any(names: &str, words: &[&str]) -> bool {
    name_words(names).any(|ws| {
        ws.iter()
            .any(|w| words.iter().any(|f| w.starts_with(f)) || FURNITURE_WHOLE.contains(w))
    })
}

fn names_pair(names: &str) -> bool {
    name_words(names).any(|ws| {
        ws.windows(2)
            .any(|pair| FURNITURE_PAIRS.contains(&(pair[0], pair[1])))
    })
}

fn holds_images(dom: &Dom, i: usize) -> bool {
    dom.descendants(i, |_| false)
        .any(|d| matches!(dom.tag(d), "img" | "picture" | "figure"))
}

/// A list of three or more items whose text is largely links, introduced as other
/// stories by the line before it (or nearly all links, by its first item). A list of
/// links alone may be the article's own (a changelog's bugs, a "See also"): it stays.
fn is_link_list(dom: &Dom, removed: &[bool], stats: &Stats, i: usize) -> bool {
    let mut items = dom.nodes[i]
        .children
        .iter()
        .filter(|&&c| dom.tag(c) == "li");
    let first = items.next();
    if items.count() < 2 || stats.link_density(i) < 0.4 {
        return false;
    }
    let first_cue = first.is_some_and(|&f| cue(&lower_text(dom, removed, f)).is_some());
    (first_cue && stats.link_density(i) >= 0.8)
        || previous_block(dom, removed, stats, i).is_some_and(|h| is_intro(dom, removed, stats, h))
}

/// The nearest earlier sibling element with text.
fn previous_block(dom: &Dom, removed: &[bool], stats: &Stats, i: usize) -> Option<usize> {
    let parent = dom.nodes[i].parent?;
    let siblings = &dom.nodes[parent].children;
    let at = siblings.iter().position(|&c| c == i)?;
    siblings[..at]
        .iter()
        .rev()
        .copied()
        .find(|&c| dom.element(c).is_some() && !removed[c] && stats.chars[c] > 0)
}

/// A short line without links that introduces other stories.
fn is_intro(dom: &Dom, removed: &[bool], stats: &Stats, h: usize) -> bool {
    stats.chars[h] <= 60
        && stats.link_chars[h] == 0.0
        && !matches!(dom.tag(h), "ul" | "ol" | "table" | "blockquote" | "pre")
        && introduces_stories(&lower_text(dom, removed, h))
}

/// The line introducing a removed list of stories goes with it.
fn remove_list_heading(dom: &Dom, removed: &mut [bool], stats: &Stats, list: usize) {
    if let Some(h) = previous_block(dom, removed, stats, list)
        && is_intro(dom, removed, stats, h)
    {
        removed[h] = true;
    }
}

/// A caption (a leaf block in a figure, or named a caption) of 40 characters or more
/// whose text came before: galleries and slideshows repeat their captions. Other text
/// may repeat on purpose (an interview's questions, a recipe's steps).
fn is_repeat(
    dom: &Dom,
    removed: &[bool],
    stats: &Stats,
    i: usize,
    seen: &mut HashSet<String>,
) -> bool {
    let Some(e) = dom.element(i) else {
        return false;
    };
    let caption = e.tag() == "figcaption"
        || class_and_id(e).contains("caption")
        || dom.has_ancestor(i, "figure");
    if !caption
        || stats.has_block[i]
        || stats.chars[i] < 40
        || !is_block(e.tag())
        || e.tag() == "span"
    {
        return false;
    }
    !seen.insert(dom.text(i, |n| removed[n]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(html: &str) -> String {
        let dom = Dom::parse(html);
        let mut removed = super::super::clean::removed(&dom, false);
        let stats = Stats::compute(&dom, &removed);
        let body = dom.find("body").unwrap_or(0);
        remove(&dom, &mut removed, &stats, &[body]);
        dom.text(body, |i| removed[i])
    }

    const PROSE: &str = "<p>The council voted on Tuesday to build a second bridge over the \
        river, ending a debate that had run for nearly a decade.</p>";

    #[test]
    fn teasers_between_paragraphs_go() {
        let html = format!(
            "{PROSE}<p><strong>READ MORE: <a href=/x>Ferry prices rise again as the \
             winter timetable starts</a></strong></p><p>Don't miss</p>{PROSE}"
        );
        assert_eq!(kept(&html).matches("council voted").count(), 2);
        assert!(!kept(&html).contains("READ MORE"));
        assert!(!kept(&html).contains("miss"));
    }

    #[test]
    fn a_paragraph_that_starts_like_a_cue_but_is_prose_stays() {
        let html = "<p>Read more widely, the report says, and the council's case for the \
            bridge looks weaker than its supporters claim in their letters.</p>";
        assert!(kept(html).starts_with("Read more widely"));
    }

    #[test]
    fn lists_of_story_links_go_with_their_heading_and_lists_of_prose_stay() {
        let links: String = (0..4)
            .map(|k| format!("<li><a href=/s{k}>Another story headline {k}</a></li>"))
            .collect();
        let html = format!(
            "{PROSE}<div>More great stories</div><ul>{links}</ul>\
             <ul><li>Milk, bread and eggs</li><li>Tea</li><li><a href=/c>Coffee</a></li></ul>"
        );
        let text = kept(&html);
        assert!(
            !text.contains("headline") && !text.contains("great stories"),
            "{text}"
        );
        assert!(text.ends_with("Milk, bread and eggsTeaCoffee"), "{text}");
    }

    #[test]
    fn furniture_named_by_a_bem_part_goes_inside_an_article_block() {
        let html = format!(
            "<div class=article-body>{PROSE}{PROSE}\
             <div class=article-body__newsletter><h2>Breaking news emails</h2>\
             <p>Get the stories that matter.</p></div>{PROSE}</div>"
        );
        let text = kept(&html);
        assert!(
            !text.contains("emails") && !text.contains("matter."),
            "{text}"
        );
        assert_eq!(text.matches("council voted").count(), 3, "prose may repeat");
        let named = "<div class=promotion-news>".to_string() + PROSE + "</div>" + PROSE;
        assert_eq!(
            kept(&named).matches("council voted").count(),
            2,
            "not a promo"
        );
    }

    #[test]
    fn galleries_of_images_and_repeated_captions_go() {
        let caption = "<figcaption>The old bridge at dawn, seen from the east bank</figcaption>";
        let html = format!(
            "{PROSE}{PROSE}{PROSE}<figure><img src=a.jpg>{caption}</figure>{PROSE}\
             <figure><img src=a.jpg>{caption}</figure>\
             <div class=photo-gallery><img src=b.jpg><p>Slide one of the bridge</p></div>\
             <div class=slideshow-description>The bridge in its first winter.</div>"
        );
        let text = kept(&html);
        assert_eq!(text.matches("old bridge at dawn").count(), 1, "{text}");
        assert!(!text.contains("Slide one"), "{text}");
        assert!(text.contains("first winter"), "{text}");
    }

    #[test]
    fn datelines_and_labels_go() {
        let html = format!(
            "<p>PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05</p>\
             <div>Advertisement</div>{PROSE}<p>Published work by the council, 2019, is \
             long enough to read as prose and not as a dateline of the page at all.</p>"
        );
        let text = kept(&html);
        assert!(text.starts_with("The council"), "{text}");
        assert!(text.contains("Published work"), "{text}");
        let html = format!(
            "<p>Nov. 20, 2019, 9:28 AM UTC</p>{PROSE}<p>On <time>Nov 20, 2019</time> the \
             work began.</p><p>© 2019 Riverside Post. All rights reserved.</p>\
             <p>This text is © 2019 by the agency, which lets the post print it whole in its \
             pages and on its site, and all rights reserved are the agency's own.</p>"
        );
        let text = kept(&html);
        assert!(text.starts_with("The council"), "{text}");
        assert!(text.contains("On Nov 20, 2019 the work began."), "{text}");
        assert!(!text.contains("Riverside Post"), "{text}");
        assert!(text.contains("by the agency"), "{text}");
    }
}
