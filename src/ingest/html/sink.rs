//! html5ever's tree builder building gloss's arena directly: the page's nodes are made
//! once, here, and no other tree of the page (scraper's, rcdom's) exists beside them, so
//! a page's text is held once while it is parsed.
//!
//! The tree builder creates nodes in parse order but moves them afterwards (the adoption
//! agency for misnested tags, foster parenting for tables, `<template>`'s contents), so
//! nodes are kept here with links to their parent and siblings, each move is a few link
//! updates, and [`ArenaSink::finish`] renumbers them into document order (a loop, not
//! recursion) as the [`Node`]s `Dom` is made of.
//!
//! What is kept is what `Dom` has always held: elements with only [`KEPT_ATTRIBUTES`],
//! text (merged with a text node it is appended next to, as rcdom and scraper do) except
//! the text of scripts and styles (JSON-LD scripts keep theirs), which is dropped as it is
//! appended. Comments and processing instructions are nodes here, so text on either side
//! of one stays two nodes, and are left out by `finish`; doctypes are not kept at all. A
//! `<template>`'s contents hang under a document node that is the template's first child.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};

use super::dom::{Data, Element, Node};

/// The attributes any pass reads; the others (`data-*`, event handlers, `srcset`...) are
/// dropped as the element is made, so a large page's attributes are not held at all.
const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "style",
    "hidden",
    "aria-hidden",
    "aria-modal",
    "href",
    "rel",
    "itemprop",
    "start",
    "lang",
    "content",
    "name",
    "property",
    "http-equiv",
    "datetime",
    "type",
    "charset",
    "src",
    "alt",
    "title",
    "dir",
];

/// No node: the end of a sibling list, or no parent.
const NONE: u32 = u32::MAX;

/// A node while the page is parsed: where it stands, and what it is.
struct Slot {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    kind: Kind,
}

enum Kind {
    /// The document, or a template's contents.
    Document,
    Element(Elem),
    Text(String),
    /// A comment or processing instruction: left out of the arena.
    Other,
}

struct Elem {
    name: QualName,
    /// The kept attributes, sorted by name as scraper sorts them (so the first of two
    /// names alike but for their namespace is the same one).
    attrs: Vec<(QualName, String)>,
    /// A script (not JSON-LD) or style: the text appended to it is dropped.
    code: bool,
    /// A template's contents.
    contents: u32,
}

struct Tree {
    slots: Vec<Slot>,
    /// What `elem_name` answers for a node that is not an element (the tree builder
    /// never asks).
    no_name: QualName,
}

/// The sink: `Handle` is an index into the nodes.
pub(crate) struct ArenaSink {
    tree: RefCell<Tree>,
}

impl ArenaSink {
    /// A sink holding only the document node, with room for `capacity` nodes.
    pub fn with_capacity(capacity: usize) -> ArenaSink {
        let mut slots = Vec::with_capacity(capacity.max(1));
        slots.push(Slot::new(Kind::Document));
        ArenaSink {
            tree: RefCell::new(Tree {
                slots,
                no_name: QualName::new(None, ns!(), local_name!("")),
            }),
        }
    }
}

impl Slot {
    fn new(kind: Kind) -> Slot {
        Slot {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            kind,
        }
    }
}

/// A handle as a link (a page has far fewer than 2^32 nodes: each takes bytes of it).
fn index(handle: usize) -> u32 {
    u32::try_from(handle).unwrap_or(NONE)
}

impl Tree {
    fn add(&mut self, kind: Kind) -> usize {
        self.slots.push(Slot::new(kind));
        self.slots.len() - 1
    }

    fn slot(&mut self, i: u32) -> &mut Slot {
        &mut self.slots[i as usize]
    }

