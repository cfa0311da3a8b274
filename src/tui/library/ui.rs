//! Drawing the library screens: a header naming the screen, the list (articles; search
//! hits with the matching words marked; entities; an entity's passages under a chart of
//! its articles per month) and a status bar with the live keymap's hints or the search
//! prompt. Reads the view only.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Span;

use crate::theme::{Role, Theme};
use crate::tui::ui::style::{role, stack};
use crate::tui::ui::text::{set_line, set_style};
use crate::tui::ui::{fit, width};

use super::model::{LibraryView, Screen};
use super::shelf::{ArticleRow, EntityRow, SearchHit};
use super::window::Window;

mod entity;
mod status;

pub use entity::CHART_ROWS;

/// Paints the library screen `v` shows.
pub fn draw(frame: &mut Frame, v: &LibraryView, theme: &Theme) {
    let area = frame.area();
    if area.height < 2 || area.width < 4 {
        return;
    }
    let buf = frame.buffer_mut();
    set_style(buf, area, role(theme, Role::List));
    let header = Rect::new(area.x, area.y, area.width, 1);
    set_line(buf, area.x, area.y, &header_spans(v, theme), header.width);
    let body = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(3),
    );
    match v.screen {
        Screen::Articles => draw_articles(frame, body, v, theme),
        Screen::Search => draw_hits(frame, body, v, theme),
        Screen::Entities => draw_entities(frame, body, v, theme),
        Screen::Entity => {
            if let Some(e) = &v.entity {
                entity::draw(frame, body, e, theme);
            }
        }
    }
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    status::draw(frame, status, v, theme);
    if let Some(scroll) = v.help {
        status::draw_help(frame, area, v, scroll, theme);
    }
}

/// Where the terminal's cursor goes: at the end of the search prompt while it is open.
pub fn cursor(v: &LibraryView, area: Rect) -> Option<Position> {
    v.search.typing.then(|| {
        let x = 2 + width(&v.search.query);
        Position::new(
            area.x
                + u16::try_from(x)
                    .unwrap_or(u16::MAX)
                    .min(area.width.saturating_sub(1)),
            area.bottom().saturating_sub(1),
        )
    })
}

fn header_spans<'a>(v: &'a LibraryView, theme: &Theme) -> Vec<Span<'a>> {
    let title = stack(theme, &[Role::Text, Role::Title]);
    let dim = stack(theme, &[Role::List, Role::ListDim]);
    let (head, rest) = match v.screen {
        Screen::Articles => {
            let n = v.total.unwrap_or(0);
            let s = if n == 1 { "" } else { "s" };
            (
                "Library".to_string(),
                format!(" · {n} article{s} · by {}", v.sort),
            )
        }
        Screen::Search => (
            format!("Search “{}”", v.search.query),
            format!(" · {} hits shown", v.search.hits.rows().len()),
        ),
        Screen::Entities => (
            "People, organisations and places".to_string(),
            " · across your library".to_string(),
        ),
        Screen::Entity => match &v.entity {
            Some(e) => (
                e.entity.name.clone(),
                format!(
                    " · {} · {} · {}",
                    e.entity.label.as_str(),
                    plural(e.entity.articles, "article"),
                    plural(e.entity.mentions, "mention")
                ),
            ),
            None => (String::new(), String::new()),
        },
    };
    vec![
        Span::styled(" ", title),
        Span::styled(head, title),
        Span::styled(rest, dim),
    ]
}

pub(super) fn plural(n: usize, word: &str) -> String {
    match n {
        1 => format!("1 {word}"),
        _ => format!("{n} {word}s"),
    }
}

/// The style of a list row: selected or not.
fn row_style(theme: &Theme, selected: bool) -> Style {
    match selected {
        true => stack(theme, &[Role::List, Role::ListSelected]),
        false => role(theme, Role::List),
    }
}

/// Paints one list row: `left` from the left, `right` flush right, the selection marked.
pub(super) fn put_row(
    frame: &mut Frame,
    area: Rect,
    y: u16,
    selected: bool,
    theme: &Theme,
    left: Vec<Span>,
    right: Vec<Span>,
) {
    let buf = frame.buffer_mut();
    let base = row_style(theme, selected);
    set_style(buf, Rect::new(area.x, y, area.width, 1), base);
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let right_w = right_w.min(usize::from(area.width));
    let marker = if selected { "▸" } else { " " };
    let mut spans = vec![Span::styled(marker, base)];
    spans.extend(left);
    let room = usize::from(area.width).saturating_sub(right_w + 2);
    let spans = fit_spans(spans, room + 1);
    set_line(buf, area.x, y, &spans, area.width);
    let x = area.right() - u16::try_from(right_w).unwrap_or(0);
    set_line(buf, x, y, &right, u16::try_from(right_w).unwrap_or(0));
    if selected {
        set_style(buf, Rect::new(area.x, y, area.width, 1), base);
    }
}

/// `spans` cut to `room` columns, the last one kept ending in an ellipsis when cut.
fn fit_spans(spans: Vec<Span<'_>>, room: usize) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = width(&span.content);
        if used + w <= room {
            used += w;
            out.push(span);
            continue;
        }
        out.push(Span::styled(fit(&span.content, room - used), span.style));
        break;
    }
    out
}

