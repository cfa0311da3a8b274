//! Whole-screen snapshots of what the reader shows (text only; styles are checked by
//! targeted assertions), at a comfortable size, narrow, tiny, and with each overlay.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use crate::theme::{Role, Theme};

use super::super::ui::{self, style};
use super::super::update::{Msg, keys, update};
use super::{index_of, model, screen, span};

fn shot(w: u16, h: u16, script: &str) -> String {
    let mut m = model(w, h);
    keys(&mut m, script);
    screen(&m, &Theme::default())
}

#[test]
fn whole_app_on_an_entity() {
    insta::assert_snapshot!(shot(100, 30, "Tab Tab Tab"));
}

#[test]
fn dates_tab_is_a_timeline() {
    insta::assert_snapshot!(shot(100, 30, "Tab Tab"));
}

#[test]
fn quotes_tab_with_speakers() {
    insta::assert_snapshot!(shot(100, 30, "3 ]"));
}

#[test]
fn notes_tab_empty_state() {
    insta::assert_snapshot!(shot(100, 30, "4"));
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!(shot(100, 30, "?"));
}

#[test]
fn search_prompt() {
    insta::assert_snapshot!(shot(100, 30, "/ r u i z"));
}

#[test]
fn narrow_hides_the_side_pane() {
    insta::assert_snapshot!(shot(60, 20, "Tab"));
}

#[test]
fn narrow_side_pane_full_width() {
    insta::assert_snapshot!(shot(60, 20, "s"));
}

#[test]
fn tiny_terminal() {
    insta::assert_snapshot!(shot(20, 5, "Tab"));
}

/// The buffer after drawing `m` with `theme`.
fn buffer(m: &super::super::model::Model, theme: &Theme) -> ratatui::buffer::Buffer {
    let (w, h) = m.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| ui::draw(f, m, theme))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

/// The screen cell showing byte `byte` of the article.
fn cell_of(m: &super::super::model::Model, byte: usize) -> (u16, u16) {
    let li = m.view.layout.line_of_byte(byte);
    let line = m.view.layout.line(li).unwrap_or_else(|| panic!("line"));
    let area = m.text_area().unwrap_or_else(|| panic!("area"));
    let x = area.x + crate::layout::display_col(&line, &m.article.text, byte);
    (x, area.y + u16::try_from(li - m.view.top).unwrap_or(0))
}

#[test]
fn the_current_annotation_stands_out_and_kinds_have_their_colours() {
    let theme = Theme::default();
    let mut m = model(100, 30);
    keys(&mut m, "Tab Tab Tab");
    let buf = buffer(&m, &theme);
    let current_bg = style::role(&theme, Role::AnnotationCurrent).bg;
    assert!(current_bg.is_some());
    let at = |byte| {
        buf.cell(cell_of(&m, byte))
            .map(|c| c.style())
            .unwrap_or_default()
    };
    assert_eq!(
        at(span("Ana Ruiz", 0).start).bg,
        current_bg,
        "the current mention"
    );
    let person = style::role(&theme, Role::EntityPerson).fg;
    assert_eq!(
        at(span("Ruiz", 1).start).fg,
        person,
        "another mention of the same person"
    );
    let org = style::role(&theme, Role::EntityOrg).fg;
    assert_eq!(at(span("Port Authority", 0).start).fg, org);
    assert_ne!(person, org);
    let quote = style::role(&theme, Role::Quote);
    let inside = at(span("long winter", 0).start);
    assert_eq!(inside.fg, quote.fg, "quote text");
    assert_eq!(index_of(&m, "Ana Ruiz", 0), m.current.unwrap_or(usize::MAX));
}

#[test]
fn no_color_paints_no_colour_anywhere() {
    let theme = Theme::default().without_color();
    let mut m = model(100, 30);
    keys(&mut m, "Tab Tab Tab / r u i z");
    let buf = buffer(&m, &theme);
    for cell in buf.content() {
        let s = cell.style();
        assert!(matches!(s.fg, None | Some(Color::Reset)), "{cell:?}");
        assert!(matches!(s.bg, None | Some(Color::Reset)), "{cell:?}");
    }
}

#[test]
fn resizing_redraws_at_once_at_every_size() {
    let theme = Theme::default();
    let mut m = model(100, 30);
    keys(&mut m, "Tab Tab Tab");
    for (w, h) in [
        (60, 20),
        (20, 5),
        (5, 2),
        (1, 1),
        (0, 0),
        (200, 60),
        (100, 30),
    ] {
        update(&mut m, Msg::Resize(w, h));
        if w > 0 && h > 0 {
            let _ = buffer(&m, &theme);
        }
    }
    assert!(screen(&m, &theme).contains("Ent 5"));
}

#[test]
fn mention_marks_beside_the_scrollbar() {
    // 12 rows: the article overflows, so the scrollbar shows, ticked where Ana Ruiz is named.
    let mut m = model(100, 12);
    keys(&mut m, "Tab Tab Tab");
    let theme = Theme::default();
    let column = m
        .scrollbar_column()
        .unwrap_or_else(|| panic!("no scrollbar"));
    let buf = buffer(&m, &theme);
    let ticked: Vec<u16> = (column.y..column.bottom())
        .filter(|&y| matches!(buf[(column.x, y)].symbol(), "┤" | "┫"))
        .map(|y| y - column.y)
        .collect();
    assert_eq!(ticked, m.marks.rows());
    assert!(ticked.len() >= 2, "{ticked:?}");
    let mark = style::role(&theme, Role::ScrollbarMention).fg;
    for &row in &ticked {
        assert_eq!(
            buf[(column.x, column.y + row)].fg,
            mark.unwrap_or(Color::Reset)
        );
    }
    insta::assert_snapshot!(screen(&m, &theme));
}
