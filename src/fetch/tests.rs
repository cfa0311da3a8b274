//! Fetches from a server on 127.0.0.1 started by each test: nothing reaches the internet.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::*;

/// A response: status line, headers and body.
struct Reply {
    status: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
}

fn reply(status: &'static str, mime: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".to_string(), mime.to_string())],
        body: body.into(),
        delay: Duration::ZERO,
    }
}

/// Serves `route(path)` on 127.0.0.1 until the test ends; gives the base URL and a
/// channel of the requests' heads.
fn serve(route: impl Fn(&str) -> Reply + Send + 'static) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (heads, received) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            let path = head.split(' ').nth(1).unwrap_or("/").to_string();
            let _ = heads.send(head);
            let reply = route(&path);
            std::thread::sleep(reply.delay);
            let mut out = format!("HTTP/1.1 {}\r\nConnection: close\r\n", reply.status);
            for (name, value) in &reply.headers {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
            out.push_str(&format!("Content-Length: {}\r\n\r\n", reply.body.len()));
            let _ = stream.write_all(out.as_bytes());
            let _ = stream.write_all(&reply.body);
        }
    });
    (base, received)
}

fn options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(5),
        limit: 1024 * 1024,
    }
}

#[test]
fn a_page_comes_with_its_type_charset_and_a_user_agent_naming_gloss() {
    let (base, heads) = serve(|_| reply("200 OK", "text/html; charset=ISO-8859-1", "<p>x</p>"));
    let fetched = fetch(&format!("{base}/a"), &options()).expect("fetched");
    assert_eq!(fetched.bytes, b"<p>x</p>");
    assert_eq!(fetched.served.url, format!("{base}/a"));
    assert_eq!(fetched.served.mime.as_deref(), Some("text/html"));
    assert_eq!(fetched.served.charset.as_deref(), Some("ISO-8859-1"));
    let head = heads.recv().expect("request").to_ascii_lowercase();
    let agent = format!("user-agent: gloss/{}", env!("CARGO_PKG_VERSION"));
    assert!(head.contains(&agent), "{head}");
    assert!(head.contains("accept-encoding: gzip"), "{head}");
}

#[test]
fn redirects_are_followed_to_the_final_url() {
    let (base, _) = serve(|path| match path {
        "/old" => Reply {
            headers: vec![("Location".to_string(), "/moved".to_string())],
            ..reply("301 Moved Permanently", "text/plain", "")
        },
        "/moved" => Reply {
            headers: vec![("Location".to_string(), "/new".to_string())],
            ..reply("302 Found", "text/plain", "")
        },
        _ => reply("200 OK", "text/plain", "arrived"),
    });
    let fetched = fetch(&format!("{base}/old"), &options()).expect("fetched");
    assert_eq!(fetched.bytes, b"arrived");
    assert_eq!(fetched.served.url, format!("{base}/new"));
}

#[test]
fn endless_redirects_fail_saying_so() {
    let (base, _) = serve(|_| Reply {
        headers: vec![("Location".to_string(), "/again".to_string())],
        ..reply("302 Found", "text/plain", "")
    });
    let err = fetch(&format!("{base}/loop"), &options()).unwrap_err();
    assert_eq!(err.cause, "more than 10 redirects");
}

#[test]
fn a_slow_server_times_out_in_the_time_given() {
    let (base, _) = serve(|_| Reply {
        delay: Duration::from_secs(3),
        ..reply("200 OK", "text/html", "<p>late</p>")
    });
    let options = FetchOptions {
        timeout: Duration::from_millis(200),
        ..options()
    };
    let start = Instant::now();
    let err = fetch(&format!("{base}/slow"), &options).unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(err.url, format!("{base}/slow"));
    assert_eq!(err.cause, "no answer within 0.2 s (timed out)");
}

#[test]
fn a_body_over_the_cap_is_refused() {
    let (base, _) = serve(|_| reply("200 OK", "text/html", vec![b'a'; 2 * 1024 * 1024]));
    let err = fetch(&format!("{base}/huge"), &options()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("cannot fetch '{base}/huge': the page is larger than 1 MiB, the most gloss reads")
    );
}

#[test]
fn a_404_names_the_status() {
    let (base, _) = serve(|_| reply("404 Not Found", "text/html", "<h1>Not here</h1>"));
    let err = fetch(&format!("{base}/gone"), &options()).unwrap_err();
    assert_eq!(err.cause, "the server answered 404 not found");
}

