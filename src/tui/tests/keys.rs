//! Keys-to-state tours: feed a key string, assert on the model.

use super::super::model::Focus;
use super::super::rows::Tab;
use super::super::update::{Effect, Msg, keys, update};
use super::{index_of, model};

#[test]
fn tab_walks_annotations_in_text_order_and_the_side_pane_follows() {
    let mut m = model(100, 30);
    keys(&mut m, "Tab");
    assert_eq!(m.current, Some(index_of(&m, "Kelvin Harbour Bridge", 0)));
    assert_eq!(m.side.tab, Tab::Entities);
    keys(&mut m, "Tab");
    assert_eq!(m.current, Some(index_of(&m, "Tuesday", 0)));
    assert_eq!(m.side.tab, Tab::Dates);
    assert_eq!(
        m.side.list(Tab::Dates).selected,
        Some(1),
        "2020-10 comes first on the timeline"
    );
    keys(&mut m, "Tab Tab");
    let quote = index_of(
        &m,
        "“It has been a long winter for everyone who crosses the water.”",
        0,
    );
    assert_eq!(m.current, Some(quote));
    assert_eq!(m.side.tab, Tab::Quotes);
    assert_eq!(m.side.list(Tab::Quotes).selected, Some(0));
    keys(&mut m, "shift-tab");
    assert_eq!(m.current, Some(index_of(&m, "Ana Ruiz", 0)));
    assert_eq!(m.side.tab, Tab::Entities);
}

#[test]
fn bracket_moves_item_to_item_on_the_current_tab_and_enter_focuses_the_pane() {
    let mut m = model(100, 30);
    keys(&mut m, "Tab Tab ] Enter");
    // From Tuesday (2021-03-02), ] goes to the next date in the text, October 2020, which
    // the timeline lists first.
    assert_eq!(m.current, Some(index_of(&m, "October 2020", 0)));
    assert_eq!(m.side.list(Tab::Dates).selected, Some(0));
    assert_eq!(m.side.focus, Focus::Side);
    assert_eq!(m.side.tab, Tab::Dates);
}

#[test]
fn quotes_tab_jumps_quote_to_quote() {
    let mut m = model(100, 30);
    keys(&mut m, "3 ]");
    let first = index_of(
        &m,
        "“It has been a long winter for everyone who crosses the water.”",
        0,
    );
    assert_eq!(m.current, Some(first));
    keys(&mut m, "]");
    assert_eq!(m.current, Some(index_of(&m, "“We are proud of it,”", 0)));
    keys(&mut m, "]");
    assert_eq!(m.status.message.as_deref(), Some("no more quotes below"));
    keys(&mut m, "[");
    assert_eq!(m.current, Some(first));
}

#[test]
fn enter_again_on_an_entity_row_cycles_through_its_mentions() {
    let mut m = model(100, 30);
    keys(&mut m, "1 Enter");
    assert_eq!(m.side.focus, Focus::Side);
    let mentions = [
        index_of(&m, "Ana Ruiz", 0),
        index_of(&m, "Ruiz", 1),
        index_of(&m, "Ruiz", 2),
    ];
    keys(&mut m, "Enter");
    assert_eq!(
        m.current,
        Some(mentions[0]),
        "people first, most mentioned first"
    );
    keys(&mut m, "Enter");
    assert_eq!(m.current, Some(mentions[1]));
    keys(&mut m, "Enter Enter");
    assert_eq!(
        m.current,
        Some(mentions[0]),
        "cycles back to the first mention"
    );
    assert_eq!(m.side.focus, Focus::Side);
    keys(&mut m, "j Enter");
    assert_eq!(m.current, Some(index_of(&m, "Tom Okafor", 0)));
    keys(&mut m, "Esc");
    assert_eq!(m.side.focus, Focus::Article);
}

#[test]
fn star_and_hash_visit_the_mentions_of_the_current_entity() {
    let mut m = model(100, 30);
    keys(&mut m, "Tab Tab Tab");
    assert_eq!(m.current, Some(index_of(&m, "Ana Ruiz", 0)));
    keys(&mut m, "*");
    assert_eq!(m.current, Some(index_of(&m, "Ruiz", 1)));
    keys(&mut m, "* *");
    assert_eq!(m.current, Some(index_of(&m, "Ana Ruiz", 0)), "wraps around");
    keys(&mut m, "#");
    assert_eq!(m.current, Some(index_of(&m, "Ruiz", 2)));
    // On a quote, * follows its speaker.
    let mut m = super::model(100, 30);
    keys(&mut m, "3 ] *");
    assert_eq!(m.current, Some(index_of(&m, "Ruiz", 1)));
}

#[test]
fn ctrl_o_goes_back_to_where_the_last_jump_started() {
    let mut m = model(100, 30);
    keys(&mut m, "Tab");
    let before = m.current;
    keys(&mut m, "3 ] ]");
    keys(&mut m, "ctrl-o");
    assert_eq!(
        m.current,
        Some(index_of(
            &m,
            "“It has been a long winter for everyone who crosses the water.”",
            0
        ))
    );
    keys(&mut m, "ctrl-o");
    assert_eq!(m.current, before);
    keys(&mut m, "ctrl-o");
    assert_eq!(
        m.status.message.as_deref(),
        Some("no earlier jump to go back to")
    );
}

