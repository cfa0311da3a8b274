//! A saved web page read as its article, and a link followed inside the reader: the
//! header's title, byline and date, the text from the article's first paragraph (no menu),
//! Tab on an entity, the links list opening a second page from a server on 127.0.0.1
//! started here, and Ctrl-o back to the first page. The saved page is the project's own
//! fixture (`sample-data/harbour-ferry-page.html`), one of its links pointed at the server.

use crate::fetch::Server;
use crate::harness::{Session, gloss_bin};
use crate::status_line;

const SECOND: &[u8] = b"<!doctype html><html><head><title>Crew wanted | Norvale Lines</title>\
<meta property='og:title' content='Norvale Lines hires crew for the night boats'></head>\
<body><nav><a href='/'>Timetables</a></nav><article><h1>Norvale Lines hires crew for the night boats</h1>\
<p>Norvale Lines is looking for twelve deckhands and two engineers to crew the night \
ferries between Kelvin Harbour and the islands, starting on 24 May this year.</p>\
<p>Applications close at the end of the month; training takes two weeks on the day boats \
before the first night crossing, and every new crew member is paid from the first day.</p>\
</article></body></html>";

#[test]
fn a_saved_page_reads_as_its_article_and_a_link_opens_another_page_with_ctrl_o_back() {
    let server = Server::start();
    server.page("/norvale", "text/html; charset=utf-8", SECOND);
    let fixture = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-data/harbour-ferry-page.html"),
    )
    .expect("the fixture page");
    let page = fixture.replace("https://norvale-lines.example/", &server.url("/norvale"));
    assert_ne!(page, fixture, "the fixture links to Norvale Lines");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ferry.html");
    std::fs::write(&path, page).expect("write the page");
    let path = path.to_string_lossy().into_owned();
    let env = [("GLOSS_FETCH_TIMEOUT", "5")];
    let mut s = Session::spawn(gloss_bin(), &[&path], &env, 120, 20);

    // The header, then the article's first paragraph: no menu, no cookie notice.
    s.wait_for_text("Night ferries return to Kelvin Harbour");
    let screen = s.text();
    assert!(screen.contains("Mara Lindqvist"), "byline:\n{screen}");
    assert!(screen.contains("17 May 2024"), "date:\n{screen}");
    assert!(screen.contains("The Harbour Gazette"), "site:\n{screen}");
    let first_text = screen
        .lines()
        .skip(2)
        .map(|l| l.split(['│', '┃']).next().unwrap_or("").trim())
        .find(|l| !l.is_empty())
        .unwrap_or("");
    assert!(
        first_text.starts_with("The night ferries between"),
        "{screen}"
    );
    for menu in ["Subscribe", "Log in", "Accept all", "Related stories"] {
        assert!(!screen.contains(menu), "{menu} on screen:\n{screen}");
    }

    // Tab reaches an entity once detection is in.
    s.wait_for("detection", |sc| !sc.contents().contains("etecting…"));
    let before = status_line(&s);
    s.send("\t");
    let start = std::time::Instant::now();
    while status_line(&s) == before && start.elapsed() < crate::harness::PATIENCE {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = status_line(&s);
    assert!(
        status.contains("Kelvin Harbour"),
        "Tab on the first entity: {status}"
    );

    // The links list: the third link is Norvale Lines, on the local server.
    s.send("l");
    s.wait_for_text("Links 1/4");
    s.send("jj");
    s.wait_for_text("Links 3/4");
    // A key typed right after Enter, while the page loads, still moves this article.
    s.send("\rj");
    s.wait_for_text("Norvale Lines hires crew for the night boats");
    s.with_screen(|sc| assert!(sc.alternate_screen(), "never left the alternate screen"));
    assert!(!s.text().contains("Night ferries return"));

    // Ctrl-o: this page's jump list is empty, so back to the first page.
    s.send("\x0f");
    s.wait_for_text("Mara Lindqvist");
    let screen = s.text();
    assert!(!screen.contains("Norvale Lines hires crew"));
    let first_row = screen.lines().next().unwrap_or("");
    assert!(
        !first_row.contains("Night ferries return"),
        "back where it was left: one line down\n{screen}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}
