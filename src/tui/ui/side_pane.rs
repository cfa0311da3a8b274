//! The side pane: a tab bar (Entities / Dates / Quotes / Notes, with counts: [`tabs`])
//! over the current tab's list — entities under label headings with mention counts and aliases,
//! dates on a timeline with the words used and how each was resolved, quotes with their
//! speaker and opening words, and the Notes tab's empty state. Also [`hit`], the inverse
//! used by mouse clicks.

mod detail;
mod notes;
mod tabs;

use notes::note_lines;
use tabs::tab_labels;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style as RStyle;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::theme::{Role, Theme};

use super::super::action::Action;
use super::super::model::{Focus, Model};
use super::super::rows::{Item, ItemKind, Tab};
use super::style::{role, stack};
use super::{fit, width};

/// What a click in the side pane landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(Tab),
    Item(usize),
}

/// The mark of a side-pane row that a correction changed.
pub const CORRECTED_MARK: &str = "✎";

fn width_u16(s: &str) -> u16 {
    u16::try_from(width(s)).unwrap_or(u16::MAX)
}

pub fn draw(frame: &mut Frame, pane: Rect, m: &Model, theme: &Theme) {
    let focused = m.side.focus == Focus::Side;
    let buf = frame.buffer_mut();
    super::text::set_style(buf, pane, role(theme, Role::List));
    draw_border(buf, pane, m, theme);
    let Some(areas) = m.side_areas() else { return };
    let screen = frame.area();
    let tabs_area = areas.tabs.intersection(screen);
    if tabs_area.is_empty() {
        return;
    }
    let tabs: Vec<Span> = tab_labels(m, tabs_area.width)
        .into_iter()
        .map(|(tab, label)| {
            let r = if tab == m.side.tab {
                Role::TabActive
            } else {
                Role::TabInactive
            };
            Span::styled(label, stack(theme, &[Role::Tab, r]))
        })
        .collect();
    frame
        .buffer_mut()
        .set_line(tabs_area.x, tabs_area.y, &Line::from(tabs), tabs_area.width);
    let list = areas.list.intersection(screen);
    if list.is_empty() {
        return;
    }
    if m.side.tab == Tab::Notes && m.rows.is_empty(Tab::Notes) {
        if let Some(tag) = &m.notes.tag {
            let text = Line::styled(
                format!("No notes tagged #{tag}."),
                role(theme, Role::ListDim),
            );
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), pad(list));
            return;
        }
        let text = vec![
            Line::styled("No notes yet.", role(theme, Role::List)),
            Line::raw(""),
            Line::styled(
                format!(
                    "The notes you write about passages of this article will be listed here, \
                     in the order of the text, each with the words it is attached to. \
                     Press {} to note the sentence at the top, or {} to select a passage.",
                    m.keymap.label(Action::AddNote),
                    m.keymap.label(Action::Select)
                ),
                role(theme, Role::ListDim),
            ),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), pad(list));
        return;
    }
    if m.rows.is_empty(m.side.tab) {
        let msg = match m.detection.running {
            true => "Detecting…".to_string(),
            false => format!(
                "No {} found in this article.",
                m.side.tab.title().to_lowercase()
            ),
        };
        let p =
            Paragraph::new(Line::styled(msg, role(theme, Role::ListDim))).wrap(Wrap { trim: true });
        frame.render_widget(p, pad(list));
        return;
    }
    let scroll = m.side.current().scroll;
    let window = scroll..scroll + usize::from(list.height);
    let lines = list_lines(m, theme, usize::from(list.width), focused, window);
    let buf = frame.buffer_mut();
    for (row, (line, style)) in lines.iter().take(usize::from(list.height)).enumerate() {
        let y = list.y + row as u16;
        if let Some(style) = style {
            super::text::set_style(buf, Rect::new(list.x, y, list.width, 1), *style);
        }
        super::text::set_text_line(buf, list.x, y, line, list.width);
    }
    if let Some(detail) = areas
        .detail
        .map(|d| d.intersection(screen))
        .filter(|d| !d.is_empty())
    {
        let selected = m
            .side
            .current()
            .selected
            .filter(|&i| i < m.rows.len(m.side.tab));
        detail::draw(frame, detail, m, selected, theme);
    }
}