#[test]
fn search_is_incremental_smart_case_and_n_cycles() {
    let mut m = model(100, 30);
    keys(&mut m, "/ r u i z");
    assert!(m.search.prompt.is_some());
    assert_eq!(m.search.found.len(), 3);
    assert_eq!(m.search.current, Some(0));
    keys(&mut m, "Enter n");
    assert!(m.search.prompt.is_none());
    assert_eq!(m.search.current, Some(1));
    keys(&mut m, "N N");
    assert_eq!(m.search.current, Some(2), "N wraps to the last match");
    keys(&mut m, "/ R U I Z Backspace Backspace");
    assert_eq!(m.search.found.query(), "RU");
    assert_eq!(
        m.search.found.len(),
        0,
        "a capital makes the search case-sensitive"
    );
    keys(&mut m, "Esc");
    assert!(m.search.prompt.is_none());
    assert!(m.search.found.is_empty());
}

#[test]
fn q_quits_but_first_closes_the_help() {
    let mut m = model(100, 30);
    assert_eq!(keys(&mut m, "?"), Effect::None);
    assert_eq!(m.overlay.scroll, Some(0));
    keys(&mut m, "j j");
    assert_eq!(m.overlay.scroll, Some(2));
    assert_eq!(keys(&mut m, "q"), Effect::None);
    assert_eq!(m.overlay.scroll, None);
    assert_eq!(keys(&mut m, "q"), Effect::Quit);
}

#[test]
fn paging_and_ends_scroll_the_article() {
    let mut m = model(80, 8);
    keys(&mut m, "j j");
    assert_eq!(m.view.top, 2);
    keys(&mut m, "k g");
    assert_eq!(m.view.top, 0);
    keys(&mut m, "G");
    assert_eq!(m.view.top, m.max_top());
    assert!(m.max_top() > 0);
    keys(&mut m, "b ctrl-u space ctrl-d");
    assert!(m.view.top <= m.max_top());
}

#[test]
fn narrow_terminals_hide_the_side_pane_and_s_shows_it_full_width() {
    let mut m = model(60, 20);
    assert!(!m.side_shown());
    keys(&mut m, "s");
    let panes = m.panes();
    assert_eq!(panes.side.map(|r| r.width), Some(60));
    assert!(panes.article.is_none());
    assert_eq!(m.side.focus, Focus::Side);
    keys(&mut m, "Enter");
    assert!(!m.side_shown(), "showing a passage brings the article back");
    assert_eq!(m.current, Some(index_of(&m, "Ana Ruiz", 0)));
    update(&mut m, Msg::Resize(120, 30));
    assert!(m.side_shown(), "wide again: the side pane is back");
    keys(&mut m, "s");
    assert!(!m.side_shown());
}

#[test]
fn a_resize_keeps_the_first_visible_words_on_screen() {
    let mut m = model(100, 10);
    keys(&mut m, "3 ] ]");
    let byte = m.top_byte();
    update(&mut m, Msg::Resize(72, 10));
    let vis = m.visible_bytes();
    assert!(
        vis.start <= byte && byte < vis.end.max(byte + 1),
        "{vis:?} lost {byte}"
    );
}

#[test]
fn clicks_select_annotations_and_rows() {
    let mut m = model(100, 30);
    let target = index_of(&m, "Norvale Steel", 0);
    let byte = m.annotations.items()[target].span.start + 2;
    let li = m.view.layout.line_of_byte(byte);
    let line = m.view.layout.line(li).unwrap_or_else(|| panic!("line"));
    let area = m.text_area().unwrap_or_else(|| panic!("text area"));
    let col = area.x + crate::layout::display_col(&line, &m.article.text, byte);
    let row = area.y + u16::try_from(li - m.view.top).unwrap_or(0);
    update(&mut m, Msg::Click { column: col, row });
    assert_eq!(m.current, Some(target));
    assert_eq!(m.side.tab, Tab::Entities);
    // The side pane: row 0 is the tab bar (" Ent 5  Dat 3 …" after the border), the list
    // starts two rows down.
    let side = m.panes().side.unwrap_or_else(|| panic!("side"));
    update(
        &mut m,
        Msg::Click {
            column: side.x + 10,
            row: 0,
        },
    );
    assert_eq!(m.side.tab, Tab::Dates);
    update(
        &mut m,
        Msg::Click {
            column: side.x + 5,
            row: 2,
        },
    );
    assert_eq!(m.current, Some(index_of(&m, "October 2020", 0)));
    assert_eq!(m.side.focus, Focus::Side);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut m = model(100, 8);
    update(
        &mut m,
        Msg::Wheel {
            column: 5,
            row: 3,
            down: true,
        },
    );
    assert_eq!(m.view.top, 3);
    let side = m.panes().side.unwrap_or_else(|| panic!("side"));
    update(
        &mut m,
        Msg::Wheel {
            column: side.x + 3,
            row: 3,
            down: true,
        },
    );
    assert_eq!(m.view.top, 3);
    assert_eq!(m.side.list(Tab::Entities).scroll, 3);
}