    /// Takes node `i` out of its parent's children.
    fn detach(&mut self, i: u32) {
        let Slot {
            parent, prev, next, ..
        } = self.slots[i as usize];
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.slot(parent).first_child = next;
        } else {
            self.slot(prev).next = next;
        }
        if next == NONE {
            self.slot(parent).last_child = prev;
        } else {
            self.slot(next).prev = prev;
        }
        let slot = self.slot(i);
        slot.parent = NONE;
        slot.prev = NONE;
        slot.next = NONE;
    }

    /// Puts the parentless node `i` under `parent`, before `before` (last if [`NONE`]).
    fn insert(&mut self, parent: u32, i: u32, before: u32) {
        let prev = if before == NONE {
            self.slots[parent as usize].last_child
        } else {
            self.slots[before as usize].prev
        };
        {
            let slot = self.slot(i);
            slot.parent = parent;
            slot.prev = prev;
            slot.next = before;
        }
        if prev == NONE {
            self.slot(parent).first_child = i;
        } else {
            self.slot(prev).next = i;
        }
        if before == NONE {
            self.slot(parent).last_child = i;
        } else {
            self.slot(before).prev = i;
        }
    }

    /// Whether text under `parent` is dropped: a script's or a style's.
    fn is_code(&self, parent: u32) -> bool {
        matches!(&self.slots[parent as usize].kind, Kind::Element(e) if e.code)
    }

    /// Puts `child` under `parent` before `before` (last if [`NONE`]); text merges into
    /// a text node just before it.
    fn place(&mut self, parent: u32, child: NodeOrText<usize>, before: u32) {
        match child {
            NodeOrText::AppendNode(node) => {
                let node = index(node);
                self.detach(node);
                self.insert(parent, node, before);
            }
            NodeOrText::AppendText(_) if self.is_code(parent) => {}
            NodeOrText::AppendText(text) => {
                let prev = if before == NONE {
                    self.slots[parent as usize].last_child
                } else {
                    self.slots[before as usize].prev
                };
                // (`NONE`, no node before, is past the end: `get_mut` gives `None`.)
                if let Some(Slot {
                    kind: Kind::Text(t),
                    ..
                }) = self.slots.get_mut(prev as usize)
                {
                    t.push_str(&text);
                    return;
                }
                let node = index(self.add(Kind::Text(String::from(&*text))));
                self.insert(parent, node, before);
            }
        }
    }

    /// The nodes in document order, a parent before its children, comments and
    /// processing instructions left out.
    fn into_arena(mut self) -> Vec<Node> {
        let kept = self
            .slots
            .iter()
            .filter(|s| !matches!(s.kind, Kind::Other))
            .count();
        let mut nodes: Vec<Node> = Vec::with_capacity(kept);
        // (slot, its parent's index in `nodes`)
        let mut stack: Vec<(u32, Option<usize>)> = vec![(0, None)];
        while let Some((i, parent)) = stack.pop() {
            let slot = &mut self.slots[i as usize];
            let data = match std::mem::replace(&mut slot.kind, Kind::Other) {
                Kind::Other => continue,
                Kind::Document => Data::Document,
                Kind::Text(mut t) => {
                    t.shrink_to_fit();
                    Data::Text(t)
                }
                Kind::Element(e) => Data::Element(Element {
                    tag: e.name.local,
                    attrs: e.attrs.into_iter().map(|(n, v)| (n.local, v)).collect(),
                }),
            };
            let at = nodes.len();
            if let Some(p) = parent {
                nodes[p].children.push(at);
            }
            let mut children = 0;
            let mut child = self.slots[i as usize].last_child;
            while child != NONE {
                let slot = &self.slots[child as usize];
                if !matches!(slot.kind, Kind::Other) {
                    stack.push((child, Some(at)));
                    children += 1;
                }
                child = slot.prev;
            }
            nodes.push(Node {
                parent,
                children: Vec::with_capacity(children),
                data,
            });
        }
        nodes
    }
}

/// The kept attributes of `attrs`, sorted by name.
fn kept(attrs: Vec<Attribute>) -> Vec<(QualName, String)> {
    let mut kept: Vec<(QualName, String)> = attrs
        .into_iter()
        .filter(|a| KEPT_ATTRIBUTES.contains(&&*a.name.local))
        .map(|a| (a.name, String::from(&*a.value)))
        .collect();
    kept.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    kept
}

impl TreeSink for ArenaSink {
    type Handle = usize;
    type Output = Vec<Node>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Vec<Node> {
        self.tree.into_inner().into_arena()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.tree.borrow(), |t| match &t.slots[*target].kind {
            Kind::Element(e) => &e.name,
            _ => &t.no_name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> usize {
        let attrs = kept(attrs);
        let code = name.local == local_name!("style")
            || (name.local == local_name!("script")
                && !attrs
                    .iter()
                    .find(|(n, _)| n.local == local_name!("type"))
                    .is_some_and(|(_, t)| t.contains("ld+json")));
        let template = name.local == local_name!("template") && name.ns == ns!(html);
        let mut tree = self.tree.borrow_mut();
        let element = tree.add(Kind::Element(Elem {
            name,
            attrs,
            code,
            contents: NONE,
        }));
        if template {
            let contents = index(tree.add(Kind::Document));
            tree.insert(index(element), contents, NONE);
            if let Kind::Element(e) = &mut tree.slots[element].kind {
                e.contents = contents;
            }
        }
        element
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.tree.borrow_mut().add(Kind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.tree.borrow_mut().add(Kind::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.tree.borrow_mut().place(index(*parent), child, NONE);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.tree.borrow().slots[*element].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        match &self.tree.borrow().slots[*target].kind {
            Kind::Element(e) if e.contents != NONE => e.contents as usize,
            _ => *target,
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut tree = self.tree.borrow_mut();
        if let NodeOrText::AppendNode(node) = &new_node {
            tree.detach(index(*node));
        }
        let parent = tree.slots[*sibling].parent;
        if parent != NONE {
            tree.place(parent, new_node, index(*sibling));
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut tree = self.tree.borrow_mut();
        let Kind::Element(e) = &mut tree.slots[*target].kind else {
            return;
        };
        for (name, value) in kept(attrs) {
            if let Err(at) = e.attrs.binary_search_by(|(n, _)| n.cmp(&name)) {
                e.attrs.insert(at, (name, value));
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        self.tree.borrow_mut().detach(index(*target));
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut tree = self.tree.borrow_mut();
        let (node, new_parent) = (index(*node), index(*new_parent));
        loop {
            let child = tree.slots[node as usize].first_child;
            if child == NONE {
                break;
            }
            tree.detach(child);
            tree.insert(new_parent, child, NONE);
        }
    }
}

#[cfg(test)]
mod tests;
