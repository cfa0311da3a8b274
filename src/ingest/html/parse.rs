//! HTML text to a tree (the arena `sink` builds; in tests also scraper's, as an oracle),
//! through html5ever's tokenizer and tree builder with one guard between them: elements
//! nested deeper than [`MAX_DEPTH`] are left out (their text is kept), as browsers cap
//! their trees (Blink at 512). The tree builder looks through its stack of open elements
//! for every start tag, so without the cap a page of 100,000 nested `<div>`s costs time
//! quadratic in its depth.

use std::cell::Cell;
use std::sync::LazyLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult};

/// Deepest nesting kept; deeper elements are dropped, their text kept.
pub(crate) const MAX_DEPTH: usize = 1000;

/// Elements that never wrap others, or that the tree builder closes by itself (so their
/// end tag is often missing): they do not count toward the depth.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
    "tfoot", "caption", "colgroup", "rb", "rt", "rp", "html", "head", "body",
];

/// Whether `name` is one of [`UNCOUNTED`]: asked for every tag of the page, so the names
/// are compared as html5ever's interned atoms (one integer each), not as strings.
fn uncounted(name: &LocalName) -> bool {
    static ATOMS: LazyLock<Vec<LocalName>> =
        LazyLock::new(|| UNCOUNTED.iter().map(|&n| LocalName::from(n)).collect());
    ATOMS.contains(name)
}

/// Passes tokens to the tree builder, dropping start tags past [`MAX_DEPTH`] and as many
/// end tags after them.
struct DepthCap<S> {
    inner: S,
    depth: Cell<usize>,
    dropped: Cell<usize>,
}

impl<S: TokenSink> TokenSink for DepthCap<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !tag.self_closing
            && !uncounted(&tag.name)
        {
            match tag.kind {
                TagKind::StartTag if self.depth.get() >= MAX_DEPTH => {
                    self.dropped.set(self.dropped.get() + 1);
                    return TokenSinkResult::Continue;
                }
                TagKind::StartTag => self.depth.set(self.depth.get() + 1),
                TagKind::EndTag if self.dropped.get() > 0 => {
                    self.dropped.set(self.dropped.get() - 1);
                    return TokenSinkResult::Continue;
                }
                TagKind::EndTag => self.depth.set(self.depth.get().saturating_sub(1)),
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// How much of the page the tokenizer is handed at once.
const FEED_BYTES: usize = 64 * 1024;

/// `text` cut into pieces of about `size` bytes, each ending on a character boundary.
fn pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// Parses a whole document as a browser would (never fails) into `sink`'s tree.
pub(crate) fn document<S: TreeSink>(html: &str, sink: S) -> S::Output {
    // Fed a piece at a time, so the parser's copy of the page is one piece, not the page.
    document_in_pieces(pieces(html, FEED_BYTES).map(StrTendril::from_slice), sink)
}

/// [`document`] taking the page by value: it is cut into pieces from its end, the buffer
/// shrinking as each is copied out, and each piece is freed once the tokenizer is past
/// it. So the page's text and its tree are not both held whole while it is parsed: on a
/// large page, the page's size off the peak.
pub(crate) fn document_owned<S: TreeSink>(html: String, sink: S) -> S::Output {
    document_in_pieces(owned_pieces(html, FEED_BYTES), sink)
}

fn document_in_pieces<S: TreeSink>(
    pieces: impl IntoIterator<Item = StrTendril>,
    sink: S,
) -> S::Output {
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let sink = DepthCap {
        inner: builder,
        depth: Cell::new(0),
        dropped: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    for piece in pieces {
        input.push_back(piece);
        // A script or a `<meta charset>` pauses the tokenizer; nothing runs scripts here
        // and the text is decoded already (`encoding`), so carry on until the piece is done.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    }
    tokenizer.end();
    let Tokenizer { sink, .. } = tokenizer;
    sink.inner.sink.finish()
}

/// `text` cut into pieces of about `size` bytes on character boundaries, in order, each
/// taken off the end of the text, whose buffer is shrunk after each (a large buffer is
/// its own mapping, which shrinks in place): the text is never held twice.
fn owned_pieces(mut text: String, size: usize) -> std::iter::Rev<std::vec::IntoIter<StrTendril>> {
    let mut pieces = Vec::with_capacity(text.len() / size.max(1) + 1);
    while !text.is_empty() {
        let mut start = text.len().saturating_sub(size.max(1));
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        pieces.push(StrTendril::from_slice(&text[start..]));
        text.truncate(start);
        text.shrink_to_fit();
    }
    pieces.into_iter().rev()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, HtmlTreeSink};

    /// The page through scraper's tree, which keeps everything the parser gives.
    fn parsed(html: &str) -> Html {
        document(html, HtmlTreeSink::new(Html::new_document()))
    }

    #[test]
    fn pieces_cover_the_text_and_end_on_character_boundaries() {
        let text = "aé€😀".repeat(50);
        for size in [1, 2, 3, 5, 64] {
            let cut: Vec<&str> = pieces(&text, size).collect();
            assert_eq!(cut.concat(), text, "size {size}");
            assert!(cut.iter().all(|p| !p.is_empty() && p.len() < size + 4));
        }
        assert_eq!(pieces("", 8).count(), 0);
        for size in [1, 2, 3, 5, 64] {
            let cut: Vec<StrTendril> = owned_pieces(text.clone(), size).collect();
            assert_eq!(
                cut.iter().map(|p| &**p).collect::<String>(),
                text,
                "size {size}"
            );
            assert!(cut.iter().all(|p| !p.is_empty() && p.len() < size + 4));
        }
        assert_eq!(owned_pieces(String::new(), 8).count(), 0);
    }

    #[test]
    fn a_page_fed_in_pieces_parses_as_the_whole_page() {
        // Tags, entities and a script cut across the 64 KiB pieces.
        let page = format!(
            "<html><body>{}<p>end &amp; done</p></body></html>",
            "<div class=x><p>caf\u{e9} &eacute; <b>bold</b></p><script>var a = '</p>';</script></div>".repeat(3000)
        );
        assert!(page.len() > 3 * FEED_BYTES);
        let html = parsed(&page);
        assert_eq!(
            html.root_element()
                .select(&scraper::Selector::parse("p").unwrap_or_else(|e| panic!("{e}")))
                .count(),
            3001
        );
        let text: String = html.root_element().text().collect();
        assert!(text.ends_with("end & done"), "{}", &text[text.len() - 40..]);
        assert_eq!(text.matches("café é bold").count(), 3000);
    }

    #[test]
    fn titles_and_scripts_parse_as_raw_text() {
        let html = parsed(
            "<html><head><meta charset=utf-8><title>A &amp; B</title>\
             <script>if (a < b) {}</script></head><body><p>x</p></body></html>",
        );
        let text: Vec<String> = html.root_element().text().map(str::to_string).collect();
        assert_eq!(text, vec!["A & B", "if (a < b) {}", "x"]);
    }

    #[test]
    fn nesting_past_the_cap_keeps_its_text() {
        let deep = "<div>".repeat(MAX_DEPTH + 10)
            + "deep"
            + &"</div>".repeat(MAX_DEPTH + 10)
            + "<p>after</p>";
        let html = parsed(&deep);
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "deepafter");
    }
}
