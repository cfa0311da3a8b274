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
