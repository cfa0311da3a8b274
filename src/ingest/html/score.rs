//! Choosing the article: Readability's scoring. Every paragraph-like node of at least 25
//! characters scores 1 + its commas + one per 100 characters (at most 3), and gives that
//! score to up to five ancestors (all of it to the parent, half to the grandparent, a
//! third of a level to the others). Ancestors start from their tag and class weight; their
//! totals shrink by their link density. The best ancestor is the article's top node; it
//! climbs to a common ancestor when several near-best candidates share one, and its
//! siblings join it when they score well too or read as prose.

use std::collections::HashMap;

use super::clean::class_weight;
use super::dom::{Dom, ROOT};
use super::stats::Stats;

/// Paragraph-like tags scored for their own text.
const SCORED: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// How far up a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 5;

/// The nodes that make the article, in document order (the top node and the siblings that
/// join it), or `None` when no node scores at all.
pub(crate) fn choose(
    dom: &Dom,
    removed: &[bool],
    stats: &Stats,
    weigh_classes: bool,
) -> Option<Vec<usize>> {
    let scores = score(dom, removed, stats, weigh_classes);
    let body = dom.find("body")?;
    let mut ranked: Vec<(usize, f32)> = scores
        .iter()
        .map(|(&i, &s)| (i, s * (1.0 - stats.link_density(i))))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let final_score = |i: usize| scores.get(&i).map(|s| s * (1.0 - stats.link_density(i)));
    let &(first, _) = ranked.first()?;
    if first == body || dom.tag(first) == "html" {
        return Some(vec![body]);
    }
    let mut top = promote_shared_ancestor(dom, &ranked, body);
    top = climb_while_parents_score(dom, top, body, &final_score);
    // An only child says nothing its parent does not: take the parent.
    while let Some(p) = dom.nodes[top].parent {
        if p == body || element_children(dom, p, removed).count() != 1 {
            break;
        }
        top = p;
    }
    Some(join_siblings(
        dom,
        removed,
        stats,
        top,
        &final_score,
        weigh_classes,
    ))
}

/// Raw content scores of every candidate ancestor.
fn score(dom: &Dom, removed: &[bool], stats: &Stats, weigh_classes: bool) -> HashMap<usize, f32> {
    let mut scores: HashMap<usize, f32> = HashMap::new();
    let initial = |i: usize| -> f32 {
        let Some(e) = dom.element(i) else { return 0.0 };
        let base = match e.tag() {
            "div" => 5,
            "pre" | "td" | "blockquote" => 3,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5,
            _ => 0,
        };
        (base + if weigh_classes { class_weight(e) } else { 0 }) as f32
    };
    for (i, &gone) in removed.iter().enumerate() {
        if gone || dom.element(i).is_none() {
            continue;
        }
        let tag = dom.tag(i);
        // A div of text alone is a paragraph; loose text in a container is one too,
        // scored from the container itself (as if wrapped in a <p> there).
        let (chars, commas, first) = if SCORED.contains(&tag)
            || (matches!(tag, "div" | "article" | "section" | "main") && !stats.has_block[i])
        {
            (stats.chars[i], stats.commas[i], dom.nodes[i].parent)
        } else if matches!(tag, "div" | "article" | "section" | "main")
            && stats.direct_chars[i] >= 25
        {
            (stats.direct_chars[i], 0, Some(i))
        } else {
            continue;
        };
        if chars < 25 {
            continue;
        }
        let content = 1.0 + (commas + 1) as f32 + (chars / 100).min(3) as f32;
        let mut at = first;
        for level in 0..ANCESTOR_LEVELS {
            let Some(a) = at else { break };
            // Stop at the document: <html>'s parent is not an element.
            let Some(parent) = dom.nodes[a].parent else {
                break;
            };
            if parent == ROOT || dom.element(a).is_none() {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            *scores.entry(a).or_insert_with(|| initial(a)) += content / divider;
            at = Some(parent);
        }
    }
    scores
}

/// When three or more near-best candidates (within 75% of the best) sit under one
/// ancestor of the best, that ancestor holds the article: take it.
fn promote_shared_ancestor(dom: &Dom, ranked: &[(usize, f32)], body: usize) -> usize {
    let (top, best) = ranked[0];
    let alternatives: Vec<usize> = ranked[1..ranked.len().min(5)]
        .iter()
        .filter(|(_, s)| best > 0.0 && s / best >= 0.75)
        .map(|&(i, _)| i)
        .collect();
    if alternatives.len() < 3 {
        return top;
    }
    let mut at = dom.nodes[top].parent;
    while let Some(p) = at {
        if p == body || dom.tag(p) == "html" {
            break;
        }
        let holding = alternatives
            .iter()
            .filter(|&&alt| is_ancestor(dom, p, alt))
            .count();
        if holding >= 3 {
            return p;
        }
        at = dom.nodes[p].parent;
    }
    top
}

fn is_ancestor(dom: &Dom, ancestor: usize, mut node: usize) -> bool {
    while let Some(p) = dom.nodes[node].parent {
        if p == ancestor {
            return true;
        }
        node = p;
    }
    false
}

/// Climbs from `top` while parents keep a third of its score, taking the first parent
/// that scores more than the node below it.
fn climb_while_parents_score(
    dom: &Dom,
    top: usize,
    body: usize,
    score_of: &impl Fn(usize) -> Option<f32>,
) -> usize {
    let Some(mut last) = score_of(top) else {
        return top;
    };
    let threshold = last / 3.0;
    let mut at = dom.nodes[top].parent;
    while let Some(p) = at {
        if p == body || dom.tag(p) == "html" {
            break;
        }
        at = dom.nodes[p].parent;
        let Some(s) = score_of(p) else { continue };
        if s < threshold {
            break;
        }
        if s > last {
            return p;
        }
        last = s;
    }
    top
}

fn element_children<'a>(
    dom: &'a Dom,
    i: usize,
    removed: &'a [bool],
) -> impl Iterator<Item = usize> + 'a {
    dom.nodes[i]
        .children
        .iter()
        .copied()
        .filter(move |&c| !removed[c] && dom.element(c).is_some())
}

