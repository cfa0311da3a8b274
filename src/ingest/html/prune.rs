//! Cleaning the chosen article of what scoring let through (Readability's `prepArticle`):
//! lists, tables, forms and divisions that read as furniture — more links than text, more
//! list items than paragraphs, images without prose, form controls, a boilerplate class —
//! share bars, and headings whose class names boilerplate. A table of data (headers, a
//! caption, or more than ten cells) and anything inside a figure or code stay.

use super::clean::{class_and_id, class_weight};
use super::dom::Dom;
use super::stats::Stats;

/// Counts of telling descendants, per node (including removed ones: an `<input>` is
/// dropped from the text but still says a box is a form).
#[derive(Default, Clone, Copy)]
struct Counts {
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    heading_chars: u32,
    list_chars: u32,
    cells: u32,
    data_table_hint: bool,
}

/// Marks, in `removed`, the furniture inside `roots`.
pub(crate) fn prune(dom: &Dom, removed: &mut [bool], stats: &Stats, roots: &[usize]) {
    let counts = counts(dom, stats);
    for &root in roots {
        let nodes: Vec<usize> = std::iter::once(root)
            .chain(dom.descendants(root, |i| removed[i]))
            .collect();
        for i in nodes {
            // Parents come first: a removed parent has passed its state down already.
            if removed[i] || (i != root && dom.nodes[i].parent.is_some_and(|p| removed[p])) {
                removed[i] = true;
                continue;
            }
            if i != root && should_drop(dom, stats, &counts, i) {
                removed[i] = true;
            }
        }
    }
}

fn should_drop(dom: &Dom, stats: &Stats, counts: &[Counts], i: usize) -> bool {
    let Some(e) = dom.element(i) else {
        return false;
    };
    let tag = e.tag();
    let names = class_and_id(e);
    if names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| t == "share" || t == "sharedaddy")
        && stats.chars[i] < 500
    {
        return true;
    }
    match tag {
        "h1" | "h2" => class_weight(e) < 0,
        "footer" | "form" | "fieldset" | "table" | "ul" | "ol" | "div" | "section" => {
            !is_protected(dom, tag, &counts[i], i)
                && looks_like_furniture(dom, stats, &counts[i], i)
        }
        _ => false,
    }
}

fn is_protected(dom: &Dom, tag: &str, c: &Counts, i: usize) -> bool {
    (tag == "table" && (c.data_table_hint || c.cells > 10))
        || dom.has_ancestor(i, "code")
        || dom.has_ancestor(i, "pre")
}

/// Readability's `_cleanConditionally` tests.
fn looks_like_furniture(dom: &Dom, stats: &Stats, c: &Counts, i: usize) -> bool {
    let Some(e) = dom.element(i) else {
        return false;
    };
    let weight = class_weight(e);
    if weight < 0 {
        return true;
    }
    let chars = stats.chars[i];
    let is_list =
        matches!(e.tag(), "ul" | "ol") || (chars > 0 && c.list_chars as f32 / chars as f32 > 0.9);
    if stats.commas[i] >= 10 {
        return false;
    }
    let in_figure = dom.has_ancestor(i, "figure");
    let density = stats.link_density(i);
    let heading_density = if chars == 0 {
        0.0
    } else {
        c.heading_chars as f32 / chars as f32
    };
    let li = c.li.saturating_sub(100);
    (c.img > 1 && (c.p as f32 / c.img as f32) < 0.5 && !in_figure)
        || (!is_list && li > c.p)
        || (c.input > c.p / 3)
        || (!is_list
            && heading_density < 0.9
            && chars < 25
            && (c.img == 0 || c.img > 2)
            && density > 0.0
            && !in_figure)
        || (!is_list && weight < 25 && density > 0.2)
        || (weight >= 25 && density > 0.5)
        || (c.embed == 1 && chars < 75)
        || c.embed > 1
}

fn counts(dom: &Dom, stats: &Stats) -> Vec<Counts> {
    let n = dom.nodes.len();
    let mut counts = vec![Counts::default(); n];
    for i in (0..n).rev() {
        let mut own = counts[i];
        match dom.tag(i) {
            "p" => own.p += 1,
            "img" => own.img += 1,
            "li" => own.li += 1,
            "input" | "select" | "textarea" | "button" => own.input += 1,
            "object" | "embed" | "iframe" => own.embed += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => own.heading_chars = stats.chars[i],
            "ul" | "ol" => own.list_chars = stats.chars[i],
            "td" | "th" => own.cells += 1,
            "thead" | "tfoot" | "caption" | "colgroup" => own.data_table_hint = true,
            _ => {}
        }
        if dom.tag(i) == "th" {
            own.data_table_hint = true;
        }
        counts[i] = own;
        if let Some(p) = dom.nodes[i].parent {
            let parent = &mut counts[p];
            parent.p += own.p;
            parent.img += own.img;
            parent.li += own.li;
            parent.input += own.input;
            parent.embed += own.embed;
            parent.heading_chars += own.heading_chars;
            parent.list_chars += own.list_chars;
            parent.cells += own.cells;
            // A nested table's headers are its own.
            if dom.tag(i) != "table" {
                parent.data_table_hint |= own.data_table_hint;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned_text(html: &str) -> String {
        let dom = Dom::parse(html);
        let mut removed = super::super::clean::removed(&dom, false);
        let stats = Stats::compute(&dom, &removed);
        let body = dom.find("body").unwrap_or(0);
        prune(&dom, &mut removed, &stats, &[body]);
        dom.text(body, |i| removed[i])
    }

    #[test]
    fn link_lists_and_share_bars_go_prose_and_data_tables_stay() {
        let html = "<p>Prose stays here.</p>\n\
            <div><a href=/a>Top stories</a> <a href=/b>More</a></div>\n\
            <div class=share-tools>Share this</div>\n\
            <table><tr><th>Year</th> <th>Sales</th></tr> <tr><td>2020</td> <td>5</td></tr></table>\n\
            <ul><li>Milk, bread and eggs</li> <li>Tea</li></ul>";
        assert_eq!(
            pruned_text(html),
            "Prose stays here. Year Sales 2020 5 Milk, bread and eggs Tea"
        );
    }
}
