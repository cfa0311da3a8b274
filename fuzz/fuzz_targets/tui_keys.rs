//! The reader driven by any sequence of keys, pastes, clicks, wheel turns and resizes:
//! a `Model` over an article (one of `articles.rs`, or the fuzzer's own text) with the
//! real detectors' annotations, fed through the real `update` as the loop feeds it, each
//! step drawn into a ratatui `TestBackend` as the loop draws it. Keys come from the live
//! keymap (every action's keys) and a few more typed into the prompt and the note editor.
//! Checks after every step: no panic (in update or draw); the selected annotation exists;
//! the article's first visible line leaves no empty page below the text; each side-pane
//! tab's selection is one of its items and its scroll inside its lines; the search's
//! current match exists; a quit ends the tour.
#![no_main]

use std::sync::OnceLock;

use gloss::annotation::AnnotationSet;
use gloss::article::Article;
use gloss::keys::{Key, KeyChord};
use gloss::theme::Theme;
use gloss::tui::action::Action;
use gloss::tui::model::{Model, Settings};
use gloss::tui::rows::Tab;
use gloss::tui::update::{Effect, Msg, update};
use gloss::tui::{Keymap, ui};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod articles;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = tour(&mut u);
});

fn tour(u: &mut Unstructured<'_>) -> Result<()> {
    let (article, set) = article(u)?;
    let (w, h) = (u.int_in_range(1..=140)?, u.int_in_range(1..=50)?);
    let mut m = Model::new(
        article,
        "fuzz.txt".into(),
        Settings::default(),
        Keymap::default(),
        (w, h),
    );
    if u.ratio(7, 8)? {
        update(&mut m, Msg::Annotations(set));
    }
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    while !u.is_empty() {
        let msg = message(u)?;
        if let Msg::Resize(w, h) = msg {
            terminal.backend_mut().resize(w.max(1), h.max(1));
        }
        let outcome = update(&mut m, msg);
        terminal.draw(|f| ui::draw(f, &m, &theme)).expect("a frame");
        invariants(&m);
        if outcome.effect == Effect::Quit {
            break;
        }
    }
    Ok(())
}

/// The article chosen and its annotations (made once for the fixed articles).
fn article(u: &mut Unstructured<'_>) -> Result<(Article, AnnotationSet)> {
    static FIXED: OnceLock<Vec<(Article, AnnotationSet)>> = OnceLock::new();
    let fixed = FIXED.get_or_init(|| {
        (0..4)
            .filter_map(|i| articles::article(i, b""))
            .map(|a| {
                let set = gloss::detect::detect_article(&a);
                (a, set)
            })
            .collect()
    });
    let choice: u8 = u.arbitrary()?;
    if let Some(pair) = fixed.get(usize::from(choice)) {
        return Ok(pair.clone());
    }
    let own: String = u.arbitrary()?;
    let article = articles::article(u8::MAX, own.as_bytes())
        .ok_or(libfuzzer_sys::arbitrary::Error::IncorrectFormat)?;
    let set = gloss::detect::detect_article(&article);
    Ok((article, set))
}

/// Every key the default keymap binds, then keys that type and edit.
fn keys() -> &'static [KeyChord] {
    static KEYS: OnceLock<Vec<KeyChord>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let map = Keymap::default();
        let mut keys: Vec<KeyChord> = Action::names()
            .into_iter()
            .filter_map(Action::from_name)
            .flat_map(|a| map.keys_for(a))
            .collect();
        keys.extend("aweb jkq#é😀".chars().map(KeyChord::char));
        keys.extend(
            [
                Key::Enter,
                Key::Esc,
                Key::Backspace,
                Key::Left,
                Key::Right,
                Key::Tab,
            ]
            .map(KeyChord::plain),
        );
        keys
    })
}

fn message(u: &mut Unstructured<'_>) -> Result<Msg> {
    Ok(match u.int_in_range(0..=19)? {
        0 => Msg::Resize(u.int_in_range(0..=140)?, u.int_in_range(0..=50)?),
        1 => Msg::Click {
            column: u.int_in_range(0..=140)?,
            row: u.int_in_range(0..=50)?,
        },
        2 => Msg::Wheel {
            column: u.int_in_range(0..=140)?,
            row: u.int_in_range(0..=50)?,
            down: u.arbitrary()?,
        },
        3 => Msg::Paste(u.arbitrary()?),
        _ => Msg::Key(*u.choose(keys())?),
    })
}

fn invariants(m: &Model) {
    if let Some(i) = m.current {
        assert!(
            i < m.annotations.len(),
            "current {i} of {}",
            m.annotations.len()
        );
    }
    let layout = &m.view.layout;
    if layout.is_complete() {
        let max = gloss::nav::max_top(layout.len(), m.page_height());
        assert!(m.view.top <= max, "top {} past {max}", m.view.top);
    }
    for tab in Tab::ALL {
        let list = m.side.list(tab);
        if let Some(i) = list.selected {
            assert!(
                i < m.rows.len(tab),
                "{tab:?}: item {i} of {}",
                m.rows.len(tab)
            );
        }
        let lines = m.rows.total_lines(tab);
        assert!(
            list.scroll <= lines,
            "{tab:?}: scroll {} of {lines} lines",
            list.scroll
        );
    }
    if let Some(i) = m.search.current {
        assert!(
            i < m.search.found.len(),
            "match {i} of {}",
            m.search.found.len()
        );
    }
}