/// The top node and the siblings that join it: those scoring at least a fifth of it (or
/// 10), with a bonus for sharing its class; paragraphs of prose with few links.
fn join_siblings(
    dom: &Dom,
    removed: &[bool],
    stats: &Stats,
    top: usize,
    score_of: &impl Fn(usize) -> Option<f32>,
    weigh_classes: bool,
) -> Vec<usize> {
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    let top_score = score_of(top).unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.element(top).and_then(|e| e.attr("class")).unwrap_or("");
    element_children(dom, parent, removed)
        .filter(|&s| {
            if s == top {
                return true;
            }
            let bonus = match dom.element(s).and_then(|e| e.attr("class")) {
                Some(c) if weigh_classes && !c.is_empty() && c == top_class => top_score * 0.2,
                _ => 0.0,
            };
            if score_of(s).is_some_and(|sc| sc + bonus >= threshold) {
                return true;
            }
            if dom.tag(s) != "p" {
                return false;
            }
            let density = stats.link_density(s);
            let len = stats.chars[s];
            if len > 80 {
                density < 0.25
            } else {
                let text = dom.text(s, |i| removed[i]);
                len > 0 && density == 0.0 && (text.contains(". ") || text.ends_with('.'))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen_text(html: &str) -> String {
        let dom = Dom::parse(html);
        let removed = super::super::clean::removed(&dom, true);
        let stats = Stats::compute(&dom, &removed);
        let roots = choose(&dom, &removed, &stats, true).unwrap_or_default();
        roots
            .iter()
            .map(|&r| dom.text(r, |i| removed[i]))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    const PROSE: &str = "This sentence is long enough to count, with a comma, and then \
        some more words so that it scores as a paragraph of an article.";

    #[test]
    fn the_prose_wins_over_the_link_lists() {
        let links: String = (0..20)
            .map(|k| format!("<li><a href='/s{k}'>Another story headline number {k}</a></li>"))
            .collect();
        let html = format!(
            "<body><div id=nav><ul>{links}</ul></div>\
             <div id=story><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div id=more><ul>{links}</ul></div></body>"
        );
        let text = chosen_text(&html);
        assert!(text.starts_with("This sentence"), "{text}");
        assert!(!text.contains("headline"), "{text}");
    }

    #[test]
    fn a_prose_sibling_paragraph_joins_the_top_node() {
        let html = format!(
            "<body><div><div class=a><p>{PROSE}</p><p>{PROSE}</p></div>\
             <p>A short closing line.</p><p><a href=/x>A link alone</a></p></div></body>"
        );
        let text = chosen_text(&html);
        assert!(text.ends_with("A short closing line."), "{text}");
    }
}
