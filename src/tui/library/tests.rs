//! Snapshots of the library screens drawn from plain rows (the wired screens, over a real
//! library file, are tested in `tests_wired.rs`).

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::annotation::EntityLabel;
use crate::theme::Theme;
use crate::tui::keymap::Keymap;

use super::model::{EntityState, LibraryView, Screen};
use super::shelf::{ArticleRow, EntityPage, EntityRow, Passage, RowKey, Toward};
use super::ui;
use super::window::{PAGE, Want};

/// The screen as text, one line per row.
pub fn screen(v: &LibraryView) -> String {
    let (w, h) = v.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| ui::draw(f, v, &Theme::default()))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let line: String = (0..w)
                .filter_map(|x| buf.cell((x, y)).map(|c| c.symbol().to_string()))
                .collect();
            format!("{}\n", line.trim_end())
        })
        .collect()
}

fn row(
    id: i64,
    title: &str,
    site: &str,
    date: &str,
    progress: Option<u8>,
    notes: usize,
) -> ArticleRow {
    ArticleRow {
        id,
        title: title.into(),
        site: Some(site.into()).filter(|s: &String| !s.is_empty()),
        date: date.into(),
        progress,
        notes,
        key: RowKey {
            text: String::new(),
            number: 0,
            id,
        },
    }
}

#[test]
fn the_article_list_shows_title_site_date_progress_and_notes() {
    let mut v = LibraryView::new(Keymap::default(), (100, 8));
    let rows = vec![
        row(
            3,
            "Harbour bridge reopens",
            "harbour.example",
            "2021-03-04",
            Some(42),
            2,
        ),
        row(
            1,
            "A very long title that goes on and on about the council's budget meeting and its many votes",
            "",
            "2020-11-30",
            Some(100),
            0,
        ),
        row(2, "Never opened", "news.example", "", None, 0),
    ];
    v.total = Some(3);
    let want = Want {
        toward: Toward::After,
        from: None,
    };
    v.articles.take(want, rows, PAGE, Some(3));
    v.articles.move_by(1);
    insta::assert_snapshot!(screen(&v));
}

#[test]
fn the_entity_page_charts_its_months_and_lists_its_passages() {
    let mut v = LibraryView::new(Keymap::default(), (90, 16));
    let passage = |article, title: &str, date: &str, text: &str, mark: &str| Passage {
        article,
        title: title.into(),
        date: date.into(),
        text: text.into(),
        mark: text.find(mark).map(|i| i..i + mark.len()),
        at: 10,
    };
    let page = EntityPage {
        mentions: vec![
            passage(
                2,
                "Budget passes",
                "2021-03-10",
                "Mayor Ana Ruiz signed the budget on Friday.",
                "Ana Ruiz",
            ),
            passage(
                1,
                "Harbour bridge reopens",
                "2021-01-04",
                "Ruiz thanked the Port Authority.",
                "Ruiz",
            ),
        ],
        quotes: vec![passage(
            1,
            "Harbour bridge reopens",
            "2021-01-04",
            "“It has been a long winter.”",
            "",
        )],
        months: vec![("2021-01".into(), 1), ("2021-03".into(), 2)],
    };
    let entity = EntityRow {
        id: 7,
        name: "Ana Ruiz".into(),
        label: EntityLabel::Person,
        articles: 2,
        mentions: 4,
        key: None,
    };
    v.entity = Some(EntityState {
        entity,
        page,
        cursor: 1,
        top: 0,
    });
    v.screen = Screen::Entity;
    insta::assert_snapshot!(screen(&v));
}
