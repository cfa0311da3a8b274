//! `gloss URL` and `gloss annotate URL` against a server on 127.0.0.1 started by the test:
//! the page's article as JSON, a Windows-1252 page decoded by its HTTP charset, a failed
//! fetch as one line with status 2, the kept copy reopened offline (said on standard
//! error and in the status bar) and `--refresh`. Nothing reaches the internet.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crate::harness::{Session, gloss_bin};

/// Pages by path: content type and body.
type Pages = Arc<Mutex<HashMap<String, (String, Vec<u8>)>>>;

/// A small HTTP/1.1 server on 127.0.0.1 answering from `pages` (404 for other paths).
pub(crate) struct Server {
    base: String,
    pages: Pages,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub(crate) fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let pages: Pages = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (pages, stop) = (Arc::clone(&pages), Arc::clone(&stop));
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        answer(stream, &pages);
                    }
                }
            })
        };
        Server {
            base,
            pages,
            stop,
            thread: Some(thread),
        }
    }

    pub(crate) fn page(&self, path: &str, mime: &str, body: &[u8]) {
        let mut pages = self.pages.lock().expect("pages");
        pages.insert(path.to_string(), (mime.to_string(), body.to_vec()));
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops answering and closes the port: the network is gone.
    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
        if let Some(thread) = self.thread.take() {
            thread.join().expect("server thread");
        }
    }
}

fn answer(mut stream: TcpStream, pages: &Pages) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split(' ').nth(1).unwrap_or("/");
    let page = pages.lock().expect("pages").get(path).cloned();
    let (status, mime, body) = match page {
        Some((mime, body)) => ("200 OK", mime, body),
        None => (
            "404 Not Found",
            "text/html".to_string(),
            b"<h1>No</h1>".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// A Windows-1252 article that declares no charset: only the HTTP header says it.
const PAGE: &[u8] = b"<!doctype html><html><head><title>Caf\xe9 owners meet</title></head>\
<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Caf\xe9 owners meet</h1>\
<p>\x93We serve everyone,\x94 said the owner of the caf\xe9 on the square, where the council \
met on Tuesday to talk about the terraces and the summer hours of the old town.</p>\
<p>The meeting ran late into the evening, and the owners agreed to meet again next month \
with the mayor and the neighbours who had written to the council about the noise.</p>\
</article></body></html>";

fn annotate(url: &str, data: &Path, extra: &[&str]) -> Output {
    Command::new(gloss_bin())
        .arg("annotate")
        .arg(url)
        .args(extra)
        .env("HOME", data)
        .env("XDG_DATA_HOME", data.join("data"))
        .env("GLOSS_FETCH_TIMEOUT", "5")
        .output()
        .expect("run gloss annotate")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

#[test]
fn annotate_url_prints_the_article_decoded_by_the_http_charset() {
    let server = Server::start();
    server.page("/page", "text/html; charset=windows-1252", PAGE);
    let home = tempfile::tempdir().expect("home");
    let out = json(&annotate(&server.url("/page"), home.path(), &[]));
    assert_eq!(out["title"], "Café owners meet");
    let text = out["text"].as_str().expect("text");
    assert!(
        text.starts_with("\u{201c}We serve everyone,\u{201d} said"),
        "{text}"
    );
    assert!(
        !text.contains("Home"),
        "the menu is not the article: {text}"
    );
}

#[test]
fn a_failed_fetch_is_one_line_naming_the_url_with_status_2() {
    let server = Server::start();
    let home = tempfile::tempdir().expect("home");
    let url = server.url("/missing");
    let out = annotate(&url, home.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("gloss: cannot fetch '{url}': the server answered 404 not found\n")
    );
}

#[test]
fn a_kept_page_reopens_offline_and_refresh_fetches_it_again() {
    let mut server = Server::start();
    server.page("/story", "text/plain", b"First version of the story.");
    let home = tempfile::tempdir().expect("home");
    let url = server.url("/story");
    let first = annotate(&url, home.path(), &[]);
    assert_eq!(json(&first)["text"], "First version of the story.");
    assert!(first.stderr.is_empty(), "{first:?}");

    // Changed on the server: the kept copy is still what opens, and says so.
    server.page("/story", "text/plain", b"Second version of the story.");
    let kept = annotate(&url, home.path(), &[]);
    assert_eq!(json(&kept)["text"], "First version of the story.");
    let said = String::from_utf8_lossy(&kept.stderr);
    assert!(
        said.starts_with(&format!("gloss: showing the copy of '{url}' kept on ")),
        "{said}"
    );
    assert!(said.ends_with(": --refresh fetches it again\n"), "{said}");

    let refreshed = annotate(&url, home.path(), &["--refresh"]);
    assert_eq!(json(&refreshed)["text"], "Second version of the story.");

    // No network: the kept (refreshed) copy still opens; --refresh fails in one line.
    server.stop();
    let offline = annotate(&url, home.path(), &[]);
    assert_eq!(json(&offline)["text"], "Second version of the story.");
    let failed = annotate(&url, home.path(), &["--refresh"]);
    assert_eq!(failed.status.code(), Some(2));
    let said = String::from_utf8_lossy(&failed.stderr);
    assert!(
        said.starts_with(&format!("gloss: cannot fetch '{url}': ")),
        "{said}"
    );
    assert_eq!(said.lines().count(), 1, "{said}");
}

#[test]
fn the_reader_says_in_the_status_bar_that_it_shows_the_kept_copy() {
    let mut server = Server::start();
    server.page("/page", "text/html; charset=windows-1252", PAGE);
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    let data = data.to_str().expect("utf-8 path");
    let url = server.url("/page");
    let env = [("XDG_DATA_HOME", data), ("GLOSS_FETCH_TIMEOUT", "5")];
    let mut s = Session::spawn(gloss_bin(), &[&url], &env, 120, 30);
    s.wait_for_text("\u{201c}We serve everyone,\u{201d}");
    s.send("q");
    s.wait_exit();
    server.stop();
    let s = Session::spawn(gloss_bin(), &[&url], &env, 120, 30);
    s.wait_for_text("\u{201c}We serve everyone,\u{201d}");
    s.wait_for_text("showing the copy of");
}
