//! Prints the article body a third-party extractor finds in a saved page, for
//! `score.py PAGES --cmd target/release/extractor-compare NAME` (docs/quality.md).
//! Usage: extractor-compare dom_smoothie|rs-trafilatura|trafilatura PAGE.html

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: extractor-compare dom_smoothie|rs-trafilatura|trafilatura PAGE.html");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let html = String::from_utf8_lossy(&bytes);
    let text = match name.as_str() {
        "dom_smoothie" => dom_smoothie::Readability::new(html.as_ref(), None, None)
            .and_then(|mut r| r.parse())
            .map(|a| a.text_content.to_string())
            .map_err(|e| e.to_string()),
        "rs-trafilatura" => rs_trafilatura::extract(&html)
            .map(|r| r.content_text)
            .map_err(|e| e.to_string()),
        "trafilatura" => trafilatura::extract(&html, &trafilatura::Options::default())
            .map(|r| r.content_text)
            .map_err(|e| e.to_string()),
        other => Err(format!("unknown extractor '{other}'")),
    };
    match text {
        Ok(t) => {
            println!("{t}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::from(1)
        }
    }
}
