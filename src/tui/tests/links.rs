//! Keys-to-state tours of the links list (opening it, moving, Enter in gloss or outside,
//! showing a link's passage, Ctrl-o back through the jump list and then to the previous
//! article), a snapshot of the list, and the OSC 8 hyperlinks the presenter writes.

use std::sync::Arc;

use crate::article::Link;
use crate::keys::KeyChord;
use crate::theme::Theme;

use super::super::model::{Model, Overlay};
use super::super::update::{Effect, key};
use super::{model, screen, span};

/// The test reader with four links: two web pages, a mail address, a relative page.
pub(crate) fn linked(w: u16, h: u16) -> Model {
    let mut m = model(w, h);
    let mut article = (*m.article).clone();
    let link = |needle: &str, url: &str| Link {
        span: span(needle, 0),
        url: url.to_string(),
    };
    article.links = vec![
        link("Kelvin Harbour Bridge", "https://bridge.example/reopening"),
        link("Port Authority", "mailto:press@port.example"),
        link("Norvale Steel", "https://norvale.example/deck"),
        link("Tom Okafor", "okafor.html"),
    ];
    m.article = Arc::new(article);
    m
}

fn press(m: &mut Model, script: &str) -> Vec<Effect> {
    script
        .split_whitespace()
        .map(|t| {
            key(
                m,
                t.parse::<KeyChord>().unwrap_or_else(|e| panic!("{t}: {e}")),
            )
        })
        .filter(|e| *e != Effect::None)
        .collect()
}

fn list_selection(m: &Model) -> Option<usize> {
    (m.overlay.which == Overlay::Links)
        .then_some(m.overlay.scroll)
        .flatten()
}

#[test]
fn the_list_opens_moves_and_enter_opens_a_web_link_in_gloss() {
    let mut m = linked(100, 30);
    assert_eq!(press(&mut m, "l"), vec![]);
    assert_eq!(list_selection(&m), Some(0));
    press(&mut m, "j j j j k");
    assert_eq!(list_selection(&m), Some(2), "clamped at the last, then up");
    assert_eq!(
        press(&mut m, "enter"),
        vec![Effect::Open("https://norvale.example/deck".into())]
    );
    assert_eq!(m.overlay.scroll, None, "the list closes");
    assert_eq!(
        m.status.fetching.as_deref(),
        Some("https://norvale.example/deck")
    );
    // A relative link opens in gloss too (resolved by the session against the file).
    assert_eq!(
        press(&mut m, "l G enter"),
        vec![Effect::Open("okafor.html".into())]
    );
}

#[test]
fn other_schemes_and_o_go_to_the_system_opener() {
    let mut m = linked(100, 30);
    assert_eq!(
        press(&mut m, "l j enter"),
        vec![Effect::OpenOutside("mailto:press@port.example".into())]
    );
    assert_eq!(
        press(&mut m, "l o"),
        vec![Effect::OpenOutside(
            "https://bridge.example/reopening".into()
        )]
    );
    assert_eq!(m.overlay.scroll, None);
    // Outside the list, o says where it works.
    assert_eq!(press(&mut m, "o"), vec![]);
    let said = m.status.message.clone().unwrap_or_default();
    assert_eq!(said, "o acts on the links list: l opens it");
    // Esc and l close the list without doing anything.
    assert_eq!(press(&mut m, "l esc"), vec![]);
    assert_eq!(m.overlay.scroll, None);
    assert_eq!(press(&mut m, "l l"), vec![]);
    assert_eq!(m.overlay.scroll, None);
}

#[test]
fn p_shows_the_passage_and_ctrl_o_comes_back_then_to_the_previous_article() {
    let mut m = linked(60, 8);
    m.previous = Some("first.html".into());
    assert_eq!(m.view.top, 0);
    press(&mut m, "l G p");
    assert_eq!(m.overlay.scroll, None);
    let line = m.view.layout.line_of_byte(span("Tom Okafor", 0).start);
    assert!(
        (m.view.top..m.view.top + m.page_height()).contains(&line),
        "the link's line is in view"
    );
    assert!(m.view.top > 0);
    // Ctrl-o: first back along this article's jumps, then to the article before it.
    assert_eq!(press(&mut m, "ctrl-o"), vec![]);
    assert_eq!(m.view.top, 0);
    assert_eq!(press(&mut m, "ctrl-o"), vec![Effect::Back]);
}

#[test]
fn the_list_opens_on_the_first_link_in_view_and_says_when_there_is_none() {
    let mut m = linked(60, 8);
    press(&mut m, "G l");
    let top = m.top_byte();
    let first_in_view = m.article.links.iter().position(|l| l.span.end > top);
    assert!(first_in_view > Some(0), "some links are above the view");
    assert_eq!(list_selection(&m), first_in_view);
    let mut plain = model(60, 8);
    assert_eq!(press(&mut plain, "l"), vec![]);
    assert_eq!(plain.overlay.scroll, None);
    assert_eq!(
        plain.status.message.as_deref(),
        Some("this article has no links")
    );
}

#[test]
fn links_list_snapshot() {
    let mut m = linked(90, 16);
    press(&mut m, "l j");
    insta::assert_snapshot!(screen(&m, &Theme::default()));
}

#[test]
fn the_status_bar_says_what_is_being_fetched_and_a_failure_replaces_it() {
    use super::super::update::{Msg, update};
    let mut m = linked(100, 12);
    press(&mut m, "l enter");
    let status = |m: &Model| {
        screen(m, &Theme::default())
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    };
    assert!(
        status(&m).contains("fetching https://bridge.example/reopening…"),
        "{}",
        status(&m)
    );
    // Keys while it loads do not hide it; the answer does.
    press(&mut m, "j");
    assert!(status(&m).contains("fetching"), "{}", status(&m));
    update(&mut m, Msg::Opened(Err("cannot fetch it: 404".into())));
    assert!(
        status(&m).contains("cannot fetch it: 404"),
        "{}",
        status(&m)
    );
    assert!(!status(&m).contains("fetching"));
}