/// The pane's left column, where the article's scrollbar is drawn over it: the pane's
/// background and, beside the article, its border. Also what a frame that only scrolled
/// the article repaints under the scrollbar (`ui::draw_scrolled`).
pub fn draw_left_column(buf: &mut Buffer, pane: Rect, m: &Model, theme: &Theme) {
    let column = Rect::new(pane.x, pane.y, pane.width.min(1), pane.height);
    super::text::set_style(buf, column, role(theme, Role::List));
    draw_border(buf, pane, m, theme);
}

/// The border between the article and the pane, when the pane is beside the article.
fn draw_border(buf: &mut Buffer, pane: Rect, m: &Model, theme: &Theme) {
    let Some(areas) = m.side_areas() else { return };
    if areas.tabs.x > pane.x {
        let border = if m.side.focus == Focus::Side {
            Role::PaneBorderFocused
        } else {
            Role::PaneBorder
        };
        let style = role(theme, border);
        for y in pane.y..pane.bottom() {
            // One narrow character: set straight in its cell, as `set_string` would.
            if let Some(cell) = buf.cell_mut((pane.x, y)) {
                cell.set_symbol("│").set_style(style);
            }
        }
    }
}

/// One column of padding on the left, for text that is not a list.
fn pad(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y, r.width.saturating_sub(2), r.height)
}

/// The lines of the list from line `window.start` (at most `window.len()` of them), with
/// the row style of the selected item. Only the items in the window are shaped, so a book's
/// thousands of entities cost no more than an article's dozens.
fn list_lines(
    m: &Model,
    theme: &Theme,
    w: usize,
    focused: bool,
    window: std::ops::Range<usize>,
) -> Vec<(Line<'static>, Option<RStyle>)> {
    let selected = m.side.current().selected;
    let sel_style = stack(
        theme,
        &[
            Role::List,
            Role::ListSelected,
            if focused {
                Role::ListSelected
            } else {
                Role::ListSelectedUnfocused
            },
        ],
    );
    let dim = role(theme, Role::ListDim);
    let value_w = m.rows.title_width();
    let len = m.rows.len(m.side.tab);
    let mut out = Vec::new();
    let mut line = 0;
    let mut first_line = None;
    for i in 0..len {
        let h = m.rows.height(m.side.tab, i);
        if line + h <= window.start {
            line += h;
            continue;
        }
        if line >= window.end {
            break;
        }
        first_line.get_or_insert(line);
        line += h;
        let Some(item) = m.item(m.side.tab, i) else {
            continue;
        };
        let item = &item;
        if let Some(section) = item.section.as_deref() {
            if i > 0 {
                out.push((Line::raw(""), None));
            }
            out.push((
                Line::styled(
                    format!(" {}", fit(section, w.saturating_sub(1))),
                    role(theme, Role::ListGroup),
                ),
                None,
            ));
        }
        let is_sel = selected == Some(i);
        let style = is_sel.then_some(sel_style);
        // A row a correction (or the lexicon) changed carries a mark where the selected
        // row's arrow goes.
        let corrected = || {
            m.rows
                .anchors(m.side.tab, i)
                .iter()
                .any(|a| m.annotations.is_corrected(a))
        };
        let marker = match is_sel {
            true => "▸",
            false if m.annotations.corrected_count() > 0 && corrected() => CORRECTED_MARK,
            false => " ",
        };
        let (first, second) = match item.kind {
            ItemKind::Entity(label) => entity_lines(theme, item, label, w, marker, dim),
            ItemKind::Date => date_lines(theme, item, w, value_w, marker, dim, i + 1 == len),
            ItemKind::Quote => quote_lines(theme, item, w, marker),
            ItemKind::Note {
                highlight,
                detached,
            } => note_lines(theme, item, w, marker, dim, highlight, detached),
        };
        out.push((first, style));
        if let Some(second) = second {
            out.push((second, style));
        }
    }
    // The first item shaped may begin above the window.
    let skip = window.start - first_line.unwrap_or(window.start);
    out.drain(..skip.min(out.len()));
    out
}

type Lines<'a> = (Line<'a>, Option<Line<'a>>);

