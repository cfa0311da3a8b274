//! Nothing from a document, a note, a file name or a config value reaches the terminal as
//! a control sequence: every command that prints runs here in a real pseudo-terminal on an
//! article, a note and names holding escape sequences (a window title, an OSC 52 clipboard
//! write, a screen clear, the 8-bit CSI), and a terminal emulator (vt100) records what it
//! was asked to do.

use std::num::NonZeroU16;
use std::path::Path;

use crate::harness::{Session, gloss_bin};

/// Renames the terminal window.
const TITLE: &str = "\u{1b}]0;pwned\u{7}";
/// Writes "pwned" to the clipboard.
const CLIPBOARD: &str = "\u{1b}]52;c;cHduZWQ=\u{7}";
/// Clears the screen, with ESC [ and with the one-character C1 CSI.
const CLEARS: &str = "\u{1b}[2J\u{9b}2J";

/// What the emulated terminal was asked to do beyond drawing characters.
#[derive(Default, Debug)]
struct Requests {
    titles: Vec<String>,
    clipboard: Vec<String>,
    other_osc: Vec<String>,
}

impl vt100::Callbacks for Requests {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles
            .push(String::from_utf8_lossy(title).into_owned());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(String::from_utf8_lossy(name).into_owned());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard
            .push(String::from_utf8_lossy(data).into_owned());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        let joined: Vec<String> = params
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        self.other_osc.push(joined.join(";"));
    }
}

/// Checks that what `what` wrote held none of the sequences, as bytes or as requests.
fn assert_nothing_obeyed(what: &str, raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    for (name, sequence) in [
        ("title", TITLE),
        ("clipboard", CLIPBOARD),
        ("ESC [ 2J", "\u{1b}[2J"),
        ("C1 CSI", "\u{9b}"),
    ] {
        assert!(
            !text.contains(sequence),
            "{what} sent the {name} sequence: {text:?}"
        );
    }
    let size = NonZeroU16::new(200).expect("non-zero");
    let mut terminal = vt100::Parser::new_with_callbacks(size, size, 0, Requests::default());
    terminal.process(raw);
    let asked = terminal.callbacks();
    assert!(
        asked.titles.iter().all(|t| !t.contains("pwned")),
        "{what} renamed the window: {asked:?}"
    );
    assert!(
        asked.clipboard.is_empty(),
        "{what} wrote the clipboard: {asked:?}"
    );
    assert!(asked.other_osc.is_empty(), "{what} sent an OSC: {asked:?}");
}

/// Runs gloss with `args` in a terminal until it exits; checks it and gives its output.
fn printed(args: &[&str]) -> String {
    let mut session = Session::gloss(args, 200, 50);
    session.wait_exit();
    let raw = session.raw_output();
    assert_nothing_obeyed(&format!("gloss {args:?}"), &raw);
    String::from_utf8_lossy(&raw).into_owned()
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn no_command_sends_a_documents_escape_sequences() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join(format!("evil{TITLE}.txt"));
    let passage = format!("Hello {TITLE} world");
    std::fs::write(
        &article,
        format!("Evil\n\n{passage}, {CLIPBOARD} and {CLEARS} there. Canada and Iraq.\n"),
    )
    .expect("write the article");
    let note = serde_json::json!({
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": format!("a note {TITLE}{CLIPBOARD}{CLEARS}")},
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": passage}]},
    });
    let json = dir.path().join("note.json");
    std::fs::write(&json, note.to_string()).expect("write the note");
    let notes = dir.path().join("notes.toml");
    let (art, notes) = (utf8(&article), utf8(&notes));

    let imported = printed(&[
        "notes",
        art,
        "--notes",
        notes,
        "--import",
        "w3c",
        utf8(&json),
    ]);
    assert!(imported.contains("imported 1 note"), "{imported}");
    let listed = printed(&["notes", art, "--notes", notes]);
    assert!(
        listed.contains("a note ^[]0;pwned^G^[]52;c;cHduZWQ=^G"),
        "{listed}"
    );
    let markdown = printed(&["notes", art, "--notes", notes, "--export", "md"]);
    assert!(markdown.contains("Hello ^[]0;pwned^G world"), "{markdown}");
    assert!(markdown.contains("^[[2JM-^[2J"), "{markdown}");
    for format in ["json", "w3c"] {
        printed(&["notes", art, "--notes", notes, "--export", format]);
    }
    printed(&["annotate", art]);

    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"\\u001b]0;pwned\\u0007\"\n").expect("write");
    let errors = [
        printed(&["--theme", TITLE]),
        printed(&[&format!("missing{TITLE}.txt")]),
        printed(&["--config", utf8(&config)]),
    ];
    for error in errors {
        assert!(error.contains("^[]0;pwned^G"), "{error}");
    }
    // clap's own messages (it leaves escape sequences out of them itself).
    printed(&["--date", TITLE]);
    printed(&["annotate", art, TITLE]);

    // The reader, with the file's name in its status bar.
    let mut reader = Session::gloss(&[art], 100, 30);
    reader.wait_for_text("Canada and Iraq");
    reader.send("q");
    reader.wait_exit();
    assert_nothing_obeyed("the reader", &reader.raw_output());
}

