//! Typing (or pasting, key by key) a long query into the search prompt: the query stops at
//! its limit and says so, and a query that matched nothing stays without a match as it
//! grows, while one that matches stays live.

use super::super::update::{MAX_QUERY_CHARS, keys};
use super::model;

/// The key script typing `text` one character at a time.
fn typed(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' ' => "space".to_string(),
            c => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_long_paste_stops_at_the_query_limit_and_says_so() {
    let mut m = model(100, 30);
    let paste = "xyzzy plugh ".repeat(50);
    keys(&mut m, &format!("/ {}", typed(&paste)));
    let prompt = m.search.prompt.as_ref().expect("the prompt stays open");
    assert_eq!(prompt.input.chars().count(), MAX_QUERY_CHARS);
    assert!(paste.starts_with(&prompt.input));
    assert!(
        m.status
            .message
            .as_deref()
            .is_some_and(|s| s.contains("at most 256")),
        "{:?}",
        m.status.message
    );
    assert!(m.search.found.is_empty());
    assert_eq!(
        m.search.found.query(),
        prompt.input,
        "the count is the whole query's"
    );
    let screen = super::screen(&m, &crate::theme::Theme::default());
    assert!(
        screen.contains("256 characters at most · no match"),
        "{screen}"
    );
}

#[test]
fn the_search_stays_live_while_typing() {
    let mut m = model(100, 30);
    keys(&mut m, &format!("/ {}", typed("ruiz")));
    assert_eq!(m.search.found.len(), 3);
    keys(&mut m, &typed(" th"));
    assert_eq!(m.search.found.len(), 1, "“Ruiz thanked”");
    keys(&mut m, &typed("zz"));
    assert!(m.search.found.is_empty());
    keys(&mut m, "backspace backspace");
    assert_eq!(m.search.found.len(), 1, "matches again after Backspace");
    keys(&mut m, &typed("X"));
    assert!(
        m.search.found.is_empty(),
        "an uppercase letter makes it exact"
    );
    assert_eq!(m.search.found.query(), "ruiz thX");
}

#[test]
fn a_bracketed_paste_is_one_edit_of_the_query() {
    use super::super::update::{Msg, update};
    let mut m = model(100, 30);
    keys(&mut m, "/");
    update(&mut m, Msg::Paste("Ruiz".repeat(2_500)));
    let prompt = m.search.prompt.as_ref().expect("the prompt stays open");
    assert_eq!(prompt.input, "Ruiz".repeat(MAX_QUERY_CHARS / 4));
    assert!(m.search.found.is_empty());
    keys(&mut m, "ctrl-u");
    update(&mut m, Msg::Paste("Ruiz t".into()));
    assert_eq!(
        m.search.found.len(),
        2,
        "a short paste searches like typing"
    );
}