#[test]
fn annotations_can_arrive_after_the_first_frame() {
    let mut m = super::detecting_model(100, 30);
    assert!(m.detection.running);
    keys(&mut m, "Tab");
    assert_eq!(m.current, None);
    assert_eq!(m.status.message.as_deref(), Some("still detecting…"));
    update(&mut m, Msg::Annotations(super::annotations()));
    assert!(!m.detection.running);
    keys(&mut m, "Tab");
    assert_eq!(m.current, Some(index_of(&m, "Kelvin Harbour Bridge", 0)));
}

/// A book's part on screen is detected first: its annotations are usable at once, and
/// when everything arrives the reader stays on the same annotation (and the jump list
/// on the same places), with progress shown meanwhile.
#[test]
fn provisional_annotations_give_way_to_the_final_ones_keeping_the_current_one() {
    use crate::annotation::AnnotationSet;
    let mut m = super::detecting_model(100, 30);
    let all = super::annotations();
    // The part on screen: the second and third annotations only (Tuesday, Ana Ruiz).
    let part = AnnotationSet::new(all.items()[1..3].to_vec(), all.groups().to_vec());
    update(&mut m, Msg::PartialAnnotations(part));
    update(&mut m, Msg::DetectionProgress(50));
    assert!(m.detection.running);
    let screen = super::screen(&m, &crate::theme::Theme::default());
    assert!(screen.contains("detecting… 50%"), "{screen}");
    keys(&mut m, "Tab Tab");
    let ana = index_of(&m, "Ana Ruiz", 0);
    assert_eq!(m.current, Some(ana));
    update(&mut m, Msg::Annotations(all));
    assert!(!m.detection.running && m.detection.progress.is_none());
    let ana_now = index_of(&m, "Ana Ruiz", 0);
    assert_ne!(
        ana_now, ana,
        "the final set numbers annotations differently"
    );
    assert_eq!(m.current, Some(ana_now));
    keys(&mut m, "Tab");
    assert_eq!(
        m.current,
        Some(index_of(
            &m,
            "“It has been a long winter for everyone who crosses the water.”",
            0
        )),
        "the final annotations are walked from where the reader was"
    );
}

/// Found by the `tui_keys` fuzz target: at the end of the article, a terminal made taller
/// at the same width kept its top line, leaving rows empty below the text's end (and the
/// next scroll jumped to make up for it).
#[test]
fn a_taller_terminal_at_the_end_of_the_article_fills_the_pane() {
    let mut m = model(40, 8);
    keys(&mut m, "G");
    assert!(m.view.top > 0, "the article is longer than a page");
    update(&mut m, Msg::Resize(40, 30));
    assert_eq!(m.view.top, m.max_top(), "the last line rests at the bottom");
}

#[test]
fn elsewhere_names_the_current_or_selected_entity_for_the_library() {
    use crate::keys::KeyChord;
    let mut m = model(100, 30);
    let l: KeyChord = "L".parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(update(&mut m, Msg::Key(l)).effect, Effect::None);
    assert!(
        m.status
            .message
            .as_deref()
            .is_some_and(|s| s.contains("choose one"))
    );
    keys(&mut m, "Tab Tab Tab");
    // Ana Ruiz is group 1 of the test article.
    assert_eq!(update(&mut m, Msg::Key(l)).effect, Effect::Elsewhere(1));
    // In the side pane, the selected row counts: the next entity down is Tom Okafor.
    keys(&mut m, "Enter j");
    assert_eq!(m.side.focus, Focus::Side);
    assert_eq!(update(&mut m, Msg::Key(l)).effect, Effect::Elsewhere(4));
}

#[test]
fn a_place_past_the_head_of_a_big_file_is_opened_once_the_whole_article_is_in() {
    use crate::article::{Article, Meta};
    use crate::tui::keymap::Keymap;
    use crate::tui::model::{Model, Settings};
    let whole = super::article();
    let head_len = super::TEXT.find("\n\n").unwrap_or(0);
    let head = Article::from_verbatim(super::TEXT[..head_len].to_string(), Meta::default());
    let mut m = Model::new(
        head,
        "big.txt".into(),
        Settings::default(),
        Keymap::default(),
        (100, 6),
    );
    let place = super::span("Ruiz said the bridge", 0).start;
    m.start_at(place, false);
    assert_eq!(m.top_byte(), 0, "not in the head: waits");
    assert_eq!(
        m.reading_position(),
        place,
        "kept as the place to save meanwhile"
    );
    update(&mut m, Msg::ArticleLoaded(Box::new(whole)));
    // On screen (the last lines rest at the bottom of the pane, so the top may be above).
    assert!(m.top_byte() > head_len, "{}", m.top_byte());
    assert!(
        m.visible_bytes().contains(&place),
        "{:?}",
        m.visible_bytes()
    );
    assert_eq!(m.view.pending_start, None);
}
