//! The HTML loader end to end on the project's own small pages.

use super::*;
use crate::article::BlockKind;

/// A news page as sites make them: menus, a share bar, the story, related links, comments,
/// a cookie box and a footer.
const NEWS: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves the new river bridge | Riverside Post</title>
<meta property="og:site_name" content="Riverside Post">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the new river bridge",
 "author":{"@type":"Person","name":"Maria Okafor"},"datePublished":"2024-05-14T08:00:00Z"}</script>
<style>body { color: red }</style></head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article class="story">
<h1>Council approves the new river bridge</h1>
<p class="byline">By Maria Okafor</p>
<div class="share-bar"><a href="#">Share on X</a> <a href="#">Email</a></div>
<p>The city council voted on Tuesday to build a second bridge over the river, ending a debate that had run for nearly a decade, and the first works will start in the spring.</p>
<h2>What happens next</h2>
<p>Engineers will survey the banks this summer, the mayor said, and residents will be asked to choose between two designs, one of steel and one of stone.</p>
<blockquote><p>"This bridge joins the two halves of our town," said the mayor, Lena Brandt.</p></blockquote>
<ul><li>Survey of the banks in July, with a report in the autumn</li><li>Public vote on the design in October, online and in person</li></ul>
<p>The project will cost 40 million euros, paid for by the region and the state, and the bridge should open in 2028, according to the council's plan.</p>
</article></main>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry prices rise again</a></li>
<li><a href="/b">Old bridge closed for repairs</a></li></ul></aside>
<section id="comments"><p>First comment: great news for the east side of town, finally!</p></section>
<footer><p>© Riverside Post. All rights reserved.</p></footer>
<script>trackPageView();</script>
</body></html>"##;

fn blocks(page: Page) -> Vec<(BlockKind, String)> {
    let (text, blocks, _) = page.builder.finish();
    blocks
        .into_iter()
        .map(|b| (b.kind, text[b.span].to_string()))
        .collect()
}

#[test]
fn the_story_alone_with_its_structure() {
    let page = read(NEWS.as_bytes());
    assert!(!page.whole_page);
    let got = blocks(page);
    let kinds: Vec<BlockKind> = got.iter().map(|(k, _)| *k).collect();
    assert!(got[0].1.starts_with("The city council voted"), "{got:#?}");
    assert!(
        got.last()
            .is_some_and(|(_, t)| t.ends_with("council's plan.")),
        "{got:#?}"
    );
    assert!(kinds.contains(&BlockKind::Heading(2)));
    assert!(kinds.contains(&BlockKind::BlockQuote));
    assert!(kinds.contains(&BlockKind::ListItem {
        ordinal: None,
        depth: 0
    }));
    let all: String = got
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for noise in [
        "Home",
        "cookies",
        "Accept",
        "Share on X",
        "Related",
        "First comment",
        "rights",
        "trackPageView",
        "color: red",
        "By Maria",
    ] {
        assert!(!all.contains(noise), "{noise:?} in {all}");
    }
}

#[test]
fn the_metadata_comes_from_the_page() {
    let meta = read(NEWS.as_bytes()).meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Council approves the new river bridge")
    );
    assert_eq!(meta.byline.as_deref(), Some("Maria Okafor"));
    assert_eq!(meta.site.as_deref(), Some("Riverside Post"));
    assert_eq!(meta.date, Some(jiff::civil::date(2024, 5, 14)));
    assert_eq!(meta.language.as_deref(), Some("en"));
}

#[test]
fn a_windows_1252_page_reads_right() {
    let mut page =
        b"<html><head><meta charset=windows-1252><title>Caf\xe9</title></head><body><p>".to_vec();
    page.extend(b"\x93Caf\xe9 cr\xe8me\x94 \x96 a long enough sentence about the caf\xe9 and its cr\xe8me br\xfbl\xe9e, which the town loves.".repeat(4));
    page.extend(b"</p></body></html>");
    let page = read(&page);
    assert_eq!(page.meta.title.as_deref(), Some("Café"));
    let (text, _, _) = page.builder.finish();
    assert!(
        text.starts_with("\u{201c}Café crème\u{201d} – a long"),
        "{text}"
    );
}

#[test]
fn a_page_without_an_article_shows_its_text_and_says_so() {
    let html = "<html><body><h1>Search</h1><ul><li><a href=/a>Result one</a></li>\
        <li><a href=/b>Result two</a></li></ul></body></html>";
    let page = read(html.as_bytes());
    assert!(page.whole_page);
    assert!(page.warnings.iter().any(|w| w.contains("no article")));
    let (text, _, _) = page.builder.finish();
    assert!(
        text.contains("Result one") && text.contains("Result two"),
        "{text}"
    );
}