#[test]
fn a_gzip_body_is_decompressed() {
    use flate2::{Compression, write::GzEncoder};
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(b"<p>squeezed</p>").expect("gzip");
    let body = gz.finish().expect("gzip");
    let (base, _) = serve(move |_| Reply {
        headers: vec![
            ("Content-Type".to_string(), "text/html".to_string()),
            ("Content-Encoding".to_string(), "gzip".to_string()),
        ],
        ..reply("200 OK", "text/html", body.clone())
    });
    let fetched = fetch(&format!("{base}/gz"), &options()).expect("fetched");
    assert_eq!(fetched.bytes, b"<p>squeezed</p>");
}

#[test]
fn the_cap_counts_decompressed_bytes() {
    use flate2::{Compression, write::GzEncoder};
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&vec![b' '; 4 * 1024 * 1024]).expect("gzip");
    let body = gz.finish().expect("gzip");
    assert!(body.len() < 64 * 1024);
    let (base, _) = serve(move |_| Reply {
        headers: vec![
            ("Content-Type".to_string(), "text/html".to_string()),
            ("Content-Encoding".to_string(), "gzip".to_string()),
        ],
        ..reply("200 OK", "text/html", body.clone())
    });
    let err = fetch(&format!("{base}/bomb"), &options()).unwrap_err();
    assert!(
        err.cause.starts_with("the page is larger than 1 MiB"),
        "{err}"
    );
}

#[test]
fn nothing_listening_is_one_line_naming_the_url() {
    // A port that was just free: bind, note it, close.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let url = format!("http://127.0.0.1:{port}/x");
    let err = fetch(&url, &options()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("cannot fetch '{url}': "))
    );
    assert!(!err.to_string().contains('\n'));
}

#[test]
fn urls_are_told_from_files() {
    assert!(is_url("https://example.test/a"));
    assert!(is_url("HTTP://example.test"));
    assert!(!is_url("http.txt"));
    assert!(!is_url("./https://x"));
}

/// Serves one request with `head` then `body_byte` repeated, in `chunk`-sized writes every
/// `pause`, until `total` bytes are sent or the client goes away; gives the base URL and a
/// channel of the body bytes sent. Nothing is allocated beyond one chunk: the test never
/// holds the body it serves.
fn stream(
    head: &'static str,
    total: u64,
    chunk: usize,
    pause: Duration,
) -> (String, mpsc::Receiver<u64>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (sent_tx, sent) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut head_in = Vec::new();
        let mut byte = [0u8; 1];
        while !head_in.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
            head_in.push(byte[0]);
        }
        let block = vec![b'a'; chunk];
        let mut done = 0u64;
        if stream.write_all(head.as_bytes()).is_ok() {
            while done < total && stream.write_all(&block).is_ok() {
                done += chunk as u64;
                std::thread::sleep(pause);
            }
        }
        let _ = sent_tx.send(done);
    });
    (base, sent)
}

const GIB: u64 = 1 << 30;

/// A gigabyte served after `head`: refused at the cap, having read little more than the
/// cap (the rest is what the sockets' buffers held when gloss hung up).
fn a_gigabyte_stops_at_the_cap(head: &'static str, path: &str) {
    let (base, sent) = stream(head, GIB, 64 * 1024, Duration::ZERO);
    let err = fetch(&format!("{base}{path}"), &options()).unwrap_err();
    assert!(
        err.cause.starts_with("the page is larger than 1 MiB"),
        "{err}"
    );
    let sent = sent
        .recv_timeout(Duration::from_secs(60))
        .expect("the server stopped");
    assert!(
        sent < 32 * 1024 * 1024,
        "{sent} bytes were sent for a 1 MiB cap"
    );
}

/// A declared 1 GiB body.
#[test]
fn a_gigabyte_body_stops_at_the_cap() {
    a_gigabyte_stops_at_the_cap(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1073741824\r\n\r\n",
        "/huge",
    );
}

/// The same with no length said: a body that would go on for a gigabyte, until the
/// connection closes.
#[test]
fn an_endless_body_without_a_length_stops_at_the_cap() {
    a_gigabyte_stops_at_the_cap(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
        "/endless",
    );
}

/// A server that answers at once but sends its body a byte at a time, never finishing:
/// the body's time is bounded too, not only the wait for the answer.
#[test]
fn a_body_that_trickles_forever_times_out() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n";
    let (base, _) = stream(head, 100_000, 1, Duration::from_millis(20));
    let options = FetchOptions {
        timeout: Duration::from_millis(500),
        ..options()
    };
    let err = fetch(&format!("{base}/drip"), &options).unwrap_err();
    assert_eq!(err.cause, "no answer within 0.5 s (timed out)");
}