#[test]
fn a_markdown_export_to_a_pipe_keeps_the_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, format!("T\n\nHello {TITLE} world.\n")).expect("write");
    let note = serde_json::json!({
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": format!("note {TITLE}")},
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": "world"}]},
    });
    let json = dir.path().join("n.json");
    std::fs::write(&json, note.to_string()).expect("write");
    let notes = dir.path().join("n.toml");
    let run = |args: &[&str]| {
        std::process::Command::new(gloss_bin())
            .args(args)
            .env("HOME", dir.path())
            .output()
            .expect("run gloss")
    };
    let (art, notes) = (utf8(&article), utf8(&notes));
    assert!(
        run(&[
            "notes",
            art,
            "--notes",
            notes,
            "--import",
            "w3c",
            utf8(&json)
        ])
        .status
        .success()
    );
    let md = run(&["notes", art, "--notes", notes, "--export", "md"]);
    let md = String::from_utf8(md.stdout).expect("UTF-8");
    assert!(md.contains(&format!("note {TITLE}")), "{md:?}");
}

/// A web page whose title, byline and text hold escape sequences, written as character
/// references (`&#27;`) and as raw bytes (ESC, BEL and the C1 CSI in UTF-8).
fn evil_page() -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\">\
         <title>Evil &#27;]0;pwned&#7; page {TITLE}</title>\
         <meta name=\"author\" content=\"A. &#27;]52;c;cHduZWQ=&#7;Writer\"></head><body><article>\
         <h1>Harbour news &#x1b;[2J</h1>\
         <p>First paragraph {CLEARS} about Canada and Iraq, long enough to be the article.</p>\
         <p>Second paragraph {CLIPBOARD} with more words so that reader mode keeps it.</p>\
         </article></body></html>"
    )
}

#[test]
fn pages_urls_notes_and_messages_in_the_reader_send_no_controls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, evil_page()).expect("write the page");
    let page = utf8(&page);

    // The page's title and text through every command that prints them.
    let json = printed(&["annotate", page]);
    // JSON escapes C0 controls itself; the C1 CSI, valid in a JSON string, is shown.
    assert!(json.contains("Evil \\u001b]0;pwned\\u0007 page"), "{json}");
    assert!(json.contains("M-^[2J"), "{json}");
    let md = printed(&["notes", page, "--export", "md"]);
    assert!(md.contains("^[]0;pwned^G"), "{md}");
    let mut reader = Session::gloss(&[page], 100, 30);
    reader.wait_for_text("Canada and Iraq");
    reader.send("q");
    reader.wait_exit();
    assert_nothing_obeyed("the reader on a page", &reader.raw_output());

    // A URL holding controls, in the error line of a fetch that fails (nothing listens on
    // the port of a listener just closed).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let url = format!("http://127.0.0.1:{port}/a{TITLE}{CLIPBOARD}{CLEARS}");
    for args in [vec![url.as_str()], vec!["annotate", url.as_str()]] {
        let error = printed(&args);
        assert!(
            error.contains("cannot fetch") && error.contains("^[]0;pwned^G"),
            "{error}"
        );
    }

    // A key name in the config, quoted in its error line.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"\\u001b]0;pwned\\u0007\"]\n").expect("write");
    let error = printed(&["--config", utf8(&config), page]);
    assert!(error.contains("config.toml:2:"), "{error}");
}

#[test]
fn notes_and_status_messages_in_the_reader_send_no_controls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        format!("Evil\n\nHello {TITLE} world, Canada and Iraq.\n"),
    )
    .expect("write the article");
    let note = serde_json::json!({
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": format!("note {TITLE}{CLIPBOARD}{CLEARS} #tag{TITLE}")},
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": format!("Hello {TITLE} world")}]},
    });
    let json = dir.path().join("n.json");
    std::fs::write(&json, note.to_string()).expect("write the note");
    let notes = dir.path().join("notes.toml");
    let (art, notes) = (utf8(&article), utf8(&notes));
    printed(&[
        "notes",
        art,
        "--notes",
        notes,
        "--import",
        "w3c",
        utf8(&json),
    ]);

    // The note in the article, the Notes tab and its detail; a search with no match, its
    // query pasted with escape sequences in it, in the status bar.
    let mut reader = Session::gloss(&[art, "--notes", notes], 100, 30);
    reader.wait_for_text("Canada and Iraq");
    reader.send("4");
    reader.wait_for_text("note ");
    reader.send("\r");
    reader.send(&format!("/\u{1b}[200~zz{TITLE}\u{1b}[201~\r"));
    reader.wait_for_text("zz");
    reader.send("q");
    reader.wait_exit();
    assert_nothing_obeyed("the reader's notes and status bar", &reader.raw_output());

    // A notes file that does not parse, named with an escape sequence, in the status bar.
    let broken = dir.path().join(format!("broken{TITLE}.toml"));
    std::fs::write(&broken, format!("version = 1\n[[note]\n{TITLE}\n")).expect("write");
    let mut reader = Session::gloss(&[art, "--notes", utf8(&broken)], 200, 30);
    reader.wait_for_text("does not parse");
    reader.send("q");
    reader.wait_exit();
    assert_nothing_obeyed("the reader's error message", &reader.raw_output());
}