#[test]
fn hostile_pages_neither_panic_nor_hang() {
    let deep = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
    let (text, _, _) = read(deep.as_bytes()).builder.finish();
    assert_eq!(text, "deep text");
    let scripts = "<script>var a = 1;</script>".repeat(10_000);
    let page = read(scripts.as_bytes());
    assert!(page.builder.finish().0.is_empty());
    for junk in [
        &b"\x00\xff\xfe<html"[..],
        b"<<<>>></p></div><table><td>x",
        b"",
        b"<html",
    ] {
        let _ = read(junk);
    }
}

#[test]
fn sniffing_knows_html_from_text() {
    assert!(sniff(b"\xEF\xBB\xBF  <!DOCTYPE HTML><p>"));
    assert!(sniff(b"\n<html lang=en>"));
    assert!(!sniff(b"date 2020-01-06\nA story about <html> tags"));
}

/// The block contract of `article.rs`, on the builder's output.
fn assert_contract(text: &str, blocks: &[crate::article::Block]) {
    let mut prev_end = 0;
    for (i, b) in blocks.iter().enumerate() {
        assert!(b.span.start < b.span.end && b.span.end <= text.len());
        assert!(i == 0 || b.span.start >= prev_end + 2);
        assert!(!text[b.span.clone()].contains("\n\n"));
        assert_eq!(text[b.span.clone()].trim_end(), &text[b.span.clone()]);
        prev_end = b.span.end;
    }
}

proptest::proptest! {
    #[test]
    fn tag_soup_keeps_the_block_contract(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<ul>", "<li>", "</ul>", "<ol start=9>", "</ol>",
                "<table>", "<tr>", "<td>", "</td>", "</table>", "<pre>", "</pre>", "<br>",
                "<blockquote>", "</blockquote>", "<h2>", "</h2>", "<a href=x>", "</a>", "<em>",
                "</em>", "<script>", "</script>", "<nav>", " ", "\n\n", "word, ", "é中😀 ",
                "A longer sentence of prose, with commas, to score. ",
            ]),
            0..60,
        )
    ) {
        let html: String = parts.concat();
        let (text, blocks, inline) = read(html.as_bytes()).builder.finish();
        assert_contract(&text, &blocks);
        for s in &inline {
            proptest::prop_assert!(s.span.start < s.span.end && s.span.end <= text.len());
        }
    }
}

#[test]
fn a_byline_in_the_text_becomes_the_byline_as_written() {
    let prose = "<p>A paragraph of prose, long enough to be the article, with commas, and words \
        that go on for a while so the page reads as an article to the reader mode.</p>";
    let html = format!(
        "<html><body><article><div class=byline>By\n  Ann Lee</div>{}</article></body></html>",
        prose.repeat(5)
    );
    let page = read(html.as_bytes());
    assert_eq!(page.meta.byline.as_deref(), Some("By Ann Lee"));
    assert!(!page.builder.finish().0.contains("Ann Lee"));
}

#[test]
fn the_header_shows_the_pages_byline_site_and_date() {
    let article = crate::ingest::from_bytes(
        NEWS.as_bytes(),
        crate::ingest::Format::Html,
        "news.html",
        &crate::ingest::LoadOptions::default(),
    )
    .expect("a page always loads");
    assert_eq!(
        crate::layout::meta_text(&article.meta).as_deref(),
        Some("Tuesday 14 May 2024 · Maria Okafor · Riverside Post")
    );
    assert!(!article.meta.whole_page);
}

#[test]
fn an_article_of_short_paragraphs_is_still_an_article() {
    // Every paragraph is under the 140 characters Readability's readerable test wants.
    let line = "<p>A short paragraph of the story, as some sites set them, one line each.</p>\n";
    let html = format!(
        "<html><body><nav><a href=/>Home</a></nav><div class=story>{}</div></body></html>",
        line.repeat(30)
    );
    let page = read(html.as_bytes());
    assert!(!page.whole_page);
    assert!(page.warnings.is_empty(), "{:?}", page.warnings);
    assert!(!page.builder.finish().0.contains("Home"));
}