fn draw_articles(frame: &mut Frame, body: Rect, v: &LibraryView, theme: &Theme) {
    let w = &v.articles;
    if w.is_loaded() && w.rows().is_empty() {
        let hint = " No articles yet: `gloss library add PATH` adds files, and every article you open is kept.";
        empty(frame, body, hint, theme);
        return;
    }
    draw_rows(frame, body, w, theme, article_spans);
}

/// The window's rows that fit in `body`, one a line, the cursor's highlighted.
fn draw_rows<'a, T>(
    frame: &mut Frame,
    body: Rect,
    w: &'a Window<T>,
    theme: &Theme,
    spans: impl Fn(&'a T, &Theme) -> (Vec<Span<'a>>, Vec<Span<'a>>),
) {
    for (i, row) in w
        .rows()
        .iter()
        .enumerate()
        .skip(w.top())
        .take(usize::from(body.height))
    {
        let y = body.y + u16::try_from(i - w.top()).unwrap_or(0);
        let (left, right) = spans(row, theme);
        put_row(frame, body, y, i == w.cursor(), theme, left, right);
    }
}

fn article_spans<'a>(row: &'a ArticleRow, theme: &Theme) -> (Vec<Span<'a>>, Vec<Span<'a>>) {
    let dim = stack(theme, &[Role::List, Role::ListDim]);
    let left = vec![Span::raw(row.title.as_str())];
    let site = fit(row.site.as_deref().unwrap_or(""), 20);
    let progress = row
        .progress
        .map_or("   –".to_string(), |p| format!("{p:>3}%"));
    let notes = match row.notes {
        0 => "   ".to_string(),
        n => format!("{n:>2}✎"),
    };
    let right = vec![
        Span::styled(format!("{site:>20}  "), dim),
        Span::styled(format!("{:<10}  ", row.date), dim),
        Span::raw(progress),
        Span::styled(
            format!(" {notes} "),
            stack(theme, &[Role::List, Role::Note]),
        ),
    ];
    (left, right)
}

fn draw_hits(frame: &mut Frame, body: Rect, v: &LibraryView, theme: &Theme) {
    let w = &v.search.hits;
    let shown = usize::from(body.height / 2);
    for (i, hit) in w.rows().iter().enumerate().skip(w.top()).take(shown) {
        let y = body.y + 2 * u16::try_from(i - w.top()).unwrap_or(0);
        let selected = i == w.cursor();
        let dim = stack(theme, &[Role::List, Role::ListDim]);
        let right = vec![Span::styled(
            format!("{}  {} ", site_of(hit), hit.date),
            dim,
        )];
        put_row(
            frame,
            body,
            y,
            selected,
            theme,
            vec![Span::raw(hit.title.as_str())],
            right,
        );
        let snippet = marked(
            &hit.snippet,
            &hit.marks,
            dim,
            stack(theme, &[Role::List, Role::SearchMatch]),
        );
        let mut spans = vec![Span::raw("   ")];
        spans.extend(snippet);
        set_line(frame.buffer_mut(), body.x, y + 1, &spans, body.width);
    }
}

fn site_of(hit: &SearchHit) -> &str {
    hit.site.as_deref().unwrap_or("")
}

/// `text` as spans, the byte ranges `marks` in `mark` and the rest in `plain`.
pub(super) fn marked<'a>(
    text: &'a str,
    marks: &[std::ops::Range<usize>],
    plain: Style,
    mark: Style,
) -> Vec<Span<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        let (Some(before), Some(inside)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        out.push(Span::styled(before, plain));
        out.push(Span::styled(inside, mark));
        at = r.end;
    }
    out.push(Span::styled(text.get(at..).unwrap_or(""), plain));
    out
}

fn draw_entities(frame: &mut Frame, body: Rect, v: &LibraryView, theme: &Theme) {
    let w = &v.entities;
    if w.is_loaded() && w.rows().is_empty() {
        empty(
            frame,
            body,
            " No people, organisations or places yet.",
            theme,
        );
        return;
    }
    draw_rows(frame, body, w, theme, entity_spans);
}

fn entity_spans<'a>(row: &'a EntityRow, theme: &Theme) -> (Vec<Span<'a>>, Vec<Span<'a>>) {
    let dim = stack(theme, &[Role::List, Role::ListDim]);
    let name = stack(theme, &[Role::List, Role::for_entity(row.label)]);
    let left = vec![Span::styled(row.name.as_str(), name)];
    let right = vec![
        Span::styled(format!("{:<7}", row.label.as_str()), dim),
        Span::raw(format!("{:>14}", plural(row.articles, "article"))),
        Span::styled(format!("{:>15} ", plural(row.mentions, "mention")), dim),
    ];
    (left, right)
}

pub(super) fn empty(frame: &mut Frame, body: Rect, text: &str, theme: &Theme) {
    let dim = stack(theme, &[Role::List, Role::ListDim]);
    set_line(
        frame.buffer_mut(),
        body.x,
        body.y,
        &[Span::styled(text, dim)],
        body.width,
    );
}