fn entity_lines<'a>(
    theme: &Theme,
    item: &Item,
    label: crate::annotation::EntityLabel,
    w: usize,
    marker: &'a str,
    dim: RStyle,
) -> Lines<'a> {
    let count = &item.aside;
    let name_w = w.saturating_sub(width(count) + 3);
    let name = fit(&item.title, name_w);
    let gap = w.saturating_sub(1 + width(&name) + width(count) + 1);
    let first = Line::from(vec![
        Span::raw(marker),
        Span::styled(name, stack(theme, &[Role::List, Role::for_entity(label)])),
        Span::raw(" ".repeat(gap)),
        Span::styled(count.clone(), dim),
    ]);
    let second = item
        .detail
        .as_ref()
        .map(|d| Line::styled(format!("   {}", fit(d, w.saturating_sub(4))), dim));
    (first, second)
}

fn date_lines<'a>(
    theme: &Theme,
    item: &Item,
    w: usize,
    value_w: usize,
    marker: &'a str,
    dim: RStyle,
    last: bool,
) -> Lines<'a> {
    let axis = role(theme, Role::TimelineAxis);
    let value_role = if item.title == "unresolved" {
        Role::DateUnresolved
    } else {
        Role::TimelineValue
    };
    let value = fit(&item.title, w.saturating_sub(4).min(value_w.max(4)));
    let pad = " ".repeat(value_w.saturating_sub(width(&value)));
    let words_w = w.saturating_sub(4 + value_w + 2);
    let first = Line::from(vec![
        Span::raw(marker),
        Span::styled("● ", axis),
        Span::styled(value, stack(theme, &[Role::List, value_role])),
        Span::raw(pad),
        Span::raw("  "),
        Span::styled(
            fit(&item.aside, words_w),
            stack(theme, &[Role::List, Role::Date]),
        ),
    ]);
    let stem = if last { "  " } else { "│ " };
    let second = item.detail.as_ref().map(|d| {
        Line::from(vec![
            Span::raw(" "),
            Span::styled(stem, axis),
            Span::styled(
                fit(explanation_tail(d, &item.title), w.saturating_sub(4)),
                dim,
            ),
        ])
    });
    (first, second)
}

/// What an explanation adds to a timeline row that already shows the words and the value:
/// "Sunday -> 2020-01-05 (the Sunday before …)" becomes "the Sunday before …". The whole
/// explanation stays in the detail box.
fn explanation_tail<'a>(explanation: &'a str, value: &str) -> &'a str {
    let arrow = format!("-> {value}");
    let Some(at) = explanation.find(&arrow) else {
        return explanation;
    };
    let rest = explanation[at + arrow.len()..]
        .trim()
        .trim_start_matches([',', ':'])
        .trim();
    let rest = match rest.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')').unwrap_or(inner),
        None => rest,
    };
    if rest.is_empty() { explanation } else { rest }
}

fn quote_lines<'a>(theme: &Theme, item: &Item, w: usize, marker: &'a str) -> Lines<'a> {
    let first = Line::from(vec![
        Span::raw(marker),
        Span::styled(
            fit(&item.title, w.saturating_sub(2)),
            stack(theme, &[Role::List, Role::Quote]),
        ),
    ]);
    (first, None)
}

/// What is drawn at screen cell (`column`, `row`) of the side pane.
pub fn hit(m: &Model, column: u16, row: u16) -> Option<Hit> {
    let areas = m.side_areas()?;
    let cell = Position { x: column, y: row };
    if areas.tabs.contains(cell) {
        let mut x = areas.tabs.x;
        for (tab, label) in tab_labels(m, areas.tabs.width) {
            let w = width_u16(&label);
            if column >= x && column < x + w {
                return Some(Hit::Tab(tab));
            }
            x += w;
        }
        return None;
    }
    if !areas.list.contains(cell) {
        return None;
    }
    let line = usize::from(row - areas.list.y) + m.side.current().scroll;
    m.rows.item_at_line(m.side.tab, line).map(Hit::Item)
}

#[cfg(test)]
mod tests {
    use super::explanation_tail;

    #[test]
    fn timeline_rows_drop_what_the_row_already_says() {
        let e = "Sunday -> 2020-01-05 (the Sunday before the publication date)";
        assert_eq!(
            explanation_tail(e, "2020-01-05"),
            "the Sunday before the publication date"
        );
        assert_eq!(
            explanation_tail("a month and year", "2020-10"),
            "a month and year"
        );
        assert_eq!(explanation_tail("2003 -> 2003", "2003"), "2003 -> 2003");
    }
}