/// Malformed markup reads as a browser would read it: never a panic, the text kept.
#[test]
fn malformed_pages_keep_their_text() {
    let cases: &[(&str, &str)] = &[
        (
            "<p>One <b>two <i>three</b> four</i> five",
            "One two three four five",
        ),
        (
            "</div></p></span><p>Stray end tags</p></td></html>",
            "Stray end tags",
        ),
        ("<div class='a id=b><p>Broken quote</p></div>", ""),
        ("<p>Before<!-- a comment never closed <p>after", "Before"),
        (
            "<table><p>Loose in a table</p><td>cell</table>",
            "Loose in a table",
        ),
        (
            "<p>Unclosed <p>paragraphs <li>items <dd>terms",
            "paragraphs",
        ),
        ("<p>Text</p><script>never closed <p>swallowed", "Text"),
        (
            "<html><html><body><body><p>Twice opened</p>",
            "Twice opened",
        ),
        (
            "<p>Amp &amp; &notanentity; &#xFFFFFF; &#0; &lt;tag&gt;</p>",
            "Amp &",
        ),
        (
            "<svg><p>Breaks out of foreign content</p></svg>",
            "foreign content",
        ),
        ("<title>Only a title", ""),
    ];
    for (html, kept) in cases {
        let page = read(html.as_bytes());
        let (text, blocks, _) = page.builder.finish();
        assert_contract(&text, &blocks);
        assert!(text.contains(kept), "{html:?} gave {text:?}");
    }
}

/// Deep nesting of each kind the tree builder treats apart (lists, tables, quotes,
/// inline formatting, foreign content): read in bounded time, the text kept. 10,000
/// levels here (the unoptimised test build tokenises slowly); the 100,000-level pages are
/// in `scripts/html_robustness.sh`, and 100,000 `<div>`s in the test above.
#[test]
fn deep_nesting_of_every_kind_keeps_its_text() {
    let kinds = [
        ("<ul><li>", "</li></ul>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<blockquote>", "</blockquote>"),
        ("<b><i>", "</b></i>"),
        ("<a href=x>", "</a>"),
        ("<svg><g>", "</g></svg>"),
        ("<p><span>", ""),
    ];
    for (open, close) in kinds {
        let html = open.repeat(10_000) + "deep text" + &close.repeat(10_000);
        let (text, blocks, _) = read(html.as_bytes()).builder.finish();
        assert_contract(&text, &blocks);
        assert!(
            text.contains("deep text") || open.starts_with("<svg"),
            "{open}: {text:?}"
        );
    }
}

/// A binary body named or served as a page is refused in one line naming it.
#[test]
fn a_binary_body_as_a_page_is_one_line_naming_it() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
    let options = crate::ingest::LoadOptions::default();
    let saved = crate::ingest::from_bytes(png, crate::ingest::Format::Html, "photo.html", &options);
    let saved = saved.expect_err("a binary file is not a page").to_string();
    assert_eq!(saved, "'photo.html' looks like a binary file, not text");
    let served = crate::ingest::Served {
        url: "http://example.test/photo".into(),
        mime: Some("text/html".into()),
        charset: None,
    };
    let err = crate::ingest::from_served(png.to_vec(), &served, &options)
        .expect_err("a binary body is not a page")
        .to_string();
    assert!(
        !err.contains('\n') && err.contains("http://example.test/photo"),
        "{err}"
    );
}

/// A page of scripts alone has no text to show: the article is empty and says why.
#[test]
fn a_page_of_scripts_alone_is_empty_and_says_so() {
    let html = "<html><head><title>App</title></head><body>".to_string()
        + &"<script>render({\"a\": [1, 2, 3]});</script>".repeat(2_000)
        + "</body></html>";
    let page = read(html.as_bytes());
    assert!(page.whole_page);
    assert!(page.warnings.iter().any(|w| w.contains("no article")));
    assert_eq!(page.builder.finish().0, "");
}

#[test]
fn a_page_given_by_value_reads_as_a_page_given_by_reference() {
    // By value, the page is decoded without a copy and parsed in pieces freed as they go.
    let bom = [b"\xEF\xBB\xBF".as_slice(), NEWS.as_bytes()].concat();
    for page in [NEWS.as_bytes(), &bom] {
        let by_reference = read(page);
        let by_value = read_with(Cow::Owned(page.to_vec()), None);
        assert_eq!(by_value.whole_page, by_reference.whole_page);
        assert_eq!(by_value.meta.title, by_reference.meta.title);
        assert_eq!(blocks(by_value), blocks(by_reference));
    }
}
